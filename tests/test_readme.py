"""README promises that a command or the registry can check."""
from __future__ import annotations

import re

from conftest import ROOT


def test_readme_code_table_lists_every_registered_rule():
    from woocheck.checks import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- codes:start -->")[1].split("<!-- codes:end -->")[0]
    rows = dict(re.findall(r"^\| (WOO\d{3}) \| \w+ \| (.+?) \|$", table, re.MULTILINE))
    for r in all_rules():
        assert rows.get(r.code) == r.summary, f"README code table out of date for {r.code}"
    assert set(rows) == {r.code for r in all_rules()}


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = 'apt-get update && apt-get install -y wdutch wbritish tesseract-ocr tesseract-ocr-nld chromium poppler-utils && python3 -m pip install -e ".[test]" && python3 -m pytest -q'
    assert command in readme and command in ci
