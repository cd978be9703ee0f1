"""``claimdiff init [DIR]``: a corpus a newsroom can start from, checked green at once.

Writes one example story (two short reports of an invented local event, their front matter
explained in comments), an empty baseline, a ``[tool.claimdiff]`` section (appended to an
existing pyproject.toml, every byte of which is kept, or a new pyproject.toml of its own) and
a GitHub workflow that runs the claimdiff action. Every file is checked before any is
written: one that exists already is never overwritten, and a write that fails (a full disk,
a permission) takes back what this run wrote, so a failed init leaves the folder as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, InputError
from .version import __version__

STORY = "corpora/ashcombe-footbridge-closure"
REPOSITORY = "claimdiff/claimdiff"  # on GitHub: the action, the pre-commit hook and the package's source
ACTION = f"{REPOSITORY}@v{__version__}"

_FRONT_MATTER_NOTES = """\
# An example written by `claimdiff init`: the outlet, the town and the event are invented.
# The front matter (between the two --- lines) is YAML; every key is optional.
# outlet: the name reports give this report (default: the file's name)."""

REFERENCE = f"""---
{_FRONT_MATTER_NOTES}
outlet: The Ashcombe Gazette
# date: the day it was published; "on Tuesday" or "last week" are read against it.
date: 2025-03-12
# title and url: shown in the reports (the title is not compared).
title: Mill Lane footbridge shut after storm undermines its footing
url: https://ashcombe-gazette.example/news/mill-lane-footbridge
# role: reference marks the report the story's others are compared against (one a story).
# With none, every report is compared with every other.
role: reference
---
Ashcombe's Mill Lane footbridge was closed on Tuesday after Sunday's storm washed away part of the riverbank beneath its eastern footing, Wendmoor District Council said.

The council said repairs would cost about £85,000 and that the bridge is expected to reopen within eight weeks.

About 600 people cross the bridge each day, most of them on their way to Ashcombe station, according to a council survey.

Walkers now face a diversion of 1.2 miles (1.9 kilometres) by way of the Market Street road bridge.
"""

OTHER = f"""---
{_FRONT_MATTER_NOTES}
outlet: Vale Radio News
# date: the day it was published; "on Tuesday" or "last week" are read against it.
date: 2025-03-12
title: Storm damage closes Ashcombe footbridge
# No role here: this report is compared against the one marked role: reference.
---
A footbridge over the River Wend in Ashcombe has been shut after storm damage to the riverbank beneath one of its footings.

Wendmoor District Council closed the Mill Lane crossing on Tuesday.

Repairs are estimated at £85,000, the council said, and the bridge could reopen within eight weeks.

The bridge carries about 600 people a day, according to a council survey.
"""

CONFIG = """\
[tool.claimdiff]
# claimdiff check reads these; a flag on the command line wins over its key here.
corpus = "corpora"                          # one folder per story, the reports inside
baseline = "corpora/baseline.json"          # findings accepted: claimdiff check --write-baseline corpora/baseline.json
fail-on = ["contradiction", "figure-shift"] # kinds that fail the check
"""

WORKFLOW = f"""\
name: claimdiff
on: [push, pull_request]
permissions: {{contents: read, security-events: write}}  # security-events: for upload-sarif
jobs:
  claims:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {{python-version: "3.12"}}
      - id: claimdiff  # corpus, baseline and fail-on from [tool.claimdiff]
        uses: {ACTION}
      - if: always() && steps.claimdiff.outputs.sarif != ''
        uses: github/codeql-action/upload-sarif@v3
        with: {{sarif_file: "${{{{ steps.claimdiff.outputs.sarif }}}}", category: claimdiff}}
"""


@dataclass(frozen=True)
class Plan:
    """What ``init`` writes: new files (path, text) and, for an existing pyproject.toml, its
    whole new text (the old bytes, then the section)."""
    folder: Path
    new: tuple[tuple[Path, str], ...]
    pyproject: tuple[Path, str] | None


