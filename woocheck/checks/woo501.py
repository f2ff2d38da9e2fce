"""WOO501 the grounds on a document's redactions differ from its inventory row.

What it checks: for every document of a decision that has an inventory list, the set of
grounds on its redactions (read as WOO2xx reads them, including the labels printed on
scanned pages) against the grounds its inventory row lists. A ground on the redactions
that the row does not list is an error; a ground the row lists that no redaction carries
is a warning (the row may be right and a label unreadable, or the row copied from
another document). A code in the row that is no ground at all ("artikel 5.1 lid 1 sub
i", found in a real published inventory) is a warning of the same kind, with the reason.
Markers ("buiten verzoek") are no grounds and are not compared.

Why it matters: the inventory is part of the decision. A redaction whose ground the
decision does not state is not motivated; a ground stated for a document that does not
use it makes the decision wrong on its face. Both are found on objection.

Example: inventory row 12 "5.1.2e", the PDF also has boxes labelled 5.1.2i -> WOO501
"ground 5.1.2i on the redactions is not in inventory row 12 (lists 5.1.2e)".

Source: Woo art. 5.1 and 4.4 (the decision states per document what is withheld and on
which ground); Awb art. 3:46-3:47 (motivation).
"""

from __future__ import annotations

from ..grounds.parse import explain_invalid
from ..model import Finding, Severity

CODE = "WOO501"
SEVERITY = Severity.ERROR
SUMMARY = "redaction grounds differ from the inventory row"


def check_batch(batch):
    for view in batch.decisions:
        if not view.inventory:
            continue
        for doc in view.documents:
            if doc.row is None or doc.facts is None:
                continue
            listed, found = set(doc.row.grounds), set(doc.facts.grounds_found)
            lists = ", ".join(sorted(listed)) or "no ground"
            for code in sorted(found - listed):
                yield Finding(CODE, SEVERITY, f"ground {code} on the redactions is not in inventory row "
                              f"{doc.row.number} (lists {lists})", doc.path, text=code, kind="GROUND")
            for code in sorted(listed - found):
                yield Finding(CODE, Severity.WARNING, f"inventory row {doc.row.number} lists {code}, "
                              "but no redaction in the document carries it", doc.path, text=code, kind="GROUND")
            for code in doc.row.invalid:
                yield Finding(CODE, Severity.WARNING, f"inventory row {doc.row.number} lists {code}, which is no "
                              f"ground ({explain_invalid(code)})", doc.path, text=code, kind="GROUND")
