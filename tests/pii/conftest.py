"""Helpers for the personal-data tests: everything goes through `woocheck.pii.find_in_text`."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def find():
    """find(text, entity) -> texts of that entity found in `text` (public ones included)."""
    from woocheck.pii import find_in_text

    def run(text: str, entity: str, *, leaks_only: bool = False) -> list[str]:
        return [p.text for p in find_in_text(text) if p.entity == entity and not (leaks_only and p.public)]

    return run


@pytest.fixture(scope="session")
def items():
    """items(text) -> the PersonalData list for `text`."""
    from woocheck.pii import find_in_text

    return find_in_text
