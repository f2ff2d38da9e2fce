"""Pictures of the pages that have findings, for the HTML report (`--format html`).

The HTML renderer stays a pure function of the report: this step, which reads the input
PDFs, makes the pictures and the CLI passes them in. A picture is the page in grey as a
JPEG; the renderer draws the boxes over it in colour (SVG), so the boxes stay sharp at any
zoom and the picture stays small.

Size: the pictures share one budget (`budget` bytes of the report file, base64 counted,
stated in the report). The resolution
goes down from 72 to 30 dpi as the pages to show grow in number, and a picture that does
not fit what is left is left out (and counted). Masked by default, like the text: the boxes
of findings that hold personal data are painted over in the picture, so the page shows
where the item is, not what it says.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Optional

from .masking import mask
from .model import Finding, Report

DEFAULT_BUDGET = 10 * 1024 * 1024  # a report that still goes through as a mail attachment
DPI_STEPS = (72, 54, 40, 30)  # 30 dpi: the words are hard to read, the boxes still plain
_FIRST_GUESS = 0.16  # report bytes a pixel of a grey JPEG of a text page, before one is measured
QUALITY = 60


@dataclass(frozen=True)
class PagePicture:
    mime: str
    data: str  # base64
    width: int  # pixels
    height: int
    page_width: float  # the page as shown (rotation applied), in points
    page_height: float
    # (a, b, c, d, e, f) from the page's unrotated space (the report's boxes) to the page as
    # shown; None when the page is not rotated.
    matrix: Optional[tuple[float, ...]] = None

    @property
    def size(self) -> int:
        """Bytes the picture adds to the report: its base64 text, a third more than the JPEG."""
        return len(self.data)


@dataclass
class Pictures:
    by_page: dict[tuple[str, int], PagePicture] = field(default_factory=dict)
    budget: int = DEFAULT_BUDGET
    left_out: int = 0
    masked: bool = True

    @property
    def used(self) -> int:
        return sum(p.size for p in self.by_page.values())


def _is_personal(f: Finding) -> bool:
    return bool(f.text) and mask(f.text, f.kind) != f.text


def page_pictures(report: Report, show_personal_data: bool = False, budget: int = DEFAULT_BUDGET) -> Pictures:
    """A picture of every PDF page with a finding drawn on it, within `budget` bytes in all."""
    out = Pictures(budget=budget, masked=not show_personal_data)
    wanted: dict[str, dict[int, list[Finding]]] = {}
    private: dict[str, dict[int, list]] = {}  # what to paint over, reported or not
    for r in report.files:
        if r.path.lower().endswith(".pdf") and not (r.error and r.pages == 0):
            for f in r.findings:
                if f.page and f.bbox:  # a picture is there to show where the boxes are
                    wanted.setdefault(r.path, {}).setdefault(f.page, []).append(f)
            for page, bbox in r.private_boxes:
                private.setdefault(r.path, {}).setdefault(page, []).append(bbox)
    todo = sum(len(pages) for pages in wanted.values())
    if budget <= 0:
        out.left_out = todo
        return out
    per_pixel = _FIRST_GUESS
    left = budget
    for path, pages in wanted.items():
        try:
            import pymupdf

            doc = pymupdf.open(path)
        except Exception:  # the scan already reported why it cannot be read
            out.left_out += len(pages)
            todo -= len(pages)
            continue
        with doc:
            for number in sorted(pages):
                if not 1 <= number <= doc.page_count:
                    out.left_out += 1
                    todo -= 1
                    continue
                page = doc[number - 1]
                share = left / max(todo, 1)
                dpi = next((d for d in DPI_STEPS if _pixels(page, d) * per_pixel <= share), DPI_STEPS[-1])
                pic = _picture(page, dpi, pages[number], private.get(path, {}).get(number, []), show_personal_data)
                todo -= 1
                per_pixel = max(per_pixel, pic.size / (pic.width * pic.height))
                if pic.size > left:
                    out.left_out += 1
                    continue
                out.by_page[path, number] = pic
                left -= pic.size
    return out


def _pixels(page, dpi: int) -> float:
    return page.rect.width * page.rect.height * (dpi / 72) ** 2


def _picture(page, dpi: int, findings: list[Finding], private: list, show: bool) -> PagePicture:
    """`private`: the boxes of the page's non-public personal data the scan located, also
    those no finding reports (--select, --ignore, a baseline), painted over like the
    items of the findings themselves."""
    import pymupdf

    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    to_pixels = page.rotation_matrix * pymupdf.Matrix(dpi / 72, dpi / 72)
    if not show:
        for bbox in [f.bbox for f in findings if f.bbox and _is_personal(f)] + list(private):
            box = (pymupdf.Rect(bbox) * to_pixels).irect
            pix.set_rect(box + (-1, -1, 1, 1), (96,))  # mid grey: "something was here"
    data = pix.tobytes("jpeg", jpg_quality=QUALITY)
    rotated = page.rotation != 0
    return PagePicture(
        mime="image/jpeg",
        data=base64.b64encode(data).decode("ascii"),
        width=pix.width,
        height=pix.height,
        page_width=float(page.rect.width),
        page_height=float(page.rect.height),
        matrix=tuple(page.rotation_matrix) if rotated else None,
    )
