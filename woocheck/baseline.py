"""Baselines: accepted findings recorded by fingerprint, so CI fails only on new ones.

The file holds no personal data in clear and no coordinates (see fingerprint.py), plus
the configuration it was made with, so a reviewer can tell what was accepted and how.
Paths count from the baseline's own folder, so the baseline that a reviewer wrote at the
root of a disclosure repository still holds when CI names the files absolutely or a
colleague runs woocheck from a subfolder.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from . import __version__
from .config import Config
from .fingerprint import fingerprint
from .model import Report
from .paths import folder_of, path_from

FORMAT = 1


class BaselineError(Exception):
    pass


def write_baseline(report: Report, config: Config, path: Path) -> int:
    root = folder_of(path)
    entries = sorted(
        (
            {"path": path_from(f.path, root), "code": f.code, "fingerprint": fingerprint(f, root)}
            for f in report.findings
        ),
        key=lambda e: (e["path"], e["code"], e["fingerprint"]),
    )
    data = {"woocheck-baseline": FORMAT, "version": __version__, "config": config.as_dict(), "findings": entries}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def load_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("woocheck-baseline") != FORMAT:
            raise BaselineError(f"{path}: not a woocheck baseline (format {FORMAT})")
        return Counter(e["fingerprint"] for e in data["findings"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline ({type(exc).__name__})") from None


def apply_baseline(report: Report, accepted: Counter, path: Path) -> tuple[Report, int]:
    """Drop findings the baseline at `path` accepts (each accepted fingerprint once per entry).

    A finding matches by its path relative to the baseline's folder or, for baselines
    written before paths counted from there, by its path exactly as given on this run."""
    root = folder_of(path)
    left = Counter(accepted)
    suppressed = 0
    files = []
    for f in report.files:
        kept = []
        for x in f.findings:
            fp = fingerprint(x, root)
            if left[fp] <= 0:
                fp = fingerprint(x)  # a baseline written before paths counted from its folder
            if left[fp] > 0:
                left[fp] -= 1
                suppressed += 1
            else:
                kept.append(x)
        files.append(replace(f, findings=tuple(kept)))
    return replace(report, files=tuple(files)), suppressed
