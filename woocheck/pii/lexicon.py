"""Is a capitalised word an ordinary Dutch word? The OpenTaal word list decides.

Many things in a Woo document start with a capital and are no names: a word at the
start of a line or table cell, a heading, a division ("Uitkeren"), a legal term ("de
Regeling"), a closing ("Hoogachtend"). A hand list of such words never ends, so the
name recognizer asks a real lexicon instead: the OpenTaal list of Dutch word forms
(Debian/Ubuntu package `wdutch`, /usr/share/dict/dutch; BSD or CC-BY 3.0), with the
English list beside it (`wbritish`; tables quote course and product names in English).
OpenTaal keeps case: ordinary words are written in lower case, proper names (Jansen, Karin,
Amsterdam) with a capital. So "post" and "regeling" are ordinary words and "jansen" is
not, and a word is ordinary when its lowercased form is in the list as written.

Some surnames are ordinary words too (Post, Visser, Groen). The lexicon says only
"this is also an ordinary word": the scorer weighs that against the evidence for a
person (a title, initials, a listed first name), see `woocheck.pii.evidence`.

The lists are read once per process, on first use (in the parent before workers fork),
from a cache of their hashes (`WordSet`) kept in ~/.cache/woocheck (or WOOCHECK_CACHE).
Without the package, `available()` is False and the recognizer falls back on deduce's
short list of common words; `woocheck` says so once (see `missing_note`).
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

# Where Debian/Ubuntu install the OpenTaal list (wdutch) and the English list (wbritish:
# Woo documents quote course names, products and job titles in English). Every file
# found is used. WOOCHECK_LEXICON (paths separated by os.pathsep) replaces them.
DEFAULT_PATHS = ("/usr/share/dict/dutch", "/usr/share/dict/british-english", "/usr/share/dict/american-english")
INSTALL_HINT = "install the word lists (Debian/Ubuntu: apt-get install wdutch wbritish)"


def _paths() -> list[Path]:
    env = os.environ.get("WOOCHECK_LEXICON")
    candidates = env.split(os.pathsep) if env else DEFAULT_PATHS
    return [Path(p) for p in candidates if p and Path(p).is_file()]


class WordSet:
    """A set of lower-case words held as a sorted array of 64-bit hashes: loaded from a
    cache file in a millisecond, where building a Python set of the half a million
    entries took 0.15-0.2 s at every start. A query hashes the word and bisects
    (about 2 µs); a false hit on 2**64 hashes is not a concern."""

    def __init__(self, hashes):
        self.hashes = hashes
        self._key = hashes.dtype.type  # numpy.uint64: a Python int past 2**63 would be compared as a float

    def __len__(self) -> int:
        return len(self.hashes)

    def __contains__(self, word: str) -> bool:
        if not len(self.hashes):
            return False
        h = _hash(word)
        i = int(self.hashes.searchsorted(self._key(h)))
        return i < len(self.hashes) and int(self.hashes[i]) == h


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _build(paths: list[Path]):
    import numpy as np

    words: set[str] = set()
    for path in paths:
        # Only entries written in lower case can answer a lowercased query.
        words.update(w for w in path.read_text("utf-8", errors="replace").split("\n") if w and w == w.lower())
    out = np.fromiter((_hash(w) for w in words), dtype=np.uint64, count=len(words))
    out.sort()
    return out


def _cache_dir() -> Path:
    base = os.environ.get("WOOCHECK_CACHE") or os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no HOME and no password entry (a bare container)
            import tempfile

            base = tempfile.gettempdir()
    return Path(base) / "woocheck"


def _load(paths: list[Path]) -> WordSet:
    """The hashes of `paths`, from the cache when it matches their names, sizes and
    modification times, else built and (if the cache folder is writable) stored."""
    import numpy as np

    if not paths:
        return WordSet(np.zeros(0, dtype=np.uint64))
    stamp = "|".join(f"{p.resolve()}:{st.st_size}:{st.st_mtime_ns}" for p in paths for st in (p.stat(),))
    key = hashlib.sha1(f"v1|{stamp}".encode()).hexdigest()[:20]
    cached = _cache_dir() / f"lexicon-{key}.npy"
    try:
        return WordSet(np.load(cached))
    except (OSError, ValueError):
        pass
    hashes = _build(paths)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            np.save(fh, hashes)
        os.replace(tmp, cached)  # atomic: a parallel run reads the old file or the new one
    except OSError:
        pass  # a read-only home: built again next time
    return WordSet(hashes)


def _is_dutch(path: Path) -> bool:
    return path.name in ("dutch", "nederlands") or "dutch" in path.name


@lru_cache(maxsize=1)
def _lists() -> tuple[WordSet, WordSet]:
    """(Dutch words, words of the other lists), lower-case entries only."""
    paths = _paths()
    return _load([p for p in paths if _is_dutch(p)]), _load([p for p in paths if not _is_dutch(p)])


def available() -> bool:
    return len(_lists()[0]) > 0


@lru_cache(maxsize=65536)
def is_foreign(word: str) -> bool:
    """True when `word` is an ordinary word of the English list ("Academy", "Nails")."""
    return word.lower() in _lists()[1]


@lru_cache(maxsize=65536)
def is_ordinary(word: str) -> bool:
    """True when `word` (any case) is an ordinary Dutch word form: in the list in lower
    case ("Regeling", "Hoogachtend", "Post"). Names, places and acronyms are not."""
    return word.lower() in _lists()[0]


# Dutch writes compounds as one word and makes new ones freely ("districtsmanager",
# "backofficemanager"), so no list holds them all: a compound of listed words, with
# the linking "s", "e" or "en" between them, is an ordinary word too.
_LINKS = ("", "s", "e", "en", "-")
MIN_PART = 4


@lru_cache(maxsize=16384)
def is_compound(word: str) -> bool:
    """True when `word` is two or three listed words run together ("Teamcoach",
    "Districtsmanager", "Beveiligingsovereenkomst"); each part at least 3 letters."""
    # Parts from the English list too: "Controlcyclus", "Backofficemanager".
    return _splits(word.lower(), *_lists(), 2)


def _splits(low: str, dutch: WordSet, other: WordSet, depth: int) -> bool:
    for i in range(len(low) - MIN_PART, MIN_PART - 1, -1):  # the longest head word last
        tail = low[i:]
        if tail not in dutch and tail not in other:
            continue
        head = low[:i]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[:len(head) - len(link)] if link else head
            if len(stem) < MIN_PART:
                continue
            if stem in dutch or stem in other or (depth > 1 and _splits(stem, dutch, other, depth - 1)):
                return True
    return False


def missing_note() -> str | None:
    """One line for the report when the lexicon is missing, else None."""
    return None if available() else f"name detection is less precise without a Dutch lexicon: {INSTALL_HINT}"


def reload() -> None:
    """Forget the loaded lists and every answer (after WOOCHECK_LEXICON changed)."""
    for cached in (_lists, is_ordinary, is_foreign, is_compound):
        cached.cache_clear()
