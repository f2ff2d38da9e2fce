"""The pinned JSON report: tool, files[], redactions[], findings[], documents[] (added with WOO5xx)."""
from __future__ import annotations

from typing import Any

from ..masking import mask
from ..model import Report
from ._jsontext import dumps


def _bbox(b):
    return [round(v, 2) for v in b] if b else None


def documents(report: Report) -> list[dict[str, Any]]:
    """The per-document table of the decisions scanned (WOO5xx), for every format."""
    return [
        {
            "document": d.document,
            "path": d.path,
            "inventory_verdict": d.inventory_verdict,
            "grounds_listed": list(d.grounds_listed),
            "grounds_found": list(d.grounds_found),
            "status": d.status,
        }
        for d in report.documents
    ]


def report_dict(report: Report, show_personal_data: bool = False) -> dict[str, Any]:
    return {
        "tool": {"name": "woocheck", "version": report.version},
        "files": [{"path": f.path, "pages": f.pages, "error": f.error} for f in report.files],
        "redactions": [
            {
                "path": r.path,
                "page": r.page,
                "bbox": _bbox(r.bbox),
                "kind": r.kind,
                "ground": r.ground,
                "grounds": [g.code for g in r.grounds],
                "label": r.label,
            }
            for r in report.redactions
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "path": f.path,
                "page": f.page,
                "bbox": _bbox(f.bbox),
                "text": f.text if show_personal_data else mask(f.text, f.kind),
                "source": f.source,
                **({"line": f.line} if f.line is not None else {}),
            }
            for f in report.findings
        ],
        "documents": documents(report),
    }


def render_json(report: Report, show_personal_data: bool = False) -> str:
    """The report dict as JSON, each file, redaction and finding on a line of its own."""
    return dumps(report_dict(report, show_personal_data), depth=2)
