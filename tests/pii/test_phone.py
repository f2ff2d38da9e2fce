import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bel 06-12345678 even.", "06-12345678"),  # mobile with dash
        ("M: 06 1234 5678", "06 1234 5678"),  # mobile in groups
        ("T 070 123 45 67", "070 123 45 67"),  # landline, The Hague
        ("tel. 0591-123456", "0591-123456"),  # four-digit area code
        ("mobiel +31 6 12345678", "+31 6 12345678"),  # international
        ("+31 (0)70 1234567", "+31 (0)70 1234567"),  # international with (0)
        ("0031 70 123 4567", "0031 70 123 4567"),  # 0031 form
        ("Telefoon: 0612345678.", "0612345678"),  # no separators, sentence end
        ("colleague (+32 2 298 1234) will", "+32 2 298 1234"),  # Belgian landline
        ("mobil +49 151 23456789", "+49 151 23456789"),  # German mobile
        ("Telefoon: 0048 512 703 118", "0048 512 703 118"),  # Polish mobile in 00 form
        # every Dutch notation (invented numbers)
        ("Bel 06 87 65 43 21 na vijven", "06 87 65 43 21"),  # mobile in pairs
        ("privé +31 6 8765 4321", "+31 6 8765 4321"),  # +31, mobile in fours
        ("mob. +31 (0)6 87654321", "+31 (0)6 87654321"),  # +31 with (0)
        ("0031 6 87654321 (werk)", "0031 6 87654321"),  # 0031 mobile
        ("T (030) 765 43 21", "(030) 765 43 21"),  # area code in brackets
        ("tel (0513) 65 43 21", "(0513) 65 43 21"),  # four-digit area code in brackets
        ("bereikbaar op 030 - 765 43 21.", "030 - 765 43 21"),  # spaces around the dash
        ("T: 030-7654321", "030-7654321"),  # dash, no groups
        ("nummer 0307654321 graag", "0307654321"),  # ten digits, no separator
        ("T 030 765 4321", "030 765 4321"),  # 3-3-4
        ("Telefoon 0513-654321", "0513-654321"),  # four-digit area code, dash
        ("M 0687 65 43 21", "0687 65 43 21"),  # a mobile grouped after four digits
    ],
)
def test_dutch_numbers_are_found(find, text, expected):
    assert find(text, "PHONE") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Onze referentie 6007637",  # seven digits: a reference
        "Datum 2023-10-27",  # an ISO date
        "bedrag 0\t84.842\t84.873",  # a table row with amounts
        "Bel gratis 0800-1234567",  # service number (toll free)
        "zaaknummer 0012345678901",  # too long
        "06-1234567",  # a mobile number one digit short
        "BSN 111222333",  # nine digits without leading zero
        "score +12 3 4",  # a plus sign before small numbers
        "Periode 05-11-2021 23:59 uur",  # a date and a time
        "van 01-01-2014 30-04-2014",  # two dates
        "code 0133.0011.00 in de tabel",  # area 013 but written 0133: a code
        "zaaknummer 0307654321",  # after an ID label
        "Kenmerk: 030 765 4321",
        "rij 7 0307654321 12",  # inside a row of numbers
        "0307654321\n4419921\n5520031",  # ten bare digits among other bare IDs
        "Bel 0900-1234567 (betaald)",  # premium-rate service number
    ],
)
def test_non_numbers_are_not_found(find, text):
    assert find(text, "PHONE") == []


def test_letterhead_general_number_is_public(items):
    text = "Turfmarkt 147\n2511 DP Den Haag\nPostbus 20011\nT 070 370 79 11\nwww.rijksoverheid.nl"
    phones = [p for p in items(text) if p.entity == "PHONE"]
    assert phones and all(p.public for p in phones)


def test_mobile_in_letterhead_stays_a_leak(items):
    text = "Postbus 20011\n2500 EH Den Haag\nM 06-12345678"
    phones = [p for p in items(text) if p.entity == "PHONE"]
    assert phones and not phones[0].public


def test_a_mobile_in_a_signature_beside_redacted_data_stays_a_leak(items):
    text = "Met vriendelijke groet,\n\n[5.1.2e]\nAdviseur Bezwaar\nT [5.1.2e]\nM 06-87654321\nwww.voorbeeld.nl"
    phones = [p for p in items(text) if p.entity == "PHONE"]
    assert [p.text for p in phones] == ["06-87654321"] and not phones[0].public


def test_ten_bare_digits_beside_a_phone_number_stay_a_phone(find):
    # Another valid number near it is no ID table.
    assert find("T 0307654321\nF 0307654322", "PHONE") == ["0307654321", "0307654322"]


def test_phone_label_is_not_an_id_label(find):
    assert find("Telefoonnummer: 0307654321", "PHONE") == ["0307654321"]
