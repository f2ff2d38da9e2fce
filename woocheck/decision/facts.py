"""What the after-batch checks need of one document, gathered in the worker that scanned it.

Files are scanned one by one in worker processes; the inventory, the letter and the other
documents are not there. So each `FileResult` carries these facts back (in no report):
the grounds the document applies, how many redactions it has, and its words as a token
stream in which every redaction is one sentinel, for WOO507's alignment of copies.
"""
from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass

from ..model import Document, Page, Redaction

SENTINEL = "\x00"  # a token that starts with it is a redaction; the rest is its grounds
# A ground label beside or in a box ("5.1.2e", "(10.2.e)"): not text of the document, and
# printed in one copy only, so it would break the alignment of two copies.
_LABEL = re.compile(r"^[\[(]?\d{1,2}(?:[.,]\d{1,2}){1,3}\.?[a-z¢©]?[\])]?$", re.IGNORECASE)
_EDGE = "\"'“”‘’.,;:!?()[]{}<>|*-–—"


SEP = "\x1f"  # between the words of `Stream.text` (unit separator; stripped from words)


@dataclass(frozen=True)
class Stream:
    """A document's words in reading order. `text` holds them joined by SEP: one string
    travels from the worker far smaller than a tuple of strings (some 8 instead of 60 bytes
    a word), and only a document with a finding is ever split. Per word: `pages[i]` its
    page, `ids[i]` a 64-bit key of the case-folded word (-1 for a redaction), made here in
    the worker so the parent only compares numbers; `boxes[4*i:4*i+4]` its box (NaN
    without one); `ocr[i]` whether woocheck's own OCR read it."""

    text: str
    pages: array
    ids: array
    boxes: array
    ocr: bytes = b""

    @property
    def words(self) -> list[str]:
        return self.text.split(SEP) if self.text else []

    def __len__(self) -> int:
        return len(self.ids)


def key(word: str) -> int:
    """A stable 63-bit key of a word (Python's hash() differs between processes)."""
    b = word.casefold().encode("utf-8", "surrogatepass")
    return (zlib.crc32(b) << 31) ^ zlib.adler32(b)


@dataclass(frozen=True)
class DocFacts:
    grounds_found: tuple[str, ...]  # valid codes on its redactions and image-page labels
    redactions: int
    stream: Stream | None = None


def _word_array(page: Page):
    """The page's word boxes as an (n, 4) array in word order; the locate stage's array when
    every word has a box (a PDF page), which is already built and kept per page."""
    import numpy as np

    from ..locate.vector import word_boxes

    kept = word_boxes(page)
    if len(kept.words) == len(page.words):
        return kept.boxes
    boxes = [w.bbox if w.bbox is not None else (np.nan,) * 4 for w in page.words]
    return np.asarray(boxes, dtype=float).reshape(-1, 4)


def _hidden_by(words, box) -> "np.ndarray":
    """Which words the box hides most of (half their area or more). A box on a scan
    grazes the line above it (VWS: a grey box 2 pt into "Ondersteuning"); that word is not
    hidden."""
    import numpy as np

    w = np.clip(np.minimum(words[:, 2], box[2]) - np.maximum(words[:, 0], box[0]), 0, None)
    h = np.clip(np.minimum(words[:, 3], box[3]) - np.maximum(words[:, 1], box[1]), 0, None)
    area = (words[:, 2] - words[:, 0]) * (words[:, 3] - words[:, 1])
    with np.errstate(invalid="ignore"):
        return (area > 0) & (w * h >= 0.5 * area)


def _slot(words, box) -> int:
    """Where a box that covers no word sits in the page's reading order: after the last
    word before it on its line, else before the first word after it on its line, else
    after the last word above it."""
    import numpy as np

    mid = (box[1] + box[3]) / 2
    with np.errstate(invalid="ignore"):
        on_line = (words[:, 1] <= mid) & (mid <= words[:, 3])
        before = np.flatnonzero(on_line & (words[:, 2] <= box[0] + 2))
        after = np.flatnonzero(on_line & (words[:, 0] >= box[2] - 2))
        above = np.flatnonzero(~on_line & ((words[:, 1] + words[:, 3]) / 2 < box[1]))
    if len(before):
        return int(before[-1]) + 1
    if len(after):
        return int(after[0])
    return int(above[-1]) + 1 if len(above) else 0


def _sentinel(r: Redaction) -> str:
    return SENTINEL + ",".join(g.code for g in r.grounds)


def _page_tokens(page: Page, boxes: list[Redaction]) -> list[tuple]:
    """(text, bbox, read by OCR) per token of the page; a redaction is one sentinel token."""
    cover: dict[int, Redaction] = {}
    words = _word_array(page) if page.words else None
    slots: dict[int, list[Redaction]] = {}
    for r in boxes:
        if r.start is not None:  # a text marker: the words its span overlaps
            hit = [i for i, w in enumerate(page.words) if w.start < r.end and r.start < w.end]
        elif r.bbox is not None and words is not None:
            hit = [int(i) for i in _hidden_by(words, r.bbox).nonzero()[0]]
        else:
            hit = []
        for i in hit:
            cover.setdefault(i, r)
        if not hit and r.bbox is not None and r.start is None:
            slots.setdefault(_slot(words, r.bbox) if words is not None else 0, []).append(r)
    out: list[tuple] = []
    for i, w in enumerate(page.words):
        for r in slots.get(i, ()):
            out.append((_sentinel(r), r.bbox, False))
        if i in cover:
            if not out or out[-1][0] != _sentinel(cover[i]):
                out.append((_sentinel(cover[i]), cover[i].bbox, False))
            continue
        text = w.text.strip(_EDGE).replace(SEP, "")
        if text and not _LABEL.match(text):
            out.append((text, w.bbox, bool(getattr(w, "ocr", False))))
    for r in slots.get(len(page.words), ()):
        out.append((_sentinel(r), r.bbox, False))
    return out


def stream(doc: Document, redactions: list[Redaction]) -> Stream:
    by_page: dict[int, list[Redaction]] = {}
    for r in redactions:
        by_page.setdefault(r.page, []).append(r)
    words: list[str] = []
    pages = array("I")
    ids = array("q")
    boxes = array("f")
    ocr = bytearray()
    nan = (float("nan"),) * 4
    for page in doc.pages:
        tokens = _page_tokens(page, by_page.get(page.number, []))
        pages.extend([page.number] * len(tokens))
        for text, bbox, by_ocr in tokens:
            words.append(text)
            ids.append(-1 if text.startswith(SENTINEL) else key(text))
            boxes.extend(bbox or nan)
            ocr.append(by_ocr)
    return Stream(text=SEP.join(words), pages=pages, ids=ids, boxes=boxes, ocr=bytes(ocr))


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
