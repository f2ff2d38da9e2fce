"""Contact data of an organisation or of a person, decided by the text around it.

The recognizers find an e-mail address, a phone number, an address, a BSN or an IBAN; this
module says whether publishing it leaks personal data. It is the contact-data part of
the policy step (woocheck.pii.policy calls `reason` for every such hit).

- E-mail: a local part that is already redacted (a marker, the OCR of a grey box, a Woo
  ground or its remains such as "5.1.2e@" or "e@": a local part with at most one letter
  cannot spell a person) or a functional mailbox: made of function words ("info",
  "woo", "team", "service", ... in rules/public-officials.yaml), also in compounds
  ("contactpersoonwoo", "teamhandhaving", "servicedesk.x"), or of ordinary words and no
  name ("vergunningen"), unless the local part has a person's shape (initials first:
  "p.de.vries", "j.post"; a known first name or surname in it: "jan.post",
  "info.jansen"); or a local part that spells the organisation its domain names
  ("vandijkadvies@vandijk-advies.nl").
- Phone and address: an organisation's when the block around it is a letterhead or a
  contact block (Postbus, Bezoekadres, Postadres, www., a functional mailbox, an
  organisation's legal form or kind), a meeting venue (Locatie, Vergaderplaats, "vindt
  plaats"), or, for a number, when its label names a service, a switchboard or a fax
  ("algemeen nummer", "servicedesk", "receptie", "fax"). A person's when the text says
  so: a private cue before it ("woonachtig", "wonende te", "adres van betrokkene",
  "verzoeker"), a form about a person (a "Naam:" field a few lines above), or the hit
  stands right under a person's name (an addressee block or a signature) or in a table
  row that opens with one, or its own label makes it one person's line ("(direct)",
  "Doorkiesnummer:"). A mobile number is a person's unless its own label names a service.
  An address the sentence itself gives as a home (recognizers.address, "woont aan de
  …") is a person's whatever stands around it.
- BSN: a weak nine-digit number (no BSN wording near) is an identifier when its own
  label names another one ("Zaaknummer:", "Dossiernummer", "Uw kenmerk"), or when it
  stands on a page whose nine-digit numbers pass the 11-proof no more often than
  chance (recognizers.bsn.chance_level).
- IBAN: an account whose holder is named as an organisation ("t.n.v. gemeente X",
  "ten name van Y B.V.", a foundation, a club, an acronym) or held at BNG Bank (which
  banks for the public sector only) is no one's personal data.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Optional

import regex as re

from .detect import Hit
from .recognizers import bsn as _bsn
from .columns import header_at
from .recognizers.address import RESIDENCE_FORM

# Words that put an address or number in an organisation's letterhead or signature.
LETTERHEAD = re.compile(
    r"(?i)postbus\s+\d|p\.?o\.? box|(?m:^[ \t*#]*(?:bezoekadres|postadres|vestigingsadres|kantooradres|retouradres)\b)"
    r"|www\.|rijksoverheid\.nl|kvk|kamer van koophandel"
    r"|ministerie|ministry|gemeente|provincie|waterschap|instituut|institute|centre|universiteit|university|ggd|ghor"
    r"|\w*dienst\b|veiligheidsregio|politie|brandweer|rijkswaterstaat|agentschap|inspectie|autoriteit"
    r"|\brivm\b|the netherlands|hoofdkantoor|\bb\.v\.|\bn\.v\.|\bstichting\b|\bvereniging\b"
)
# Words right before an address that make it a venue or an office ("Locatie:",
# "Vergaderplaats", "gevestigd aan", "vindt plaats in").
VENUE = re.compile(
    r"(?i)\b(?:locatie|vergader\w*|bezoekadres|postadres|vestigings?adres|kantooradres|correspondentieadres\s+van\s+(?:de|het)"
    r"|gevestigd|vestiging|kantoor|gebouw|vindt\s+plaats|plaatsvinden|bijeenkomst|zaal)\b"
)
# "Datum/plaats: 21 januari, CDS, Kempkensberg 200, ...": a meeting's place, and an
# organisation's acronym right before the address.
_PLACE_LABEL = re.compile(r"(?im)^[ \t]*(?:datum[ \t]*(?:/|en)[ \t]*)?plaats[ \t]*:")
_ACRONYM_BEFORE = re.compile(r"(?<![\p{L}])\p{Lu}{2,6},[ ]$")
# Words in the sentence before an address or number that make it someone's home.
PRIVATE_CUE = re.compile(
    r"(?i)\b(?:(?:mijn|zijn|haar|ons|onze|hun)[ ]+(?:woon|huis|post)?adres|woon|woont|wonen|wonende|woonachtig|woning|woonadres|woonplaats|huisadres|thuisadres|privéadres|privé|prive"
    r"|verblijfs?adres|betrokkene|verzoeker|verzoekster|aanvrager|aanvraagster|bewoner|bewoonster|cliënt|client"
    r"|klager|klaagster|bezwaarmaker|belanghebbende)\b"
)
# A form about a person: a name field a few lines above ("Naam:", "Voorletters:").
PERSON_FORM = re.compile(r"(?im)^[ \t#*|-]*(?:naam|voornaam|achternaam|voorletters|geboortedatum|naam\s+aanvrager|naam\s+verzoeker)[ \t]*:")
MOBILE = re.compile(r"\s*(?:\+31|0031|0)\s*\(?0?\)?\s*6")  # a mobile is a person's, letterhead or not

_REDACTED_LOCAL = re.compile(r"(?i)\[[^\]]*\]|[█■x*_]+")
_BOX_OCR_LOCAL = re.compile(r"[A-Z|\[\]]+")
_LETTER = re.compile(r"\p{L}")
_PARTS = re.compile(r"\p{L}+")
_INITIALS = re.compile(r"(\p{L}{1,2})[._]\p{L}")
_EMAIL = re.compile(r"(?i)[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[a-z0-9-]+\.)+[a-z]{2,24}")


# --- e-mail -------------------------------------------------------------------------

def _starting(ordered: list[str], prefix: str) -> int:
    """How many words of the sorted list start with `prefix`."""
    return bisect_left(ordered, prefix + "\U0010ffff") - bisect_left(ordered, prefix)


class _Stems:
    """The function words of one Officials, sorted into what may stand where in a
    compound local part. A word that is itself a name, or that starts (ends) two or more
    of deduce's names, is only trusted as a whole part ("post": Postma, Van der Post)."""

    def __init__(self, functional: tuple[str, ...]):
        from .names import lists

        names = lists().first_names | lists().surnames
        # names that are no ordinary word or place ("noord", "centrum" are on the surname list)
        self.names = names - lists().not_names
        words = {w for w in (f.lower() for f in functional) if w.isalpha() or "-" in w}
        self.whole = frozenset(w.replace("-", "") for w in words) | frozenset(words)
        plain = sorted({w.replace("-", "") for w in words if len(w.replace("-", "")) >= 4}, key=len, reverse=True)
        forward = sorted(names)
        backward = sorted(n[::-1] for n in names)
        prefixes = [w for w in plain if w not in names and _starting(forward, w) < 2]
        suffixes = [w for w in plain if w not in names and _starting(backward, w[::-1]) < 2]
        self.prefix = re.compile(rf"^(?:{'|'.join(prefixes) or '(?!)'})\p{{L}}{{2,}}$")
        self.suffix = re.compile(rf"^\p{{L}}{{2,}}(?:{'|'.join(suffixes) or '(?!)'})$")

    def functional(self, part: str) -> bool:
        return part in self.whole or bool(self.prefix.match(part) or self.suffix.match(part))


