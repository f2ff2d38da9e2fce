"""No false alarms on real documents: image pages with an OCR layer (VWS Woo exports) and
clean born-digital government papers give no WOO301/WOO302/WOO304.

Reads ../shared/corpora; skips when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from woocheck.config import Config
from woocheck.pipeline import scan_file

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _files():
    # One export per VWS folder keeps the suite fast (the scan runs every locator, raster
    # included); each folder is a different dossier and ZyLAB export run.
    vws = [sorted(d.glob("*.pdf"))[:1] for d in sorted((CORPORA / "vws-woo").glob("*")) if d.is_dir()]
    files = [f for group in vws for f in group] + sorted((CORPORA / "clean-govt").glob("*.pdf"))
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="corpora not present"))]
    return [pytest.param(f, id=str(f.relative_to(CORPORA))) for f in files]


@pytest.mark.parametrize("path", _files())
def test_no_failed_redaction_reported(path):
    result = scan_file(str(path), Config(select=("WOO301", "WOO302", "WOO304")))
    assert result.error is None, result.error
    assert [(f.code, f.page, f.message) for f in result.findings] == []
