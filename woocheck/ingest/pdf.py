"""PDF ingest via pymupdf: words with draw order, drawings, images, annotations, metadata."""
from __future__ import annotations

import contextlib
import re
import zlib
from operator import le
from pathlib import Path
from typing import Iterator, Optional

import pymupdf

from ..model import Annotation, BBox, Document, Drawing, ImageInfo, Page, Word
from ..errors import one_line
from . import IngestError, ocr
from .decoded import DecodedPages

mupdf = pymupdf.mupdf
# PDF names the plain-page test asks for, made once (PDF_NAME builds a new object a call).
_N = {
    name: pymupdf.PDF_NAME(name)
    for name in "Annots Resources XObject Pattern Font Subtype Type3 CharProcs ExtGState SMask Contents Length Filter FlateDecode".split()
}

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

# A page with more drawing commands than this is not inspected path by path: such pages
# are vector art or hostile, and get_drawings() on them costs seconds.
MAX_DRAWINGS = 20_000
_NONSPACE = re.compile(r"\S+")


def _rect(r) -> BBox:
    return (float(r[0]), float(r[1]), float(r[2]), float(r[3]))


def _rgb_int(color) -> int:
    if not color:
        return 0
    if len(color) == 1:  # grey
        color = (color[0],) * 3
    if len(color) == 4:  # cmyk -> rgb
        c, m, y, k = color
        color = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    r, g, b = (max(0, min(255, int(round(v * 255)))) for v in color[:3])
    return (r << 16) | (g << 8) | b


def _words(page: "pymupdf.Page") -> tuple[str, tuple[Word, ...]]:
    """Words from the text trace (content-stream order), joined into the page text.

    The trace keeps what `get_text()` loses: render mode, opacity and the sequence number
    shared with drawings, which is what tells text under a box from text on top of it.
    Each word keeps its glyph boxes, so a check can tell which letters a box covers.
    """
    parts: list[str] = []
    words: list[Word] = []
    append_word, append_part = words.append, parts.append
    colors: dict = {}  # span colour -> its RGB int: a page uses a handful of colours
    pos = 0
    last_base: Optional[float] = None
    last_x1: float = 0.0

    for span in page.get_texttrace():
        # Per-span values, computed once: a page has tens of spans and thousands of glyphs.
        font = span["font"]
        size = float(span["size"])
        span_color = span.get("color")
        try:
            color = colors[span_color]
        except (KeyError, TypeError):  # TypeError: an unhashable colour, not kept
            color = _rgb_int(span_color)
            if len(colors) < 64:
                with contextlib.suppress(TypeError):
                    colors[span_color] = color
        render_mode = int(span.get("type", 0))
        alpha = float(span.get("opacity", 1.0))
        seqno = int(span.get("seqno", -1))
        chars = span["chars"]
        if not chars:
            continue
        # Columns of the glyph table, taken apart in C (zip) rather than glyph by glyph.
        codes, _, origins, boxes_all = zip(*chars)
        if min(codes) >= 0:
            line = "".join(map(chr, codes))
        else:
            line = "".join([chr(c) if c >= 0 else "\ufffd" for c in codes])
        xs0, ys0, xs1, ys1 = zip(*boxes_all)
        # mupdf gives every glyph of a horizontal span the span's top and bottom; when the
        # glyphs also run left to right, a word's box spans its first and last glyph and
        # the min/max over every glyph can be skipped. The test is the same pairwise one
        # as a loop over glyph pairs (NaN fails it), run in C: batch ~1.8 -> 1.4 ms a page.
        n = len(chars)
        simple = (
            ys0.count(ys0[0]) == n
            and ys1.count(ys1[0]) == n
            and all(map(le, xs0, xs0[1:]))
            and all(map(le, xs1, xs1[1:]))
        )
        for m in _NONSPACE.finditer(line):
            i, j = m.span()
            text = m.group()
            if simple:
                x0, y0, x1, y1 = xs0[i], ys0[i], xs1[j - 1], ys1[i]
            elif j - i == 1:
                x0, y0, x1, y1 = boxes_all[i]
            else:
                x0, y0, x1, y1 = min(xs0[i:j]), min(ys0[i:j]), max(xs1[i:j]), max(ys1[i:j])
            base = origins[i][1]
            if last_base is not None:
                height = max(1.0, y1 - y0)
                append_part("\n" if abs(base - last_base) > 0.5 * height or x0 < last_x1 - height else " ")
                pos += 1
            last_base, last_x1 = base, x1
            end = pos + len(text)
            append_word(Word(text, (x0, y0, x1, y1), pos, end, font, size, color, render_mode, alpha, seqno, None, boxes_all[i:j]))
            append_part(text)
            pos = end
    return "".join(parts), tuple(words)


