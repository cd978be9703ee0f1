"""Renderers for ``claimdiff check``: text, json, jsonl, github, sarif, gitlab, junit, markdown, html.

Each is a pure function of the check result: stdout carries only the chosen format.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..version import __version__
from ..check import CheckResult, StoryFinding
from ..errors import InputError
from ..model import KIND_ORDER, TITLES, Kind
from . import wrap
from .text import markdown_text, one_line, printable


def baseline_entry_text(entry: dict) -> str:
    """A baseline entry as a reader names it: "CD200 harbour-fire: <reason>"; an entry that
    holds only its fingerprint (one written by hand) by that."""
    code, story, reason = (entry.get(k) for k in ("code", "story", "reason"))
    if all(isinstance(x, str) and x for x in (code, story, reason)):
        return f"{code} {story}: {reason}"
    named = " ".join(x for x in (code, story) if isinstance(x, str) and x)
    return f"{named + ' ' if named else ''}fingerprint {entry.get('fingerprint')}"

CHECK_FORMATS = ("text", "json", "jsonl", "github", "sarif", "gitlab", "junit", "markdown", "html")
GITHUB_MAX_ERRORS = 10
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DESCRIPTIONS = {
    Kind.AGREE: "Two reports make the same claim, with compatible figures.",
    Kind.FIGURE_SHIFT: "Figures of the same counted thing (or dates) that cannot both be true.",
    Kind.CONTRADICTION: "One report asserts what another denies.",
    Kind.ATTRIBUTION_SHIFT: "The same claim credited to another source, or named against anonymous.",
    Kind.CERTAINTY_SHIFT: "Asserted in one report, hedged or unconfirmed in another.",
    Kind.ONLY_IN: "A claim only one report makes.",
}


def render_check(result: CheckResult, fmt: str, fail_on, kinds=None, max_chars: int | None = None) -> str:
    """``kinds``: the kinds the check reports (failing and shown), for the Markdown and HTML
    pages, which list each story's findings of those kinds (default: the failing ones)."""
    return "".join(stream_check(result, fmt, fail_on, kinds, max_chars))


def stream_check(result: CheckResult, fmt: str, fail_on, kinds=None, max_chars: int | None = None) -> Iterator[str]:
    """The report in pieces, to be written as they come: json and jsonl are never held whole
    in memory (json.dumps with an indent joins a list of every small piece first, several
    times the report's size), so a large corpus's report costs little more than its findings."""
    if fmt == "json":
        yield from json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(_check_payload(result, fail_on))
        yield "\n"
    elif fmt == "jsonl":
        for f in result.findings:
            yield json.dumps(_finding_dict(f, fail_on), ensure_ascii=False) + "\n"
    elif fmt == "markdown":
        yield printable(check_markdown(result, fail_on, tuple(kinds or fail_on), max_chars))
    elif fmt == "html":
        yield printable(check_html(result, fail_on, tuple(kinds or fail_on)))
    elif fmt == "sarif":
        yield check_sarif(result, fail_on)
    elif fmt == "gitlab":
        yield check_gitlab(result, fail_on)
    else:  # text formats: a document's control characters shown, never sent (and XML kept 1.0)
        yield printable({"text": check_text, "github": check_github, "junit": check_junit}[fmt](result, fail_on))


def _headline(result: CheckResult, fail_on) -> str:
    s = summary(result, fail_on)
    return (f"{s['stories']} stories, {s['documents']} reports, {s['findings']} finding(s), {s['new']} new, "
            f"{s['failing']} failing ({', '.join(k.value for k in fail_on) or 'nothing fails'})")


def _levels(result: CheckResult, fail_on) -> dict:
    return {f.finding: _level(f, fail_on) for f in result.findings}


GITHUB_COMMENT_LIMIT = 65536  # characters GitHub takes in one issue or pull-request comment


