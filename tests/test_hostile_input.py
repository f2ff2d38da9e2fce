"""Broken and hostile files: one clear line each, exit 2, the batch goes on, input unchanged."""
from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path

import pymupdf

from woocheck.batch import run_batch
from woocheck.config import Config


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else ""


def _good_pdf(path: Path, text: str = "Behandeld door [REDACTED].") -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    doc.save(path)
    return path


def _raw_pdf(path: Path, objects: list[bytes], root: int = 1) -> Path:
    """Write a PDF by hand (with a correct xref) for structures pymupdf will not produce."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def build_hostile(folder: Path) -> dict[str, str]:
    """Every hostile case as a file; returns name -> a word the error line must contain."""
    cases = {}
    (folder / "empty.pdf").write_bytes(b"")
    cases["empty.pdf"] = "empty"
    good = _good_pdf(folder / "source.pdf").read_bytes()
    (folder / "source.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 3])
    cases["truncated.pdf"] = ""
    (folder / "not_a_pdf.pdf").write_bytes(b"PK\x03\x04 this is a zip file, not a pdf" * 10)
    cases["not_a_pdf.pdf"] = "not a PDF"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "geheim")
    doc.save(folder / "encrypted.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    cases["encrypted.pdf"] = "encrypted"
    _raw_pdf(folder / "zero_pages.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    cases["zero_pages.pdf"] = "no pages"
    # Cyclic page tree: the Pages node lists itself as a kid.
    _raw_pdf(folder / "cyclic.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    cases["cyclic.pdf"] = ""
    # Text that is not UTF-8 is read as Windows-1252 when it can be (tests/test_text_encodings.py);
    # what has NUL bytes or control bytes is binary and cannot be checked.
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    cases["binary.txt"] = "binary content"
    (folder / "empty.txt").write_bytes(b"")
    cases["empty.txt"] = "empty"
    return cases


def test_each_hostile_file_gets_one_line_and_the_batch_goes_on(cli, tmp_path):
    cases = build_hostile(tmp_path)
    good = _good_pdf(tmp_path / "good.pdf")
    before = {p.name: _sha(p) for p in tmp_path.iterdir()}
    out = tmp_path.parent / "hostile-report.json"
    code, _, err = cli("scan", tmp_path, "--format", "json", "--output", out, "--timeout-per-file", "60")
    assert code == 2
    assert "Traceback" not in err
    import json

    report = json.loads(out.read_text())
    errors = {Path(f["path"]).name: f["error"] for f in report["files"]}
    for name, word in cases.items():
        if name == "cyclic.pdf" and errors.get(name) is None:
            continue  # mupdf repairs the cycle into a readable (empty) document: fine, no crash
        assert errors.get(name), f"{name} passed as readable"
        assert "\n" not in errors[name]
        assert word.lower() in errors[name].lower(), (name, errors[name])
        assert sum(1 for line in err.splitlines() if name in line) == 1, f"{name}: not exactly one line"
    assert errors["good.pdf"] is None
    assert any(f["path"].endswith("good.pdf") for f in report["findings"])  # still scanned
    after = {p.name: _sha(p) for p in tmp_path.iterdir()}
    assert before == after, "an input file was modified"


def test_symlink_loop_is_walked_once(tmp_path):
    from woocheck.pipeline import expand_paths

    (tmp_path / "a").mkdir()
    _good_pdf(tmp_path / "a" / "doc.pdf")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = [p for p, e in expand_paths([str(tmp_path)])]
    assert len(found) == 1


def test_huge_and_heavy_files_finish_without_crashing(tmp_path):
    """A 100 MB file, a page with 50,000 drawings and a decompression bomb."""
    big = tmp_path / "huge.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(100 * 1024 * 1024)
    ops = b"".join(b"%d %d 2 2 re f\n" % (i % 500, (i // 500) % 700) for i in range(50_000))
    _raw_pdf(tmp_path / "drawings.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(ops),
    ])
    _raw_pdf(tmp_path / "bomb.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(b" " * (300 * 1024 * 1024), compress=True),
    ])
    assert (tmp_path / "bomb.pdf").stat().st_size < 2 * 1024 * 1024
    paths = [str(tmp_path / n) for n in ("huge.pdf", "drawings.pdf", "bomb.pdf")]
    results = {Path(r.path).name: r for r in run_batch(paths, Config(), jobs=2, timeout=120, memory_mb=2048)}
    assert set(results) == {"huge.pdf", "drawings.pdf", "bomb.pdf"}
    assert results["huge.pdf"].error  # zeros after a header: not a readable PDF
    # Too many drawings to inspect path by path: reported, never passed as clean.
    assert "drawing commands" in results["drawings.pdf"].error
    for r in results.values():
        assert r.error is None or ("Traceback" not in r.error and "\n" not in r.error)


def test_a_real_100_mb_pdf_is_checked_in_full(cli, tmp_path):
    """Not only a header and zeros: a readable 100 MB PDF (a page and a large attachment,
    as a dossier with measurement data has) is checked, not refused, and left unchanged."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Bijlage: zie het ingesloten bestand.")
    doc.embfile_add("meetgegevens.bin", os.urandom(100 * 1024 * 1024), filename="meetgegevens.bin")
    big = tmp_path / "dossier.pdf"
    doc.save(big)
    assert big.stat().st_size > 100 * 1024 * 1024
    before = _sha(big)
    out = tmp_path.parent / "big-report.json"
    code, _, err = cli("scan", big, "--format", "json", "--output", out)
    import json

    report = json.loads(out.read_text())
    assert report["files"][0]["error"] is None, err
    assert [f["code"] for f in report["findings"]] == ["WOO404"]  # the attachment, found
    assert code == 1
    assert _sha(big) == before


