"""Presidio's lemma context step (LemmaContextAwareEnhancer), over token windows.

Same decisions as upstream's enhance_using_context: a result whose recognizer has
context words gains `context_similarity_factor` (at least the minimum, at most 1.0) when
one of those words is a substring of a keyword lemma among the `context_prefix_count` + 1
nearest keyword tokens before it (its own token included) or the `context_suffix_count`
+ 1 nearest from its token on. Differences that change no score:

- a walk looks at most 8 * (words + 1) tokens (upstream may walk to the start of the page
  when no keyword is near; woocheck has always bounded it);
- the token under a hit is found by bisection (upstream walks the token list from the
  start for every hit: quadratic on a page with thousands of hits);
- only the tokens around the hits are made (nlp.LazyArtifacts.columns_around);
- results are updated in place: AnalyzerEngine hands over a list it built for this call
  and discards it, so upstream's deepcopy of every result (1.0 s of presidio's 4.5 s on
  the synthetic batch, mostly deepcopy) buys nothing.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Optional

from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer, LemmaContextAwareEnhancer

from .scan import lowered

_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_BOOSTED = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY


class WindowedLemmaEnhancer(LemmaContextAwareEnhancer):
    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        results = raw_results
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        context = [word.lower() for word in context] if context else []
        if nlp_artifacts is None:
            return results
        todo = []
        back, ahead = self._reach()
        offsets: dict = {}  # recognizer id -> where its context words are on the page (None: unknown)
        for result in results:
            meta = result.recognition_metadata
            recognizer = by_id.get(meta[_ID]) if meta and _ID in meta else None
            if recognizer and recognizer.context and not meta.get(_BOOSTED):
                if result.score == ContextAwareEnhancer.MAX_SCORE and self.context_similarity_factor >= 0:
                    continue  # a validated hit (a phone number): a context word leaves it at 1.0
                if not context:
                    if recognizer.id not in offsets:
                        offsets[recognizer.id] = _word_offsets(text, recognizer.context, nlp_artifacts)
                    if _out_of_reach(text, offsets[recognizer.id], result.start, back, ahead):
                        continue
                todo.append((result, recognizer))
        if not todo:
            return results
        columns = self._columns(nlp_artifacts, [r.start for r, _ in todo], back - 1, ahead - 1)
        for result, recognizer in todo:
            words = self._surrounding(columns, text, result)
            words.extend(context)
            word = self._find_supportive_word_in_context(words, recognizer.context, self.context_matching_mode)
            if word != "":
                result.score += self.context_similarity_factor
                result.score = max(result.score, self.min_score_with_context_similarity)
                result.score = min(result.score, ContextAwareEnhancer.MAX_SCORE)
                result.analysis_explanation.set_supportive_context_word(word)
                result.analysis_explanation.set_improved_score(result.score)
        return results

    @staticmethod
    def _find_supportive_word_in_context(context_list, recognizer_context_list, matching_mode="substring"):
        """Upstream's rule (the first context word of the recognizer that is a substring of,
        or in "whole_word" mode equal to, a surrounding word), lowercasing each word once."""
        if context_list is None or recognizer_context_list is None:
            return ""
        words = [w.lower() for w in context_list]
        # A substring of one of the words is a substring of the words joined by a
        # character that no context word holds (one search instead of one per word).
        joined = "\x00".join(words)
        for wanted in recognizer_context_list:
            low = wanted.lower()
            if matching_mode == "substring" and "\x00" not in low and low in joined:
                return wanted
            if matching_mode == "substring" and "\x00" in low and any(low in w for w in words):
                return wanted
            if matching_mode == "whole_word" and low in words:
                return wanted
        return ""

    def _reach(self) -> tuple[int, int]:
        """How many tokens a walk looks at backward and forward, the hit's own included."""
        return 8 * (self.context_prefix_count + 1), 8 * (self.context_suffix_count + 1)

    @staticmethod
    def _columns(nlp_artifacts, starts, back, ahead):
        if hasattr(nlp_artifacts, "columns_around"):
            return nlp_artifacts.columns_around(starts, back, ahead)
        # Artifacts of another engine: the same columns from its lists.
        from .nlp import Columns

        keywords = set(nlp_artifacts.keywords)
        lowers = [lemma.lower() for lemma in nlp_artifacts.lemmas]
        ends = [i + len(t) for i, t in zip(nlp_artifacts.tokens_indices, nlp_artifacts.tokens)]
        at = [i for i, lower in enumerate(lowers) if lower in keywords]
        return Columns.of(ends, at, [lowers[i] for i in at])

    def _surrounding(self, columns, text, result):
        start = result.start
        back, ahead = self._reach()
        ends, at, hashes, lower = columns.ends, columns.keyword_at, columns.keyword_hashes, columns.lowers
        if not ends:
            return [""]  # upstream: no tokens, no context
        i = bisect_right(ends, start)  # the first token that ends after the hit's start
        if i >= len(ends):
            word = text[result.start:result.end]
            raise ValueError(f"Did not find word '{word}' in the list of tokens although it is expected to be found")
        # Backward: the nearest prefix + 1 keyword tokens among tokens i-back+1 .. i.
        n = self.context_prefix_count + 1
        k = bisect_right(at, i)
        lo = bisect_left(at, max(0, i - back + 1), 0, k)
        words = [lower[h] for h in hashes[max(lo, k - n):k]]
        # Forward: the nearest suffix + 1 keyword tokens among tokens i .. i+ahead-1.
        m = self.context_suffix_count + 1
        k = bisect_left(at, i)
        hi = bisect_left(at, i + ahead, k)
        words.extend(lower[h] for h in hashes[k:min(hi, k + m)])
        return list(set(words))


