"""A finding's fingerprint: path, code and a hash of the normalised text; no coordinates,
so it survives a re-export of the same document, and no personal data in clear."""
from __future__ import annotations

import hashlib
import os
from typing import Optional

from .model import Finding


def fingerprint(f: Finding, root: Optional[str] = None) -> str:
    """`root`: the folder of the baseline the fingerprint is for. The path then counts
    relative to that folder, so a file named absolutely in CI, from another working folder
    or in another checkout gets the fingerprint it got when the baseline was written."""
    path = f.path if root is None else baseline_path(f.path, root)
    text = " ".join(f.text.lower().split()) or f.message
    return hashlib.sha256(f"{path}\0{f.code}\0{text}".encode("utf-8")).hexdigest()[:32]


def baseline_path(path: str, root: str) -> str:
    """`path` relative to the folder `root`, with forward slashes ("besluit/bijlage.pdf");
    the real path where there is no relative one (another drive on Windows)."""
    real = os.path.realpath(path)
    try:
        rel = os.path.relpath(real, os.path.realpath(root))
    except ValueError:
        return real
    return rel.replace(os.sep, "/")
