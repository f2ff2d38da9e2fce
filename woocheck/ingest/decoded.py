"""Clip renders of scanned pages without decoding their JPEG images again for every clip.

For every clip of a JPEG image it renders, mupdf decodes the image's rows from the top
down to the clip, and keeps the result for exactly that clip only. A VWS scan is 14 DCT
strips of 2481x256 px, and the label reader renders a clip per raster box (~25 a page):
2-6 ms a clip, most of the time of a scanned page. Here each JPEG under such a clip is
decoded once, and the clip is rendered from a copy of the page in which that image is
stored decoded (uncompressed). mupdf then takes the very same steps (same sub-area, same
placement, same scaling) and only copies the rows instead of decoding them, so the pixels
are the same, bit for bit (checked on every clip of the corpora): ~0.3 ms a clip.

Only where that holds: 8-bit grey or RGB DCT images without mask, Decode array
or parameters, rendered at a zoom where mupdf decodes them at full size (for a small
render it decodes a JPEG at 1/2, 1/4 or 1/8 size directly, and would subsample a raw
image: other pixels). Everything else renders from the document itself.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Optional

import pymupdf

BBox = tuple[float, float, float, float]
# Colour spaces whose JPEGs are swapped, with the components their decoded pixels may have
# (no CMYK: Adobe JPEGs store it inverted).
_COMPONENTS = {"DeviceRGB": (3,), "DeviceGray": (1,), "ICCBased": (1, 3)}


def _overlaps(a: BBox, b: BBox, margin: float = 2.0) -> bool:
    return a[0] - margin < b[2] and b[0] - margin < a[2] and a[1] - margin < b[3] and b[1] - margin < a[3]


class _Image:
    __slots__ = ("xref", "width", "height", "n", "places")

    def __init__(self, xref: int, width: int, height: int, n: tuple[int, ...]):
        self.xref, self.width, self.height, self.n = xref, width, height, n
        self.places: list[tuple[BBox, float, float]] = []  # (bbox, side lengths in pt)

    def full_size(self, zoom: float) -> bool:
        """Whether mupdf decodes the image at full size at `zoom` wherever it is drawn.

        mupdf halves the decode while half the image still covers its size on the page
        (+2 px, image.c); 5% off that edge keeps well clear of it.
        """
        return all(
            0.95 * w * zoom > self.width >> 1 or 0.95 * h * zoom > self.height >> 1 for _, w, h in self.places
        )


def _placements(page: "pymupdf.Page") -> dict[str, list[tuple[BBox, float, float]]]:
    """Where each image XObject of the page is drawn, by resource name.

    One pass over the content stream (what `Page.get_image_bbox` does per image).
    """
    out: dict[str, list[tuple[BBox, float, float]]] = {}
    for name, quad in pymupdf.JM_image_reporter(page._pdf_page()):
        q = pymupdf.Quad(quad)
        r = q.rect
        out.setdefault(name, []).append(((r.x0, r.y0, r.x1, r.y1), abs(q.ur - q.ul), abs(q.ll - q.ul)))
    return out


def _store_raw(doc: "pymupdf.Document", xref: int, pix: "pymupdf.Pixmap") -> None:
    """`doc.update_stream(xref, pix.samples, compress=False)` without the bytes object
    between them: one copy of the pixels less (a VWS strip is 1.9 MB; ~1 ms a strip,
    most of it first touches of fresh memory)."""
    try:
        from pymupdf import mupdf

        pdf = pymupdf._as_pdf_document(doc)
        buf = mupdf.fz_new_buffer_from_copied_data(pix.samples_mv)
        mupdf.pdf_update_stream(pdf, mupdf.pdf_new_indirect(pdf, xref, 0), buf, 0)
    except (AttributeError, TypeError):  # another pymupdf: its public call
        doc.update_stream(xref, pix.samples, compress=False)


class _PageCopy:
    """One page of a private copy of the document, its JPEGs swapped for decoded pixels as needed."""

    def __init__(self, path: str, number: int):
        self.doc = pymupdf.open(path, filetype="pdf")
        self.number = number
        self.broken = False  # a swap failed half-way: the copy is not used any more
        self.tried: set[int] = set()  # xrefs decoded (or found unfit) once
        self.swapped: set[int] = set()  # xrefs stored decoded in the copy
        self.size = 0  # bytes of decoded images held
        self.dl: Optional["pymupdf.DisplayList"] = None
        page = self.doc[number]
        places = _placements(page)
        items = page.get_images(full=True)
        # A name used for two images (each in a form of its own) cannot be told apart. One
        # image under several names is fine (a PDF writer that stores identical images once,
        # such as the blank strips of a scan): it is drawn at the places of all of them. An
        # image is used only if every place it is drawn at is known.
        names = [item[7] for item in items]
        by_xref: dict[int, _Image] = {}
        unfit: set[int] = set()
        for xref, smask, width, height, bpc, cs, _alt, name, filt, referencer in items:
            if referencer or smask or bpc != 8 or filt != "DCTDecode" or cs not in _COMPONENTS:
                unfit.add(xref)
            elif names.count(name) != 1 or not places.get(name):
                unfit.add(xref)
            elif xref not in unfit:
                if xref not in by_xref:
                    if any(self.doc.xref_get_key(xref, k)[0] != "null" for k in ("Mask", "SMask", "Decode", "DecodeParms")):
                        unfit.add(xref)
                        continue
                    by_xref[xref] = _Image(xref, width, height, _COMPONENTS[cs])
                by_xref[xref].places += places[name]
        self.images: list[_Image] = [im for xref, im in by_xref.items() if xref not in unfit]

    def _swap(self, images: list[_Image]) -> bool:
        """Store `images` decoded in the copy; False when one fails to decode.

        They are decoded in a document of their own, closed afterwards: neither the copy
        nor the original keeps a whole decoded image in mupdf's store that a later render
        could pick up instead of its own decode, and the memory is given back.
        """
        decoder = pymupdf.open(self.doc.name, filetype="pdf")
        try:
            for im in images:
                self.tried.add(im.xref)
                pix = pymupdf.Pixmap(decoder, im.xref)
                if pix.alpha or pix.n not in im.n or (pix.width, pix.height) != (im.width, im.height):
                    continue
                _store_raw(self.doc, im.xref, pix)  # drops /Filter too
                if self.doc.xref_get_key(im.xref, "Filter")[0] != "null":
                    self.doc.xref_set_key(im.xref, "Filter", "null")
                self.swapped.add(im.xref)
                self.size += len(pix.samples_mv)
                self.dl = None
        except Exception:  # a damaged JPEG: the page itself renders what it can of it
            return False
        finally:
            decoder.close()
        return True

    def display_list(self, zoom: float, clip: BBox) -> Optional["pymupdf.DisplayList"]:
        if self.broken:
            return None
        # Any zoom at which a decoded image would be subsampled (not decoded smaller, as
        # the JPEG is) renders from the page itself, wherever the clip is.
        if any(im.xref in self.swapped and not im.full_size(zoom) for im in self.images):
            return None
        hit = [im for im in self.images if any(_overlaps(b, clip) for b, _, _ in im.places)]
        new = [im for im in hit if im.xref not in self.tried and im.full_size(zoom)]
        if new and not self._swap(new):
            self.broken = True
            return None
        if not any(im.xref in self.swapped for im in hit):
            return None
        if self.dl is None:
            self.dl = self.doc[self.number].get_displaylist()
        return self.dl


class DecodedPages:
    """The page copies of one document: the last few pages, up to MAX_BYTES of decoded
    images (a VWS page holds ~8 MB of them; the current page is always kept)."""

    MAX_BYTES = 48 << 20

    def __init__(self, doc: "pymupdf.Document", keep: int = 4):
        self.path = doc.name if doc.is_pdf else ""
        self.page_count = doc.page_count
        self.keep = keep
        self.pages: "OrderedDict[int, _PageCopy]" = OrderedDict()
        # Pages found without a JPEG to decode (or no copy), kept for good: the pipeline
        # asks again for every page in each of its passes, and listing a page's images
        # costs ~0.3 ms.
        self.without: set[int] = set()

    def _copy(self, page: "pymupdf.Page") -> Optional[_PageCopy]:
        if not self.path or not any(item[8] == "DCTDecode" for item in page.get_images(full=True)):
            return None
        try:
            copy = _PageCopy(self.path, page.number)
        except Exception:  # not read from a file, the internal pymupdf helper missing, ...
            return None
        source = page.parent
        same = copy.doc.page_count == self.page_count and copy.doc.xref_length() == source.xref_length() and all(
            copy.doc.xref_get_key(im.xref, "Length") == source.xref_get_key(im.xref, "Length") for im in copy.images
        )
        if not same:  # the file changed since it was opened
            self.path = ""
            return None
        return copy if copy.images else None

    def display_list(self, page: "pymupdf.Page", zoom: float, clip: BBox) -> Optional["pymupdf.DisplayList"]:
        """A display list that renders `clip` at `zoom` exactly like the page's own, but
        without decoding JPEGs again; None when the page's own should be used."""
        number = page.number
        if number in self.without:
            return None
        copy = self.pages.get(number)
        if copy is None:
            copy = self._copy(page)
            if copy is None:
                self.without.add(number)
                return None
            self.pages[number] = copy
        self.pages.move_to_end(number)
        dl = copy.display_list(zoom, clip)
        while len(self.pages) > 1 and (
            len(self.pages) > self.keep or sum(c.size for c in self.pages.values()) > self.MAX_BYTES
        ):
            self.pages.popitem(last=False)
        return dl
