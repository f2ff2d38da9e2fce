"""Word is a slotted frozen dataclass: it must still behave as the plain one did."""
import dataclasses
import pickle

import pytest

from woocheck.model import Word


def _word() -> Word:
    return Word("Jan", (1.0, 2.0, 3.0, 4.0), 0, 3, "Helv", 10.0, 0, 0, 1.0, 5, None, ((1.0, 2.0, 1.5, 4.0),) * 3)


def test_word_equality_hash_and_replace():
    w = _word()
    assert w == _word() and hash(w) == hash(_word())
    moved = dataclasses.replace(w, start=4, end=7)
    assert (moved.start, moved.end, moved.text, moved.chars) == (4, 7, "Jan", w.chars)
    assert dataclasses.asdict(w)["seqno"] == 5


def test_word_frozen_and_picklable():
    w = _word()
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.text = "Piet"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(w)) == w


def test_text_file_word_defaults():
    w = Word(text="x", bbox=None, start=0, end=1, line=2)
    assert (w.font, w.size, w.render_mode, w.alpha, w.seqno, w.chars) == ("", 0.0, 0, 1.0, -1, ())
