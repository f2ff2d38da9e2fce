"""Finding where a pattern can start by plain string search, before trying the regex.

Kept free of presidio and spaCy: the policy step uses it too.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional


def word_starts(text: str, lower: Iterable[str] = (), exact: Iterable[str] = (), folds: bool = False) -> Optional[list[int]]:
    """Sorted offsets where one of the `lower` words occurs in the lowercased text or one
    of the `exact` words in the text: the places where a pattern that starts with such a
    word can start (str.find instead of a regex scan of the whole text).

    None when that is not certain: when lowercasing moves offsets (a letter such as 'İ'
    whose lower case is two characters), or, for a case-insensitive pattern (`folds`),
    when the text holds 'ſ', which such a pattern takes for 's' but lower() keeps.
    """
    found: set[int] = set()
    if lower:
        low = lowered(text)
        if len(low) != len(text) or (folds and "\u017f" in text):
            return None
        for word in lower:
            i = low.find(word)
            while i >= 0:
                found.add(i)
                i = low.find(word, i + 1)
    for word in exact:
        i = text.find(word)
        while i >= 0:
            found.add(i)
            i = text.find(word, i + 1)
    return sorted(found)


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """text.lower(), shared by the recognizers that look for words in the same page (two
    pages kept: a hostile page may be megabytes)."""
    return text.lower()


def word_initial(text: str, positions: Optional[list[int]]) -> Optional[list[int]]:
    """The `positions` that start a word (no letter right before): for short cue words
    that are also pieces of longer ones ("oom" in "stroom", "hr" in "mhr")."""
    if positions is None:
        return None
    return [p for p in positions if p == 0 or not text[p - 1].isalpha()]
