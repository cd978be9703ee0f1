"""Articles from HTML: a saved news page (.html, .htm) or an http(s) address.

trafilatura finds the article in the page and leaves navigation, ads and reader comments
out; the title, date and outlet come from the page's metadata (title, og:site_name,
article:published_time, JSON-LD, <time>), never from the day the page is read: dates are
read from the page's markup only (no guessing from its text), and the latest date allowed
is a fixed one, not today. trafilatura is imported only when a page is read.

An address is fetched with urllib: a timeout (``CLAIMDIFF_TIMEOUT`` seconds, default 20),
at most ``MAX_BYTES``, and every failure (an error status, no answer, a refused
connection, a page too large) is one ``InputError`` line.
"""

from __future__ import annotations

import http.client
import logging
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from ..version import __version__
from ..errors import InputError

HTML_SUFFIXES = {".html", ".htm"}
DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 3600.0
# htmldate's settings: the page's markup only, and a fixed latest date rather than today's,
# so that a page reads the same next year as it does today
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31", "min_date": "1990-01-01"}


_SENTENCE = re.compile(r"\w+(?:\W+\w+){4,}\W*?[.!?][\"'”’)\]]*$")


def is_url(path: str) -> bool:
    return bool(re.match(r"https?://", path, re.I))


def check_url(url: str) -> None:
    """An address urllib can ask for: a host, a numeric port, no spaces or control characters."""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise InputError(f"{url!r}: not a valid address (spaces and control characters must be written as %20 and the like)")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for "127.0.0.1:abc"
    except ValueError as exc:
        raise InputError(f"{url}: not a valid address ({exc})") from None
    if not parts.hostname:
        raise InputError(f"{url}: not a valid address (no host)")


def timeout() -> float:
    raw = os.environ.get("CLAIMDIFF_TIMEOUT", "")
    try:
        value = float(raw) if raw.strip() else DEFAULT_TIMEOUT
    except ValueError:
        raise InputError(f"CLAIMDIFF_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if not (0 < value <= MAX_TIMEOUT):  # also nan and inf, which no socket takes
        raise InputError(f"CLAIMDIFF_TIMEOUT must be more than 0 and at most {MAX_TIMEOUT:g} seconds, not {raw!r}")
    return value


def fetch(url: str, max_bytes: int) -> tuple[bytes, str]:
    """The body of ``url`` and its content type; one ``InputError`` line for any failure."""
    seconds = timeout()
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": f"claimdiff/{__version__}",
                                                   "Accept": "text/html, text/plain;q=0.8, */*;q=0.1"})
    try:
        deadline = time.monotonic() + seconds
        with urllib.request.urlopen(request, timeout=seconds) as response:  # noqa: S310 (http and https only)
            kind = response.headers.get_content_type()
            # the timeout bounds each wait; the deadline bounds the whole page, so a server
            # that sends a few bytes at a time cannot hold the run
            chunks, size = [], 0
            while size <= max_bytes:
                chunk = response.read1(min(1 << 16, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: not all sent within {seconds:g} s (set CLAIMDIFF_TIMEOUT for longer)")
            data = b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{url}: no answer within {seconds:g} s (set CLAIMDIFF_TIMEOUT for longer)") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{url}: no answer within {seconds:g} s (set CLAIMDIFF_TIMEOUT for longer)") from None
        raise InputError(f"{url}: cannot be fetched ({getattr(reason, 'strerror', None) or reason})") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(f"{url}: cannot be fetched ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{url}: too large (over {max_bytes // 2**20} MiB)")
    return data, kind


MAX_NESTING = 1000
MAX_BLOCKS = 20_000  # <p>, <div>, <li>, <br>, ... : a long article has a few hundred
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source", b"track",
         b"wbr", b"p", b"li", b"td", b"tr", b"th", b"option"}  # void, or closed implicitly by the next one
_BLOCKS = {b"p", b"div", b"li", b"br", b"tr", b"section", b"article", b"h1", b"h2", b"h3", b"h4", b"blockquote"}


def _nesting(data: bytes) -> tuple[int, int]:
    """How deep a page's elements nest (an estimate: tags whose end is implied are not
    counted), and how many block elements it opens, from its tags in one pass."""
    depth = deepest = blocks = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if not m.group(1) and name in _BLOCKS:
            blocks += 1
        if name in _VOID or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest, blocks


def read_html(data: bytes, *, name: str, url: str | None = None) -> dict[str, str | None]:
    """The article of an HTML page: {"text", "title", "date", "outlet", "url"}.

    Paragraphs are separated by a blank line, as in a .md report. A page in which
    trafilatura finds no article text raises ``InputError``.
    """
    depth, blocks = _nesting(data)
    if depth > MAX_NESTING:  # lxml gives up on such a page, and "no article text" would be wrong
        raise InputError(f"{name}: not a readable HTML page (elements nested {depth:,} deep; "
                         f"a news page nests a few dozen)")
    if blocks > MAX_BLOCKS:  # said before trafilatura spends tens of seconds on it
        raise InputError(f"{name}: {blocks:,} paragraphs and blocks, far more than a news page holds "
                         f"(the limit is {MAX_BLOCKS:,}); not an article")
    for logger in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)  # its warnings are not the user's concern
    from trafilatura import bare_extraction

    try:
        found = bare_extraction(data, url=url, include_comments=False, include_tables=True, include_images=False,
                                with_metadata=True, date_extraction_params=dict(DATE_PARAMS))
    except Exception as exc:  # a page lxml cannot parse at all
        raise InputError(f"{name}: not a readable HTML page ({type(exc).__name__})") from None
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    paragraphs = [p for p in (" ".join(p.split()) for p in text.split("\n")) if p]
    if not any(_SENTENCE.search(p) for p in paragraphs):
        # trafilatura's fallbacks keep whatever text a page has ("Home Sport" of a menu): an
        # article has at least one sentence of five words or more
        raise InputError(f"{name}: no article text found in this HTML page")
    title = getattr(found, "title", None) or None
    if title and len(paragraphs) > 1 and paragraphs[0].casefold() == " ".join(title.split()).casefold():
        paragraphs = paragraphs[1:]  # the headline, which a .md report keeps in its front matter
    sitename = getattr(found, "sitename", None) or getattr(found, "hostname", None)
    return {
        "text": "\n\n".join(paragraphs) + "\n",
        "title": title,
        "date": getattr(found, "date", None) or None,
        "outlet": sitename or None,
        "url": url or getattr(found, "url", None) or None,
    }


def url_id(url: str) -> str:
    """A document id from an address: its last path segment, else its host."""
    parts = urllib.parse.urlsplit(url)
    last = [s for s in parts.path.split("/") if s]
    stem = re.sub(r"\.(html?|php|aspx?)$", "", last[-1], flags=re.I) if last else ""
    return stem or parts.hostname or "page"
