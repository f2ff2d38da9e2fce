"""Vector boxes over text: what counts as a failed redaction (WOO301) and what does not.

Every PDF is built here with pymupdf; the verdict comes from the public scan API.
"""
from __future__ import annotations

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.pipeline import scan_file

SECRET = "Jan Jansen"
LINE = f"Gesprek met {SECRET} over de aanvraag"
# Where insert_text((72, 100), ...) puts "Jan Jansen" at 12 pt (Helvetica): x 137..197.
OVER_NAME = (134, 88, 200, 104)


def _scan(tmp_path, doc, name="t.pdf"):
    path = tmp_path / name
    doc.save(path)
    return scan_file(str(path), Config(select=("WOO3",)))


def _page():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), LINE, fontsize=12)
    return doc, page


def _codes(result):
    assert result.error is None, result.error
    return [f.code for f in result.findings]


def _name_box() -> pymupdf.Rect:
    """The exact box of the name, so a test does not depend on font metrics."""
    doc, page = _page()
    return page.search_for(SECRET)[0]


def test_black_box_over_text_is_woo301_with_the_recovered_text(tmp_path):
    doc, page = _page()
    page.draw_rect(_name_box() + (-1, -1, 1, 1), color=None, fill=(0, 0, 0))
    result = _scan(tmp_path, doc)
    hits = [f for f in result.findings if f.code == "WOO301"]
    assert len(hits) == 1
    assert hits[0].text == SECRET
    assert hits[0].kind == "RECOVERED"
    assert hits[0].page == 1
    assert SECRET not in hits[0].message


@pytest.mark.parametrize(
    "fill, word",
    [((0.5, 0.5, 0.5), "grey"), ((0.1, 0.2, 0.7), "coloured"), ((0, 0, 0), "black")],
)
def test_any_opaque_colour_hides_text(tmp_path, fill, word):
    doc, page = _page()
    page.draw_rect(_name_box() + (-1, -1, 1, 1), color=None, fill=fill)
    result = _scan(tmp_path, doc)
    hits = [f for f in result.findings if f.code == "WOO301"]
    assert len(hits) == 1 and word in hits[0].message


def test_partly_covered_word_reports_only_the_covered_letters(tmp_path):
    doc, page = _page()
    r = _name_box()
    page.draw_rect(pymupdf.Rect(r.x0 - 1, r.y0 - 1, r.x0 + (r.width * 0.45), r.y1 + 1), color=None, fill=(0, 0, 0))
    (hit,) = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert hit.text.startswith("Jan") and "Jansen" not in hit.text


