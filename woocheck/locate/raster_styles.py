"""Raster boxes of the styles other publishers burn into scans: grey of any shade,
coloured boxes of any hue, and white or light boxes with a dark outline (empty, or
with the ground printed inside). `raster.find` finds the dark neutral fills (black, the
VWS mid grey) and calls this module for the rest, on the same 72 dpi render.

What is no redaction, and how it is told apart:
- table shading and highlighter are light fills with language printed on them: the
  text cuts their mask to slivers that the opening removes, and a fill with a word
  (of the file's layer or read by OCR) that is no ground label in it is dropped;
- logos: a coloured bar taller than it is wide (the Rijkslogo's ribbon) is dropped;
- photos are not flat; signatures and stamps are thin strokes, which the opening
  removes;
- form boxes: outlined fields in a column (two or more with the same sides, one above
  the other) and square checkboxes; a table's cells share their rules with neighbours,
  so no rule of theirs ends at a box's corners with another rule beside it.
An empty outlined box counts only where text of its line runs up to it (a gap left in a
sentence); one with something inside counts only when that is a ground label or an
unreadable clump no wider than a label.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ..model import BBox, Page
from .ocr_junk import is_label, leaked, strip_label_phrases

LIGHT_MARGIN = 18.0  # grey levels below the paper: a light grey fill still counts
CHROMA = 40  # channel spread of a coloured fill (paper, toner and JPEG stay below)
MIN_SIDE = 6.0  # pt: a light or coloured box smaller than this is a letter clump
MIN_H, MIN_W = 7.5, 10.0  # pt: a redaction covers at least a short word of a line
FLAT_TOLERANCE = 16
FLAT_SHARE = 0.5
TEXTURE = 5.0  # grey levels: the median spread of a fill above which it is a photo
RULE = 12.0  # pt: a horizontal rule of an outline is at least this long
OUTLINE_MIN_H, OUTLINE_MAX_H = 7.0, 40.0  # pt: from one line's box to about three lines
NEIGHBOUR_GAP = 14.0  # pt: the text of the line runs up to an empty outlined box


def fill_masks(lum: np.ndarray, chroma: np.ndarray, paper: float, dark_fill: np.ndarray):
    """(grey mask, coloured mask): fills of any grey and any colour. The grey mask takes
    in the dark pixels too, so a dark label printed on a light box keeps the box whole;
    what the dark-neutral pass found already is left out by the caller."""
    light = (lum < paper - LIGHT_MARGIN) & (chroma < 24)
    coloured = (chroma >= CHROMA) & (lum < paper - 10)
    return light, coloured


def is_flat(lum: np.ndarray, rgb: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """One flat colour over at least half the box (a label may take the rest): every
    channel at its own level, so a photo's texture or a gradient fails."""
    x0, y0, x1, y1 = box
    patch = rgb[y0:y1, x0:x1].reshape(-1, rgb.shape[2]).astype(np.int16)
    if patch.shape[0] == 0:
        return False
    level = np.median(patch, axis=0)
    near = (np.abs(patch - level) <= FLAT_TOLERANCE).all(axis=1)
    return float(near.mean()) >= FLAT_SHARE


def _inside(words, box: BBox, share: float = 0.6) -> list:
    out = []
    for w in words:
        b = w.bbox
        if not b:
            continue
        dx = min(b[2], box[2]) - max(b[0], box[0])
        dy = min(b[3], box[3]) - max(b[1], box[1])
        if dx > 0 and dy > 0 and dx * dy >= share * (b[2] - b[0]) * (b[3] - b[1]):
            out.append(w)
    return out


def has_language(page: Page, box: BBox) -> bool:
    """A word that is language (not a ground label, not OCR junk of a box) lies in the
    box: what is printed on a fill that shows its text. OCR words count here: on a light
    fill Tesseract reads the text, not junk."""
    inside = [w for w in _inside(page.words, box) if not is_label(w.text)]
    if not inside:
        return False
    kept = strip_label_phrases(" ".join(w.text for w in inside)).split()
    return bool(leaked(kept))


