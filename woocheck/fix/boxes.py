"""Burn in redaction boxes: what lies under each box goes, the box and its label stay.

A `Target` is a rectangle on a page with the colour to paint and the label to print in
it. Targets come from the located redactions (WOO301, WOO303: every vector, raster and
annotation box, not the text markers, which cover nothing), from redaction annotations
that were never applied (WOO302) and from a reviewer's report (`--redact`, see
`report.py`). `burn` lays one pymupdf redaction annotation, without a fill of its own,
over each target and applies them per page: text whose glyphs touch the box, image
pixels under it and vector paths it covers entirely (the box itself among them) are
removed; a letter beside the box that pymupdf took along because the box's edge grazes
its glyph is written back (`letters`). Then the box is painted again in its own colour as page content, with its label.
The result is a box that looks as before, with nothing under it, and that woocheck's
locators find again as a box with a ground. A box found in the pixels of a page image
(WOO303) is its own cover: only the text layer under it is removed, and the image, with
any lettering in the box, stays as it was.
"""
from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from . import letters

# The colour of a box is read from the original page: the median of its pixels, at this
# zoom. A label printed in the box is a minority of them.
_ZOOM = 2.0


@dataclass(frozen=True)
class Target:
    page: int  # 1-based
    rect: tuple[float, float, float, float]
    fill: tuple[float, float, float]
    label: str
    why: str  # the code it repairs: WOO301, WOO302, WOO303 or "redact" (from a report)
    # A box in a page image (WOO303): its pixels are the box itself, lettering included,
    # so only the text layer under it goes; the image and the look stay as they are.
    in_image: bool = False
    # For a box in a page image: the ground labels in its text layer, (text, bbox),
    # written back after the text under the box is removed (see `_label_words`).
    keep: tuple = ()


