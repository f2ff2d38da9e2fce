"""`woocheck fix`: a repaired copy of each PDF, checked again.

One module per kind of repair: `boxes` (content under redaction boxes, unapplied
redaction annotations), `hidden_text` (WOO304), `sanitize` (WOO401-WOO407), `report`
(`--redact`: a reviewer's trimmed JSON report burnt in). `run.fix_file` plans the repairs
from woocheck's own reading of the file (ingest, locate, grounds, the checks), applies
them to a pymupdf copy in memory, writes it in full (no incremental save) to a new file,
and scans that file again (`verify`).
"""
from __future__ import annotations

from .run import FixResult, fix_paths

__all__ = ["FixResult", "fix_paths"]
