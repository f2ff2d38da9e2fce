"""The catalogue of grounds: `rules/grounds.yaml` plus the user's own files, validated on load.

The catalogue is data so that a municipality can add a special law from the annex to
art. 8.8 Woo ("AWR art. 67") without touching code.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..yamlfile import read_yaml

LAWS = ("woo", "wob", "special", "marker")
KINDS = ("absolute", "relative", "temporary", "residual", "opinion", "special", "marker")
REQUIRED = ("code", "law", "article", "nl", "en", "kind", "source")
OPTIONAL = ("typical", "successor", "aliases", "note")


class RulesError(Exception):
    """A catalogue file is missing, unreadable or has an entry that does not validate."""


@dataclass(frozen=True)
class Entry:
    code: str
    law: str
    article: str
    nl: str
    en: str
    kind: str
    source: str
    typical: str = ""
    successor: Optional[str] = None
    aliases: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""  # the file the entry came from


def rules_dir() -> Path:
    """`rules/` next to the package, or WOOCHECK_RULES when set."""
    env = os.environ.get("WOOCHECK_RULES")
    if env:
        return Path(env)
    import woocheck

    return Path(woocheck.__file__).resolve().parent.parent / "rules"


def _entry(raw: object, n: int, label: str) -> Entry:
    if not isinstance(raw, dict):
        raise RulesError(f"{label}: entry {n}: must be a mapping of keys, not {type(raw).__name__}")
    code = str(raw.get("code", "?"))
    where = f"{label}: entry {n} ({code})"
    for key in REQUIRED:
        if key not in raw or raw[key] is None:
            raise RulesError(f"{where}: missing key '{key}'")
    for key in raw:
        if key not in REQUIRED and key not in OPTIONAL:
            raise RulesError(f"{where}: unknown key '{key}' (known: {', '.join(REQUIRED + OPTIONAL)})")
    law = str(raw["law"])
    if law not in LAWS:
        raise RulesError(f"{where}: key 'law' must be one of {', '.join(LAWS)}, not {law!r}")
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise RulesError(f"{where}: key 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    if law == "wob" and not raw.get("successor"):
        raise RulesError(f"{where}: missing key 'successor' (a Wob entry names its Woo successor)")
    aliases = raw.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, (str, int, float)) for a in aliases):
        raise RulesError(f"{where}: key 'aliases' must be a list of strings")
    if law == "special" and not aliases:
        raise RulesError(f"{where}: missing key 'aliases' (how the special law is written on a box)")
    return Entry(
        code=code.strip(),
        law=law,
        article=str(raw["article"]),
        nl=str(raw["nl"]),
        en=str(raw["en"]),
        kind=kind,
        source=str(raw["source"]),
        typical=str(raw.get("typical") or ""),
        successor=str(raw["successor"]) if raw.get("successor") else None,
        aliases=tuple(str(a) for a in aliases),
        note=str(raw.get("note") or ""),
        origin=label,
    )


def read_file(path: Path, label: Optional[str] = None) -> list[Entry]:
    label = label or str(path)
    try:
        data = read_yaml(path)
    except OSError as exc:
        raise RulesError(f"{label}: cannot be read ({exc.strerror})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RulesError(f"{label}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or "grounds" not in data:
        raise RulesError(f"{label}: missing key 'grounds' (a list of entries)")
    if not isinstance(data["grounds"], list):
        raise RulesError(f"{label}: key 'grounds' must be a list of entries")
    return [_entry(raw, n, label) for n, raw in enumerate(data["grounds"], start=1)]


class Catalogue:
    """Entries by code, plus the literal aliases of markers and special laws."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries: dict[str, Entry] = {}
        for e in entries:  # a user file may redefine a built-in entry: last one wins
            self.entries[e.code] = e
        for e in self.entries.values():
            if e.successor and e.successor not in self.entries:
                raise RulesError(f"{e.origin}: entry ({e.code}): successor {e.successor!r} is not in the catalogue")

    def get(self, code: str) -> Optional[Entry]:
        return self.entries.get(code)

    def __contains__(self, code: str) -> bool:
        return code in self.entries

    def __iter__(self):
        return iter(self.entries.values())

    def aliases(self) -> list[tuple[str, str]]:
        """(alias, code), longest alias first so "buiten het verzoek" beats "BR"."""
        pairs = [(a, e.code) for e in self.entries.values() for a in e.aliases]
        return sorted(pairs, key=lambda p: -len(p[0]))


def _label_for(path: Path) -> str:
    base = rules_dir()
    try:
        return f"rules/{path.resolve().relative_to(base.resolve())}"
    except ValueError:
        return str(path)


@lru_cache(maxsize=16)
def _load(files: tuple[tuple[str, float], ...]) -> Catalogue:
    entries: list[Entry] = []
    for name, _mtime in files:
        p = Path(name)
        entries.extend(read_file(p, _label_for(p)))
    return Catalogue(entries)


def load(extra_files: Iterable[str] = ()) -> Catalogue:
    """The built-in catalogue (every rules/grounds*.yaml) followed by the user's files."""
    base = rules_dir()
    files = sorted(base.glob("grounds*.yaml"))
    if not files:
        raise RulesError(f"{base}/grounds.yaml: not found (set WOOCHECK_RULES to the rules folder)")
    paths = [*files, *(Path(f) for f in extra_files)]
    keyed = []
    for p in paths:
        try:
            keyed.append((str(p), p.stat().st_mtime))
        except OSError as exc:
            raise RulesError(f"{p}: cannot be read ({exc.strerror})") from None
    return _load(tuple(keyed))
