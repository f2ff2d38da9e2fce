"""Which label belongs to which redaction.

A label printed inside a box, or directly beside it on the same line, belongs to that
box; a run of adjacent boxes on one line may share one label. On image pages the label
comes from the OCR text layer. A text marker ("[REDACTED]", "█████") takes the ground
written in the marker ("[5.1.2e]") or directly after/before it ("[REDACTED] (5.1.2e)").
A letter resolves through the document's legend.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

import numpy as np

from ..locate.vector import word_boxes
from ..model import BBox, Ground, Page, Redaction, Word
from .catalogue import Catalogue
from .legend import Legend
from .parse import parse

# A word that can be part of a written ground ("art.", "5.1", "lid", "2", "sub", "e", "(5.1.2e)").
_LABELISH = re.compile(
    r"^[(\[{]*(?:art(?:ikel|\.)?|lid|sub\.?|onder|aanhef|en|letter|woo|wob|eerste|tweede|derde|vierde|vijfde|zesde"
    r"|[a-z]|[0-9lI|.,()¢©a-z§]*\d[0-9lI|.,()¢©a-z§]*)[)\]},;:.]*$",
    re.IGNORECASE,
)
_KEY = re.compile(r"^[(\[]?([A-Z]{1,2}|\d{1,2})[)\]]?[.,;:]?$")
_BRACKETED_KEY = re.compile(r"^[(\[]([A-Z]{1,2}|\d{1,2})[)\]][.,;:]?$")
_BRACKETED = re.compile(r"^\s{0,2}[(\[][^()\[\]\n]{1,60}[)\]]")
# Summed glyph scores closer than this are a tie between two pixel readings ("e" or "a"?).
TIE = 0.02
_SEPARATOR_GAP = re.compile(r"^[\s,;/&+]*(?:en|of)?[\s,;/&+]*$", re.IGNORECASE)


def _letter(key: str, legend: Legend) -> tuple[Ground, ...]:
    entry = legend.get(key)
    if entry is None:
        return (Ground(code=key, raw=key, valid=False, law="unknown", via_legend=key),)
    return tuple(replace(g, via_legend=key) for g in entry.grounds)


def _read_label(text: str, cat: Catalogue, legend: Legend, *, inside: bool, image: bool) -> tuple[Optional[str], tuple[Ground, ...]]:
    """(label, grounds) for a piece of text that stands where a label would stand."""
    text = text.strip()
    if not text:
        return None, ()
    k = _KEY.match(text)
    if k:
        key = k.group(1)
        if key in legend:
            return text, _letter(key, legend)
        # Without a legend a lone letter is a key only when it is plainly set apart as one:
        # bracketed, or alone inside a box on a born-digital page (OCR junk makes letters).
        # On image pages OCR turns box texture into "[2]" or "E": letters count there only
        # when the document has a legend.
        plain = _BRACKETED_KEY.match(text) and not (image and not legend)
        if plain or (inside and not image and key.isalpha()):
            gs = parse(text, cat)  # "[D]" may be the marker for a duplicate
            if gs and not legend:
                return text, tuple(gs)
            return text, _letter(key, legend)
        if len(key) == 1 and not inside:
            return None, ()  # a bare "D" or "E" beside a box is an initial or a list letter
    gs = parse(text, cat)
    if gs:
        return text, tuple(gs)
    return None, ()


def _labelish_prefix(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if not _LABELISH.match(w):
            break
        out.append(w)
    while out and out[-1].lower().strip(",;") in ("en", "of", "aanhef", "sub", "onder", "lid", "letter"):
        out.pop()  # "(10.2e) en [X]": the connector belongs to the sentence
    return out


# --- text markers ---------------------------------------------------------------------

def _marker_label(page: Page, r: Redaction, cat: Catalogue, legend: Legend, starts: list[int], ends: list[int]) -> tuple[Optional[str], tuple[Ground, ...]]:
    text = page.text
    inner = text[r.start : r.end].strip("[]")
    if re.search(r"\d", inner) or re.fullmatch(r"[A-Z]{1,2}", inner):  # "[5.1.2e]", "[J]"
        label, gs = _read_label(text[r.start : r.end], cat, legend, inside=True, image=False)
        if gs:
            return label, gs
    # Directly after, up to the end of the line or the next marker.
    stop = text.find("\n", r.end)
    stop = len(text) if stop < 0 else stop
    nxt = min((s for s in starts if s >= r.end), default=stop)
    after = text[r.end : min(stop, nxt, r.end + 80)]
    address = re.match(r"[@.][\w-]+(?:\.[\w-]+)+", after)
    if address:
        # "[X]@minjenv.nl (5.1.2e)": a bracketed code right after the address is the
        # marker's label; a bare code there may belong to what follows, so it is not.
        b = _BRACKETED.match(after[address.end() :])
        if b:
            label, gs = _read_label(b.group(0).strip(), cat, legend, inside=False, image=False)
            if gs:
                return label, gs
    if after[:1] not in ("@", ".") or after[:2] == ". ":  # "[X]@domain" or "[X].nl" is part of an address
        b = _BRACKETED.match(after)
        if b:  # "(5.1.2e; 5.1.2i)", "(art. 67 AWR)": the whole bracket is the label
            label, gs = _read_label(b.group(0).strip(), cat, legend, inside=False, image=False)
            if gs:
                return label, gs
        tokens = after.split()
        if tokens:
            first = tokens[0]
            if _BRACKETED_KEY.match(first) or (first.rstrip(".,;:") in legend and len(after) - len(after.lstrip()) <= 2):
                label, gs = _read_label(first, cat, legend, inside=False, image=False)
                if gs:
                    return label, gs
            pre = _labelish_prefix(tokens)
            if pre and len(after) - len(after.lstrip()) <= 3:
                label, gs = _read_label(" ".join(pre), cat, legend, inside=False, image=False)
                if gs and any(re.search(r"\d", w) for w in pre):
                    return label, gs
    # Directly before, on the same line ("5.1.2e: █████").
    line_start = text.rfind("\n", 0, r.start) + 1
    if any(line_start <= e <= r.start for e in ends):
        return None, ()  # text after an earlier marker on the line is that marker's label
    before = text[max(line_start, r.start - 60) : r.start]
    if before and before[-1:] not in "@" and len(before) - len(before.rstrip()) <= 2:
        tokens = before.split()
        pre = list(reversed(_labelish_prefix(list(reversed(tokens)))))
        if pre and any(re.search(r"\d", w) for w in pre):
            label, gs = _read_label(" ".join(pre), cat, legend, inside=False, image=False)
            if gs:
                return label, gs
    return None, ()


def _marker_runs(page: Page, marks: list[Redaction]) -> list[list[int]]:
    """Indexes of markers that stand next to each other on one line ("[X] / [X] (5.1.2e)")."""
    order = sorted(range(len(marks)), key=lambda i: marks[i].start)
    runs: list[list[int]] = []
    for i in order:
        if runs:
            prev = marks[runs[-1][-1]]
            gap = page.text[prev.end : marks[i].start]
            if "\n" not in gap and len(gap) <= 6 and _SEPARATOR_GAP.match(gap):
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


# --- boxes ------------------------------------------------------------------------------

def _overlap_y(a: BBox, b: BBox) -> float:
    inter = min(a[3], b[3]) - max(a[1], b[1])
    return inter / max(0.1, min(a[3] - a[1], b[3] - b[1]))


def _inside(w: Word, box: BBox) -> bool:
    x0, y0, x1, y1 = w.bbox  # type: ignore[misc]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _box_seqno(page: Page, r: Redaction) -> int:
    """Draw order of the filled path that makes a vector box, or -1 when unknown."""
    if r.kind != "vector" or r.bbox is None:
        return -1
    seqs = [
        d.seqno for d in page.drawings
        if d.fill is not None and all(abs(a - b) <= 1.0 for a, b in zip(d.rect, r.bbox))
    ]
    return max(seqs, default=-1)


class _Words(list):
    """A page's free words, with their tops and bottoms as arrays: a scanned page has
    hundreds of words and dozens of boxes, and testing every pair in Python was most of
    the association's time (VWS scans: 856k `_overlap_y` calls)."""

    def __init__(self, words: list[Word], boxes: np.ndarray):
        super().__init__(words)
        self.x0, self.y0, self.x1, self.y1 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]

    def _line(self, box: BBox) -> np.ndarray:
        inter = np.minimum(self.y1, box[3]) - np.maximum(self.y0, box[1])
        return inter / np.maximum(0.1, np.minimum(self.y1 - self.y0, box[3] - box[1])) >= 0.5

    def on_line(self, box: BBox) -> list[Word]:
        """The words with `_overlap_y(word, box) >= 0.5`, in order (the same arithmetic)."""
        return [self[i] for i in np.flatnonzero(self._line(box))]

    def between(self, left: BBox, right: BBox) -> list[Word]:
        """The words on `right`'s line between the two boxes, in order."""
        keep = (self.x0 >= left[2] - 1) & (self.x1 <= right[0] + 1) & self._line(right)
        return [self[i] for i in np.flatnonzero(keep)]


