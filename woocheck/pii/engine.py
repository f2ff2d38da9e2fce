"""The presidio analyzer, built once per process on a blank Dutch spaCy pipeline.

No model is downloaded or loaded: `spacy.blank("nl")` only tokenises. Presidio's context
step compares the lemmas of the words before a hit with a recognizer's context words;
a blank pipeline has no lemmas, so a tiny component sets each lemma to the lowercased
word. Presidio's default (English) recognizers are never loaded: the registry holds only
ours.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.util import registry


@registry.tokenizers("woocheck_plain_dutch_tokenizer.v1")
def plain_dutch_tokenizer():
    """spaCy's Dutch tokenizer (its prefix, suffix and infix rules) without the 4,600
    abbreviation exceptions: building those costs a quarter of a second at every start,
    and for recognizers that only need words "dhr" + "." serves as well as "dhr."."""

    def create(nlp):
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        d = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
            suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
            infix_finditer=compile_infix_regex(d.infixes).finditer if d.infixes else None,
            token_match=d.token_match,
            url_match=d.url_match,
        )

    return create


@Language.component("woocheck_lowercase_lemma")
def lowercase_lemma(doc):
    # Both attributes are hashes into the same string store: copy the column in one go
    # rather than token by token (this pipeline runs on every page).
    from spacy.attrs import LEMMA, LOWER

    if len(doc):
        doc.from_array([LEMMA], doc.to_array([LOWER]).reshape(-1, 1))
    return doc


def _nlp_engine(nlp):
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankDutchNlpEngine(SpacyNlpEngine):
        """SpacyNlpEngine around an in-process pipeline instead of a downloaded model."""

        def __init__(self, pipeline):
            super().__init__(models=[{"lang_code": "nl", "model_name": "blank:nl"}])
            self.nlp = {"nl": pipeline}

        def load(self) -> None:  # nothing to load; never download
            pass

    return BlankDutchNlpEngine(nlp)


def _enhancer():
    from bisect import bisect_right

    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    class IndexedLemmaEnhancer(LemmaContextAwareEnhancer):
        """Presidio's lemma context step, with the token under a hit found by bisection.

        Upstream walks the token list from the start for every hit, which is quadratic
        on a page with thousands of hits (a hostile or just very long page). Same result:
        the first token whose end lies beyond the hit's start.
        """

        _for = None
        _ends: list = []

        def _find_index_of_match_token(self, word, start, tokens, tokens_indices):
            if self._for is not tokens_indices:
                self._ends = [i + len(t) for i, t in zip(tokens_indices, tokens)]
                self._for = tokens_indices
            i = bisect_right(self._ends, start)
            if i >= len(self._ends):
                raise ValueError(f"Did not find word '{word}' in the list of tokens")
            return i

        _kw_for = None
        _kw_set: frozenset = frozenset()

        def _add_n_words(self, index, n_words, lemmas, lemmatized_filtered_keywords, is_backward):
            # Upstream tests membership in a list and may walk to the start of the page
            # when no keyword is near: a set, and a walk of at most a few dozen tokens.
            if self._kw_for is not lemmatized_filtered_keywords:
                self._kw_set = frozenset(lemmatized_filtered_keywords)
                self._kw_for = lemmatized_filtered_keywords
            words, remaining, i, steps = [], n_words + 1, index, 0
            while 0 <= i < len(lemmas) and remaining > 0 and steps < 8 * (n_words + 1):
                lower = lemmas[i].lower()
                if lower in self._kw_set:
                    words.append(lower)
                    remaining -= 1
                i = i - 1 if is_backward else i + 1
                steps += 1
            return words

    return IndexedLemmaEnhancer()


@lru_cache(maxsize=1)
def analyzer():
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from .recognizers import all_recognizers

    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "woocheck_plain_dutch_tokenizer.v1"}}})
    nlp.add_pipe("woocheck_lowercase_lemma")
    nlp.max_length = 5_000_000  # a tokenizer only: long pages cost no memory to speak of
    registry = RecognizerRegistry(supported_languages=["nl"])
    for recognizer in all_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry, nlp_engine=_nlp_engine(nlp), supported_languages=["nl"], context_aware_enhancer=_enhancer()
    )
