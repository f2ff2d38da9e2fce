"""OCR of pages without (all of) their text layer, and never a silent pass without it.

The PDFs are built here: invented text rendered to a 200 dpi greyscale JPEG (as a copier
scans) and put on a page as its only content. Tests that need Tesseract's Dutch data skip
where it is not installed; CI installs it (README's test command), so there they run.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from conftest import ROOT
from woocheck.ingest import ocr

# Invented: a civil servant, her mailbox, a mobile number, an 11-proof BSN.
LINES = [
    "Van: Joëlle van Buuren <joelle.vanbuuren@minvws.nl>",
    "Aan: Directie Publieke Gezondheid",
    "Datum: 3 april 2025",
    "",
    "Bel mij op 06-48213957 als er vragen zijn over het dossier.",
    "Het BSN van de aanvrager is 725763863.",
    "",
    "Met vriendelijke groet,",
    "Joëlle van Buuren",
]
LEAK_CODES = {"WOO101", "WOO102", "WOO103", "WOO104"}

needs_engine = pytest.mark.skipif(ocr.engine() is None, reason=f"no Tesseract Dutch data ({ocr.INSTALL_HINT})")


def _render(lines: list[str], font: str = "helv") -> bytes:
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 18 * i), line, fontsize=11, fontname=font)
    return page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=80)


def scanned_pdf(path: Path, lines: list[str] = LINES, stamp: str = "", layer: bool = False, font: str = "helv") -> Path:
    """An image-only page; `stamp`: a visible line of text put on it (a portal's page
    number), `layer`: an invisible OCR layer holding all the lines."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(page.rect, stream=_render(lines, font))
    if stamp:
        page.insert_text((450, 820), stamp, fontsize=8, fontname="helv")
    if layer:
        for i, line in enumerate(lines):
            page.insert_text((72, 72 + 18 * i), line, fontsize=11, fontname="helv", render_mode=3)
    doc.save(path)
    return path


def born_digital_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(LINES):
        page.insert_text((72, 72 + 18 * i), line, fontsize=11, fontname="helv")
    doc.save(path)
    return path


@pytest.fixture
def ocr_calls(monkeypatch):
    """Every page woocheck OCRs, counted (the real OCR still runs)."""
    calls = []
    real = ocr.read

    def counted(fz_page, eng, *args, **kwargs):
        calls.append(fz_page.number + 1)
        return real(fz_page, eng, *args, **kwargs)

    monkeypatch.setattr(ocr, "read", counted)
    return calls


@needs_engine
@pytest.mark.parametrize("font", ["helv", "tiro"])  # a serif face: OCR splits its e-mail addresses
def test_image_only_page_leaks_are_found_and_marked_as_ocr(scan_json, tmp_path, ocr_calls, font):
    code, report, err = scan_json(scanned_pdf(tmp_path / "scan.pdf", font=font))
    assert code == 1, err
    assert report["files"][0]["error"] is None
    found = {f["code"] for f in report["findings"]}
    assert LEAK_CODES <= found, report["findings"]
    assert all(f["source"] == "ocr" for f in report["findings"] if f["code"] in LEAK_CODES)
    assert ocr_calls == [1]


@needs_engine
def test_terminal_report_says_a_finding_was_read_by_ocr(cli, tmp_path):
    code, out, _ = cli("scan", scanned_pdf(tmp_path / "scan.pdf"), "--timeout-per-file", "0")
    assert code == 1
    assert "WOO104" in out and "(read by OCR)" in out


@needs_engine
def test_an_image_page_with_only_a_stamp_in_its_text_layer_is_ocrd(scan_json, tmp_path, ocr_calls):
    """A portal's page number printed over a scan is a text layer that covers next to
    nothing of what the page shows."""
    code, report, _ = scan_json(scanned_pdf(tmp_path / "scan.pdf", stamp="Pagina 1 van 1"))
    assert ocr_calls == [1]
    found = {f["code"] for f in report["findings"] if f["source"] == "ocr"}
    assert LEAK_CODES <= found


def test_born_digital_page_is_not_ocrd(scan_json, tmp_path, ocr_calls):
    code, report, _ = scan_json(born_digital_pdf(tmp_path / "digital.pdf"))
    assert ocr_calls == []
    assert LEAK_CODES <= {f["code"] for f in report["findings"]}
    assert {f["source"] for f in report["findings"]} == {"file"}


def test_scan_with_a_complete_ocr_layer_is_not_ocrd_again(scan_json, tmp_path, ocr_calls):
    code, report, _ = scan_json(scanned_pdf(tmp_path / "scan.pdf", layer=True))
    assert ocr_calls == []
    assert report["files"][0]["error"] is None
    assert LEAK_CODES <= {f["code"] for f in report["findings"] if f["source"] == "file"}


@pytest.mark.parametrize("how", ["WOOCHECK_OCR=off", "empty TESSDATA_PREFIX"])
def test_without_an_engine_an_image_only_page_exits_2_with_one_line(cli, tmp_path, monkeypatch, how):
    if how == "WOOCHECK_OCR=off":
        monkeypatch.setenv("WOOCHECK_OCR", "off")
    else:
        (tmp_path / "empty").mkdir()
        monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "empty"))
    scan = scanned_pdf(tmp_path / "scan.pdf")
    digital = born_digital_pdf(tmp_path / "digital.pdf")
    code, out, err = cli("scan", scan, digital, "--format", "json", "--timeout-per-file", "0")
    assert code == 2
    lines = [line for line in err.splitlines() if "scan.pdf" in line]
    assert lines == [f"woocheck: {scan}: not fully checked: page 1 has no text layer and no OCR engine is installed"]
    assert err.count(ocr.INSTALL_HINT) == 1
    assert "Traceback" not in err
    assert any(f["path"] == str(digital) for f in json.loads(out)["findings"])  # the batch went on


