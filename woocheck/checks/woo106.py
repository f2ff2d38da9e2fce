"""WOO106 private address or date of birth left readable

What it checks: a street with house number next to a Dutch postcode (a private address)
and a date that the text calls a date of birth ("geboren", "geboortedatum", "geb.").
An organisation's office address in a letterhead (with a Postbus, "Bezoekadres" or a
web address nearby) is not reported. Dates of birth are reported here rather than
under a code of their own: like a home address they pin down a private person, and they
fall under the same ground.

Why it matters: a home address or date of birth identifies and locates a person; both
are personal data under the privacy ground.

Example: `woonachtig Kerkstraat 12, 1234 AB Utrecht` -> WOO106; `geboren op 12-03-1980`
-> WOO106.

Source: Wet open overheid art. 5.1 lid 2 sub e.
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import finding, leaks

CODE = "WOO106"
SEVERITY = Severity.ERROR
SUMMARY = "private address or date of birth left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("ADDRESS", "BIRTHDATE")):
        what = "date of birth" if pd.entity == "BIRTHDATE" else "private address"
        yield finding(CODE, SEVERITY, doc, pd, what, "5.1.2e")
