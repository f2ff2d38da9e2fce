import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("woont op Kerkstraat 12, 1234 AB Utrecht.", "Kerkstraat 12, 1234 AB Utrecht"),  # one line
        ("Dhr. J. Jansen\nLindelaan 3a\n3512 XY Utrecht", "Lindelaan 3a\n3512 XY Utrecht"),  # two lines
        ("Laan van Nieuw Oost-Indië 5, 2593 BJ Den Haag", "Laan van Nieuw Oost-Indië 5, 2593 BJ Den Haag"),
        ("Van Alkemadelaan 200 2597 AA", "Van Alkemadelaan 200 2597 AA"),  # no comma, no city
        # number additions (invented addresses)
        ("Vlierstraat 23a, 4321 BC Oosterhout", "Vlierstraat 23a, 4321 BC Oosterhout"),
        ("Vlierstraat 23 A, 4321 BC Oosterhout", "Vlierstraat 23 A, 4321 BC Oosterhout"),
        ("Reigerkade 140-III, 1055 KL Amsterdam", "Reigerkade 140-III, 1055 KL Amsterdam"),
        ("Reigerkade 140-3, 1055 KL Amsterdam", "Reigerkade 140-3, 1055 KL Amsterdam"),
        ("Bremlaan 173 bis, 2286 MN Rijswijk", "Bremlaan 173 bis, 2286 MN Rijswijk"),
        ("Reigerkade 12-hs, 1055 KL Amsterdam", "Reigerkade 12-hs, 1055 KL Amsterdam"),
        # no postcode: "te <Plaats>", or a known place after a comma or line break
        ("Zij woont aan de Vlierstraat 23a te Oosterhout.", "Vlierstraat 23a te Oosterhout"),
        ("woonachtig aan de Hazelaarweg 12 te Emmen", "Hazelaarweg 12 te Emmen"),
        ("Reigerkade 12 4 hoog te Den Haag", "Reigerkade 12 4 hoog te Den Haag"),
        ("Burg. de Kempstraat 8 te Zwolle", "Burg. de Kempstraat 8 te Zwolle"),
        ("Hazelaarweg 12, Emmen", "Hazelaarweg 12, Emmen"),
        ("Mevrouw A. Mulder\nHazelaarweg 12\nEmmen", "Hazelaarweg 12\nEmmen"),
        ("Ik woon aan de Beukweg Oost 7 te Smilde.", "Beukweg Oost 7 te Smilde"),  # a compass word
        ("Vlierstraat-Zuid 12 te Assen", "Vlierstraat-Zuid 12 te Assen"),
        ("Adres: Vlierstraat 88 kamer 3, 7791 KD Oosterhout", "Vlierstraat 88 kamer 3, 7791 KD Oosterhout"),
        # two-line block with postcode
        ("De heer B. Kok\nBeukstraat 4\n9876 ZX Grootegast", "Beukstraat 4\n9876 ZX Grootegast"),
    ],
)
def test_street_number_postcode_is_an_address(find, text, expected):
    assert find(text, "ADDRESS") == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [
        "Postcode 1234 AB is een wijk.",  # a postcode alone
        "Kerkstraat 12 in Utrecht",  # a street without postcode
        "Postbus 20011\n2500 EH Den Haag",  # a PO box
        "Kerkstraat 12, 1234 SS Utrecht",  # SS is never issued
        "Kerkstraat 12, 0234 AB Utrecht",  # postcodes start at 1000
        "Artikel 12 te Amsterdam",  # no street shape
        "Bijlage 3 te vinden op de website",
        "In 2020 te Utrecht",
        "Hazelaarweg 12, Gisteren",  # not a known place after the comma
        "Retouradres Postbus 12345, 1040 HG Amsterdam",  # a PO box behind a label word
        "Hoofdstuk 4 te Zwolle",
    ],
)
def test_non_addresses_are_not_found(find, text):
    assert find(text, "ADDRESS") == []


def test_office_address_in_letterhead_is_public(items):
    text = "Directie Migratie\nTurfmarkt 147\n2511 DP Den Haag\nPostbus 20011\n2500 EH Den Haag\nwww.rijksoverheid.nl"
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert len(found) == 1 and found[0].public


