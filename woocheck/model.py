"""The data that flows through the pipeline: frozen dataclasses, no behaviour to speak of.

Coordinates are PDF points with the origin at the top left (pymupdf's convention);
pages are 1-based everywhere outside ingest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Optional

BBox = tuple[float, float, float, float]


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


# slots: a page makes ~230 Words; without a per-instance dict each is smaller and its
# fields read a little faster in every later stage. Nothing keys a weakref on a Word.
@dataclass(frozen=True, slots=True)
class Word:
    """One word of a page's text layer (or one line-token of a text file).

    `seqno` is the draw order of the span the word belongs to (pymupdf texttrace), so a
    check can tell text drawn before a box from text drawn on top of it. `render_mode`
    3 means invisible (typical of an OCR layer). `line` is the 0-based line number in a
    text file (None for PDFs); `start`/`end` index into `Page.text`. `ocr`: read by
    woocheck's own OCR from the page image (ingest/ocr.py), not taken from the file.
    """

    text: str
    bbox: Optional[BBox]
    start: int
    end: int
    font: str = ""
    size: float = 0.0
    color: int = 0
    render_mode: int = 0
    alpha: float = 1.0
    seqno: int = -1
    line: Optional[int] = None
    # Per-character glyph boxes (PDF only), so a check can tell which letters of a word a
    # box covers. Empty for text files.
    chars: tuple[BBox, ...] = ()
    ocr: bool = False


@dataclass(frozen=True)
class Drawing:
    """A vector path as pymupdf reports it, reduced to what redaction checks need."""

    rect: BBox
    seqno: int
    fill: Optional[tuple[float, ...]]
    stroke: Optional[tuple[float, ...]]
    fill_opacity: float
    even_odd: bool
    items: tuple[tuple[Any, ...], ...]
    clip: Optional[BBox] = None  # the clip rectangle in force, if any
    # Filled with a tiling pattern (hatching, dots): `fill` is the colour of the tile's ink.
    pattern: bool = False


@dataclass(frozen=True)
class ImageInfo:
    bbox: BBox
    seqno: int
    width: int
    height: int


@dataclass(frozen=True)
class Annotation:
    kind: str  # pymupdf type name: "Redact", "Highlight", "Square", "Text", "FreeText", ...
    bbox: BBox
    content: str = ""
    title: str = ""
    subject: str = ""
    uri: str = ""
    fill: Optional[tuple[float, ...]] = None
    stroke: Optional[tuple[float, ...]] = None
    opacity: float = 1.0


@dataclass(frozen=True, eq=False)
class Page:
    """One page. `text` is the page's text in reading order; `words` index into it."""

    number: int  # 1-based
    width: float
    height: float
    text: str
    words: tuple[Word, ...]
    drawings: tuple[Drawing, ...] = ()
    images: tuple[ImageInfo, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    image_coverage: float = 0.0  # share of the page area covered by images
    # Why part of this page could not be inspected (e.g. too many drawing commands), or "".
    # A page that was not fully checked must not pass as clean: the file gets an error.
    unchecked: str = ""
    # For a page with /Rotate: the matrices (a, b, c, d, e, f) from unrotated page space to
    # the displayed (rendered) page and back. None when the page is not rotated.
    rotation_matrix: Optional[tuple[float, ...]] = None
    derotation_matrix: Optional[tuple[float, ...]] = None
    # Render of the page for raster checks, made on demand (None for text files).
    render: Optional[Callable[[float], Any]] = field(default=None, repr=False)
    # Where the text read by woocheck's OCR starts in `text` (it follows the file's own
    # text layer, if any); None when the page was not OCR'd.
    ocr_start: Optional[int] = None

    @property
    def is_image_page(self) -> bool:
        return self.image_coverage >= 0.6

    @property
    def layer_words(self) -> tuple[Word, ...]:
        """The words of the file's own text layer, without those woocheck's OCR read from
        the page image: OCR reads a burnt-in box and the letters beside it as one word, or
        junk in it as letters, so box finders and hidden-text checks must not see them."""
        if self.ocr_start is None:
            return self.words
        return tuple(w for w in self.words if not w.ocr)


@dataclass(frozen=True)
class HiddenText:
    """Text a PDF keeps outside the visible page (metadata, comments, revisions, ...).

    `place` is a human-readable location a reviewer can find in Acrobat, e.g.
    "metadata Author" or "comment on page 4 by J. Smit".
    """

    kind: str  # metadata | revision | annotation | attachment | bookmark | form-field | alt-text | filename
    place: str
    text: str
    page: Optional[int] = None
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, eq=False)
class Document:
    path: str
    kind: str  # "pdf" | "text"
    pages: tuple[Page, ...]
    metadata: tuple[tuple[str, str], ...] = ()
    hidden: tuple[HiddenText, ...] = ()
    revisions: int = 1

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)


