"""Weigh a name candidate: the evidence that it is a person against the evidence that
it is not. One scorer for every source of candidates.

The recognizer (`recognizers/person.py`) proposes spans with their positive evidence:
a title or salutation, an office, a greeting, an e-mail header, an attendee list, a
signature or contact block, a listed first name with a capitalised surname, initials
with a surname, a line holding only a name, a surname known from elsewhere in the
document. On real text most of those proposals are no person at all. This module
weighs each against what speaks against it:

- ordinary words: a capitalised word that the Dutch lexicon lists in lower case
  ("Bestuur", "Regeling", "Hoogachtend"; `lexicon.py`) is no evidence of a name. A
  span whose every name word is ordinary is no person unless a title stands before it
  ("mevrouw Groen") or the word is also a listed surname with initials before it
  ("J. Post"); a listed first name is a person's word whatever else it means;
- a longer proper noun: a capitalised ordinary word right before or after the span on
  its line, that is not a job title, makes the span part of the name of an
  organisation, a product, a building or an event ("Mark Smit Academy", "Stichting Jan
  Vermeulen"), not a person;
- an address: the span is part of an e-mail address or a domain;
- a thing: an article right before the name ("bij de Albert Heijn");
- a company: a legal form later on the line ("B.V.", "VOF", "GmbH") after the name,
  or a common noun as the name's last word ("Jansen Advies");
- the eponym construction: a disease, syndrome or law named after its discoverer
  ("ziekte van Huntington", "syndroom van Down") names no one in the document;
- an enumeration: a capital letter with a dot before an ordinary word that is no
  listed surname ("A. Inleiding", "B. Daarna") is a list item, not initials.

`weigh(text, hit)` returns the hit (possibly marked weak) or None when the evidence
against outweighs the evidence for. No word seen in a corpus is listed here: the lexicon
and the deduce name lists are the resources, the rules are about shape and position.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

import regex as re

from . import lexicon
from .names import lists
from .recognizers.name_parts import CAPW, IFX, INIT, PLACE_SUFFIX, TITLE

# Evidence kinds (the recognizer's `evidence` strings) that name the person's place
# in the text directly: a title or office before the name, an e-mail address beside it.
TITLED = frozenset({"title", "office before the name", "office after the name"})
PERSON_NOUN = "person noun before the name"
# Places in a document that hold names (see the recognizer).
PLACED = frozenset({"e-mail header", "attendee list", "signature", "contact block", "name beside an e-mail address",
                    "sender in a chat export"})
_CAP_WORD = re.compile(rf"(?<![\p{{L}}.]){CAPW}")
_INITIAL = re.compile(INIT)
_TITLE_ONLY = re.compile(rf"{TITLE}")
_WORD_AFTER = re.compile(rf"[ ]({CAPW})")
_WORD_BEFORE = re.compile(rf"(?<=[\p{{Ll}},][ ])({CAPW})[ ]$")
_DOMAIN_AFTER = re.compile(r"\.(?:[a-z]{2,6})(?![\p{L}])|@")
_ARTICLE_BEFORE = re.compile(r"(?<![\p{L}])(?:de|het|een)[ ]$")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\p{L}])(\p{Ll}{4,})[ ]$")
_CELL_START_BEFORE = re.compile(rf"(?<![^ \n.|\t])({CAPW})[ ]$")
_CELL_BEFORE = re.compile(rf"[|\t][ ]*{CAPW}[ ]$")
_TABLE_ROW_AFTER = re.compile(r"[ \t]+\d[\d.,/-]{3,}")
_EPONYM_BEFORE = re.compile(r"(?i)(?:ziekte|syndroom|syndrome|wet|methode|model|principe|effect|stelling)\s+van\s+$")
# A capitalised word right before a single letter with a dot: the letter numbers a part.
_ONE_LETTER = re.compile(r"\p{Lu}\.[ ]?\p{Lu}\p{Ll}")
_WORD_THEN_SPACE = re.compile(rf"(?<![\p{{L}}])(?!{TITLE}){CAPW}[ ]+$")
# A legal form later on the line makes the line a company's name (Dutch and foreign
# forms; the class is fixed by law, not by what a corpus held).
_LEGAL_FORM_AFTER = re.compile(
    r"[^\n.;:]{0,60}?(?<![\p{L}])(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|C\.?V\.?|GmbH|Ltd\.?|Inc\.?|LLC|S\.?A\.?|"
    r"Holding|& ?(?:Zn|Co|Partners)\.?)(?![\p{L}])"
)
# Job titles and functions stand right after a name in signatures and flattened tables
# ("F. Jansen Directeur uitvoering"); they do not make the name an organisation's.
FUNCTION = re.compile(
    r"(?i)(?:directeur|manager|adviseur|medewerker|coördinator|coordinator|leider|hoofd|voorzitter|secretaris"
    r"|lid|jurist|arts|deskundige|specialist|consulent|analist|officier|inspecteur|ambtenaar|functionaris"
    r"|woordvoerder|minister|staatssecretaris|burgemeester|wethouder|gedeputeerde|commissaris|notulist"
    r"|projectleider|teamleider|bestuurder|raadslid|griffier|advocaat|directie|namens)\w*"
)


def _name_words(span: str) -> list[str]:
    """The capitalised words of a span that carry the name (no titles or initials)."""
    return [w for w in _CAP_WORD.findall(span) if not _TITLE_ONLY.fullmatch(w)]


def ordinary(word: str, compounds: bool = False) -> bool:
    """A capitalised word that is an ordinary word and not a listed first name. With
    `compounds`, a compound of listed words counts too ("Teamcoach"): only where no
    other evidence speaks for a name, since many surnames are such compounds too
    ("Klashorst", "Akkerveld")."""
    low = word.lower()
    nl = lists()
    if low in nl.first_names:
        return False
    if lexicon.available():
        # An English word or a compound that is also a listed surname ("Sanders",
        # "Kloosterboer") is taken as the surname.
        return lexicon.is_ordinary(word) or (low not in nl.surnames and (
            lexicon.is_foreign(word) or compounds and lexicon.is_compound(word)))
    return low in nl.common_words


def part_of_longer_name(text: str, start: int, end: int) -> bool:
    """An ordinary capitalised word (not a job title) right after the span on its line,
    or right before it after a lowercase word: the span is inside a longer proper noun."""
    m = _WORD_AFTER.match(text, end)
    if m and ordinary(m.group(1), compounds=True) and not FUNCTION.fullmatch(m.group(1)):
        return True
    # Only the few words before the span: a page may be one line of megabytes.
    line_start = max(text.rfind("\n", 0, start) + 1, start - 60)
    m = _WORD_BEFORE.search(text, line_start, start)
    if m is None and (_TABLE_ROW_AFTER.match(text, end) or _CELL_BEFORE.search(text, line_start, start)):
        # A table row ("Academie Bo Yi 100001278 1-7-2022 ..."): the first cell may start
        # the line, where a sentence would start with any word.
        m = _CELL_START_BEFORE.search(text, line_start, start)
    if m and ordinary(m.group(1), compounds=True) and not FUNCTION.fullmatch(m.group(1)):
        return True
    return False


def weigh(text: str, hit) -> Optional[object]:
    """The PERSON hit if the evidence for a person outweighs the evidence against, else
    None. Non-person hits pass unchanged."""
    if hit.entity != "PERSON":
        return hit
    span = text[hit.start:hit.end]
    words = _name_words(span)
    if not words:
        return None
    nl = lists()
    titled = hit.evidence in TITLED
    has_initials = bool(_INITIAL.search(span))
    common = [w for w in words if ordinary(w)]
    bare = not titled and not has_initials
    if len(common) == len(words) or bare and all(ordinary(w, compounds=True) for w in words):
        # Every name word is an ordinary word. Only a listed surname can still be one
        # ("mevrouw Groen", "J. Post"; not "dhr. Informatie"), and only where a title or
        # initials stand before it; where a name is expected ("collega Bakker", an
        # attendee "De Reus (IPO)") it is kept as weak evidence.
        if words[-1].lower() not in nl.surnames:
            if titled and has_initials:
                return hit  # "dhr. H. Oosters": title and initials outweigh any lexicon
            return None
        if not (titled or has_initials):
            return replace(hit, weak=True) if hit.evidence == PERSON_NOUN or hit.evidence in PLACED else None
    if not titled and _ONE_LETTER.match(span) and all(ordinary(w, compounds=True) for w in words) and (
            _WORD_THEN_SPACE.search(text, max(0, hit.start - 30), hit.start)
            or hit.evidence == "initials and surname" and words[-1].lower() not in nl.surnames
            and _alone_on_line(text, hit.start, hit.end)):
        # "Deel B. Beveiligingsovereenkomst", "Bijlage A. Tarieven", a line "A. Geld" in
        # a list: one letter numbers a part before an ordinary word.
        return None
    if not titled and any(FUNCTION.fullmatch(w) for w in words):
        return None  # "Consulent Wmo", "Teamleider Handhaving": a job title, not a name
    if len(words) == 2 and words[0] == words[1] and not titled:
        return None  # "Peer Peer": a word the extraction doubled
    if len(words) >= 2 and common and common[-1] is words[-1] and words[-1].lower() not in nl.surnames \
            and span.endswith(" " + words[-1]) and not FUNCTION.fullmatch(words[-1]):
        return None  # "Kader Academy", "Anna Smit Begeleiding": a name with a common noun is a business
    if _EPONYM_BEFORE.search(text, max(0, hit.start - 20), hit.start):
        return None
    if text[max(0, hit.start - 1):hit.start] in ("@", ".", "/") or _DOMAIN_AFTER.match(text, hit.end):
        return None  # "…@Onderzoeksbureau.nl", "www.Jansen.nl": part of an address
    if not titled and span[:1].isupper() and _ARTICLE_BEFORE.search(text, max(0, hit.start - 6), hit.start):
        return None  # "bij de Albert Heijn", "in het Jan Smit": an article makes it a thing
    if text[hit.end:hit.end + 1] == "-" and text[hit.end + 1:hit.end + 2].islower():
        return None  # "Beernink-molen": the first part of a compound noun
    before = _LOWER_WORD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if before and not titled and PLACE_SUFFIX.search(before.group(1)):
        return None  # "sportpark Abe Lenstra", "stichting Jan Smit": a place or body named after someone
    if _LEGAL_FORM_AFTER.match(text, hit.end):
        return None  # "Kees Smit opleidingen BV": a company named after its owner
    if not titled and part_of_longer_name(text, hit.start, hit.end):
        return None
    return hit


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip(" \t*#-") and not text[end:len(text) if line_end < 0 else line_end].strip(" \t.:,")
