"""Personal data in documents: detection (presidio + Dutch recognizers) and policy.

`import woocheck.pii` is cheap; presidio and spaCy load on the first call. See
docs/pii.md for what is found and which names may stay readable.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import Optional

from ..config import Config
from ..model import BBox, Document, Page, PersonalData


_START = attrgetter("start")


def _bbox(page: Page, start: int, end: int, starts: Optional[list[int]] = None) -> Optional[BBox]:
    """Union of the boxes of the page's words that overlap [start, end).

    Words come in text order, so `starts` (their start offsets) lets a page with
    thousands of hits find each hit's words by bisection."""
    words = page.words
    if starts is not None:
        i = max(0, bisect_left(starts, start) - 1)
        j = bisect_left(starts, end, lo=i)
        words = words[i:j]
    boxes = [w.bbox for w in words if w.bbox is not None and w.start < end and start < w.end]
    if not boxes:
        return None
    cols = list(zip(*boxes))  # x0s, y0s, x1s, y1s: min/max in C (a hit costs ~1 µs less)
    return (min(cols[0]), min(cols[1]), max(cols[2]), max(cols[3]))


def _find(texts: list[str], config: Optional[Config]):
    from . import detect, policy

    officials = policy.officials_for(config)
    hits = [detect.analyze_text(t) for t in texts]
    hits = detect.spread(texts, hits, lambda local: policy.is_functional(local, officials))
    return policy.apply(texts, hits, officials)


def _to_model(h, page: Optional[Page] = None, starts: Optional[list[int]] = None) -> PersonalData:
    return PersonalData(
        entity=h.entity, text=h.text, start=h.start, end=h.end, score=h.score,
        page=page.number if page else None, bbox=_bbox(page, h.start, h.end, starts) if page else None,
        weak=h.weak, public=h.public, reason=h.reason or (h.evidence if not h.public else ""),
    )


def find_in_document(doc: Document, config: Config) -> list[PersonalData]:
    """Personal data on every page of `doc`, with the policy applied (see `public`)."""
    pages = list(doc.pages)
    decided = _find([p.text for p in pages], config)
    out = []
    for page, hits in zip(pages, decided):
        if not hits:
            continue
        starts = list(map(_START, page.words))
        ordered = starts == sorted(starts)  # in C; the same test as comparing neighbours
        out.extend(_to_model(h, page, starts if ordered else None) for h in hits)
    return out


def find_in_text(text: str, config: Config | None = None) -> list[PersonalData]:
    """The same detection and policy on a free string (metadata, comments, file names)."""
    return [_to_model(h) for h in _find([text], config)[0]]
