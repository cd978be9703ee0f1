"""Articles from HTML: saved news pages (.html, .htm) and http(s) addresses.

The page tests/fixtures/pages/brackwater-bulletin.html (written for these tests) wraps the
article of tests/fixtures/harbour-fire/brackwater-bulletin.md in navigation, ads, related
links and reader comments whose figures differ from the article's: read from HTML it must
compare exactly as its plain-text twin does. Addresses are served by a small http.server
on 127.0.0.1 that the tests start.
"""

from __future__ import annotations

import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
REFERENCE = FIXTURES / "harbour-fire" / "gullhaven-gazette.md"
TWIN_MD = FIXTURES / "harbour-fire" / "brackwater-bulletin.md"
TWIN_HTML = FIXTURES / "pages" / "brackwater-bulletin.html"


def _findings(payload: dict) -> list:
    """What a reader sees of each finding: kind, reason, and each side's outlet, text and changed words."""
    return [(f["kind"], f["reason"], [(s["outlet"], s["text"], s["spans"]) for s in f["sides"]])
            for f in payload["findings"]]


def _one_line_error(result, needle: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ") and needle in lines[0], result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_a_saved_page_gives_its_article_without_comments_ads_or_navigation():
    from claimdiff.read import read_document

    doc = read_document(str(TWIN_HTML))
    twin = read_document(str(TWIN_MD))
    assert (doc.outlet, doc.date, doc.title) == (twin.outlet, twin.date, twin.title)
    assert doc.outlet == "Brackwater Bulletin" and doc.date == "2025-03-14"  # published, not modified (03-16)
    assert doc.text.split() == twin.text.split()
    for noise in ("200 firefighters", "arson", "Advertisement", "Subscribe", "Dredging plan", "Privacy",
                  "Blaze destroys barley store"):  # comments, ads, navigation, related links, the headline
        assert noise not in doc.text


def test_the_page_compares_the_same_as_its_plain_text_twin(run):
    from_md = run.json("compare", str(REFERENCE), str(TWIN_MD))
    from_html = run.json("compare", str(REFERENCE), str(TWIN_HTML))
    assert len(from_md["findings"]) >= 6
    assert {f["kind"] for f in from_md["findings"]} >= {"figure-shift", "attribution-shift", "only-in", "agree"}
    assert _findings(from_html) == _findings(from_md)
    keep = ("id", "outlet", "date", "title", "claims")
    assert [{k: d[k] for k in keep} for d in from_html["documents"]] == \
        [{k: d[k] for k in keep} for d in from_md["documents"]]


def test_html_reports_in_a_story_folder_are_checked(run, tmp_path):
    story = tmp_path / "harbour-fire"
    story.mkdir()
    shutil.copy(REFERENCE, story)
    shutil.copy(TWIN_HTML, story / "brackwater-bulletin.htm")
    result = run.fresh("check", str(tmp_path), "--format", "json", "--fail-on", "figure-shift")
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    assert [d["outlet"] for d in payload["stories"][0]["documents"]] == ["Gullhaven Gazette", "Brackwater Bulletin"]
    assert {f["kind"] for f in payload["findings"]} == {"figure-shift"}


def test_dates_are_read_without_depending_on_today(tmp_path):
    """A page dated years ahead keeps its date: htmldate's latest allowed date is fixed, not today's."""
    from claimdiff.read import read_document

    page = TWIN_HTML.read_text(encoding="utf-8").replace("2025-03-14T07:45:00", "2091-06-02T07:45:00")
    (tmp_path / "ahead.html").write_text(page, encoding="utf-8")
    assert read_document(str(tmp_path / "ahead.html")).date == "2091-06-02"


def test_a_page_with_no_article_text_is_one_clear_error(run, tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><head><title>Menu</title></head><body><nav><a href='/a'>Home</a> "
                    "<a href='/b'>Sport</a></nav></body></html>", encoding="utf-8")
    before = page.read_bytes()
    _one_line_error(run.fresh("compare", str(REFERENCE), str(page)), "no article text found in this HTML page")
    assert page.read_bytes() == before


# -- addresses ----------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/world/brackwater-bulletin.html":
            self._send(200, "text/html; charset=utf-8", TWIN_HTML.read_bytes())
        elif self.path == "/notes/brackwater-bulletin.md":
            self._send(200, "text/markdown; charset=utf-8", TWIN_MD.read_bytes())
        elif self.path == "/trickle":  # 3 bytes every 0.4 s: no single wait times out, for at most 4 s
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(10):
                    self.wfile.write(b"<p>")
                    self.wfile.flush()
                    time.sleep(0.4)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/loop":  # a redirect to itself: urllib's error for it has three lines
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2.5)  # longer than the tests' timeout, bounded
            self._send(200, "text/html", b"<html><body><p>late</p></body></html>")
        else:
            self._send(404, "text/html", b"<html><body>Not here</body></html>")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_address_is_fetched_and_read_as_the_page_is(run, server):
    url = f"{server}/world/brackwater-bulletin.html"
    fetched = run.json("compare", str(REFERENCE), url)
    from_file = run.json("compare", str(REFERENCE), str(TWIN_HTML))
    assert _findings(fetched) == _findings(from_file)
    doc = fetched["documents"][1]
    assert (doc["id"], doc["outlet"], doc["date"], doc["url"], doc["path"]) == \
        ("brackwater-bulletin", "Brackwater Bulletin", "2025-03-14", url, url)


