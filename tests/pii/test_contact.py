"""Contact data of an organisation or of a person, decided by context (woocheck.pii.contact).

Every address, number and mailbox here is invented.
"""
import pytest


def _one(items, text, entity):
    found = [p for p in items(text) if p.entity == entity]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        # a letterhead or contact block
        "Dienst Voorbeeld\nBezoekadres\nVlierstraat 23\n4321 BC Oosterhout\nwww.voorbeeld.nl",
        "Postadres: Postbus 4321, 4300 AA Oosterhout\nBezoekadres: Vlierstraat 23, 4321 BC Oosterhout",
        "Stichting Hulp Oost\nVlierstraat 23, 4321 BC Oosterhout",
        # a meeting venue or an office, also without postcode
        "Locatie: Vlierstraat 23 te Oosterhout",
        "Vergaderplaats\nHazelaarweg 12 te Emmen",
        "De bijeenkomst vindt plaats aan de Hazelaarweg 12 te Emmen.",
        "Ons kantoor is gevestigd aan de Hazelaarweg 12 te Emmen.",
        # beside a functional mailbox
        "Vlierstraat 23, 4321 BC Oosterhout\nE: teamtoezicht@voorbeeld.nl",
    ],
)
def test_organisation_addresses_are_public(items, text):
    assert _one(items, text, "ADDRESS").public


@pytest.mark.parametrize(
    "text",
    [
        # the addressee block of a letter to a citizen, under the organisation's letterhead
        "Gemeente Voorbeeld\nPostbus 4321\n4300 AA Oosterhout\n\nDe heer P. Kok\nVlierstraat 23\n4321 BC Oosterhout",
        # private cues
        "Verzoeker, woonachtig aan de Hazelaarweg 12 te Emmen, vraagt om inzage.",
        "Het adres van betrokkene is Vlierstraat 23, 4321 BC Oosterhout.",
        "mevrouw A. Mulder, wonende te Emmen aan de Hazelaarweg 12 te Emmen",
        # no cue either way: reported
        "Zij stuurde de stukken naar Hazelaarweg 12 te Emmen.",
    ],
)
def test_private_addresses_are_leaks(items, text):
    assert not _one(items, text, "ADDRESS").public


@pytest.mark.parametrize(
    "text",
    [
        "Postbus 4321\n4300 AA Oosterhout\nT 0162 65 43 21\nwww.voorbeeld.nl",  # letterhead
        "Algemeen nummer: 030 765 43 21",  # switchboard
        "Receptie (030) 765 43 21",
        "Servicedesk: 030 - 765 43 21",
        "Voor vragen belt u met onze klantenservice\n030 765 4321",
    ],
)
def test_organisation_numbers_are_public(items, text):
    assert _one(items, text, "PHONE").public


@pytest.mark.parametrize(
    "text",
    [
        # a mobile in a signature under a letterhead, beside redacted data
        "Met vriendelijke groet,\n\n[5.1.2e]\nJuridisch adviseur\nM +31 6 8765 4321\nPostbus 4321\nwww.voorbeeld.nl",
        # a form field of a person
        "Naam: [5.1.2e]\nTelefoonnummer: 0307654321\nE-mail: [5.1.2e]",
        "Gemeente Voorbeeld\nMeldingsformulier\nNaam: [5.1.2e]\nTelefoon: 030 765 43 21",
        # a direct line under a name
        "Met vriendelijke groet,\n\nP. Kok\nT 030 765 43 21",
        "Contactpersoon: 06 87 65 43 21",
        # a person reachable on a number (no service named)
        "Een omwonende heeft geklaagd; zij is bereikbaar via\n030-7654321.",
        # the writer's own number, under a letterhead
        "Postbus 4321\n4300 AA Oosterhout\n\nVoor vragen kunt u mij bereiken op 030 - 765 43 21.",
        # a private cue before a landline
        "Verzoeker is privé bereikbaar op 030 765 43 21.",
    ],
)
def test_personal_numbers_are_leaks(items, text):
    assert not _one(items, text, "PHONE").public


