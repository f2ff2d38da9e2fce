"""Redactions drawn as vector paths: filled boxes of any opaque colour, hatched regions
and pattern fills.

The chain, each step a small function over one page:

1. `boxes`: opaque filled paths (`_fill_boxes`), pattern fills, and groups of diagonal
   strokes (`_hatch_boxes`), cut to their clip; thin rules, bullets, page backgrounds,
   hollow frames and glyphs drawn as paths are dropped by size and painted share.
2. `covered`: the characters of the text layer that a box hides. A character counts when
   most sample points of its glyph box lie inside the *painted* area of the path (fill
   rule and clip honoured) and it was drawn *before* the box, or printed on a dark box in
   the box's own colour whatever the draw order (on a light box: while its line runs on
   outside the box). Where pymupdf's geometry is not enough (several subpaths, a clip
   cutting the box) the render decides (`_painted`).
3. `hidden_hits` drops labels (a ground, "Privilege", a tool's stamp fitted into its
   boxes), text re-printed on top (also glyph by glyph: a flattened highlighter);
   `residue` tells filler and a few stray characters from content (WOO301 makes those a
   warning); `_is_redaction` keeps every box that hides text and, of the boxes
   that hide nothing, only those that look like a redaction (dark, not at the page edge,
   nothing or a short label on top), not table shading, heading bands or chart hatching.

Thresholds are named constants below, each with the reason for its value.
"""
from __future__ import annotations

import math
import re
from itertools import chain
from operator import attrgetter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..memo import per_object
from ..model import BBox, Drawing, Page, Redaction, Word

# A fill at least this opaque hides what is under it; translucent fills are highlights.
OPAQUE = 0.95
# Boxes narrower or lower than this are rules, underlines, table borders or list bullets:
# the smallest text a box could hide (a 6 pt footnote) is taller than this.
MIN_SIDE = 4.0
# A box that hides nothing must be at least this high and wide to count: a redaction box
# covers at least one line of (6 pt) text; thinner dark bars are separators and rules.
MIN_EMPTY_SIDE = 6.0
# A fill over this share of the page is a page background or a full-page frame.
PAGE_SHARE = 0.8
# Fill colours with a luminance (0 black .. 1 white) at or above this are paper-white or
# light table shading: on their own they are not redactions.
LIGHT = 0.85
# A glyph counts as covered when at least this share of the sample points in its box is
# painted over; text merely touched by the edge of a box is not hidden.
COVERED_SHARE = 0.6
# Sample points across a glyph box, as fractions of its width and height.
_SAMPLES = (0.2, 0.5, 0.8)
# A whole ground notation, "art. 5.1 lid 2 sub e", "5.1.2e, 5.1.2i": its fragments ("2",
# "e") are only labels when the anchor (a dotted article number or a keyword) is there too.
_GROUND_TOKEN = re.compile(
    r"art(?:ikel)?\.?|lid|sub|jo\.?|en|woo|wob|\d{1,2}(?:\.\d{1,2}){0,3}\.?[a-z]?|[a-z]\.?|[,;/&()\[\]]",
    re.IGNORECASE,
)
_GROUND_ANCHOR = re.compile(r"\d{1,2}\.\d|\b(?:art|artikel|lid|woo|wob)\b", re.IGNORECASE)
# Text printed on top of a box whose colour is closer to the fill than this (RGB distance
# scaled to 0..1) cannot be read: black text on a black box is as hidden as text under it.
MIN_CONTRAST = 0.2
# A box whose painted area fills less than this share of its bounding box is not a box: a
# frame with a hollow centre, a glyph drawn as a path, a logo.
BOX_SHARE = 0.85
# A box reaching this close to the page edge (or beyond) is a bleed band or scan border,
# unless it hides text.
EDGE = 1.0
# A Highlight annotation darker than this hides the text even with its multiply blending.
DARK_HIGHLIGHT = 0.3
# When geometry cannot settle whether a path paints a spot (several subpaths, whose
# direction pymupdf does not keep, so the non-zero rule is unknown; or a clip that cuts the
# box), the page is rendered at this zoom and a glyph counts as hidden only if at least
# PAINTED_SHARE of its pixels are within COLOUR_TOL (0-255 per channel) of the fill colour.
RENDER_ZOOM = 2.0
PAINTED_SHARE = 0.75
COLOUR_TOL = 40
# Words that redaction tools print into or under their own boxes: labels, not leaks.
LABEL_WORDS = frozenset(
    "redacted redaction privilege privileged confidential withheld gelakt weggelakt zwartgelakt "
    "geanonimiseerd woo wob art art. artikel lid sub".split()
)
_GROUND_LIKE = re.compile(r"^[\[(]?\d{1,2}(\.\d{1,2}){1,3}\.?[a-z]?[\])]?[,;.]?$", re.IGNORECASE)
# Text printed on top of a box that is at most this long (non-space characters) can be the
# ground label of a redaction ("5.1.2e", "J"); longer text makes it a heading band or a cell.
LABEL_MAX_CHARS = 30
# Hatching: at least this many diagonal strokes in one cluster, to tell a hatched region
# from a few slanted lines of a chart or a signature.
HATCH_MIN_LINES = 6
# A stroke is diagonal when its angle is at least this many degrees off both axes.
HATCH_MIN_ANGLE = 15.0
# Bezier curves are flattened into this many segments for the inside test.
_CURVE_STEPS = 8


