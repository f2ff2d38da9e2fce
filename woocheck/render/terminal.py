"""The human report: per file a header, each finding with its context, a closing summary.

On a batch the same finding comes back many times on one line or page (eight names missing
from one attendee list): those are one block with a count and the (masked) items listed,
so the report stays readable. `summary=True` gives one line per file and the totals.
"""
from __future__ import annotations

import io
from collections import Counter
from typing import Optional

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ingest.ocr import install_note
from ..masking import mask
from ..model import FileResult, Finding, Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LISTED = 8  # items named in a block of repeats before "and N more"


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


def groups(findings) -> list[list[Finding]]:
    """Findings with the same code and message on the same page or line, together, in the
    order each group first appears."""
    out: dict[tuple, list[Finding]] = {}
    for f in findings:
        out.setdefault((f.code, f.message, f.page, f.line), []).append(f)
    return list(out.values())


def _items(group: list[Finding], show: bool) -> str:
    texts = list(dict.fromkeys(f.text if show else mask(f.text, f.kind) for f in group if f.text))
    more = len(texts) - LISTED
    return "; ".join(texts[:LISTED]) + (f"; and {more} more" if more > 0 else "")


def _status_line(f: FileResult) -> Optional[Text]:
    """The one line of a file that ended in an error without findings, or has none."""
    if f.error and not f.findings:
        return Text.assemble(("✗ ", "bold red"), (f.path, "bold"), (f"  cannot be checked: {f.error}", "red"))
    if not f.findings:
        return Text.assemble(("✓ ", "green"), (f.path, "bold"),
                             (f"  {f.pages} page(s), {len(f.redactions)} redaction(s), no findings", "dim"))
    return None


def _file(console: Console, f: FileResult, show: bool) -> None:
    status = _status_line(f)
    if status is not None:
        console.print(status)
        return
    console.rule(Text(f"{f.path}  ({f.pages} page(s), {len(f.redactions)} redaction(s))", style="bold"), align="left")
    if f.error:  # "not fully checked: ...": what was found is shown, and why it is not all
        console.print(Text(f"  {f.error}", style="red"))
    for group in groups(f.findings):
        x = group[0]
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
        )
        if len(group) > 1:
            head.append(f"{len(group)}× ", style="bold")
        head.append(x.message)
        if x.source == "ocr":  # the text was read from the page image by woocheck's OCR
            head.append(" (read by OCR)", style="dim")
        if len(group) > 1:
            items = _items(group, show)
            if items:
                head.append(f": {items}", style="bold")
        elif x.text and not context:
            head.append(f": {x.text if show else mask(x.text, x.kind)}", style="bold")
        if x.bbox and not context and len(group) == 1:  # where to look on the page (points from the top left)
            head.append(f"  at x={x.bbox[0]:.0f} y={x.bbox[1]:.0f}", style="dim")
        console.print(head)
        if context:  # the first of a group: the others stand beside it on the same line or page
            console.print(_context(x, context, show), no_wrap=True, overflow="ellipsis")


def _summary_line(console: Console, f: FileResult) -> None:
    """One line, never wrapped (a batch of hundreds of files stays one line a file, for grep too):
    the file, its size, and its findings counted by severity and code."""
    status = _status_line(f)
    if status is not None:
        console.print(status, soft_wrap=True)
        return
    size = f"  {f.pages} page(s), {len(f.redactions)} redaction(s)"
    sev = Counter(x.severity.value for x in f.findings)
    codes = Counter(x.code for x in f.findings)
    line = Text.assemble(("• ", STYLE[max(f.findings, key=lambda x: x.severity.rank).severity.value]), (f.path, "bold"), (size + ": ", "dim"))
    line.append(", ".join(f"{sev[s]} {s}{'s' if sev[s] != 1 else ''}" for s in ("error", "warning", "info") if sev[s]))
    line.append("  (" + ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in sorted(codes.items())) + ")", style="dim")
    if f.error:
        line.append(f"  {f.error}", style="red")
    console.print(line, soft_wrap=True)


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


def documents_table(report: Report) -> Table:
    """The overview a coordinator signs off: per document its verdict, grounds and status."""
    table = Table(title="documents of the decision", show_header=True, header_style="bold")
    for col in ("document", "inventory verdict", "grounds listed", "grounds found", "status"):
        table.add_column(col)
    for d in report.documents:
        ok = d.status in ("ok", "no file (none needed)")
        table.add_row(
            d.document,
            d.inventory_verdict or "-",
            ", ".join(d.grounds_listed) or "-",
            ", ".join(d.grounds_found) or "-",
            Text(d.status, style="green" if ok else STYLE["error"]),
        )
    return table


def render_terminal(report: Report, show_personal_data: bool = False, width: int = 110, color: bool = False,
                    summary: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="truecolor" if color else None, highlight=False)
    for f in report.files:
        if summary:
            _summary_line(console, f)
        else:
            _file(console, f, show_personal_data)
    if report.documents:
        console.print()
        console.print(documents_table(report))
    console.print()
    console.print(summary_table(report))
    hint = install_note(report.files)
    if hint:  # once for the batch, however many pages lacked an OCR engine
        console.print(hint, soft_wrap=True)  # unbroken: the command can be copied
    return buf.getvalue()
