"""One self-contained HTML file for reviewers who do not run command lines.

Offline by construction: CSS and script inline, pictures as data: URIs, and a Content
Security Policy that allows nothing else (no fetch, no font, no image from anywhere) and
only this file's own style and script, by hash. Document text, file names and metadata come
from documents that came from outside: every one goes through `esc` and never into a tag
or an unquoted attribute, so a `<script>` or `onerror=` in them is shown as text. The CSP
is the second fence: an injected inline script or handler would not run either.

Masked like every format: the finding text and the context come masked unless
--show-personal-data (`Finding.masked_context`, see pipeline.context_of), and the page
pictures have the boxes of personal data painted over (`pictures.py`).
"""
from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from typing import Optional

from ..masking import mask
from ..model import FileResult, Finding, Report
from ..suggest import family, suggested_ground

SEVERITIES = ("error", "warning", "info")
FAMILIES = {
    "WOO1xx": "personal data left readable",
    "WOO2xx": "grounds",
    "WOO3xx": "failed redactions",
    "WOO4xx": "hidden content",
    "WOO5xx": "batch and decision",
}
# Text colour on background, each pair at least 4.5:1 (WCAG 2.1 AA, tests/test_html_report.py).
PALETTE = {
    "body": ("#1a1a1a", "#ffffff"),
    "muted": ("#4d4d4d", "#ffffff"),
    "error": ("#ffffff", "#a4001d"),
    "warning": ("#3d2b00", "#ffd75e"),
    "info": ("#ffffff", "#0b5394"),
    "mark": ("#1a1a1a", "#ffe08a"),
    "link": ("#0b4f8a", "#ffffff"),
    "head": ("#1a1a1a", "#eef1f5"),
}
# Frames drawn over the page pictures, one colour per family (the PDF copies use the same
# families); at least 3:1 against white and the grey page (WCAG non-text contrast).
FRAME = {"WOO1xx": "#b8860b", "WOO2xx": "#d0001f", "WOO3xx": "#d35400", "WOO4xx": "#1f5fbf", "WOO5xx": "#7b2fa8"}
FRAME_OTHER = "#555555"


def esc(value: object) -> str:
    """Text from a document as HTML text or a quoted attribute value."""
    return html.escape(str(value), quote=True)


def _css() -> str:
    p = PALETTE
    frames = "".join(f".f-{fam} {{ stroke: {c}; }} .t-{fam} {{ fill: {c}; }}\n" for fam, c in FRAME.items())
    return f"""
:root {{ color: {p['body'][0]}; background: {p['body'][1]}; font: 1rem/1.5 system-ui, sans-serif; }}
body {{ margin: 0 auto; padding: 1rem; max-width: 75rem; }}
a {{ color: {p['link'][0]}; }}
:focus-visible {{ outline: 3px solid {p['info'][1]}; outline-offset: 2px; }}
.skip {{ position: absolute; left: -100rem; }}
.skip:focus {{ left: 1rem; top: 1rem; background: {p['body'][1]}; padding: .5rem; }}
.muted {{ color: {p['muted'][0]}; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin: .5rem 0 1rem; }}
th, td {{ border: 1px solid #8c8c8c; padding: .25rem .5rem; text-align: left; vertical-align: top; }}
thead th {{ color: {p['head'][0]}; background: {p['head'][1]}; }}
td.num {{ text-align: right; }}
.sev {{ display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-weight: bold; }}
.sev-error {{ color: {p['error'][0]}; background: {p['error'][1]}; }}
.sev-warning {{ color: {p['warning'][0]}; background: {p['warning'][1]}; }}
.sev-info {{ color: {p['info'][0]}; background: {p['info'][1]}; }}
mark {{ color: {p['mark'][0]}; background: {p['mark'][1]}; }}
td.code {{ white-space: nowrap; }}
.ctx {{ display: block; font-size: .9rem; overflow-wrap: anywhere; }}
td {{ overflow-wrap: break-word; }}
/* Narrow windows and 200 % zoom: each finding becomes a card of labelled lines (WCAG reflow). */
@media (max-width: 48rem) {{
  table.findings thead {{ position: absolute; left: -100rem; }}
  table.findings, table.findings tbody, table.findings tr, table.findings td {{ display: block; }}
  table.findings tr {{ border: 1px solid #8c8c8c; margin-bottom: .75rem; }}
  table.findings td {{ border: 0; text-align: left; }}
  table.findings td::before {{ content: attr(data-label) ": "; font-weight: bold; }}
}}
.filters {{ display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: end; }}
.filters label {{ display: block; font-weight: bold; }}
.filters > div {{ max-width: 100%; }}  /* a long file name in the file filter must not widen the page */
select, button {{ font: inherit; padding: .25rem; max-width: 100%; }}
/* File paths have no spaces: let them break anywhere rather than widen the page. */
h1, h2, h3, p, figcaption, td.path {{ overflow-wrap: anywhere; }}
figure {{ margin: 1rem 0; max-width: 40rem; }}
.pic {{ position: relative; border: 1px solid #8c8c8c; }}
.pic img {{ display: block; width: 100%; height: auto; }}
.pic svg {{ position: absolute; inset: 0; width: 100%; height: 100%; }}
.pic rect {{ fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }}
.pic text {{ font: bold 11px sans-serif; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }}
{frames}[hidden] {{ display: none !important; }}
"""


