"""Shared test helpers. Corpus tests find ../shared beside the project and skip without it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (corpus tests need ../shared beside the project)")
    return p


@pytest.fixture
def cli():
    """Run the CLI in-process; returns (exit_code, stdout, stderr)."""
    from woocheck.cli import app

    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def scan_json(cli, tmp_path):
    """Scan paths with --format json and return (exit_code, report dict, stderr)."""

    def run(*args: str):
        out = tmp_path / "report.json"
        code, _, err = cli("scan", *args, "--format", "json", "--output", str(out), "--timeout-per-file", "0")
        return code, (json.loads(out.read_text()) if out.exists() else None), err

    return run
