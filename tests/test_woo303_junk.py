"""The OCR-junk classifier behind WOO303: what OCR makes of a grey box is not a leak."""
from __future__ import annotations

import pytest

from woocheck.locate.ocr_junk import classify, leaked

# Seen in the OCR layer of real ZyLAB exports where grey boxes are (shared/reference).
BOX_JUNK = ["EEE", "IEEE", "BEEE", "EXER", "EXEC,", "[ERELIN", "SEER", "JERE", "metREY",
            "minvws.n|)[IEERELIIN@minvws.nl]", "BEa", "(0110)", "6120"]
LABELS = ["5.1.2e", "5.1.2¢", "51.2e", "512e", "1.2e]", "5.1.5", "5.1.2i", "[5.1.20]s"]


@pytest.mark.parametrize("token", BOX_JUNK)
def test_box_junk_is_junk(token):
    assert classify(token) == "junk"


@pytest.mark.parametrize("token", LABELS)
def test_damaged_labels_are_labels(token):
    assert classify(token) == "label"


def test_a_box_full_of_junk_and_labels_leaks_nothing():
    assert leaked(BOX_JUNK + LABELS) == []


@pytest.mark.parametrize(
    "tokens, expected",
    [
        (["Jansen"], ["Jansen"]),  # a surname
        (["Rotterdam"], ["Rotterdam"]),  # a place
        (["huisarts"], ["huisarts"]),  # a dictionary word
        (["0612345678"], ["0612345678"]),  # a phone number
        (["j.jansen@voorbeeld.nl"], ["j.jansen@voorbeeld.nl"]),
        (["EEE", "vergadering", "begroting"], ["vergadering", "begroting"]),  # words no list knows, together
    ],
)
def test_language_under_a_box_leaks(tokens, expected):
    assert leaked(tokens) == expected


def test_one_short_or_unknown_token_alone_is_not_enough():
    assert leaked(["IEEE", "Als"]) == []
    assert leaked(["pitizg"]) == []
    assert leaked(["al", "ei"]) == []
