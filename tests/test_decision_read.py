"""Reading a decision's own files: verdict spellings, inventory headers and formats, the
letter found by its heading, rows matched to file names."""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.decision.inventory import InventoryError, from_rows, read_inventory
from woocheck.decision.match import Matcher
from woocheck.decision.verdict import normalise
from woocheck.grounds import load_catalogue
from woocheck.pipeline import scan

from decision_docs import BOX, inventory_csv, letter, pdf


@pytest.mark.parametrize("written, verdict", [
    ("Openbaar", "openbaar"), ("Volledig openbaar", "openbaar"), ("openbaar gemaakt", "openbaar"),
    ("Openbaar maken", "openbaar"), ("0penbaar", "openbaar"),                      # OCR: zero for o
    ("Deels Openbaar", "deels openbaar"), ("Gedeeltelijk openbaar gemaakt", "deels openbaar"),
    ("Deeis openbaar", "deels openbaar"),                                          # OCR: i for l
    ("Niet Openbaar", "niet openbaar"), ("Weigeren", "niet openbaar"), ("niet openbaar gemaakt", "niet openbaar"),
    ("Niet verstrekt", "niet openbaar"), ("Reeds openbaar", "reeds openbaar"),
    ("Reeds openbaar gemaakt", "reeds openbaar"), ("Buiten reikwijdte", "buiten reikwijdte"),
    ("Niet relevant", "buiten reikwijdte"), ("", None), ("zie toelichting", None),
])
def test_verdict_spellings(written, verdict):
    assert normalise(written) == verdict


def test_header_is_found_below_a_title_and_by_role_not_position():
    rows = [["Inventarislijst Woo-verzoek"], [], ["Grond", "Omschrijving", "Openbaarmaking", "Nr."],
            ["5.1 lid 2 sub e", "Mail", "Deels", "3"], [None, None, None, None]]
    inv = from_rows("x.csv", rows, load_catalogue())
    (row,) = inv.rows
    assert (row.number, row.name, row.verdict, row.grounds) == ("3", "Mail", "deels openbaar", ("5.1.2e",))
    assert inv.columns == {"grounds": "Grond", "name": "Omschrijving", "verdict": "Openbaarmaking", "id": "Nr."}


def test_ground_cells_keep_nonexistent_codes_apart_and_drop_markers():
    inv = from_rows("x.csv", [["ID", "Beoordeling", "Weigeringsgronden"],
                              ["1", "Deels openbaar", "Artikel 5.1 lid 1 sub i; 5.1.2e; buiten verzoek"]], load_catalogue())
    assert inv.rows[0].grounds == ("5.1.2e",) and inv.rows[0].invalid == ("5.1.1i",)


