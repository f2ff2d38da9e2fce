"""WOO407 alt text or ActualText holds personal data

What it checks: the /Alt (alternative description) and /ActualText (replacement text)
entries anywhere in the PDF's object tree, mostly on the structure elements of a tagged
PDF, run through the personal-data detection.

Why it matters: accessible PDFs describe every figure and may give a text equivalent for
any content. A screen reader reads them aloud and text extraction returns them, but they
are invisible on the page: a redacted photo of a person can keep "Foto van Jan de Vries"
as its description, and a signature image its signer's name.

Example: a figure tagged with alt text "Handtekening J. de Vries" -> WOO407 "a person's
name in alt text on page 2 (object 41)".

Source: Wet open overheid art. 5.1 lid 2 sub e; ISO 32000-1 sections 14.9.3 (alternate
descriptions) and 14.9.4 (replacement text).
"""
from __future__ import annotations

from ..model import Severity
from ._hidden_common import findings_for, hidden_of

CODE = "WOO407"
SEVERITY = Severity.ERROR
SUMMARY = "alt text or ActualText holds personal data"


def check(doc, ctx):
    yield from findings_for(CODE, doc, ctx, hidden_of(doc, "alt-text"), lambda item: f"in {item.place}")
