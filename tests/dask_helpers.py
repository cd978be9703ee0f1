"""A Dask cluster on 127.0.0.1 that tests start and stop themselves, and what its workers import
from here (so this folder is on their path): a plugin that kills its worker mid-story, and a
task that finishes after the one submitted after it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from distributed.diagnostics.plugin import WorkerPlugin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def environ(**extra: str) -> dict:
    """The environment of the cluster's processes and of the claimdiff runs: offline, with this
    folder and the project on the path."""
    path = os.pathsep.join([str(ROOT), str(HERE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    return dict(os.environ, PYTHONPATH=path, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
                HF_HUB_DISABLE_PROGRESS_BARS="1", TOKENIZERS_PARALLELISM="false", **extra)


# what README's cluster section asks workers for claimdiff to run with: Dask's profiler off
TUNED_WORKER_ENV = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
# and the claimdiff process, where it can reach the workers: results fetched from them, not relayed
TUNED_CLIENT_ENV = {"DASK_DISTRIBUTED__CLIENT__DIRECT_TO_WORKERS": "True"}


class Cluster:
    """A scheduler and ``workers`` worker processes (each under its nanny, one thread), each in a
    process group of its own; ``close`` stops them all, whatever state the test left them in.
    ``allowed_failures``: how many worker deaths a task may see before it fails; ``tuned``: the
    workers run with the settings the README asks of a cluster for claimdiff (no profiler)."""

    def __init__(self, folder: Path, workers: int = 2, allowed_failures: int = 1, tuned: bool = False) -> None:
        self.folder = folder
        self.procs: list[subprocess.Popen] = []
        self.client = None
        env = environ(DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=str(allowed_failures),
                      **(TUNED_WORKER_ENV if tuned else {}))
        info = folder / "scheduler.json"
        self._start("scheduler", [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", "0", "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
                                  "--scheduler-file", str(info)], env)
        deadline = time.monotonic() + 120
        while not _readable(info):
            if self.procs[0].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the test scheduler did not start: {self.log('scheduler')}")
            time.sleep(0.1)
        self.address = json.loads(info.read_text())["address"]
        for n in range(workers):
            self._start(f"worker-{n}", [sys.executable, "-m", "distributed.cli.dask_worker", self.address,
                                        "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                                        "--name", f"worker-{n}", "--local-directory", str(folder / f"worker-{n}")],
                        env)
        from distributed import Client

        self.client = Client(self.address, timeout=60, set_as_default=False)
        self.client.wait_for_workers(workers, timeout=120)
        self.workers = workers

    def _start(self, name: str, cmd: list[str], env: dict) -> None:
        log = open(self.folder / f"{name}.log", "wb")
        self.procs.append(subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                           start_new_session=True))
        log.close()

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")[-3000:]

    def tasks(self) -> list[str]:
        """The keys of claimdiff's tasks the scheduler holds."""
        return self.client.run_on_scheduler(
            lambda dask_scheduler: sorted(str(k) for k in dask_scheduler.tasks if str(k).startswith("claimdiff-")))

    def restore(self) -> None:
        """Every worker back (a killed one is restarted by its nanny)."""
        self.client.wait_for_workers(self.workers, timeout=120)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        for proc in reversed(self.procs):  # workers first, then the scheduler
            _stop(proc)


def _readable(path: Path) -> bool:
    try:
        return "address" in json.loads(path.read_text())
    except (OSError, ValueError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 20)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


class KillWorker(WorkerPlugin):
    """Kills its worker (SIGKILL, as the OOM killer or a lost machine would) when a claimdiff
    task starts executing there: for the first ``times`` such starts over the whole cluster (one
    marker file each in ``folder``), or at every start of the task whose key ends ``-PLACE``
    with ``place``."""

    name = "claimdiff-test-kill"

    def __init__(self, folder: str, times: int = 1, place: int | None = None) -> None:
        self.folder, self.times, self.place = folder, times, place

    def transition(self, key, start, finish, **kwargs) -> None:
        key = str(key)
        if finish != "executing" or not key.startswith("claimdiff-"):
            return
        if self.place is not None:
            if key.endswith(f"-{self.place}"):
                Path(self.folder, f"killed-{time.monotonic_ns()}").touch()
                os.kill(os.getpid(), signal.SIGKILL)
            return
        for n in range(self.times):
            try:
                os.close(os.open(Path(self.folder, f"killed-{n}"), os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                continue
            os.kill(os.getpid(), signal.SIGKILL)


def after_the_next(n: int, folder: str) -> int:
    """A task: ``n``; task 0 returns only once task 1 has finished (or after 60 s), so on two
    workers (0 on one, 1 on the other) the first two tasks finish out of order."""
    if n == 0:
        deadline = time.monotonic() + 60
        while not Path(folder, "1").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        # task 1 has finished; its result still travels to the client, which on a loaded
        # machine can take longer than this one's would: give it the head start it needs
        time.sleep(0.5)
    Path(folder, str(n)).touch()
    return n


def dies_once(n: int, folder: str) -> int:
    """A task: ``n``; the first task to run anywhere kills its own process (SIGKILL, as the OOM
    killer would), leaving a marker file so that no later one does."""
    try:
        os.close(os.open(Path(folder, "killed"), os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return n
    os.kill(os.getpid(), signal.SIGKILL)


def dies_at(n: int, bad: int, folder: str) -> int:
    """A task: ``n``, except that task ``bad`` kills its process every time it runs (one marker
    file a death)."""
    if n == bad:
        Path(folder, f"killed-{time.monotonic_ns()}").touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def fails_at(n: int, bad: int) -> int:
    """A task: ``n``, except that task ``bad`` raises ValueError."""
    if n == bad:
        raise ValueError(f"task {bad} is bad")
    return n


def note_prepared(folder: str) -> None:
    """A worker's ``prepare``: one file a call, named by the process."""
    Path(folder, f"prepared-{os.getpid()}-{time.monotonic_ns()}").touch()


def whose(n: int) -> tuple[int, int]:
    """A task: ``n`` and the process that ran it."""
    return n, os.getpid()
