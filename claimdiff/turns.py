"""turns: results handed out in the order of their tasks, and the failures said in their turn.

Shared by ``distribute`` (local worker processes) and ``cluster`` (a Dask cluster)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import CancelledError

from .errors import InputError


class Died(Exception):
    """The worker processes that ran a batch, alone, died ``times`` times."""

    def __init__(self, times: int) -> None:
        super().__init__(times)
        self.times = times


def in_turn(ready: dict, held: dict, nxt: int, label: Callable):
    """Hand out the results of the batches ``ready`` from place ``nxt`` on, while there is no
    gap (a failed batch raises its error there, in its turn); each leaves ``held`` as it goes.
    Returns the next place to wait for."""
    while nxt in ready:
        value = ready.pop(nxt)
        del held[nxt]
        if isinstance(value, Failed):
            value.throw(label)
        yield from value
        nxt += 1
    return nxt


class Failed:
    def __init__(self, exc: BaseException, part: list) -> None:
        self.exc, self.part = exc, part

    def throw(self, label: Callable):
        names = [str(label(t)) for t in self.part]
        named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        if isinstance(self.exc, Died):
            them = "it" if len(names) == 1 else "them (they ran as one task)"
            raise InputError(f"{named}: could not be compared: {self.exc.times} worker processes "
                             f"died while comparing {them}") from None
        if isinstance(self.exc, CancelledError):  # the scheduler went away, or another client cancelled it
            raise InputError(f"{named}: the cluster dropped it before it was compared "
                             f"({self.exc or 'cancelled'})") from None
        raise self.exc
