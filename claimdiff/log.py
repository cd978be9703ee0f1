"""The library's notes to its user (a damaged cache, an export that takes a while) go to the
``claimdiff`` logger, as a library's should: a program that uses claimdiff decides where they
go. The command line shows them on stderr as ``claimdiff: warning: ...`` lines."""

from __future__ import annotations

import logging
import sys

logger = logging.getLogger("claimdiff")


class _Stderr(logging.Handler):
    """One line on whatever sys.stderr is when the note is made (click's test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        prefix = "claimdiff: warning: " if record.levelno >= logging.WARNING else "claimdiff: "
        try:
            sys.stderr.write(prefix + record.getMessage() + "\n")
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):  # stderr closed: the note is lost, not the run
            pass


def to_stderr() -> None:
    """Show the library's notes on stderr (the command line does this, once per process)."""
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        logger.addHandler(_Stderr())
        logger.setLevel(logging.INFO)
