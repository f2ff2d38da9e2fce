"""The decision as a whole: inventory list, decision letter and documents (WOO5xx).

Before the scan, `prepare` finds the decisions among the scanned paths (discover.py) and
puts their dates into the config, so WOO203 judges each document by its decision's date.
After the scan, `apply` builds a view of every decision (its documents matched to the
inventory rows), runs the WOO5xx checks on it (each module's `check_batch`), attaches
their findings to the files they are about, and makes the per-document table of the
reports. The inventory and the letter get an entry of their own when a finding is about
them or they cannot be read (an xlsx is never scanned as a document).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from ..config import Config
from ..model import DocumentRow, FileResult, Finding
from .discover import Decision, decision_of, discover
from .facts import DocFacts
from .inventory import Row
from .match import Matcher


@dataclass
class DocView:
    """One scanned document of a decision, with its inventory row if it has one."""

    result: FileResult
    row: Optional[Row]

    @property
    def facts(self) -> Optional[DocFacts]:
        return self.result.facts

    @property
    def path(self) -> str:
        return self.result.path


@dataclass
class DecisionView:
    decision: Decision
    documents: list[DocView] = field(default_factory=list)
    rows_without_file: list[Row] = field(default_factory=list)

    @property
    def inventory(self):
        return self.decision.inventory

    @property
    def letter(self):
        return self.decision.letter


@dataclass
class Batch:
    """What a `check_batch` sees: every decision, and every scanned file (for WOO507)."""

    decisions: list[DecisionView]
    results: list[FileResult]
    config: Config


def wanted(config: Config, path: str = "") -> bool:
    """Whether an after-batch check (WOO5xx) is asked for (for `path`, or at all)."""
    from ..checks.family_woo5xx import MODULES

    return any(config.wants(m.upper(), path) for m in MODULES)


def prepare(paths: list[str], config: Config) -> tuple[Config, list[Decision]]:
    """The decisions among `paths`, and the config that carries their dates to the workers."""
    if not wanted(config) and not config.wants("WOO203"):
        return config, []
    from ..grounds import load_catalogue

    decisions = discover(paths, config, load_catalogue(config))
    dates = tuple((d.folder, d.date, d.date_source) for d in decisions if d.date and d.date_source != "--decision-date")
    return replace(config, decision_dates=dates), decisions


def _views(results: list[FileResult], decisions: list[Decision]) -> list[DecisionView]:
    views = {id(d): DecisionView(d) for d in decisions}
    matchers = {id(d): Matcher(d.inventory) for d in decisions if d.inventory}
    for r in results:
        d = decision_of(r.path, decisions)
        if d is None or d.is_own_file(r.path):
            continue
        row = matchers[id(d)].row_for(r.path) if id(d) in matchers else None
        views[id(d)].documents.append(DocView(r, row))
    for view in views.values():
        if view.inventory:
            matched = {id(doc.row) for doc in view.documents if doc.row is not None}
            view.rows_without_file = [row for row in view.inventory.rows if id(row) not in matched]
    return list(views.values())


BATCH_ENTRY = "(batch)"


def _rules():
    from ..checks import all_rules

    return [r for r in all_rules() if r.check_batch is not None]


def apply(results: list[FileResult], decisions: list[Decision], config: Config) -> tuple[list[FileResult], tuple[DocumentRow, ...]]:
    """The results with the WOO5xx findings added, and the per-document table."""
    from ..errors import one_line

    views = _views(results, decisions)
    batch = Batch(views, results, config)
    extra: dict[str, list[Finding]] = {}
    failed: dict[str, list[str]] = {}
    for rule in _rules():
        if not config.wants(rule.code):
            continue
        try:
            for f in rule.check_batch(batch):
                if config.wants(f.code, f.path):
                    extra.setdefault(f.path, []).append(f)
        except Exception as exc:  # one broken check must not hide the others
            # A check of the batch as a whole is about no one file: an entry of its own
            # makes the exit code 2 and says which check did not finish.
            failed.setdefault(BATCH_ENTRY, []).append(f"{rule.code} ({one_line(exc)})")
    out = list(results)
    known = {r.path: i for i, r in enumerate(out)}
    for d in decisions:  # the inventory and the letter, when they are no scanned file
        for path, error in ((d.inventory_path, d.inventory_error), (d.letter_path, d.letter_error)):
            if path is None:
                continue
            if path not in known:
                known[path] = len(out)
                out.append(FileResult(path=path, pages=0, error=error))
            elif error and not out[known[path]].error:
                out[known[path]] = replace(out[known[path]], error=error)
    for path in set(extra) | set(failed):
        if path not in known:
            known[path] = len(out)
            out.append(FileResult(path=path, pages=0, error=None))
        r = out[known[path]]
        error = r.error
        if path in failed:
            note = f"internal error in {', '.join(failed[path])}"
            error = f"{error}; {note}" if error else f"not fully checked: {note}"
        out[known[path]] = replace(r, findings=r.findings + tuple(extra.get(path, ())), error=error)
    return out, _table(views, out)


STATUS = {
    "WOO501": "grounds differ", "WOO502": "verdict and redactions differ", "WOO503": "must not be published",
    "WOO504": "not in inventory", "WOO507": "readable where a copy is redacted",
}


def _table(views: list[DecisionView], results: list[FileResult]) -> tuple[DocumentRow, ...]:
    by_path = {r.path: r for r in results}
    rows: list[DocumentRow] = []
    for view in views:
        if not view.inventory and not view.letter:
            continue
        for doc in view.documents:
            r = by_path.get(doc.path, doc.result)
            codes = sorted({f.code for f in r.findings if f.code in STATUS})
            status = "; ".join(STATUS[c] for c in codes) or ("unreadable" if r.error and not r.pages else "ok")
            rows.append(DocumentRow(
                path=doc.path,
                document=doc.row.number if doc.row else Path(doc.path).stem,
                inventory_verdict=doc.row.verdict if doc.row else None,
                grounds_listed=tuple(doc.row.grounds) if doc.row else (),
                grounds_found=tuple(doc.facts.grounds_found) if doc.facts else (),
                status=status,
            ))
        from .verdict import needs_file

        for row in view.rows_without_file:
            rows.append(DocumentRow(
                path=None, document=row.number, inventory_verdict=row.verdict, grounds_listed=tuple(row.grounds),
                grounds_found=(), status="file missing" if needs_file(row.verdict) else "no file (none needed)",
            ))
    return tuple(rows)
