"""Mask personal data for machine output and logs: `J. de V****`, `j.d*****@minvws.nl`.

Enough stays to let a reviewer find the spot; not enough to identify the person.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

# Kinds whose text is not personal data (a marker, a ground label): shown as is.
UNMASKED_KINDS = {"REDACTION", "GROUND", "MARKER", "FILE"}

_INTERFIX = {"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "v.", "d."}


def _word(w: str) -> str:
    if len(w) <= 2 or w.lower() in _INTERFIX or re.fullmatch(r"(?:[A-Z]\.)+", w):
        return w
    return w[0] + "*" * (len(w) - 1)


@lru_cache(maxsize=1 << 14)  # a batch names the same people on page after page
def mask(text: str, kind: str = "") -> str:
    if not text or kind in UNMASKED_KINDS:
        return text
    if "@" in text and kind in ("", "EMAIL"):
        local, _, domain = text.partition("@")
        keep = min(3, max(1, len(local) // 3))
        return local[:keep] + "*" * (len(local) - keep) + "@" + domain
    if kind in ("PHONE", "BSN", "IBAN") or re.fullmatch(r"[\d\s.+()-]+", text):
        digits = [i for i, c in enumerate(text) if c.isalnum()]
        keep = set(digits[-2:]) | set(digits[:2] if kind == "IBAN" else [])
        return "".join(c if (i in keep or not c.isalnum()) else "*" for i, c in enumerate(text))
    return re.sub(r"\S+", lambda m: _word(m.group()), text)


def mask_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each span (start, end, kind) of personal data in it masked as `mask`
    masks that span's text alone.

    For a context window: mask the whole text first, then cut the window from the result,
    so an item the window cuts in half is still masked. Masking the cut window with the
    items' texts misses the piece, which no longer matches ("…dbergen (JenV)"). `mask`
    keeps the length and only ever turns characters into '*', so overlapping spans add up
    and offsets into `text` stay valid for the result."""
    spans = sorted((s, e, k) for s, e, k in spans if e > s and k not in UNMASKED_KINDS)
    if not spans:
        return text
    out: list[str] = []
    done = 0  # text[:done] is in `out`
    i = 0
    while i < len(spans):
        start, end = spans[i][0], spans[i][1]
        group = [spans[i]]
        i += 1
        while i < len(spans) and spans[i][0] < end:  # overlapping spans are masked together
            group.append(spans[i])
            end = max(end, spans[i][1])
            i += 1
        chars = list(text[start:end])
        for s, e, kind in group:
            piece = text[s:e]
            masked = mask(piece, kind)
            if len(masked) != len(piece):  # never so today; if it were, hide the whole span
                masked = re.sub(r"\S", "*", piece)
            for j, c in enumerate(masked, s - start):
                if c == "*" and not chars[j].isspace():
                    chars[j] = "*"
        out += [text[done:start], "".join(chars)]
        done = end
    out.append(text[done:])
    return "".join(out)
