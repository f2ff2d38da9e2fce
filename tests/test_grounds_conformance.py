"""Conformance with the real VWS disclosures: the grounds woocheck reads from each PDF must
equal the `03 Beoordelingsgrond` of that document in the folder's inventory list.

Run with -s to see the per-document table. The threshold is what woocheck achieves today
(labels from the OCR layer, and read from the pixels of raster boxes where OCR has none).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from woocheck.config import Config
from woocheck.grounds import document_grounds, load_catalogue
from woocheck.grounds.parse import parse
from woocheck.ingest import open_document
from woocheck.pipeline import Context

from conftest import shared_path

pytestmark = pytest.mark.corpus

MIN_AGREEMENT = 18  # documents whose grounds match the inventory exactly, of 18


def _inventory(folder: Path) -> dict[str, set[str]]:
    import openpyxl

    cat = load_catalogue()
    ws = openpyxl.load_workbook(folder / "inventory.xlsx", read_only=True).active
    rows = ws.iter_rows(values_only=True)
    head = list(next(rows))
    i_id, i_ground = head.index("ID"), head.index("03 Beoordelingsgrond")
    out = {}
    for row in rows:
        if row[i_id] is None:
            continue
        cell = str(row[i_ground] or "")
        out[str(row[i_id])] = {g.code for part in cell.split(";") for g in parse(part, cat) if g.valid}
    return out


def _documents():
    base = shared_path("corpora", "vws-woo")
    for folder in sorted(base.glob("woo[0-9]*")):
        if not (folder / "inventory.xlsx").exists():
            continue
        inventory = _inventory(folder)
        for pdf in sorted(folder.glob("*.pdf")):
            if pdf.stem in inventory:
                yield pdf, inventory[pdf.stem]


def test_grounds_agree_with_inventory():
    rows = []
    for pdf, expected in _documents():
        with open_document(pdf) as doc:
            got = document_grounds(doc, Context(doc, Config()).redactions)
        rows.append((pdf.parent.name, pdf.stem, expected, got))
    if not rows:
        pytest.skip("no inventory documents in the corpus")
    print(f"\n{'folder':6} {'ID':8} {'inventory':32} {'woocheck':32} verdict")
    for folder, ident, expected, got in rows:
        verdict = "ok" if expected == got else ("missing " + ", ".join(sorted(expected - got)) if expected - got else "") + (
            (" extra " + ", ".join(sorted(got - expected))) if got - expected else "")
        print(f"{folder:6} {ident:8} {'; '.join(sorted(expected)) or '-':32} {'; '.join(sorted(got)) or '-':32} {verdict}")
    agree = sum(e == g for _, _, e, g in rows)
    extra = sum(bool(g - e) for _, _, e, g in rows)
    print(f"agreement: {agree}/{len(rows)} documents; documents with a ground the inventory lacks: {extra}")
    assert agree >= MIN_AGREEMENT
    assert extra == 0  # reading a ground that is not there is worse than missing one
