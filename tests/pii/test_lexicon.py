"""The lexicon behind the name scorer: what it changes, and what happens without it."""
from __future__ import annotations

import pytest

from woocheck.pii import lexicon


def _leaks(find_in_text, text):
    return [p.text for p in find_in_text(text) if p.entity == "PERSON" and not p.public]


@pytest.fixture
def no_lexicon(monkeypatch, tmp_path):
    monkeypatch.setenv("WOOCHECK_LEXICON", str(tmp_path / "absent"))
    lexicon.reload()
    yield
    monkeypatch.delenv("WOOCHECK_LEXICON")
    lexicon.reload()


def test_an_own_word_list_decides_what_is_ordinary(monkeypatch, tmp_path):
    words = tmp_path / "dutch"
    words.write_text("regeling\nKarin\nstolp\n", "utf-8")
    monkeypatch.setenv("WOOCHECK_LEXICON", str(words))
    monkeypatch.setenv("WOOCHECK_CACHE", str(tmp_path / "cache"))
    lexicon.reload()
    try:
        assert lexicon.available()
        assert lexicon.is_ordinary("Regeling") and lexicon.is_ordinary("Stolp")
        assert not lexicon.is_ordinary("Karin")  # written with a capital: a name
        # The hashes were cached; a second process (here: a reload) reads them back
        # and answers the same, and a changed list is read anew.
        assert list((tmp_path / "cache" / "woocheck").glob("lexicon-*.npy"))
        lexicon.reload()
        assert lexicon.is_ordinary("stolp") and not lexicon.is_ordinary("Karin")
        words.write_text("regeling\nkarin\n", "utf-8")
        lexicon.reload()
        assert lexicon.is_ordinary("Karin") and not lexicon.is_ordinary("stolp")
    finally:
        monkeypatch.delenv("WOOCHECK_LEXICON")
        lexicon.reload()


def test_without_word_lists_the_cli_says_so(no_lexicon, tmp_path, cli):
    doc = tmp_path / "memo.txt"
    doc.write_text("Van: Brouwer, Femke\nOnderwerp: planning\n", "utf-8")
    code, out, err = cli("scan", str(doc))
    assert "apt-get install wdutch wbritish" in err
    assert code == 1  # the name is still reported


@pytest.mark.skipif(not lexicon.available(), reason="word lists (wdutch, wbritish) not installed")
def test_with_word_lists_no_note_and_ordinary_words_are_no_names(tmp_path, cli):
    from woocheck.pii import find_in_text

    doc = tmp_path / "memo.txt"
    # Invented: words that deduce's name lists hold but that are ordinary Dutch words here.
    doc.write_text("De aanvraag valt onder de Regeling scholing.\n\nHoogachtend,\n\nTeamleider Uitkeren\n", "utf-8")
    code, out, err = cli("scan", str(doc), "--select", "WOO101")
    assert "wdutch" not in err
    assert code == 0, out
    assert _leaks(find_in_text, "Vandaag belde collega Femke Brouwer-Yılmaz over de Regeling.") == ["Femke Brouwer-Yılmaz"]


def test_an_unwritable_cache_folder_only_costs_time(monkeypatch, tmp_path):
    words = tmp_path / "dutch"
    words.write_text("regeling\nKarin\n", "utf-8")
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", "utf-8")
    monkeypatch.setenv("WOOCHECK_LEXICON", str(words))
    monkeypatch.setenv("WOOCHECK_CACHE", str(blocked))
    lexicon.reload()
    try:
        assert lexicon.is_ordinary("Regeling") and not lexicon.is_ordinary("Karin")
    finally:
        monkeypatch.delenv("WOOCHECK_LEXICON")
        monkeypatch.delenv("WOOCHECK_CACHE")
        lexicon.reload()