def _word_offsets(text: str, wanted: list[str], nlp_artifacts) -> Optional[list[int]]:
    """Sorted offsets in the page of the recognizer's context words, lowercased; None
    when that cannot tell where a keyword holding one of them may be.

    A word counts when it is a substring of a keyword's lemma; with our pipeline the
    lemma is the token lowercased (`str.lower`, as spaCy's LOWER), and lowercasing maps
    every character on its own (only sigma looks at its neighbours, and stays Greek). So
    an ASCII context word found in a lemma is found in the lowercased page, at the same
    offset when lowercasing keeps the page's length. Most pages hold none of a
    recognizer's words ("mail", "adres") or none near its hits.
    """
    if not getattr(getattr(nlp_artifacts, "nlp_engine", None), "_lemma_is_lower", False):
        return None
    words = [w.lower() for w in wanted]
    if not all(w and w.isascii() for w in words):
        return None
    low = lowered(text)
    if len(low) != len(text):  # offsets move: only "nowhere on the page" can be told
        return None if any(w in low for w in words) else []
    found: set[int] = set()
    for w in words:
        i = low.find(w)
        while i >= 0:
            if len(found) >= _MAX_OFFSETS:
                return None
            found.add(i)
            i = low.find(w, i + 1)
    return sorted(found)


# Enough offsets of a recognizer's words to tell; more (a one-letter word such as "t")
# and every hit is walked, as before.
_MAX_OFFSETS = 2000
# At most this many characters either side of a hit are split into runs to count them.
_SPAN = 4096


def _out_of_reach(text: str, offsets: Optional[list[int]], start: int, back: int, ahead: int) -> bool:
    """True when no context word lies where the walk from a hit at `start` can look.

    Each non-space run holds at least one token and no token spans two runs, so a word
    `back` or more runs before the hit's run (or `ahead` or more after it) lies outside
    the tokens the walk looks at. The count is of the pieces that `str.split` (spaCy's
    whitespace) makes of the text between, which may hold one partial run at each end:
    one piece more than the runs between, so one more is required; a span cut at _SPAN
    characters only counts fewer pieces.
    """
    if offsets is None:
        return False
    k = bisect_left(offsets, start)
    if k < len(offsets):
        o = offsets[k]
        if len(text[start:min(o, start + _SPAN)].split(None, ahead + 2)) <= ahead + 1:
            return False
    if k > 0:
        o = offsets[k - 1]
        if len(text[max(o, start - _SPAN):start].split(None, back + 2)) <= back + 1:
            return False
    return True
