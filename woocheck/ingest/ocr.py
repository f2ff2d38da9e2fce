"""OCR of the pages whose text layer is missing or covers only part of what they show.

Engine: PyMuPDF's built-in Tesseract (`page.get_textpage_ocr`, full page) with Debian's
Dutch trained data (`tesseract-ocr-nld`; English too when `tesseract-ocr-eng` is there:
"nld+eng", for the English that Woo mail threads quote). It is a real dependency of the
field, needs no second OCR library, and its words come back in page coordinates, rotation
undone, so they enter `Page`/`Word` as the text layer's words do.

Resolution, measured on invented pages rendered as 200 dpi greyscale JPEG scans (names with
diacritics, e-mail addresses, mobile numbers, BSNs; `tests/test_ocr.py` builds such pages):
OCR at 200 and at 300 dpi read the same share of items and words (e.g. 37 vs 36 of 39
items, 99.7 vs 99.6 % of words in Helvetica), because Tesseract's LSTM scales every text
line to a fixed height; 300 dpi cost 10-30 % more time. 300 dpi is kept anyway: print
smaller than 9 pt (footers, e-mail headers, signatures) loses letters at 200 dpi, and the
time goes to recognising characters, not pixels (a dense page of 450 words takes ~4 s of
CPU here, a page of three lines 0.5 s).

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
    tp = fz_page.get_textpage_ocr(language=eng.language, dpi=dpi, full=True, tessdata=eng.tessdata)
    return [((w[0], w[1], w[2], w[3]), w[4], (w[5], w[6])) for w in fz_page.get_text("words", textpage=tp)]


def _repair(found: list[tuple[BBox, str, tuple[int, int]]]) -> list[tuple[BBox, str, tuple[int, int]]]:
    """Join an e-mail address that OCR split at its '@' ("j.smit @minbzk.nl"): serif
    faces leave a gap there that Tesseract reads as a space."""
    out: list = []
    for box, text, line in found:
        if out and out[-1][2] == line and (text.startswith("@") or out[-1][1].endswith("@")):
            pbox, ptext, _ = out[-1]
            if box[0] - pbox[2] <= 0.6 * (box[3] - box[1]):
                out[-1] = ((pbox[0], min(pbox[1], box[1]), box[2], max(pbox[3], box[3])), ptext + text, line)
                continue
        out.append((box, text, line))
    return out


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
    last_line = None
    for box, text, line in _repair(found):
        if layer and _overlaps(box, layer):
            continue
        sep = "" if pos == 0 else (" " if line == last_line else "\n")
        parts.append(sep)
        pos += len(sep)
        words.append(Word(text, box, pos, pos + len(text), "ocr", box[3] - box[1], 0, 3, 1.0, SEQNO, None, (), True))
        parts.append(text)
        pos += len(text)
        last_line = line
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
