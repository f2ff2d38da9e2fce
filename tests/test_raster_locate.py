"""Raster redactions: boxes burnt into the image of a scanned page.

Every test builds its own "scan" with pymupdf: a page with text and shapes is rendered
to a pixmap, the pixmap becomes the only content of a new page, and an invisible
(render mode 3) text layer is laid over it the way OCR software does.
"""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.pipeline import scan_file

GREY = (0.42, 0.42, 0.42)
BLACK = (0.0, 0.0, 0.0)


def build_scan(
    path: Path,
    lines: list[tuple[float, float, str]],
    boxes: list[tuple[tuple[float, float, float, float], tuple[float, float, float]]] = (),
    ocr: list[tuple[float, float, str]] | None = None,
    draw=None,
    dpi: int = 150,
    paper: tuple[float, float, float] | None = None,
    rotate: int = 0,
) -> Path:
    """Write an image-only page with an invisible OCR layer to `path`.

    `lines` are (x, baseline y, text) printed visibly before the scan; `boxes` are
    (rect, colour) fills burnt in after the text; `draw(page)` adds other shapes. `ocr`
    is the text layer: by default the words on the page after `draw` (the OCR ran
    before the boxes were burnt in), "before" the words from before `draw`, or a list.
    """
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    if paper:
        page.draw_rect(page.rect, color=None, fill=paper)
    for x, y, text in lines:
        page.insert_text((x, y), text, fontsize=11, fontname="helv")
    before = page.get_text("words")  # what an OCR run before `draw` would have read
    if draw:
        draw(page)
    for rect, colour in boxes:
        page.draw_rect(pymupdf.Rect(rect), color=None, fill=colour)
    if ocr is None or ocr == "before":  # the OCR read the words where they are printed
        read = before if ocr == "before" else page.get_text("words")
        ocr = [(w[0], w[3] - 2.5, w[4]) for w in read]
        widths = [w[2] - w[0] for w in read]
    else:
        widths = [None] * len(ocr)
    pix = page.get_pixmap(dpi=dpi)
    out = pymupdf.open()
    scan = out.new_page(width=595, height=842)
    scan.insert_image(scan.rect, pixmap=pix)
    for (x, y, text), width in zip(ocr, widths):
        # OCR layers set each word in an invisible monospaced font sized to the word.
        size = 11.0 if width is None else width / (0.6 * len(text))
        scan.insert_text((x, y), text, fontsize=size, fontname="cour", render_mode=3)
    scan.set_rotation(rotate)  # shown turned; everything stays in unrotated page space
    out.save(path)
    return path


def raster_boxes(path: Path):
    result = scan_file(str(path), Config(select=("WOO303",)))
    assert result.error is None
    return [r for r in result.redactions if r.kind == "raster"]


def _close(a, b, tol=2.0):
    return all(abs(p - q) <= tol for p, q in zip(a, b))


@pytest.mark.parametrize("colour", [GREY, BLACK])
def test_box_is_located_in_page_coordinates(tmp_path, colour):
    rect = (120, 96, 230, 112)
    pdf = build_scan(tmp_path / "scan.pdf", [(72, 108, "Contact: Jan Jansen, kamer 4.12")], [(rect, colour)])
    boxes = raster_boxes(pdf)
    assert len(boxes) == 1
    assert _close(boxes[0].bbox, rect), boxes[0].bbox
    assert "Jansen" in boxes[0].covered_text
    assert boxes[0].label is None


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_box_on_a_rotated_page_is_reported_in_unrotated_page_space(tmp_path, rotate):
    rect = (120, 96, 230, 112)
    pdf = build_scan(tmp_path / "turned.pdf", [(72, 108, "Contact: Jan Jansen, kamer 4.12")], [(rect, GREY)], rotate=rotate)
    boxes = raster_boxes(pdf)
    assert len(boxes) == 1
    assert _close(boxes[0].bbox, rect), boxes[0].bbox
    assert "Jansen" in boxes[0].covered_text


def test_stacked_boxes_of_one_colour_are_split_where_their_edges_change(tmp_path):
    rects = [(100, 200, 260, 214), (100, 214, 190, 228), (100, 228, 300, 242)]
    pdf = build_scan(tmp_path / "stack.pdf", [(72, 150, "Aanwezig:")], [(r, GREY) for r in rects])
    found = sorted(b.bbox for b in raster_boxes(pdf))
    assert len(found) == 3, found
    for got, want in zip(found, rects):
        assert _close(got, want), (got, want)


