"""The progress bar: on a terminal a person watches, never in a CI log.

Runs the installed command with its stderr on a pseudo-terminal, as a person's shell has it.
"""
from __future__ import annotations

import os
import pty
import subprocess
import threading
from pathlib import Path

import pytest


def _docs(folder: Path) -> Path:
    folder.mkdir()
    for i in range(3):
        (folder / f"verslag_{i}.txt").write_text(f"Verslag {i}: de minister opent het overleg.\n", encoding="utf-8")
    return folder


def _stderr_on_a_terminal(args: list[str], ci: str | None) -> tuple[int, str, str]:
    """(exit code, stdout, what the terminal on stderr showed)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["COLUMNS"] = "120"
    master, slave = pty.openpty()
    shown = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the other end is closed
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.run(["woocheck", *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
                              env=env, timeout=120)
    finally:
        os.close(slave)
        reader.join(10)
        os.close(master)
    return proc.returncode, proc.stdout.decode(), shown.decode(errors="replace")


@pytest.mark.parametrize("ci, shows", [(None, True), ("false", True), ("true", False), ("1", False)])
def test_progress_bar_only_where_a_person_watches(tmp_path, ci, shows):
    folder = _docs(tmp_path / "besluit")
    folder_args = [str(folder), "--format", "json"]  # the report goes to a pipe, as with > file
    code, out, terminal = _stderr_on_a_terminal(["scan", *folder_args], ci)
    assert code == 0, terminal
    assert out.lstrip().startswith("{")  # the report itself is untouched by the bar
    assert ("scanning" in terminal) is shows, terminal
