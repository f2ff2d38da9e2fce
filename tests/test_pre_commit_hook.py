"""The pre-commit hook definition (.pre-commit-hooks.yaml) runs woocheck as a user's
pre-commit would: its entry and args, then the staged files that match `files`."""
from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import yaml

from woocheck.ingest import SUPPORTED

ROOT = Path(__file__).resolve().parents[1]
(HOOK,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())


def test_hook_takes_every_file_woocheck_reads_and_nothing_else():
    files = re.compile(HOOK["files"])  # pre-commit matches with re.search
    for suffix in SUPPORTED:
        for name in (f"besluit{suffix}", f"BESLUIT{suffix.upper()}", f"map/bijlage 2{suffix.title()}"):
            assert files.search(name), name
    for name in ("besluit.docx", "besluit.pdf.bak", "notes.mdx", "pdf", "readme"):
        assert not files.search(name), name


def test_hook_runs_once_for_all_files():
    assert HOOK["require_serial"] is True


def _run_hook(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*shlex.split(HOOK["entry"]), *HOOK["args"], *map(str, paths)], capture_output=True, text=True)


def test_hook_passes_a_clean_document_and_blocks_a_leak(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("# Agenda\n\nDe minister opent het overleg. Daarna de begroting.\n")
    leak = tmp_path / "mail.txt"
    leak.write_text("Van: Jan de Vries <jan.devries@voorbeeld.nl>\nBel me op 06-12345678.\n")
    ok = _run_hook(clean)
    assert ok.returncode == 0, ok.stderr
    blocked = _run_hook(clean, leak)
    assert blocked.returncode == 1, blocked.stderr
    assert "WOO102" in blocked.stdout and "WOO103" in blocked.stdout
