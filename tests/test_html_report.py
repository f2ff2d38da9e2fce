"""`--format html`: one offline file; every finding in the DOM; document text never markup.

The DOM is read with the standard library's parser; where Debian's `chromium` is installed
the report is also opened in headless Chromium (scripts on), behind a proxy that counts
every request the page makes. Without chromium those tests skip.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import socket
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pymupdf
import pytest

from woocheck.config import Config
from woocheck.pictures import page_pictures
from woocheck.pipeline import scan
from woocheck.render.html import FRAME, PALETTE, render_html

# Invented people; each payload would change the page if it ever ran.
PAYLOADS = (
    "<script>document.body.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
)
NAME = "<svg onload=alert(1)> besluit <script>.pdf"


def _hostile_pdf(folder: Path) -> Path:
    """A letter whose text, file name and author hold markup, beside a leaked name."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = ["Besluit op Woo-verzoek", "Datum: 3 april 2024", "", "Opgesteld door Maarten Hoogeveen, tel. 06-38291745.",
             PAYLOADS[0], PAYLOADS[1], "Het advies van Reinier Klaassen volgt."]
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 18 * i), line, fontsize=9, fontname="helv")
    r = page.search_for("Reinier Klaassen")[0]
    page.add_redact_annot(r)
    page.apply_redactions()
    page.draw_rect(r, color=None, fill=(0, 0, 0))  # a box without a ground: WOO201
    doc.set_metadata({"author": "Gerrit Vlasblom <script>alert(3)</script>", "title": PAYLOADS[1]})
    path = folder / NAME
    doc.save(path, garbage=3)
    return path


def _text_file(folder: Path) -> Path:
    path = folder / "mail <b onmouseover=alert(4)>.txt"
    path.write_text(f"Van: Maarten Hoogeveen\nTel. 06-38291745 {PAYLOADS[0]}\n{PAYLOADS[1]}\n", encoding="utf-8")
    return path


