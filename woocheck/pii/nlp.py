"""Presidio's spaCy NLP engine on our blank Dutch pipeline, tokenising only what is read.

The only reader of the NLP artifacts is the lemma context step (context.py): for a hit
it walks a few dozen tokens back and a few ahead, looking for keyword lemmas. Upstream
tokenises every page in full and then turns every token into a Python object (synthetic
batch: 1.5 s for lemmas and offsets plus 0.65 s for keywords, of 4.5 s in presidio; on
the real corpora most of the cost is spaCy creating a lexeme for each word it has not
seen yet). Here a page is tokenised only around the hits that need context, and the
columns come from `Doc.to_array`.

Why a window gives the same tokens: spaCy's tokenizer cuts the text into runs of
whitespace and non-whitespace (`str.isspace`) and tokenises each run on its own (our
tokenizer has no special cases), so a slice that starts at the start of a non-space run
and ends at the end of one, or at the page's ends, yields exactly the tokens of the whole
page that lie in it.
"""
from __future__ import annotations

from bisect import bisect_right

import regex as re
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA, LENGTH

# The characters for which str.isspace() holds (what spaCy's tokenizer splits on).
SPACE_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_RUN = re.compile("[^" + re.escape(SPACE_CHARS) + "]+")


class Columns:
    """Tokens of some windows of a page, in page order: where each ends (page offsets),
    its lowercased lemma, and the indices of the keyword tokens among them."""

    __slots__ = ("ends", "lowers", "keyword_at")

    def __init__(self, ends: list[int], lowers: list[str], keyword_at: list[int]):
        self.ends, self.lowers, self.keyword_at = ends, lowers, keyword_at


class LazyArtifacts(NlpArtifacts):
    """NlpArtifacts of one text, computed when read. `columns_around(starts, back, ahead)`
    serves the context step; presidio's own attributes (tokens, lemmas, tokens_indices,
    keywords) tokenise the whole text, for any other reader."""

    def __init__(self, engine: "BlankDutchNlpEngine", text: str, language: str):  # nothing eager
        self.nlp_engine = engine
        self.text = text
        self.language = language
        self._doc = None

    # -- presidio's attributes ------------------------------------------------------------

    @property
    def tokens(self):
        if self._doc is None:
            self._doc = self.nlp_engine.nlp[self.language](self.text)
        return self._doc

    @property
    def entities(self):
        return self.tokens.ents

    @property
    def scores(self):
        return [self.nlp_engine.ner_model_configuration.default_score] * len(self.entities)

    @property
    def tokens_indices(self) -> list[int]:
        return self.tokens.to_array([IDX]).tolist() if len(self.tokens) else []

    @property
    def lemmas(self) -> list[str]:
        strings = self.tokens.vocab.strings
        return [strings[h] for h in self.tokens.to_array([LEMMA]).tolist()] if len(self.tokens) else []

    @property
    def keywords(self) -> list[str]:
        return NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self.language)

    # -- what the context step reads ---------------------------------------------------------

    def columns_around(self, starts: list[int], back: int, ahead: int) -> Columns:
        """Tokens around each offset in `starts`: at least `back` tokens before the token
        under it and `ahead` after (fewer only at the page's ends)."""
        text = self.text
        runs = [m.span() for m in _RUN.finditer(text)]
        run_starts = [s for s, _ in runs]
        windows = []
        for start in sorted(starts):
            # The run holding `start`, or the next one when `start` is in whitespace; every
            # run yields at least one token, so `back` runs before it hold `back` tokens.
            k = bisect_right(run_starts, start) - 1
            if k < 0 or start >= runs[k][1]:
                k += 1
            lo = 0 if k - back <= 0 else runs[k - back][0]
            hi = len(text) if k + ahead >= len(runs) - 1 else runs[k + ahead][1]
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        engine, language = self.nlp_engine, self.language
        colon_pieces = engine.colon_pieces([text[s:e] for s, e in runs if text.find(":", s, e) >= 0], language)
        ends: list[int] = []
        lowers: list[str] = []
        keyword_at: list[int] = []
        for lo, hi in windows:
            doc = engine.nlp[language](text[lo:hi])
            if not len(doc):
                continue
            arr = doc.to_array([IDX, LENGTH, LEMMA]).tolist()
            for idx, length, lemma in arr:
                lower, keyword = engine.lemma_info(lemma, language)
                if keyword or lower in colon_pieces:
                    keyword_at.append(len(ends))
                ends.append(lo + idx + length)
                lowers.append(lower)
        return Columns(ends, lowers, keyword_at)


class BlankDutchNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine around an in-process pipeline instead of a downloaded model."""

    def __init__(self, pipeline):
        super().__init__(models=[{"lang_code": "nl", "model_name": "blank:nl"}])
        self.nlp = {"nl": pipeline}
        self._lemmas: dict = {}  # lemma hash -> (lemma.lower(), keyword by itself)

    def load(self) -> None:  # nothing to load; never download
        pass

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        if not self.nlp:
            raise ValueError("NLP engine is not loaded. Consider calling .load()")
        return LazyArtifacts(self, text, language)

    def _passes(self, lemma: str, language: str) -> bool:
        """NlpArtifacts.set_keywords' filter on one lemma."""
        return not self.is_stopword(lemma, language) and not self.is_punct(lemma, language) \
            and lemma != "-PRON-" and lemma != "be"

    def lemma_info(self, h: int, language: str) -> tuple[str, bool]:
        """(lowercased lemma, whether it is a keyword by itself), once per lemma.

        Upstream's keywords are the ':'-separated pieces of the lowercased lemmas that
        pass the filter; a token counts when its lowercased lemma is one of them. A lemma
        without ':' that passes is one by itself; any other counts only as a piece of a
        lemma with ':' on the same page (see colon_pieces)."""
        info = self._lemmas.get(h)
        if info is None:
            if len(self._lemmas) > 500_000:  # a hostile corpus: keep memory bounded
                self._lemmas.clear()
            lemma = self.nlp[language].vocab.strings[h]
            lower = lemma.lower()
            info = self._lemmas[h] = (lower, ":" not in lower and self._passes(lemma, language))
        return info

    def colon_pieces(self, runs: list[str], language: str) -> frozenset[str]:
        """The ':'-pieces of the page's passing lemmas that hold a ':' ("tel:" -> tel and
        the empty string). Such tokens lie in the page's non-space runs holding a ':'
        (`runs`), which are tokenised here on their own: the same tokens as in the page."""
        if not runs:
            return frozenset()
        strings = self.nlp[language].vocab.strings
        pieces: set[str] = set()
        for lemma in {strings[h] for h in self.nlp[language](" ".join(runs)).to_array([LEMMA]).tolist()}:
            if ":" in lemma and self._passes(lemma, language):
                pieces.update(lemma.lower().split(":"))
        return frozenset(pieces)
