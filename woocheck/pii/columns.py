"""Which column of a table a piece of text stands in, so a cell can be read by its header.

Text taken from a PDF loses a table's grid in two ways, and both are common in Woo
documents:

- a flattened table: every cell on a line of its own, the header cells first, then the
  rows one after another ("Nr", "Datum", "Registratie", ..., then "1", "06-01-2024",
  "119141243", ...). Such a table is recognised only when it proves itself: a block of
  short header lines, then records of exactly that many lines whose first lines count
  up 1, 2, 3, ... from the first record;
- a row table: cells split by "|" or tabs, the header row above with as many cells.

`header_at(text, pos)` gives the header of the cell holding `pos`, or None. A
recognizer or the policy reads it like a label: "Geb.datum" over a date makes it a date
of birth, "Registratie" over a nine-digit number makes it no BSN.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

import regex as re

_HEADER_CELL = re.compile(r"[ \t]*\p{Lu}[\p{L}.()/ -]{0,28}[ \t]*")  # "Geb.datum", "Adres betrokkene"
_ROW_NUMBER = re.compile(r"[ \t]*(\d{1,4})[ \t]*")
_CELL_SPLIT = re.compile(r"[ ]*(?:\||\t+)[ ]*")
MIN_COLUMNS = 3

_last: list = [None, None]  # (text, flattened columns) of the page asked about last


def header_at(text: str, pos: int) -> Optional[str]:
    """The header of the table cell that holds `pos`, or None outside a table."""
    header = _row_table_header(text, pos)
    if header is not None:
        return header
    starts, headers = _flattened(text)
    i = bisect_right(starts, pos) - 1
    return headers[i] if i >= 0 and headers[i] is not None else None


def _line_bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _flattened(text: str) -> tuple[list[int], list[Optional[str]]]:
    """Line starts of the page and, per line, its column header in a flattened table."""
    if _last[0] is text:
        return _last[1]
    lines = _line_bounds(text)
    starts = [s for s, _ in lines]
    headers: list[Optional[str]] = [None] * len(lines)
    # Blank lines carry no cell: work on the non-blank ones.
    cells = [(i, text[s:e].strip()) for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    k = 0
    while k < len(cells):
        width = _header_block(cells, k)
        if width:
            k = _label_records(cells, k, width, headers)
        else:
            k += 1
    _last[:] = [text, (starts, headers)]
    return starts, headers


def _header_block(cells: list, k: int) -> int:
    """The number of header cells when a flattened table starts at cell k, else 0."""
    n = 0
    while k + n < len(cells) and _HEADER_CELL.fullmatch(cells[k + n][1]) and not cells[k + n][1].isdigit():
        n += 1
        if k + n < len(cells) and cells[k + n][1] == "1":
            break
    if n < MIN_COLUMNS or k + n >= len(cells) or cells[k + n][1] != "1":
        return 0
    # The next record must start with "2" exactly one table width later.
    nxt = k + 2 * n
    if nxt >= len(cells) or _ROW_NUMBER.fullmatch(cells[nxt][1]) is None or cells[nxt][1].strip() != "2":
        return 0
    return n


def _label_records(cells: list, k: int, width: int, headers: list) -> int:
    """Give each cell of the records after the header block at k its header; the index
    of the first cell after the table."""
    names = [c[1] for c in cells[k:k + width]]
    row = 1
    at = k + width
    while at + width <= len(cells):
        m = _ROW_NUMBER.fullmatch(cells[at][1])
        if m is None or int(m.group(1)) != row:
            break
        for j in range(width):
            headers[cells[at + j][0]] = names[j]
        row += 1
        at += width
    return at


def _row_table_header(text: str, pos: int) -> Optional[str]:
    """The header of a cell in a table whose cells are split by "|" or tabs: the top row
    of the run of lines with as many cells, if that row holds (almost) no digits."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if "|" not in line and "\t" not in line:
        return None
    lead = line[:pos - line_start]
    # A line that starts with "|" has an empty piece before its first cell.
    column = len(_CELL_SPLIT.findall(lead)) - (1 if lead.lstrip().startswith("|") else 0)
    width = len(_CELL_SPLIT.split(line.strip(" |\t")))
    top = None
    end = line_start - 1
    for _ in range(200):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end].strip(" |\t")
        end = start - 1
        if above and set(above) <= set("-=+|: \t"):
            continue  # the rule under a header
        cells = _CELL_SPLIT.split(above) if above else []
        if len(cells) != width:
            break
        top = cells
    if top is None or sum(any(ch.isdigit() for ch in c) for c in top) > len(top) // 3:
        return None
    return top[column].strip() if 0 <= column < len(top) else None
