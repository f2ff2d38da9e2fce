"""An address: a street with a house number, and the evidence that it is one.

A street name and a number alone identify no one ("Kerkstraat 12" can be anywhere), and
capitalised words before a number are often no street at all ("Artikel 12"). So an
address is reported only with its evidence:

- street + number + postcode (with or without a place): "Kerkstraat 12, 1234 AB
  Utrecht", also over two lines;
- street + number + "te <Plaats>": "Molenweg 12 te Emmen" (no postcode);
- street + number, then a comma or line break and a place name from deduce's place
  lists: "Molenweg 12\nEmmen";
- street + number where the sentence says someone lives there: a verb of living with
  its preposition ("woont aan de Molenweg 12", "wonend op de Dorpsstraat 4a"), or a
  person named with a title or as a resident, then "van de" ("mevrouw Smit van de
  Molenweg 12", "een bewoner van de Molenweg 12"), a surname with the street in
  brackets ("Van Gelderen (Molenweg 12)"), or a form's address field ("Straat en
  huisnummer: Molenweg 12"). No postcode is needed then; the street must have a
  street's shape.

Without a postcode the street must have the shape of one: its last word ends in a
street-type word (straat, laan, weg, plein, gracht, ...; "Laan van X" starts with one),
or the name is on deduce's street list. House numbers take their additions: 23a, 23 A,
140-III, 140-3, 173 bis, 12-hs, 12 huis, 4 hoog. A PO box ("Postbus 123", an
"Antwoordnummer") is an organisation's and no address. Whether the address is an
office's or a private person's is decided by woocheck.pii.contact.

deduce's street and place lists are read from its installed data folder at first use
(LGPL-3.0-or-later; never copied), the same way woocheck.pii.names reads its name lists.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from .base import PrefilteredRecognizer, WindowedPattern, at_candidates, found

# Street: one to four words, the first capitalised ("Turfmarkt", "Van Alkemadelaan",
# "Laan van Nieuw Oost-Indië", "Burg. de Withstraat"), then a house number.
_PARTICLE = r"(?:van|de|der|den|het|'t|aan|op|in|bij|la|ter|ten|en|tot|over|onder|achter|voor|'s)"
_WORD = r"\p{Lu}[\p{L}'’.-]+"
_STREET = rf"(?:'s-)?{_WORD}(?:[ ]+(?:{_PARTICLE}|(?:'s-)?{_WORD})){{0,3}}"
# House number with its additions: 23a, 88B, 23-a, 23 A, 140-III, 140-3, 140/2, 173 bis,
# 12-hs, 12 huis, then an optional floor ("4 hoog", "3e verdieping" is left out).
_ADDITION = (
    r"(?:[a-z]{1,2}(?![\p{L}\d])|[A-Z](?![\p{L}\d])"
    r"|[ ]?[-/][ ]?(?:[A-Za-z]{1,3}|[IVX]{1,4}|\d{1,4})(?![\p{L}\d])"
    r"|[ ](?:[A-Z]|[IVX]{1,4}|bis|hs|huis|boven|beneden|zw|rd)(?![\p{L}\d])"
    r"|[ ](?:kamer|unit|app\.?|appartement)[ ]\d{1,4}(?![\p{L}\d]))"
)
_NUMBER = rf"[1-9]\d{{0,4}}{_ADDITION}?(?:[ ,-]+\d{{1,2}}[ ]?hoog(?![\p{{L}}]))?"
# Postcode 1000-9999 plus two letters; SA, SD and SS are never issued.
_POSTCODE = r"[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d])"
_PLACE_WORD = r"(?:'[st]-)?\p{Lu}[\p{L}'’-]+"
_CITY = rf"(?:[ ]+{_PLACE_WORD}(?:[ ]+{_PLACE_WORD})?)?"
# "te Den Haag", "te Bergen op Zoom", "te 's-Hertogenbosch", "te Alphen aan den Rijn"
_PLACE = rf"{_PLACE_WORD}(?:[ ]+(?:(?:aan|op|en|de|den|der|bij|in)[ ]+){{0,2}}{_PLACE_WORD}){{0,2}}"

POSTCODE_FORM = "street, number and postcode"
RESIDENCE_FORM = "street and number where someone lives"
TE_FORM = "street, number, te and place"
PLACE_FORM = "street, number and place"

# Street-type words: the last word of most Dutch street names ends in one ("Kerkstraat",
# "Van Alkemadelaan"), or a name starts with one as a word of its own ("Laan van X").
STREET_TYPES = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "dijk", "dyk", "singel", "steeg", "pad", "hof",
    "dreef", "park", "markt", "baan", "wal", "veld", "haven", "ring", "allee", "boulevard", "erf",
    "dam", "plantsoen", "poort", "brink", "zoom", "akker", "kwartier", "promenade", "passage", "pier",
    "kanaal", "vaart", "wetering", "tuin", "gaarde", "hoeve", "berg", "heuvel", "oord", "kamp",
    "weide", "hoek", "waard", "dal", "zijde", "kolk", "dreve", "burcht", "straatje", "laantje",
    "pleintje", "wegje", "steegje", "hofje", "gang", "kaai", "vliet", "sloot", "rade", "stede",
    "wijk", "land", "dorp", "molen", "broek", "buurt", "spoor", "sluis", "oever", "gaard", "drift",
)
_TYPE_END = re.compile(rf"(?i)(?:{'|'.join(sorted(STREET_TYPES, key=len, reverse=True))})$")
_TYPE_WORD = re.compile(rf"(?i)^(?:{'|'.join(STREET_TYPES)})$")
_ABBREV_OR_PARTICLE = re.compile(rf"(?i)^(?:{_PARTICLE}|'s-.*|sint|st\.|\p{{L}}{{1,6}}\.)$")
_COMPASS = re.compile(r"(?i)^(?:noord|oost|zuid|west|n\.?z\.?|o\.?z\.?|z\.?z\.?|w\.?z\.?)$")
_COMPASS_TAIL = re.compile(r"(?i)-(?:noord|oost|zuid|west)$")
_PO_BOX = re.compile(r"(?i)\b(?:postbus|antwoordnummer|p\.?o\.?[ ]?box)\b")
_SPACE = re.compile(r"[ ]+")
# What makes a street and number someone's home without a postcode: a verb of living and
# its preposition, or a titled person or a resident, then "van de" (the street follows).
_LIVES = (r"(?:woon\w*|wonend\w*|woont|wonen|woning|huis|verhuisd|verhuist|verhuizen|verblijf\w*)[ ]+"
          r"(?:aan|op|in|naar|bij)")
# A form's field for a home address: "Adres:", "Straat en huisnummer:", "Woonadres :".
_FIELD = r"(?m:^[ \t|]*(?:adres|woonadres|huisadres|straat|straatnaam|straat[ ]en[ ]huisnummer|huisnummer)[ \t]*:[ \t]*)"
_NAMED = (r"(?:(?:dhr|mevr|mw|hr)\.?|mevrouw|de[ ]heer|meneer|familie|fam\.)(?:[ ]+[\p{L}.'’-]+){1,5}?"
          r"|(?:bewoner|bewoonster|bewoners|buurman|buurvrouw|buren)")
# "buurman Van Gelderen (Kolkweg 29)": a street and number in brackets right after a
# surname-like word (not an ordinary word or a place: "Stadhuis (Markt 1)" is a building).
_BRACKET_HOME = re.compile(rf"(?P<who>\p{{Lu}}[\p{{L}}'’-]+)[ ]\((?P<street>{_STREET})[ ]+(?P<number>{_NUMBER})\)")
_RESIDENCE = re.compile(
    rf"(?i:{_FIELD}|(?<![\p{{L}}])(?:{_LIVES}|(?:{_NAMED})[ ]+van)(?:[ ]+(?:de|het|den))?[ ]+)"
    rf"(?P<street>{_STREET})[ ]+(?P<number>{_NUMBER})(?![\p{{L}}\d])"
)


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    """deduce's street list, lowercased (empty without deduce)."""
    from ..names import _deduce_lookup_dir, _read

    folder = _deduce_lookup_dir()
    return frozenset(_read(folder, "locations/lst_street")) if folder else frozenset()


