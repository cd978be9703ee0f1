"""check: gate a news corpus, story by story, the way a linter gates code.

A corpus is folders (one per story, reports inside) or JSONL files (one document a
line, with a ``story`` field). Each story is compared as a group: every report against
the story's reference (a report with ``role: reference``, or the ``reference`` named in
the folder's gold.yaml), or all against all when there is none. Stories are read and
compared one at a time (``iter_stories``), so memory does not grow with the corpus, and
each story's result is a pure function of its documents and settings.

Findings are named by a fingerprint of their content (code, story, outlets, normalised
claim texts and figures), never by line numbers, run dates or scores, so a baseline of
accepted findings survives edits elsewhere in an article.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError, InputError
from .model import Comparison, Document, Finding, Kind
from .read.files import write_atomically
from .read import MAX_BYTES, document_from, list_folder, missing, read_document, reports_in, unique_ids

DEFAULT_FAIL_ON = (Kind.CONTRADICTION, Kind.FIGURE_SHIFT)
BASELINE_VERSION = 1


@dataclass(frozen=True)
class Story:
    name: str
    source: str  # the folder or JSONL file it came from
    documents: tuple[Document, ...]
    reference: str | None  # document id
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryFinding:
    story: str
    finding: Finding
    fingerprint: str
    paths: tuple[str | None, ...]  # the file of each side
    columns: tuple[tuple[int, int, int, int], ...]  # (line, column, end line, end column) of each side
    new: bool = True


@dataclass
class CheckResult:
    stories: list[tuple[Story, Comparison]] = field(default_factory=list)
    findings: list[StoryFinding] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)  # baseline entries no longer found
    warnings: list[str] = field(default_factory=list)

    def failing(self, fail_on: Sequence[Kind]) -> list[StoryFinding]:
        return [f for f in self.findings if f.new and f.finding.kind in fail_on]


def exit_code(result: CheckResult, fail_on: Sequence[Kind], *, exit_zero: bool = False) -> int:
    """0: nothing new at a failing kind (or --exit-zero); 1: new findings of a failing kind.

    2, for usage, configuration and input errors, is raised before a result exists.
    """
    if exit_zero:
        return 0
    return 1 if result.failing(fail_on) else 0


# -- reading stories ----------------------------------------------------------------------------

def iter_stories(paths: Sequence[str]) -> Iterator[Story]:
    """Stories under the given paths, one at a time, in sorted order (of the paths too, so the
    order they were given in cannot change a report).

    A story is named by its folder; two folders of one name ("x/fire", "y/fire") are named by
    as much of their paths as tells them apart, and a JSONL story whose name is taken by then
    by its file's name too ("more.jsonl/fire"), so that no two stories share findings."""
    for job in iter_jobs(paths):
        yield job_story(job)


@dataclass(frozen=True)
class StoryJob:
    """One story to compare, as ``iter_jobs`` hands it out: a folder whoever compares it reads
    (``folder``, a path as it was given), or a story read already (``story``: a JSONL story,
    shipped as data)."""
    name: str
    folder: str | None = None
    story: Story | None = None


def iter_jobs(paths: Sequence[str]) -> Iterator[StoryJob]:
    """``iter_stories`` without reading the folders' reports: what a worker needs to read and
    compare each story, in the same order and with the same names."""
    entries: list[tuple[Path, list[Path] | None]] = []
    seen: set[str] = set()
    for p in sorted(paths):  # every PATH is checked before any story is read
        path = Path(p)
        if not path.exists():
            raise missing(p, "file or folder")
        if path.is_file():
            if path.suffix.lower() != ".jsonl":
                raise InputError(f"{p}: check takes story folders or .jsonl files")
            entries.append((path, None))
            continue
        folders = _story_folders(path)
        if not folders:
            raise InputError(f"{p}: no story folders with reports in them")
        unique = []
        for folder in folders:
            key = str(folder.resolve())
            if key not in seen:
                seen.add(key)
                unique.append(folder)
        entries.append((path, unique))
    names = _distinct_names([f for _, folders in entries for f in folders or ()])
    used = set(names.values())
    for path, folders in entries:
        if folders is None:
            for story in _jsonl_stories(path):
                if story.name in used:
                    story = replace(story, name=f"{path.name}/{story.name}")
                used.add(story.name)
                yield StoryJob(story.name, story=story)
            continue
        for folder in folders:
            yield StoryJob(names[folder], folder=str(folder))


