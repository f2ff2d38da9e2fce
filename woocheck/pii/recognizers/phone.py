"""Phone numbers: every Dutch notation (landline, mobile, 085/088, +31, 0031, "(0)",
the area code in brackets, spaces around a dash, ten digits without separators) and
other countries in + form.

A candidate is a run of digits with the separators people write between groups; it is
a phone number only when phonenumbers says it is a valid number AND the way it is
written fits one: the first group is the area code (or 06 for a mobile), not a date
("05-11-2021 23") or a code ("0133.0011.00", area code 013 but written as 0133). Then
the text around it is asked: a number inside a longer run of numbers (a table row), after
an ID label ("zaaknummer", "kenmerk"), or ten bare digits among other bare digit IDs is
an identifier, not a phone. Service numbers (0800, 0900, 0906/0909) belong to
organisations and are dropped. Whose number it is (an office's or a person's) is decided
by woocheck.pii.contact.
"""
from __future__ import annotations

from functools import lru_cache

import phonenumbers
import regex as re
from presidio_analyzer import Pattern

from .base import PrefilteredRecognizer

# One separator between digit groups: a space, a dash, dot or slash with or without
# spaces around it ("020 - 123 45 67"). No tabs or line breaks (table cells).
_SEP = r"(?:[ ]?[-./][ ]?|[ ])"
_D = rf"(?:{_SEP}?\d)"

PATTERNS = [
    # +31 6 12345678, +31 (0)70 123 4567, 0031-70-1234567
    Pattern("international", rf"(?<![\w+])(?:\+|00)31{_SEP}?(?:\(0\){_SEP}?)?[1-9]{_D}{{8}}(?!\d|[.,/-]\d)", 0.6),
    # +32 2 298 1234, +49 30 1234567: other countries, checked by phonenumbers as well
    Pattern("international (other)", rf"(?<![\w+])(?:\+|00)(?!31)[1-9]\d{{0,2}}(?:[ .\-/]?(?:\(\d{{1,5}}\)|\d{{1,5}})){{2,6}}(?!\d)", 0.5),
    # 06-12345678, 070 123 45 67, 0591-123456, 0201234567, 020 - 123 45 67
    Pattern("national", rf"(?<![\w+/.,-])0[1-9]{_D}{{8}}(?!\d|[.,/-]\d)", 0.5),
    # (020) 123 45 67, (0570) 61 23 45: ten digits in all, the area code in brackets
    Pattern("national (area code in brackets)",
            rf"(?<![\w+/.,-])(?:\(0[1-9]\d\)[ ]?[1-9]{_D}{{6}}|\(0[1-9]\d\d\)[ ]?[1-9]{_D}{{5}}|\(06\)[ ]?[1-9]{_D}{{7}})(?!\d|[.,/-]\d)", 0.5),
]

_NOT_DIGIT_PLUS = re.compile(r"[^\d+]")
_DATE = re.compile(r"(?<!\d)\d{1,2}([-./])\d{1,2}\1(?:19|20)?\d\d(?!\d)")
_THOUSANDS = re.compile(r"\d\.\d{3}\.\d")
_ZERO_SPACE = re.compile(r"^0[ .]")  # "0 84.842": a zero and an amount
# The written groups: the country part and "(0)" stripped, brackets read as a separator.
_COUNTRY = re.compile(r"^(?:\+|00)31[ .\-/]*(?:\(0\)[ .\-/]*)?")
_GROUP = re.compile(r"\d+")

