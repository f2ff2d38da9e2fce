"""WOO101-WOO107 end to end: findings from built PDFs and text files through scan_file."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from woocheck.config import Config
from woocheck.model import Severity
from woocheck.pipeline import scan_file

LETTER = [
    "Van: Jansen, Karin <k.jansen@minbzk.nl>",
    "Aan: woo@minbzk.nl",
    "Beste Karin,",
    "Mijn BSN is 111222333 en mijn rekening NL91 ABNA 0417 1643 00.",
    "Bel 06-12345678. Ik woon Kerkstraat 12, 1234 AB Utrecht, geboren op 12-03-1980.",
    "De auto met kenteken 12-BDF-3 staat voor.",
    "minister mw. M. Faber (AenM) was aanwezig.",
]


def _pdf(tmp_path, lines):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((50, 60 + 20 * i), line, fontsize=9)
    path = tmp_path / "letter.pdf"
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def pdf_result(tmp_path_factory):
    return scan_file(str(_pdf(tmp_path_factory.mktemp("pdf"), LETTER)), Config(select=("WOO1",)))


def test_each_entity_gets_its_code(pdf_result):
    codes = sorted({f.code for f in pdf_result.findings})
    assert codes == ["WOO101", "WOO102", "WOO103", "WOO104", "WOO105", "WOO106", "WOO107"]


def test_public_office_holder_and_functional_mailbox_are_not_reported(pdf_result):
    texts = [f.text for f in pdf_result.findings]
    assert not any("Faber" in t for t in texts)
    assert not any(t.startswith("woo@") for t in texts)


def test_messages_name_a_ground_never_the_data(pdf_result):
    for f in pdf_result.findings:
        assert "redact under 5.1." in f.message
        assert f.text and f.text not in f.message
        for word in ("Jansen", "Karin", "111222333", "06-12345678", "Kerkstraat"):
            assert word not in f.message


def test_bsn_cites_the_absolute_ground(pdf_result):
    bsn = [f for f in pdf_result.findings if f.code == "WOO104"]
    assert len(bsn) == 1 and "5.1.1e" in bsn[0].message and bsn[0].kind == "BSN"


def test_findings_carry_page_span_and_a_box_on_the_words(pdf_result):
    for f in pdf_result.findings:
        assert f.page == 1 and f.span is not None and f.bbox is not None
        x0, y0, x1, y1 = f.bbox
        assert 40 <= x0 < x1 <= 560 and 40 <= y0 < y1 <= 220


def test_email_box_covers_the_local_part_only(pdf_result):
    mail = next(f for f in pdf_result.findings if f.code == "WOO102")
    name = next(f for f in pdf_result.findings if f.code == "WOO101" and f.text == "Jansen, Karin")
    assert mail.text == "k.jansen@minbzk.nl"
    # same line, to the right of the name, and narrower than the full address would be
    assert mail.bbox[0] > name.bbox[2] and abs(mail.bbox[1] - name.bbox[1]) < 2
    full_width = len("<k.jansen@minbzk.nl>") * 9 * 0.45
    assert mail.bbox[2] - mail.bbox[0] < full_width


def test_severities(pdf_result):
    by_code = {f.code: f.severity for f in pdf_result.findings}
    assert by_code["WOO107"] == Severity.WARNING
    assert all(by_code[c] == Severity.ERROR for c in ("WOO102", "WOO103", "WOO104", "WOO105", "WOO106"))


def test_lone_surname_is_a_warning(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("Het voorstel kwam van collega Bakker zelf.\n", "utf-8")
    found = [f for f in scan_file(str(path), Config(select=("WOO101",))).findings]
    assert [(f.text, f.severity) for f in found] == [("Bakker", Severity.WARNING)]


def test_text_file_findings_have_lines(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text("\n".join(LETTER) + "\n", "utf-8")
    found = {f.code: f.line for f in scan_file(str(path), Config(select=("WOO1",))).findings}
    assert found["WOO104"] == 4 and found["WOO107"] == 6


def test_cli_json_masks_the_data(tmp_path, scan_json):
    path = tmp_path / "mail.txt"
    path.write_text("\n".join(LETTER) + "\n", "utf-8")
    code, report, _ = scan_json(str(path), "--select", "WOO1")
    assert code == 1  # errors found
    assert {f["code"] for f in report["findings"]} >= {"WOO101", "WOO104"}
    dumped = json.dumps(report)
    assert "111222333" not in dumped and "k.jansen@" not in dumped


def test_import_is_cheap():
    code = "import sys, woocheck.pii, woocheck.checks.woo101; print('presidio_analyzer' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_text_under_a_redaction_box_is_left_to_the_woo3xx_checks(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((50, 80), "Gesprek met dhr. P. Zandbergen over de planning.", fontsize=11)
    page.insert_text((50, 110), "Ook dhr. K. Bosma was aanwezig.", fontsize=11)
    hit = page.search_for("P. Zandbergen")[0]
    page.draw_rect(hit, color=(0, 0, 0), fill=(0, 0, 0))  # a box over live text
    path = tmp_path / "box.pdf"
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO1",)))
    assert [f.text for f in result.findings if f.code == "WOO101"] == ["K. Bosma"]
