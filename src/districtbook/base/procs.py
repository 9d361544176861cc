"""Child processes that die with the build.

Every process a build starts (chapter processes, and through them Jupyter kernels; Jupyter Book,
and through it LaTeX) is started here: in its own process group (a terminal's Ctrl-C reaches the
build only, which then stops its children in order), with ``PR_SET_PDEATHSIG`` so that it gets
SIGTERM if the build dies without cleaning up (SIGKILL); on SIGINT or SIGTERM the build terminates
every process below it (kernels start their own session, so the tree is read from ``/proc``, not from
process groups or a list kept here: nothing is registered, the kernel's process table is the record).
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_PR_SET_PDEATHSIG = 1


def set_parent_death_signal(sig: int = signal.SIGTERM) -> None:
    """Ask Linux to send ``sig`` to this process when its parent dies (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def command(cmd: list[str]) -> list[str]:
    """``cmd`` wrapped so that it dies with the build (see :func:`_exec`)."""
    return [sys.executable, "-m", "districtbook.base.procs", str(os.getpid()), *cmd]


def spawn(cmd: list[str], **kwargs: Any) -> subprocess.Popen[str]:
    """Start a child in its own process group that dies with the build."""
    return subprocess.Popen(command(cmd), process_group=0, **kwargs)


def _ppids() -> dict[int, int]:
    out = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses
        fields = stat[stat.rindex(")") + 2:].split()
        out[int(d.name)] = int(fields[1])
    return out


def descendants(pid: int) -> list[int]:
    """Every living process below ``pid`` (children first listed first)."""
    ppids = _ppids()
    kids: dict[int, list[int]] = {}
    for p, pp in ppids.items():
        kids.setdefault(pp, []).append(p)
    out, todo = [], [pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2:][:1] not in ("Z", "X")


def terminate_all(grace: float = 5.0) -> None:
    """SIGTERM every process below this one (children, pool workers, their kernels and LaTeX), then SIGKILL
    what is left; our own children that exited are reaped."""
    me = os.getpid()
    pids = descendants(me)
    ours = [pid for pid, parent in _ppids().items() if parent == me]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            for pid in ours:  # reap our own children (a zombie counts as stopped already)
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)
            if not any(alive(p) for p in pids):
                return
            time.sleep(0.05)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: children stopped, the previous book kept."""


def _raise(signum: int, _frame: object) -> None:
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextlib.contextmanager
def children_die_with_us() -> Iterator[None]:
    """In the ``with`` block, SIGINT and SIGTERM stop every child (and its tree) before the build exits."""
    main = threading.current_thread() is threading.main_thread()
    old = {}
    if main:
        for sig in (signal.SIGINT, signal.SIGTERM):
            old[sig] = signal.signal(sig, _raise)
    try:
        yield
    except BaseException:
        terminate_all()
        raise
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _exec(argv: list[str]) -> None:
    """``python -m districtbook.base.procs PARENT_PID CMD...``: die with the parent, then become CMD."""
    parent, cmd = int(argv[0]), argv[1:]
    set_parent_death_signal()
    if os.getppid() != parent:  # the build died before the signal was armed
        sys.exit(143)
    os.execvp(cmd[0], cmd)


if __name__ == "__main__":
    _exec(sys.argv[1:])