def test_address_under_a_name_stays_private_despite_letterhead(items):
    text = "Ministerie van BZK\nPostbus 20011\n\nDe heer K. Bosma\nLindelaan 3\n3512 XY Utrecht"
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert len(found) == 1 and not found[0].public


def test_home_address_in_prose_stays_private_despite_letterhead_words(items):
    text = "Postbus 20011\n2500 EH Den Haag\n\nHet bezoekadres van de betrokkene is Lindelaan 14, 3581 KX Utrecht."
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert len(found) == 1 and not found[0].public


def test_label_before_the_street_is_not_part_of_the_address(find):
    assert find("Bezoekadres Vlierstraat 23, 4321 BC Oosterhout", "ADDRESS") == ["Vlierstraat 23, 4321 BC Oosterhout"]


def test_postcode_place_takes_one_word_unless_a_known_two_word_place(find):
    assert find("Vlierstraat 23, 4321 BC Oosterhout Datum", "ADDRESS") == ["Vlierstraat 23, 4321 BC Oosterhout"]
    assert find("Vlierstraat 23, 2500 BC Den Haag", "ADDRESS") == ["Vlierstraat 23, 2500 BC Den Haag"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # where the sentence says someone lives, a street and number need no postcode
        ("Zij woont aan de Populierenweg 9 sinds vorig jaar.", "Populierenweg 9"),
        ("De aanvraag betreft de woning aan de Merelstraat 41b.", "Merelstraat 41b"),
        ("Hij verhuisde, en verblijft op de Zandkamp 7 bij zijn zus.", "Zandkamp 7"),
        ("Een klacht van mevrouw Tromp van de Brederodelaan 15, die geluid hoort.", "Brederodelaan 15"),
        ("De bewoners van de Ganzenhof 3 zijn ingelicht.", "Ganzenhof 3"),
        ("Straat en huisnummer:   Meidoornpad 12\nPostcode:   ", "Meidoornpad 12"),
        # a street of more words after "aan de", with a postcode
        ("wonend aan de Lange Wijngaard 4, 6711 BK Ede", "Lange Wijngaard 4, 6711 BK Ede"),
    ],
)
def test_a_home_said_in_words_is_an_address(items, text, expected):
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert [p.text for p in found] == [expected]
    assert not found[0].public  # also beside letterhead words: the words say it is a home


@pytest.mark.parametrize(
    "text",
    [
        "Artikel 12 van de Wet is van toepassing.",  # no street shape
        "mevrouw Jansen van de Berg 4 weken geleden",  # a double surname, then a number
        "De bewoners van de Hoofdstraat hebben 12 bezwaren ingediend.",  # no number after the street
        "Het college van de gemeente wil 3 woningen bouwen.",
    ],
)
def test_living_words_without_a_street_and_number_find_nothing(find, text):
    assert find(text, "ADDRESS") == []


def test_a_person_named_before_the_street_they_live_in_is_cut_from_it(items):
    found = {p.entity: p.text for p in items("Een buurman, dhr. Vosselman van de Kruisakkerweg 31, belde.")}
    assert found == {"PERSON": "Vosselman", "ADDRESS": "Kruisakkerweg 31"}


def test_my_address_is_a_home_and_capital_additions_count(items):
    found = [p for p in items("Mijn adres is Kolkweg 31, 8256 RK Dronten. Bel de gemeente niet.") if p.entity == "ADDRESS"]
    assert [(p.text, p.public) for p in found] == [("Kolkweg 31, 8256 RK Dronten", False)]
    assert [p.text for p in items("Rijksweg Zuid 88B, 6131 AP Sittard") if p.entity == "ADDRESS"] == \
        ["Rijksweg Zuid 88B, 6131 AP Sittard"]


def test_a_street_in_brackets_after_a_persons_name_is_their_home(items):
    text = "Volgens buurman Gerrit-Jan van Haeften (Veldkampweg 29) is het bij hem net zo erg."
    found = {p.entity: (p.text, p.public) for p in items(text)}
    assert found == {"PERSON": ("Gerrit-Jan van Haeften", False), "ADDRESS": ("Veldkampweg 29", False)}


@pytest.mark.parametrize("text", ["Het Stadhuis (Markt 1) is dicht.", "Je vindt ons lab:\nSchieweg (Noord 15)"])
def test_a_building_with_its_street_in_brackets_is_no_home(find, text):
    assert find(text, "ADDRESS") == []
