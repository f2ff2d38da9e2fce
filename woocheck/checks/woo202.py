"""WOO202 ground that does not exist.

What it checks: every ground read from a redaction's label must exist in the catalogue
(rules/grounds.yaml plus the files named by the config key `grounds`). Codes such as
`5.1.2j`, `5.1.3`, `5.1.7`, `5.3`, `5.5`, "artikel 5.1 lid 1 sub i" (lid 1 runs a-e only)
or a code whose letter is missing ("5.1 lid 2") are reported. An OCR-damaged label that
can stand for exactly one real code ("51.2e", "512¢") is read as that code, not reported.

Why it matters: a redaction motivated by a ground the law does not contain is not
motivated at all; an objection or appeal will succeed on it, and it shows the decision
was not checked before publication.

Example: `[REDACTED] (5.1.2j)` -> WOO202 "ground 5.1.2j does not exist (art. 5.1 lid 2
runs a-i only)".

Source: Wet open overheid art. 5.1, 5.2, 5.4, 5.4a; annex to art. 8.8 Woo for special laws.
"""

from __future__ import annotations

from ..grounds.parse import explain_invalid
from ._at_redaction import at_redaction
from ..model import Severity

CODE = "WOO202"
SEVERITY = Severity.ERROR
SUMMARY = "ground that does not exist"


def check(doc, ctx):
    for r in ctx.redactions:
        for g in r.grounds:
            if g.valid or g.via_legend:  # unresolved letters are WOO204's
                continue
            yield at_redaction(
                r, CODE, SEVERITY, f"ground {g.code} does not exist ({explain_invalid(g.code)})", text=g.raw
            )
