"""WOO103 phone number left readable

What it checks: Dutch phone numbers (landline, mobile 06, +31 and 0031 forms) that
phonenumbers accepts as valid and that are not an organisation's general number in a
letterhead. Service numbers (0800, 0900) are not reported.

Why it matters: a direct or mobile number reaches one person; it is personal data
protected by the privacy ground.

Example: `M 06-12345678` under a signature -> WOO103.

Source: Wet open overheid art. 5.1 lid 2 sub e.
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import finding, leaks

CODE = "WOO103"
SEVERITY = Severity.ERROR
SUMMARY = "phone number left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("PHONE",)):
        yield finding(CODE, SEVERITY, doc, pd, "phone number", "5.1.2e")