def plan(folder: str | os.PathLike) -> Plan:
    """Everything ``init`` would write into ``folder``, checked: raises a one-line error, and
    writes nothing, when a file exists already, a folder on the way is a file, the
    pyproject.toml there has a [tool.claimdiff] section or cannot be read, or a folder cannot
    be written."""
    from .check import baseline_text

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise InputError(f"{folder}: is a file, not a folder")
    files = [(f"{STORY}/ashcombe-gazette.md", REFERENCE), (f"{STORY}/vale-radio-news.md", OTHER),
             ("corpora/baseline.json", baseline_text([])[0]), (".github/workflows/claimdiff.yml", WORKFLOW)]
    new = []
    for rel, text in files:
        path = root / rel
        if path.exists() or path.is_symlink():
            raise InputError(f"{path}: already exists; claimdiff init never overwrites a file (nothing was written)")
        _writable_folder(path.parent)
        new.append((path, text))
    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        _writable_folder(root)
        return Plan(root, tuple(new) + ((pyproject, CONFIG),), None)
    return Plan(root, tuple(new), (pyproject, _with_section(pyproject)))


def _writable_folder(folder: Path) -> None:
    """The folder, or the nearest one above it that exists, is a folder this process may write in."""
    here = folder
    while not here.exists() and not here.is_symlink():
        here = here.parent
    if not here.is_dir():
        raise InputError(f"{here}: is a file, where claimdiff init needs a folder (nothing was written)")
    if not os.access(here, os.W_OK | os.X_OK):
        raise InputError(f"{here}: cannot be written (permission denied; nothing was written)")


def _with_section(pyproject: Path) -> str:
    """The file's text, byte for byte (its line ends too), and the section after it."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    from .read.files import writable_target

    writable_target(pyproject)  # a read-only file is refused now, before anything is written
    try:
        text = pyproject.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(f"{pyproject}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{pyproject}: not UTF-8 text; claimdiff init leaves it alone") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{pyproject}: not valid TOML ({exc}); claimdiff init leaves it alone") from None
    tool = data.get("tool", {})
    if isinstance(tool, dict) and "claimdiff" in tool:
        raise ConfigError(f"{pyproject}: already has a [tool.claimdiff] section; claimdiff init leaves it alone")
    newline = "\r\n" if "\r\n" in text else "\n"
    section = CONFIG.replace("\n", newline)
    lead = "" if not text else (newline if text.endswith(("\n", "\r")) else newline * 2)
    whole = text + lead + section
    try:
        tomllib.loads(whole)
    except tomllib.TOMLDecodeError:  # [tool] written as an inline table, say: a section cannot join it
        raise ConfigError(f"{pyproject}: a [tool.claimdiff] section cannot be added after what it holds; "
                          "add the section by hand (docs/commands.md)") from None
    return whole


def init(folder: str | os.PathLike = ".") -> list[Path]:
    """Write the skeleton into ``folder`` (made if missing); the files written, in order.
    On a failure midway, the files and folders this run made are removed again, and the
    pyproject.toml, written last and whole, is as it was."""
    from .read.files import write_atomically

    todo = plan(folder)
    made: list[Path] = []
    written: list[Path] = []
    try:
        for path, text in todo.new:
            made += _make_folders(path.parent)
            with open(path, "x", encoding="utf-8", newline="") as fh:  # "x": never over a file made meanwhile
                written.append(path)
                fh.write(text)
        if todo.pyproject is not None:
            write_atomically(*todo.pyproject)
            written.append(todo.pyproject[0])
    except (OSError, InputError) as exc:
        for path in reversed(written):
            path.unlink(missing_ok=True)
        for path in reversed(made):
            try:
                path.rmdir()
            except OSError:
                pass
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{exc.filename or folder}: cannot be written ({exc.strerror or exc}); "
                         "nothing was left behind") from None
    return written


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and the folders above it that are missing; those made, outermost first."""
    missing = []
    here = folder
    while not here.exists():
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))
