"""What the WOO1xx checks share: turning a leaked PersonalData into a Finding.

The message names the ground that would cover a redaction, never the data itself; the
data goes into Finding.text (masked by the renderers by `kind`).
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..model import Finding, PersonalData, Severity


def leaks(ctx, entities: tuple[str, ...]) -> Iterable[PersonalData]:
    """Personal data of these entities that the policy did not call public."""
    for pd in ctx.personal_data:
        if pd.entity in entities and not pd.public:
            yield pd


def _local_part_box(doc, pd: PersonalData):
    """Span and box of an e-mail's local part: the domain may stay readable."""
    at = pd.text.rfind("@")
    if at <= 0:
        return (pd.start, pd.end), pd.bbox
    start, end = pd.start, pd.start + at
    bbox = pd.bbox
    if pd.page is not None and 1 <= pd.page <= len(doc.pages):
        boxes = [w.bbox for w in doc.pages[pd.page - 1].words if w.bbox and w.start < end and start < w.end]
        if boxes:
            # A word that holds the whole address: take the share of its width up to the '@'.
            x0 = min(b[0] for b in boxes)
            x1 = max(b[2] for b in boxes)
            words = [w for w in doc.pages[pd.page - 1].words if w.bbox and w.start < end and start < w.end]
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
