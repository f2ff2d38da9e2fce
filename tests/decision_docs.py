"""Build the documents of a Woo decision for the WOO5xx tests: PDFs with black boxes and
ground labels, a decision letter, and inventories in csv and xlsx. Every name is invented."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, Union

import pymupdf

BOX = "box"
Segment = Union[str, tuple]  # text, or (BOX, label or None)
FONT_SIZE = 10


def pdf(path: Path, lines: Iterable[list[Segment]], pages: int = 1) -> Path:
    """A PDF whose lines are text and black boxes; a box's label is printed right after it,
    as redaction tools do ("▮ 5.1.2e"). The redacted text is never written: the boxes are
    properly applied redactions."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 72
    for line in lines:
        if y > 780:
            page = doc.new_page(width=595, height=842)
            y = 72
        x = 72
        for seg in line:
            if isinstance(seg, tuple):
                _, label = seg
                page.draw_rect(pymupdf.Rect(x, y - 9, x + 60, y + 2), fill=(0, 0, 0), color=None)
                x += 63
                if label:
                    page.insert_text((x, y), label, fontsize=7)
                    x += pymupdf.get_text_length(label, fontsize=7) + 4
            else:
                page.insert_text((x, y), seg, fontsize=FONT_SIZE)
                x += pymupdf.get_text_length(seg, fontsize=FONT_SIZE) + 3
        y += 16
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def letter(path: Path, paragraphs: list[str], date_line: str = "Datum 14 maart 2023") -> Path:
    """A decision letter with its heading, a date and the paragraphs that motivate it."""
    import textwrap

    lines = ["Ministerie van Voorbeeldzaken", date_line, "Betreft Besluit op uw Woo-verzoek", ""]
    for para in paragraphs:
        lines += textwrap.wrap(para, 85) + [""]
    return pdf(path, [[line] for line in lines])


def inventory_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ";") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


def inventory_xlsx(path: Path, header: list[str], rows: list[list], above: list[list] = ()) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in above:  # a title or a decision date above the table
        ws.append(row)
    ws.append(header)
    for row in rows:
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path


# An e-mail as it is quoted in a thread: the same words in every copy, the names redacted
# or not. Left of each name stand enough words to tell where it sits.
def mail(sender: Segment, to: Segment, intro: str = "Beste collega, hierbij de stukken voor het overleg van morgen.") -> list[list[Segment]]:
    return [
        [intro],
        ["Van:", sender],
        ["Verzonden: maandag 3 oktober 2022 10:15"],
        ["Aan:", to],
        ["Onderwerp: planning van het regionaal overleg"],
        ["Graag ontvang ik uw reactie voor vrijdag."],
    ]
