"""Read a ground label printed inside a raster box, from the pixels.

Review tools such as ZyLAB print the ground ("5.1.2e", "5.1.5") in light text inside a
flat grey box, and the OCR layer of the export often misses it entirely. The label is
short and typeset in a plain sans-serif, so it can be read without an OCR engine: split
the light strokes into connected components (one per glyph, dots apart), and match each
glyph against Helvetica templates, digits everywhere and a letter a-i only at the end.
The result goes through the ordinary parser, so only a code that exists is accepted.
"""
from __future__ import annotations

import itertools
from functools import lru_cache

import numpy as np

from ..memo import per_object
from ..model import BBox, Page

ZOOM = 4.0  # about the resolution of a 300 dpi scan: digits come out 12-20 px high
MIN_CONTRAST = 25  # grey levels between the box and its lettering, at least
CONTRAST_SHARE = 0.4  # of the way from the box's grey to the lettering's extreme
MIN_GLYPH_PX = 7  # a glyph lower than this cannot be told apart reliably
MIN_SCORE = 0.8  # agreement (F1 of ink within a pixel) a glyph must reach with its template
ALTERNATIVE = 0.08  # characters this close to a glyph's best match stay in the running
DIGITS = "0123456789"
LETTERS = "abcdefghi"


@lru_cache(maxsize=64)
def _templates(height: int) -> dict[str, np.ndarray]:
    """Glyph masks at the size they appear (digit height `height` px), cropped to their ink.

    Rendered at that size with anti-aliasing and thresholded like the scan, so the
    strokes come out as thick as the scanned ones; scaling a large glyph down would not.
    All glyphs go on one strip, so a size costs one render. They are written through one
    Shape: `page.insert_text` per glyph commits each on its own, each commit looking up the
    page's fonts again (the same glyphs in the same places, the same masks for every height 3-119 px;
    11.7 -> 4.7 ms a size, and the VWS corpus asks for ~20 sizes).
    """
    import pymupdf

    chars = DIGITS + LETTERS
    fontsize = height / 0.72  # Helvetica digits stand about 0.72 em
    step = fontsize * 1.2
    doc = pymupdf.open()
    page = doc.new_page(width=step * (len(chars) + 1), height=fontsize * 2)
    shape = page.new_shape()
    for n, ch in enumerate(chars):
        shape.insert_text((step * (n + 0.5), fontsize * 1.3), ch, fontsize=fontsize, fontname="helv")
    shape.commit()
    pix = page.get_pixmap(colorspace=pymupdf.csGRAY, alpha=False)
    ink = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width) < 166
    doc.close()
    out = {}
    for n, ch in enumerate(chars):
        cell = ink[:, int(step * (n + 0.5) - step * 0.2) : int(step * (n + 1.5) - step * 0.2)]
        ys, xs = np.nonzero(cell)
        out[ch] = cell[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    return out


def _resize(mask: np.ndarray, h: int, w: int) -> np.ndarray:
    ys = (np.arange(h) * mask.shape[0] / h).astype(int)
    xs = (np.arange(w) * mask.shape[1] / w).astype(int)
    return mask[ys][:, xs]


def _near(mask: np.ndarray) -> np.ndarray:
    """The mask grown by one pixel up, down, left and right (a binary dilation with a
    cross, outside counted empty): numpy shifts, ~10x cheaper than scipy for a glyph."""
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


@lru_cache(maxsize=4096)
def _candidates(height: int, chars: str, h: int, w: int) -> tuple[str, np.ndarray, np.ndarray, np.ndarray]:
    """The templates that fit an h x w glyph, resized to it and stacked: (chars, masks,
    masks grown, ink per mask), the masks flattened to rows of 0.0 and 1.0 so that one
    matrix product counts the ink they share with a glyph (the counts are small
    integers, exact in float64). Worked out once per size: a page's labels repeat."""
    rel = h / max(1, height)
    templates = _templates(height)
    keep = []
    for ch in chars:
        t = templates[ch]
        # Digits stand full height; a, c, e are x-height, i and the ascender letters taller.
        if ch in "aceg" and rel > 0.9 or ch in DIGITS + "bdfhi" and rel < 0.82:
            continue
        ratio = (w / h) / (t.shape[1] / t.shape[0])
        if not 0.6 <= ratio <= 1.6:
            continue
        keep.append(ch)
    masks = np.array([_resize(templates[ch], h, w) for ch in keep], dtype=bool).reshape(len(keep), h, w)
    grown = np.array([_near(m) for m in masks], dtype=bool).reshape(len(keep), h, w)
    inks = masks.sum(axis=(1, 2))
    flat = len(keep), h * w
    return "".join(keep), masks.reshape(flat).astype(np.float64), grown.reshape(flat).astype(np.float64), inks


def _classify(glyph: np.ndarray, chars: str, height: int) -> list[tuple[str, float]]:
    """(char, score) for every template that fits the glyph's shape, best first; the
    glyph's height relative to the digits decides which templates fit."""
    h, w = glyph.shape
    keep, masks, grown, inks = _candidates(int(height), chars, h, w)
    if not keep:
        return []
    # Ink explained by the template and template ink present, each within one pixel:
    # scans come out bolder or thinner than the font, and a pixel off here or there.
    # All templates at once; per template this is the F1 2pr/(p+r), in the same order.
    # The counts as matrix products, not count_nonzero of a stack of ANDs: a third of
    # the time, the same integers (VWS scans: 0.08 -> 0.03 ms a glyph).
    p = (grown @ glyph.ravel().astype(np.float64)).astype(np.intp) / max(1, np.count_nonzero(glyph))
    r = (masks @ _near(glyph).ravel().astype(np.float64)).astype(np.intp) / np.maximum(1, inks)
    both = p + r
    f1 = 2 * p * r / np.where(both > 0, both, 1.0)
    scores = {ch: (f if b else 0.0) for ch, f, b in zip(keep, f1.tolist(), both.tolist())}
    return sorted(scores.items(), key=lambda kv: -kv[1])


def _line_components(mask: np.ndarray, margin: int):
    """Connected light (or dark) blobs that lie inside the box, away from its edge band."""
    from scipy import ndimage

    labels, n = ndimage.label(mask, structure=_EIGHT)
    comps = []
    H, W = mask.shape
    for i, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is None:
            continue
        y0, y1, x0, x1 = sl[0].start, sl[0].stop, sl[1].start, sl[1].stop
        if y0 < margin or x0 < margin or y1 > H - margin or x1 > W - margin:
            continue  # in the edge band: paper or a bracket around the box, not lettering
        # A single pixel is skipped. Eight-connected, any larger bounding box holds at
        # least two pixels: no count needed.
        if y1 - y0 == 1 and x1 - x0 == 1:
            continue
        comps.append((x0, y0, x1, y1, labels[sl] == i))
    return comps


_EIGHT = np.ones((3, 3), dtype=bool)  # eight-connected components


def read_label(page: Page, box: BBox) -> tuple[tuple[str, float], ...]:
    """Readings of the label printed in a raster box, as (text, score), best first:
    (("5.1.2e", 0.97), ("5.1.2a", 0.96), ...); () when nothing can be read."""
    if page.render is None:
        return ()
    found = _read_clip(page, box, 1.0, 1.0)
    if not found and box[3] - box[1] < 9:
        # A located box is sometimes only a slice of its grey bar (split at a text line);
        # the label then sits just above or below it.
        found = _read_clip(page, box, 1.0, 3.0)
    return found


def _read_clip(page: Page, box: BBox, padx: float, pady: float) -> tuple[tuple[str, float], ...]:
    pad = min(padx, pady)
    clip = (box[0] - padx, box[1] - pady, box[2] + padx, box[3] + pady)
    try:
        rgb = page.render(ZOOM, clip)  # type: ignore[call-arg]
    except TypeError:  # an older renderer without clip: not worth a full-page render here
        return ()
    sums = _sums(rgb)
    if sums is None:  # one channel
        return _read_gray(rgb, pad)
    if sums.size == 0:
        return ()
    # From a count of the channel sums (0-765) rather than from the grey image
    # `sums / 3.0`: the histogram, the percentiles and both masks come out the same.
    cum = np.cumsum(np.bincount(sums.ravel(), minlength=766))
    bg = _fill_of_sums(_core(sums))
    if bg > 215:  # no box fill: a white page, nothing printed "in" it
        return ()
    # The threshold follows the lettering's own contrast: thin strokes of a blurred scan
    # (the bar of an "e") come out fainter than the stems.
    hi, lo = _hi_lo_counts(cum, sums.size)
    # s / 3.0 grows with s, so `gray > t` is `sums >= the first s whose s / 3.0 > t`:
    # the same masks, compared in integers.
    up = int(np.searchsorted(_THIRDS, bg + max(MIN_CONTRAST, CONTRAST_SHARE * (hi - bg)), side="right"))
    down = int(np.searchsorted(_THIRDS, bg - max(MIN_CONTRAST, CONTRAST_SHARE * (bg - lo)), side="left"))
    light, dark = sums >= up, sums < down
    n_light = sums.size - (int(cum[up - 1]) if up > 0 else 0)
    n_dark = int(cum[down - 1]) if down > 0 else 0
    for mask in (light, dark) if n_light >= n_dark else (dark, light):
        texts = _read_mask(mask, margin=int(pad * ZOOM))
        if texts:
            return texts
    return ()


_THIRDS = np.arange(766) / 3.0  # the grey level of each channel sum, as sums / 3.0 gives it


def _core(a: np.ndarray) -> np.ndarray:
    """The middle of a label clip (the box's fill, little of its edge), or all of it."""
    h, w = a.shape[:2]
    core = a[h // 4 : -(h // 4) or None, w // 8 : -(w // 8) or None]
    return core if core.size else a


def _fill(gray: np.ndarray):
    """The box's fill: the commonest grey level, in bins of 8 (the bin's middle)."""
    return np.bincount(gray.astype(np.uint8).ravel() // 8, minlength=32).argmax() * 8 + 4


def _fill_of_sums(sums: np.ndarray):
    """`_fill(sums / 3.0)` from the channel sums: (s / 3.0) as uint8, // 8, is s // 24."""
    return np.bincount(sums.ravel(), minlength=768).reshape(32, 24).sum(axis=1).argmax() * 8 + 4


def _read_gray(gray: np.ndarray, pad: float) -> tuple[tuple[str, float], ...]:
    """`_read_clip` for a one-channel render."""
    if gray.size == 0:
        return ()
    bg = _fill(_core(gray))
    if bg > 215:
        return ()
    hi, lo = np.percentile(gray, [99, 1])
    light = gray > bg + max(MIN_CONTRAST, CONTRAST_SHARE * (hi - bg))
    dark = gray < bg - max(MIN_CONTRAST, CONTRAST_SHARE * (bg - lo))
    for mask in (light, dark) if light.sum() >= dark.sum() else (dark, light):
        texts = _read_mask(mask, margin=int(pad * ZOOM))
        if texts:
            return texts
    return ()


def _sums(rgb: np.ndarray) -> "np.ndarray | None":
    """The sum of the three channels (0-765), None for a one-channel picture."""
    if rgb.ndim != 3:
        return None
    return rgb[..., 0].astype(np.uint16) + rgb[..., 1] + rgb[..., 2]


_PERCENTS = np.true_divide(np.asanyarray([99, 1]), 100)  # as np.percentile makes them


def _hi_lo_counts(cum: np.ndarray, n: int) -> tuple[float, float]:
    """np.percentile(sums / 3.0, [99, 1]), the same numbers, from the cumulative count of
    the channel sums (766 entries) and their number `n`.

    numpy's "linear" method step by step (numpy 2.x `_quantile`: the virtual index
    (n - 1) q, the two order statistics around it and its `_lerp`), with the order
    statistics read off the count instead of partitioning the floats: ~10x cheaper a box.
    """

    def order(i: int) -> float:  # the i-th smallest of sums / 3.0
        return float(np.searchsorted(cum, i, side="right")) / 3.0

    out = []
    for q in _PERCENTS:
        virtual = (n - 1) * q
        if virtual >= n - 1:
            out.append(order(n - 1))
            continue
        prev = np.floor(virtual)
        t = virtual - prev
        a, b = order(int(prev)), order(int(prev) + 1)
        d = b - a
        out.append(b - d * (1 - t) if t >= 0.5 else a + d * t)
    return out[0], out[1]


def _median(values: list) -> float:
    """np.median of a short list, without numpy's overhead (the same arithmetic)."""
    v = sorted(values)
    n = len(v)
    return float(v[n // 2]) if n % 2 else float((v[n // 2 - 1] + v[n // 2]) / 2)


def _read_mask(mask: np.ndarray, margin: int) -> tuple[tuple[str, float], ...]:
    comps = _line_components(mask, margin)
    tall = [c for c in comps if c[3] - c[1] >= MIN_GLYPH_PX]
    if len(tall) < 2:
        return ()
    # The typical glyph height, not the tallest blob: a bracket or a box edge beside the
    # label stands taller than the digits.
    height = _median([c[3] - c[1] for c in tall])
    glyphs = [c for c in comps if 0.5 * height <= c[3] - c[1] <= 1.25 * height]
    if len(glyphs) < 2:
        return ()
    # One line: the glyphs share a vertical band.
    mid = _median([(c[1] + c[3]) / 2 for c in glyphs])
    glyphs = sorted((c for c in glyphs if abs((c[1] + c[3]) / 2 - mid) < 0.5 * height), key=lambda c: c[0])
    # Labels stand apart: split the line where the gap is wider than a glyph, and read the
    # longest group (a fragment of a neighbour's label at the edge is left out).
    groups: list[list] = []
    for c in glyphs:
        if groups and c[0] - groups[-1][-1][2] <= 1.2 * height:
            groups[-1].append(c)
        else:
            groups.append([c])
    glyphs = max(groups, key=len) if groups else []
    if not 2 <= len(glyphs) <= 8:
        return ()
    height = max(c[3] - c[1] for c in glyphs)
    if height < MIN_GLYPH_PX:
        return ()
    left, right = glyphs[0][0], glyphs[-1][2]
    base = max(c[3] for c in glyphs if c[3] - c[1] >= 0.82 * height)
    items = [(c[0], c) for c in glyphs]
    for c in comps:
        h, w = c[3] - c[1], c[2] - c[0]
        if any(c is g for g in glyphs) or h >= 0.5 * height or w >= 0.5 * height:
            continue
        if left < c[0] < right and abs(c[3] - base) <= 0.25 * height and c[1] > mid:
            items.append((c[0], "."))
    items.sort(key=lambda it: it[0])
    return _decode(items, height)


def _decode(items: list, height: float) -> tuple[tuple[str, float], ...]:
    """Readings of a line of glyphs and dots, best first.

    Each glyph keeps the characters that come close to its best match; the parser then
    picks the strings that are codes. "6.1.2e" is no code, so a "5" that scored a hair
    under "6" still wins.
    """
    options: list[list[tuple[str, float]]] = []
    glyph_count = sum(1 for _, it in items if it != ".")
    seen = 0
    for _, it in items:
        if it == ".":
            if options and options[-1] != [(".", 1.0)]:
                options.append([(".", 1.0)])
            continue
        seen += 1
        x0, y0, x1, y1, comp = it
        last = seen == glyph_count and seen > 1
        if last and (y1 - y0) < 0.85 * height and (x1 - x0) < 0.4 * (y1 - y0):
            options.append([("i", 1.0)])  # the one narrow x-height letter in a-i
            continue
        ranked = _classify(comp, DIGITS + (LETTERS if last else ""), int(height))
        if not ranked or ranked[0][1] < MIN_SCORE:
            return ()
        options.append([(ch, sc) for ch, sc in ranked[:3] if sc >= max(MIN_SCORE, ranked[0][1] - ALTERNATIVE)])
    while options and options[-1] == [(".", 1.0)]:
        options.pop()
    readings: list[tuple[str, float]] = []
    for combo in itertools.product(*options):
        text = "".join(ch for ch, _ in combo)
        if any(c.isdigit() for c in text):
            readings.append((text, sum(sc for _, sc in combo)))
    readings.sort(key=lambda r: -r[1])
    return tuple(readings)


MIN_LETTERS = 3  # light blobs in a row that make "something is printed here"


@per_object
def _lettering_seen(page: Page) -> dict[BBox, bool]:
    return {}


def has_lettering(page: Page, box: BBox) -> bool:
    """Whether a raster box shows a row of light glyph-sized marks inside it: a label
    too small or too blurred to read, but there. Used to tell "no ground printed" from
    "a ground printed that woocheck cannot read", which a reviewer checks by eye.

    Kept per page and box: the grounds stage asks while the page's decoded scan is at hand
    (see `grounds.attach`), WOO201 asks again later."""
    seen = _lettering_seen(page)
    key = (box[0], box[1], box[2], box[3])
    if key not in seen:
        seen[key] = _has_lettering(page, key)
    return seen[key]


def _has_lettering(page: Page, box: BBox) -> bool:
    from scipy import ndimage

    if page.render is None:
        return False
    try:
        rgb = page.render(ZOOM, (box[0], box[1], box[2], box[3]))  # type: ignore[call-arg]
    except TypeError:
        return False
    sums = _sums(rgb)
    gray = rgb if sums is None else sums
    if gray.size == 0 or min(gray.shape) < 4:
        return False
    if sums is None:
        bg = _fill(gray)
        if bg > 215:
            return False
        light = gray > bg + MIN_CONTRAST
    else:
        # As in `_read_clip`: the grey levels `sums / 3.0` binned and thresholded in
        # integers, the same histogram and mask (VWS scans: ~1 ms less a box).
        bg = _fill_of_sums(sums)
        if bg > 215:
            return False
        light = sums >= int(np.searchsorted(_THIRDS, bg + MIN_CONTRAST, side="right"))
    labels, n = ndimage.label(light)
    marks = [
        sl
        for sl in ndimage.find_objects(labels)
        if sl is not None and 2 <= sl[0].stop - sl[0].start < gray.shape[0] and sl[1].stop - sl[1].start < gray.shape[0]
    ]
    if len(marks) < MIN_LETTERS:
        return False
    mids = sorted((sl[0].start + sl[0].stop) / 2 for sl in marks)
    # A label is one line: enough marks share a band one glyph high.
    band = max(2.0, gray.shape[0] / 3)
    return any(sum(1 for m in mids if abs(m - c) <= band) >= MIN_LETTERS for c in mids)
