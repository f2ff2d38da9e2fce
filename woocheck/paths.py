"""Paths as a repository sees them: counted from a folder, whatever the working folder."""
from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=4096)  # asked per finding, and a batch repeats its paths
def path_from(path: str, folder: str) -> str:
    """`path` relative to `folder`, with forward slashes ("besluit/bijlage.pdf"); the
    real path where there is no relative one (another drive on Windows)."""
    real = os.path.realpath(path)
    try:
        rel = os.path.relpath(real, os.path.realpath(folder))
    except ValueError:
        return real
    return rel.replace(os.sep, "/")


def folder_of(file: str | os.PathLike) -> str:
    """The folder a file lies in, absolute: what a baseline's or a config file's paths
    count from."""
    return os.path.dirname(os.path.abspath(file))
