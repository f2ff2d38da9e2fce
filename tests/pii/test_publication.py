"""A person a publication's own documents name as an office holder stays readable in
every document of that publication (its folder), by full name in every decision of the
batch, and only that person (invented names)."""
from __future__ import annotations

LETTER = """Besluit op uw Woo-verzoek

Hoogachtend,

Ilse Brandsma
Lid Raad van Bestuur
"""

MAIL = """Van: Brandsma, Ilse <i.brandsma@example.nl>
Verzonden: maandag 3 maart 2025 10:12
Aan: Koenraads, Femke <f.koenraads@example.nl>
Onderwerp: stand van zaken

Hoi Femke,

Graag een update voor het overleg. K. Brandsma van Juridische Zaken kijkt mee.

Groet, Ilse
"""


def _person_texts(report, name):
    return sorted(f["text"] for f in report["findings"] if f["code"] == "WOO101" and f["path"].endswith(name))


def test_an_office_holder_named_in_one_document_is_public_in_the_others(tmp_path, scan_json):
    pub = tmp_path / "besluit-2025-01"
    pub.mkdir()
    (pub / "besluit.txt").write_text(LETTER, "utf-8")
    (pub / "document-3.txt").write_text(MAIL, "utf-8")
    code, report, _ = scan_json(str(pub), "--show-personal-data")
    found = _person_texts(report, "document-3.txt")
    # The board member is no longer reported; the civil servants around her still are,
    # also one who shares her surname with another initial.
    assert not [t for t in found if "Ilse" in t or t == "Brandsma, Ilse"], found
    assert "Koenraads, Femke" in found and "K. Brandsma" in found


def test_the_document_alone_still_reports_the_name(tmp_path, scan_json):
    pub = tmp_path / "besluit-2025-02"
    pub.mkdir()
    (pub / "document-3.txt").write_text(MAIL, "utf-8")
    code, report, _ = scan_json(str(pub / "document-3.txt"), "--show-personal-data")
    assert "Brandsma, Ilse" in _person_texts(report, "document-3.txt")


def test_another_decision_in_the_batch_takes_the_full_name_only(tmp_path, scan_json):
    # An archive scanned at once: the board member's full name carries over to another
    # decision of the batch; a bare given name or an initial with her surname does not,
    # since beyond one publication those may well be somebody else.
    pub = tmp_path / "besluit-2025-01"
    other = tmp_path / "besluit-2025-02"
    pub.mkdir()
    other.mkdir()
    (pub / "besluit.txt").write_text(LETTER, "utf-8")
    (other / "document-3.txt").write_text(MAIL, "utf-8")
    code, report, _ = scan_json(str(tmp_path), "--show-personal-data")
    found = _person_texts(report, "document-3.txt")
    assert "Brandsma, Ilse" not in found, found
    assert "K. Brandsma" in found and "Koenraads, Femke" in found
    # Another person with the same surname and another given name stays a finding.
    (other / "document-4.txt").write_text(MAIL.replace("Ilse", "Marloes"), "utf-8")
    code, report, _ = scan_json(str(tmp_path), "--show-personal-data")
    assert "Brandsma, Marloes" in _person_texts(report, "document-4.txt")
