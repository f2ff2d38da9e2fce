"""The presidio analyzer, built once per process on a blank Dutch spaCy pipeline.

No model is downloaded or loaded: `spacy.blank("nl")` only tokenises. Presidio's context
step compares the lemmas of the words before a hit with a recognizer's context words;
a blank pipeline has no lemmas, so a tiny component sets each lemma to the lowercased
word. Presidio's default (English) recognizers are never loaded: the registry holds only
ours. Two of presidio's pluggable parts are our subclasses, for speed: the NLP engine
(nlp.py: tokenises only around the hits that need context) and the context step
(context.py: the same score changes without deep copies or walks over every token).
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


@lru_cache(maxsize=1)
def analyzer():
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from .context import WindowedLemmaEnhancer
    from .nlp import BlankDutchNlpEngine
    from .recognizers import all_recognizers

    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "woocheck_plain_dutch_tokenizer.v1"}}})
    nlp.add_pipe("woocheck_lowercase_lemma")
    # A lexeme's attributes are computed by Python functions when spaCy first meets a word;
    # only LOWER (the lemma) and IS_STOP / IS_PUNCT (presidio's keyword filter) are ever
    # read, so the other twenty (shape, like_url, like_num, ...) are not computed. New
    # words are most of the tokenising cost on real documents (VWS corpus, first pass:
    # 2.4 -> 1.6 ms a page when every page is tokenised).
    from spacy.attrs import IS_PUNCT, IS_STOP, LOWER

    nlp.vocab.lex_attr_getters = {k: f for k, f in nlp.vocab.lex_attr_getters.items() if k in (LOWER, IS_STOP, IS_PUNCT)}
    nlp.max_length = 5_000_000  # a tokenizer only: long pages cost no memory to speak of
    registry = RecognizerRegistry(supported_languages=["nl"])
    for recognizer in all_recognizers():
        registry.add_recognizer(recognizer)
    # Our NLP engine and context step (nlp.py, context.py): presidio's defaults, tokenising
    # only around the hits that need context and without deep copies.
    return AnalyzerEngine(
        registry=registry, nlp_engine=BlankDutchNlpEngine(nlp), supported_languages=["nl"],
        context_aware_enhancer=WindowedLemmaEnhancer(),
    )
