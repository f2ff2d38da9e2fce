"""Tell OCR junk from language in text that OCR read inside a redaction box.

When a scan with grey boxes goes through OCR, the boxes come out as junk tokens
("EEE", "IEEE", "BEEE", "EXER", "[ERELIN", "metREY") and the ground printed in the box
as a damaged label ("5.1.2¢", "51.2e"). Neither is leaked text. What does leak, when the
OCR ran *before* the box was burnt in, is language: dictionary words, names, places,
long numbers, e-mail addresses. This module decides which is which, token by token.

The word lists come from packages already installed (spacy's Dutch stop words, deduce's
lookup lists of common words, medical terms, first names, surnames and places); they are
read from those packages at run time, never copied. Without them the module falls back
on character statistics alone and reports less.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

# A ground as it comes out of OCR: "5.1.2e", "5.1.2¢", "51.2e", "512e", "1.2e]", "5.1.5",
# "5.1.2i", "s12¢", "5.1.20" ("e" read as "0"), "10.2.e".
LABEL = re.compile(
    r"^[\[\(|{f7]*"
    r"(?:[5s9]\.?1\.?2\.?[a-i¢0-9§%]?|\d?\.?1\.?2\.?[a-i¢]|5\.1\.[1-5][a-i¢]?|10\.2\.?[a-h¢]?|2[e¢])"
    r"[\]\)|}.,;:§s]*$"
)

# What a redaction tool writes in a box instead of a ground, or next to one.
LABEL_PHRASE = re.compile(
    r"\b(?:buiten\s+(?:verzoek|reikwijdte|de\s+reikwijdte|scope)|niet\s+relevant|dubbel|duplicaat"
    r"|art(?:ikel|\.)?\s*\d+(?:\.\d+)*(?:\s*lid\s*\d+)?(?:\s*sub\s*[a-i])?|woo|wob)\b",
    re.IGNORECASE,
)

_STRIP = "()[]{}<>|,.;:!?\"'‘’“”«»*-–—_/\\=+~^`§¢%&#"
_VOWELS = set("aeiouyáéíóúàèëïöüij")
# The capitals OCR reads in the texture and edges of a grey box.
_BOX_LETTERS = set("EIBRLNXSCFJPYZKH")


def is_label(token: str) -> bool:
    """True for a ground label as OCR reads it ("5.1.2e", "51.2e", "512¢", "1.2e]")."""
    return bool(LABEL.match(token))


def _deduce_lists() -> Path | None:
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(list(spec.submodule_search_locations)[0]) / "data" / "lookup" / "src"
    return root if root.is_dir() else None


def _spacy_stop_words() -> set[str]:
    """spacy's Dutch stop words, loaded from their own small module: importing the
    spacy package for them would cost seconds."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return set()
    path = Path(list(spec.submodule_search_locations)[0]) / "lang" / "nl" / "stop_words.py"
    try:
        mod_spec = importlib.util.spec_from_file_location("_woocheck_nl_stop_words", path)
        module = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(module)
        return {w.lower() for w in module.STOP_WORDS}
    except Exception:  # spacy changed its layout: the deduce lists still help
        return set()


