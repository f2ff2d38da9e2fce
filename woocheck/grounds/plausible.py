"""What a redaction covers, as far as the page tells: a name, a date, a number, an e-mail
address, a BSN, or the domain of an e-mail address. Used by WOO207 to judge whether the
ground fits. Returns a category only, never the text itself.
"""
from __future__ import annotations

import re
from typing import Optional

import numpy as np

from ..locate.vector import word_boxes
from ..memo import per_object
from ..model import BBox, Page, Redaction

_NAME_SLOT = re.compile(
    r"(?:\b(?:van|aan|cc|bcc|from|to|afzender|geadresseerde|contactpersoon|naam|behandelaar)\s*:"
    r"|\b(?:mw|mevr|dhr|de\s+heer|mevrouw|beste|geachte|hoi|dag|groet(?:en)?|ondertekend)\.?,?)\s*$",
    re.IGNORECASE,
)
_DATE_SLOT = re.compile(r"\b(?:datum|date|verzonden|sent|geboortedatum)\s*:?\s*$", re.IGNORECASE)
_PHONE_SLOT = re.compile(r"\b(?:tel(?:efoon)?(?:nummer)?|mob(?:iel)?|gsm|fax|telefoonnr)\.?\s*:?\s*$", re.IGNORECASE)
_BSN_SLOT = re.compile(r"\b(?:bsn|burgerservicenummer|sofi-?nummer)\s*:?\s*$", re.IGNORECASE)

_DATE = re.compile(
    r"^\s*(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\s+(?:jan|feb|mrt|maart|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?(?:\s+\d{4})?)\s*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[\s+()\-./\d]{4,}$")
_EMAIL = re.compile(r"^\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")
_NAME = re.compile(
    r"^\s*(?:(?:mw|dhr|mevr)\.?\s+)?(?:[A-Z]\.\s*){0,3}(?:(?:van|de|der|den|ter|ten|het|la|le|el)\s+){0,3}"
    r"[A-Z][a-zà-ÿ'’-]+(?:,?\s+(?:[A-Z]\.\s*)*(?:(?:van|de|der|den|ter|ten)\s+){0,3}[A-Z][a-zà-ÿ'’-]+){0,3}\s*$"
)


def _bsn(digits: str) -> bool:
    try:
        from stdnum.nl import bsn

        return bsn.is_valid(digits)
    except Exception:  # stdnum missing or odd input: no verdict
        return False


def classify_text(text: str) -> Optional[str]:
    """Category of a short covered text: bsn, email, date, number, name, or None."""
    t = text.strip()
    if not t:
        return None
    digits = re.sub(r"\D", "", t)
    if len(digits) == 9 and re.fullmatch(r"[\d .-]+", t) and _bsn(digits):
        return "bsn"
    if _EMAIL.match(t):
        return "email"
    if _DATE.match(t):
        return "date"
    if _NUMBER.match(t):
        return "number"
    if _NAME.match(t) and len(t) <= 40:
        return "name"
    return None


def _slot(before: str) -> Optional[str]:
    if _BSN_SLOT.search(before):
        return "bsn"
    if _DATE_SLOT.search(before):
        return "date"
    if _PHONE_SLOT.search(before):
        return "number"
    if _NAME_SLOT.search(before):
        return "name"
    return None


class _PageWords:
    """A page's words that have a box, with the boxes as arrays (shared with locate), and
    its "...@" words: WOO207 asks about every box of a page (VWS scans: ~25 boxes x ~400
    words)."""

    def __init__(self, page: Page):
        wb = word_boxes(page)
        self.words = wb.words
        self.boxes = wb.boxes
        self.at_signs = [w for w in self.words if w.text.endswith("@")]


@per_object
def _page_words(page: Page) -> _PageWords:
    return _PageWords(page)


def _words_left(page: Page, box: BBox) -> str:
    h = max(4.0, box[3] - box[1])
    pw = _page_words(page)
    x0, y0, x1, y1 = pw.boxes.T
    # The same tests as word by word, on all words at once.
    keep = (
        (np.minimum(y1, box[3]) - np.maximum(y0, box[1]) >= 0.5 * np.minimum(h, y1 - y0))
        & (x1 <= box[0] + 1)
        & (box[0] - x1 < 12 * h)
    )
    line = [pw.words[i] for i in np.flatnonzero(keep)]
    line.sort(key=lambda w: w.bbox[0])  # type: ignore[index]
    return " ".join(w.text for w in line[-4:])


def _touching_at_sign(page: Page, box: BBox) -> bool:
    """An "...@" word ending right where the box starts: the box hides the domain."""
    h = max(4.0, box[3] - box[1])
    for w in _page_words(page).at_signs:
        same_line = min(w.bbox[3], box[3]) - max(w.bbox[1], box[1]) >= 0.4 * min(h, w.bbox[3] - w.bbox[1])
        if same_line and -1.0 <= box[0] - w.bbox[2] <= 0.3 * h:
            return True
    return False


def what_is_covered(page: Page, r: Redaction) -> Optional[str]:
    """bsn | email | domain | date | number | name, or None when the page does not say."""
    text = page.text
    if r.kind == "text-marker" and r.start is not None and r.end is not None:
        if r.start > 0 and text[r.start - 1] == "@":
            return "domain"
        line_start = text.rfind("\n", 0, r.start) + 1
        slot = _slot(text[max(line_start, r.start - 40) : r.start])
        if slot:
            return slot
        if text[r.end : r.end + 1] == "@":
            return "email"
        return None
    covered = r.covered_text
    if r.label and covered:
        covered = covered.replace(r.label, " ")
    kind = classify_text(covered) if covered else None
    if kind:
        return kind
    if r.bbox is not None:
        if _touching_at_sign(page, r.bbox):
            return "domain"
        return _slot(_words_left(page, r.bbox))
    return None
