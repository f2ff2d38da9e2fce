"""WOO501-WOO507: a decision built here (documents, inventory, letter) that is consistent,
and copies of it with one fault planted each, found through the library and the CLI."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from woocheck.config import Config
from woocheck.pipeline import scan

from decision_docs import BOX, inventory_csv, inventory_xlsx, letter, mail, pdf

HEADER = ["Nr.", "Documentnaam", "Beoordeling", "Beoordelingsgrond"]
ROWS = [
    ["1", "RE planning overleg", "Deels openbaar", "5.1.2e"],
    ["2", "Memo regionaal overleg", "Deels openbaar", "5.1.2e; 5.1.2i"],
    ["3", "Agenda", "Openbaar", ""],
    ["4", "Kamerbrief", "Reeds openbaar", ""],
    ["5", "Advies derde", "Niet openbaar", "5.1.2e; 5.1.2i"],
]
CITES = [
    "Ik maak de namen van medewerkers niet openbaar op grond van artikel 5.1, tweede lid, aanhef en onder e, "
    "van de Woo (eerbiediging van de persoonlijke levenssfeer).",
    "Passages over het overleg maak ik niet openbaar op grond van artikel 5.1, tweede lid, aanhef en onder i, "
    "van de Woo.",
]
MEMO = [
    ["Memo over het regionaal overleg"],
    ["Opgesteld door", (BOX, "5.1.2e")],
    ["De provincie vraagt om meer ruimte voor de regio."],
    ["Standpunt:", (BOX, "5.1.2i")],
]
AGENDA = [["Agenda van het regionaal overleg"], ["1. Opening"], ["2. Rondvraag"]]


def build(folder: Path, rows=ROWS, cites=CITES, extra_pdfs: dict = None, date_line="Datum 14 maart 2023") -> Path:
    pdf(folder / "0001 RE planning.pdf", mail((BOX, "5.1.2e"), (BOX, "5.1.2e")))
    pdf(folder / "0002 memo.pdf", MEMO)
    pdf(folder / "0003 agenda.pdf", AGENDA)
    for name, lines in (extra_pdfs or {}).items():
        pdf(folder / name, lines)
    inventory_csv(folder / "inventarislijst.csv", HEADER, rows)
    letter(folder / "besluit.pdf", cites, date_line=date_line)
    return folder


def woo5(report) -> set[tuple[str, str, str]]:
    """(code, severity, file name) of every WOO5xx finding."""
    return {(f.code, f.severity.value, Path(f.path).name) for f in report.findings if f.code.startswith("WOO5")}


def run(folder: Path, **cfg):
    return scan([str(folder)], Config(select=("WOO5",), **cfg))


def test_consistent_decision_has_no_woo5xx_finding(tmp_path):
    report = run(build(tmp_path / "besluit"))
    assert woo5(report) == set()
    assert [f.error for f in report.files if f.error] == []
    table = {d.document: d for d in report.documents}
    assert table["1"].grounds_found == ("5.1.2e",) and table["1"].status == "ok"
    assert table["2"].grounds_found == ("5.1.2e", "5.1.2i")
    assert table["4"].path is None and table["4"].status == "no file (none needed)"


def _with_row(n: int, **changes):
    rows = [list(r) for r in ROWS]
    for i, col in (("verdict", 2), ("grounds", 3)):
        if i in changes:
            rows[n - 1][col] = changes[i]
    return rows


FAULTS = {
    "ground on boxes not in row": (dict(rows=_with_row(2, grounds="5.1.2e")),
                                   {("WOO501", "error", "0002 memo.pdf")}),
    "ground in row on no box": (dict(rows=_with_row(1, grounds="5.1.2e; 5.1.2i")),
                                {("WOO501", "warning", "0001 RE planning.pdf")}),
    "ground in row that does not exist": (dict(rows=_with_row(1, grounds="5.1.2e; artikel 5.1 lid 1 sub i")),
                                          {("WOO501", "warning", "0001 RE planning.pdf")}),
    "public with boxes": (dict(rows=_with_row(1, verdict="Openbaar", grounds="")),
                          {("WOO502", "error", "0001 RE planning.pdf"), ("WOO501", "error", "0001 RE planning.pdf")}),
    "partly public without boxes": (dict(rows=_with_row(3, verdict="Deels openbaar")),
                                    {("WOO502", "warning", "0003 agenda.pdf")}),
    "refused document published": (dict(rows=ROWS + [["6", "Notitie", "Niet openbaar", ""]],
                                        extra_pdfs={"0006 notitie.pdf": AGENDA}),
                                   {("WOO503", "error", "0006 notitie.pdf")}),
    "file not in inventory": (dict(extra_pdfs={"bijlage zonder nummer.pdf": AGENDA}),
                              {("WOO504", "warning", "bijlage zonder nummer.pdf")}),
    "public row without file": (dict(rows=ROWS + [["7", "Verslag", "Deels openbaar", "5.1.2e"]]),
                                {("WOO504", "warning", "inventarislijst.csv")}),
    "letter cites a ground that does not exist": (
        dict(cites=CITES + ["Een handtekening valt onder artikel 5.1 lid 1 sub i van de Woo."]),
        {("WOO505", "error", "besluit.pdf")}),
    "letter cites the Wob in 2023": (
        dict(cites=CITES + ["Dit volgt ook uit artikel 10, tweede lid, aanhef en onder e, van de Wob."]),
        {("WOO505", "error", "besluit.pdf")}),
    "letter never cites a ground the documents use": (dict(cites=CITES[:1]), {("WOO506", "error", "besluit.pdf")}),
    "same mail readable in another copy": (
        dict(rows=ROWS + [["8", "FW planning", "Deels openbaar", "5.1.2e"]],
             extra_pdfs={"0008 FW planning.pdf": mail("Jorien Pluimgraaf", (BOX, "5.1.2e"))}),
        {("WOO507", "error", "0008 FW planning.pdf")}),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_each_planted_fault_is_found_with_its_code(tmp_path, fault):
    kwargs, expected = FAULTS[fault]
    report = run(build(tmp_path / "besluit", **kwargs))
    assert woo5(report) == expected
    assert [f.error for f in report.files if f.error] == []


def test_woo507_names_both_documents_and_pages(tmp_path):
    folder = build(tmp_path / "b", rows=ROWS + [["8", "FW", "Deels openbaar", "5.1.2e"]],
                   extra_pdfs={"0008 FW.pdf": [["Doorgestuurd bericht"]] * 50 + mail("Jorien Pluimgraaf", (BOX, "5.1.2e"))})
    (f,) = [f for f in run(folder).findings if f.code == "WOO507"]
    assert f.page == 2 and f.text == "Jorien Pluimgraaf"
    assert f.bbox is not None and 72 <= f.bbox[0] < f.bbox[2] < 300  # round the name, on its line
    assert "0001 RE planning.pdf page 1" in f.message and "5.1.2e" in f.message
    assert "Pluimgraaf" not in f.message


def test_woo507_finds_a_quote_redacted_within_the_same_document(tmp_path):
    lines = mail((BOX, "5.1.2e"), (BOX, "5.1.2e")) + [["-----Oorspronkelijk bericht-----"]] + mail(
        "Jorien Pluimgraaf", (BOX, "5.1.2e"))
    pdf(tmp_path / "thread.pdf", lines)
    (f,) = [f for f in scan([str(tmp_path)], Config(select=("WOO507",))).findings]
    assert "this document page 1" in f.message and f.text == "Jorien Pluimgraaf"


def test_woo507_quiet_when_both_copies_are_redacted(tmp_path):
    pdf(tmp_path / "a.pdf", mail((BOX, "5.1.2e"), (BOX, "5.1.2e")))
    pdf(tmp_path / "b.pdf", [["Zie onderstaand bericht."]] + mail((BOX, "5.1.2e"), (BOX, "5.1.2e")))
    report = scan([str(tmp_path)], Config(select=("WOO507",)))
    assert report.findings == [] and _errors(report) == []  # quiet, not crashed


def test_other_column_names_and_verdict_spellings_in_xlsx(tmp_path):
    folder = build(tmp_path / "besluit")
    (folder / "inventarislijst.csv").unlink()
    shutil.move(str(folder / "0003 agenda.pdf"), str(folder / "Agenda overleg.pdf"))  # matched by name
    inventory_xlsx(
        folder / "Inventaris Woo-besluit.xlsx",
        ["Documentnummer", "Titel", "Datum", "Besluit", "Weigeringsgrond(en)"],
        [
            ["0001", "RE planning", "3-10-2022", "Gedeeltelijk openbaar gemaakt", "art. 5.1 lid 2 sub e"],
            ["0002", "Memo", "4-10-2022", "Deeis 0penbaar", "5.1, tweede lid, aanhef en onder e; 5.1.2.i"],
            ["0009", "Agenda overleg", "5-10-2022", "Volledig openbaar", None],
            ["0004", "Kamerbrief", "6-10-2022", "Reeds openbaar gemaakt", None],
            ["0005", "Advies", "6-10-2022", "Weigeren", "5.1.2e"],
        ],
        above=[["Inventarislijst bij het besluit op uw Woo-verzoek"], []],
    )
    report = run(folder)
    assert woo5(report) == set()
    assert [f.error for f in report.files if f.error] == []
    table = {d.document: d for d in report.documents}
    assert [table[n].inventory_verdict for n in ("0001", "0002", "0009", "0004", "0005")] == [
        "deels openbaar", "deels openbaar", "openbaar", "reeds openbaar", "niet openbaar"]
    assert table["0002"].grounds_listed == ("5.1.2e", "5.1.2i")
    assert table["0009"].path.endswith("Agenda overleg.pdf")


def test_inventory_and_letter_named_on_the_command_line(scan_json, tmp_path):
    folder = build(tmp_path / "docs")
    shutil.move(str(folder / "inventarislijst.csv"), str(tmp_path / "lijst.csv"))
    shutil.move(str(folder / "besluit.pdf"), str(tmp_path / "brief.pdf"))
    code, report, _ = scan_json(folder, "--select", "WOO5", "--inventory", tmp_path / "lijst.csv",
                                "--decision", tmp_path / "brief.pdf")
    assert code == 0 and [f for f in report["findings"] if f["code"].startswith("WOO5")] == []
    docs = {d["document"]: d for d in report["documents"]}
    assert docs["2"] == {"document": "2", "path": str(folder / "0002 memo.pdf"), "inventory_verdict": "deels openbaar",
                         "grounds_listed": ["5.1.2e", "5.1.2i"], "grounds_found": ["5.1.2e", "5.1.2i"], "status": "ok"}
    # without them the folder has neither, and there is no decision to check
    code, report, _ = scan_json(folder, "--select", "WOO5")
    assert code == 0 and report["documents"] == []


def test_unreadable_inventory_is_one_line_and_exit_2(cli, tmp_path):
    folder = build(tmp_path / "besluit", cites=CITES[:1])
    (folder / "inventarislijst.csv").unlink()
    (folder / "inventaris.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    code, out, err = cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0")
    assert code == 2
    lines = [l for l in err.splitlines() if "inventaris.xlsx" in l]
    assert len(lines) == 1 and "inventory cannot be read" in lines[0] and "xlsx" in lines[0]
    assert "Traceback" not in err
    assert "WOO506" in out  # the letter is still checked against the documents


def test_header_without_verdict_column_is_named_in_the_error(tmp_path):
    folder = build(tmp_path / "besluit")
    inventory_csv(folder / "inventarislijst.csv", ["Nr.", "Omschrijving"], [["1", "x"]])
    report = run(folder)
    (entry,) = [f for f in report.files if f.path.endswith("inventarislijst.csv")]
    assert "inventory cannot be read" in entry.error and "verdict column" in entry.error


def test_terminal_and_sarif_carry_the_document_table(cli, tmp_path):
    folder = build(tmp_path / "besluit", rows=_with_row(2, grounds="5.1.2e"))
    code, out, _ = cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0")
    assert code == 1 and "documents of the decision" in out and "grounds differ" in out
    sarif = tmp_path / "r.sarif"
    cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0", "--format", "sarif", "-o", sarif)
    docs = json.loads(sarif.read_text())["runs"][0]["properties"]["documents"]
    assert {d["document"]: d["status"] for d in docs}["2"] == "grounds differ"


# --- WOO203 by the date of the decision ----------------------------------------------------

WOB_MEMO = [["Notitie voor het overleg"], ["Opgesteld door", (BOX, "10.2e")]]


def _woo203(folder: Path, **cfg):
    return [f for f in scan([str(folder)], Config(select=("WOO203", "WOO5"), **cfg)).findings if f.code == "WOO203"]


def test_woo203_uses_the_date_of_the_decision_letter(tmp_path):
    folder = build(tmp_path / "besluit", extra_pdfs={"0002 memo.pdf": WOB_MEMO})
    (f,) = _woo203(folder)
    assert "2023-03-14" in f.message and "decision letter besluit.pdf" in f.message
    # a decision of before 1 May 2022 allows the Wob code
    build(tmp_path / "oud", extra_pdfs={"0002 memo.pdf": WOB_MEMO}, date_line="Datum 2 februari 2022")
    assert _woo203(tmp_path / "oud") == []


def test_woo203_reads_the_date_above_the_inventory_table(tmp_path):
    folder = tmp_path / "b"
    pdf(folder / "0001 memo.pdf", WOB_MEMO)
    inventory_xlsx(folder / "inventaris.xlsx", ["ID", "Beoordeling", "Grond"], [["1", "Deels openbaar", "10.2e"]],
                   above=[["Datum besluit:", "12 juli 2022"]])
    (f,) = _woo203(folder)
    assert "2022-07-12" in f.message and "inventory inventaris.xlsx" in f.message


def test_woo203_without_a_decision_reads_the_e_mail_header(tmp_path):
    pdf(tmp_path / "mail.pdf", [["Van: Afdeling Woo"], ["Verzonden: dinsdag 7 juni 2022 09:12"],
                                ["Onderwerp: stukken"], ["Opgesteld door", (BOX, "10.2e")]])
    pdf(tmp_path / "sent.pdf", [["From: Woo team"], ["Sent: Monday, March 7, 2022 9:12 AM"],
                                ["Opgesteld door", (BOX, "10.2e")]])
    found = _woo203(tmp_path)
    assert [Path(f.path).name for f in found] == ["mail.pdf"]
    assert "2022-06-07" in found[0].message and "e-mail header" in found[0].message


def test_woo507_redaction_at_the_start_of_a_document_is_aligned_by_the_words_after_it(tmp_path):
    top = [["Van:", (BOX, "5.1.2e")], ["Verzonden: maandag 3 oktober 2022 10:15"], ["Onderwerp: planning"]]
    pdf(tmp_path / "a.pdf", top)
    pdf(tmp_path / "b.pdf", [["Doorgestuurd bericht van de regio"], ["Van: Jorien Pluimgraaf"]] + top[1:])
    (f,) = scan([str(tmp_path)], Config(select=("WOO507",))).findings
    assert f.path.endswith("b.pdf") and f.text == "Jorien Pluimgraaf" and "a.pdf page 1" in f.message


# --- a decision shipped as a .zip ----------------------------------------------------------

def _zip(folder: Path, target: Path, extra: dict = None) -> Path:
    import zipfile

    with zipfile.ZipFile(target, "w") as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, f"dossier/{p.relative_to(folder).as_posix()}")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return target


def test_zip_batch_is_checked_as_its_folder_and_named_by_the_archive(scan_json, tmp_path):
    folder = build(tmp_path / "besluit", rows=_with_row(2, grounds="5.1.2e"))
    archive = _zip(folder, tmp_path / "Archive.zip")
    shutil.rmtree(folder)
    code, report, err = scan_json(archive, "--select", "WOO5")
    assert code == 1, err
    (f,) = [f for f in report["findings"] if f["code"].startswith("WOO5")]
    assert f["code"] == "WOO501" and f["path"] == f"{archive}/dossier/0002 memo.pdf"
    assert {d["path"] for d in report["documents"] if d["path"]} >= {f"{archive}/dossier/0001 RE planning.pdf"}
    assert all(str(archive) in x["path"] and "woocheck-zip" not in x["path"] for x in report["files"])


def test_unreadable_or_hostile_zip_is_one_error_and_the_rest_is_scanned(cli, tmp_path):
    bad = tmp_path / "kapot.zip"
    bad.write_bytes(b"PK\x05\x06 not a zip")
    folder = build(tmp_path / "besluit")
    sly = _zip(folder, tmp_path / "sly.zip", extra={"../../buiten.txt": "x"})
    code, out, err = cli("scan", bad, sly, folder, "--select", "WOO5", "--timeout-per-file", "0")
    assert code == 2 and "Traceback" not in err
    assert [l for l in err.splitlines() if "kapot.zip" in l] == [
        f"woocheck: {bad}: archive cannot be unpacked: not a readable zip archive (BadZipFile: File is not a zip file)"]
    assert any("sly.zip" in l and "outside the archive" in l for l in err.splitlines())
    # The archive is unpacked into a private folder in the temp dir: "../../" from there is
    # the temp dir's parent (or "/"), where the refused member must not have landed.
    import tempfile
    from pathlib import Path
    tmp = Path(tempfile.gettempdir())
    assert not (tmp_path.parent / "buiten.txt").exists()
    assert not (tmp / "buiten.txt").exists() and not (tmp.parent / "buiten.txt").exists()
    assert "documents of the decision" in out  # the folder was still checked


def test_woo507_two_texts_sharing_only_a_stock_phrase_are_no_copies(tmp_path):
    pdf(tmp_path / "a.pdf", [["Dank voor uw bericht. Met vriendelijke groet,"], [(BOX, "5.1.2e")], ["Senior adviseur"]])
    pdf(tmp_path / "b.pdf", [["Ik reageer op uw bericht. Met vriendelijke groet,"], ["Jorien Pluimgraaf"], ["Senior adviseur"]])
    report = scan([str(tmp_path)], Config(select=("WOO507",)))
    assert report.findings == [] and _errors(report) == []


@pytest.mark.parametrize("fmt", ["terminal", "json", "sarif"])
def test_woo507_text_is_masked_in_every_format_unless_asked(cli, tmp_path, fmt):
    folder = build(tmp_path / "besluit", rows=ROWS + [["8", "FW planning", "Deels openbaar", "5.1.2e"]],
                   extra_pdfs={"0008 FW planning.pdf": mail("Jorien Pluimgraaf", (BOX, "5.1.2e"))})
    out = tmp_path / f"r.{fmt}"
    for show, visible in (((), False), (("--show-personal-data",), True)):
        code, _, _ = cli("scan", folder, "--select", "WOO507", "--timeout-per-file", "0", "--format", fmt, "-o", out, *show)
        text = out.read_text()
        assert code == 1 and "WOO507" in text
        assert ("Pluimgraaf" in text) is visible


def test_a_failing_batch_check_is_one_line_exit_2_and_the_others_still_report(cli, tmp_path, monkeypatch):
    import woocheck.decision.neardup as neardup

    def broken(streams):
        raise ValueError("index out of step")

    monkeypatch.setattr(neardup, "find", broken)
    folder = build(tmp_path / "besluit", cites=CITES[:1])
    code, out, err = cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0")
    assert code == 2 and "Traceback" not in err
    assert "woocheck: (batch): not fully checked: internal error in WOO507 (ValueError: index out of step)" in err
    assert "WOO506" in out


def test_decision_date_option_wins_over_the_letter(tmp_path):
    from datetime import date

    wob = CITES + ["Dit volgt ook uit artikel 10, tweede lid, aanhef en onder e, van de Wob."]
    folder = build(tmp_path / "besluit", cites=wob)
    assert woo5(run(folder)) == {("WOO505", "error", "besluit.pdf")}  # the letter's own date: 2023
    assert woo5(run(folder, decision_date=date(2022, 3, 1))) == set()


def test_inventory_and_letter_named_in_the_config_file(cli, tmp_path):
    folder = build(tmp_path / "docs", rows=_with_row(2, grounds="5.1.2e"))
    shutil.move(str(folder / "inventarislijst.csv"), str(tmp_path / "lijst.csv"))
    shutil.move(str(folder / "besluit.pdf"), str(tmp_path / "brief.pdf"))
    (tmp_path / "woocheck.toml").write_text('inventory = "lijst.csv"\ndecision = "brief.pdf"\n', encoding="utf-8")
    code, out, _ = cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0")
    assert code == 1 and "WOO501" in out and "documents of the decision" in out
    (tmp_path / "woocheck.toml").write_text("inventory = 3\n", encoding="utf-8")
    code, _, err = cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0")
    assert code == 2 and "'inventory' must be a path" in err


def test_html_report_carries_the_document_table_escaped(cli, tmp_path):
    folder = build(tmp_path / "besluit", rows=_with_row(2, grounds="5.1.2e"))
    inventory_csv(folder / "inventarislijst.csv", HEADER, [list(r) for r in _with_row(2, grounds="5.1.2e")]
                  + [["<script>alert(1)</script>", "x", "Deels openbaar", "5.1.2e"]])
    out = tmp_path / "r.html"
    code, _, _ = cli("scan", folder, "--select", "WOO5", "--timeout-per-file", "0", "--format", "html", "-o", out)
    html = out.read_text()
    assert code == 1 and "Documents of the decision" in html and "grounds differ" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_annotate_says_once_that_a_zip_gets_no_copies(cli, tmp_path):
    folder = build(tmp_path / "besluit")
    archive = _zip(folder, tmp_path / "Archive.zip")
    code, _, err = cli("scan", archive, "--select", "WOO5", "--timeout-per-file", "0", "--annotate", tmp_path / "ann")
    assert code == 2
    assert [l for l in err.splitlines() if "Archive.zip" in l] == [
        f"woocheck: {archive}: no annotated copies of the files inside a .zip; unpack it and scan the folder"]


def _errors(report) -> list:
    """Errors of the batch and its files: a crashed batch check reports on a (batch) entry
    and leaves the findings empty, so an empty list of findings alone proves nothing."""
    return [f.error for f in report.files if f.error]
