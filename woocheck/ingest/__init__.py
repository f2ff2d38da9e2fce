"""Turn a file into a `Document`. The only package that talks to pymupdf's page API.

`open_document(path)` is a context manager: PDF pages keep a handle for on-demand
rendering (raster checks), so the file stays open until the block ends.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from ..model import Document

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = PDF_SUFFIXES | TEXT_SUFFIXES


class IngestError(Exception):
    """A file that cannot be checked. The message is one line, without the path."""


@contextlib.contextmanager
def open_document(path: str | os.PathLike) -> Iterator[Document]:
    p = Path(path)
    if not p.exists():
        raise IngestError("no such file")
    if not p.is_file():
        raise IngestError("not a regular file")
    if not os.access(p, os.R_OK):
        raise IngestError("permission denied")
    suffix = p.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from . import pdf

        with pdf.open_pdf(p) as doc:
            yield doc
    elif suffix in TEXT_SUFFIXES:
        from . import text

        yield text.load_text(p)
    else:
        raise IngestError(f"unsupported file type {suffix or '(none)'}")
