"""WOO404: embedded files and file attachment annotations."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file


def pdf_with(path, embed=(), annot=None):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Zie bijlage.")
    for name, data in embed:
        doc.embfile_add(name, data, filename=name)
    if annot:
        name, data = annot
        page.add_file_annot((400, 100), data, name)
    doc.save(path)
    return path


def woo404(path):
    result = scan_file(str(path), Config(select=("WOO404",)))
    assert result.error is None
    return [f for f in result.findings if f.code == "WOO404"]


def test_embedded_file_is_an_error_with_name_and_size(tmp_path):
    findings = woo404(pdf_with(tmp_path / "mail.pdf", embed=[("overleg.msg", b"x" * 2048)]))
    assert len(findings) == 1
    f = findings[0]
    assert (f.severity.value, f.text, f.kind, f.page) == ("error", "overleg.msg", "FILE", None)
    assert "embedded file 1 of 1 (2 KB)" in f.message


def test_file_attachment_annotation_has_page_and_box(tmp_path):
    findings = woo404(pdf_with(tmp_path / "mail.pdf", annot=("notulen.docx", b"y" * 300)))
    assert len(findings) == 1
    f = findings[0]
    assert (f.text, f.page) == ("notulen.docx", 1)
    assert "file attachment on page 1 (300 bytes)" in f.message
    assert f.bbox is not None


def test_both_kinds_together_and_the_json_shows_a_plain_name(tmp_path, scan_json):
    path = pdf_with(tmp_path / "mail.pdf", embed=[("a.msg", b"1"), ("b.xlsx", b"22")], annot=("c.txt", b"333"))
    assert len(woo404(path)) == 3
    code, report, _ = scan_json(str(path), "--select", "WOO404")
    assert code == 1
    assert sorted(f["text"] for f in report["findings"]) == ["a.msg", "b.xlsx", "c.txt"]


def test_attachment_name_with_personal_data_is_masked(tmp_path, scan_json):
    path = pdf_with(tmp_path / "mail.pdf", embed=[("vraag van jan.devries@example.nl.msg", b"z" * 10)])
    findings = woo404(path)
    assert findings[0].kind == "EMAIL"
    assert "devries" not in findings[0].message
    _, report, _ = scan_json(str(path), "--select", "WOO404")
    assert report["findings"][0]["text"] != "vraag van jan.devries@example.nl.msg"


def test_pdf_without_attachments_has_no_woo404(tmp_path):
    assert woo404(pdf_with(tmp_path / "plain.pdf")) == []
