"""Regex scans skipped on texts that lack a character every match holds give the same
matches as the full scan (text markers; e-mail addresses with a redacted local part)."""
from __future__ import annotations

import random

import regex

from woocheck.locate.markers import MARKER, _markers_in
from woocheck.pii.recognizers import email

PIECES = list("ab Xx_*[]@.-,\n█■▓") + [
    "[REDACTED]", "[5.1.2e]", "[naam]", "XXXX", "xxxx", "XxX", "____", "***", "██", "▓▓",
    "@minjenv.nl", "@x.nl", "10.2 lid 1 sub e",
]


def _texts(seed: int, n: int = 20_000):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 24)))


def test_markers_prefilter_keeps_every_match():
    for text in _texts(1):
        assert [m.span() for m in _markers_in(text)] == [m.span() for m in MARKER.finditer(text)], text


def test_redacted_email_prefilter_keeps_every_match():
    plain = regex.compile(rf"{email._REDACTED}@{email._DOMAIN}", email._FLAGS)
    for text in _texts(2):
        assert [m.span() for m in email._if_marked(plain, text)] == [m.span() for m in plain.finditer(text)], text