@lru_cache(maxsize=8)
def _stems(functional: tuple[str, ...]) -> _Stems:
    return _Stems(functional)


def email_reason(local: str, off, domain: str = "") -> Optional[str]:
    """Why an address with this local part (at `domain`, when known) is no person's."""
    if _REDACTED_LOCAL.fullmatch(local):
        return "local part already redacted"
    # The OCR of a grey redaction box reads as capitals ("BEEE@minszw.nl"): the box itself.
    if _BOX_OCR_LOCAL.fullmatch(local):
        return "local part already redacted (OCR of a redaction box)"
    # "5.1.2e@", "5.1.2.e@", "e@", "i@": a ground code or what extraction left of it.
    if len(_LETTER.findall(local)) <= 1:
        return "local part already redacted (a Woo ground or its remains)"
    if domain and _named_after_domain(local, domain):
        return "the organisation's own mailbox (named like its domain)"
    stems = _stems(off.functional)
    if local.lower() in stems.whole:
        return "functional mailbox"
    parts = [p.lower() for p in _PARTS.findall(local)]
    if not any(stems.functional(p) for p in parts):
        return _ordinary_words(local, parts, stems)
    # A person's shape: initials first ("p.de.vries", "j.post", "pj_jansen"), or a name
    # among the parts that is no function word itself ("jan.post", "info.jansen").
    first = _INITIALS.match(local)
    if first and not stems.functional(first.group(1).lower()):
        return None
    if any(p in stems.names and not stems.functional(p) for p in parts if len(p) >= 2):
        return None
    return "functional mailbox"


