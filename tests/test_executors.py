"""The executors without a cluster: the sandbox a Dask task scans in (time limit, crash,
next file in a fresh child) and the CLI's usage errors, Dask missing among them."""
from __future__ import annotations

import faulthandler
import os
import signal
import sys
import time

import pytest

from woocheck.config import Config
from woocheck.executors import sandbox
from woocheck.model import FileResult


@pytest.fixture
def hostile(monkeypatch):
    """Files that crash or hang the process scanning them (in the forked child only)."""

    def scan_here(read_from, name, cwd, config, memory_mb):
        base = os.path.basename(read_from)
        if base.startswith("crash"):
            faulthandler.disable()  # no traceback dump in the test output
            os.kill(os.getpid(), signal.SIGSEGV)
        if base.startswith("hang"):
            time.sleep(60)
        return FileResult(path=name or read_from, pages=1, error=None)

    monkeypatch.setattr(sandbox, "_scan_here", scan_here)
    monkeypatch.setattr(sandbox, "warm_up", lambda config: None)
    yield
    child = getattr(sandbox._local, "child", None)
    if child is not None:
        child.stop(kill=True)
        sandbox._local.child = None


def test_sandbox_reports_a_crash_and_goes_on(hostile, tmp_path):
    cwd = str(tmp_path)
    crashed = sandbox.scan_task("crash.pdf", None, cwd, Config(), 30, 4096)
    assert crashed.error == "worker crashed (killed by signal 11)"
    assert sandbox.scan_task("fine.pdf", None, cwd, Config(), 30, 4096).error is None


def test_sandbox_kills_a_file_past_its_time_limit(hostile, tmp_path):
    started = time.monotonic()
    hung = sandbox.scan_task("hang.pdf", None, str(tmp_path), Config(), 1, 4096)
    assert hung.error == "timed out after 1 s (--timeout-per-file)"
    assert time.monotonic() - started < 20
    assert sandbox.scan_task("fine.pdf", None, str(tmp_path), Config(), 30, 4096).error is None


def test_sandbox_reuses_its_child_across_files(hostile, tmp_path):
    sandbox.scan_task("a.pdf", None, str(tmp_path), Config(), 30, 4096)
    pid = sandbox._local.child.pid
    sandbox.scan_task("b.pdf", None, str(tmp_path), Config(), 30, 4096)
    assert pid and sandbox._local.child.pid == pid


def test_sent_bytes_are_scanned_under_the_given_name(tmp_path):
    body = b"Met vriendelijke groet,\n\nJan de Vries\nj.devries@gemeente-voorbeeld.nl\n"
    (tmp_path / "mail.txt").write_bytes(body)
    from woocheck.pipeline import scan_file

    by_path = scan_file(str(tmp_path / "mail.txt"), Config())
    sent = sandbox.scan_task(str(tmp_path / "mail.txt"), body, str(tmp_path), Config(), 60, 4096)
    # facts hold NaN boxes for a text file's words (NaN != NaN): compared apart, by what they say
    from dataclasses import replace

    assert replace(sent, facts=None) == replace(by_path, facts=None) and sent.findings
    if by_path.facts is not None:
        assert sent.facts.stream.text == by_path.facts.stream.text
        assert sent.facts.stream.ids == by_path.facts.stream.ids
    child = sandbox._local.child
    child.stop()
    sandbox._local.child = None


def test_dask_missing_is_one_line_with_the_install_hint(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    (tmp_path / "a.txt").write_text("Agenda\n")
    code, _, err = cli("scan", str(tmp_path), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2
    assert err.strip() == 'woocheck: --executor dask needs Dask distributed: pip install "woocheck[dask]"'


def test_dask_without_scheduler_and_scheduler_without_dask_are_usage_errors(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Agenda\n")
    code, _, err = cli("scan", str(tmp_path), "--executor", "dask")
    assert code == 2 and "--scheduler" in err
    code, _, err = cli("scan", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and "--executor dask" in err
    code, _, err = cli("scan", str(tmp_path), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786",
                       "--timeout-per-file", "0")
    assert code == 2 and "--timeout-per-file above 0" in err
