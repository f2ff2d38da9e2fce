"""WOO101 name of a person left readable

What it checks: names of persons that stay readable in the document and are not those
of public office holders. Candidates come from titles, offices and person nouns
("dhr.", "mevrouw", "Beste Karin,", "collega Smeets"), the places Woo documents carry
names (e-mail headers, attendee lists, signature blocks, "Contactpersoon" blocks,
`Naam <adres>` pairs) and Dutch first-name and surname lists; each candidate is weighed
against the evidence that it is no person (an ordinary word by the OpenTaal lexicon, a
company, product, building or eponym named after someone, a lettered part, a job title).
A name stays unreported when the text marks its bearer as a public office holder in any
construction (minister, staatssecretaris, CdK, burgemeester, wethouder, gedeputeerde,
Kamerlid, SG/DG, woordvoerder, a board member of a public body, "(MBZK)", "(SJenV)", a
board member for VNG/IPO/COA/Aedes at an administrative table, a plural role or a board
before a list of names), as a cited author or as who signs for a party, when another
document of the same folder does so, or when rules/public-officials.yaml or a
`public-officials` file from the config lists the name. A listed surname that is also an
ordinary word, where a name is expected ("collega Bakker"), is thin evidence and reported
as a warning. A name that sits in the text layer under a located redaction box is a
failed redaction and left to WOO301-WOO303 (this holds for every WOO1xx check).

Why it matters: names of civil servants who do not act in public for their function,
and of private persons, are protected by the respect for privacy (art. 5.1 lid 2 sub e
Woo). Publishing them is a data leak that the publisher must report to the AP.

Example: `Van: Jansen, Karin <...>` in a forwarded e-mail -> WOO101; `minister mw. M.
Faber (AenM)` -> nothing.

Source: Wet open overheid art. 5.1 lid 2 sub e; ABRvS 31 January 2018,
ECLI:NL:RVS:2018:314 (names of civil servants).
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import finding, leaks

CODE = "WOO101"
SEVERITY = Severity.ERROR
SUMMARY = "name of a person left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("PERSON",)):
        yield finding(CODE, SEVERITY, doc, pd, "name of a person", "5.1.2e", "a surname that is also a word, thin evidence")
