import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("geboren op 12-03-1980 te Utrecht", "12-03-1980"),  # geboren op
        ("Geboortedatum: 1 januari 1975", "1 januari 1975"),  # spelled month
        ("J. Jansen (geb. 03/04/1990)", "03/04/1990"),  # abbreviation
        ("geboren 1982-07-15", "1982-07-15"),  # ISO form
        ("Mijn geboortedatum is 02-05-1991.", "02-05-1991"),  # "is" between cue and date
    ],
)
def test_date_after_a_birth_cue_is_found(find, text, expected):
    assert find(text, "BIRTHDATE") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vergaderdatum 12-03-2024",  # a meeting date
        "Datum: 1 januari 1975",  # a date without a birth cue
        "geboren in Utrecht",  # a cue without a date
    ],
)
def test_other_dates_are_not_birth_dates(find, text):
    assert find(text, "BIRTHDATE") == []


def test_a_date_in_a_column_headed_as_dates_of_birth(find):
    # a table flattened to one cell per line, as PDF text extraction leaves it (invented)
    text = "\n".join(["Nr", "Naam", "Rol", "Geb.datum", "Registratie",
                      "1", "Mirte Oudendijk", "aangever", "11-08-1996", "119141243",
                      "2", "Joost Haverkamp", "getuige", "23-02-2003", "218055468"])
    assert find(text, "BIRTHDATE") == ["11-08-1996", "23-02-2003"]
    # and the nine-digit numbers under "Registratie" are no BSN
    assert find(text, "BSN", leaks_only=True) == []


def test_a_date_in_a_row_table_column_of_dates_of_birth(find):
    text = "Naam | Geboortedatum | Datum melding\nMirte Oudendijk | 11-08-1996 | 03-01-2024"
    assert find(text, "BIRTHDATE") == ["11-08-1996"]


def test_a_cue_with_whose_date_it_is(find):
    assert find("Geboortedatum contactpersoon:   30-01-1976", "BIRTHDATE") == ["30-01-1976"]
