"""WOO304 hidden text in the text layer

What it checks: text in a PDF's text layer that the page does not show: invisible render
mode (3), fully transparent (alpha 0), smaller than 1 pt, outside the page, or in the
colour of what lies under it (white on white). Such text is reported when it is *not* a
plain OCR layer, that is when it lies over different visible text (the page shows one
thing, the text layer says another), or when it is invisible, transparent, tiny or
off-page where the page shows nothing at all (no image or drawing it could be the OCR
of). An invisible layer over a scanned image is the normal OCR layer and is fine; an
invisible copy of the visible words is fine too. Text in its background's colour is
reported when it sits inside a line of visible text (a name coloured white mid-sentence);
a whole block of white-on-white text is not: printed web pages are full of it (collapsed
menus).

Why it matters: hidden text is found by search engines, copy-paste and screen readers.
Text hidden by making it invisible, tiny or off-page is not removed: a redaction done
by colouring a name white, or a stale text layer left under corrected text, publishes
what the reader of the page cannot see.

Example: invisible "De heer Bram Hoekstra" laid over the visible "De heer X" -> WOO304
"invisible text over different visible text is in the text layer but not visible"; text
set in 0.5 pt -> WOO304 "text smaller than 1 pt is in the text layer but not visible".

Source: Wet open overheid art. 5.1, 5.2; ISO 32000-1 section 9.3.6 (text rendering
mode); freelawproject/x-ray (hidden text over visible text).
"""
from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from ..locate.vector import LIGHT, OPAQUE, Grid, luminance, rgb_of, word_boxes
from ..model import Finding, Page, Severity, Word

CODE = "WOO304"
SEVERITY = Severity.ERROR
SUMMARY = "hidden text in the text layer"

# Text smaller than this (points) cannot be read at any normal zoom.
TINY = 1.0
# Text whose colour is this close (luminance) to what lies under it cannot be seen.
MIN_CONTRAST = 0.1
# A hidden word lies over something when at least this share of its box overlaps it.
OVER_SHARE = 0.5


def _area(b) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _share(a, b) -> float:
    """Share of box `a` that box `b` covers."""
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    if x1 <= x0 or y1 <= y0 or _area(a) <= 0:
        return 0.0
    return (x1 - x0) * (y1 - y0) / _area(a)


def _background(page: Page, w: Word) -> float:
    """Luminance of the last opaque fill drawn under the word before it (paper is white)."""
    lum = 1.0
    best = -1
    for d in page.drawings:
        if d.fill is not None and d.fill_opacity >= OPAQUE and best < d.seqno < w.seqno and _share(w.bbox, d.rect) >= 0.9:
            lum, best = luminance(d.fill), d.seqno
    return lum


def how_hidden(page: Page, w: Word) -> str:
    """Why a word cannot be seen, or "" when it can."""
    if w.bbox is None:
        return ""
    why = _style_reason(w.render_mode, w.alpha, w.size, w.color)
    if why and why != "light":
        return why
    x0, y0, x1, y1 = w.bbox
    # Text coordinates are in the unrotated page; Page.width/height follow /Rotate. Taking
    # the larger side for both keeps a rotated page's text from counting as off-page.
    side = max(page.width, page.height)
    if x1 <= 0 or y1 <= 0 or x0 >= side or y0 >= side:
        return "off-page"
    # Only light text: dark text on a dark box is a box over text, WOO301's business.
    if why == "light" and abs(luminance(rgb_of(w.color)) - _background(page, w)) < MIN_CONTRAST:
        if not any(_share(w.bbox, im.bbox) > 0 and im.seqno < w.seqno for im in page.images):
            return "same-colour"
    return ""


def _nothing_hidden(page: Page, styles: set) -> bool:
    """True when no word of the page can be hidden by `how_hidden`'s tests: no invisible,
    transparent, tiny or light text, nothing off the page. The same tests, once per style
    (a page has a handful) and on all word boxes at once; most pages end here (synthetic
    batch: 0.3 ms a page word by word, 0.04 this way)."""
    for style in styles:
        if _style_reason(*style):
            return False
    index = word_boxes(page)
    side = max(page.width, page.height)
    return not ((index.x1 <= 0) | (index.y1 <= 0) | (index.x0 >= side) | (index.y0 >= side)).any()


_STYLE = attrgetter("render_mode", "alpha", "size", "color")


def _reasons(page: Page) -> list[str]:
    """`how_hidden` of every word of the page.

    What a word's style (render mode, alpha, size, colour) says is worked out once per
    style, not once per word: a page has ~230 words in a handful of styles. Only a word in
    a light colour needs the full test; the others are hidden only when off the page.
    """
    side = max(page.width, page.height)
    styles: dict[tuple, str] = {}
    out = []
    for w in page.words:
        b = w.bbox
        if b is None:
            out.append("")
            continue
        key = (w.render_mode, w.alpha, w.size, w.color)
        why = styles.get(key)
        if why is None:
            why = styles[key] = _style_reason(*key)
        if why == "light":
            out.append(how_hidden(page, w))
        elif why:
            out.append(why)
        elif b[2] <= 0 or b[3] <= 0 or b[0] >= side or b[1] >= side:
            out.append("off-page")
        else:
            out.append("")
    return out


def _style_reason(render_mode: int, alpha: float, size: float, color: int) -> str:
    """The part of `how_hidden` that depends on the style alone, "light" for text light
    enough to vanish on a light background (position decides), "" for none."""
    if render_mode in (3, 7):
        return "invisible"
    if alpha <= 0.0:
        return "transparent"
    if 0 < size < TINY:
        return "tiny"
    return "light" if luminance(rgb_of(color)) >= LIGHT else ""


