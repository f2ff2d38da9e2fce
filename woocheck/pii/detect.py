"""From presidio results to `Hit`s: merge, resolve overlaps, spread known surnames.

Per page: run the analyzer, drop what lies inside a redaction marker, merge the person
spans that several pieces of evidence found, and keep one entity per stretch of text.
Per document: a surname found with strong evidence (or spelled by an e-mail local part)
is a name wherever else it appears.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Optional

import regex as re

from .evidence import TITLED, ordinary, weigh
from .names import lists
from .recognizers.name_parts import CAPW, IFX, INIT

# When two entities claim the same characters, the more specific one wins.
PRIORITY = {"EMAIL": 8, "IBAN": 7, "BSN": 6, "PHONE": 5, "PLATE": 4, "ADDRESS": 3, "BIRTHDATE": 2, "PERSON": 1}
WEAK_BELOW = 0.6  # a pattern hit without supporting context words stays below this
_PAREN = re.compile(r"\([^()]*\)")
_IFX_SP = re.compile(rf"(?<![\p{{L}}]){IFX}\s+")
_INIT_WORD = re.compile(rf"(?<![\p{{L}}]){INIT}")
_CAPW_RE = re.compile(CAPW)
_INIT_OR_CAPW = re.compile(rf"{INIT}|{CAPW}")
_PAREN_GIVEN = re.compile(rf"\(({CAPW})\)")
TITLE_ONLY = re.compile(r"(?i)(?:dhr|mevr|mevrouw|mw|heer|meneer|mijnheer|mej|drs|dr|mr|ir|prof|ing)\.?")
MARKER = re.compile(r"\[[^\]\n]{0,30}\]|█+|■+")


@dataclass(frozen=True)
class Hit:
    entity: str
    text: str
    start: int
    end: int
    score: float
    weak: bool = False
    evidence: str = ""
    public: bool = False
    reason: str = ""


def surname_keys(name: str) -> list[str]:
    """Lowercased surname words of a name: "M. Faber- van de Klashorst" -> [faber,
    klashorst]; "Jansen, Karin" -> [jansen]; "Jan de Boer" -> [boer]."""
    name = _PAREN.sub(" ", name)
    given_first = "," not in name
    if "," in name:
        name = name.split(",")[0]
    name = _IFX_SP.sub(" ", name)
    has_initials = bool(_INIT_WORD.search(name))
    caps = _CAPW_RE.findall(name)
    units = _units(name)
    if given_first and not has_initials and len(units) >= 2:
        # the first word is the given name; "Wiersma-Hofman" alone is one double surname
        caps = [c for u in units[1:] for c in _CAPW_RE.findall(u)]
    return [c.lower() for c in caps]


def _units(name: str) -> list[str]:
    """The capitalised words of a name as written between spaces ("Jan-Willem",
    "Wiersma-Hofman" are one each), interfixes left out."""
    return [u.strip(",.;:") for u in _IFX_SP.sub(" ", name).split() if _CAPW_RE.match(u)]


def given_initial(name: str) -> Optional[str]:
    """The first letter of the given name, if the span carries one."""
    name = _PAREN.sub(" ", name)
    if "," in name:
        after = _INIT_OR_CAPW.findall(name.split(",", 1)[1])
        return after[0][0] if after else None
    m = _INIT_WORD.search(name)
    if m:
        return m.group()[0]
    units = _units(name)
    return units[0][0] if len(units) >= 2 else None


def given_name(name: str) -> Optional[str]:
    """The spelled-out given name of a span, if any: "Ark, T. van (Tamara)" -> Tamara,
    "Karin Jansen" -> Karin, "J. Jansen" -> None."""
    m = _PAREN_GIVEN.search(name)
    if m:
        return m.group(1)
    plain = _PAREN.sub(" ", name)
    if "," in plain:
        after = _INIT_OR_CAPW.findall(plain.split(",", 1)[1])
        return after[0] if after and not after[0].endswith(".") else None
    units = _units(plain)
    if len(units) >= 2 and not _INIT_WORD.search(plain):
        return units[0]
    return None


def _from_results(text: str, results) -> list[Hit]:
    hits = []
    for r in results:
        meta = r.recognition_metadata or {}
        weak = bool(meta.get("weak")) if r.entity_type == "PERSON" else r.score < WEAK_BELOW
        hits.append(Hit(r.entity_type, text[r.start:r.end], r.start, r.end, round(float(r.score), 3), weak,
                        str(meta.get("evidence") or meta.get(r.RECOGNIZER_NAME_KEY, ""))))
    return hits


def _merge_persons(hits: list[Hit], text: str) -> list[Hit]:
    """Overlapping person spans become one span; it is weak only if all evidence is."""
    persons = sorted((h for h in hits if h.entity == "PERSON"), key=lambda h: (h.start, -h.end))
    merged: list[Hit] = []
    for h in persons:
        if merged and h.start < merged[-1].end:
            m = merged[-1]
            end = max(m.end, h.end)
            best = m if m.score >= h.score else h
            merged[-1] = replace(m, end=end, text=text[m.start:end], score=max(m.score, h.score),
                                 weak=m.weak and h.weak, evidence=best.evidence)
        else:
            merged.append(h)
    return [h for h in hits if h.entity != "PERSON"] + merged


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Keep one entity per stretch of text, the most specific first (n log n: a hostile
    page can carry tens of thousands of hits)."""
    order = sorted(hits, key=lambda h: (-PRIORITY.get(h.entity, 0), -(h.end - h.start), h.start))
    starts: list[int] = []  # kept spans never overlap, so sorted starts give sorted ends
    kept: list[Hit] = []
    for h in order:
        i = bisect_left(starts, h.start)
        if i > 0 and kept[i - 1].end > h.start:
            continue
        if i < len(kept) and kept[i].start < h.end:
            continue
        starts.insert(i, h.start)
        kept.insert(i, h)
    return kept


