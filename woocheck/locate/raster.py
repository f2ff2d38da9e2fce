"""Redactions burnt into page images: solid grey or black boxes on scanned pages.

Only image pages are inspected (`Page.is_image_page`). The page is rendered at 72 dpi
(a 300 dpi JPEG scan decodes at a quarter of its size, the cheapest render) and the
rest is numpy and scipy.ndimage, so a page costs a few tens of milliseconds. How a box
is told from the rest of a scan:

- the paper colour is estimated per page (its commonest colour), so tinted or
  photographed paper is not a fill;
- a fill candidate is a pixel much darker than the paper and nearly colourless:
  highlighter, coloured logos and coloured chat bubbles drop out here;
- the light letters of a label printed in a box ("5.1.2e") are small holes next to a
  thick fill and are filled in; the counters of ordinary letters are not;
- a morphological opening removes text strokes, table rules and outlines, which are
  thin; what survives is cut into rectangles: rows are grouped into bands while the
  runs keep their ends, so boxes of one colour that touch (a stack of names, one box
  per line) are split where their edges change, and text touching a box is trimmed;
- a light seam across a rectangle (two boxes a point apart) splits it again;
- a rectangle must be of one flat level (a label may take up half of it); a small one
  must be dark as well and must not sit in the middle of a word the OCR read whole,
  which is what two blurred letters ("ij", "ll") look like;
- an outlined box, or little more than a faint frame, around a ground label in the OCR
  layer ("5.1.2e", or as OCR damages it "51.2e", "512¢") is found from the label.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ..model import BBox, Page, Redaction
from . import raster_styles as rs
from .ocr_junk import is_label

ZOOM = 1.0  # 72 dpi: scans at 300 dpi decode at 1/4 scale, the cheapest render
MAX_PIXELS = 4_000_000  # a render larger than this is made at a lower zoom
MIN_SIDE = 4.0  # pt: smaller dark blobs are bullets, bold strokes, specks
MIN_AREA = 45.0  # pt²
MIN_FILL = 0.82  # share of the bounding box the opened mask covers
OPEN = 5.0  # pt: side of the opening's square; ink thinner than this is text, a rule
# or an outline (at 72 dpi the strokes of 20 pt bold type are 4 px), not a fill
LINE = 14.0  # pt: the height of one line's box, at most
SLIVER = 3.5  # pt: a band lower than this is part of the box above or below it
SMALL = 8.0  # pt: boxes narrower or lower than this must be dark (SMALL_CONTRAST)
SMALL_CONTRAST = 110.0  # grey levels below the paper
FRAME_REACH = 8.0  # pt: how far above and below a label its frame may run
FRAME_CONTRAST = 30.0  # grey levels below the paper: a faint frame still counts
BODY_CHROMA = 10.0  # mean max-min channel spread of a fill's body, at most
FLAT_TOLERANCE = 14  # grey levels
FLAT_SHARE = 0.45  # of the box's pixels at the fill's own level (the rest: its label)
HOLE_AREA = 300.0  # pt²: the light letters of a label inside a box are smaller holes


def _paper(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """The paper colour (the commonest colour, coarsely binned) and its luminance."""
    sample = rgb[::4, ::4]
    keys = (sample[..., 0] >> 3).astype(np.int32) << 10
    keys |= (sample[..., 1] >> 3).astype(np.int32) << 5
    keys |= sample[..., 2] >> 3
    top = int(np.bincount(keys.ravel(), minlength=1 << 15).argmax())
    colour = np.array([(top >> 10) & 31, (top >> 5) & 31, top & 31], dtype=np.float32) * 8 + 4
    return colour, float(colour.mean())


def _prepare(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Luminance, chroma, the mask of pixels dark and grey enough to be a fill, and the
    paper's luminance."""
    _, paper_lum = _paper(rgb)
    # Channel by channel: numpy reduces a length-3 last axis very slowly, and even the
    # strided channel views cost more than one copy into planes (VWS scans: 1.8 ms ->
    # 0.8 ms a page).
    r, g, b = rgb.transpose(2, 0, 1).copy()
    hi = np.maximum(r, g)
    np.maximum(hi, b, out=hi)
    lo = np.minimum(r, g)
    np.minimum(lo, b, out=lo)
    chroma = hi - lo
    lum = hi
    lum >>= 1
    lo >>= 1
    lum += lo  # (hi + lo) / 2 without leaving uint8
    limit = int(min(paper_lum - 60.0, 200.0))
    return lum, chroma, (lum < limit) & (chroma < 48), paper_lum


