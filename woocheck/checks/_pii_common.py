"""What the WOO1xx checks share: turning a leaked PersonalData into a Finding.

The message names the ground that would cover a redaction, never the data itself; the
data goes into Finding.text (masked by the renderers by `kind`).
"""
from __future__ import annotations

from bisect import bisect_left
from operator import le
from typing import Iterable, Optional

from ..memo import per_object
from ..model import Finding, PersonalData, Severity


@per_object
def _boxes(ctx) -> dict:
    """Boxes of located redactions per page (not text markers): text under one of them is
    a failed redaction, which the WOO3xx checks report; WOO1xx does not report it twice."""
    boxes: dict = {}
    try:
        for r in ctx.located:
            if r.bbox is not None and r.kind != "text-marker":
                boxes.setdefault(r.page, []).append(r.bbox)
    except Exception:  # a locate failure must not hide personal data
        boxes = {}
    return boxes


def _under_a_box(pd: PersonalData, boxes: dict) -> bool:
    if pd.bbox is None or pd.page not in boxes:
        return False
    x0, y0, x1, y1 = pd.bbox
    area = max(1e-6, (x1 - x0) * (y1 - y0))
    for bx0, by0, bx1, by1 in boxes[pd.page]:
        w = min(x1, bx1) - max(x0, bx0)
        h = min(y1, by1) - max(y0, by0)
        if w > 0 and h > 0 and w * h >= 0.5 * area:
            return True
    return False


@per_object
def _not_public(ctx) -> dict:
    """Entity -> [(position in ctx.personal_data, item)] of the items the policy did not
    call public; built once per document instead of once per check."""
    groups: dict = {}
    for i, pd in enumerate(ctx.personal_data):
        if not pd.public:
            groups.setdefault(pd.entity, []).append((i, pd))
    return groups


def leaks(ctx, entities: tuple[str, ...]) -> Iterable[PersonalData]:
    """Personal data of these entities that the policy did not call public and that no
    located redaction box covers, in the order the personal-data stage gave them."""
    groups = _not_public(ctx)
    picked = sorted((x for e in set(entities) for x in groups.get(e, ())), key=lambda x: x[0])
    wanted = [pd for _, pd in picked]
    if not wanted:
        return
    boxes = _boxes(ctx) if any(pd.bbox is not None for pd in wanted) else {}
    for pd in wanted:
        if not _under_a_box(pd, boxes):
            yield pd


@per_object
def _word_starts(page) -> Optional[list[int]]:
    """Start offsets of the page's words when they are disjoint and in text order (as
    ingest makes them), so the words under a span are found by bisection."""
    words = page.words
    starts = [w.start for w in words]
    ends = [w.end for w in words]
    if all(map(le, ends[:-1], starts[1:])):  # each word ends before the next starts
        return starts
    return None


def _local_part_box(doc, pd: PersonalData):
    """Span and box of an e-mail's local part: the domain may stay readable.

    The words under it are found by bisection (`_word_starts`, kept per page): looking
    at every word of the page for each address cost 0.14 ms a page on the synthetic batch."""
    at = pd.text.rfind("@")
    if at <= 0:
        return (pd.start, pd.end), pd.bbox
    start, end = pd.start, pd.start + at
    bbox = pd.bbox
    if pd.page is not None and 1 <= pd.page <= len(doc.pages):
        page = doc.pages[pd.page - 1]
        candidates = page.words
        starts = _word_starts(page)
        if starts is not None:
            # Disjoint words in order: only the one before the first start >= `start` can
            # reach into the span from the left.
            i = max(0, bisect_left(starts, start) - 1)
            candidates = candidates[i:bisect_left(starts, end, lo=i)]
        words = [w for w in candidates if w.bbox and w.start < end and start < w.end]
        boxes = [w.bbox for w in words]
        if boxes:
            # A word that holds the whole address: take the share of its width up to the '@'.
            x0 = min(b[0] for b in boxes)
            x1 = max(b[2] for b in boxes)
            last = max(words, key=lambda w: w.end)
            if last.end > end and last.end > last.start:
                share = (end - last.start) / (last.end - last.start)
                x1 = last.bbox[0] + share * (last.bbox[2] - last.bbox[0])
            bbox = (x0, min(b[1] for b in boxes), x1, max(b[3] for b in boxes))
    return (start, end), bbox


def finding(code: str, severity: Severity, doc, pd: PersonalData, what: str, ground: str,
            weak_note: str = "", span_override: Optional[tuple] = None) -> Finding:
    """One finding for one leaked item; weak evidence lowers an error to a warning."""
    sev = Severity.WARNING if pd.weak and severity == Severity.ERROR else severity
    note = f" ({weak_note})" if pd.weak and weak_note else ""
    span, bbox = span_override if span_override else ((pd.start, pd.end), pd.bbox)
    return Finding(
        code=code,
        severity=sev,
        message=f"{what} left readable; redact under {ground}{note}",
        path=doc.path,
        page=pd.page,
        bbox=bbox,
        text=pd.text,
        span=span if pd.page is not None else None,
        kind=pd.entity,
    )
