"""Configuration: `[tool.woocheck]` in pyproject.toml or a woocheck.toml, plus CLI flags.

An explicit object passed down the pipeline, never a global.
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Optional

from .model import Severity
from .paths import folder_of, path_from


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # code prefixes; empty = all
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"  # error | warning | info | never
    show_personal_data: bool = False
    decision_date: Optional[date] = None
    public_officials: tuple[str, ...] = ()  # extra allowlist files (YAML)
    grounds_files: tuple[str, ...] = ()  # extra catalogue files (YAML)
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)
    # Document properties `woocheck fix` keeps in the copy (Info keys, lower case); a kept
    # value that holds personal data goes all the same.
    keep_metadata: tuple[str, ...] = ("title",)
    source: Optional[str] = None  # the file the settings came from
    # The decision as published (WOO5xx): the inventory and the letter when named on the
    # command line (else found by name in the scanned folders: decision/discover.py).
    inventory: Optional[str] = None
    decision: Optional[str] = None
    # (folder or None for all, date, where it was read) per decision found before the scan,
    # so that WOO203 judges every document of a decision by the decision's date.
    decision_dates: tuple[tuple[Optional[str], date, str], ...] = ()

    def wants(self, code: str, path: str = "") -> bool:
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        if any(code.startswith(i) for i in self.ignore):
            return False
        for pattern, codes in self.per_path_ignores:
            if any(code.startswith(c) for c in codes) and any(fnmatch.fnmatch(form, pattern) for form in self._forms(path)):
                return False
        return True

    def _forms(self, path: str) -> tuple[str, ...]:
        """What a per-path pattern is tried on: the path as given, its file name, and the
        path counted from the config file's folder, so "bijlagen/*.pdf" still holds when
        CI names the files absolutely or woocheck runs from another folder."""
        forms = (path, Path(path).name)
        if self.source and path:
            forms += (path_from(path, folder_of(self.source)),)
        return forms

    def decision_date_of(self, path: str) -> Optional[tuple[date, str]]:
        """(date, source) of the decision `path` belongs to, if one was found."""
        import os

        here = os.path.abspath(path)
        for folder, when, source in self.decision_dates:
            if folder is None or here.startswith(os.path.abspath(folder).rstrip(os.sep) + os.sep):
                return when, source
        return None

    def fails(self, severity: Severity) -> bool:
        if self.fail_on == "never":
            return False
        return severity.rank >= Severity(self.fail_on).rank

    def as_dict(self) -> dict[str, Any]:
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "fail_on": self.fail_on,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
            "per_path_ignores": {p: list(c) for p, c in self.per_path_ignores},
            "source": self.source,
        }


FAIL_ON = ("error", "warning", "info", "never")


def _is(path: Path, test) -> bool:
    """`test(path)`, False where the path cannot be looked at (a folder this user may not
    enter): the scan then reports that path itself as unreadable."""
    try:
        return test(path)
    except OSError:
        return False


def find_config(start: Path) -> Optional[Path]:
    """The nearest woocheck.toml, or pyproject.toml with a [tool.woocheck] table, upward."""
    start = start.resolve()
    for folder in [start, *start.parents] if _is(start, Path.is_dir) else [start.parent, *start.parent.parents]:
        candidate = folder / "woocheck.toml"
        if _is(candidate, Path.is_file):
            return candidate
        candidate = folder / "pyproject.toml"
        if _is(candidate, Path.is_file):
            try:
                if "woocheck" in tomllib.loads(candidate.read_text("utf-8")).get("tool", {}):
                    return candidate
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
    return None


def _codes(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of codes")
    return tuple(v.strip().upper() for v in value)


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("woocheck", {})
    elif "tool" in data and "woocheck" in data["tool"]:
        data = data["tool"]["woocheck"]
    known = {
        "select", "ignore", "fail-on", "decision-date", "public-officials", "grounds", "per-path-ignores",
        "inventory", "decision", "fix-keep-metadata",
    }
    for key in data:
        if key not in known:
            raise ConfigError(f"{path}: unknown key '{key}' (known: {', '.join(sorted(known))})")
    cfg = Config(source=str(path))
    base = path.parent
    if "select" in data:
        cfg = replace(cfg, select=_codes(data["select"], "select", path))
    if "ignore" in data:
        cfg = replace(cfg, ignore=_codes(data["ignore"], "ignore", path))
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON:
            raise ConfigError(f"{path}: 'fail-on' must be one of {', '.join(FAIL_ON)}")
        cfg = replace(cfg, fail_on=data["fail-on"])
    if "decision-date" in data:
        value = data["decision-date"]
        try:
            cfg = replace(cfg, decision_date=value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            raise ConfigError(f"{path}: 'decision-date' must be a date (YYYY-MM-DD)") from None
    for key, attr in (("public-officials", "public_officials"), ("grounds", "grounds_files")):
        if key in data:
            value = data[key]
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list):
                raise ConfigError(f"{path}: '{key}' must be a path or a list of paths")
            cfg = replace(cfg, **{attr: tuple(str((base / v).resolve()) for v in value)})
    for key in ("inventory", "decision"):  # the decision's own files, counted from this file's folder
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{path}: '{key}' must be a path")
            cfg = replace(cfg, **{key: str((base / data[key]).resolve())})
    if "fix-keep-metadata" in data:
        value = data["fix-keep-metadata"]
        value = [value] if isinstance(value, str) else value
        allowed = ("title", "subject", "keywords", "author", "creator", "producer")
        if not isinstance(value, list) or not all(isinstance(v, str) and v.lower() in allowed for v in value):
            raise ConfigError(f"{path}: 'fix-keep-metadata' must be a list of {', '.join(allowed)}")
        cfg = replace(cfg, keep_metadata=tuple(v.lower() for v in value))
    if "per-path-ignores" in data:
        table = data["per-path-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: 'per-path-ignores' must be a table of glob = [codes]")
        cfg = replace(
            cfg,
            per_path_ignores=tuple((k, _codes(v, f"per-path-ignores.{k}", path)) for k, v in table.items()),
        )
    return cfg
