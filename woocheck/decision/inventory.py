"""Read an inventory list (inventarislijst): xlsx, csv or a table in a PDF.

The header row is found, not assumed: the first row (of the first 20) that has a column
for the document number and one for the verdict. Column names differ per organisation
("ID", "Documentnummer", "Nr."; "Beoordeling", "Besluit", "Openbaarmaking";
"Beoordelingsgrond", "Weigeringsgrond(en)", "Grond"), and are often numbered ("02
Beoordeling"), so a name is matched by the words in it after the numbering is dropped.
Ground cells are read with the grounds parser (any notation, OCR damage); verdicts with
`verdict.normalise`.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from ..grounds.catalogue import Catalogue
from ..grounds.dates import HEADER, _to_date
from ..grounds.parse import parse
from . import verdict as _verdict

HEADER_SEARCH_ROWS = 20


class InventoryError(Exception):
    """The inventory cannot be read; the message says why, in a few words."""


@dataclass(frozen=True)
class Row:
    number: str  # as written, e.g. "171059", "12", "0012"
    name: str  # the document-name column, or ""
    verdict: Optional[str]  # one of verdict.VERDICTS, or None if unreadable
    verdict_raw: str
    grounds_raw: str
    grounds: tuple[str, ...]  # normalised codes of real grounds (law woo, wob or special)
    invalid: tuple[str, ...] = ()  # codes written in the cell that are no ground
    line: int = 0  # 1-based row in the sheet


@dataclass(frozen=True)
class Inventory:
    path: str
    rows: tuple[Row, ...]
    columns: dict = field(default_factory=dict)  # role -> header text, for messages
    date: Optional[date] = None  # a decision date written above the table, if any


def _norm_header(cell) -> str:
    text = re.sub(r"\s+", " ", str(cell or "")).strip().lower()
    return re.sub(r"^\d+[.)]?\s+", "", text).strip(" :.")  # "02 Beoordeling" -> "beoordeling"


_ID = re.compile(r"^(?:(?:document|doc|inventaris|volg)\s*)?(?:nr|nummer|id|no|number|#)\.?(?:\s*(?:document|doc))?$")


def _role(name: str) -> Optional[str]:
    """The role of a header cell: the document number, the verdict, the grounds or the
    document's name; None for any other column (date, family, thread id, ...)."""
    if not name:
        return None
    if any(w in name for w in ("grond", "lakcode", "uitzondering", "artikel")):
        return "grounds"
    if _ID.match(name):
        return "id"
    if any(w in name for w in ("beoordeling", "besluit", "openbaar", "oordeel", "beslissing")):
        return "verdict"
    if name == "document" or any(w in name for w in ("naam", "titel", "omschrijving", "onderwerp", "beschrijving")):
        return "name"
    return None


