"""A chapter cache keyed on everything that can change what a chapter shows.

The key of a chapter is a SHA-256 over its inputs (:mod:`districtbook.deps`): the template's
bytes, its parameters, the package's source files, the pinned requirements, and the bytes of the
articles the chapter reads (every article for a cross-district chapter, the articles about its
district for a profile).  The entry keeps that record of inputs (``inputs.json``), so a build can
say which input changed when a chapter runs again.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths


def _hash_files(files: list[Path], base: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(str(f.relative_to(base)).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def code_hash() -> str:
    """The package's source and the pinned requirements."""
    pkg = paths.PACKAGE_DIR
    files = [p for p in pkg.rglob("*") if p.is_file() and p.suffix in (".py", ".yml") and "__pycache__" not in p.parts]
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


def lookup(output: str, key: str) -> Entry | None:
    folder = _folder(output)
    try:
        if (folder / "key").read_text(encoding="utf-8") == key and (folder / "chapter.ipynb").is_file():
            return Entry(folder)
    except FileNotFoundError:
        pass
    return None


def recorded_inputs(output: str) -> dict[str, Any] | None:
    """The inputs recorded with a chapter's cache entry (None: no entry, or one from before the record)."""
    try:
        return json.loads((_folder(output) / "inputs.json").read_text(encoding="utf-8"))
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
