"""The book manifest (``book/manifest.yml``): every chapter, its template, parameters and output."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from . import paths
from .errors import ManifestError


@dataclass(frozen=True)
class Chapter:
    template: str
    output: str  # relative to book/, e.g. "chapters/sources.ipynb"
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return PurePosixPath(self.output).stem


def load(path: Path | None = None) -> list[Chapter]:
    path = path or paths.manifest_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{path.name}: the book manifest does not exist") from None
    except yaml.YAMLError as exc:
        raise ManifestError(f"{path.name}: not valid YAML ({exc})") from None
    entries = (data or {}).get("chapters")
    if not isinstance(entries, list) or not entries:
        raise ManifestError(f"{path.name}: expected a non-empty list under 'chapters'")
    chapters = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not {"template", "output"} <= entry.keys():
            raise ManifestError(f"{path.name}: chapter {i} needs 'template' and 'output'")
        out = PurePosixPath(entry["output"])
        if out.is_absolute() or ".." in out.parts or out.suffix != ".ipynb":
            raise ManifestError(f"{path.name}: chapter {i} output '{out}' must be a relative .ipynb path inside book/")
        params = entry.get("parameters") or {}
        if not isinstance(params, dict):
            raise ManifestError(f"{path.name}: chapter {i} 'parameters' must be a mapping")
        chapters.append(Chapter(str(entry["template"]), str(out), dict(params)))
    return chapters
