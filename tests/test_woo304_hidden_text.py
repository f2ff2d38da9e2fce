"""WOO304: text in the text layer that the page does not show."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file


def _scan(tmp_path, doc):
    path = tmp_path / "h.pdf"
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO304",)))
    assert result.error is None, result.error
    return result


def _page():
    doc = pymupdf.open()
    return doc, doc.new_page()


def test_invisible_text_over_different_visible_text_is_woo304(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "TROPPER", fontsize=12)
    page.insert_text((72, 100), "TROOPER", fontsize=12, render_mode=3)
    result = _scan(tmp_path, doc)
    assert [(f.code, f.text, f.kind) for f in result.findings] == [("WOO304", "TROOPER", "RECOVERED")]
    assert "TROOPER" not in result.findings[0].message


def test_invisible_copy_of_the_visible_text_is_fine(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "TROPPER", fontsize=12)
    page.insert_text((72, 100), "TROPPER", fontsize=12, render_mode=3)
    assert not _scan(tmp_path, doc).findings


def test_ocr_layer_over_a_scanned_image_is_fine(tmp_path):
    doc, page = _page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    pix.clear_with(230)
    page.insert_image(page.rect, pixmap=pix)
    page.insert_text((72, 100), "Geachte heer Jansen", fontsize=12, render_mode=3)
    assert not _scan(tmp_path, doc).findings


def test_invisible_text_where_the_page_shows_nothing_is_woo304(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "Zichtbare kop", fontsize=12)
    page.insert_text((72, 300), "Jan Jansen", fontsize=12, render_mode=3)
    result = _scan(tmp_path, doc)
    assert [f.text for f in result.findings] == ["Jan Jansen"]


def test_tiny_and_off_page_text_is_woo304(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "Gewone tekst", fontsize=12)
    page.insert_text((72, 200), "klein", fontsize=0.5)
    page.insert_text((page.rect.height + 50, 100), "buiten", fontsize=12)  # beyond either side
    texts = sorted(f.text for f in _scan(tmp_path, doc).findings)
    assert texts == ["buiten", "klein"]


def test_white_text_over_different_black_text_is_woo304(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "TROPPER", fontsize=12)
    page.insert_text((72, 100), "TROOPER", fontsize=12, color=(1, 1, 1))
    assert [f.text for f in _scan(tmp_path, doc).findings] == ["TROOPER"]


def test_plain_visible_text_gives_nothing(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "Gewone zichtbare tekst op de pagina", fontsize=12)
    page.insert_text((72, 120), "Nog een regel", fontsize=12, color=(0.3, 0.3, 0.3))
    assert not _scan(tmp_path, doc).findings


def test_fully_transparent_text_is_woo304(tmp_path):
    doc, page = _page()
    page.insert_text((72, 100), "Zichtbaar", fontsize=12)
    page.insert_text((72, 200), "Jan Jansen", fontsize=12, fill_opacity=0)
    assert [f.text for f in _scan(tmp_path, doc).findings] == ["Jan Jansen"]


def test_text_low_on_a_landscape_rotated_page_is_not_off_page(tmp_path):
    doc, page = _page()
    page.insert_text((72, 780), "Voettekst onderaan", fontsize=12)
    page.set_rotation(90)
    assert not _scan(tmp_path, doc).findings


def test_name_coloured_white_mid_sentence_is_woo304(tmp_path):
    doc, page = _page()
    x = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    page.insert_text((72, 100), "Gesprek met", fontsize=12)
    page.insert_text((x, 100), "Jan Jansen", fontsize=12, color=(1, 1, 1))
    x2 = x + pymupdf.get_text_length("Jan Jansen ", fontsize=12)
    page.insert_text((x2, 100), "over de aanvraag", fontsize=12)
    findings = _scan(tmp_path, doc).findings
    assert [f.text for f in findings] == ["Jan Jansen"]
    assert "inside a line of visible text" in findings[0].message


def test_white_block_on_white_is_not_reported(tmp_path):
    # A collapsed menu on a printed web page: whole lines of white text, nothing visible beside.
    doc, page = _page()
    page.insert_text((72, 100), "Kop van de pagina", fontsize=12)
    for i, item in enumerate(["Home", "Nieuws", "Contact met de afdeling"]):
        page.insert_text((72, 300 + 20 * i), item, fontsize=12, color=(1, 1, 1))
    assert not _scan(tmp_path, doc).findings
