"""Quick looks into a PDF that need no `Document`: the decision step (decision/) asks them
of files it does not scan as documents, before the batch.

`first_page_text` tells a decision letter by its heading without reading every page;
`table_rows` reads an inventory list published as a PDF table (pymupdf's table finder,
which follows ruling lines and, without them, text alignment).
"""
from __future__ import annotations

from pathlib import Path

import pymupdf

from . import IngestError


def first_page_text(path: str | Path) -> str:
    """The text of page 1, or "" when the file cannot be opened (the scan reports that)."""
    try:
        with pymupdf.open(path) as doc:
            return doc[0].get_text() if doc.page_count else ""
    except Exception:
        return ""


def table_rows(path: str | Path) -> list[list]:
    """Every row of every table on every page, in page order, cells as text or None."""
    try:
        doc = pymupdf.open(path)
    except Exception as exc:
        raise IngestError(f"not a readable PDF ({type(exc).__name__})") from None
    rows: list[list] = []
    with doc:
        for page in doc:
            for table in page.find_tables().tables:
                rows.extend(table.extract())
    return rows
