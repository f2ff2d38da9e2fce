"""The terminal report on a batch: repeats grouped with a count, `--summary` one line a file."""
from __future__ import annotations

import json
from collections import Counter

from woocheck.config import Config
from woocheck.masking import mask
from woocheck.pipeline import scan
from woocheck.render.terminal import render_terminal

# Invented attendee list: names left out before their ministry, without a ground.
MINUTES = """Verslag overleg
Aanwezig: minister mw. M. Faber (AenM), (JenV), (JenV), (JenV), (BZK), (JenV)
Afwezig: (VWS)
"""


def _minutes(tmp_path):
    path = tmp_path / "verslag.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_repeats_on_one_line_are_one_block_with_their_count(cli, scan_json, tmp_path):
    path = _minutes(tmp_path)
    _, report, _ = scan_json(path)
    repeats = Counter((f["code"], f["message"], f["line"]) for f in report["findings"])
    (code, message, line), n = repeats.most_common(1)[0]
    assert n >= 3, repeats  # the document is built to repeat
    _, out, _ = cli("scan", path, "--timeout-per-file", "0")
    flat = " ".join(out.split())  # the console wraps long lines
    assert f"line {line} {n}× {message}" in flat
    assert flat.count(message) == sum(1 for key in repeats if key[1] == message)  # one block per line
    singles = [key for key, count in repeats.items() if count == 1]
    assert singles and all(f"line {ln} {msg}" in flat for _, msg, ln in singles)  # no count on a single


def test_a_group_names_its_items_masked(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text("Aanwezig: dhr. Joost Verhoeven (JenV), mw. Anouk Terpstra (BZK)\n", encoding="utf-8")
    report = scan([str(path)], Config())
    names = [f for f in report.findings if f.code == "WOO101"]
    assert len(names) == 2
    flat = " ".join(render_terminal(report, width=200).split())
    assert f"2× {names[0].message}: " + "; ".join(mask(f.text, f.kind) for f in names) in flat
    assert "Verhoeven" not in flat and "Terpstra" not in flat
    shown = " ".join(render_terminal(report, True, width=200).split())
    assert "; ".join(f.text for f in names) in shown and "Verhoeven" in shown


def test_summary_is_one_line_per_file_then_the_totals(cli, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    _minutes(folder)
    (folder / "schoon.md").write_text("# Agenda\n\nDe minister opent de vergadering.\n", encoding="utf-8")
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    code, out, _ = cli("scan", folder, "--summary", "--timeout-per-file", "0")
    assert code == 2  # the broken file still makes the run fail
    lines = [ln for ln in out.splitlines() if ln.strip()]
    table = next(i for i, ln in enumerate(lines) if "woocheck summary" in ln)
    per_file = lines[:table]
    assert len(per_file) == 3, per_file
    for name in ("verslag.txt", "schoon.md", "kapot.pdf"):
        assert sum(name in ln for ln in per_file) == 1
    _, full, _ = cli("scan", folder, "--timeout-per-file", "0", "--format", "json")
    counts = Counter(f["code"] for f in json.loads(full)["findings"])
    verslag = next(ln for ln in per_file if "verslag.txt" in ln)
    assert f"{sum(counts.values())} errors" in verslag and f"WOO201 ×{counts['WOO201']}" in verslag
    assert "no findings" in next(ln for ln in per_file if "schoon.md" in ln)
    assert "cannot be checked" in next(ln for ln in per_file if "kapot.pdf" in ln)
    assert "…" not in out  # no contexts


def test_summary_is_for_the_terminal_only(cli, tmp_path):
    code, _, err = cli("scan", _minutes(tmp_path), "--summary", "--format", "json", "--timeout-per-file", "0")
    assert code == 2 and "--summary is for the terminal report" in err


def test_a_file_not_fully_checked_still_shows_what_was_found(tmp_path):
    # A page left unchecked (no OCR engine, a failing check) makes the file's error; the
    # findings on its other pages must stay in the report, full and summary alike.
    from dataclasses import replace

    report = scan([str(_minutes(tmp_path))], Config())
    found = report.files[0]
    assert found.findings
    error = "not fully checked: page 2 has no text layer and no OCR engine is installed"
    report = replace(report, files=(replace(found, error=error),))
    full = render_terminal(report)
    assert error in full and found.findings[0].code in full and "cannot be checked" not in full
    line = render_terminal(report, summary=True)
    assert error in line and "not fully checked: not fully checked" not in line