def test_boxes_a_point_apart_stay_apart(tmp_path):
    rects = [(100, 300, 160, 312), (161.5, 300, 230, 312)]
    pdf = build_scan(tmp_path / "pair.pdf", [(72, 260, "Van:")], [(r, GREY) for r in rects])
    assert len(raster_boxes(pdf)) == 2


def test_white_page_has_no_boxes(tmp_path):
    assert raster_boxes(build_scan(tmp_path / "white.pdf", [])) == []


def test_text_only_page_has_no_boxes(tmp_path):
    lines = [(72, 100 + 16 * i, "Het overleg over de maatregelen duurde twee uur, daarna lunch.") for i in range(30)]
    lines.append((72, 600, "BOLD HEADINGS AND lllllll iiiiii MMMMMM WWWW"))
    assert raster_boxes(build_scan(tmp_path / "text.pdf", lines)) == []


def test_bold_headings_are_not_boxes(tmp_path):
    def headings(page):
        for i, size in enumerate((14, 16, 20)):
            y = 120 + 40 * i
            page.insert_text((72, y), "Bevindingen en rode draden uit de gesprekken", fontsize=size, fontname="hebo")

    pdf = build_scan(tmp_path / "bold.pdf", [(72, 300, "Gewone tekst")], draw=headings, dpi=100)
    assert raster_boxes(pdf) == []


def test_table_cells_with_thin_outlines_are_not_boxes(tmp_path):
    def table(page):
        for row in range(6):
            for col in range(4):
                r = pymupdf.Rect(72 + col * 110, 200 + row * 20, 182 + col * 110, 220 + row * 20)
                page.draw_rect(r, color=(0, 0, 0), width=1.0)
                page.insert_text((r.x0 + 4, r.y1 - 6), f"cel {row}.{col}", fontsize=9)

    assert raster_boxes(build_scan(tmp_path / "table.pdf", [], draw=table)) == []


def test_logo_like_blobs_are_not_boxes(tmp_path):
    def logo(page):
        page.draw_circle((90, 90), 2.2, color=None, fill=(0, 0, 0))  # a bullet
        page.draw_rect(pymupdf.Rect(100, 88, 103, 91), color=None, fill=(0, 0, 0))  # a speck
        page.draw_rect(pymupdf.Rect(400, 60, 440, 110), color=None, fill=(0.08, 0.2, 0.55))  # a coloured emblem
        page.draw_circle((500, 80), 18, color=None, fill=(0.8, 0.1, 0.1))

    assert raster_boxes(build_scan(tmp_path / "logo.pdf", [(72, 140, "Ministerie van Iets")], draw=logo)) == []


def test_tinted_paper_is_not_a_box_but_a_box_on_it_is(tmp_path):
    cream = (0.93, 0.9, 0.78)
    lines = [(72, 120, "Geachte heer, hierbij de stukken.")]
    assert raster_boxes(build_scan(tmp_path / "tint.pdf", lines, paper=cream)) == []
    greyish = (0.78, 0.78, 0.78)  # photographed paper in poor light
    assert raster_boxes(build_scan(tmp_path / "grey.pdf", lines, paper=greyish)) == []
    boxed = build_scan(tmp_path / "tint-box.pdf", lines, [((120, 108, 200, 124), BLACK)], paper=greyish)
    assert len(raster_boxes(boxed)) == 1


def test_highlighter_over_visible_text_is_not_a_box(tmp_path):
    def marker(page):
        shape = page.new_shape()
        shape.draw_rect(pymupdf.Rect(70, 96, 330, 112))
        shape.finish(color=None, fill=(1.0, 0.95, 0.2), fill_opacity=0.6)
        shape.commit(overlay=True)

    pdf = build_scan(tmp_path / "marker.pdf", [(72, 108, "Belangrijk: besluit voor vrijdag nemen")], draw=marker)
    assert raster_boxes(pdf) == []