def keep_fill(page: Page, box: BBox, px, zoom: float, lum, chroma, paper: float, tone: str) -> bool:
    """A light or coloured flat rectangle that is a redaction: not smaller than a word,
    wider than tall unless it is wide (a logo's ribbon, the Rijkslogo's included, is an
    upright bar, cut in pieces by its emblem), standing on paper (not a patch of a photo;
    a grey one with paper above and below, not a strip of a shaded table between its
    lines), no text printed on it."""
    for w, h in (((px[2] - px[0]) / zoom, (px[3] - px[1]) / zoom), (box[2] - box[0], box[3] - box[1])):
        if h >= MIN_H and w >= MIN_W and (w >= 1.2 * h or w >= 120.0) and h <= 0.5 * page.height:
            break  # lies along the text as shown or on the unrotated page (see upright_bar)
    else:
        return False
    if not on_paper(px, lum, chroma, paper, 0.6 if tone == "grey" else 0.4) or _dark_text_on(px, lum, zoom) or _runs_on(px, lum):
        return False
    return not has_language(page, box)


def on_paper(px, lum, chroma, paper: float, share: float = 0.4) -> bool:
    """`share` of a 2 px ring round the box is paper: a flat patch inside a photo or a
    map has the photo round it (a box in a line has paper above and below it)."""
    x0, y0, x1, y1 = px
    H, W = lum.shape
    a0, b0, a1, b1 = max(0, x0 - 3), max(0, y0 - 3), min(W, x1 + 3), min(H, y1 + 3)
    ring = np.ones((b1 - b0, a1 - a0), bool)
    ring[max(0, y0 + 1 - b0) : y1 - 1 - b0, max(0, x0 + 1 - a0) : x1 - 1 - a0] = False
    ring[: max(0, y0 - 2 - b0)] = False
    l, c = lum[b0:b1, a0:a1][ring], chroma[b0:b1, a0:a1][ring]
    if l.size == 0:
        return True
    return float(((c < 30) & (l >= paper - 40)).mean()) >= share


def _upright(w: float, h: float) -> bool:
    return w < 0.8 * h and h >= 40.0


def upright_bar(px, zoom: float, bbox: BBox) -> bool:
    """Taller than three lines and narrower than tall: a logo's ribbon, not a redaction
    (asked of the dark-neutral pass too; its VWS boxes are all lower than that). Upright
    both as shown (`px`, the render) and on the unrotated page (`bbox`): on a page turned
    by /Rotate, which of the two the text runs along is not known, and a box lying along
    either is kept."""
    shown = _upright((px[2] - px[0]) / zoom, (px[3] - px[1]) / zoom)
    return shown and _upright(bbox[2] - bbox[0], bbox[3] - bbox[1])


def textured(px, lum) -> bool:
    """The fill's own level has a photo's grain: the median distance from the median
    above TEXTURE (a printed fill is smooth to a few levels even in a JPEG scan, and its
    label's pixels are few and far from the level, so they do not move the median)."""
    x0, y0, x1, y1 = px
    patch = lum[y0 + 1 : y1 - 1, x0 + 1 : x1 - 1].astype(np.float32)
    if patch.size < 30:
        return False
    return float(np.median(np.abs(patch - np.median(patch)))) > TEXTURE


def part_of_a_bar(px, candidates, zoom: float) -> bool:
    """Another candidate with the same sides above or below it is an upright bar: the
    piece below a logo's emblem (the Rijkslogo's ribbon is cut in two by it)."""
    tol = 2.5 * zoom
    for q in candidates:
        if q == px or abs(q[0] - px[0]) > tol or abs(q[2] - px[2]) > tol:
            continue
        gap = max(q[1] - px[3], px[1] - q[3])
        if gap <= 40 * zoom and (q[3] - q[1]) > (q[2] - q[0]):
            return True
    return False


def _runs_on(px, lum) -> bool:
    """The fill runs on past the box's left or right side at its own level: the box is a
    piece of a wider fill that text cut up (a shaded table row right of its text)."""
    x0, y0, x1, y1 = px
    body = float(np.median(lum[y0:y1, x0:x1]))
    for a, b in ((x0 - 4, x0 - 1), (x1 + 1, x1 + 4)):
        side = lum[y0 + 1 : y1 - 1, max(0, a) : max(0, b)]
        if side.size and float((np.abs(side.astype(np.int16) - body) <= FLAT_TOLERANCE).mean()) >= 0.6:
            return True
    return False


def _dark_text_on(px, lum, zoom: float) -> bool:
    """Dark ink on the fill across more than a label's width: text under a highlighter
    or on table shading, which a reader sees (a label is some 25-40 pt wide)."""
    x0, y0, x1, y1 = px
    # Two pixels in from the edges: the line above or below may touch a skewed box.
    patch = lum[y0 + 2 : y1 - 2, x0 + 2 : x1 - 2].astype(np.int16)
    if patch.size == 0:
        return False
    body = int(np.median(patch))
    ink = (patch < body - 45).any(axis=0)
    cols = np.flatnonzero(ink)
    return bool(cols.size) and (cols[-1] - cols[0] + 1) / zoom > 45.0


