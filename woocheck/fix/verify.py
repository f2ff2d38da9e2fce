"""Scan the written copy again and sort what is left.

`remaining`: findings of the codes `woocheck fix` repairs (`REPAIRED`) and findings of the page text inside a box burnt in from a report: the repair
did not hold, exit 1. `left`: everything else the copy still has (personal data nobody
asked to redact, grounds, the file name): for the reviewer, not a failure of the fix.
"""
from __future__ import annotations

from collections import Counter

from ..model import Finding

REPAIRED = ("WOO301", "WOO302", "WOO303", "WOO304", "WOO401", "WOO402", "WOO403", "WOO404", "WOO405", "WOO406", "WOO407")


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def sort_after(after: list[Finding], redacted: list) -> tuple[list[Finding], list[Finding]]:
    """(remaining, left) of the copy's findings; `redacted` are the report's targets."""
    remaining, left = [], []
    for f in after:
        in_box = f.bbox is not None and any(t.page == f.page and _overlaps(f.bbox, t.rect) for t in redacted)
        if f.code in REPAIRED or (in_box and f.code.startswith("WOO1")):
            remaining.append(f)
        else:
            left.append(f)
    return remaining, left


def counts(findings: list[Finding]) -> str:
    c = Counter(f.code for f in findings)
    return ", ".join(f"{code} x{n}" for code, n in sorted(c.items()))