def check_markdown(result: CheckResult, fail_on, kinds, max_chars: int | None = None) -> str:
    """A job summary or PR comment: the check's counts, then each story as ``compare`` shows it.

    With ``max_chars`` the page stays within that many characters (GitHub refuses a comment
    over 65,536): the counts and the failing findings come first, then whole stories while
    they fit, then one line saying how many stories and failing rows were left out."""
    from . import _md, to_markdown

    levels = _levels(result, fail_on)
    head = ["# claimdiff check", "", _headline(result, fail_on) + ".", ""]
    failing = [f for f in result.findings if levels[f.finding] == "error"]
    rows = [f"| error | {f.finding.code} | {_md(f.story)} | {_md(f.finding.reason)} |" for f in failing]
    stories = ["\n".join([f"## Story: {story.name}", "", to_markdown(comparison, kinds=kinds, h=3)])
               for story, comparison in result.stories]
    fixed = [f"- fixed: {markdown_text(baseline_entry_text(e))} (in the baseline, no longer found)" for e in result.fixed]

    def page(n_rows: int, n_stories: int, n_fixed: int, note: str | None) -> str:
        out = list(head)
        if n_rows:
            out += ["| level | code | story | reason |", "|---|---|---|---|"] + rows[:n_rows] + [""]
        if note:
            out += [note, ""]
        out += stories[:n_stories] + fixed[:n_fixed]
        return "\n".join(out).rstrip("\n") + "\n"

    whole = page(len(rows), len(stories), len(fixed), None)
    if max_chars is None or len(whole) <= max_chars:
        return whole

    def note(n_rows: int, n_stories: int) -> str:
        left = []
        if n_rows < len(rows):
            left.append(f"{len(rows) - n_rows} of {len(rows)} failing findings")
        if n_stories < len(stories):
            left.append(f"{len(stories) - n_stories} of {len(stories)} stories")
        return (f"_Cut to {max_chars:,} characters: {' and '.join(left) or 'the fixed entries'} not shown here; "
                "the json, sarif or html report has them all._")

    n_rows = len(rows)
    while n_rows and len(page(n_rows, 0, 0, note(n_rows, 0))) > max_chars:
        n_rows -= 1
    n_stories = 0
    while n_stories < len(stories) and len(page(n_rows, n_stories + 1, 0, note(n_rows, n_stories + 1))) <= max_chars:
        n_stories += 1
    text = page(n_rows, n_stories, 0, note(n_rows, n_stories))
    if len(text) > max_chars:  # not even the counts and the note fit
        raise InputError(f"--max-chars {max_chars} leaves no room for the report's counts; give at least {len(text)}")
    return text


def check_html(result: CheckResult, fail_on, kinds) -> str:
    """One page: the check's counts, then a section per story with its grid, findings and articles."""
    from html import escape

    from .html import body, page

    levels = _levels(result, fail_on)
    parts = [f"<p>{escape(_headline(result, fail_on))}.</p>\n<ul>\n"]
    parts += [f"<li><a href=\"#s{n}\">{escape(story.name)}</a></li>\n" for n, (story, _) in enumerate(result.stories, 1)]
    parts.append("</ul>\n")
    for n, (story, comparison) in enumerate(result.stories, 1):
        parts.append(f"<section id=\"s{n}\">\n<h2>Story: {escape(story.name)}</h2>\n")
        parts.append(body(comparison, kinds=kinds, prefix=f"s{n}-", h=3, level=levels.get))
        parts.append("</section>\n")
    if result.fixed:
        parts.append("<ul>\n" + "".join(f"<li>fixed: {escape(baseline_entry_text(e))}</li>\n" for e in result.fixed)
                     + "</ul>\n")
    return page("claimdiff check", "".join(parts))


def _where(f: StoryFinding, side: int) -> str:
    line = f.columns[side][0]
    return f"{f.paths[side]}:{line}"


def _level(f: StoryFinding, fail_on) -> str:
    if not f.new:
        return "baseline"
    return "error" if f.finding.kind in fail_on else "warning"


def check_text(result: CheckResult, fail_on) -> str:
    from tabulate import tabulate

    out = []
    by_story: dict[str, list[StoryFinding]] = {}
    for f in result.findings:
        by_story.setdefault(f.story, []).append(f)
    for story, comparison in result.stories:
        found = by_story.get(story.name, [])
        ref = story.reference or "none (all against all)"
        out.append(f"{story.name}: {len(comparison.documents)} reports, reference {ref}, {len(found)} finding(s)")
        if found:
            rows = [[_level(f, fail_on), f.finding.code, _where(f, 0), _where(f, -1), wrap(f.finding.reason, 60)]
                    for f in found]
            out.append(tabulate(rows, headers=["", "code", "reference", "other", "reason"], tablefmt="simple"))
        out.append("")
    for e in result.fixed:
        out.append(f"fixed: {baseline_entry_text(e)} (in the baseline, no longer found)")
    text = "\n".join(out).rstrip("\n")
    return text + "\n" if text else ""  # nothing compared (a change that touched no story): no blank line


