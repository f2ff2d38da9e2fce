"""A finding's fingerprint: path, code and a hash of the normalised text; no coordinates,
so it survives a re-export of the same document, and no personal data in clear."""
from __future__ import annotations

import hashlib

from .model import Finding


def fingerprint(f: Finding) -> str:
    text = " ".join(f.text.lower().split()) or f.message
    return hashlib.sha256(f"{f.path}\0{f.code}\0{text}".encode("utf-8")).hexdigest()[:32]