@dataclass
class Box:
    """A candidate box: the area it paints and how to test a point inside it."""

    rect: BBox  # painted bbox, already cut to the clip
    seqno: int
    detail: str
    lum: float = 0.0  # fill luminance; text on top in a close colour is invisible
    rgb: tuple[float, float, float] = (0.0, 0.0, 0.0)
    uncertain: bool = False  # geometry alone cannot tell what it paints: check the render
    textured: bool = False  # hatching or a pattern: ink and gaps, never one flat colour
    light: bool = False
    bordered: bool = False
    polygons: Optional[list[list[tuple[float, float]]]] = None  # None: the whole rect
    even_odd: bool = False
    members: list[int] = field(default_factory=list)  # seqnos of the paths that make it
    # What `covered` found for this box, per (before, labels): deciding whether a box is a
    # redaction asks for the same words up to five times.
    seen: dict = field(default_factory=dict, repr=False, compare=False)

    def inside(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.rect
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        if self.polygons is None:
            return True
        w = _winding(self.polygons, x, y)
        return (w % 2 == 1) if self.even_odd else (w != 0)


# ---------------------------------------------------------------- geometry helpers


def _intersect(a: BBox, b: Optional[BBox]) -> Optional[BBox]:
    if b is None:
        return a
    r = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return r if r[0] < r[2] and r[1] < r[3] else None


def _area(r: BBox) -> float:
    return max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1])


def _overlap(a: BBox, b: BBox) -> float:
    r = _intersect(a, b)
    return _area(r) if r else 0.0


def _pt(p) -> tuple[float, float]:
    return (float(p[0]), float(p[1]))


def _polygons(items: Iterable[tuple]) -> list[list[tuple[float, float]]]:
    """Split a path into closed polygons (every subpath of a fill is implicitly closed)."""
    polys: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []

    def close() -> None:
        nonlocal cur
        if len(cur) >= 3:
            polys.append(cur)
        cur = []

    for it in items:
        op = it[0]
        if op == "re":
            close()
            x0, y0, x1, y1 = (float(v) for v in it[1])
            pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            if len(it) > 2 and it[2] == -1:  # drawn the other way round: matters for winding
                pts.reverse()
            polys.append(pts)
        elif op == "qu":
            close()
            q = it[1]
            polys.append([_pt(q[0]), _pt(q[1]), _pt(q[3]), _pt(q[2])])
        elif op in ("l", "c"):
            start = _pt(it[1])
            if not cur or math.dist(cur[-1], start) > 0.01:
                close()
                cur = [start]
            if op == "l":
                cur.append(_pt(it[2]))
            else:
                p0, c1, c2, p3 = (_pt(v) for v in it[1:5])
                for k in range(1, _CURVE_STEPS + 1):
                    t = k / _CURVE_STEPS
                    u = 1 - t
                    cur.append(
                        (
                            u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p3[0],
                            u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p3[1],
                        )
                    )
    close()
    return polys


def _winding(polys: list[list[tuple[float, float]]], x: float, y: float) -> int:
    """Non-zero winding number of the point; even-odd uses its parity."""
    w = 0
    for poly in polys:
        n = len(poly)
        for i in range(n):
            ax, ay = poly[i]
            bx, by = poly[(i + 1) % n]
            if ay <= y:
                if by > y and (bx - ax) * (y - ay) - (x - ax) * (by - ay) > 0:
                    w += 1
            elif by <= y and (bx - ax) * (y - ay) - (x - ax) * (by - ay) < 0:
                w -= 1
    return w


def _is_plain_rect(items: tuple) -> bool:
    return len(items) == 1 and items[0][0] == "re"


# ---------------------------------------------------------------- colour


def _to_rgb(color: Optional[tuple[float, ...]]) -> tuple[float, float, float]:
    if not color:
        return (0.0, 0.0, 0.0)
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 4:  # cmyk
        c, m, y, k = color
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return (float(color[0]), float(color[1]), float(color[2]))


def luminance(color: Optional[tuple[float, ...]]) -> float:
    r, g, b = _to_rgb(color)
    return 0.299 * r + 0.587 * g + 0.114 * b


