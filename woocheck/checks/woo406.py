"""WOO406 form field value holds personal data

What it checks: the values (and tooltips) of interactive form fields, run through the
personal-data detection. A field whose name says it holds a name ("naam",
"contactpersoon", "behandelaar", "ondertekenaar", ...) counts when its value has the
shape of a person's name, even when the detector does not know the name.

Why it matters: a form's values live in the field, not in the page content. Drawing a
box over a filled-in field hides it on screen, but the value is still in the file, is
shown again when the field gets focus, and is exported by any form tool.

Example: a request form with the field "naam" filled with "Jan de Vries" under a black
box -> WOO406 "a person's name in form field 1 on page 1".

Source: Wet open overheid art. 5.1 lid 2 sub e; ISO 32000-1 section 12.7 (interactive
forms).
"""
from __future__ import annotations

import re

from ..model import Severity
from ._hidden_common import extra, findings_for, hidden_of

CODE = "WOO406"
SEVERITY = Severity.ERROR
SUMMARY = "form field value holds personal data"

_NAME_FIELD = re.compile(
    r"naam|name|contactpersoon|behandel|auteur|author|opsteller|ondertek|signat|aanvrager|melder|verzender|geadresseerde",
    re.IGNORECASE,
)


def _role(item) -> str:
    is_name_field = extra(item, "field") == "value" and _NAME_FIELD.search(str(extra(item, "name", "")))
    return "author" if is_name_field else "text"


def check(doc, ctx):
    yield from findings_for(
        CODE, doc, ctx, hidden_of(doc, "form-field"), lambda item: f"in {item.place}", role=_role, also_on_pages=True
    )
