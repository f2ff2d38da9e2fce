"""WOO207 ground implausible for what the redaction covers.

What it checks: whether the ground fits what the box covers, judged from the covered text
(when a text layer survives under the box) or from the slot it stands in ("Van:", "Datum:",
"tel.", "BSN:", right after an "@"):
- the domain of an e-mail address redacted (`j.devries@[5.1.2e]`): a domain is no personal
  data, this is over-redaction;
- a BSN under 5.1.2e: imprecise, identification numbers fall under 5.1.1e;
- a name, e-mail address or phone number under 5.2.1, 5.1.2i or 5.1.1d: these fit 5.1.2e;
- 5.2.1 (personal policy opinions) on a box that covers only a date or a number: facts,
  not opinions.

Why it matters: a ground that does not fit the content is a wrong motivation; on appeal
the redaction falls, and over-redaction (domains) withholds what the law says is public.

Example: `Datum: [REDACTED] (5.2.1)` -> WOO207.

Source: Woo art. 5.1 lid 1 e, lid 2 e, art. 5.2; Rb Rotterdam 8 Mar 2024,
ECLI:NL:RBROT:2024:2304 (domain of an e-mail address); ABRvS 31 Jan 2018,
ECLI:NL:RVS:2018:314.
"""

from __future__ import annotations

from ..grounds.plausible import what_is_covered
from ..grounds import repair_note
from ._at_redaction import at_redaction
from ..model import Severity

CODE = "WOO207"
SEVERITY = Severity.WARNING
SUMMARY = "ground implausible for what surrounds it"

_WHAT = {"name": "a name", "email": "an e-mail address", "number": "a number", "date": "a date", "bsn": "a BSN"}


def _problem(covered: str, codes: set[str]) -> str | None:
    if covered == "domain":
        return "the domain part of an e-mail address is redacted; a domain is not personal data (over-redaction)"
    if covered == "bsn" and "5.1.2e" in codes and "5.1.1e" not in codes:
        return "a BSN is redacted under 5.1.2e; identification numbers fall under 5.1.1e (imprecise)"
    if covered in ("name", "email", "number", "bsn") and "5.1.2e" not in codes:
        odd = sorted(codes & {"5.2.1", "5.1.2i", "5.1.1d"})
        if odd:
            fit = "5.1.1e" if covered == "bsn" else "5.1.2e"
            return f"{', '.join(odd)} on a box covering only {_WHAT[covered]}; that usually falls under {fit}"
    if covered == "date" and "5.2.1" in codes:
        return "5.2.1 (policy opinions) on a box covering only a date: facts, not opinions"
    return None


def check(doc, ctx):
    for r in ctx.redactions:
        codes = {g.code for g in r.grounds if g.valid}
        if not codes or not (1 <= r.page <= len(doc.pages)):
            continue
        covered = what_is_covered(doc.pages[r.page - 1], r)
        if covered is None:
            continue
        why = _problem(covered, codes)
        if why is None:
            continue
        yield at_redaction(r, CODE, SEVERITY, why + repair_note(r.grounds), text=r.label or "")
