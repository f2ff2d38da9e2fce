"""Remove hidden text (WOO304): invisible, transparent, tiny or background-coloured text
over different visible text or over nothing, and text outside the page.

pymupdf's redaction removes every character in a rectangle, visible or not, so the
visible characters it takes along with the hidden run are written back (`letters`): inside
the run's rectangle the letters keep their place but may change their shape; outside it
the page is untouched.
"""
from __future__ import annotations

import pymupdf

from ..locate.vector import LIGHT, luminance
from ..model import Finding
from . import letters


def remove(fz, findings: list[Finding]) -> list[Finding]:
    """Remove the hidden runs of the WOO304 findings (all but text in its background's
    colour); returns the findings acted on."""
    done: list[Finding] = []
    by_page: dict[int, list[Finding]] = {}
    for f in findings:
        if f.code == "WOO304" and f.bbox and f.page:
            by_page.setdefault(f.page, []).append(f)
    for number, found in by_page.items():
        page = fz[number - 1]
        before = letters.visible(page)
        for f in found:
            page.add_redact_annot(pymupdf.Rect(f.bbox), fill=False, cross_out=False)
        page.apply_redactions(
            images=pymupdf.PDF_REDACT_IMAGE_NONE,
            graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
            text=pymupdf.PDF_REDACT_TEXT_REMOVE,
        )
        # Text in its background's colour counts as visible in the text trace: in the run
        # of such a finding, light letters are the hidden ones and are not written back.
        same_colour = [f.bbox for f in found if f.message.startswith("text in the colour")]

        def hidden(key, info) -> bool:
            return luminance(info[2]) >= LIGHT and any(letters.centre_in(info[3], b) for b in same_colour)

        letters.write_back(page, before, letters.visible(page), hidden)
        done.extend(found)
    return done
