"""A scanned test set built here: invented documents with redaction boxes of every style,
printed and "scanned" (rasterised at 150/200/300 dpi, grey or colour, noise, JPEG, a
slight skew), with and without an OCR layer. Used by tests/test_raster_styles.py and
benchmarks/bench_raster_styles.py, which scores box location per style.

Every name, address and number is invented. Truth boxes are in points on the scanned
page (the skew applied), so they can be compared with woocheck's `redactions[].bbox`.
"""
from __future__ import annotations

import colorsys
import random
from dataclasses import dataclass

import numpy as np
import pymupdf

STYLES = ("black", "grey", "colour", "outlined")
DISTRACTORS = ("logo", "photo", "shading", "highlighter", "signature", "stamp", "form")
LABELS = ("5.1.2e", "5.1.2i", "5.1.1e", "5.1.2a", "10.2e")
WORDS = ("overleg", "regeling", "dossier", "aanvraag", "gemeente", "besluit", "bijlage", "nota",
         "planning", "voorstel", "reactie", "afspraak", "uitvoering", "beleid", "advies")
NAMES = ("Joëlle van Buuren", "Sébastien de Rooij", "Anouk Verhoeven", "Björn ter Haar", "Renée Kuijpers")


@dataclass(frozen=True)
class Box:
    style: str
    bbox: tuple[float, float, float, float]  # points on the scanned page
    label: str  # "" for a box without a label


def _fill(style: str, rnd: random.Random) -> tuple[tuple, tuple]:
    """(fill colour, label colour) of a box of `style`."""
    if style == "black":
        return (0, 0, 0), (1, 1, 1)
    if style == "grey":
        g = rnd.uniform(0.3, 0.82)  # any shade: dark, VWS's mid grey, light
        return (g, g, g), ((1, 1, 1) if g < 0.55 else (0, 0, 0))
    if style == "colour":
        r, g, b = colorsys.hsv_to_rgb(rnd.random(), rnd.uniform(0.55, 0.95), rnd.uniform(0.45, 0.9))
        light = 0.3 * r + 0.59 * g + 0.11 * b > 0.55
        return (r, g, b), ((0, 0, 0) if light else (1, 1, 1))
    return (1, 1, 1), (0, 0, 0)  # outlined: white inside a dark frame


def _draw_box(page, rect, style, label, rnd):
    fill, ink = _fill(style, rnd)
    if style == "outlined":
        page.draw_rect(rect, color=(0.1, 0.1, 0.1), fill=(1, 1, 1), width=rnd.uniform(0.8, 1.3))
    else:
        page.draw_rect(rect, color=None, fill=fill)
    if label:
        size = min(8.0, rect.height * 0.7)
        page.insert_text((rect.x0 + 2, rect.y1 - (rect.height - size * 0.72) / 2), label, fontsize=size, fontname="helv", color=ink)


