"""OCR of the pages whose text layer is missing or covers only part of what they show.

Engine: PyMuPDF's built-in Tesseract (`page.get_textpage_ocr`, full page) with Debian's
Dutch trained data (`tesseract-ocr-nld`; English too when `tesseract-ocr-eng` is there:
"nld+eng", for the English that Woo mail threads quote). It is a real dependency of the
field, needs no second OCR library, and its words come back in page coordinates, rotation
undone, so they enter `Page`/`Word` as the text layer's words do.

Resolution, measured on invented dense pages (40-55 lines, 450-600 words, with names
with diacritics, e-mail addresses, phone numbers and BSNs), scanned as 200 dpi greyscale
JPEG, OCR'd at 200 and at 300 dpi (items read exactly / words read exactly / CPU a page):
Helvetica 10 pt 25/26, 99.9 %, 3.6 s vs 25/26, 99.9 %, 4.0 s; Times 10 pt 21/26, 99.5 %
vs 22/26, 99.6 %; Courier 9 pt 25/26, 99.8 %, 5.0 s vs 25/26, 99.9 %, 5.8 s; Helvetica
7 pt 34/36, 99.6 %, 4.8 s vs 34/36, 99.8 %, 5.4 s. 300 dpi is kept: it reads small print
and serif faces a little better for 10-18 % more time, because Tesseract's LSTM scales
every text line to a fixed height and the time goes to recognising characters, not
pixels (a page of three lines takes 0.5 s). The misses: "ç" read as "c" or "g", and e-mail
addresses in a serif face split at the '@' or after an initial (`_repair` joins those).
This Tesseract is slower than Debian's own binary on the same page (2.3 s on one core;
mupdf probably builds it without its SIMD kernels).

Which pages: only image pages (`Page.is_image_page`, known from ingest at no cost), so a
born-digital page never renders nor OCRs anything here. An image page without a word of
text is OCR'd. An image page with a text layer is rendered small (the display list the
raster checks use anyway, ~9 ms) and OCR'd when more than half of its thin dark ink (text,
not boxes or photos) lies outside every word of the layer: a court stamp over a scan, a
page number a portal printed on it. Its OCR words then fill in where the layer has none.

Without trained data (or with WOOCHECK_OCR=off) such a page is not fully checked: the file
gets an error and exit 2, never a silent pass.
"""
from __future__ import annotations

import contextlib
import glob
import os
import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from ..errors import one_line
from ..model import BBox, Page, Word

DPI = 300
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-nld"
NO_ENGINE = "no OCR engine is installed"
# OCR words are read from the finished page image, so they lie on top of everything the
# page draws: a box drawn over a scan cannot hide them (vector.covered, WOO301).
SEQNO = 1 << 30
_OFF = {"off", "0", "no", "false"}
_SEARCH = ("/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata")
_paused = False

# The ink test (`_text_ink_uncovered`): render zoom, what counts as dark, and how much of
# the thin ink must lie outside the layer's words. Set on the VWS scans (0 of 74 pages
# with their OCR layer flagged), the x-ray scans and US court scans with a one-line stamp.
ZOOM = 0.5
DARK = 160
MIN_UNCOVERED = 125  # pixels at ZOOM: some ten short words
SHARE = 0.5


@dataclass(frozen=True)
class Engine:
    tessdata: str
    language: str


