"""Which label goes with which redaction: boxes (label inside, beside, shared by a run),
image pages (label from the OCR layer), text markers, legends, the document date."""
from __future__ import annotations

from datetime import date

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.grounds import attach, document_grounds
from woocheck.ingest import open_document
from woocheck.model import Redaction

BLACK, WHITE = (0, 0, 0), (1, 1, 1)


def _pdf(tmp_path, draw, name="doc.pdf"):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    draw(page)
    path = tmp_path / name
    doc.save(str(path))
    return path


def _box(path, page, bbox, kind="vector"):
    return Redaction(path=str(path), page=page, bbox=bbox, kind=kind)


def _attach(path, boxes, config=Config()):
    with open_document(path) as doc:
        return attach(doc, [_box(path, 1, b) for b in boxes], config)


def test_label_inside_box(tmp_path):
    def draw(p):
        p.insert_text((72, 100), "Van:", fontsize=10)
        p.draw_rect(pymupdf.Rect(100, 90, 160, 104), fill=BLACK, color=None)
        p.insert_text((112, 100), "5.1.2e", fontsize=8, color=WHITE)

    got = _attach(_pdf(tmp_path, draw), [(100, 90, 160, 104)])
    r = got.redactions[0]
    assert r.label == "5.1.2e" and [g.code for g in r.grounds] == ["5.1.2e"]


@pytest.mark.parametrize("side", ["right", "left"])
def test_label_beside_box(tmp_path, side):
    def draw(p):
        p.draw_rect(pymupdf.Rect(100, 90, 160, 104), fill=BLACK, color=None)
        if side == "right":
            p.insert_text((163, 101), "5.1 lid 2 sub e", fontsize=8)
            p.insert_text((260, 101), "verder lopende tekst 2024", fontsize=10)
        else:
            p.insert_text((72, 101), "5.1.2i", fontsize=8)

    got = _attach(_pdf(tmp_path, draw), [(100, 90, 160, 104)])
    assert [g.code for g in got.redactions[0].grounds] == (["5.1.2e"] if side == "right" else ["5.1.2i"])


def test_far_away_code_is_not_a_label(tmp_path):
    def draw(p):
        p.draw_rect(pymupdf.Rect(100, 90, 160, 104), fill=BLACK, color=None)
        p.insert_text((400, 101), "5.1.2e", fontsize=8)  # same line, far away
        p.insert_text((100, 140), "5.1.2i", fontsize=8)  # next block

    got = _attach(_pdf(tmp_path, draw), [(100, 90, 160, 104)])
    assert got.redactions[0].grounds == ()


def test_one_label_serves_a_run_of_boxes_on_a_line(tmp_path):
    boxes = [(100, 90, 140, 104), (145, 90, 185, 104), (190, 90, 230, 104)]

    def draw(p):
        for b in boxes:
            p.draw_rect(pymupdf.Rect(b), fill=BLACK, color=None)
        p.insert_text((234, 101), "5.1.2e", fontsize=8)
        p.draw_rect(pymupdf.Rect(100, 200, 140, 214), fill=BLACK, color=None)  # other line, no label

    got = _attach(_pdf(tmp_path, draw), boxes + [(100, 200, 140, 214)])
    assert [r.ground for r in got.redactions] == ["5.1.2e", "5.1.2e", "5.1.2e", None]


def test_letter_resolves_through_legend(tmp_path):
    def draw(p):
        p.draw_rect(pymupdf.Rect(100, 90, 160, 104), fill=BLACK, color=None)
        p.insert_text((125, 100), "J", fontsize=8, color=WHITE)
        p.draw_rect(pymupdf.Rect(100, 120, 160, 134), fill=BLACK, color=None)
        p.insert_text((125, 130), "K", fontsize=8, color=WHITE)
        p.insert_text((72, 600), "Toelichting grondslagen", fontsize=12)
        p.insert_text((72, 620), "J     Art. 5.1 lid 2 sub e", fontsize=10)
        p.insert_text((72, 635), "L     Art. 5.1 lid 2 sub i", fontsize=10)

    got = _attach(_pdf(tmp_path, draw), [(100, 90, 160, 104), (100, 120, 160, 134)])
    j, k = got.redactions
    assert [(g.code, g.valid, g.via_legend) for g in j.grounds] == [("5.1.2e", True, "J")]
    assert [(g.code, g.valid, g.via_legend) for g in k.grounds] == [("K", False, "K")]
    assert sorted(got.legend.entries) == ["J", "L"]


