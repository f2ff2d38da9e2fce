"""WOO404 file attached to the PDF

What it checks: files embedded in the PDF (the document's attachment list) and file
attachment annotations on a page (the paper-clip icon). Every attachment is an error,
whatever it holds: its name and size are in the message so a reviewer can find it in
Acrobat's attachment panel.

The file name itself may be personal ("CV Jan de Vries.docx"): it is run through the
personal-data detection first. A name without personal data is shown as is (kind
"FILE"); a name with personal data is reported with that entity as kind, so the report
masks it like any other personal data.

Why it matters: an e-mail exported to PDF often carries its attachments, and an attached
.msg holds the whole thread with every name, address and signature unredacted. A
redaction tool works on the pages and leaves attachments alone.

Example: a redacted e-mail with "overleg.msg" (48 KB) embedded -> WOO404 "embedded file
1 of 1 (48 KB) is attached to the PDF".

Source: Wet open overheid art. 5.1 lid 2 sub e; ISO 32000-1 sections 7.11.4 (embedded
file streams) and 12.5.6.15 (file attachment annotations).
"""
from __future__ import annotations

from ..model import Finding, Severity
from ._hidden_common import extra, hidden_of, personal_hits, readable_name

CODE = "WOO404"
SEVERITY = Severity.ERROR
SUMMARY = "file attached to the PDF"


def _size(n) -> str:
    if not isinstance(n, int) or n < 0:
        return "size unknown"
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def check(doc, ctx):
    for item in hidden_of(doc, "attachment"):
        name = item.text
        hits = personal_hits(readable_name(name), ctx) if name else []
        personal = " (its name holds personal data)" if hits else ""
        yield Finding(
            code=CODE,
            severity=SEVERITY,
            message=(
                f"{item.place} ({_size(extra(item, 'size'))}) is attached to the PDF{personal}; "
                "attachments must not be published with the decision"
            ),
            path=doc.path,
            page=item.page,
            bbox=extra(item, "bbox"),
            text=name,
            kind=hits[0].entity if hits else "FILE",
        )