def _intersect(a: Optional[BBox], b: BBox) -> BBox:
    if a is None:
        return b
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _outside(r: BBox, box: BBox) -> bool:
    return r[2] < box[0] or r[0] > box[2] or r[3] < box[1] or r[1] > box[3]


def _pattern_tile(items: list, k: int) -> Optional[list]:
    """The tile drawings of a pattern fill, when the clip at `k` is one; else None.

    mupdf traces a pattern-filled path as a clip to the path followed by one copy of the
    tile, in pattern space: paths that lie wholly outside the clip they are nested in.
    Ordinary clipped content overlaps its clip.
    """
    clip = items[k]
    level, scissor = clip.get("level", 0), _rect(clip["scissor"])
    if not clip.get("items") or scissor[2] - scissor[0] <= 0 or scissor[3] - scissor[1] <= 0:
        return None
    kids = []
    for item in items[k + 1 :]:
        if item.get("level", 0) <= level:
            break
        if item.get("type") not in ("f", "s", "fs"):
            return None
        kids.append(item)
    if kids and all(_outside(_rect(kid["rect"]), scissor) for kid in kids):
        return kids
    return None


def _drawings(page: "pymupdf.Page") -> tuple[Drawing, ...]:
    """Paths with the clip rectangle in force (from the extended drawing list).

    A pattern-filled path comes out as one Drawing with `pattern=True`, its tile's ink
    colour as `fill` and the draw order of the tile.
    """
    out: list[Drawing] = []
    stack: list[tuple[int, BBox]] = []  # (level, scissor) of active clips
    items = page.get_drawings(extended=True)
    skip: set[int] = set()
    for k, item in enumerate(items):
        if k in skip:
            continue
        level = item.get("level", 0)
        kind = item.get("type")
        if kind == "clip":
            while stack and stack[-1][0] >= level:
                stack.pop()
            tile = _pattern_tile(items, k)
            if tile is not None:
                outer: Optional[BBox] = None
                for _, scissor in stack:
                    outer = _intersect(outer, scissor)
                ink = tile[0].get("fill") if tile[0].get("fill") is not None else tile[0].get("color")
                out.append(
                    Drawing(
                        rect=_rect(item["scissor"]),
                        seqno=int(tile[0].get("seqno", -1)),
                        fill=tuple(ink) if ink is not None else (0.0,),
                        stroke=None,
                        fill_opacity=1.0,
                        even_odd=bool(item.get("even_odd")),
                        items=tuple(tuple(it) for it in item.get("items", ())),
                        clip=outer,
                        pattern=True,
                    )
                )
                skip.update(range(k + 1, k + 1 + len(tile)))
                continue
            stack.append((level, _rect(item["scissor"])))
            continue
        if kind == "group":
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        clip: Optional[BBox] = None
        for _, scissor in stack:
            clip = _intersect(clip, scissor)
        fill_opacity = item.get("fill_opacity")
        out.append(
            Drawing(
                rect=_rect(item["rect"]),
                seqno=int(item.get("seqno", -1)),
                fill=tuple(item["fill"]) if item.get("fill") is not None else None,
                stroke=tuple(item["color"]) if item.get("color") is not None else None,
                fill_opacity=1.0 if fill_opacity is None else float(fill_opacity),
                even_odd=bool(item.get("even_odd")),
                items=tuple(tuple(it) for it in item.get("items", ())),
                clip=clip,
            )
        )
    return tuple(out)


