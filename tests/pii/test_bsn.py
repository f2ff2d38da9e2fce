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
