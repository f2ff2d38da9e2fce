"""Conformance with the x-ray test assets (freelawproject/x-ray, BSD-2-Clause).

Every "bad" file must give WOO301 or WOO304 on the expected page; every "clean" file must
give none of WOO301/WOO302/WOO304. The files live outside the repository and are read
from ../shared/corpora/xray; the tests skip when that folder is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from woocheck.config import Config
from woocheck.pipeline import scan_file

XRAY = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "xray"
FAILED_REDACTION = {"WOO301", "WOO304"}
OURS = {"WOO301", "WOO302", "WOO304"}


def _cases():
    path = XRAY / "expected.json"
    if not path.is_file():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="x-ray corpus not present"))]
    expected = json.loads(path.read_text())
    return [pytest.param(name, want, id=name) for name, want in sorted(expected.items()) if not name.startswith("_")]


@pytest.mark.parametrize("name, want", _cases())
def test_xray_file(name, want):
    result = scan_file(str(XRAY / name), Config(select=("WOO3",)))
    assert result.error is None, result.error
    ours = [f for f in result.findings if f.code in OURS]
    if want["verdict"] == "clean":
        assert ours == [], [(f.code, f.page, f.message) for f in ours]
        return
    hits = [f for f in ours if f.code in FAILED_REDACTION]
    assert hits, "failed redaction not found"
    assert {f.page for f in hits} == {want["page"]}
    regions = {f.bbox for f in hits}
    if "regions" in want:
        assert len(regions) == want["regions"]
    if "regions_at_least" in want:
        assert len(regions) >= want["regions_at_least"]
    assert all(f.text for f in hits)  # the recoverable text travels with the finding
