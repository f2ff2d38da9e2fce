"""Is a capitalised word an ordinary Dutch word? The OpenTaal word list decides.

Many things in a Woo document start with a capital and are no names: a word at the
start of a line or table cell, a heading, a division ("Uitkeren"), a legal term ("de
Regeling"), a closing ("Hoogachtend"). A hand list of such words never ends, so the
name recognizer asks a real lexicon instead: the OpenTaal list of Dutch word forms
(Debian/Ubuntu package `wdutch`, /usr/share/dict/dutch; BSD or CC-BY 3.0), with the
English list beside it (`wbritish`; tables quote course and product names in English). OpenTaal
keeps case: ordinary words are written in lower case, proper names (Jansen, Karin,
Amsterdam) with a capital. So "post" and "regeling" are ordinary words and "jansen" is
not, and a word is ordinary when its lowercased form is in the list as written.

Some surnames are ordinary words too (Post, Visser, Groen). The lexicon says only
"this is also an ordinary word": the scorer weighs that against the evidence for a
person (a title, initials, a listed first name), see `woocheck.pii.evidence`.

The lists are read once per process, on first use (in the parent before workers fork). Without the package, `available()` is False and the recognizer falls back
on deduce's short list of common words; `woocheck` says so once (see `missing_note`).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

# Where Debian/Ubuntu install the OpenTaal list (wdutch) and the English list (wbritish:
# Woo documents quote course names, products and job titles in English). Every file
# found is used. WOOCHECK_LEXICON (paths separated by os.pathsep) replaces them.
DEFAULT_PATHS = ("/usr/share/dict/dutch", "/usr/share/dict/british-english", "/usr/share/dict/american-english")
INSTALL_HINT = "install the word lists (Debian/Ubuntu: apt-get install wdutch wbritish)"


def _paths() -> list[Path]:
    env = os.environ.get("WOOCHECK_LEXICON")
    candidates = env.split(os.pathsep) if env else DEFAULT_PATHS
    return [Path(p) for p in candidates if p and Path(p).is_file()]


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """(Dutch words, words of the other lists), every entry as written: a lowercased
    query only meets the lower-case entries."""
    dutch: set[str] = set()
    other: set[str] = set()
    for path in _paths():
        words = path.read_text("utf-8", errors="replace").split("\n")
        (dutch if path.name in ("dutch", "nederlands") or "dutch" in path.name else other).update(words)
    dutch.discard("")
    other.discard("")
    return frozenset(dutch), frozenset(other)


def _words() -> frozenset[str]:
    return _lists()[0]


def available() -> bool:
    return bool(_lists()[0])


def is_foreign(word: str) -> bool:
    """True when `word` is an ordinary word of the English list ("Academy", "Nails")."""
    return word.lower() in _lists()[1]


def is_ordinary(word: str) -> bool:
    """True when `word` (any case) is an ordinary Dutch word form: in the list in lower
    case ("Regeling", "Hoogachtend", "Post"). Names, places and acronyms are not."""
    return word.lower() in _words()


# Dutch writes compounds as one word and makes new ones freely ("districtsmanager",
# "backofficemanager"), so no list holds them all: a compound of listed words, with
# the linking "s", "e" or "en" between them, is an ordinary word too.
_LINKS = ("", "s", "e", "en", "-")
MIN_PART = 4


@lru_cache(maxsize=16384)
def is_compound(word: str) -> bool:
    """True when `word` is two or three listed words run together ("Teamcoach",
    "Districtsmanager", "Beveiligingsovereenkomst"); each part at least 3 letters."""
    low = word.lower()
    dutch, other = _lists()
    # Parts from the English list too: "Controlcyclus", "Backofficemanager".
    return _splits(low, dutch | other if other else dutch, 2)


def _splits(low: str, words: frozenset[str], depth: int) -> bool:
    for i in range(len(low) - MIN_PART, MIN_PART - 1, -1):  # the longest head word last
        tail = low[i:]
        if tail not in words:
            continue
        head = low[:i]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[:len(head) - len(link)] if link else head
            if len(stem) < MIN_PART:
                continue
            if stem in words or (depth > 1 and _splits(stem, words, depth - 1)):
                return True
    return False


def missing_note() -> str | None:
    """One line for the report when the lexicon is missing, else None."""
    return None if available() else f"name detection is less precise without a Dutch lexicon: {INSTALL_HINT}"
