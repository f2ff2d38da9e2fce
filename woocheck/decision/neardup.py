"""WOO507's search: the same passage readable in one copy and redacted in another.

Every document comes as a token stream in which each redaction is one sentinel token
(facts.py), each word a 64-bit key made in the worker. A redaction in copy A is fixed in
place by the words around it: the K words before it (the left anchor) and up to R words
after it (the right anchor). Copy B shows what A hid when B has A's left anchor, then 1 to
GAP readable words, then A's right anchor. Those words are what A redacted. A redaction
at the very start of a document has no words before it, so the streams are searched a
second time reversed, where the words after it come first.

Why an exact shingle index and not MinHash: MinHash estimates the Jaccard similarity of
whole documents, and the copies that matter here are often a short e-mail quoted inside a
long thread (a small share of B), which MinHash with LSH misses unless its threshold is so
low that most pairs become candidates. What we need is positions, to align the passage
round each box. So the only shingles kept are the left anchors of the redactions; every
K-word window of the whole batch is hashed at once (numpy, the documents laid end to end
with a separator no window may cross) and looked up among them. The work is linear in the
words of the batch, and no pair of documents is ever compared as a whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

from .facts import SENTINEL, Stream

K = 4  # words of the left anchor
R = 3  # at most this many words of the right anchor (fewer where the next box follows)
GAP = 12  # at most this many words readable in B where A has its box
# The two copies must agree on at least this many words round the passage (anchors and
# beyond, a redaction matching a redaction), so that two different texts that share a
# stock phrase ("met vriendelijke groet") and a few words are not taken for copies.
MIN_CONTEXT = 8
SPAN = 20  # words looked at beyond the anchors on each side
REDACTED, APART = -1, -2  # ids of a redaction, and of the gap between two documents
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Leak:
    readable_doc: int  # index of the document where the passage is readable
    readable_at: int  # token index of the first readable word
    length: int  # number of readable words
    redacted_doc: int
    redacted_at: int  # token index of the sentinel in the redacted copy

    def words(self, words_b: list[str]) -> list[str]:
        """The readable words, given the words of the readable document."""
        return words_b[self.readable_at : self.readable_at + self.length]

    def grounds(self, words_a: list[str]) -> str:
        """The redaction's grounds, given the words of the redacted document."""
        return words_a[self.redacted_at][len(SENTINEL) :]


def _window_hashes(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every K-word window, and whether the window holds only words."""
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


def _laid_out(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The documents end to end with APART between them, and where each starts."""
    starts = np.zeros(len(arrays), np.int64)
    parts = []
    pos = 0
    for i, a in enumerate(arrays):
        starts[i] = pos
        parts += [a, np.array([APART], np.int64)]
        pos += len(a) + 1
    return (np.concatenate(parts) if parts else np.empty(0, np.int64)), starts


def _search(arrays: list[np.ndarray]) -> list[tuple[int, int, int, int, int]]:
    """(B, first readable word, how many, A, redaction) for each passage found, positions
    counted within each document."""
    ids, starts = _laid_out(arrays)
    h, clean = _window_hashes(ids)
    seq = ids.tolist()
    # Each redaction's anchors: left-anchor hash -> left words -> right words -> the
    # redactions with them. A thread holds the same anchors in many copies, so B's words
    # are aligned once per anchors and only the wider agreement is tested per copy. The
    # right words are looked up, never iterated: a template page repeats its left anchor
    # with a different right side on every page.
    anchors: dict[int, dict[tuple, dict[tuple, list[int]]]] = {}
    for s in np.flatnonzero(ids == REDACTED).tolist():
        right = []
        for w in seq[s + 1 : s + 1 + R]:
            if w < 0:
                break
            right.append(w)
        if s >= K and clean[s - K] and right:
            by_left = anchors.setdefault(int(h[s - K]), {}).setdefault(tuple(seq[s - K : s]), {})
            by_left.setdefault(tuple(right), []).append(s)
    if not anchors:
        return []
    wanted = np.sort(np.fromiter(anchors, dtype=np.uint64, count=len(anchors)))
    at = np.minimum(np.searchsorted(wanted, h), len(wanted) - 1)
    found = []
    for p in np.flatnonzero((wanted[at] == h) & clean).tolist():
        q = p + K
        by_left = anchors[int(h[p])].get(tuple(seq[p:q]))
        if by_left is None or seq[q] < 0:
            continue  # another text with the same hash, or B is redacted there too
        hit = _aligned(seq, p, q, by_left)
        if hit is not None:
            gap, s = hit
            b = int(np.searchsorted(starts, q, "right")) - 1
            a = int(np.searchsorted(starts, s, "right")) - 1
            found.append((b, q - int(starts[b]), gap, a, s - int(starts[a])))
    return found


def _agree(seq: list, i: int, j: int, step: int) -> int:
    """How many words B (from i) and A (from j) share going in `step` direction, up to SPAN;
    the gap between two documents ends it (and the array's ends: it starts and ends with
    a document, and APART follows the last)."""
    n = 0
    end = len(seq)
    while n < SPAN and i >= 0 and j >= 0 and i < end and j < end:
        w = seq[i]
        if w != seq[j] or w == APART:
            break
        n += 1
        i += step
        j += step
    return n


def _aligned(seq: list, p: int, q: int, by_left: dict) -> Optional[tuple[int, int]]:
    """(number of readable words, the redaction in A) when B's words from q run through
    1..GAP readable words into the right anchor of a redaction with B's left anchor, and
    the two agree on MIN_CONTEXT words round it; None otherwise."""
    for g in range(1, GAP + 1):
        if seq[q + g - 1] < 0:
            return None  # B is redacted there too, or ends
        for n in range(1, R + 1):
            right = tuple(seq[q + g : q + g + n])
            copies = by_left.get(right)
            if copies is None or tuple(seq[q : q + n]) == right:
                continue  # B does not run into it, or has nothing where A has its box
            s = next((s for s in copies if K + n + _agree(seq, p - 1, s - K - 1, -1)
                      + _agree(seq, q + g + n, s + 1 + n, 1) >= MIN_CONTEXT), None)
            if s is not None:
                return g, s
    return None


def find(streams: list[Stream]) -> list[Leak]:
    """Every passage readable in one stream where another (or the same) has a redaction."""
    arrays = [np.frombuffer(s.ids, dtype=np.int64) if len(s.ids) else np.empty(0, np.int64) for s in streams]
    leaks = [Leak(*x) for x in _search(arrays)]
    seen = {(x.readable_doc, x.readable_at) for x in leaks}
    for b, q, gap, a, s in _search([x[::-1] for x in arrays]):
        first = len(arrays[b]) - q - gap  # back in page order
        if (b, first) not in seen:
            seen.add((b, first))
            leaks.append(Leak(b, first, gap, a, len(arrays[a]) - 1 - s))
    return leaks