def test_a_text_address_is_read_as_a_report(run, server):
    fetched = run.json("compare", str(REFERENCE), f"{server}/notes/brackwater-bulletin.md")
    assert _findings(fetched) == _findings(run.json("compare", str(REFERENCE), str(TWIN_MD)))


def test_an_error_status_is_one_line(run, server):
    _one_line_error(run.fresh("compare", str(REFERENCE), f"{server}/gone.html"), "the server answered 404 Not Found")


def test_a_timeout_is_one_line(run, server, monkeypatch):
    monkeypatch.setenv("CLAIMDIFF_TIMEOUT", "0.5")
    started = time.monotonic()
    _one_line_error(run.fresh("compare", str(REFERENCE), f"{server}/slow"), "no answer within 0.5 s")
    assert time.monotonic() - started < 2.5


def test_a_refused_connection_is_one_line(run):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago and has no listener
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _one_line_error(run.fresh("compare", str(REFERENCE), f"http://127.0.0.1:{port}/story.html"), "cannot be fetched")


def test_a_bad_timeout_setting_is_one_line(run, server, monkeypatch):
    monkeypatch.setenv("CLAIMDIFF_TIMEOUT", "soon")
    _one_line_error(run.fresh("compare", str(REFERENCE), f"{server}/world/brackwater-bulletin.html"),
                    "CLAIMDIFF_TIMEOUT must be a number")


def test_a_page_is_read_in_the_encoding_it_declares(tmp_path):
    from claimdiff.read import read_document

    page = tmp_path / "latin1.html"
    page.write_bytes(("<html><head><meta charset='iso-8859-1'><title>Prices</title></head><body><article>"
                      "<p>Caf\u00e9 owners in Gullhaven said prices rose by 4% in March, the chamber of commerce said.</p>"
                      "</article></body></html>").encode("latin-1"))
    assert read_document(str(page)).text.startswith("Caf\u00e9 owners in Gullhaven said prices rose")


def test_a_server_that_trickles_is_stopped_at_the_deadline(run, server, monkeypatch):
    """CLAIMDIFF_TIMEOUT bounds the whole page, not each wait: a server that keeps sending a
    few bytes never lets one wait time out, and is stopped all the same."""
    monkeypatch.setenv("CLAIMDIFF_TIMEOUT", "1")
    _one_line_error(run.fresh("compare", str(REFERENCE), f"{server}/trickle"), "not all sent within 1 s")


def test_a_redirect_loop_is_one_line(run, server):
    _one_line_error(run.fresh("compare", str(REFERENCE), f"{server}/loop"), "redirect")
