"""Command line: `woocheck scan`, `fix`, `rules`, `rule`, `grounds`, `explain`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error or
an input that could not be read (the rest of the batch is still scanned and reported).
`fix`: 0 every repair held, 1 the re-scan still finds what it should have removed, 2 a
file it could not repair.
"""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .batch import DEFAULT_OCR_PAGE_TIMEOUT, DEFAULT_TIMEOUT, collector_paused
from .config import FAIL_ON, Config, ConfigError, find_config, load_config

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # main() turns a bug into one line, never a traceback
    help="Check documents before publication under the Woo.",
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Executor(str, Enum):
    local = "local"
    dask = "dask"


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    html = "html"


def _err(msg: str) -> None:
    print(f"woocheck: {msg}", file=sys.stderr)


def _note_missing_lexicon(cfg) -> None:
    """Say once when names were weighed without the word lists (more false names)."""
    if not cfg.wants("WOO101"):
        return
    from .pii import lexicon

    note = lexicon.missing_note()
    if note:
        _err(f"note: {note}")


def _split_codes(values: Optional[List[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return tuple(out)


def _version(value: bool) -> None:
    if value:
        print(f"woocheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    pass


def build_config(
    paths: list[str],
    config_path: Optional[Path],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: Optional[str],
    show_personal_data: bool,
    decision_date: Optional[str],
    inventory: Optional[Path] = None,
    decision: Optional[Path] = None,
) -> Config:
    source = config_path or find_config(Path(paths[0]) if paths else Path.cwd())
    cfg = load_config(source) if source else Config()
    if select:
        cfg = replace(cfg, select=select)
    if ignore:
        cfg = replace(cfg, ignore=cfg.ignore + ignore)
    if fail_on:
        if fail_on not in FAIL_ON:
            raise ConfigError(f"--fail-on must be one of {', '.join(FAIL_ON)}")
        cfg = replace(cfg, fail_on=fail_on)
    if decision_date:
        try:
            cfg = replace(cfg, decision_date=date.fromisoformat(decision_date))
        except ValueError:
            raise ConfigError(f"--decision-date must be YYYY-MM-DD, not {decision_date!r}") from None
    if inventory:
        cfg = replace(cfg, inventory=str(inventory))
    if decision:
        cfg = replace(cfg, decision=str(decision))
    return replace(cfg, show_personal_data=show_personal_data)


@app.command()
def scan(
    paths: List[str] = typer.Argument(..., help="Files or folders (PDF, .txt, .md)."),
    format: Format = typer.Option(Format.terminal, "--format", "-f", help="terminal, json, sarif or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error (default), warning, info or never."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these codes or prefixes (WOO1, WOO301)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these codes or prefixes."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="woocheck.toml or pyproject.toml to use."),
    show_personal_data: bool = typer.Option(False, "--show-personal-data", help="Show found personal data in full."),
    decision_date: Optional[str] = typer.Option(None, "--decision-date", help="Date of the decision (YYYY-MM-DD)."),
    inventory: Optional[Path] = typer.Option(
        None, "--inventory", help="The inventory list (xlsx, csv, pdf) of the decision; else found by name."
    ),
    decision: Optional[Path] = typer.Option(
        None, "--decision", help="The decision letter (besluit); else found by name or heading."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0 = all cores)."),
    timeout_per_file: float = typer.Option(
        DEFAULT_TIMEOUT, "--timeout-per-file", min=0, help="Seconds before a file is given up (0 = no worker processes)."
    ),
    timeout_per_ocr_page: float = typer.Option(
        DEFAULT_OCR_PAGE_TIMEOUT, "--timeout-per-ocr-page", min=0, help="Seconds added to a file's time for each page it OCRs."
    ),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report and fail only on findings not in this baseline."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record the current findings as accepted."),
    summary: bool = typer.Option(False, "--summary", help="Terminal report: one line per file, then the totals."),
    picture_budget: float = typer.Option(
        10.0, "--picture-budget", min=0, help="MB for page pictures in the HTML report (0 = none)."
    ),
    annotate: Optional[Path] = typer.Option(
        None, "--annotate", help="Write a copy of each PDF with its findings drawn on it into this folder."
    ),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Keep results here; unchanged files are not scanned again."),
    executor: Executor = typer.Option(Executor.local, "--executor", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786)."),
    send_files: bool = typer.Option(False, "--send-files", help="Send files' bytes to Dask workers (no shared storage)."),
) -> None:
    """Scan files and folders and report findings."""
    from .baseline import BaselineError, apply_baseline, load_baseline
    from .grounds.catalogue import RulesError
    from .baseline import write_baseline as save_baseline
    from .executors import ExecutorError
    from .pipeline import scan as run_scan

    try:
        cfg = build_config(
            paths, config_path, _split_codes(select), _split_codes(ignore), fail_on, show_personal_data, decision_date,
            inventory, decision,
        )
        if summary and format != Format.terminal:
            raise ConfigError("--summary is for the terminal report; json, sarif and html always list every finding")
        accepted = load_baseline(baseline) if baseline else None
        if cfg.wants("WOO2"):
            from .grounds import load_catalogue

            load_catalogue(cfg)  # a broken rules file is a usage error, not one per document
        runner = _runner(executor, scheduler, send_files, jobs, timeout_per_file, timeout_per_ocr_page)
    except (ConfigError, BaselineError, RulesError, ExecutorError) as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)

    progress = _progress_bar() if _person_watching() else None
    try:
        if progress:
            with progress[0]:
                report = run_scan(paths, cfg, progress=progress[1], jobs=jobs, timeout=timeout_per_file,
                                  ocr_page_timeout=timeout_per_ocr_page, runner=runner, cache_dir=cache)
        else:
            report = run_scan(paths, cfg, jobs=jobs, timeout=timeout_per_file, ocr_page_timeout=timeout_per_ocr_page,
                              runner=runner, cache_dir=cache)
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(130)
    except OSError as exc:  # the cache folder cannot be made
        if cache is None:
            raise
        _err(f"{cache}: cannot use as cache ({exc.strerror})")
        raise typer.Exit(EXIT_ERROR)
    finally:
        if hasattr(runner, "close"):
            runner.close()

    # From here on the report only gets read: a dict per finding for the renderers (80,000
    # for a 5,000-page batch), fingerprints for the baseline, and no cycles. The collector's
    # full passes over all those objects took longer than building them (the JSON report's
    # dicts for 5,000 pages: 1.0-1.7 s -> 0.3 s); memory still goes back by reference counting.
    with collector_paused():
        for f in report.files:
            if f.error:
                _err(f"{f.path}: {f.error}")
        _note_missing_lexicon(cfg)
        if format != Format.terminal or output:  # else the terminal summary says it
            from .ingest.ocr import install_note

            if install_note(report.files):
                _err(f"note: {install_note(report.files)}")
        if write_baseline:
            try:
                n = save_baseline(report, cfg, write_baseline)
            except OSError as exc:
                _err(f"{write_baseline}: cannot write baseline ({exc.strerror})")
                raise typer.Exit(EXIT_ERROR)
            _err(f"baseline {write_baseline}: {n} finding(s) recorded as accepted")
        if accepted is not None:
            report, suppressed = apply_baseline(report, accepted, baseline)
            if suppressed:
                _err(f"{suppressed} finding(s) accepted by baseline {baseline} not shown")

        not_annotated = []
        if annotate:
            from .annotate import annotate_report

            from .archive import is_archive

            # The files of a .zip were unpacked into a folder that is gone once the scan is
            # done: say so once per archive instead of once per file it held.
            zips = [p for p in paths if is_archive(p)]
            not_annotated = [f"{z}: no annotated copies of the files inside a .zip; unpack it and scan the folder"
                             for z in zips]
            kept = replace(report, files=tuple(f for f in report.files
                                               if not any(f.path.startswith(z.rstrip("/") + "/") for z in zips)))
            copies, problems = annotate_report(kept, paths, str(annotate), cfg.show_personal_data)
            not_annotated += problems
            for problem in not_annotated:
                _err(problem)
            _err(f"{copies} annotated PDF cop{'y' if copies == 1 else 'ies'} in {annotate}")

        if format == Format.json:
            from .render.json import render_json

            text = render_json(report, cfg.show_personal_data)
        elif format == Format.sarif:
            from .render.sarif import render_sarif

            text = render_sarif(report, cfg.show_personal_data)
        elif format == Format.html:
            from .pictures import page_pictures
            from .render.html import render_html

            pictures = page_pictures(report, cfg.show_personal_data, budget=int(picture_budget * 1024 * 1024))
            text = render_html(report, cfg.show_personal_data, pictures)
        else:
            from .render.terminal import render_terminal

            text = render_terminal(
                report, cfg.show_personal_data, color=sys.stdout.isatty() and output is None, summary=summary
            )
        if output:
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                _err(f"{output}: cannot write report ({exc.strerror})")
                raise typer.Exit(EXIT_ERROR)
        else:
            sys.stdout.write(text)

        if any(f.error for f in report.files) or not_annotated:
            raise typer.Exit(EXIT_ERROR)
        if any(cfg.fails(f.severity) for f in report.findings):
            raise typer.Exit(EXIT_FINDINGS)
        raise typer.Exit(EXIT_OK)


@app.command()
def fix(
    paths: List[str] = typer.Argument(..., help="PDF files or folders."),
    output_dir: Path = typer.Option(..., "--output-dir", "-d", help="Where the repaired copies go (never over a file)."),
    redact: Optional[Path] = typer.Option(None, "--redact", help="A woocheck JSON report trimmed to what must go."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="woocheck.toml or pyproject.toml to use."),
    decision_date: Optional[str] = typer.Option(None, "--decision-date", help="Date of the decision (YYYY-MM-DD)."),
) -> None:
    """Write a repaired copy of each PDF, scan it again and say what is left."""
    from .fix import fix_paths
    from .fix.report import ReportError, load
    from .fix.run import describe

    try:
        # Every code is planned and checked again: a config that ignores WOO304 for its
        # scans must not make `fix` leave hidden text in and call the copy clean.
        cfg = replace(build_config(paths, config_path, (), (), None, False, decision_date),
                      select=(), ignore=(), per_path_ignores=())
        chosen = load(redact) if redact else None
    except (ConfigError, ReportError) as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)
    results = fix_paths(paths, output_dir, cfg, chosen, progress=lambda r: print("\n".join(describe(r))) if not r.error else None)
    for r in results:
        if r.error:
            _err(f"{r.path}: {r.error}")
    if any(r.error for r in results):
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if any(r.remaining for r in results) else EXIT_OK)


def _runner(executor: "Executor", scheduler: Optional[str], send_files: bool, jobs: int, timeout: float,
            ocr_page_timeout: float):
    from . import executors

    if executor == Executor.local:
        if scheduler or send_files:
            raise executors.ExecutorError("--scheduler and --send-files need --executor dask")
        return executors.local(jobs, timeout, ocr_page_timeout)
    if not scheduler:
        raise executors.ExecutorError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if timeout <= 0:  # a Dask task scans in a killable child; without a limit it would be the worker's thread
        raise executors.ExecutorError("--executor dask needs --timeout-per-file above 0")
    return executors.dask(scheduler, timeout, send_files)


def _person_watching() -> bool:
    """Whether to show a progress bar (on stderr): stderr is a terminal, whatever stdout is
    (`woocheck scan ... --format sarif > report.sarif` still has a person waiting), and this
    is no CI job. CI=true is set by GitHub Actions, GitLab CI and most others, some of which
    give the job a terminal; a bar there would fill the log."""
    ci = os.environ.get("CI", "").strip().lower()
    return sys.stderr.isatty() and ci in ("", "0", "false", "no")


def _progress_bar():
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.fields[name]}", style="dim"),
        console=Console(stderr=True), transient=True,
    )
    task = bar.add_task("scan", total=None, name="")

    def advance(path: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, name=Path(path).name)

    return bar, advance


@app.command("rules")
def list_rules() -> None:
    """List every check with its code, severity and summary."""
    from rich.console import Console
    from rich.table import Table

    from .checks import all_rules

    table = Table(show_header=True, header_style="bold")
    for col in ("code", "severity", "summary"):
        table.add_column(col)
    for r in all_rules():
        table.add_row(r.code, r.severity.value, r.summary)
    Console().print(table)


@app.command("rule")
def show_rule(code: str = typer.Argument(..., help="A code such as WOO301.")) -> None:
    """Print the documentation of one rule."""
    from .checks import rule

    r = rule(code)
    if r is None:
        _err(f"unknown rule {code!r} (see `woocheck rules`)")
        raise typer.Exit(EXIT_ERROR)
    print(f"{r.code} ({r.severity.value}): {r.summary}\n")
    print(r.doc)


def _register_extra_commands() -> None:
    from .cli_grounds import register

    register(app)


_register_extra_commands()


def main() -> None:
    try:
        app()
    except Exception as exc:  # a bug outside any one file's scan: say so in one line
        from .errors import one_line

        _err(f"internal error ({one_line(exc)}); please report it")
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
