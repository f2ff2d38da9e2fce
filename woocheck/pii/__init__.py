"""Personal data in documents: detection (presidio + Dutch recognizers) and policy.

`import woocheck.pii` is cheap; presidio and spaCy load on the first call. See
docs/pii.md for what is found and which names may stay readable.
"""
from __future__ import annotations

from typing import Optional

from ..config import Config
from ..model import BBox, Document, Page, PersonalData


def _bbox(page: Page, start: int, end: int) -> Optional[BBox]:
    """Union of the boxes of the page's words that overlap [start, end)."""
    boxes = [w.bbox for w in page.words if w.bbox is not None and w.start < end and start < w.end]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _find(texts: list[str], config: Optional[Config]):
    from . import detect, policy

    officials = policy.officials_for(config)
    hits = [detect.analyze_text(t) for t in texts]
    hits = detect.spread(texts, hits, lambda local: policy.is_functional(local, officials))
    return policy.apply(texts, hits, officials)


def _to_model(h, page: Optional[Page] = None) -> PersonalData:
    return PersonalData(
        entity=h.entity, text=h.text, start=h.start, end=h.end, score=h.score,
        page=page.number if page else None, bbox=_bbox(page, h.start, h.end) if page else None,
        weak=h.weak, public=h.public, reason=h.reason or (h.evidence if not h.public else ""),
    )


def find_in_document(doc: Document, config: Config) -> list[PersonalData]:
    """Personal data on every page of `doc`, with the policy applied (see `public`)."""
    pages = list(doc.pages)
    decided = _find([p.text for p in pages], config)
    return [_to_model(h, page) for page, hits in zip(pages, decided) for h in hits]


def find_in_text(text: str, config: Config | None = None) -> list[PersonalData]:
    """The same detection and policy on a free string (metadata, comments, file names)."""
    return [_to_model(h) for h in _find([text], config)[0]]
