"""check on worker processes (--workers) and on a Dask cluster (--scheduler): the same bytes as a
serial run, a worker killed mid-story, a scheduler that is not there, Ctrl-C, and bad options.

The cluster is started here, on 127.0.0.1 (a scheduler and two worker processes, each under its
nanny), and stopped here, also when a test fails. Every run uses the real model (the default
backend, fp32 ONNX, exported once per session and linked into each cache folder)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from claimdiff.cli import cli
from claimdiff.errors import InputError
from conftest import ROOT, as_from_a_terminal
from dask_helpers import (Cluster, KillWorker, after_the_next, dies_at, dies_once, environ, fails_at, note_prepared,
                          whose)

NOWHERE = "/"  # no pyproject.toml above it: the runs read no [tool.claimdiff] (the project's names a baseline)
STORIES = ["kursk-first-clash", "us-jobs-report-sept-2024", "uk-election-2024", "mpox-emergency-2024"]
IN_JSONL = ["sbf-verdict-2023", "boeing-machinists-strike-2024"]


def _cache(folder, *exports):
    """An empty cache folder holding (links to) the session's ONNX exports."""
    (folder / "onnx").mkdir(parents=True)
    for f in exports:
        (folder / "onnx" / f.name).symlink_to(f)
    return folder


@pytest.fixture(scope="module")
def exports(onnx_file, onnx_fp32_encoder):
    return (onnx_file, onnx_fp32_encoder.file)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Four story folders and a JSONL file of two more stories: the paths a check is given."""
    base = tmp_path_factory.mktemp("corpus")
    for name in STORIES:
        shutil.copytree(ROOT / "corpora" / name, base / "stories" / name)
    shutil.copytree(ROOT / "seeds", base / "seeds")  # the reference a gold.yaml names (../../seeds/)
    lines = []
    for name in IN_JSONL:
        for f in sorted((ROOT / "corpora" / name).glob("*.md")):
            head, _, body = f.read_text(encoding="utf-8").partition("\n---\n")
            meta = dict(line.split(": ", 1) for line in head.splitlines()[1:] if ": " in line)
            lines.append(json.dumps({"story": name, "id": f.stem, "outlet": meta.get("outlet", f.stem).strip('"'),
                                     "role": meta.get("role"), "text": body.strip()}))
    (base / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(base / "stories"), str(base / "more.jsonl")]


@pytest.fixture(scope="module")
def cache(tmp_path_factory, exports):
    return _cache(tmp_path_factory.mktemp("cache"), *exports)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = None
    try:
        c = Cluster(tmp_path_factory.mktemp("cluster"))
        yield c
    finally:
        if c is not None:
            c.close()


def claimdiff(*args: str, cwd=None, **env: str) -> subprocess.CompletedProcess:
    """The command line in a child process, run where no pyproject.toml is found (unless ``cwd`` has one)."""
    return subprocess.run([sys.executable, "-m", "claimdiff", *args], capture_output=True, text=True,
                          cwd=cwd or NOWHERE, env=environ(**env), timeout=900)


@pytest.fixture(scope="module")
def serial(corpus, cache):
    """The serial run's output, per format (run once each)."""
    done: dict[str, str] = {}

    def output(fmt: str) -> str:
        if fmt not in done:
            out = claimdiff("check", *corpus, "--format", fmt, "--fail-on", "all", "--exit-zero",
                            "--cache-dir", str(cache))
            assert out.returncode == 0, out.stderr
            done[fmt] = out.stdout
        return done[fmt]
    return output


def _check(corpus, cache, fmt, *where):
    out = claimdiff("check", *corpus, "--format", fmt, "--fail-on", "all", "--exit-zero", "--cache-dir", str(cache),
                    *where)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    return out.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "jsonl"])
def test_a_cluster_gives_the_serial_bytes(corpus, cache, cluster, serial, fmt):
    found = _check(corpus, cache, fmt, "--scheduler", cluster.address)
    assert found == serial(fmt)
    if fmt == "json":  # folders and JSONL stories both, with findings to compare
        data = json.loads(found)
        assert {s["name"] for s in data["stories"]} == set(STORIES + IN_JSONL) and data["findings"]
    _wait(lambda: cluster.tasks() == [], "nothing of the run left on the cluster")


def test_local_workers_give_the_serial_bytes_on_one_cold_cache(corpus, exports, serial, tmp_path):
    """Two worker processes, both filling one empty cache (SQLite, shared on this machine)."""
    cold = _cache(tmp_path / "cache", *exports)
    assert _check(corpus, cold, "json", "--workers", "2") == serial("json")
    with sqlite3.connect(cold / "embeddings.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM embeddings").fetchone()[0] > 100