class _Dom(HTMLParser):
    """Every start tag with its attributes, the text, and the content of script/style."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)


def _dom(text: str) -> _Dom:
    d = _Dom()
    d.feed(text)
    d.close()
    return d


def _report(cli, tmp_path, *paths, extra=()):
    out, js = tmp_path / "report.html", tmp_path / "report.json"
    code, _, err = cli("scan", *paths, "--format", "html", "--output", out, "--timeout-per-file", "0", *extra)
    assert code in (0, 1), err
    cli("scan", *paths, "--format", "json", "--output", js, "--timeout-per-file", "0", *extra)
    return out, json.loads(js.read_text())


@pytest.fixture
def hostile(cli, tmp_path):
    folder = tmp_path / "in"
    _hostile_pdf(folder)
    _text_file(folder)
    return _report(cli, tmp_path, folder)


def test_document_text_file_names_and_metadata_are_text_never_markup(hostile):
    out, report = hostile
    html = out.read_text(encoding="utf-8")
    dom = _dom(html)
    text = " ".join(dom.text)
    assert NAME in text and "mail <b onmouseover=alert(4)>.txt" in text  # shown, as text
    # The documents' own markup reached the report, as text (contexts cut it short).
    assert "<script>document.body.set" in text and "<script>alert(3)</script>" in text
    assert len(dom.raw["script"]) == 1  # only the report's own script
    handlers = [(tag, a) for tag, attrs in dom.tags for a in attrs if a.lower().startswith("on")]
    assert not handlers, handlers
    assert all(attrs["src"].startswith("data:image/") for tag, attrs in dom.tags if tag == "img")
    addresses = [v for _, attrs in dom.tags for k, v in attrs.items() if v and "://" in v]
    assert not addresses, addresses  # nothing to fetch from anywhere
    assert {tag for tag, _ in dom.tags} <= {
        "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "p", "main", "section", "div",
        "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "mark", "label", "select", "option", "button",
        "figure", "figcaption", "img", "svg", "g", "rect", "text", "script"}


def test_the_dom_holds_every_finding_masked_in_report_order(hostile):
    out, report = hostile
    dom = _dom(out.read_text(encoding="utf-8"))
    rows = [attrs for tag, attrs in dom.tags if tag == "tr" and attrs.get("class") == "finding"]
    assert [r["data-code"] for r in rows] == [f["code"] for f in report["findings"]]
    assert len(rows) >= 4
    text = " ".join(dom.text)
    assert all(f["text"] in text for f in report["findings"])  # the masked text, as in JSON
    assert "Hoogeveen" not in text and "38291745" not in text and "Vlasblom" not in text


def test_show_personal_data_shows_the_text(cli, tmp_path):
    folder = tmp_path / "in"
    _hostile_pdf(folder)
    out, _ = _report(cli, tmp_path, folder, extra=("--show-personal-data",))
    assert "Maarten Hoogeveen" in " ".join(_dom(out.read_text(encoding="utf-8")).text)


def test_the_security_policy_allows_exactly_the_inline_style_and_script(hostile):
    out, _ = hostile
    dom = _dom(out.read_text(encoding="utf-8"))
    csp = next(a["content"] for t, a in dom.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "img-src data:" in csp
    for kind, directive in (("script", "script-src"), ("style", "style-src")):
        digest = base64.b64encode(hashlib.sha256(dom.raw[kind][0].encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp


def _luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_meet_wcag_aa_and_are_the_ones_used(hostile):
    html = hostile[0].read_text(encoding="utf-8")
    for name, (fg, bg) in PALETTE.items():
        assert _contrast(fg, bg) >= 4.5, f"{name}: {fg} on {bg} is {_contrast(fg, bg):.2f}:1"
        assert fg in html and bg in html
    for fam, colour in FRAME.items():  # frames are graphics: 3:1 against the white page
        assert _contrast(colour, "#ffffff") >= 3, fam


def test_pictures_show_the_pages_with_boxes_and_paint_over_personal_data(tmp_path):
    path = _hostile_pdf(tmp_path / "in")
    report = scan([str(path)], Config())
    leak = next(f for f in report.findings if f.code == "WOO101" and "Hoogeveen" in f.text)
    for show in (False, True):
        pics = page_pictures(report, show_personal_data=show)
        pic = pics.by_page[str(path), 1]
        pix = pymupdf.Pixmap(base64.b64decode(pic.data))
        scale = pic.width / pic.page_width
        x0, y0, x1, y1 = (int(v * scale) for v in leak.bbox)
        values = [pix.pixel(x, y)[0] for x in range(x0 + 2, x1 - 2) for y in range(y0 + 2, y1 - 2)]
        if show:
            assert min(values) < 60 and max(values) > 200  # black letters on white
        else:
            assert 60 < min(values) and max(values) < 140  # one grey patch (JPEG adds a little noise)
    html = render_html(report, False, page_pictures(report))
    assert html.count('<figure class="page"') == 1 and "painted over" in html


def test_pictures_stay_within_their_budget_and_the_report_says_what_was_left_out(tmp_path):
    folder = tmp_path / "in"
    for i in range(6):
        _hostile_pdf(folder / str(i))
    report = scan([str(folder)], Config())
    full = page_pictures(report)
    assert len(full.by_page) == 6 and full.left_out == 0
    half = page_pictures(report, budget=full.used // 2)  # six pictures, at a lower resolution
    assert half.used <= full.used // 2 and len(half.by_page) == 6
    assert all(p.width < full.by_page[k].width for k, p in half.by_page.items())
    tiny = page_pictures(report, budget=full.used // 20)  # not even at the lowest: some left out
    assert tiny.used <= full.used // 20 and tiny.left_out >= 1 and len(tiny.by_page) + tiny.left_out == 6
    html = render_html(report, False, tiny)
    assert f"{tiny.left_out} page(s) with findings left out" in html
    for pics in (full, tiny, None):  # the header states the file's own size
        page = render_html(report, False, pics)
        stated = re.search(r"This file: ([\d,.]+) (KB|MB)\.", page)
        unit = 1024 if stated.group(2) == "KB" else 1024 * 1024
        assert abs(float(stated.group(1).replace(",", "")) * unit - len(page.encode("utf-8"))) <= unit / 2 + 1
    none = page_pictures(report, budget=0)
    assert not none.by_page and none.left_out == 6


def test_boxes_on_a_rotated_page_are_drawn_where_the_picture_shows_them(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "Opgesteld door Maarten Hoogeveen, tel. 06-38291745.", fontsize=11)
    page.set_rotation(90)
    path = tmp_path / "gedraaid.pdf"
    doc.save(path)
    report = scan([str(path)], Config())
    pic = page_pictures(report, show_personal_data=True).by_page[str(path), 1]
    assert (pic.page_width, pic.page_height) == (842, 595)
    html = render_html(report, True, page_pictures(report, show_personal_data=True))
    rects = re.findall(r'<rect class="f-WOO1xx" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', html)
    assert rects
    pix = pymupdf.Pixmap(base64.b64decode(pic.data))
    scale = pic.width / pic.page_width
    for x, y, w, h in rects:  # inside each frame the picture has ink: the text is there
        xs = range(int(float(x) * scale) + 2, int((float(x) + float(w)) * scale) - 2)
        ys = range(int(float(y) * scale) + 2, int((float(y) + float(h)) * scale) - 2)
        assert min(pix.pixel(a, b)[0] for a in xs for b in ys) < 100


# --- headless Chromium ------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         # The browser asks Google for the time on its own, whatever the page; not the page's request.
         "--disable-features=NetworkTimeServiceQuerying"]


class _CountingProxy:
    """A proxy that accepts every connection, counts it and answers nothing useful: any
    request the page makes (http, https, even to localhost) comes here."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.requests: list[bytes] = []
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.requests.append(conn.recv(4096))
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self):
        self._stop = True
        self.thread.join()
        self.sock.close()