def _read(root: Path | None, rel: str) -> set[str]:
    if root is None:
        return set()
    path = root / rel / "items.txt"
    try:
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    except OSError:
        return set()


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Lower-case Dutch words: stop words, common words, medical terms."""
    out: set[str] = set(_spacy_stop_words())
    root = _deduce_lists()
    for rel in ("whitelist/lst_stop_word", "whitelist/lst_common_word", "whitelist/lst_medical_term"):
        out |= {w.lower() for w in _read(root, rel)}
    return frozenset(out)


@lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """Lower-case first names, surnames and place names."""
    root = _deduce_lists()
    out: set[str] = set()
    for rel in (
        "names/lst_first_name",
        "names/lst_surname",
        "locations/lst_placename/lst_residence",
        "locations/lst_placename/lst_municipality",
    ):
        out |= {w.lower() for w in _read(root, rel) if " " not in w}
    return frozenset(out)


def _junk_shape(core: str) -> bool:
    """Character statistics of a grey box read as letters."""
    letters = [c for c in core if c.isalpha()]
    if not letters:
        return True
    upper = sum(c.isupper() for c in letters)
    # Upper case after lower case inside a token ("metREY", "EXEc") is not how words
    # are written; OCR of a box next to a word produces it.
    if re.search(r"[a-z][A-Z]", core):
        return True
    if upper == len(letters) and len(letters) >= 2:
        e_share = sum(c == "E" for c in letters) / len(letters)
        if e_share >= 0.25 or len(letters) <= 4 or set(letters) <= _BOX_LETTERS:
            return True
    if re.fullmatch(r"[A-Z]{2,}[a-z]{1,2}", core):  # "BEa", "EXEc"
        return True
    if re.search(r"(.)\1\1", core.lower()):  # "eee", "iii"
        return True
    vowels = sum(c.lower() in _VOWELS for c in letters)
    if len(letters) >= 4 and (vowels == 0 or vowels / len(letters) > 0.8):
        return True
    return False


@lru_cache(maxsize=65536)
def classify(token: str) -> str:
    """One of "label", "junk", "word", "name", "number", "email", "unknown".

    "word", "name", "number" and "email" read as language; "unknown" is a plausible
    looking token that no list knows (a leak only in company, see `leaked`).
    """
    if is_label(token):
        return "label"
    core = token.strip(_STRIP)
    if not core:
        return "junk"
    if re.search(r"[\[\]|{}]", core):  # brackets and bars inside a token: box edges
        return "junk"
    if "@" in core:
        local = core.split("@", 1)[0].strip(_STRIP)
        return "email" if len(local) >= 3 and not _junk_shape(local) and re.fullmatch(r"[A-Za-z0-9._-]+", local) else "junk"
    # "j.jansen", "van-der-berg", "p_de_vries": the parts of an address or a compound
    # name; the token is as strong as its strongest part, unless a part is junk.
    if re.fullmatch(r"[A-Za-zÀ-ÿ]+(?:[._-][A-Za-zÀ-ÿ]+)+", core):
        # Parts are written in lower case in addresses; names are looked up capitalised.
        kinds = [classify(part[:1].upper() + part[1:]) for part in re.split(r"[._-]", core)]
        if "junk" in kinds and not all(len(p) <= 2 for p, k in zip(re.split(r"[._-]", core), kinds) if k == "junk"):
            return "junk"
        for kind in ("name", "word", "unknown"):
            if kind in kinds:
                return kind
        return "junk"
    digits = sum(c.isdigit() for c in core)
    if digits:
        # Five digits or more: a phone number, a date, a BSN, an account. Shorter runs
        # are what OCR makes of a damaged label ("6120" for "5.1.2e").
        if digits >= 5 and re.fullmatch(r"[0-9 .:/+()-]+", core):
            return "number"
        return "junk"
    if _junk_shape(core):
        return "junk"
    low = core.lower()
    if len(low) >= 2 and low in words():
        return "word"
    if len(low) >= 3 and core[0].isupper() and low in names():
        return "name"
    # A word no list knows still reads as language when it is written like one; OCR
    # junk of a box comes out in capitals.
    if len(low) >= 5 and core.isalpha() and not core.isupper():
        return "unknown"
    return "junk"


def leaked(tokens: list[str]) -> list[str]:
    """The tokens that read as language, or [] when the text is labels and junk.

    One token is enough when it is a word or name of four letters or more, a long
    number or an e-mail address; words and names of three letters and unknown tokens
    count only when two or more of them stand together, because OCR junk produces the
    odd "Als", "Jor" or "pitizg" by itself (two-letter words never count).
    """
    kinds = [classify(t) for t in tokens]
    def size(t: str) -> int:
        return len(t.strip(_STRIP))

    strong = [t for t, k in zip(tokens, kinds) if k in ("number", "email") or (k in ("word", "name") and size(t) >= 4)]
    weak = [t for t, k in zip(tokens, kinds) if k in ("word", "name", "unknown") and size(t) >= 3]
    if strong or len(weak) >= 2:
        return [t for t, k in zip(tokens, kinds) if k in ("word", "name", "number", "email", "unknown")]
    return []


def strip_label_phrases(text: str) -> str:
    """Remove what a redaction tool writes in a box ("buiten verzoek", "Dubbel")."""
    return LABEL_PHRASE.sub(" ", text)
