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
    arrays, keys = _ids(streams)
    hashes = [_window_hashes(a) for a in arrays]
    # The left anchor of every redaction that has K readable words before it.
    anchors: dict[int, list[tuple[int, int]]] = {}
    for d, (a, (h, clean)) in enumerate(zip(arrays, hashes)):
        for s in np.flatnonzero(a < 0):
            if s >= K and clean[s - K] and _right(keys[d], s):
                anchors.setdefault(int(h[s - K]), []).append((d, int(s)))
    if not anchors:
        return []
    wanted = np.fromiter(anchors, dtype=np.uint64, count=len(anchors))
    leaks: list[Leak] = []
    seen: set[tuple[int, int]] = set()
    for b, (h, clean) in enumerate(hashes):
        hits = np.flatnonzero(np.isin(h, wanted) & clean)
        kb = keys[b]
        for p in hits:
            p = int(p)
            for a_doc, s in anchors[int(h[p])]:
                ka = keys[a_doc]
                if kb[p : p + K] != ka[s - K : s] or (a_doc == b and p == s - K):
                    continue
                leak = _align(kb, p + K, _right(ka, s))
                if leak is None or (b, p + K) in seen:
                    continue
                seen.add((b, p + K))
                gap, _ = leak
                words = tuple(streams[b].words[p + K : p + K + gap])
                sentinel = streams[a_doc].words[s]
                leaks.append(Leak(b, p + K, words, a_doc, s, sentinel[len(SENTINEL):]))
    return leaks


def _align(kb: list, q: int, right: list[str]):
    """(number of readable words, right-anchor length) when B's words from q run through
    1..GAP readable words into `right`; None otherwise."""
    n = len(right)
    if kb[q : q + n] == right:
        return None  # B has nothing there either
    for g in range(1, GAP + 1):
        if q + g - 1 >= len(kb) or kb[q + g - 1] is None:
            return None  # B is redacted there too, or ends
        if kb[q + g : q + g + n] == right:
            return g, n
    return None
