"""WOO401: personal data in the Info dictionary and the XMP packet."""
from __future__ import annotations

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.pipeline import scan_file


def make_pdf(path, metadata=None, xmp=None, info_extra=None):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Besluit op uw verzoek om informatie.")
    if metadata or info_extra:
        doc.set_metadata(metadata or {"title": "Besluit"})  # creates the Info dictionary
    if xmp:
        doc.set_xml_metadata(xmp)
    doc.save(path)
    if info_extra:
        doc = pymupdf.open(path)
        kind, ref = doc.xref_get_key(-1, "Info")
        xref = int(ref.split()[0])
        for key, value in info_extra.items():
            doc.xref_set_key(xref, key, pymupdf.get_pdf_str(value))
        doc.saveIncr()
    return path


def woo401(path):
    result = scan_file(str(path), Config(select=("WOO401",)))
    assert result.error is None
    return [f for f in result.findings if f.code == "WOO401"]


def xmp_packet(creator):
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        'xmp:CreatorTool="Microsoft Word" pdf:Producer="ZyLAB PDF export module">'
        f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    )


@pytest.mark.parametrize(
    "author",
    [
        "Jan de Vries",  # first name, interfix, surname
        "J. de Vries",  # initial
        "Vries, Jan de",  # surname first, as address books write it
        "de Vries, J.P. (Jan)",  # initials and the first name in brackets
        "Karin Smit",
        "Anne-Marie van den Berg",
    ],
)
def test_author_with_a_persons_name_is_an_error(tmp_path, author):
    findings = woo401(make_pdf(tmp_path / "memo.pdf", {"author": author}))
    assert len(findings) == 1
    f = findings[0]
    assert f.severity.value == "error"
    assert f.text == author and f.kind == "PERSON"
    assert f.page is None
    assert "metadata Author" in f.message
    assert "Vries" not in f.message and "Smit" not in f.message and "Berg" not in f.message


@pytest.mark.parametrize(
    "author",
    [
        "Ministerie van VWS",
        "Microsoft Word",
        "admin",
        "Tweede Kamer der Staten-Generaal",
        "DGAACS User",  # an account, not a person
        "peykelen",  # a login: one lower-case token
        "Jan",  # one word is not enough to call it a name
    ],
)
def test_author_that_is_not_a_persons_name_is_not_reported(tmp_path, author):
    assert woo401(make_pdf(tmp_path / "memo.pdf", {"author": author})) == []


def test_account_name_glued_from_a_persons_name(tmp_path):
    findings = woo401(make_pdf(tmp_path / "memo.pdf", {"author": "KarinSmit"}))
    assert [(f.text, f.kind) for f in findings] == [("KarinSmit", "PERSON")]
    assert woo401(make_pdf(tmp_path / "tool.pdf", {"author": "PowerPoint"})) == []


def test_name_also_readable_on_the_page_is_left_to_woo1xx(tmp_path):
    path = tmp_path / "memo.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Behandeld door Jan de Vries")
    doc.set_metadata({"author": "Jan de Vries"})
    doc.save(path)
    assert woo401(path) == []


def test_tool_strings_in_creator_and_producer_are_not_findings(tmp_path):
    path = make_pdf(
        tmp_path / "export.pdf",
        {"creator": "Adobe Acrobat Pro", "producer": "ZyLAB PDF export module", "title": "Besluit Woo-verzoek"},
    )
    assert woo401(path) == []


def test_xmp_creator_is_read_when_the_info_author_is_empty(tmp_path):
    findings = woo401(make_pdf(tmp_path / "memo.pdf", {"author": ""}, xmp=xmp_packet("Karin Smit")))
    assert [(f.text, f.kind) for f in findings] == [("Karin Smit", "PERSON")]
    assert "XMP dc:creator" in findings[0].message


def test_same_name_in_info_and_xmp_is_reported_once(tmp_path):
    findings = woo401(make_pdf(tmp_path / "memo.pdf", {"author": "Karin Smit"}, xmp=xmp_packet("Karin Smit")))
    assert len(findings) == 1 and "metadata Author" in findings[0].message


def test_damaged_xmp_does_not_stop_the_scan(tmp_path):
    findings = woo401(make_pdf(tmp_path / "memo.pdf", {"author": "Jan de Vries"}, xmp="<x:xmpmeta><not closed"))
    assert [f.text for f in findings] == ["Jan de Vries"]


def test_custom_info_key_that_names_a_person_reads_like_author(tmp_path):
    path = make_pdf(tmp_path / "memo.pdf", info_extra={"LastModifiedBy": "P. Jansen", "Company": "Gemeente Utrecht"})
    findings = woo401(path)
    assert [(f.text, f.kind) for f in findings] == [("P. Jansen", "PERSON")]
    assert "metadata LastModifiedBy" in findings[0].message


def test_email_in_a_custom_info_key(tmp_path):
    path = make_pdf(tmp_path / "memo.pdf", info_extra={"AuthorEmail": "jan.devries@example.nl"})
    findings = woo401(path)
    assert [(f.text, f.kind) for f in findings] == [("jan.devries@example.nl", "EMAIL")]
    assert "metadata AuthorEmail" in findings[0].message and "devries" not in findings[0].message


def test_phone_number_in_the_subject(tmp_path):
    findings = woo401(make_pdf(tmp_path / "memo.pdf", {"subject": "Terugbellen op 06-12345678"}))
    assert [(f.text, f.kind) for f in findings] == [("06-12345678", "PHONE")]
    assert "metadata Subject" in findings[0].message


def test_cli_json_masks_the_author_and_keeps_it_out_of_the_message(tmp_path, scan_json):
    path = make_pdf(tmp_path / "memo.pdf", {"author": "Jan de Vries"})
    code, report, _ = scan_json(str(path), "--select", "WOO4")
    assert code == 1
    found = [f for f in report["findings"] if f["code"] == "WOO401"]
    assert len(found) == 1
    assert found[0]["severity"] == "error" and found[0]["page"] is None
    assert found[0]["text"] != "Jan de Vries" and found[0]["text"].startswith("J")
    assert "Vries" not in found[0]["message"]
    assert "Jan de Vries" not in report.__repr__()


def test_input_file_is_not_modified(tmp_path):
    path = make_pdf(tmp_path / "memo.pdf", {"author": "Jan de Vries"})
    before = path.read_bytes()
    woo401(path)
    assert path.read_bytes() == before
