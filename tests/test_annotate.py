"""`scan --annotate DIR`: each finding drawn on a copy of its PDF, where it is; inputs untouched."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest

from woocheck.annotate import AnnotateError, annotate_pdf
from woocheck.config import Config
from woocheck.pipeline import scan_file

# Invented people and numbers.
LEAK = "Opgesteld door Maarten Hoogeveen, bereikbaar op 06-38291745."
UNDER_BOX = "Behandelaar: Sietske Brouwershaven"


def _letter(path: Path, rotate: int = 0, author: str = "") -> Path:
    """One page: a readable name and phone (WOO101, WOO103), a black box over live text
    with a ground beside it (WOO301), a box with no ground (WOO201), and a Wob code in a
    2024 document (WOO203)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = ["Besluit op Woo-verzoek", "Datum: 3 april 2024", "", LEAK, UNDER_BOX,
             "Het advies van Reinier Klaassen volgt.", "De stukken van Hester Wolterink zijn bijgevoegd."]
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 18 * i), line, fontsize=11, fontname="helv")
    for words, label in (("Sietske Brouwershaven", "5.1.2e"), ("Reinier Klaassen", None), ("Hester Wolterink", "10.2e")):
        r = page.search_for(words)[0]
        if words != "Sietske Brouwershaven":  # the other boxes are real: the text goes
            page.add_redact_annot(r)
            page.apply_redactions()
        page.draw_rect(r + (-1, -1, 1, 1), color=None, fill=(0, 0, 0))
        if label:
            page.insert_text((r.x1 + 3, r.y1 - 2), label, fontsize=7, fontname="helv")
    if author:
        doc.set_metadata({"author": author})
    if rotate:
        page.set_rotation(rotate)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path, garbage=3)
    return path


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _annots(path: Path) -> list[tuple[int, str, tuple, str]]:
    with pymupdf.open(path) as doc:
        return [(p.number + 1, a.type[1], tuple(a.rect), a.info["content"]) for p in doc for a in p.annots()
                if a.info["title"] == "woocheck"]


def _check_drawn(copy: Path, findings: list[dict]) -> None:
    """Every finding with a box has an annotation of its family's kind over that box, whose
    note starts with its code and message; every other finding is in a page-1 note."""
    annots = _annots(copy)
    for f in findings:
        head = f"{f['code']} ({f['severity']}): {f['message']}"
        if f["bbox"] and f["code"][:4] in ("WOO1", "WOO2", "WOO3"):
            kind = "Square" if f["code"].startswith("WOO2") else "Highlight"
            hits = [a for a in annots if a[0] == f["page"] and a[1] == kind and a[3].startswith(head) and _overlap(a[2], f["bbox"])]
            assert hits, f"no {kind} over {f['code']} at {f['bbox']} on page {f['page']}: {annots}"
        else:
            assert any(a[0] == 1 and a[1] == "Text" and head in a[3] for a in annots), f"{f['code']} not in a page-1 note"


def test_cli_annotates_every_pdf_of_a_folder_keeps_subfolders_and_leaves_inputs_alone(cli, tmp_path):
    src = tmp_path / "in"
    _letter(src / "besluit.pdf", author="Gerrit Vlasblom")
    _letter(src / "bijlagen" / "bijlage 1.pdf", rotate=90)
    (src / "notitie.txt").write_text("Mail van Maarten Hoogeveen, 06-38291745.\n", encoding="utf-8")
    before = _digest(src)
    out, report = tmp_path / "copies", tmp_path / "report.json"
    code, _, err = cli("scan", src, "--annotate", out, "--format", "json", "--output", report, "--timeout-per-file", "0")
    assert code == 1, err
    assert f"2 annotated PDF copies in {out}" in err
    assert _digest(src) == before  # inputs byte-identical
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == ["besluit.pdf", "bijlagen/bijlage 1.pdf"]
    findings = json.loads(report.read_text())["findings"]
    codes = {f["code"] for f in findings if f["path"].endswith("besluit.pdf")}
    assert {"WOO101", "WOO103", "WOO201", "WOO203", "WOO301", "WOO401"} <= codes, codes  # the test covers each kind
    for name in ("besluit.pdf", "bijlagen/bijlage 1.pdf"):
        _check_drawn(out / name, [f for f in findings if f["path"] == str(src / name)])
    # The notes hold the masked text the JSON report holds, never the text itself.
    notes = " ".join(a[3] for a in _annots(out / "besluit.pdf"))
    for secret in ("Hoogeveen", "38291745", "Brouwershaven", "Vlasblom"):
        assert secret not in notes
    assert all(f["text"] in notes for f in findings if f["path"].endswith("besluit.pdf") and f["text"])


def test_copy_keeps_the_input_bytes_and_appends_the_annotations(tmp_path):
    path = _letter(tmp_path / "a.pdf")
    result = scan_file(str(path), Config())
    annotate_pdf(str(path), str(tmp_path / "out" / "a.pdf"), list(result.findings), result.redactions)
    original, copy = path.read_bytes(), (tmp_path / "out" / "a.pdf").read_bytes()
    assert copy.startswith(original) and len(copy) > len(original)


def test_show_personal_data_puts_the_text_in_the_notes(tmp_path):
    path = _letter(tmp_path / "a.pdf")
    result = scan_file(str(path), Config())
    for show, expect in ((False, False), (True, True)):
        dst = tmp_path / f"out-{show}" / "a.pdf"
        n = annotate_pdf(str(path), str(dst), list(result.findings), result.redactions, show_personal_data=show)
        assert n >= len([f for f in result.findings if f.bbox])
        notes = " ".join(a[3] for a in _annots(dst))
        assert ("Maarten Hoogeveen" in notes) is expect