def _named_after_domain(local: str, domain: str) -> bool:
    """"vandijkadvies@vandijk-advies.nl": a local part that spells the organisation the
    domain names is that organisation's own mailbox, whatever names are in it (a person
    at that firm writes "j.vandijk@vandijk-advies.nl")."""
    flat = _NOT_LETTER_OR_DIGIT.sub("", local.lower())
    return len(flat) >= 5 and flat == _NOT_LETTER_OR_DIGIT.sub("", domain.lower().split(".")[0])


_NOT_LETTER_OR_DIGIT = re.compile(r"[^\p{L}\d]")


def _ordinary_words(local: str, parts: list[str], stems: "_Stems") -> Optional[str]:
    """A local part made of ordinary words ("parkeren", "onderzoek", "actiecentrum",
    "internationaal-dgke") and no name names a task, not a person. Asks the lexicon of
    woocheck.pii.lexicon (OpenTaal); without it, nothing is decided here."""
    from . import lexicon

    if not lexicon.available() or _INITIALS.match(local):
        return None
    long_parts = [p for p in parts if len(p) >= 5]
    if not long_parts:
        return None
    for p in parts:
        if p in stems.names:
            return None
        ordinary = lexicon.is_ordinary(p) or lexicon.is_foreign(p) or lexicon.is_compound(p)
        if not ordinary and len(p) >= 5:  # a short unknown part is an acronym ("dgke")
            return None
    return "functional mailbox (ordinary words, no name)"


def is_functional(local: str, off) -> bool:
    """A local part that is no person's: functional or already redacted."""
    return email_reason(local, off) is not None


# --- phone and address --------------------------------------------------------------

