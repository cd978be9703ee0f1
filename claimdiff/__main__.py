"""``python -m claimdiff`` and the ``claimdiff`` console script.

Ctrl-C while the program's modules are still being imported is the same one line and exit
code 130 as later on: the import happens here, inside the guard. The process's garbage
collector is set first (``claimdiff.process``)."""

from __future__ import annotations

import os
import sys

from .process import catch_interrupts, collect_less


def main() -> None:
    collect_less()
    catch_interrupts()
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("claimdiff: interrupted\n")
        sys.stderr.flush()
        os._exit(130)
    run()


if __name__ == "__main__":
    main()
