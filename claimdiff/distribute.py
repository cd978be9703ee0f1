"""distribute: run independent tasks on worker processes with Dask, and take their results in order.

``check --workers N`` and ``check --scheduler ADDRESS`` hand their stories to ``in_order``,
which runs them on dask.distributed: a ``LocalCluster`` of N worker processes (one thread
each, on 127.0.0.1) started for the run and stopped after it, or the existing cluster whose
scheduler is at ADDRESS. No pool or queue of our own: placement, retries and cancellation
are the engine's.

Contract:
- Results come back in the order of the tasks, whatever order they finish in, so what is
  made of them is what a serial run makes: the same bytes.
- Tasks go to Dask ``BATCH`` at a time, as one Dask task, and at most ``WINDOW`` of those per
  worker thread are in flight or waiting for an earlier one, so the client's memory does not
  grow with the number of tasks.
- ``prepare(*prepare_args)`` runs once in each worker process before its first task (a worker
  plugin; a worker that joins later, or one restarted after it died, runs it too): what a
  process keeps (check's: the encoder, whose model loads once, at its first need) is made
  there, never shipped with a task.
- Each worker process runs its tasks one at a time on one thread of its own (``_LANE``): the
  engine keeps per-thread state (SQLite connections) and is not made for threads; give
  cluster workers ``--nthreads 1`` and one process per core.
- A worker process that dies while it runs a batch: the scheduler runs the batch again on
  another (``distributed.scheduler.allowed-failures`` times, 3 by default); a batch that
  still cannot finish raises ``InputError`` naming its tasks. An exception a task raises is raised
  here, in the task's turn (so the error is the one a serial run would stop at), and is not
  retried: a task here is a pure function of its input, so it would fail again.
- A scheduler that does not answer within ``CLAIMDIFF_TIMEOUT`` seconds (default 20), a
  cluster with no workers, a worker that runs another claimdiff version, or relative paths
  that name other folders on the workers: one ``ClaimdiffError`` line each (the command line
  checks the address's form and the count of workers before it comes here).
- Leaving early (an error, Ctrl-C, SIGTERM) cancels the tasks still on the cluster, closes
  the client and stops a cluster started here. A task already running on a worker finishes
  there (Dask does not stop a running thread) and its result is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import signal
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, ThreadPoolExecutor

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from .errors import ClaimdiffError, ConfigError, InputError
from .version import __version__

WINDOW = 2  # Dask tasks in flight (or done, waiting for an earlier one) per worker thread
# items run as one Dask task: the engine's own cost per task (the scheduler's, the client's, the
# worker's: some 8 ms of CPU for a story, a tenth of its cost) then falls on four stories; measured
# on 300 whole stories, warm: 19% more CPU than a serial run with one a task, 1-8% with four (eight
# bought no more than the noise of a shared machine: docs/measurements.md)
BATCH = 4

# Dask settings for the workers of a LocalCluster started here (a cluster of one's own should run
# with the same: README, "More cores, and a cluster"): the worker's statistical profiler samples
# every thread's stack each 10 ms on its event loop, for a dashboard nobody opens here; off, a
# worker spends some 15% less CPU outside claimdiff's own thread (docs/measurements.md)
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}

# -- the worker's side --------------------------------------------------------------------------

_LANE = ThreadPoolExecutor(1, thread_name_prefix="claimdiff")  # this process's one thread for tasks


def _in_lane(fn: Callable, batch: list, *args) -> list:
    """A Dask task: ``fn(item, *args)`` for each item of ``batch``, in order, on this process's
    claimdiff thread (whichever Dask thread asks)."""
    return _LANE.submit(lambda: [fn(item, *args) for item in batch]).result()


class _Prepare(WorkerPlugin):
    """Runs ``prepare`` once in each worker process, on the claimdiff thread, off the worker's
    event loop; refuses a worker whose claimdiff is another version (it could find otherwise)."""

    idempotent = False

    def __init__(self, name: str, prepare: Callable | None, args: tuple, version: str, local: bool) -> None:
        self.name = name
        self.prepare, self.args, self.version, self.local = prepare, args, version, local

    async def setup(self, worker) -> None:
        if self.version != __version__:
            raise ConfigError(f"worker {worker.address} runs claimdiff {__version__}, this is {self.version}: "
                              "install the same version on every worker")
        if self.local:  # a worker of our own LocalCluster, in our process group
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        if self.prepare is not None:
            await asyncio.wrap_future(_LANE.submit(self.prepare, *self.args))


# -- the client's side --------------------------------------------------------------------------

def _timeout() -> float:
    from .read.web import timeout

    return timeout()


@contextlib.contextmanager
def _client(workers: int, scheduler: str | None, plugin: _Prepare) -> Iterator[Client]:
    quiet = logging.CRITICAL  # the engine's notes (a worker restarted, a task rescheduled) are not ours to print
    with contextlib.ExitStack() as stack:
        for name in ("distributed", "tornado"):
            logger = logging.getLogger(name)
            stack.callback(logger.setLevel, logger.level)
            logger.setLevel(quiet)
        if scheduler is not None:
            seconds = _timeout()
            try:
                client = Client(scheduler, timeout=seconds, set_as_default=False)
            except (OSError, asyncio.TimeoutError):
                raise InputError(f"{scheduler}: no Dask scheduler answered within {seconds:g} s "
                                 "(set CLAIMDIFF_TIMEOUT for longer)") from None
            except ValueError as exc:  # an address Dask cannot read after all
                raise ConfigError(f"--scheduler {scheduler!r}: {exc}") from None
            stack.callback(client.close)
            stack.callback(_unregister, client, plugin.name)  # also when a worker refused it: the scheduler keeps it
            client.register_plugin(plugin)
            try:
                client.wait_for_workers(1, timeout=seconds)
            except (OSError, asyncio.TimeoutError):
                raise InputError(f"{scheduler}: the cluster has no workers (none joined within {seconds:g} s; "
                                 "set CLAIMDIFF_TIMEOUT for longer)") from None
        else:
            # the plugin is the workers' own (set up as each starts, a restarted one too), so each
            # ignores Ctrl-C, which a terminal sends to the whole process group: stopping the run is
            # this process's to do (and workers that took it would print tracebacks)
            stack.enter_context(dask.config.set(LOCAL_CONFIG))  # the nannies hand it to each worker they start
            try:
                # no dashboard; the scheduler's HTTP server (health, metrics) on a free port of 127.0.0.1
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=quiet, plugins={plugin},
                                       scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
            except ClaimdiffError:
                raise
            except Exception as exc:  # a worker that could not start: why, in one line
                cause = exc
                while cause.__cause__ is not None or cause.__context__ is not None:
                    cause = cause.__cause__ or cause.__context__
                if isinstance(cause, ClaimdiffError):  # the model cannot be loaded, say
                    raise cause from None
                raise InputError(f"the local worker processes could not start: {type(cause).__name__}: "
                                 f"{str(cause).strip().splitlines()[0] if str(cause).strip() else ''}") from None
            stack.callback(cluster.close)
            # results fetched from the workers, not relayed by the scheduler (which runs in this
            # process too): all three are on 127.0.0.1, so the client can always reach the workers
            client = Client(cluster, set_as_default=False, direct_to_workers=True)
            stack.callback(client.close)
        yield client


def _same_folders(client: Client, paths: Sequence[str]) -> None:
    """Relative paths mean the same folders on the workers only where the workers run in this
    folder (as a LocalCluster's do)."""
    relative = [p for p in paths if p and not os.path.isabs(p)]
    if not relative:
        return
    here = os.getcwd()
    elsewhere = sorted({cwd for cwd in client.run(os.getcwd).values() if cwd != here})
    if elsewhere:
        raise ConfigError(f"{relative[0]}: a relative path, and the cluster's workers run in {elsewhere[0]}, not "
                          f"{here}: give paths the workers can see, absolute")


@contextlib.contextmanager
def in_order(tasks: Iterable, fn: Callable, args: tuple = (), *, workers: int = 1, scheduler: str | None = None,
             prepare: Callable | None = None, prepare_args: tuple = (), label: Callable = str,
             done: Callable | None = None, paths: Sequence[str] = (), batch: int = BATCH):
    """A context whose value iterates ``fn(task, *args)`` for each task, in the tasks' order,
    computed on ``workers`` local worker processes or on the cluster at ``scheduler``.

    ``fn`` and ``prepare`` must be importable by the workers (module-level functions);
    ``done(label(task))`` is called as each task finishes, in the order they finish;
    ``paths`` are paths the workers will open, checked to mean the same folders there;
    ``batch``: tasks run as one Dask task (see ``BATCH``)."""
    plugin = _Prepare(f"claimdiff-{uuid.uuid4().hex}", prepare, prepare_args, __version__, scheduler is None)
    with _client(workers, scheduler, plugin) as client:
        if scheduler is not None:
            _same_folders(client, paths)
        threads = sum(client.nthreads().values()) or 1
        with _stream(client, iter(tasks), fn, args, WINDOW * threads, max(1, batch), label, done) as results:
            yield results


def _unregister(client: Client, name: str) -> None:
    """The cluster is left without our plugin (its workers keep the model they loaded, for the next run)."""
    with contextlib.suppress(Exception):
        client.unregister_worker_plugin(name)


@contextlib.contextmanager
def _stream(client: Client, tasks: Iterator, fn: Callable, args: tuple, window: int, size: int, label: Callable,
            done: Callable | None):
    """Batches of ``size`` tasks submitted while fewer than ``window`` are in flight or waiting
    for an earlier one; their results handed out in order."""
    run = uuid.uuid4().hex[:12]
    futures: dict[int, object] = {}  # place -> future, submitted and not yet handed out
    named: dict[str, tuple[int, list]] = {}  # future key -> (place, batch)
    finished = as_completed(loop=client.loop)

    def results() -> Iterator:
        nxt = submitted = 0
        ready: dict[int, list | _Failed] = {}
        exhausted = False

        def fill() -> None:
            nonlocal submitted, exhausted
            while not exhausted and submitted - nxt < window:
                part = list(itertools.islice(tasks, size))
                if not part:
                    exhausted = True
                    return
                key = f"claimdiff-{run}-{submitted}"
                future = client.submit(_in_lane, fn, part, *args, key=key, pure=False)
                futures[submitted] = future
                named[key] = (submitted, part)
                finished.add(future)
                submitted += 1

        fill()
        for future in finished:
            place, part = named.pop(future.key)
            try:
                ready[place] = future.result()
            except Exception as exc:  # said in its turn, as a serial run would stop there
                ready[place] = _Failed(exc, part)
            else:
                if done:
                    for task in part:
                        done(label(task))
            while nxt in ready:
                value = ready.pop(nxt)
                del futures[nxt]
                if isinstance(value, _Failed):
                    value.throw(label)
                yield from value
                nxt += 1
            fill()

    try:
        yield results()
    finally:
        if futures:  # left early: the cluster is not to go on with tasks nobody will read
            with contextlib.suppress(Exception):
                client.cancel(list(futures.values()), force=True)


class _Failed:
    def __init__(self, exc: BaseException, part: list) -> None:
        self.exc, self.part = exc, part

    def throw(self, label: Callable):
        names = [str(label(t)) for t in self.part]
        named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        if isinstance(self.exc, KilledWorker):
            them = "it" if len(names) == 1 else "them (they ran as one task)"
            raise InputError(f"{named}: could not be compared: {self.exc.allowed_failures + 1} worker processes "
                             f"died while comparing {them}") from None
        if isinstance(self.exc, CancelledError):  # the scheduler went away, or another client cancelled it
            raise InputError(f"{named}: the cluster dropped it before it was compared "
                             f"({self.exc or 'cancelled'})") from None
        raise self.exc