def _label_before(text: str, start: int, line_above: bool) -> str:
    """The text on the hit's line before it, or, when the hit starts its line and
    `line_above`, the end of the line above (a label on its own line: "Algemeen
    nummer\\n070 ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    label = text[line_start:start]
    if not label.strip() and line_above:
        prev_end = line_start - 1
        while prev_end > 0 and text[prev_end - 1] == "\n":
            prev_end -= 1
        prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
        label = text[prev_start:max(prev_start, prev_end)]
    return label[-60:]


# A number's own label that makes it one person's line, not the organisation's.
_OWN_LINE_BEFORE = re.compile(
    r"(?i)(?<![\p{L}])(?:direct|doorkies\w*|privé|prive|priv[eé]nummer|eigen[ ]nummer"
    r"|(?:zijn|haar|mijn|hun)[ ](?:mobiele[ ])?(?:nummer|telefoonnummer|mobiel)(?:[ ]is)?)[.:]?[ \t]*$"
)
_OWN_LINE_AFTER = re.compile(r"(?i)[ \t]*\((?:direct|doorkies\w*|privé|prive|mobiel)\)")
_CELL = re.compile(r"[|\t]")


def _own_mail_between(out: list[Hit], person: Hit, h: Hit) -> bool:
    """"de heer Peeters van de veiligheidsregio (j.peeters@…, 088 …)": a personal
    e-mail address between the name and the number makes it one contact block."""
    return any(o.entity == "EMAIL" and not o.public and person.end <= o.start and o.end <= h.start for o in out[-3:])


def _table_row(text: str, start: int) -> Optional[int]:
    """The start of the line when `start` sits in a table row (cells split by | or tabs)."""
    line_start = text.rfind("\n", 0, start) + 1
    return line_start if _CELL.search(text, line_start, start) else None


_FIRST_PERSON = re.compile(r"(?i)\b(?:mij|mijn|me|ik)\b")
_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def _sentence_before(text: str, start: int) -> str:
    before = text[max(0, start - 60):start]
    return _SENTENCE_END.split(before)[-1]


# Labels of a number that an organisation answers (a fax machine is no person's either).
_SWITCHBOARD = re.compile(
    r"(?i)\b(?:algemeen|algemene|hoofdnummer|\w*centrale|receptie|switchboard|klantenservice|\w*servicenummer"
    r"|informatienummer|infolijn|\w*meldkamer|\w*helpdesk|\w*servicedesk|fax|telefax)"
)


def _service_label(text: str, start: int, off, line_above: bool) -> bool:
    """The number's own label names a service or switchboard, not a person."""
    label = _label_before(text, start, line_above)
    if _SWITCHBOARD.search(label):
        return True
    stems = _stems(off.functional)
    words = [w.lower() for w in _PARTS.findall(label)]
    # "Contactpersoon", "contact": a person's number as often as not.
    return any(len(w) >= 4 and stems.functional(w) and "persoon" not in w and w != "contact" for w in words[-3:])


def _functional_mail_near(window: str, off) -> bool:
    if "@" not in window:
        return False
    return any(email_reason(m.group().rsplit("@", 1)[0], off) == "functional mailbox" for m in _EMAIL.finditer(window))


def contact_reason(text: str, h: Hit, out: list[Hit], off) -> Optional[str]:
    """Organisation's address or number by the text around it; None when a person's."""
    before = text[max(0, h.start - 80):h.start]
    if h.evidence == RESIDENCE_FORM or PRIVATE_CUE.search(before) or PERSON_FORM.search(text, max(0, h.start - 200), h.start):
        return None  # the sentence itself says someone lives there
    if h.entity == "PHONE":
        if _FIRST_PERSON.search(_sentence_before(text, h.start)):
            return None  # "u kunt mij bereiken op ...": the writer's own number
        line_start = text.rfind("\n", 0, h.start) + 1
        if _OWN_LINE_BEFORE.search(text, max(line_start, h.start - 25), h.start) or _OWN_LINE_AFTER.match(text, h.end):
            return None  # "0523 28 81 47 (direct)", "Doorkiesnummer: ...": one person's line
        mobile = bool(MOBILE.match(h.text))
        # A mobile's label is on its own line ("M 06 ..."); the line above a mobile is a
        # person's job title as often as a service's name.
        if _service_label(text, h.start, off, line_above=not mobile):
            return "organisation's service or general number"
        if mobile:
            return None
    # Right under a person's name (an addressee block, a signature) with no organisation
    # line in between, or in a table row that opens with a person: that person's.
    row = _table_row(text, h.start)
    for o in out[-3:]:
        if o.entity != "PERSON" or o.public or o.end > h.start:
            continue
        if h.start - o.end <= 60 and (not LETTERHEAD.search(text, o.end, h.start) or _own_mail_between(out, o, h)):
            return None
        if row is not None and o.start >= row and "\n" not in text[o.end:h.start]:
            return None
    window = text[max(0, h.start - 150):h.end + 150]
    if LETTERHEAD.search(window) or _functional_mail_near(window, off):
        return "organisation's office address or general number (letterhead)"
    if h.entity == "ADDRESS" and (VENUE.search(text[max(0, h.start - 120):h.start]) or _PLACE_LABEL.search(
            text, max(0, h.start - 80), h.start) or _ACRONYM_BEFORE.search(text, max(0, h.start - 12), h.start)):
        return "an organisation's office or a meeting venue"
    return None