def _beside(words: _Words, box: BBox, side: str) -> list[Word]:
    """The words that continue the line from the box's edge, nearest first."""
    h = max(4.0, box[3] - box[1])
    line = words.on_line(box)
    if side == "right":
        cands = sorted((w for w in line if w.bbox[0] >= box[2] - 1), key=lambda w: w.bbox[0])  # type: ignore[index]
        edge, out = box[2], []
        for w in cands:
            if w.bbox[0] - edge > max(6.0, 1.2 * h):  # type: ignore[index]
                break
            out.append(w)
            edge = w.bbox[2]  # type: ignore[index]
        return out
    cands = sorted((w for w in line if w.bbox[2] <= box[0] + 1), key=lambda w: -w.bbox[2])  # type: ignore[index]
    edge, out = box[0], []
    for w in cands:
        if edge - w.bbox[2] > max(6.0, 1.2 * h):  # type: ignore[index]
            break
        out.append(w)
        edge = w.bbox[0]  # type: ignore[index]
    return out


def _box_label(page: Page, box: BBox, inside: list[Word], free: _Words, cat: Catalogue, legend: Legend) -> tuple[Optional[str], tuple[Ground, ...]]:
    image = page.is_image_page
    if inside:
        text = " ".join(w.text for w in sorted(inside, key=lambda w: (round(w.bbox[1] / 3), w.bbox[0])))  # type: ignore[index]
        label, gs = _read_label(text, cat, legend, inside=True, image=image)
        if not gs and len(inside) > 1:  # OCR junk beside the label inside the same box
            for w in inside:
                label, gs = _read_label(w.text, cat, legend, inside=True, image=image)
                if gs and any(g.valid for g in gs):
                    break
        if gs:
            return label, gs
    for side in ("right", "left"):
        near = _beside(free, box, side)
        if not near:
            continue
        texts = [w.text for w in near]
        first = texts[0]
        if _BRACKETED_KEY.match(first) or (_KEY.match(first) and _KEY.match(first).group(1) in legend):
            label, gs = _read_label(first, cat, legend, inside=False, image=image)
            if gs:
                return label, gs
        if side == "right" and texts[0].startswith(("(", "[")):
            closing = next((n for n, t in enumerate(texts[:8]) if t.rstrip(".,;:").endswith((")", "]"))), None)
            if closing is not None:
                label, gs = _read_label(" ".join(texts[: closing + 1]), cat, legend, inside=False, image=image)
                if gs:
                    return label, gs
        pre = _labelish_prefix(texts)
        if side == "left":
            pre = list(reversed(pre))
        if pre and any(re.search(r"\d", t) for t in pre):
            label, gs = _read_label(" ".join(pre), cat, legend, inside=False, image=image)
            if gs:
                return label, gs
    return None, ()


