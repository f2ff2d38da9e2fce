"""E-mail addresses, including ones whose local part is already redacted.

Our own pattern: presidio's EmailRecognizer validates the top-level domain with
tldextract, which tries to fetch the suffix list over the network.
"""
from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

# Domain: labels of letters/digits/hyphens and a TLD of 2+ letters. OCR reads "nl" as
# "ni" or "n|"; the policy does not care about the domain, so we only need its end.
_DOMAIN = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b"
_LOCAL = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
# A local part replaced by a marker: "[REDACTED]@minjenv.nl", "█████@x.nl", "xxx@x.nl".
_REDACTED = r"(?:\[[^\]\n@]{1,30}\]|█+|■+|x{3,}|\*{3,}|_{3,})"


class EmailRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern("email", rf"(?<![\w.+-]){_LOCAL}@{_DOMAIN}", 0.9),
        Pattern("email (redacted local part)", rf"{_REDACTED}@{_DOMAIN}", 0.5),
    ]
    CONTEXT = ["mail", "e-mail", "email", "mailto", "adres"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="EMAIL",
            name="DutchEmailRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )
