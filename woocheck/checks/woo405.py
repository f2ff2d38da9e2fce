"""WOO405 bookmark holds personal data

What it checks: the titles of the document outline (the bookmarks panel), run through
the personal-data detection.

Why it matters: bookmarks are generated from headings or typed by hand and are not part
of the page, so redacting a heading ("Gesprek met Jan de Vries") leaves the bookmark
that was made from it. The outline opens beside the pages in every PDF reader.

Example: a bookmark "Gesprek met Jan de Vries" over a redacted heading -> WOO405 "a
person's name in bookmark 3 (level 1)".

Source: Wet open overheid art. 5.1 lid 2 sub e; ISO 32000-1 section 12.3.3 (document
outline).
"""
from __future__ import annotations

from ..model import Severity
from ._hidden_common import findings_for, hidden_of

CODE = "WOO405"
SEVERITY = Severity.ERROR
SUMMARY = "bookmark holds personal data"


def check(doc, ctx):
    yield from findings_for(CODE, doc, ctx, hidden_of(doc, "bookmark"), lambda item: f"in {item.place}")
