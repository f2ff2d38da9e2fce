"""Mask personal data for machine output and logs: `J. de V****`, `j.d*****@minvws.nl`.

Enough stays to let a reviewer find the spot; not enough to identify the person.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Kinds whose text is not personal data (a marker, a ground label): shown as is.
UNMASKED_KINDS = {"REDACTION", "GROUND", "MARKER", "FILE"}

_INTERFIX = {"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "v.", "d."}


def _word(w: str) -> str:
    if len(w) <= 2 or w.lower() in _INTERFIX or re.fullmatch(r"(?:[A-Z]\.)+", w):
        return w
    return w[0] + "*" * (len(w) - 1)


@lru_cache(maxsize=1 << 14)  # a batch names the same people on page after page
def mask(text: str, kind: str = "") -> str:
    if not text or kind in UNMASKED_KINDS:
        return text
    if "@" in text and kind in ("", "EMAIL"):
        local, _, domain = text.partition("@")
        keep = min(3, max(1, len(local) // 3))
        return local[:keep] + "*" * (len(local) - keep) + "@" + domain
    if kind in ("PHONE", "BSN", "IBAN") or re.fullmatch(r"[\d\s.+()-]+", text):
        digits = [i for i, c in enumerate(text) if c.isalnum()]
        keep = set(digits[-2:]) | set(digits[:2] if kind == "IBAN" else [])
        return "".join(c if (i in keep or not c.isalnum()) else "*" for i, c in enumerate(text))
    return re.sub(r"\S+", lambda m: _word(m.group()), text)


def mask_in(context: str, secrets: list[tuple[str, str]]) -> str:
    """Mask every occurrence of each (text, kind) inside a context string."""
    for secret, kind in sorted(secrets, key=lambda s: -len(s[0])):
        if secret and kind not in UNMASKED_KINDS:
            context = context.replace(secret, mask(secret, kind))
    return context
