"""`scan --annotate DIR`: a copy of each scanned PDF with every finding drawn where it is.

Leaked text (WOO1xx, WOO3xx) gets a highlight, a redaction whose ground is missing or wrong
(WOO2xx) a frame, and what has no place on a page (WOO4xx, WOO5xx, a finding without a box)
is listed in one note per family on page 1. Standard Highlight, Square and Text
annotations, which every PDF viewer should show with their notes (tried in poppler, the
engine of Okular, and mupdf; not in Acrobat or pdf.js).

The copy is the input's bytes with the annotations appended as an incremental update, so
everything else in it stays as the reviewer received it. The input is only read. Like every
output, a note shows personal data masked unless --show-personal-data.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterable

from .masking import mask
from .model import Finding, Report
from .suggest import family, suggested_ground

# One colour per family (RGB 0-1). Highlights are drawn under the text (multiply), so light.
COLOURS = {
    "WOO1xx": (1.0, 0.85, 0.0),  # yellow: personal data readable
    "WOO2xx": (0.85, 0.0, 0.0),  # red: ground missing or wrong
    "WOO3xx": (1.0, 0.55, 0.0),  # orange: failed redaction
    "WOO4xx": (0.1, 0.4, 0.9),  # blue: hidden content
    "WOO5xx": (0.55, 0.2, 0.75),  # purple: batch and decision
}
OTHER = (0.45, 0.45, 0.45)
HIGHLIGHTED = ("WOO1xx", "WOO3xx")
FRAMED = ("WOO2xx",)
AUTHOR = "woocheck"


class AnnotateError(Exception):
    """A copy that could not be made (the message names the file)."""


def note_text(f: Finding, ground: str, show_personal_data: bool) -> str:
    """What an annotation says: code, severity, message, the text (masked) and the ground."""
    lines = [f"{f.code} ({f.severity.value}): {f.message}" + (" (read by OCR)" if f.source == "ocr" else "")]
    if f.text:
        lines.append(f"Text: {f.text if show_personal_data else mask(f.text, f.kind)}")
    lines.append(f"Suggested ground: {ground or '-'}")
    return "\n".join(lines)


def copy_names(paths: Iterable[str], files: Iterable[str]) -> dict[str, str]:
    """Where each file's copy goes inside DIR: its path below the folder argument it was
    found in (sub-folders kept), or its bare name when it was named on its own."""
    folders = [os.path.abspath(p) for p in paths if os.path.isdir(p)]
    out = {}
    for f in files:
        full = os.path.abspath(f)
        rel = os.path.basename(f)
        for d in folders:
            if full.startswith(d.rstrip(os.sep) + os.sep):
                rel = os.path.relpath(full, d)
                break
        out[f] = rel
    return out


def _placed(f: Finding, pages: int) -> bool:
    b = f.bbox
    return bool(f.page and 1 <= f.page <= pages and b and b[2] > b[0] and b[3] > b[1])


def annotate_pdf(src: str, dst: str, findings: list[Finding], redactions=(), show_personal_data: bool = False) -> int:
    """Write `dst`: `src` with one annotation per finding drawn in place and the rest in
    page-1 notes. Returns the number of annotations added."""
    import pymupdf

    if os.path.exists(dst) and os.path.samefile(src, dst):
        raise AnnotateError(f"{dst}: the copy would overwrite its input; choose another --annotate folder")
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    tmp = dst + ".part"
    shutil.copyfile(src, tmp)
    try:
        doc = pymupdf.open(tmp)
        try:
            count = _draw(doc, findings, redactions, show_personal_data)
            if doc.can_save_incrementally():
                doc.saveIncr()
                doc.close()
            else:  # mupdf repaired the file on opening: write it whole
                data = doc.tobytes(garbage=0)
                doc.close()
                Path(tmp).write_bytes(data)
        finally:
            if not doc.is_closed:
                doc.close()
        os.replace(tmp, dst)
    except Exception:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return count


def _draw(doc, findings: list[Finding], redactions, show: bool) -> int:
    import pymupdf

    count = 0
    unplaced: dict[str, list[str]] = {}
    for f in findings:
        fam = family(f.code)
        text = note_text(f, suggested_ground(f, redactions), show)
        if fam in HIGHLIGHTED + FRAMED and _placed(f, doc.page_count):
            page = doc[f.page - 1]
            rect = pymupdf.Rect(f.bbox)
            if fam in FRAMED:
                annot = page.add_rect_annot(rect + (-2, -2, 2, 2))  # round the box, not on it
                annot.set_border(width=1.5)
            elif fam == "WOO3xx":  # over a black box a highlight (multiplied) shows only where it
                annot = page.add_highlight_annot(rect + (-3, -3, 3, 3))  # sticks out: let it
            else:
                annot = page.add_highlight_annot(rect)
            annot.set_colors(stroke=COLOURS.get(fam, OTHER))
            annot.set_info(content=text, title=AUTHOR, subject=f.code)
            annot.update()
            count += 1
        else:
            where = f"p.{f.page}: " if f.page else ""
            unplaced.setdefault(fam, []).append(where + text)
    if unplaced and doc.page_count:
        page = doc[0]
        for i, fam in enumerate(sorted(unplaced)):
            items = unplaced[fam]
            body = f"woocheck: {len(items)} finding(s) of {fam} without a place on a page\n\n" + "\n\n".join(items)
            annot = page.add_text_annot(page.rect.tl + (12 + 24 * i, 12), body, icon="Note")
            annot.set_colors(stroke=COLOURS.get(fam, OTHER))
            annot.set_info(title=AUTHOR, subject=fam)
            annot.update()
            count += 1
    return count


def annotate_report(report: Report, paths: list[str], out_dir: str, show_personal_data: bool = False) -> tuple[int, list[str]]:
    """A copy of every scanned PDF in `out_dir` (a PDF without findings too: the reviewer
    gets the whole batch). Returns the number of copies written and one line per copy that
    could not be made."""
    files = [f for f in report.files if f.path.lower().endswith(".pdf") and not (f.error and f.pages == 0)]
    names = copy_names(paths, [f.path for f in files])
    problems: list[str] = []
    written: dict[str, str] = {}
    copies = 0
    for f in files:
        dst = os.path.join(out_dir, names[f.path])
        if dst in written:
            problems.append(f"{f.path}: not annotated, {written[dst]} already has the name {names[f.path]}")
            continue
        written[dst] = f.path
        try:
            annotate_pdf(f.path, dst, list(f.findings), f.redactions, show_personal_data)
            copies += 1
        except AnnotateError as exc:
            problems.append(str(exc))
        except Exception as exc:  # a file mupdf cannot write back: say so, go on with the batch
            from .errors import one_line

            problems.append(f"{f.path}: copy not annotated ({one_line(exc)})")
    return copies, problems
