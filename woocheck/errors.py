"""One-line descriptions of exceptions, for reports and stderr (never a traceback)."""
from __future__ import annotations


def one_line(exc: BaseException) -> str:
    """'TypeName: first line of the message', or just the type name."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def unreadable(exc: OSError) -> str:
    """Why a path could not be read, in the words the report uses elsewhere."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return f"cannot be read ({(exc.strerror or one_line(exc)).lower()})"
