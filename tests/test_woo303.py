"""WOO303: the OCR text layer still holds the words under a box burnt into a scan."""
from __future__ import annotations

import pymupdf
from test_raster_locate import BLACK, GREY, build_scan

from woocheck.config import Config
from woocheck.pipeline import scan_file

BOX = (118, 96, 240, 112)
LINE = (72, 108, "Contact: Jan Jansen of j.jansen@voorbeeld.nl")


def woo303(path):
    result = scan_file(str(path), Config(select=("WOO303",)))
    assert result.error is None
    return [f for f in result.findings if f.code == "WOO303"], [r for r in result.redactions if r.kind == "raster"]


def test_words_under_the_box_are_recovered(tmp_path):
    pdf = build_scan(tmp_path / "leak.pdf", [LINE], [(BOX, BLACK)])
    findings, boxes = woo303(pdf)
    assert len(boxes) == 1
    assert len(findings) == 1
    f = findings[0]
    assert f.kind == "RECOVERED" and f.severity.value == "error" and f.page == 1
    assert "Jansen" in f.text
    assert "Contact" not in f.text  # outside the box
    assert "Jansen" not in f.message and "jansen" not in f.message
    assert f.bbox == boxes[0].bbox


def test_number_under_a_grey_box_is_recovered(tmp_path):
    pdf = build_scan(tmp_path / "phone.pdf", [(72, 108, "Bel mij op 0612345678 vandaag")], [((128, 96, 192, 112), GREY)])
    findings, _ = woo303(pdf)
    assert [f.text for f in findings] == ["0612345678"]


def test_email_local_part_under_the_box_is_recovered(tmp_path):
    line = (72, 108, "Mail: p.pietersen@voorbeeld.nl")
    x0 = 72 + pymupdf.get_text_length("Mail: ", fontname="helv", fontsize=11)
    x1 = x0 + pymupdf.get_text_length("p.pietersen", fontname="helv", fontsize=11)
    pdf = build_scan(tmp_path / "mail.pdf", [line], [((x0 - 1, 96, x1 + 1, 112), GREY)])
    findings, _ = woo303(pdf)
    assert len(findings) == 1
    assert findings[0].text.startswith("p.pietersen") and "voorbeeld" not in findings[0].text


def test_ocr_junk_of_the_box_is_not_a_leak(tmp_path):
    ocr = [(72, 108, "Contact:"), (124, 108, "IEEE"), (160, 108, "EXER,"), (200, 108, "[ERELIN")]
    pdf = build_scan(tmp_path / "junk.pdf", [LINE], [(BOX, GREY)], ocr=ocr)
    findings, boxes = woo303(pdf)
    assert len(boxes) == 1 and "IEEE" in boxes[0].covered_text
    assert findings == []


def test_ground_label_in_the_box_is_not_a_leak(tmp_path):
    ocr = [(72, 108, "Contact:"), (150, 108, "5.1.2e"), (200, 108, "51.2¢")]
    pdf = build_scan(tmp_path / "label.pdf", [LINE], [(BOX, GREY)], ocr=ocr)
    findings, boxes = woo303(pdf)
    assert len(boxes) == 1 and "5.1.2e" in boxes[0].covered_text
    assert findings == []


def test_words_a_redaction_tool_writes_in_a_box_are_not_a_leak(tmp_path):
    ocr = [(72, 108, "Contact:"), (130, 108, "buiten verzoek")]
    pdf = build_scan(tmp_path / "scope.pdf", [LINE], [(BOX, GREY)], ocr=ocr)
    assert woo303(pdf)[0] == []


def test_word_beside_the_box_is_cut_at_the_box_edge(tmp_path):
    # The visible name "Pietersen" ends where the box begins; OCR boxes of words are
    # loose, so its last letters reach into the box. Only those letters are under it.
    lines = [(72, 108, "Ingediend door Pietersen")]
    ocr = [(72, 108, "Ingediend"), (72 + 11 * 0.6 * 10, 108, "door"), (72 + 11 * 0.6 * 15, 108, "Pietersen")]
    box = (72 + 11 * 0.6 * 22, 96, 260, 112)  # courier: 0.6 em a character; "en" is inside
    pdf = build_scan(tmp_path / "edge.pdf", lines, [(box, GREY)], ocr=ocr)
    findings, boxes = woo303(pdf)
    assert len(boxes) == 1
    assert findings == []
    # The same word wholly under the box is a leak.
    box = (72 + 11 * 0.6 * 15 - 1, 96, 260, 112)
    pdf = build_scan(tmp_path / "under.pdf", lines, [(box, GREY)], ocr=ocr)
    assert [f.text for f in woo303(pdf)[0]] == ["Pietersen"]


def test_ocr_made_after_the_redaction_is_clean(tmp_path):
    ocr = [(72, 108, "Contact:"), (250, 108, "of")]
    pdf = build_scan(tmp_path / "clean.pdf", [LINE], [(BOX, BLACK)], ocr=ocr)
    assert woo303(pdf)[0] == []


def test_cli_json_reports_and_masks_the_recovered_text(tmp_path, scan_json):
    pdf = build_scan(tmp_path / "leak.pdf", [LINE], [(BOX, BLACK)])
    code, report, _ = scan_json(str(pdf), "--select", "WOO303")
    assert report is not None
    found = [f for f in report["findings"] if f["code"] == "WOO303"]
    assert len(found) == 1
    assert "Jansen" not in str(found[0])  # personal data is masked in machine output
    assert code != 0


def test_hidden_word_under_a_box_with_a_ground_label_is_recovered(tmp_path):
    # ZyLAB style: grey box with the ground in white, but the OCR ran before the box.
    lines = [(72, 108, "Behandelaar: Pietersen-Vermeulen, kamer 12")]
    x0 = 72 + pymupdf.get_text_length("Behandelaar: ", fontname="helv", fontsize=11)
    x1 = x0 + pymupdf.get_text_length("Pietersen-Vermeulen,", fontname="helv", fontsize=11)

    def label(page):
        page.draw_rect(pymupdf.Rect(x0 - 1, 96, x1 + 1, 112), color=None, fill=GREY)
        page.insert_text(((x0 + x1) / 2 - 12, 107), "5.1.2e", fontsize=9, color=(1, 1, 1))

    pdf = build_scan(tmp_path / "zylab.pdf", lines, draw=label, ocr="before")
    findings, boxes = woo303(pdf)
    assert len(boxes) == 1
    assert len(findings) == 1 and "Pietersen" in findings[0].text
