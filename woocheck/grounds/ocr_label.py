"""Ground labels read by OCR of the box region, for boxes the fast paths left unread.

The glyph-template reader (`pixels.py`) knows the VWS renderer's font and reads a grey
box's label in a millisecond; the OCR layer, where the page has one, often holds the
label too. What is left: labels in other fonts and sizes, white on black or on a colour,
black in an outlined or light box, on scans without a text layer (woocheck's own OCR
words stay out of box association: see locate/raster.py `_layer_words`). Those boxes
are cut from the page at 300 dpi, turned dark-on-light where the label is light on a
dark fill (Tesseract reads dark text on a light ground), stacked into one image with
white space between, and read by one run of the Tesseract program for the whole page
(its start, ~0.15 s, would otherwise be paid per box). Without the program nothing is
read here and the box keeps the fast paths' answer.
"""
from __future__ import annotations

import subprocess
from typing import Optional

import numpy as np

from ..ingest import ocr
from ..model import BBox, Page

ZOOM = 300 / 72
INSET = 1.2  # pt cut off each side: the box's edge or outline, which Tesseract reads as "|"
MARGIN = 8  # px of white put round each cut-out
GAP = 40  # px of white between two boxes in the stacked image
MAX_BOXES = 60  # a page with more unread boxes than this is not a label problem
PSM = "6"  # one block of text: the stacked cut-outs, one label a line


def _clip(page: Page, box: BBox) -> Optional[np.ndarray]:
    """The inside of the box, dark on white, or None when nothing label-like is in it."""
    try:
        rgb = page.render(ZOOM, clip=(box[0] + INSET, box[1] + INSET, box[2] - INSET, box[3] - INSET))
    except Exception:  # a damaged image: the box keeps what the fast paths said
        return None
    if rgb is None or rgb.ndim != 3 or min(rgb.shape[:2]) < 8:
        return None
    g = rgb.astype(np.float32).mean(axis=2)
    if float(np.median(g)) < 128:  # a light label on a dark or coloured fill: dark on light
        g = 255 - g
    body = float(np.median(g))
    ink = float(np.percentile(g, 0.3))  # a short label ("5.1.2i") inks some 1-2 % of a box
    if body - ink < 60:  # nothing printed on it, or only grain
        return None
    # Stretch so the fill is white and the label black: Tesseract's own threshold then
    # sees the label on any shade of fill.
    g = np.clip((g - ink) * 255.0 / max(1.0, body - ink), 0, 255)
    dark = g < 128
    # What is left of an outline on a skewed scan runs (nearly) end to end; a label's
    # letters never do.
    g[dark.mean(axis=1) > 0.6] = 255
    g[:, dark.mean(axis=0) > 0.6] = 255
    share = float((g < 128).mean())
    if not 0.003 <= share <= 0.35:  # no label, or a photo's grain stretched into noise
        return None
    out = np.full((g.shape[0] + 2 * MARGIN, g.shape[1] + 2 * MARGIN), 255, np.uint8)
    out[MARGIN:-MARGIN, MARGIN:-MARGIN] = g.astype(np.uint8)
    return out


def read_labels(page: Page, boxes: list[BBox]) -> dict[int, str]:
    """The text OCR reads in each box, by index into `boxes` (boxes it read nothing in
    are left out)."""
    eng = ocr.engine()
    if eng is None or not eng.binary or page.render is None or not boxes or len(boxes) > MAX_BOXES:
        return {}
    clips = [(i, c) for i, box in enumerate(boxes) if (c := _clip(page, box)) is not None]
    if not clips:
        return {}
    width = max(c.shape[1] for _, c in clips) + 2 * GAP
    height = sum(c.shape[0] + GAP for _, c in clips) + GAP
    sheet = np.full((height, width), 255, np.uint8)
    spans = []
    y = GAP
    for i, c in clips:
        sheet[y : y + c.shape[0], GAP : GAP + c.shape[1]] = c
        spans.append((i, y, y + c.shape[0]))
        y += c.shape[0] + GAP
    pgm = b"P5 %d %d 255\n" % (width, height) + sheet.tobytes()
    try:
        rows = ocr.tesseract_tsv(eng, pgm, 300, PSM, 120)
    except (OSError, subprocess.TimeoutExpired, RuntimeError):
        return {}
    out: dict[int, list[tuple[int, str]]] = {}
    for cols in rows:
        if cols[0] != "5" or not cols[11].strip():
            continue
        cy = int(cols[7]) + int(cols[9]) // 2
        for i, y0, y1 in spans:
            if y0 <= cy < y1:
                out.setdefault(i, []).append((int(cols[6]), cols[11].strip()))
                break
    return {i: " ".join(t for _, t in sorted(words)) for i, words in out.items()}
