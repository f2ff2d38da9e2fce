"""SARIF 2.1.0 for code-scanning dashboards.

SARIF has no page field: page and bbox go into each result's `properties`. Text files
also get `region.startLine`. A file that could not be read becomes a tool execution
notification and makes `executionSuccessful` false.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..checks import all_rules
from ..fingerprint import fingerprint
from ..masking import mask
from ..model import Report
from ._jsontext import dumps
from .json import documents

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


# A batch has thousands of findings over a few files: one Path parse per file, not per finding.
@lru_cache(maxsize=4096)
def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def sarif_dict(report: Report, show_personal_data: bool = False) -> dict:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        region = {"startLine": f.line} if f.line else None
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}
        if region:
            location["physicalLocation"]["region"] = region
        text = f.text if show_personal_data else mask(f.text, f.kind)
        result = {
            "ruleId": f.code,
            "level": LEVEL[f.severity.value],
            "message": {"text": f.message + (f": {text}" if text else "")},
            "locations": [location],
            "partialFingerprints": {"woocheck/v1": fingerprint(f)},
            "properties": {"page": f.page, "bbox": [round(v, 2) for v in f.bbox] if f.bbox else None, "severity": f.severity.value,
                           "source": f.source},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{f.path}: {f.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}],
        }
        for f in report.files
        if f.error
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "woocheck",
                        "version": report.version,
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.summary.replace(" ", "-"),
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc.split("\n\n")[1] if "\n\n" in r.doc else r.summary},
                                "help": {"text": r.doc, "markdown": r.doc},
                                "defaultConfiguration": {"level": LEVEL[r.severity.value]},
                            }
                            for r in rules
                        ],
                    }
                },
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "results": results,
                # The per-document table of the decisions scanned (WOO5xx): SARIF has no
                # place for it, so it goes into the run's property bag.
                "properties": {"documents": documents(report)},
            }
        ],
    }


def render_sarif(report: Report, show_personal_data: bool = False) -> str:
    """SARIF JSON down to each run's lists, each result (and the rules) on a line of its own."""
    return dumps(sarif_dict(report, show_personal_data), depth=4)
