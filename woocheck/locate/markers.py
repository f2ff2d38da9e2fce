"""Redactions written into the text itself: `[REDACTED]`, `[gelakt]`, `█████`, `XXXX`,
`____`, and the gaps an attendee list keeps where names were taken out ("(JenV), (JenV)").

These are how redactions survive in text exports and in the text layer of PDFs; the
seeds in shared/seeds show all of them.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import BBox, Page, Redaction

# Bracketed markers: the word inside may itself be a ground ("[5.1.2e]").
_BRACKETED = r"\[(?:REDACTED|redacted|Redacted|gelakt|GELAKT|Gelakt|weggelakt|zwartgelakt|geanonimiseerd|verwijderd|\d{1,2}(?:\.\d{1,2}){1,3}\s?[a-z]?(?:\s*[,;]\s*\d{1,2}(?:\.\d{1,2}){1,3}\s?[a-z]?)*)\]"
_BLOCKS = r"[█■▇▆▬]{2,}"
_XXX = r"(?<![A-Za-z])X{4,}(?![A-Za-z])"
_UNDERSCORES = r"(?<!_)_{4,}(?!_)"
MARKER = re.compile("|".join((_BRACKETED, _BLOCKS, _XXX, _UNDERSCORES)))

# "(JenV)" standing where a name should be: right after a comma or at a line start in a
# list of attendees. Organisation tags are short and contain no digits.
_GAP = re.compile(r"(?:(?<=,)|(?<=^))[ \t]*(\([A-Za-zÀ-ÿ'’ .&-]{2,20}\))", re.MULTILINE)
_ATTENDEES = re.compile(r"\b(Aanwezig|Afwezig|Aanwezigen|Deelnemers|Verhinderd|Afgemeld)\b", re.IGNORECASE)


def _bbox(page: Page, start: int, end: int) -> Optional[BBox]:
    boxes = [w.bbox for w in page.words if w.bbox and w.start < end and w.end > start]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _in_attendee_list(text: str, pos: int) -> bool:
    """True when an attendee heading comes shortly before `pos` (same block of text)."""
    window = text[max(0, pos - 1500) : pos]
    m = None
    for m in _ATTENDEES.finditer(window):
        pass
    if m is None:
        return False
    # The list ends at a blank line or a numbered agenda heading.
    return not re.search(r"\n\s*\n\s*(#|\d+\.)", window[m.end() :])


def find(page: Page, path: str) -> list[Redaction]:
    out: list[Redaction] = []
    for m in MARKER.finditer(page.text):
        out.append(
            Redaction(
                path=path,
                page=page.number,
                bbox=_bbox(page, m.start(), m.end()),
                kind="text-marker",
                start=m.start(),
                end=m.end(),
                detail=f"text marker {m.group()[:12]!r}",
            )
        )
    for m in _GAP.finditer(page.text):
        if _in_attendee_list(page.text, m.start()):
            out.append(
                Redaction(
                    path=path,
                    page=page.number,
                    bbox=_bbox(page, m.start(1), m.end(1)),
                    kind="text-marker",
                    start=m.start(1),
                    end=m.start(1),  # the name was before the tag: an empty span
                    detail=f"name missing before {m.group(1)} in attendee list",
                )
            )
    return out
