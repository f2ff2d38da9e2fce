"""--executor dask on a real cluster started with Dask's own CLI (a scheduler and two
workers on localhost): the report equals a local run's, on samples/ and on a built batch of
500 pages, reading files by path and with --send-files. Skipped without Dask installed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

distributed = pytest.importorskip("distributed")

BENCHMARKS = ROOT / "benchmarks"


def _env() -> dict:
    env = dict(os.environ)
    # this checkout's woocheck on the workers and in the CLI, whatever else is installed
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env["CI"] = "true"  # no progress bar in the captured output
    return env


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """`dask scheduler` and two `dask worker`s; yields the scheduler's address."""
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    dask = [sys.executable, "-m", "dask"]
    logs = [open(folder / name, "w") for name in ("scheduler.log", "worker1.log", "worker2.log")]
    # Each in its own session, so no signal the Dask processes send to their group on
    # shutdown can reach this test run.
    procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", ":0",
                                      "--scheduler-file", str(info)],
                              start_new_session=True, env=_env(), stdout=logs[0], stderr=logs[0], cwd=folder)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert info.exists(), (folder / "scheduler.log").read_text()
        for log in logs[1:]:
            procs.append(subprocess.Popen(
                dask + ["worker", "--scheduler-file", str(info), "--nthreads", "1", "--memory-limit", "0",
                        "--dashboard-address", ":0", "--local-directory", str(folder)],
                start_new_session=True, env=_env(), stdout=log, stderr=log, cwd=folder))  # another working folder than the client's
        address = json.loads(info.read_text())["address"]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
        for log in logs:
            log.close()


def _scan(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    out = subprocess.run([sys.executable, "-m", "woocheck.cli", "scan", *args, "--format", "json"], cwd=cwd,
                         env=_env(), capture_output=True, text=True, timeout=1200)
    return out.returncode, out.stdout, out.stderr


def test_samples_report_equals_a_local_run(scheduler):
    local = _scan("samples/")
    on_dask = _scan("samples/", "--executor", "dask", "--scheduler", scheduler)
    assert on_dask[0] == local[0] == 1, on_dask[2]
    assert on_dask[1] == local[1]
    assert len(json.loads(local[1])["files"]) >= 10


def test_samples_sent_as_bytes_equal_a_local_run(scheduler):
    local = _scan("samples/")
    on_dask = _scan("samples/", "--executor", "dask", "--scheduler", scheduler, "--send-files")
    assert on_dask[:2] == local[:2], on_dask[2]


@pytest.fixture(scope="module")
def built_batch(tmp_path_factory):
    """500 pages in 50 files, every fifth page a scan (benchmarks/bench_batch.py), plus a
    broken PDF: an error keeps its place in the report and the batch goes on."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import bench_batch
    finally:
        sys.path.remove(str(BENCHMARKS))
    folder = tmp_path_factory.mktemp("batch") / "besluit"
    folder.mkdir()
    bench_batch.build_batch(folder, files=50, pages=10)
    (folder / "batch_025b.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")  # no page tree
    return folder


def test_built_batch_report_equals_a_local_run(scheduler, built_batch):
    local = _scan(str(built_batch))
    on_dask = _scan(str(built_batch), "--executor", "dask", "--scheduler", scheduler)
    assert on_dask[1] == local[1], on_dask[2]
    assert on_dask[0] == local[0] == 2  # the broken file
    report = json.loads(local[1])
    assert sum(f["pages"] for f in report["files"]) == 500
    assert any(f["error"] for f in report["files"])


def test_cache_with_dask_serves_the_rerun(scheduler, tmp_path):
    args = ("samples/", "--executor", "dask", "--scheduler", scheduler, "--cache", str(tmp_path / "cache"))
    first = _scan(*args)
    assert first[:2] == _scan("samples/")[:2]
    stored = len(list((tmp_path / "cache").rglob("*.pickle")))
    assert stored == len(json.loads(first[1])["files"])  # no sample ends in an error
    again = _scan(*args)
    assert again[:2] == first[:2]


def test_unreachable_scheduler_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Agenda\n")
    code, out, err = _scan(str(tmp_path), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "cannot reach the Dask scheduler" in err and "Traceback" not in err
