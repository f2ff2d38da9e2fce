"""A private address: street and house number together with a Dutch postcode.

A postcode on its own, or a street without postcode, identifies no one; the three
together do. Whether the address is an organisation's office (a letterhead with a
Postbus) is decided by the policy step, not here.
"""
from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from .base import PrefilteredRecognizer

# Street: one to four words, the first capitalised ("Turfmarkt", "Van Alkemadelaan",
# "Laan van Nieuw Oost-Indië"), then a house number with an optional addition.
_STREET = r"\p{Lu}[\p{L}'’.-]+(?:[ ]+(?:van|de|der|den|het|'t|aan|op|in|bij|la|te|ter|ten|\p{Lu}[\p{L}'’.-]*)){0,3}"
_NUMBER = r"\d{1,5}(?:[ ]?[-/]?[ ]?(?:[a-zA-Z]{1,2}|\d{1,4})\b)?"
# Postcode 1000-9999 plus two letters; SA, SD and SS are never issued.
_POSTCODE = r"[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}"
_CITY = r"(?:[ ]+\p{Lu}[\p{L}'’-]+(?:[ ]+\p{Lu}[\p{L}'’-]+)?)?"


class AddressRecognizer(PrefilteredRecognizer):
    PATTERNS = [
        # "Kerkstraat 12a, 1234 AB Utrecht", or over two lines
        Pattern("street, number and postcode", rf"\b{_STREET}[ ]+{_NUMBER}[ \t]*(?:,[ \t]*|\n[ \t]*|[ \t]+){_POSTCODE}\b{_CITY}", 0.7),
    ]
    NEEDS = re.compile(r"[1-9]\d{3}[ ]?[A-Z]{2}")  # the postcode
    CONTEXT = ["adres", "woonadres", "woonachtig", "wonende", "huisadres", "postadres", "woont"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ADDRESS",
            name="DutchAddressRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def invalidate_result(self, pattern_text: str):
        # "Postbus 20011 2500 EH" is a PO box of an organisation, not where someone lives.
        return pattern_text.lower().startswith(("postbus", "antwoordnummer"))
