"""Turn a file into a `Document`. The only package that talks to pymupdf's page API.

`open_document(path)` is a context manager: PDF pages keep a handle for on-demand
rendering (raster checks), so the file stays open until the block ends.
"""
from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Iterator

from ..errors import unreadable
from ..model import Document

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = PDF_SUFFIXES | TEXT_SUFFIXES


class IngestError(Exception):
    """A file that cannot be checked. The message is one line, without the path."""


def _precheck_pdf(p: Path, size: int) -> None:
    """Refuse what is not a PDF at all. A PDF cut off in transfer still opens (mupdf repairs it) but has lost content, so
    it must not pass as clean: it has to end with %%EOF (give or take trailing junk)."""
    if size == 0:
        raise IngestError("empty file")
    with p.open("rb") as fh:
        if b"%PDF" not in fh.read(1024):
            raise IngestError("not a PDF (no %PDF header)")
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise IngestError("truncated PDF (no %%EOF at the end of the file)")


@contextlib.contextmanager
def open_document(path: str | os.PathLike) -> Iterator[Document]:
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except OSError as exc:  # e.g. a folder on the way that this user may not enter
        raise IngestError(unreadable(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise IngestError("not a regular file")
    if not os.access(p, os.R_OK):
        raise IngestError("permission denied")
    suffix = p.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from . import pdf

        _precheck_pdf(p, st.st_size)
        with pdf.open_pdf(p) as doc:
            yield doc
    elif suffix in TEXT_SUFFIXES:
        from . import text

        yield text.load_text(p)
    else:
        raise IngestError(f"unsupported file type {suffix or '(none)'}")
