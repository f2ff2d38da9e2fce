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

import numpy as np
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA, LENGTH, LOWER

# The characters for which str.isspace() holds (what spaCy's tokenizer splits on).
SPACE_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


class Columns:
    """Tokens of some windows of a page, in page order: where each ends (page offsets),
    the indices of the keyword tokens among them, their lemma hashes, and the lowercased
    lemma of each keyword hash."""

    __slots__ = ("ends", "keyword_at", "keyword_hashes", "lowers")

    def __init__(self, ends: list[int], keyword_at: list[int], keyword_hashes: list[int], lowers: dict):
        self.ends, self.keyword_at, self.keyword_hashes, self.lowers = ends, keyword_at, keyword_hashes, lowers

    @classmethod
    def of(cls, ends: list[int], keyword_at: list[int], keyword_lowers: list[str]) -> "Columns":
        """Columns from plain lists (lowercased lemmas standing in for their hashes)."""
        return cls(ends, keyword_at, keyword_lowers, {w: w for w in keyword_lowers})


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
        engine, language = self.nlp_engine, self.language
        if 2 * len(starts) * (back + ahead + 2) >= text.count(" ") + text.count("\n"):
            # Hits all over the page (an e-mail thread): the windows would cover most of it,
            # so the whole page is tokenised, without looking for its runs first. (Finding
            # the runs and cutting the windows costs about what tokenising half the page
            # does: at 1x instead of 2x, the batch's context step took 0.34 ms a page, not 0.23.)
            tokens = engine.lemma_column(text, language)
            return self._columns(tokens[:, 0].astype(np.int64) + tokens[:, 1].astype(np.int64), tokens[:, 2],
                                 engine.colon_pieces(set(tokens[:, 2].tolist()), language))
        run_starts, run_ends, colon_runs = _runs(text)
        n = len(run_starts)
        windows: list[list[int]] = []
        if n == 0:
            windows.append([0, len(text)])
        else:
            at = np.array(sorted(starts), dtype=np.int64)
            # The run holding each start, or the next one when the start is in whitespace;
            # every run yields at least one token, so `back` runs before it hold `back` tokens.
            k = np.searchsorted(run_starts, at, side="right") - 1
            k = np.where((k >= 0) & (at < run_ends[np.maximum(k, 0)]), k, k + 1)
            los = np.where(k - back <= 0, 0, run_starts[np.clip(k - back, 0, n - 1)]).tolist()
            his = np.where(k + ahead >= n - 1, len(text), run_ends[np.clip(k + ahead, 0, n - 1)]).tolist()
            for lo, hi in zip(los, his):
                if windows and lo <= windows[-1][1]:
                    windows[-1][1] = max(windows[-1][1], hi)
                else:
                    windows.append([lo, hi])
        # One tokenizer call for all windows, and before them the runs holding a ':' (for
        # the keyword pieces), joined by single spaces: spaCy drops a single space between
        # runs, so each run is tokenised as in the page. Only the first window can start
        # with whitespace (at the page start; the space before it is dropped as well) and
        # only the last can end with it (at the page end), so the join changes no token.
        segments = [(int(run_starts[r]), int(run_ends[r])) for r in colon_runs] + [(lo, hi) for lo, hi in windows]
        pieces = [text[lo:hi] for lo, hi in segments]
        offsets = np.cumsum([0] + [len(piece) + 1 for piece in pieces[:-1]], dtype=np.int64)
        tokens = engine.lemma_column(" ".join(pieces), language)
        idx = tokens[:, 0].astype(np.int64)
        segment = np.searchsorted(offsets, idx, side="right") - 1
        in_window = segment >= len(colon_runs)
        colon_pieces = engine.colon_pieces(set(tokens[~in_window, 2].tolist()), language)
        seg_lo = np.array([lo for lo, _ in segments], dtype=np.int64)
        tokens, idx, segment = tokens[in_window], idx[in_window], segment[in_window]
        return self._columns(idx - offsets[segment] + seg_lo[segment] + tokens[:, 1].astype(np.int64), tokens[:, 2],
                             colon_pieces)

    def _columns(self, ends, hashes, colon_pieces: frozenset) -> Columns:
        """Columns from token ends and lemma hashes (numpy arrays)."""
        engine, language = self.nlp_engine, self.language
        lowers = {}
        for h in set(hashes.tolist()):
            lower, by_itself, _ = engine.lemma_info(h, language)
            if by_itself or lower in colon_pieces:
                lowers[h] = lower
        keys = np.sort(np.fromiter(lowers, dtype=np.uint64, count=len(lowers)))
        keyword = keys[np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)] == hashes if len(keys) \
            else np.zeros(len(hashes), dtype=bool)
        return Columns(ends.tolist(), np.flatnonzero(keyword).tolist(), hashes[keyword].tolist(), lowers)