def _common_words() -> frozenset[str]:
    from ..names import lists

    return lists().common_words


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """deduce's residences and municipalities, lowercased (empty without deduce)."""
    from ..names import _deduce_lookup_dir, _read

    folder = _deduce_lookup_dir()
    if folder is None:
        return frozenset()
    places: set[str] = set()
    for sub in ("lst_residence", "lst_municipality"):
        places |= _read(folder, f"locations/lst_placename/{sub}")
    return frozenset(places)


def street_start(words: list[str]) -> int | None:
    """Index of the first word of the street name in `words` (the capitalised words
    before a house number), or None when they have no street shape. A street-type word
    is looked for first; deduce's street list (153,000 names, read on first need) only
    when there is none ("Lange Voorhout", "Spui")."""
    at = None
    # "Kanaalweg Oost", "Dorpsstraat-Zuid": a compass word after the street's own name
    last = len(words) - 1 - (len(words) > 1 and bool(_COMPASS.match(words[-1])))
    for i, w in enumerate(words):
        bare = _COMPASS_TAIL.sub("", w.strip("."))
        if _TYPE_END.search(bare) and (i == last or _TYPE_WORD.match(bare)):
            at = i
    if at is None:
        streets = street_names()
        common = _common_words()
        for i in range(len(words)):  # the longest tail on deduce's street list
            tail = " ".join(words[i:]).lower()
            # one ordinary word on the list ("Kamer", "Centrum") is no evidence of a street
            if tail in streets and (len(words) - i >= 2 or tail not in common):
                at = i
                break
    if at is None:
        return None
    while at > 0 and _ABBREV_OR_PARTICLE.match(words[at - 1]):
        at -= 1
    while at < len(words) - 1 and not words[at][:1].isupper() and not words[at].startswith("'s-"):
        at += 1  # a street name starts with a capital ("aan de Molenweg" -> Molenweg)
    return at