CHUNK = 500_000  # characters per analyzer call; spaCy refuses texts beyond nlp.max_length


def _chunks(text: str):
    """(offset, piece) of at most CHUNK characters, cut at a blank line or line end when
    there is one, so that a name is rarely split (a hostile page can be megabytes)."""
    pos = 0
    while len(text) - pos > CHUNK:
        cut = text.rfind("\n\n", pos + CHUNK // 2, pos + CHUNK)
        if cut == -1:
            cut = text.rfind("\n", pos + CHUNK // 2, pos + CHUNK)
        if cut == -1:
            cut = pos + CHUNK
        yield pos, text[pos:cut]
        pos = cut
    yield pos, text[pos:]


def analyze_text(text: str) -> list[Hit]:
    """Personal data candidates in one text, before the policy."""
    if not text or not text.strip():
        return []
    from .engine import analyzer

    results = []
    for offset, chunk in _chunks(text):
        for r in analyzer().analyze(text=chunk, language="nl"):
            r.start += offset
            r.end += offset
            results.append(r)
    hits = _from_results(text, results)
    # Every marker holds '[', '█' or '■': most pages have none and skip the scan.
    markers = [m.span() for m in MARKER.finditer(text)] if ("[" in text or "█" in text or "■" in text) else []
    # A name overlapping "[REDACTED]" is the marker itself, not a name ("t.a.v. [REDACTED]").
    if markers:
        marker_starts = [s for s, _ in markers]

        def in_marker(h: Hit) -> bool:
            i = bisect_left(marker_starts, h.end)
            return i > 0 and markers[i - 1][1] > h.start

        hits = [h for h in hits if h.entity != "PERSON" or not in_marker(h)]
    # A title or salutation alone is no name ("Dhr. Dhr.", "Mevrouw" in a header).
    hits = [h for h in hits if h.entity != "PERSON" or not TITLE_ONLY.fullmatch(h.text)]
    # Evidence for a person, weighed against evidence that it is none (evidence.py).
    hits = [w for h in _merge_persons(hits, text) if (w := weigh(text, h)) is not None]
    return _resolve(hits)


def spread(pages: list[str], hits: list[list[Hit]], functional) -> list[list[Hit]]:
    """Add the document's known surnames wherever else they appear (all pages)."""
    from .recognizers.person import spread_surnames

    strong = [h for page in hits for h in page if h.entity == "PERSON" and not h.weak]
    # A surname that is also an ordinary word ("Post" of "J. Post", "Bakker") is looked
    # for only inside a sentence, where Dutch writes such a word in lower case: "Post" at
    # the start of a sentence is the word as often as the name.
    # Only from a name a title or initials vouch for ("J. Post", "ir. L.P. Zomerdijk"):
    # "Lean Green Belt" has a listed first name and surname and is a course.
    surnames = {k for h in strong for k in surname_keys(h.text) if not ordinary(k, compounds=True)}
    worded = {k for h in strong if h.evidence in TITLED or _INIT_WORD.search(h.text)
              for k in surname_keys(h.text) if k not in surnames and k in lists().surnames}
    surnames |= worded
    # A spelled-out given name seen in a full name is the same person when it recurs
    # alone ("Met dank aan Willemijn").
    surnames |= {g.lower() for h in strong if (g := given_name(h.text)) and g.lower() in lists().first_names}
    locals_ = [h.text.rsplit("@", 1)[0] for page in hits for h in page if h.entity == "EMAIL"]
    locals_ = [loc for loc in locals_ if not functional(loc)]
    if not surnames and not locals_:
        return hits
    out = []
    for text, page in zip(pages, hits):
        page = list(page)  # sorted, non-overlapping (see _resolve)
        starts = [h.start for h in page]
        added = []
        for s, e, why in spread_surnames(text, surnames, locals_):
            if worded and _last_word(text[s:e]) in worded and not _inside_sentence(text, s):
                continue
            i = bisect_left(starts, e)  # hits starting before e; only i-1 can reach into [s, e)
            j = i - 1
            if j >= 0 and page[j].end > s:
                if page[j].entity == "PERSON" and page[j].weak:
                    page[j] = replace(page[j], weak=False, evidence=why)
                continue
            hit = weigh(text, Hit("PERSON", text[s:e], s, e, 0.6, False, why))
            if hit is not None:  # the same scorer: "Smit Opleidingen" is a company
                added.append(hit)
        out.append(sorted(page + _join_inverted(text, added), key=lambda h: (h.start, h.end)))
    return out


_COMMA_GAP = re.compile(r",[ ]?")
_LOWER_WORD_BEFORE = re.compile(r"\p{Ll}[,]?[ ]\(?$")


def _last_word(span: str) -> str:
    caps = _CAPW_RE.findall(span)
    return caps[-1].lower() if caps else ""


def _inside_sentence(text: str, start: int) -> bool:
    """A lower-case word right before `start` ("door Zomerdijk", "secretariaat
    (Zomerdijk"): inside a sentence, not at its start or in a run of capitals."""
    return bool(_LOWER_WORD_BEFORE.search(text, max(0, start - 4), start))


def _join_inverted(text: str, added: list[Hit]) -> list[Hit]:
    """Known surname and given name found one after the other ("Smulders, Bas" in a chat
    export) are one name, as they are in the header that made them known."""
    out: list[Hit] = []
    for h in sorted(added, key=lambda h: h.start):
        if out and _COMMA_GAP.fullmatch(text, out[-1].end, h.start):
            out[-1] = replace(out[-1], end=h.end, text=text[out[-1].start:h.end])
        else:
            out.append(h)
    return out