def test_suggested_ground_comes_from_the_message_or_the_box(tmp_path):
    path = _letter(tmp_path / "a.pdf")
    result = scan_file(str(path), Config())
    dst = tmp_path / "out" / "a.pdf"
    annotate_pdf(str(path), str(dst), list(result.findings), result.redactions)
    notes = {a[3].split(" ", 1)[0]: a[3] for a in _annots(dst)}
    assert notes["WOO101"].endswith("Suggested ground: 5.1.2e")  # "redact under 5.1.2e"
    assert notes["WOO301"].endswith("Suggested ground: 5.1.2e")  # the label beside its box
    assert notes["WOO203"].endswith("Suggested ground: 5.1.2e")  # "the Woo successor is 5.1.2e"
    assert notes["WOO201"].endswith("Suggested ground: -")


def test_the_copy_never_overwrites_its_input(cli, tmp_path):
    path = _letter(tmp_path / "a.pdf")
    before = path.read_bytes()
    with pytest.raises(AnnotateError):
        annotate_pdf(str(path), str(path), [], ())
    code, _, err = cli("scan", path, "--annotate", tmp_path, "--timeout-per-file", "0")
    assert code == 2 and "overwrite its input" in err
    assert path.read_bytes() == before


def test_a_finding_read_by_ocr_says_so_in_its_note():
    from woocheck.annotate import note_text
    from woocheck.model import Finding, Severity

    f = Finding("WOO103", Severity.ERROR, "phone number left readable; redact under 5.1.2e", "a.pdf", 1,
                (10, 10, 50, 20), text="06-38291745", kind="PHONE")
    for source, said in (("file", False), ("ocr", True)):
        note = note_text(replace(f, source=source), "5.1.2e", False)
        assert ("(read by OCR)" in note) is said and "38291745" not in note


PDFTOPPM = shutil.which("pdftoppm")


def _poppler(path: Path, out: Path) -> pymupdf.Pixmap:
    """Page 1 as poppler (Okular's engine) renders it, at 72 dpi: pixels are points."""
    subprocess.run([PDFTOPPM, "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", str(path), str(out)], check=True, timeout=60)
    return pymupdf.Pixmap(str(out) + ".png")


@pytest.mark.skipif(not PDFTOPPM, reason="poppler-utils not installed")
def test_poppler_shows_the_highlights_and_frames_where_the_findings_are(tmp_path):
    path = _letter(tmp_path / "a.pdf")
    result = scan_file(str(path), Config())
    dst = tmp_path / "out" / "a.pdf"
    annotate_pdf(str(path), str(dst), list(result.findings), result.redactions)
    before, after = _poppler(path, tmp_path / "before"), _poppler(dst, tmp_path / "after")

    def yellow(pix, b):
        return sum(1 for x in range(int(b[0]) + 1, int(b[2]) - 1) for y in range(int(b[1]) + 1, int(b[3]) - 1)
                   if (lambda p: p[0] > 200 and p[1] > 170 and p[2] < 120)(pix.pixel(x, y)))

    def red_frame(pix, b):  # the frame runs 2 pt outside the box
        edge = [(x, int(b[1]) - 2) for x in range(int(b[0]), int(b[2]))] + [(int(b[0]) - 2, y) for y in range(int(b[1]), int(b[3]))]
        return sum(1 for x, y in edge if (lambda p: p[0] > 150 and p[1] < 80 and p[2] < 80)(pix.pixel(x, y)))

    highlighted = [f for f in result.findings if f.code.startswith("WOO1") and f.bbox]
    framed = [f for f in result.findings if f.code.startswith("WOO2") and f.bbox]
    assert highlighted and framed
    for f in highlighted:
        assert yellow(before, f.bbox) == 0 and yellow(after, f.bbox) > 20, f.code
    for f in framed:
        assert red_frame(before, f.bbox) == 0 and red_frame(after, f.bbox) > 20, f.code


def test_document_level_findings_of_each_family_get_their_own_page_1_note(tmp_path):
    """WOO4xx and WOO5xx (batch and decision) have no box: one note per family, in its colour."""
    from woocheck.annotate import COLOURS
    from woocheck.model import Finding, Severity

    path = _letter(tmp_path / "a.pdf")
    findings = [Finding("WOO501", Severity.ERROR, "listed in the inventory but not in the batch", str(path)),
                Finding("WOO401", Severity.ERROR, "a person's name in metadata Author", str(path), text="Gerrit Vlasblom", kind="PERSON")]
    dst = tmp_path / "out" / "a.pdf"
    assert annotate_pdf(str(path), str(dst), findings) == 2
    with pymupdf.open(dst) as doc:
        notes = {a.info["subject"]: a for a in doc[0].annots() if a.type[1] == "Text"}
        assert set(notes) == {"WOO4xx", "WOO5xx"}
        for fam, note in notes.items():
            assert note.colors["stroke"] == pytest.approx(COLOURS[fam], abs=0.01)
        assert "WOO501 (error): listed in the inventory" in notes["WOO5xx"].info["content"]
        assert "G***** V*******" in notes["WOO4xx"].info["content"] and "Vlasblom" not in notes["WOO4xx"].info["content"]
