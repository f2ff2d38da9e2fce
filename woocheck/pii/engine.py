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


@Language.component("woocheck_lowercase_lemma")
def lowercase_lemma(doc):
    for token in doc:
        token.lemma_ = token.lower_
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


@lru_cache(maxsize=1)
def analyzer():
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from .recognizers import all_recognizers

    nlp = spacy.blank("nl")
    nlp.add_pipe("woocheck_lowercase_lemma")
    nlp.max_length = 5_000_000  # a tokenizer only: long pages cost no memory to speak of
    registry = RecognizerRegistry(supported_languages=["nl"])
    for recognizer in all_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=_nlp_engine(nlp), supported_languages=["nl"])
