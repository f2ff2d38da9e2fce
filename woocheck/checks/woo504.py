"""WOO504 inventory and files do not correspond.

What it checks: a file of the decision that no inventory row lists (by number or name),
and a row marked "Openbaar" or "Deels openbaar" for which no file is in the publication.
Rows marked "Reeds openbaar" (already public; the decision links to it), "Niet openbaar"
or out of scope need no file. Both are warnings: the file may be named in a way that
does not carry its number, or the document may be published elsewhere. The decision
letter and the inventory itself are not documents of it.

Why it matters: a file outside the inventory was never assessed; a document the
decision makes public that is not published leaves the decision unexecuted.

Example: inventory row 172706 "Openbaar", no file with that number -> WOO504 on the
inventory; `extra.pdf` not in any row -> WOO504 on `extra.pdf`.

Source: Woo art. 4.4, 3.3.
"""

from __future__ import annotations

from ..decision.verdict import needs_file
from ..model import Finding, Severity

CODE = "WOO504"
SEVERITY = Severity.WARNING
SUMMARY = "inventory row without a file, or a file not in the inventory"


def check_batch(batch):
    for view in batch.decisions:
        if not view.inventory:
            continue
        for doc in view.documents:
            if doc.row is None:
                yield Finding(CODE, SEVERITY, "no row of the inventory lists this file (by number or name)", doc.path)
        for row in view.rows_without_file:
            if needs_file(row.verdict):
                yield Finding(CODE, SEVERITY, f"inventory row {row.number} ({row.verdict_raw}) has no file in the "
                              "publication", view.decision.inventory_path, text=row.number, kind="FILE")
