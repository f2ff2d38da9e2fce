"""Which detected personal data may stay readable: the publication policy, after detection.

Detection says "this is a name"; the policy says whether publishing it is a leak. Not
a leak: a public office holder (by a role word, an organisation tag or a minister code
beside the name, or by the allowlist in rules/public-officials.yaml plus the files in
Config.public_officials), the same surname elsewhere in a document that named its bearer
with a role, a functional mailbox, an e-mail whose local part is already redacted, and
the office address or general number in an organisation's letterhead.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Optional

import regex as re
import yaml

from ..yamlfile import read_yaml
from . import contact
from .contact import LETTERHEAD, MOBILE, PRIVATE_CUE, is_functional  # noqa: F401  (re-exported)
from .detect import Hit, given_initial, given_name, surname_keys
from .names import lists
from .scan import word_starts
from .recognizers.name_parts import CAPW



def rules_file() -> Path:
    """rules/public-officials.yaml beside the package, or under WOOCHECK_RULES when set
    (the same convention as the grounds catalogue)."""
    base = os.environ.get("WOOCHECK_RULES")
    return (Path(base) if base else Path(__file__).resolve().parents[2] / "rules") / "public-officials.yaml"


@dataclass(frozen=True)
class Officials:
    roles: tuple[str, ...]
    org_tags: frozenset[str]  # lowercase
    ministries: tuple[str, ...]
    functional: tuple[str, ...]  # lowercase local parts
    people: tuple[tuple[str, frozenset[str], str], ...]  # (first letter, surname keys, role)

    @cached_property
    def role_re(self) -> str:
        words = sorted(self.roles, key=len, reverse=True)
        return r"(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\p{L}])"

    @cached_property
    def patterns(self) -> "_RolePatterns":
        return _RolePatterns(self.role_re)

    @cached_property
    def role_words(self) -> Optional[tuple[str, ...]]:
        """The first words of the roles, lowercased: where a role can start. None (search
        everywhere) when a role is empty or not plain ASCII, where case folding is more
        than lower()."""
        if not all(r.strip() and r.isascii() for r in self.roles):
            return None
        return tuple(sorted({r.split()[0].lower() for r in self.roles}))

    @cached_property
    def people_by_key(self) -> dict:
        """Surname key -> [(first letter, role)] of the listed people that carry it, in
        list order (a lookup per name instead of a walk over the whole list)."""
        index: dict = {}
        for first, keys, role in self.people:
            for key in keys:
                index.setdefault(key, []).append((first, role))
        return index

    @cached_property
    def code_re(self):
        return re.compile(rf"^([MS])(?:{'|'.join(re.escape(m) for m in self.ministries)})$")


def _read_yaml(path: str) -> dict:
    try:
        data = read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read public-officials file ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with roles/org_tags/officials")
    return data


@lru_cache(maxsize=8)
def load_officials(extra_files: tuple[str, ...] = ()) -> Officials:
    shipped = rules_file()
    files = ([str(shipped)] if shipped.is_file() else []) + list(extra_files)
    roles: list[str] = []
    tags: set[str] = set()
    ministries: list[str] = []
    functional: list[str] = []
    people: list[tuple[str, frozenset[str], str]] = []
    for path in files:
        data = _read_yaml(path)
        roles += [str(r) for r in data.get("roles") or ()]
        tags |= {_norm_tag(str(t)) for t in data.get("org_tags") or ()}
        ministries += [str(m) for m in data.get("ministries") or ()]
        functional += [str(f).lower() for f in data.get("functional_mailboxes") or ()]
        for entry in data.get("officials") or ():
            name = entry.get("name") if isinstance(entry, dict) else str(entry)
            if not name:
                continue
            keys = surname_keys(name)
            if keys:
                people.append((name.strip()[0].upper(), frozenset(keys), str(entry.get("role", "")) if isinstance(entry, dict) else ""))
    return Officials(tuple(roles or ["minister", "staatssecretaris"]), frozenset(tags), tuple(ministries or ["BZK"]),
                     tuple(functional), tuple(people))


_TAG_S = re.compile(r"\s*['’]\s*s$")


def _norm_tag(tag: str) -> str:
    return _TAG_S.sub("", tag.strip()).lower()


# Case-insensitive pieces are marked inline: a global IGNORECASE would let \p{Lu} match
# lower case too ("burgemeester en wethouders" would read as a role and a name).
TITLE_RUN = r"(?:(?i:dhr|mw|mevr|mevrouw|de\s+heer|heer|drs|mr|ir|dr|prof|ing)\.?\s*)*"
_MOTION = re.compile(
    r"(?i)\b(?:motie|moties|amendement)(?:\s+van\s+(?:het\s+lid|de\s+leden))?\s+"
    r"(?:[\p{L}'’. -]{1,40}(?:/|\s+en\s+|,\s*))?(?:van\s+(?:de[nr]?\s+)?|de\s+)?$"
)
_TAG_THEN_BRACKET = re.compile(rf"([\p{{L}}']+)\s*\(\s*{TITLE_RUN}$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")
_MEMBER = re.compile(r"(?i)\b(?:het lid|de leden|kamerleden)\b")
_MOTION_END = re.compile(r"(?i)over tot de orde van de dag\.?\s*$")
_MOTION_SIGNERS = re.compile(r"(?i)over tot de orde van de dag\.?\s*\n(?:[^\n]{1,40}\n){0,8}$")
_BRACKETS_AFTER = re.compile(r"\s*\(([^()]{1,120})\)")
_TITLE_BEFORE = re.compile(rf"\b{TITLE_RUN[:-1]}+$")
_TAG_SPLIT = re.compile(r"[\s,/;]+")
# A year after the name, perhaps after co-authors: "(Kortekaas, 2021)", "Oudshoorn &
# Lelieveld, 2019", "Kortekaas, J. (2021). Titel", "Smit et al. (2020)".
_CITED = re.compile(
    r"[ ,]*(?:\p{Lu}[\p{L}'’-]+,[ ]?(?:\p{Lu}\.[ ]?)+,?[ ]*){0,8}(?:(?:&|en|et al\.?)[ ]+[^()\n.;]{0,40}?(?:\p{Lu}\.[ ]?)*)?[ ,]*(?:et al\.?[ ,]*)?\(?(?:19|20)\d\d[a-z]?(?:[);,:]|\)?\.)"
)
# "ir. M.A. Kolkman, hierna te noemen: de Provincie": who signs a covenant for a party.
_PARTY = re.compile(r"(?i)[ ,]*(?:\([^()\n]{0,40}\)[ ,]*)?(?:[^,()\n]{1,60},\s*)?hierna(?:[ ]+te[ ]+noemen)?[ ]*:?[ ]*[\"“‘']?(?:de|het)?[ ]*\p{Lu}")


# One name of a list: titles, initials, interfixes, a capitalised word, then a comma or "en".
_NAME_ITEM = (rf"(?:{TITLE_RUN}(?:\p{{Lu}}\.[ ]?)*"
              r"(?:(?i:van|de|der|den|ter|ten|te|het)[ ]+)*\p{Lu}[\p{L}'’-]*[ \t]*(?:,|en|&)?[ \t]*)")
# A plural word, then only names, commas and "en" up to the name asked about.
_PLURAL_LIST = re.compile(rf"(?<![\p{{L}}])(?P<word>\p{{L}}[\p{{L}}-]*(?:s|n|leden))[ \t]+{_NAME_ITEM}*$")


_NAME_ITEM_LINES = _NAME_ITEM.replace(r"[ \t]*", r"\s*")  # PDF text breaks such lists over lines
# The board of a public body, then its members: "Van de Raad van Bestuur zijn aanwezig:
# A, B en C", "leden RvB: A en B", "de Raad van Bestuur (A, B)". The words between body
# and list stay on one line and hold no sentence end.
_BOARD = r"(?i:raad[ ]+van[ ]+bestuur|raad[ ]+van[ ]+commissarissen|raad[ ]+van[ ]+toezicht|college[ ]+van[ ]+bestuur)|RvB|RvC|RvT|CvB"
_BOARD_WORDS = re.compile(rf"(?:{_BOARD})(?![\p{{L}}])")
_BOARD_LIST = re.compile(
    rf"(?:{_BOARD})(?![\p{{L}}])[^.!?\n]{{0,40}}?(?::|\(|(?i:aanwezig|bestaat[ ]+uit|zijn|leden))\s*{_NAME_ITEM_LINES}*$"
)


def _plural_role(word: str, pats) -> bool:
    """"gedeputeerden", "wethouders", "ministers", "Kamerleden": the plural of a role."""
    low = word.lower()
    if low.endswith("leden"):
        return True
    for cut in (1, 2):  # -s, -n; -en
        if pats.role_word.fullmatch(low[:-cut]):
            return True
    return False


class _RolePatterns:
    """The role-dependent patterns of one Officials, compiled once."""

    def __init__(self, role: str):
        # "minister Faber", "directeur-generaal Migratie, mevrouw X", "burgemeester van Assen, Y",
        # "minister van Justitie en Veiligheid, mr. dr. Z"
        # Words between role and name only on one line ("wethouder Wonen\ndhr. X" is a
        # table row above X, not X's office).
        self.before = re.compile(
            rf"({role})(?:[\s,:]*|(?:[ \t]+(?:van[ \t]+|voor[ \t]+|in[ \t]+|en[ \t]+|&[ \t]+)?(?:de[ \t]+|het[ \t]+)?\p{{Lu}}[\p{{L}}'’-]*){{1,4}}[ \t,:]*){TITLE_RUN}$"
        )
        # A table row: the role in a later column of the same line ("X   Gemeente Y   wethouder").
        self.column = re.compile(rf"[^\n]*?(?:[ ]{{2,}}|\t)(?i:de[ ]+)?({role})")
        self.inside = re.compile(role)
        # A plural office before a list of names: "de gedeputeerden Wubbels, T. Brugman
        # en Van Heck". The plural word is checked apart (`_plural_role`): folding it
        # into this pattern made a regex that took 50 ms to compile.
        self.role_word = re.compile(rf"(?:{role})")
        # "X, lid Raad van Bestuur", "X | Lid Raad van Bestuur | UWV", "X - wethouder"
        self.comma_after = re.compile(rf"[ \t]*(?:,|\||[ \t][-–])[ \t]*(?i:de\s+|het\s+)?({role})")
        # A signature's role line ("Minister van Justitie en Veiligheid", "De staatssecretaris
        # voor ...,"), not a sentence that starts with a role ("De minister wil ...").
        # What may follow the role on its line: nothing, a comma, "van/voor ...", an
        # organisation's acronym ("Voorzitter Raad van Bestuur UWV") or one portfolio
        # word ("de directeur-generaal Vreemdelingenzaken,").
        title_line = r"(?=[ \t]*(?:$|,|\n|(?i:van|voor)\b|\p{Lu}{2,}\b|\p{Lu}[\p{L}-]+[ \t]*,?[ \t]*$))"
        self.line_below = re.compile(rf"[ \t,!.]*\n(?:[ \t]*\n)?[ \t*]*(?i:de\s+|het\s+)?({role}){title_line}", flags=re.M)
        self.line_above = re.compile(rf"[ \t*]*(?i:de\s+|het\s+)?({role}){title_line}", flags=re.M)


# Job titles of officials: in brackets beside an org tag they mark staff, not the board.
FUNCTION_WORDS = re.compile(
    r"(?i)\b(?:\w*medewerker|\w*adviseur|\w*manager|projectleider|programmaleider|co[öo]rdinator|jurist"
    r"|teamleider|afdelingshoofd|hoofd|ambtenaar|consulent|analist|notulist|secretaris(?!-generaal)"
    r"|stagiair\w*|trainee|specialist|officer|ondersteuning)\b"
)


# The words that start each of these patterns (lowercased), for _search_from.
_MOTION_WORDS = ("motie", "amendement")
_MEMBER_WORDS = ("het lid", "de leden", "kamerleden")
_MOTION_END_WORDS = ("over tot de orde van de dag",)


def _search_from(pattern, s: str, words: Optional[tuple[str, ...]]):
    """pattern.search(s) for a case-insensitive pattern whose every match starts with one
    of `words`: tried only where they occur (per name, these searches of the 90 to 400
    characters before it were most of the policy step)."""
    starts = word_starts(s, words, folds=True) if words else None
    if starts is None:
        return pattern.search(s)
    for q in starts:
        m = pattern.match(s, q)
        if m:
            return m
    return None


def _office(text: str, hit: Hit, off: Officials) -> Optional[str]:
    """The reason a PERSON span names a public office holder, from the text around it."""
    pats = off.patterns
    before = text[max(0, hit.start - 90):hit.start]
    m = _search_from(pats.before, before, off.role_words)
    if m:
        return f"named as {m.group(1).lower()}"
    m = _PLURAL_LIST.search(before[-160:]) if "en" in before or "," in before else None
    if m and _plural_role(m.group("word"), pats):
        return "named in a list of office holders"
    m = _BOARD_LIST.search(before[-200:]) if _BOARD_WORDS.search(before[-200:]) else None
    if m:
        return "named as a member of the board of a public body"
    if _search_from(_MOTION, before, _MOTION_WORDS):
        return "named motion or amendment of a member of parliament"
    # "De VNG (dhr. Van der Wal, voorzitter)": a name in brackets right after an org tag.
    m = _TAG_THEN_BRACKET.search(before) if "(" in before else None
    if m and _norm_tag(m.group(1)) in off.org_tags:
        return f"board member at an administrative table ({m.group(1)})"
    sentence = _SENTENCE_BREAK.split(before)[-1]
    if _search_from(_MEMBER, sentence, _MEMBER_WORDS):
        return "named as member of parliament"
    if _search_from(_MOTION_END, text[max(0, hit.start - 120):hit.start].rstrip(), _MOTION_END_WORDS) or \
            _search_from(_MOTION_SIGNERS, text[max(0, hit.start - 400):hit.start], _MOTION_END_WORDS):
        return "signs a motion as member of parliament"
    after = text[hit.end:hit.end + 160]
    if _CITED.match(after):
        return "cited author of published work"
    if _PARTY.match(after):
        return "signs for a party to an agreement"
    m = _BRACKETS_AFTER.match(after)
    if m:
        inner = m.group(1)
        # Minutes of an administrative table name board members formally ("dhr. M.
        # Boumans (VNG)", "Mevr. Spies (VNG)"); "Lies Verbruggen (COA)" with a spelled-out
        # first name and no title is the style of a civil-service working group.
        formal = given_name(hit.text) is None or bool(_TITLE_BEFORE.search(before.rstrip() + " "))
        r = pats.inside.search(inner)
        if r:
            return f"named as {r.group().lower()}"
        if FUNCTION_WORDS.search(inner):
            formal = False  # "(COA, regiomanager)": an official of the body, not its board
        for token in _TAG_SPLIT.split(inner):
            if not token:
                continue
            code = off.code_re.match(token)
            if code:
                return "named as " + ("minister" if code.group(1) == "M" else "staatssecretaris") + f" ({token})"
            if _norm_tag(token) in off.org_tags and formal:
                return f"board member at an administrative table ({token.strip()})"
        if _norm_tag(inner) in off.org_tags and formal:
            return f"board member at an administrative table ({inner.strip()})"
    m = pats.column.match(after)
    if m:
        return f"named as {m.group(1).lower()} (table)"
    m = pats.comma_after.match(after)
    if m:
        return f"named as {m.group(1).lower()}"
    # A signature: the name alone on its line, the role on the line below or above it.
    line_start = text.rfind("\n", 0, hit.start) + 1
    alone = not text[line_start:hit.start].strip()
    m = pats.line_below.match(after) if alone else None
    if m:
        return f"signs as {m.group(1).lower()}"
    if alone:
        prev = [ln for ln in text[max(0, line_start - 200):line_start].split("\n") if ln.strip()]
        m = pats.line_above.match(prev[-1]) if prev else None
        if m:
            return "signs as " + m.group(1).lower()
    return _column_role(text, hit, line_start, pats)


_COLUMN_GAP = re.compile(r"[ ]{3,}|\t")


def _column_role(text: str, hit: Hit, line_start: int, pats) -> Optional[str]:
    """Signatures set in columns ("de secretaris,      de burgemeester," over "...   drs.
    F.G. Hoitink-Lems"): the role stands right above or below the name, in its column."""
    gaps = list(_COLUMN_GAP.finditer(text, line_start, hit.start))
    if not gaps:
        return None  # not a column: no wide gap before the name on its line
    col = gaps[-1].end() - line_start  # where the name's cell starts (a title may lead it)
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
    next_start = text.find("\n", hit.end) + 1
    next_end = text.find("\n", next_start) if next_start else -1
    lines = [text[prev_start:prev_end]] if prev_end > 0 else []
    if next_start:
        lines.append(text[next_start:next_end if next_end >= 0 else len(text)])
    for line in lines:
        cell = line[max(0, col - 4):col + 60].strip()
        m = pats.line_above.match(cell)
        if m:
            return "signs as " + m.group(1).lower()
    return None


def _allowlisted(name: str, off: Officials) -> Optional[str]:
    keys = surname_keys(name)
    if not keys:
        return None
    given = given_initial(name)
    # A bare surname matches only when it is rare: "Uitermark" is the minister, "Jansen"
    # or "De Vries" alone is anyone (deduce's surname list holds the common Dutch ones).
    if given is None and keys[-1] in lists().surnames:
        return None
    for first, role in off.people_by_key.get(keys[-1], ()):
        if given is None or given == first:
            return f"on the public-officials list{f' ({role})' if role else ''}"
    return None


_ONE_WORD = re.compile(CAPW)


def apply(pages: list[str], hits: list[list[Hit]], off: Officials) -> list[list[Hit]]:
    """Set `public`/`reason` on every hit of a document (all pages at once, so a role
    named on page 1 covers the same surname on page 5)."""
    decided: list[list[Hit]] = []
    public_keys: dict[str, str] = {}
    public_initials: dict[str, set] = {}  # surname -> given initials seen with it (None: none)
    public_given: dict[str, str] = {}
    for text, page_hits in zip(pages, hits):
        out = []
        for h in page_hits:
            reason = None
            if h.entity == "PERSON":
                reason = _office(text, h, off) or _allowlisted(h.text, off)
                if reason:
                    for k in surname_keys(h.text):
                        public_keys.setdefault(k, reason)
                        public_initials.setdefault(k, set()).add(given_initial(h.text))
                    given = given_name(h.text)
                    if given:
                        public_given.setdefault(given.lower(), reason)
            else:
                reason = contact.reason(text, h, out, off)
            out.append(replace(h, public=True, reason=reason) if reason else h)
        decided.append(out)
    if public_keys or public_given:
        for page_hits in decided:
            for i, h in enumerate(page_hits):
                if h.entity == "PERSON" and not h.public:
                    keys = surname_keys(h.text)
                    # The last surname word decides ("A. Verkerk-Pool" is public "Verkerk-Pool").
                    hit_key = keys[-1] if keys and keys[-1] in public_keys else None
                    initial = given_initial(h.text)
                    # "K. Uitermark" is not minister "J. Uitermark": a different initial stops it.
                    same_person = initial is None or initial in public_initials.get(hit_key, set()) or \
                        None in public_initials.get(hit_key, set()) and len(public_initials[hit_key]) == 1
                    if hit_key and keys[-1] == hit_key and same_person:
                        page_hits[i] = replace(h, public=True, reason=f"same surname {public_keys[hit_key]} elsewhere in the document")
                    elif _ONE_WORD.fullmatch(h.text) and h.text.lower() in public_given:
                        # "Beste Tamara," in a thread with "Ark, T. van (Tamara)" (minister)
                        page_hits[i] = replace(h, public=True, reason=f"same given name {public_given[h.text.lower()]} elsewhere in the document")
    return decided


def officials_for(config) -> Officials:
    files: Iterable[str] = getattr(config, "public_officials", ()) if config is not None else ()
    return load_officials(tuple(files))
