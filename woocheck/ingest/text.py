"""Plain text and Markdown: one page, no geometry; words carry their line number."""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Document, Page, Word

_WORD = re.compile(r"\S+")


def words_of(text: str) -> tuple[Word, ...]:
    words = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line = 0
    for m in _WORD.finditer(text):
        while line + 1 < len(line_starts) and line_starts[line + 1] <= m.start():
            line += 1
        words.append(Word(text=m.group(), bbox=None, start=m.start(), end=m.end(), line=line))
    return tuple(words)


def load_text(path: Path) -> Document:
    from . import IngestError

    data = path.read_bytes()
    if not data.strip():
        raise IngestError("empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid UTF-8 (byte {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page = Page(number=1, width=0.0, height=0.0, text=text, words=words_of(text))
    return Document(path=str(path), kind="text", pages=(page,))
