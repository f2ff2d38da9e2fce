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
against outweighs the evidence for; each piece of evidence against is a check of its own
in `AGAINST`. No word seen in a corpus is listed here: the lexicon
and the deduce name lists are the resources, the rules are about shape and position.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

import regex as re

from . import lexicon
from .names import lists
from .recognizers.name_parts import _INIT_ANY, _TITLE_FULL, CAPW, FUNCTION_NOUN, PLACE_SUFFIX, TITLE

# Evidence kinds (the recognizer's `evidence` strings) that name the person's place
# in the text directly: a title or office beside the name, a date of birth after it.
TITLED = frozenset({"title", "office before the name", "office after the name", "date of birth after the name"})
PERSON_NOUN = "person noun before the name"
SPREAD = "name of a person named elsewhere in the document"
# Places in a document that hold names (see the recognizer).
PLACED = frozenset({"e-mail header", "attendee list", "signature", "contact block", "name beside an e-mail address",
                    "sender in a chat export"})
_CAP_WORD = re.compile(rf"(?<![\p{{L}}.]){CAPW}")
_WORD_AFTER = re.compile(rf"[ ]({CAPW})")
_WORD_BEFORE = re.compile(rf"(?<=[\p{{Ll}},][ ])({CAPW})[ ]$")
_DOMAIN_AFTER = re.compile(r"\.(?:[a-z]{2,6})(?![\p{L}])|@")
_ARTICLE_BEFORE = re.compile(r"(?<![\p{L}])(?:de|het|een)[ ]$")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\p{L}])(\p{Ll}{4,})[ ][\"'“‘„]?$")  # zaal "Jan van der Heyden"
_CAP_WORD_BEFORE = re.compile(r"(?<![\p{L}])(\p{Lu}\p{Ll}{3,})[ ][\"'“‘„]?$")
_PLACE_NOUN = re.compile(PLACE_SUFFIX.pattern[2:])  # the place nouns, also as a word of their own
_CELL_START_BEFORE = re.compile(rf"(?<![^ \n.|\t])({CAPW})[ ]$")
_CELL_BEFORE = re.compile(rf"[|\t][ ]*{CAPW}[ ]$")
_TABLE_ROW_AFTER = re.compile(r"[ \t]+\d[\d.,/-]{3,}")
_PHONE_AFTER = re.compile(r"[ \t]+(?:\+|0)\d")  # "Bel Sanne Oosterhuis 06-…": her number, no table row
_EPONYM_BEFORE = re.compile(r"(?i)(?:ziekte|syndroom|syndrome|wet|methode|model|principe|effect|stelling)\s+van\s+$")
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
FUNCTION = re.compile(rf"(?i)(?:{FUNCTION_NOUN})\w*")


# Compounds that end in a function noun: "Beleidsmedewerker", "Regiomanager". (Not the
# short ones, "arts" or "lid": they end surnames too, "Swarts".)
_FUNCTION_COMPOUND = re.compile(
    r"(?i)\w+(?:medewerker|medewerkster|adviseur|manager|coördinator|coordinator|directeur|leider|secretaris"
    r"|jurist|consulent|specialist|analist|deskundige|functionaris|coach)"
)
_DASH_SPLIT = re.compile(r"[ ][-–][ ]")
# "Verweij van de Eekhoutweg 31": the person, then where he lives.
_STREET_TAIL = re.compile(r"[ ](?:van|aan|op)[ ](?:de|het|den)[ ](\S+)$")
_HOUSE_NUMBER_AFTER = re.compile(r"[ ]+[1-9]")


def _name_words(span: str) -> list[str]:
    """The capitalised words of a span that carry the name (no titles or initials)."""
    return [w for w in _CAP_WORD.findall(span) if not _TITLE_FULL.fullmatch(w)]


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
    table_row = _TABLE_ROW_AFTER.match(text, end) and not _PHONE_AFTER.match(text, end)
    if m is None and (table_row or _CELL_BEFORE.search(text, line_start, start)):
        # A table row ("Academie Bo Yi 100001278 1-7-2022 ..."): the first cell may start
        # the line, where a sentence would start with any word.
        m = _CELL_START_BEFORE.search(text, line_start, start)
    if m and ordinary(m.group(1), compounds=True) and not FUNCTION.fullmatch(m.group(1)):
        return True
    return False


