"""Text files in the encodings Dutch offices save them in are read, not refused.

UTF-8 with and without a byte-order mark, UTF-16 (LE/BE, with a mark, and without one when
the NUL bytes leave no doubt) and Windows-1252 ("ANSI" from Word and Notepad). Only bytes
that are no text in any of them (NULs, control bytes, bytes Windows-1252 does not define)
are "cannot be checked": exit 2 and one line on stderr naming the file and why.
The letter is invented.
"""
from __future__ import annotations

import codecs
import random

import pytest

from woocheck.ingest import open_document

EMAIL = "a.verhoeven@voorbeeldgemeente.nl"
LETTER = (
    "Beste Anaïs,\n"
    "\n"
    "Hierbij de offerte van € 1.250 voor het “kennisatelier” – zie de bijlage.\n"
    f"Neem bij vragen contact op met {EMAIL} of bel 06-48213907.\n"
    "\n"
    "Met vriendelijke groet,\n"
    "\n"
    "Renée Dijkhuizen-Çelik\n"
    "Afdeling Ruimte, gemeente Voorbeeld\n"
)
EMAIL_LINE = 4

# name -> bytes of the letter as that encoding saves it (Windows tools write CR LF)
ENCODED = {
    "utf-8": LETTER.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + LETTER.replace("\n", "\r\n").encode("utf-8"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + LETTER.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + LETTER.encode("utf-16-be"),
    "utf-16 LE without BOM": LETTER.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16 BE without BOM": LETTER.encode("utf-16-be"),
    "windows-1252": LETTER.replace("\n", "\r\n").encode("cp1252"),
    "windows-1252, LF": LETTER.encode("cp1252"),
}


def _file(tmp_path, name: str, data: bytes):
    path = tmp_path / (name.replace(" ", "_").replace(",", "") + ".txt")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ENCODED)
def test_letter_decodes_to_the_same_text_with_the_hit_at_the_right_offset(tmp_path, encoding):
    from woocheck.pii import find_in_text

    path = _file(tmp_path, encoding, ENCODED[encoding])
    with open_document(path) as doc:
        text = doc.pages[0].text
    assert text == LETTER  # diacritics, euro sign, curly quotes and dash intact; line ends as LF
    emails = [p for p in find_in_text(text) if p.entity == "EMAIL"]
    assert [text[p.start : p.end] for p in emails] == [EMAIL]  # offsets count characters, not bytes
    assert text[: emails[0].start].count("\n") + 1 == EMAIL_LINE


@pytest.mark.parametrize("encoding", ENCODED)
def test_letter_in_any_encoding_is_scanned_through_the_cli(tmp_path, scan_json, encoding):
    path = _file(tmp_path, encoding, ENCODED[encoding])
    code, report, err = scan_json(path, "--show-personal-data")
    assert code == 1, err  # findings, not "cannot be checked"
    assert report["files"][0]["error"] is None and report["files"][0]["pages"] == 1
    found = {(f["code"], f["text"], f["line"]) for f in report["findings"]}
    assert ("WOO102", EMAIL, EMAIL_LINE) in found
    assert ("WOO103", "06-48213907", EMAIL_LINE) in found


def test_terminal_report_of_a_windows_1252_letter_shows_the_decoded_context(tmp_path, cli):
    path = _file(tmp_path, "ansi", ENCODED["windows-1252"])
    code, out, err = cli("scan", path, "--timeout-per-file", "0", "--show-personal-data")
    assert code == 1, err
    assert f"line {EMAIL_LINE}" in out
    assert "contact op met " + EMAIL in out  # the context is decoded text, not mojibake


def test_utf8_with_one_windows_1252_line_is_read_as_windows_1252(tmp_path, scan_json):
    """A UTF-8 file with a line pasted in from an "ANSI" file is no valid UTF-8. It is read
    as Windows-1252 as a whole (the UTF-8 letters come out as two characters each, "Ã«"),
    which keeps every ASCII hit and its line, rather than refusing the file."""
    data = "Beste Anaïs,\n".encode("utf-8") + f"Mail {EMAIL} – Noël\n".encode("cp1252")
    path = _file(tmp_path, "mixed", data)
    with open_document(path) as doc:
        assert doc.pages[0].text == "Beste AnaÃ¯s,\n" + f"Mail {EMAIL} – Noël\n"
    code, report, err = scan_json(path, "--show-personal-data")
    assert code == 1, err
    assert ("WOO102", EMAIL, 2) in {(f["code"], f["text"], f["line"]) for f in report["findings"]}


