"""--cache: a re-run gives the same report without scanning unchanged files, and anything
that could change a result (file, config, rules file, version) makes the file scanned again."""
from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

import woocheck.cache
from woocheck.config import Config
from woocheck.model import FileResult
from woocheck.pipeline import scan, scan_file
from woocheck.render.json import render_json

LEAK = "Met vriendelijke groet,\n\nJan de Vries\nj.devries@gemeente-voorbeeld.nl\n06-12345678\n"
CLEAN = "Agenda\n\n1. Opening\n2. Rondvraag\n"


class Counting:
    """A runner that scans in this process and remembers which files it was given."""

    def __init__(self):
        self.scanned: list[str] = []

    def __call__(self, paths, config):
        for p in paths:
            self.scanned.append(p)
            yield scan_file(p, config)


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "besluit"
    folder.mkdir()
    (folder / "mail.txt").write_text(LEAK, encoding="utf-8")
    (folder / "agenda.md").write_text(CLEAN, encoding="utf-8")
    return folder


def _run(folder, cache, config=Config()):
    runner = Counting()
    report = scan([str(folder)], config, runner=runner, cache_dir=str(cache))
    return render_json(report, True), sorted(os.path.basename(p) for p in runner.scanned)


def test_rerun_is_identical_and_scans_nothing(batch, tmp_path):
    first, scanned = _run(batch, tmp_path / "cache")
    assert scanned == ["agenda.md", "mail.txt"]
    assert "WOO101" in first
    again, scanned = _run(batch, tmp_path / "cache")
    assert scanned == []
    assert again == first


def test_report_with_cache_equals_one_without(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    cached, _ = _run(batch, tmp_path / "cache")
    plain = render_json(scan([str(batch)], Config()), True)
    assert cached == plain


def test_changed_file_is_scanned_again(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    (batch / "agenda.md").write_text(CLEAN + "3. Sluiting, Piet Jansen 06-87654321\n", encoding="utf-8")
    report, scanned = _run(batch, tmp_path / "cache")
    assert scanned == ["agenda.md"]
    assert "06-87654321" in report


def test_changed_config_is_scanned_again(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    report, scanned = _run(batch, tmp_path / "cache", Config(ignore=("WOO103",)))
    assert scanned == ["agenda.md", "mail.txt"]
    assert "WOO103" not in report


def test_fail_on_does_not_invalidate(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    _, scanned = _run(batch, tmp_path / "cache", Config(fail_on="never", show_personal_data=True))
    assert scanned == []


def test_changed_rules_file_is_scanned_again(batch, tmp_path):
    officials = tmp_path / "org.yaml"
    officials.write_text("names: []\n", encoding="utf-8")
    config = Config(public_officials=(str(officials),))
    _run(batch, tmp_path / "cache", config)
    assert _run(batch, tmp_path / "cache", config)[1] == []
    officials.write_text("names: ['Jan de Vries']\n", encoding="utf-8")
    assert _run(batch, tmp_path / "cache", config)[1] == ["agenda.md", "mail.txt"]


def test_built_in_rules_folder_is_part_of_the_key(batch, tmp_path, monkeypatch):
    from woocheck.grounds.catalogue import rules_dir

    rules = tmp_path / "rules"
    rules.mkdir()
    for f in rules_dir().glob("*.yaml"):
        (rules / f.name).write_bytes(f.read_bytes())
    monkeypatch.setenv("WOOCHECK_RULES", str(rules))
    _run(batch, tmp_path / "cache")
    assert _run(batch, tmp_path / "cache")[1] == []
    with open(rules / "grounds.yaml", "a", encoding="utf-8") as f:
        f.write("\n# a comment is a change of the file\n")
    assert _run(batch, tmp_path / "cache")[1] == ["agenda.md", "mail.txt"]


def test_new_version_is_scanned_again(batch, tmp_path, monkeypatch):
    _run(batch, tmp_path / "cache")
    monkeypatch.setattr(woocheck.cache, "__version__", "99.0")
    assert _run(batch, tmp_path / "cache")[1] == ["agenda.md", "mail.txt"]


def test_renamed_file_is_scanned_again(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    os.rename(batch / "agenda.md", batch / "agenda-2.md")
    report, scanned = _run(batch, tmp_path / "cache")
    assert scanned == ["agenda-2.md"]
    assert "agenda-2.md" in report and "agenda.md\"" not in report


def test_error_results_are_never_stored(batch, tmp_path):
    def failing(paths, config):
        for p in paths:
            yield FileResult(path=p, pages=0, error="timed out after 1 s (--timeout-per-file)")

    scan([str(batch)], Config(), runner=failing, cache_dir=str(tmp_path / "cache"))
    assert not list((tmp_path / "cache").rglob("*.pickle"))
    assert _run(batch, tmp_path / "cache")[1] == ["agenda.md", "mail.txt"]


def test_damaged_entry_is_a_miss(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    first, scanned = _run(batch, tmp_path / "cache")
    assert scanned == ["agenda.md", "mail.txt"]
    assert _run(batch, tmp_path / "cache") == (first, [])


def test_entries_are_written_whole_and_no_temp_file_is_left(batch, tmp_path):
    _run(batch, tmp_path / "cache")
    files = [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert len(files) == 2 and all(f.endswith(".pickle") and not f.startswith(".tmp-") for f in files)


def test_cli_cache_rerun_gives_the_same_report(cli, batch, tmp_path):
    args = ["scan", str(batch), "--format", "json", "--cache", str(tmp_path / "cache"), "--timeout-per-file", "0"]
    code1, out1, _ = cli(*args)
    code2, out2, _ = cli(*args)
    assert (code1, out1) == (code2, out2)
    assert json.loads(out1)["files"]


def test_cli_cache_folder_that_cannot_be_made_is_one_line(cli, batch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = cli("scan", str(batch), "--cache", str(blocker / "sub"), "--timeout-per-file", "0")
    assert code == 2 and "cannot use as cache" in err and "Traceback" not in err


def test_the_allowlist_file_is_in_the_key():
    from woocheck.cache import _rules_files
    from woocheck.pii.policy import rules_file

    assert rules_file().resolve() in [p.resolve() for p in _rules_files(Config())]


def _write_many(folder, path, result, times):
    cache = woocheck.cache.Cache(folder, Config())
    for _ in range(times):
        cache.get(path)
        assert cache.put(result)


def test_concurrent_writers_never_leave_a_partial_entry(batch, tmp_path):
    """Four processes write the same large entry over and over while this one reads it: a
    reader sees the whole entry or none, never part of one (write, then rename)."""
    import multiprocessing as mp
    import pickle

    from woocheck.model import Finding, Severity

    path = str(batch / "mail.txt")
    findings = tuple(Finding(code="WOO101", severity=Severity.ERROR, message="naam " * 20, path=path, page=1,
                             text=f"Jan de Vries {i}") for i in range(20_000))
    result = FileResult(path=path, pages=1, error=None, findings=findings)
    folder = tmp_path / "cache"
    ctx = mp.get_context("fork")
    writers = [ctx.Process(target=_write_many, args=(folder, path, result, 8)) for _ in range(4)]
    for w in writers:
        w.start()
    reads = 0
    while any(w.is_alive() for w in writers) or not reads:
        for entry in folder.rglob("*.pickle"):
            try:
                with open(entry, "rb") as f:
                    key, stored = pickle.load(f)
            except FileNotFoundError:
                continue
            assert stored == result  # a partial file would raise or differ
            reads += 1
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert reads
    assert woocheck.cache.Cache(folder, Config()).get(path) == result
    assert not [p for p in folder.rglob(".tmp-*")]
