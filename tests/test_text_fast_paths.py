"""The speed-ups for born-digital text pages change no result.

- `WordBoxes.overlapping` gives the words with `_overlap(r, w.bbox) > 0`, in page order;
- `_hidden_in_rect` gives the glyphs that `_glyph_hidden` finds under a plain rectangle;
- WOO304's `_reasons` is `how_hidden` word by word, and `_nothing_hidden` holds only on
  pages where every word passes it.

Coordinates are drawn from a coarse grid as well, so that edges touch exactly.
"""
from __future__ import annotations

import dataclasses
import random

import re._parser as sre_parse

from woocheck.checks import woo304
from woocheck.grounds.legend import HEADING, HEADING_WORDS, has_legend_heading
from woocheck.locate import vector
from woocheck.model import Page, Word


def _coord(rnd: random.Random, lo: float, hi: float) -> float:
    return float(rnd.randrange(int(lo), int(hi), 4)) if rnd.random() < 0.5 else rnd.uniform(lo, hi)


def _box(rnd: random.Random, lo: float = -20, hi: float = 640):
    x0, y0 = _coord(rnd, lo, hi), _coord(rnd, lo, hi)
    w, h = rnd.choice([0.0, -2.0, _coord(rnd, 1, 60)]), rnd.choice([0.0, _coord(rnd, 1, 20)])
    return (x0, y0, x0 + w, y0 + h)


STYLES = [
    dict(),
    dict(render_mode=3),
    dict(render_mode=7),
    dict(alpha=0.0),
    dict(size=0.5),
    dict(size=0.0),
    dict(color=0xFFFFFF),
    dict(color=0xF0F0F0),
    dict(color=0x333333),
    dict(color=0xFF0000, size=11.0),
]


def _page(rnd: random.Random, n: int, styles=STYLES) -> Page:
    words = []
    pos = 0
    for _ in range(n):
        text = rnd.choice(["Jan", "Jansen", "5.1.2e", "de", "...", "x"])
        bbox = None if rnd.random() < 0.05 else _box(rnd)
        style = dict(size=10.0)
        style.update(rnd.choice(styles))
        words.append(Word(text, bbox, pos, pos + len(text), seqno=rnd.randrange(5), **style))
        pos += len(text) + 1
    return Page(number=1, width=595.0, height=842.0, text=" ".join(w.text for w in words), words=tuple(words))


def test_overlapping_words_are_those_with_a_positive_overlap():
    rnd = random.Random(11)
    for _ in range(200):
        page = _page(rnd, rnd.randrange(0, 40))
        index = vector.WordBoxes(page)
        for _ in range(10):
            r = _box(rnd)
            want = [w for w in page.words if w.bbox is not None and vector._overlap(r, w.bbox) > 0]
            assert index.overlapping(r) == want


def test_plain_rectangle_glyph_test_is_the_sample_grid():
    rnd = random.Random(12)
    for _ in range(2000):
        rect = _box(rnd, 0, 200)
        box = vector.Box(rect=rect, seqno=1, detail="black fill")
        glyphs = [_box(rnd, 0, 200) for _ in range(rnd.randrange(1, 8))]
        want = [i for i, g in enumerate(glyphs) if vector._glyph_hidden(box, g)]
        assert vector._hidden_in_rect(rect, glyphs) == want


def test_woo304_reasons_are_how_hidden_word_by_word():
    rnd = random.Random(13)
    seen_fast = seen_hidden = 0
    for k in range(300):
        styles = STYLES if k % 2 else STYLES[:1] + STYLES[-2:]  # half the pages plain
        page = _page(rnd, rnd.randrange(0, 30), styles)
        want = [woo304.how_hidden(page, w) for w in page.words]
        assert woo304._reasons(page) == want
        if woo304._nothing_hidden(page, set(map(woo304._STYLE, page.words))):
            seen_fast += 1
            assert not any(want)
        seen_hidden += any(want)
    assert seen_fast > 20 and seen_hidden > 20


def test_legend_heading_prefilter():
    """Each alternative of the heading starts with one of HEADING_WORDS, and the
    prefilter answers as the regex does, on texts with case and Unicode tricks."""
    (op, (_, branches)), = sre_parse.parse(HEADING.pattern, HEADING.flags)
    assert str(op) == "BRANCH"
    for branch in branches:
        lead = ""
        for kind, value in branch:
            if str(kind) != "LITERAL":
                break
            lead += chr(value)
        assert any(lead.startswith(w) for w in HEADING_WORDS), lead
    rnd = random.Random(14)
    pieces = ["Toelichting op de grondslagen", "LAKCODES", "Legenda:", "gebruikte  gronden", "Overzicht van de",
              "toelichting\u00a0codes", "la\u212acodes", "legenda\u0130", "\u0130", "\u0131", "gebru\u0131kte codes",
              "overzicht\n weigeringsgronden", "leg enda", "tekst", "\u017fs", " ", "\n", "OVERZICHT GRONDEN"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 6)))
        assert has_legend_heading(text) == bool(HEADING.search(text)), text


def test_woo304_ocr_layer_shortcut_changes_no_finding(monkeypatch):
    """Scans whose text is an invisible layer end early; word by word gives the same."""
    rnd = random.Random(15)
    styles = [dict(render_mode=3), dict(render_mode=3), dict(), dict(size=0.5), dict(color=0xFFFFFF)]
    pages, shortcut = [], 0
    for k in range(300):
        page = _page(rnd, rnd.randrange(0, 25), styles if k % 3 == 0 else styles[:2])
        pages.append(dataclasses.replace(page, image_coverage=rnd.choice([0.0, 0.7, 1.0])))
    fast = [list(woo304._findings(p)) for p in pages]
    for p in pages:
        reasons = woo304._reasons(p)
        visible = [v for v, r in zip(p.words, reasons) if v.bbox is not None and not r]
        shortcut += woo304._only_ocr_layer(p, visible, reasons) and any(reasons)
    monkeypatch.setattr(woo304, "_only_ocr_layer", lambda *a: False)
    monkeypatch.setattr(woo304, "_all_invisible_scan", lambda *a: False)
    assert [list(woo304._findings(p)) for p in pages] == fast
    assert shortcut > 50 and any(fast)
