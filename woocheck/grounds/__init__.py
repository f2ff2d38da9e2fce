"""Read the ground that goes with every redaction.

`attach(doc, redactions, config)` returns each redaction with `label` (the raw text read
as its label) and `grounds` (normalised `Ground`s) filled in, plus the document's legend
and date. The modules: catalogue (rules/grounds.yaml and the user's files), parse (any
notation, OCR damage), legend (letter codes), associate (which label goes with which
box), pixels (labels read from the picture of a raster box when OCR has none), dates
(the date that decides whether Wob codes are allowed), plausible (what a box covers,
for WOO207).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..config import Config
from ..model import Document, Ground, Page, Redaction
from . import associate as _associate
from . import catalogue as _catalogue
from . import dates as _dates
from . import legend as _legend
from . import parse as _parse
from .catalogue import Catalogue, Entry, RulesError
from .legend import Legend, LegendEntry

__all__ = [
    "Catalogue", "Entry", "Grounded", "Legend", "LegendEntry", "RulesError",
    "attach", "document_grounds", "load_catalogue", "ocr_grounds", "parse_label", "repair_note",
]


@dataclass(frozen=True)
class Grounded:
    redactions: list[Redaction]
    legend: Optional[Legend] = None
    date: Optional[date] = None
    date_source: str = ""
    catalogue: Optional[Catalogue] = field(default=None, repr=False)


def repair_note(grounds) -> str:
    """" (label read from damaged '512¢')" when a ground was repaired, for finding messages."""
    damaged = [g for g in grounds if g.repaired]
    if not damaged:
        return ""
    return f" (label read from damaged {damaged[0].raw[:20]!r})"


def load_catalogue(config: Optional[Config] = None) -> Catalogue:
    return _catalogue.load(config.grounds_files if config else ())


def parse_label(text: str, config: Optional[Config] = None) -> list[Ground]:
    """Every ground written in `text` ("5.1 lid 2 sub e", "51.2e", "Art. 10.2.e en g")."""
    return _parse.parse(text, load_catalogue(config))


def attach(doc: Document, redactions: list[Redaction], config: Config) -> Grounded:
    cat = load_catalogue(config)
    # Every legend starts under its heading: a document without one has none (reading
    # found nothing after scanning each page for the heading, 0.1 ms a page).
    if _legend.has_legend(doc):
        legend = _legend.read(doc, cat)
    else:
        legend = Legend()
    by_page: dict[int, list[int]] = {}
    for i, r in enumerate(redactions):
        by_page.setdefault(r.page, []).append(i)
    out = list(redactions)
    pending: list = []
    for number, idx in by_page.items():
        if not (1 <= number <= len(doc.pages)):
            continue
        local: list = []
        done = _associate.associate(doc.pages[number - 1], [redactions[i] for i in idx], cat, legend, local)
        for i, r in zip(idx, done):
            out[i] = r
        pending.extend((idx[j], readings) for j, readings in local)
        _ask_lettering(doc.pages[number - 1], done)
    if pending:
        out = _associate.settle(out, pending)
    when, source = _dates.document_date(doc, config)
    return Grounded(redactions=out, legend=legend, date=when, date_source=source, catalogue=cat)


def _ask_lettering(page: Page, done: list[Redaction]) -> None:
    """Whether the page's ungrounded raster boxes show an unreadable label (WOO201 asks).

    Asked now, while the page's scan is decoded (ingest/decoded.py keeps few pages): asked
    only by the check, after every page was read, a 300 dpi single-image scan was decoded
    a second time (~0.2 s a page). A box settled later from the document's other labels
    has had one clip render too many.
    """
    if not page.is_image_page:
        return
    from .pixels import has_lettering

    for r in done:
        if r.kind == "raster" and r.bbox is not None and not r.grounds:
            has_lettering(page, r.bbox)


_DIGIT = re.compile(r"\d")


def ocr_grounds(doc: Document, cat: Catalogue) -> set[str]:
    """Valid codes printed on the image pages, read word by word from the OCR text layer.

    On a scanned or exported page the label is often all the OCR layer has of a box
    ("5.1.2¢" inside a grey rectangle), so these labels stand for boxes even where no box
    was located around them.
    """
    codes: set[str] = set()
    for page in doc.pages:
        if not page.is_image_page:
            continue
        for w in page.words:
            # A Woo or Wob code has digits, in any notation and after any OCR repair; the
            # words without one (most of a page) need no parse (VWS: 7 -> 1 ms a page).
            if not _DIGIT.search(w.text):
                continue
            codes.update(g.code for g in _parse.parse(w.text, cat) if g.valid and g.law in ("woo", "wob"))
    return codes


def document_grounds(doc: Document, redactions: list[Redaction], config: Optional[Config] = None) -> set[str]:
    """The set of valid codes a document applies: from its redactions and its image pages' labels.

    This is what an inventory list (*inventarislijst*) states per document in its
    `Beoordelingsgrond` column, so the two can be compared.
    """
    cat = load_catalogue(config)
    codes = {g.code for r in redactions for g in r.grounds if g.valid}
    return codes | ocr_grounds(doc, cat)
