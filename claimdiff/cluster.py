"""cluster: the Dask side of ``distribute``: stories on an existing dask.distributed cluster.

Imported only for ``check --scheduler`` (so a local run never imports Dask). Its contract is
``distribute``'s; what is the cluster's own: the model is made once per worker process by a
worker plugin (``_Prepare``), each worker runs claimdiff's tasks on one thread of its own
(``_LANE``), and a worker that dies is the scheduler's to retry
(``distributed.scheduler.allowed-failures``)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from distributed import Client, as_completed
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from .turns import Died, Failed, in_turn
from .errors import ConfigError, InputError
from .version import __version__

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

    def __init__(self, name: str, prepare: Callable | None, args: tuple, version: str) -> None:
        self.name = name
        self.prepare, self.args, self.version = prepare, args, version

    async def setup(self, worker) -> None:
        if self.version != __version__:
            raise ConfigError(f"worker {worker.address} runs claimdiff {__version__}, this is {self.version}: "
                              "install the same version on every worker")
        if self.prepare is not None:
            await asyncio.wrap_future(_LANE.submit(self.prepare, *self.args))


# -- the client's side --------------------------------------------------------------------------

def _timeout() -> float:
    from .read.web import timeout

    return timeout()


@contextlib.contextmanager
def _client(scheduler: str, plugin: _Prepare) -> Iterator[Client]:
    quiet = logging.CRITICAL  # the engine's notes (a worker restarted, a task rescheduled) are not ours to print
    with contextlib.ExitStack() as stack:
        for name in ("distributed", "tornado"):
            logger = logging.getLogger(name)
            stack.callback(logger.setLevel, logger.level)
            logger.setLevel(quiet)
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
        yield client


def _same_folders(client: Client, paths: Sequence[str]) -> None:
    """Relative paths mean the same folders on the workers only where the workers run in this
    folder."""
    relative = [p for p in paths if p and not os.path.isabs(p)]
    if not relative:
        return
    here = os.getcwd()
    elsewhere = sorted({cwd for cwd in client.run(os.getcwd).values() if cwd != here})
    if elsewhere:
        raise ConfigError(f"{relative[0]}: a relative path, and the cluster's workers run in {elsewhere[0]}, not "
                          f"{here}: give paths the workers can see, absolute")

@contextlib.contextmanager
def on_cluster(tasks: Iterator, fn: Callable, args: tuple, scheduler: str, prepare: Callable | None,
               prepare_args: tuple, label: Callable, done: Callable | None, paths: Sequence[str], size: int,
               window: int):
    """``distribute.in_order`` on the cluster at ``scheduler``: ``window`` batches a worker thread."""
    plugin = _Prepare(f"claimdiff-{uuid.uuid4().hex}", prepare, prepare_args, __version__)
    with _client(scheduler, plugin) as client:
        _same_folders(client, paths)
        threads = sum(client.nthreads().values()) or 1
        with _stream(client, tasks, fn, args, window * threads, size, label, done) as results:
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
        ready: dict[int, list | Failed] = {}
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
            except KilledWorker as exc:  # every worker it was given died while running it
                ready[place] = Failed(Died(exc.allowed_failures + 1), part)
            except Exception as exc:  # said in its turn, as a serial run would stop there
                ready[place] = Failed(exc, part)
            else:
                if done:
                    for task in part:
                        done(label(task))
            nxt = yield from in_turn(ready, futures, nxt, label)
            fill()

    try:
        yield results()
    finally:
        if futures:  # left early: the cluster is not to go on with tasks nobody will read
            with contextlib.suppress(Exception):
                client.cancel(list(futures.values()), force=True)