def test_bytes_0xff_0xfe_inside_a_line_are_windows_1252_not_utf16(tmp_path, scan_json):
    """Once refused as "not valid UTF-8"; both bytes are letters in Windows-1252. Only a
    file that starts with them has a UTF-16 byte-order mark."""
    path = _file(tmp_path, "ff_fe", b"Naam: Jan \xff\xfe de Vries\n")
    with open_document(path) as doc:
        assert doc.pages[0].text == "Naam: Jan ÿþ de Vries\n"
    code, report, err = scan_json(path)
    assert report["files"][0]["error"] is None and code in (0, 1), err


BINARY = {
    "png header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x80\x08\x06\x00\x00\x00",
    "random bytes with NULs": random.Random(15).randbytes(4096) + b"\x00\x00",
    "control bytes, no NUL": b"Naam: Jan de Vries\x1b[0m\x07 \xe9\x01\x02 bijlage\n",
    "byte undefined in windows-1252": b"Naam: Jan de Vri\x81s, geboren \xe9\n",
    "small numbers as 16 bits": bytes(b for i in range(200) for b in (i % 7, 0)),
    "utf-16 BOM then a lone surrogate": codecs.BOM_UTF16_LE + "Jan ".encode("utf-16-le") + b"\x00\xd8",
    "utf-8 BOM then invalid UTF-8": codecs.BOM_UTF8 + b"Jan de Vries \xff\n",
}
REASON = {
    "utf-16 BOM then a lone surrogate": "not valid UTF-16 LE",
    "utf-8 BOM then invalid UTF-8": "not valid UTF-8",
}


@pytest.mark.parametrize("case", BINARY)
def test_binary_content_cannot_be_checked_with_one_line_naming_the_file(tmp_path, cli, case):
    path = _file(tmp_path, case, BINARY[case])
    good = _file(tmp_path, "good", ENCODED["utf-8"])
    code, out, err = cli("scan", path, good, "--timeout-per-file", "0")
    assert code == 2
    lines = [line for line in err.splitlines() if path.name in line]
    assert len(lines) == 1, err
    assert REASON.get(case, "binary content, not text") in lines[0]
    assert "Traceback" not in err
    assert good.name in out and "WOO102" in out  # the rest of the batch is still scanned


def test_binary_reasons_name_why(tmp_path, scan_json):
    reasons = {}
    for case in ("png header", "control bytes, no NUL", "byte undefined in windows-1252"):
        path = _file(tmp_path, case, BINARY[case])
        code, report, _ = scan_json(path)
        assert code == 2
        reasons[case] = report["files"][0]["error"]
    assert "NUL bytes" in reasons["png header"]
    assert "0x1B, a control character" in reasons["control bytes, no NUL"]
    assert "0x81, undefined in Windows-1252" in reasons["byte undefined in windows-1252"]


@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE + " \n".encode("utf-16-be")])
def test_only_a_byte_order_mark_is_an_empty_file(tmp_path, scan_json, data):
    code, report, _ = scan_json(_file(tmp_path, "bom_only", data))
    assert code == 2 and report["files"][0]["error"] == "empty file"


def test_utf8_with_a_stray_nul_is_text(tmp_path, scan_json):
    # PDF text extraction leaves a NUL where a ligature had no Unicode value.
    path = tmp_path / "extract.md"
    body = "De de\x00nitieve versie volgt na het overleg; mail j.vermeer@example.org voor vragen.\n"
    path.write_bytes((body + "Zonder bijzonderheden verder, de agenda blijft ongewijzigd.\n" * 3).encode("utf-8") * 3)
    code, report, _ = scan_json(str(path))
    assert report["files"][0]["error"] is None
    assert any(f["code"] == "WOO102" for f in report["findings"])


def test_many_nuls_are_binary(tmp_path, scan_json):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00\x00\x01def\x00" * 40)
    code, report, _ = scan_json(str(path))
    assert code == 2 and "binary" in report["files"][0]["error"]
