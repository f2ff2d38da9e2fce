"""The ground a reviewer is pointed to for a finding, read from the report alone.

Checks say the ground in their message where they know it ("redact under 5.1.2e", "the Woo
successor is 5.1.2e"); a failed redaction (text still under a box) keeps the ground its box
carries. Nothing is guessed beyond that: an empty string means "no suggestion".
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .model import BBox, Finding, Redaction

_IN_MESSAGE = re.compile(r"(?:redact under|successor is) (\d+(?:\.\d+)+[a-z]?)")


def _overlaps(a: Optional[BBox], b: Optional[BBox]) -> bool:
    return bool(a and b) and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def ground_in_message(message: str) -> str:
    """The ground a finding's message names ("... redact under 5.1.2e"), or ""."""
    m = _IN_MESSAGE.search(message)
    return m.group(1) if m else ""


def suggested_ground(f: Finding, redactions: Iterable[Redaction] = ()) -> str:
    said = ground_in_message(f.message)
    if said:
        return said
    if f.code.startswith("WOO3"):
        for r in redactions:
            if r.path == f.path and r.page == f.page and r.grounds and _overlaps(r.bbox, f.bbox):
                return ", ".join(g.code for g in r.grounds)
    return ""


def family(code: str) -> str:
    """'WOO1xx' for WOO101: the family a code belongs to (its colour in the outputs)."""
    return code[:4] + "xx"
