"""Baselines (fail only on new findings) and configuration files."""
from __future__ import annotations

import json
from pathlib import Path


def _doc(tmp_path: Path, body: str, name: str = "notulen.txt") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_baseline_accepts_known_findings_and_fails_on_new_ones(cli, tmp_path):
    doc = _doc(tmp_path, "Behandeld door [REDACTED].\nGeheim: Jan Klaassen\n")
    base = tmp_path / ".woocheck-baseline.json"
    code, _, err = cli("scan", doc, "--write-baseline", base, "--timeout-per-file", "0")
    assert code == 1 and "recorded" in err
    data = json.loads(base.read_text())
    assert data["findings"] and data["config"]["fail_on"] == "error"
    assert "Klaassen" not in base.read_text()  # fingerprints only, nothing in clear
    assert all(set(e) == {"path", "code", "fingerprint"} for e in data["findings"])

    code, out, err = cli("scan", doc, "--baseline", base, "--timeout-per-file", "0")
    assert code == 0, out
    assert "accepted by baseline" in err

    doc.write_text(doc.read_text() + "Nog een: █████ zonder grond.\n", encoding="utf-8")
    code, out, _ = cli("scan", doc, "--baseline", base, "--timeout-per-file", "0")
    assert code == 1
    assert out.count("WOO201") == 1  # only the new one is shown


def test_baseline_holds_however_the_files_are_named(cli, tmp_path, monkeypatch):
    """Written at the repository root with relative paths; CI names the files absolutely, a
    colleague runs from a subfolder, or the repository is checked out somewhere else."""
    repo = tmp_path / "repo"
    (repo / "besluit").mkdir(parents=True)
    _doc(repo / "besluit", "Behandeld door [REDACTED].\nGeheim: Jan Klaassen, 06-12345678\n")
    monkeypatch.chdir(repo)
    code, _, err = cli("scan", "besluit", "--write-baseline", ".woocheck-baseline.json", "--timeout-per-file", "0")
    assert code == 1 and "recorded" in err
    entries = json.loads((repo / ".woocheck-baseline.json").read_text())["findings"]
    assert {e["path"] for e in entries} == {"besluit/notulen.txt"}

    def scan_from(cwd: Path, *args: str) -> int:
        monkeypatch.chdir(cwd)
        code, out, _ = cli("scan", *args, "--timeout-per-file", "0")
        return code

    assert scan_from(repo, str(repo / "besluit"), "--baseline", str(repo / ".woocheck-baseline.json")) == 0
    assert scan_from(repo / "besluit", ".", "--baseline", "../.woocheck-baseline.json") == 0
    moved = tmp_path / "elders" / "checkout"
    moved.parent.mkdir()
    repo.rename(moved)
    assert scan_from(tmp_path, str(moved / "besluit"), "--baseline", str(moved / ".woocheck-baseline.json")) == 0
    # and a finding that is new still fails, wherever it is run from
    (moved / "besluit" / "notulen.txt").write_text("Geheim: Jan Klaassen, 06-12345678, BSN 111222333\n", encoding="utf-8")
    assert scan_from(moved / "besluit", ".", "--baseline", "../.woocheck-baseline.json") == 1


def test_baseline_written_before_paths_counted_from_its_folder_still_holds(cli, tmp_path, monkeypatch):
    """Such a baseline fingerprinted each path as given; the same run still matches it."""
    from woocheck.config import Config
    from woocheck.fingerprint import fingerprint
    from woocheck.pipeline import scan

    doc = _doc(tmp_path, "Geheim: Jan Klaassen, 06-12345678\n")
    findings = scan([str(doc)], Config()).findings
    assert findings
    old = {"woocheck-baseline": 1, "version": "0.1.0", "config": {}, "findings": [
        {"path": f.path, "code": f.code, "fingerprint": fingerprint(f)} for f in findings
    ]}
    ci = tmp_path / "ci"
    ci.mkdir()
    (ci / "baseline.json").write_text(json.dumps(old))
    monkeypatch.chdir(ci)  # the documents are not below the baseline's folder
    code, _, err = cli("scan", str(doc), "--baseline", "baseline.json", "--timeout-per-file", "0")
    assert code == 0 and f"{len(findings)} finding(s) accepted" in err


