"""WOO203 Wob code in a document dated on or after 2022-05-01.

What it checks: a redaction whose ground is a Wob code (10.1a-d, 10.2a-g, 10.7a-b, 11.1,
11.2) in a document whose date is on or after 1 May 2022. The Woo applies by the date of
the decision, so the date is `--decision-date` (config `decision-date`) when given, else
the date of the decision the document belongs to (the "Datum" of its decision letter, or
a "Datum besluit" written above its inventory table; see WOO505), else the document's own
date: the "Datum" header on the first page, or the header of its latest e-mail
("Verzonden:", "Sent:", "Date:"). The message names the date's source and the Woo
successor. Without a known date nothing is reported.

Why it matters: the Woo replaced the Wob on 1 May 2022 and applies to every decision
taken from that day, also on requests filed earlier. A decision that still cites the Wob
applies the wrong law.

Example: a letter dated 12 June 2023 with `[REDACTED] (10.2e)` -> WOO203 "Wob ground
10.2e ...; the Woo successor is 5.1.2e".

Source: Wet open overheid art. 10.1 (transitional law); ABRvS 18 May 2022,
ECLI:NL:RVS:2022:1432.
"""

from __future__ import annotations

from ..grounds.dates import WOO_START
from ..grounds import repair_note
from ._at_redaction import at_redaction
from ..model import Severity

CODE = "WOO203"
SEVERITY = Severity.ERROR
SUMMARY = "Wob code in a document dated on/after 2022-05-01"


def check(doc, ctx):
    grounded = ctx.grounded
    when = getattr(grounded, "date", None)
    cat = getattr(grounded, "catalogue", None)
    if when is None or when < WOO_START or cat is None:
        return
    for r in ctx.redactions:
        for g in r.grounds:
            if g.law != "wob":
                continue
            entry = cat.get(g.code)
            successor = entry.successor if entry else None
            hint = f"; the Woo successor is {successor}" if successor else ""
            if g.code == "10.2g":
                hint += " (5.1.2i when the harm is to the government itself)"
            yield at_redaction(
                r,
                CODE,
                SEVERITY,
                (
                    f"Wob ground {g.code} in a document dated {when.isoformat()} ({grounded.date_source}); "
                    f"the Woo applies from 2022-05-01{hint}{repair_note([g])}"
                ),
                text=g.raw,
            )