def test_workers_from_the_config_file(corpus, cache, serial, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.claimdiff]\nworkers = 2\n", encoding="utf-8")
    out = claimdiff("check", *corpus, "--format", "json", "--fail-on", "all", "--exit-zero", "--cache-dir", str(cache),
                    cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == serial("json")


def test_a_worker_killed_mid_story_is_retried_and_the_output_is_the_serial_one(corpus, cache, cluster, serial,
                                                                               tmp_path):
    cluster.client.register_plugin(KillWorker(str(tmp_path), times=1))
    try:
        found = _check(corpus, cache, "json", "--scheduler", cluster.address)
    finally:
        cluster.client.unregister_worker_plugin(KillWorker.name)
        cluster.restore()
    assert (tmp_path / "killed-0").exists()  # a worker died while it compared a story
    assert found == serial("json")


def test_a_story_whose_workers_keep_dying_fails_in_one_line(corpus, cache, cluster, tmp_path):
    """The cluster allows one death per task (allowed-failures 1): the second stops the run."""
    cluster.client.register_plugin(KillWorker(str(tmp_path), place=1))
    try:
        out = claimdiff("check", *corpus, "--format", "json", "--cache-dir", str(cache), "--scheduler",
                        cluster.address)
    finally:
        cluster.client.unregister_worker_plugin(KillWorker.name)
        cluster.restore()
    assert out.returncode == 2, out.stderr
    (line,) = out.stderr.strip().splitlines()
    # the stories of the second batch (of four: the JSONL file's two, sorted first, then the
    # folders'), whose every start kills its worker; or of the first, if it was waiting on both
    # workers that died
    named, _, said = line.removeprefix("claimdiff: error: ").partition(": ")
    folders = sorted(STORIES)
    assert named.replace(" and ", ", ").split(", ") in ([*IN_JSONL, *folders[:2]], folders[2:])
    assert said == "could not be compared: 2 worker processes died while comparing them (they ran as one task)"
    assert out.stdout == "" and len(list(tmp_path.glob("killed-*"))) == 2
    _wait(lambda: cluster.tasks() == [], "the run's tasks to leave the cluster")


def _wait(condition, what: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.02)


def _big_corpus(folder):
    """Every bundled story, three times: a run long enough to interrupt."""
    for n in range(3):
        for story in sorted(p for p in (ROOT / "corpora").iterdir() if p.is_dir()):
            shutil.copytree(story, folder / "corpora" / f"{story.name}-{n}")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    return folder / "corpora"


def test_ctrl_c_cancels_the_clusters_tasks_and_exits_130(cluster, exports, tmp_path):
    big = _big_corpus(tmp_path / "corpus")
    proc = subprocess.Popen([sys.executable, "-m", "claimdiff", "check", str(big), "--format", "json",
                             "--cache-dir", str(_cache(tmp_path / "cache", *exports)), "--scheduler", cluster.address],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=environ(),
                            start_new_session=True, preexec_fn=as_from_a_terminal)
    try:
        _wait(lambda: cluster.tasks() or proc.poll() is not None, "the run's tasks on the cluster")
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to the whole process group
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["claimdiff: interrupted"] and out == ""
    _wait(lambda: cluster.tasks() == [], "the run's tasks cancelled, not left to run for nobody")


def test_ctrl_c_stops_the_local_workers_and_exits_130(exports, tmp_path):
    """The terminal's Ctrl-C reaches the workers too: they leave it to the run, which stops them."""
    big = _big_corpus(tmp_path / "corpus")
    cold = _cache(tmp_path / "cache", *exports)
    proc = subprocess.Popen([sys.executable, "-m", "claimdiff", "check", str(big), "--format", "json",
                             "--cache-dir", str(cold), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=environ(),
                            start_new_session=True, preexec_fn=as_from_a_terminal)
    try:
        _wait(lambda: _parses(cold) or proc.poll() is not None, "a story compared by a worker")
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        _wait(lambda: not _alive(proc.pid), "the worker processes to stop", 60)
    finally:
        if _alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["claimdiff: interrupted"] and out == ""


def _parses(cache) -> int:
    try:
        with sqlite3.connect(f"file:{cache / 'embeddings.sqlite3'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM parses").fetchone()[0]
    except sqlite3.Error:
        return 0


def _alive(group: int, kill=os.killpg) -> bool:
    """Whether the process group (or, with ``kill=os.kill``, the process) is still there."""
    try:
        kill(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_an_unreachable_scheduler_is_one_line_and_exit_2(corpus):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = claimdiff("check", *corpus, "--scheduler", f"tcp://127.0.0.1:{port}", CLAIMDIFF_TIMEOUT="2")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"claimdiff: error: tcp://127.0.0.1:{port}: no Dask scheduler answered within 2 s "
        "(set CLAIMDIFF_TIMEOUT for longer)"]
    assert out.stdout == ""


@pytest.mark.parametrize("args,message", [
    (["--workers", "0"], "--workers must be a whole number, 1 or more, not '0'"),
    (["--workers", "-2"], "--workers must be a whole number, 1 or more, not '-2'"),
    (["--workers", "two"], "--workers must be a whole number, 1 or more, not 'two'"),
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "--workers and --scheduler do not go together"),
    (["--scheduler", "tcp://127.0.0.1"], "not a Dask scheduler address"),
    (["--scheduler", "127.0.0.1:99999"], "not a Dask scheduler address"),
    (["--scheduler", "http://127.0.0.1:8786"], "not a Dask scheduler address"),
    (["--scheduler", "tcp://127.0.0.1:8786/x"], "not a Dask scheduler address"),
])
def test_bad_workers_and_scheduler_are_one_line_before_any_story(monkeypatch, args, message):
    compared = []
    monkeypatch.setattr("claimdiff.check.check_story", lambda *a, **k: compared.append(a) or (None, []))
    result = CliRunner().invoke(cli, ["check", str(ROOT / "corpora"), "--no-semantic", *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.output and compared == []


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "true", '"2"'])
def test_a_bad_workers_in_the_config_file_is_one_line(tmp_path, monkeypatch, value):
    (tmp_path / "pyproject.toml").write_text(f"[tool.claimdiff]\nworkers = {value}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(ROOT / "corpora"), "--no-semantic"])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("claimdiff: error: ") and line.endswith(
        "pyproject.toml: [tool.claimdiff] workers must be a whole number of worker processes, 1 or more, not "
        + repr({"0": 0, "-1": -1, "1.5": 1.5, "true": True, '"2"': "2"}[value]))


def test_results_come_in_task_order_whatever_order_they_finish(cluster, tmp_path):
    """Task 0 waits for task 1 to finish (each its own Dask task); the results are still taken
    in order, and ``done`` (the progress bar) is told of each as it finishes."""
    from claimdiff import distribute

    finished = []
    with distribute.in_order(range(12), after_the_next, (str(tmp_path),), scheduler=cluster.address,
                             label=int, done=finished.append, batch=1) as results:
        assert list(results) == list(range(12))
    assert sorted(finished) == list(range(12)) and finished.index(1) < finished.index(0)


def test_batches_keep_the_order_and_a_short_last_one(cluster):
    from claimdiff import distribute

    finished = []
    with distribute.in_order(range(10), int, scheduler=cluster.address, batch=4, done=finished.append) as results:
        assert list(results) == list(range(10))
    assert sorted(finished) == [str(n) for n in range(10)]


def test_local_results_come_in_task_order_whatever_order_they_finish(tmp_path):
    from claimdiff import distribute

    finished = []
    with distribute.in_order(range(12), after_the_next, (str(tmp_path),), workers=2, label=int,
                             done=finished.append, batch=1) as results:
        assert list(results) == list(range(12))
    assert sorted(finished) == list(range(12)) and finished.index(1) < finished.index(0)


def test_a_local_worker_killed_mid_task_is_retried_and_nothing_is_lost(tmp_path):
    from claimdiff import distribute

    with distribute.in_order(range(20), dies_once, (str(tmp_path),), workers=2, batch=3) as results:
        assert list(results) == list(range(20))
    assert (tmp_path / "killed").exists()


def test_a_local_batch_whose_workers_keep_dying_fails_in_its_turn_naming_only_it(tmp_path):
    """Task 5 kills every worker that runs it; the batches beside it when the pool broke run
    again alone and pass, so only 5 is named, after 0-4 were handed out."""
    from claimdiff import distribute

    got = []
    with pytest.raises(InputError) as err:
        with distribute.in_order(range(12), dies_at, (5, str(tmp_path)), workers=2, batch=1, label=str) as results:
            for value in results:
                got.append(value)
    assert got == [0, 1, 2, 3, 4]
    assert str(err.value) == (f"5: could not be compared: {distribute.ALLOWED_DEATHS + 1} worker processes died "
                              "while comparing it")
    # one death beside other batches, then each of the deaths it had alone
    assert len(list(tmp_path.glob("killed-*"))) == distribute.ALLOWED_DEATHS + 2


def test_a_local_tasks_error_is_raised_in_its_turn(tmp_path):
    from claimdiff import distribute

    got = []
    with pytest.raises(ValueError, match="task 7 is bad"):
        with distribute.in_order(range(12), fails_at, (7,), workers=2, batch=2) as results:
            for value in results:
                got.append(value)
    assert got == [0, 1, 2, 3, 4, 5]


def test_local_workers_prepare_once_each_and_are_gone_after_the_run(tmp_path):
    from claimdiff import distribute

    with distribute.in_order(range(16), whose, workers=2, batch=1, prepare=note_prepared,
                             prepare_args=(str(tmp_path),)) as results:
        got = list(results)
    assert [n for n, _ in got] == list(range(16))
    pids = {pid for _, pid in got}
    assert pids and len(pids) <= 2 and os.getpid() not in pids
    prepared = [p.name.split("-")[1] for p in tmp_path.glob("prepared-*")]
    assert sorted(prepared) == sorted(str(p) for p in pids)  # once in each process that ran a task
    for pid in pids:
        _wait(lambda: not _alive(pid, os.kill), f"worker {pid} to stop", 30)


def test_local_workers_never_import_dask():
    code = ("import sys\nfrom claimdiff import distribute\n"
            "with distribute.in_order(range(6), abs, workers=2) as results:\n    assert list(results) == list(range(6))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'tornado')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ(), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