def test_service_numbers_are_not_personal_data(find):
    assert find("Bel gratis 0800 - 765 4321 of betaald 0900-7654321", "PHONE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Vragen? Mail naar teamtoezicht@voorbeeld.nl.",
        "E: contactpersoonwob@voorbeeld.nl",
        "Van: [5.1.2e] <5.1.2e@voorbeeld.nl>",
        "cc: e@voorbeeld.nl",
    ],
)
def test_functional_and_redacted_mailboxes_in_context(items, text):
    assert _one(items, text, "EMAIL").public


@pytest.mark.parametrize(
    "address, functional",
    [
        ("vergunningen@voorbeeld.nl", True),  # one ordinary word
        ("subsidieloket@voorbeeld.nl", True),  # a compound of ordinary words
        ("jeugdzorg-abc@voorbeeld.nl", True),  # words and an acronym
        ("visser@voorbeeld.nl", False),  # an ordinary word that is a surname
        ("roos@voorbeeld.nl", False),  # ... or a first name
        ("d.molenaar@voorbeeld.nl", False),  # initials first
    ],
)
def test_mailbox_of_ordinary_words_is_functional(items, address, functional):
    from woocheck.pii import lexicon

    if not lexicon.available():
        pytest.skip("needs the OpenTaal word list (wdutch)")
    assert _one(items, address, "EMAIL").public is functional


def test_personal_mailbox_in_a_letterhead_stays_a_leak(items):
    text = "Postbus 4321\n4300 AA Oosterhout\nE: p.kok@voorbeeld.nl"
    assert not _one(items, text, "EMAIL").public


def test_policy_names_still_import():
    from woocheck.pii import policy

    assert policy.LETTERHEAD.search("Postbus 12") and policy.PRIVATE_CUE.search("woonachtig")
    assert policy.MOBILE.match("06-87654321")
    off = policy.load_officials(())
    assert policy.is_functional("teamtoezicht", off) and not policy.is_functional("p.kok", off)


def test_cli_reports_the_private_address_and_not_the_office(scan_json, tmp_path):
    doc = tmp_path / "brief.txt"
    doc.write_text(
        "Dienst Voorbeeld\nBezoekadres: Vlierstraat 23, 4321 BC Oosterhout\nwww.voorbeeld.nl\n\n"
        "Verzoeker, woonachtig aan de Hazelaarweg 12 te Emmen, vraagt om inzage.\n", encoding="utf-8")
    code, report, _ = scan_json(str(doc), "--select", "WOO106", "--show-personal-data")
    assert code == 1
    assert [f["text"] for f in report["findings"] if f["code"] == "WOO106"] == ["Hazelaarweg 12 te Emmen"]


def test_a_mailbox_named_like_its_domain_is_the_organisations(items):
    found = {p.text: p for p in items("Reacties naar vandijkadvies@vandijk-advies.nl of j.vandijk@vandijk-advies.nl.")
             if p.entity == "EMAIL"}
    assert found["vandijkadvies@vandijk-advies.nl"].public
    assert not found["j.vandijk@vandijk-advies.nl"].public  # a person at that firm


def test_a_fax_number_is_an_organisations(items):
    found = [p for p in items("Bureau Handhaving\nFax: 030 - 271 55 08\n") if p.entity == "PHONE"]
    assert found and all(p.public for p in found)


@pytest.mark.parametrize("label", ["Zaaknummer:", "Dossiernummer", "Registratienummer:", "Uw kenmerk"])
def test_a_number_labelled_as_another_identifier_is_no_bsn(items, label):
    # 249570725 passes the 11-proof (invented); its own label says what it is.
    found = [p for p in items(f"Datum: 9 januari 2024\n{label} 249570725\nOnderwerp: controle") if p.entity == "BSN"]
    assert [(p.public, p.reason.startswith("an identifier")) for p in found] == [(True, True)]


def test_a_bsn_label_still_wins(items):
    found = [p for p in items("Dossier van betrokkene\nBSN: 249570725") if p.entity == "BSN"]
    assert [p.public for p in found] == [False]