def _completions(label: tuple[Optional[str], tuple[Ground, ...]], cat: Catalogue) -> list[tuple[str, tuple[Ground, ...]]]:
    """The codes an OCR label that lost its letter ("5.1.2") may have been."""
    text, gs = label
    if len(gs) != 1 or gs[0].code not in ("5.1", "5.1.1", "5.1.2"):
        return []
    stem = gs[0].code
    return [
        (text or stem, (Ground(code=e.code, raw=text or stem, valid=True, law=e.law),))
        for e in cat
        if e.law == "woo" and e.code.startswith(stem) and e.code != stem
    ]


def pixel_readings(page: Page, box: BBox, cat: Catalogue) -> list[tuple[str, tuple[Ground, ...]]]:
    """Readings of the label in the box's pixels that are codes, for when OCR has none.

    Only a reading whose digits and letter are a valid code as they stand counts (a
    glyph reader whose output needs more repair than a dot is guessing). Readings that score within TIE of the best are all
    returned, best first: more than one means the pixels alone cannot decide.
    """
    from .pixels import read_label

    valid = []
    for text, score in read_label(page, box):
        gs = parse(text, cat)
        # Dots are specks a scan loses or invents; the digits and letter must be exact.
        if len(gs) == 1 and gs[0].valid and text.replace(".", "") == gs[0].code.replace(".", ""):
            valid.append((text, score, (replace(gs[0], repaired=text != gs[0].code),)))
    if not valid:
        return []
    best = valid[0][1]
    # A reading that needed its dots put back is weaker evidence: its close rivals stay
    # in the running, so that only the document's clear labels can settle it.
    window = TIE if not valid[0][2][0].repaired else 5 * TIE
    return [(t, gs) for t, sc, gs in valid if sc >= best - window]