def job_story(job: StoryJob) -> Story:
    """The story of a job: read from its folder, or as it was shipped."""
    if job.story is not None:
        return job.story
    return replace(_folder_story(Path(job.folder)), name=job.name)


def _distinct_names(folders: list[Path]) -> dict[Path, str]:
    """Each folder's name, or as many of its last path parts as make it unique."""
    parts = {f: f.resolve().parts for f in folders}
    depth = {f: 1 for f in folders}
    while True:
        named = {f: "/".join(parts[f][-depth[f]:]) for f in folders}
        counts = Counter(named.values())
        grown = False
        for f in folders:
            if counts[named[f]] > 1 and depth[f] < len(parts[f]):
                depth[f] += 1
                grown = True
        if not grown:
            return named


def _story_folders(path: Path) -> list[Path]:
    """The story folders under ``path`` (sorted): its sub-folders that hold reports, when any
    does, and then the files beside them (an index.md, a report claimdiff wrote there) are not
    a story; else the folder itself, when it holds reports."""
    out = []
    for sub in sorted(list_folder(path)):
        if sub.is_dir() and not sub.name.startswith("."):
            out.extend(_story_folders(sub))
    if out:
        return out
    return [path] if reports_in(path) else []


def _folder_story(folder: Path) -> Story:
    named = _gold_reference(folder)  # read, and so checked, whether or not a report is marked
    files = reports_in(folder)
    docs, warnings = [], []
    for f in files:
        try:
            docs.append(read_document(str(f)))
        except InputError as exc:
            warnings.append(f"skipped: {exc}")
    marked = [n for n, d in enumerate(docs) if (d.role or "").lower() == "reference"]
    if len(marked) > 1:
        raise InputError(f"{folder}: {len(marked)} reports are marked role: reference; mark one")
    ref_index = marked[0] if marked else None
    if ref_index is None:
        if named is not None:
            try:
                docs.insert(0, read_document(str(named)))
            except InputError as exc:
                raise InputError(f"{folder}/gold.yaml names a reference that cannot be read: {exc}") from None
            ref_index = 0
    docs = unique_ids(docs)
    reference = docs[ref_index].id if ref_index is not None else None
    if len(docs) < 2:
        return Story(folder.name, str(folder), tuple(docs), reference,
                     tuple(warnings) + (f"{folder}: fewer than two readable reports; nothing to compare",))
    return Story(folder.name, str(folder), tuple(docs), reference, tuple(warnings))


def _gold_reference(folder: Path) -> Path | None:
    gold = folder / "gold.yaml"
    if not gold.is_file():
        return None
    import yaml

    # a gold.yaml that cannot be read is an error here as in eval: comparing all against all
    # instead would gate the story on findings its author never meant
    try:
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{gold}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        raise InputError(f"{gold}: not valid YAML" + (f" (line {where.line + 1})" if where else "")) from None
    if data is None:
        return None
    if not isinstance(data, dict):
        raise InputError(f"{gold}: not a gold file (a mapping with 'reference' and 'expect')")
    reference = data.get("reference")
    if reference is None:
        return None
    if not isinstance(reference, str) or not reference.strip():
        raise InputError(f"{gold}: 'reference' must name a report of the folder")
    return Path(os.path.normpath(folder / reference))  # relative where the folder was given relative


