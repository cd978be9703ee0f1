"""Writing files the user owns: whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..process import interrupted


def write_atomically(path: str | os.PathLike, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, as they come) to a temporary file beside ``path``, then
    rename it into place, so a reader never sees half a file and a failed run leaves the old
    one as it was.

    The result looks as if the file had been written in place: an existing file keeps its
    permissions, a new one gets those the umask allows (a temporary file starts at 0600), and
    a symbolic link stays a link, the file it points to being the one rewritten."""
    target = writable_target(path)
    if target is None:
        # a device or a FIFO ("-o /dev/null", "-o /dev/stdout", a named pipe) is written into,
        # never replaced by a regular file
        return _write_into(path, Path(path), text)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot be written in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                fh.writelines(text)
        os.chmod(tmp, _mode_for(target))
        if interrupted() is not None:
            # Ctrl-C came while the text was made, and a finaliser swallowed its exception: the
            # old file stays as it was
            raise KeyboardInterrupt
        os.replace(tmp, target)
    except OSError as exc:  # a full disk, an immutable target: the old file stays as it was
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot be written ({exc.strerror or exc}); it was left as it was") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def writable_target(path: str | os.PathLike) -> Path | None:
    """The regular file an output to ``path`` replaces (a link's target), or None for a device
    or FIFO, which is written into; a folder, a read-only file or a missing folder is refused.
    Called before a long run as well as at its end, so that a run is not wasted."""
    try:
        st = os.stat(path)  # through links: "/dev/stdout" is the pipe or terminal it stands for
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        return None
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise InputError(f"{path}: is a folder")
    if st is not None and not st.st_mode & 0o222:
        raise InputError(f"{path}: is read-only; make it writable or choose another output file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")
    return target


def _write_into(path, target: Path, text: str | Iterable[str]) -> None:
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                fh.writelines(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:  # a new file: what open() would give it
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def read_stream(path: str, limit: int, seconds: float | None = None) -> bytes:
    """At most ``limit + 1`` bytes of a FIFO or device, within ``seconds`` (CLAIMDIFF_TIMEOUT):
    a named pipe is waited on for its writer and its data that long, never forever."""
    import select
    import time

    from .web import timeout

    seconds = timeout() if seconds is None else seconds
    deadline = time.monotonic() + seconds
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            left = deadline - time.monotonic()
            if left <= 0:
                what = "nothing more came" if size else "nothing came (a named pipe with no writer?)"
                raise InputError(f"{path}: {what} within {seconds:g} s (set CLAIMDIFF_TIMEOUT for longer)")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            except BlockingIOError:
                continue
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)