def box_colour(fz_page, rect) -> tuple[float, float, float]:
    """The median colour of the rendered page inside `rect` (black when it cannot be read)."""
    # Boxes are in unrotated page space (as pymupdf's text and drawings are); a clip is
    # given in the space of the page as shown.
    clip = (pymupdf.Rect(rect) * fz_page.rotation_matrix) & fz_page.rect
    if clip.is_empty or clip.width < 0.5 or clip.height < 0.5:
        return (0.0, 0.0, 0.0)
    pix = fz_page.get_pixmap(matrix=pymupdf.Matrix(_ZOOM, _ZOOM), clip=clip, colorspace=pymupdf.csRGB, alpha=False,
                             annots=True)
    data = pix.samples
    if not data:
        return (0.0, 0.0, 0.0)
    out = []
    for c in range(3):
        channel = sorted(data[c::3])
        out.append(channel[len(channel) // 2] / 255)
    return tuple(out)  # type: ignore[return-value]


def _label_inside(page, r) -> bool:
    """Whether the label read for redaction `r` was printed inside its box (then it is
    printed again); a label beside the box stays where it is and is not repeated."""
    if not r.label:
        return False
    x0, y0, x1, y1 = r.bbox
    for w in page.words:
        if w.bbox is None or not w.text.strip():
            continue
        cx, cy = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
        if x0 <= cx <= x1 and y0 <= cy <= y1 and w.text in r.label:
            return True
    return r.kind == "raster"  # read from the pixels of the box itself


def _label_words(page, r) -> tuple:
    """The ground labels ("5.1.2e", as OCR read them; WOO303 leaves them out too) among
    the text-layer words in raster box `r`, as (text, bbox): written back after the text
    under the box is removed, so the copy keeps the box's ground."""
    from ..locate.ocr_junk import is_label

    x0, y0, x1, y1 = r.bbox
    out = []
    for w in page.words:
        if w.ocr or w.bbox is None or not is_label(w.text):
            continue
        cx, cy = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
        if x0 <= cx <= x1 and y0 <= cy <= y1:
            out.append((w.text, tuple(w.bbox)))
    return tuple(out)


def label_of(page, r) -> str:
    """What to print in the box: the ground codes read for it, else the raw label (a box
    whose words are no ground keeps them), when that label sat in the box."""
    if not _label_inside(page, r):
        return ""
    codes = [g.code for g in r.grounds if g.valid]
    return ", ".join(dict.fromkeys(codes)) if codes else " ".join(r.label.split())


def from_redactions(doc, redactions, fz) -> list[Target]:
    """One target per located box (text markers left out: they cover nothing)."""
    out: list[Target] = []
    for r in redactions:
        if r.bbox is None or r.kind == "text-marker":
            continue
        if r.kind == "annotation" and r.detail.startswith("Redact annotation"):
            continue  # unapplied: `pending_annotations` takes these from the file itself
        page = doc.pages[r.page - 1]
        if r.kind == "raster":
            out.append(Target(r.page, tuple(r.bbox), (0.0, 0.0, 0.0), "", "WOO303", in_image=True,
                              keep=_label_words(page, r)))
        else:
            out.append(Target(r.page, tuple(r.bbox), box_colour(fz[r.page - 1], r.bbox), label_of(page, r), "WOO301"))
    return out


def pending_annotations(fz, redactions) -> list[Target]:
    """Every Redact annotation in the file (WOO302), removed from it and returned as a
    target: its interior colour (black when it has none) and its overlay text, else the
    ground read beside it by woocheck."""
    labels = {}
    for r in redactions:
        if r.kind == "annotation" and r.detail.startswith("Redact annotation") and r.bbox:
            labels[(r.page, tuple(round(v) for v in r.bbox))] = ", ".join(g.code for g in r.grounds if g.valid)
    out: list[Target] = []
    for page in fz:
        xrefs = [a.xref for a in page.annots(types=[pymupdf.PDF_ANNOT_REDACT]) or ()]
        for xref in xrefs:
            annot = page.load_annot(xref)
            rect = tuple(annot.rect)
            fill = (annot.colors or {}).get("fill") or (0.0, 0.0, 0.0)
            if len(fill) != 3:
                fill = (0.0, 0.0, 0.0)
            overlay = ""
            kind, value = fz.xref_get_key(xref, "OverlayText")
            if kind == "string":
                overlay = value
            label = overlay or labels.get((page.number + 1, tuple(round(v) for v in rect)), "")
            out.append(Target(page.number + 1, rect, tuple(fill), label, "WOO302"))
            page.delete_annot(annot)
    return out


def dedupe(targets: list[Target]) -> list[Target]:
    seen, out = set(), []
    for t in targets:
        key = (t.page, tuple(round(v, 1) for v in t.rect))
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def burn(fz, targets: list[Target]) -> list[Target]:
    """Apply `targets` page by page; returns the targets applied (one per rectangle)."""
    targets = dedupe(targets)
    by_page: dict[int, list[Target]] = {}
    for t in targets:
        by_page.setdefault(t.page, []).append(t)
    for number, todo in by_page.items():
        page = fz[number - 1]
        in_image = [t for t in todo if t.in_image]
        drawn = [t for t in todo if not t.in_image]
        if in_image:  # text only: pymupdf applies the options to every rectangle of a call
            before = letters.visible(page, invisible_too=True)
            for t in in_image:
                page.add_redact_annot(pymupdf.Rect(t.rect), fill=False, cross_out=False)
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_NONE,
                graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
            # the ground labels, once each; letters of OCR words beside a box that its
            # edge grazed are not written back (invisible: the look does not change)
            letters.write_back_labels(page, before, sorted({k for t in in_image for k in t.keep}))
        if drawn:
            before = letters.visible(page)
            for t in drawn:
                page.add_redact_annot(pymupdf.Rect(t.rect), fill=False, cross_out=False)
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
            # A letter whose glyph a box's edge only grazes (its centre outside every box)
            # is no text under the box: pymupdf took it along, it is written back.
            letters.write_back(page, before, letters.visible(page),
                               lambda key, info: any(letters.centre_in(info[3], t.rect) for t in drawn))
            for t in drawn:
                paint(page, t.rect, t.fill, t.label)
    return targets


def paint(page, rect, fill, label: str) -> None:
    """The box as page content, and its label in it in a contrasting colour, upright on
    the page as shown, as large as fits (at most 70 % of the box's height)."""
    r = pymupdf.Rect(rect)
    page.draw_rect(r, color=None, fill=fill, width=0, overlay=True)
    shown = r * page.rotation_matrix  # the box as the reader sees it
    if not label or shown.height < 3 or shown.width < 6:
        return
    lum = 0.2126 * fill[0] + 0.7152 * fill[1] + 0.0722 * fill[2]
    ink = (1.0, 1.0, 1.0) if lum < 0.5 else (0.0, 0.0, 0.0)
    size = min(0.7 * shown.height, 11.0)
    width = pymupdf.get_text_length(label, fontname="helv", fontsize=size)
    if width > shown.width - 2:
        size *= (shown.width - 2) / width
        width = pymupdf.get_text_length(label, fontname="helv", fontsize=size)
    if size < 2.5:
        return
    # the baseline's start in the shown page, back to unrotated space; the text turned
    # with the page so that it reads upright
    x = shown.x0 + max(1.0, (shown.width - width) / 2)
    y = shown.y0 + (shown.height + 0.7 * size) / 2
    origin = pymupdf.Point(x, y) * page.derotation_matrix
    page.insert_text(origin, label, fontname="helv", fontsize=size, color=ink, rotate=page.rotation, overlay=True)
