"""A finding's fingerprint: path, code and a hash of the normalised text; no coordinates,
so it survives a re-export of the same document, and no personal data in clear."""
from __future__ import annotations

import hashlib
from typing import Optional

from .model import Finding
from .paths import path_from


def fingerprint(f: Finding, root: Optional[str] = None) -> str:
    """`root`: the folder of the baseline the fingerprint is for. The path then counts
    relative to that folder, so a file named absolutely in CI, from another working folder
    or in another checkout gets the fingerprint it got when the baseline was written."""
    path = f.path if root is None else path_from(f.path, root)
    text = " ".join(f.text.lower().split()) or f.message
    return hashlib.sha256(f"{path}\0{f.code}\0{text}".encode("utf-8")).hexdigest()[:32]
