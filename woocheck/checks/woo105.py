"""WOO105 IBAN left readable

What it checks: bank account numbers in IBAN form (any country) that pass the mod-97
check, plain or in groups of four.

Why it matters: an account number of a private person or civil servant is personal data;
published, it enables fraud.

Example: `NL91 ABNA 0417 1643 00` -> WOO105.

Source: Wet open overheid art. 5.1 lid 2 sub e.
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import finding, leaks

CODE = "WOO105"
SEVERITY = Severity.ERROR
SUMMARY = "IBAN left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("IBAN",)):
        yield finding(CODE, SEVERITY, doc, pd, "bank account number (IBAN)", "5.1.2e")
