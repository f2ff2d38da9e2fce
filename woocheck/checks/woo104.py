"""WOO104 BSN left readable

What it checks: citizen service numbers (burgerservicenummer): nine digits, also
written with dots or spaces, that pass the 11-proof. A nine-digit number that fails the
11-proof is not a BSN. Without BSN wording nearby ("BSN", "burgerservicenummer") a
number passing the proof is weak evidence (about one in eleven numbers passes by chance)
and reported as a warning.

Why it matters: an identification number may never be published: the ground is
absolute (art. 5.1 lid 1 sub e Woo); 5.1.2e is imprecise for it.

Example: `BSN: 111222333` -> WOO104 (error).

Source: Wet open overheid art. 5.1 lid 1 sub e; Wet algemene bepalingen
burgerservicenummer.
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import finding, leaks

CODE = "WOO104"
SEVERITY = Severity.ERROR
SUMMARY = "BSN left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("BSN",)):
        yield finding(CODE, SEVERITY, doc, pd, "BSN (citizen service number)", "5.1.1e",
                      "passes the 11-proof, no BSN wording nearby")