def test_vector_page_is_not_inspected_as_an_image(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Jan Jansen")
    page.draw_rect(pymupdf.Rect(70, 88, 140, 104), color=None, fill=GREY)
    doc.save(tmp_path / "vector.pdf")
    assert raster_boxes(tmp_path / "vector.pdf") == []


@pytest.mark.parametrize("outline", [(0, 0, 0), (0.72, 0.72, 0.72)])
def test_outlined_box_is_found_from_its_ground_label(tmp_path, outline):
    rect = pymupdf.Rect(150, 95, 260, 112)

    def frame(page):
        page.draw_rect(rect, color=outline, width=0.8)
        page.insert_text((190, 107), "5.1.2e", fontsize=8)

    pdf = build_scan(tmp_path / "outlined.pdf", [(72, 107, "Behandeld door")], draw=frame)
    boxes = raster_boxes(pdf)
    assert len(boxes) == 1
    assert boxes[0].detail.startswith("outlined")
    assert _close(boxes[0].bbox, tuple(rect), tol=2.5), boxes[0].bbox


def test_frame_without_a_label_is_a_table_cell(tmp_path):
    def frame(page):
        page.draw_rect(pymupdf.Rect(150, 95, 260, 112), color=(0, 0, 0), width=0.8)
        page.insert_text((160, 107), "zie bijlage 2", fontsize=8)

    assert raster_boxes(build_scan(tmp_path / "cell.pdf", [(72, 107, "Behandeld door")], draw=frame)) == []


def test_vector_box_over_a_scan_is_left_to_the_vector_locator(tmp_path):
    pdf = build_scan(tmp_path / "scan.pdf", [(72, 108, "Contact: Jan Jansen, kamer 4.12")])
    doc = pymupdf.open(pdf)
    doc[0].draw_rect(pymupdf.Rect(120, 96, 230, 112), color=None, fill=BLACK)  # drawn, not burnt in
    doc.save(tmp_path / "drawn.pdf")
    assert raster_boxes(tmp_path / "drawn.pdf") == []
    result = scan_file(str(tmp_path / "drawn.pdf"), Config(select=("WOO301",)))
    assert any(r.kind == "vector" for r in result.redactions)


def test_dark_header_row_with_light_words_is_not_a_redaction(tmp_path):
    def header(page):
        page.draw_rect(pymupdf.Rect(72, 200, 500, 218), color=None, fill=(0.25, 0.25, 0.25))
        for x, word in ((78, "Naam"), (200, "Functie"), (330, "Afdeling")):
            page.insert_text((x, 213), word, fontsize=11, fontname="hebo", color=(1, 1, 1))

    pdf = build_scan(tmp_path / "header.pdf", [(78, 236, "Jansen"), (200, 236, "adviseur")], draw=header)
    assert raster_boxes(pdf) == []


def test_box_showing_its_own_label_phrase_is_a_redaction(tmp_path):
    def labelled(page):
        page.draw_rect(pymupdf.Rect(120, 96, 260, 112), color=None, fill=GREY)
        page.insert_text((150, 108), "buiten verzoek", fontsize=10, color=(1, 1, 1))

    pdf = build_scan(tmp_path / "scope.pdf", [(72, 108, "Besluit:")], draw=labelled)
    boxes = raster_boxes(pdf)
    assert len(boxes) == 1 and "verzoek" in boxes[0].covered_text


def test_chat_bubbles_in_a_screenshot_are_not_boxes(tmp_path):
    def chat(page):
        light = pymupdf.Rect(72, 200, 300, 230)
        page.draw_rect(light, color=None, fill=(0.9, 0.9, 0.92), radius=0.3)
        page.insert_text((82, 219), "Zullen we morgen bellen?", fontsize=11)
        dark = pymupdf.Rect(250, 250, 520, 280)
        page.draw_rect(dark, color=None, fill=(0.2, 0.2, 0.22), radius=0.3)
        page.insert_text((262, 269), "Prima, om tien uur bij Pietersen", fontsize=11, color=(1, 1, 1))
        page.draw_rect(pymupdf.Rect(300, 300, 520, 330), color=None, fill=(0.1, 0.55, 0.3), radius=0.3)
        page.insert_text((310, 319), "Top, tot dan", fontsize=11, color=(1, 1, 1))

    assert raster_boxes(build_scan(tmp_path / "chat.pdf", [], draw=chat)) == []
