"""One-line descriptions of exceptions, for reports and stderr (never a traceback)."""
from __future__ import annotations


def one_line(exc: BaseException) -> str:
    """'TypeName: first line of the message', or just the type name."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
