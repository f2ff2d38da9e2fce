"""What an inventory row says about a document: one of four verdicts, however it is written.

Organisations write the verdict in their own words ("Deels openbaar", "Gedeeltelijk
openbaar gemaakt", "Weigeren", "Openbaar maken"), the Wob era had its own ("openbaar
gemaakt"), and inventories that went through OCR damage them ("0penbaar", "Deeis
openbaar"). Each word is first matched to the nearest keyword, then the keywords decide.
"""
from __future__ import annotations

import difflib
import re
from typing import Optional

PUBLIC = "openbaar"
PARTLY = "deels openbaar"
REFUSED = "niet openbaar"
ALREADY = "reeds openbaar"
OUT_OF_SCOPE = "buiten reikwijdte"  # not assessed: outside the request, duplicate, not relevant

VERDICTS = (PUBLIC, PARTLY, REFUSED, ALREADY, OUT_OF_SCOPE)

# word -> the role it plays; OCR'd words are matched to these by similarity
_KEYWORDS = {
    "openbaar": "public", "openbaarmaking": "public", "verstrekken": "public", "verstrekt": "public",
    "openbaargemaakt": "public", "openbaren": "public", "volledig": "whole", "geheel": "whole",
    "deels": "part", "gedeeltelijk": "part", "deel": "part", "partieel": "part",
    "niet": "not", "weigeren": "refuse", "geweigerd": "refuse", "weigering": "refuse",
    "reeds": "already", "eerder": "already", "al": "already",
    "buiten": "scope", "reikwijdte": "scope", "dubbel": "scope", "relevant": "scope", "verzoek": "scope",
}
_OCR = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s", "4": "a"})


def _roles(text: str) -> list[str]:
    roles = []
    for word in re.findall(r"[^\s/,;:()\-]+", text.lower()):
        word = word.strip(".'\"")
        if not word:
            continue
        if word in _KEYWORDS:
            roles.append(_KEYWORDS[word])
            continue
        if len(word) < 4:  # too short to guess from ("al" is matched exactly above)
            continue
        near = difflib.get_close_matches(word.translate(_OCR), [k for k in _KEYWORDS if len(k) >= 4], n=1, cutoff=0.75)
        if near:
            roles.append(_KEYWORDS[near[0]])
    return roles


def normalise(text: Optional[str]) -> Optional[str]:
    """One of VERDICTS, or None when the cell says nothing we can read as a verdict."""
    if text is None or not str(text).strip():
        return None
    roles = _roles(str(text))
    if "scope" in roles and "public" not in roles:
        return OUT_OF_SCOPE
    if "already" in roles:
        return ALREADY
    if "part" in roles:
        return PARTLY
    if "not" in roles or "refuse" in roles:
        return REFUSED
    if "public" in roles:
        return PUBLIC
    return None


def needs_file(verdict: Optional[str]) -> bool:
    """Whether the publication must hold the document (WOO504)."""
    return verdict in (PUBLIC, PARTLY)