def _image_page_pdf(tmp_path, labels):
    """An image-only page with grey boxes and an invisible OCR layer, like a ZyLAB export."""
    import numpy as np

    scale = 2  # image pixels per point
    img = np.full((842 * scale, 595 * scale, 3), 255, dtype=np.uint8)
    rects = []
    for n, _ in enumerate(labels):
        x0, y0 = 100, 100 + 40 * n
        img[y0 * scale : (y0 + 14) * scale, x0 * scale : (x0 + 60) * scale] = 128
        rects.append((x0, y0, x0 + 60, y0 + 14))
    pix = pymupdf.Pixmap(pymupdf.csRGB, img.shape[1], img.shape[0], img.tobytes(), False)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(page.rect, pixmap=pix)
    for (x0, y0, _, _), label in zip(rects, labels):
        page.insert_text((72, y0 + 10), "Aan:", fontsize=10, render_mode=3)
        if label:
            page.insert_text((x0 + 12, y0 + 10), label, fontsize=8, render_mode=3)
    path = tmp_path / "scan.pdf"
    doc.save(str(path))
    return path, rects


def test_image_page_label_comes_from_ocr_layer(tmp_path):
    path, rects = _image_page_pdf(tmp_path, ["51.2e", "5.1.2¢", "BEEZ"])
    with open_document(path) as doc:
        got = attach(doc, [_box(path, 1, r, kind="raster") for r in rects], Config())
    a, b, c = got.redactions
    assert [(g.code, g.repaired) for g in a.grounds] == [("5.1.2e", True)]
    assert [(g.code, g.repaired) for g in b.grounds] == [("5.1.2e", True)]
    assert c.grounds == ()  # OCR junk of the box itself is no label


def test_document_grounds_reads_image_page_labels(tmp_path):
    path, _ = _image_page_pdf(tmp_path, ["51.2e", "5.1.5", None])
    with open_document(path) as doc:
        assert document_grounds(doc, []) == {"5.1.2e", "5.1.5"}


def test_image_page_end_to_end_when_raster_boxes_are_found(tmp_path):
    from woocheck.locate import raster
    from woocheck.pipeline import scan_file

    path, _ = _image_page_pdf(tmp_path, ["51.2e", None])
    with open_document(path) as doc:
        if not raster.find(doc.pages[0], str(path)):
            pytest.skip("raster locator finds no boxes on this synthetic page")
    res = scan_file(str(path), Config(select=("WOO201",)))
    grounds = sorted((r.ground or "") for r in res.redactions)
    assert "5.1.2e" in grounds
    assert len(res.findings) == grounds.count("")


TEXT = """\
Datum: 27 september 2024

Van: [REDACTED] (5.1.2e)
Aan: █████ 5.1 lid 2 sub e, [REDACTED] / [REDACTED] (5.1.2i)
Mail: j.devries@[5.1.2e]
Voor: [REDACTED] [J]
Bare [REDACTED] here
"""


def test_text_markers_take_label_inside_after_and_from_their_run(tmp_path):
    p = tmp_path / "notulen.txt"
    p.write_text(TEXT + "\nToelichting grondslagen\n\n### **J** Art. 5.1 lid 2 sub e\n", "utf-8")
    from woocheck.locate import locate

    with open_document(p) as doc:
        got = attach(doc, locate(doc), Config())
        text = doc.pages[0].text
    rows = sorted(((text[r.start : r.end], r.ground, r.start) for r in got.redactions), key=lambda x: x[2])
    rows = [(a, b) for a, b, _ in rows]
    assert rows == [
        ("[REDACTED]", "5.1.2e"),
        ("█████", "5.1.2e"),
        ("[REDACTED]", "5.1.2i"),  # shares the label of its run
        ("[REDACTED]", "5.1.2i"),
        ("[5.1.2e]", "5.1.2e"),
        ("[REDACTED]", "5.1.2e"),  # J through the legend, shared along the run
        ("[J]", "5.1.2e"),  # with a legend, the letter code is itself a redaction
        ("[REDACTED]", None),
    ]
    assert got.date == date(2024, 9, 27)


