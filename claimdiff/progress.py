"""A progress bar on stderr for long ``check`` runs: drawn only when the stream is a terminal.

It counts the stories compared, as they finish: with ``--workers`` or ``--scheduler`` that is
not the order of the report, which is the stories' order whatever the bar showed.

Piped or redirected (CI logs, ``2> file``) it writes nothing at all, so logs and the one-line
summary stay clean. The bar redraws one line with a carriage return and ends it with a
newline when closed.
"""

from __future__ import annotations

import sys
from typing import TextIO


class Bar:
    def __init__(self, total: int | None, *, label: str = "claimdiff check", stream: TextIO | None = None,
                 width: int = 30) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.label = label
        self.width = width
        self.done = 0
        self.shown = bool(getattr(self.stream, "isatty", lambda: False)())
        self._drawn = False

    def line(self, name: str = "") -> str:
        """The bar's text after ``done`` stories (with the last one finished, when named)."""
        if self.total:
            filled = min(self.width, self.width * self.done // self.total)
            head = f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
        else:
            head = f"{self.done} stories"
        tail = f" {name}" if name else ""
        return f"{self.label} {head}{tail}"[:120]

    def _draw(self, name: str = "") -> None:
        if self.shown:
            self.stream.write("\r\x1b[K" + self.line(name))
            self.stream.flush()
            self._drawn = True

    def finish(self, name: str) -> None:
        """A story has been compared (on worker processes, in the order they finish)."""
        self.done += 1
        self._draw(name)

    def close(self) -> None:
        if self.shown and self._drawn:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
