"""What the after-batch checks need of one document, gathered in the worker that scanned it.

Files are scanned one by one in worker processes; the inventory, the letter and the other
documents are not there. So each `FileResult` carries these facts back (in no report):
the grounds the document applies, how many redactions it has, and its words as a token
stream in which every redaction is one sentinel, for WOO507's alignment of copies.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from ..model import Document, Page, Redaction

SENTINEL = "\x00"  # a token that starts with it is a redaction; the rest is its grounds
# A ground label beside or in a box ("5.1.2e", "(10.2.e)"): not text of the document, and
# printed in one copy only, so it would break the alignment of two copies.
_LABEL = re.compile(r"^[\[(]?\d{1,2}(?:[.,]\d{1,2}){1,3}\.?[a-z¢©]?[\])]?$", re.IGNORECASE)
_EDGE = "\"'“”‘’.,;:!?()[]{}<>|*-–—"


@dataclass(frozen=True)
class Stream:
    """A document's words in reading order; `pages[i]` is the page of `words[i]`."""

    words: tuple[str, ...]
    pages: array


@dataclass(frozen=True)
class DocFacts:
    grounds_found: tuple[str, ...]  # valid codes on its redactions and image-page labels
    redactions: int
    stream: Stream | None = None


def _inside(bbox, box) -> bool:
    """Whether the box hides most of the word. A box on a scan grazes the line above it
    (VWS: a grey box 2 pt into "Ondersteuning"); that word is not hidden."""
    w = max(0.0, min(bbox[2], box[2]) - max(bbox[0], box[0]))
    h = max(0.0, min(bbox[3], box[3]) - max(bbox[1], box[1]))
    area = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])
    return area > 0 and w * h >= 0.5 * area


def _slot(page: Page, box) -> int:
    """Where a box that covers no word sits in the page's reading order: after the last
    word before it on its line, else before the first word after it on its line, else
    after the last word above it."""
    mid = (box[1] + box[3]) / 2
    before = after = above = None
    for i, w in enumerate(page.words):
        b = w.bbox
        if b is None:
            continue
        if b[1] <= mid <= b[3]:
            if b[2] <= box[0] + 2:
                before = i
            elif after is None and b[0] >= box[2] - 2:
                after = i
        elif (b[1] + b[3]) / 2 < box[1]:
            above = i
    if before is not None:
        return before + 1
    if after is not None:
        return after
    return above + 1 if above is not None else 0


def _sentinel(r: Redaction) -> str:
    return SENTINEL + ",".join(g.code for g in r.grounds)


def _page_tokens(page: Page, boxes: list[Redaction]) -> list[str]:
    cover: dict[int, Redaction] = {}
    spans = [r for r in boxes if r.start is not None]
    shapes = [r for r in boxes if r.start is None and r.bbox is not None]
    for i, w in enumerate(page.words):
        hit = next((r for r in spans if w.start < r.end and r.start < w.end), None)
        if hit is None and w.bbox is not None:
            hit = next((r for r in shapes if _inside(w.bbox, r.bbox)), None)
        if hit is not None:
            cover[i] = hit
    covering = set(map(id, cover.values()))
    slots: dict[int, list[Redaction]] = {}
    for r in shapes:
        if id(r) not in covering:
            slots.setdefault(_slot(page, r.bbox), []).append(r)
    out: list[str] = []
    for i, w in enumerate(page.words):
        for r in slots.get(i, ()):
            out.append(_sentinel(r))
        if i in cover:
            if not out or out[-1] != _sentinel(cover[i]):
                out.append(_sentinel(cover[i]))
            continue
        text = w.text.strip(_EDGE)
        if text and not _LABEL.match(text):
            out.append(text)
    for r in slots.get(len(page.words), ()):
        out.append(_sentinel(r))
    return out


def stream(doc: Document, redactions: list[Redaction]) -> Stream:
    by_page: dict[int, list[Redaction]] = {}
    for r in redactions:
        by_page.setdefault(r.page, []).append(r)
    words: list[str] = []
    pages = array("I")
    for page in doc.pages:
        tokens = _page_tokens(page, by_page.get(page.number, []))
        words.extend(tokens)
        pages.extend([page.number] * len(tokens))
    return Stream(words=tuple(words), pages=pages)


def gather(doc: Document, ctx, with_stream: bool) -> DocFacts:
    from ..grounds import document_grounds

    from ..grounds import load_catalogue

    redactions = ctx.redactions
    cat = load_catalogue(ctx.config)
    # Markers ("buiten reikwijdte") are no grounds: an inventory does not list them.
    found = {c for c in document_grounds(doc, redactions, ctx.config) if getattr(cat.get(c), "law", "") != "marker"}
    return DocFacts(
        grounds_found=tuple(sorted(found)),
        redactions=len(redactions),
        stream=stream(doc, redactions) if with_stream else None,
    )
