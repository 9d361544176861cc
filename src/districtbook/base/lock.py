"""One build at a time in a project: a lock file in ``_build`` holding the builder's pid.

The lock is an ``flock`` on ``_build/.lock``: the kernel releases it when the holder exits, however
it exits (even SIGKILL), so a lock left by a dead build is simply taken over; the pid written in the
file is only there to name the holder in the message a second build prints while it waits or stops.

Whatever reads the project's published book while a build may run (``make test``: nbval over the committed
chapters, the live-seeds checks, the shared builds that start from the project's ``_build``) holds the same
lock *shared* (:func:`reading_lock`): it waits for a running build to finish, saying so, and a build waits
for the readers.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from districtbook.base.errors import BuildError

log = logging.getLogger("districtbook")

#: Seconds a second build waits for the first one before it stops (``build --wait``).
DEFAULT_WAIT = 10.0


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()[:20]
    except OSError:
        return "unknown"
    return text if text.isdigit() else "unknown"


@contextlib.contextmanager
def _flock(build_dir: Path, mode: int, wait: float, poll: float, waiting: Callable[[str], None],
           too_long: Callable[[str], BuildError]) -> Iterator[int]:
    """Hold ``_build/.lock`` in ``mode`` (exclusive or shared): waits up to ``wait`` seconds, telling ``waiting``
    once the holder's pid ("unknown" for shared holders, which write none), then raises ``too_long(holder)``."""
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / ".lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, wait)
        said = False
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(path)
                if time.monotonic() >= deadline:
                    raise too_long(holder) from None
                if not said:
                    waiting(holder)
                    said = True
                time.sleep(poll)
        try:
            yield fd
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _who(holder: str) -> str:
    return f"another build (pid {holder}) is running" if holder != "unknown" else \
        "tests are reading the published book (make test)"  # shared holders write no pid


@contextlib.contextmanager
def build_lock(build_dir: Path, wait: float = DEFAULT_WAIT, poll: float = 0.2) -> Iterator[None]:
    """Hold the project's build lock for the ``with`` block.

    Waits up to ``wait`` seconds for another build (saying so once), then raises
    :class:`BuildError` naming the holder's pid.
    """
    def waiting(holder: str) -> None:
        if holder != "unknown":
            log.info("waiting for the build that is running (pid %s) to finish", holder)
        else:
            log.info("waiting: %s", _who(holder))

    def too_long(holder: str) -> BuildError:
        return BuildError(f"{_who(holder)} in {build_dir}; wait for it to finish "
                          f"(or stop it) and build again, or give --wait SECONDS")

    with _flock(build_dir, fcntl.LOCK_EX, wait, poll, waiting, too_long) as fd:
        previous = _holder(build_dir / ".lock")
        if previous != "unknown" and previous != str(os.getpid()):
            log.info("taking over the build lock of pid %s, which is no longer running", previous)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)


#: Seconds a reader of the published book waits for a running build (a cold build takes minutes).
READER_WAIT = 3600.0


@contextlib.contextmanager
def reading_lock(build_dir: Path, what: str, wait: float = READER_WAIT, poll: float = 0.5,
                 say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the project's build lock *shared* for the ``with`` block: no build publishes while it is held.

    A running build is waited for (up to ``wait`` seconds; then :class:`BuildError`), and ``say`` (default: the
    log) is told once what is waited for and why: ``what`` reads the published book."""
    def waiting(holder: str) -> None:
        (say or log.warning)(f"waiting for the build that is running (pid {holder}) to finish: "
                             f"{what} reads the published book (book/, _build/)")

    def too_long(holder: str) -> BuildError:
        return BuildError(f"the build (pid {holder}) in {build_dir} did not finish within {wait:.0f} s; "
                          f"{what} reads the published book and cannot start")

    with _flock(build_dir, fcntl.LOCK_SH, wait, poll, waiting, too_long):
        yield