def _images(page: "pymupdf.Page", log: list) -> tuple[tuple[ImageInfo, ...], float]:
    image_seqnos = [i for i, (kind, _) in enumerate(log) if kind == "fill-image"]
    if not image_seqnos and not any(kind == "fill-imgmask" for kind, _ in log):
        # Both logs come from the same run of the page: no image drawn, nothing for
        # get_image_info to list, and its text-page run is the dearest call on a text page.
        return (), 0.0
    infos = page.get_image_info()
    images = []
    area = 0.0
    prect = page.rect
    page_area = max(1.0, prect.width * prect.height)
    for n, info in enumerate(infos):
        bbox = _rect(info["bbox"])
        seq = image_seqnos[n] if n < len(image_seqnos) else -1
        images.append(ImageInfo(bbox=bbox, seqno=seq, width=int(info["width"]), height=int(info["height"])))
        r = pymupdf.Rect(bbox) & prect
        if not r.is_empty:
            area += r.width * r.height
    return tuple(images), min(1.0, area / page_area)


def _annotations(page: "pymupdf.Page") -> tuple[Annotation, ...]:
    out = []
    for annot in page.annots() or ():
        info = annot.info or {}
        colors = annot.colors or {}
        out.append(
            Annotation(
                kind=annot.type[1],
                bbox=_rect(annot.rect),
                content=info.get("content", "") or "",
                title=info.get("title", "") or "",
                subject=info.get("subject", "") or "",
                fill=tuple(colors["fill"]) if colors.get("fill") else None,
                stroke=tuple(colors["stroke"]) if colors.get("stroke") else None,
                opacity=float(annot.opacity if annot.opacity is not None and annot.opacity >= 0 else 1.0),
            )
        )
    for link in page.get_links():
        if link.get("uri"):
            out.append(Annotation(kind="Link", bbox=_rect(link["from"]), uri=link["uri"]))
    return tuple(out)


class _DisplayLists:
    """The display lists of the last few pages rendered, shared by a document's pages.

    Rendering a clip through `page.get_pixmap` re-interprets the page and decodes its
    images for every call; the raster locator and the label reader make dozens of small
    clip renders per scanned page. Through one kept display list mupdf's store keeps the
    decoded images too: a clip of a VWS scan drops from 6 ms to 0.15 ms, pixel for pixel
    the same. Only a few are kept: a list pins its page's images in memory.
    """

    def __init__(self, keep: int = 2):
        self.keep = keep
        self.lists: dict[int, "pymupdf.DisplayList"] = {}
        self.decoded: Optional[DecodedPages] = None

    def get(self, page: "pymupdf.Page") -> "pymupdf.DisplayList":
        dl = self.lists.pop(page.number, None) or page.get_displaylist()
        self.lists[page.number] = dl  # most recently used last
        while len(self.lists) > self.keep:
            del self.lists[next(iter(self.lists))]
        return dl

    def get_clip(self, page: "pymupdf.Page", zoom: float, clip: BBox) -> "pymupdf.DisplayList":
        """For a clip: the same pixels, from a copy of the page whose JPEGs are decoded once
        (ingest/decoded.py; VWS scans ~6 -> 0.3 ms a clip)."""
        if self.decoded is None:
            # More copies than lists: WOO201 reads the boxes of every page again after grounds.
            self.decoded = DecodedPages(page.parent)
        return self.decoded.display_list(page, zoom, clip) or self.get(page)


