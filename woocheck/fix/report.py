"""`--redact REPORT.json`: the findings a reviewer kept in a woocheck JSON report, burnt in.

Each finding with a page and a bbox becomes a black box with the suggested ground printed
in it: the ground the finding's message names (the WOO1xx messages say "5.1.2e", a BSN
"5.1.1e"), else 5.1.1e for WOO104 and 5.1.2e for the rest. Findings of hidden content
(WOO4xx) are not boxes on the page; the sanitising steps remove what they point at.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..suggest import ground_in_message
from .boxes import Target

# Codes whose bbox marks text on the page that a box can cover.
_ON_PAGE = ("WOO1", "WOO3")


class ReportError(Exception):
    pass


def load(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot read report ({exc.strerror})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: not a woocheck JSON report ({exc})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        raise ReportError(f"{path}: not a woocheck JSON report (no findings[] list)")
    return findings


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def for_file(findings: list[dict], path: str, inputs: list[str]) -> list[dict]:
    """The report's findings for input `path`: the same file, or, when the report names a
    file no input is (it was made elsewhere), the same file name if only one input has it."""
    mine = [f for f in findings if isinstance(f.get("path"), str) and _same(f["path"], path)]
    name = Path(path).name
    if sum(Path(p).name == name for p in inputs) == 1:
        mine += [
            f for f in findings
            if isinstance(f.get("path"), str) and Path(f["path"]).name == name
            and not any(_same(f["path"], p) for p in inputs) and f not in mine
        ]
    return mine


def ground_of(f: dict) -> str:
    """The ground the finding's message names (suggest.py reads it for every output),
    else the privacy ground for its kind."""
    return ground_in_message(str(f.get("message", ""))) or ("5.1.1e" if f.get("code") == "WOO104" else "5.1.2e")


def targets(findings: list[dict], page_count: int) -> tuple[list[Target], list[str]]:
    """Boxes for the findings that mark text on a page; a line for each one left alone."""
    out: list[Target] = []
    skipped: list[str] = []
    for f in findings:
        code, page, bbox = str(f.get("code", "")), f.get("page"), f.get("bbox")
        if not code.startswith(_ON_PAGE):
            skipped.append(f"{code}: not text on a page; hidden content is removed by sanitising")
            continue
        if not (isinstance(page, int) and 1 <= page <= page_count) or not (
            isinstance(bbox, list) and len(bbox) == 4 and all(isinstance(v, (int, float)) for v in bbox)
        ):
            skipped.append(f"{code}: no page and bbox in the report, cannot be placed")
            continue
        x0, y0, x1, y1 = bbox
        if x1 <= x0 or y1 <= y0:
            skipped.append(f"{code}: empty bbox, cannot be placed")
            continue
        out.append(Target(page, (float(x0), float(y0), float(x1), float(y1)), (0.0, 0.0, 0.0), ground_of(f), "redact"))
    return out, skipped
