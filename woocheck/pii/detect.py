"""From presidio results to `Hit`s: merge, resolve overlaps, spread known surnames.

Per page: run the analyzer, drop what lies inside a redaction marker, merge the person
spans that several pieces of evidence found, and keep one entity per stretch of text.
Per document: a surname found with strong evidence (or spelled by an e-mail local part)
is a name wherever else it appears.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

import regex as re

from .names import lists
from .recognizers.person import CAPW, IFX, INIT

# When two entities claim the same characters, the more specific one wins.
PRIORITY = {"EMAIL": 8, "IBAN": 7, "BSN": 6, "PHONE": 5, "PLATE": 4, "ADDRESS": 3, "BIRTHDATE": 2, "PERSON": 1}
WEAK_BELOW = 0.6  # a pattern hit without supporting context words stays below this
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
    name = re.sub(r"\([^()]*\)", " ", name)
    given_first = "," not in name
    if "," in name:
        name = name.split(",")[0]
    name = re.sub(rf"(?<![\p{{L}}]){IFX}\s+", " ", name)
    has_initials = bool(re.search(rf"(?<![\p{{L}}]){INIT}", name))
    caps = re.findall(CAPW, name)
    if given_first and not has_initials and len(caps) >= 2:
        caps = caps[1:]
    return [c.lower() for c in caps]


def given_initial(name: str) -> Optional[str]:
    """The first letter of the given name, if the span carries one."""
    name = re.sub(r"\([^()]*\)", " ", name)
    if "," in name:
        after = re.findall(rf"{INIT}|{CAPW}", name.split(",", 1)[1])
        return after[0][0] if after else None
    m = re.search(rf"(?<![\p{{L}}]){INIT}", name)
    if m:
        return m.group()[0]
    caps = re.findall(CAPW, re.sub(rf"(?<![\p{{L}}]){IFX}\s+", " ", name))
    return caps[0][0] if len(caps) >= 2 else None


def given_name(name: str) -> Optional[str]:
    """The spelled-out given name of a span, if any: "Ark, T. van (Tamara)" -> Tamara,
    "Karin Jansen" -> Karin, "J. Jansen" -> None."""
    m = re.search(rf"\(({CAPW})\)", name)
    if m:
        return m.group(1)
    plain = re.sub(r"\([^()]*\)", " ", name)
    if "," in plain:
        after = re.findall(rf"{INIT}|{CAPW}", plain.split(",", 1)[1])
        return after[0] if after and not after[0].endswith(".") else None
    caps = re.findall(CAPW, re.sub(rf"(?<![\p{{L}}]){IFX}\s+", " ", plain))
    if len(caps) >= 2 and not re.search(rf"(?<![\p{{L}}]){INIT}", plain):
        return caps[0]
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
    order = sorted(hits, key=lambda h: (-PRIORITY.get(h.entity, 0), -(h.end - h.start), h.start))
    kept: list[Hit] = []
    for h in order:
        if any(h.start < k.end and k.start < h.end for k in kept):
            continue
        kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.end))


def analyze_text(text: str) -> list[Hit]:
    """Personal data candidates in one text, before the policy."""
    if not text or not text.strip():
        return []
    from .engine import analyzer

    hits = _from_results(text, analyzer().analyze(text=text, language="nl"))
    markers = [m.span() for m in MARKER.finditer(text)]
    # A name overlapping "[REDACTED]" is the marker itself, not a name ("t.a.v. [REDACTED]").
    hits = [h for h in hits if h.entity != "PERSON" or not any(h.start < e and s < h.end for s, e in markers)]
    return _resolve(_merge_persons(hits, text))


def spread(pages: list[str], hits: list[list[Hit]], functional) -> list[list[Hit]]:
    """Add the document's known surnames wherever else they appear (all pages)."""
    from .recognizers.person import spread_surnames

    strong = [h for page in hits for h in page if h.entity == "PERSON" and not h.weak]
    surnames = {k for h in strong for k in surname_keys(h.text)}
    # A spelled-out given name seen in a full name is the same person when it recurs
    # alone ("Met dank aan Willemijn").
    surnames |= {g.lower() for h in strong if (g := given_name(h.text)) and g.lower() in lists().first_names}
    locals_ = [h.text.rsplit("@", 1)[0] for page in hits for h in page if h.entity == "EMAIL"]
    locals_ = [loc for loc in locals_ if not functional(loc)]
    if not surnames and not locals_:
        return hits
    out = []
    for text, page in zip(pages, hits):
        page = list(page)
        for s, e, why in spread_surnames(text, surnames, locals_):
            overlapping = [i for i, h in enumerate(page) if h.start < e and s < h.end]
            if not overlapping:
                page.append(Hit("PERSON", text[s:e], s, e, 0.6, False, why))
            else:
                for i in overlapping:
                    if page[i].entity == "PERSON" and page[i].weak:
                        page[i] = replace(page[i], weak=False, evidence=why)
        out.append(sorted(page, key=lambda h: (h.start, h.end)))
    return out
