"""WOO301-WOO304 judge what a reader sees, not what the file holds (issue 17).

Each class of place that fooled the checks on real court filings is rebuilt here with
pymupdf: text a reader cannot see must be reported as an error at every place, text a
reader can see must not, and stray residue is a warning with its characters counted.
Verdicts come through the library API (`scan_file`) and the CLI's JSON report.
"""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file

LINES = [
    "De aanvrager woont sinds 2019 aan de Dorpsstraat",
    "en werkt bij de gemeente als beleidsmedewerker",
    "volgens het verslag van het gesprek in maart",
]
SECRET = "Jan Jansen"
WOO3 = {"WOO301", "WOO302", "WOO303", "WOO304"}


def _scan(tmp_path, doc, name="t.pdf"):
    path = tmp_path / name
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO3",)))
    assert result.error is None, result.error
    return result


def _woo3(result):
    return [f for f in result.findings if f.code in WOO3]


def _body(page, y0=100, size=12):
    for k, line in enumerate(LINES):
        page.insert_text((72, y0 + 20 * k), line, fontsize=size)


def _word_processor_shading(page, y0=100, size=12):
    """Each line shaded black, then its text drawn on top in black (Word's 'redaction')."""
    for k, line in enumerate(LINES):
        y = y0 + 20 * k
        w = pymupdf.get_text_length(line, fontsize=size)
        page.draw_rect((71, y - size, 73 + w, y + 0.3 * size), color=None, fill=(0, 0, 0))
        page.insert_text((72, y), line, fontsize=size)


def test_black_text_on_a_black_fill_drawn_after_it_is_hidden_at_every_line(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 60), "Verslag", fontsize=12)
    _word_processor_shading(page)
    hits = [f for f in _woo3(_scan(tmp_path, doc)) if f.code == "WOO301"]
    assert len(hits) == len(LINES)
    assert all(h.severity.value == "error" for h in hits)
    assert sorted(h.text.replace(" ", "") for h in hits) == sorted(line.replace(" ", "") for line in LINES)


def test_same_lines_in_white_on_the_black_fill_are_labels_not_leaks(tmp_path):
    # The control: the same boxes with the text in a colour that stands out are read.
    doc = pymupdf.open()
    page = doc.new_page()
    for k, line in enumerate(LINES):
        y = 100 + 20 * k
        w = pymupdf.get_text_length(line, fontsize=12)
        page.draw_rect((71, y - 12, 73 + w, y + 3.6), color=None, fill=(0, 0, 0))
        page.insert_text((72, y), line, fontsize=12, color=(1, 1, 1))
    assert not [f for f in _woo3(_scan(tmp_path, doc)) if f.code == "WOO301"]


