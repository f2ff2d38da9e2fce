"""Labels printed in grey boxes on image-only pages, read from the pixels (no OCR layer)."""
from __future__ import annotations

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.ingest import open_document
from woocheck.model import Redaction

GREY, WHITE = (0.45, 0.45, 0.45), (1, 1, 1)


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch):
    """These pages are scans without any text: what is tested is the reading of labels
    from the pixels alone, as on a machine without OCR data (or before OCR was added)."""
    monkeypatch.setenv("WOOCHECK_OCR", "off")


def _scanned(tmp_path, labels, fontsize=9, name="scan.pdf"):
    """Draw grey boxes with white labels, then keep only a 300 dpi picture of the page."""
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    page.insert_text((72, 60), "Van: ambtenaar, Aan: andere ambtenaar, Onderwerp: overleg", fontsize=10)
    boxes = []
    for n, label in enumerate(labels):
        r = pymupdf.Rect(100, 100 + 40 * n, 100 + fontsize * 5.5, 100 + 40 * n + fontsize * 1.6)
        page.draw_rect(r, fill=GREY, color=None)
        if label:
            page.insert_text((r.x0 + fontsize * 0.6, r.y1 - fontsize * 0.45), label, fontsize=fontsize, color=WHITE)
        boxes.append(tuple(r))
    pix = page.get_pixmap(dpi=300)
    out = pymupdf.open()
    img_page = out.new_page(width=595, height=842)
    img_page.insert_image(img_page.rect, pixmap=pix)
    path = tmp_path / name
    out.save(str(path))
    return path, boxes


def test_read_label_from_pixels(tmp_path):
    from woocheck.grounds.pixels import read_label

    labels = ["5.1.2e", "5.1.2i", "5.1.5", "5.1.1c", "10.2e", None]
    path, boxes = _scanned(tmp_path, labels)
    with open_document(path) as doc:
        page = doc.pages[0]
        assert page.is_image_page and not page.words
        got = [(read_label(page, b)[:1] or (("",),))[0][0] for b in boxes]
    assert got == [x or "" for x in labels]


def test_attach_reads_pixel_labels_on_raster_boxes(tmp_path):
    from woocheck.grounds import attach

    path, boxes = _scanned(tmp_path, ["5.1.2e", "5.1.2i", None])
    with open_document(path) as doc:
        red = [Redaction(path=str(path), page=1, bbox=b, kind="raster") for b in boxes]
        got = attach(doc, red, Config()).redactions
    assert [r.ground for r in got] == ["5.1.2e", "5.1.2i", None]
    # Vector boxes are never read from pixels: their labels are text.
    with open_document(path) as doc:
        red = [Redaction(path=str(path), page=1, bbox=boxes[0], kind="vector")]
        assert attach(doc, red, Config()).redactions[0].grounds == ()


def test_end_to_end_scan_of_image_page(tmp_path):
    from woocheck.locate import raster
    from woocheck.pipeline import scan_file

    path, _ = _scanned(tmp_path, ["5.1.2e", "5.1.5", None])
    with open_document(path) as doc:
        if len(raster.find(doc.pages[0], str(path))) < 3:
            pytest.skip("raster locator does not find the three boxes of this synthetic page")
    res = scan_file(str(path), Config(select=("WOO2",)))
    assert sorted(r.ground or "-" for r in res.redactions) == ["-", "5.1.2e", "5.1.5"]
    assert [f.code for f in res.findings] == ["WOO201"]


def test_settle_uses_labels_read_clearly_elsewhere():
    """A near tie ("5.1.2e" or "5.1.2a"?) takes the one the document shows clearly."""
    from woocheck.grounds.associate import settle
    from woocheck.model import Ground

    def g(code):
        return Ground(code=code, raw=code, valid=True, law="woo")

    clear = Redaction(path="x", page=1, bbox=(0, 0, 1, 1), kind="raster", label="5.1.2e", grounds=(g("5.1.2e"),))
    tie = Redaction(path="x", page=1, bbox=(0, 2, 1, 3), kind="raster")
    readings = [("5.1.2a", (g("5.1.2a"),)), ("5.1.2e", (g("5.1.2e"),))]
    out = settle([clear, tie], [(1, readings)])
    assert [(x.code, x.repaired) for x in out[1].grounds] == [("5.1.2e", True)]
    # Both readings shown clearly elsewhere: no way to choose, the box stays without ground.
    both = Redaction(path="x", page=1, bbox=(0, 4, 1, 5), kind="raster", label="5.1.2a", grounds=(g("5.1.2a"),))
    assert settle([clear, tie, both], [(1, readings)])[1].grounds == ()


def test_one_channel_render_reads_like_three_equal_channels(tmp_path):
    """The label reader and has_lettering work from the channel sums of an RGB render;
    a grey (one-channel) render of the same pixels must give the same answers."""
    import dataclasses

    import numpy as np

    from woocheck.grounds.pixels import _read_clip, has_lettering

    path, boxes = _scanned(tmp_path, ["5.1.2e", "5.1.5", None])
    with open_document(path) as doc:
        page = doc.pages[0]

        def grey(zoom, clip=None):
            rgb = page.render(zoom, clip)
            return np.ascontiguousarray(rgb[..., 1])  # rendered from a grey page: r == g == b

        flat = dataclasses.replace(page, render=grey)
        for box in boxes:
            assert (page.render(4.0, box)[..., 0] == page.render(4.0, box)[..., 2]).all()
            assert _read_clip(flat, box, 1.0, 1.0) == _read_clip(page, box, 1.0, 1.0)
            assert has_lettering(flat, box) == has_lettering(page, box)
        assert _read_clip(page, boxes[0], 1.0, 1.0)[0][0] == "5.1.2e"
