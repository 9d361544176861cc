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


_EDITION: dict[str, str | None] = {"lang": None}


def use_edition(lang: str) -> None:
    """Set by a chapter's validation: its charts and tables go beside that edition's chapters."""
    _EDITION["lang"] = lang


def edition_pages(lang: str) -> Path:
    """The folder of an edition's pages and chapters, as the book manifest names it (``book`` by default)."""
    import yaml

    try:
        data = yaml.safe_load(manifest_path().read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    for e in data.get("editions") or []:
        if isinstance(e, dict) and e.get("lang") == lang and e.get("pages"):
            return root() / str(e["pages"])
    return root() / "book"


def book_dir() -> Path:
    """Where the executed chapters and written pages live: ``$DISTRICTBOOK_BOOK_DIR`` during a staged build,
    else the folder of the chapter's edition (so nbval, re-running a chapter in place, writes beside it)."""
    env = os.environ.get("DISTRICTBOOK_BOOK_DIR")
    if env:
        return Path(env).resolve()
    lang = _EDITION["lang"]
    return edition_pages(lang) if lang else root() / "book"


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
