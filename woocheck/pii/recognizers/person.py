"""Names of persons, without a Dutch NER model: candidates and the evidence that found
them (woocheck.pii.evidence weighs each against the evidence that it is no person).

Three kinds of evidence, strongest first:

1. a title, salutation, office or person noun beside the name ("dhr. M. Boumans",
   "mevrouw El Amrani", "Beste Karin,", "minister Faber", "de burgemeester van X,
   Y", "K. Roodhart, gedeputeerde", "collega Smeets");
2. a place where Woo documents carry names: e-mail headers (`Van:`, `Aan:`, `CC:`,
   "Achternaam, Voornaam", "Vries, J. de (Jan)"), attendee lists ("Aanwezig"),
   signature blocks after "Met vriendelijke groet", "Contactpersoon" blocks, chat
   senders and `Naam <adres>` pairs;
3. the Dutch first-name and surname lists shipped by deduce: "Karin Jansen",
   "J.P. de Vries", "Stapper, M."; a lone listed surname is no candidate.

(1) and (2) find names the lists lack (Yılmaz, Nguyen, El Amrani). The document-level
steps (a surname spelled by an e-mail local part, a surname seen in a full name) live
in `spread_surnames`, called by `woocheck.pii` once per document.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex as re
from presidio_analyzer import AnalysisExplanation, PatternRecognizer, RecognizerResult

from ..names import lists
from ..scan import word_initial
from .base import WindowedPattern, at_candidates, lowered, word_starts
from .name_parts import (
    _ADDRESS_IN_BRACKETS_RE,
    _ATTENDEES_RE,
    _BORN_AFTER,
    _FUNCTION_AFTER,
    _NAME_BEFORE_RE,
    _CAPW_ANY,
    _CHAT_RE,
    _CONTACT_RE,
    _FIRST_LAST_RE,
    _GREETING_RE,
    _HEADER_RE,
    _INIT_ANY,
    _INITIALS_RE,
    _ITEM_SPLIT,
    _LABEL_LINE_RE,
    _LEADING_ROLE,
    _LONE_FIELD_RE,
    _OPEN_END,
    _PERSON_NOUN_RE,
    _SURNAME_AFTER_GIVEN,
    _PARENS,
    _ROLE_AFTER_RE,
    _SURNAME_INITIALS_RE,
    _ROLE_RE,
    _SIGNOFF_RE,
    CAPW,
    IFX,
    NAME,
    ORG_WORDS,
    PERSON_NOUNS,
    PLACE_SUFFIX,
    SURNAME_ENDING,
    TITLE,
    TITLES,
    WS,
    _cap_tokens,
    _keep_first_line,
    _next_lines,
    _split_entries,
    _trim_not_names,
    name_like,
)

# Where a name after a title can start: right after a title (the last of TITLES, which
# like the first has no letter before it) and WS, at a capital or at the first letter of
# an interfix ("de", "van", "'t", ...). Trying the title pattern only there gives the
# same matches as its variable-length lookbehind tried at every character (that scan
# was 0.45-0.95 ms a page on the batch and corpora; this one ~0.09).
_AFTER_TITLE = re.compile(rf"(?<![\p{{L}}]){TITLE}{WS}(?=[\p{{Lu}}vdh'tealioub])")


# Precompiled: module-level re.split/re.sub calls cost a cache lookup each (28,000 a batch).
_SIGNATURE_SPLIT = re.compile(r"\s[|–-]\s|\t|\|")
_NON_SPACE = re.compile(r"\S+")
_HEADING_LEAD = re.compile(r"[ \t#*>\d.()-]*")
_LETTER_DOT = re.compile(r"\p{Lu}\.[ ]")


# Where a title can start (its words lowercased; the last three as written).
_TITLE_WORDS = ("dhr", "heer", "meneer", "mijnheer", "mevr", "mw", "mej", "drs", "mr.", "ir.", "dr.", "prof.",
                "ing.", "ds.", "bc.")
_TITLE_WORDS_EXACT = ("MSc", "MA", "LLM")


def _after_titles(text: str):
    starts = word_starts(text, _TITLE_WORDS, _TITLE_WORDS_EXACT)
    if starts is None:
        return [m.end() for m in _AFTER_TITLE.finditer(text)]
    return sorted({m.end() for q in starts if (m := _AFTER_TITLE.match(text, q))})


# Where an office can start ("De heer" is found by its "heer").
_ROLE_WORDS = ("minister", "staatssecretaris", "burgemeester", "loco-burgemeester", "wethouder", "gedeputeerde",
               "kamerlid", "commissaris", "secretaris-generaal", "directeur-generaal", "woordvoerder", "premier",
               "gouverneur")
_ROLE_WORDS_EXACT = ("CdK", "CvdK", "SG", "DG")
# Scanning only from the offices in the text: the role pattern's scan of every character
# was 0.11-0.15 ms a page (synthetic batch, VWS corpus).
_roles_in = at_candidates(lambda text: word_starts(text, _ROLE_WORDS, _ROLE_WORDS_EXACT, folds=True))


def _lines_of(block: str):
    """(line, offset) of each line of a block."""
    pos = 0
    for line in block.split("\n"):
        yield line, pos
        pos += len(line) + 1


def _before_offices(text: str):
    """Where a name with its office after it can start: the word starts in the 80
    characters before each office on its line."""
    starts = word_starts(text, _ROLE_WORDS, _ROLE_WORDS_EXACT, folds=True)
    if starts is None:
        return None
    out = set()
    for q in starts:
        line = text.rfind("\n", 0, q) + 1
        # Only word starts: the pattern's lookbehind allows nothing else.
        out.update(m.start() for m in _WORD_START.finditer(text, max(line, q - 80), q))
    return sorted(out)


_offices_after_in = at_candidates(_before_offices)


def _comma_spaces(text: str) -> list[int]:
    out, i = [], text.find(", ")
    while i >= 0:
        out.append(i)
        i = text.find(", ", i + 2)
    return out


_at_commas = at_candidates(_comma_spaces)


def _name_before(text: str, anchor: int, reach: int):
    """The name that ends right before `anchor` on its line (a date of birth or a function
    follows it), without the ordinary words that open the sentence ("Verdachte Jan Smit")
    or trail it; None for a place or a word, or inside "(Place, role)" after an office
    holder's name."""
    from ..evidence import ordinary

    m = _NAME_BEFORE_RE.search(text, max(text.rfind("\n", 0, anchor) + 1, anchor - reach), anchor)
    if m is None or text[m.start() - 1:m.start()] == "(":
        return None
    s, e = m.span("name")
    for w in _cap_tokens(m.group("name"))[:-1]:
        if not ordinary(w):
            break
        s = text.index(w, s) + len(w) + 1
    span = _trim_not_names(text, s, e)
    nl = lists()
    if span is None or all(w.lower() in nl.not_names and w.lower() not in nl.first_names
                           for w in _cap_tokens(text[span[0]:span[1]])):
        return None
    return span
