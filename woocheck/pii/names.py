"""Dutch name and word lists, read once from the installed `deduce` package.

deduce (LGPL-3.0-or-later) ships plain lookup lists of Dutch first names, surnames,
interfixes ("van der") and titles. We read those text files from its installed data
folder at run time rather than copying them, and we never build deduce's own pipeline
(its lookup cache costs seconds and a gigabyte). Everything is loaded on first use and
kept in a module-level cache.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Interfixes we always know, also when deduce is missing (its list is larger).
BASE_INTERFIXES = (
    "van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "in 't", "op de", "van de",
    "van der", "van den", "van het", "van 't", "uit de", "el", "al", "la", "le", "du", "da", "von",
)

# Words that start with a capital in a sentence yet are no names, common in Woo texts.
EXTRA_NOT_NAMES = {
    "minister", "ministers", "staatssecretaris", "kamer", "tweede", "eerste", "rijk", "kabinet",
    "gemeente", "gemeenten", "provincie", "provincies", "directie", "team", "afdeling", "bijlage",
    "datum", "onderwerp", "agenda", "verslag", "opening", "actiepunt", "afspraak", "besluit",
    "aanwezig", "afwezig", "notulen", "ter", "apel", "den", "haag", "nederland", "europa",
    "europees", "europese", "commissie", "raad", "state", "rode", "kruis", "postbus", "bericht",
    "groet", "groeten", "vriendelijke", "beste", "geachte", "hallo", "hoi", "dag", "dank",
    "contactpersoon", "kenmerk", "referentie", "telefoon", "mobiel", "email", "e-mail", "ons",
    "uw", "graag", "zie", "verzonden", "aan", "van", "cc", "bcc", "onderwerp", "doorgestuurd",
    "regietafel", "landelijke", "migratie", "integratie", "spreidingswet", "woo", "wob",
    "digitaal", "voorzitter", "secretariaat", "ondersteuning", "notulist", "verder", "ook",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag", "wet", "artikel", "lid", "sub", "noord", "zuid", "oost", "west",
    "holland", "brabant", "ministerie", "directoraat", "generaal", "rijksoverheid",
    # ministry and portfolio words: "minister van Justitie" is no person "van Justitie"
    "justitie", "veiligheid", "binnenlandse", "buitenlandse", "zaken", "koninkrijksrelaties",
    "financiën", "financien", "defensie", "onderwijs", "cultuur", "wetenschap", "volksgezondheid",
    "welzijn", "sport", "economische", "klimaat", "groene", "groei", "infrastructuur",
    "waterstaat", "landbouw", "visserij", "voedselzekerheid", "natuur", "voedselkwaliteit",
    "sociale", "werkgelegenheid", "algemene", "asiel", "volkshuisvesting", "ruimtelijke",
    "ordening", "handel", "ontwikkelingssamenwerking", "medische", "zorg", "jeugd",
    "staten", "provinciale", "gedeputeerde", "college", "burgemeester", "wethouders",
    "wethouder", "kamerlid", "kamerleden", "rijksvastgoedbedrijf", "koning", "koningin",
    "vereniging", "nederlandse", "interprovinciaal", "overleg", "centraal", "orgaan",
    "belgië", "duitsland", "frankrijk", "engeland", "spanje", "zweden", "noorwegen", "polen",
    "italië", "portugal", "oostenrijk", "zwitserland", "denemarken", "finland", "griekenland",
    "ierland", "hongarije", "roemenië", "bulgarije", "tsjechië", "oekraïne", "rusland", "turkije",
    "marokko", "syrië", "irak", "iran", "afghanistan", "eritrea", "somalië", "china", "amerika",
    "canada", "japan", "india", "suriname", "curaçao", "aruba", "bonaire", "kroatië", "litouwen",
    "brussel", "parijs", "berlijn", "londen", "washington", "genève", "straatsburg", "luxemburg",
    "opvang", "asielzoekers", "wonen", "werk", "inkomen", "zorg", "onderwijs", "financiën", "veiligheidsberaad", "veiligheidsregio", "dienst",
}


@dataclass(frozen=True)
class NameLists:
    first_names: frozenset[str]  # lowercase
    surnames: frozenset[str]  # lowercase, also interfix surnames ("jonge" of "de Jonge")
    interfixes: frozenset[str]  # lowercase, e.g. "van der"
    not_names: frozenset[str]  # lowercase common words, stop words and place names
    common_words: frozenset[str]  # not_names without the place names
    source: str  # where the lists came from, for `woocheck` diagnostics


def _deduce_lookup_dir() -> Path | None:
    """The folder holding deduce's source lookup lists, without importing deduce."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"
    return folder if folder.is_dir() else None


def _read(folder: Path, rel: str) -> set[str]:
    """items.txt minus exceptions.txt of one deduce list, lowercased."""
    items = folder / rel / "items.txt"
    if not items.is_file():
        return set()
    words = {w.strip().lower() for w in items.read_text("utf-8").splitlines() if w.strip()}
    exceptions = folder / rel / "exceptions.txt"
    if exceptions.is_file():
        words -= {w.strip().lower() for w in exceptions.read_text("utf-8").splitlines() if w.strip()}
    return words


@lru_cache(maxsize=1)
def lists() -> NameLists:
    folder = _deduce_lookup_dir()
    interfixes = set(BASE_INTERFIXES)
    if folder is None:
        return NameLists(frozenset(), frozenset(), frozenset(interfixes), frozenset(EXTRA_NOT_NAMES),
                         frozenset(EXTRA_NOT_NAMES), "built-in only")
    first = _read(folder, "names/lst_first_name")
    surnames = _read(folder, "names/lst_surname") | _read(folder, "names/lst_interfix_surname")
    interfixes |= {i for i in _read(folder, "names/lst_interfix") if not i.endswith(".") and "/" not in i}
    not_names = set(EXTRA_NOT_NAMES)
    not_names |= _read(folder, "whitelist/lst_stop_word") | _read(folder, "whitelist/lst_common_word")
    common = frozenset(not_names)
    places: set[str] = set()
    for sub in ("lst_province", "lst_residence", "lst_municipality", "lst_region"):
        places |= _read(folder, f"locations/lst_placename/{sub}")
    # A place name on its own is no evidence of a person ("Emmen", "Ter Apel").
    not_names |= {p for p in places if " " not in p}
    return NameLists(
        first_names=frozenset(first - not_names),
        surnames=frozenset(surnames),
        interfixes=frozenset(interfixes),
        not_names=frozenset(not_names),
        common_words=common,
        source=str(folder),
    )
