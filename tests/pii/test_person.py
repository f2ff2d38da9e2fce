"""Names: titles, document structure and name lists; names the lists lack must be found
through titles and structure."""
import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # (b) titles and salutations
        ("Gesproken met dhr. P. Bakker over de planning.", "P. Bakker"),
        ("Mevrouw El Amrani licht toe.", "El Amrani"),  # not in the lists
        ("Volgens de heer Yılmaz is dat zo.", "Yılmaz"),  # dotless i
        ("Overleg met mw. drs. T. Nguyen (BZK).", "T. Nguyen"),  # two titles
        ("Geachte heer Van der Linden,", "Van der Linden"),
        ("Beste Karin,\nDank voor je bericht.", "Karin"),
        ("Hoi Sanne!\nZie bijlage.", "Sanne"),
        ("Beste Karin en Oksana,\nHierbij.", "Oksana"),  # two names in one greeting
        ("Met vriendelijke groet,\nNoor Haddad | Beleidsadviseur DGM", "Noor Haddad"),  # name | function
        # (c) places that carry names
        ("Van: Jansen, Karin <k.jansen@minbzk.nl>", "Jansen, Karin"),  # Achternaam, Voornaam
        ("Aan: Vries, J. de (Jan) <j.de.vries@minbzk.nl>", "Vries, J. de (Jan)"),
        ("CC: Mehmet Öztürk <m.ozturk@minjenv.nl>", "Mehmet Öztürk"),
        ("Verzonden namens: Linh Tran", "Linh Tran"),
        ("Met vriendelijke groet,\n\nAyşe Kaya\nBeleidsmedewerker", "Ayşe Kaya"),
        ("Contactpersoon\nFemke Wouters-Bos\nT 06-12345678", "Femke Wouters-Bos"),
        ("Stuur het naar Rachid Benali <r.benali@coa.nl> vandaag", "Rachid Benali"),
        ("Aanwezig: Nadia Chaouch (BZK), Tom Peeters (JenV)", "Nadia Chaouch"),
        # (a) name lists
        ("Ook Jan de Boer was erbij.", "Jan de Boer"),
        ("Het stuk van J.P. van der Berg volgt.", "J.P. van der Berg"),
        ("Volgens Th. Smit klopt het.", "Th. Smit"),
        ("Deelnemer: mw. drs. E. (Esther) Postma", "E. (Esther) Postma"),  # given name in brackets
        ("[14-08-2024 08:12] Bram Vonk: de bussen vertrekken", "Bram Vonk"),  # Teams export
        ("12-09-2023 21:06 - Thomas: ik bel de wachtcommandant", "Thomas"),  # WhatsApp export
    ],
)
def test_names_are_found(find, text, expected):
    assert expected in find(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Tweede Kamer en Eerste Kamer stemmen in.",  # institutions
        "De Raad van State adviseert.",
        "In Ter Apel en Den Haag is overleg.",  # places
        "Vergaderplaats: Tobias Asserzaal M.8",  # a meeting room named after a person
        "#### D. Budgettaire gevolgen van beleid",  # a lettered heading
        "Met vriendelijke groet,\n\nSecretariaat DGM",  # a functional signature
        "Van: Postbus Woo <woo@minbzk.nl>",  # a functional mailbox name
        "t.a.v. [REDACTED] / [REDACTED]",  # already redacted
        "Beste collega's,\nHierbij de stukken.",  # a greeting without a name
        "Aanwezig: secretariaat, ondersteuning",  # functions, no names
        "De minister van Justitie en Veiligheid besluit.",  # a role, no name
        "België, Duitsland, Spanje en Zweden doen mee.",  # countries
        "From: FE HEXEN <MEEKEDNM",  # OCR of redaction boxes in a header
    ],
)
def test_non_names_are_not_found(find, text):
    assert find(text, "PERSON") == []


def test_lone_listed_surname_is_weak(items):
    found = [p for p in items("Het voorstel kwam van collega Bakker zelf.") if p.entity == "PERSON"]
    assert [p.text for p in found] == ["Bakker"] and found[0].weak


def test_surname_seen_in_a_full_name_is_strong_elsewhere(items):
    text = "Van: Karin Veldhuis <k.veldhuis@minbzk.nl>\n\nIk heb het met Veldhuis besproken."
    found = [p for p in items(text) if p.entity == "PERSON"]
    assert [p.text for p in found] == ["Karin Veldhuis", "Veldhuis"]
    assert not any(p.weak for p in found)


def test_surname_spelled_by_an_email_local_part(items):
    # "Amrani" is not in the lists and carries no title; the address spells it.
    text = "Stuur het naar k.elamrani@minjenv.nl.\nIk sprak El Amrani gisteren."
    found = [p.text for p in items(text) if p.entity == "PERSON"]
    assert "El Amrani" in found


def test_name_split_over_lines_in_a_pdf_text(find):
    assert "De \nVisser" in find("Aanwezig Mevr. De \nVisser (BZK), Dhr. Kok (JenV)", "PERSON")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jansen, K.", ["Jansen, K."]),  # a metadata Author field
        ("K. Jansen", ["K. Jansen"]),
        ("Acrobat PDFMaker 11\n\n\nJansen, K.\n\n\nMicrosoft Word", ["Jansen, K."]),  # batched fields
        ("Den Haag", []),  # a place on its own
        ("Microsoft Word - nota.docx", []),  # a producer field
    ],
)
def test_a_field_holding_only_a_name(find, text, expected):
    assert find(text, "PERSON") == expected


