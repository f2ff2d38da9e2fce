"""WOO107 licence plate left readable

What it checks: Dutch licence plates written in one of the RDW's side codes 1-14 with
dashes (`12-BDF-3`, `XX-99-99`). The default severity is a warning: a plate leads to a
person only through the RDW register, and dashed letter-digit codes also occur as
references. With "kenteken" or a vehicle word nearby the evidence is strong, but the
severity stays a warning.

Why it matters: a plate is personal data when it belongs to a private person's car;
publishing it in a report on an incident or an inspection lets anyone with RDW access
identify the owner.

Example: `kenteken 12-BDF-3` -> WOO107.

Source: Wet open overheid art. 5.1 lid 2 sub e; AP, kentekens zijn persoonsgegevens.
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import finding, leaks

CODE = "WOO107"
SEVERITY = Severity.WARNING
SUMMARY = "licence plate left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("PLATE",)):
        yield finding(CODE, SEVERITY, doc, pd, "licence plate", "5.1.2e")
