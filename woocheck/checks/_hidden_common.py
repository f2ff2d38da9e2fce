"""What the WOO4xx checks share.

Every WOO4xx check reads `doc.hidden` (collected at ingest by `woocheck.ingest.hidden`)
and runs the same personal-data detection there as on the pages. The helpers below keep
the eight check modules to a few lines each.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator, Optional

from ..masking import mask_spans
from ..model import Finding, HiddenText, PersonalData, Severity


# How a finding message names what was found. Never the value itself.
ENTITY_LABEL = {
    "PERSON": "a person's name",
    "EMAIL": "an e-mail address",
    "PHONE": "a phone number",
    "BSN": "a BSN",
    "IBAN": "an IBAN",
    "ADDRESS": "an address",
    "PLATE": "a licence plate",
    "BIRTHDATE": "a date of birth",
}

# --- the author-name heuristic ------------------------------------------------------------
#
# An Author field is written by software from the user's profile: when it holds two or more
# capitalised words it is almost always a person, whether or not a language model knows
# the name. Organisations, tools and placeholder accounts are told apart by their words.

_INTERFIX = {
    "van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "'t", "’t", "t", "aan", "bij",
    "uit", "onder", "voor", "tot", "von", "zu", "du", "la", "le", "da", "di", "dos", "del", "des", "d'",
}
_NOT_A_NAME = {
    # public bodies and their parts
    "ministerie", "ministry", "gemeente", "provincie", "kamer", "tweede", "eerste", "staten-generaal",
    "staten", "generaal", "rijksoverheid", "rijk", "rijkswaterstaat", "belastingdienst", "politie",
    "raad", "rechtbank", "hof", "court", "directie", "directoraat", "directoraat-generaal", "afdeling",
    "dienst", "bureau", "team", "secretariaat", "communicatie", "redactie", "staf", "unit", "cluster",
    "min.", "ministerie.", "zaken", "buitenlandse", "binnenlandse", "volksgezondheid", "welzijn", "sport",
    "justitie", "veiligheid", "financien", "financiën", "defensie", "onderwijs", "economische",
    "waterschap", "inspectie", "autoriteit", "agentschap", "college", "commissie", "werkgroep",
    # organisations in general
    "stichting", "vereniging", "bv", "b.v.", "nv", "n.v.", "inc", "inc.", "ltd", "ltd.", "llc", "gmbh",
    "corporation", "corp", "corp.", "company", "group", "groep", "department", "office", "agency",
    "council", "board", "university", "universiteit", "hogeschool", "school", "ziekenhuis", "services",
    "service", "support", "helpdesk", "desk", "centrum", "center", "centre", "institute", "instituut",
    # tools and placeholder accounts
    "microsoft", "word", "excel", "powerpoint", "outlook", "adobe", "acrobat", "distiller", "pdfmaker",
    "zylab", "pdf", "scan", "scanner", "printer", "converter", "export", "module", "library", "windows",
    "user", "users", "gebruiker", "admin", "administrator", "beheerder", "eigenaar", "owner", "unknown",
    "onbekend", "default", "standaard", "system", "systeem", "guest", "gast", "medewerker", "author",
    "auteur", "test", "template", "sjabloon", "version", "versie",
    # document words (a title typed into the author field)
    "rapport", "report", "notitie", "nota", "brief", "besluit", "document", "concept", "verslag",
    "memo", "agenda", "bijlage", "project", "programma",
}
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:['’][a-zà-ÿ]+)?(?:-[A-Za-zÀ-ÿ][a-zà-ÿ]+)*$")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.){1,4}[A-Z]?$|^[A-Z]$")


def looks_like_person_name(value: str) -> bool:
    """'Jan de Vries', 'J. de Vries', 'Vries, Jan de', 'de Vries, J.P. (Jan)' -> True;
    'Ministerie van VWS', 'Microsoft Word', 'admin', 'peykelen', 'Jan' -> False."""
    value = re.sub(r"\([^)]{0,40}\)", " ", value or "").strip()
    if not value or len(value) > 60 or value.count(",") > 1 or any(c.isdigit() or c in "@/\\|:;_#" for c in value):
        return False
    tokens = [t for t in re.split(r"[\s,]+", value) if t]
    if not 2 <= len(tokens) <= 7:
        return False
    words = initials = 0
    for token in tokens:
        low = token.casefold()
        if low in _NOT_A_NAME or low.rstrip(".") in _NOT_A_NAME:
            return False
        if low in _INTERFIX:
            continue
        if _INITIALS.match(token):
            initials += 1
        elif _NAME_WORD.match(token):
            words += 1
        else:  # an acronym, a lower-case word, a symbol: not the shape of a name
            return False
    return words >= 1 and words + initials >= 2


# --- personal-data detection on hidden text -----------------------------------------------

# Hits inside identifiers (GUIDs, hex blobs, PDF dates) are digits that happen to look
# like a phone number or a BSN.
_ID_TOKEN = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-|^0x[0-9a-fA-F]+|^D:\d{8}|[0-9a-fA-F]{24,}")


# Detection results per (text, config). Hidden texts repeat (the same author on every
# comment, the same link on every page) and one presidio call costs about a millisecond.
_CACHE: dict = {}
_CACHE_MAX = 20_000
_BATCH_CHARS = 50_000
_SEP = "\n\n\n"


def _remember(key, value) -> None:
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = value


def _detect(text: str, config) -> tuple[PersonalData, ...]:
    key = (text, config)
    if key not in _CACHE:
        from ..pii import find_in_text

        _remember(key, tuple(find_in_text(text, config)))
    return _CACHE[key]


def prefetch(texts: Iterable[str], config) -> None:
    """Detect in many short texts with few calls: join them, detect once, split the hits.

    A hit that crosses the seam between two texts belongs to neither and is dropped.
    """
    from dataclasses import replace

    from ..pii import find_in_text

    todo = list(dict.fromkeys(t for t in texts if t and t.strip() and (t, config) not in _CACHE))
    while todo:
        batch, size = [], 0
        while todo and (not batch or size + len(todo[0]) <= _BATCH_CHARS):
            batch.append(todo.pop(0))
            size += len(batch[-1]) + len(_SEP)
        starts, pos = [], 0
        for t in batch:
            starts.append(pos)
            pos += len(t) + len(_SEP)
        found: list[list[PersonalData]] = [[] for _ in batch]
        for hit in find_in_text(_SEP.join(batch), config):
            i = bisect_right(starts, hit.start) - 1
            if i < 0 or hit.end > starts[i] + len(batch[i]):
                continue
            found[i].append(replace(hit, start=hit.start - starts[i], end=hit.end - starts[i]))
        for t, hits in zip(batch, found):
            _remember((t, config), tuple(hits))


_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+){1,3}$")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _inside_identifier(text: str, hit: PersonalData) -> bool:
    a = hit.start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = hit.end
    while b < len(text) and not text[b].isspace():
        b += 1
    return bool(_ID_TOKEN.search(text[a:b]))


def personal_hits(text: str, ctx, role: str = "text") -> list[PersonalData]:
    """Personal data in one hidden text, after the publication policy.

    role "author": a value that looks like a person's name counts as one even when the
    detector knows nothing about it. role "creator"/"producer": a tool string; a PERSON
    hit there is a model reading "Adobe Acrobat Pro" as a name, so it needs the name
    heuristic's agreement.
    """
    if not text or not text.strip():
        return []
    found = _detect(text, ctx.config)
    public = [p for p in found if p.public]
    hits = [p for p in found if not p.public and not _inside_identifier(text, p)]
    if role in ("creator", "producer"):
        hits = [p for p in hits if p.entity != "PERSON" or looks_like_person_name(text)]
    if role == "author" and not hits and _CAMEL.match(text.strip()):
        # "IleneBernal": an account name glued from a person's name. Ask the detector
        # about the words; the report shows the value as written.
        stripped = text.strip()
        split = _CAMEL_SPLIT.sub(" ", stripped)
        if any(p.entity == "PERSON" and not p.public and p.end - p.start >= len(split) - 1 for p in _detect(split, ctx.config)):
            start = text.index(stripped)
            hits.append(PersonalData(entity="PERSON", text=stripped, start=start, end=start + len(stripped), score=0.5))
    if role == "author" and looks_like_person_name(text):
        stripped = text.strip()
        start = text.index(stripped)
        whole = (start, start + len(stripped))
        declared_public = any(p.entity == "PERSON" and _overlaps((p.start, p.end), whole) for p in public)
        if not declared_public:
            # The whole field is the name: it replaces partial readings ("Vries" as a
            # lone surname, weak) of the same value.
            hits = [p for p in hits if not (p.entity == "PERSON" and _overlaps((p.start, p.end), whole))]
            hits.append(PersonalData(entity="PERSON", text=stripped, start=whole[0], end=whole[1], score=0.6))
    return sorted(hits, key=lambda p: p.start)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_FILE_SUFFIX = re.compile(
    r"(?:\.(?:pdf|docx?|msg|eml|xlsx?|csv|txt|odt|ods|pptx?|rtf|zip|jpe?g|png|tiff?|html?|xml))+$", re.IGNORECASE
)


def readable_name(name: str) -> str:
    """A file name as words, same length, so a hit's offsets point into the real name.

    "_", "+" and word-joining "-" become spaces, file-type suffixes (".docx.pdf") blank;
    dots stay only where an e-mail address needs them ("karin.smit@example.nl").
    """
    m = _FILE_SUFFIX.search(name)
    stem, suffix = (name[: m.start()], name[m.start():]) if m else (name, "")
    out = re.sub(r"[_+]|(?<=\w)-(?=\w)", " ", stem)
    if "@" not in out:
        out = out.replace(".", " ")
    return out + " " * len(suffix)


def role_of(item: HiddenText) -> str:
    return str(extra(item, "role", "text"))


def extra(item: HiddenText, key: str, default=None):
    for k, v in item.extra:
        if k == key:
            return v
    return default


def severity_of(hit: PersonalData) -> Severity:
    return Severity.WARNING if hit.weak else Severity.ERROR


def findings_for(
    code: str,
    doc,
    ctx,
    items: Iterable[HiddenText],
    where,
    role=role_of,
    keep=None,
    also_on_pages: bool = False,
    once_per_text: bool = False,
) -> Iterator[Finding]:
    """One finding per distinct piece of personal data per place.

    `where(item)` phrases the place for the message ("in metadata Author");
    `keep(item, hit)` may drop a hit (WOO402 drops what is still on the final pages).
    Personal data that is also readable on the pages is left to WOO1xx: the page gives
    the publication policy its context (a title repeating "vragen van het lid Romke de
    Jong (D66)" names a member of parliament), and one leak is reported once.
    `once_per_text` reports a value once however many places hold it (an earlier revision
    and the left-over object of the same page). `also_on_pages` keeps such hits: comments and form fields draw their text on the page
    themselves, and deleting the comment or flattening the form is a fix of its own.
    """
    items = list(items)
    prefetch((item.text for item in items), ctx.config)
    seen: set[tuple[str, str, str]] = set()
    pages = PageText(doc)
    for item in items:
        hits = personal_hits(item.text, ctx, role(item))
        masked = None  # the item's text with every hit masked, for the contexts (see _around)
        for hit in hits:
            if (keep is not None and not keep(item, hit)) or (not also_on_pages and pages.shows(hit.text)):
                continue
            key = ("", hit.entity, hit.text) if once_per_text else (item.place, hit.entity, hit.text)
            if key in seen:
                continue
            seen.add(key)
            bbox: Optional[tuple] = extra(item, "bbox")
            if masked is None:
                masked = mask_spans(item.text, [(h.start, h.end, h.entity) for h in hits])
            context, masked_context = _around(item.text, masked, hit)
            yield Finding(
                code=code,
                severity=severity_of(hit),
                message=f"{ENTITY_LABEL.get(hit.entity, 'personal data')} {where(item)}",
                path=doc.path,
                page=item.page,
                bbox=tuple(bbox) if bbox else None,
                text=hit.text,
                kind=hit.entity,
                context=context,
                masked_context=masked_context,
            )


def _around(text: str, masked: str, hit: PersonalData, width: int = 60) -> tuple[str, str]:
    """The hidden text around a hit for the terminal report, in clear and cut from `masked`
    (the text with every hit in it masked first, so a neighbour the window cuts through is
    masked too); nothing when the context would be the hit alone."""
    from ..pipeline import context_of

    context = context_of(text, hit.start, hit.end, width)
    if context == " ".join(hit.text.split()):
        return "", ""
    return context, context_of(masked, hit.start, hit.end, width)


def squash(text: str) -> str:
    """Text without whitespace, case-folded: extractors disagree about spaces and breaks."""
    return "".join(text.split()).casefold()


class PageText:
    """Whether a piece of text is readable on the pages, squashed on first use."""

    def __init__(self, doc):
        self._doc = doc
        self._text: Optional[str] = None

    def shows(self, text: str) -> bool:
        if self._text is None:
            self._text = squash(self._doc.text)
        needle = squash(text)
        return bool(needle) and needle in self._text


def hidden_of(doc, kind: str) -> list[HiddenText]:
    return [h for h in getattr(doc, "hidden", ()) if h.kind == kind]
