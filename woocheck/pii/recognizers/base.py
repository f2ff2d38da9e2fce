"""Speed-ups shared by the recognizers, each giving the same matches as the plain pattern.

- `PrefilteredRecognizer`: a PatternRecognizer that skips a page on which a cheap test
  shows that none of its patterns can match (no '@' means no e-mail address).
- `WindowedPattern`: a presidio Pattern whose compiled form tries the regex only where a
  match can start, found by a cheaper scan. Presidio runs it through the same loop
  (`compiled_regex.finditer(text, timeout=...)`); called with other flags than the
  recognizer's, presidio recompiles the plain regex and everything works as before.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional

import regex as re
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

from ..scan import lowered, word_starts  # noqa: F401  (used by the recognizers)


def found(recognizer: str, entity: str, start: int, end: int, score: float, how: str,
          evidence: Optional[str] = None) -> RecognizerResult:
    """A result made by a recognizer's own code rather than one of its patterns, with
    `how` as the pattern name presidio reports (and `evidence` for the scorer)."""
    meta = {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer}
    if evidence:
        meta["evidence"] = evidence
    return RecognizerResult(entity, start, end, score, recognition_metadata=meta,
                            analysis_explanation=AnalysisExplanation(recognizer, score, pattern_name=how))


class PrefilteredRecognizer(PatternRecognizer):
    """`NEEDS`: a compiled regex that matches somewhere in every text on which any of the
    recognizer's patterns matches, or `may_match(text)`, a test with the same promise. A
    text that fails it gives no results."""

    NEEDS: Optional[re.Pattern] = None

    def may_match(self, text: str) -> bool:
        return self.NEEDS is None or self.NEEDS.search(text) is not None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self.may_match(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


class _Scan:
    """What presidio calls on a compiled pattern: finditer(text, timeout=...)."""

    def __init__(self, compiled, finditer: Callable[..., Iterator]):
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._finditer = finditer

    def finditer(self, text: str, timeout=None) -> Iterator:
        return self._finditer(self.compiled, text, timeout)


class WindowedPattern(Pattern):
    def __init__(self, name: str, regex: str, score: float, flags: int, finditer: Callable[..., Iterator]):
        super().__init__(name, regex, score)
        self.compiled_regex = _Scan(re.compile(regex, flags=flags), finditer)
        self.compiled_with_flags = flags


def at_candidates(candidates: Callable[[str], Optional[Iterable[int]]]):
    """finditer for a pattern that can only start at positions `candidates(text)` yields
    (ascending): the same non-overlapping matches as `compiled.finditer(text)`. When
    `candidates` returns None the whole text is scanned."""

    def finditer(compiled, text: str, timeout=None):
        positions = candidates(text)
        if positions is None:
            yield from compiled.finditer(text, timeout=timeout)
            return
        after = 0
        for p in positions:
            if p < after:
                continue
            m = compiled.match(text, p, timeout=timeout)
            if m is not None and m.end() > m.start():
                yield m
                after = m.end()

    return finditer


_SPACE = re.compile(r"\s")
_SPACE_BEFORE = re.compile(r"\s", flags=re.REVERSE)


def in_runs_holding(char: str):
    """finditer for a pattern that cannot match whitespace and whose every match holds
    `char`: only the runs of non-whitespace that hold `char` are searched. Matches
    cannot cross whitespace, so each run is searched on its own, from its start (the
    regex still sees the character before it for lookbehinds) to one past its end."""

    def finditer(compiled, text: str, timeout=None):
        pos = 0
        n = len(text)
        while True:
            at = text.find(char, pos)
            if at < 0:
                return
            before = _SPACE_BEFORE.search(text, 0, at)
            start = before.end() if before else 0
            after = _SPACE.search(text, at)
            end = after.start() if after else n
            yield from compiled.finditer(text, start, min(n, end + 1), timeout=timeout)
            pos = end + 1

    return finditer