def _distractor(page, kind: str, y: float, rnd: random.Random) -> float:
    """Draw one thing that is no redaction at height y; return the next free y."""
    if kind == "logo":  # a coloured bar with a light emblem and the body's name beside it
        page.draw_rect(pymupdf.Rect(60, y, 88, y + 62), color=None, fill=(0.08, 0.2, 0.5))
        page.draw_circle((74, y + 24), 8, color=(1, 1, 1), width=1.5)
        page.insert_text((96, y + 30), "Ministerie van Voorbeeldzaken", fontsize=12, fontname="tiro")
        return y + 72
    if kind == "photo":  # a photo: smooth colour with texture
        h, w = 70, 110
        yy, xx = np.mgrid[0:h, 0:w]
        img = np.stack([90 + xx, 120 + yy, 80 + (xx + yy) // 2], axis=-1).astype(np.float32)
        for _ in range(6):  # things in the picture: blobs of other colours and tones
            cx, cy, r = rnd.randrange(w), rnd.randrange(h), rnd.randrange(6, 25)
            blob = (xx - cx) ** 2 + (yy - cy) ** 2 < r * r
            img[blob] = [rnd.randrange(20, 235) for _ in range(3)]
        img += np.random.default_rng(rnd.randrange(1 << 30)).normal(0, 18, img.shape)  # grain, blobs too
        pix = pymupdf.Pixmap(pymupdf.csRGB, w, h, np.clip(img, 0, 255).astype(np.uint8).tobytes(), False)
        page.insert_image(pymupdf.Rect(60, y, 60 + 2 * w, y + 2 * h), pixmap=pix)
        return y + 2 * h + 10
    if kind == "shading":  # table rows, every other one shaded light grey, text on top
        g = rnd.uniform(0.8, 0.92)
        for i in range(4):
            r = pymupdf.Rect(60, y + 15 * i, 530, y + 15 * (i + 1))
            if i % 2 == 0:
                page.draw_rect(r, color=None, fill=(g, g, g))
            page.insert_text((64, r.y1 - 4), f"Rij {i + 1}   {rnd.choice(WORDS)}   {rnd.choice(WORDS)}   2025", fontsize=9, fontname="helv")
        return y + 70
    if kind == "highlighter":  # a yellow or green marker over words
        colour = rnd.choice([(1, 0.95, 0.3), (0.6, 1, 0.5), (1, 0.75, 0.85)])
        text = f"Let op: de {rnd.choice(WORDS)} van de {rnd.choice(WORDS)} moet voor vrijdag binnen zijn."
        page.draw_rect(pymupdf.Rect(60, y, 60 + 4.6 * len(text), y + 13), color=None, fill=colour)
        page.insert_text((62, y + 10), text, fontsize=9, fontname="helv")
        return y + 24
    if kind == "signature":
        pts = [pymupdf.Point(80 + 12 * i, y + 15 + 12 * np.sin(i * 1.3 + rnd.random())) for i in range(12)]
        page.draw_polyline(pts, color=(0.05, 0.1, 0.4), width=1.6)
        page.insert_text((80, y + 42), "Met vriendelijke groet", fontsize=9, fontname="helv")
        return y + 52
    if kind == "stamp":
        page.draw_circle((130, y + 32), 30, color=(0.8, 0.1, 0.1), width=2.2)
        page.insert_text((104, y + 36), "ONTVANGEN", fontsize=9, fontname="helv", color=(0.8, 0.1, 0.1))
        return y + 70
    # form: labelled input boxes in a column, and checkboxes
    for i, field in enumerate(("Naam", "Adres", "Woonplaats")):
        page.insert_text((60, y + 14 + 22 * i), field + ":", fontsize=9, fontname="helv")
        page.draw_rect(pymupdf.Rect(130, y + 3 + 22 * i, 400, y + 19 + 22 * i), color=(0.1, 0.1, 0.1), width=0.8)
    for i in range(3):
        page.draw_rect(pymupdf.Rect(420, y + 5 + 22 * i, 430, y + 15 + 22 * i), color=(0.1, 0.1, 0.1), width=0.8)
        page.insert_text((436, y + 14 + 22 * i), rnd.choice(WORDS), fontsize=9, fontname="helv")
    return y + 72


def document(seed: int, styles=STYLES, distractors=DISTRACTORS) -> tuple[pymupdf.Document, list[Box]]:
    """A born-digital page: lines of an invented e-mail with boxes over words (each style
    with and without a label), the distractors between the lines."""
    rnd = random.Random(seed)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    truth: list[Box] = []
    y = 60.0
    queue = list(distractors)
    rnd.shuffle(queue)
    line = 0
    while y < 780:
        if queue and line % 3 == 1 and y < 640:
            y = _distractor(page, queue.pop(), y, rnd) + 6
            line += 1
            continue
        x = 60.0
        words = [rnd.choice(WORDS) for _ in range(9)]
        slot = rnd.randrange(2, 6) if line % 2 == 0 else -1
        size = rnd.choice((9.5, 10, 11))
        for i, word in enumerate(words):
            if i == slot:
                style = styles[(line // 2 + seed) % len(styles)]
                label = rnd.choice(LABELS) if (line // (2 * len(styles))) % 2 == seed % 2 else ""
                name = rnd.choice(NAMES)
                w = pymupdf.get_text_length(name, "helv", size) + 4
                rect = pymupdf.Rect(x, y - size * 0.95, x + w, y + size * 0.35)
                page.insert_text((x, y), name, fontsize=size, fontname="helv")  # burnt over: gone from the scan
                _draw_box(page, rect, style, label, rnd)
                truth.append(Box(style, tuple(rect), label))
                x += w + 4
                continue
            page.insert_text((x, y), word, fontsize=size, fontname="helv")
            x += pymupdf.get_text_length(word + " ", "helv", size)
        y += size * 1.75
        line += 1
    return doc, truth


def scan(doc: pymupdf.Document, truth: list[Box], dpi: int, colour: bool, skew: float, seed: int,
         ocr_layer: bool = False, quality: int = 70) -> tuple[bytes, list[Box]]:
    """The page printed and scanned: rasterised at `dpi` (grey or colour), turned by
    `skew` degrees, with sensor noise and JPEG; returns the PDF and the truth boxes mapped
    onto the scan. `ocr_layer`: an invisible text layer of the words the scan shows."""
    page = doc[0]
    zoom = dpi / 72.0
    mat = pymupdf.Matrix(zoom, zoom).prerotate(skew)
    pix = page.get_pixmap(matrix=mat, colorspace=pymupdf.csRGB if colour else pymupdf.csGRAY)
    n = pix.n
    img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, n).astype(np.float32)
    img += np.random.default_rng(seed).normal(0, 6, img.shape)
    img = np.clip(img, 0, 255).astype(np.uint8)
    noisy = pymupdf.Pixmap(pymupdf.csRGB if colour else pymupdf.csGRAY, pix.width, pix.height, img.tobytes(), False)
    jpeg = noisy.tobytes("jpeg", jpg_quality=quality)
    w, h = pix.width / zoom, pix.height / zoom
    out = pymupdf.open()
    sp = out.new_page(width=w, height=h)
    sp.insert_image(sp.rect, stream=jpeg)
    # The pixmap's origin: the rotated page's top-left corner in the matrix's space.
    ox, oy = pix.x, pix.y

    def mapped(r) -> tuple[float, float, float, float]:
        q = pymupdf.Rect(r) * mat
        return ((q.x0 - ox) / zoom, (q.y0 - oy) / zoom, (q.x1 - ox) / zoom, (q.y1 - oy) / zoom)

    if ocr_layer:
        covered = [pymupdf.Rect(b.bbox) for b in truth]
        for x0, y0, x1, y1, text, *_ in page.get_text("words"):
            r = pymupdf.Rect(x0, y0, x1, y1)
            if any(r.intersects(c) for c in covered):
                continue
            m = mapped(r)
            sp.insert_text((m[0], m[3] - 2.5), text, fontsize=max(4.0, (m[3] - m[1]) * 0.8), render_mode=3)
    boxes = [Box(b.style, mapped(b.bbox), b.label) for b in truth]
    return out.tobytes(), boxes


def iou(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def style_of(detail: str) -> str:
    """The style a found raster box was taken for, from its `detail`."""
    for style, words in (("outlined", ("outlined",)), ("colour", ("coloured",)), ("black", ("black",)), ("grey", ("grey",))):
        if any(w in detail for w in words):
            return style
    return "other"


def score(truth: list[Box], found: list[tuple[tuple, str]], min_iou: float = 0.4) -> dict[str, list[int]]:
    """[true positives, truth boxes, found boxes] per style. A found box counts against
    the style it was taken for; black and grey count as one ("filled") when matching, as
    a dark grey is black to a reader."""
    out = {s: [0, 0, 0] for s in STYLES}
    used = set()
    for b in truth:
        out[b.style][1] += 1
    for bbox, detail in found:
        taken = style_of(detail)
        hit = next((i for i, b in enumerate(truth) if i not in used and iou(b.bbox, bbox) >= min_iou), None)
        if hit is not None:
            used.add(hit)
            out[truth[hit].style][0] += 1
            out[truth[hit].style][2] += 1
        else:
            out.setdefault(taken, [0, 0, 0])[2] += 1
    return out