# Filters: each finding row, page picture and frame carries data-code, data-severity
# (pictures: the lists) and data-file; the script hides what does not match and counts.
_JS = """
(function () {
  var sel = {code: document.getElementById('f-code'), severity: document.getElementById('f-severity'),
             file: document.getElementById('f-file')};
  var shown = document.getElementById('shown');
  function ok(el, key) {
    var want = sel[key].value;
    if (!want) return true;
    var have = (el.getAttribute('data-' + key) || '').split(' ');
    return have.indexOf(want) >= 0;
  }
  function match(el) { return ok(el, 'code') && ok(el, 'severity') && ok(el, 'file'); }
  function apply() {
    var rows = document.querySelectorAll('tr.finding'), n = 0;
    rows.forEach(function (r) { var m = match(r); r.hidden = !m; if (m) n++; });
    document.querySelectorAll('.frame').forEach(function (f) { f.hidden = !match(f); });
    document.querySelectorAll('figure.page').forEach(function (fig) {
      fig.hidden = !fig.querySelector('.frame:not([hidden])');
    });
    document.querySelectorAll('section.file').forEach(function (s) {
      s.hidden = !ok(s, 'file') || (!!(sel.code.value || sel.severity.value) && !s.querySelector('tr.finding:not([hidden])'));
    });
    shown.textContent = 'Showing ' + n + ' of ' + rows.length + ' findings.';
  }
  Object.keys(sel).forEach(function (k) { sel[k].addEventListener('change', apply); });
  // A link can carry a filter: report.html#code=WOO101&severity=error&file=file-3
  var asked = new URLSearchParams(location.hash.slice(1));
  Object.keys(sel).forEach(function (k) {
    var v = asked.get(k);
    if (v && Array.prototype.some.call(sel[k].options, function (o) { return o.value === v; })) sel[k].value = v;
  });
  document.getElementById('f-reset').addEventListener('click', function () {
    Object.keys(sel).forEach(function (k) { sel[k].value = ''; });
    apply();
  });
  apply();
})();
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _where(f: Finding) -> str:
    where = f"line {f.line}" if f.line else (f"p. {f.page}" if f.page else "document")
    return where + (" (read by OCR)" if f.source == "ocr" else "")


def _text_cell(f: Finding, show: bool) -> str:
    """The finding's text (masked) and the text around it, the hit marked in the context."""
    hit = f.text if show else mask(f.text, f.kind)
    context = f.context if show else f.masked_context
    out = f"<span>{esc(hit)}</span>" if hit else ""
    if context:
        i = context.find(hit) if hit else -1
        if i >= 0:
            body = esc(context[:i]) + "<mark>" + esc(hit) + "</mark>" + esc(context[i + len(hit):])
        else:
            body = esc(context)
        out += f'<span class="ctx muted">… {body} …</span>'
    return out


def _summary(report: Report) -> str:
    findings = report.findings
    sev = Counter(f.severity.value for f in findings)
    fam = Counter((family(f.code), f.severity.value) for f in findings)
    pages = sum(r.pages for r in report.files)
    unreadable = sum(1 for r in report.files if r.error)
    rows = "".join(
        f"<tr><th scope=\"row\"><span class=\"sev sev-{s}\">{s}</span></th><td class=\"num\">{sev[s]}</td></tr>" for s in SEVERITIES
    )
    families = sorted({family(f.code) for f in findings} | set(FAMILIES))
    fam_rows = "".join(
        f"<tr><th scope=\"row\">{esc(x)}</th><td>{esc(FAMILIES.get(x, ''))}</td>"
        + "".join(f"<td class=\"num\">{fam[x, s]}</td>" for s in SEVERITIES)
        + "</tr>"
        for x in families
    )
    return f"""<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>
<p>{len(report.files)} file(s), {pages} page(s), {len(report.redactions)} redaction(s), {len(findings)} finding(s); {unreadable} file(s) could not be (fully) checked.</p>
<div class="scroll"><table><caption>Findings by severity</caption><thead><tr><th scope="col">severity</th><th scope="col">findings</th></tr></thead><tbody>{rows}</tbody></table></div>
<div class="scroll"><table><caption>Findings by family</caption><thead><tr><th scope="col">family</th><th scope="col">what</th>{''.join(f'<th scope="col">{s}</th>' for s in SEVERITIES)}</tr></thead><tbody>{fam_rows}</tbody></table></div>
</section>"""


