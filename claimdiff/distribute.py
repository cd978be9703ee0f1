"""distribute: run independent tasks on worker processes, and take their results in order.

``check --workers N`` and ``check --scheduler ADDRESS`` hand their stories to ``in_order``,
which runs them on N local worker processes (``concurrent.futures``, forked from a forkserver
that imported claimdiff once), started for the run and stopped after it, or on the existing
Dask cluster (dask.distributed) whose scheduler is at ADDRESS, where placement, retries and
cancellation are the engine's. Local processes, not a Dask ``LocalCluster``, by measurement:
on 1,000 stories they cost serial's CPU a story where a LocalCluster costs a fifth more, and
only they reach 1.7x serial on two cores (docs/measurements.md).

Contract:
- Results come back in the order of the tasks, whatever order they finish in, so what is
  made of them is what a serial run makes: the same bytes.
- Tasks go ``BATCH`` at a time, as one task, and at most ``WINDOW`` of those per worker are in
  flight or waiting for an earlier one, so the client's memory does not grow with the number
  of tasks.
- ``prepare(*prepare_args)`` runs once in each worker process before its first task (on a
  cluster a worker plugin, so a worker that joins later, or one restarted after it died, runs
  it too; locally at the process's first task): what a process keeps (check's: the encoder,
  whose model loads once, at its first need) is made there, never shipped with a task.
- Each worker process runs its tasks one at a time on one thread (on a cluster ``_LANE``): the
  engine keeps per-thread state (SQLite connections) and is not made for threads; give
  cluster workers ``--nthreads 1`` and one process per core.
- A worker process that dies while it runs a batch: on a cluster the scheduler runs the batch
  again on another (``distributed.scheduler.allowed-failures`` times, 3 by default); locally
  the batches the broken pool held run again one at a time, each alone, so the death is laid
  on the batch that caused it (``ALLOWED_DEATHS`` times). A batch that still cannot finish
  raises ``InputError`` naming its tasks, in its turn. An exception a task raises is raised
  here, in the task's turn (so the error is the one a serial run would stop at), and is not
  retried: a task here is a pure function of its input, so it would fail again.
- A scheduler that does not answer within ``CLAIMDIFF_TIMEOUT`` seconds (default 20), a
  cluster with no workers, a worker that runs another claimdiff version, or relative paths
  that name other folders on the workers: one ``ClaimdiffError`` line each (the command line
  checks the address's form and the count of workers before it comes here).
- Leaving early (an error, Ctrl-C, SIGTERM) cancels the tasks still on the cluster and closes
  the client (a task already running on a cluster's worker finishes there: Dask does not stop
  a running thread, and its result is dropped), or kills the local workers.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .turns import Died, Failed, in_turn

WINDOW = 2  # tasks (batches) in flight (or done, waiting for an earlier one) per worker
# items run as one Dask task: the engine's own cost per task (the scheduler's, the client's, the
# worker's: some 8 ms of CPU for a story, a tenth of its cost) then falls on four stories; measured
# on 300 whole stories, warm: 19% more CPU than a serial run with one a task, 1-8% with four (eight
# bought no more than the noise of a shared machine: docs/measurements.md)
BATCH = 4


@contextlib.contextmanager
def in_order(tasks: Iterable, fn: Callable, args: tuple = (), *, workers: int = 1, scheduler: str | None = None,
             prepare: Callable | None = None, prepare_args: tuple = (), label: Callable = str,
             done: Callable | None = None, paths: Sequence[str] = (), batch: int = BATCH):
    """A context whose value iterates ``fn(task, *args)`` for each task, in the tasks' order,
    computed on ``workers`` local worker processes or on the cluster at ``scheduler``.

    ``fn`` and ``prepare`` must be importable by the workers (module-level functions);
    ``done(label(task))`` is called as each task finishes, in the order they finish;
    ``paths`` are paths the workers will open, checked to mean the same folders there;
    ``batch``: tasks run as one task (see ``BATCH``)."""
    if scheduler is None:
        with _local(iter(tasks), fn, args, workers, prepare, prepare_args, max(1, batch), label, done) as results:
            yield results
        return
    from .cluster import on_cluster  # Dask, imported only here

    with on_cluster(iter(tasks), fn, args, scheduler, prepare, prepare_args, label, done, paths, max(1, batch),
                    WINDOW) as results:
        yield results


# -- local worker processes ---------------------------------------------------------------------

_PREPARED: set = set()  # in a local worker: the (prepare, args) already run in this process


def _local_start() -> None:
    """A local worker's first act: leave Ctrl-C to the run (a terminal sends it to the whole
    process group; the run stops its workers itself, and workers that took it would print
    tracebacks), and collect garbage as the command line does."""
    from .process import collect_less

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_less()


def _local_batch(prepare: Callable | None, prepare_args: tuple, fn: Callable, batch: list, *args) -> list:
    """A local worker's task: ``prepare`` once in this process (its error, if any, is the task's,
    said in its turn as a serial run would), then ``fn`` over the batch."""
    if prepare is not None and (prepare, prepare_args) not in _PREPARED:
        prepare(*prepare_args)
        _PREPARED.add((prepare, prepare_args))
    return [fn(item, *args) for item in batch]


class _Pool:
    """``workers`` processes from the forkserver (which imports claimdiff's check module once, so
    each worker starts forked from it, not as a fresh interpreter), made again after one dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["claimdiff.check", "claimdiff.distribute"])
        self.pool: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_local_start)
        return self.pool

    def drop(self) -> None:
        """The pool stopped now: its waiting tasks cancelled, its running ones killed."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way to stop them (3.14 adds one)
        for proc in processes:
            with contextlib.suppress(Exception):
                proc.kill()
        for proc in processes:
            with contextlib.suppress(Exception):
                proc.join(10)
        # the pool's own thread, seeing its workers gone, lets go of its queues (their semaphores
        # would be left to the resource tracker, which warns of them on stderr)
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _local(tasks: Iterator, fn: Callable, args: tuple, workers: int, prepare: Callable | None, prepare_args: tuple,
           size: int, label: Callable, done: Callable | None):
    """Batches of ``size`` tasks on ``workers`` local processes, at most ``WINDOW`` a worker in
    flight or waiting for an earlier one; their results handed out in order.

    A worker that dies breaks the pool, and every batch it held fails with it: the batches in
    flight are then run again one at a time, each alone on a new pool, so that a death is laid
    at the door of the batch that caused it; a batch alone whose worker dies ``ALLOWED_DEATHS``
    + 1 times cannot be compared, and is said to be, in its turn. The others go on."""
    pool = _Pool(workers)
    window = WINDOW * workers

    def results() -> Iterator:
        pending: dict[int, tuple[list, object]] = {}  # place -> (batch, future), not yet handed out
        ready: dict[int, list | Failed] = {}
        nxt = submitted = 0
        exhausted = False

        def submit(part: list) -> Future:
            try:
                return pool.get().submit(_local_batch, prepare, prepare_args, fn, part, *args)
            except BrokenProcessPool as exc:  # broken since the last look: this batch is one it held
                future: Future = Future()
                future.set_exception(exc)
                return future

        def finished(place: int, value) -> None:
            ready[place] = value
            if done and not isinstance(value, Failed):
                for task in pending[place][0]:
                    done(label(task))

        while True:
            while not exhausted and submitted - nxt < window:
                part = list(itertools.islice(tasks, size))
                if not part:
                    exhausted = True
                    break
                pending[submitted] = (part, submit(part))
                submitted += 1
            if nxt == submitted:
                return
            waiting = [f for place, (_, f) in pending.items() if place not in ready]
            if waiting:
                wait(waiting, return_when=FIRST_COMPLETED)
            broken = False
            for place, (part, future) in sorted(pending.items()):
                if place in ready or not future.done():
                    continue
                try:
                    finished(place, future.result())
                except BrokenProcessPool:
                    broken = True
                except Exception as exc:  # said in its turn, as a serial run would stop there
                    finished(place, Failed(exc, part))
            if broken:  # whose was the death is not known: each batch still held is run alone
                pool.drop()
                for place, (part, _) in sorted(pending.items()):
                    if place not in ready:
                        finished(place, _alone(pool, part, submit))
            nxt = yield from in_turn(ready, pending, nxt, label)

    try:
        yield results()
    finally:
        pool.drop()


ALLOWED_DEATHS = 3  # deaths of a worker that ran a batch alone, before the batch fails (Dask's allowed-failures)


def _alone(pool: _Pool, part: list, submit: Callable):
    """``part`` run on a pool with nothing else in flight: its result (or the error it raised, as
    a ``Failed``), or a ``Failed`` of ``Died`` once its worker died ``ALLOWED_DEATHS`` + 1 times."""
    for death in range(1, ALLOWED_DEATHS + 2):
        try:
            return submit(part).result()
        except BrokenProcessPool:
            pool.drop()
            if death > ALLOWED_DEATHS:
                return Failed(Died(death), part)
        except Exception as exc:
            return Failed(exc, part)