@dataclass(frozen=True)
class Candidate:
    """A name candidate with what every check asks of it, computed once."""

    text: str
    hit: object  # detect.Hit
    span: str
    words: list[str]  # the capitalised name words, no titles or initials
    titled: bool  # a title or an office stands beside it
    has_initials: bool

    @property
    def last_is_surname(self) -> bool:
        return self.words[-1].lower() in lists().surnames


def weigh(text: str, hit) -> Optional[object]:
    """The PERSON hit if the evidence for a person outweighs the evidence against, else
    None; a hit kept on thin evidence comes back marked weak. Other hits pass unchanged."""
    if hit.entity != "PERSON":
        return hit
    span = text[hit.start:hit.end]
    dash = _DASH_SPLIT.search(span)
    if dash and any(_is_function(w) for w in _name_words(span[dash.end():])):
        # "Karin Jansen - Beleidsmedewerker": a job title after a spaced dash, not the
        # second half of a double surname.
        hit = replace(hit, end=hit.start + dash.start(), text=span[:dash.start()])
        span = hit.text
    street = _STREET_TAIL.search(span)
    if street and _HOUSE_NUMBER_AFTER.match(text, hit.end) and _is_street(street.group(1)):
        hit = replace(hit, end=hit.start + street.start(), text=span[:street.start()])
        span = hit.text
    words = _name_words(span)
    if not words:
        return None
    c = Candidate(text, hit, span, words, hit.evidence in TITLED, bool(_INIT_ANY.search(span)))
    verdict = _ordinary_words(c)
    if verdict is not _UNDECIDED:
        return verdict
    if any(check(c) for check in AGAINST):
        return None
    return hit


_UNDECIDED = object()


def _ordinary_words(c: Candidate):
    """Every name word an ordinary word: only a listed surname can still be a name
    ("mevrouw Groen", "J. Post"; not "dhr. Informatie"), and only with a title or
    initials before it; where a name is expected ("collega Bakker", an attendee "De Reus
    (IPO)") it is kept as weak evidence. Title and initials together outweigh any
    lexicon ("dhr. H. Oosters")."""
    # Compounds count only where nothing but position speaks for a name: "collega
    # Dwarshuis" names a person whatever "dwars" and "huis" mean.
    # A surname the document itself gave with strong evidence ("Zomerdijk" of "ir. L.P.
    # Zomerdijk") is such evidence too.
    bare = not c.titled and not c.has_initials and c.hit.evidence not in (PERSON_NOUN, SPREAD)
    if not (all(ordinary(w) for w in c.words) or bare and all(ordinary(w, compounds=True) for w in c.words)):
        return _UNDECIDED
    if not c.last_is_surname:
        return c.hit if c.titled and c.has_initials else None
    if c.titled or c.has_initials:
        return _UNDECIDED
    if c.hit.evidence == SPREAD:
        return c.hit  # the document gave this surname with strong evidence (detect.spread)
    expected = c.hit.evidence == PERSON_NOUN or c.hit.evidence in PLACED
    return replace(c.hit, weak=True) if expected else None


# Evidence that a candidate is no person, each a check of its own (True: no person).

def _lettered_part(c: Candidate) -> bool:
    """"Deel B. Beveiligingsovereenkomst", "Bijlage A. Tarieven", a line "A. Geld" in a
    list: one letter numbers a part before an ordinary word."""
    if c.titled or not _ONE_LETTER.match(c.span) or not all(ordinary(w, compounds=True) for w in c.words):
        return False
    if _WORD_THEN_SPACE.search(c.text, max(0, c.hit.start - 30), c.hit.start):
        return True
    if _in_letter_sequence(c):
        return True
    return c.hit.evidence == "initials and surname" and not c.last_is_surname and _alone_on_line(c)


def _in_letter_sequence(c: Candidate) -> bool:
    """"A. Hitteplan …\nB. Koele plekken …\nC. Meer groen": the line before or after
    opens with the letter before or after this one."""
    line_start = c.text.rfind("\n", 0, c.hit.start) + 1
    if c.text[line_start:c.hit.start].strip(" \t"):
        return False
    letter = ord(c.span[0])
    prev_start = c.text.rfind("\n", 0, max(0, line_start - 1)) + 1
    next_start = c.text.find("\n", c.hit.end) + 1
    before = c.text[prev_start:line_start].lstrip(" \t")
    after = c.text[next_start:next_start + 8].lstrip(" \t") if next_start else ""
    return before.startswith(f"{chr(letter - 1)}.") or after.startswith(f"{chr(letter + 1)}.")