def _documents(report: Report) -> str:
    rows = []
    for i, r in enumerate(report.files):
        sev = Counter(f.severity.value for f in r.findings)
        status = esc(r.error) if r.error else ("no findings" if not r.findings else "")
        rows.append(
            f"<tr><td class=\"path\"><a href=\"#file-{i}\">{esc(r.path)}</a></td><td class=\"num\">{r.pages}</td>"
            f"<td class=\"num\">{len(r.redactions)}</td>"
            + "".join(f"<td class=\"num\">{sev[s]}</td>" for s in SEVERITIES)
            + f"<td>{status}</td></tr>"
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("file", "pages", "redactions", *SEVERITIES, "status"))
    return f"""<section aria-labelledby="h-docs"><h2 id="h-docs">Documents</h2>
<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"""


def _decision(report: Report) -> str:
    """The per-document table of the decisions scanned (WOO5xx): what a coordinator signs
    off. Empty without an inventory or a decision letter."""
    if not report.documents:
        return ""
    rows = "".join(
        f"<tr><td class=\"path\">{esc(d.document)}</td><td>{esc(d.inventory_verdict or '-')}</td>"
        f"<td>{esc(', '.join(d.grounds_listed) or '-')}</td><td>{esc(', '.join(d.grounds_found) or '-')}</td>"
        f"<td>{esc(d.status)}</td></tr>"
        for d in report.documents
    )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("document", "inventory verdict", "grounds listed",
                                                          "grounds found", "status"))
    return f"""<section aria-labelledby="h-decision"><h2 id="h-decision">Documents of the decision</h2>
<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></section>"""


def _filters(report: Report) -> str:
    codes = sorted({f.code for f in report.findings})
    files = [(i, r.path) for i, r in enumerate(report.files) if r.findings]

    def options(pairs) -> str:
        return '<option value="">all</option>' + "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in pairs)

    return f"""<section aria-labelledby="h-filter"><h2 id="h-filter">Filter the findings</h2>
<div class="filters">
<div><label for="f-code">Code</label><select id="f-code">{options((c, c) for c in codes)}</select></div>
<div><label for="f-severity">Severity</label><select id="f-severity">{options((s, s) for s in SEVERITIES)}</select></div>
<div><label for="f-file">File</label><select id="f-file">{options((f"file-{i}", p) for i, p in files)}</select></div>
<div><button type="button" id="f-reset">Show all</button></div>
</div>
<p id="shown" aria-live="polite">Showing {len(report.findings)} of {len(report.findings)} findings.</p></section>"""


def _frames(pic, findings: list[tuple[int, Finding]], file_id: str) -> str:
    """SVG boxes over a page picture, in the picture's (rotated) page space."""
    out = []
    m = pic.matrix
    for n, f in findings:
        if not f.bbox:
            continue
        x0, y0, x1, y1 = f.bbox
        if m:  # the report's boxes are in unrotated page space; the picture is as shown
            pts = [(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]) for x, y in ((x0, y0), (x1, y1))]
            x0, x1 = sorted(p[0] for p in pts)
            y0, y1 = sorted(p[1] for p in pts)
        fam = family(f.code)
        cls = fam if fam in FRAME else "other"
        out.append(
            f'<g class="frame" data-code="{esc(f.code)}" data-severity="{f.severity.value}" data-file="{file_id}">'
            f'<rect class="f-{cls}" x="{x0 - 2:.1f}" y="{y0 - 2:.1f}" width="{x1 - x0 + 4:.1f}" height="{y1 - y0 + 4:.1f}"></rect>'
            f'<text class="t-{cls}" x="{x1 + 3:.1f}" y="{y0 + 8:.1f}">{n}</text></g>'
        )
    return "".join(out)


