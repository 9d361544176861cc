"""A chapter cache keyed on everything that can change what a chapter shows.

The key of a chapter is a SHA-256 over its inputs (:mod:`districtbook.building.deps`): the template's
bytes, its parameters, the package's source files, the pinned requirements, and the bytes of the
articles the chapter reads (every article for a cross-district chapter, the articles about its
district for a profile).  The entry keeps that record of inputs (``inputs.json``), so a build can
say which input changed when a chapter runs again.

An entry verifies itself: it records the SHA-256 of each of its files (``files.json``), and an
entry whose files do not match (a truncated chart or notebook) or cannot be read is dropped with
a one-line warning, so that its chapter is executed again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from districtbook.base import paths

log = logging.getLogger("districtbook")
FILES = "files.json"


def _hash_files(files: list[Path], base: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(str(f.relative_to(base)).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def code_hash() -> str:
    """The package's source, its message catalogues (the words of every chapter) and the pinned requirements."""
    pkg = paths.PACKAGE_DIR
    files = [p for p in pkg.rglob("*") if p.is_file() and p.suffix in (".py", ".yml", ".po")
             and "__pycache__" not in p.parts]
    h = hashlib.sha256(_hash_files(files, pkg).encode())
    req = paths.root() / "requirements.txt"
    if req.is_file():
        h.update(req.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class Entry:
    folder: Path

    @property
    def notebook(self) -> Path:
        return self.folder / "chapter.ipynb"

    @property
    def assets(self) -> Path:
        return self.folder / "assets"


def _folder(output: str) -> Path:
    return paths.build_dir() / "cache" / output.replace("/", "__")


def _entry_files(folder: Path) -> dict[str, str]:
    """``relative path -> sha256`` of an entry's notebook and assets."""
    files = [folder / "chapter.ipynb", *sorted((folder / "assets").iterdir())]
    return {str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def verify(folder: Path) -> str | None:
    """What is wrong with a cache entry's files, or None when they are what was stored."""
    try:
        recorded = json.loads((folder / FILES).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{FILES} is missing"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"{FILES} cannot be read ({exc.__class__.__name__})"
    if not isinstance(recorded, dict):
        return f"{FILES} is not a mapping"
    try:
        actual = _entry_files(folder)
    except OSError as exc:
        return f"a file cannot be read ({exc.strerror})"
    for name in sorted(recorded.keys() | actual.keys()):
        if name not in actual:
            return f"{name} is missing"
        if recorded.get(name) != actual[name]:
            return f"{name} does not match its recorded hash" if name in recorded else f"{name} was not stored"
    return None


def lookup(output: str, key: str) -> Entry | None:
    """The entry for ``output`` if it was stored under ``key`` and its files are intact; a damaged
    entry is dropped (with a warning) and None returned, so the chapter runs again."""
    folder = _folder(output)
    try:
        if (folder / "key").read_text(encoding="utf-8") != key:
            return None
    except (OSError, UnicodeDecodeError):
        return None
    problem = verify(folder)
    if problem:
        log.warning("%s: cache entry damaged (%s): dropped, the chapter is executed again", output, problem)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return Entry(folder)


def recorded_inputs(output: str) -> dict[str, Any] | None:
    """The inputs recorded with a chapter's cache entry (None: no entry, or one from before the record)."""
    try:
        data: dict[str, Any] = json.loads((_folder(output) / "inputs.json").read_text(encoding="utf-8"))
        return data
    except (FileNotFoundError, ValueError):
        return None


def store(output: str, key: str, notebook: Path, assets: list[Path], inputs: dict[str, Any] | None = None) -> None:
    folder = _folder(output)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "assets").mkdir(parents=True)
    shutil.copy2(notebook, tmp / "chapter.ipynb")
    for a in assets:
        if a.is_file():
            shutil.copy2(a, tmp / "assets" / a.name)
    (tmp / FILES).write_text(json.dumps(_entry_files(tmp), indent=1, sort_keys=True), encoding="utf-8")
    (tmp / "key").write_text(key, encoding="utf-8")
    if inputs is not None:
        (tmp / "inputs.json").write_text(json.dumps(inputs, ensure_ascii=False, indent=1, sort_keys=True),
                                         encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)


def tree_hash(*roots: Path) -> str:
    """A hash of every file under the given folders (or of the given files): the site's inputs."""
    h = hashlib.sha256()
    for r in roots:
        files = [r] if r.is_file() else [p for p in r.rglob("*") if p.is_file()]
        h.update(_hash_files(files, r.parent).encode())
    return h.hexdigest()