JSONL_FIELDS = ("text", "story", "outlet", "id", "date", "title", "url", "role")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _jsonl_stories(path: Path) -> Iterator[Story]:
    """A JSONL corpus: one document a line; stories in order of first appearance.

    Read twice, so that memory stays flat however large the corpus: once to check every line
    and note where each story's lines are (every error is said before a story is compared),
    then story by story, building only that story's documents."""
    size = path.stat().st_size
    if size > 64 * MAX_BYTES:
        raise InputError(f"{path}: too large ({size / 2**20:.0f} MiB)")
    where_is: dict[str, list[tuple[int, int, int]]] = {}  # story -> (line number, offset, length)
    try:
        with path.open("rb") as fh:
            offset = 0
            for n, raw in enumerate(fh, 1):
                start, offset = offset, offset + len(raw)
                record = _jsonl_record(raw, n, path)
                if record is not None:
                    where_is.setdefault(record["story"], []).append((n, start, len(raw)))
            with path.open("rb") as again:
                for name, lines in where_is.items():
                    docs = []
                    for n, start, length in lines:
                        again.seek(start)
                        docs.append(_jsonl_document(_jsonl_record(again.read(length), n, path), n, path))
                    yield _jsonl_story(name, docs, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _jsonl_record(raw: bytes, n: int, path: Path) -> dict | None:
    """Line ``n``'s record, checked; None for a blank line."""
    where = f"{path}:{n}"
    if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: not a report (JSON nested too deep)") from None
    except ValueError:  # an integer of thousands of digits
        raise InputError(f"{where}: not a report (a number too long to read)") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: each line must be a JSON object")
    # a lone surrogate ("\ud800") is no character and cannot be written: the replacement
    # character stands for it; a pair written as two escapes is the one character it names
    obj = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in obj.items()}
    unknown = sorted(set(obj) - set(JSONL_FIELDS) - {"source", "excerpt", "hostname", "author", "language"})
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(unknown)} (known: {', '.join(JSONL_FIELDS)})")
    body, story = obj.get("text"), obj.get("story")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: 'text' must be non-empty text")
    if not isinstance(story, str) or not story.strip():
        raise InputError(f"{where}: 'story' must name the story the document belongs to")
    for key in ("outlet", "id", "date", "title", "url", "role"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(f"{where}: '{key}' must be text")
    return obj


def _jsonl_document(obj: dict, n: int, path: Path) -> Document:
    meta = {k: obj[k] for k in ("outlet", "date", "title", "url", "role", "id") if obj.get(k)}
    doc_id = _slug(obj.get("id") or obj.get("outlet") or f"line-{n}")
    body = obj["text"].replace("\r\n", "\n").replace("\r", "\n")
    # annotations point at the .jsonl file and the record's line, as an editor opens them
    doc = document_from(meta, body, doc_id=doc_id, path=str(path), name=f"{path}:{n}", body_line=n)
    return replace(doc, one_line=True)


def _jsonl_story(name: str, docs: list[Document], path: Path) -> Story:
    docs = unique_ids(docs)
    marked = [d.id for d in docs if (d.role or "").lower() == "reference"]
    if len(marked) > 1:
        raise InputError(f"{path}: story {name!r} has {len(marked)} documents marked role: reference")
    extra = () if len(docs) >= 2 else (f"{path}: story {name!r} has one document; nothing to compare",)
    return Story(name, str(path), tuple(docs), marked[0] if marked else None, extra)


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", str(s).lower()).strip("-.") or "document"


# -- fingerprints and the baseline --------------------------------------------------------------

_NORM = re.compile(r"[^\w%$.]+")


def _normal(text: str) -> str:
    return " ".join(_NORM.sub(" ", text.lower()).split())


def fingerprint(story: str, finding: Finding) -> str:
    """Content only: code, story, outlets, normalised claim texts. No lines, dates or scores."""
    parts = [finding.code, story] + [f"{s.outlet}\x1f{_normal(s.text)}" for s in finding.sides]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:24]


def load_baseline(path: str) -> dict[str, dict]:
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{path}: baseline file not found (write one with --write-baseline)")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise ConfigError(f"{path}: not a readable claimdiff baseline ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a readable claimdiff baseline (nested too deep)") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a claimdiff baseline (version {BASELINE_VERSION} with a findings list)")
    out = {}
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(f"{path}: every baseline entry needs a fingerprint")
        out[entry["fingerprint"]] = entry
    return out


def baseline_entry(f: StoryFinding) -> dict:
    return {
        "fingerprint": f.fingerprint,
        "story": f.story,
        "code": f.finding.code,
        "kind": f.finding.kind.value,
        "reason": f.finding.reason,
        "claims": [{"outlet": s.outlet, "text": s.text} for s in f.finding.sides],
    }


