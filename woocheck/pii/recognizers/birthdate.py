"""A date of birth: a date that the text itself calls one (geboren, geboortedatum, geb.),
before it or as the header of its table column (woocheck.pii.columns)."""
from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from .base import PrefilteredRecognizer, found, word_starts

_MONTHS = r"(?:jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|\d{{1,2}}[ ]+{_MONTHS}[ ]+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
# The cue comes first; the match covers only the date (a lookbehind of variable length).
_CUE = r"(?<=\b(?:geboren|geboortedatum|geb\.|geb|d\.d\.\s*geboorte|geboortedag)(?:\s+(?:op|is|was))?\s*:?\s*)"


class BirthDateRecognizer(PrefilteredRecognizer):
    PATTERNS = [Pattern("date after a birth cue", rf"{_CUE}{_DATE}\b", 0.85)]
    NEEDS = re.compile(r"geb|d\.d\.", flags=re.IGNORECASE)  # every birth cue holds one

    def may_match(self, text: str) -> bool:
        # The words by str.find on the lowercased page (a regex scan was ~0.03 ms a page).
        starts = word_starts(text, ("geb", "d.d."), folds=True)
        return bool(starts) if starts is not None else super().may_match(text)
    CONTEXT = ["geboren", "geboortedatum", "geb"]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        seen = {(r.start, r.end) for r in results}
        if _has_birth_header(text):
            results += _in_birth_columns(text, self.name, seen)
        if "eboortedatum " in text:
            results += _after_labelled_cue(text, self.name, seen)
        return results

    def __init__(self) -> None:
        super().__init__(
            supported_entity="BIRTHDATE",
            name="DutchBirthDateRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )


# A column header that names dates of birth ("Geb.datum", "Geboortedatum", "geboren").
_BIRTH_WORDS = r"geb\.?[ ]?datum|geboortedatum|geboren|geb\."
_BIRTH_HEADER = re.compile(rf"(?im)(?:^|[|\t])[ \t]*(?:{_BIRTH_WORDS})[ \t]*(?:$|[|\t])")
_BIRTH_NAME = re.compile(rf"(?i){_BIRTH_WORDS}")
_DATE_RE = re.compile(_DATE)


# "Geboortedatum contactpersoon: 30-01-1976": the label names whose date it is (tried
# apart: a word inside the cue's lookbehind made the scan of every page slower).
_LABELLED_CUE = re.compile(rf"(?i)\bgeboortedatum[ ]+\p{{L}}+[ \t]*:[ \t]*({_DATE})\b")


def _after_labelled_cue(text: str, recognizer: str, seen: set) -> list:
    out = []
    for m in _LABELLED_CUE.finditer(text):
        if m.span(1) not in seen:
            out.append(found(recognizer, "BIRTHDATE", m.start(1), m.end(1), 0.85, "date after a labelled birth cue"))
    return out


def _has_birth_header(text: str) -> bool:
    """A line (or a cell) that is nothing but a birth-date header; only the lines that
    hold "geb" are looked at."""
    from ..scan import lowered

    low = lowered(text)
    i = low.find("geb")
    while i >= 0:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        if _BIRTH_HEADER.search(text, start, len(text) if end < 0 else end):
            return True
        i = low.find("geb", i + 3)
    return False


def _in_birth_columns(text: str, recognizer: str, seen: set) -> list:
    """Dates in a table column headed as dates of birth."""
    from ..columns import header_at

    out = []
    for m in _DATE_RE.finditer(text):
        if (m.start(), m.end()) in seen:
            continue
        header = header_at(text, m.start())
        if header and _BIRTH_NAME.fullmatch(header.strip(" :")):
            out.append(found(recognizer, "BIRTHDATE", m.start(), m.end(), 0.85, "date in a date-of-birth column"))
    return out