def _finding_dict(f: StoryFinding, fail_on) -> dict:
    return {
        "story": f.story,
        "kind": f.finding.kind.value,
        "code": f.finding.code,
        "level": _level(f, fail_on),
        "new": f.new,
        "fingerprint": f.fingerprint,
        "reason": f.finding.reason,
        "sides": [
            {"document": s.document, "outlet": s.outlet, "path": path, "line": pos[0], "column": pos[1],
             "end_line": pos[2], "end_column": pos[3], "text": s.text, "start": s.start, "end": s.end}
            for s, path, pos in zip(f.finding.sides, f.paths, f.columns)
        ],
        "scores": {k: round(v, 4) for k, v in f.finding.scores},
    }


def summary(result: CheckResult, fail_on) -> dict:
    counts = {k.value: 0 for k in KIND_ORDER}
    for f in result.findings:
        counts[f.finding.kind.value] += 1
    return {
        "stories": len(result.stories),
        "documents": sum(len(c.documents) for _, c in result.stories),
        "findings": len(result.findings),
        "new": sum(f.new for f in result.findings),
        "failing": len(result.failing(fail_on)),
        "fixed": len(result.fixed),
        "by_kind": {k: v for k, v in counts.items() if v},
    }


def _check_payload(result: CheckResult, fail_on) -> dict:
    return {
        "version": "1",
        "tool": {"name": "claimdiff", "version": __version__},
        "fail_on": [k.value for k in fail_on],
        "summary": summary(result, fail_on),
        "stories": [
            {"name": story.name, "source": story.source, "reference": story.reference,
             "documents": [{"id": d.id, "outlet": d.outlet, "path": d.path, "date": d.date} for d in comparison.documents]}
            for story, comparison in result.stories
        ],
        "findings": [_finding_dict(f, fail_on) for f in result.findings],
        "fixed": result.fixed,
        "warnings": result.warnings,
    }


# -- GitHub workflow commands -------------------------------------------------------------------

def gh_data(s: str) -> str:
    """Escape a workflow command's message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(s: str) -> str:
    """Escape a workflow command's property value (file=, title=)."""
    return gh_data(s).replace(":", "%3A").replace(",", "%2C")


def check_github(result: CheckResult, fail_on) -> str:
    lines = []
    errors = [f for f in result.findings if _level(f, fail_on) == "error"]
    others = [f for f in result.findings if _level(f, fail_on) == "warning"]
    for f in errors[:GITHUB_MAX_ERRORS]:
        lines.append(_gh_command("error", f))
    for f in others[:GITHUB_MAX_ERRORS]:
        lines.append(_gh_command("warning", f))
    hidden = max(0, len(errors) - GITHUB_MAX_ERRORS) + max(0, len(others) - GITHUB_MAX_ERRORS)
    if hidden:
        total = len(errors) + len(others)
        lines.append(f"::notice title=claimdiff::{gh_data(f'{total} findings in all; {hidden} not shown as annotations. Run claimdiff check --format text for the full list.')}")
    return "".join(line + "\n" for line in lines)


def _annotated(f: StoryFinding) -> int:
    """The side a finding is shown on: the other report, the one a change brings in."""
    return len(f.finding.sides) - 1


def _gh_command(level: str, f: StoryFinding) -> str:
    side = _annotated(f)
    line, _, end_line, _ = f.columns[side]
    other = f.finding.sides[0]
    message = f"{f.finding.reason}\nReference ({other.outlet}, {_where(f, 0)}): {other.text}" \
        if len(f.finding.sides) > 1 else f.finding.reason
    props = f"file={gh_property(f.paths[side] or '')},line={line},endLine={end_line}," \
            f"title={gh_property(f'{f.finding.code} {f.finding.kind.value} ({f.story})')}"
    return f"::{level} {props}::{gh_data(message)}"


# -- SARIF 2.1.0 --------------------------------------------------------------------------------

def _path(f: StoryFinding, side: int) -> str:
    """The file of a finding's side, with forward slashes, as code-scanning reports name files."""
    return (f.paths[side] or "").replace("\\", "/")


def _location(f: StoryFinding, side: int, n: int | None = None) -> dict:
    line, col, end_line, end_col = f.columns[side]
    loc = {
        "physicalLocation": {
            "artifactLocation": {"uri": _path(f, side)},
            "region": {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                       "snippet": {"text": f.finding.sides[side].text}},
        },
        "message": {"text": f"{f.finding.sides[side].outlet}"},
    }
    if n is not None:
        loc["id"] = n
    return loc


