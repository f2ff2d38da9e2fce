"""The court-filings split (tests/court_split.py) is fixed by file name and disjoint."""
from __future__ import annotations

import pytest

from court_split import COURT, files, half_of


def test_half_depends_on_the_name_alone():
    assert half_of("a.pdf") == half_of("a.pdf")
    assert {half_of(f"f{k}.pdf") for k in range(20)} == {"tune", "measure"}


@pytest.mark.skipif(not COURT.is_dir(), reason="court-pdfs corpus not present")
def test_halves_are_disjoint_and_cover_the_corpus():
    tune, measure = set(files("tune")), set(files("measure"))
    assert tune and measure and not tune & measure
    assert tune | measure == set(COURT.glob("*.pdf"))