def _colour_name(color: tuple[float, ...]) -> str:
    lum = luminance(color)
    rgb = color if len(color) == 3 else None
    if rgb and max(rgb) - min(rgb) > 0.2:
        return "coloured"
    if lum < 0.15:
        return "black"
    if lum >= LIGHT:
        return "white"
    return "grey"


# ---------------------------------------------------------------- candidate boxes


def _big_enough(r: BBox) -> bool:
    return r[2] - r[0] >= MIN_SIDE and r[3] - r[1] >= MIN_SIDE


def _in_highlight(page: Page, r: BBox, lum: float) -> bool:
    """Highlights are painted with multiply blending: a light one tints, it does not hide."""
    if lum < DARK_HIGHLIGHT:
        return False
    return any(a.kind == "Highlight" and _overlap(a.bbox, r) >= 0.9 * _area(r) for a in page.annotations)


def _solid(box: Box) -> bool:
    """True when the path paints (nearly) all of its bounding box."""
    if box.polygons is None:
        return True
    x0, y0, x1, y1 = box.rect
    steps = [(k + 0.5) / 5 for k in range(5)]
    hits = sum(box.inside(x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)) for fx in steps for fy in steps)
    return hits >= BOX_SHARE * len(steps) ** 2


def _fill_boxes(page: Page) -> list[Box]:
    page_area = max(1.0, page.width * page.height)
    strokes = [d for d in page.drawings if d.stroke is not None]
    out = []
    for d in page.drawings:
        if d.fill is None or d.fill_opacity < OPAQUE:
            continue
        rect = _intersect(d.rect, d.clip)
        if rect is None or not _big_enough(rect) or _area(rect) > PAGE_SHARE * page_area:
            continue
        lum = luminance(d.fill)
        if _in_highlight(page, rect, lum):
            continue
        light = lum >= LIGHT
        # A border: the same path stroked, or a stroked path along its edge just after it.
        bordered = light and (
            d.stroke is not None
            and luminance(d.stroke) < LIGHT
            or any(
                0 < s.seqno - d.seqno <= 2
                and luminance(s.stroke) < LIGHT
                and _overlap(s.rect, d.rect) > 0.8 * _area(d.rect)
                for s in strokes
            )
        )
        detail = f"{_colour_name(d.fill)} fill" + (" with border" if bordered else "")
        if d.pattern:
            detail, light, bordered = "patterned fill", False, False
        polygons = None if _is_plain_rect(d.items) else _polygons(d.items)
        box = Box(
            rect=rect,
            seqno=d.seqno,
            detail=detail,
            lum=lum,
            rgb=_to_rgb(d.fill),
            # A pattern's render is ink and gaps, so the colour test cannot confirm it.
            uncertain=not d.pattern and ((polygons is not None and len(polygons) > 1) or rect != d.rect),
            textured=d.pattern,
            light=light,
            bordered=bordered,
            polygons=polygons,
            even_odd=d.even_odd,
            members=[d.seqno],
        )
        if _solid(box):
            out.append(box)
    return out


def _diagonal_lines(d: Drawing) -> int:
    """Number of diagonal line segments in a stroke-only path, 0 if it has anything else."""
    n = 0
    for it in d.items:
        if it[0] != "l":
            return 0
        (ax, ay), (bx, by) = _pt(it[1]), _pt(it[2])
        angle = abs(math.degrees(math.atan2(by - ay, bx - ax))) % 90
        if HATCH_MIN_ANGLE <= angle <= 90 - HATCH_MIN_ANGLE:
            n += 1
    return n