def test_translucent_highlight_over_text_is_no_finding(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _body(page)
    shape = page.new_shape()
    shape.draw_rect(pymupdf.Rect(70, 88, 300, 104))
    shape.finish(color=None, fill=(1, 0.9, 0), fill_opacity=0.4)
    shape.commit()
    assert _woo3(_scan(tmp_path, doc)) == []


def test_flattened_highlighter_opaque_fill_with_the_text_printed_again_is_no_finding(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _body(page)  # the text, then an opaque yellow bar, then the same text again on top
    page.draw_rect((70, 88, 330, 104), color=None, fill=(0.96, 0.92, 0))
    page.insert_text((72, 100), LINES[0], fontsize=12)
    assert _woo3(_scan(tmp_path, doc)) == []


def test_opaque_fill_with_other_text_on_top_still_hides_what_is_under_it(tmp_path):
    # The flattened-highlighter rule must not excuse a box whose label differs from the
    # words under it: a white "VERWIJDERD" over a name hides the name.
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Gesprek met {SECRET} over de aanvraag", fontsize=12)
    x = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    page.draw_rect((x - 1, 88, x + pymupdf.get_text_length(SECRET, fontsize=12) + 1, 104), color=None, fill=(0, 0, 0))
    page.insert_text((x, 100), "Jan XXXXXX", fontsize=12, color=(1, 1, 1))
    (hit,) = [f for f in _woo3(_scan(tmp_path, doc)) if f.code == "WOO301"]
    assert hit.severity.value == "error" and "Jansen" in hit.text


def test_label_in_the_box_own_colour_is_a_label_repeated_stamps_too(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _body(page, y0=300)
    for k in range(3):  # a tool's date fitted into each of its boxes, black on black
        y = 100 + 30 * k
        page.draw_rect((100, y - 12, 180 + 10 * k, y + 4), color=None, fill=(0, 0, 0))
        page.insert_text((102, y), "03/23/2019", fontsize=7 + k)
    page.draw_rect((300, 88, 380, 104), color=None, fill=(0, 0, 0))
    page.insert_text((302, 100), "REDACTED", fontsize=12)
    assert _woo3(_scan(tmp_path, doc)) == []


def test_overhanging_glyph_mostly_outside_the_box_is_visible(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Gesprek met {SECRET} over de aanvraag", fontsize=12)
    x = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    # The box ends a fifth of a glyph into "over": an applied redaction's overhang.
    end = x + pymupdf.get_text_length(f"{SECRET} ", fontsize=12) + 1.2
    page.draw_rect((x - 1, 88, end, 104), color=None, fill=(0, 0, 0))
    result = _scan(tmp_path, doc)
    (hit,) = [f for f in _woo3(result) if f.code == "WOO301"]
    assert hit.text == SECRET  # the "o" beside the box is not part of it


def test_one_to_three_stray_characters_are_a_warning_with_the_count(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Gesprek met aanvrager over de aanvraag", fontsize=12)
    # The first two letters of "aanvrager" left under the edge of a box whose text is gone.
    x = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    page.draw_rect((x - 1, 88, x + pymupdf.get_text_length("aa", fontsize=12) + 0.3, 104), color=None, fill=(0, 0, 0))
    (hit,) = [f for f in _woo3(_scan(tmp_path, doc)) if f.code == "WOO301"]
    assert hit.severity.value == "warning"
    assert "(2 characters)" in hit.message


def test_placeholder_filler_under_a_box_is_a_warning(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _body(page, y0=300)
    page.insert_text((72, 100), "Naam: ********** adres onbekend", fontsize=12)
    x = 72 + pymupdf.get_text_length("Naam: ", fontsize=12)
    page.draw_rect((x - 1, 88, x + pymupdf.get_text_length("**********", fontsize=12) + 1, 104), color=None, fill=(0, 0, 0))
    (hit,) = [f for f in _woo3(_scan(tmp_path, doc)) if f.code == "WOO301"]
    assert hit.severity.value == "warning" and "(10 characters)" in hit.message


def test_a_short_word_hidden_whole_stays_an_error(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Gesprek met Bob over de aanvraag", fontsize=12)
    x = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    page.draw_rect((x - 1, 88, x + pymupdf.get_text_length("Bob", fontsize=12) + 1, 104), color=None, fill=(0, 0, 0))
    (hit,) = [f for f in _woo3(_scan(tmp_path, doc)) if f.code == "WOO301"]
    assert hit.severity.value == "error" and hit.text == "Bob"


def test_pleading_paper_line_numbers_on_a_white_column_are_no_box(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect((21, 72, 58, 720), color=None, fill=(1, 1, 1))
    for k in range(28):
        page.insert_text((45, 84 + 23 * k), str(k + 1), fontsize=9)
        page.insert_text((-4, 84 + 23 * k), str(k + 1), fontsize=9)  # a copy running off the page
    page.draw_line((64, 0), (64, 792))
    page.draw_line((68, 0), (68, 792))
    _body(page)
    assert _woo3(_scan(tmp_path, doc)) == []


def test_stamp_annotation_over_text_is_no_finding(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _body(page)
    annot = page.add_stamp_annot(pymupdf.Rect(60, 80, 360, 150), stamp=0)
    annot.update()
    assert _woo3(_scan(tmp_path, doc)) == []


def test_cli_json_reports_the_hidden_lines_as_errors_and_residue_as_a_warning(scan_json, tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _word_processor_shading(page)
    page.insert_text((72, 300), "Gesprek met aanvrager over de aanvraag", fontsize=12)
    x = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    page.draw_rect((x - 1, 288, x + pymupdf.get_text_length("a", fontsize=12) + 0.3, 304), color=None, fill=(0, 0, 0))
    path = tmp_path / "shaded.pdf"
    doc.save(path)
    code, report, _ = scan_json(str(path), "--select", "WOO3")
    assert code == 1
    found = [(f["code"], f["severity"]) for f in report["findings"]]
    assert found.count(("WOO301", "error")) == len(LINES)
    assert found.count(("WOO301", "warning")) == 1
    (warning,) = [f for f in report["findings"] if f["severity"] == "warning"]
    assert "(1 character)" in warning["message"] and warning["bbox"] is not None
