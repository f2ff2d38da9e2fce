"""The human report: per file a header, each finding with its context, a closing summary."""
from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ingest.ocr import install_note
from ..masking import mask
from ..model import FileResult, Finding, Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _context(f: Finding, context: str, show: bool) -> Text:
    hit = f.text if show else mask(f.text, f.kind)
    out = Text("    … ", style="dim")
    i = context.find(hit) if hit else -1
    if i < 0:
        out.append(context, style="dim")
    else:
        out.append(context[:i], style="dim")
        out.append(hit, style="bold black on yellow")
        out.append(context[i + len(hit) :], style="dim")
    out.append(" …", style="dim")
    return out


def _file(console: Console, f: FileResult, show: bool) -> None:
    if f.error:
        console.print(Text.assemble(("✗ ", "bold red"), (f.path, "bold"), (f"  cannot be checked: {f.error}", "red")))
        return
    if not f.findings:
        console.print(Text.assemble(("✓ ", "green"), (f.path, "bold"), (f"  {f.pages} page(s), {len(f.redactions)} redaction(s), no findings", "dim")))
        return
    console.rule(Text(f"{f.path}  ({f.pages} page(s), {len(f.redactions)} redaction(s))", style="bold"), align="left")
    for x in f.findings:
        # The masked context was cut from text with every item masked (pipeline.context_of);
        # masking the cut context here would miss an item it cuts in half.
        context = x.context if show else x.masked_context
        where = f"p.{x.page}" if x.page else "doc"
        if x.line:
            where = f"line {x.line}"
        head = Text.assemble(
            (f"  {x.code} ", "bold"),
            (f"{x.severity.value:<7} ", STYLE[x.severity.value]),
            (f"{where:<8} ", "magenta"),
            x.message,
        )
        if x.source == "ocr":  # the text was read from the page image by woocheck's OCR
            head.append(" (read by OCR)", style="dim")
        if x.text and not context:
            head.append(f": {x.text if show else mask(x.text, x.kind)}", style="bold")
        if x.bbox and not context:  # where to look on the page (points from the top left)
            head.append(f"  at x={x.bbox[0]:.0f} y={x.bbox[1]:.0f}", style="dim")
        console.print(head)
        if context:
            console.print(_context(x, context, show), no_wrap=True, overflow="ellipsis")


def summary_table(report: Report) -> Table:
    sev = Counter(f.severity.value for f in report.findings)
    table = Table(title="woocheck summary", show_header=True, header_style="bold")
    for col in ("files", "unreadable", "pages", "redactions", "errors", "warnings", "infos"):
        table.add_column(col, justify="right")
    table.add_row(
        str(len(report.files)),
        str(sum(1 for f in report.files if f.error)),
        str(sum(f.pages for f in report.files)),
        str(len(report.redactions)),
        Text(str(sev["error"]), style=STYLE["error"] if sev["error"] else ""),
        Text(str(sev["warning"]), style=STYLE["warning"] if sev["warning"] else ""),
        str(sev["info"]),
    )
    return table


def render_terminal(report: Report, show_personal_data: bool = False, width: int = 110, color: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="truecolor" if color else None, highlight=False)
    for f in report.files:
        _file(console, f, show_personal_data)
    console.print()
    console.print(summary_table(report))
    hint = install_note(report.files)
    if hint:  # once for the batch, however many pages lacked an OCR engine
        console.print(hint, soft_wrap=True)  # unbroken: the command can be copied
    return buf.getvalue()
