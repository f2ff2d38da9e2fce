"""WOO507's search: the same passage readable in one copy and redacted in another.

Every document comes as a token stream in which each redaction is one sentinel token
(facts.py). A redaction in copy A is fixed in place by the words around it: the K words
before it (the left anchor) and up to R words after it (the right anchor). Copy B shows
what A hid when B has A's left anchor, then 1 to GAP readable words, then A's right
anchor. Those words are what A redacted.

Why an exact shingle index and not MinHash: MinHash estimates the Jaccard similarity of
whole documents, and the copies that matter here are often a short e-mail quoted inside a
long thread (a small share of B), which MinHash with LSH misses unless its threshold is so
low that most pairs become candidates. What we need is positions, to align the passage
round each box. So the only shingles hashed are the left anchors of the redactions; every
K-word window of every document is hashed once (numpy, vectorised) and looked up among
them. The work is linear in the words of the batch, and no pair of documents is ever
compared as a whole.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .facts import SENTINEL, Stream

K = 4  # words of the left anchor
R = 3  # at most this many words of the right anchor (fewer where the next box follows)
GAP = 12  # at most this many words readable in B where A has its box
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Leak:
    readable_doc: int  # index of the document where the passage is readable
    readable_at: int  # token index of the first readable word
    words: tuple[str, ...]
    redacted_doc: int
    redacted_at: int  # token index of the sentinel in the redacted copy
    grounds: str  # the redaction's grounds, "5.1.2e" or "" when it has none


def _ids(streams: list[Stream]) -> tuple[list[np.ndarray], list[list[str]]]:
    """Each stream as an array of word ids (case-folded); a redaction is -1."""
    vocab: dict[str, int] = {}
    arrays, keys = [], []
    for s in streams:
        k = [None if w.startswith(SENTINEL) else w.casefold() for w in s.words]
        arrays.append(np.fromiter((-1 if w is None else vocab.setdefault(w, len(vocab)) for w in k),
                                  dtype=np.int64, count=len(k)))
        keys.append(k)
    return arrays, keys


def _window_hashes(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every K-word window, and whether the window holds no redaction."""
    n = len(ids) - K + 1
    if n <= 0:
        return np.empty(0, np.uint64), np.empty(0, bool)
    h = np.zeros(n, np.uint64)
    clean = np.ones(n, bool)
    with np.errstate(over="ignore"):
        for j in range(K):
            part = ids[j : j + n]
            clean &= part >= 0
            h = (h ^ (part.astype(np.uint64) + np.uint64(j + 1))) * _MIX
    return h, clean


def _right(keys: list, s: int) -> list[str]:
    out = []
    for w in keys[s + 1 : s + 1 + R]:
        if w is None:
            break
        out.append(w)
    return out


def find(streams: list[Stream]) -> list[Leak]:
    """Every passage readable in one stream where another (or the same) has a redaction.

    Searched both ways: a redaction at the very start of a document (or of what its OCR
    layer kept) has no words before it, but it has words after it, so the streams are
    also searched reversed, where those words come first."""
    arrays, keys = _ids(streams)
    leaks = _search(streams, arrays, keys)
    seen = {(x.readable_doc, x.readable_at) for x in leaks}
    flipped = [a[::-1] for a in arrays]
    back = [k[::-1] for k in keys]
    for x in _search(streams, flipped, back, flipped=True):
        n_b, n_a = len(keys[x.readable_doc]), len(keys[x.redacted_doc])
        first = n_b - 1 - (x.readable_at + len(x.words) - 1)  # the readable words, in page order
        if (x.readable_doc, first) in seen:
            continue
        seen.add((x.readable_doc, first))
        words = tuple(streams[x.readable_doc].words[first : first + len(x.words)])
        leaks.append(Leak(x.readable_doc, first, words, x.redacted_doc, n_a - 1 - x.redacted_at, x.grounds))
    return leaks


def _search(streams: list[Stream], arrays: list[np.ndarray], keys: list[list], flipped: bool = False) -> list[Leak]:
    hashes = [_window_hashes(a) for a in arrays]
    # The context of every redaction with K readable words before it: left-anchor hash ->
    # {(left words, right words): the first redaction seen with that context}. A thread
    # holds the same context in many copies; each is aligned once per hit, not per copy.
    anchors: dict[int, dict[tuple, tuple[int, int]]] = {}
    for d, (a, (h, clean)) in enumerate(zip(arrays, hashes)):
        for s in np.flatnonzero(a < 0):
            s = int(s)
            right = _right(keys[d], s)
            if s >= K and clean[s - K] and right:
                anchors.setdefault(int(h[s - K]), {}).setdefault((tuple(keys[d][s - K : s]), tuple(right)), (d, s))
    if not anchors:
        return []
    wanted = np.fromiter(anchors, dtype=np.uint64, count=len(anchors))
    leaks: list[Leak] = []
    seen: set[tuple[int, int]] = set()
    for b, (h, clean) in enumerate(hashes):
        kb = keys[b]
        for p in np.flatnonzero(np.isin(h, wanted) & clean):
            p = int(p)
            q = p + K
            if q >= len(kb) or kb[q] is None or (b, q) in seen:
                continue  # B is redacted there too, or ends
            left = tuple(kb[p:q])
            for (words, right), (a_doc, s) in anchors[int(h[p])].items():
                if words != left:
                    continue
                gap = _align(kb, q, list(right))
                if gap is None:
                    continue
                seen.add((b, q))
                words = streams[a_doc].words
                token = words[len(words) - 1 - s] if flipped else words[s]
                shown = streams[b].words[q : q + gap] if not flipped else ()
                leaks.append(Leak(b, q, tuple(shown) or (None,) * gap, a_doc, s, token[len(SENTINEL):]))
                break
    return leaks


def _align(kb: list, q: int, right: list[str]):
    """The number of readable words when B's words from q run through 1..GAP readable
    words into `right`; None otherwise."""
    n = len(right)
    if kb[q : q + n] == right:
        return None  # B has nothing there either
    for g in range(1, GAP + 1):
        if q + g - 1 >= len(kb) or kb[q + g - 1] is None:
            return None  # B is redacted there too, or ends
        if kb[q + g : q + g + n] == right:
            return g
    return None
