"""WOO405 bookmarks, WOO406 form fields, WOO407 alt text / ActualText, WOO408 file name."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file


def new_doc(pages=1):
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"Pagina {n + 1}")
    return doc


def findings(path, code):
    result = scan_file(str(path), Config(select=(code,)))
    assert result.error is None
    return [f for f in result.findings if f.code == code]


def add_field(page, name, value, y=400):
    w = pymupdf.Widget()
    w.field_name = name
    w.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    w.field_value = value
    w.rect = pymupdf.Rect(72, y, 300, y + 20)
    page.add_widget(w)


def add_alt_text(doc, page, alt):
    """A structure element (as a tagged PDF has) describing a figure on `page`."""
    xref = doc.get_new_xref()
    doc.update_object(xref, f"<< /Type /StructElem /S /Figure /Pg {page.xref} 0 R >>")
    doc.xref_set_key(xref, "Alt", pymupdf.get_pdf_str(alt))
    return xref


# --- WOO405 bookmarks ---

def test_bookmark_title_with_an_email(tmp_path):
    doc = new_doc(3)
    doc.set_toc([[1, "Inleiding", 1], [1, "Mail van jan.devries@example.nl", 3]])
    doc.save(tmp_path / "dossier.pdf")
    found = findings(tmp_path / "dossier.pdf", "WOO405")
    assert [(f.text, f.kind, f.page) for f in found] == [("jan.devries@example.nl", "EMAIL", 3)]
    assert "bookmark 2 (level 1)" in found[0].message


def test_plain_bookmarks_give_nothing(tmp_path):
    doc = new_doc(2)
    doc.set_toc([[1, "Inleiding", 1], [2, "Besluit op het Woo-verzoek", 2]])
    doc.save(tmp_path / "dossier.pdf")
    assert findings(tmp_path / "dossier.pdf", "WOO405") == []


# --- WOO406 form fields ---

def test_name_field_with_a_persons_name(tmp_path):
    doc = new_doc(2)
    add_field(doc[1], "naam_aanvrager", "Jan de Vries")
    add_field(doc[1], "bedrag", "1200", y=440)
    doc.save(tmp_path / "formulier.pdf")
    found = findings(tmp_path / "formulier.pdf", "WOO406")
    assert [(f.text, f.kind, f.page) for f in found] == [("Jan de Vries", "PERSON", 2)]
    assert "form field 1 on page 2" in found[0].message and "Vries" not in found[0].message
    assert found[0].bbox is not None


def test_phone_number_in_a_free_text_field(tmp_path):
    doc = new_doc()
    add_field(doc[0], "opmerking", "Terugbellen op 06-12345678")
    doc.save(tmp_path / "formulier.pdf")
    assert [(f.text, f.kind) for f in findings(tmp_path / "formulier.pdf", "WOO406")] == [("06-12345678", "PHONE")]


# --- WOO407 alt text ---

def test_alt_text_with_an_email(tmp_path):
    doc = new_doc(2)
    xref = add_alt_text(doc, doc[1], "Schermafdruk van de mail van jan.devries@example.nl")
    doc.save(tmp_path / "tagged.pdf")
    found = findings(tmp_path / "tagged.pdf", "WOO407")
    assert [(f.text, f.page) for f in found] == [("jan.devries@example.nl", 2)]
    assert f"alt text on page 2 (object {xref})" in found[0].message


def test_plain_alt_text_gives_nothing(tmp_path):
    doc = new_doc()
    add_alt_text(doc, doc[0], "Logo van de Rijksoverheid")
    doc.save(tmp_path / "tagged.pdf")
    assert findings(tmp_path / "tagged.pdf", "WOO407") == []


# --- WOO408 file name ---

def test_file_name_with_an_email(tmp_path):
    path = tmp_path / "RE_vraag_van_jan.devries@example.nl.docx.pdf"
    new_doc().save(path)
    found = findings(path, "WOO408")
    assert [(f.text, f.kind, f.page) for f in found] == [("jan.devries@example.nl", "EMAIL", None)]
    assert found[0].message == "an e-mail address in the file name"


def test_text_file_name_is_checked_too(tmp_path):
    path = tmp_path / "notities_karin.smit@example.nl.txt"
    path.write_text("Overleg over de begroting.\n", encoding="utf-8")
    assert [f.text for f in findings(path, "WOO408")] == ["karin.smit@example.nl"]


def test_document_number_as_file_name_gives_nothing(tmp_path):
    path = tmp_path / "VWS-WOO-171059.pdf"
    new_doc().save(path)
    assert findings(path, "WOO408") == []
