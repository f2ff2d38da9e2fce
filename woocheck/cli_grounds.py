"""`woocheck grounds` and `woocheck explain`: the grounds catalogue on the command line."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

EXIT_ERROR = 2


def _catalogue(config_path: Optional[Path], extra: Optional[List[Path]]):
    """The catalogue with the user's files: from --config / the nearest config, plus --grounds."""
    from .config import ConfigError, find_config, load_config
    from .grounds.catalogue import RulesError, load

    try:
        source = config_path or find_config(Path.cwd())
        files = list(load_config(source).grounds_files) if source else []
        files += [str(p) for p in extra or []]
        return load(files)
    except (ConfigError, RulesError) as exc:
        print(f"woocheck: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR)


def _grounds(
    config: Optional[Path] = typer.Option(None, "--config", help="woocheck.toml or pyproject.toml to read `grounds` from."),
    grounds_file: Optional[List[Path]] = typer.Option(None, "--grounds", help="Extra catalogue file (YAML)."),
    law: Optional[str] = typer.Option(None, "--law", help="Only woo, wob, special or marker."),
) -> None:
    """List the grounds woocheck knows (rules/grounds.yaml plus your own files)."""
    from rich.console import Console
    from rich.table import Table

    cat = _catalogue(config, grounds_file)
    console = Console()
    wide = console.width >= 140  # the English column only where it fits without folding
    table = Table(title="Woo grounds (woocheck explain CODE for one)", show_lines=False)
    cols = ["code", "law", "article", "kind", "belang (NL)"] + (["interest (EN)"] if wide else []) + ["Woo successor"]
    for col in cols:
        table.add_column(col, overflow="fold", no_wrap=col == "code")
    for e in cat:
        if law and e.law != law:
            continue
        row = [e.code, e.law, e.article, e.kind, e.nl] + ([e.en] if wide else []) + [e.successor or ""]
        table.add_row(*row)
    console.print(table)


def _explain(
    label: str = typer.Argument(..., help='A ground in any notation, e.g. 5.1.2e or "art. 5.1 lid 2 sub e".'),
    config: Optional[Path] = typer.Option(None, "--config", help="woocheck.toml or pyproject.toml to read `grounds` from."),
    grounds_file: Optional[List[Path]] = typer.Option(None, "--grounds", help="Extra catalogue file (YAML)."),
) -> None:
    """Explain one ground: article, interest, kind, source; Wob codes name their Woo successor."""
    from .grounds.parse import explain_invalid, parse

    cat = _catalogue(config, grounds_file)
    found = parse(label, cat)
    if not found:
        print(f"woocheck: {label!r} is not a ground notation woocheck can read", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR)
    for n, g in enumerate(found):
        if n:
            print()
        if not g.valid:
            print(f"woocheck: {g.code} is not a ground: {explain_invalid(g.code)}", file=sys.stderr)
            raise typer.Exit(EXIT_ERROR)
        e = cat.get(g.code)
        assert e is not None
        law = {"woo": "Woo", "wob": "Wob", "special": "special law", "marker": "marker"}[e.law]
        print(f"{e.code}  ({law} art. {e.article})" if e.article.strip("- ") else f"{e.code}  ({law})")
        if g.repaired:
            print(f"  read from {g.raw!r}: repaired (OCR damage) to {e.code}")
        elif g.raw.strip() != e.code:
            print(f"  read from {g.raw!r}")
        print(f"  belang:   {e.nl}")
        print(f"  interest: {e.en}")
        print(f"  kind:     {e.kind}")
        if e.typical:
            print(f"  typical:  {e.typical}")
        if e.note:
            print(f"  note:     {e.note}")
        if e.law == "wob":
            print(f"  Wob code: for decisions from 2022-05-01 use the Woo successor {e.successor}")
        if e.law == "marker":
            print("  not a refusal ground: a marker of why text is absent")
        print(f"  source:   {e.source}")


def register(app: typer.Typer) -> None:
    """Add `grounds` and `explain` to the app (once, however often it is called)."""
    names = {c.name for c in app.registered_commands}
    if "grounds" not in names:
        app.command("grounds")(_grounds)
    if "explain" not in names:
        app.command("explain")(_explain)