def test_the_install_hint_is_in_the_terminal_summary_once_for_many_files(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("WOOCHECK_OCR", "off")
    paths = [scanned_pdf(tmp_path / f"scan{i}.pdf") for i in range(3)]
    code, out, err = cli("scan", *paths, "--timeout-per-file", "0")
    assert code == 2
    assert out.count(ocr.INSTALL_HINT) == 1 and ocr.INSTALL_HINT not in err


def test_an_ocr_failure_is_one_line_and_the_batch_goes_on(cli, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("tesseract said no")

    monkeypatch.setattr(ocr, "read", broken)
    monkeypatch.setattr(ocr, "engine", lambda: ocr.Engine("/nowhere", "nld"))
    scan = scanned_pdf(tmp_path / "scan.pdf")
    digital = born_digital_pdf(tmp_path / "digital.pdf")
    code, out, err = cli("scan", scan, digital, "--timeout-per-file", "0")
    assert code == 2
    assert f"woocheck: {scan}: not fully checked: page 1: OCR failed (RuntimeError: tesseract said no)" in err.splitlines()
    assert "Traceback" not in err
    assert "digital.pdf" in out and "WOO104" in out


def test_engine_lookup_follows_tessdata_prefix(tmp_path, monkeypatch):
    monkeypatch.delenv("WOOCHECK_OCR", raising=False)
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    assert ocr.engine() is None
    (tmp_path / "nld.traineddata").write_bytes(b"")
    assert (ocr.engine().tessdata, ocr.engine().language) == (str(tmp_path), "nld")
    (tmp_path / "eng.traineddata").write_bytes(b"")
    assert (ocr.engine().tessdata, ocr.engine().language) == (str(tmp_path), "nld+eng")
    monkeypatch.setenv("WOOCHECK_OCR", "mupdf")  # PyMuPDF's built-in Tesseract, not the program
    assert ocr.engine().binary is None


@needs_engine
@pytest.mark.skipif(ocr.engine() is None or ocr.engine().binary is None, reason="no tesseract program")
@pytest.mark.parametrize("rotation", [0, 90])
def test_the_tesseract_program_reads_what_the_built_in_one_reads_in_page_space(tmp_path, rotation):
    """Both engines' word boxes land on the same words of the unrotated page. The program
    reads a page shown turned as well (the built-in one reads it as junk, so rotation 90 is
    compared with the program's own reading of the unturned page)."""
    doc = pymupdf.open(scanned_pdf(tmp_path / "scan.pdf"))
    eng = ocr.engine()
    built_in, program = {}, {}
    for b, t, _ in ocr.read(doc[0], ocr.Engine(eng.tessdata, eng.language, None)):
        built_in.setdefault(t, b)
    doc[0].set_rotation(rotation)
    for b, t, _ in ocr.read(doc[0], eng):
        program.setdefault(t, b)
    for word in ("Joëlle", "725763863.", "06-48213957"):
        assert word in program, program.keys()
        assert all(abs(a - b) < 3 for a, b in zip(program[word], built_in[word])), (word, program[word], built_in[word])


@needs_engine
@pytest.mark.parametrize("per_page, timed_out", [(120, False), (0, True)])
def test_a_files_time_grows_with_the_pages_it_ocrs(tmp_path, per_page, timed_out):
    """Three dense image-only pages take longer than --timeout-per-file 2 to OCR; with
    the allowance per OCR'd page the file is checked, without it it times out (exit 2)."""
    lines = [f"Regel {i}: Joëlle van Buuren belt 06-48213957 over dossier {i} en de bijlagen." for i in range(40)]
    doc = pymupdf.open()
    for _ in range(3):
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=_render(lines))
    doc.save(tmp_path / "long.pdf")
    proc = subprocess.run(
        [sys.executable, "-m", "woocheck.cli", "scan", str(tmp_path / "long.pdf"), "--format", "json",
         "--timeout-per-file", "2", "--timeout-per-ocr-page", str(per_page), "--select", "WOO103"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    report = json.loads(proc.stdout)
    error = report["files"][0]["error"] or ""
    if timed_out:
        assert proc.returncode == 2 and "timed out after" in error
    else:
        assert error == "" and proc.returncode == 1, proc.stderr
        assert {f["page"] for f in report["findings"] if f["code"] == "WOO103"} == {1, 2, 3}


@needs_engine
def test_ocr_runs_inside_the_worker_pool(tmp_path):
    """Through the installed entry point with two workers, as a batch runs."""
    for i in range(2):
        scanned_pdf(tmp_path / f"scan{i}.pdf")
    proc = subprocess.run(
        [sys.executable, "-m", "woocheck.cli", "scan", str(tmp_path), "--format", "json", "--jobs", "2"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    report = json.loads(proc.stdout)
    assert proc.returncode == 1, proc.stderr
    for i in range(2):
        mine = [f for f in report["findings"] if f["path"].endswith(f"scan{i}.pdf")]
        assert LEAK_CODES <= {f["code"] for f in mine if f["source"] == "ocr"}