def baseline_text(findings: Sequence[StoryFinding]) -> tuple[str, int]:
    """A baseline of ``findings`` as sorted, readable JSON, and how many entries it holds."""
    entries = sorted({f.fingerprint: baseline_entry(f) for f in findings}.values(), key=lambda e: e["fingerprint"])
    payload = json.dumps({"version": BASELINE_VERSION, "tool": "claimdiff", "findings": entries},
                         indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return payload, len(entries)


def write_baseline(path: str, findings: Sequence[StoryFinding]) -> int:
    """Sorted, readable JSON, written to a temporary file and renamed into place."""
    payload, n = baseline_text(findings)
    try:
        write_atomically(path, payload)
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    return n


# -- running ------------------------------------------------------------------------------------

def _position(doc: Document, start: int, end: int) -> tuple[int, int, int, int]:
    """1-based (line, column, end line, end column) in the source file; end column exclusive."""
    def at(offset: int) -> tuple[int, int]:
        line = doc.line_of(offset)
        if doc.one_line:  # a JSONL record: its line, whose columns are those of the escaped JSON
            return line, 1
        nl = doc.text.rfind("\n", 0, offset)
        return line, offset - (nl + 1) + 1
    l0, c0 = at(start)
    l1, c1 = at(end)
    return l0, c0, l1, c1


def check_story(story: Story, *, settings, encoder, kinds: Sequence[Kind]) -> tuple[Comparison | None, list[StoryFinding]]:
    """One story: a pure function of its documents and settings."""
    from .api import compare

    if len(story.documents) < 2:
        return None, []
    comparison = compare(story.documents, reference=story.reference, all_pairs=story.reference is None,
                         settings=settings, encoder=encoder)
    docs = {d.id: d for d in comparison.documents}
    out = []
    for f in comparison.findings:
        if f.kind not in kinds:
            continue
        out.append(StoryFinding(
            story=story.name, finding=f, fingerprint=fingerprint(story.name, f),
            paths=tuple(docs[s.document].path for s in f.sides),
            columns=tuple(_position(docs[s.document], s.start, s.end) for s in f.sides),
        ))
    return comparison, out


def count_stories(paths: Sequence[str]) -> int | None:
    """How many stories ``iter_stories`` will give, when that is known without reading the
    reports (folders); None when a JSONL file would have to be read through to tell."""
    folders: set[str] = set()
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            return None
        folders.update(str(f.resolve()) for f in _story_folders(path))
    return len(folders)


def _kept(story: Story, comparison: Comparison) -> tuple[Story, Comparison]:
    """What the reports need of a story once it is compared: its name, source, reference and
    documents' ids, outlets, paths and dates. Texts, claims and alignments are dropped, so a
    corpus of 1,000 stories holds no more text in memory than one of 100."""
    docs = tuple(replace(d, text="") for d in comparison.documents)
    return (replace(story, documents=()),
            Comparison(documents=docs, claims=(), alignments=(), findings=(), settings=comparison.settings,
                       clusters=()))


@dataclass(frozen=True)
class StoryOutcome:
    """What comparing one story gives back: the story (without its documents), what the
    reports need of its comparison (all of it with ``whole``; None when there was nothing to
    compare), its findings and its warnings. Small, so a worker can send it back."""
    story: Story
    comparison: Comparison | None
    findings: tuple[StoryFinding, ...]
    warnings: tuple[str, ...]


def compare_job(job: StoryJob, settings, kinds: Sequence[Kind], whole: bool, encoder=None) -> StoryOutcome:
    """Read (a folder) and compare one story: what a worker runs for each story. Without an
    ``encoder``, this process's own (``process_encoder``), so a worker loads the model once."""
    if job.folder is not None and not Path(job.folder).is_dir():
        import socket

        raise InputError(f"{job.folder}: no such folder on {socket.gethostname()}, which compares story "
                         f"{job.name!r}; give check paths that every worker can see")
    story = job_story(job)
    if encoder is None and settings.semantic:
        encoder = process_encoder(settings)
    comparison, found = check_story(story, settings=settings, encoder=encoder, kinds=kinds)
    if comparison is None:
        return StoryOutcome(replace(story, documents=()), None, (), story.warnings)
    kept_story, kept = (replace(story, documents=()), comparison) if whole else _kept(story, comparison)
    return StoryOutcome(kept_story, kept, tuple(found), story.warnings)


_ENCODERS: dict = {}
_ENCODERS_LOCK = threading.Lock()


def process_encoder(settings):
    """The encoder of ``settings`` in this process, made once and kept, so a worker process
    loads the model once whatever number of stories it compares."""
    with _ENCODERS_LOCK:
        if settings not in _ENCODERS:
            from .api import make_encoder

            _ENCODERS[settings] = make_encoder(settings)
        return _ENCODERS[settings]


def prepare_worker(settings) -> None:
    """Make this process's encoder for ``settings`` before its first story. Its model loads at
    the first text the cache lacks, as in a serial run, and so never where every embedding is
    cached (a warm run then costs each worker no model and no memory for one). Its garbage
    collector runs as the command line's does."""
    from .process import collect_less

    collect_less()
    process_encoder(settings)


def holding(jobs: Iterator[StoryJob], changed: Sequence[str]) -> Iterator[StoryJob]:
    """The jobs whose story holds one of the ``changed`` files (as pre-commit names them,
    deleted ones too): a story folder that is one of the file's folders, or the .jsonl file
    itself. Their names are those a check of the whole corpus gives, so the baseline matches."""
    files = [Path(os.path.abspath(c)) for c in changed]
    for job in jobs:
        home = Path(os.path.abspath(job.folder if job.folder is not None else job.story.source))
        if any(home == f or home in f.parents for f in files):
            yield job


def check(paths: Sequence[str], *, settings=None, encoder=None, kinds: Sequence[Kind] = DEFAULT_FAIL_ON,
          baseline: dict[str, dict] | None = None, progress=None, whole: bool = False, workers: int = 1,
          scheduler: str | None = None, changed: Sequence[str] | None = None) -> CheckResult:
    """Every story: read, compare (``check_story``), keep its findings, let it go.

    ``progress``, when given, is called with each story's name once it is compared. ``whole``:
    keep each story's whole comparison (texts, claims, clusters), for the Markdown and HTML
    reports, which print every story in full and so grow with the corpus anyway; otherwise
    only what the other formats print is kept, and memory stays flat.

    ``workers`` above 1 compares the stories in that many local worker processes, and
    ``scheduler`` (a Dask scheduler's address) on that cluster (claimdiff.distribute); the
    results are taken in story order, so the result is the one a serial run gives.

    ``changed``: files that changed; only the stories under ``paths`` that hold one are
    compared (``holding``), and a change that touches no story is no error: nothing to check
    (a change to a story that then has nothing to compare is one, as it is for a whole check).
    """
    from .api import Settings, make_encoder

    settings = settings or Settings()
    kinds = tuple(kinds)
    result = CheckResult()
    seen: set[str] = set()
    touched: list[str] = []  # the stories a change touched (with ``changed``)

    def counted(found: Iterator[StoryJob]) -> Iterator[StoryJob]:
        for job in found:
            touched.append(job.name)
            yield job
    jobs = iter_jobs(paths) if changed is None else counted(holding(iter_jobs(paths), changed))
    if workers == 1 and scheduler is None:
        if encoder is None and settings.semantic:
            encoder = make_encoder(settings)

        def serial() -> Iterator[StoryOutcome]:
            for job in jobs:
                outcome = compare_job(job, settings, kinds, whole, encoder)
                if progress:
                    progress(job.name)
                yield outcome
        run = contextlib.nullcontext(serial())
    else:
        from . import distribute

        run = distribute.in_order(jobs, compare_job, (settings, kinds, whole), workers=workers, scheduler=scheduler,
                                  prepare=prepare_worker, prepare_args=(settings,), label=lambda job: job.name,
                                  done=progress, paths=list(paths) + [p for p in (settings.model, settings.cache_dir)
                                                                      if p is not None])
    with run as outcomes:
        for outcome in outcomes:
            result.warnings.extend(outcome.warnings)
            if outcome.comparison is None:
                continue
            result.stories.append((outcome.story, outcome.comparison))
            for f in outcome.findings:
                if f.fingerprint in seen:
                    continue  # the same finding reached twice (all-pairs stories)
                seen.add(f.fingerprint)
                result.findings.append(replace(f, new=baseline is None or f.fingerprint not in baseline))
    if not result.stories and (changed is None or touched):  # a gate that compared nothing must not pass
        raise InputError(f"{', '.join(paths)}: no story with two readable reports to compare")
    if baseline is not None:
        # an entry is gone only if this run looked for it: its kind among those checked and its
        # story among those compared (an entry that names neither is looked for everywhere)
        checked = {k.value for k in kinds}
        compared = {s.name for s, _ in result.stories}
        result.fixed = [e for fp, e in sorted(baseline.items()) if fp not in seen
                        and (not isinstance(e.get("kind"), str) or e["kind"] in checked)
                        and (not isinstance(e.get("story"), str) or e["story"] in compared)]
    return result