def engine() -> Optional[Engine]:
    """The trained data to OCR with, or None: WOOCHECK_OCR=off, or no `nld.traineddata`.

    TESSDATA_PREFIX, when set, is the only place looked at (the user chose it); else the
    Debian/Ubuntu folders. Cheap (a few stat calls): asked once per document that needs it.
    """
    if _paused or os.environ.get("WOOCHECK_OCR", "").strip().lower() in _OFF:
        return None
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix is not None:
        folders = [prefix, os.path.join(prefix, "tessdata")]
    else:
        folders = [f for pattern in _SEARCH for f in sorted(glob.glob(pattern), reverse=True)]
    for folder in folders:
        if os.path.isfile(os.path.join(folder, "nld.traineddata")):
            both = os.path.isfile(os.path.join(folder, "eng.traineddata"))
            return Engine(os.path.abspath(folder), "nld+eng" if both else "nld")
    return None


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No OCR in this block (the batch's warm-up page is a tiny scan: OCR loads nothing
    that a forked worker could reuse, so it would only lengthen start-up)."""
    global _paused
    before, _paused = _paused, True
    try:
        yield
    finally:
        _paused = before


def _alnum(w: Word) -> bool:
    return w.bbox is not None and any(c.isalnum() for c in w.text)


def _to_render(page: Page, b: BBox) -> BBox:
    """A word box in the rendered page's space (the render shows a rotated page turned)."""
    m = page.rotation_matrix
    if not m:
        return b
    a, bb, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((b[0], b[1]), (b[2], b[1]), (b[0], b[3]), (b[2], b[3])):
        xs.append(a * x + c * y + e)
        ys.append(bb * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _text_ink_uncovered(page: Page, words: list[Word]) -> bool:
    """More than half of the page's thin dark ink lies outside the layer's words.

    Solid areas (grey or black boxes, photos, thick rules) are taken out first: a
    redacted scan's boxes have no words and would otherwise look like missing text."""
    import numpy as np
    from scipy import ndimage

    dark = page.render(ZOOM).min(axis=2) < DARK
    solid = ndimage.binary_opening(dark, structure=np.ones((2, 2), bool))
    ink = dark & ~ndimage.binary_dilation(solid, iterations=2)
    total = int(ink.sum())
    if total < MIN_UNCOVERED:
        return False
    for w in words:
        x0, y0, x1, y1 = (int(v * ZOOM) for v in _to_render(page, w.bbox))
        ink[max(0, y0 - 2) : y1 + 3, max(0, x0 - 2) : x1 + 3] = False
    left = int(ink.sum())
    return left >= MIN_UNCOVERED and left >= SHARE * total


def needs(page: Page) -> str:
    """Why the page needs OCR: "none" (no text layer), "partial", or "" (it does not)."""
    if not page.is_image_page or page.render is None:
        return ""
    words = [w for w in page.words if _alnum(w)]
    if not words:
        return "none"
    return "partial" if _text_ink_uncovered(page, words) else ""


def read(fz_page, eng: Engine, dpi: int = DPI) -> list[tuple[BBox, str, tuple[int, int]]]:
    """(box, text, (block, line)) of every word Tesseract reads on the rendered page."""
    with _stderr_silenced():
        tp = fz_page.get_textpage_ocr(language=eng.language, dpi=dpi, full=True, tessdata=eng.tessdata)
    return [((w[0], w[1], w[2], w[3]), w[4], (w[5], w[6])) for w in fz_page.get_text("words", textpage=tp)]


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """Tesseract prints to the process's stderr itself ("Image too small to scale!!" for
    a speck it took for a line): that is no message for the user, and a batch's stderr
    holds one line per file that could not be checked. Redirected at the descriptor."""
    import sys

    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no descriptor 2: nothing to keep quiet
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _same_line(a: BBox, b: BBox) -> bool:
    """`b` follows `a` on one line. Told from the boxes: mupdf's word list can put an
    "@" and the rest of an address on a line of their own, a point higher."""
    h = min(a[3] - a[1], b[3] - b[1])
    return b[0] >= a[0] and min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * h


_INITIAL = re.compile(r"[a-z]\.")


def _joined(found: list, join) -> list:
    """Neighbours on one line merged where `join(previous, next, gap, height)` says so."""
    out: list = []
    for box, text, line in found:
        if out and _same_line(out[-1][0], box):
            pbox, ptext, pline = out[-1]
            if join(ptext, text, box[0] - pbox[2], box[3] - box[1]):
                out[-1] = ((pbox[0], min(pbox[1], box[1]), max(pbox[2], box[2]), max(pbox[3], box[3])), ptext + text, pline)
                continue
        out.append((box, text, line))
    return out


def _repair(found: list[tuple[BBox, str, tuple[int, int]]]) -> list[tuple[BBox, str, tuple[int, int]]]:
    """Join an e-mail address that OCR split ("j.smit @minbzk.nl", "a. verbeek@rws.nl"):
    serif faces leave gaps at the '@' and after an initial that Tesseract reads as spaces.
    Nothing else is changed: the recognizers see what the page shows."""
    found = _joined(found, lambda a, b, gap, h: (b.startswith("@") or a.endswith("@")) and gap <= 0.6 * h)
    return _joined(found, lambda a, b, gap, h: bool(_INITIAL.fullmatch(a)) and "@" in b[1:] and b[0].isalnum() and gap <= 0.4 * h)


def _overlaps(box: BBox, words: list[Word]) -> bool:
    area = max(1e-6, (box[2] - box[0]) * (box[3] - box[1]))
    for w in words:
        b = w.bbox
        dx = min(box[2], b[2]) - max(box[0], b[0])
        dy = min(box[3], b[3]) - max(box[1], b[1])
        if dx > 0 and dy > 0 and dx * dy >= 0.5 * area:
            return True
    return False


def with_words(page: Page, found: list[tuple[BBox, str, tuple[int, int]]]) -> Page:
    """The page with the OCR words appended to its text and words (`Word.ocr`). Where
    the text layer already has a word, the OCR word is left out: one text per place."""
    layer = [w for w in page.words if _alnum(w)]
    parts = [page.text]
    words = list(page.words)
    pos = len(page.text)
    last: Optional[BBox] = None
    for box, text, _ in _repair(found):
        if layer and _overlaps(box, layer):
            continue
        sep = "" if pos == 0 else (" " if last is not None and _same_line(last, box) else "\n")
        parts.append(sep)
        pos += len(sep)
        words.append(Word(text, box, pos, pos + len(text), "ocr", box[3] - box[1], 0, 3, 1.0, SEQNO, None, (), True))
        parts.append(text)
        pos += len(text)
        last = box
    if len(words) == len(page.words):
        return page
    return replace(page, text="".join(parts), words=tuple(words), ocr_start=len(page.text))


def install_note(files) -> str:
    """What to install, when a file of the batch had pages no OCR engine could read."""
    if any(f.error and NO_ENGINE in f.error for f in files):
        return f"pages without (all of) their text layer were not checked: install OCR ({INSTALL_HINT}) and scan again"
    return ""


def _unchecked(page: Page, reason: str) -> Page:
    return replace(page, unchecked="; ".join(r for r in (page.unchecked, reason) if r))


def complete(page: Page, fz_page) -> Page:
    """The page, OCR'd where it needs it; marked not fully checked where it cannot be."""
    why = needs(page)
    if not why:
        return page
    n = page.number
    eng = engine()
    if eng is None:
        if why == "none":
            return _unchecked(page, f"page {n} has no text layer and {NO_ENGINE}")
        return _unchecked(page, f"page {n} shows text its text layer lacks and {NO_ENGINE}")
    try:
        found = read(fz_page, eng)
    except Exception as exc:  # one page's OCR failing must not hide the rest of the file
        return _unchecked(page, f"page {n}: OCR failed ({one_line(exc)})")
    return with_words(page, found)
