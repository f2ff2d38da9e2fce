"""Plain text and Markdown: one page, no geometry; words carry their line number.

Dutch offices save text as UTF-8 (with or without a byte-order mark), UTF-16 (Notepad's
"Unicode", Outlook and Excel exports) and Windows-1252 (Word's and older Notepad's
"ANSI"). `decode` reads each of them, in a fixed order from certain to guessed:

1. a byte-order mark says what the file is (UTF-8, UTF-16 LE, UTF-16 BE);
2. without NUL bytes, text that is valid UTF-8 is UTF-8 (Windows-1252 text with any
   letter beyond ASCII is practically never valid UTF-8);
3. with NUL bytes, UTF-16 without a mark when the NULs fall on one side of the byte pairs
   only (the high byte of Latin letters); valid UTF-8 with a stray NUL in a hundred bytes
   or fewer (PDF text extraction leaves one where a glyph had no Unicode value); else
   binary;
4. Windows-1252, only when no byte is a control character other than tab, line feed,
   carriage return and form feed, and none of the five bytes Windows-1252 leaves
   undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) occurs: such a file is binary, not text.

The standard library's codecs do this; a statistical detector is not needed for four
encodings and guesses worse on short letters: charset-normalizer (installed here only as a
dependency of requests, so woocheck would have to declare it) takes a Windows-1252 letter
with "Anaïs" and "€" for cp1250 and reads "Anaďs". What is decoded is decided by the
bytes alone, so the same file always gives the same text and the same offsets.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import Document, Page, Word

_WORD = re.compile(r"\S+")

_BOMS = (  # UTF-8 first; no UTF-32 (no office tool writes it; FF FE 00 00 then reads as NULs: binary)
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
# Control characters a text file does not hold (tab, LF, CR and form feed it may; DEL it
# does not either), and the bytes Windows-1252 leaves undefined.
_NOT_CP1252 = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """Bytes that are not text in an encoding woocheck reads; the message is one line."""


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec when the NUL bytes say UTF-16 beyond doubt: an even length, at least a
    quarter of the byte pairs with a NUL on one side and next to none on the other (Dutch
    text in UTF-16 is nearly all Latin letters, whose high byte is 0)."""
    if len(data) % 2:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd * 4 >= pairs and even * 20 <= odd:
        return "utf-16-le"
    if even * 4 >= pairs and odd * 20 <= even:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """The text of a text file's bytes (see the module docstring), or DecodeError."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name} (byte {exc.start + len(bom)})") from None
            if "\x00" in text:
                raise DecodeError("binary content, not text (NUL characters)")
            return text
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            # Text extracted from a PDF can hold a stray NUL where a glyph had no Unicode
            # value ("de\x00nitieve"): valid UTF-8 with a few NULs is still text.
            if data.count(0) * 100 <= len(data):
                try:
                    return data.decode("utf-8")
                except UnicodeDecodeError:
                    pass
            raise DecodeError("binary content, not text (NUL bytes)")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"binary content, not text (NUL bytes; not valid UTF-16 at byte {exc.start})") from None
        bad = _CONTROL.search(text)
        if bad:  # a guess needs clean text: arrays of small numbers also have NULs on one side
            raise DecodeError(f"binary content, not text (NUL bytes; control character U+{ord(bad.group()):04X} if read as UTF-16)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        not_utf8 = exc.start
    bad_byte = _NOT_CP1252.search(data)
    if bad_byte:
        b = bad_byte.group()[0]
        why = "undefined in Windows-1252" if b >= 0x80 else "a control character"
        raise DecodeError(
            f"binary content, not text (not UTF-8 at byte {not_utf8}; byte {bad_byte.start()} is 0x{b:02X}, {why})"
        )
    return data.decode("cp1252")


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
        text = decode(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    if not text.strip():  # a byte-order mark, or UTF-16 spaces, and nothing else
        raise IngestError("empty file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page = Page(number=1, width=0.0, height=0.0, text=text, words=words_of(text))
    return Document(path=str(path), kind="text", pages=(page,))
