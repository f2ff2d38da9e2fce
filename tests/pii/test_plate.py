import pytest

from woocheck.pii.recognizers.plate import SIDECODES


def _example(layout: str) -> str:
    letters = iter("BDFGHJKLMNPRSTVXZ" * 3)
    digits = iter("123456789" * 3)
    return "".join(next(letters) if c == "X" else next(digits) if c == "9" else c for c in layout)


@pytest.mark.parametrize("code, layout", SIDECODES)
def test_every_sidecode_is_found(find, code, layout):
    plate = _example(layout)
    assert find(f"Het voertuig met kenteken {plate} stond er.", "PLATE") == [plate]


@pytest.mark.parametrize(
    "text",
    [
        "Kenteken AB-12-CD",  # vowels: never issued in these series
        "zaal N36-10",  # a room code
        "datum 12-10-2023",  # a date
        "artikel 5.1.2-e",  # a ground
        "code XX-99-99-99",  # longer chain
        "bd-12-fg",  # lowercase
    ],
)
def test_non_plates_are_not_found(find, text):
    assert find(text, "PLATE") == []


def test_context_word_makes_a_plate_strong(items):
    strong = [p for p in items("kenteken 12-BDF-3") if p.entity == "PLATE"]
    weak = [p for p in items("Referentie 12-BDF-3 in de lijst") if p.entity == "PLATE"]
    assert strong and not strong[0].weak
    assert weak and weak[0].weak