def _box_runs(boxes: list[Redaction], free: _Words) -> list[list[int]]:
    """Boxes side by side on one line with nothing readable between them."""
    order = sorted(range(len(boxes)), key=lambda i: (round(boxes[i].bbox[1]), boxes[i].bbox[0]))  # type: ignore[index]
    runs: list[list[int]] = []
    for i in order:
        b = boxes[i].bbox
        if runs:
            p = boxes[runs[-1][-1]].bbox
            h = max(4.0, min(b[3] - b[1], p[3] - p[1]))  # type: ignore[index]
            if _overlap_y(p, b) >= 0.5 and 0 <= b[0] - p[2] <= 1.5 * h:  # type: ignore[index,arg-type]
                between = free.between(p, b)  # type: ignore[arg-type]
                if not any(not _SEPARATOR_GAP.match(w.text) for w in between):
                    runs[-1].append(i)
                    continue
        runs.append([i])
    return runs


def _share(runs: list[list[int]], labels: list[tuple[Optional[str], tuple[Ground, ...]]]) -> None:
    """Give unlabelled members of a run the run's label, when the run has exactly one."""
    for run in runs:
        # Only a label that reads as real grounds (or as a letter code) is shared: "5.1.2"
        # beside one box must not spread its error to its neighbours.
        found = {labels[i][0]: labels[i] for i in run if labels[i][1] and all(g.valid or g.via_legend for g in labels[i][1])}
        if len(found) == 1:
            shared = next(iter(found.values()))
            for i in run:
                if not labels[i][1]:
                    labels[i] = shared


def associate(
    page: Page,
    redactions: list[Redaction],
    cat: Catalogue,
    legend: Legend,
    pending: Optional[list[tuple[int, list[tuple[str, tuple[Ground, ...]]]]]] = None,
) -> list[Redaction]:
    """The page's redactions with `label` and `grounds` filled in (same order).

    Boxes whose pixel reading is a near tie between labels are left unlabelled and listed
    in `pending` (index into `redactions`, readings best first) for `settle`.
    """
    out = list(redactions)
    marks = [i for i, r in enumerate(redactions) if r.kind == "text-marker" and r.start is not None]
    boxes = [i for i, r in enumerate(redactions) if i not in set(marks) and r.bbox is not None]

    if marks:
        ms = [redactions[i] for i in marks]
        starts = sorted(r.start for r in ms if r.start is not None)
        ends = sorted(r.end for r in ms if r.end is not None)
        labels = [_marker_label(page, r, cat, legend, starts, ends) for r in ms]
        _share(_marker_runs(page, ms), labels)
        for i, (label, gs) in zip(marks, labels):
            if gs:
                out[i] = replace(out[i], label=label, grounds=gs)

    if boxes:
        bs = [redactions[i] for i in boxes]
        index = word_boxes(page)
        words, wb = index.words, index.boxes
        inside_of: list[list[Word]] = [[] for _ in bs]
        taken: set[int] = set()
        # Word centres against every box at once (the test of `_inside`, same arithmetic).
        cx, cy = (wb[:, 0] + wb[:, 2]) / 2, (wb[:, 1] + wb[:, 3]) / 2
        for j, r in enumerate(bs):
            box = r.bbox
            hits = np.flatnonzero((box[0] - 1 <= cx) & (cx <= box[2] + 1) & (box[1] - 1 <= cy) & (cy <= box[3] + 1))  # type: ignore[index]
            if not len(hits):
                continue
            taken.update(hits.tolist())
            seq = _box_seqno(page, r)
            for n in hits:
                # A word the box was painted over is hidden text, not the box's label.
                if not (0 <= words[n].seqno < seq):
                    inside_of[j].append(words[n])
        if taken:
            keep = np.ones(len(words), dtype=bool)
            keep[list(taken)] = False
            free = _Words([w for n, w in enumerate(words) if n not in taken], wb[keep])
        else:
            free = _Words(words, wb)
        labels = [_box_label(page, r.bbox, inside_of[j], free, cat, legend) for j, r in enumerate(bs)]  # type: ignore[arg-type]
        if page.is_image_page:
            unread: list[int] = []
            for j, r in enumerate(bs):
                if any(g.valid for g in labels[j][1]) or r.kind != "raster":
                    continue  # the OCR layer gave a real code; "5.1.2" without letter is worth a look
                readings = pixel_readings(page, r.bbox, cat)  # type: ignore[arg-type]
                if not readings and not labels[j][1]:
                    unread.append(j)
                if len(readings) == 1 and not readings[0][1][0].repaired:
                    labels[j] = readings[0]
                elif pending is not None:
                    # A near tie in the pixels, or an OCR label that lost its letter ("5.1.2"):
                    # the labels read clearly elsewhere in the document may settle it.
                    candidates = readings or _completions(labels[j], cat)
                    if candidates:
                        pending.append((boxes[j], candidates))
        runs = _box_runs(bs, free)
        _share(runs, labels)
        if page.is_image_page:
            # Last, for what neither the layer, the templates nor a neighbour's label gave:
            # every box labelled before stays exactly as it was.
            unread = [j for j in unread if not labels[j][1]]
            if unread:
                _ocr_box_labels(page, [bs[j] for j in unread], unread, labels, cat, legend)
                _share(runs, labels)
        for i, (label, gs) in zip(boxes, labels):
            if gs:
                out[i] = replace(out[i], label=label, grounds=gs)
    return out


