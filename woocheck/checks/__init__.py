"""The check registry: an explicit list, one module per code.

Each check module defines CODE, SEVERITY (default), SUMMARY (one line) and a function
`check(doc, ctx) -> Iterable[Finding]` (or, for the checks of a decision as a whole,
`check_batch(batch)`, run once after every file is scanned); its docstring is the rule's documentation
(What it checks / Why it matters / Example / Source). The families keep their own lists
so that work on one family never touches another's file.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Iterable, Optional

from ..model import Severity

# One list per family (checks/family_woo1xx.py, ...), so work on one family never
# touches another's file. Module names, in report order.
FAMILIES = ("family_woo1xx", "family_woo2xx", "family_woo3xx", "family_woo4xx", "family_woo5xx")


def _modules() -> list[str]:
    return [name for fam in FAMILIES for name in importlib.import_module(f"{__name__}.{fam}").MODULES]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    doc: str
    check: Callable[..., Iterable]
    module: ModuleType
    # After the whole batch (WOO5xx): `check_batch(batch) -> Iterable[Finding]`, given the
    # decisions and every file's result (decision.Batch). None for per-document checks.
    check_batch: Optional[Callable[..., Iterable]] = None


def _load(name: str) -> Rule:
    mod = importlib.import_module(f"{__name__}.{name}")
    return Rule(
        code=mod.CODE,
        severity=mod.SEVERITY,
        summary=mod.SUMMARY,
        doc=(mod.__doc__ or "").strip(),
        check=getattr(mod, "check", None) or (lambda doc, ctx: ()),
        module=mod,
        check_batch=getattr(mod, "check_batch", None),
    )


def all_rules() -> list[Rule]:
    return [_load(name) for name in _modules()]


def rule(code: str) -> Rule | None:
    code = code.upper()
    return next((r for r in all_rules() if r.code == code), None)
