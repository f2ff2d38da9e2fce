"""Findings in text files name their line, on the first line, after blank lines, on the
last line without a newline, and deep into a long file."""
from __future__ import annotations

import json


def test_each_finding_names_its_line(cli, tmp_path):
    at = {1, 3, 4, 11, 250, 1999}
    lines = [f"Bel 06-1234{n:04d} voor vragen." if n in at else ("" if n % 7 == 0 else "De regeling gaat in.")
             for n in range(1, 2001)]
    lines.append("Laatste regel: 06-12340000")  # line 2001, no newline after it
    doc = tmp_path / "notulen.txt"
    doc.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "r.json"
    cli("scan", doc, "--format", "json", "--output", out, "--select", "WOO103", "--timeout-per-file", "0")
    found = sorted(f["line"] for f in json.loads(out.read_text())["findings"])
    assert found == sorted(at | {2001})