class Grid:
    """A coarse spatial index, so pages with thousands of paths stay linear, not quadratic.

    `near` gives every item whose rect may meet the one asked about (a superset: callers
    test the exact overlap). A rect over more than MAX_CELLS cells, or with a coordinate
    that is not finite, is kept in one list that every question gets: a damaged font can
    give a word a box billions of points wide, whose cells would fill the memory.
    """

    CELL = 64.0  # points; about a text line's width in words, several lines high
    MAX_CELLS = 1024  # 2,048 points square: more than any page a Woo document has

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.wide: list[int] = []

    def _span(self, r: BBox) -> Optional[tuple[int, int, int, int]]:
        """The cell numbers a rect runs over, None when it runs over too many to list."""
        c = self.CELL
        try:
            i0, j0, i1, j1 = int(r[0] // c), int(r[1] // c), int(r[2] // c), int(r[3] // c)
        except (OverflowError, ValueError):  # an infinite or NaN coordinate
            return None
        # An inverted rect meets nothing. Its span is made empty, so that no loop runs
        # down a billion columns of an empty row.
        if i1 < i0 or j1 < j0:
            return 0, 0, -1, -1
        if (i1 - i0 + 1) * (j1 - j0 + 1) > self.MAX_CELLS:
            return None
        return i0, j0, i1, j1

    def add(self, k: int, r: BBox) -> None:
        span = self._span(r)
        if span is None:
            self.wide.append(k)
            return
        i0, j0, i1, j1 = span
        if i0 == i1 and j0 == j1:  # most words and boxes: one cell (a third of locate's time)
            self.cells.setdefault((i0, j0), []).append(k)
            return
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                self.cells.setdefault((i, j), []).append(k)

    def near(self, r: BBox) -> set[int]:
        span = self._span(r)
        if span is None:  # a question too wide to list: every item
            return {k for ks in self.cells.values() for k in ks}.union(self.wide)
        i0, j0, i1, j1 = span
        found = {k for i in range(i0, i1 + 1) for j in range(j0, j1 + 1) for k in self.cells.get((i, j), ())}
        found.update(self.wide)
        return found


def _hatch_boxes(page: Page, fills: list[Box]) -> list[Box]:
    """Group diagonal strokes that touch each other into hatched regions.

    Hatching laid over a filled box adds nothing: the box already counts.
    """
    fill_grid = Grid()
    for k, f in enumerate(fills):
        fill_grid.add(k, f.rect)
    strokes = []
    for d in page.drawings:
        if d.fill is not None or d.stroke is None:
            continue
        n = _diagonal_lines(d)
        rect = _intersect(d.rect, d.clip) if n else None
        if rect and not any(_overlap(rect, fills[k].rect) >= 0.8 * _area(rect) for k in fill_grid.near(rect)):
            strokes.append((rect, d.seqno, n))
    # Union-find over strokes that touch.
    parent = list(range(len(strokes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    grid = Grid()
    for i, (rect, _, _) in enumerate(strokes):
        for j in grid.near(rect):
            if _touch(strokes[j][0], rect):
                parent[root(i)] = root(j)
        grid.add(i, rect)
    clusters: dict[int, list] = {}
    for i, (rect, seq, n) in enumerate(strokes):
        c = clusters.setdefault(root(i), [rect, seq, 0, []])
        c[0], c[1], c[2] = _union(c[0], rect), min(c[1], seq), c[2] + n
        c[3].append(seq)
    page_area = max(1.0, page.width * page.height)
    return [
        Box(rect=c[0], seqno=c[1], detail="cross-hatched box", members=c[3], textured=True)
        for c in clusters.values()
        if c[2] >= HATCH_MIN_LINES and _big_enough(c[0]) and _area(c[0]) <= PAGE_SHARE * page_area
    ]


def _touch(a: BBox, b: BBox, gap: float = 1.0) -> bool:
    return a[0] - gap <= b[2] and b[0] - gap <= a[2] and a[1] - gap <= b[3] and b[1] - gap <= a[3]


def _union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


# ---------------------------------------------------------------- coverage


def _glyph_hidden(box: Box, g: BBox) -> bool:
    """Whether most sample points of the glyph box lie in the painted area (a plain
    rectangle takes `_hidden_in_rect`)."""
    if _overlap(box.rect, g) <= 0:
        return False
    w, h = g[2] - g[0], g[3] - g[1]
    hits = sum(box.inside(g[0] + fx * w, g[1] + fy * h) for fx in _SAMPLES for fy in _SAMPLES)
    return hits >= COVERED_SHARE * len(_SAMPLES) ** 2


def _hidden_in_rect(rect: BBox, glyphs) -> list[int]:
    """The glyphs of a word that most sample points of a plain rectangle cover.

    The sample grid splits into columns and rows (same points, same comparisons as
    `Box.inside`): nine point tests become six, unrolled, with no call a glyph."""
    x0, y0, x1, y1 = rect
    f0, f1, f2 = _SAMPLES
    need = COVERED_SHARE * len(_SAMPLES) ** 2
    out = []
    for i, (g0, g1, g2, g3) in enumerate(glyphs):
        # `_overlap(rect, g) > 0`
        ow, oh = min(x1, g2) - max(x0, g0), min(y1, g3) - max(y0, g1)
        if not (ow > 0 and oh > 0 and ow * oh > 0):
            continue
        w, h = g2 - g0, g3 - g1
        cols = (x0 <= g0 + f0 * w <= x1) + (x0 <= g0 + f1 * w <= x1) + (x0 <= g0 + f2 * w <= x1)
        rows = (y0 <= g1 + f0 * h <= y1) + (y0 <= g1 + f1 * h <= y1) + (y0 <= g1 + f2 * h <= y1)
        if cols * rows >= need:
            out.append(i)
    return out


def rgb_of(color: int) -> tuple[float, float, float]:
    """A word's colour (ingest's 0xRRGGBB int) as fractions."""
    return (((color >> 16) & 255) / 255, ((color >> 8) & 255) / 255, (color & 255) / 255)


_BBOX = attrgetter("bbox")


class WordBoxes:
    """A page's words that have a box, with the boxes as one (n, 4) array.

    Several stages test every word of a page against a box (which words a box covers,
    which stand beside it, which are on its line); with the boxes as arrays each test is a
    few numpy operations instead of a Python loop or a grid over ~230 words a page. Built
    with `fromiter` over the chained boxes (batch: 0.11 ms a page; `np.array` over the
    tuples 0.13).
    """

    def __init__(self, page: Page) -> None:
        import numpy as np

        # Not the words woocheck's OCR read from the page image: read after the boxes were
        # burnt in, they lie on top of every box as the junk Tesseract makes of it, and a
        # box with words on top is taken for a field, not a redaction (x-ray's clean scans:
        # 6 of 32 boxes lost). Boxes and their labels are judged as before OCR came in.
        self.words = [w for w in page.layer_words if w.bbox is not None]
        n = len(self.words)
        self.boxes = np.fromiter(chain.from_iterable(map(_BBOX, self.words)), dtype=float, count=4 * n).reshape(n, 4)
        self.x0, self.y0, self.x1, self.y1 = self.boxes.T
        self._by_seqno: Optional[dict[int, list[Word]]] = None

    def overlapping(self, r: BBox) -> list[Word]:
        """The words whose box overlaps `r` by a positive area, in page order: the words
        with `_overlap(r, w.bbox) > 0` (the same arithmetic, on all words at once)."""
        import numpy as np

        w = np.minimum(self.x1, r[2]) - np.maximum(self.x0, r[0])
        h = np.minimum(self.y1, r[3]) - np.maximum(self.y0, r[1])
        hits = np.flatnonzero((w > 0) & (h > 0) & (w * h > 0))
        words = self.words
        return [words[k] for k in hits.tolist()]

    def by_seqno(self, seqno: int) -> list[Word]:
        if self._by_seqno is None:
            self._by_seqno = {}
            for w in self.words:
                self._by_seqno.setdefault(w.seqno, []).append(w)
        return self._by_seqno.get(seqno, [])


@per_object
def word_boxes(page: Page) -> WordBoxes:
    return WordBoxes(page)


def _is_label(word: str) -> bool:
    w = word.strip("“”\"'.,;:()[]").casefold()
    return w in LABEL_WORDS or bool(_GROUND_LIKE.match(word))


def covered(page: Page, box: Box, before: bool = True, labels: bool = False) -> list[tuple[Word, list[int]]]:
    """Words with the indices of their characters that `box` hides.

    `before=True` gives the hidden text: drawn before the box, or printed on top of it in a
    colour that does not stand out from the fill while the same line runs on outside the
    box (body text the box was laid over, not a label placed in it). Labels that redaction
    tools write themselves ("Privilege", "5.1.2e") are left out unless `labels`. False
    gives the text on top.
    """
    key = (before, labels)
    if key not in box.seen:
        if before and not labels:  # the same words less the labels: every test is per word
            box.seen[key] = [h for h in covered(page, box, True, True) if not _is_label(h[0].text)]
        else:
            box.seen[key] = _covered(page, box, before, labels)
    return list(box.seen[key])


def _sides(page: Page, box: Box) -> list[tuple[Word, bool]]:
    """The words the box overlaps, in page order, each with whether it lies under the box.

    Worked out once a box: the hidden text and the text on top are two views of it.
    """
    if "sides" not in box.seen:
        box.seen["sides"] = [
            (w, w.seqno < box.seqno or _blends_in(page, box, w)) for w in word_boxes(page).overlapping(box.rect)
        ]
    return box.seen["sides"]


def _covered(page: Page, box: Box, before: bool, labels: bool) -> list[tuple[Word, list[int]]]:
    out = []
    for w, under in _sides(page, box):
        if under != before:
            continue
        if before and not labels and _is_label(w.text):
            continue
        glyphs = (w.chars or (w.bbox,) * len(w.text))[: len(w.text)]
        if box.polygons is None:
            idx = _hidden_in_rect(box.rect, glyphs)
        else:
            idx = [i for i, g in enumerate(glyphs) if _glyph_hidden(box, g)]
        if idx:
            out.append((w, idx))
    if before and box.uncertain and out and page.render is not None:
        out = _painted(page, box, out)
    return out


def _blends_in(page: Page, box: Box, w: Word) -> bool:
    """Text drawn on top of the box that a reader cannot tell from the fill.

    What the reader sees decides, not the draw order: black text printed on a black fill
    is as hidden as text under it (a word processor's "redaction" by black shading draws
    the fill first and the text after). Labels and placeholders a tool fits into its own
    boxes are told apart later, by what they say (`hidden_text`, `residue`).
    """
    if w.render_mode in (3, 7) or box.textured or _at_edge(page, box.rect):
        return False
    if _distance(rgb_of(w.color), box.rgb) >= MIN_CONTRAST:
        return False
    # The whole line inside the box in its own colour: a line blacked out whole. Before,
    # only text whose line ran on outside the box counted, and a filing whose lines were
    # shaded black one by one leaked 57 of 63 places unreported.
    if not box.light:
        return True
    # Only when the text runs on outside the box: then the box was laid over body text.
    # A stamp a tool printed in its box may stick out a little: allow half a line height.
    x0, y0, x1, y1 = box.rect
    h = w.bbox[3] - w.bbox[1]
    e = max(EDGE, 0.5 * h)

    def outside(o: Word) -> bool:
        return o.bbox[0] < x0 - e or o.bbox[2] > x1 + e or o.bbox[1] < y0 - e or o.bbox[3] > y1 + e

    index = word_boxes(page)
    if any(outside(o) for o in index.by_seqno(w.seqno)):
        return True
    # Or the box interrupts a line of the same type set in separate runs (Word writes a
    # black-highlighted name as its own run between the words around it).
    reach = (x0 - 2 * h, w.bbox[1], x1 + 2 * h, w.bbox[3])
    for o in index.overlapping(reach):  # the words with `_overlap(o.bbox, reach) > 0`
        if o is w or o.font != w.font or abs(o.size - w.size) > 0.1 * max(w.size, 1.0) or not outside(o):
            continue
        if min(o.bbox[3], w.bbox[3]) - max(o.bbox[1], w.bbox[1]) >= 0.5 * h:
            return True
    return False


def _distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """RGB distance scaled to 0..1: dark blue on red stands out, black on navy does not."""
    return math.dist(a, b) / math.sqrt(3)


def _painted(page: Page, box: Box, hits: list[tuple[Word, list[int]]]) -> list[tuple[Word, list[int]]]:
    """Keep the characters where the rendered page really shows the fill colour."""
    try:
        img = page.render(RENDER_ZOOM, clip=box.rect)
    except Exception:  # a page that will not render: keep what geometry said
        return hits
    import numpy as np

    target = np.array([round(v * 255) for v in box.rgb], dtype=np.int16)
    h, wd = img.shape[:2]
    out = []
    for w, idx in hits:
        keep = []
        for i in idx:
            g = (w.chars or (w.bbox,) * len(w.text))[i]
            c0 = max(0, int((g[0] - box.rect[0]) * RENDER_ZOOM))
            c1 = min(wd, int((g[2] - box.rect[0]) * RENDER_ZOOM) + 1)
            r0 = max(0, int((g[1] - box.rect[1]) * RENDER_ZOOM))
            r1 = min(h, int((g[3] - box.rect[1]) * RENDER_ZOOM) + 1)
            patch = img[r0:r1, c0:c1].astype(np.int16)
            if patch.size == 0:
                continue
            close = (np.abs(patch - target).max(axis=2) <= COLOUR_TOL).mean()
            if close >= PAINTED_SHARE:
                keep.append(i)
        if keep:
            out.append((w, keep))
    return out


def text_of(hits: list[tuple[Word, list[int]]]) -> str:
    """Covered characters in reading order; a space between words or broken runs."""
    parts: list[str] = []
    for w, idx in sorted(hits, key=lambda h: h[0].start):
        run = ""
        last = None
        for i in idx:
            if last is not None and i != last + 1:
                parts.append(run)
                run = ""
            run += w.text[i]
            last = i
        parts.append(run)
    return " ".join(p for p in parts if p)


def _squash(s: str) -> str:
    return "".join(s.split()).casefold()


# A glyph under a box that a visible glyph drawn on top covers by at least this share of
# its box is shown again: a flattened highlighter (an opaque yellow fill, then the words
# printed once more on it) hides nothing.
REPRINT_SHARE = 0.5


def _reprinted(page: Page, box: Box, hits: list[tuple[Word, list[int]]]) -> list[tuple[Word, list[int]]]:
    """The covered characters less those printed again, visibly, at the same place on top."""
    # The same character at the same place: a white "REDACTED" stamped over a hidden name
    # overlaps its glyphs too, and hides them.
    # The words on top from `_sides` (no point tests: the same-place test below decides),
    # and of them only the glyphs over the box.
    r = box.rect
    top = [
        (c, g)
        for w, under in _sides(page, box)
        if not under and w.chars and w.render_mode not in (3, 7) and w.alpha > 0
        for c, g in zip(w.text, w.chars)
        if g[0] < r[2] and g[2] > r[0] and g[1] < r[3] and g[3] > r[1]
    ]
    if not top:
        return hits
    out = []
    for w, idx in hits:
        glyphs = w.chars or (w.bbox,) * len(w.text)
        keep = [
            i
            for i in idx
            if not any(
                c == w.text[i] and _overlap(glyphs[i], g) >= REPRINT_SHARE * max(1e-9, _area(glyphs[i])) for c, g in top
            )
        ]
        if keep:
            out.append((w, keep))
    return out


def _stamp_text(page: Page, box: Box) -> str:
    """The text printed on the box after it, in the box's own colour, squashed."""
    index = word_boxes(page)

    def inside(w: Word) -> bool:
        return box.inside((w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2)

    words = [
        w
        for w in index.overlapping(box.rect)
        if w.seqno > box.seqno
        and w.render_mode not in (3, 7)
        and inside(w)
        and _distance(rgb_of(w.color), box.rgb) < MIN_CONTRAST
    ]
    # A stamp is set on its own, fitted to the box: not a piece of a line running on.
    if any(not inside(o) for w in words for o in index.by_seqno(w.seqno)):
        return ""
    return _squash(" ".join(w.text for w in sorted(words, key=attrgetter("start"))))


@per_object
def _stamps(page: Page) -> frozenset[str]:
    """Texts a tool stamped into several boxes of the page in the boxes' own colour (the
    date of the redaction, fitted to each box): the tool's label, not the words it hid."""
    seen: dict[str, int] = {}
    for b in boxes(page):
        if not b.light and not b.textured:
            t = _stamp_text(page, b)
            if t:
                seen[t] = seen.get(t, 0) + 1
    return frozenset(t for t, n in seen.items() if n >= 2)


@per_object
def _body_type(page: Page) -> tuple[str, float]:
    """The font and size (rounded) most of the page's words are set in."""
    seen: dict[tuple[str, float], int] = {}
    for w in word_boxes(page).words:
        k = (w.font, round(w.size, 1))
        seen[k] = seen.get(k, 0) + len(w.text)
    return max(seen, key=seen.get) if seen else ("", 0.0)


def _set_apart(page: Page, box: Box) -> bool:
    """Whether the text printed on the box is set in another size than the text around
    it: the words beside it on its line and the page's body text. A tool fits its stamp to the box; a word processor's shading keeps the type."""
    on = [w for w, _ in covered(page, box, before=True, labels=True) if w.seqno > box.seqno]
    if not on:
        return False
    y0, y1 = min(w.bbox[1] for w in on), max(w.bbox[3] for w in on)
    x0, x1 = box.rect[0], box.rect[2]
    beside = [
        o
        for o in word_boxes(page).overlapping((0, y0, page.width + page.height, y1))
        if (o.bbox[2] <= x0 or o.bbox[0] >= x1) and min(o.bbox[3], y1) - max(o.bbox[1], y0) >= 0.5 * (o.bbox[3] - o.bbox[1])
    ]
    # The body type too: pleading paper's line numbers beside a line are set smaller. Only
    # the size counts: a bold or italic line blacked out is still body text.
    sizes = [o.size for o in beside] + [_body_type(page)[1]]
    return all(all(abs(w.size - z) > 0.1 * max(z, 1.0) for z in sizes) for w in on)


def _unstamped(page: Page, box: Box, hits: list[tuple[Word, list[int]]]) -> list[tuple[Word, list[int]]]:
    """The hits less the words drawn after the box when they are a tool's stamp: fitted
    to the box on their own, and repeated in other boxes of the page or set apart in
    another type (`_stamp_text`, `_set_apart`)."""
    if not any(w.seqno > box.seqno for w, _ in hits):
        return hits
    stamp = _stamp_text(page, box)
    if not stamp or (stamp not in _stamps(page) and not _set_apart(page, box)):
        return hits
    return [(w, idx) for w, idx in hits if w.seqno < box.seqno]


def hidden_hits(page: Page, box: Box) -> list[tuple[Word, list[int]]]:
    """The characters under the box that are not repeated on top of it (a re-printed
    label or a flattened highlighter hides nothing), per word."""
    hits = _unstamped(page, box, _reprinted(page, box, covered(page, box, before=True)))
    under = text_of(hits)
    if not under:
        return []
    everything = text_of(covered(page, box, before=True, labels=True))
    tokens = re.findall(r"[\w.]+|[^\w\s]", everything)
    if all(_GROUND_TOKEN.fullmatch(t) for t in tokens) and _GROUND_ANCHOR.search(everything):
        return []  # a ground written out under its box ("5.1 lid 2 sub e"): the label
    on_top = text_of([(w, list(range(len(w.text)))) for w, _ in covered(page, box, before=False)])
    if on_top and _squash(under) == _squash(on_top):
        return []
    return hits


def hidden_text(page: Page, box: Box) -> str:
    """Text under the box that is not repeated on top of it."""
    return text_of(hidden_hits(page, box))


# Characters a redaction tool leaves in or under its boxes as placeholders: spaces, glyphs
# without a Unicode value (U+FFFD), omission marks. They say nothing.
FILLER = frozenset(" \t\ufffd*xX_-.\u2022\u00b7\u2588")
# At most this many meaningful characters, none of them a whole word, is residue: the
# overhang of a glyph cut by an applied redaction, a stray letter at a box edge.
RESIDUE_MAX = 3


def residue(hits: list[tuple[Word, list[int]]], label: str = "") -> bool:
    """True when what a box hides is placeholder filler or a few stray characters.

    Filler is FILLER or the letters of the box's own label. Stray: at most RESIDUE_MAX
    meaningful characters and no word of two or more letters or digits hidden whole; a
    short name or number hidden whole ("Bob", "123") is content, not residue."""
    own = set(label) | FILLER
    meaningful = 0
    for w, idx in hits:
        chars = [w.text[i] for i in idx if w.text[i] not in own]
        meaningful += len(chars)
        alnum = [c for c in w.text if c.isalnum() and c not in own]
        if len(alnum) >= 2 and len(idx) >= len(w.text) and chars:
            return False
    return meaningful <= RESIDUE_MAX


def _at_edge(page: Page, r: BBox) -> bool:
    return r[0] <= EDGE or r[1] <= EDGE or r[2] >= page.width - EDGE or r[3] >= page.height - EDGE


def _is_redaction(page: Page, box: Box, hidden: str) -> bool:
    if hidden:
        return True
    if box.light and not box.bordered or box.detail.startswith("coloured") or _at_edge(page, box.rect):
        return False
    if box.textured:  # hatched bars of a chart look the same: count them only over text
        return False
    if min(box.rect[2] - box.rect[0], box.rect[3] - box.rect[1]) < MIN_EMPTY_SIDE:
        return False
    on_top = _squash(text_of(covered(page, box, before=False)))
    if not on_top:
        return not box.light  # an empty bordered white box is as likely an empty table cell
    short_label = len(on_top) <= 3 or (len(on_top) <= LABEL_MAX_CHARS and any(c.isdigit() for c in on_top))
    return short_label


def _dedupe(boxes: list[tuple[Box, str]]) -> list[tuple[Box, str]]:
    """One redaction per painted area: a fill, its border and its hatching are one box."""
    kept: list[tuple[Box, str]] = []
    grid = Grid()
    for box, hidden in sorted(boxes, key=lambda b: b[0].seqno):
        for k in sorted(grid.near(box.rect)):
            other, other_hidden = kept[k]
            inter = _overlap(box.rect, other.rect)
            if inter >= 0.8 * min(_area(box.rect), _area(other.rect)) and inter >= 0.5 * max(
                _area(box.rect), _area(other.rect)
            ):
                if box.detail.startswith("cross-hatched") and "hatched" not in other.detail:
                    other.detail = "cross-hatched " + other.detail
                kept[k] = (other, other_hidden if len(other_hidden) >= len(hidden) else hidden)
                break
        else:
            grid.add(len(kept), box.rect)
            kept.append((box, hidden))
    return kept


def boxes(page: Page) -> list[Box]:
    """Every candidate box on the page (filled and hatched), in draw order."""
    fills = _fill_boxes(page)
    return sorted(fills + _hatch_boxes(page, fills), key=lambda b: b.seqno)


def find(page: Page, path: str) -> list[Redaction]:
    found = []
    stray: dict[str, bool] = {}  # hidden text -> only filler or stray characters
    for box in boxes(page):
        hits = hidden_hits(page, box)
        hidden = text_of(hits)
        if _is_redaction(page, box, hidden):
            found.append((box, hidden))
            if hidden:
                label = text_of([(w, list(range(len(w.text)))) for w, _ in covered(page, box, before=False)])
                stray[hidden] = stray.get(hidden, True) and residue(hits, label)
    return [
        Redaction(
            path=path,
            page=page.number,
            bbox=tuple(round(v, 2) for v in box.rect),
            kind="vector",
            label=_label(page, box),
            covered_text=hidden,
            detail=box.detail,
            residue=stray.get(hidden, False),
        )
        for box, hidden in _dedupe(found)
    ]


def _label(page: Page, box: Box) -> Optional[str]:
    """Short readable text printed on the box ("5.1.2e"), for the grounds stage."""
    words = [w for w, _ in covered(page, box, before=False) if _share_in(w.bbox, box.rect) >= 0.5]
    text = " ".join(w.text for w in sorted(words, key=lambda w: w.start))
    return text if text and len(_squash(text)) <= LABEL_MAX_CHARS else None


def _share_in(inner: BBox, outer: BBox) -> float:
    return _overlap(inner, outer) / max(1e-9, _area(inner))
