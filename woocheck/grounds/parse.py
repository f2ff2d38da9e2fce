"""Turn any written form of a ground into a normalised code.

Two passes. The notation pass reads what people type ("5.1 lid 2 sub e", "5.1, tweede
lid, aanhef en onder e", "Art. 10.2.e en g", "5.1(2)(e)"). The repair pass reads what OCR
makes of a label printed in a grey box ("51.2e", "512¢", "1.2e]", "5.l.2e"): it reduces a
token to its skeleton of digits and one letter and accepts the catalogue code with that
skeleton only when exactly one fits. A well-formed code that does not exist ("5.1.2j",
"5.1.3") is never "repaired" into one that does: that is an error the user must see.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..memo import per_object
from ..model import Ground
from .catalogue import Catalogue

ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7}

_SEP = r"(?:sub\.?|onder|letter)"
NOTATION = re.compile(
    rf"""
    (?<![\w.,])
    (?:art(?:ikel|\.)?\s*)?
    (?P<art>5|10|11)
    (?:\s?[.,]\s?(?P<sub>\d{{1,2}}))?
    (?:
        \.?\s*,?\s*(?:lid\s*(?P<lid>\d)|(?P<lidw>{'|'.join(ORDINALS)})\s+lid)
      | \s*\(\s*(?P<lidp>\d)\s*\)
      | \.(?P<lidd>\d)(?!\d)
      | \s(?P<lids>\d)(?=\s*(?:{_SEP}|\(|[a-z](?![a-z])))
    )?
    (?P<letters>
        \s*[.,]?\s*(?:,?\s*aanhef\s+en\s+)?(?:{_SEP}\s*)?\(?\s*(?P<first>[a-z¢©])\)?(?![a-z])
        (?:\s*(?:,|en|&|/|of)\s*(?:{_SEP}\s*)?\(?[a-j]\)?(?![a-z]))*
    )?
    (?![\d])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_LETTER = re.compile(r"(?:sub|onder|letter|aanhef|en|of)|([a-z¢©])", re.IGNORECASE)

# A label already in canonical form: if it is not in the catalogue it is wrong, not damaged.
CANONICAL = re.compile(r"^(?:5|10|11)\.\d(?:\.\d)?[a-z]?$|^5\.4a$")

# OCR look-alikes. In the digit run: l I | ! -> 1, a leading s S § $ -> 5, o O -> 0.
# As the letter: ¢ © € o -> e (grey-box labels: "5.1.2¢", "5.1lid 2 o").
_LETTER_FIX = {"¢": "e", "©": "e", "€": "e", "o": "e", "é": "e", "ë": "e"}
_CANDIDATE = re.compile(r"[0-9lI|!§$sS][0-9lI|!oO.,]{1,8}(?:[¢©€][a-z]|[a-z¢©€])?")


def _skeleton(code: str) -> str:
    return code.replace(".", "")


@lru_cache(maxsize=8)
def _skeletons(cat_id: int, codes: tuple[str, ...]) -> dict[str, str]:
    return {_skeleton(c): c for c in codes}


def _numeric_codes(cat: Catalogue) -> tuple[str, ...]:
    return tuple(e.code for e in cat if e.law in ("woo", "wob") and re.match(r"^\d", e.code))


def _ground(cat: Catalogue, code: str, raw: str, repaired: bool = False) -> Ground:
    entry = cat.get(code)
    if entry is None:
        return Ground(code=code, raw=raw.strip(), valid=False, law="unknown", repaired=repaired)
    return Ground(code=code, raw=raw.strip(), valid=True, law=entry.law, repaired=repaired)


def _from_match(m: re.Match, cat: Catalogue) -> list[Ground]:
    raw = m.group(0)
    art, sub = int(m["art"]), m["sub"]
    lid = m["lid"] or m["lidp"] or m["lidd"] or m["lids"]
    if m["lidw"]:
        lid = str(ORDINALS[m["lidw"].lower()])
    letters: list[str] = []
    if m["letters"]:
        letters = [x.lower() for x in _LETTER.findall(m["letters"]) if x]
    if sub is not None and len(sub) == 2 and not letters:
        return []  # "10.30", "5.12": a time or a number, not a ground
    if sub is None:
        if art == 5 or lid is None:  # a bare "5" or "10" is a number, not a ground
            return []
        sub, lid = lid, None  # "artikel 10 lid 2 sub e" is Wob 10.2e
    repaired = False
    fixed = []
    for x in letters:
        if x in _LETTER_FIX:
            x, repaired = _LETTER_FIX[x], True
        fixed.append(x)
    letters = fixed
    if art == 5:
        base = f"5.{int(sub)}"
        if base == "5.4" and letters[:1] == ["a"]:
            return [_ground(cat, "5.4a", raw, repaired)]  # article 5.4a (its lid 1 is implied)
        if lid:
            base += f".{lid}"
        elif base == "5.2" and not letters:
            base = "5.2.1"  # "5.2" on a box means lid 1
    else:
        base = f"{art}.{int(sub)}"
    if not letters:
        return [_ground(cat, base, raw, repaired)]
    return [_ground(cat, base + x, raw, repaired) for x in letters]


def _digits_and_letter(token: str) -> Optional[tuple[str, str, bool, bool]]:
    """(digit skeleton, letter, letter_was_real, had_separator) of an OCR'd label token, or None."""
    body = token.strip(" .,;:[](){}|!'\"")
    m = re.fullmatch(r"([0-9lI|!§$sSoO.,]+?)((?:[¢©€][a-z])|[a-z¢©€])?", body)
    if not m:
        return None
    run, tail = m.group(1), m.group(2) or ""
    if tail in ("l", "I"):  # "5.2.l": no ground ends in an l, it is the digit 1
        run, tail = run + tail, ""
    if not re.search(r"\d.*\d", run):
        return None
    if run[0] in "sS§$":
        run = "5" + run[1:]
    digits = run.translate(str.maketrans("lI|!oO", "111100"))
    sep = "." in digits or "," in digits
    digits = digits.replace(".", "").replace(",", "")
    if not digits.isdigit():
        return None
    letter, real = "", False
    if tail:
        letter = tail[-1] if len(tail) == 2 else tail
        letter = _LETTER_FIX.get(letter, letter)
        real = True
    elif "." in run and digits.endswith("0") and len(digits) >= 3:
        digits, letter = digits[:-1], "e"  # "51.20": the e came out as a zero
    if not sep and not real:
        return None  # bare numbers (postcodes, amounts) are never read as grounds
    return digits, letter, real, sep


def repair(token: str, cat: Catalogue) -> Optional[Ground]:
    """The one catalogue code an OCR-damaged token can stand for, or None."""
    parts = _digits_and_letter(token)
    if parts is None:
        return None
    digits, letter, real, sep = parts
    skel = digits + letter
    table = _skeletons(id(cat), _numeric_codes(cat))
    if skel in table:
        code = table[skel]
        return _ground(cat, code, token, repaired=token.strip(" .,;:[](){}|").lower() != code)
    # Beyond an exact skeleton the token must still show a code's punctuation: "1.2e]" is
    # a label that lost its head, "12g" is as likely a word fragment.
    if not real or not sep or len(skel) < 3:
        return None
    # Lost leading characters ("1.2e]") or junk glued in front ("15.1.2¢").
    near = {c for s, c in table.items() if s[-1:].isalpha() and (s.endswith(skel) or (len(s) >= 4 and skel.endswith(s)))}
    if len(near) == 1:
        return _ground(cat, near.pop(), token, repaired=True)
    if near:
        return None
    # One character misread ("9.1.2e").
    if len(skel) >= 4:
        near = {c for s, c in table.items() if len(s) == len(skel) and sum(a != b for a, b in zip(s, skel)) == 1}
        if len(near) == 1:
            return _ground(cat, near.pop(), token, repaired=True)
    return None


def _alias_pattern(alias: str) -> re.Pattern:
    parts = [re.escape(p) for p in re.split(r"[\s.]+", alias.strip()) if p]
    return re.compile(r"(?<![\w])" + r"[\s.]*".join(parts) + r"\.?(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _alias_patterns(cat_id: int, pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str, re.Pattern]]:
    return [(a, c, _alias_pattern(a)) for a, c in pairs]


def _aliases(text: str, cat: Catalogue) -> tuple[list[tuple[int, Ground]], str]:
    """Markers and special laws by their literal spelling; returns them and the text without them."""
    found: list[tuple[int, Ground]] = []
    bare = text.strip(" \t\n[](){}:;,.-")
    for alias, code, pat in _alias_patterns(id(cat), tuple(cat.aliases())):
        if len(alias) <= 2:
            # "D" or "BR" is a marker only as the whole label, written as such.
            if bare == alias:
                found.append((0, _ground(cat, code, bare)))
                text = " " * len(text)
            continue
        for m in pat.finditer(text):
            found.append((m.start(), _ground(cat, code, m.group(0))))
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return found, text


def parse(text: str, cat: Catalogue) -> list[Ground]:
    """Every ground written in `text`, in order of appearance."""
    return [g for _, g in parse_with_pos(text, cat)]


# Readings per catalogue and text: a page repeats its labels ("5.1.2e" on every box) and
# the repair pass is the dear part (VWS scans: 12,773 calls, ~1,200 distinct texts).
_MEMO_SIZE = 20_000


@per_object
def _memo(cat: Catalogue) -> dict[str, tuple[tuple[int, Ground], ...]]:
    return {}


def parse_with_pos(text: str, cat: Catalogue) -> list[tuple[int, Ground]]:
    """Like `parse`, with the offset in `text` where each ground was read."""
    memo = _memo(cat)
    found = memo.get(text)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[text] = tuple(_parse_with_pos(text, cat))
    return list(found)


def _parse_with_pos(text: str, cat: Catalogue) -> list[tuple[int, Ground]]:
    if not text or not text.strip():
        return []
    found, rest = _aliases(text, cat)
    spans: list[tuple[int, int]] = []
    repaired_words: set[tuple[int, int]] = set()
    for m in NOTATION.finditer(rest):
        gs = _from_match(m, cat)
        if not gs:
            continue
        token = m.group(0).strip()
        # The whitespace-delimited word the match sits in: OCR glues labels to junk.
        a = m.start()
        while a > 0 and not rest[a - 1].isspace():
            a -= 1
        b = m.end()
        while b < len(rest) and not rest[b].isspace():
            b += 1
        word = rest[a:b]
        spans.append((min(a, m.start()) if " " not in token else m.start(), max(b, m.end()) if " " not in token else m.end()))
        glued = " " not in token and word.strip(" .,;:[](){}|") != token.strip(" .,;:[](){}|")
        damaged = " " not in token and (
            glued
            or (not all(g.valid for g in gs)
                and (not CANONICAL.match(token.lower().rstrip(".")) or gs[0].code in ("5.1.1", "5.1.2")))
        )
        if damaged and (a, b) in repaired_words:
            continue  # a second code in a word already read as a whole
        if damaged:  # "5.12e", or a letter that OCR lost: the repair pass may read the word
            fixed = [g for g in (repair(c.group(0), cat) for c in _CANDIDATE.finditer(word)) if g]
            if fixed:
                gs = fixed
                repaired_words.add((a, b))
        found.extend((m.start(), g) for g in gs)
    for t in re.finditer(r"\S+", rest):
        if any(a < t.end() and t.start() < b for a, b in spans):
            continue
        for c in _CANDIDATE.finditer(t.group(0)):
            g = repair(c.group(0), cat)
            if g is not None:
                found.append((t.start() + c.start(), g))
    found.sort(key=lambda p: p[0])
    return found


def parse_one(text: str, cat: Catalogue) -> Optional[Ground]:
    gs = parse(text, cat)
    return gs[0] if gs else None


def explain_invalid(code: str) -> str:
    """Why a code is not a ground, in one short clause (for WOO202 and `explain`)."""
    if re.fullmatch(r"5\.1\.1[f-z]", code):
        return "art. 5.1 lid 1 runs a-e only"
    if re.fullmatch(r"5\.1\.2[j-z]", code):
        return "art. 5.1 lid 2 runs a-i only"
    if code in ("5.1.1", "5.1.2"):
        return "the letter (a-e / a-i) is missing"
    if re.fullmatch(r"5\.1\.[37-9].*", code):
        return "art. 5.1 has no such lid (grounds sit in lid 1, 2, 4, 5 and 6)"
    if re.fullmatch(r"5\.[35-9].*", code) or re.fullmatch(r"5\.\d\d.*", code):
        return "that article of the Woo holds no refusal ground"
    if code.startswith(("10.", "11.")):
        return "no such Wob ground"
    return "not in the catalogue"
