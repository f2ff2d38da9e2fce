"""Text markers: redactions written into the text itself, and name gaps in attendee lists."""
from __future__ import annotations

from pathlib import Path

import pytest

from woocheck.config import Config
from woocheck.pipeline import scan_file

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _markers(tmp_path, text: str, name: str = "m.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = scan_file(str(path), Config(select=("WOO3",)))
    assert result.error is None, result.error
    return [r for r in result.redactions if r.kind == "text-marker"]


@pytest.mark.parametrize(
    "text, marker",
    [
        ("t.a.v. [REDACTED] van de afdeling", "[REDACTED]"),
        ("Contact: [gelakt] via de balie", "[gelakt]"),
        ("Naam: ██████ woont in Utrecht", "██████"),
        ("Naam: ■■■■ woont in Utrecht", "■■■■"),
        ("Telefoon XXXXXXXX bereikbaar", "XXXXXXXX"),
        ("Handtekening: ________ datum", "________"),
        ("Zie [5.1.2e] voor de reden", "[5.1.2e]"),
        ("Zie [5.1 lid 2 sub e] voor de reden", "[5.1 lid 2 sub e]"),
        ("De heer [naam] belde", "[naam]"),
        ("Mail aan xxxx@minvws.nl gestuurd", "xxxx"),
        ("Rekening NL91XXXX0417164300", "XXXX"),
        ("Naam: ▓▓▓▓ woont in Utrecht", "▓▓▓▓"),
    ],
)
def test_markers_are_found_with_their_span(tmp_path, text, marker):
    (found,) = _markers(tmp_path, text)
    assert text[found.start : found.end] == marker


@pytest.mark.parametrize(
    "text",
    [
        "De XXL-editie van het rapport en de Xbox",  # X runs inside words
        "Een enkele _ of __ telt niet",  # short underscore runs
        "Zie [1] en [bijlage] voor details",  # ordinary brackets
        "Een blokje █ alleen",  # a single block
        "De xxxl-maat en Maxxxa",  # x runs inside words
        "Zie [1.2] in [hoofdstuk 3]",  # a bracketed section number without letter is still a number
    ],
)
def test_ordinary_text_has_no_markers(tmp_path, text):
    assert _markers(tmp_path, text) == []


def test_name_gaps_after_a_heading(tmp_path):
    text = "Aanwezig: Mevr. Pietersen (BZK), (JenV), (JenV), Dhr. Klaassen (VNG)\n"
    gaps = _markers(tmp_path, text)
    assert [g.detail for g in gaps] == ["name missing before (JenV) in attendee list"] * 2
    assert all(g.start == g.end for g in gaps)  # the name is gone: an empty span


def test_name_gaps_without_heading_but_in_a_run_of_tags(tmp_path):
    text = "Dhr. Bakker (COA),        (JenV),     (BZK),\n(SZW),     (OCW), secretariaat\n"
    gaps = _markers(tmp_path, text)
    assert [text[g.start : g.start + 6] for g in gaps] == ["(JenV)", "(BZK),", "(SZW),", "(OCW),"]


def test_tag_after_a_name_on_the_previous_line_is_not_a_gap(tmp_path):
    text = "Aanwezig: Dhr. Bakker (COA), Mevr. Smit\n(VNG), Dhr. Visser (IPO)\n"
    assert _markers(tmp_path, text) == []


def test_lowercase_parenthesis_in_prose_is_not_a_gap(tmp_path):
    text = (
        "Aanwezig: Dhr. Bakker (COA), Mevr. Smit (VNG)\n\n"
        "• Het ministerie stemt in met de punten onder 2a (governance) en 2b\n(arrangement).\n"
    )
    assert _markers(tmp_path, text) == []


def test_a_single_tag_in_prose_is_not_a_gap(tmp_path):
    text = "De brief van vorige week,\n(JenV) stuurt een reactie.\n"
    assert _markers(tmp_path, text) == []


def _seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("seeds not present")
    return found[0]


def test_seed_003_list_without_heading_is_found(tmp_path):
    result = scan_file(str(_seed("003")), Config(select=("WOO3",)))
    gaps = [r for r in result.redactions if r.detail.startswith("name missing")]
    assert len(gaps) >= 5


def test_seed_002_has_no_prose_gap_and_no_gap_after_a_name():
    path = _seed("002")
    text = path.read_text(encoding="utf-8")
    result = scan_file(str(path), Config(select=("WOO3",)))
    gaps = [r for r in result.redactions if r.detail.startswith("name missing")]
    assert gaps and not [g for g in gaps if "arrangement" in g.detail]
    for g in gaps:  # each gap follows a comma, never a name
        assert text[: g.start].rstrip().endswith(",")
