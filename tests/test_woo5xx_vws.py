"""WOO5xx on the real VWS Woo dossiers woo1-woo4 with their real inventories: consistent,
so no WOO5xx error; and a copy of one with a fault planted in its inventory."""
from __future__ import annotations

import shutil

import pytest

from woocheck.config import Config
from woocheck.pipeline import scan

from conftest import shared_path

pytestmark = pytest.mark.corpus


def _dossiers():
    base = shared_path("corpora", "vws-woo")
    folders = [base / f"woo{n}" for n in range(1, 5) if (base / f"woo{n}" / "inventory.xlsx").exists()]
    if not folders:
        pytest.skip("no VWS dossiers with an inventory")
    return folders


def test_vws_dossiers_give_no_woo5xx_error():
    folders = _dossiers()
    report = scan([str(f) for f in folders], Config(select=("WOO5",)))
    errors = [(f.code, f.path, f.message) for f in report.findings if f.code.startswith("WOO5") and f.severity.value == "error"]
    assert errors == []
    assert not [f for f in report.files if f.error]
    # every PDF named by its ID is matched to its row, and the grounds agree
    matched = [d for d in report.documents if d.path and d.inventory_verdict]
    assert len(matched) >= 18
    assert all(d.grounds_listed == d.grounds_found for d in matched)
    print("\n" + "\n".join(f"{d.document:8} {d.inventory_verdict or '-':15} {'; '.join(d.grounds_listed) or '-':16} "
                           f"{'; '.join(d.grounds_found) or '-':16} {d.status}" for d in report.documents))


def test_planted_faults_in_a_copy_of_a_vws_inventory(tmp_path):
    import openpyxl

    source = _dossiers()[-1]
    copy = tmp_path / source.name
    shutil.copytree(source, copy)
    wb = openpyxl.load_workbook(copy / "inventory.xlsx")
    ws = wb.active
    head = [c.value for c in ws[1]]
    col_verdict, col_ground = head.index("02 Beoordeling") + 1, head.index("03 Beoordelingsgrond") + 1
    ids = [r[0].value for r in ws.iter_rows(min_row=2) if r[0].value is not None]
    pdfs = sorted(p.stem for p in copy.glob("*.pdf"))
    first, second = [i for i in ids if str(i) in pdfs][:2]
    row_of = {r[0].value: r[0].row for r in ws.iter_rows(min_row=2) if r[0].value is not None}
    cell = ws.cell(row_of[first], col_ground)
    cell.value = f"{cell.value}; 5.1.2g"  # a ground no box carries
    ws.cell(row_of[second], col_verdict).value = "Niet Openbaar"  # refused, yet published
    wb.save(copy / "inventory.xlsx")
    found = {(f.code, f.severity.value, f.path.rsplit("/", 1)[-1]) for f in scan([str(copy)], Config(select=("WOO5",))).findings
             if f.code.startswith("WOO5") and f.code != "WOO504"}
    assert ("WOO501", "warning", f"{first}.pdf") in found
    assert ("WOO503", "error", f"{second}.pdf") in found
    assert {c for c, s, _ in found if s == "error"} == {"WOO503"}


def test_a_letter_written_for_a_vws_dossier(tmp_path):
    """A decision letter for a copy of a real dossier that motivates privacy only and cites a
    ground that does not exist: WOO506 for each other ground its documents and inventory
    apply, WOO505 once; a letter citing them all gives neither."""
    from decision_docs import letter
    from woocheck.decision.inventory import read_inventory
    from woocheck.grounds import load_catalogue

    source = _dossiers()[-1]
    copy = tmp_path / source.name
    shutil.copytree(source, copy)
    applied = {g for row in read_inventory(str(copy / "inventory.xlsx"), load_catalogue()).rows for g in row.grounds}
    assert "5.1.2e" in applied and len(applied) > 1
    letter(copy / "besluit.pdf", [
        "Namen en contactgegevens van medewerkers maak ik niet openbaar op grond van artikel 5.1, tweede lid, "
        "aanhef en onder e, van de Woo.",
        "Handtekeningen vallen onder artikel 5.1 lid 1 sub i van de Woo.",
    ])
    found = [(f.code, f.text) for f in scan([str(copy)], Config(select=("WOO505", "WOO506"))).findings]
    assert sorted(found) == sorted([("WOO505", "artikel 5.1 lid 1 sub i")] + [("WOO506", g) for g in applied - {"5.1.2e"}])
    spelled = {"5.1.1c": "eerste lid, aanhef en onder c", "5.1.2i": "tweede lid, aanhef en onder i",
               "5.1.5": "vijfde lid", "5.1.2e": "tweede lid, aanhef en onder e"}
    letter(copy / "besluit.pdf", [f"Ik pas artikel 5.1, {spelled[g]}, van de Woo toe." if g in spelled
                                  else f"Ik pas grond {g} toe." for g in sorted(applied)])
    report = scan([str(copy)], Config(select=("WOO505", "WOO506")))
    assert report.findings == [] and not [f.error for f in report.files if f.error]
