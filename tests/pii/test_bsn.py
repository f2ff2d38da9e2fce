import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BSN: 111222333", "111222333"),  # plain, passes the 11-proof
        ("burgerservicenummer 1112.22.333", "1112.22.333"),  # grouped with dots (4.2.3)
        ("bsn 111 222 333.", "111 222 333"),  # grouped with spaces, sentence end
        ("Zijn BSN is 123456782, zie bijlage", "123456782"),  # followed by a comma
    ],
)
def test_valid_bsn_is_found(find, text, expected):
    assert find(text, "BSN") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "BSN: 111222334",  # fails the 11-proof: not a BSN
        "BSN: 123456789",  # fails the 11-proof
        "kenmerk 1112223330",  # ten digits
        "bedrag 111.222.333,00",  # an amount
        "telefoon 0111222333",  # part of a longer number
    ],
)
def test_non_bsn_is_not_found(find, text):
    assert find(text, "BSN") == []


def test_bsn_without_context_is_weak(items):
    strong = [p for p in items("BSN: 111222333") if p.entity == "BSN"]
    weak = [p for p in items("Het nummer 111222333 staat in de lijst.") if p.entity == "BSN"]
    assert strong and not strong[0].weak
    assert weak and weak[0].weak


# Invented nine-digit numbers: the first five pass the 11-proof, the others fail it.
_PASS = ["384779025", "889460437", "542285472", "519087914", "315980564"]
_FAIL = ["604756065", "295105371", "881967831", "721001615", "426150537", "314964977",
         "876868167", "540329269", "913055664", "869458840", "914568330"]


def _id_table(numbers):
    return "Opleider      Aanvraag    Datum       Bedrag\n" + "\n".join(
        f"Instituut X   {n}   2-3-2022    € 650,00" for n in numbers)


def test_a_passing_number_in_a_table_of_ids_is_no_bsn(items):
    # Eleven of twelve fail the 11-proof: the one that passes does so by chance.
    found = [p for p in items(_id_table(_FAIL + _PASS[:1])) if p.entity == "BSN"]
    assert [p.text for p in found] == [_PASS[0]] and found[0].public and "11-proof" in found[0].reason


def test_bsn_wording_keeps_a_number_in_an_id_table_a_leak(items):
    text = _id_table(_FAIL) + f"\n\nDe aanvrager (BSN {_PASS[1]}) is gehoord."
    found = [p for p in items(text) if p.entity == "BSN"]
    assert [p.text for p in found] == [_PASS[1]] and not found[0].public


def test_a_list_of_valid_numbers_is_not_chance(items):
    # All pass: far above the 1 in 11 of chance, so these may well be BSNs.
    found = [p for p in items(_id_table(_PASS)) if p.entity == "BSN"]
    assert len(found) == 5 and not any(p.public for p in found)


def test_a_lone_number_without_wording_stays_a_weak_finding(items):
    found = [p for p in items(f"Nummer {_PASS[2]} staat in de brief.") if p.entity == "BSN"]
    assert len(found) == 1 and found[0].weak and not found[0].public


@pytest.mark.parametrize(
    "text",
    [
        f"sha256: 9f3a{_PASS[0]}e4c1b",  # digits inside a hash
        f"totaal 305 1285 {_PASS[3][:3]} {_PASS[3][3:6]} {_PASS[3][6:]} 681",  # counts in a table row
    ],
)
def test_digits_in_hashes_and_rows_of_counts_are_no_bsn(find, text):
    assert find(text, "BSN") == []


def test_bsn_nummer_wording(items):
    found = [p for p in items(f"BSN-nummer: {_PASS[4]}") if p.entity == "BSN"]
    assert len(found) == 1 and not found[0].weak and not found[0].public
