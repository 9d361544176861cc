"""A chapter whose kernel fails to start (a port taken between jupyter_client's pick and the kernel's bind,
on a busy machine) is started again; any other failure is not retried."""
from __future__ import annotations

import papermill
import pytest

from districtbook import build


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
    out = build.execute("sources", tmp_path / "sources.ipynb", {"seeds": "seeds", "lang": "vi"})
    assert out.exists() and len(calls) == 2


def test_a_kernel_that_never_starts_fails_the_chapter(tmp_path, monkeypatch):
    fake, calls = _flaky(99, RuntimeError("Kernel died before replying to kernel_info"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    with pytest.raises(RuntimeError, match="kernel_info"):
        build.execute("sources", tmp_path / "sources.ipynb", {"seeds": "seeds", "lang": "vi"})
    assert len(calls) == build.KERNEL_START_ATTEMPTS


def test_other_errors_are_not_retried(tmp_path, monkeypatch):
    fake, calls = _flaky(1, RuntimeError("something else"))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    with pytest.raises(RuntimeError, match="something else"):
        build.execute("sources", tmp_path / "sources.ipynb", {"seeds": "seeds", "lang": "vi"})
    assert len(calls) == 1
