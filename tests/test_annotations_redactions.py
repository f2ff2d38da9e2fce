"""Redactions made with annotations: pending Redact marks, Square and Highlight boxes."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file

SECRET = "Jan Jansen"


def _doc():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"{SECRET} woont hier", fontsize=12)
    return doc, page, page.search_for(SECRET)[0] + (-1, -1, 1, 1)


def _scan(tmp_path, doc):
    path = tmp_path / "a.pdf"
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO3",)))
    assert result.error is None, result.error
    return result


def test_square_annotation_in_black_over_text_is_an_annotation_redaction_with_woo301(tmp_path):
    doc, page, box = _doc()
    annot = page.add_rect_annot(box)
    annot.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
    annot.update()
    result = _scan(tmp_path, doc)
    (red,) = result.redactions
    assert red.kind == "annotation" and red.detail.startswith("Square annotation")
    assert [(f.code, f.text) for f in result.findings] == [("WOO301", SECRET)]


def test_yellow_highlight_only_tints_the_text(tmp_path):
    doc, page, box = _doc()
    page.add_highlight_annot(box).update()
    result = _scan(tmp_path, doc)
    assert not result.findings and not result.redactions


def test_black_highlight_hides_the_text(tmp_path):
    doc, page, box = _doc()
    annot = page.add_highlight_annot(box)
    annot.set_colors(stroke=(0, 0, 0))
    annot.update()
    result = _scan(tmp_path, doc)
    assert [f.code for f in result.findings] == ["WOO301"]
    assert SECRET in result.findings[0].text
    assert result.redactions[0].kind == "annotation"


def test_white_square_with_new_text_on_top_hides_the_old_text(tmp_path):
    # The x-ray 'TROOPER over TROOPPER' trick: cover a word with a white box annotation
    # and type a different word on top; the old word stays in the text layer.
    doc, page, box = _doc()
    square = page.add_rect_annot(box + (-3, -3, 3, 3))
    square.set_colors(stroke=(0, 0, 0), fill=(1, 1, 1))
    square.set_border(width=1)
    square.update()
    page.add_freetext_annot(box, "Piet Smit", fontsize=11, text_color=(0, 0, 0)).update()
    result = _scan(tmp_path, doc)
    hits = [f for f in result.findings if f.code == "WOO301"]
    assert len(hits) == 1 and hits[0].text == SECRET
    assert any(r.kind == "annotation" and r.detail.startswith("Square") for r in result.redactions)


def test_pending_redact_mark_is_not_also_a_box(tmp_path):
    doc, page, box = _doc()
    annot = page.add_redact_annot(box, fill=(0, 0, 0))
    annot.set_colors(stroke=(1, 0, 0), fill=(0, 0, 0))
    annot.update()
    result = _scan(tmp_path, doc)
    assert [f.code for f in result.findings] == ["WOO302"]
    assert [r.detail for r in result.redactions] == ["Redact annotation (not applied)"]
