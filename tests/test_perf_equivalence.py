"""Ingest shortcuts taken for speed keep what a page carries.

- words are built per span in one pass: each word's box is the union of its glyph boxes
  and its offsets index the page text;
- get_image_info is skipped on a page that draws no image: a page that draws one, even
  a stencil mask (/ImageMask, drawn as "fill-imgmask"), still lists it;
- get_bboxlog is skipped on a page that provably draws no image (and few paths): inline
  images, annotation appearances and patterns still list theirs.
"""
from __future__ import annotations

import pymupdf

from woocheck.ingest import open_document


def _stencil_page(doc: pymupdf.Document) -> None:
    """A page whose only content is a 1-bit image mask painted in blue."""
    page = doc.new_page()
    mask = doc.get_new_xref()
    doc.update_object(mask, "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ImageMask true /BitsPerComponent 1 >>")
    doc.update_stream(mask, bytes([0xAA, 0x55] * 4), compress=False)
    content = doc.get_new_xref()
    doc.update_object(content, "<< >>")
    doc.update_stream(content, b"q 0 0 1 rg 100 0 0 100 100 500 cm /Im9 Do Q")
    parent = doc.xref_get_key(page.xref, "Parent")[1]
    doc.update_object(
        page.xref,
        f"<< /Type /Page /Parent {parent} /MediaBox [0 0 595 842] "
        f"/Resources << /XObject << /Im9 {mask} 0 R >> >> /Contents {content} 0 R >>",
    )


def test_words_union_of_glyphs_and_images_listed(tmp_path):
    doc = pymupdf.open()
    text = doc.new_page()
    text.insert_text((72, 72), "Aan: Jan Jansen", fontsize=11)
    text.insert_text((72, 90), "Kenmerk 2024-0815 x", fontsize=9)
    # Turned and mirrored text: glyphs that do not run left to right on one baseline.
    text.insert_text((300, 400), "Schuin geplaatst", fontsize=10, morph=(pymupdf.Point(300, 400), pymupdf.Matrix(30)))
    text.insert_text((300, 500), "Gespiegeld", fontsize=10, morph=(pymupdf.Point(300, 500), pymupdf.Matrix(-1, 0, 0, 1, 0, 0)))
    png = text.get_pixmap(dpi=30).tobytes("png")
    scan = doc.new_page()
    scan.insert_image(pymupdf.Rect(50, 50, 300, 400), stream=png)
    _stencil_page(doc)
    path = tmp_path / "mixed.pdf"
    doc.save(path)

    with open_document(str(path)) as parsed:
        first, second, third = parsed.pages
        assert [w.text for w in first.words] == ["Aan:", "Jan", "Jansen", "Kenmerk", "2024-0815", "x", "Schuin", "geplaatst", "Gespiegeld"]
        for w in first.words:
            assert first.text[w.start : w.end] == w.text
            assert len(w.chars) == len(w.text)
            xs0, ys0, xs1, ys1 = zip(*w.chars)
            assert w.bbox == (min(xs0), min(ys0), max(xs1), max(ys1))
        assert first.images == () and first.image_coverage == 0.0
        assert len(second.images) == 1 and second.image_coverage > 0.1
        assert len(third.images) == 1
        assert third.images[0].bbox == (100.0, 242.0, 200.0, 342.0)


def _page_with(doc: pymupdf.Document, content: bytes, resources: str = "<< >>", extra: str = "") -> None:
    page = doc.new_page()
    stream = doc.get_new_xref()
    doc.update_object(stream, "<< >>")
    doc.update_stream(stream, content)
    parent = doc.xref_get_key(page.xref, "Parent")[1]
    doc.update_object(
        page.xref,
        f"<< /Type /Page /Parent {parent} /MediaBox [0 0 595 842] /Resources {resources} /Contents {stream} 0 R {extra} >>",
    )


def _image(doc: pymupdf.Document) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>")
    doc.update_stream(xref, bytes([0, 255, 255, 0]), compress=False)
    return xref


def test_get_bboxlog_is_skipped_only_where_no_image_can_be_drawn(tmp_path):
    """A page without XObjects, patterns, Type3 fonts, soft masks, annotations or inline
    images skips get_bboxlog: it keeps its drawings and lists no image. Each way an image
    can still be drawn is listed as before."""
    doc = pymupdf.open()
    plain = doc.new_page()
    plain.insert_text((72, 72), "Geen afbeelding", fontsize=11)
    plain.draw_rect(pymupdf.Rect(70, 60, 200, 80), color=(0, 0, 0), fill=(0, 0, 0))
    # An inline image: no XObject anywhere, only BI ... ID ... EI in the content.
    _page_with(doc, b"q 100 0 0 100 100 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q")
    # An image drawn by an annotation's appearance only.
    img = _image(doc)
    form = doc.get_new_xref()
    doc.update_object(form, f"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 {img} 0 R >> >> >>")
    doc.update_stream(form, b"q 1 0 0 1 0 0 cm /Im1 Do Q")
    annot = doc.get_new_xref()
    doc.update_object(annot, f"<< /Type /Annot /Subtype /Stamp /Rect [100 100 200 200] /AP << /N {form} 0 R >> >>")
    _page_with(doc, b"", extra=f"/Annots [{annot} 0 R]")
    # An image inside a tiling pattern.
    pattern = doc.get_new_xref()
    doc.update_object(
        pattern,
        f"<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 "
        f"/Resources << /XObject << /Im1 {img} 0 R >> >> >>",
    )
    doc.update_stream(pattern, b"q 10 0 0 10 0 0 cm /Im1 Do Q")
    _page_with(doc, b"/Pattern cs /P1 scn 100 100 50 50 re f", f"<< /Pattern << /P1 {pattern} 0 R >> >>")
    path = tmp_path / "images.pdf"
    doc.save(path)

    with open_document(str(path)) as parsed:
        first, inline, annotated, patterned = parsed.pages
        assert first.images == () and first.image_coverage == 0.0 and first.unchecked == ""
        assert [w.text for w in first.words] == ["Geen", "afbeelding"]
        assert any(d.fill == (0.0, 0.0, 0.0) for d in first.drawings)
        assert len(inline.images) == 1 and inline.images[0].seqno >= 0
        assert len(annotated.images) == 1
        assert len(patterned.images) >= 1