def _find_header(rows: list[list]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        roles: dict[str, int] = {}
        for j, cell in enumerate(row):
            role = _role(_norm_header(cell))
            if role and role not in roles:  # the first column of a role wins
                roles[role] = j
        if "id" in roles and "verdict" in roles:
            return i, roles
    raise InventoryError("no header row with a document-number column (ID, Nr., Documentnummer) "
                         "and a verdict column (Beoordeling, Besluit, Openbaarmaking)")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 171059.0 from a spreadsheet is document 171059
    return str(value).strip()


def _grounds(cell: str, cat: Catalogue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    valid: list[str] = []
    invalid: list[str] = []
    for part in re.split(r"[;\n]", cell):
        for g in parse(part, cat):
            if g.law == "marker":
                continue  # "buiten verzoek", "reeds openbaar": no ground
            target = valid if g.valid else invalid
            if g.code not in target:
                target.append(g.code)
    return tuple(valid), tuple(invalid)


def _decision_date(rows: Iterable[list]) -> Optional[date]:
    """A "Datum besluit: 14 maart 2023" written above the table (in one cell or two)."""
    for row in rows:
        text = " ".join(_cell_text(c) for c in row if c is not None)
        if not re.search(r"besluit|beslissing|dagtekening", text, re.IGNORECASE):
            continue
        for m in HEADER.finditer(text):
            d = _to_date(m)
            if d is not None:
                return d
    return None


_PARTS = {"lid": "lid", "sub": "sub", "onder": "sub", "letter": "sub", "sub/onder": "sub"}


def _split_ground_columns(header: list, roles: dict[str, int]) -> list[tuple[int, str]]:
    """A ground spread over columns "Artikel | lid | sub" (tables that came through OCR, or
    were typed that way): the columns after the grounds column, each with the word that
    joins its value ("5.1" + "lid 1" + "sub i")."""
    j = roles.get("grounds")
    if j is None:
        return []
    parts = []
    for k in range(j + 1, len(header)):
        word = _PARTS.get(_norm_header(header[k]))
        if word is None:
            break
        parts.append((k, word))
    return parts


def from_rows(path: str, rows: list[list], cat: Catalogue) -> Inventory:
    head, roles = _find_header(rows)
    split = _split_ground_columns(rows[head], roles)
    out: list[Row] = []
    for n, row in enumerate(rows[head + 1 :], start=head + 2):
        def get(role: str) -> str:
            j = roles.get(role)
            return _cell_text(row[j]) if j is not None and j < len(row) else ""

        number = get("id")
        if not number:
            continue  # empty or trailing rows
        raw_verdict, raw_grounds = get("verdict"), get("grounds")
        if split and raw_grounds:
            raw_grounds += "".join(f" {word} {_cell_text(row[k])}" for k, word in split
                                   if k < len(row) and _cell_text(row[k]))
        valid, invalid = _grounds(raw_grounds, cat)
        out.append(Row(number=number, name=get("name"), verdict=_verdict.normalise(raw_verdict),
                       verdict_raw=raw_verdict, grounds_raw=raw_grounds, grounds=valid, invalid=invalid, line=n))
    if not out:
        raise InventoryError("the table has a header but no rows")
    header = rows[head]
    columns = {role: _cell_text(header[j]) for role, j in roles.items()}
    return Inventory(path=path, rows=tuple(out), columns=columns, date=_decision_date(rows[:head]))


def _xlsx_rows(path: Path) -> list[list]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException, ...
        raise InventoryError(f"not a readable xlsx workbook ({type(exc).__name__})") from None
    try:
        # The first sheet that has a header row: a cover sheet may come first.
        last: Optional[InventoryError] = None
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            try:
                _find_header(rows)
                return rows
            except InventoryError as exc:
                last = exc
        raise last or InventoryError("the workbook has no sheets")
    finally:
        wb.close()


def _csv_rows(path: Path) -> list[list]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 leaves five bytes undefined
        raise InventoryError("not a text file (no UTF-8 or Windows-1252 encoding fits)")
    # The delimiter that splits the first lines into the most columns: Dutch spreadsheets
    # write ";", others ","; csv.Sniffer guesses wrong on cells such as "5.1.2e; 5.1.2i".
    head = [list(csv.reader(io.StringIO("\n".join(text.splitlines()[:5])), delimiter=d)) for d in ";,\t|"]
    best = max(range(4), key=lambda i: min((len(r) for r in head[i] if r), default=0))
    return [row for row in csv.reader(io.StringIO(text), delimiter=";,\t|"[best])]


def _pdf_rows(path: Path) -> list[list]:
    from ..ingest import IngestError
    from ..ingest.peek import table_rows

    try:
        rows = table_rows(path)
    except IngestError as exc:
        raise InventoryError(str(exc)) from None
    if not rows:
        raise InventoryError("the PDF holds no table that can be read (a scan without a text layer?)")
    return rows


def read_inventory(path: str, cat: Catalogue) -> Inventory:
    """The inventory in `path`; raises InventoryError with a short reason otherwise."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            rows = _xlsx_rows(p)
        elif suffix in (".csv", ".tsv", ".txt"):
            rows = _csv_rows(p)
        elif suffix == ".pdf":
            rows = _pdf_rows(p)
        else:
            raise InventoryError(f"unsupported inventory type {suffix or '(none)'} (save it as xlsx, csv or pdf)")
    except OSError as exc:
        from ..errors import unreadable

        raise InventoryError(unreadable(exc)) from None
    return from_rows(str(path), rows, cat)
