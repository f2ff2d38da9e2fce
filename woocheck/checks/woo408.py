"""WOO408 file name holds personal data

What it checks: the name of the file itself, with "_", "-", "." and "+" read as spaces,
run through the personal-data detection. Checked for PDFs and for text files alike.

Why it matters: documents are exported under their original names ("Gesprek Jan de
Vries.docx.pdf", "RE_vraag_van_karin.smit@example.nl.pdf") and published under them. The
file name appears in the download link, the inventory list and the browser tab.

Example: "Verslag_gesprek_Jan_de_Vries.pdf" -> WOO408 "a person's name in the file
name"; rename the file to its document number before publication.

Source: Wet open overheid art. 5.1 lid 2 sub e; AVG art. 5 lid 1 sub c (data
minimisation).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Finding, Severity
from ._hidden_common import ENTITY_LABEL, PageText, hidden_of, personal_hits, readable_name, severity_of

CODE = "WOO408"
SEVERITY = Severity.ERROR
SUMMARY = "file name holds personal data"


def check(doc, ctx):
    names = [h.text for h in hidden_of(doc, "filename")] or [Path(doc.path).name]
    seen = set()
    pages = PageText(doc)
    for name in names:
        for hit in personal_hits(readable_name(name), ctx):
            original = name[hit.start:hit.end] or hit.text
            if (hit.entity, original) in seen or pages.shows(hit.text):
                continue
            seen.add((hit.entity, original))
            yield Finding(
                code=CODE,
                severity=severity_of(hit),
                message=f"{ENTITY_LABEL.get(hit.entity, 'personal data')} in the file name",
                path=doc.path,
                text=original,
                kind=hit.entity,
            )
