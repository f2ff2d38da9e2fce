"""The catalogue as data: validation on load, user entries via config, the CLI views."""
from __future__ import annotations


import pytest
from typer.testing import CliRunner

from woocheck.config import Config, load_config
from woocheck.grounds import RulesError, load_catalogue
from woocheck.grounds.catalogue import rules_dir
from woocheck.grounds.parse import parse

AWR = """\
grounds:
  - code: awr-67
    law: special
    article: Algemene wet inzake rijksbelastingen art. 67
    nl: geheimhoudingsplicht belastingdienst
    en: tax secrecy
    kind: special
    aliases: ["AWR art. 67", "art. 67 AWR"]
    source: Woo annex to art. 8.8 (AWR art. 67)
"""


def test_builtin_catalogue_holds_every_woo_ground_and_wob_successors():
    cat = load_catalogue()
    woo = {e.code for e in cat if e.law == "woo"}
    assert {"5.1.1a", "5.1.1e", "5.1.2a", "5.1.2i", "5.1.4", "5.1.5", "5.1.6", "5.2.1", "5.2.2", "5.4", "5.4a"} <= woo
    assert not {"5.1.2j", "5.1.3", "5.3", "5.5"} & woo
    assert cat.get("10.2e").successor == "5.1.2e"
    assert cat.get("11.1").successor == "5.2.1"
    assert all(e.source for e in cat)


def test_missing_key_names_file_entry_and_key(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (rules_dir() / "grounds.yaml").read_text("utf-8")
    # Drop the article of the third entry (5.1.1c).
    head, sep, tail = text.partition("  - code: 5.1.1c\n")
    tail = tail.replace("    article: 5.1 lid 1 onder c\n", "", 1)
    (rules / "grounds.yaml").write_text(head + sep + tail, "utf-8")
    monkeypatch.setenv("WOOCHECK_RULES", str(rules))
    with pytest.raises(RulesError) as exc:
        load_catalogue()
    assert str(exc.value) == "rules/grounds.yaml: entry 3 (5.1.1c): missing key 'article'"


@pytest.mark.parametrize(
    "body, message",
    [
        ("grounds:\n  - {code: x, law: woo, article: a, nl: n, en: e, kind: odd, source: s}\n", "key 'kind' must be one of"),
        ("grounds:\n  - {code: 10.9z, law: wob, article: a, nl: n, en: e, kind: relative, source: s}\n", "missing key 'successor'"),
        ("grounds:\n  - {code: x, law: woo, article: a, nl: n, en: e, kind: relative, source: s, colour: red}\n", "unknown key 'colour'"),
        ("nothing: here\n", "missing key 'grounds'"),
        ("grounds: [\n", "not valid YAML"),
    ],
)
def test_bad_user_file_is_reported_with_its_name(tmp_path, body, message):
    f = tmp_path / "mine.yaml"
    f.write_text(body, "utf-8")
    with pytest.raises(RulesError) as exc:
        load_catalogue(Config(grounds_files=(str(f),)))
    assert str(f) in str(exc.value) and message in str(exc.value)


def test_special_law_added_through_config_key_grounds(tmp_path):
    (tmp_path / "awr.yaml").write_text(AWR, "utf-8")
    (tmp_path / "woocheck.toml").write_text('grounds = ["awr.yaml"]\n', "utf-8")
    cfg = load_config(tmp_path / "woocheck.toml")
    cat = load_catalogue(cfg)
    got = parse("AWR art. 67", cat)
    assert [(g.code, g.valid, g.law) for g in got] == [("awr-67", True, "special")]
    assert parse("AWR art. 67", load_catalogue()) == []  # not without the user's file


def test_special_law_label_on_a_text_marker(tmp_path):
    from woocheck.pipeline import scan_file

    (tmp_path / "awr.yaml").write_text(AWR, "utf-8")
    doc = tmp_path / "besluit.txt"
    doc.write_text("Aanslag van [REDACTED] (art. 67 AWR) en [REDACTED].\n", "utf-8")
    res = scan_file(str(doc), Config(grounds_files=(str(tmp_path / "awr.yaml"),), select=("WOO2",)))
    assert [r.ground for r in res.redactions] == ["awr-67", None]
    assert [f.code for f in res.findings] == ["WOO201"]


@pytest.fixture
def app():
    import typer

    from woocheck.cli_grounds import register

    a = typer.Typer()
    register(a)
    register(a)  # registering twice must be harmless (main() and tests both do it)
    return a


def test_cli_explain_accepts_any_notation(app):
    res = CliRunner().invoke(app, ["explain", "art. 5.1 lid 2 sub e"])
    assert res.exit_code == 0
    assert res.stdout.startswith("5.1.2e")
    assert "persoonlijke levenssfeer" in res.stdout and "privacy" in res.stdout


def test_cli_explain_says_repaired_and_wob_successor(app):
    res = CliRunner().invoke(app, ["explain", "512¢"])
    assert res.exit_code == 0 and "repaired" in res.stdout
    res = CliRunner().invoke(app, ["explain", "Art. 10.2.e"])
    assert res.exit_code == 0 and "Woo successor 5.1.2e" in res.stdout


@pytest.mark.parametrize("label", ["5.1.2j", "hallo"])
def test_cli_explain_unknown_is_one_line_exit_2(app, label):
    res = CliRunner().invoke(app, ["explain", label])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1


def test_cli_grounds_lists_catalogue_and_user_entries(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "awr.yaml").write_text(AWR, "utf-8")
    res = CliRunner().invoke(app, ["grounds", "--grounds", str(tmp_path / "awr.yaml")], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    for code in ("5.1.2e", "5.4a", "10.2g", "awr-67", "buiten-reikwijdte"):
        assert code in res.stdout


def test_cli_grounds_bad_rules_folder_exit_2(app, tmp_path, monkeypatch):
    monkeypatch.setenv("WOOCHECK_RULES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["grounds"])
    assert res.exit_code == 2 and "grounds.yaml" in res.stderr


def test_main_app_has_the_commands():
    """`woocheck grounds` through the installed entry point (subprocess: main() registers)."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import sys; sys.argv=['woocheck','explain','5.1(2)(e)']; from woocheck.cli import main; main()"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("5.1.2e")