def test_text_drawn_on_top_of_the_box_is_not_under_it(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect((70, 85, 300, 106), color=None, fill=(0, 0, 0))
    page.insert_text((72, 100), LINE, fontsize=12, color=(1, 1, 1))  # white on black: a label
    result = _scan(tmp_path, doc)
    assert "WOO301" not in _codes(result)


def test_black_label_inside_its_own_box_is_not_a_leak(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect((70, 85, 140, 106), color=None, fill=(0, 0, 0))
    page.insert_text((74, 100), "5.1.2e", fontsize=12)  # black ground code printed in the box
    assert "WOO301" not in _codes(_scan(tmp_path, doc))


def test_black_text_running_through_a_black_box_is_hidden(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(_name_box() + (-1, -1, 1, 1), color=None, fill=(0, 0, 0))
    page.insert_text((72, 100), LINE, fontsize=12)  # drawn after, but black on black
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert [h.text for h in hits] == [SECRET]


def test_even_odd_frame_leaves_its_centre_unfilled(tmp_path):
    doc, page = _page()
    shape = page.new_shape()
    shape.draw_rect((50, 60, 400, 130))
    shape.draw_rect((60, 70, 390, 120))
    shape.finish(color=None, fill=(0, 0, 0), even_odd=True)
    shape.commit()
    assert "WOO301" not in _codes(_scan(tmp_path, doc))


def test_nested_rects_with_non_zero_winding_fill_everything(tmp_path):
    # Both rects run the same way round: the non-zero rule fills the centre too.
    doc, page = _page()
    shape = page.new_shape()
    shape.draw_rect((50, 60, 400, 130))
    shape.draw_rect((60, 70, 390, 120))
    shape.finish(color=None, fill=(0, 0, 0), even_odd=False)
    shape.commit()
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert len(hits) == 1 and SECRET in hits[0].text


def _append_content(doc, page, ops: bytes) -> None:
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + ops)


def test_box_clipped_away_is_not_a_redaction(tmp_path):
    doc, page = _page()
    page.clean_contents()
    h = page.rect.height
    r = _name_box()
    # Clip to a far corner, then fill a box over the name: nothing of the box is painted.
    ops = f"q 0 0 10 10 re W n 0 g {r.x0 - 1:.2f} {h - r.y1 - 1:.2f} {r.width + 2:.2f} {r.height + 2:.2f} re f Q"
    _append_content(doc, page, ops.encode())
    result = _scan(tmp_path, doc)
    assert "WOO301" not in _codes(result)
    assert not [x for x in result.redactions if x.kind == "vector"]


def test_box_inside_its_clip_still_counts(tmp_path):
    doc, page = _page()
    page.clean_contents()
    h = page.rect.height
    r = _name_box()
    ops = f"q 0 0 595 842 re W n 0 g {r.x0 - 1:.2f} {h - r.y1 - 1:.2f} {r.width + 2:.2f} {r.height + 2:.2f} re f Q"
    _append_content(doc, page, ops.encode())
    assert "WOO301" in _codes(_scan(tmp_path, doc))


def test_cross_hatched_box_over_text_is_woo301(tmp_path):
    doc, page = _page()
    r = _name_box() + (-1, -2, 1, 2)
    shape = page.new_shape()
    x = r.x0 - r.height
    while x < r.x1:  # diagonal strokes 2 pt apart, both ways, clipped to the box by geometry
        shape.draw_line((max(x, r.x0), r.y1 - max(0, r.x0 - x)), (min(x + r.height, r.x1), r.y0 + max(0, x + r.height - r.x1)))
        shape.draw_line((max(x, r.x0), r.y0 + max(0, r.x0 - x)), (min(x + r.height, r.x1), r.y1 - max(0, x + r.height - r.x1)))
        x += 2
    shape.finish(color=(0, 0, 0), width=1.2)
    shape.commit()
    result = _scan(tmp_path, doc)
    hits = [f for f in result.findings if f.code == "WOO301"]
    assert len(hits) == 1 and "hatched" in hits[0].message and "Jansen" in hits[0].text


def test_a_few_slanted_lines_are_not_hatching(tmp_path):
    doc, page = _page()
    shape = page.new_shape()
    shape.draw_line((130, 104), (150, 88))
    shape.draw_line((160, 104), (180, 88))
    shape.finish(color=(0, 0, 0), width=1)
    shape.commit()
    assert "WOO301" not in _codes(_scan(tmp_path, doc))


def test_underline_and_table_rules_are_not_redactions(tmp_path):
    doc, page = _page()
    page.draw_rect((72, 102, 300, 103), color=None, fill=(0, 0, 0))  # underline
    page.draw_rect((60, 80, 60.5, 300), color=None, fill=(0, 0, 0))  # table border
    page.draw_line((72, 101), (300, 101), color=(0, 0, 0), width=0.5)  # strike-through-ish rule
    result = _scan(tmp_path, doc)
    assert "WOO301" not in _codes(result)
    assert not [x for x in result.redactions if x.kind == "vector"]


def test_light_table_shading_under_text_is_not_a_redaction(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect((60, 85, 400, 106), color=(0, 0, 0), fill=(0.9, 0.9, 0.9))
    page.insert_text((72, 100), LINE, fontsize=12)
    result = _scan(tmp_path, doc)
    assert "WOO301" not in _codes(result)
    assert not [x for x in result.redactions if x.kind == "vector"]


def test_page_background_drawn_first_is_ignored(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(page.rect, color=None, fill=(1, 1, 0.9))
    page.insert_text((72, 100), LINE, fontsize=12)
    result = _scan(tmp_path, doc)
    assert not result.findings and not [x for x in result.redactions if x.kind == "vector"]


def test_white_box_with_border_over_text_is_woo301(tmp_path):
    doc, page = _page()
    page.draw_rect(_name_box() + (-2, -2, 2, 2), color=(0, 0, 0), fill=(1, 1, 1), width=1)
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert len(hits) == 1 and "white" in hits[0].message and hits[0].text == SECRET


def test_empty_black_box_is_a_located_redaction_without_finding(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Gesprek met", fontsize=12)
    page.draw_rect((140, 88, 200, 104), color=None, fill=(0, 0, 0))
    result = _scan(tmp_path, doc)
    assert "WOO301" not in _codes(result)
    boxes = [x for x in result.redactions if x.kind == "vector"]
    assert len(boxes) == 1 and boxes[0].detail == "black fill" and boxes[0].covered_text == ""


def _pattern_fill(doc, page, rect) -> None:
    """Fill `rect` with a cross-hatch tiling pattern, written as raw PDF."""
    page.clean_contents()
    pat = doc.get_new_xref()
    doc.update_object(pat, "<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 4 4] /XStep 4 /YStep 4 /Resources << >> >>")
    doc.update_stream(pat, b"0 G 0.8 w 0 0 m 4 4 l S 0 4 m 4 0 l S")
    doc.xref_set_key(page.xref, "Resources/Pattern", f"<< /P1 {pat} 0 R >>")
    h = page.rect.height
    ops = f"q /Pattern cs /P1 scn {rect.x0:.2f} {h - rect.y1:.2f} {rect.width:.2f} {rect.height:.2f} re f Q"
    _append_content(doc, page, ops.encode())


def test_pattern_filled_box_over_text_is_woo301(tmp_path):
    doc, page = _page()
    _pattern_fill(doc, page, _name_box() + (-1, -1, 1, 1))
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert len(hits) == 1 and "patterned" in hits[0].message and hits[0].text == SECRET


def test_pattern_fill_over_empty_space_is_not_a_redaction(tmp_path):
    # Hatched chart bars look like this: without text under them they are not redactions.
    doc, page = _page()
    _pattern_fill(doc, page, pymupdf.Rect(100, 300, 160, 500))
    result = _scan(tmp_path, doc)
    assert not result.findings and not [x for x in result.redactions if x.kind == "vector"]


@pytest.mark.parametrize("label", ["5.1 lid 2 sub e", "art. 5.1.2e", "5.1.2e, 5.1.2i"])
def test_ground_written_under_its_own_box_is_a_label(tmp_path, label):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((74, 100), label, fontsize=10)
    page.draw_rect(page.search_for(label)[0] + (-2, -2, 2, 2), color=None, fill=(0, 0, 0))
    assert "WOO301" not in _codes(_scan(tmp_path, doc))


def test_name_next_to_a_ground_under_one_box_is_still_a_leak(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((74, 100), f"{SECRET} 5.1.2e", fontsize=10)
    page.draw_rect(page.search_for(f"{SECRET} 5.1.2e")[0] + (-2, -2, 2, 2), color=None, fill=(0, 0, 0))
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert [h.text for h in hits] == [SECRET]


def test_house_number_alone_under_a_box_is_a_leak(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((74, 100), "Dorpsstraat 12", fontsize=10)
    page.draw_rect(page.search_for("12")[0] + (-1, -1, 1, 1), color=None, fill=(0, 0, 0))
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert [h.text for h in hits] == ["12"]


def test_label_printed_on_the_box_is_passed_on(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect((70, 85, 140, 106), color=None, fill=(0, 0, 0))
    page.insert_text((76, 100), "5.1.2e", fontsize=11, color=(1, 1, 1))
    (box,) = [x for x in _scan(tmp_path, doc).redactions if x.kind == "vector"]
    assert box.label == "5.1.2e" and box.covered_text == ""


def test_black_highlight_in_word_style_runs_is_hidden(tmp_path):
    # Word writes a highlighted name as its own run: box first, then three runs of text.
    doc = pymupdf.open()
    page = doc.new_page()
    x1 = 72 + pymupdf.get_text_length("Gesprek met ", fontsize=12)
    x2 = x1 + pymupdf.get_text_length(f"{SECRET} ", fontsize=12)
    page.draw_rect((x1 - 1, 88, x1 + pymupdf.get_text_length(SECRET, fontsize=12) + 1, 104), color=None, fill=(0, 0, 0))
    page.insert_text((72, 100), "Gesprek met", fontsize=12)
    page.insert_text((x1, 100), SECRET, fontsize=12)
    page.insert_text((x2, 100), "over de aanvraag", fontsize=12)
    hits = [f for f in _scan(tmp_path, doc).findings if f.code == "WOO301"]
    assert [h.text for h in hits] == [SECRET]


def test_stamp_in_its_own_box_beside_body_text_in_another_font_is_a_label(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Gesprek met", fontsize=12, fontname="helv")
    page.draw_rect((150, 88, 230, 104), color=None, fill=(0, 0, 0))
    page.insert_text((152, 100), "03/04/2024", fontsize=9, fontname="cour")  # tool's date stamp
    assert "WOO301" not in _codes(_scan(tmp_path, doc))


def test_thick_separator_bar_is_not_a_redaction(tmp_path):
    doc, page = _page()
    page.draw_rect((72, 200, 520, 205), color=None, fill=(0.1, 0.2, 0.4))  # house-style bar
    page.draw_rect((72, 220, 520, 225), color=None, fill=(0, 0, 0))
    result = _scan(tmp_path, doc)
    assert not [x for x in result.redactions if x.kind == "vector"]