def _squash(s: str) -> str:
    return "".join(s.split()).casefold()


def _shows_something(page: Page, w: Word) -> bool:
    """An image or a drawing under the word: the hidden word can be its OCR/search layer."""
    # Scanners cut a page into image strips: add up what all images cover.
    if page.is_image_page or sum(_share(w.bbox, im.bbox) for im in page.images) >= OVER_SHARE:
        return True
    return any(
        d.seqno < w.seqno and (d.fill is None or luminance(d.fill) < LIGHT) and _share(w.bbox, d.rect) > 0
        for d in page.drawings
    )


# A word in the background colour is part of a visible line when visible words sit on
# the same line within this many line heights of it: a name coloured white mid-sentence.
LINE_GAP = 2.0


def near_line(grid, visible: list[Word], w: Word) -> list[Word]:
    h = w.bbox[3] - w.bbox[1]
    reach = (w.bbox[0] - LINE_GAP * h, w.bbox[1], w.bbox[2] + LINE_GAP * h, w.bbox[3])
    return [visible[k] for k in sorted(grid.near(reach)) if _share(visible[k].bbox, reach) > 0]


def _in_visible_line(w: Word, neighbours: list[Word]) -> bool:
    h = w.bbox[3] - w.bbox[1]
    for v in neighbours:
        hv = v.bbox[3] - v.bbox[1]
        if not (0.5 * h <= hv <= 2 * h):  # a different size of type: not the same line
            continue
        overlap = min(v.bbox[3], w.bbox[3]) - max(v.bbox[1], w.bbox[1])
        if overlap >= 0.5 * min(h, hv):
            return True
    return False


def _only_ocr_layer(page: Page, visible: list[Word], reasons: list[str]) -> bool:
    """A scan whose text is all invisible (its OCR layer): each word lies over no visible
    text and over an image the page shows, so none is reported. The loop in `_findings`
    comes to that word by word (VWS scans: 1.4 ms a page)."""
    return not visible and page.is_image_page and set(reasons) <= {"", "invisible"}


def _all_invisible_scan(page: Page, styles: set) -> bool:
    """`_only_ocr_layer` told from the styles alone: every word with a box is invisible."""
    return page.is_image_page and all(_style_reason(*style) == "invisible" for style in styles)


def _findings(page: Page):
    """(reason, where, words) for runs of hidden words that are not a plain text layer."""
    styles = set(map(_STYLE, page.words))
    if _nothing_hidden(page, styles):
        return
    if _all_invisible_scan(page, styles):
        return
    reasons = _reasons(page)
    if not any(reasons):
        return
    visible = [v for v, r in zip(page.words, reasons) if v.bbox is not None and not r]
    if _only_ocr_layer(page, visible, reasons):
        return
    grid = Grid()
    for k, v in enumerate(visible):
        grid.add(k, v.bbox)
    bad: list[tuple[str, str, Word]] = []
    for w, why in zip(page.words, reasons):
        # Hidden dots, dashes and bars are layout filler (white leader dots): no content.
        if not why or not any(c.isalnum() for c in w.text):
            continue
        near = [visible[k] for k in sorted(grid.near(w.bbox))] if visible else []
        under = [v for v in near if _share(w.bbox, v.bbox) >= OVER_SHARE or _share(v.bbox, w.bbox) >= OVER_SHARE]
        if under:
            shown = _squash(" ".join(v.text for v in under))
            if _squash(w.text) not in shown:
                bad.append((why, "over different visible text", w))
        elif why in ("off-page", "tiny", "transparent"):
            bad.append((why, why, w))
        elif why == "invisible" and not _shows_something(page, w):
            bad.append((why, "over nothing the page shows", w))
        elif why == "same-colour" and _in_visible_line(w, near_line(grid, visible, w)):
            bad.append((why, "inside a line of visible text", w))
        # else: a whole white block on white (a printed web page's collapsed menu)
    # One finding per run of hidden words of one span; it lies over different text as
    # soon as part of it does.
    run: list[Word] = []
    wheres: list[str] = []
    why_run = ""
    for why, where, w in bad:
        if run and (why != why_run or w.seqno != run[-1].seqno):
            yield why_run, _worst(wheres), run
            run, wheres = [], []
        why_run = why
        run.append(w)
        wheres.append(where)
    if run:
        yield why_run, _worst(wheres), run


def _worst(wheres: list[str]) -> str:
    return "over different visible text" if "over different visible text" in wheres else wheres[0]


_LABEL = {
    "invisible": "invisible text",
    "transparent": "fully transparent text",
    "tiny": "text smaller than 1 pt",
    "off-page": "text outside the page",
    "same-colour": "text in the colour of its background",
}


def check(doc, ctx):
    if doc.kind != "pdf":
        return
    for page in doc.pages:
        if page.ocr_start is not None:
            # Words woocheck's OCR read from the page image are what the page shows, not
            # a text layer of the file: the layer's own words are judged without them.
            page = replace(page, words=page.layer_words)
        for why, where, run in _findings(page):
            text = page.text[run[0].start : run[-1].end]
            yield Finding(
                code=CODE,
                severity=SEVERITY,
                message=f"{_LABEL[why]}{' ' + where if where.startswith(('over', 'inside')) else ''} is in the text layer but not visible",
                path=doc.path,
                page=page.number,
                bbox=(min(w.bbox[0] for w in run), min(w.bbox[1] for w in run), max(w.bbox[2] for w in run), max(w.bbox[3] for w in run)),
                text=text,
                span=(run[0].start, run[-1].end),
                kind="RECOVERED",
            )
