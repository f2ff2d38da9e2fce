"""Read the ground that goes with every redaction (stub: the grounds work replaces it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..config import Config
from ..model import Document, Redaction


@dataclass(frozen=True)
class Grounded:
    redactions: list[Redaction]
    legend: Optional[dict] = None


def attach(doc: Document, redactions: list[Redaction], config: Config) -> Grounded:
    return Grounded(redactions=list(redactions))
