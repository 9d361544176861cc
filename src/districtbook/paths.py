"""Every path the project uses, anchored on the package (never on the current directory).

papermill starts kernels in the caller's folder and nbval in the notebook's folder, so
nothing may open a path relative to the cwd.  ``DISTRICTBOOK_ROOT`` lets a build (or a
test working on a copy of the project) point the package at another project folder.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def root() -> Path:
    """The project folder: ``$DISTRICTBOOK_ROOT`` if set, else the checkout holding ``src/``."""
    env = os.environ.get("DISTRICTBOOK_ROOT")
    return Path(env).resolve() if env else PACKAGE_DIR.parent.parent


def seeds_dir() -> Path:
    return root() / "seeds"


def book_dir() -> Path:
    """Where the executed chapters and written pages live (``$DISTRICTBOOK_BOOK_DIR`` during a staged build)."""
    env = os.environ.get("DISTRICTBOOK_BOOK_DIR")
    return Path(env).resolve() if env else root() / "book"


def notebooks_dir() -> Path:
    return root() / "notebooks"


def manifest_path() -> Path:
    return root() / "book" / "manifest.yml"


def build_dir() -> Path:
    return root() / "_build"


def assets_dir() -> Path:
    """Charts and downloadable tables written by chapters, next to the chapters that show them
    (``$DISTRICTBOOK_ASSETS_DIR`` when a single run writes its notebook elsewhere)."""
    env = os.environ.get("DISTRICTBOOK_ASSETS_DIR")
    return Path(env).resolve() if env else book_dir() / "chapters" / "_assets"