def test_decision_date_flag_wins_over_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, "utf-8")
    with open_document(p) as doc:
        got = attach(doc, [], Config(decision_date=date(2021, 1, 5)))
    assert (got.date, got.date_source) == (date(2021, 1, 5), "--decision-date")


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Datum\n3-9-2020", date(2020, 9, 3)),
        ("Datum: donderdag 3 september 2020 14:25:00", date(2020, 9, 3)),
        ("Datum besluit: 2023-01-31", date(2023, 1, 31)),
        ("Geen datum hier", None),
    ],
)
def test_date_header_forms(tmp_path, header, expected):
    p = tmp_path / "d.txt"
    p.write_text(header + "\n\nTekst.\n", "utf-8")
    with open_document(p) as doc:
        assert attach(doc, [], Config()).date == expected


def test_text_painted_over_is_not_the_label(tmp_path):
    """Under the box "E" (an initial left in the text layer); on top of it "5.1.2e"."""

    def draw(p):
        p.insert_text((110, 100), "E", fontsize=10)  # drawn first: hidden under the box
        p.draw_rect(pymupdf.Rect(100, 90, 160, 104), fill=BLACK, color=None)
        p.draw_rect(pymupdf.Rect(100, 120, 160, 134), fill=BLACK, color=None)
        p.insert_text((110, 130), "5.1.2e", fontsize=8, color=WHITE)  # drawn last: the label

    got = _attach(_pdf(tmp_path, draw), [(100, 90, 160, 104), (100, 120, 160, 134)])
    assert [r.grounds for r in got.redactions][0] == ()  # no letter "E" read from hidden text
    assert got.redactions[1].ground == "5.1.2e"


@pytest.mark.parametrize(
    "line, ground",
    [
        ("Adviseur 5.1.2e: █████ heeft gebeld", "5.1.2e"),  # label directly before
        ("Betreft (5.1.2i) [REDACTED]", "5.1.2i"),
        ("Op 5 mei [REDACTED] gesproken", None),  # a date is no label
        ("Om 10.30 uur [REDACTED] (art. 5.1 lid 2 sub e)", "5.1.2e"),
        ("[REDACTED]@minvws.nl 5.1.2e", None),  # the marker is an address part, the code is not beside it
        ("[REDACTED]@minvws.nl (5.1.2e)", "5.1.2e"),  # a bracketed code after the address labels the marker
    ],
)
def test_marker_label_before_and_not_numbers(tmp_path, line, ground):
    from woocheck.locate import locate

    p = tmp_path / "m.txt"
    p.write_text(line + "\n", "utf-8")
    with open_document(p) as doc:
        got = attach(doc, locate(doc), Config())
    assert [r.ground for r in got.redactions] == [ground]


def test_legend_table_written_column_by_column(tmp_path):
    """A legend table whose letters are drawn first and grounds after: rows come from geometry."""

    def draw(p):
        p.draw_rect(pymupdf.Rect(100, 90, 160, 104), fill=BLACK, color=None)
        p.insert_text((125, 100), "B", fontsize=8, color=WHITE)
        p.insert_text((72, 600), "Gebruikte weigeringsgronden", fontsize=12)
        for n, key in enumerate("ABC"):
            p.insert_text((72, 630 + 16 * n), key, fontsize=10)
        for n, ground in enumerate(["5.1 lid 2 sub e", "5.1 lid 2 sub i", "5.2 lid 1"]):
            p.insert_text((110, 630 + 16 * n), ground, fontsize=10)

    got = _attach(_pdf(tmp_path, draw), [(100, 90, 160, 104)])
    assert {k: [g.code for g in e.grounds] for k, e in got.legend.entries.items()} == {
        "A": ["5.1.2e"], "B": ["5.1.2i"], "C": ["5.2.1"]}
    assert [(g.code, g.via_legend) for g in got.redactions[0].grounds] == [("5.1.2i", "B")]