# Kin nouns are pieces of common words ("oom" in "stroom", "oma" in "diploma"): word starts only.
_person_nouns_in = at_candidates(lambda text: word_initial(text, word_starts(text, PERSON_NOUNS, (), folds=True)))


def _lines_with(exact=(), lower=(), folds=False):
    """finditer for a pattern anchored at line starts ((?m)^, after a newline only) whose
    match holds one of the words on its own line: only those lines are tried (a scan of
    every character cost 0.015-0.07 ms a page for each such pattern)."""

    def candidates(text: str):
        starts = word_starts(text, lower, exact, folds)
        return None if starts is None else sorted({text.rfind("\n", 0, q) + 1 for q in starts})

    return at_candidates(candidates)


_signoffs_in = _lines_with(lower=("groet", "mvg", "hoogachtend", "regards"), folds=True)
_greetings_in = _lines_with(("Beste", "Geachte", "Hoi", "Hallo", "Hai", "Dag", "Lieve", "Goedemorgen", "Goedemiddag",
                             "Goedenavond", "Dear", "Hi"))
_headers_in = _lines_with((":",))  # "Van:", "Aan:", ...
_chats_in = _lines_with((":",))  # "[14-08-2024 08:12] Bram Vonk:"
_attendees_in = _lines_with(("Aanwezig", "Afwezig", "Deelnemers", "Verhinderd", "Afgemeld", "Afmeldingen", "Genodigden",
                             "Notulist", "Notulen", "Verslaglegging", "Voorzitter", "Secretaris"))
_contacts_in = _lines_with(("Contactpersoon", "Contactpersonen", "Behandeld door", "Opgesteld door", "Auteur", "Steller",
                            "Inlichtingen bij", "Informatie bij", "t.a.v.", "T.a.v.", "Ter attentie van"))

