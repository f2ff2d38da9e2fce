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
