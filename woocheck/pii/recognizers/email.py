"""E-mail addresses, including ones whose local part is already redacted.

Our own pattern: presidio's EmailRecognizer validates the top-level domain with
tldextract, which tries to fetch the suffix list over the network.
"""
from __future__ import annotations

import regex as re

from .base import PrefilteredRecognizer, WindowedPattern, in_runs_holding, lowered

# Domain: labels of letters/digits/hyphens and a TLD of 2+ letters. OCR reads "nl" as
# "ni" or "n|"; the policy does not care about the domain, so we only need its end.
_DOMAIN = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b"
_LOCAL = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
# A local part replaced by a marker: "[REDACTED]@minjenv.nl", "█████@x.nl", "xxx@x.nl".
_REDACTED = r"(?:\[[^\]\n@]{1,30}\]|█+|■+|x{3,}|\*{3,}|_{3,})"


_FLAGS = re.IGNORECASE | re.MULTILINE


def _if_marked(compiled, text: str, timeout=None):
    """The redacted pattern's matches: none on a page without one of the markers, each
    of which a match holds ("x" matches only x and X, even ignoring case). The pattern
    starts with an alternation, so its scan tries every position of the page: ~50 µs a
    page against ~6 for the look."""
    if any(m in text for m in ("[", "█", "■", "***", "___")) or "xxx" in lowered(text):
        yield from compiled.finditer(text, timeout=timeout)


class EmailRecognizer(PrefilteredRecognizer):
    # Both patterns hold an '@'. The plain one holds no whitespace either, so it is only
    # tried in the few words around an '@': its scan of every word start was 0.32 of the
    # recognizer's 0.35 ms a page on the synthetic batch.
    NEEDS = re.compile("@")
    CONTEXT = ["mail", "e-mail", "email", "mailto", "adres"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="EMAIL",
            name="DutchEmailRecognizer",
            supported_language="nl",
            patterns=[
                WindowedPattern("email", rf"(?<![\w.+-]){_LOCAL}@{_DOMAIN}", 0.9, _FLAGS, in_runs_holding("@")),
                WindowedPattern("email (redacted local part)", rf"{_REDACTED}@{_DOMAIN}", 0.5, _FLAGS, _if_marked),
            ],
            context=self.CONTEXT,
            global_regex_flags=_FLAGS,
        )

    def may_match(self, text: str) -> bool:
        return "@" in text