# Labels of identifiers: a compound ending in -nummer/-nr that is no phone word
# ("zaaknummer", "klantnr", "BSN-nummer"), kenmerk, referentie, dossier.
_ID_LABEL = re.compile(
    r"(?i)(?:\b(?P<word>[\p{L}-]+)(?:nummer|nr)|\b(?:kenmerk|referentie|ref|dossier|zaak|factuur|code|id))\.?[ \t]*[:#]?[ \t]*$"
)
_PHONE_WORD = re.compile(r"(?i)(?:tel|telefoon|mobiel|mob|gsm|fax|faxnummer|bel|contact|nood|storing|service|informatie|alarm|sms|whatsapp|piket|direct|door|kies|hoofd|algemeen|centrale)[\p{L}-]*$")
_RUN_BEFORE = re.compile(r"\d[ ]$")  # a number, one space, then the hit: a table row
_RUN_AFTER = re.compile(r"^[ ]\d")
# "tel 0384217730", "zijn nummer 0612345678": labelled as a number to call.
_PHONE_LABEL_BEFORE = re.compile(
    r"(?i)(?<![\p{L}])(?:tel|telefoon|telefoonnummer|mobiel|mob|gsm|nummer|bel|bellen|bereikbaar[ ]op)[.:]?[ \t]*$"
)
# The tail of a phone number written with its country or area code ("+31 6 28840571"):
# no identifier beside the hit.
_PREFIX_BEFORE = re.compile(r"(?:\+|00)\d{1,3}[ ]?(?:\(0\)[ ]?)?\d{0,3}[ -]?$")
_BARE_DIGITS = re.compile(r"(?<![\d.,/-])\d{7,}(?![\d.,/-]\d)")


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

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not identifier_at(text, r.start, r.end)]


def identifier_at(text: str, start: int, end: int) -> bool:
    """True when the phone-shaped number at [start, end) is an identifier by its place:
    inside a longer run of numbers on its line, right after an ID label, or ten bare
    digits among other bare digit runs that are no phone numbers."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    if _RUN_BEFORE.search(before) or _RUN_AFTER.match(text, end, line_end):
        return True
    label = _ID_LABEL.search(before[-40:])
    if label and not (label.group("word") and _PHONE_WORD.search(label.group("word"))):
        return True
    hit = text[start:end]
    if hit.isdigit() and not _PHONE_LABEL_BEFORE.search(before[-25:]):
        # Ten digits without separators: a phone only when no other bare digit run
        # (7+ digits, itself no valid phone) stands in the lines around it.
        lo = text.rfind("\n", 0, max(0, line_start - 1))
        lo = text.rfind("\n", 0, max(0, lo)) + 1 if lo > 0 else 0
        hi = line_end
        for _ in range(2):
            nxt = text.find("\n", hi + 1)
            hi = len(text) if nxt < 0 else nxt
        for m in _BARE_DIGITS.finditer(text, lo, hi):
            if m.start() != start and not _valid(m.group()) \
                    and not _PREFIX_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                return True
    return False


def _groups_fit(pattern_text: str, number) -> bool:
    """The written grouping fits a phone number: with separators, the first group is
    the area code ("070 123 45 67", "(0570) 61 23 45", "+31 70 ..."); a mobile may be
    grouped freely after 06 ("0612 34 56 78")."""
    rest = _COUNTRY.sub("", pattern_text)
    groups = _GROUP.findall(rest)
    if len(groups) <= 1:
        return True
    first = groups[0].lstrip("0") if not pattern_text.startswith(("+", "00")) else groups[0]
    if not first:  # "0 ..." : a lone zero
        return False
    ndc = phonenumbers.length_of_national_destination_code(number)
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
        return first.startswith("6") and len(first) <= 4
    return len(first) == ndc


# A pure function of the matched text, and phonenumbers' parse is the costly part of the
# recognizer (0.2 of 0.28 ms a page on the synthetic batch): the same numbers recur in
# every mail of a thread.
@lru_cache(maxsize=4096)
def _valid(pattern_text: str) -> bool:
    if _ZERO_SPACE.match(pattern_text) or _THOUSANDS.search(pattern_text) or _DATE.search(pattern_text):
        return False  # "0 84.842", "1.234.567", "05-11-2021 23"
    number = _parse(pattern_text)
    if number is None or not phonenumbers.is_valid_number(number):
        return False
    # Service numbers (0800, 0900, 14 0xx) belong to organisations, not persons.
    kind = phonenumbers.number_type(number)
    if kind in (phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                phonenumbers.PhoneNumberType.SHARED_COST):
        return False
    if number.country_code == 31 and not _groups_fit(pattern_text, number):
        return False
    return True


def is_mobile(pattern_text: str) -> bool:
    """A Dutch or foreign mobile number (phonenumbers' type), as written."""
    number = _parse(pattern_text)
    return number is not None and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_OR_MOBILE)


def _parse(pattern_text: str):
    """The number as phonenumbers reads it (Dutch unless it says otherwise), or None."""
    digits = _NOT_DIGIT_PLUS.sub("", pattern_text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        return phonenumbers.parse(digits, "NL")
    except phonenumbers.NumberParseException:
        return None