def test_words_millions_of_points_wide_do_not_exhaust_the_worker(tmp_path):
    """A damaged content stream that sets a huge character spacing (Tc) spreads each word
    over millions of points; the spatial index once listed every 64-point cell such a box
    covers, ran out of memory and time, and the file came back "timed out". Found by
    mutating the x-ray suite."""
    lines = b"".join(b"BT /F1 10 Tf 10000000 Tc 72 %d Td (Jan de Vries belde over de regeling) Tj ET\n" % (800 - 12 * i) for i in range(40))
    lines += b"1 1 1 rg BT /F1 10 Tf 72 20 Td (tekst in wit) Tj ET\n"  # hidden text: WOO304 indexes the words
    _raw_pdf(tmp_path / "spread.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(lines),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
    (r,) = run_batch([str(tmp_path / "spread.pdf")], Config(), jobs=1, timeout=60, memory_mb=2048)
    assert r.error is None, r.error
    assert "WOO304" in {f.code for f in r.findings}  # the glyphs are off the page: hidden text


def test_deeply_nested_objects_do_not_crash(tmp_path):
    """A page whose resources nest 5,000 arrays deep, and an Info dictionary likewise."""
    deep = b"[" * 5000 + b"]" * 5000
    _raw_pdf(tmp_path / "nested.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Deep " + deep + b" >> /Contents 4 0 R >>",
        _stream(b"BT /F1 12 Tf 72 720 Td (diep genest) Tj ET"),
    ])
    results = list(run_batch([str(tmp_path / "nested.pdf")], Config(), jobs=1, timeout=60))
    assert len(results) == 1
    r = results[0]
    assert r.error is None or ("\n" not in r.error and "timed out" not in r.error)