def _h_rules(dark: np.ndarray, zoom: float) -> list[tuple[int, int, int]]:
    """Horizontal rules (y, x0, x1) in pixels: dark runs of RULE pt or more. Rows are
    ORed in pairs so that a rule of a skewed scan that steps a row stays one run."""
    from scipy import ndimage

    k = max(4, int(RULE * zoom))
    both = dark.copy()
    both[1:] |= dark[:-1]
    long = ndimage.binary_opening(both, structure=np.ones((1, k), bool))
    labels, _ = ndimage.label(long, structure=np.array([[0, 0, 0], [1, 1, 1], [0, 0, 0]]))
    out: list[tuple[int, int, int]] = []
    found = sorted((sl[0].start, sl[1].start, sl[1].stop) for sl in ndimage.find_objects(labels) if sl is not None)
    for y, x0, x1 in found:
        # A rule two rows thick (or doubled by the ORing) is one rule.
        if any(y - q[0] <= 2 and abs(x0 - q[1]) <= 2 and abs(x1 - q[2]) <= 2 for q in out[-8:]):
            continue
        out.append((y, x0, x1))
    return out


def _side(dark: np.ndarray, x: int, y0: int, y1: int) -> bool:
    if y1 - y0 < 3:
        return False
    cols = dark[y0 + 1 : y1, max(0, x - 2) : x + 3]
    return cols.size > 0 and float(cols.any(axis=1).mean()) >= 0.8


def outlined(page: Page, lum: np.ndarray, paper: float, zoom: float, to_page) -> list[BBox]:
    """White or light boxes with a dark outline, in page space."""
    dark = lum < paper - 60
    rules = _h_rules(dark, zoom)
    tol = max(2, int(round(2 * zoom)))
    lo, hi = OUTLINE_MIN_H * zoom, OUTLINE_MAX_H * zoom
    rects = []
    for i, (yt, a0, a1) in enumerate(rules):
        below = [(yb, b0, b1) for yb, b0, b1 in rules if lo <= yb - yt <= hi and abs(b0 - a0) <= tol and abs(b1 - a1) <= tol]
        if not below:
            continue
        yb, b0, b1 = min(below)
        x0, x1 = min(a0, b0), max(a1, b1) - 1
        if x1 - x0 < 1.6 * (yb - yt):  # a checkbox
            continue
        if not (_side(dark, x0, yt, yb) and _side(dark, x1, yt, yb)):
            continue
        # A table row: a rule of the grid runs on past a side, or a column rule inside.
        inner = dark[yt + 2 : yb - 1, x0 + 3 : x1 - 2]
        if inner.size and (inner.mean(axis=0) >= 0.8).any():
            continue
        rects.append((x0, yt, x1 + 1, yb + 1))
    out = []
    for r in rects:
        # Form fields stand in a column: another box with the same sides above or below.
        column = [
            q for q in rects
            if q is not r and abs(q[0] - r[0]) <= tol and abs(q[2] - r[2]) <= tol and (q[1] >= r[3] - tol or q[3] <= r[1] + tol)
        ]
        if column:
            continue
        if _accept_outlined(page, dark, r, zoom, to_page):
            out.append(to_page(r))
    return out


def _accept_outlined(page: Page, dark: np.ndarray, r, zoom: float, to_page) -> bool:
    x0, y0, x1, y1 = r
    m = max(2, int(round(1.5 * zoom)))
    inner = dark[y0 + m : y1 - m, x0 + m : x1 - m]
    box = to_page(r)
    if inner.size and inner.any():
        # Something inside: a ground label, or a clump no wider than one.
        words = _inside(page.words, box, 0.5)
        if any(is_label(w.text) for w in words):
            return True
        # Any other word read in a frame: a table cell or a callout ("zie bijlage 2"); a
        # redaction shows at most its ground.
        if any(sum(c.isalnum() for c in w.text) >= 2 for w in words) or has_language(page, box):
            return False
        cols = np.flatnonzero(inner.any(axis=0))
        return (cols[-1] - cols[0] + 1) / zoom <= 45.0
    # Empty: only a gap in a line of text, with the line's ink running up to it.
    gap = int(NEIGHBOUR_GAP * zoom)
    rows = dark[y0 + m : y1 - m]
    left = rows[:, max(0, x0 - gap) : max(0, x0 - 1)]
    right = rows[:, x1 + 1 : x1 + gap]
    return bool((left.size and left.any()) or (right.size and right.any()))
