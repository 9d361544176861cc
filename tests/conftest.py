"""Shared fixtures: the project root, and a throw-away copy of the project for end-to-end builds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info", ".pytest_cache")


def copy_project(dest: Path) -> Path:
    """A copy of the project (sources, book, seeds) that a test may change and build."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


def cli(*args: str, root: Path | None = None, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``python -m districtbook`` (optionally against a project copy) and capture its output."""
    env = dict(os.environ)
    env.pop("DISTRICTBOOK_BOOK_DIR", None)
    if root is not None:
        env["DISTRICTBOOK_ROOT"] = str(root)
    proc = subprocess.run([sys.executable, "-m", "districtbook", *args], capture_output=True, text=True,
                          env=env, cwd=root or ROOT)
    if check and proc.returncode != 0:
        raise AssertionError(f"districtbook {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the whole book built (HTML and PDF) by the real toolchain."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    cli("build", "--pdf", root=root, check=True)
    return root


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese the way Windows-1258 spells it: base letters precomposed, tones combining."""
    import unicodedata

    out, cluster = [], ""
    for ch in unicodedata.normalize("NFD", text) + "\0":
        if unicodedata.combining(ch):
            cluster += ch
            continue
        if cluster:
            base = unicodedata.normalize("NFC", "".join(c for c in cluster if c not in _TONES))
            out.append(base + "".join(c for c in cluster if c in _TONES))
        cluster = ch
    return "".join(out).encode("cp1258")
