"""Building blocks of the Dutch name recognizer: token patterns, the places that hold
names, and `name_like`, which decides whether a header or list entry is a person.

Kept apart from `person.py` so that the recognizer reads as a list of evidence kinds.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Iterable, Optional

import regex as re

from ..names import lists

# --- building blocks (case-sensitive) -------------------------------------------------

CAPW = r"\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?![\p{L}\d])"  # "Jansen", "Yılmaz"; not "VNG", "JenV"
INIT = r"(?:Chr|Ch|Th|Ph|Sj|\p{Lu})\."  # "J.", "Th.", "Chr."; not "Dhr."
INITS = rf"(?:{INIT}[ ]?){{1,5}}"
WS = r"(?:[ \t]+(?:\n[ \t]*)?|[ \t]*\n[ \t]*)"  # spaces, at most one line break
# Interfixes, with a capital allowed on the first word ("Dhr. De Jonge", "Van Rijn"):
# van, de, der, den, het, 't, ter, ten, te, op de, van der, uit den, in 't, el, al, ...
# Written compactly: the regex module compiles in Python and this piece recurs often.
IFX = (
    r"(?:(?:[Vv]an|[Dd]e[nr]?|[Hh]et|'t|[Tt]e[nr]?|[Ee]l|[Aa]l|[Ll][ae]|[Dd][au]|[Vv]on|[Dd]os|[Dd]el)"
    r"(?:[ ](?:de[nr]?|het|'t|t|la))?|(?:[Ii]n|[Oo]p|[Uu]it|[Aa]an|[Bb]ij)[ ](?:de[nr]?|het|'t))(?![\p{L}])"
)
SURN = rf"(?:{IFX}{WS})?{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*"
NAME = rf"(?:{INITS}[ ]?(?:\({CAPW}(?:-{CAPW})?\)[ ]?)?)?(?:{CAPW}{WS}){{0,2}}{SURN}"  # also "E.J. (Erik-Jan) Postma"

TITLE = (
    r"(?:[Dd]hr\.?|[Dd]e [Hh]eer|[Hh]eer|[Mm]eneer|[Mm]ijnheer|[Mm]evr\.?|[Mm]evrouw|[Mm]w\.?|[Mm]ej\.?"
    r"|[Dd]rs\.|[Dd]rs|[Mm]r\.|[Ii]r\.|[Dd]r\.|[Pp]rof\.|[Ii]ng\.|[Dd]s\.|[Bb]c\.|MSc|MA|LLM)(?![\p{L}])"
)
TITLES = rf"{TITLE}(?:{WS}{TITLE}){{0,2}}"  # "mw. drs.", "de heer mr. dr."; bounded
ROLE = (
    r"(?i:minister-president|minister|staatssecretaris|burgemeester|loco-burgemeester|wethouder"
    r"|gedeputeerde|kamerlid|commissaris van de koning|secretaris-generaal|directeur-generaal"
    r"|woordvoerder|premier|gouverneur)|CdK|CvdK|SG|DG"
)
GREETING = r"(?:Beste|Geachte|Hoi|Hallo|Hai|Dag|Lieve|Goedemorgen|Goedemiddag|Goedenavond|Dear|Hi)"

# The office's place or portfolio may stand between role and name, with a comma:
# "de burgemeester van Westerwolde, Velema", "gedeputeerde in Drenthe, mr. A. Bos".
# A ministry's portfolio has "en" in it: "minister van Justitie en Veiligheid, mr. X".
ROLE_PLACE = (r"(?:[ ](?:van|in|voor)[ ](?:de[ ]|het[ ])?\p{Lu}[\p{L}'’-]+"
              r"(?:(?:[ -]|[ ](?:en|&)[ ])\p{Lu}[\p{L}'’-]+){0,3}[ ]?,)")
# The name starts with a capital, an initial or a title: "minister van Justitie" and
# "burgemeester van Noordmark" name an office and its place, not a person "van ...".
_ROLE_RE = re.compile(rf"(?<![\p{{L}}-])(?:{ROLE})(?:{ROLE_PLACE}[ ]|{WS})(?:{TITLES}{WS})?(?P<name>(?=\p{{Lu}}){NAME})")
# A role in apposition after the name: "K. Roodhart, gedeputeerde van Noordmark",
# "Roodhart (CdK Noordmark)".
_ROLE_AFTER_RE = re.compile(
    rf"(?<![\p{{L}}.'’-])(?P<name>(?:{INITS}[ ]?)?(?:{CAPW}[ ]){{0,2}}{SURN})[ ]?(?:\([ ]?|,[ ]?(?:de[ ]|het[ ])?)(?:{ROLE})(?![\p{{L}}])"
)
# Nouns that denote a person, lower case inside a sentence: "collega Smeets", "de
# aanvrager Yılmaz". Unlike a title they also precede ordinary words ("collega Beleid"),
# so the name after them must not be one (evidence.py weighs that).
PERSON_NOUNS = ("familie", "fam.", "collega", "medewerker", "medewerkster", "behandelaar", "contactpersoon", "aanvrager",
                "aanvraagster", "verzoeker", "verzoekster", "betrokkene", "cliënt", "klant", "werknemer", "werkneemster",
                "belanghebbende",
                # kin and neighbours ("onze zoon Thijmen", "buurman Oosterhof")
                "zoon", "dochter", "zoontje", "dochtertje", "vader", "moeder", "broer", "zus", "zuster", "echtgenoot",
                "echtgenote", "kleinzoon", "kleindochter", "schoonzoon", "schoondochter", "stiefzoon", "stiefdochter",
                "pleegzoon", "pleegdochter", "oom", "tante", "opa", "oma", "vriend", "vriendin", "buurman", "buurvrouw",
                # the parties of a case file ("melder Vos", "de huurder Demir")
                "bewoner", "bewoonster", "huurder", "huurster", "melder", "klager", "klaagster", "getuige",
                "verdachte", "patiënt", "patiënte")
# "Familie"/"Fam." often open a line or a table cell, so their capitalised form counts too.
PERSON_NOUN = "(?:" + "|".join(rf"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if w.startswith("fam") else re.escape(w)
                              for w in PERSON_NOUNS) + ")"
# No interfix right after the noun: "medewerker van Handhaving" is one of a division.
_PERSON_NOUN_RE = re.compile(rf"(?<![\p{{L}}-]){PERSON_NOUN}[ ](?:{TITLES}[ ])?(?P<name>(?:{INITS}[ ]?)?(?:(?:{INITS}[ ]?|(?=\p{{Lu}})){IFX}[ ])?{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*)")
# Job titles and functions: they stand after a name in signatures and appositions
# ("F. Jansen, controleur"), and a name word that is one is no name ("Consulent Wmo").
FUNCTION_NOUN = (
    r"directeur|manager|adviseur|medewerker|coördinator|coordinator|leider|hoofd|voorzitter|secretaris"
    r"|lid|jurist|arts|deskundige|specialist|consulent|analist|officier|inspecteur|ambtenaar|functionaris"
    r"|woordvoerder|minister|staatssecretaris|burgemeester|wethouder|gedeputeerde|commissaris|notulist"
    r"|projectleider|teamleider|bestuurder|raadslid|griffier|advocaat|directie|namens"
    r"|controleur|toezichthouder|handhaver|behandelaar|beoordelaar|onderzoeker|auditor|regisseur|planner"
    r"|verpleegkundige|rechercheur|assistent|stagiair"
)
# "Bayu Wirjosentono, controleur Adrescontrole": a function in apposition after a name.
# The function is found first, the name looked for backwards from it.
_FUNCTION_AFTER = re.compile(
    rf"(?i:,[ ](?:de[ ]|het[ ])?(?:\w*(?:{FUNCTION_NOUN})(?:s|e|en|ster)?))(?![\p{{L}}])"
)

# A date of birth right after a name: "Jeroen Bakker, geboren 3-4-1983", "Liam (geb.
# 14-02-2014)". The name is looked for backwards from the birth wording.
_BORN_AFTER = re.compile(
    r"(?:,[ ]*|[ ]*\([ ]*)(?:geboren|geb\.)(?:[ ]+op)?[ ]+(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[ ]+\p{Ll}{3,}\.?[ ]+\d{4})"
)
# The name right before such an anchor (a function, a date of birth), searched backwards.
_NAME_BEFORE_RE = re.compile(rf"(?<![\p{{L}}.'’-])(?P<name>(?:{INITS}[ ]?)?(?:{CAPW}[ ]){{0,2}}{SURN})$")
# After a person noun, a given name may come first: "buurman Evert-Jan van Gelderen".
_SURNAME_AFTER_GIVEN = re.compile(rf"[ ](?:{IFX}[ ])?{CAPW}(?:-{CAPW})?")
_GREETING_RE = re.compile(
    rf"(?m)^[ \t]*{GREETING}[ \t]+(?:{TITLES}[ \t]+)?(?P<name>{CAPW}(?:[ \t]+(?:{IFX}[ \t]+)?{CAPW}){{0,2}})"
    rf"(?:[ \t]+en[ \t]+(?:{TITLES}[ \t]+)?(?P<name2>{CAPW}(?:[ \t]+(?:{IFX}[ \t]+)?{CAPW}){{0,2}}))?[ \t]*(?=[,!\n]|$)"
)
# "Stapper, M.", "Vries, J. de": the inverted form of headers and reference lists, in
# running text too.
# Not when a surname follows the initials: in "Gürbüz, L. Hazenberg" they start the next name.
_SURNAME_INITIALS_RE = re.compile(
    rf"(?<![\p{{L}}.'’-])(?:{IFX}[ ])?{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*,[ ]?{INITS}(?:[ ]?{IFX}(?![\p{{L}}]))?"
    rf"(?:[ ]?\({CAPW}\))?(?![ ]?(?:{IFX}[ ]+)?\p{{Lu}}\p{{Ll}})"
)
_INITIALS_RE = re.compile(rf"(?<![\p{{L}}.&]){INITS}[ ]?(?:{IFX}[ ]+)?{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*")
_FIRST_LAST_RE = re.compile(rf"(?<![\p{{L}}.'’-])(?P<first>{CAPW}(?:-{CAPW})?)(?P<rest>(?:[ ]+{CAPW})?[ ]+(?:{IFX}[ ]+)?{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*)")
_TOKEN_RE = re.compile(rf"{INITS}|{IFX}|{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*|\([^()\n]*\)|,|\S+")

_HEADER_RE = re.compile(
    r"(?m)^[ \t>*]*(?:Van|Aan|CC|Cc|cc|BCC|Bcc|From|To|Verzonden namens|Namens|Afzender|Geadresseerde)[ \t]*:[ \t]*(?P<v>[^\n]+)$"
)
_ATTENDEES_RE = re.compile(
    r"(?m)^[ \t*#]*(?:Aanwezig(?:en)?|Afwezig(?:en)?|Deelnemers|Verhinderd|Afgemeld|Afmeldingen|Genodigden|Notulist|Notulen|Verslaglegging|Voorzitter|Secretaris)(?:\*\*)?[ \t]*:?[ \t]*(?P<v>[^\n]*)$"
)
_SIGNOFF_RE = re.compile(
    r"(?mi)^[ \t]*(?:(?:met[ \t]+)?(?:vriendelijke|hartelijke|collegiale|beste|warme|sportieve)[ \t]+groet(?:en)?|groet(?:en)?|mvg|hoogachtend|kind regards|best regards|regards)[ \t]*[,.!]?[ \t]*$"
)
_CONTACT_RE = re.compile(
    r"(?m)^[ \t*]*(?:Contactpersoon|Contactpersonen|Behandeld door|Opgesteld door|Auteur|Steller|Inlichtingen bij|Informatie bij|[Tt]\.a\.v\.|Ter attentie van)(?:\*\*)?[ \t]*:?[ \t]*(?P<v>[^\n]*)$"
)
# A chat export line: "[14-08-2024 08:12] Bram Vonk: ...", "12-09-2023 21:06 - Thomas: ..." or
# "[22-12-2023 07:41] Smulders, Bas" with the message on the next line
_CHAT_RE = re.compile(
    r"(?m)^[ \t]*\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*(?:[-–][ \t]*)?"
    r"(?P<v>[^:\n\[\]]{2,40})(?::|[ \t]*$)"  # Teams puts the sender alone on the line
)
_ADDRESS_IN_BRACKETS_RE = re.compile(r"(?:<|\[mailto:)[^<>\s\]]+@[^<>\s\]]+[>\]]")
_LABEL_LINE_RE = re.compile(r"^[ \t*#]*(?:\p{Lu}[\p{Ll} -]+(?:\t|:)|#|\d+[.)] )")

PLACE_SUFFIX = re.compile(
    r"..(?:zaal|kamer|straat|laan|weg|plein|gebouw|huis|park|school|centrum|prijs|fonds|brug|toren|haven|complex"
    r"|flat|paviljoen|campus|kazerne"
    r"|kade|gracht|singel|markt|hof|dreef|wijk|polder|kazerne|kerk|museum|college|instituut|stichting|hal|stadion"
    r"|molen|bad|bos|ziekenhuis|kliniek|theater|bibliotheek|academie)$"
)

# Place-word endings that many Dutch surnames have too (Dijkhuis, Brinkhof, Noordwijk,
# Ten Bosch, Kampveld): after a listed first name they end a surname, not a building.
SURNAME_ENDING = re.compile(r"(?:huis|hof|wijk|bos|molen|bad|kerk|haven|brug|toren|dreef|markt|kade)$")

# Words that make an entry an organisation or function rather than a person.
ORG_WORDS = {
    "postbus", "secretariaat", "team", "afdeling", "directie", "servicedesk", "helpdesk", "info",
    "redactie", "ministerie", "bureau", "dienst", "gemeente", "provincie", "woo", "wob", "wob-verzoeken",
    "woo-verzoeken", "pers", "communicatie", "ondersteuning", "notulist", "voorzitter", "alle",
    "allen", "iedereen", "collega's", "collega", "cluster", "programma", "staf", "kabinet", "sg",
    "dg", "dgm", "ambtelijk", "overleg", "regie", "mailbox", "functionele", "raad",
    "institute", "instituut", "universiteit", "university", "centre", "center", "centrum",
    "foundation", "stichting", "b.v.", "bv", "n.v.", "nv", "vereniging", "ggd", "rivm",
}


def _cap_tokens(name: str) -> list[str]:
    return _CAPW_ANY.findall(name)


def _keep_first_line(text: str, start: int, end: int) -> int:
    """End of a name that a regex let run over a line break, cut back when the first
    line already holds a complete name ("Jansen\\nAgenda" -> "Jansen")."""
    part = text[start:end]
    if "\n" not in part:
        return end
    first, _, _ = part.partition("\n")
    first = first.rstrip()
    tail = first.split()[-1] if first.split() else ""
    complete = bool(_cap_tokens(first)) and not _INCOMPLETE_TAIL.fullmatch(tail)
    return start + len(first) if complete else end


def _trim_not_names(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """Drop trailing capitalised words that are ordinary words ("Jansen Agenda"), but
    never the word right after an interfix ("de Boer"), initials or a bracketed given
    name, or the only capitalised word."""
    not_names = lists().not_names
    while True:
        m = _TRAILING_CAPW.search(text[start:end])
        if not m or m.group(1).lower() not in not_names or len(_cap_tokens(text[start:start + m.start()])) == 0:
            break
        if text[start:start + m.start()].rstrip().endswith((".", ")")):
            break  # "K.T. (Kees-Jan) Oosterbroek": the surname after initials, a place's name or not
        end = start + m.start()
    m = _TRAILING_IFX.search(text[start:end])
    if m:
        end = start + m.start()
    if not _cap_tokens(text[start:end]):
        return None
    return start, end


_INCOMPLETE_TAIL = re.compile(rf"{IFX}|{INITS}|{TITLE}")
_TRAILING_CAPW = re.compile(rf"(?<!(?:^|[ \t\n]){IFX}){WS}({CAPW})$")
_TRAILING_IFX = re.compile(rf"{WS}{IFX}$")
_DASH_SLASH = re.compile(r"[-/]")
_SEMICOLON = re.compile(r"(;|\s+namens\s+|\s+on behalf of\s+)")
_TRAILING_ADDRESS = re.compile(r"\s*(?:<[^<>]*>?|\[mailto:[^\]]*\]?|'[^'@]*@[^']*')\s*$")
_QUOTES = re.compile(r"[\"']")
_OPEN_END = re.compile(rf"(?:[,;]|{TITLE}|{IFX})[ \t]*$")
_ITEM_SPLIT = re.compile(r"(?<=[,;)])|\t")
_PARENS = re.compile(r"\([^()]*\)")
_LEADING_ROLE = re.compile(rf"(?i)^\s*(?:{ROLE})\b")
_LONE_FIELD_RE = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*(?P<v>[^\n]{3,60})[ \t]*(?=\n[ \t]*\n|\Z)")
_TITLE_FULL = re.compile(TITLE)
_INITS_FULL = re.compile(INITS)
_IFX_FULL = re.compile(IFX)
_CAPS_FULL = re.compile(rf"{CAPW}(?:[ ]?-[ ]?(?:{IFX}[ ]+)?{CAPW})*")
_CAPW_FULL = re.compile(CAPW)
_INIT_ANY = re.compile(INIT)
_CAPW_ANY = re.compile(CAPW)


# A pure function of the entry; quoted e-mail threads repeat the same headers, signatures
# and "Naam <adres>" pairs many times (synthetic batch: 13 calls a page, most repeats).
@lru_cache(maxsize=8192)
def name_like(entry: str) -> Optional[tuple[int, int]]:
    """Offsets of the name in a header/attendee entry, or None if it is no person.

    Accepts initials, interfixes, capitalised words, "Achternaam, Voornaam" and a given
    name in brackets ("Vries, J. de (Jan)"); rejects anything with an ordinary lowercase
    word, an organisation word, digits, a redaction marker or more than six tokens.
    """
    # Nine tokens tell "more than eight": a long line is not tokenised to its end.
    tokens = [(m.group(), m.start(), m.end()) for m in islice(_TOKEN_RE.finditer(entry), 9)]
    if not tokens or len(tokens) > 8:
        return None
    not_names = lists().not_names
    first = last = None
    caps = commas = 0
    for i, (tok, s, e) in enumerate(tokens):
        low = tok.lower()
        if tok == ",":
            commas += 1
            if commas > 1:
                return None
            continue
        if tok.startswith("("):
            inner = tok[1:-1].strip()
            # "(Jan)" is a given name and part of the name; "(JenV)" is an org tag after it.
            if _CAPW_FULL.fullmatch(inner) and inner.lower() not in ORG_WORDS and i == len(tokens) - 1 and first is not None:
                last = e
                continue
            if i == len(tokens) - 1 or all(t[0].startswith("(") for t in tokens[i:]):
                continue
            return None
        if _TITLE_FULL.fullmatch(tok):
            continue
        if low in ORG_WORDS or any(part in ORG_WORDS for part in _DASH_SLASH.split(low)):
            return None
        if _INITS_FULL.fullmatch(tok) or _IFX_FULL.fullmatch(tok):
            first = s if first is None else first
            last = e
            continue
        if _CAPS_FULL.fullmatch(tok):
            if low in lists().common_words and low not in lists().surnames and low not in lists().first_names:
                return None  # "Geachte", "Agenda": an ordinary word with a capital
            caps += 1
            first = s if first is None else first
            last = e
            continue
        return None  # lowercase word, digits, acronym, marker, e-mail address ...
    if caps == 0 or first is None:
        return None
    if caps == 1 and not _INIT_ANY.search(entry):
        word = _cap_tokens(entry)[0].lower()
        if (word in not_names and word not in lists().first_names) or len(word) < 3:
            return None  # "Secretariaat", or OCR debris such as "Sl"
    if caps > 4:
        return None
    return first, last


def _split_entries(value: str) -> Iterable[tuple[str, int]]:
    """Entries of a header value: ';' separates people; ',' too unless the entry is
    "Achternaam, Voornaam"."""
    pos = 0
    for chunk in _SEMICOLON.split(value):
        if _SEMICOLON.fullmatch(chunk):
            pos += len(chunk)
            continue
        stripped = _TRAILING_ADDRESS.sub("", chunk)
        stripped = _QUOTES.sub(" ", stripped)
        if stripped.count(",") == 1 and name_like(stripped):
            left, right = stripped.split(",")
            # "Jansen, Karin" or "Vries, J. de (Jan)" -- one person, the right part short.
            if len(right.split()) <= 4 and len(left.split()) <= 3:
                yield stripped, pos
                pos += len(chunk)
                continue
        sub = 0
        for part in stripped.split(","):
            yield part, pos + sub
            sub += len(part) + 1
        pos += len(chunk)


def _next_lines(text: str, pos: int, n: int) -> list[str]:
    """Up to `n` lines after the line holding `pos`, without slicing the rest of the text."""
    out = []
    start = text.find("\n", pos)
    while start != -1 and len(out) < n:
        end = text.find("\n", start + 1)
        out.append(text[start + 1:end if end != -1 else len(text)])
        start = end
    return out