_COMMA_INITIAL = re.compile(r",[ ]?\p{Lu}\.")
_WORD_START = re.compile(r"(?<![\p{L}.'’-])[\p{L}'’]")  # a word, or an interfix "'t"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _paragraph_starts(text: str):
    """Where _LONE_FIELD_RE can start: the text's start, or a line break that opens a
    blank line (found from the line breaks, not by a regex scan of every character)."""
    out = [0]
    i = text.find("\n")
    while i >= 0:
        if _BLANK_LINE.match(text, i):
            out.append(i)
        i = text.find("\n", i + 1)
    return out


_lone_fields_in = at_candidates(_paragraph_starts)


@lru_cache(maxsize=4096)
def _name_spans(value: str) -> tuple[tuple[int, int], ...]:
    """The names in a header or contact value, as offsets into it: a pure function of the
    value, kept because a thread quotes the same "Van:"/"Aan:" lines in every message."""
    out = []
    for entry, offset in _split_entries(value):
        span = name_like(entry)
        if span:
            out.append((offset + span[0], offset + span[1]))
    return tuple(out)


def _res(recognizer, start: int, end: int, score: float, evidence: str, weak: bool = False) -> RecognizerResult:
    return RecognizerResult(
        entity_type="PERSON",
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=evidence
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            "evidence": evidence,
            "weak": weak,
        },
    )