def _ocr_box_labels(page: Page, rs: list[Redaction], js: list[int], labels: list, cat: Catalogue, legend: Legend) -> None:
    """The slow path: labels the OCR layer and the glyph templates left unread, read by
    OCR of the box regions (ocr_label.py; a box with nothing printed in it is not sent)."""
    from .ocr_label import read_labels

    todo = list(zip(js, rs))
    texts = read_labels(page, [r.bbox for _, r in todo])  # type: ignore[misc]
    for n, (j, _) in enumerate(todo):
        text = texts.get(n)
        if not text:
            continue
        label, gs = _read_label(text, cat, legend, inside=True, image=True)
        # Only a clean reading: every code valid and spelt out as it stands ("5.1.2e",
        # "10.2e"). Tesseract on a box's texture invents digits ("5.4.24", "5.1.28"), and
        # a wrong ground is a worse finding than an unread one (WOO201 asks for a look).
        # A two-part code without a letter ("11.2", "5.4") is what Tesseract makes of a
        # damaged "5.1.2" (one VWS box read "11.2"); box labels carry a sub-letter or
        # three parts ("5.1.2e", "10.2e", "5.1.5").
        if gs and all(g.valid and _spelt(g.code, text) and _label_shaped(g.code) for g in gs):
            codes = list(dict.fromkeys(g.code for g in gs))  # one box, one ground each
            labels[j] = (label, tuple(replace(next(g for g in gs if g.code == c), box_ocr=True) for c in codes))


def _label_shaped(code: str) -> bool:
    return code[-1:].isalpha() or code.count(".") >= 2


def _spelt(code: str, text: str) -> bool:
    """The code's characters are one token of the text, dots aside; a stroke of the box's
    outline in front of it may come out as "1", "l" or "|"."""
    bare = code.replace(".", "")
    for t in text.split():
        t = t.strip("[]().,;:|").replace(".", "")
        if t == bare or (len(t) == len(bare) + 1 and t[0] in "1lI|" and t[1:] == bare):
            return True
    return False


def settle(redactions: list[Redaction], pending: list[tuple[int, list[tuple[str, tuple[Ground, ...]]]]]) -> list[Redaction]:
    """Resolve near-tie pixel readings with the labels read clearly elsewhere in the document.

    One renderer prints one label the same way throughout a document, so when exactly
    one of the tied readings ("5.1.2e" or "5.1.2a") is a code the document shows
    unambiguously elsewhere, that is the reading. The ground is marked repaired.
    """
    # Labels read by OCR of a box are not clear enough to settle another box's tie.
    clear = {g.code for r in redactions for g in r.grounds if g.valid and not g.box_ocr}
    out = list(redactions)
    for i, readings in pending:
        fits = [(t, gs) for t, gs in readings if all(g.code in clear for g in gs)]
        if len(fits) == 1:
            text, gs = fits[0]
            out[i] = replace(out[i], label=text, grounds=tuple(replace(g, repaired=True) for g in gs))
    return out
