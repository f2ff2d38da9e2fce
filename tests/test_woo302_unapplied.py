"""WOO302: a Redact annotation that was never applied leaves the content in the file."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file

SECRET = "Jan Jansen"


def _marked(tmp_path, apply: bool):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Gesprek met {SECRET} over de aanvraag", fontsize=12)
    page.add_redact_annot(page.search_for(SECRET)[0], fill=(0, 0, 0))
    if apply:
        page.apply_redactions()
    path = tmp_path / "r.pdf"
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO3",)))
    assert result.error is None, result.error
    return result


def test_pending_redaction_mark_is_woo302_with_the_text_under_it(tmp_path):
    result = _marked(tmp_path, apply=False)
    assert [f.code for f in result.findings] == ["WOO302"]
    finding = result.findings[0]
    assert finding.text == SECRET and finding.kind == "RECOVERED"
    assert SECRET not in finding.message and finding.page == 1 and finding.bbox
    (red,) = result.redactions
    assert red.kind == "annotation" and "not applied" in red.detail


def test_applied_redaction_leaves_a_clean_box(tmp_path):
    result = _marked(tmp_path, apply=True)
    assert not result.findings
    (red,) = result.redactions
    assert red.kind == "vector" and red.covered_text == ""


def test_pending_mark_over_empty_space_is_still_reported(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Gesprek", fontsize=12)
    page.add_redact_annot((300, 300, 400, 320))
    path = tmp_path / "e.pdf"
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO302",)))
    assert [f.code for f in result.findings] == ["WOO302"]
    assert "still in the file" in result.findings[0].message
