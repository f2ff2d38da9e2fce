"""The court-filings corpus (../shared/corpora/court-pdfs) split into a half to tune the
failed-redaction checks (WOO301-WOO304) on and a half only to measure on.

The split is fixed by a hash of the file name (sha1, even: tune; odd: measure), not by
order, so adding files does not move the others. Judging is by eye on rendered pages.

Run:
  python -m tests.court_split tune       # the file names of the tune half, one a line
  python -m tests.court_split measure
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COURT = ROOT.parent / "shared" / "corpora" / "court-pdfs"


def half_of(name: str) -> str:
    """'tune' or 'measure' for a file name."""
    return "tune" if int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "measure"


def files(half: str, root: Path = COURT) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("*.pdf") if half_of(p.name) == half)


if __name__ == "__main__":
    for p in files(sys.argv[1] if len(sys.argv) > 1 else "tune"):
        print(p)
