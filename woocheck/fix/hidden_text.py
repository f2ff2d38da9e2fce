"""Remove hidden text (WOO304): invisible, transparent, tiny or background-coloured text
over different visible text or over nothing, and text outside the page.

pymupdf's redaction removes every character in a rectangle, visible or not, so the
visible characters it takes along with the hidden run are written back: read before and
after (the page's text trace), and each character that went but was visible is printed
again at its own origin, size and colour. The font is the nearest base-14 face (Helvetica,
Times or Courier, bold where the font's name says so), so inside the run's rectangle the
letters keep their place but may change their shape; outside it the page is untouched.
"""
from __future__ import annotations

import pymupdf

from ..locate.vector import LIGHT, luminance
from ..model import Finding


def _inside(char_box, run_box) -> bool:
    cx, cy = (char_box[0] + char_box[2]) / 2, (char_box[1] + char_box[3]) / 2
    return run_box[0] <= cx <= run_box[2] and run_box[1] <= cy <= run_box[3]


def _visible_chars(page) -> dict[tuple, tuple]:
    """The characters a reader sees: not invisible, transparent or tiny, and on the page."""
    out: dict[tuple, tuple] = {}
    side = max(page.rect.width, page.rect.height)
    for span in page.get_texttrace():
        if span.get("type") == 3 or span.get("opacity", 1) <= 0 or span.get("size", 0) < 1:
            continue
        for ch in span["chars"]:
            uni, _glyph, origin, bbox = ch[:4]
            key = (chr(uni), round(origin[0], 1), round(origin[1], 1))
            if uni < 32 or bbox[2] <= 0 or bbox[3] <= 0 or bbox[0] >= side or bbox[1] >= side:
                continue
            out[key] = (span["font"], span["size"], span.get("color") or (0, 0, 0), tuple(bbox))
    return out


def _base14(font: str) -> str:
    name = font.lower()
    bold = "bold" in name or "black" in name or "heavy" in name
    if "courier" in name or "mono" in name:
        return "cobo" if bold else "cour"
    if "times" in name or "serif" in name and "sans" not in name or "roman" in name:
        return "tibo" if bold else "tiro"
    return "hebo" if bold else "helv"


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
        before = _visible_chars(page)
        for f in found:
            page.add_redact_annot(pymupdf.Rect(f.bbox), fill=False, cross_out=False)
        page.apply_redactions(
            images=pymupdf.PDF_REDACT_IMAGE_NONE,
            graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
            text=pymupdf.PDF_REDACT_TEXT_REMOVE,
        )
        after = _visible_chars(page)
        # Text in its background's colour counts as visible in the text trace: in the run
        # of such a finding, light letters are the hidden ones and are not written back.
        same_colour = [f.bbox for f in found if f.message.startswith("text in the colour")]
        for (char, x, y), (font, size, colour, bbox) in before.items():
            if (char, x, y) in after or not char.strip():
                continue
            colour = tuple(colour)[:3] if len(tuple(colour)) >= 3 else (0, 0, 0)
            if luminance(colour) >= LIGHT and any(_inside(bbox, b) for b in same_colour):
                continue
            page.insert_text((x, y), char, fontname=_base14(font), fontsize=size, color=colour, overlay=True)
        done.extend(found)
    return done
