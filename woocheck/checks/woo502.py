"""WOO502 the inventory verdict does not fit the redactions.

What it checks: a document its inventory row marks "Openbaar" (public in full) must have
no redaction: if it has one, that is an error. A document marked "Deels openbaar"
(partly public) without any redaction is a warning. Verdicts are read in any spelling
("Gedeeltelijk openbaar gemaakt", "Volledig openbaar", OCR'd "0penbaar").

Why it matters: a box in a document the decision calls public withholds information
without any decision to do so; a "partly public" document published whole may be the
wrong version, the unredacted one.

Example: inventory row 7 "Openbaar", the PDF has 3 black boxes -> WOO502 "inventory row 7
says Openbaar, but the document has 3 redaction(s)".

Source: Woo art. 4.4 and 5.1; Awb art. 3:46.
"""

from __future__ import annotations

from ..decision.verdict import PARTLY, PUBLIC
from ..model import Finding, Severity

CODE = "WOO502"
SEVERITY = Severity.ERROR
SUMMARY = "inventory verdict does not fit the redactions"


def check_batch(batch):
    for view in batch.decisions:
        for doc in view.documents:
            if doc.row is None or doc.facts is None:
                continue
            n = doc.facts.redactions
            if doc.row.verdict == PUBLIC and n:
                yield Finding(CODE, SEVERITY, f"inventory row {doc.row.number} says {doc.row.verdict_raw!r}, but the "
                              f"document has {n} redaction(s)", doc.path)
            elif doc.row.verdict == PARTLY and not n and not doc.facts.grounds_found:
                yield Finding(CODE, Severity.WARNING, f"inventory row {doc.row.number} says {doc.row.verdict_raw!r}, "
                              "but the document has no redaction", doc.path)
