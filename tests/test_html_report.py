"""The HTML report: escaping, anchors, determinism, and the page as headless Chromium shows it.

The Chromium tests need Debian's chromium (.ci/run installs it); where it is missing they
fail, they never skip.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEED

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--force-device-scale-factor=1", "--virtual-time-budget=3000"]
# Both would change the page if they ran: its title, and an element with id injected-marker.
PAYLOAD = ("<script>document.title='INJECTED';document.body.insertAdjacentHTML('beforeend',"
           "'<p id=\"injected-marker\">script ran</p>')</script>",
           "<img src=x onerror=\"document.title='INJECTED';var p=document.createElement('p');"
           "p.id='injected-marker';document.body.appendChild(p)\">")
INJECTED = f"""---
outlet: Harrowfield <Post>
date: 2024-11-06
title: "North Korean troops reach Kursk <script>alert(1)</script>"
---

North Korean soldiers have fought Ukrainian forces in the Kursk region for the first time, Kyiv said on Monday.

A reader pasted this into the story: {PAYLOAD[0]} and the editors left it in.

The page also carried an image tag, {PAYLOAD[1]} which must show as text.

More than 10,000 North Korean troops have been sent to Russia, according to U.S. officials.
"""


def _chromium() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        pytest.fail("chromium is not installed: apt-get install chromium (.ci/run does it)")
    return path


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    out = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    return out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def report(run, tmp_path_factory):
    """The seed against its corpus plus an article carrying a script and an onerror attribute."""
    folder = tmp_path_factory.mktemp("report")
    injected = folder / "harrowfield-post.md"
    injected.write_text(INJECTED, encoding="utf-8")
    args = ("compare", str(SEED), *sorted(str(p) for p in CORPUS.glob("*.md")), str(injected))
    result = run(*args, "--format", "html")
    assert result.exit_code == 0, result.output
    page = folder / "report.html"
    page.write_text(result.stdout, encoding="utf-8")
    return page, run.json(*args)


def test_article_text_is_escaped(report):
    page, _ = report
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;document.title=&#x27;INJECTED&#x27;" in html
    assert "&lt;img src=x onerror=&quot;" in html
    assert "Harrowfield &lt;Post&gt;" in html and "Harrowfield <Post>" not in html


def test_every_link_has_its_anchor_and_ids_are_unique(report):
    html = report[0].read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= set(ids)
    # a finding links to its claims in the articles, and a claim back to its most serious finding
    assert re.search(r'<div class="who">Seed Report</div>.*?href="#(c-kursk-first-clash-\d+)">in the article', html)
    assert re.search(r'<a class="claim k-contradiction" id="c-kursk-first-clash-\d+" href="#f-1"', html)


def test_self_contained(report):
    html = report[0].read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="(?!#)', html)  # no external asset, no link off the page
    assert "<style>" in html and "@media (max-width:700px)" in html


def test_the_same_input_gives_the_same_bytes(run, report):
    args = ("compare", str(SEED), str(CORPUS / "saltmarsh-evening-record.md"), "--format", "html")
    assert run.fresh(*args).stdout_bytes == run.fresh(*args).stdout_bytes


def test_chromium_shows_the_grid_and_findings_and_runs_no_injected_script(report, tmp_path):
    from lxml import html as lxml_html

    page, payload = report
    url = page.resolve().as_uri()
    dom = lxml_html.fromstring(chromium(tmp_path, "--window-size=1280,1000", "--dump-dom", url).stdout)
    assert dom.findtext(".//title").startswith("claimdiff: Seed Report against 6 other report(s)")
    assert not dom.xpath('//*[@id="injected-marker"]') and not dom.xpath("//script")
    grid_rows = dom.xpath('//table[@class="grid"]/tbody/tr')
    assert len(grid_rows) >= 20
    assert len(dom.xpath('//table[@class="grid"]/thead/tr/th')) == 1 + 7  # the kind, then one per document
    assert dom.xpath('//table[@class="grid"]/tbody/tr[1]/td[1]/span/text()') == ["contradiction"]
    findings = dom.xpath('//article[contains(@class, "finding")]')
    assert len(findings) == len(payload["findings"])
    assert len(dom.xpath('//article[contains(@class, "finding")]//mark')) > 0
    assert "document.title='INJECTED'" in dom.text_content()  # the payload is on the page, as text

    for width in (1280, 390):
        shot = tmp_path / f"report-{width}.png"
        chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={shot}", url)
        assert png_size(shot) == (width, 1600)
        assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_the_page_fits_a_phone_width_screen(report, tmp_path):
    """In a 390 px wide frame nothing but the grid's own scroll box is wider than the screen.

    Headless Chromium lays out --dump-dom at 500 px at the least, so the report is put in an
    iframe 390 px wide, and a script of the test's own (outside the report) measures it."""
    from html import escape

    from lxml import html as lxml_html

    probe = tmp_path / "probe.html"
    probe.write_text(
        "<!DOCTYPE html><html><body style=\"margin:0\">"
        f"<iframe id=\"phone\" style=\"width:390px;height:800px;border:0\" srcdoc=\"{escape(report[0].read_text())}\">"
        "</iframe><script>document.getElementById('phone').onload = function () {"
        " var d = this.contentDocument.documentElement;"
        " document.body.insertAdjacentHTML('beforeend', '<pre id=\"measure\">' + d.clientWidth + ' ' + d.scrollWidth"
        " + ' ' + this.contentDocument.querySelectorAll('table.grid tbody tr').length + '</pre>'); };</script>"
        "</body></html>", encoding="utf-8")
    dom = lxml_html.fromstring(chromium(tmp_path, "--window-size=1280,900", "--dump-dom", probe.as_uri()).stdout)
    client, scroll, rows = map(int, dom.get_element_by_id("measure").text.split())
    assert client == 390 and scroll <= client and rows >= 20


def test_the_harness_would_see_a_script_run(tmp_path):
    """The control: the same payload left unescaped does run, so the test above can fail."""
    from lxml import html as lxml_html

    raw = tmp_path / "raw.html"
    raw.write_text(f"<!DOCTYPE html><html><head><title>raw</title></head><body><p>{PAYLOAD[0]}</p>"
                   f"<p>{PAYLOAD[1]}</p></body></html>", encoding="utf-8")
    dom = lxml_html.fromstring(chromium(tmp_path, "--dump-dom", raw.as_uri()).stdout)
    assert dom.xpath('//*[@id="injected-marker"]') and dom.findtext(".//title") == "INJECTED"


def test_check_html_has_a_section_per_story_with_unique_anchors(run, few_stories):
    from conftest import FEW_STORIES

    result = run("check", str(few_stories), "--format", "html", "--show", "all",
                 "--baseline", str(few_stories / "baseline.json"))
    assert result.exit_code == 0, result.output  # its contradictions and figure shifts are in the baseline
    html = result.stdout
    assert html.count('<section id="s') == len(FEW_STORIES) and "Story: kursk-first-clash" in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and set(re.findall(r'href="#([^"]+)"', html)) <= set(ids)
    assert ">baseline</span>" in html and ">warning</span>" in html and "<script" not in html
