"""WOO403 annotation holds personal data

What it checks: every annotation on every page: comments (sticky notes), text boxes,
stamps, highlights, redaction marks and links. Its content, its author field (Acrobat's
"title") and its subject, and a link's address (mailto:, https://...) are run through
the personal-data detection; the author field also counts when it has the shape of a
person's name. The message names the place ("comment on page 4") but never the author.

Why it matters: reviewers write their notes into the PDF ("check met Sanne Dijkstra
(06-55501234)") and every note carries its author's name. Comments are hidden in a
closed pop-up or in the comment panel, so they survive a visual check of the pages.

Example: a sticky note on page 4 by "Piet Jansen" -> WOO403 "a person's name in the
author field of comment on page 4".

Source: Wet open overheid art. 5.1 lid 2 sub e; ISO 32000-1 section 12.5 (annotations).
"""
from __future__ import annotations

from ..model import Severity
from ._hidden_common import extra, findings_for, hidden_of

CODE = "WOO403"
SEVERITY = Severity.ERROR
SUMMARY = "annotation holds personal data"

_FIELD = {
    "content": "in {place}",
    "title": "in the author field of {place}",
    "subject": "in the subject of {place}",
    "uri": "in the address of {place}",
}


def _role(item) -> str:
    return "author" if extra(item, "field") == "title" else "text"


def _where(item) -> str:
    return _FIELD.get(extra(item, "field"), "in {place}").format(place=item.place)


def check(doc, ctx):
    yield from findings_for(CODE, doc, ctx, hidden_of(doc, "annotation"), _where, role=_role, also_on_pages=True)
