"""Public office holders and other public names in the constructions real documents
use (invented names): the role before or after the name, with its place, in brackets, in
a list after a plural role or a board, cited authors, signatories in columns, and later
mentions of the same person. Each stays readable; the civil servants beside them do not."""
from __future__ import annotations

import pytest

from woocheck.pii import find_in_text


def _names(text):
    return {p.text: p for p in find_in_text(text) if p.entity == "PERSON"}


@pytest.mark.parametrize(
    "text, public",
    [
        ("De burgemeester van Oosterveld, mr. drs. H.W. Tjalsma, opende de avond. Daarna sprak mevrouw Tjalsma.",
         ["H.W. Tjalsma", "Tjalsma"]),
        ("De gedeputeerde in Noordmark, ir. B. Vellekoop, stuurde de brief.", ["B. Vellekoop"]),
        ("Aanwezig: R. Ganzevoort, gedeputeerde van Noordmark, en ambtenaar Pim Dwarshuis.", ["R. Ganzevoort"]),
        ("Gesprek met Ganzevoort (CdK Noordmark) over de opvang.", ["Ganzevoort"]),
        ("Het college, met de wethouders Ramdin, Osinga en Van Kempen, stemde in.", ["Osinga", "Van Kempen"]),
        ("Van de Raad van Bestuur zijn aanwezig: Ilse Brandsma\nen Joost Hiemstra.\nLater belde Ilse Brandsma.",
         ["Ilse Brandsma", "Joost Hiemstra"]),
        ("Hoogachtend,\n\nWillemien Raaijmakers\n\nVoorzitter Raad van Bestuur UWV", ["Willemien Raaijmakers"]),
        ("de secretaris,                          de burgemeester,\n"
         "mr. P. Olthof                           drs. F.E. Wassenberg-Tiel", ["F.E. Wassenberg-Tiel"]),
        ("Uit onderzoek blijkt dit (Groeneveld & Akkerman, 2020; Dijkhuis, 2018).", ["Groeneveld", "Dijkhuis"]),
        ("Groeneveld, R., & Akkerman, T. (2020). Schulden voorkomen. Den Haag: Uitgeverij Plein.", ["Groeneveld, R."]),
        ("Met vriendelijke groet,\nIlse Brandsma | Lid Raad van Bestuur | UWV\n\nHoi Ilse, dank.", ["Ilse"]),
        ("Van: Brandsma, Ilse (lid RvB) <i.brandsma@example.nl>\nAan: Team\n\nHoi Ilse,", ["Brandsma", "Ilse"]),
        ("RvB-lid Karel Dijkgraaf en bestuursvoorzitter Ilse Brandsma spraken.", ["Dijkgraaf", "Brandsma"]),
        ("Stichting Leerwerk, vertegenwoordigd door drs. K.M. Everts-Hoogland, directeur-bestuurder, "
         "hierna te noemen: de Stichting;", ["K.M. Everts-Hoogland"]),
    ],
)
def test_office_holders_stay_readable(text, public):
    # Found and public, or not taken for a name at all: never reported.
    leaks = [p for p in find_in_text(text) if p.entity == "PERSON" and not p.public]
    for name in public:
        assert not [p.text for p in leaks if name in p.text], (name, [(p.text, p.reason) for p in leaks])


def test_the_civil_servant_beside_an_office_holder_is_still_a_leak():
    names = _names("Aanwezig: R. Ganzevoort, gedeputeerde van Noordmark, en ambtenaar Karin Dwarshuis.\n"
                   "Actie voor collega Dwarshuis.")
    assert names["R. Ganzevoort"].public
    assert not names["Karin Dwarshuis"].public and not names["Dwarshuis"].public


@pytest.mark.parametrize(
    "text",
    [
        "De aanvraag valt onder de Regeling scholing en de Wet Structuur.",  # capitalised ordinary words
        "Met vriendelijke groet,\n\nTeamleider Handhaving\nAfdeling Uitkeren",  # furniture, name redacted
        "Hoogachtend,\n\nNamens de Raad van Bestuur",
        "Deel B. Beveiligingsovereenkomst\nDeel C. Dienstverlening",  # lettered parts
        "Leverancier: Hendrik Akkerman Opleidingen B.V., Dorpsweg 3",  # a company named after a person
        "De ziekte van Huntington en het syndroom van Down.",  # eponyms
        "Zij deed boodschappen bij de Albert Heijn.",  # a brand
        "De opvang is in sporthal Hendrik Brinkman.",  # a place named after someone
    ],
)
def test_look_alikes_are_no_names(text):
    leaks = [p.text for p in find_in_text(text) if p.entity == "PERSON" and not p.public]
    assert leaks == [], leaks


def test_a_job_title_after_a_dash_is_no_part_of_the_name():
    names = _names("Met vriendelijke groet,\nKarin Jansen - Beleidsmedewerker\nDirectie Werk")
    assert list(names) == ["Karin Jansen"] and not names["Karin Jansen"].public
    assert "Marloes Visser - Hoekstra" in _names("Marloes Visser - Hoekstra belde.")  # a double surname
