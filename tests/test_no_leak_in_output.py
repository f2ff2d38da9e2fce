"""No piece of found personal data in clear in any report made without --show-personal-data.

The terminal report shows each finding with the text around it, and that text ends up in
CI logs. A window cut from the page around one hit can cut through a neighbouring hit
("…dbergen (JenV)", "Met vriendelijke groet, Karim El", "kunnen naar p.zand…"): the
piece no longer matches the neighbour's text, so masking after the cut left it readable.

What counts as a piece (honest but workable): every run of 4 or more characters inside
a name token, an address word, an e-mail local part or a run of digits of a found item;
pieces that also occur in text that is not personal data (the documents with every found
item blanked out, the report's messages, paths and rule texts) are not counted, since
those may be printed anyway. The found items come from a --show-personal-data run; an
item whose masked form is the same as its text (a ground, a file name) is no personal data.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest

from conftest import ROOT
from woocheck.config import Config
from woocheck.ingest import open_document
from woocheck.pipeline import scan
from woocheck.render.html import render_html
from woocheck.render.json import render_json
from woocheck.render.sarif import render_sarif
from woocheck.render.terminal import render_terminal

SAMPLES = ROOT / "samples"
WIDTHS = (40, 80, 110, 240)  # narrow consoles cut the context lines with "…", wide ones do not

# Invented people packed together, so each finding's window cuts through its neighbours.
DENSE = """Aanwezig: mw. Fenna Oosterbroek (DGM), dhr. Joris Wijnbergen (BZK), mw. Tamara Kleinjan (JenV), dhr. Sven Hagedoorn (VWS)
Van: Oosterbroek, Fenna <f.oosterbroek@minvws.nl> Aan: Wijnbergen, Joris <joris.wijnbergen@minbzk.nl>
Bel Fenna Oosterbroek op 06-38475629 of Tamara Kleinjan op 06-29817364, Sven Hagedoorn op 070-3849271.
Mails: t.kleinjan@minjenv.nl, s.hagedoorn@minvws.nl, f.oosterbroek@minvws.nl; BSN 111222333 en 123456782.
Met vriendelijke groet,
Joris Wijnbergen
Beleidsmedewerker | 06-27364518 | joris.wijnbergen@minbzk.nl
"""


def _pieces(item: str) -> set[str]:
    """Every 4+ character run inside the personal parts of one found item."""
    parts: list[str] = []
    if "@" in item:  # the domain may stay; the local part may not
        words = item.split("@")[0].split()
        item = words[-1] if words else ""
        parts.append(item)
    parts += re.findall(r"\d{4,}", item)  # phone, BSN, IBAN, postcode digits
    parts += re.findall(r"[^\W\d_]{4,}", item)  # name tokens, address words, IBAN bank code
    out = set()
    for part in parts:
        for n in range(4, len(part) + 1):
            out.update(part[i : i + n].casefold() for i in range(len(part) - n + 1))
    return out


def _found_items(scan_json, paths, *options) -> list[str]:
    """Each personal-data item found, in full, from a --show-personal-data JSON run."""
    _, shown, _ = scan_json(*paths, "--show-personal-data", *options)
    _, masked, _ = scan_json(*paths, *options)
    assert len(shown["findings"]) == len(masked["findings"])
    return [s["text"] for s, m in zip(shown["findings"], masked["findings"]) if s["text"] and s["text"] != m["text"]]


def _without_fingerprints(sarif: str) -> str:
    """SARIF without partialFingerprints: hashes of the text, hex digits that can hold any 4-digit run by chance."""
    data = json.loads(sarif)
    for run in data["runs"]:
        for result in run["results"]:
            result.pop("partialFingerprints", None)
    return json.dumps(data, ensure_ascii=False)


def _not_personal(paths: list[Path], items: list[str], report) -> str:
    """Text that may be printed: the documents' page text with every found item blanked
    out, and the report with no finding text and no context (messages, paths, rules)."""
    texts = []
    files = [p for path in paths for p in (sorted(path.iterdir()) if path.is_dir() else [path])]
    for path in files:
        if path.suffix.lower() not in (".pdf", ".txt", ".md"):
            continue
        with open_document(path) as doc:
            texts += [page.text for page in doc.pages]
    plain = "\n".join(texts)
    for item in sorted(items, key=len, reverse=True):
        plain = plain.replace(item, "\x00")
    bare = replace(
        report,
        files=tuple(replace(f, findings=tuple(replace(x, text="", context="") for x in f.findings)) for f in report.files),
    )
    boiler = [render_json(bare), _without_fingerprints(render_sarif(bare)), render_html(bare)]
    boiler += [render_terminal(bare, width=w) for w in WIDTHS]
    return "\n".join([plain, *boiler]).casefold()


def _outputs(cli, tmp_path, paths, report, *options) -> dict[str, str]:
    """Every report format without --show-personal-data: through the CLI, and the
    terminal renderer at several console widths."""
    out = {}
    code, out["terminal (cli)"], err = cli("scan", *paths, "--timeout-per-file", "0", *options)
    assert code in (0, 1), err
    for fmt in ("json", "sarif"):
        target = tmp_path / f"report.{fmt}"
        code, _, err = cli("scan", *paths, "--format", fmt, "--output", target, "--timeout-per-file", "0", *options)
        assert code in (0, 1), err
        out[fmt] = target.read_text(encoding="utf-8")
    out["sarif"] = _without_fingerprints(out["sarif"])
    # HTML: the page pictures are base64 (any 4 letters by chance); their masking is tested
    # in test_html_report. The notes of the annotated PDF copies are an output as well.
    target, copies = tmp_path / "report.html", tmp_path / "copies"
    code, _, err = cli("scan", *paths, "--format", "html", "--output", target, "--annotate", copies,
                       "--timeout-per-file", "0", *options)
    assert code in (0, 1), err
    out["html"] = re.sub(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "data:", target.read_text(encoding="utf-8"))
    notes = []
    for copy in sorted(copies.rglob("*.pdf")):
        with pymupdf.open(copy) as doc:
            notes += [a.info["content"] for page in doc for a in page.annots() if a.info["title"] == "woocheck"]
    out["annotations"] = "\n".join(notes)
    for width in WIDTHS:
        out[f"terminal width {width}"] = render_terminal(report, width=width)
    return out


def _leaks(outputs: dict[str, str], items: list[str], allowed: str) -> list[tuple[str, str, str, str]]:
    leaks = []
    for item in items:
        for piece in sorted(_pieces(item), key=len, reverse=True):
            if piece in allowed:
                continue
            for name, text in outputs.items():
                low = text.casefold()
                i = low.find(piece)
                if i >= 0:
                    line = text[text.rfind("\n", 0, i) + 1 : text.find("\n", i)]
                    leaks.append((name, item, piece, line.strip()))
    return leaks


def _check(cli, scan_json, tmp_path, paths: list[Path], *options, extra_items: tuple[str, ...] = ()):
    items = list(dict.fromkeys(_found_items(scan_json, paths, *options) + list(extra_items)))
    assert items, "nothing found: the test would prove nothing"
    flags = dict(zip(options[::2], options[1::2]))
    cfg = Config(
        select=tuple(flags.get("--select", "").split(",")) if "--select" in flags else (),
        ignore=tuple(flags.get("--ignore", "").split(",")) if "--ignore" in flags else (),
    )
    report = scan([str(p) for p in paths], cfg)
    outputs = _outputs(cli, tmp_path, paths, report, *options)
    leaks = _leaks(outputs, items, _not_personal(paths, items, report))
    # One line per item and format is enough to read; the longest piece of each.
    seen, shown = set(), []
    for name, item, piece, line in leaks:
        if (name, item) not in seen:
            seen.add((name, item))
            shown.append(f"{name}: {piece!r} of {item!r} in: {line}")
    assert not leaks, "personal data in clear:\n" + "\n".join(shown)


def test_samples_every_format_shows_no_piece_of_found_personal_data(cli, scan_json, tmp_path):
    _check(cli, scan_json, tmp_path, [SAMPLES])


def test_densely_packed_names_mails_and_numbers_leave_no_piece_in_clear(cli, scan_json, tmp_path):
    doc = tmp_path / "dicht_op_elkaar.txt"
    doc.write_text(DENSE, encoding="utf-8")
    _check(cli, scan_json, tmp_path, [doc])


def test_personal_data_that_is_not_reported_is_still_masked_in_the_context(cli, scan_json, tmp_path):
    """--ignore WOO103 drops the phone findings, but the phone numbers stay personal data
    on the page: the context of a neighbouring finding must not show them either."""
    from woocheck.pii import find_in_text

    doc = tmp_path / "dicht_op_elkaar.txt"
    doc.write_text(DENSE, encoding="utf-8")
    phones = [p.text for p in find_in_text(DENSE) if p.entity == "PHONE" and not p.public]
    assert phones, "the phone recognizer found none of the numbers"
    _check(cli, scan_json, tmp_path, [doc], "--ignore", "WOO103", extra_items=tuple(phones))


def test_contexts_of_ground_and_box_findings_mask_personal_data_without_woo1xx(cli, scan_json, tmp_path):
    """With only the grounds and failed-redaction checks selected, no personal data is a
    finding, but the context of a box in an attendee list still stands beside names."""
    items = _found_items(scan_json, [SAMPLES])  # what all checks find
    _check(cli, scan_json, tmp_path, [SAMPLES], "--select", "WOO2,WOO3", extra_items=tuple(items))


@pytest.mark.parametrize("item, pieces", [("Karim El Amrani", {"kari", "arim", "karim", "amra", "amrani"}), ("06-41873625", {"4187", "41873625"})])
def test_pieces_of_an_item(item, pieces):
    got = _pieces(item)
    assert pieces <= got and all(len(p) >= 4 for p in got)
    assert "el a" not in got  # pieces stay inside one token
