"""The date that decides whether Wob codes are still allowed.

The Woo applies by the date of the decision, so the decision's date comes first:
`--decision-date` (Config.decision_date), else the date of the decision the document
belongs to (Config.decision_dates, read from its letter or inventory before the scan:
decision/discover.py). Without one, the document's own date: the first date printed
under a "Datum" / "Datum besluit" / "Dagtekening" header, or an e-mail header ("Verzonden",
"Sent", "Date"), near the top of the first page.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..config import Config
from ..model import Document

WOO_START = date(2022, 5, 1)  # Woo in force; ABRvS 18 May 2022, ECLI:NL:RVS:2022:1432

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # English, as Outlook writes e-mail headers ("Sent: Monday, September 28, 2020 10:51 AM")
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}
_WEEKDAY = (
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ma|di|wo|do|vr|za|zo|mon|tue|wed|thu|fri|sat|sun)"
    r"\.?\s*,?\s*)?"
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    rf"{_WEEKDAY}(?P<d1>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?\s+(?P<y1>\d{{4}})"
    rf"|{_WEEKDAY}(?P<mon4>{_MONTH})\.?\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}})"
    r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
)
HEADER = re.compile(
    rf"\b(?:datum(?:\s+besluit|\s+beslissing)?|dagtekening|besluitdatum)\b[\s:*|]*(?:{_DATE})",
    re.IGNORECASE,
)
# The header of the (latest) e-mail of a thread or forward: "Verzonden: maandag 28
# september 2020 10:51", "Sent: Monday, September 28, 2020", "Date: 28-09-2020".
MAIL_HEADER = re.compile(rf"(?:^|\n)\s*(?:verzonden|sent|date|datum)\s*:[\s*|]*(?:{_DATE})", re.IGNORECASE)
# Only the top of the document: a "Datum" in a quoted e-mail three pages on is no date of the document.
TOP_CHARS = 3000


def _to_date(m: re.Match) -> Optional[date]:
    try:
        if m["d1"]:
            return date(int(m["y1"]), MONTHS[m["mon"].lower()], int(m["d1"]))
        if m["d2"]:
            return date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
        if m["d3"]:
            return date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        if m["d4"]:
            return date(int(m["y4"]), MONTHS[m["mon4"].lower()], int(m["d4"]))
    except ValueError:
        return None
    return None


def document_date(doc: Document, config: Config) -> tuple[Optional[date], str]:
    """(date, where it came from), or (None, "") when nothing says."""
    if config.decision_date:
        return config.decision_date, "--decision-date"
    decided = config.decision_date_of(doc.path)
    if decided is not None:
        return decided
    if not doc.pages:
        return None, ""
    top = doc.pages[0].text[:TOP_CHARS]
    for pattern, source in ((HEADER, "'Datum' header on page 1"), (MAIL_HEADER, "e-mail header on page 1")):
        for m in pattern.finditer(top):
            d = _to_date(m)
            if d is not None and 1990 <= d.year <= 2100:
                return d, source
    return None, ""
