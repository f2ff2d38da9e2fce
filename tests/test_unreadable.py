"""Files and folders the user may not read: one line each, exit 2, the rest scanned.

CI runs as root, who reads everything whatever its permissions, so as root each scan runs
in a forked child that has dropped to the unprivileged user `nobody` first.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
import traceback
from pathlib import Path

import pymupdf
import pytest

NOBODY = 65534


@pytest.fixture
def folder(tmp_path):
    """A folder `nobody` may enter (pytest's own tmp folders are root's alone)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    made = Path(tempfile.mkdtemp(prefix="woocheck-perm-"))
    made.chmod(0o755)
    try:
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)


def _pdf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o755)
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Behandeld door Jan de Vries, 06-12345678.")
    doc.save(path)
    path.chmod(0o644)
    return path


def _scan(cli, *args) -> tuple[int, dict, str]:
    """`woocheck scan ARGS --format json` as a user without root's rights; (code, report, stderr)."""

    def run():
        code, out, err = cli("scan", *map(str, args), "--format", "json", "--fail-on", "never")
        return code, json.loads(out), err

    if os.geteuid() != 0:
        return run()
    # The child may not read root's installation: everything it will need is loaded here.
    from woocheck.batch import warm_up
    from woocheck.config import Config

    warm_up(Config())
    warm = Path(tempfile.mkdtemp())
    try:
        cli("scan", str(_pdf(warm / "a.pdf")), str(_pdf(warm / "b.pdf")), "--format", "json")  # workers too
    finally:
        shutil.rmtree(warm)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to nobody, scan, send the answer back, never return
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            answer = ("ok", run())
        except BaseException:
            answer = ("failed", traceback.format_exc())
        with os.fdopen(write_end, "wb") as fh:
            fh.write(pickle.dumps(answer))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    status, value = pickle.loads(data)
    if status != "ok":
        pytest.fail(f"scan as nobody failed:\n{value}")
    return value


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _lines_naming(err: str, path: Path) -> list[str]:
    return [line for line in err.splitlines() if str(path) in line]


def test_unreadable_file_is_reported_and_the_batch_goes_on(cli, folder):
    good, secret = _pdf(folder / "good.pdf"), _pdf(folder / "secret.pdf")
    before = _sha(secret)
    secret.chmod(0)
    try:
        code, report, err = _scan(cli, folder)
    finally:
        secret.chmod(0o644)
    assert code == 2
    assert "Traceback" not in err
    lines = _lines_naming(err, secret)
    assert len(lines) == 1 and "permission denied" in lines[0]
    errors = {f["path"]: f["error"] for f in report["files"]}
    assert errors[str(secret)] == "permission denied"
    assert errors[str(good)] is None
    assert any(f["path"] == str(good) for f in report["findings"])  # still scanned
    assert _sha(secret) == before


def test_folder_that_cannot_be_listed_never_passes_as_clean(cli, folder):
    """os.walk skips a folder it cannot list without a word: its files were not checked."""
    good = _pdf(folder / "open" / "good.pdf")
    locked = _pdf(folder / "locked" / "inside.pdf").parent
    locked.chmod(0)
    try:
        code, report, err = _scan(cli, folder)
        code_alone, report_alone, _ = _scan(cli, locked)  # the folder itself as the argument
    finally:
        locked.chmod(0o755)
    assert code == 2 and "Traceback" not in err
    lines = _lines_naming(err, locked)
    assert len(lines) == 1 and "cannot be listed" in lines[0] and "permission denied" in lines[0]
    errors = {f["path"]: f["error"] for f in report["files"]}
    assert errors[str(locked)] and errors[str(good)] is None
    assert code_alone == 2
    assert [f["path"] for f in report_alone["files"] if f["error"]] == [str(locked)]


def test_file_in_a_folder_that_cannot_be_entered(cli, folder):
    """Named directly, as the first path (the config is looked up from it) and among others."""
    inside = _pdf(folder / "locked" / "inside.pdf")
    good = _pdf(folder / "good.pdf")
    inside.parent.chmod(0o600)  # listable by its owner only, and enterable by no one else
    try:
        code, report, err = _scan(cli, inside, good)
    finally:
        inside.parent.chmod(0o755)
    assert code == 2 and "Traceback" not in err and "internal error" not in err
    lines = _lines_naming(err, inside)
    assert len(lines) == 1 and "permission denied" in lines[0]
    errors = {f["path"]: f["error"] for f in report["files"]}
    assert errors == {str(inside): "permission denied", str(good): None}