_HOUSE_NUMBER = re.compile(r"(?<=[\p{L}.'’-])[ ]+[1-9]")
_STREET_START = re.compile(r"(?<![\p{L}])(?:\p{Lu}|'s-)")


def _street_starts(text: str) -> list[int]:
    """Where a street can start: a capital (or "'s-") not after a letter, among the 120
    characters before a house number on its line. Trying the patterns only there gives
    the same matches as a scan of every character (which cost 0.1-0.3 ms a page)."""
    if _last[0] is text:  # the three patterns ask for the same text in turn
        return _last[1]
    found: set[int] = set()
    for m in _HOUSE_NUMBER.finditer(text):
        if not _FORM_AFTER_NUMBER.match(text, m.end() - 1):
            continue  # no postcode, "te" or place can follow: no form can match here
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 120)
        # A street is at most four words (a particle among them), so only the last few
        # capitals before the number can start one.
        found.update([c.start() for c in _STREET_START.finditer(text, lo, m.start())][-6:])
    _last[:] = [text, sorted(found)]
    return _last[1]


_last: list = [None, []]

_at_streets = at_candidates(_street_starts)
# What each form needs right after the house number (a necessary condition, checked once
# per number instead of trying every street start with every form).
_FORM_AFTER_NUMBER = re.compile(
    rf"{_NUMBER}(?:[ \t]*(?:,[ \t]*|\n[ \t]*|[ \t]+){_POSTCODE}|[ \t]*,?[ \t]+te[ \t]|[ \t]*(?:,|\n))", flags=re.MULTILINE
)


def _windowed(name: str, regex: str, score: float) -> WindowedPattern:
    return WindowedPattern(name, regex, score, re.MULTILINE, _at_streets)