class PersonRecognizer(PatternRecognizer):
    """Dutch person names from titles, document structure and name lists."""

    # The title-led pattern is the one presidio runs as a plain pattern; the rest of the
    # evidence needs the structure of the text and lives in `analyze`.
    TITLE_PATTERN = rf"(?<=(?<![\p{{L}}]){TITLES}{WS}){NAME}"
    CONTEXT = ["dhr", "mevrouw", "heer", "mw", "naam", "collega", "namens"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PERSON",
            name="DutchPersonRecognizer",
            supported_language="nl",
            patterns=[WindowedPattern("title before a name", self.TITLE_PATTERN, 0.85, re.MULTILINE,
                                      at_candidates(_after_titles))],
            context=self.CONTEXT,
            global_regex_flags=re.MULTILINE,  # case matters for names
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        out: list[RecognizerResult] = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            span = _trim_not_names(text, r.start, _keep_first_line(text, r.start, r.end))
            if span:
                out.append(_res(self, span[0], span[1], 0.85, "title"))
        out.extend(self._roles(text))
        out.extend(self._person_nouns(text))
        out.extend(self._born(text))
        out.extend(self._functions_after(text))
        out.extend(self._roles_after(text))
        out.extend(self._greetings(text))
        out.extend(self._headers(text))
        out.extend(self._attendees(text))
        out.extend(self._signatures(text))
        out.extend(self._contacts(text))
        out.extend(self._chat_senders(text))
        out.extend(self._name_email(text))
        out.extend(self._from_lists(text))
        out.extend(self._lone_fields(text))
        return out

    def _lone_fields(self, text):
        """A paragraph that is nothing but a name: a metadata Author, a comment's author,
        a name on a line of its own ("Jansen, K.", "K. Jansen", "Karin Jansen")."""
        nl = lists()
        for m in _lone_fields_in(_LONE_FIELD_RE, text):
            value = m.group("v")
            span = name_like(value)
            if not span:
                continue
            words = [w.lower() for w in _cap_tokens(value)]
            # Initials, "Achternaam, Voornaam" or a listed first name: a lone capitalised
            # word on its line ("Hoogachtend,") is furniture, not a name.
            if _INIT_ANY.search(value) or len(words) >= 2 and ("," in value or words[0] in nl.first_names):
                s = m.start("v")
                yield _res(self, s + span[0], s + span[1], 0.7, "a field holding only a name")

    # -- (1) titles, roles and greetings ------------------------------------------------

    def _roles(self, text):
        not_names = lists().not_names
        for m in _roles_in(_ROLE_RE, text):
            s, e = m.span("name")
            e = _keep_first_line(text, s, e)
            span = _trim_not_names(text, s, e)
            if not span:
                continue
            caps = _cap_tokens(text[span[0]:span[1]])
            if any(c.lower() in not_names for c in caps):
                continue  # "minister van Justitie", "burgemeester van Utrecht"
            if text[max(0, m.start() - 1):m.start()] == "(" and text[span[1]:span[1] + 1] == ")":
                continue  # "Roodhart (CdK Noordmark)": the office's place, its holder before the bracket
            yield _res(self, span[0], span[1], 0.85, "office before the name")

    def _born(self, text):
        if "geb" not in text:
            return
        for b in _BORN_AFTER.finditer(text):
            span = _name_before(text, b.start(), 80)
            if span:
                yield _res(self, span[0], span[1], 0.85, "date of birth after the name")

    def _functions_after(self, text):
        """"Bayu Wirjosentono, controleur Adrescontrole": a name in apposition with a
        function (an office holder's role is the policy's to judge)."""
        if ", " not in text:
            return
        for f in _at_commas(_FUNCTION_AFTER, text):
            span = _name_before(text, f.start(), 60)
            if span:
                yield _res(self, span[0], span[1], 0.8, "function after the name")

    def _roles_after(self, text):
        # Tried only before the offices in the text (where a match ends).
        for m in _offices_after_in(_ROLE_AFTER_RE, text):
            span = _trim_not_names(text, *m.span("name"))
            if span:
                yield _res(self, span[0], span[1], 0.85, "office after the name")

    def _person_nouns(self, text):
        from ..evidence import ordinary

        first = lists().first_names
        for m in _person_nouns_in(_PERSON_NOUN_RE, text):
            s, e = m.span("name")
            name = m.group("name")
            if " " not in name and any(part.lower() in first for part in name.split("-")):
                more = _SURNAME_AFTER_GIVEN.match(text, e)  # "buurman Evert-Jan van Gelderen"
                if more and not ordinary(_cap_tokens(more.group())[-1]):
                    e = more.end()
            yield _res(self, s, _keep_first_line(text, s, e), 0.75, "person noun before the name")

    def _greetings(self, text):
        not_names = lists().not_names
        for m in _greetings_in(_GREETING_RE, text):
            for group in ("name", "name2"):  # "Beste Karin en Piet,"
                if m.group(group) is None:
                    continue
                s, e = m.span(group)
                caps = _cap_tokens(m.group(group))
                if all(c.lower() in not_names and c.lower() not in lists().first_names for c in caps):
                    continue  # "Beste Collega's", "Hallo Allemaal"
                yield _res(self, s, e, 0.8, "greeting")

    # -- (2) places in a document that hold names ----------------------------------------

    def _entries(self, value: str, base: int, score: float, evidence: str):
        for start, end in _name_spans(value):
            yield _res(self, base + start, base + end, score, evidence)

    def _headers(self, text):
        for m in _headers_in(_HEADER_RE, text):
            yield from self._entries(m.group("v"), m.start("v"), 0.8, "e-mail header")

    def _attendees(self, text):
        for m in _attendees_in(_ATTENDEES_RE, text):
            start, end = m.start("v"), m.end("v")
            # The list may continue on the following lines until a blank line or a label.
            last = m.group("v")
            for line in _next_lines(text, end, 13):
                if not line.strip():
                    # PDF text breaks lists with blank lines; go on after "Dhr" or a comma.
                    if _OPEN_END.search(last):
                        end += len(line) + 1
                        continue
                    break
                if _LABEL_LINE_RE.match(line):
                    break
                end += len(line) + 1
                last = line
            block = text[start:end]
            if ";" in block:
                # "Smulders, Bas; Yıldırım, G. (Gökhan)": semicolons part the people, as in
                # an e-mail header, and a comma stays inside "Achternaam, Voornaam".
                for line, offset in _lines_of(block):
                    yield from self._entries(line, start + offset, 0.75, "attendee list")
                continue
            # Items end at a comma, semicolon or a closing bracket ("X (VNG) Y (IPO)").
            pos = 0
            for piece in _ITEM_SPLIT.split(block):
                yield from self._entries_plain(piece, start + pos)
                pos += len(piece) + (1 if block[pos + len(piece): pos + len(piece) + 1] == "\t" else 0)

    def _entries_plain(self, piece: str, base: int):
        cleaned = _PARENS.sub(lambda m: " " * len(m.group()), piece)
        cleaned = _LEADING_ROLE.sub(lambda m: " " * len(m.group()), cleaned)
        cleaned = cleaned.replace(",", " ").replace(";", " ")
        if not cleaned.strip():
            return
        span = name_like(cleaned)
        if span:
            yield _res(self, base + span[0], base + span[1], 0.75, "attendee list")

    def _following_lines(self, text: str, pos: int, n: int) -> Iterable[tuple[str, int]]:
        """The next `n` non-blank lines after the line holding `pos`, with their offsets
        (at most 3n lines are looked at: a run of blank lines ends the search)."""
        count = 0
        start = text.find("\n", pos)
        for line in _next_lines(text, pos, 3 * n):
            if count >= n:
                break
            line_start = start + 1
            start = line_start + len(line)
            if line.strip():
                count += 1
                yield line, line_start

    def _signatures(self, text):
        for m in _signoffs_in(_SIGNOFF_RE, text):
            for line, start in self._following_lines(text, m.end(), 3):
                # "Karin Jansen | Beleidsmedewerker", "Karin Jansen - DGM": the name comes first.
                head = _SIGNATURE_SPLIT.split(line, maxsplit=1)[0]
                if "@" in head or any(c.isdigit() for c in head):
                    break
                span = name_like(head.strip(" \t*_"))
                if span:
                    lead = len(head) - len(head.lstrip(" \t*_"))
                    yield _res(self, start + lead + span[0], start + lead + span[1], 0.75, "signature")
                    break

    def _contacts(self, text):
        for m in _contacts_in(_CONTACT_RE, text):
            if m.group("v").strip(" *"):
                yield from self._entries(m.group("v"), m.start("v"), 0.75, "contact block")
                continue
            for line, start in self._following_lines(text, m.end(), 1):
                lead = len(line) - len(line.lstrip(" \t*"))
                span = name_like(line.strip(" \t*"))
                if span:
                    yield _res(self, start + lead + span[0], start + lead + span[1], 0.75, "contact block")

    def _chat_senders(self, text):
        for m in _chats_in(_CHAT_RE, text):
            span = name_like(m.group("v").strip())
            if span:
                lead = len(m.group("v")) - len(m.group("v").lstrip())
                s = m.start("v") + lead
                yield _res(self, s + span[0], s + span[1], 0.8, "sender in a chat export")

    def _name_email(self, text):
        # Find the addresses first (few), then look at what stands before each on its line.
        for m in _ADDRESS_IN_BRACKETS_RE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            lead_start = max(line_start, m.start() - 80)
            raw = text[lead_start:m.start()]
            cut = max(raw.rfind(c) for c in "<>;:[]")
            base = lead_start + cut + 1
            raw = raw[cut + 1:]
            words = list(_NON_SPACE.finditer(raw))
            for i in range(len(words)):
                piece = raw[words[i].start():words[-1].end()]
                stripped = piece.strip("\"' ")
                span = name_like(stripped)
                if span:
                    lead = words[i].start() + piece.index(stripped[:1]) if stripped else words[i].start()
                    yield _res(self, base + lead + span[0], base + lead + span[1], 0.8, "name beside an e-mail address")
                    break

    # -- (3) name lists -------------------------------------------------------------------

    def _from_lists(self, text):
        nl = lists()
        # The overlapped scan of _FIRST_LAST_RE, tried only at the capitalised words that
        # are listed first names (the only matches kept): half the cost of the scan.
        for c in _CAPW_ANY.finditer(text):
            if c.group().lower() not in nl.first_names:
                continue
            m = _FIRST_LAST_RE.match(text, c.start())
            if m is None:
                continue
            # "Gert-Jan": a double given name is one when both parts are given names
            parts = m.group("first").lower().split("-")
            if any(p not in nl.first_names or p in nl.not_names for p in parts):
                continue
            caps = _cap_tokens(m.group("rest"))
            last = caps[-1].lower()
            if last in nl.not_names and last not in nl.surnames:
                continue
            if any(c.lower() in ORG_WORDS for c in caps):
                continue  # "Athena Institute"
            if last not in nl.surnames and PLACE_SUFFIX.search(last) and not SURNAME_ENDING.search(last):
                continue  # "Tobias Asserzaal", "Willem Alexanderplein": a room or a street
            yield _res(self, m.start(), m.end(), 0.7, "first name and surname")
        if "," in text:
            # Tried only on the few words before each ", X." (a scan of every character
            # tripled this source's cost).
            after = 0
            for c in _COMMA_INITIAL.finditer(text):
                lo = max(after, text.rfind("\n", 0, c.start()) + 1, c.start() - 60)
                m = None
                for q in (w.start() for w in _WORD_START.finditer(text, lo, c.start())):
                    m = _SURNAME_INITIALS_RE.match(text, q)
                    if m:
                        break
                if m:
                    after = m.end()
                    yield _res(self, m.start(), m.start() + len(m.group().rstrip()), 0.7, "surname and initials")
        for m in _INITIALS_RE.finditer(text, overlapped=True):
            caps = _cap_tokens(m.group())
            last = caps[-1].lower()
            if last in nl.not_names and last not in nl.surnames:
                continue
            # "D. Budgettaire gevolgen", "B. Inleiding": a lettered heading, not a person.
            line_start = text.rfind("\n", 0, m.start()) + 1
            if _HEADING_LEAD.fullmatch(text[line_start:m.start()]) and _LETTER_DOT.match(m.group()) \
                    and last not in nl.surnames:
                continue
            yield _res(self, m.start(), m.end(), 0.7, "initials and surname")


# Groups a and b: the capitalised words, so that the surname key needs no second regex.
_SURNAME_LIKE = re.compile(rf"(?<![\p{{L}}.'’-])(?:{IFX}[ ]+)?(?P<a>{CAPW})(?:[ ]?-[ ]?(?P<b>{CAPW}))?")
_NOT_LETTER = re.compile(r"[^\p{L}]")


_NOT_LOWER_ASCII = re.compile(r"[^a-z]")
_LOCAL_SEPARATORS = re.compile(r"[._-]+")


@lru_cache(maxsize=64)
def _spelled(emails: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """What e-mail local parts spell: their pieces of 4+ letters and their letters run
    together (5+), and every tail of 5+ letters of those (a surname may end one:
    "kelamrani" ends in "elamrani"). Computed once per document, not per page."""
    spelled: set[str] = set()
    for local in emails:
        compact = _NOT_LOWER_ASCII.sub("", local.lower())
        for piece in _LOCAL_SEPARATORS.split(local.lower()):
            if len(piece) >= 4:
                spelled.add(piece)
        if len(compact) >= 5:
            spelled.add(compact)
    tails = {s[i:] for s in spelled for i in range(len(s) - 4)}
    return frozenset(spelled), frozenset(tails)


def _surname_like_in(text: str, keys):
    """_SURNAME_LIKE.finditer(text), or when only surnames in `keys` matter (no e-mail
    spelling to look for) just its matches on the lines where one of the keys occurs:
    a match never crosses a line, and its key is its last capitalised word, lowercased.
    (The scan of every page was 0.16-0.22 ms; most lines hold no known surname.)"""
    if keys is None:
        return _SURNAME_LIKE.finditer(text)
    low = lowered(text)
    if len(low) != len(text):  # lowercasing moved offsets: scan everything
        return _SURNAME_LIKE.finditer(text)
    lines = set()
    for key in keys:
        i = low.find(key)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            lines.add((start, end))
            i = low.find(key, end)
    return (m for start, end in sorted(lines) for m in _SURNAME_LIKE.finditer(text, start, min(len(text), end + 1)))


def spread_surnames(text: str, surnames: set[str], emails: Iterable[str]) -> list[tuple[int, int, str]]:
    """Spans of a surname already known from elsewhere in the document.

    `surnames`: last names of persons found with strong evidence; `emails`: local parts
    of personal addresses, which often spell the surname ("k.elamrani" -> "El Amrani").
    """
    spelled, tails = _spelled(tuple(emails))
    nl = lists()
    not_names = nl.not_names
    common = nl.common_words  # a place name may be a surname once the document says so
    out = []
    keys = [k for k in surnames if k not in common]
    if not keys and not spelled:
        return out
    for m in _surname_like_in(text, None if spelled else keys):
        # The last capitalised word (what _cap_tokens(m.group())[-1] gives: a capitalised
        # interfix before it is a word of its own, a lowercase one holds none).
        a, b = m.group("a", "b")
        key = (b or a).lower()
        if b and key not in surnames and a.lower() in surnames:
            key = a.lower()  # "Harmsen-Berghuis": the double name is known by its first part
        if key in surnames and key not in common:
            start = m.start()
            if b is None and m.group()[0].islower() and key in nl.first_names:
                start = m.end() - len(a)  # "van Sander": the given name, not "van"
            out.append((start, m.end(), "name of a person named elsewhere in the document"))
        elif spelled and key not in not_names:
            flat = _NOT_LETTER.sub("", m.group()).lower()
            # a local part spells it whole, or ends with it (5+ letters)
            if len(flat) >= 4 and (flat in spelled or flat in tails):
                out.append((m.start(), m.end(), "surname spelled by an e-mail address in the document"))
    return out
