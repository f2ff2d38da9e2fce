"""IBAN account numbers (any country, mod-97 checked with python-stdnum)."""
from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern
from stdnum import iban

from .base import PrefilteredRecognizer


class IbanRecognizer(PrefilteredRecognizer):
    PATTERNS = [
        # NL91 ABNA 0417 1643 00 and NL91ABNA0417164300
        Pattern("iban (NL)", r"\bNL\d{2}[ ]?[A-Z]{4}[ ]?\d{4}[ ]?\d{4}[ ]?\d{2}\b", 0.5),
        # DE89370400440532013000
        Pattern("iban (compact)", r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b", 0.5),
        # DE89 3704 0044 0532 0130 00: groups of four as printed
        Pattern("iban (grouped)", r"\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b", 0.5),
    ]
    NEEDS = re.compile(r"[A-Z]{2}\d{2}")  # country code and check digits, in all three
    CONTEXT = ["iban", "rekening", "rekeningnummer", "bankrekening", "rekeningnr", "bank"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="IBAN",
            name="IbanRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def validate_result(self, pattern_text: str):
        return iban.is_valid(pattern_text)
