"""Redactions written into the text itself: `[REDACTED]`, `[gelakt]`, `█████`, `XXXX`,
`____`, and the gaps an attendee list keeps where names were taken out ("(JenV), (JenV)").

These are how redactions survive in text exports and in the text layer of PDFs; the
seeds in shared/seeds show all of them.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import BBox, Page, Redaction

# Bracketed markers: the word inside may itself be a ground ("[5.1.2e]").
# Anonymised texts also write the kind of data that was taken out: "[naam]".
_WORDS = r"(?i:redacted|gelakt|weggelakt|zwartgelakt|geanonimiseerd|verwijderd|naam|persoonsnaam|persoonsgegevens)"
# Grounds are articles 5.x of the Woo or 10.x/11.x of the old Wob; "[1.2]" is a reference.
_GROUND = r"(?:5|10|11)(?:\.\d{1,2}){1,3}\s?[a-z]?|(?:5|10|11)\.\d{1,2}\s*lid\s*\d\s*(?:sub\s*)?[a-z]?"
_BRACKETED = rf"\[(?:{_WORDS}|(?:{_GROUND})(?:\s*[,;]\s*(?:{_GROUND}))*)\]"
_BLOCK_CHARS = "█■▇▆▬▓▮"
_BLOCKS = rf"[{_BLOCK_CHARS}]{{2,}}"
# XXXX or xxxx standing alone (or in a masked number: "NL91XXXX0417"), not inside a word.
_XXX = r"(?<![A-Za-z])(?:X{4,}|x{4,})(?![A-Za-z])"
_UNDERSCORES = r"(?<!_)_{4,}(?!_)"
MARKER = re.compile("|".join((_BRACKETED, _BLOCKS, _XXX, _UNDERSCORES)))
# Every MARKER match holds one of these. Looking for them (str.find, ~4 µs a page) spares
# the alternation's scan of the whole text (~190 µs a page) on pages without a marker.
_MARKER_HINTS = ("[", "XXXX", "xxxx", "____", *_BLOCK_CHARS)


def _markers_in(text: str):
    return MARKER.finditer(text) if any(h in text for h in _MARKER_HINTS) else ()

# "(JenV)" standing where a name should be. Organisation tags start with a capital and
# are short ("(JenV)", "(CdK 's)", "(Aedes)"); a lower-case "(arrangement)" or
# "(digitaal)" is ordinary prose.
_TAG = re.compile(r"\([A-ZÀ-Ý][A-Za-zÀ-ÿ'’ .&-]{1,19}\)")
_ATTENDEES = re.compile(r"\b(Aanwezig|Afwezig|Aanwezigen|Deelnemers|Verhinderd|Afgemeld)\b", re.IGNORECASE)
# An attendee list without its heading (it may sit on the previous page) still shows as a
# run of "(ORG)," tags: this many within LIST_WINDOW characters either side make a list.
LIST_MIN_TAGS = 3
LIST_WINDOW = 400
_TAG_COMMA = re.compile(_TAG.pattern + r"\s*,")


def _bbox(page: Page, start: int, end: int) -> Optional[BBox]:
    boxes = [w.bbox for w in page.words if w.bbox and w.start < end and w.end > start]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _in_attendee_list(text: str, pos: int) -> bool:
    """True when `pos` lies in a list of attendees: after a heading, or among many tags."""
    window = text[max(0, pos - 1500) : pos]
    m = None
    for m in _ATTENDEES.finditer(window):
        pass
    # The list ends at a blank line followed by a numbered agenda heading.
    if m is not None and not re.search(r"\n\s*\n\s*(#|\d+\.)", window[m.end() :]):
        return True
    around = text[max(0, pos - LIST_WINDOW) : pos + LIST_WINDOW]
    return len(_TAG_COMMA.findall(around)) >= LIST_MIN_TAGS


def _name_missing(text: str, pos: int) -> bool:
    """The tag follows a comma or the list heading, not a name: the name was taken out."""
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] == ",":
        return True
    return bool(re.search(r"(?:^|\s)(?:" + _ATTENDEES.pattern + r")[:\s]*$", text[max(0, j - 20) : j + 1], re.IGNORECASE))


def _marker(page: Page, path: str, m: re.Match, detail: str, empty: bool = False) -> Redaction:
    return Redaction(
        path=path,
        page=page.number,
        bbox=_bbox(page, m.start(), m.end()),
        kind="text-marker",
        start=m.start(),
        end=m.start() if empty else m.end(),
        detail=detail,
    )


def find(page: Page, path: str) -> list[Redaction]:
    out = [_marker(page, path, m, f"text marker {m.group()[:12]!r}") for m in _markers_in(page.text)]
    for m in _TAG.finditer(page.text):
        if _name_missing(page.text, m.start()) and _in_attendee_list(page.text, m.start()):
            # The name stood before the tag: an empty span where it was.
            out.append(_marker(page, path, m, f"name missing before {m.group()} in attendee list", empty=True))
    return out


# "[J]": a letter code standing for a redacted passage, explained by the document's legend.
# Brackets around one or two capitals are also footnote or list labels, so these count as
# redactions only in a document that has a legend (see locate()).
_LETTER = re.compile(r"\[([A-Z]{1,2})\]")


def find_letters(page: Page, path: str) -> list[Redaction]:
    return [_marker(page, path, m, f"letter code {m.group()}") for m in _LETTER.finditer(page.text)]