def _erode(m: np.ndarray, k: int, axis: int) -> np.ndarray:
    n = m.shape[axis] - k + 1
    if n <= 0:
        return np.zeros_like(m)
    take = (lambda i: m[:, i : i + n]) if axis == 1 else (lambda i: m[i : i + n])
    out = take(0).copy()
    for i in range(1, k):
        out &= take(i)
    return out


def _dilate(e: np.ndarray, k: int, axis: int) -> np.ndarray:
    shape = list(e.shape)
    shape[axis] += k - 1
    out = np.zeros(shape, dtype=bool)
    n = e.shape[axis]
    for i in range(k):
        if axis == 1:
            out[:, i : i + n] |= e
        else:
            out[i : i + n] |= e
    return out


def _kernel(zoom: float) -> int:
    return max(3, int(OPEN * zoom + 0.5))


def _bbox(m: np.ndarray) -> Optional[tuple[int, int, int, int]]:
    """Rows y0:y1 and columns x0:x1 that hold every set pixel of `m`, or None."""
    rows = np.flatnonzero(m.any(axis=1))
    if not rows.size:
        return None
    cols = np.flatnonzero(m.any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _open(mask: np.ndarray, k: int) -> np.ndarray:
    """Opening with a k×k square: removes everything thinner than k px.

    Done with shifted boolean ANDs and ORs; on masks this size it is several times
    faster than scipy's filters. The erosion is sparse, so the dilation is done on its
    bounding box only.
    """
    e = _erode(_erode(mask, k, 1), k, 0)
    out = np.zeros(mask.shape, dtype=bool)
    box = _bbox(e)
    if box is not None:
        y0, y1, x0, x1 = box
        out[y0 : y1 + k - 1, x0 : x1 + k - 1] = _dilate(_dilate(e[y0:y1, x0:x1], k, 0), k, 1)
    return out


def _near(mask: np.ndarray, k: int) -> np.ndarray:
    """Dilation by a k×k square centred on each pixel (k odd)."""
    r = k // 2
    d = _dilate(_dilate(mask, k, 0), k, 1)
    return d[r : r + mask.shape[0], r : r + mask.shape[1]]


def _fill_label_holes(mask: np.ndarray, thick: np.ndarray, zoom: float) -> Optional[np.ndarray]:
    """The small light holes a label leaves in a fill (the letters of "5.1.2e"), or None.

    Only holes next to a thick fill count: the counters of ordinary letters are holes
    too, and filling those would turn bold text into blobs.
    """
    k = _kernel(zoom)
    r = k - 1  # _near reaches r px round the thick fills
    h, w = mask.shape
    ty0, ty1, tx0, tx1 = _bbox(thick)  # type: ignore[misc]
    # Labelling the whole page's background (the paper is one huge component) was the
    # dearest step; only holes touching the fills matter, so label round the fills.
    # A component of the crop that stays off the crop's edge is a component of the page;
    # one that reaches the edge is either already too big to be a hole (then it is one
    # on the page as well) or undecided, and only then is the page labelled whole.
    # VWS scans: 2.9 ms -> 0.9 ms a page.
    m = r + 16
    y0, y1, x0, x1 = max(0, ty0 - m), min(h, ty1 + m), max(0, tx0 - m), min(w, tx1 + m)
    near = np.zeros((y1 - y0, x1 - x0), dtype=bool)
    ny0, nx0 = max(0, ty0 - r), max(0, tx0 - r)
    ny1, nx1 = min(h, ty1 + r), min(w, tx1 + r)
    near[ny0 - y0 : ny1 - y0, nx0 - x0 : nx1 - x0] = _near(thick[ny0:ny1, nx0:nx1], 2 * k - 1)
    keep = _small_holes(~mask[y0:y1, x0:x1], near, zoom)
    if keep is None:
        return None
    holes, labels = keep
    edges = []
    if y0 > 0:
        edges.append(labels[0])
    if y1 < h:
        edges.append(labels[-1])
    if x0 > 0:
        edges.append(labels[:, 0])
    if x1 < w:
        edges.append(labels[:, -1])
    if edges and holes[np.concatenate(edges)].any():
        keep = _small_holes(~mask, _near(thick, 2 * k - 1), zoom)
        return None if keep is None else keep[0][keep[1]]
    out = np.zeros(mask.shape, dtype=bool)
    out[y0:y1, x0:x1] = holes[labels]
    return out


def _small_holes(light: np.ndarray, near: np.ndarray, zoom: float):
    """Which components of `light` are small and touch `near`: (flags by label, labels),
    or None when there are none."""
    from scipy import ndimage

    # Labels as intp: the bincount and the lookup below would each convert int32 first.
    labels, n = ndimage.label(light, output=np.intp)
    if n == 0:
        return None
    area = np.bincount(labels.ravel(), minlength=n + 1)
    small = area <= HOLE_AREA * zoom * zoom
    small[0] = False
    touching = np.bincount(labels[near & light], minlength=n + 1) > 0
    keep = small & touching
    if not keep.any():
        return None
    return keep, labels


def _bands(comp: np.ndarray, jump: int, sliver: int) -> list[tuple[int, int, int, int]]:
    """Split a component of touching fills into rectangles (x0, y0, x1, y1).

    Rows are grouped into bands within which the horizontal runs keep their ends (give
    or take `jump` px); each run of a band is a rectangle. Rectangles in consecutive
    bands with the same ends are joined again, so a box is cut only where its own
    edges change, not where a neighbour's do.
    """
    h = comp.shape[0]
    padded = np.zeros((h, comp.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = comp
    diff = np.diff(padded, axis=1)
    # All runs at once (row by row, the starts and ends pair up in order), then cut
    # into rows: one numpy call per row was most of the cost.
    rows, starts = np.nonzero(diff == 1)
    ends = np.nonzero(diff == -1)[1].tolist()
    cuts = np.searchsorted(rows, np.arange(h + 1)).tolist()
    starts = starts.tolist()
    rects: list[list[int]] = []  # x0, y0, x1, y1
    open_runs: list[list[int]] = []
    for y in range(h):
        i, j = cuts[y], cuts[y + 1]
        runs = list(zip(starts[i:j], ends[i:j]))
        same = len(runs) == len(open_runs) and all(
            abs(a - r[0]) <= jump and abs(b - r[2]) <= jump for (a, b), r in zip(runs, open_runs)
        )
        if same:
            for (a, b), r in zip(runs, open_runs):
                r[0], r[2], r[3] = min(r[0], a), max(r[2], b), y + 1
            continue
        rects.extend(open_runs)
        open_runs = [[a, y, b, y + 1] for a, b in runs]
    rects.extend(open_runs)
    # Join a rectangle with the one straight above it when their sides line up, or when
    # one of the two is a sliver (a bracket or "<" touching a box shifts the run ends
    # for a few rows; that must not cut the box in two).
    rects.sort(key=lambda r: (r[1], r[0]))
    joined: list[list[int]] = []
    for r in rects:
        for q in joined:
            if q[3] != r[1]:
                continue
            aligned = abs(q[0] - r[0]) <= jump and abs(q[2] - r[2]) <= jump
            overlap = min(q[2], r[2]) - max(q[0], r[0])
            thin = min(q[3] - q[1], r[3] - r[1]) < sliver
            if aligned:
                q[0], q[2], q[3] = min(q[0], r[0]), max(q[2], r[2]), r[3]
                break
            if thin and overlap >= 0.6 * min(q[2] - q[0], r[2] - r[0]):
                if r[3] - r[1] > q[3] - q[1]:  # the sides of the taller one hold
                    q[0], q[2] = r[0], r[2]
                q[3] = r[3]
                break
        else:
            joined.append(list(r))
    return [tuple(r) for r in joined]  # type: ignore[misc]


def _boxes_px(mask: np.ndarray, zoom: float) -> list[tuple[int, int, int, int]]:
    """Rectangles (x0, y0, x1, y1 in pixels) of solid fills in a candidate mask."""
    from scipy import ndimage

    k = _kernel(zoom)
    thick = _open(mask, k)
    if not thick.any():
        return []
    solid = thick
    holes = _fill_label_holes(mask, thick, zoom)
    if holes is not None:
        # Opening the filled mask anew changes it only where a k×k square takes in a
        # filled hole, so only the holes' surroundings are opened again.
        h, w = mask.shape
        y0, y1, x0, x1 = _bbox(holes)  # type: ignore[misc]
        y0, y1, x0, x1 = max(0, y0 - k + 1), min(h, y1 + k - 1), max(0, x0 - k + 1), min(w, x1 + k - 1)
        solid = thick.copy()
        solid[y0:y1, x0:x1] |= _open(mask[y0:y1, x0:x1] | holes[y0:y1, x0:x1], k)
    # Label the fills' bounding box only: the fills are sparse on a page.
    oy, y1, ox, x1 = _bbox(solid)  # type: ignore[misc]
    labels, n = ndimage.label(solid[oy:y1, ox:x1])
    min_side = MIN_SIDE * zoom
    min_area = MIN_AREA * zoom * zoom
    jump = max(2, int(round(1.0 * zoom)))
    out: list[tuple[int, int, int, int]] = []
    for i, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is None:
            continue
        ys, xs = sl
        h, w = ys.stop - ys.start, xs.stop - xs.start
        if h < min_side or w < min_side or h * w < min_area:
            continue
        comp = labels[sl] == i
        if comp.all():  # the common case: one clean box on its own
            out.append((ox + xs.start, oy + ys.start, ox + xs.stop, oy + ys.stop))
            continue
        for c0, r0, c1, r1 in _bands(comp, jump, int(SLIVER * zoom)):
            if r1 - r0 < min_side or c1 - c0 < min_side:
                continue
            # Keep the rows the band fills nearly edge to edge: a line of text that
            # touches the box from below can ride along in a band but never fills it.
            full = comp[r0:r1, c0:c1].mean(axis=1) >= MIN_FILL
            for a, b in _runs(full):
                if b - a < min_side:
                    continue
                # The same for columns: a glyph touching the box's side.
                cols = comp[r0 + a : r0 + b, c0:c1].mean(axis=0) >= MIN_FILL
                for e, g in _runs(cols):
                    if g - e >= min_side and (b - a) * (g - e) >= min_area:
                        x, y = ox + xs.start + c0, oy + ys.start + r0
                        out.append((x + e, y + a, x + g, y + b))
    return _rejoin(out, jump, int(LINE * zoom))


def _rejoin(rects: list[tuple[int, int, int, int]], jump: int, line: int) -> list[tuple[int, int, int, int]]:
    """Join boxes stacked edge to edge with the same sides: text touching a box beside
    it cuts its bands, and trimming that text off leaves the pieces of one box."""
    merged: list[list[int]] = []
    for r in sorted(rects, key=lambda r: (r[1], r[0])):
        for q in merged:
            if abs(q[3] - r[1]) > 1:
                continue
            overlap = min(q[2], r[2]) - max(q[0], r[0])
            widest = max(q[2] - q[0], r[2] - r[0])
            left, right = abs(q[0] - r[0]) <= jump, abs(q[2] - r[2]) <= jump
            # Two halves of one line's box (a word touching it cut the bands) share a
            # side and together are no taller than a line.
            halves = (left or right) and overlap >= 0.75 * widest and (q[3] - q[1]) + (r[3] - r[1]) <= line
            if overlap >= 0.9 * widest or (left and right) or halves:
                # Keep the sides of the taller piece (the other may carry a glyph).
                taller = (r[3] - r[1], q[2] - q[0]) > (q[3] - q[1], r[2] - r[0])
                if taller:
                    q[0], q[2] = r[0], r[2]
                q[3] = max(q[3], r[3])
                break
        else:
            merged.append(list(r))
    return [tuple(q) for q in merged]  # type: ignore[misc]


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """The runs [start, end) of set flags."""
    padded = np.zeros(flags.size + 2, dtype=bool)
    padded[1:-1] = flags
    edges = np.flatnonzero(padded[1:] != padded[:-1]).tolist()
    return list(zip(edges[::2], edges[1::2]))


def _low(patch: np.ndarray) -> int:
    """The 30th percentile: the fill's level even when a light label takes up much of
    the box (np.percentile is several times slower for these small arrays)."""
    flat = patch.flatten()  # one copy, partitioned in place
    k = (flat.size * 3) // 10
    flat.partition(k)
    return int(flat[k])


def _split_gaps(lum: np.ndarray, box: tuple[int, int, int, int], paper: float, min_px: float):
    """Cut a rectangle along light columns or rows that cross it completely.

    Two boxes a point apart blur into one at 72 dpi; the light seam between them still
    shows in the luminance. A label's letters never cross the whole box (the box keeps a
    margin above and below them), so they do not cut.
    """
    x0, y0, x1, y1 = box
    patch = lum[y0:y1, x0:x1]
    body = float(_low(patch))
    dark = patch < (body + paper) / 2
    for c0, c1 in _runs(dark.mean(axis=0) >= 0.15):
        if c1 - c0 < min_px:
            continue
        for r0, r1 in _runs(dark[:, c0:c1].mean(axis=1) >= 0.15):
            if r1 - r0 >= min_px:
                piece = (x0 + c0, y0 + r0, x0 + c1, y0 + r1)
                # The fill's level travels with an uncut box: _flat need not find it again.
                yield piece, (body if piece == box else None)


def _flat(
    lum: np.ndarray, chroma: np.ndarray, box: tuple[int, int, int, int], paper: float, small: bool, body: Optional[float] = None
) -> Optional[str]:
    """'grey' or 'black' when the box is of one flat colour (a label may sit inside).
    `body`: the box's 30th percentile when known already."""
    x0, y0, x1, y1 = box
    patch = lum[y0:y1, x0:x1].astype(np.int16)
    body = int(_low(patch) if body is None else body)
    if small and body > paper - SMALL_CONTRAST:
        # Two blurred letters ("ll", "ij") make a small mid-grey clump at 72 dpi; a
        # box that small must be as dark as a real fill.
        return None
    # A printed fill is flat to a few levels even in a JPEG scan; a clump of blurred
    # letters, a photo or a logo is not.
    level = np.abs(patch - body) <= FLAT_TOLERANCE
    if float(level.mean()) < FLAT_SHARE:
        return None
    # Toner and printed fills are neutral; the dark parts of a photo (forest on an
    # aerial map, a shadow) keep a tint even where they look grey.
    if float(chroma[y0:y1, x0:x1][level].mean()) > BODY_CHROMA:
        return None
    return "black" if body < 60 else "grey"


def _part_of_a_word(page: Page, box: BBox) -> bool:
    """A box over part of a word the OCR read whole is a clump of letters (a bold
    initial, "ij" or "ll" blurred together), not a redaction: a redaction covers whole
    words, and OCR reads a box as junk, not as the word it interrupts."""
    from .ocr_junk import classify

    bw = box[2] - box[0]
    if min(bw, box[3] - box[1]) >= SMALL:  # word boxes of OCR layers are loose: small only
        return False
    for w in page.layer_words:
        if not w.bbox or len(w.text) < 3:
            continue
        x0, y0, x1, y1 = w.bbox
        if not (y0 <= (box[1] + box[3]) / 2 <= y1 and x0 <= (box[0] + box[2]) / 2 <= x1):
            continue
        sticks_out = x0 < box[0] - 1.5 or x1 > box[2] + 1.5
        if sticks_out and bw < 0.5 * (x1 - x0) and classify(w.text) in ("word", "name", "unknown"):
            return True
    return False


def _line(dark: np.ndarray, y: int, x0: int, x1: int) -> bool:
    if not 0 <= y < dark.shape[0] or x1 <= x0:
        return False
    run = dark[y, x0:x1]
    # Empty where the box lies past the image's edge (a damaged page): no line there. The
    # mean of nothing is NaN with a RuntimeWarning on stderr, noise in a CI log.
    return run.size > 0 and float(run.mean()) >= 0.9


def _extent(row: np.ndarray, x0: int, x1: int) -> tuple[int, int]:
    """How far a dark row segment [x0, x1) runs on to the left and right."""
    a, b = x0, x1
    while a > 0 and row[a - 1]:
        a -= 1
    while b < row.size and row[b]:
        b += 1
    return a, b


def _frame_around(dark: np.ndarray, label: tuple[int, int, int, int], zoom: float):
    """The outlined box around a label, if a thin frame closes round it.

    The frame may be much wider than the label (a name's length) but not much taller.
    """
    x0, y0, x1, y1 = label
    reach = int(round(FRAME_REACH * zoom))
    top = next((y for y in range(y0 - 1, y0 - reach - 1, -1) if _line(dark, y, x0, x1)), None)
    bottom = next((y for y in range(y1, y1 + reach) if _line(dark, y, x0, x1)), None)
    if top is None or bottom is None:
        return None
    ta, tb = _extent(dark[top], x0, x1)
    ba, bb = _extent(dark[bottom], x0, x1)
    tol = max(2, int(round(1.5 * zoom)))
    if abs(ta - ba) > tol or abs(tb - bb) > tol:
        return None
    left, right = min(ta, ba), max(tb, bb) - 1
    sides = [dark[top : bottom + 1, max(0, c - 1) : c + 2].any(axis=1).mean() for c in (left, right)]
    if min(sides) < 0.9:
        return None
    return (left, top, right + 1, bottom + 1)


def _framed_labels(page: Page, lum: np.ndarray, paper: float, zoom: float, to_px, to_page, boxes: list[BBox]):
    """Outlined or faintly framed boxes found from the ground label printed in them.

    Some publishers redact with a white box with a dark outline, or leave little more
    than the code in a faint frame; a mask of fills misses those, and a frame alone
    looks like a table cell. The label in the OCR layer says where to look.
    """
    dark = lum < paper - FRAME_CONTRAST
    out: list[BBox] = []
    for w in page.layer_words:
        if not w.bbox or not is_label(w.text):
            continue
        cx, cy = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
        if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes + out):
            continue
        frame = _frame_around(dark, to_px(w.bbox), zoom)
        if frame is None:
            continue
        bbox = to_page(frame)
        if bbox[3] - bbox[1] <= 3 * (w.bbox[3] - w.bbox[1]) + 6 and bbox[2] - bbox[0] <= 0.9 * page.width:
            out.append(bbox)
    return out


def _words_in(index, box: BBox) -> list:
    """Words of the text layer whose centre lies in `box` (index from `_word_index`)."""
    words, cx, cy = index
    if not words:
        return []
    hit = np.flatnonzero((cx >= box[0]) & (cx <= box[2]) & (cy >= box[1]) & (cy <= box[3]))
    return [words[i] for i in hit]


def _word_index(page: Page):
    words = [w for w in page.layer_words if w.bbox]
    b = np.array([w.bbox for w in words], dtype=np.float64).reshape(-1, 4)
    return words, (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2


def _is_banner(index, box: BBox, lum: np.ndarray, paper: float, to_px) -> bool:
    """A dark bar with light words printed in it: a table header, a title bar, a chat
    bubble in dark mode. Every word the OCR reads in it as language is visible in the
    image as light letters, where a redaction hides what the OCR read (and shows at
    most its ground label)."""
    from .ocr_junk import leaked, strip_label_phrases

    inside = _words_in(index, box)
    if not inside:
        return False
    x0, y0, x1, y1 = to_px(box)
    patch = lum[y0:y1, x0:x1]
    if patch.size == 0:
        return False
    body = _low(patch)
    cut = body + 0.3 * (paper - body)  # light letters blur at 72 dpi: a low cut
    # A ground label, or what a redaction tool prints in its box ("buiten verzoek"),
    # is visible by design: such a box is a redaction.
    if any(is_label(w.text) for w in inside):
        return False
    kept = strip_label_phrases(" ".join(w.text for w in inside)).split()
    language = set(leaked(kept))  # what would be a leak if the box hid it
    # Only words lying mostly in the box: OCR boxes of the word beside it are loose.
    words = [w for w in inside if w.text in language and min(w.bbox[2], box[2]) - max(w.bbox[0], box[0]) >= 0.7 * (w.bbox[2] - w.bbox[0])]
    if not words:
        return False
    for w in words:
        inner = (max(w.bbox[0], box[0]), max(w.bbox[1], box[1]), min(w.bbox[2], box[2]), min(w.bbox[3], box[3]))
        a, b, c, d = to_px(inner)
        light = lum[b:d, a:c] > cut
        if light.size == 0 or light.mean() < 0.08:
            return False
        # Light ink at (nearly) every letter of the word: a ground label printed over a
        # hidden word covers some of its letters, not its whole length.
        n = len(w.text)
        if len(w.chars) == n:
            spans = [(ch[0], ch[2]) for ch in w.chars]
        else:
            step = (w.bbox[2] - w.bbox[0]) / max(1, n)
            spans = [(w.bbox[0] + i * step, w.bbox[0] + (i + 1) * step) for i in range(n)]
        inked = 0
        for s0, s1 in spans:
            p0, _, p1, _ = to_px((max(s0, box[0]), inner[1], min(s1, box[2]), inner[3]))
            inked += bool(p1 > p0 and (lum[b:d, p0:p1] > cut).any())
        if inked < 0.8 * n:
            return False
    return True


def _drawn_boxes(page: Page) -> np.ndarray:
    """Filled vector paths and annotations on the page, as an (n, 4) array.

    The render shows them too, but they are the vector and annotation locators'
    business; reporting them again as raster boxes would count them twice.
    """
    rects = [d.rect for d in page.drawings if d.fill is not None and d.fill_opacity >= 0.5]
    rects += [a.bbox for a in page.annotations if a.kind != "Link"]
    return np.array(rects, dtype=np.float64).reshape(-1, 4)


def _is_drawn(box: BBox, drawn: np.ndarray) -> bool:
    if not len(drawn):
        return False
    w = np.minimum(drawn[:, 2], box[2]) - np.maximum(drawn[:, 0], box[0])
    h = np.minimum(drawn[:, 3], box[3]) - np.maximum(drawn[:, 1], box[1])
    area = max(1e-6, (box[2] - box[0]) * (box[3] - box[1]))
    return bool((np.clip(w, 0, None) * np.clip(h, 0, None) >= 0.8 * area).any())


def _transform(box, m) -> BBox:
    """The bounding box of `box` mapped by the affine matrix m = (a, b, c, d, e, f)."""
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _mapping(page: Page, shape):
    """Functions from render pixels to page boxes and back (scale, then un-rotate)."""
    # The render may be a pixel larger than the page at this zoom; map by the real size.
    sx = page.width / shape[1]
    sy = page.height / shape[0]
    # The render shows the page as displayed (rotated); words and boxes are unrotated.
    rotate, derotate = page.rotation_matrix, page.derotation_matrix

    def to_page(r) -> BBox:
        box = (r[0] * sx, r[1] * sy, r[2] * sx, r[3] * sy)
        if derotate:
            box = _transform(box, derotate)
        return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))

    def to_px(b: BBox) -> tuple[int, int, int, int]:
        if rotate:
            b = _transform(b, rotate)
        return (int(b[0] / sx), int(b[1] / sy), int(np.ceil(b[2] / sx)), int(np.ceil(b[3] / sy)))

    return to_page, to_px


_DETAIL = {
    "outlined": "outlined box round a ground label in page image",
    "framed": "outlined box in page image",
    "coloured": "coloured box in page image",
}


def _overlaps_any(box: BBox, boxes: list[BBox]) -> bool:
    for b in boxes:
        w = min(b[2], box[2]) - max(b[0], box[0])
        h = min(b[3], box[3]) - max(b[1], box[1])
        if w > 0 and h > 0 and w * h >= 0.3 * min((b[2] - b[0]) * (b[3] - b[1]), (box[2] - box[0]) * (box[3] - box[1])):
            return True
    return False


def _other_styles(page: Page, rgb, lum, chroma, mask, paper, zoom, to_page, drawn, seen: list[BBox]) -> list[tuple[BBox, str]]:
    """Light grey and coloured fills and outlined boxes (raster_styles.py), where the
    dark-neutral pass found nothing."""
    out: list[tuple[BBox, str]] = []
    light, coloured = rs.fill_masks(lum, chroma, paper, mask)
    for candidates, tone in ((light, "grey"), (coloured, "coloured")):
        if not candidates.any():
            continue
        pieces = [box for rect in _boxes_px(candidates, zoom) for box, _ in _split_gaps(lum, rect, paper, rs.MIN_SIDE * zoom)]
        for box in pieces:
            bbox = to_page(box)
            if _overlaps_any(bbox, seen + [b for b, _ in out]) or not rs.is_flat(lum, rgb, box) or rs.textured(box, lum):
                continue
            if rs.upright_bar(box, zoom, bbox) or rs.part_of_a_bar(box, pieces, zoom):
                continue
            if rs.keep_fill(page, bbox, box, zoom, lum, chroma, paper, tone) and not _is_drawn(bbox, drawn) and not _part_of_a_word(page, bbox):
                out.append((bbox, tone))
    for bbox in rs.outlined(page, lum, paper, zoom, to_page):
        if not _overlaps_any(bbox, seen + [b for b, _ in out]) and not _is_drawn(bbox, drawn):
            out.append((bbox, "framed"))
    return out


def find(page: Page, path: str, zoom: float = ZOOM) -> list[Redaction]:
    if page.render is None or not page.is_image_page:
        return []
    # A poster-sized page is looked at more coarsely: the cost follows the pixel count.
    zoom = min(zoom, (MAX_PIXELS / max(1.0, page.width * page.height)) ** 0.5)
    try:
        rgb = page.render(zoom)
    except Exception:  # a damaged image stream: other stages still report on the page
        return []
    if rgb.ndim != 3 or min(rgb.shape[:2]) < 8:
        return []
    to_page, to_px = _mapping(page, rgb.shape)
    lum, chroma, mask, paper = _prepare(rgb)
    found: list[tuple[BBox, str]] = []
    for rect in _boxes_px(mask, zoom):
        for box, body in _split_gaps(lum, rect, paper, MIN_SIDE * zoom):
            if (box[2] - box[0]) * (box[3] - box[1]) < MIN_AREA * zoom * zoom:
                continue
            small = min(box[2] - box[0], box[3] - box[1]) < SMALL * zoom
            tone = _flat(lum, chroma, box, paper, small, body)
            if tone is not None and not rs.upright_bar(box, zoom, to_page(box)):
                found.append((to_page(box), tone))
    drawn = _drawn_boxes(page)
    index = _word_index(page)
    found = [
        (b, tone)
        for b, tone in found
        if not _part_of_a_word(page, b) and not _is_drawn(b, drawn) and not _is_banner(index, b, lum, paper, to_px)
    ]
    for bbox in _framed_labels(page, lum, paper, zoom, to_px, to_page, [b for b, _ in found]):
        found.append((bbox, "outlined"))
    found += _other_styles(page, rgb, lum, chroma, mask, paper, zoom, to_page, drawn, [b for b, _ in found])
    covered = [" ".join(w.text for w in _words_in(index, b)) for b, _ in found]
    return [
        Redaction(
            path=path,
            page=page.number,
            bbox=bbox,
            kind="raster",
            covered_text=text,
            detail=_DETAIL.get(tone, f"{tone} box in page image"),
        )
        for (bbox, tone), text in zip(found, covered)
    ]