# --- BSN ----------------------------------------------------------------------------

# A number's own label that names another identifier: "Zaaknummer: 249570725",
# "Dossiernummer 318563423", "Uw kenmerk 1234" (a bare "nummer" names nothing).
_ID_LABEL_BEFORE = re.compile(
    r"(?i)(?<![\p{L}])(?:\p{L}{3,}(?:nummer|nr)|kenmerk|referentie|ref|dossier|zaak|factuur|registratie|code|id"
    r"|onder[ ]vermelding[ ]van)\.?[ \t]*[:#]?[ \t]*$"
)


def bsn_reason(text: str, h: Hit) -> Optional[str]:
    if not h.weak or _bsn.wording_near(text, h.start, h.end):
        return None
    header = header_at(text, h.start)
    if header and _bsn.WORDING.search(header):
        return None  # a BSN column
    label = _ID_LABEL_BEFORE.search(header + ":" if header else _label_before(text, h.start, line_above=True)[-40:])
    if label:
        return f"an identifier: its label is \"{label.group().strip(' :#')}\", not a BSN"
    nine = _bsn.chance_level(text)
    if nine.at_chance:
        return (f"an identifier: {nine.passing} of the page's {nine.total} nine-digit numbers pass the "
                f"11-proof, as chance gives, and no BSN wording is near")
    return None


def reason(text: str, h: Hit, out: list[Hit], off) -> Optional[str]:
    """Why a contact-data hit (EMAIL, PHONE, ADDRESS, BSN) may stay readable, or None."""
    if h.entity == "EMAIL":
        local, _, domain = h.text.rpartition("@")
        return email_reason(local, off, domain)
    if h.entity in ("PHONE", "ADDRESS"):
        return contact_reason(text, h, out, off)
    if h.entity == "BSN":
        return bsn_reason(text, h)
    if h.entity == "IBAN":
        return iban_reason(text, h)
    return None


_HOLDER_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:t\.?[ ]?n\.?[ ]?v\.?|ten[ ]name[ ]van)[ \t]+([^\n]{1,80})")
# Kinds of organisation beyond the letterhead's: a holder named so is no person.
ORGANISATION = re.compile(
    r"(?i)(?<![\p{L}])(?:\p{L}*comit[eé]|club|\p{L}*fonds|co[oö]peratie|bond|federatie|hoogheemraadschap|\p{L}*school"
    r"|college|ziekenhuis|academie|bibliotheek|kerk|parochie|omroep|stichting|vereniging)(?![\p{L}])"
)
_LEGAL_FORM = re.compile(r"(?<![\p{L}])(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|GmbH|Ltd|Inc)(?![\p{L}])")


def iban_reason(text: str, h: Hit) -> Optional[str]:
    """An account held by an organisation ("... t.n.v. gemeente Wadderveen", "t.n.v.
    Verbrugge Medical B.V."): no one's personal data."""
    if h.text.replace(" ", "")[4:8].upper() == "BNGH":
        # BNG Bank banks for the public sector only (municipalities, provinces, water
        # boards, housing and care institutions): no private person's account.
        return "a public body's bank account (BNG Bank)"
    m = _HOLDER_AFTER.match(text, h.end)
    holder = re.split(r"[,.;]\s", m.group(1))[0] if m else ""
    if m and (LETTERHEAD.search(holder) or _LEGAL_FORM.search(m.group(1)) or ORGANISATION.search(holder)
              or _ACRONYM.search(holder)):
        return "an organisation's bank account (the holder is named)"
    return None


_ACRONYM = re.compile(r"(?<![\p{L}.])\p{Lu}{2,}(?![\p{L}.])")
