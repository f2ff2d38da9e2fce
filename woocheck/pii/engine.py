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
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

    class LazyArtifacts(NlpArtifacts):
        """Presidio's NlpArtifacts, filled in only when something reads them.

        Upstream builds `lemmas` and `tokens_indices` by creating a Python Token object
        per spaCy token and asks the vocabulary about every lemma for `keywords` (synthetic
        batch: 1.5 s + 0.65 s for 400 pages, ~850 tokens a page). Here the columns come
        from `doc.to_array` and each distinct lemma is looked up once per process; a page
        without any recognizer hit is not tokenised at all. Same values as upstream.
        """

        def __init__(self, engine, text: str, language: str):  # no super(): nothing eager
            self.nlp_engine = engine
            self._text = text
            self._language = language
            self._doc = None
            self._columns = None

        # -- the spaCy doc and its columns, computed once -------------------------------

        @property
        def tokens(self):
            if self._doc is None:
                self._doc = self.nlp_engine.nlp[self._language](self._text)
            return self._doc

        def columns(self):
            """(ends, lemma hashes, keyword token positions) of the page's tokens."""
            if self._columns is None:
                self._columns = self.nlp_engine.columns(self.tokens, self._language)
            return self._columns

        # -- presidio's attributes, for anything else that reads them ---------------------

        @property
        def entities(self):
            return self.tokens.ents

        @property
        def scores(self):
            return [self.nlp_engine.ner_model_configuration.default_score] * len(self.entities)

        @property
        def tokens_indices(self):
            from spacy.attrs import IDX

            return self.tokens.to_array([IDX]).tolist() if len(self.tokens) else []

        @property
        def lemmas(self):
            strings = self.tokens.vocab.strings
            return [strings[h] for h in self.columns()[1].tolist()]

        @property
        def keywords(self):
            return NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self._language)

        def lemma_at(self, i: int) -> str:
            return self.tokens.vocab.strings[int(self.columns()[1][i])]

    class BlankDutchNlpEngine(SpacyNlpEngine):
        """SpacyNlpEngine around an in-process pipeline instead of a downloaded model."""

        def __init__(self, pipeline):
            super().__init__(models=[{"lang_code": "nl", "model_name": "blank:nl"}])
            self.nlp = {"nl": pipeline}
            self._lemma_info: dict = {}  # lemma hash -> (lemma.lower(), passes the keyword filter, its pieces)

        def load(self) -> None:  # nothing to load; never download
            pass

        def process_text(self, text: str, language: str) -> NlpArtifacts:
            if not self.nlp:
                raise ValueError("NLP engine is not loaded. Consider calling .load()")
            return LazyArtifacts(self, text, language)

        def _info(self, h: int, language: str):
            info = self._lemma_info.get(h)
            if info is None:
                if len(self._lemma_info) > 500_000:  # a hostile corpus: keep memory bounded
                    self._lemma_info.clear()
                k = self.nlp[language].vocab.strings[h]
                # NlpArtifacts.set_keywords' filter and ':' split, on one lemma.
                passes = not self.is_stopword(k, language) and not self.is_punct(k, language) \
                    and k != "-PRON-" and k != "be"
                info = self._lemma_info[h] = (k.lower(), passes, tuple(k.lower().split(":")))
            return info

        def columns(self, doc, language: str):
            """Token ends, lemma hashes and the positions of tokens whose lowercased lemma
            is one of the page's keywords (what the context step walks over)."""
            import numpy as np
            from spacy.attrs import IDX, LEMMA, LENGTH

            if not len(doc):
                empty = np.zeros(0, dtype=np.uint64)
                return [], empty, []
            arr = doc.to_array([IDX, LENGTH, LEMMA])
            ends = (arr[:, 0] + arr[:, 1]).tolist()
            lemmas = arr[:, 2]
            distinct = np.unique(lemmas).tolist()
            infos = {h: self._info(h, language) for h in distinct}
            keywords = {piece for lower, passes, pieces in infos.values() if passes for piece in pieces}
            hits = {h for h, (lower, _, _) in infos.items() if lower in keywords}
            positions = [i for i, h in enumerate(lemmas.tolist()) if h in hits]
            return ends, lemmas, positions

    return BlankDutchNlpEngine(nlp)


def _enhancer():
    from bisect import bisect_left, bisect_right

    from presidio_analyzer import RecognizerResult
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer, LemmaContextAwareEnhancer

    class IndexedLemmaEnhancer(LemmaContextAwareEnhancer):
        """Presidio's lemma context step over precomputed token columns.

        Same decisions as upstream's enhance_using_context, with three changes that
        do not alter a score:
        - the token under a hit is found by bisection over token ends (upstream walks the
          token list from the start for every hit: quadratic on a page with thousands of
          hits);
        - keyword tokens are looked up in a sorted list of their positions instead of
          testing every lemma against the keyword list;
        - results are updated in place: AnalyzerEngine hands over a list it built for this
          call and discards it, so upstream's deepcopy of every result (1.0 s of 4.5 s on
          the synthetic batch, mostly deepcopy) buys nothing.
        A walk from a hit looks at most 8 * (words + 1) tokens (upstream may walk to the
        start of the page when no keyword is near): the backward window is the hit's
        token and the 47 before it, the forward one the hit's token and the 7 after it.
        """

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            results = raw_results
            by_id = {recognizer.id: recognizer for recognizer in recognizers}
            context = [word.lower() for word in context] if context else []
            if nlp_artifacts is None:
                return results
            columns = None
            for result in results:
                meta = result.recognition_metadata
                recognizer = by_id.get(meta[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY]) \
                    if meta and RecognizerResult.RECOGNIZER_IDENTIFIER_KEY in meta else None
                if not recognizer or not recognizer.context:
                    continue
                if meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                    continue
                if columns is None:
                    columns = self._columns(nlp_artifacts)
                words = self._surrounding(nlp_artifacts, columns, text[result.start:result.end], result.start)
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
        def _columns(nlp_artifacts):
            if hasattr(nlp_artifacts, "columns"):
                return nlp_artifacts.columns()
            # Artifacts from another engine: derive the same columns from its lists.
            keywords = set(nlp_artifacts.keywords)
            lemmas = nlp_artifacts.lemmas
            ends = [i + len(t) for i, t in zip(nlp_artifacts.tokens_indices, nlp_artifacts.tokens)]
            return ends, lemmas, [i for i, lemma in enumerate(lemmas) if lemma.lower() in keywords]

        def _surrounding(self, nlp_artifacts, columns, word, start):
            ends, lemmas, positions = columns
            if not ends:
                return [""]
            i = bisect_right(ends, start)
            if i >= len(ends):
                raise ValueError(f"Did not find word '{word}' in the list of tokens")
            lemma_at = nlp_artifacts.lemma_at if hasattr(nlp_artifacts, "lemma_at") else lemmas.__getitem__
            words = []
            # Backward: keyword tokens among tokens i-47 .. i, the nearest n + 1.
            n = self.context_prefix_count + 1
            k = bisect_right(positions, i)
            lo = bisect_left(positions, max(0, i - 8 * n + 1), 0, k)
            words.extend(lemma_at(j).lower() for j in reversed(positions[max(lo, k - n):k]))
            # Forward: keyword tokens among tokens i .. i+8(m+1)-1, the nearest m + 1.
            m = self.context_suffix_count + 1
            k = bisect_left(positions, i)
            hi = bisect_left(positions, i + 8 * m, k)
            words.extend(lemma_at(j).lower() for j in positions[k:min(hi, k + m)])
            return list(set(words))

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
