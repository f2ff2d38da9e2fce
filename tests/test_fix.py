"""`woocheck fix`: repaired copies of PDFs with every WOO3xx and WOO4xx fault.

The batch is built by `fix_faults.py` (invented personal data) and repaired once through
the CLI; each test then looks at the copies from one side: the re-scan, what can still be
extracted, the look of the pages, the inputs, the exit codes.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from typer.testing import CliRunner

import fix_faults
from woocheck.config import Config
from woocheck.fix.verify import REPAIRED
from woocheck.pipeline import scan_file


def run_cli(*args):
    from woocheck.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("fix")
    built = fix_faults.build_all(root / "in")
    hashes = {name: sha(path) for name, (path, _) in built.items()}
    code, out, err = run_cli("fix", root / "in", "--output-dir", root / "out")
    return {"built": built, "hashes": hashes, "code": code, "out": out, "err": err, "outdir": root / "out"}


def copy_of(batch, name) -> Path:
    return batch["outdir"] / f"{name}.pdf"


def extractable(path: Path) -> str:
    """Everything a reader of the file can get at: page text, every object and decoded
    stream (earlier revisions and left-over objects included), metadata, XMP, embedded
    files, the outline. Lower case; streams also as hex (text shown as <..> strings)."""
    doc = pymupdf.open(path)
    parts = [page.get_text() for page in doc]
    parts += [str(v) for v in (doc.metadata or {}).values()] + [doc.get_xml_metadata()]
    parts += [str(entry) for entry in doc.get_toc(simple=False)]
    for name in doc.embfile_names():
        parts.append(name + str(doc.embfile_info(name)))
        parts.append(doc.embfile_get(name).decode("latin-1"))
    for xref in range(1, doc.xref_length()):
        try:
            parts.append(doc.xref_object(xref, compressed=False))
            if doc.xref_is_stream(xref):
                parts.append((doc.xref_stream(xref) or b"").decode("latin-1"))
        except Exception:
            continue
    doc.close()
    # an incremental save keeps the earlier revision's objects in the bytes of the file
    parts.append(_inflate_all(Path(path).read_bytes()))
    return "\n".join(parts).lower()


def _inflate_all(raw: bytes) -> str:
    """Every Flate stream in the raw bytes, decoded (objects an xref no longer names)."""
    import re
    import zlib

    out = []
    for m in re.finditer(rb"stream\r?\n", raw):
        try:
            out.append(zlib.decompressobj().decompress(raw[m.end(): m.end() + 2_000_000]).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(out) + raw.decode("latin-1")


def holds(text: str, secret: str) -> bool:
    s = secret.lower()
    return s in text or secret.encode("latin-1").hex() in text or secret.encode("utf-16-be").hex() in text


# --- the CLI run -------------------------------------------------------------------------

def test_every_file_is_repaired_and_the_run_exits_zero(batch):
    assert batch["code"] == 0, batch["out"] + batch["err"]
    assert batch["err"] == ""
    for name in batch["built"]:
        assert copy_of(batch, name).exists()
        assert f"{name}.pdf -> " in batch["out"]
    assert batch["out"].count("re-scan: none of the repaired kinds of finding is left") == len(batch["built"])


def test_the_batch_holds_every_woo3xx_and_woo4xx_fault_and_the_rescan_none(batch):
    before, after = set(), set()
    for name, (path, _) in batch["built"].items():
        found = scan_file(str(path), Config()).findings
        before |= {f.code for f in found}
        still = [f for f in scan_file(str(copy_of(batch, name)), Config()).findings if f.code in REPAIRED]
        assert not still, (name, [(f.code, f.message) for f in still])
        after |= {f.code for f in still}
    assert set(REPAIRED) <= before  # the faults are really there before
    assert not after


def test_no_secret_can_be_extracted_from_the_copies(batch):
    for name, (path, secrets) in batch["built"].items():
        original, copy = extractable(path), extractable(copy_of(batch, name))
        for secret in secrets:
            assert holds(original, secret), (name, "the fault is not in the input", secret)
            assert not holds(copy, secret), (name, "still in the copy", secret)


def test_text_under_the_boxes_cannot_be_extracted_but_the_label_stays(batch):
    page = pymupdf.open(copy_of(batch, "box_over_text"))[0]
    assert "Hagendoorn" not in page.get_text()
    assert "Gebeld met" in page.get_text() and "over de planning" in page.get_text()
    labels = [w for w in page.get_text("words") if w[4] == "5.1.2e"]
    assert len(labels) == 2  # one per box with a ground in it, printed in the box
    # a letter the box's edge only grazes is no text under the box: it stays
    from woocheck.fix import letters

    assert "2024-118" not in page.get_text() and "an de afdeling." in page.get_text()
    original = pymupdf.open(batch["built"]["box_over_text"][0])[0]
    v = [k for k in letters.visible(original) if k[0] == "v" and 175 < k[2] < 185]
    assert len(v) == 1 and v[0] in letters.visible(page)  # at its own place
    # the re-scan finds both boxes again, with their ground
    result = scan_file(str(copy_of(batch, "box_over_text")), Config())
    assert sorted(str(r.ground) for r in result.redactions if r.kind == "vector") == ["5.1.2e", "5.1.2e", "None"]


def test_a_turned_page_keeps_its_boxes_and_labels_upright(batch):
    page = pymupdf.open(copy_of(batch, "box_on_turned_page"))[0]
    assert page.rotation == 90
    text = page.get_text()
    assert "Hagendoorn" not in text and "Oosterbeek" not in text and "Behandelaar: Y" in text
    labels = [line for block in page.get_text("dict")["blocks"] for line in block.get("lines", ())
              if "".join(s["text"] for s in line["spans"]) == "5.1.2e"]
    assert len(labels) == 2
    for line in labels:  # reads left to right on the page as shown
        d = pymupdf.Point(line["dir"]) * page.rotation_matrix - pymupdf.Point(0, 0) * page.rotation_matrix
        assert round(d.x) == 1 and round(d.y) == 0
    # the box is black again where it was (its colour read from the page as shown)
    result = scan_file(str(copy_of(batch, "box_on_turned_page")), Config())
    assert sorted(str(r.ground) for r in result.redactions if r.kind == "vector") == ["5.1.2e", "5.1.2e", "None"]


def test_unapplied_annotation_is_applied_with_its_label(batch):
    doc = pymupdf.open(copy_of(batch, "unapplied"))
    assert not list(doc[0].annots())
    text = doc[0].get_text()
    assert "oosterbeek" not in text.lower() and "5.1.2e" in text


def test_image_pixels_under_a_box_are_gone(batch):
    """The picture in box_over_text has a blue square under its box: the copy's image has
    no blue left inside the box; outside the box the image is as it was."""
    def blue_in(path, rect):
        pix = pymupdf.open(path)[0].get_pixmap(dpi=144, clip=rect, annots=False)
        a = np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, pix.n)[..., :3].astype(int)
        return int(((a[..., 2] > 150) & (a[..., 0] < 80)).sum())

    path, _ = batch["built"]["box_over_text"]
    doc = pymupdf.open(path)
    xref = doc[0].get_images()[0][0]
    original_pixels = pymupdf.Pixmap(doc, xref)
    copy = pymupdf.open(copy_of(batch, "box_over_text"))
    copy_pixels = pymupdf.Pixmap(copy, copy[0].get_images()[0][0])
    a = np.frombuffer(original_pixels.samples, np.uint8).reshape(original_pixels.h, original_pixels.w, -1)
    b = np.frombuffer(copy_pixels.samples, np.uint8).reshape(copy_pixels.h, copy_pixels.w, -1)
    # the box (110..150, 320..360 on a 120x80 pt picture of 60x40 px) is pixels 19..39 x 10..30
    def blue(x):
        return (x[..., 0] < 80) & (x[..., 2] > 150)

    assert blue(a[12:28, 21:37]).all()
    assert not blue(b[12:28, 21:37]).any()
    assert (a[:, :18] == b[:, :18]).all() and (a[:, 41:] == b[:, 41:]).all()
    assert blue_in(path, pymupdf.Rect(150, 320, 160, 340)) > 0  # blue still shows beside the box


def test_ocr_words_under_a_raster_box_are_gone_and_the_rest_of_the_layer_stays(batch):
    text = pymupdf.open(copy_of(batch, "ocr_under_box"))[0].get_text()
    assert "Hagendoorn" not in text and "Joris" not in text
    assert "Contact:" in text and "wijkteam" in text


def test_hidden_text_goes_and_the_visible_text_stays(batch):
    text = pymupdf.open(copy_of(batch, "hidden_text"))[0].get_text()
    assert "Oosterbeek" not in text
    assert "Behandelaar:" in text and "X" in text.split()
    text = pymupdf.open(copy_of(batch, "hidden_text_kinds"))[0].get_text()
    assert "Hagendoorn" not in text and "Oosterbeek" not in text
    assert "Besproken met" in text and "en de wethouder." in text


def test_metadata_is_cleared_but_the_configured_title_and_revisions_are_gone(batch):
    doc = pymupdf.open(copy_of(batch, "metadata_and_revision"))
    meta = doc.metadata
    assert meta["title"] == "Memo aanbesteding"
    assert not meta["author"] and not meta["subject"]
    assert not doc.get_xml_metadata()
    assert Path(copy_of(batch, "metadata_and_revision")).read_bytes().count(b"%%EOF") == 1
    assert "Opgesteld door de afdeling." in doc[0].get_text()


def test_comments_links_and_attachments(batch):
    doc = pymupdf.open(copy_of(batch, "comments_and_attachment"))
    assert not list(doc[0].annots())
    assert doc.embfile_count() == 0
    assert not any(link.get("uri", "").startswith("mailto:") for link in doc[0].get_links())


def test_outline_form_and_alt_text(batch):
    doc = pymupdf.open(copy_of(batch, "outline_form_alt"))
    assert [t[1] for t in doc.get_toc()] == ["Aanvraag", "Afspraken"]  # the plain ones stay
    assert not doc.is_form_pdf and not list(doc[0].widgets())
    # the field's value is now printed on the page, as it showed before
    assert fix_faults.NAME2 in doc[0].get_text()


# --- the look of the pages -----------------------------------------------------------------

def _pixels(page, dpi=100):
    pix = page.get_pixmap(dpi=dpi, alpha=False, colorspace=pymupdf.csRGB)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, 3).astype(int)


def _reference(path):
    """The original without what fix removes on purpose (comments, markup, attachment
    and redaction annotations): what each page must still look like outside the boxes."""
    doc = pymupdf.open(path)
    for page in doc:
        for xref in [a.xref for a in page.annots() or () if a.type[0] not in (pymupdf.PDF_ANNOT_LINK, pymupdf.PDF_ANNOT_WIDGET)]:
            annot = page.load_annot(xref)
            if annot is not None:
                page.delete_annot(annot)
    return doc


def _boxes(path) -> dict[int, list]:
    result = scan_file(str(path), Config())
    out: dict[int, list] = {}
    for r in result.redactions:
        if r.bbox and r.kind != "text-marker":
            out.setdefault(r.page, []).append(r.bbox)
    for f in result.findings:
        if f.code.startswith("WOO30") and f.bbox and f.page:
            out.setdefault(f.page, []).append(f.bbox)
    return out


def assert_same_look_outside(original: Path, copy: Path, boxes: dict[int, list], dpi=100):
    ref, new = _reference(original), pymupdf.open(copy)
    assert len(ref) == len(new)
    scale = dpi / 72
    for i in range(len(ref)):
        a, b = _pixels(ref[i], dpi), _pixels(new[i], dpi)
        assert a.shape == b.shape
        mask = np.zeros(a.shape[:2], bool)
        turn = ref[i].rotation_matrix  # boxes are in unrotated page space, renders as shown
        for box in boxes.get(i + 1, ()):
            x0, y0, x1, y1 = pymupdf.Rect(box) * turn
            mask[max(0, int((y0 - 2) * scale)): int((y1 + 2) * scale) + 1, max(0, int((x0 - 2) * scale)): int((x1 + 2) * scale) + 1] = True
        assert mask.mean() < 0.2  # the comparison covers most of the page
        diff = np.abs(a - b).max(axis=2)
        diff[mask] = 0
        assert diff.max() <= 40, (copy.name, i + 1, int(diff.max()), np.argwhere(diff > 40)[:5].tolist())


def test_page_count_and_look_outside_the_boxes_unchanged(batch):
    for name, (path, _) in batch["built"].items():
        assert_same_look_outside(path, copy_of(batch, name), _boxes(path))


def test_the_look_comparison_sees_a_change_outside_the_boxes(batch, tmp_path):
    """The comparison can fail: a mark added outside every box is seen."""
    path, _ = batch["built"]["box_over_text"]
    doc = pymupdf.open(copy_of(batch, "box_over_text"))
    doc[0].draw_rect(pymupdf.Rect(400, 500, 420, 520), color=None, fill=(0, 0, 0))
    doc.save(tmp_path / "touched.pdf")
    with pytest.raises(AssertionError):
        assert_same_look_outside(path, tmp_path / "touched.pdf", _boxes(path))


# --- inputs and outputs --------------------------------------------------------------------

def test_inputs_are_byte_identical_afterwards(batch):
    for name, (path, _) in batch["built"].items():
        assert sha(path) == batch["hashes"][name]


def test_an_existing_output_is_never_overwritten_and_the_batch_goes_on(batch, tmp_path):
    extra, _ = fix_faults.readable_data(tmp_path / "readable_data.pdf")
    before = {p.name: sha(p) for p in batch["outdir"].iterdir()}
    paths = [batch["built"]["unapplied"][0], extra]
    code, out, err = run_cli("fix", *paths, "--output-dir", batch["outdir"])
    assert code == 2
    assert err.strip().splitlines() == [f"woocheck: {paths[0]}: {batch['outdir'] / 'unapplied.pdf'} already exists, not overwritten"]
    assert "Traceback" not in out + err
    for name, digest in before.items():
        assert sha(batch["outdir"] / name) == digest
    assert (batch["outdir"] / "readable_data.pdf").exists()  # the next file was still fixed
    (batch["outdir"] / "readable_data.pdf").unlink()


def test_a_file_that_cannot_be_repaired_is_one_line_and_exit_2(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    locked = pymupdf.open()
    locked.new_page().insert_text((72, 72), "Geheim")
    locked.save(folder / "versleuteld.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    good, _ = fix_faults.unapplied(folder / "goed.pdf")
    (folder / "notitie.txt").write_text("Gesprek met de wethouder.", encoding="utf-8")
    code, out, err = run_cli("fix", folder, "--output-dir", tmp_path / "out")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("woocheck: ") for line in lines)
    assert any("kapot.pdf" in line for line in lines) and any("versleuteld.pdf" in line for line in lines)
    assert "Traceback" not in out + err
    assert (tmp_path / "out" / "goed.pdf").exists()
    assert not (tmp_path / "out" / "kapot.pdf").exists() and not (tmp_path / "out" / "versleuteld.pdf").exists()
    assert "notitie.txt" not in out + err  # a text file in a folder is no PDF to repair
    # named on the command line, it is asked for and cannot be done
    code, _, err = run_cli("fix", folder / "notitie.txt", "--output-dir", tmp_path / "out2")
    assert code == 2 and "notitie.txt: not a PDF" in err


def test_exit_1_when_the_rescan_still_finds_what_should_be_gone(tmp_path, monkeypatch):
    """A repair that does not hold is caught by the re-scan: comments left in place."""
    from woocheck.fix import sanitize

    path, _ = fix_faults.comments_and_attachment(tmp_path / "opmerkingen.pdf")
    monkeypatch.setattr(sanitize, "annotations", lambda fz: [])
    code, out, err = run_cli("fix", path, "--output-dir", tmp_path / "out")
    assert code == 1
    assert "STILL THERE (should be gone): WOO403" in out
    assert "Hagendoorn" not in out and "Oosterbeek" not in out  # messages only, no personal data


# --- --redact: the reviewer's trimmed report -------------------------------------------------

def test_redact_burns_in_the_reviewers_findings_with_their_ground(tmp_path):
    path, _ = fix_faults.readable_data(tmp_path / "brief.pdf")
    report = tmp_path / "report.json"
    code, _, _ = run_cli("scan", path, "--format", "json", "--output", report, "--timeout-per-file", "0")
    assert code == 1
    data = json.loads(report.read_text())
    codes = {f["code"] for f in data["findings"]}
    assert {"WOO101", "WOO102", "WOO103", "WOO104"} <= codes
    # the reviewer keeps the e-mail address, the phone number and the BSN; the name stays
    data["findings"] = [f for f in data["findings"] if f["code"] in ("WOO102", "WOO103", "WOO104")]
    report.write_text(json.dumps(data))
    code, out, err = run_cli("fix", path, "--redact", report, "--output-dir", tmp_path / "out")
    assert code == 0, out + err
    copy = tmp_path / "out" / "brief.pdf"
    text = pymupdf.open(copy)[0].get_text()
    assert fix_faults.BSN not in text and fix_faults.PHONE not in text and "w.oosterbeek" not in text
    assert "@voorbeeld.nl" in text  # the domain may stay: the finding marks the local part
    assert fix_faults.NAME2 in text  # not in the trimmed report: left alone
    words = [w[4] for w in pymupdf.open(copy)[0].get_text("words")]
    assert words.count("5.1.1e") == 1 and words.count("5.1.2e") == 2
    after = {f.code for f in scan_file(str(copy), Config()).findings}
    assert not after & {"WOO102", "WOO103", "WOO104"}
    assert "WOO101" in after
    assert "3 finding(s) from the report redacted" in out and "left for the reviewer" in out
    boxes = {1: [f["bbox"] for f in data["findings"]]}
    assert_same_look_outside(path, copy, boxes)
    for secret in (fix_faults.BSN, fix_faults.PHONE, "w.oosterbeek"):
        assert not holds(extractable(copy), secret)


def test_a_report_that_is_no_woocheck_report_is_a_usage_error(tmp_path):
    path, _ = fix_faults.readable_data(tmp_path / "brief.pdf")
    (tmp_path / "r.json").write_text('{"files": []}')
    code, _, err = run_cli("fix", path, "--redact", tmp_path / "r.json", "--output-dir", tmp_path / "out")
    assert code == 2 and "not a woocheck JSON report" in err
    assert not (tmp_path / "out").exists()


# --- configuration and the library ------------------------------------------------------------

def test_configured_metadata_is_kept_unless_it_holds_personal_data(tmp_path):
    from woocheck.fix import fix_paths

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Notitie")
    doc.set_metadata({"title": f"Notitie {fix_faults.NAME}", "subject": "Planning 2025", "author": "Afdeling"})
    doc.save(tmp_path / "n.pdf")
    results = fix_paths([str(tmp_path / "n.pdf")], tmp_path / "out", Config(keep_metadata=("title", "subject")))
    assert results[0].error is None and not results[0].remaining
    meta = pymupdf.open(tmp_path / "out" / "n.pdf").metadata
    assert meta["subject"] == "Planning 2025" and not meta["title"] and not meta["author"]
    assert any("holds personal data: title" in line for line in results[0].repaired)


def test_fix_keep_metadata_in_the_config_file(tmp_path):
    from woocheck.config import ConfigError, load_config

    (tmp_path / "woocheck.toml").write_text('fix-keep-metadata = ["Title", "keywords"]\n')
    assert load_config(tmp_path / "woocheck.toml").keep_metadata == ("title", "keywords")
    (tmp_path / "woocheck.toml").write_text('fix-keep-metadata = ["CreationDate"]\n')
    with pytest.raises(ConfigError):
        load_config(tmp_path / "woocheck.toml")


# --- the bundled samples -----------------------------------------------------------------------

def test_samples_are_repaired_and_look_the_same_outside_the_boxes(tmp_path):
    import shutil

    from conftest import ROOT

    src = tmp_path / "samples"
    src.mkdir()
    for p in sorted((ROOT / "samples").glob("*.pdf")):
        shutil.copy(p, src / p.name)
    scan_pdf = src / "image_only_scan_WOO101_WOO102_WOO103_WOO104.pdf"
    report = tmp_path / "scan.json"
    run_cli("scan", scan_pdf, "--format", "json", "--output", report, "--timeout-per-file", "0")
    before = {p.name: sha(p) for p in src.iterdir()}
    code, out, err = run_cli("fix", src, "--output-dir", tmp_path / "out", "--redact", report)
    assert code == 0, out + err
    assert {p.name: sha(p) for p in src.iterdir()} == before
    redacted = {1: [f["bbox"] for f in json.loads(report.read_text())["findings"] if f["bbox"]]}
    for p in sorted(src.glob("*.pdf")):
        copy = tmp_path / "out" / p.name
        boxes = _boxes(p)
        if p == scan_pdf:
            boxes = redacted
            # the scan's personal data, read by OCR from the pixels, is gone from the pixels
            assert not {f.code for f in scan_file(str(copy), Config()).findings} & {"WOO101", "WOO102", "WOO103", "WOO104"}
        assert not [f.code for f in scan_file(str(copy), Config()).findings if f.code in REPAIRED]
        assert_same_look_outside(p, copy, boxes)


def test_the_ground_label_in_a_scans_text_layer_survives_the_repair(tmp_path):
    """A grey box in a scan whose OCR layer holds a name and the ground: the name goes,
    the ground stays (as the word it was), so the copy's box still has its ground."""
    from test_raster_locate import GREY, build_scan

    # OCR words are set in a monospaced font, 6.6 pt a character at 11 pt: "Contact:"
    # runs to 124.8, and the box's edge grazes its last character
    box = (123, 96, 245, 112)
    ocr = [(72, 108, "Contact:"), (128, 108, "Hagendoorn"), (200, 108, "5.1.2e"), (260, 108, "belde")]
    lines = [(72, 108, "Contact:"), (128, 108, "Hagendoorn"), (260, 108, "belde")]
    path = build_scan(tmp_path / "scan.pdf", lines, [(box, GREY)], ocr=ocr)
    before = scan_file(str(path), Config())
    assert [r.ground for r in before.redactions if r.kind == "raster"] == ["5.1.2e"]
    assert "WOO303" in {f.code for f in before.findings}
    code, out, err = run_cli("fix", path, "--output-dir", tmp_path / "out")
    assert code == 0, out + err
    copy = tmp_path / "out" / "scan.pdf"
    words = [w[4] for w in pymupdf.open(copy)[0].get_text("words")]
    assert "Hagendoorn" not in words and "5.1.2e" in words and "belde" in words
    assert "Contact" in words  # its ":" the box's edge grazed is gone from the (invisible) layer
    after = scan_file(str(copy), Config())
    assert [r.ground for r in after.redactions if r.kind == "raster"] == ["5.1.2e"]
    assert not {f.code for f in after.findings} & {"WOO303", "WOO201"}


