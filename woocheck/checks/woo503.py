"""WOO503 a document the inventory marks "Niet openbaar" is in the publication.

What it checks: every scanned document of a decision is matched to its inventory row
(by the number in its file name or by the name column). A document whose row says "Niet
openbaar" (refused; also "Weigeren", "Niet verstrekt", Wob-era "niet openbaar gemaakt")
is an error: it was refused and must not be published.

Why it matters: publishing a document the decision refused discloses exactly what the
body decided to withhold, usually for a third party's sake; it cannot be undone.

Example: `0042 memo.pdf` in the folder, inventory row 42 "Niet openbaar" -> WOO503.

Source: Woo art. 5.1, 5.2 (refused documents); art. 3.3 (active publication excludes them).
"""

from __future__ import annotations

from ..decision.verdict import REFUSED
from ..model import Finding, Severity

CODE = "WOO503"
SEVERITY = Severity.ERROR
SUMMARY = "document marked Niet openbaar is in the publication"


def check_batch(batch):
    for view in batch.decisions:
        for doc in view.documents:
            if doc.row is not None and doc.row.verdict == REFUSED:
                yield Finding(CODE, SEVERITY, f"inventory row {doc.row.number} says {doc.row.verdict_raw!r}: "
                              "this document must not be published", doc.path)
