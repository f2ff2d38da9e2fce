"""WOO505 the decision letter cites a ground that does not exist, or a Wob article too late.

What it checks: every ground the decision letter cites, in codes or in prose ("artikel
5.1, tweede lid, aanhef en onder e, van de Woo"), must exist in the catalogue; an
article or paragraph named as a whole ("artikel 5.1 van de Woo") cites no ground and is
not judged. In a decision dated on or after 1 May 2022 a Wob article (10.1a-d, 10.2a-g,
10.7, 11.1, 11.2) is also an error. The date is `--decision-date`, else the letter's own
"Datum", else one written above the inventory table.

Why it matters: a refusal resting on a ground the law does not have is not motivated;
a decision under the Wob after the Woo took effect applies the wrong law. Both are
annulled on appeal.

Example: a letter of 2023 that refuses "op grond van artikel 5.1 lid 1 sub i" -> WOO505
"the letter cites 5.1.1i, which does not exist (art. 5.1 lid 1 runs a-e only)".

Source: Woo art. 5.1, 5.2, 10.1 (transitional law); ABRvS 18 May 2022,
ECLI:NL:RVS:2022:1432.
"""

from __future__ import annotations

from ..grounds.dates import WOO_START
from ..grounds.parse import explain_invalid
from ..model import Finding, Severity

CODE = "WOO505"
SEVERITY = Severity.ERROR
SUMMARY = "decision letter cites a ground that does not exist, or the Wob"


def check_batch(batch):
    for view in batch.decisions:
        letter = view.letter
        if letter is None:
            continue
        when = view.decision.date
        seen: set[str] = set()
        for c in letter.citations:
            g = c.ground
            if g.code in seen:
                continue
            if not g.valid:
                message = f"the letter cites {g.code}, which does not exist ({explain_invalid(g.code)})"
            elif g.law == "wob" and when is not None and when >= WOO_START:
                message = (f"the letter cites Wob ground {g.code} in a decision dated {when.isoformat()} "
                           f"({view.decision.date_source}); the Woo applies from 2022-05-01")
            else:
                continue
            seen.add(g.code)
            yield Finding(CODE, SEVERITY, message, letter.path, page=c.page, span=(c.start, c.end), text=g.raw,
                          kind="GROUND")
