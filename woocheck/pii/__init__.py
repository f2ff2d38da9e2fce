"""Personal data detection (stub: the WOO1xx work replaces it)."""
from __future__ import annotations

from ..config import Config
from ..model import Document, PersonalData


def find_in_document(doc: Document, config: Config) -> list[PersonalData]:
    return []


def find_in_text(text: str, config: Config | None = None) -> list[PersonalData]:
    return []