def _renderer(page: "pymupdf.Page", lists: _DisplayLists):
    def render(zoom: float = 1.0, clip: Optional[BBox] = None):
        """RGB numpy array of the page at `zoom` × 72 dpi; `clip` limits it to a region."""
        import numpy as np

        pix = (lists.get_clip(page, zoom, clip) if clip else lists.get(page)).get_pixmap(
            matrix=pymupdf.Matrix(zoom, zoom),
            colorspace=pymupdf.csRGB,
            alpha=False,
            clip=pymupdf.Rect(clip) if clip else None,
        )
        return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)

    return render


# Content-stream operators that make the calls get_bboxlog() lists (fill/stroke path, show
# text, shading, image); a token of the stream is one of these or not.
_PAINT_OPS = frozenset(b"f f* F B B* b b* S s Tj TJ ' \" sh Do BI".split())
# mupdf's whitespace and delimiters, all made spaces so that split() yields its tokens.
_TO_SPACE = bytes.maketrans(b"\x00\t\n\x0b\x0c\r()<>[]{}/%", b" " * 16)
_MAX_PLAIN_CONTENT = 2_000_000  # bytes; a larger page is left to get_bboxlog


def _plain_page(page: "pymupdf.Page") -> bool:
    """True if the page provably draws no image and makes far fewer than MAX_DRAWINGS
    drawing calls: then get_bboxlog(), a third run of the page through a device written in
    Python, is not needed for the guard nor for image order (plain text pages:
    ~2-4 ms -> ~0.2-1 ms a page on the corpora).

    Plain means: no annotations; resources (inherited too) without XObjects (images,
    forms), patterns, Type3 fonts (glyph procedures may paint) or soft masks and fonts set
    in graphics states; and no inline image in the content. Then every listed call comes
    from one operator of the content, each at most two calls (fill and stroke). Anything
    unexpected -> False, and get_bboxlog() decides as before.
    """
    try:
        pobj = pymupdf._as_pdf_page(page.this).obj()
        if mupdf.pdf_array_len(mupdf.pdf_dict_get(pobj, _N["Annots"])):
            return False
        res = mupdf.pdf_dict_get_inheritable(pobj, _N["Resources"])
        for key in ("XObject", "Pattern"):
            if mupdf.pdf_dict_len(mupdf.pdf_dict_get(res, _N[key])):
                return False
        fonts = mupdf.pdf_dict_get(res, _N["Font"])
        for i in range(mupdf.pdf_dict_len(fonts)):
            font = mupdf.pdf_dict_get_val(fonts, i)
            # mupdf loads a font as Type3 by its /Subtype, or any font with /CharProcs.
            if mupdf.pdf_name_eq(mupdf.pdf_dict_get(font, _N["Subtype"]), _N["Type3"]):
                return False
            if mupdf.pdf_dict_get(font, _N["CharProcs"]).m_internal:
                return False
        states = mupdf.pdf_dict_get(res, _N["ExtGState"])
        for i in range(mupdf.pdf_dict_len(states)):
            state = mupdf.pdf_dict_get_val(states, i)
            smask = mupdf.pdf_dict_get(state, _N["SMask"])
            if smask.m_internal and not mupdf.pdf_is_name(smask):  # a mask group paints
                return False
            if mupdf.pdf_dict_get(state, _N["Font"]).m_internal:
                return False
        data = _content(pobj)
        if data is None:
            return False
        tokens = data.translate(_TO_SPACE).split()
        if b"BI" in data and b"BI" in tokens:
            return False
        # Every operator at most two calls (fill and stroke), with a fourfold margin.
        return 2 * sum(map(_PAINT_OPS.__contains__, tokens)) <= MAX_DRAWINGS // 4
    except Exception:
        return False


