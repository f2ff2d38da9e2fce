"""Read the decision letter (besluit): its date and every ground it cites.

A letter cites grounds in prose ("artikel 5.1, tweede lid, aanhef en onder e, van de
Woo") as well as in codes; the grounds parser reads both. An article named as a whole
("artikel 5.1 van de Woo", "artikel 5.1, tweede lid") is no citation of a ground and is
left out, so only a specific ground that does not exist counts as a wrong one (WOO505).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..config import Config
from ..grounds.catalogue import Catalogue
from ..grounds.dates import document_date
from ..grounds.parse import parse_with_pos
from ..model import Ground

HEADING = re.compile(r"besluit\s+op\s+uw\s+(?:woo|wob)[\s-]*verzoek", re.IGNORECASE)
# Articles or paragraphs named as a whole in prose ("artikel 5.1", "5.1, tweede lid",
# "artikel 10 van de Wob"): no ground is cited, so none can be wrong.
_WHOLE_ARTICLE = re.compile(r"^(?:5\.\d+|5\.1\.\d|10\.\d+|11\.\d)$")


class LetterError(Exception):
    pass


@dataclass(frozen=True)
class Citation:
    ground: Ground
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Letter:
    path: str
    date: Optional[date]
    date_source: str
    citations: tuple[Citation, ...]

    @property
    def cited(self) -> set[str]:
        return {c.ground.code for c in self.citations if c.ground.valid}


def is_letter_text(first_page: str) -> bool:
    """Whether a document's first page carries the heading of a decision letter."""
    return bool(HEADING.search(first_page[:3000]))


def read_letter(path: str, cat: Catalogue) -> Letter:
    from ..ingest import IngestError, open_document

    try:
        with open_document(path) as doc:
            when, source = document_date(doc, Config())
            citations: list[Citation] = []
            for page in doc.pages:
                for pos, g in parse_with_pos(page.text, cat):
                    if g.law == "marker" or (not g.valid and _WHOLE_ARTICLE.match(g.code)):
                        continue
                    citations.append(Citation(g, page.number, pos, pos + len(g.raw)))
    except IngestError as exc:
        raise LetterError(str(exc)) from None
    except OSError as exc:
        from ..errors import unreadable

        raise LetterError(unreadable(exc)) from None
    return Letter(path=str(path), date=when, date_source=source.replace("page 1", "page 1 of the letter"),
                  citations=tuple(citations))
