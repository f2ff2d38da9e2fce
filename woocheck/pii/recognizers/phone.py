"""Phone numbers: Dutch landline, mobile (06), +31 and 0031 forms, and other countries in
+ form; every match must be a valid number for phonenumbers."""
from __future__ import annotations

from functools import lru_cache

import phonenumbers
import regex as re
from presidio_analyzer import Pattern

from .base import PrefilteredRecognizer

_SEP = r"[ .\-/]?"  # one separator between digit groups, no tabs or line breaks (tables)
_NINE = rf"[1-9](?:{_SEP}\d){{8}}"  # the national significant number: 9 digits

PATTERNS = [
    # +31 6 12345678, +31 (0)70 123 4567, 0031-70-1234567
    Pattern("international", rf"(?<![\w+])(?:\+|00)31{_SEP}(?:\(0\){_SEP})?{_NINE}(?!\d)", 0.6),
    # +32 2 298 1234, +49 30 1234567: other countries, checked by phonenumbers as well
    Pattern("international (other)", rf"(?<![\w+])\+(?!31)[1-9]\d{{0,2}}(?:{_SEP}(?:\(\d{{1,5}}\)|\d{{1,5}})){{2,6}}(?!\d)", 0.5),
    # 06-12345678, 070 123 45 67, (070) 1234567, 0591-123456
    Pattern("national", rf"(?<![\w+/.,-])(?:\(0\d{{1,3}}\)[ \t]?|0){_SEP}[1-9](?:{_SEP}\d){{7,8}}(?![\d,.]\d)", 0.5),
]


_ZERO_SPACE = re.compile(r"0[ .]")
_THOUSANDS = re.compile(r"\d\.\d{3}\.\d")
_NOT_DIGIT_PLUS = re.compile(r"[^\d+]")


class PhoneRecognizer(PrefilteredRecognizer):
    PATTERNS = PATTERNS
    NEEDS = re.compile(r"\d")
    CONTEXT = ["tel", "telefoon", "telefoonnummer", "mobiel", "mob", "t", "m", "bel", "bellen", "gsm", "nummer"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE",
            name="DutchPhoneRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def validate_result(self, pattern_text: str):
        return _valid(pattern_text)


# A pure function of the matched text, and phonenumbers' parse is the costly part of the
# recognizer (0.2 of 0.28 ms a page on the synthetic batch): the same numbers recur in
# every mail of a thread.
@lru_cache(maxsize=4096)
def _valid(pattern_text: str) -> bool:
    if _ZERO_SPACE.match(pattern_text) or _THOUSANDS.search(pattern_text):
        return False  # "0 84.842": a zero and an amount with thousands separators
    digits = _NOT_DIGIT_PLUS.sub("", pattern_text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        number = phonenumbers.parse(digits, "NL")
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(number):
        return False
    # Service numbers (0800, 0900, 14 0xx) belong to organisations, not persons.
    kind = phonenumbers.number_type(number)
    if kind in (phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                phonenumbers.PhoneNumberType.SHARED_COST):
        return False
    return True