def _content(pobj) -> Optional[bytes]:
    """The page's content streams joined with a space, as mupdf's interpreter reads them;
    None past _MAX_PLAIN_CONTENT bytes or for a filter other than plain Flate. Inflated
    here with a cap, so a decompression bomb is never held in memory."""
    contents = mupdf.pdf_dict_get(pobj, _N["Contents"])
    if mupdf.pdf_is_array(contents):
        streams = [mupdf.pdf_array_get(contents, i) for i in range(mupdf.pdf_array_len(contents))]
    else:
        streams = [contents] if contents.m_internal else []
    parts: list[bytes] = []
    left = _MAX_PLAIN_CONTENT
    for stream in streams:
        if not mupdf.pdf_is_stream(stream):
            return None
        if mupdf.pdf_dict_len(stream) > 2:  # more than /Length and /Filter: DecodeParms, F, ...
            return None
        if mupdf.pdf_dict_get_int(stream, _N["Length"]) > left:
            return None
        raw = mupdf.fz_buffer_extract_copy(mupdf.pdf_load_raw_stream(stream))
        filt = mupdf.pdf_dict_get(stream, _N["Filter"])
        if not filt.m_internal:
            data = raw
        elif mupdf.pdf_name_eq(filt, _N["FlateDecode"]):
            inflate = zlib.decompressobj()
            data = inflate.decompress(raw, left + 1)
            if not inflate.eof:  # damaged, cut off or over the cap: mupdf may read it otherwise
                return None
        else:
            return None
        left -= len(data)
        if left < 0:
            return None
        parts.append(data)
    return b" ".join(parts)


def _page(page: "pymupdf.Page", lists: _DisplayLists) -> Page:
    text, words = _words(page)
    drawings: tuple[Drawing, ...] = ()
    unchecked = ""
    # A plain page lists no image, and fewer drawing calls than the limit.
    log = [] if _plain_page(page) else page.get_bboxlog()
    if len(log) <= MAX_DRAWINGS:
        drawings = _drawings(page)
    else:
        unchecked = f"page {page.number + 1} has {len(log):,} drawing commands (limit {MAX_DRAWINGS:,}): boxes on it were not checked"
    images, coverage = _images(page, log)
    rect, rotated = page.rect, page.rotation  # each a call into mupdf: asked once
    return Page(
        number=page.number + 1,
        width=float(rect.width),
        height=float(rect.height),
        text=text,
        words=words,
        drawings=drawings,
        images=images,
        annotations=_annotations(page),
        image_coverage=coverage,
        unchecked=unchecked,
        render=_renderer(page, lists),
        rotation_matrix=tuple(page.rotation_matrix) if rotated else None,
        derotation_matrix=tuple(page.derotation_matrix) if rotated else None,
    )


@contextlib.contextmanager
def open_pdf(path: Path) -> Iterator[Document]:
    """Open a PDF that `ingest.open_document` has already prechecked (size, header, %%EOF)."""
    try:
        fz = pymupdf.open(str(path), filetype="pdf")
    except Exception as exc:  # pymupdf raises several types for broken files
        raise IngestError(f"cannot be opened as PDF ({one_line(exc)})") from None
    try:
        if fz.needs_pass or fz.is_encrypted:
            raise IngestError("encrypted, cannot be checked")
        if fz.page_count == 0:
            raise IngestError("PDF has no pages")
        try:
            lists = _DisplayLists()
            # OCR only where a page is an image without (all of) its text: ocr.needs.
            pages = tuple(ocr.complete(_page(p, lists), p) for p in fz)
        except IngestError:
            raise
        except Exception as exc:
            raise IngestError(f"damaged PDF ({one_line(exc)})") from None
        from . import hidden

        meta = tuple((k, v) for k, v in (fz.metadata or {}).items() if isinstance(v, str) and v)
        doc = Document(
            path=str(path),
            kind="pdf",
            pages=pages,
            metadata=meta,
            hidden=hidden.collect(fz, path),
            revisions=max(1, int(getattr(fz, "version_count", 1) or 1)),
        )
        yield doc
    finally:
        fz.close()