@pytest.mark.parametrize(
    "text, public",
    [
        ("U kunt betalen op NL87 BNGH 8564 8081 76 ten name van gemeente Oudewater.", True),
        ("Graag op rekening NL92 INGB 0008 4792 68 t.n.v. Verweij Zorgtechniek B.V.", True),
        ("Het bedrag wordt gestort op NL91 ABNA 0417 1643 00 t.n.v. K. Hoogeboom.", False),
        ("Zijn rekeningnummer is NL91 ABNA 0417 1643 00.", False),
    ],
)
def test_an_account_held_by_an_organisation_is_no_personal_data(items, text, public):
    found = [p for p in items(text) if p.entity == "IBAN"]
    assert [p.public for p in found] == [public]


def test_a_direct_line_under_the_letterhead_is_the_persons(items):
    text = "Marloes Tichelaar\nTeam Vergunningen | Gemeente Oudewater\n0348 56 17 02 (direct) | 0348 - 56 17 00 (algemeen)"
    phones = {p.text: p.public for p in items(text) if p.entity == "PHONE"}
    assert phones == {"0348 56 17 02": False, "0348 - 56 17 00": True}


def test_a_number_in_a_table_row_that_opens_with_a_person_is_theirs(items):
    row = "3 | Veldkamp, Sietske | beleidsadviseur gemeente | s.veldkamp@example.nl | 0348 - 56 17 14 | Notulen"
    phones = [p.public for p in items(row) if p.entity == "PHONE"]
    assert phones == [False]


def test_ten_digits_beside_a_phone_number_with_country_code_stay_a_phone(items):
    text = ("12-06-2024 21:40 - Jesper: De buurvrouw belde. Haar nummer 0384912276\n"
            "12-06-2024 21:42 - +31 6 21174309: Ramen dicht houden.")
    assert [p.text for p in items(text) if p.entity == "PHONE"] == ["0384912276", "+31 6 21174309"]


def test_a_lettered_enumeration_holds_no_initials(find):
    text = "Aanbevelingen\nA. Hitteplan voor ouderen.\nB. Koele plekken in buurthuizen.\nC. Meer groen in de wijk."
    assert find(text, "PERSON") == []


def test_an_identifier_label_on_the_line_above(items):
    found = [p for p in items("Datum\n14 mei 2024\nZaaknummer\n249570725\nUw kenmerk\n-") if p.entity == "BSN"]
    assert [p.public for p in found] == [True]


@pytest.mark.parametrize(
    "text, public",
    [
        ("Betaal op NL51 BNGH 0534 1344 95 onder vermelding van het zaaknummer.", True),  # BNG Bank: public sector
        ("Graag op NL91 ABNA 0417 1643 00 t.n.v. KNVB Debiteuren.", True),  # an acronym holds it
    ],
)
def test_public_sector_and_acronym_accounts(items, text, public):
    assert [p.public for p in items(text) if p.entity == "IBAN"] == [public]


def test_a_persons_number_beside_a_service_word(items):
    text = "Haar zoon belt steeds naar de meldkamer, zijn nummer is 06-27781906."
    assert [p.public for p in items(text) if p.entity == "PHONE"] == [False]


def test_a_persons_mail_and_number_after_their_name_and_organisation(items):
    text = "Afstemming met de heer Oldenkamp van de veiligheidsregio (t.oldenkamp@vr-example.nl,\n  088 321 4567)."
    assert [p.public for p in items(text) if p.entity == "PHONE"] == [False]


def test_an_office_line_of_a_public_service_is_public(items):
    text = "Omgevingsdienst Zuidvallei, Veerweg 1101, 6832 KN  Arnhem | T 026 377 41 00"
    found = {p.entity: p.public for p in items(text) if p.entity in ("ADDRESS", "PHONE")}
    assert found == {"ADDRESS": True, "PHONE": True}


def test_a_meetings_place_is_no_home(items):
    text = "Datum/plaats:    21 januari 2025, CBR, Noorderweg 200, 9722 TB  Groningen (en via Teams)"
    assert [p.public for p in items(text) if p.entity == "ADDRESS"] == [True]
