"""Find every redaction region on every page, whatever it is made of.

Each submodule handles one physical form and exposes `find(page, path) -> list[Redaction]`.
"""


from ..grounds.legend import HEADING as LEGEND_HEADING
from ..model import Document, Redaction
from . import annotations, markers, raster, vector  # no `from __future__ import annotations` here: it would shadow the submodule


# Every alternative of the legend heading starts with one of these words; and these are
# the characters Python's case-insensitive matching takes for an ASCII letter (s, K, i).
HEADING_WORDS = ("toelichting", "lakcodes", "legenda", "gebruikte", "overzicht")
_FOLDS = ("\u017f", "\u212a", "\u0130", "\u0131")


def has_legend_heading(text: str) -> bool:
    """`LEGEND_HEADING.search(text)`, answered from a plain substring test on pages that
    hold none of its first words (the case-insensitive regex scan cost 0.1 ms a page)."""
    if not any(c in text for c in _FOLDS):
        low = text.lower()
        if not any(w in low for w in HEADING_WORDS):
            return False
    return LEGEND_HEADING.search(text) is not None


def locate(doc: Document) -> list[Redaction]:
    found: list[Redaction] = []
    has_legend = any(has_legend_heading(page.text) for page in doc.pages)
    for page in doc.pages:
        found.extend(markers.find(page, doc.path))
        if has_legend:
            found.extend(markers.find_letters(page, doc.path))
        if doc.kind == "pdf":
            found.extend(annotations.relabel(page, vector.find(page, doc.path)))
            found.extend(annotations.find(page, doc.path))
            found.extend(raster.find(page, doc.path))
    return found
