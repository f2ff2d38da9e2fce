"""WOO401 document metadata holds personal data

What it checks: the PDF's document properties: the Info dictionary (Author, Title,
Subject, Keywords, Creator, Producer and any custom key a word processor added) and the
XMP packet (dc:creator, dc:title, xmp:CreatorTool, pdf:Producer, ...). Each value goes
through the same personal-data detection as the page text. An Author (or dc:creator)
that has the shape of a person's name ("Jan de Vries", "J. de Vries", "Vries, Jan de")
counts as a name even when the detector does not know it; an organisation, tool or
placeholder account ("Ministerie van VWS", "Microsoft Word", "admin") does not. A
Creator/Producer that only names the software ("Adobe Acrobat Pro", "ZyLAB PDF export
module") is not a finding.

Why it matters: redaction tools black out the page but often keep the document
properties of the source file. The author of a memo is usually the civil servant whose
name was redacted on every page; File > Properties in any PDF reader shows it.

Example: a decision whose pages are redacted correctly, with Author "J. de Vries" in the
document properties -> WOO401 "a person's name in metadata Author".

Source: Wet open overheid art. 5.1 lid 2 sub e (privacy); AVG art. 5 lid 1 sub c (data
minimisation); ABRvS 31 January 2018, ECLI:NL:RVS:2018:314 (names of civil servants).
"""
from __future__ import annotations

from ..model import Severity
from ._hidden_common import findings_for, hidden_of

CODE = "WOO401"
SEVERITY = Severity.ERROR
SUMMARY = "document metadata holds personal data"


def check(doc, ctx):
    yield from findings_for(CODE, doc, ctx, hidden_of(doc, "metadata"), lambda item: f"in {item.place}")
