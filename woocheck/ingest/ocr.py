"""OCR of the pages whose text layer is missing or covers only part of what they show.

Engine: Debian's `tesseract` program (package `tesseract-ocr`, Dutch data from
`tesseract-ocr-nld`; English too when `tesseract-ocr-eng` is there: "nld+eng", for the
English that Woo mail threads quote), one run a page: the page rendered grey is piped in,
TSV word boxes come back and are mapped to the unrotated page. Where the program is
missing (or WOOCHECK_OCR=mupdf), PyMuPDF's built-in Tesseract (`get_textpage_ocr`) reads
the page with the same trained data.

Why the program, measured with `benchmarks/bench_ocr.py` (four dense invented pages,
Helvetica 10 pt, Times 10 pt, Courier 9 pt, Helvetica 7 pt, 44 names with diacritics,
e-mail addresses, mobile numbers and BSNs each, scanned as 200 dpi grey JPEG; items read
whole / words read exactly / CPU a page, on a loaded 2-core machine):
  built-in, 300 dpi   150/176  96.6 %  4.2 s      program, 300 dpi   152/176  96.6 %  2.3 s
  built-in, 200 dpi   147/176  96.4 %  3.3 s      program, 200 dpi   153/176  97.1 %  1.8 s
The program reads as well or better at about half the CPU (mupdf builds its Tesseract
without the SIMD kernels, it seems), and it reads a page shown turned (/Rotate 90), which
the built-in one reads as junk. Its start costs 0.15 s of CPU a page (loading nld+eng).
It must run with OMP_THREAD_LIMIT=1 (set for the child only): unlimited, its OpenMP
threads spin on every core and the same page took 5.8-7.5 s of CPU instead of 1.4-1.8 s.
Page segmentation: --psm 6 (one block) was 6 % faster than the automatic --psm 3 on these
pages, but real scans have columns, tables and letterheads: 3 is kept.

Resolution: the scan's own (its largest image), kept within 200-300 dpi (`dpi_for`). A
200 dpi scan rendered at 300 is only enlarged: no better, 30 % more CPU; a 300 dpi scan
rendered at 300 keeps its small print (the first slice measured 7 pt type at 34/36 items
at 300 dpi, 34/36 at 200, words 99.8 vs 99.6 %). The misses: "ç" read as "c" or "g", and
e-mail addresses in a serif face split at the '@' or after an initial (`_repair` joins
those). OCR of the text-bearing regions only was not built: Tesseract's own layout step
already skips white paper, and its time goes to recognising characters (a page of three
lines takes 0.5 s), so cropping saves little while it risks cutting a marginal note off.

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
import shutil
import subprocess
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Optional

from ..errors import one_line
from ..model import BBox, Page, Word

DPI = 300  # the most a page is rendered at for OCR (see `dpi_for`)
MIN_DPI = 200  # the least: a 150 dpi scan is enlarged, Tesseract reads small print better so
PSM = 3  # Tesseract's automatic page segmentation: scans have columns, tables, letterheads
PAGE_SECONDS = 600  # one page's OCR given up (a hang, not a slow page: those take 1-6 s)
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-nld"
NO_ENGINE = "no OCR engine is installed"
# OCR words are read from the finished page image, so they lie on top of everything the
# page draws: a box drawn over a scan cannot hide them (vector.covered, WOO301).
SEQNO = 1 << 30
_OFF = {"off", "0", "no", "false"}
_SEARCH = ("/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata")
_paused = False
_before_page: Optional[Callable[[], None]] = None

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
    # Debian's `tesseract` program, run once a page (see the module docstring); None:
    # PyMuPDF's built-in Tesseract, where the program is missing or WOOCHECK_OCR=mupdf.
    binary: Optional[str] = None


def engine() -> Optional[Engine]:
    """The trained data to OCR with, or None: WOOCHECK_OCR=off, or no `nld.traineddata`.

    TESSDATA_PREFIX, when set, is the only place looked at (the user chose it); else the
    Debian/Ubuntu folders. Cheap (a few stat calls): asked once per document that needs it.
    """
    choice = os.environ.get("WOOCHECK_OCR", "").strip().lower()
    if _paused or choice in _OFF:
        return None
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix is not None:
        folders = [prefix, os.path.join(prefix, "tessdata")]
    else:
        folders = [f for pattern in _SEARCH for f in sorted(glob.glob(pattern), reverse=True)]
    for folder in folders:
        if os.path.isfile(os.path.join(folder, "nld.traineddata")):
            both = os.path.isfile(os.path.join(folder, "eng.traineddata"))
            binary = None if choice == "mupdf" else shutil.which("tesseract")
            return Engine(os.path.abspath(folder), "nld+eng" if both else "nld", binary)
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


def before_each_page(fn: Optional[Callable[[], None]]) -> None:
    """Call `fn` before each page is OCR'd: a batch worker tells its parent, which gives
    the file more time (batch.DEFAULT_OCR_PAGE_TIMEOUT a page)."""
    global _before_page
    _before_page = fn


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


def dpi_for(fz_page) -> int:
    """The resolution of the page's largest image, kept within MIN_DPI..DPI: rendering a
    200 dpi scan at 300 only enlarges its pixels (measured: no better, 30 % more CPU),
    while a 300 dpi scan keeps its small print. WOOCHECK_OCR_DPI fixes it (benchmarks)."""
    fixed = os.environ.get("WOOCHECK_OCR_DPI", "")
    if fixed.isdigit() and 72 <= int(fixed) <= 600:
        return int(fixed)
    best, dpi = 0.0, DPI
    try:
        infos = fz_page.get_image_info()
    except Exception:  # a damaged image: the default resolution still reads the page
        return DPI
    for info in infos:
        x0, y0, x1, y1 = info["bbox"]
        area = (x1 - x0) * (y1 - y0)
        if area > best and x1 - x0 > 1 and info.get("width"):
            best, dpi = area, info["width"] * 72.0 / (x1 - x0)
    return int(min(DPI, max(MIN_DPI, round(dpi))))


def read(fz_page, eng: Engine, dpi: int = DPI) -> list[tuple[BBox, str, tuple[int, int]]]:
    """(box, text, (block, line)) of every word Tesseract reads on the rendered page."""
    if eng.binary:
        return _read_program(fz_page, eng, dpi)
    with _stderr_silenced():
        tp = fz_page.get_textpage_ocr(language=eng.language, dpi=dpi, full=True, tessdata=eng.tessdata)
    return [((w[0], w[1], w[2], w[3]), w[4], (w[5], w[6])) for w in fz_page.get_text("words", textpage=tp)]


def tesseract_tsv(eng: Engine, image: bytes, dpi: int, psm: str, timeout: float) -> list[list[str]]:
    """The rows (12+ columns) of Debian's `tesseract` TSV for an image (PNM/PGM bytes).
    Raises on a failing program (RuntimeError), a missing one (OSError) or a timeout.

    OMP_THREAD_LIMIT=1 is set for this child only: Tesseract's OpenMP threads spin on
    every core, and with a worker per core they fight each other (3x the CPU time)."""
    args = [eng.binary, "stdin", "stdout", "--tessdata-dir", eng.tessdata, "-l", eng.language,
            "--dpi", str(dpi), "--psm", psm, "tsv"]
    done = subprocess.run(args, input=image, capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"),
                          timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"tesseract exit {done.returncode}: {one_line(done.stderr.decode('utf-8', 'replace'))}")
    rows = (r.split("\t") for r in done.stdout.decode("utf-8", "replace").splitlines()[1:])
    return [cols for cols in rows if len(cols) >= 12]


def _read_program(fz_page, eng: Engine, dpi: int) -> list[tuple[BBox, str, tuple[int, int]]]:
    """The page rendered grey and piped to Debian's `tesseract` (TSV out), the word boxes
    taken back from pixels of the turned render to the unrotated page."""
    import pymupdf

    pix = fz_page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    scale = 72.0 / dpi
    back = fz_page.derotation_matrix
    out = []
    line = (0, 0, 0, 0)
    for cols in tesseract_tsv(eng, pix.tobytes("pnm"), dpi, str(PSM), PAGE_SECONDS):
        x, y, w, h = (int(c) for c in cols[6:10])
        if cols[0] == "4":  # a line: its words get its height, as a text layer's words have
            line = (x, y, x + w, y + h)
        if cols[0] != "5" or not cols[11].strip():
            continue
        x0, y0, x1, y1 = x, y, x + w, y + h
        if line[2] - line[0] >= line[3] - line[1]:  # across the line: the render may show it turned
            y0, y1 = min(y0, line[1]), max(y1, line[3])
        else:
            x0, x1 = min(x0, line[0]), max(x1, line[2])
        r = pymupdf.Rect(x0 * scale, y0 * scale, x1 * scale, y1 * scale) * back
        out.append(((r.x0, r.y0, r.x1, r.y1), cols[11].strip(), (int(cols[2]), int(cols[4]))))
    return out


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
    if _before_page is not None:
        _before_page()
    try:
        found = read(fz_page, eng, dpi_for(fz_page))
    except Exception as exc:  # one page's OCR failing must not hide the rest of the file
        return _unchecked(page, f"page {n}: OCR failed ({one_line(exc)})")
    return with_words(page, found)
