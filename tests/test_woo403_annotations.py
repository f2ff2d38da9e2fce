"""WOO403: personal data in comments, text boxes, stamps and links."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file


def two_pages(path, annotate):
    doc = pymupdf.open()
    for n in range(2):
        doc.new_page().insert_text((72, 72), f"Pagina {n + 1} van het besluit.")
    annotate(doc[1])
    doc.save(path)
    return path


def woo403(path):
    result = scan_file(str(path), Config(select=("WOO403",)))
    assert result.error is None
    return [f for f in result.findings if f.code == "WOO403"]


def comment(page, text, author, subject=""):
    annot = page.add_text_annot((300, 200), text)
    annot.set_info(title=author, subject=subject)
    annot.update()
    return annot


def test_comment_author_is_reported_without_the_name_in_the_message(tmp_path):
    path = two_pages(tmp_path / "besluit.pdf", lambda p: comment(p, "Akkoord met de tekst.", "Piet Jansen"))
    findings = woo403(path)
    assert len(findings) == 1
    f = findings[0]
    assert (f.severity.value, f.page, f.text, f.kind) == ("error", 2, "Piet Jansen", "PERSON")
    assert "author field of comment on page 2" in f.message
    assert "Jansen" not in f.message
    assert f.bbox is not None and f.bbox[0] >= 299  # the note's icon, so the reviewer can find it


def test_author_that_is_an_account_and_harmless_content_give_nothing(tmp_path):
    path = two_pages(tmp_path / "besluit.pdf", lambda p: comment(p, "Akkoord met de tekst.", "admin", "Opmerking"))
    assert woo403(path) == []


def test_phone_number_in_a_comment(tmp_path):
    path = two_pages(tmp_path / "besluit.pdf", lambda p: comment(p, "check met Karin Smit (06-12345678)", "secretariaat"))
    phones = [f for f in woo403(path) if f.kind == "PHONE"]
    assert [(f.text, f.page) for f in phones] == [("06-12345678", 2)]
    assert phones[0].message.endswith("in comment on page 2")


def test_email_in_a_text_box(tmp_path):
    path = two_pages(tmp_path / "besluit.pdf", lambda p: p.add_freetext_annot((72, 300, 400, 340), "bel jan.devries@example.nl"))
    findings = woo403(path)
    assert [(f.text, f.kind) for f in findings] == [("jan.devries@example.nl", "EMAIL")]
    assert "text box comment on page 2" in findings[0].message


def test_mailto_link_address(tmp_path):
    def link(page):
        page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 60, 200, 80), "uri": "mailto:jan.devries@example.nl"})

    findings = woo403(two_pages(tmp_path / "besluit.pdf", link))
    assert [(f.text, f.kind, f.page) for f in findings] == [("jan.devries@example.nl", "EMAIL", 2)]
    assert "address of link on page 2" in findings[0].message


def test_link_to_a_public_site_is_not_reported(tmp_path):
    def link(page):
        page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 60, 200, 80), "uri": "https://www.rijksoverheid.nl/woo"})

    assert woo403(two_pages(tmp_path / "besluit.pdf", link)) == []