def _job_title(c: Candidate) -> bool:
    """"Consulent Wmo", "Teamleider Handhaving": a function, not a name."""
    return not c.titled and any(_is_function(w) for w in c.words)


def _is_street(word: str) -> bool:
    """A street's name, not a surname: a street's shape and on no surname list."""
    from .recognizers.address import street_start

    return word.lower() not in lists().surnames and street_start([word]) is not None


def _is_function(word: str) -> bool:
    return bool(FUNCTION.fullmatch(word) or _FUNCTION_COMPOUND.fullmatch(word))


def _doubled(c: Candidate) -> bool:
    """"Peer Peer": a word the text extraction doubled."""
    return not c.titled and len(c.words) == 2 and c.words[0] == c.words[1]


def _business_name(c: Candidate) -> bool:
    """"Kader Academy", "Anna Smit Begeleiding": a common noun as the last word."""
    last = c.words[-1]
    return len(c.words) >= 2 and ordinary(last) and not c.last_is_surname and c.span.endswith(" " + last) \
        and not FUNCTION.fullmatch(last)


def _eponym(c: Candidate) -> bool:
    """"ziekte van Huntington", "syndroom van Down"."""
    return bool(_EPONYM_BEFORE.search(c.text, max(0, c.hit.start - 20), c.hit.start))


def _in_address(c: Candidate) -> bool:
    """"…@Onderzoeksbureau.nl", "www.Jansen.nl": part of an e-mail address or domain."""
    return c.text[max(0, c.hit.start - 1):c.hit.start] in ("@", ".", "/") or bool(_DOMAIN_AFTER.match(c.text, c.hit.end))


def _article_before(c: Candidate) -> bool:
    """"bij de Albert Heijn", "in het Jan Smit": an article makes the name a thing's."""
    return not c.titled and c.span[:1].isupper() and bool(_ARTICLE_BEFORE.search(c.text, max(0, c.hit.start - 6), c.hit.start))


def _compound_noun(c: Candidate) -> bool:
    """"Beernink-molen": the first part of a compound noun."""
    return c.text[c.hit.end:c.hit.end + 1] == "-" and c.text[c.hit.end + 1:c.hit.end + 2].islower()


def _named_place(c: Candidate) -> bool:
    """"sportpark Abe Lenstra", "Stichting Jan Smit", "Dorpshuis Klaas Bos": a place or
    body named after someone (a capitalised place noun too, where it is an ordinary
    word and no surname)."""
    if c.titled:
        return False
    before = _LOWER_WORD_BEFORE.search(c.text, max(0, c.hit.start - 40), c.hit.start)
    if before and _PLACE_NOUN.search(before.group(1)):
        return True
    before = _CAP_WORD_BEFORE.search(c.text, max(0, c.hit.start - 40), c.hit.start)
    return bool(before and _PLACE_NOUN.search(before.group(1).lower()) and ordinary(before.group(1), compounds=True))


def _company(c: Candidate) -> bool:
    """"Kees Smit opleidingen BV": a legal form later on the line."""
    return bool(_LEGAL_FORM_AFTER.match(c.text, c.hit.end))


def _longer_proper_noun(c: Candidate) -> bool:
    return not c.titled and part_of_longer_name(c.text, c.hit.start, c.hit.end)


def _street_named(c: Candidate) -> bool:
    """"Ds. Nicolaas Beetslaan", "Burg. Jansenstraat": a street named after someone, title
    and all. Only the street words that end no common surname ("-straat", "-laan",
    "-plein"; not "-veld" or "-berg", which end "Hazenveld" and "Rozenberg" too)."""
    last = c.words[-1]
    return bool(_STREET_WORD_END.search(last)) and last.lower() not in lists().surnames


_STREET_WORD_END = re.compile(r"(?i)..(?:straat|straatje|laan|laantje|plein|pleintje|gracht|kade|singel|steeg|dreef|allee"
                              r"|boulevard|plantsoen|promenade|passage)$")


AGAINST = (_lettered_part, _job_title, _doubled, _business_name, _eponym, _in_address, _article_before,
           _compound_noun, _named_place, _company, _longer_proper_noun, _street_named)


def _alone_on_line(c: Candidate) -> bool:
    line_start = c.text.rfind("\n", 0, c.hit.start) + 1
    line_end = c.text.find("\n", c.hit.end)
    before = c.text[line_start:c.hit.start]
    after = c.text[c.hit.end:len(c.text) if line_end < 0 else line_end]
    return not before.strip(" \t*#-") and not after.strip(" \t.:,")