def test_inventory_as_a_pdf_table(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    cells = [["Nr.", "Document", "Beoordeling", "Grond"], ["1", "Mail", "Deels openbaar", "5.1.2e"],
             ["2", "Nota", "Niet openbaar", "5.1.2i"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            rect = pymupdf.Rect(50 + 120 * c, 60 + 20 * r, 170 + 120 * c, 80 + 20 * r)
            page.draw_rect(rect, color=(0, 0, 0), width=0.5)
            page.insert_text((rect.x0 + 3, rect.y1 - 6), text, fontsize=9)
    doc.save(str(tmp_path / "inventaris.pdf"))
    inv = read_inventory(str(tmp_path / "inventaris.pdf"), load_catalogue())
    assert [(r.number, r.verdict, r.grounds) for r in inv.rows] == [
        ("1", "deels openbaar", ("5.1.2e",)), ("2", "niet openbaar", ("5.1.2i",))]


@pytest.mark.parametrize("content, reason", [
    (b"", "no header row"),
    (b"\x81\x8d\x8f\x90\x9d" * 10, "not a text file"),
])
def test_unreadable_csv_says_why(tmp_path, content, reason):
    p = tmp_path / "inventaris.csv"
    p.write_bytes(content)
    with pytest.raises(InventoryError, match=reason):
        read_inventory(str(p), load_catalogue())


def test_rows_matched_by_number_in_the_name_then_by_name_column():
    inv = from_rows("x.csv", [["ID", "Beoordeling", "Documentnaam"], ["171059", "Openbaar", "a"],
                              ["12", "Openbaar", "Verslag overleg 2020.docx"], ["7", "Openbaar", "b"]], load_catalogue())
    m = Matcher(inv)
    assert m.row_for("woo1/171059.pdf").number == "171059"
    assert m.row_for("VWS-WOO-171059-RE_overleg.pdf").number == "171059"
    assert m.row_for("0012 memo.pdf").number == "12"
    assert m.row_for("Verslag overleg 2020.pdf").number == "12"  # no row's number in it: by name
    assert m.row_for("bijlage 2020-09-17.pdf") is None


def test_letter_found_by_its_heading_beside_an_inventory(tmp_path):
    pdf(tmp_path / "0001 memo.pdf", [["Notitie"], ["Opgesteld door", (BOX, "5.1.2i")]])
    inventory_csv(tmp_path / "inventaris.csv", ["Nr.", "Beoordeling", "Grond"], [["1", "Deels openbaar", "5.1.2i"]])
    letter(tmp_path / "brief aan verzoeker.pdf", ["Ik weiger op grond van artikel 5.1, tweede lid, onder e, van de Woo."])
    found = [(f.code, Path(f.path).name) for f in scan([str(tmp_path)], Config(select=("WOO5",))).findings]
    assert found == [("WOO506", "brief aan verzoeker.pdf")]


@pytest.mark.parametrize("header, roles", [
    (["ID", "Family", "Email Thread ID", "01 Document", "02 Beoordeling", "03 Beoordelingsgrond"],
     {"id": "ID", "name": "01 Document", "verdict": "02 Beoordeling", "grounds": "03 Beoordelingsgrond"}),
    (["Documentnr.", "Naam bestand", "Openbaarheid", "Toegepaste uitzonderingen"],
     {"id": "Documentnr.", "name": "Naam bestand", "verdict": "Openbaarheid", "grounds": "Toegepaste uitzonderingen"}),
    (["Volgnummer", "Onderwerp", "Besluit", "Artikel(en)"],
     {"id": "Volgnummer", "name": "Onderwerp", "verdict": "Besluit", "grounds": "Artikel(en)"}),
    (["Nr. document", "Titel", "Beslissing", "Wettelijke grondslag"],
     {"id": "Nr. document", "name": "Titel", "verdict": "Beslissing", "grounds": "Wettelijke grondslag"}),
])
def test_header_roles_in_other_organisations_words(header, roles):
    inv = from_rows("x.csv", [header, ["1"] * len(header)], load_catalogue())
    assert inv.columns == roles


def test_inventory_of_a_type_that_cannot_be_read_is_an_error_not_a_silence(tmp_path):
    pdf(tmp_path / "0001 memo.pdf", [["Notitie"]])
    (tmp_path / "inventaris.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    (entry,) = [f for f in scan([str(tmp_path)], Config(select=("WOO5",))).files if f.path.endswith(".xls")]
    assert entry.error == "inventory cannot be read: unsupported inventory type .xls (save it as xlsx, csv or pdf)"


def test_ground_spread_over_artikel_lid_sub_columns():
    rows = [["Nr.", "Beoordeling", "Artikel", "lid", "sub"],
            ["1", "Deels openbaar", "5.1", "2", "e"],
            ["2", "Niet openbaar", "5.1", "1", "i"],
            ["3", "Deels openbaar", "5.2", "", ""]]
    inv = from_rows("x.pdf", rows, load_catalogue())
    assert [(r.grounds, r.invalid) for r in inv.rows] == [(("5.1.2e",), ()), ((), ("5.1.1i",)), (("5.2.1",), ())]