def test_a_word_across_a_scans_box_edge_gets_back_only_what_lies_outside(tmp_path):
    """An e-mail address whose local part a grey box covers: the domain stays readable,
    the local part does not come back with it."""
    from test_raster_locate import GREY, build_scan

    ocr = [(72, 108, "Mail:"), (110, 108, "h.hagendoorn@voorbeeld.nl"), (290, 108, "graag")]
    # 6.6 pt a character: the local part "h.hagendoorn" runs 110-189.2, "@" to 195.8
    box = (108, 96, 190, 112)
    path = build_scan(tmp_path / "mail.pdf", [(72, 108, "Mail:")], [(box, GREY)], ocr=ocr)
    code, out, err = run_cli("fix", path, "--output-dir", tmp_path / "out")
    text = pymupdf.open(tmp_path / "out" / "mail.pdf")[0].get_text()
    assert "hagendoorn" not in text
    assert "voorbeeld.nl" in text
    assert code == 0, out + err


def test_a_config_that_ignores_a_code_for_scans_does_not_stop_its_repair(tmp_path):
    # woocheck.toml tells `scan` to skip WOO304; `fix` must still plan and check it again,
    # or it would leave the hidden name in and call the copy clean.
    src = tmp_path / "in"
    src.mkdir()
    path, _ = fix_faults.hidden_text(src / "hidden.pdf")
    (src / "woocheck.toml").write_text('ignore = ["WOO304"]\n')
    code, out, err = run_cli("fix", path, "--output-dir", tmp_path / "out")
    assert code == 0, out + err
    assert "Oosterbeek" not in pymupdf.open(tmp_path / "out" / path.name)[0].get_text()
