"""WOO102 e-mail address left readable

What it checks: e-mail addresses whose local part is readable and personal. Functional
mailboxes (info@, woo@, postbus@, noreply@, secretariaat@, ... listed in
rules/public-officials.yaml) are not personal data; an address whose local part is
already redacted (`[REDACTED]@minjenv.nl`, or the OCR of a grey box such as
`BEEE@minszw.nl`) is not reported. The finding's span and box cover the local part only:
the domain is not personal data and should stay readable.

Why it matters: a personal address (`k.jansen@minbzk.nl`) identifies a civil servant
as surely as the name; it falls under the privacy ground. Redacting the domain as well
is over-redaction (Rb Rotterdam 8 March 2024, ECLI:NL:RBROT:2024:2304).

Example: `Aan: <k.jansen@minbzk.nl>` -> WOO102; `woo@minbzk.nl` -> nothing.

Source: Wet open overheid art. 5.1 lid 2 sub e; ECLI:NL:RBROT:2024:2304.
"""
from __future__ import annotations

from ..model import Severity
from ._pii_common import _local_part_box, finding, leaks

CODE = "WOO102"
SEVERITY = Severity.ERROR
SUMMARY = "e-mail address left readable"


def check(doc, ctx):
    for pd in leaks(ctx, ("EMAIL",)):
        yield finding(CODE, SEVERITY, doc, pd, "personal e-mail address (local part)", "5.1.2e; the domain may stay",
                      span_override=_local_part_box(doc, pd))
