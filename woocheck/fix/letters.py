"""Letters a redaction took along although they were not to go, written back.

pymupdf's redaction removes every character whose glyph box touches a redaction
rectangle: a letter beside a box whose edge only grazes it, the visible text under a
hidden run. Such letters are read before and after (the page's text trace) and each one
that went but is to stay is printed again at its own origin, size, colour and direction.
The font is the nearest base-14 face (Helvetica, Times or Courier, bold where the font's
name says so): the letter keeps its place but may change its shape a little.
"""
from __future__ import annotations

from typing import Callable

import pymupdf

_SAME = 0.3

# A line's writing direction (pymupdf's "dir", unrotated page space) -> insert_text's rotate.
_TURN = {(1, 0): 0, (0, -1): 90, (-1, 0): 180, (0, 1): 270}


def visible(page, invisible_too: bool = False) -> dict[tuple, tuple]:
    """The characters a reader sees (not invisible, transparent or tiny, on the page):
    (char, x, y of the origin) -> (font, size, colour, glyph box, direction, render
    mode). `invisible_too`: the invisible ones (an OCR layer) as well."""
    out: dict[tuple, tuple] = {}
    side = max(page.rect.width, page.rect.height)
    for span in page.get_texttrace():
        if (span.get("type") == 3 and not invisible_too) or span.get("opacity", 1) <= 0 or span.get("size", 0) < 1:
            continue
        for ch in span["chars"]:
            uni, _glyph, origin, bbox = ch[:4]
            if uni < 32 or bbox[2] <= 0 or bbox[3] <= 0 or bbox[0] >= side or bbox[1] >= side:
                continue
            key = (chr(uni), round(origin[0], 1), round(origin[1], 1))
            colour = tuple(span.get("color") or (0, 0, 0))
            out[key] = (span["font"], span["size"], colour[:3] if len(colour) >= 3 else (0, 0, 0), tuple(bbox),
                        span.get("dir", (1, 0)), 3 if span.get("type") == 3 else 0)
    return out


def base14(font: str) -> str:
    name = font.lower()
    bold = "bold" in name or "black" in name or "heavy" in name
    if "courier" in name or "mono" in name:
        return "cobo" if bold else "cour"
    if "times" in name or ("serif" in name and "sans" not in name) or "roman" in name:
        return "tibo" if bold else "tiro"
    return "hebo" if bold else "helv"


def centre_in(box, rect) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]


def write_back(page, before: dict, after: dict, goes: Callable[[tuple, tuple], bool]) -> int:
    """Print again every letter of `before` missing from `after` for which `goes(key,
    info)` is False; returns how many."""
    # A rewritten content stream can move a letter's origin by a rounding step: a letter
    # is still there when the same character starts within `_SAME` pt of it.
    placed: dict[str, list[tuple[float, float]]] = {}
    for char, x, y in after:
        placed.setdefault(char, []).append((x, y))
    n = 0
    for key, info in before.items():
        char, x, y = key
        if not char.strip() or goes(key, info):
            continue
        if any(abs(x - ax) <= _SAME and abs(y - ay) <= _SAME for ax, ay in placed.get(char, ())):
            continue
        font, size, colour, _box, direction, mode = info
        page.insert_text((x, y), char, fontname=base14(font), fontsize=size, color=colour, overlay=True,
                         rotate=_TURN.get((round(direction[0]), round(direction[1])), 0), render_mode=mode)
        n += 1
    return n


def write_back_labels(page, before: dict, labels) -> int:
    """Print each (text, bbox) of `labels` again as one word, in the render mode, origin
    and size of its first letter in `before`, stretched to the box's width (an OCR layer
    sets each word in its own width). Letter by letter, an OCR word in a base-14 font
    came back with other widths and split or ran into its neighbours."""
    n = 0
    for text, box in labels:
        first = [(key, info) for key, info in before.items() if key[0] == text[0] and centre_in(info[3], box)]
        if not first:
            continue
        key, info = min(first, key=lambda item: item[0][1])
        size, mode = info[1], info[5]
        natural = pymupdf.get_text_length(text, fontname="helv", fontsize=size)
        width = box[2] - key[1]
        if natural <= 0 or width <= 0:
            continue
        origin = pymupdf.Point(key[1], key[2])
        page.insert_text(origin, text, fontname="helv", fontsize=size, color=info[2], render_mode=mode, overlay=True,
                         morph=(origin, pymupdf.Matrix(width / natural, 1)))
        n += 1
    return n
