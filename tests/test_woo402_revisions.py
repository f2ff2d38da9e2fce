"""WOO402: personal data that exists only in an earlier revision (incremental saves)."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.ingest import open_document
from woocheck.pipeline import scan_file


def first_version(path, lines, metadata=None, pages=1):
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page()
        for i, line in enumerate(lines if n == pages - 1 else ["Inleiding"]):
            page.insert_text((72, 72 + 20 * i), line)
    if metadata:
        doc.set_metadata(metadata)
    doc.save(path)


def save_incrementally(path, remove=(), add=(), metadata=None, page_number=-1):
    """Redact `remove` on the last page, write `add` there, save as an incremental update."""
    doc = pymupdf.open(path)
    page = doc[page_number]
    for text in remove:
        for rect in page.search_for(text):
            page.add_redact_annot(rect, fill=(0, 0, 0))
    page.apply_redactions()
    for i, line in enumerate(add):
        page.insert_text((72, 400 + 20 * i), line)
    if metadata is not None:
        doc.set_metadata(metadata)
    doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
    doc.close()


def woo402(path):
    result = scan_file(str(path), Config(select=("WOO402",)))
    assert result.error is None
    return [f for f in result.findings if f.code == "WOO402"]


def revision_items(path):
    with open_document(path) as doc:
        return [h for h in doc.hidden if h.kind == "revision"], doc.revisions


def test_text_removed_by_a_later_save_is_collected_with_its_place(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Onderwerp: begroting 2024", "Contact: Jan de Vries, jan.devries@example.nl"], pages=2)
    save_incrementally(path, remove=["Jan de Vries, jan.devries@example.nl"], add=["Contact: [5.1.2e]"])
    items, revisions = revision_items(path)
    assert revisions == 2
    items = [h for h in items if h.place.startswith("revision")]
    assert [h.place for h in items] == ["revision 1 of 2, page 2"]
    assert items[0].page == 2
    assert "jan.devries@example.nl" in items[0].text
    assert "begroting" not in items[0].text  # unchanged lines are not earlier-only text


def test_three_revisions_are_numbered(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Naam: Jan de Vries"])
    save_incrementally(path, remove=["Jan de Vries"], add=["Naam: J. de Vries"])
    save_incrementally(path, remove=["J. de Vries"], add=["Naam: [5.1.2e]"])
    items, revisions = revision_items(path)
    assert revisions == 3
    by_place = {h.place: h.text for h in items if h.place.startswith("revision")}
    assert "Jan de Vries" in by_place["revision 1 of 3, page 1"]
    assert "J. de Vries" in by_place["revision 2 of 3, page 1"]


def test_author_removed_by_a_later_save_is_an_error(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Besluit"], metadata={"author": "Karin Smit"})
    save_incrementally(path, metadata={"author": ""})
    findings = woo402(path)
    assert [(f.severity.value, f.text, f.kind) for f in findings] == [("error", "Karin Smit", "PERSON")]
    assert "revision 1 of 2, metadata Author" in findings[0].message
    assert "Smit" not in findings[0].message
    # the final Author is empty, so WOO401 has nothing to say
    assert [f for f in scan_file(str(path), Config(select=("WOO401",))).findings] == []


def test_email_removed_by_a_later_save_is_an_error_on_its_page(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Onderwerp: begroting", "Mail: jan.devries@example.nl"])
    save_incrementally(path, remove=["jan.devries@example.nl"], add=["Mail: [5.1.2e]"])
    findings = woo402(path)
    # the old page content is both in revision 1 and a left-over object: reported once
    assert [(f.severity.value, f.text, f.kind, f.page) for f in findings] == [
        ("error", "jan.devries@example.nl", "EMAIL", 1)
    ]
    assert "revision 1 of 2, page 1" in findings[0].message


# --- left-over objects (a full save without garbage collection) ---

def redact_and_save(path, target, remove, garbage=0, delete_comments=False):
    doc = pymupdf.open(path)
    page = doc[0]
    if delete_comments:
        for annot in list(page.annots()):
            page.delete_annot(annot)
    for text in remove:
        for rect in page.search_for(text):
            page.add_redact_annot(rect, fill=(0, 0, 0))
    page.apply_redactions()
    doc.save(target, garbage=garbage)
    doc.close()


def test_old_page_content_left_in_the_file_is_collected(tmp_path):
    first_version(tmp_path / "a.pdf", ["Onderwerp: begroting", "Contact: Jan de Vries"])
    redact_and_save(tmp_path / "a.pdf", tmp_path / "b.pdf", ["Jan de Vries"])
    items, revisions = revision_items(tmp_path / "b.pdf")
    assert revisions == 1
    assert len(items) == 1 and items[0].place.startswith("left-over content object ")
    assert items[0].text == "Contact: Jan de Vries"  # the unchanged line is not repeated


def test_garbage_collected_save_leaves_nothing(tmp_path):
    first_version(tmp_path / "a.pdf", ["Contact: Jan de Vries"])
    redact_and_save(tmp_path / "a.pdf", tmp_path / "b.pdf", ["Jan de Vries"], garbage=3)
    assert revision_items(tmp_path / "b.pdf") == ([], 1)
    assert woo402(tmp_path / "b.pdf") == []


def test_deleted_comment_left_in_the_file_keeps_its_author(tmp_path):
    first_version(tmp_path / "a.pdf", ["Besluit"])
    doc = pymupdf.open(tmp_path / "a.pdf")
    note = doc[0].add_text_annot((300, 300), "Akkoord")
    note.set_info(title="Karin Smit")
    note.update()
    doc.save(tmp_path / "b.pdf")
    redact_and_save(tmp_path / "b.pdf", tmp_path / "c.pdf", [], delete_comments=True)
    findings = woo402(tmp_path / "c.pdf")
    assert [(f.text, f.kind, f.severity.value) for f in findings] == [("Karin Smit", "PERSON", "error")]
    assert "left-over comment object" in findings[0].message and "Smit" not in findings[0].message


def test_email_in_left_over_page_content_is_an_error(tmp_path):
    first_version(tmp_path / "a.pdf", ["Mail: jan.devries@example.nl"])
    redact_and_save(tmp_path / "a.pdf", tmp_path / "b.pdf", ["jan.devries@example.nl"])
    findings = woo402(tmp_path / "b.pdf")
    assert [(f.text, f.kind, f.page) for f in findings] == [("jan.devries@example.nl", "EMAIL", None)]
    assert "left-over content object" in findings[0].message


def test_data_still_on_the_final_page_is_not_an_earlier_revision_leak(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Mail: jan.devries@example.nl", "Kopie: karin.smit@example.nl"])
    save_incrementally(path, remove=["karin.smit@example.nl"])
    texts = [f.text for f in woo402(path) if f.severity.value == "error"]
    assert texts == ["karin.smit@example.nl"]


def test_harmless_edit_gives_one_info_note(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Kosten: 100 euro"])
    save_incrementally(path, remove=["100"], add=["Kosten: 120 euro"])
    findings = woo402(path)
    assert [f.severity.value for f in findings] == ["info"]
    assert "2 revisions" in findings[0].message


def test_file_saved_once_has_no_woo402(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Contact: Jan de Vries"], metadata={"author": "Karin Smit"})
    assert woo402(path) == []
    assert revision_items(path) == ([], 1)


def test_scanning_does_not_modify_the_file(tmp_path):
    path = tmp_path / "memo.pdf"
    first_version(path, ["Contact: Jan de Vries"])
    save_incrementally(path, remove=["Jan de Vries"])
    before = path.read_bytes()
    woo402(path)
    assert path.read_bytes() == before
