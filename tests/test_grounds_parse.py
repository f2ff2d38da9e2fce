"""The ground parser: every notation people write, OCR damage, and codes that do not exist."""
from __future__ import annotations

import pytest

from woocheck.grounds import load_catalogue, parse_label
from woocheck.grounds.parse import explain_invalid, parse


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def codes(text, cat):
    return [(g.code, g.valid) for g in parse(text, cat)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5.1.2e", ["5.1.2e"]),
        ("5.1.2.e", ["5.1.2e"]),
        ("5.1.2 e", ["5.1.2e"]),
        ("5.1 lid 2 sub e", ["5.1.2e"]),
        ("5.1 lid 2 onder e", ["5.1.2e"]),
        ("5.1, tweede lid, aanhef en onder e", ["5.1.2e"]),
        ("art. 5.1 lid 2 e", ["5.1.2e"]),
        ("Art. 5.1 lid 2 sub i", ["5.1.2i"]),
        ("Art. 10.2.e en g", ["10.2e", "10.2g"]),  # one label, two Wob grounds
        ("5.1.2e; 5.1.2i", ["5.1.2e", "5.1.2i"]),
        ("5.1 lid 2 sub e en i", ["5.1.2e", "5.1.2i"]),
        ("5.1(2)(e)", ["5.1.2e"]),
        ("5.1. lid 1 c", ["5.1.1c"]),  # stray dot
        ("5.1 lid 1 sub e", ["5.1.1e"]),
        ("5.2", ["5.2.1"]),  # 5.2 on a box means lid 1
        ("5.2 lid 2", ["5.2.2"]),
        ("5.1 lid 4", ["5.1.4"]),
        ("5.1.5", ["5.1.5"]),
        ("5.4a", ["5.4a"]),
        ("11.1", ["11.1"]),
        ("artikel 10 lid 2 sub e", ["10.2e"]),
        ("(5.1.2e)", ["5.1.2e"]),
        ("5.1.2e.", ["5.1.2e"]),
        ("buiten reikwijdte", ["buiten-reikwijdte"]),
        ("BR", ["buiten-reikwijdte"]),
        ("niet relevant", ["niet-relevant"]),
        ("reeds openbaar", ["reeds-openbaar"]),
        ("D", ["dubbel"]),
    ],
)
def test_notation_is_normalised(text, expected, cat):
    got = parse(text, cat)
    assert [g.code for g in got] == expected
    assert all(g.valid for g in got)
    assert not any(g.repaired for g in got)


@pytest.mark.parametrize(
    "text",
    # OCR damage seen on the labels of the VWS exports, and "e" read as "o" in a UWV decision.
    ["5.1.2¢", "51.2e", "512e", "512¢", "1.2e]", "5.l.2e", "5.1lid 2 o", "s12¢", "f5.1.2¢e|", "5.1.20", "9.1.2e"],
)
def test_damaged_label_is_repaired_to_the_one_code_it_can_be(text, cat):
    got = parse(text, cat)
    assert [(g.code, g.valid, g.repaired) for g in got] == [("5.1.2e", True, True)]


def test_repair_keeps_the_letter_it_can_read(cat):
    assert [(g.code, g.repaired) for g in parse("5.1.1¢c", cat)] == [("5.1.1c", True)]
    assert [(g.code, g.repaired) for g in parse("5.2.l", cat)] == [("5.2.1", True)]  # l for 1


@pytest.mark.parametrize(
    "text, code, why",
    [
        ("5.1.2j", "5.1.2j", "a-i"),
        ("5.1.3", "5.1.3", "no such lid"),
        ("5.1.7", "5.1.7", "no such lid"),
        ("5.3", "5.3", "no refusal ground"),
        ("5.5", "5.5", "no refusal ground"),
        ("artikel 5.1 lid 1 sub i", "5.1.1i", "a-e"),
        ("art. 5.1. lid 2", "5.1.2", "letter"),  # the letter is missing
    ],
)
def test_grounds_that_do_not_exist_are_invalid_not_repaired(text, code, why, cat):
    got = parse(text, cat)
    assert [(g.code, g.valid, g.repaired) for g in got] == [(code, False, False)]
    assert why in explain_invalid(code)


@pytest.mark.parametrize(
    "text",
    ["", "Jan de Vries", "512", "2515 AB", "1.200-1.400", "€ 51,20", "10.30 uur", "12g", "5.12", "om 5 uur"],
)
def test_numbers_and_words_are_not_grounds(text, cat):
    assert parse(text, cat) == []


def test_every_catalogue_code_reads_back_in_several_notations(cat):
    """Each Woo code written the ways people write it parses back to itself."""
    import re

    for e in cat:
        if e.law != "woo":
            continue
        m = re.fullmatch(r"5\.(\d)\.(\d)([a-i])?", e.code)
        forms = [e.code]
        if m and m.group(1) == "1":
            lid, letter = m.group(2), m.group(3) or ""
            forms += [f"art. 5.1 lid {lid} {letter}".strip(), f"5.1 lid {lid}" + (f" sub {letter}" if letter else "")]
            if letter:
                forms += [f"5.1({lid})({letter})", f"5.1.{lid}.{letter}", f"artikel 5.1, {['', 'eerste', 'tweede'][int(lid)]} lid, aanhef en onder {letter}"]
        for form in forms:
            assert [g.code for g in parse(form, cat)] == [e.code], form


def test_public_helper_uses_the_default_catalogue():
    assert [g.code for g in parse_label("5.1 lid 2 sub e")] == ["5.1.2e"]


from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("0123456789.,;:()[] ablesiko¢©§|lidsubondertweedeArt") + [" lid ", " sub ", "5.1", "10.2", " en "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=25).map("".join))
def test_parse_never_fails_and_valid_means_catalogued(text):
    cat = load_catalogue()
    for g in parse(text, cat):
        assert g.valid == (g.code in cat)
        if g.valid:
            assert cat.get(g.code).law == g.law


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(8, 40), st.integers(8, 120))
def test_pixel_reader_survives_any_blob_pattern(seed, h, w):
    import numpy as np

    from woocheck.grounds.pixels import _read_mask

    mask = np.random.default_rng(seed).random((h, w)) > 0.6
    for text, score in _read_mask(mask, margin=2):
        assert text and score > 0