def test_unreadable_baseline_is_a_usage_error(cli, tmp_path):
    doc = _doc(tmp_path, "tekst\n")
    bad = tmp_path / "b.json"
    bad.write_text("{not json")
    code, _, err = cli("scan", doc, "--baseline", bad)
    assert code == 2 and "b.json" in err


def test_config_file_is_found_upward_and_applied(cli, tmp_path):
    (tmp_path / "woocheck.toml").write_text('ignore = ["WOO201"]\nfail-on = "warning"\n')
    sub = tmp_path / "besluit" / "documenten"
    sub.mkdir(parents=True)
    doc = _doc(sub, "Behandeld door [REDACTED].\n")
    code, out, _ = cli("scan", doc, "--timeout-per-file", "0")
    assert code == 0 and "WOO201" not in out


def test_pyproject_tool_table_and_per_path_ignores(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.woocheck]\n[tool.woocheck.per-path-ignores]\n"oud_*.txt" = ["WOO201"]\n'
    )
    old = _doc(tmp_path, "Behandeld door [REDACTED].\n", "oud_verslag.txt")
    new = _doc(tmp_path, "Behandeld door [REDACTED].\n", "nieuw_verslag.txt")
    code, out, _ = cli("scan", old, "--timeout-per-file", "0")
    assert code == 0
    code, out, _ = cli("scan", new, "--timeout-per-file", "0")
    assert code == 1


def test_per_path_ignores_count_from_the_config_files_folder(cli, tmp_path, monkeypatch):
    """"bijlagen/*.txt" holds when the files are named absolutely or from a subfolder."""
    (tmp_path / "woocheck.toml").write_text('[per-path-ignores]\n"bijlagen/*.txt" = ["WOO103"]\n')
    (tmp_path / "bijlagen").mkdir()
    doc = _doc(tmp_path / "bijlagen", "Bel Jan Klaassen op 06-12345678.\n", "bijlage.txt")
    for cwd, arg in ((tmp_path, "bijlagen"), (tmp_path, str(doc)), (tmp_path / "bijlagen", "."), (tmp_path.parent, str(doc))):
        monkeypatch.chdir(cwd)
        code, out, _ = cli("scan", arg, "--format", "json", "--timeout-per-file", "0", "--fail-on", "never")
        codes = {f["code"] for f in json.loads(out)["findings"]}
        assert "WOO101" in codes and "WOO103" not in codes, (cwd, arg, codes)


def test_config_errors_name_the_file_and_the_key(cli, tmp_path):
    cfg = tmp_path / "woocheck.toml"
    cfg.write_text('ignor = ["WOO201"]\n')
    doc = _doc(tmp_path, "tekst\n")
    code, _, err = cli("scan", doc, "--config", cfg)
    assert code == 2 and "woocheck.toml" in err and "ignor" in err
    cfg.write_text('fail-on = "soms"\n')
    code, _, err = cli("scan", doc, "--config", cfg)
    assert code == 2 and "fail-on" in err


def test_broken_user_grounds_file_is_one_usage_error(cli, tmp_path):
    (tmp_path / "woocheck.toml").write_text('grounds = ["eigen-gronden.yaml"]\n')
    (tmp_path / "eigen-gronden.yaml").write_text("- code: 5.1.9\n")
    doc = _doc(tmp_path, "Behandeld door [REDACTED].\n")
    code, out, err = cli("scan", doc, "--timeout-per-file", "0")
    assert code == 2 and "eigen-gronden.yaml" in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1


def test_baseline_records_which_config_file_it_was_made_with(cli, tmp_path):
    (tmp_path / "woocheck.toml").write_text('fail-on = "warning"\n')
    doc = _doc(tmp_path, "Behandeld door [REDACTED].\n")
    base = tmp_path / "b.json"
    cli("scan", doc, "--write-baseline", base, "--timeout-per-file", "0")
    config = json.loads(base.read_text())["config"]
    assert config["source"] == str(tmp_path / "woocheck.toml") and config["fail_on"] == "warning"