# Chromium's own services, which it calls whatever the page (time, component updates), and
# which the flags above do not all silence. A report that asked them would be caught by the
# DOM test: it allows no address with "://" in any attribute.
BROWSER_HOSTS = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com")


def _page_requests(proxy: _CountingProxy) -> list[bytes]:
    out = []
    for r in proxy.requests:
        host = re.search(rb"^(?:[A-Z]+) (?:https?://)?([^/:\s]+)", r)
        if not (host and host.group(1).decode().endswith(BROWSER_HOSTS)):
            out.append(r)
    return out


def _chromium(url: str, *extra: str, proxy: _CountingProxy) -> subprocess.CompletedProcess:
    args = [CHROMIUM, *FLAGS, f"--proxy-server={proxy.address}", "--proxy-bypass-list=<-loopback>", *extra, url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not CHROMIUM, reason="Debian chromium not installed")
def test_chromium_runs_only_the_reports_script_and_makes_no_request(hostile, tmp_path):
    out, report = hostile
    proxy = _CountingProxy()
    try:
        # The proxy counts: a page that asks for an image elsewhere is seen.
        probe = tmp_path / "probe.html"
        probe.write_text('<img src="http://probe.invalid/x.png">', encoding="utf-8")
        _chromium(probe.as_uri(), "--dump-dom", proxy=proxy)
        assert _page_requests(proxy), "the proxy saw no request from a page that makes one: the test would prove nothing"
        proxy.requests.clear()

        dom = _chromium(out.as_uri(), "--dump-dom", proxy=proxy)
        assert dom.returncode == 0, dom.stderr[-2000:]
        n = len(report["findings"])
        assert f"Showing {n} of {n} findings." in dom.stdout  # the report's own script ran
        assert 'data-pwned="' not in dom.stdout  # the documents' scripts did not
        assert dom.stdout.count('class="finding"') == n

        # A filter given in the link hides the other rows.
        code = report["findings"][0]["code"]
        filtered = _chromium(out.as_uri() + f"#code={code}", "--dump-dom", proxy=proxy).stdout
        want = sum(1 for f in report["findings"] if f["code"] == code)
        assert f"Showing {want} of {n} findings." in filtered
        assert filtered.count(f'data-code="{code}" data-severity') >= want

        shot = tmp_path / "shot.png"
        _chromium(out.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars", proxy=proxy)
        pix = pymupdf.Pixmap(str(shot))
        assert (pix.width, pix.height) == (1280, 2000)
        assert len(set(pix.samples[: pix.stride * 300])) > 2  # something was drawn at the top
        assert not _page_requests(proxy), _page_requests(proxy)[:3]
    finally:
        proxy.close()


def test_a_finding_read_by_ocr_says_so_where_it_is():
    from dataclasses import replace as with_

    from woocheck.model import FileResult, Finding, Report, Severity

    f = Finding("WOO104", Severity.ERROR, "BSN (citizen service number) left readable; redact under 5.1.1e", "scan.pdf", 2,
                (10, 10, 50, 20), text="111222333", kind="BSN")
    for source, said in (("file", False), ("ocr", True)):
        report = Report("0", (FileResult("scan.pdf", 2, None, findings=(with_(f, source=source),)),))
        html = render_html(report)
        assert ("p. 2 (read by OCR)" in html) is said and "111222333" not in html


# A page of the test's own that holds the report in a frame 640 px wide (1280 px at 200 %
# zoom, WCAG 1.4.10) and writes down whether the report or a findings table is wider than
# its room. --allow-file-access-from-files lets this page (not the report) read the frame.
_REFLOW = """<!DOCTYPE html><html><body>
<iframe id="r" src="report.html" width="640" height="900"></iframe><pre id="out">pending</pre>
<script>
document.getElementById('r').addEventListener('load', function () {
  var doc = this.contentDocument, page = doc.documentElement, wide = 0, tables = 0;
  doc.querySelectorAll('table.findings').forEach(function (t) {
    tables++;
    if (t.scrollWidth > t.parentNode.clientWidth) wide++;
  });
  document.getElementById('out').textContent =
    'page ' + page.scrollWidth + ' ' + page.clientWidth + ' tables ' + tables + ' wide ' + wide;
});
</script></body></html>"""


@pytest.mark.skipif(not CHROMIUM, reason="Debian chromium not installed")
def test_at_200_percent_zoom_the_report_reflows_without_sideways_scrolling(hostile, tmp_path):
    report, _ = hostile
    folder = tmp_path / "zoom"
    folder.mkdir()
    shutil.copy(report, folder / "report.html")
    (folder / "wrap.html").write_text(_REFLOW, encoding="utf-8")
    proxy = _CountingProxy()
    try:
        dom = _chromium((folder / "wrap.html").as_uri(), "--allow-file-access-from-files", "--dump-dom", proxy=proxy).stdout
    finally:
        proxy.close()
    got = re.search(r"page (\d+) (\d+) tables (\d+) wide (\d+)", dom)
    assert got, dom[-500:]
    scroll, client, tables, wide = map(int, got.groups())
    assert tables >= 2 and scroll <= client and wide == 0, got.group(0)


def test_pictures_paint_over_personal_data_no_finding_reports(tmp_path):
    # --select WOO2: the names are no finding, yet the page picture (there for the WOO201
    # box) must not show them, as the masked contexts do not.
    path = _hostile_pdf(tmp_path / "in")
    full = scan([str(path)], Config())
    leak = next(f for f in full.findings if f.code == "WOO101" and "Hoogeveen" in f.text)
    report = scan([str(path)], Config(select=("WOO2",)))
    assert not [f for f in report.findings if f.code.startswith("WOO1")]
    pic = page_pictures(report).by_page[str(path), 1]
    pix = pymupdf.Pixmap(base64.b64decode(pic.data))
    scale = pic.width / pic.page_width
    x0, y0, x1, y1 = (int(v * scale) for v in leak.bbox)
    values = [pix.pixel(x, y)[0] for x in range(x0 + 2, x1 - 2) for y in range(y0 + 2, y1 - 2)]
    assert 60 < min(values) and max(values) < 140  # one grey patch, no letters
