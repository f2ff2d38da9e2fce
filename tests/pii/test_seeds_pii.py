"""The five seed documents (../shared/seeds): every public office holder named in them is
found as a name AND left unreported; the redacted e-mail is seen as redacted."""
from __future__ import annotations

from pathlib import Path

import pytest

from woocheck.config import Config

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Surnames of the office holders and board members each seed names (by file prefix).
OFFICE_HOLDERS = {
    "000": ["Faber", "Keijzer", "Uitermark", "Coenradie", "Boumans", "Spies", "Oosters", "Reus",
            "Schoenmaker", "Rijn", "Nobel", "Agema", "Paul"],
    "001": ["Jonge", "Wassink", "Spies", "Kolff", "Klijnsma", "Reus", "Rijn", "Schoenmaker"],
    "002": ["Burg", "Klijnsma", "Reus", "Wassink", "Visser", "Grootheest", "Spies", "Kolff", "Schoenmaker"],
    "003": ["Burg", "Spies", "Wassink", "Kolff", "Schoenmaker", "Klijnsma", "Reus"],
    "004": ["Faber", "Paas", "Klijnsma", "Adema", "Heidema", "Kolff", "Dijk"],
}

pytestmark = pytest.mark.corpus


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not present")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"no seed {prefix}_*.txt")
    return found[0]


@pytest.mark.parametrize("prefix", sorted(OFFICE_HOLDERS))
def test_office_holders_are_found_and_public(prefix):
    from woocheck.pii import find_in_text

    persons = [p for p in find_in_text(_seed(prefix).read_text("utf-8"), Config()) if p.entity == "PERSON"]
    for surname in OFFICE_HOLDERS[prefix]:
        hits = [p for p in persons if surname in p.text]
        assert hits, f"{surname} not found as a name"
        assert all(p.public for p in hits), [(p.text, p.reason) for p in hits if not p.public]


@pytest.mark.parametrize("prefix", sorted(OFFICE_HOLDERS))
def test_seed_gives_no_personal_data_findings(prefix):
    from woocheck.pipeline import scan_file

    result = scan_file(str(_seed(prefix)), Config(select=("WOO1",)))
    assert result.error is None
    assert [(f.code, f.text) for f in result.findings] == []


def test_redacted_local_part_is_seen_as_redacted():
    from woocheck.pii import find_in_text

    emails = [p for p in find_in_text(_seed("000").read_text("utf-8")) if p.entity == "EMAIL"]
    assert [p.text for p in emails] == ["[REDACTED]@minjenv.nl"]
    assert emails[0].public and "redacted" in emails[0].reason
