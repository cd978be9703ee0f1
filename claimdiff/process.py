"""process: what every claimdiff process sets for itself, the command line's and each worker's.

The cyclic garbage collector runs less often than Python's default (``collect_less``): a
``check`` keeps every finding it reports, and with the default thresholds a serial run of
1,000 stories spent a quarter of its CPU re-scanning them (docs/measurements.md)."""

from __future__ import annotations

import gc

# the collector's thresholds for a process of claimdiff's (its first generation after 200,000
# allocations, not 700), as batch tools holding many live objects do: 1,000 stories of three
# reports, serial, warm, --fail-on all: 103 CPU ms a story at Python's default, 78 at these
GC_THRESHOLDS = (200_000, 30, 30)


def collect_less() -> None:
    """This process's garbage collector at ``GC_THRESHOLDS``: for the command line and for each
    worker process of ``check --workers`` or ``--scheduler``."""
    gc.set_threshold(*GC_THRESHOLDS)