def check_sarif(result: CheckResult, fail_on) -> str:
    rules = [{
        "id": k.code,
        "name": k.value,
        "shortDescription": {"text": TITLES[k]},
        "fullDescription": {"text": DESCRIPTIONS[k]},
        "defaultConfiguration": {"level": "error" if k in fail_on else "warning"},
    } for k in sorted(KIND_ORDER, key=lambda k: k.code)]
    index = {r["id"]: n for n, r in enumerate(rules)}
    results = []
    for f in result.findings:
        side = _annotated(f)
        item = {
            "ruleId": f.finding.code,
            "ruleIndex": index[f.finding.code],
            "level": "error" if f.finding.kind in fail_on else "warning",
            "message": {"text": f"{f.finding.reason} ({f.story})"},
            "locations": [_location(f, side)],
            "partialFingerprints": {"claimdiffFingerprint/v1": f.fingerprint},
            "properties": {"story": f.story, "kind": f.finding.kind.value, "new": f.new},
        }
        if not f.new:
            item["baselineState"] = "unchanged"
            item["suppressions"] = [{"kind": "external", "justification": "accepted in the claimdiff baseline"}]
        else:
            item["baselineState"] = "new"
        if len(f.finding.sides) > 1:
            item["relatedLocations"] = [_location(f, 0, 1)]
        results.append(item)
    payload = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimdiff", "version": __version__, "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# -- GitLab code quality ------------------------------------------------------------------------

def gitlab_severity(f: StoryFinding, fail_on) -> str:
    """GitLab's scale (info, minor, major, critical, blocker) from the finding's kind and whether
    that kind fails the gate: a new contradiction of a failing kind is critical, a new finding of
    another failing kind major, a finding of a kind only shown minor, and one the baseline
    accepts info (GitLab lists it, as it was before the change)."""
    if not f.new:
        return "info"
    if f.finding.kind not in fail_on:
        return "minor"
    return "critical" if f.finding.kind is Kind.CONTRADICTION else "major"


def check_gitlab(result: CheckResult, fail_on) -> str:
    """GitLab's code-quality report: a JSON list of issues, one a finding, each on the file and
    line of the other report's claim, fingerprinted as the baseline is (content only), so GitLab
    tells a merge request's new findings from those already there. Descriptions are one line,
    their control characters shown as escapes."""
    issues = []
    for f in result.findings:
        side = _annotated(f)
        issues.append({
            "description": one_line(f"{f.finding.kind.value} ({f.story}): {f.finding.reason}"),
            "check_name": f.finding.code,
            "fingerprint": f.fingerprint,
            "severity": gitlab_severity(f, fail_on),
            "location": {"path": _path(f, side), "lines": {"begin": f.columns[side][0]}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# -- JUnit XML ----------------------------------------------------------------------------------

def check_junit(result: CheckResult, fail_on) -> str:
    by_story: dict[str, list[StoryFinding]] = {}
    for f in result.findings:
        by_story.setdefault(f.story, []).append(f)
    suites = []
    total = failures = 0
    for story, comparison in result.stories:
        cases = []
        found = by_story.get(story.name, [])
        failing = [f for f in found if _level(f, fail_on) == "error"]
        for doc in comparison.documents:
            if doc.id == story.reference:
                continue
            mine = [f for f in failing if f.finding.sides[-1].document == doc.id]
            name = quoteattr(f"{doc.outlet} ({doc.path})")
            if not mine:
                cases.append(f"    <testcase classname={quoteattr(story.name)} name={name}/>")
                continue
            body = "\n".join(f"{f.finding.code} {f.finding.kind.value} at {_where(f, -1)}: {f.finding.reason}"
                             for f in mine)
            cases.append(
                f"    <testcase classname={quoteattr(story.name)} name={name}>\n"
                f"      <failure type={quoteattr(mine[0].finding.code)} message={quoteattr(mine[0].finding.reason)}>"
                f"{xml_escape(body)}</failure>\n    </testcase>")
        total += len(cases)
        fails = sum("<failure" in c for c in cases)
        failures += fails
        suites.append(f"  <testsuite name={quoteattr(story.name)} tests=\"{len(cases)}\" failures=\"{fails}\" "
                      f"errors=\"0\" skipped=\"0\">\n" + "\n".join(cases) + "\n  </testsuite>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="claimdiff" tests="{total}" failures="{failures}" errors="0">\n'
            + "\n".join(suites) + "\n</testsuites>\n")