def test_sent_on_behalf_of(find):
    # Outlook: "<mailbox> namens <person>"; the mailbox is no person, the person is.
    assert find("Van: Secretariaat DGM namens Jansen, Karin <k.jansen@minbzk.nl>", "PERSON") == ["Jansen, Karin"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # kin, neighbours and the parties of a case (invented names)
        ("Onze dochter Fenna heeft een beperking.", ["Fenna"]),
        ("Volgens buurman Wolterink staat het water hoog.", ["Wolterink"]),
        ("De melder Oudejans belde opnieuw.", ["Oudejans"]),
        # a date of birth right after a name
        ("Gecontroleerd: Sem Voorthuizen, geboren 04-11-1979, zonder vaste woonplaats.", ["Sem Voorthuizen"]),
        ("Kinderen: Mila (geb. 12-03-2015) en Daan (geb. 7 juni 2018)", ["Mila", "Daan"]),
        ("Verdachte Tijs Hoekstra, geboren op 2 mei 1990, verklaarde niets.", ["Tijs Hoekstra"]),
    ],
)
def test_a_person_named_by_kin_noun_or_date_of_birth(find, text, expected):
    assert find(text, "PERSON", leaks_only=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het kind Jeugdzorg",  # a person noun before an ordinary word
        "De Stichting Utrecht (geb. 1950) is opgeheven.",  # no date of birth, a place
        "Locatie: Dorpshuis Harm Wolters, Schoolweg 2",  # a building named after someone
        "Stichting Anna Veldkamp organiseert de dag.",  # a foundation
    ],
)
def test_no_person_where_the_noun_or_place_says_otherwise(find, text):
    assert find(text, "PERSON", leaks_only=True) == []


def test_a_surname_that_is_a_word_is_found_again_inside_a_sentence(find):
    text = ("Opgesteld door ir. K.M. Bakker.\n\nBakker zei dat de test klaar is. De test is "
            "afgetekend door Bakker, maar de bakker op de hoek weet van niets.")
    found = find(text, "PERSON", leaks_only=True)
    # After "door" it is the name; at the start of a sentence it could be the word.
    assert found == ["K.M. Bakker", "Bakker"]


def test_a_double_surname_alone_is_the_person_named_in_full(find):
    text = "Notulist: Iris Dalhuisen-Smeenk\n\nDe vraag wordt beantwoord door het secretariaat (Dalhuisen-Smeenk)."
    assert find(text, "PERSON", leaks_only=True) == ["Iris Dalhuisen-Smeenk", "Dalhuisen-Smeenk"]


def test_an_ombudsman_is_an_office_holder(items):
    found = [p for p in items("De ombudsman, mr. W.J. Altena, schreef in zijn jaarverslag.") if p.entity == "PERSON"]
    assert [(p.text, p.public) for p in found] == [("W.J. Altena", True)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Namens de dienst: Ayodele Mensah-Boateng, controleur adreskwaliteit", ["Ayodele Mensah-Boateng"]),
        ("Opgesteld door Wouter Tjalsma-Riemersma, beleidsmedewerker", ["Wouter Tjalsma-Riemersma"]),
        ("Gemachtigde: mr. K.T. (Kees-Jan) Oosterbroek, advocaat te Zwolle", ["K.T. (Kees-Jan) Oosterbroek"]),
    ],
)
def test_a_name_with_a_function_after_it_or_a_hyphenated_given_name(find, text, expected):
    assert find(text, "PERSON", leaks_only=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Overleg met de projectmanager Zwolle, projectmanager Arnhem en anderen.",  # places, not names
        "Onderhoud begraafplaats Ds. Hendrik Kraemerlaan, 2025",  # a street named after someone
        "De bijeenkomst is in zaal \"Anna Blaman\" van het stadhuis.",  # a room
        "Hij woonde in het studentencomplex Maria Montessori.",
    ],
)
def test_no_person_in_places_named_after_people(find, text):
    assert find(text, "PERSON", leaks_only=True) == []


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Brief van de minister van Justitie en Veiligheid, mr. dr. W.F. Hoekzema, over de wet.", "W.F. Hoekzema", "minister"),
        ("De staatssecretaris van Infrastructuur en Waterstaat, mr. T. Brinkhorst, wil dat niet.", "T. Brinkhorst", "staatssecretaris"),
        ("Advies: eerst CdK Dijkstra-Wouda (Fryslân) vragen.", "Dijkstra-Wouda", "cdk"),
    ],
)
def test_office_holders_with_a_portfolio_or_abbreviated_role(items, text, name, role):
    found = [(p.text, p.public, p.reason) for p in items(text) if p.entity == "PERSON"]
    assert found == [(name, True, f"named as {role}")]


def test_a_name_followed_by_its_phone_number_is_no_table_row(find):
    text = "Min. wil dit voor het debat. Bel Femke Oosterhuis 06-41 88 20 73 (privé)."
    assert find(text, "PERSON", leaks_only=True) == ["Femke Oosterhuis"]


def test_a_double_given_name_and_no_name_in_an_offices_brackets(find):
    assert find("Sjoerd-Jan Wiegersma (projectleider) licht het toe.", "PERSON", leaks_only=True) == \
        ["Sjoerd-Jan Wiegersma"]
    # "(Place, role)" after an office holder holds no name
    assert find("Leden: burgemeester mr. P. Alkema (Oosterhaven, voorzitter) en anderen.", "PERSON",
                leaks_only=True) == []
