"""One build at a time in a project: a lock file in ``_build`` holding the builder's pid.

The lock is an ``flock`` on ``_build/.lock``: the kernel releases it when the holder exits, however
it exits (even SIGKILL), so a lock left by a dead build is simply taken over; the pid written in the
file is only there to name the holder in the message a second build prints while it waits or stops.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import BuildError

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
def build_lock(build_dir: Path, wait: float = DEFAULT_WAIT, poll: float = 0.2) -> Iterator[None]:
    """Hold the project's build lock for the ``with`` block.

    Waits up to ``wait`` seconds for another build (saying so once), then raises
    :class:`BuildError` naming the holder's pid.
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / ".lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, wait)
        said = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(path)
                if time.monotonic() >= deadline:
                    raise BuildError(
                        f"another build (pid {holder}) is running in {build_dir}; wait for it to finish "
                        f"(or stop it) and build again, or give --wait SECONDS") from None
                if not said:
                    log.info("waiting for the build that is running (pid %s) to finish", holder)
                    said = True
                time.sleep(poll)
        previous = _holder(path)
        if previous != "unknown" and previous != str(os.getpid()):
            log.info("taking over the build lock of pid %s, which is no longer running", previous)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
