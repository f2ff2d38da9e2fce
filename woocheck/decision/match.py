"""Which inventory row a file is: by the document number in its name, else by the name column.

Published files carry the number in many ways ("171059.pdf", "VWS-WOO-183549-RE_...pdf",
"0012 memo.pdf", "Document 12.pdf"); a number counts only as a whole run of digits, and
"0012" is number 12. When several rows' numbers occur in a name (a date in the title) the
one that comes first wins. A file whose name holds no row's number is matched by the
document-name column, compared without extension, case and punctuation.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .inventory import Inventory, Row


def _number_key(text: str) -> Optional[str]:
    digits = re.fullmatch(r"\D{0,12}?(\d+)\D{0,3}", text.strip())
    return str(int(digits.group(1))) if digits else None


def _name_key(text: str) -> str:
    stem = text
    while Path(stem).suffix.lower() in (".pdf", ".docx", ".doc", ".xlsx", ".msg", ".eml", ".pptx", ".txt", ".md"):
        stem = Path(stem).stem
    return re.sub(r"[\W_]+", "", stem.lower())


class Matcher:
    def __init__(self, inventory: Inventory):
        self.by_number: dict[str, Row] = {}
        self.by_name: dict[str, Row] = {}
        for row in inventory.rows:
            key = _number_key(row.number)
            if key is not None:
                self.by_number.setdefault(key, row)
            if row.name and len(_name_key(row.name)) >= 4:
                self.by_name.setdefault(_name_key(row.name), row)

    def row_for(self, path: str) -> Optional[Row]:
        stem = Path(path).stem
        for run in re.findall(r"\d+", stem):
            row = self.by_number.get(str(int(run)))
            if row is not None:
                return row
        return self.by_name.get(_name_key(Path(path).name))
