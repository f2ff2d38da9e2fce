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
        found: dict = {}  # recognizer id -> whether one of its context words is on the page
        for result in results:
            meta = result.recognition_metadata
            recognizer = by_id.get(meta[_ID]) if meta and _ID in meta else None
            if recognizer and recognizer.context and not meta.get(_BOOSTED):
                if result.score == ContextAwareEnhancer.MAX_SCORE and self.context_similarity_factor >= 0:
                    continue  # a validated hit (a phone number): a context word leaves it at 1.0
                if not context:
                    if recognizer.id not in found:
                        found[recognizer.id] = _on_page(text, recognizer.context, nlp_artifacts)
                    if not found[recognizer.id]:
                        continue
                todo.append((result, recognizer))
        if not todo:
            return results
        back, ahead = self._reach()
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


def _on_page(text: str, wanted: list[str], nlp_artifacts) -> bool:
    """False only when none of the context words can be found near any hit of the page.

    A word counts when it is a substring of a keyword's lemma; with our pipeline the
    lemma is the token lowercased (`str.lower`, as spaCy's LOWER), and lowercasing maps
    every character on its own (only sigma looks at its neighbours, and stays Greek). So
    an ASCII context word found in a lemma is found in the lowercased page. Most pages
    hold none of a recognizer's words ("mail", "adres"): their hits need no tokens.
    """
    if not getattr(getattr(nlp_artifacts, "nlp_engine", None), "_lemma_is_lower", False):
        return True
    if not all(w.isascii() for w in wanted):
        return True
    low = lowered(text)
    return any(w.lower() in low for w in wanted)
