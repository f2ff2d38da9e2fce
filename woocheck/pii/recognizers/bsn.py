"""BSN (burgerservicenummer): nine digits, plain or grouped with dots or spaces, 11-proof.

A nine-digit number that fails the 11-proof is not a BSN. One that passes without any
BSN wording nearby keeps a low score (about one in eleven random numbers passes), which
makes it a weak finding; presidio's context step raises it when "BSN" is near.

Nine digits glued to letters (a hash, "ab123456789cd") or space-grouped digits inside a
row of other numbers ("305 1285 339 226 171 681", a table of counts) are no BSN. Which
passing numbers are identifiers by the company they keep (a page of 9-digit numbers of
which no more pass the 11-proof than chance gives) is decided per page by `chance_level`,
applied in woocheck.pii.contact.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re
from presidio_analyzer import Pattern
from stdnum.nl import bsn

from .base import PrefilteredRecognizer

_NOT_DIGIT = re.compile(r"\D")
_PLAIN = r"(?<![\w.,/-])\d{9}(?![\w/-]|[.,]\d)"
# "1112.22.333", "111.222.333", "111 222 333"; a space-grouped one not inside a row of
# numbers (a digit and a space before it or a space and a digit after it).
_GROUPED = r"(?<![\w.,/-])(?<!\d[ ])(?:\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3})(?![\w/-]|[.,]\d|[ ]\d)"
# Words that make a nine-digit number a BSN whatever the page around it.
WORDING = re.compile(r"(?i)\b(?:bsn|burger\s*service\s*n(?:umme)?r|burgerservicenummers?|sofi[\s-]*(?:nummer|nr)?|persoonsnummer)")


class BsnRecognizer(PrefilteredRecognizer):
    PATTERNS = [
        Pattern("bsn (plain)", _PLAIN, 0.4),
        Pattern("bsn (grouped)", _GROUPED, 0.4),
    ]
    # The patterns without their look-arounds: most pages hold digits but no nine in a row,
    # and this search costs a quarter of the two pattern scans (0.021 vs 0.075 ms a page).
    NEEDS = re.compile(r"\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3}")
    CONTEXT = ["bsn", "burgerservicenummer", "burgerservicenr", "sofinummer", "sofi", "persoonsnummer"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="BSN",
            name="DutchBsnRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def validate_result(self, pattern_text: str):
        # None keeps the pattern score (context decides strength); False drops the match.
        return None if bsn.is_valid(_NOT_DIGIT.sub("", pattern_text)) else False


_CANDIDATES = re.compile(rf"{_PLAIN}|{_GROUPED}", flags=re.MULTILINE)


@dataclass(frozen=True)
class NineDigits:
    """The nine-digit numbers of a page: how many, and how many pass the 11-proof."""
    total: int
    passing: int

    @property
    def at_chance(self) -> bool:
        """Several nine-digit numbers of which most fail the 11-proof: the page lists
        identifiers, and the few that pass do so by chance (1 in 11 does)."""
        return self.total >= 3 and 2 * self.passing < self.total


@lru_cache(maxsize=16)
def chance_level(text: str) -> NineDigits:
    if not BsnRecognizer.NEEDS.search(text):
        return NineDigits(0, 0)
    total = passing = 0
    for m in _CANDIDATES.finditer(text):
        total += 1
        passing += bsn.is_valid(_NOT_DIGIT.sub("", m.group()))
    return NineDigits(total, passing)


def wording_near(text: str, start: int, end: int, before: int = 80, after: int = 30) -> bool:
    """BSN wording shortly before the number (same sentence or table header line) or
    right after it ("123456782 (BSN)")."""
    return bool(WORDING.search(text, max(0, start - before), start) or WORDING.search(text, end, end + after))