# str.isspace() as a table over all code points, for the runs of a page in one pass.
_IS_SPACE = np.zeros(0x110000, dtype=np.int8)
_IS_SPACE[[ord(c) for c in SPACE_CHARS]] = 1
_COLON = ord(":")


def _runs(text: str):
    """Starts and ends of the page's non-space runs (numpy arrays) and the indices of the
    runs holding a ':'. (A regex finditer over the runs cost ~0.2 ms a page; this ~0.03.)"""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    edges = np.diff(_IS_SPACE[codes], prepend=1, append=1)
    run_starts = np.flatnonzero(edges == -1)
    run_ends = np.flatnonzero(edges == 1)
    colons = np.flatnonzero(codes == _COLON)
    colon_runs = np.unique(np.searchsorted(run_starts, colons, side="right") - 1).tolist() if len(colons) else []
    return run_starts, run_ends, colon_runs


class BlankDutchNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine around an in-process pipeline instead of a downloaded model."""

    def __init__(self, pipeline):
        super().__init__(models=[{"lang_code": "nl", "model_name": "blank:nl"}])
        self.nlp = {"nl": pipeline}
        self._lemmas: dict = {}  # lemma hash -> (lemma.lower(), keyword by itself, passes the filter)
        # The pipeline's only component copies LOWER into LEMMA (engine.py): then the
        # tokenizer alone gives the lemmas, without running the pipeline on each window.
        self._lemma_is_lower = pipeline.pipe_names == ["woocheck_lowercase_lemma"]

    def lemma_column(self, text: str, language: str):
        """(idx, length, lemma hash) of the tokens of `text`, as a numpy array."""
        nlp = self.nlp[language]
        if self._lemma_is_lower:
            doc = nlp.make_doc(text)
            return doc.to_array([IDX, LENGTH, LOWER]) if len(doc) else np.zeros((0, 3), dtype=np.uint64)
        doc = nlp(text)
        return doc.to_array([IDX, LENGTH, LEMMA]) if len(doc) else np.zeros((0, 3), dtype=np.uint64)

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

    def lemma_info(self, h: int, language: str) -> tuple[str, bool, bool]:
        """(lowercased lemma, whether it is a keyword by itself, whether it passes the
        keyword filter), once per lemma.

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
            passes = self._passes(lemma, language)
            info = self._lemmas[h] = (lower, passes and ":" not in lower, passes)
        return info

    def colon_pieces(self, hashes: set[int], language: str) -> frozenset[str]:
        """The ':'-pieces of the passing lemmas among `hashes` that hold a ':' ("tel:" ->
        tel and the empty string). Such tokens lie in the page's non-space runs holding a
        ':', whose lemma hashes the caller passes."""
        pieces: set[str] = set()
        for h in hashes:
            lower, _, passes = self.lemma_info(h, language)
            if passes and ":" in lower:
                pieces.update(lower.split(":"))
        return frozenset(pieces)
