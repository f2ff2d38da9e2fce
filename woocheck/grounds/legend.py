"""The per-document legend that explains letter (or number) codes on boxes.

Decisions often print a letter on each box and explain it once, under a heading such as
"Toelichting grondslagen", "Lakcodes" or "Gebruikte weigeringsgronden":

    J   Art. 5.1 lid 2 sub e
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..memo import per_object
from ..model import Document, Ground
from .catalogue import Catalogue
from .parse import parse_with_pos

HEADING = re.compile(
    r"toelichting\s+(?:op\s+de\s+)?(?:grondslagen|weigeringsgronden|lakcodes|codes)"
    r"|lakcodes|legenda"
    r"|gebruikte\s+(?:weigerings)?(?:gronden|grondslagen|codes)"
    r"|overzicht\s+(?:van\s+de\s+)?(?:weigerings)?(?:gronden|grondslagen)",
    re.IGNORECASE,
)
# Every alternative of the heading starts with one of these words; and these are the
# characters Python's case-insensitive matching takes for an ASCII letter (s, K, i).
HEADING_WORDS = ("toelichting", "lakcodes", "legenda", "gebruikte", "overzicht")
_FOLDS = ("\u017f", "\u212a", "\u0130", "\u0131")


def has_legend_heading(text: str) -> bool:
    """`HEADING.search(text)`, answered from a plain substring test on pages that hold
    none of its first words (the case-insensitive regex scan cost 0.1 ms a page)."""
    if not any(c in text for c in _FOLDS):
        low = text.lower()
        if not any(w in low for w in HEADING_WORDS):
            return False
    return HEADING.search(text) is not None


@per_object
def has_legend(doc: Document) -> bool:
    """Whether any page of `doc` holds a legend heading; asked by locate (letter codes on
    boxes) and by grounds (reading the legend), worked out once a document."""
    return any(has_legend_heading(page.text) for page in doc.pages)


KEY = r"[A-Z]{1,2}|\d{1,2}"
# "J  Art. 5.1 lid 2 sub e", "A = 5.1.2e", "3: artikel 5.1, tweede lid, onder e", "(B) 5.1.2i"
ENTRY = re.compile(rf"^[\s#*>|\-•]*[(\[]?\s*(?P<key>{KEY})\s*[)\]]?\s*[*]*\s*[:=\-–—.|]?\s+(?P<rest>\S.*)$")
KEY_ONLY = re.compile(rf"^[\s#*>|\-•]*[(\[]?\s*(?P<key>{KEY})\s*[)\]]?\s*[*:=.]*\s*$")
# How far after the heading entries are looked for, and how many lines of explanation
# may stand between two entries before the legend is taken to have ended.
MAX_LINES = 120
MAX_GAP = 25


@dataclass(frozen=True)
class LegendEntry:
    key: str
    grounds: tuple[Ground, ...]
    raw: str
    page: int
    span: tuple[int, int]  # offsets of the entry line in Page.text


@dataclass(frozen=True)
class Legend:
    entries: dict[str, LegendEntry] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def get(self, key: str) -> Optional[LegendEntry]:
        return self.entries.get(key)

    @property
    def numeric(self) -> bool:
        return any(k.isdigit() for k in self.entries)


def _leading_grounds(rest: str, cat: Catalogue) -> list[Ground]:
    """Grounds at the start of an entry's text (the explanation after them is ignored)."""
    found = parse_with_pos(rest[:120], cat)
    if not found or found[0][0] > 12:
        return []
    return [g for _, g in found][:6]


def read(doc: Document, cat: Catalogue) -> Legend:
    entries: dict[str, LegendEntry] = {}
    for page in doc.pages:
        if page.words and page.words[0].bbox is not None:
            # A PDF page: rows from word positions, whatever order the table was drawn in.
            for k, e in _by_geometry(page, cat).items():
                entries.setdefault(k, e)
            continue
        text = page.text
        for h in HEADING.finditer(text):
            lines = []
            pos = text.find("\n", h.end())
            pos = len(text) if pos < 0 else pos + 1
            for _ in range(MAX_LINES):
                if pos >= len(text):
                    break
                end = text.find("\n", pos)
                end = len(text) if end < 0 else end
                lines.append((pos, end))
                pos = end + 1
            gap = 0
            pending_key: Optional[tuple[str, int]] = None
            for a, b in lines:
                line = text[a:b].replace("**", "")
                if not line.strip():
                    continue
                m = ENTRY.match(line)
                gs = _leading_grounds(m["rest"], cat) if m else []
                if not gs and pending_key:
                    gs = _leading_grounds(line, cat)
                    if gs:
                        key, ka = pending_key
                        entries.setdefault(key, LegendEntry(key, tuple(gs), text[ka:b].strip(), page.number, (ka, b)))
                        pending_key, gap = None, 0
                        continue
                if gs and m:
                    key = m["key"]
                    entries.setdefault(key, LegendEntry(key, tuple(gs), line.strip(), page.number, (a, b)))
                    pending_key, gap = None, 0
                    continue
                k = KEY_ONLY.match(line)
                pending_key = (k["key"], a) if k else None
                gap += 1
                if gap > MAX_GAP and entries:
                    break
    return Legend(entries)


def _by_geometry(page, cat: Catalogue) -> dict[str, LegendEntry]:
    """Legend rows rebuilt from word positions: a table's text may come out column by
    column (all letters first, then all grounds) rather than row by row."""
    heading = HEADING.search(page.text)
    if heading is None:
        return {}
    head_words = [w for w in page.words if w.bbox and w.start < heading.end() and w.end > heading.start()]
    top = max(w.bbox[3] for w in head_words) if head_words else 0.0
    below = [w for w in page.words if w.bbox and w.bbox[1] >= top - 1]
    rows: list[list] = []
    for w in sorted(below, key=lambda w: (w.bbox[1], w.bbox[0])):
        if rows and abs(rows[-1][0].bbox[1] - w.bbox[1]) < 0.5 * (w.bbox[3] - w.bbox[1]):
            rows[-1].append(w)
        else:
            rows.append([w])
    out: dict[str, LegendEntry] = {}
    for row in rows[:MAX_LINES]:
        row.sort(key=lambda w: w.bbox[0])
        key = re.fullmatch(rf"[(\[]?({KEY})[)\]]?[:=.]?", row[0].text)
        if not key or len(row) < 2:
            continue
        rest = " ".join(w.text for w in row[1:])
        gs = _leading_grounds(rest, cat)
        if gs:
            span = (min(w.start for w in row), max(w.end for w in row))
            out.setdefault(key.group(1), LegendEntry(key.group(1), tuple(gs), f"{row[0].text} {rest}", page.number, span))
    return out