@dataclass(frozen=True)
class Ground:
    """A ground as read from a label: the normalised code and how it was read."""

    code: str  # normalised: "5.1.2e", "10.2e", "5.2.1"; for markers "buiten-reikwijdte"
    raw: str
    valid: bool  # exists in the catalogue
    law: str = "woo"  # woo | wob | special | marker | unknown
    repaired: bool = False  # OCR damage was repaired to reach `code`
    via_legend: Optional[str] = None  # the letter that resolved through the legend
    box_ocr: bool = False  # read by OCR of the box region (grounds/ocr_label.py), the slow path


@dataclass(frozen=True)
class Redaction:
    path: str
    page: int
    bbox: Optional[BBox]
    kind: str  # vector | raster | annotation | text-marker
    label: Optional[str] = None  # raw text read as the label
    grounds: tuple[Ground, ...] = ()
    covered_text: str = ""  # text layer content under the box, if any
    start: Optional[int] = None  # for text markers: offsets into Page.text
    end: Optional[int] = None
    detail: str = ""  # e.g. "Redact annotation (not applied)", "black fill"
    # What the box hides is only placeholder filler or a few stray characters at its edge
    # (locate.vector.residue): WOO301 reports it as a warning, not an error.
    residue: bool = False

    @property
    def ground(self) -> Optional[str]:
        """The first normalised code, as the pinned JSON field `ground` wants it."""
        return self.grounds[0].code if self.grounds else None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    path: str
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    text: str = ""  # the offending text in full; renderers mask it unless told not to
    context: str = ""  # surrounding text, for the terminal report
    span: Optional[tuple[int, int]] = None  # offsets of the hit in Page.text
    line: Optional[int] = None  # 1-based line for text files
    kind: str = ""  # entity type for masking (EMAIL, PERSON, ...), optional
    # The context with every personal-data item of its text masked before the window was
    # cut (pipeline.context_of): what reports show unless --show-personal-data. Empty with
    # a context means it could not be masked, and no context is shown.
    masked_context: str = ""
    # Where the offending text was read: "file" (the file's own text, text layer or
    # metadata) or "ocr" (woocheck's OCR of a page image that had no such text).
    source: str = "file"


@dataclass(frozen=True)
class FileResult:
    path: str
    pages: int
    error: Optional[str]
    redactions: tuple[Redaction, ...] = ()
    findings: tuple[Finding, ...] = ()
    # Persons this document marks as public office holders (pii.publication.PublicName),
    # so that the other documents of its publication can leave them unreported. Not part
    # of any report.
    public_names: tuple = ()
    # What the after-batch checks (WOO5xx) need of this document (decision.facts.DocFacts),
    # gathered in the worker that scanned it. Not part of any report.
    facts: Any = None
    # (page, bbox) of every personal-data item the personal-data stage located that is not
    # public, reported or not (--ignore, a baseline): what a page picture paints over, as
    # masked contexts mask them. Empty when that stage did not run. Not part of any report.
    private_boxes: tuple = ()


@dataclass(frozen=True)
class DocumentRow:
    """One line of the per-document table a coordinator signs off: a document of a
    decision, or an inventory row without a file (`path` None)."""

    path: Optional[str]
    document: str  # the inventory number, or the file name without extension
    inventory_verdict: Optional[str]
    grounds_listed: tuple[str, ...]
    grounds_found: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Report:
    version: str
    files: tuple[FileResult, ...]
    documents: tuple[DocumentRow, ...] = ()  # the decision's table (WOO5xx); empty without one

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def redactions(self) -> list[Redaction]:
        return [x for r in self.files for x in r.redactions]


@dataclass(frozen=True)
class PersonalData:
    """A span of personal data found in a text, before or after the publication policy.

    `entity` is one of PERSON, EMAIL, PHONE, BSN, IBAN, ADDRESS, PLATE, BIRTHDATE.
    `public` is set by the policy step (public office holder, functional mailbox, ...),
    with `reason` saying why; `weak` marks thin evidence ("collega Bakker"), reported as a
    warning rather than an error.
    """

    entity: str
    text: str
    start: int
    end: int
    score: float
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    weak: bool = False
    public: bool = False
    reason: str = ""
