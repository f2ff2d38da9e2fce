"""Raster redactions on real ZyLAB exports (../shared/corpora/vws-woo).

Ground truth comes from the documents themselves: every ground label the OCR layer
reads ("5.1.2e", "51.2e", "512¢", ...) was printed inside a grey box, so a located box
must contain it or touch it. Skipped when the corpus is not beside the project.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from woocheck.config import Config
from woocheck.ingest import open_document
from woocheck.locate import locate
from woocheck.locate.ocr_junk import is_label
from woocheck.pipeline import scan_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VWS = SHARED / "corpora" / "vws-woo"

pytestmark = pytest.mark.corpus


def _pdfs() -> list[Path]:
    if not VWS.is_dir():
        pytest.skip(f"{VWS} not present")
    return sorted(VWS.glob("*/*.pdf"))


def _adjoins(word_bbox, box, margin: float = 3.0) -> bool:
    cx = (word_bbox[0] + word_bbox[2]) / 2
    cy = (word_bbox[1] + word_bbox[3]) / 2
    return box[0] - margin <= cx <= box[2] + margin and box[1] - margin <= cy <= box[3] + margin


def test_every_ground_label_sits_in_a_located_grey_box():
    labels = hits = boxes = pages = 0
    missed = []
    for pdf in _pdfs():
        with open_document(pdf) as doc:
            found = [r for r in locate(doc) if r.kind == "raster"]
            boxes += len(found)
            for page in doc.pages:
                pages += 1
                on_page = [r.bbox for r in found if r.page == page.number]
                for w in page.words:
                    if not (w.bbox and is_label(w.text)):
                        continue
                    labels += 1
                    if any(_adjoins(w.bbox, b) for b in on_page):
                        hits += 1
                    else:
                        missed.append(f"{pdf.name} p{page.number} {w.text!r}")
    recall = hits / labels
    print(f"\nvws-woo raster: {pages} pages, {boxes} boxes, {labels} label tokens, recall {recall:.3f}")
    assert labels > 150 and boxes > labels  # most boxes carry no label the OCR could read
    assert recall >= 0.97, missed


def test_woo303_stays_quiet_on_the_published_dossiers():
    """The VWS documents were OCR'd after the redaction: the layer holds only labels and
    junk under the boxes. Any WOO303 here would be a false alarm (checked by eye)."""
    findings = []
    for pdf in _pdfs():
        result = scan_file(str(pdf), Config(select=("WOO303",)))
        assert result.error is None
        findings += [(pdf.name, f.page, f.text) for f in result.findings if f.code == "WOO303"]
    assert findings == []
