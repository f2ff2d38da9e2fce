"""Rules files (grounds catalogue, public officials) are YAML, read here."""
from __future__ import annotations

from pathlib import Path

import yaml

# The C loader when PyYAML has it: the pure-Python one costs 30-100 ms a file at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: "str | Path") -> object:
    """The file's YAML, safely loaded; raises OSError, UnicodeDecodeError or yaml.YAMLError."""
    return yaml.load(Path(path).read_text("utf-8"), Loader=_LOADER)
