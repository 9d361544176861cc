"""Chapters' kernels talk over Unix sockets of their own; a chapter whose kernel fails to start is started
again, any other failure is not retried."""
from __future__ import annotations

import papermill
import pytest

from districtbook.building import execute as executing


def _flaky(failures: int, exc: Exception):
    calls = []

    def execute_notebook(src, out, **kw):
        calls.append(src)
        if len(calls) <= failures:
            raise exc
        out_path = __import__("pathlib").Path(out)
        out_path.write_text(__import__("pathlib").Path(src).read_text(encoding="utf-8"), encoding="utf-8")
    return execute_notebook, calls


def test_a_kernel_that_did_not_start_is_started_again(tmp_path, monkeypatch):
    fake, calls = _flaky(1, RuntimeError("Kernel died before replying to kernel_info"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    out = executing.execute("sources", tmp_path / "sources.ipynb", {"seeds": "seeds", "lang": "vi"})
    assert out.exists() and len(calls) == 2


def test_a_kernel_that_never_starts_fails_the_chapter(tmp_path, monkeypatch):
    fake, calls = _flaky(99, RuntimeError("Kernel died before replying to kernel_info"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    with pytest.raises(RuntimeError, match="kernel_info"):
        executing.execute("sources", tmp_path / "sources.ipynb", {"seeds": "seeds", "lang": "vi"})
    assert len(calls) == executing.KERNEL_START_ATTEMPTS


def test_other_errors_are_not_retried(tmp_path, monkeypatch):
    fake, calls = _flaky(1, RuntimeError("something else"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    with pytest.raises(RuntimeError, match="something else"):
        executing.execute("sources", tmp_path / "sources.ipynb", {"seeds": "seeds", "lang": "vi"})
    assert len(calls) == 1


def test_kernels_talk_over_unix_sockets_of_their_own_and_leave_none_behind():
    """Chapters' kernels use ZMQ ``ipc`` sockets named after a random token (TCP ports picked by one process
    could be taken by another before the kernel bound them); a kernel shut down removes its sockets."""
    import asyncio
    import glob

    manager = executing.kernel_manager_class()
    one, other = manager(kernel_name="python3"), manager(kernel_name="python3")
    assert one.transport == "ipc" and one.ip != other.ip

    async def start_and_stop() -> list[str]:
        await one.start_kernel()
        client = one.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        sockets = glob.glob(one.ip + "-*")
        client.stop_channels()
        await one.shutdown_kernel()
        return sockets

    assert len(asyncio.run(start_and_stop())) == 5  # shell, iopub, stdin, control, heartbeat
    assert glob.glob(one.ip + "-*") == []


def test_sockets_of_a_killed_build_are_removed_by_the_next(tmp_path):
    dead = _a_dead_pid()
    left = [tmp_path / f"districtbook-{dead}-0123456789abcdef-{i}" for i in range(1, 6)]
    mine = [tmp_path / f"districtbook-{executing.os.getpid()}-fedcba9876543210-{i}" for i in range(1, 6)]
    for f in left + mine:
        f.touch()
    assert sorted(executing.remove_stale_sockets(tmp_path)) == left
    assert all(f.exists() for f in mine) and not any(f.exists() for f in left)


def _a_dead_pid() -> int:
    import subprocess

    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid
