"""WOO304 hidden text in the text layer

What it checks: text in a PDF's text layer that the page does not show: invisible render
mode (3), fully transparent (alpha 0), smaller than 1 pt, outside the page, or in the
colour of what lies under it (white on white). Such text is reported when it is *not* a
plain OCR layer, that is when it lies over different visible text (the page shows one
thing, the text layer says another), or when it is invisible, transparent, tiny or
off-page where the page shows nothing at all (no image or drawing it could be the OCR
of). An invisible layer over a scanned image is the normal OCR layer and is fine; an
invisible copy of the visible words is fine too. White text on an empty white area is not
reported: printed web pages are full of it (collapsed menus), and it rarely hides a
passage that was meant to be withheld.

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

from ..locate.vector import LIGHT, OPAQUE, Grid, luminance
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
    if w.render_mode in (3, 7):
        return "invisible"
    if w.alpha <= 0.0:
        return "transparent"
    if 0 < w.size < TINY:
        return "tiny"
    x0, y0, x1, y1 = w.bbox
    # Text coordinates are in the unrotated page; Page.width/height follow /Rotate. Taking
    # the larger side for both keeps a rotated page's text from counting as off-page.
    side = max(page.width, page.height)
    if x1 <= 0 or y1 <= 0 or x0 >= side or y0 >= side:
        return "off-page"
    rgb = ((w.color >> 16) & 255) / 255, ((w.color >> 8) & 255) / 255, (w.color & 255) / 255
    # Only light text: dark text on a dark box is a box over text, WOO301's business.
    if luminance(rgb) >= LIGHT and abs(luminance(rgb) - _background(page, w)) < MIN_CONTRAST:
        if not any(_share(w.bbox, im.bbox) > 0 and im.seqno < w.seqno for im in page.images):
            return "same-colour"
    return ""


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


def _findings(page: Page):
    """(reason, where, words) for runs of hidden words that are not a plain text layer."""
    reasons = [how_hidden(page, w) for w in page.words]
    if not any(reasons):
        return
    visible = [v for v, r in zip(page.words, reasons) if v.bbox is not None and not r]
    grid = Grid()
    for k, v in enumerate(visible):
        grid.add(k, v.bbox)
    bad: list[tuple[str, str, Word]] = []
    for w, why in zip(page.words, reasons):
        if not why:
            continue
        near = [visible[k] for k in sorted(grid.near(w.bbox))]
        under = [v for v in near if _share(w.bbox, v.bbox) >= OVER_SHARE or _share(v.bbox, w.bbox) >= OVER_SHARE]
        if under:
            shown = _squash(" ".join(v.text for v in under))
            if _squash(w.text) not in shown:
                bad.append((why, "over different visible text", w))
        elif why in ("off-page", "tiny", "transparent"):
            bad.append((why, why, w))
        elif why == "invisible" and not _shows_something(page, w):
            bad.append((why, "over nothing the page shows", w))
        # same colour as an empty background: too often harmless page furniture
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
        for why, where, run in _findings(page):
            text = page.text[run[0].start : run[-1].end]
            yield Finding(
                code=CODE,
                severity=SEVERITY,
                message=f"{_LABEL[why]}{' ' + where if where.startswith('over') else ''} is in the text layer but not visible",
                path=doc.path,
                page=page.number,
                bbox=(min(w.bbox[0] for w in run), min(w.bbox[1] for w in run), max(w.bbox[2] for w in run), max(w.bbox[3] for w in run)),
                text=text,
                span=(run[0].start, run[-1].end),
                kind="RECOVERED",
            )
