"""Every path the project uses, anchored on the package (never on the current directory).

papermill starts kernels in the caller's folder and nbval in the notebook's folder, so
nothing may open a path relative to the cwd.  ``DISTRICTBOOK_ROOT`` lets a build (or a
test working on a copy of the project) point the package at another project folder.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/districtbook (this module is in base/)


def root() -> Path:
    """The project folder: ``$DISTRICTBOOK_ROOT`` if set, else the checkout holding ``src/``."""
    env = os.environ.get("DISTRICTBOOK_ROOT")
    return Path(env).resolve() if env else PACKAGE_DIR.parent.parent


def seeds_dir() -> Path:
    return root() / "seeds"


def book_dir() -> Path:
    """Where the executed chapters and written pages live: ``$DISTRICTBOOK_BOOK_DIR`` in the kernel of a staged
    build, else the edition whose ``chapters`` folder the kernel runs in (nbval re-runs a published chapter with
    its folder as the working directory: it writes beside it), else the project's ``book``."""
    env = os.environ.get("DISTRICTBOOK_BOOK_DIR")
    if env:
        return Path(env).resolve()
    here = Path.cwd()
    return here.parent if here.name == "chapters" else root() / "book"


def notebooks_dir() -> Path:
    return root() / "notebooks"


def manifest_path() -> Path:
    return root() / "book" / "manifest.yml"


def build_dir() -> Path:
    return root() / "_build"


def assets_dir() -> Path:
    """Charts and downloadable tables written by chapters, in an ``_assets`` folder next to the notebook:

    - ``$DISTRICTBOOK_ASSETS_DIR`` (``districtbook run``), else the staged book's chapters during a build
      (``$DISTRICTBOOK_BOOK_DIR``);
    - a chapter executed by the ``papermill`` command: beside its output notebook (never into the published
      ``book/``, whatever folder papermill was started from);
    - otherwise (nbval re-running a published chapter in place): beside the chapters of its edition.
    """
    env = os.environ.get("DISTRICTBOOK_ASSETS_DIR")
    if env:
        return Path(env).resolve()
    out = None if os.environ.get("DISTRICTBOOK_BOOK_DIR") else papermill_output(os.getppid())
    return out.parent / "_assets" if out else book_dir() / "chapters" / "_assets"


def papermill_output(pid: int) -> Path | None:
    """The output notebook of the ``papermill`` command running as process ``pid`` (the kernel's parent), or
    None when that process is not the papermill command or writes no notebook file.

    >>> papermill_output(os.getpid()) is None
    True
    """
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
        cwd = Path(os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return None
    is_papermill = any(Path(a).name == "papermill" for a in argv[:2]) or argv[1:3] == ["-m", "papermill"]
    notebooks = [a for a in argv[1:] if a.endswith(".ipynb")]
    if not is_papermill or len(notebooks) < 2:
        return None
    return (cwd / notebooks[1]).resolve()  # papermill INPUT OUTPUT: a relative path is the command's
