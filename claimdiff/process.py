"""process: what every claimdiff process sets for itself, the command line's and each worker's.

The cyclic garbage collector runs less often than Python's default (``collect_less``): a
``check`` keeps every finding it reports, and with the default thresholds a serial run of
1,000 stories spent a quarter of its CPU re-scanning them (docs/measurements.md).

Ctrl-C and SIGTERM are remembered as well as raised (``catch_interrupts``): an exception raised
while Python runs a finaliser (a ``__del__``) is printed and dropped, so a KeyboardInterrupt
that lands there would let the run go on and exit 0; what is remembered still ends it with 130
or 143, and an output is not put in place after it (``interrupted``)."""

from __future__ import annotations

import gc
import signal
import sys

# the collector's thresholds for a process of claimdiff's (its first generation after 200,000
# allocations, not 700), as batch tools holding many live objects do: 1,000 stories of three
# reports, serial, warm, --fail-on all: 103 CPU ms a story at Python's default, 78 at these
GC_THRESHOLDS = (200_000, 30, 30)


def collect_less() -> None:
    """This process's garbage collector at ``GC_THRESHOLDS``: for the command line and for each
    worker process of ``check --workers`` or ``--scheduler``."""
    gc.set_threshold(*GC_THRESHOLDS)


_SIGNALS: list[int] = []  # the interrupting signals this process has had, in order


def remember(signum: int) -> None:
    """Note that ``signum`` (SIGINT, SIGTERM) arrived, whatever becomes of the exception it raises."""
    _SIGNALS.append(signum)


def _on_sigint(signum, frame) -> None:
    remember(signum)
    raise KeyboardInterrupt


def _unraisable(info) -> None:
    """A signal's exception dropped in a finaliser is not printed: the signal is remembered and
    ends the run in one line; anything else is printed as Python prints it."""
    if _SIGNALS and not isinstance(info.exc_value, Exception):
        return
    sys.__unraisablehook__(info)


def catch_interrupts() -> None:
    """Ctrl-C raises KeyboardInterrupt, as by default, and is remembered (``interrupted``)."""
    signal.signal(signal.SIGINT, _on_sigint)
    sys.unraisablehook = _unraisable


def interrupted() -> int | None:
    """The first interrupting signal this process had, or None."""
    return _SIGNALS[0] if _SIGNALS else None
