"""Which names may stay readable: public office holders, allowlist, document-wide roles."""
import pytest


def _persons(items, text, config=None):
    from woocheck.pii import find_in_text

    return {p.text: p for p in find_in_text(text, config) if p.entity == "PERSON"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("minister mw. M. Faber (AenM) opent.", "M. Faber"),  # role before
        ("staatssecretaris dhr. J. Nobel (SZW)", "J. Nobel"),
        ("Dhr. De Jonge (MBZK) zit voor.", "Dhr. De Jonge"[5:]),  # minister code
        ("Dhr. Van der Burg (SJenV)", "Van der Burg"),  # state secretary code
        ("dhr. M. Boumans (VNG) en mw. L. Spies (VNG)", "M. Boumans"),  # board member, VNG
        ("dhr. H. Oosters (Kring CDK)", "H. Oosters"),
        ("Mevr. Klijnsma (CdK 's)", "Klijnsma"),
        ("dhr. R. Paas (CvdK Groningen, doyen)", "R. Paas"),
        ("mw. M. Faber (Minister AenM)", "M. Faber"),  # role inside the brackets
        ("burgemeester Jan Pieters opende het overleg", "Jan Pieters"),
        ("wethouder mevrouw Oukili sprak", "Oukili"),
        ("Met vriendelijke groet,\n\nDe minister van Justitie en Veiligheid,\n\nD.M. van Weel", "D.M. van Weel"),
        ("Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66)", "Romke de Jong"),
        ("Gesprek met Tamara van Ark over de zorg.", "Tamara van Ark"),  # allowlist
    ],
)
def test_public_office_holders_stay_readable(items, text, name):
    persons = _persons(items, text)
    assert name in persons, persons
    assert persons[name].public, persons[name]


@pytest.mark.parametrize(
    "text, name",
    [
        ("dhr. P. Bakker (JenV) licht toe.", "P. Bakker"),  # a ministry tag alone: a civil servant
        ("Van: Jansen, Karin <k.jansen@minbzk.nl>", "Jansen, Karin"),
        ("Beleidsmedewerker mevrouw El Amrani belt terug.", "El Amrani"),  # a function, no office
        ("Gesprek met Piet van Ark over de zorg.", "Piet van Ark"),  # allowlisted surname, other person
    ],
)
def test_civil_servants_are_leaks(items, text, name):
    persons = _persons(items, text)
    assert name in persons and not persons[name].public


def test_role_once_makes_the_surname_public_throughout(items):
    text = "Aanwezig: minister Faber (AenM)\n\nFaber zegt toe dat mw. Faber terugkomt op het punt."
    persons = [p for p in items(text) if p.entity == "PERSON"]
    assert len(persons) >= 2 and all(p.public for p in persons)


def test_role_on_another_page_covers_the_document(tmp_path):
    import pymupdf

    from woocheck.config import Config
    from woocheck.ingest import open_document
    from woocheck.pii import find_in_document

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Aanwezig: minister mw. M. Faber (AenM)")
    pdf.new_page().insert_text((72, 72), "Besproken met mw. Faber en dhr. P. Bakker.")
    path = tmp_path / "two.pdf"
    pdf.save(path)
    with open_document(str(path)) as doc:
        found = {(p.page, p.text): p for p in find_in_document(doc, Config()) if p.entity == "PERSON"}
    assert found[(2, "Faber")].public
    assert not found[(2, "P. Bakker")].public


def test_extra_allowlist_from_config(tmp_path):
    from woocheck.config import Config

    extra = tmp_path / "officials.yaml"
    extra.write_text("officials:\n  - {name: Karin Jansen, role: woordvoerder}\n", "utf-8")
    text = "Gesprek met Karin Jansen en Piet Smit."
    without = _persons(None, text)
    with_file = _persons(None, text, Config(public_officials=(str(extra),)))
    assert not without["Karin Jansen"].public
    assert with_file["Karin Jansen"].public and not with_file["Piet Smit"].public


def test_config_key_public_officials_reaches_the_policy(tmp_path):
    from woocheck.config import load_config
    from woocheck.pipeline import scan_file

    (tmp_path / "extra.yaml").write_text("officials:\n  - Karin Jansen\n", "utf-8")
    (tmp_path / "woocheck.toml").write_text('public-officials = ["extra.yaml"]\n', "utf-8")
    doc = tmp_path / "mail.txt"
    doc.write_text("Gesprek met Karin Jansen en Piet Smit.\n", "utf-8")
    result = scan_file(str(doc), load_config(tmp_path / "woocheck.toml"))
    names = [f.text for f in result.findings if f.code == "WOO101"]
    assert names == ["Piet Smit"]


@pytest.mark.parametrize(
    "text, name, public",
    [
        ("Aanwezig: Dhr. Jansen (BZK)", "Jansen", False),  # common surname, a minister shares it
        ("Gesprek met mevrouw Uitermark", "Uitermark", True),  # rare surname of a minister
        ("Gesprek met mw. J. Uitermark", "J. Uitermark", True),  # initial agrees
        ("Gesprek met K. Uitermark", "K. Uitermark", False),  # initial disagrees
    ],
)
def test_allowlist_needs_an_initial_for_common_surnames(text, name, public):
    persons = _persons(None, text)
    assert persons[name].public is public


def test_propagation_stops_at_a_different_initial():
    persons = _persons(None, "Gesprek met minister mw. J. Uitermark en K. Uitermark; Uitermark zegt toe.")
    assert persons["J. Uitermark"].public and persons["Uitermark"].public
    assert not persons["K. Uitermark"].public


@pytest.mark.parametrize(
    "text, name, public",
    [
        # "college van burgemeester en wethouders" is an institution, not a role before a name
        ("namens het college van burgemeester en wethouders,\n\nW. Dekker\nconsulent", "W. Dekker", False),
        ("De burgemeester van Westerwolde, Velema, is op de hoogte.", "Velema", True),
        ("de directeur-generaal Migratie, mevrouw Van Rossum, sluit aan", "Van Rossum", True),
    ],
)
def test_role_phrases(text, name, public):
    persons = _persons(None, text)
    assert name in persons and persons[name].public is public


def test_a_function_in_the_brackets_marks_staff_not_the_board():
    persons = _persons(None, "Aanwezig: dhr. M. Boumans (VNG); mw. C. Timmer (COA, regiomanager)")
    assert persons["M. Boumans"].public and not persons["C. Timmer"].public


def test_a_sentence_starting_with_a_role_is_no_signature():
    persons = _persons(None, "Hoi Marieke,\nDe minister wil de tekst vanavond zien.")
    assert not persons["Marieke"].public
    signed = _persons(None, "Hoogachtend,\n\nD.M. van Weel\nMinister van Justitie en Veiligheid")
    assert signed["D.M. van Weel"].public


def test_role_in_a_table_column_and_not_across_rows():
    text = ("Naam                     Organisatie          Functie\n"
            "dhr. M. Öztürk           Gemeente Utrecht     wethouder Wonen\n"
            "dhr. ir. G.J. ter Horst  Provincie Overijssel projectleider\n")
    persons = _persons(None, text)
    assert persons["M. Öztürk"].public and not persons["G.J. ter Horst"].public
