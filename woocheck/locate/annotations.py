"""Redactions made with annotations.

- A `Redact` annotation still in the file was never applied: it only *marks* the passage,
  the content under it is intact (reported as WOO302). Applied redactions no longer exist
  as annotations; what they leave is a plain box, found by `vector`.
- A `Square` or dark `Highlight` annotation drawn over text is a box painted by the
  viewer: its appearance is a vector path, so `vector` finds it (with the text it hides);
  `relabel` marks those boxes as annotations, so the report says what the reviewer will
  find in Acrobat's comment list.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Annotation, Page, Redaction
from . import vector

# Annotation kinds whose appearance can be used as a box over a passage.
BOX_KINDS = ("Square", "Highlight", "Polygon", "Ink", "FreeText", "Stamp")
# A box belongs to an annotation when at least this share of it lies in the annotation's rect.
INSIDE_SHARE = 0.9
# Drawn after all page content, so everything on the page is under it.
_LAST = 1 << 30


def _share_inside(inner, outer) -> float:
    x0, y0 = max(inner[0], outer[0]), max(inner[1], outer[1])
    x1, y1 = min(inner[2], outer[2]), min(inner[3], outer[3])
    area = max(0.0, inner[2] - inner[0]) * max(0.0, inner[3] - inner[1])
    if area <= 0 or x1 <= x0 or y1 <= y0:
        return 0.0
    return (x1 - x0) * (y1 - y0) / area


def text_under(page: Page, annot: Annotation) -> str:
    """Text-layer characters inside the annotation's rectangle, whatever their draw order."""
    box = vector.Box(rect=annot.bbox, seqno=_LAST, detail="annotation")
    return vector.text_of(vector.covered(page, box))


def find(page: Page, path: str) -> list[Redaction]:
    out = []
    for a in page.annotations:
        if a.kind != "Redact":
            continue
        out.append(
            Redaction(
                path=path,
                page=page.number,
                bbox=a.bbox,
                kind="annotation",
                label=a.content or None,
                covered_text=text_under(page, a),
                detail="Redact annotation (not applied)",
            )
        )
    return out


def relabel(page: Page, found: list[Redaction]) -> list[Redaction]:
    """Vector boxes that are the appearance of an annotation become annotation redactions."""
    out = []
    for r in found:
        owner = None
        if r.kind == "vector" and r.bbox is not None:
            owner = next(
                (
                    a
                    for a in page.annotations
                    if (a.kind in BOX_KINDS or a.kind == "Redact") and _share_inside(r.bbox, a.bbox) >= INSIDE_SHARE
                ),
                None,
            )
        if owner is not None and owner.kind == "Redact":
            continue  # the pending mark's own appearance: `find` reports the mark itself
        if owner is None:
            out.append(r)
        else:
            out.append(replace(r, kind="annotation", detail=f"{owner.kind} annotation ({r.detail})"))
    return out
