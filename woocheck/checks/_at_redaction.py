"""A finding placed on a redaction: its page, box and (for text markers) its text span."""

from __future__ import annotations

from ..model import Finding, Redaction, Severity


def at_redaction(
    r: Redaction, code: str, severity: Severity, message: str, text: str = "", kind: str = "GROUND"
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        path=r.path,
        page=r.page,
        bbox=r.bbox,
        span=(r.start, r.end) if r.start is not None else None,
        text=text,
        kind=kind,
    )