def test_a_hanging_file_is_cut_off_by_the_timeout(tmp_path, monkeypatch):
    """A file whose scan never ends is reported as timed out; the others still finish."""
    import time

    import woocheck.pipeline as pipeline

    real = pipeline.scan_file

    def slow(path, config):
        if path.endswith("hang.txt"):
            time.sleep(60)
        return real(path, config)

    monkeypatch.setattr(pipeline, "scan_file", slow)
    (tmp_path / "hang.txt").write_text("tekst\n")
    (tmp_path / "ok.txt").write_text("Behandeld door [REDACTED].\n")
    start = time.monotonic()
    results = {Path(r.path).name: r for r in run_batch([str(tmp_path / "hang.txt"), str(tmp_path / "ok.txt")], Config(), jobs=2, timeout=2)}
    assert time.monotonic() - start < 30
    assert "timed out" in results["hang.txt"].error
    assert results["ok.txt"].error is None and results["ok.txt"].findings


def _patched_scan(monkeypatch, behaviour):
    """Make scan_file misbehave on files named after `behaviour`'s keys."""
    import woocheck.pipeline as pipeline

    real = pipeline.scan_file

    def scan(path, config):
        for name, act in behaviour.items():
            if path.endswith(name):
                act()
        return real(path, config)

    monkeypatch.setattr(pipeline, "scan_file", scan)


def test_one_worker_survives_a_hang_and_a_crash_and_finishes_the_batch(tmp_path, monkeypatch):
    """With a single worker, a file that hangs and a file that kills its process each get
    their own line, and every file after them is still scanned by a fresh worker."""
    import os
    import signal
    import time

    _patched_scan(monkeypatch, {"hang.txt": lambda: time.sleep(60), "crash.txt": lambda: os.kill(os.getpid(), signal.SIGKILL)})
    names = ["hang.txt", "a.txt", "crash.txt", "b.txt", "c.txt"]
    for i, n in enumerate(names):  # sizes fix the order: largest first
        (tmp_path / n).write_text("Behandeld door [REDACTED].\n" + "x" * (100 - i))
    results = {Path(r.path).name: r for r in run_batch([str(tmp_path / n) for n in names], Config(), jobs=1, timeout=3)}
    assert set(results) == set(names)
    assert "timed out" in results["hang.txt"].error
    assert "worker crashed" in results["crash.txt"].error and "signal 9" in results["crash.txt"].error
    for n in ("a.txt", "b.txt", "c.txt"):
        assert results[n].error is None and results[n].findings, n


def test_workers_serve_many_files_and_retire_after_a_bad_one(tmp_path, monkeypatch):
    """A worker scans file after file (same process id), and is replaced after a file
    that ended in an error, so a hostile file never shares a process with the next one."""
    import woocheck.batch as batch
    import woocheck.pipeline as pipeline

    real = pipeline.scan_file

    def scan(path, config):
        import os
        from dataclasses import replace

        return replace(real(path, config), error=f"pid {os.getpid()}" if path.endswith("bad.txt") else None, pages=os.getpid())

    monkeypatch.setattr(pipeline, "scan_file", scan)
    names = ["a.txt", "b.txt", "bad.txt", "c.txt", "d.txt"]
    for i, n in enumerate(names):
        (tmp_path / n).write_text("tekst\n" + "x" * (100 - i))
    results = {Path(r.path).name: r for r in batch.run_batch([str(tmp_path / n) for n in names], Config(), jobs=1, timeout=30)}
    pid = {n: r.pages for n, r in results.items()}
    assert pid["a.txt"] == pid["b.txt"] == pid["bad.txt"]
    assert pid["c.txt"] == pid["d.txt"] != pid["bad.txt"]


def test_workers_that_die_at_start_do_not_hang_the_batch(tmp_path, monkeypatch):
    """If every worker dies before it scans anything (a broken environment, a cap too low
    to start), each file is reported as a crash and the batch ends."""
    import os

    import woocheck.batch as batch

    monkeypatch.setattr(batch, "_worker", lambda conn, config, memory_mb: os._exit(3))
    names = ["a.txt", "b.txt", "c.txt"]
    for n in names:
        (tmp_path / n).write_text("tekst\n")
    results = list(batch.run_batch([str(tmp_path / n) for n in names], Config(), jobs=2, timeout=30))
    assert sorted(Path(r.path).name for r in results) == names
    assert all("worker crashed" in r.error for r in results)
