"""`woocheck grounds` and `woocheck explain`: the grounds catalogue on the command line."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