class AddressRecognizer(PrefilteredRecognizer):
    PATTERNS = [
        # "Kerkstraat 12a, 1234 AB Utrecht", or over two lines
        _windowed(POSTCODE_FORM, rf"(?<![\p{{L}}]){_STREET}[ ]+{_NUMBER}[ \t]*(?:,[ \t]*|\n[ \t]*|[ \t]+){_POSTCODE}{_CITY}", 0.7),
        # "Molenweg 12 te Emmen"
        _windowed(TE_FORM, rf"(?<![\p{{L}}]){_STREET}[ ]+{_NUMBER}[ \t]*,?[ \t]+te[ \t]+{_PLACE}", 0.7),
        # "Molenweg 12, Emmen", "Hoogstraat 4\nNoordhorn": the place must be a known one
        _windowed(PLACE_FORM, rf"(?<![\p{{L}}]){_STREET}[ ]+{_NUMBER}[ \t]*(?:,[ \t]*|\n[ \t]*){_PLACE}", 0.6),
    ]
    # A house number after a word: every form has one (the word before it may be a
    # particle: "Laan van 12").
    NEEDS = _HOUSE_NUMBER
    CONTEXT = ["adres", "woonadres", "woonachtig", "wonende", "huisadres", "postadres", "woont"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ADDRESS",
            name="DutchAddressRecognizer",
            supported_language="nl",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        kept = []
        for r in results:
            span = _evidence(text, r.start, r.end)
            if span:
                r.start, r.end = span
                kept.append(r)
        kept.extend(_residences(text, self.name))
        # Two forms can claim one address ("Molenweg 12, Emmen" and "... te Emmen" never
        # both; "Kerkstraat 12, 1234 AB Utrecht" also as "Kerkstraat 12, ..." no): keep
        # the longest of overlapping spans.
        kept.sort(key=lambda r: (r.start, -(r.end - r.start)))
        out = []
        for r in kept:
            if out and r.start < out[-1].end:
                continue
            out.append(r)
        return out


_MATCHERS = [(form, re.compile(p.regex, flags=re.MULTILINE)) for form, p in
             zip((POSTCODE_FORM, TE_FORM, PLACE_FORM), AddressRecognizer.PATTERNS)]
_NUM_AT = re.compile(rf"[ ]+{_NUMBER}")


def _evidence(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the address in [start, end) when it carries its evidence (see the
    module doc), with label words before the street cut off; None otherwise."""
    span = text[start:end]
    form = next((f for f, rx in _MATCHERS if rx.fullmatch(span)), None)
    if form is None:
        return None
    place_end = None
    if form == PLACE_FORM:  # the cheaper test first: most such matches have no known place
        place_end = _place_after(text, start, end)
        if place_end is None:
            return None
    # The words before the house number.
    m = re.match(rf"({_STREET})[ ]+{_NUMBER}", span)
    if m is None:
        return None
    words = _SPACE.split(m.group(1))
    if _PO_BOX.search(m.group(1)):
        return None
    at = street_start(words)
    if at is None:
        if form != POSTCODE_FORM:
            return None
        at = len(words) - 1  # a postcode is evidence enough; keep the last word as street
        while at > 0 and _ABBREV_OR_PARTICLE.match(words[at - 1]):
            at -= 1
    if at and _STREET_PREP_BEFORE.search(text, max(0, start - 12), start):
        at = 0  # "aan de Lange Wijngaard 4": every word after the preposition is the street's
    cut = start
    if at:
        pos = 0
        for w in words[:at]:
            pos = span.index(w, pos) + len(w)
        cut = start + pos + (len(span[pos:]) - len(span[pos:].lstrip(" ")))
    tail_end = end
    if form == PLACE_FORM:
        tail_end = place_end
    elif form == POSTCODE_FORM:
        tail_end = _trim_city(text, start, end)
    return cut, tail_end


def _surname(word: str) -> bool:
    from ..names import lists

    return word.lower() in lists().surnames


_PERSONISH_BEFORE = re.compile(r"(?:\p{Lu}\.[ ]?|(?<![\p{L}])(?:van|de|der|den|ter|ten|te)[ ])$")


def _surname_before(text: str, m, nl, ordinary) -> bool:
    """The word before the bracket is a surname: a listed one, or one after initials or
    an interfix ("D. Kuipers-Lalmahomed", "van Gelderen"), and no word, place or street."""
    who = m.group("who")
    if ordinary(who) or who.lower() in nl.not_names or street_start([who]) is not None:
        return False
    return who.lower() in nl.surnames or bool(_PERSONISH_BEFORE.search(text, max(0, m.start() - 6), m.start()))


# Where a residence can start: its cue word, or the start of a line holding a field
# label (the regex is tried only there; a scan of every character cost ~0.4 ms a page).
_CUE_WORDS = ("woon", "wonen", "woont", "woning", "huis", "verhuis", "verblijf", "dhr", "mevr", "mw", "hr", "de heer", "meneer",
              "famil", "fam.", "bewon", "buurman", "buurvrouw", "buren")
_FIELD_WORDS = ("adres", "straat", "huisnummer")


def _cue_starts(text: str):
    from ..scan import lowered, word_initial, word_starts

    starts = word_initial(text, word_starts(text, _CUE_WORDS, folds=True))
    if starts is None:
        return None
    low = lowered(text)
    lines = set()
    for word in _FIELD_WORDS:
        i = low.find(word)
        while i >= 0:
            line_start = text.rfind("\n", 0, i) + 1
            if i - line_start < 12 and low.find(":", i, i + 30) >= 0:  # a label opening its line
                lines.add(line_start)
            i = low.find(word, i + 1)
    return sorted(set(starts) | lines)


_at_cues = at_candidates(_cue_starts)
_WHO_BEFORE = re.compile(r"\p{Lu}[\p{L}'’-]+$")


def _bracket_homes(text: str):
    """_BRACKET_HOME tried only at the word before each " (" in the text."""
    i = text.find(" (")
    while i >= 0:
        w = _WHO_BEFORE.search(text, max(0, i - 40), i)
        if w:
            m = _BRACKET_HOME.match(text, w.start())
            if m:
                yield m
        i = text.find(" (", i + 2)


def _residences(text: str, recognizer: str) -> list:
    """Street and number where the sentence says someone lives (see the module doc)."""
    out = []
    matches = list(_at_cues(_RESIDENCE, text))
    if " (" in text:
        from ..evidence import ordinary
        from ..names import lists

        nl = lists()
        matches += [m for m in _bracket_homes(text) if _surname_before(text, m, nl, ordinary)]
    for m in matches:
        words = _SPACE.split(m.group("street"))
        at = street_start(words)
        if at is None or _PO_BOX.search(m.group("street")) or at == len(words) - 1 and _surname(words[at]):
            continue  # "mevrouw Jansen van de Berg 4": a double surname as likely as a street
        start = m.start("street") + len(" ".join(words[:at])) + (1 if at else 0)
        out.append(found(recognizer, "ADDRESS", start, m.end("number"), 0.7, RESIDENCE_FORM, RESIDENCE_FORM))
    return out


_STREET_PREP_BEFORE = re.compile(r"(?<![\p{L}])(?:aan|op)[ ](?:de|het|den)[ ]$")
_PLACE_TAIL = re.compile(rf"(?:,[ \t]*|\n[ \t]*)({_PLACE})$")
_POSTCODE_CITY = re.compile(rf"{_POSTCODE}((?:[ ]+{_PLACE_WORD}){{1,2}})$")


def _place_after(text: str, start: int, end: int) -> int | None:
    """End of the known place name after the street and number, or None."""
    m = _PLACE_TAIL.search(text, start, end)
    if m is None:
        return None
    words = _SPACE.split(m.group(1))
    places = place_names()
    for n in range(len(words), 0, -1):  # the longest known place name
        if " ".join(words[:n]).lower() in places:
            return m.start(1) + len(" ".join(words[:n]))
    return None


def _trim_city(text: str, start: int, end: int) -> int:
    """A postcode's place: two capitalised words only when they are one known place
    ("Den Haag"), one otherwise ("1040 HG Amsterdam Datum" -> Amsterdam)."""
    m = _POSTCODE_CITY.search(text, start, end)
    if m is None:
        return end
    words = _SPACE.split(m.group(1).strip())
    if len(words) == 2 and " ".join(words).lower() not in place_names():
        return m.start(1) + len(m.group(1)) - len(m.group(1).lstrip(" ")) + len(words[0])
    return end
