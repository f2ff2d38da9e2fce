"""The command line end to end: report formats, exit codes, rules, masking."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SAMPLES = ROOT / "samples"

# Invented personal data that the samples contain; none may appear in a default report.
SAMPLE_SECRETS = [
    "Zandbergen", "Vermeulen-Kooi", "06-41873625", "p.zandbergen@", "583910270",
    "NL91ABNA0417164300", "Lindelaan 14", "s.bakker@", "linh.nguyen@", "06-19283746",
    "Femke Roelofs", "06-58204716", "Jan de Wilde", "Ruben Smeets", "Pieter Zandbergen",
    "Ilse Vermeulen", "Wessel Dijkhuis", "n.jacobs@", "Noor Jacobs",
]


def _text_file(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_terminal_report_has_headers_findings_and_summary(cli, tmp_path):
    doc = _text_file(tmp_path, "notulen.txt", "Aanwezig: minister mw. M. Faber\n\nDe ambtenaar [REDACTED] stuurt het stuk rond.\n")
    code, out, _ = cli("scan", str(doc), "--timeout-per-file", "0")
    assert code == 1  # WOO201 is an error and --fail-on defaults to error
    assert "notulen.txt" in out
    assert "WOO201" in out and "error" in out and "line 3" in out
    assert "[REDACTED]" in out  # the context line shows the hit
    assert "woocheck summary" in out and "redactions" in out


def test_fail_on_never_and_select_ignore_change_the_exit_code(cli, tmp_path):
    doc = _text_file(tmp_path, "a.txt", "Behandeld door [REDACTED].\n")
    assert cli("scan", doc, "--timeout-per-file", "0")[0] == 1
    assert cli("scan", doc, "--fail-on", "never", "--timeout-per-file", "0")[0] == 0
    assert cli("scan", doc, "--ignore", "WOO201", "--timeout-per-file", "0")[0] == 0
    assert cli("scan", doc, "--select", "WOO4", "--timeout-per-file", "0")[0] == 0


def test_clean_text_exits_zero(cli, tmp_path):
    doc = _text_file(tmp_path, "brief.md", "# Brief\n\nDe minister van Financiën biedt de Kamer het verslag aan.\n")
    code, out, _ = cli("scan", doc, "--timeout-per-file", "0")
    assert code == 0, out


def test_json_follows_the_pinned_interface(scan_json, tmp_path):
    doc = _text_file(tmp_path, "a.txt", "Regel een\nBehandeld door [REDACTED] (5.1.2e) en █████.\n")
    code, report, _ = scan_json(doc)
    assert set(report) >= {"tool", "files", "redactions", "findings"}
    assert report["tool"]["name"] == "woocheck" and report["tool"]["version"]
    assert report["files"] == [{"path": str(doc), "pages": 1, "error": None}]
    kinds = {r["kind"] for r in report["redactions"]}
    assert kinds == {"text-marker"}
    for r in report["redactions"]:
        assert set(r) >= {"path", "page", "bbox", "kind", "ground", "label"}
        assert r["page"] == 1 and r["bbox"] is None
    for f in report["findings"]:
        assert set(f) >= {"code", "severity", "message", "path", "page", "bbox", "text"}
        assert f["severity"] in {"error", "warning", "info"}


def test_json_and_sarif_have_one_line_per_item(cli, tmp_path):
    doc = _text_file(tmp_path, "verslag-coördinatie.txt", "Behandeld door [REDACTED] (5.1.2e) en █████.\nBel 06-12345678.\n")
    out = tmp_path / "report.json"
    cli("scan", str(doc), "--format", "json", "--output", str(out), "--timeout-per-file", "0", "--show-personal-data")
    text = out.read_text(encoding="utf-8")
    report = json.loads(text)
    items = report["files"] + report["redactions"] + report["findings"]
    assert len(report["redactions"]) >= 2 and len(report["findings"]) >= 2
    one_line = [json.loads(line.strip().rstrip(",")) for line in text.splitlines() if line.startswith("    {")]
    assert one_line == items
    assert "coördinatie" in text  # written as UTF-8, not escaped
    sarif_out = tmp_path / "report.sarif"
    cli("scan", str(doc), "--format", "sarif", "--output", str(sarif_out), "--timeout-per-file", "0")
    sarif_text = sarif_out.read_text(encoding="utf-8")
    results = json.loads(sarif_text)["runs"][0]["results"]
    assert len(results) >= 2
    lines = [json.loads(line.strip().rstrip(",")) for line in sarif_text.splitlines() if line.startswith('        {"ruleId"')]
    assert lines == results


def test_unreadable_input_is_one_line_exit_2_and_batch_goes_on(cli, scan_json, tmp_path):
    good = _text_file(tmp_path, "good.txt", "Behandeld door [REDACTED].\n")
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"this is not a pdf at all")
    code, report, err = scan_json(good, bad, tmp_path / "missing.pdf")
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert any("kapot.pdf" in line and "not a PDF" in line for line in lines)
    assert any("missing.pdf" in line and "no such file" in line for line in lines)
    assert "Traceback" not in err
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert files["good.txt"]["error"] is None and files["kapot.pdf"]["error"]
    assert any(f["code"] == "WOO201" for f in report["findings"])  # the good file was still scanned


def test_bad_option_values_are_usage_errors(cli, tmp_path):
    doc = _text_file(tmp_path, "a.txt", "tekst\n")
    code, _, err = cli("scan", doc, "--fail-on", "sometimes")
    assert code == 2 and "--fail-on" in err
    code, _, err = cli("scan", doc, "--decision-date", "gisteren")
    assert code == 2 and "--decision-date" in err


def test_rules_and_rule_documentation(cli):
    code, out, _ = cli("rules")
    assert code == 0 and "WOO201" in out
    code, out, _ = cli("rule", "woo201")
    assert code == 0 and "Why it matters" in out and "Source" in out
    code, _, err = cli("rule", "WOO999")
    assert code == 2 and "WOO999" in err


def test_every_rule_is_documented():
    from woocheck.checks import all_rules

    rules = all_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes)), "a code is registered twice"
    for r in rules:
        assert r.code.startswith("WOO") and len(r.code) == 6
        assert r.summary and "\n" not in r.summary
        for part in ("What it checks", "Why it matters", "Source"):
            assert part in r.doc, f"{r.code} docstring lacks '{part}'"


@pytest.mark.skipif(shutil.which("woocheck") is None, reason="woocheck is not installed as a command")
def test_installed_command_runs_as_subprocess(tmp_path):
    doc = _text_file(tmp_path, "a.txt", "Behandeld door [REDACTED].\n")
    proc = subprocess.run(["woocheck", "scan", str(doc), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["code"] == "WOO201"


def _sample_copy(tmp_path: Path) -> Path:
    """The bundled samples, rebuilt by their own script into a temporary folder."""
    dest = tmp_path / "samples"
    dest.mkdir()
    for p in SAMPLES.iterdir():
        if p.suffix in {".txt", ".md", ".py"}:
            shutil.copy(p, dest / p.name)
    subprocess.run([sys.executable, str(dest / "make_samples.py")], check=True, capture_output=True, timeout=120)
    return dest


def test_machine_outputs_hold_no_personal_data_unless_asked(cli, tmp_path):
    folder = _sample_copy(tmp_path)
    outputs = {}
    for fmt in ("json", "sarif", "terminal"):
        for show in (False, True):
            out = tmp_path / f"r-{fmt}-{show}"
            args = ["scan", str(folder), "--format", fmt, "--output", str(out), "--fail-on", "never"]
            code, _, err = cli(*args, *(["--show-personal-data"] if show else []))
            assert code == 0, err
            outputs[fmt, show] = out.read_text()
    for fmt in ("json", "sarif", "terminal"):
        leaked = [s for s in SAMPLE_SECRETS if s in outputs[fmt, False]]
        assert not leaked, f"{fmt} report leaks {leaked}"
    shown = [s for s in SAMPLE_SECRETS if s in outputs["json", True]]
    assert shown, "with --show-personal-data the JSON report names what it found"
