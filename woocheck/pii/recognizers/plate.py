"""Dutch licence plates in the 14 side codes (sidecodes) of the RDW, written with dashes.

Plates since 1951 use consonants only (no vowels, C or Q in the modern series), which
keeps words and reference numbers out. Without dashes a plate is indistinguishable from
a code, so only the dashed forms are recognised; "kenteken" nearby raises the score.
"""
from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from .base import PrefilteredRecognizer

L = "[BDFGHJKLMNPRSTVXZ]"  # letters used on Dutch plates
_LETTERS = frozenset("BDFGHJKLMNPRSTVXZ")
_DIGIT = re.compile(r"\d")  # the regex module's digits (a newer Unicode than str.isdecimal)
D = r"\d"

# (side code, layout) with X a letter and 9 a digit, as the RDW numbers them.
SIDECODES = (
    (1, "XX-99-99"), (2, "99-99-XX"), (3, "99-XX-99"), (4, "XX-99-XX"), (5, "XX-XX-99"),
    (6, "99-XX-XX"), (7, "99-XXX-9"), (8, "9-XXX-99"), (9, "XX-999-X"), (10, "X-999-XX"),
    (11, "XXX-99-X"), (12, "X-99-XXX"), (13, "9-XX-999"), (14, "999-XX-9"),
)


def _regex(layout: str) -> str:
    body = "".join(L if c == "X" else D if c == "9" else "-" for c in layout)
    return rf"(?<![\w-]){body}(?![\w-])"


class PlateRecognizer(PrefilteredRecognizer):
    PATTERNS = [Pattern(f"sidecode {n}", _regex(layout), 0.45) for n, layout in SIDECODES]
    # In every side code a letter group and a digit group meet at a dash.
    NEEDS = re.compile(r"[BDFGHJKLMNPRSTVXZ]-\d|\d-[BDFGHJKLMNPRSTVXZ]")

    def may_match(self, text: str) -> bool:
        # NEEDS, checked at the dashes only (a regex scan of the page was ~0.03 ms).
        i = text.find("-", 1)
        while 0 < i < len(text) - 1:
            before, after = text[i - 1], text[i + 1]
            if (before in _LETTERS and _DIGIT.match(after)) or (after in _LETTERS and _DIGIT.match(before)):
                return True
            i = text.find("-", i + 1)
        return False
    CONTEXT = ["kenteken", "kentekenplaat", "auto", "voertuig", "rdw", "wagen", "bus", "bestelbus", "scooter", "motor"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PLATE",
            name="DutchPlateRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,  # case-sensitive: plates are upper case
        )
