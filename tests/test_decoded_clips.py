"""Clip renders of scanned pages come from a copy with the JPEGs decoded once: same pixels."""
import numpy as np
import pymupdf

from woocheck.ingest import open_document
from woocheck.ingest.decoded import DecodedPages


def _scan(path, strips=4):
    """A page made like a VWS scan: JPEG strips of a grey page with grey boxes and light text."""
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    page.draw_rect(pymupdf.Rect(100, 100, 180, 114), color=None, fill=(0.45, 0.45, 0.45))
    page.insert_text((104, 111), "5.1.2e", fontsize=10, color=(0.9, 0.9, 0.9))
    page.draw_rect(pymupdf.Rect(300, 400, 360, 412), color=None, fill=(0.3, 0.3, 0.3))
    page.insert_text((60, 300), "Lorem ipsum dolor sit amet", fontsize=11)
    full = page.get_pixmap(matrix=pymupdf.Matrix(300 / 72, 300 / 72))
    doc = pymupdf.open()
    out = doc.new_page(width=595, height=842)
    h = full.height // strips
    for k in range(strips):
        y0, y1 = k * h, (k + 1) * h if k < strips - 1 else full.height
        arr = np.frombuffer(full.samples, np.uint8).reshape(full.height, full.width, 3)[y0:y1]
        part = pymupdf.Pixmap(pymupdf.csRGB, full.width, y1 - y0, np.ascontiguousarray(arr).tobytes(), False)
        rect = pymupdf.Rect(0, 842 * y0 / full.height, 595, 842 * y1 / full.height)
        out.insert_image(rect, stream=part.tobytes("jpg"))
    doc.save(path)


def test_clip_renders_match_the_page_itself(tmp_path):
    path = tmp_path / "scan.pdf"
    _scan(str(path))
    clips = [(99, 99, 181, 115), (299, 399, 361, 413), (50, 200, 120, 215), (10, 205, 590, 215), (0, 0, 595, 842)]
    with open_document(str(path)) as doc:
        page = doc.pages[0]
        for zoom in (0.5, 1.0, 2.0, 4.0):  # rising: a finer decode kept from before would serve a coarser render
            for clip in clips:
                # A fresh document each time: what mupdf has decoded before changes a render
                # (a whole image decoded for one clip serves the next ones at any zoom).
                want = pymupdf.open(str(path))[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB, alpha=False, clip=pymupdf.Rect(clip))
                got = page.render(zoom, clip)
                assert got.shape == (want.height, want.width, 3)
                assert got.tobytes() == want.samples, (zoom, clip)


def test_copy_used_only_at_full_size(tmp_path):
    path = tmp_path / "scan.pdf"
    _scan(str(path))
    fz = pymupdf.open(str(path))
    pages = DecodedPages(fz)
    assert pages.display_list(fz[0], 4.0, (99, 99, 181, 115)) is not None
    # At zoom 1 mupdf decodes the 300 dpi strips at a quarter size: the page's own list.
    assert pages.display_list(fz[0], 1.0, (99, 99, 181, 115)) is None


def test_page_without_jpeg_uses_its_own_list(tmp_path):
    path = tmp_path / "text.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "hello")
    doc.save(str(path))
    fz = pymupdf.open(str(path))
    assert DecodedPages(fz).display_list(fz[0], 4.0, (60, 60, 120, 80)) is None


def test_file_changed_since_opened_uses_the_page_itself(tmp_path):
    path = tmp_path / "scan.pdf"
    _scan(str(path))
    fz = pymupdf.open(str(path))
    _scan(str(path), strips=3)  # rewritten under the open document
    assert DecodedPages(fz).display_list(fz[0], 4.0, (99, 99, 181, 115)) is None


def test_decoded_pixels_stored_raw_also_through_the_public_call(tmp_path, monkeypatch):
    """The decoded strip goes into the copy straight from the pixmap; with a pymupdf
    lacking the internal helper, through `update_stream`: the same stream either way."""
    from woocheck.ingest import decoded

    path = tmp_path / "scan.pdf"
    _scan(str(path))
    streams = []

    class WithoutHelper:  # pymupdf as the module sees it, minus the internal helper
        def __getattr__(self, name):
            if name == "_as_pdf_document":
                raise AttributeError(name)
            return getattr(pymupdf, name)

    for broken in (False, True):
        if broken:
            monkeypatch.setattr(decoded, "pymupdf", WithoutHelper())
        fz = pymupdf.open(str(path))
        copy = decoded._PageCopy(str(path), 0)
        im = copy.images[0]
        assert copy._swap([im]) and im.xref in copy.swapped
        assert copy.doc.xref_get_key(im.xref, "Filter")[0] == "null"
        streams.append(copy.doc.xref_stream_raw(im.xref))
        assert streams[-1] == pymupdf.Pixmap(fz, im.xref).samples
    assert streams[0] == streams[1]


def test_one_image_drawn_in_several_places_is_decoded_once(tmp_path):
    """A writer that stores identical images once (the blank strips of a scan) draws one
    image under several names; clips over those places also come from the decoded copy."""
    path = tmp_path / "scan.pdf"
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    page.draw_rect(pymupdf.Rect(100, 100, 180, 114), color=None, fill=(0.45, 0.45, 0.45))
    page.insert_text((104, 111), "5.1.2e", fontsize=10, color=(0.9, 0.9, 0.9))
    full = page.get_pixmap(matrix=pymupdf.Matrix(300 / 72, 300 / 72))
    doc = pymupdf.open()
    out = doc.new_page(width=595, height=842)
    strips = 8  # the box is on the first two strips; the others are blank paper, stored once
    h = full.height // strips
    for k in range(strips):
        arr = np.frombuffer(full.samples, np.uint8).reshape(full.height, full.width, 3)[k * h : (k + 1) * h]
        part = pymupdf.Pixmap(pymupdf.csRGB, full.width, h, np.ascontiguousarray(arr).tobytes(), False)
        out.insert_image(pymupdf.Rect(0, 842 * k / strips, 595, 842 * (k + 1) / strips), stream=part.tobytes("jpg"))
    doc.save(str(path))
    fz = pymupdf.open(str(path))
    xrefs = [item[0] for item in fz[0].get_images(full=True)]
    assert len(xrefs) == strips and len(set(xrefs)) == 3  # six blank strips: one image
    clips = [(99, 99, 181, 115), (50, 420, 300, 440), (10, 100, 590, 220)]  # the last spans all three images
    pages = DecodedPages(fz)
    for clip in clips:
        assert pages.display_list(fz[0], 4.0, clip) is not None, clip
    with open_document(str(path)) as wc:
        for clip in clips:
            want = pymupdf.open(str(path))[0].get_pixmap(matrix=pymupdf.Matrix(4, 4), colorspace=pymupdf.csRGB, alpha=False, clip=pymupdf.Rect(clip))
            assert wc.pages[0].render(4.0, clip).tobytes() == want.samples, clip
