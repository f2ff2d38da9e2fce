"""WOO506 a ground applied in the documents or the inventory that the letter never cites.

What it checks: the union of the grounds on the redactions of every document of the
decision and the grounds of every inventory row, against the grounds the decision
letter cites anywhere in its text. Each ground the letter never mentions is an error,
reported once, on the letter, with the documents that apply it.

Why it matters: the letter is where the body weighs the interests; a ground applied
without that weighing is unmotivated, and courts annul decisions for it (the letter
motivates privacy only while the documents also use 5.1.2i).

Example: documents redacted under 5.1.2e and 5.1.2i, the letter discusses only "artikel
5.1, tweede lid, aanhef en onder e" -> WOO506 "5.1.2i is applied (3 documents) but the
letter never cites it".

Source: Awb art. 3:46-3:47 (motivation); Woo art. 5.1 (interests weighed per ground).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Severity

CODE = "WOO506"
SEVERITY = Severity.ERROR
SUMMARY = "ground applied but never cited in the decision letter"


def check_batch(batch):
    for view in batch.decisions:
        letter = view.letter
        if letter is None:
            continue
        users: dict[str, set[str]] = {}
        for doc in view.documents:
            for code in doc.facts.grounds_found if doc.facts else ():
                users.setdefault(code, set()).add(Path(doc.path).name)
            for code in doc.row.grounds if doc.row else ():
                users.setdefault(code, set()).add(f"inventory row {doc.row.number}")
        for row in view.rows_without_file:
            for code in row.grounds:
                users.setdefault(code, set()).add(f"inventory row {row.number}")
        cited = letter.cited
        for code in sorted(set(users) - cited):
            where = sorted(users[code])
            shown = ", ".join(where[:3]) + (f" and {len(where) - 3} more" if len(where) > 3 else "")
            yield Finding(CODE, SEVERITY, f"ground {code} is applied ({shown}) but the decision letter never cites it",
                          letter.path, text=code, kind="GROUND")