def _file(i: int, r: FileResult, show: bool, pictures) -> str:
    file_id = f"file-{i}"
    head = f"{r.pages} page(s), {len(r.redactions)} redaction(s), {len(r.findings)} finding(s)"
    if r.error:
        head += f"; could not be (fully) checked: {esc(r.error)}"
    rows = []
    numbered = list(enumerate(r.findings, 1))
    for n, f in numbered:
        ground = suggested_ground(f, r.redactions)
        rows.append(
            f'<tr class="finding" id="{file_id}-{n}" data-code="{esc(f.code)}" data-severity="{f.severity.value}" data-file="{file_id}">'
            f'<td class="num" data-label="#">{n}</td><td data-label="where">{esc(_where(f))}</td>'
            f'<td class="code" data-label="code">{esc(f.code)}</td>'
            f'<td data-label="severity"><span class="sev sev-{f.severity.value}">{f.severity.value}</span></td>'
            f'<td data-label="message">{esc(f.message)}</td><td data-label="text">{_text_cell(f, show)}</td>'
            f'<td data-label="suggested ground">{esc(ground) or "–"}</td></tr>'
        )
    table = ""
    if rows:
        cols = "".join(f'<th scope="col">{h}</th>' for h in ("#", "where", "code", "severity", "message", "text", "suggested ground"))
        table = f'<div class="scroll"><table class="findings"><thead><tr>{cols}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    figures = []
    if pictures is not None:
        for page in sorted({f.page for f in r.findings if f.page and f.bbox}):
            pic = pictures.by_page.get((r.path, page))
            if pic is None:
                continue
            on_page = [(n, f) for n, f in numbered if f.page == page and f.bbox]
            codes = " ".join(sorted({f.code for _, f in on_page}))
            sevs = " ".join(sorted({f.severity.value for _, f in on_page}))
            alt = f"Page {page} of {r.path}, {len(on_page)} finding(s) framed: {', '.join(f'{n} {f.code}' for n, f in on_page)}"
            figures.append(
                f'<figure class="page" data-code="{esc(codes)}" data-severity="{sevs}" data-file="{file_id}">'
                f"<figcaption>Page {page}</figcaption><div class=\"pic\">"
                f'<img src="data:{pic.mime};base64,{pic.data}" width="{pic.width}" height="{pic.height}" alt="{esc(alt)}">'
                f'<svg viewBox="0 0 {pic.page_width:.1f} {pic.page_height:.1f}" preserveAspectRatio="none" aria-hidden="true">'
                f"{_frames(pic, on_page, file_id)}</svg></div></figure>"
            )
    return (
        f'<section class="file" id="{file_id}" data-file="{file_id}" aria-labelledby="{file_id}-h">'
        f'<h3 id="{file_id}-h">{esc(r.path)}</h3><p class="muted">{head}</p>{table}{"".join(figures)}</section>'
    )


def _pictures_note(pictures) -> str:
    if pictures is None:
        return "No page pictures in this report."
    kb = pictures.used / 1024
    note = (
        f"Page pictures: {len(pictures.by_page)} page(s), {kb:,.0f} KB of a budget of "
        f"{pictures.budget / 1024 / 1024:,.1f} MB"
    )
    if pictures.left_out:
        note += f"; {pictures.left_out} page(s) with findings left out to stay within the budget"
    if pictures.masked:
        note += "; the boxes of personal data are painted over in the pictures"
    return note + "."


def render_html(report: Report, show_personal_data: bool = False, pictures: Optional[object] = None) -> str:
    """The report as one HTML page. `pictures` (pictures.Pictures) adds page pictures."""
    css = _css()
    csp = (
        f"default-src 'none'; img-src data:; style-src {_hash(css)}; script-src {_hash(_JS)}; "
        "base-uri 'none'; form-action 'none'"
    )
    masked = "shown in full (--show-personal-data)" if show_personal_data else "masked"
    files = "".join(_file(i, r, show_personal_data, pictures) for i, r in enumerate(report.files))
    return _with_size(f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>woocheck report</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#h-findings">Skip to the findings</a>
<header><h1>woocheck report</h1>
<p>woocheck {esc(report.version)}. Personal data is {masked}. This file: {_SIZE}. {esc(_pictures_note(pictures))}</p></header>
<main>
{_summary(report)}
{_documents(report)}
{_decision(report)}
{_filters(report)}
<section aria-labelledby="h-findings"><h2 id="h-findings">Findings per file</h2>
{files}
</section>
</main>
<script>{_JS}</script>
</body>
</html>
""")


_SIZE = "\u27e6size\u27e7"  # stands in the header for the file's own size until it is known


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:,.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:,.0f} KB"


def _with_size(page: str) -> str:
    """The page with its own size stated in the header (the first `_SIZE`: the header comes
    before any document text). Writing the size changes the size by a character or two, so
    the figure is settled in a second round."""
    said = _size(len(page.encode("utf-8")))
    for _ in range(3):
        out = page.replace(_SIZE, said, 1)
        now = _size(len(out.encode("utf-8")))
        if now == said:
            break
        said = now
    return out
