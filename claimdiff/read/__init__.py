"""Read: paths, ``-`` (standard input), folders, saved pages and addresses in; ``Document``s out.

Contract: each ``Document`` has an id, outlet, date, title, url and its text, exactly as
read (every later offset points into that text). Modules: this one (files, front matter),
``web`` (HTML pages and ``http(s)://`` addresses, through trafilatura), ``files`` (writing
outputs atomically).

Every way a file can be unusable (missing, a folder, empty, binary, not UTF-8, too
large, broken front matter) raises ``InputError`` with one line that names the file.
Nothing is ever written to the user's files.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .files import read_stream
from ..model import Document

MAX_BYTES = 8 * 1024 * 1024  # a long news article is under 100 KB; 8 MiB is far past any
FRONT_MATTER_KEYS = ("outlet", "date", "title", "url", "role", "source", "story")
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ""}

_FM_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def read_documents(paths: Iterable[str], *, stdin: bytes | None = None) -> list[Document]:
    """Read each path (``-`` is standard input) and give every document a unique id."""
    docs = [read_document(p, stdin=stdin) for p in paths]
    return unique_ids(docs)


def unique_ids(docs: list[Document]) -> list[Document]:
    """Documents with distinct ids: the second "x" becomes "x-2", or "x-3" when a document is
    already called "x-2" (a/x.md, b/x.md, x-2.md), and so on."""
    taken = {doc.id for doc in docs}
    seen: set[str] = set()
    out = []
    for doc in docs:
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
            continue
        n = 2
        while f"{doc.id}-{n}" in taken:
            n += 1
        new_id = f"{doc.id}-{n}"
        taken.add(new_id)
        seen.add(new_id)
        out.append(_replace_id(doc, new_id))
    return out


def _replace_id(doc: Document, new_id: str) -> Document:
    return _replace(doc, id=new_id)


def _replace(doc: Document, **changes) -> Document:
    from dataclasses import replace

    return replace(doc, **changes)


def read_document(path: str, *, stdin: bytes | None = None) -> Document:
    from .web import HTML_SUFFIXES, is_url

    if is_url(path):
        return read_url(path)
    if path == "-":
        if stdin is None and (sys.stdin is None or getattr(sys.stdin, "buffer", None) is None):
            raise InputError("-: standard input is closed")
        try:
            data = stdin if stdin is not None else sys.stdin.buffer.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"-: standard input cannot be read ({exc.strerror or exc})") from None
        name, doc_id = "<stdin>", "stdin"
    else:
        p = Path(path)
        name = path
        if not p.exists():
            raise missing(path, "file")
        if p.is_dir():
            raise InputError(f"{path}: is a folder, not a report (name the files in it)")
        if p.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
            raise InputError(f"{path}: unsupported file type {p.suffix!r} (use .md, .txt or .html)")
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                data = read_stream(path, MAX_BYTES)  # a FIFO or a device: read with a deadline
            elif st.st_size > MAX_BYTES:
                raise InputError(f"{path}: too large ({st.st_size / 2**20:.1f} MiB; the limit is {MAX_BYTES // 2**20} MiB)")
            else:
                with p.open("rb") as fh:
                    data = fh.read(MAX_BYTES + 1)
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        doc_id = _slug(p.stem) or "document"
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large (over {MAX_BYTES // 2**20} MiB)")
    if path != "-" and Path(path).suffix.lower() in HTML_SUFFIXES:
        return html_document(data, doc_id=doc_id, path=path, name=name)
    text = decode(data, name)
    return parse_document(text, doc_id=doc_id, path=path, name=name)


def read_url(url: str) -> Document:
    """An http(s) address: fetched, then read as a page (or as text, when the server says so)."""
    from .web import fetch, url_id

    data, kind = fetch(url, MAX_BYTES)
    doc_id = _slug(url_id(url)) or "page"
    if kind in ("text/plain", "text/markdown", "text/x-markdown"):
        doc = parse_document(decode(data, url), doc_id=doc_id, path=url, name=url)
        return doc if doc.url else _replace(doc, url=url)
    return html_document(data, doc_id=doc_id, path=url, name=url, url=url)


def html_document(data: bytes, *, doc_id: str, path: str, name: str, url: str | None = None) -> Document:
    """A saved news page: its article text and metadata, as trafilatura reads them."""
    from .web import read_html

    page = read_html(data, name=name, url=url)
    return Document(id=doc_id, text=page["text"], outlet=page["outlet"] or doc_id, path=path, date=page["date"],
                    title=page["title"], url=page["url"])


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused, not guessed."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts with a UTF-16 mark but is not valid UTF-16") from None
    else:
        if b"\x00" in data[:8192]:
            utf16 = _utf16_without_mark(data)
            if utf16:
                raise InputError(f"{name}: {utf16} text without a byte-order mark; convert it, "
                                 f"e.g. iconv -f {utf16} -t utf-8")
            raise InputError(f"{name}: binary file, not a text report")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "convert it, e.g. iconv -f latin1 -t utf-8"
            ) from None
    if "\x00" in text:
        raise InputError(f"{name}: binary file, not a text report")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def missing(path: str, what: str) -> InputError:
    """The error for a path that names nothing: a dangling or looping link is said as such."""
    if os.path.lexists(path):
        return InputError(f"{path}: a symbolic link that loops or points at nothing")
    return InputError(f"{path}: no such {what}")


def _utf16_without_mark(data: bytes) -> str | None:
    """"UTF-16LE" or "UTF-16BE" when the bytes look like it: text whose every other byte is
    zero (English in UTF-16) and that decodes; not guessed from anything less."""
    head = data[:8192]
    if len(head) < 16 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, name, codec in ((odd, "UTF-16LE", "utf-16-le"), (even, "UTF-16BE", "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return name
    return None


def parse_document(text: str, *, doc_id: str, path: str | None, name: str) -> Document:
    meta, body, body_line = split_front_matter(text, name)
    return document_from(meta, body, doc_id=doc_id, path=path, name=name, body_line=body_line)


def document_from(meta: dict, body: str, *, doc_id: str, path: str | None, name: str, body_line: int = 1) -> Document:
    """A document from its metadata (front matter, or a JSONL record's fields) and its text,
    which is never read for front matter: a JSONL text may start with '---'."""
    if not body.strip():
        raise InputError(f"{name}: empty (no article text)" + (" after the front matter" if meta else ""))
    doc_id = _slug(str(meta.get("id", ""))) or doc_id
    outlet = _text_field(meta, "outlet", name) or doc_id
    return Document(
        id=doc_id,
        text=body,
        outlet=outlet,
        path=path,
        date=_date_field(meta, name),
        title=_text_field(meta, "title", name),
        url=_text_field(meta, "url", name),
        role=_text_field(meta, "role", name),
        body_line=body_line,
    )


def split_front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """(metadata, body, 1-based line where the body starts). No front matter: ({}, text, 1)."""
    m = _FM_OPEN.match(text)
    if not m:
        return {}, text, 1
    close = _FM_CLOSE.search(text, m.end())
    if not close:
        raise InputError(f"{name}: front matter opened with '---' on line 1 is never closed")
    import yaml

    raw = text[m.end() : close.start()]
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InputError(f"{name}: front matter{where}: {problem}") from None
    except (ValueError, OverflowError) as exc:  # YAML syntax that parses, a value that does not: date: 2024-13-45
        raise InputError(f"{name}: front matter has a value that cannot be read ({exc})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter must be a mapping of keys to values")
    end = close.end()
    if text.startswith("\n", end):
        end += 1
    body_line = text.count("\n", 0, end) + 1
    return meta, text[end:], body_line


def _text_field(meta: dict, key: str, name: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(f"{name}: front matter '{key}' must be text")
    return str(value).strip() or None


def _date_field(meta: dict, name: str) -> str | None:
    value = meta.get("date")
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return _dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        raise InputError(f"{name}: front matter 'date' must be a date like 2024-11-05, not {s!r}") from None


def _slug(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", s.strip()).strip("-.")
    return s.lower()


REPORT_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}


def is_report(path: Path) -> bool:
    """A report file: .md, .markdown, .txt, .html or .htm; dot-files, README and NOTES are not reports."""
    return (path.is_file() and not path.name.startswith(".") and path.suffix.lower() in REPORT_SUFFIXES
            and path.stem.upper() not in {"README", "NOTES"})


def reports_in(folder: Path) -> list[Path]:
    """The reports directly in a folder, sorted."""
    return [p for p in sorted(list_folder(folder)) if is_report(p)]


def list_folder(folder: Path) -> list[Path]:
    """What a folder holds; one line when it cannot be read (not "no reports")."""
    try:
        return list(folder.iterdir())
    except PermissionError:
        raise InputError(f"{folder}: permission denied (the folder cannot be listed)") from None
    except OSError as exc:
        raise InputError(f"{folder}: cannot be listed ({exc.strerror or exc})") from None


def walk(folder: Path) -> list[Path]:
    """Reports in a folder and below it, sorted, dot-folders skipped."""
    out = []
    list_folder(folder)  # an unreadable folder is said so, not walked as empty

    def refused(exc: OSError) -> None:
        raise InputError(f"{exc.filename}: cannot be listed ({exc.strerror or exc})")

    for root, dirs, files in os.walk(folder, onerror=refused):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(p for p in (Path(root) / f for f in sorted(files)) if is_report(p))
    return out


def language_warnings(docs: Iterable[Document]) -> list[str]:
    """Notes for documents claimdiff reads poorly: not English, or the same text twice."""
    out = []
    seen: dict[str, str] = {}
    for d in docs:
        letters = [c for c in d.text if c.isalpha()]
        if letters and sum(c.isascii() for c in letters) / len(letters) < 0.6:
            out.append(f"{d.path or d.id}: does not look like English; claims are read with English rules")
        key = " ".join(d.text.split())
        if key in seen:
            out.append(f"{d.path or d.id}: the same text as {seen[key]}")
        else:
            seen[key] = d.path or d.id
    return out
