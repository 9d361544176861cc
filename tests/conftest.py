"""Shared fixtures: the project root, the fixture articles, and throw-away copies of the project.

Tests own their data: unit and end-to-end tests read the five seed articles copied to
``tests/fixtures/seeds/`` (``SEEDS``), never the live ``seeds/`` folder, which grows as the
maintainer adds articles.  A project copy gets the fixture articles in its ``seeds/``.  What
must hold for any ``seeds/`` is tested on the live folder in ``test_live_seeds.py``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: the five seed articles as they were when the tests were written (the live seeds/ may grow)
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info", ".pytest_cache")


def copy_project(dest: Path, seeds: Path | None = SEEDS, build: Path | None = None) -> Path:
    """A copy of the project that a test may change and build.

    Its ``seeds/`` holds the fixture articles (``seeds=None`` keeps the live ones); ``build``, a
    project whose ``_build`` (cache, site, PDF) is copied too, so that a build only re-executes
    what the test changed.
    """
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    if seeds is not None:
        shutil.rmtree(dest / "seeds")
        shutil.copytree(seeds, dest / "seeds")
    if build is not None and (build / "_build").is_dir():
        shutil.copytree(build / "_build", dest / "_build", symlinks=True,
                        ignore=shutil.ignore_patterns("screenshots", ".staging", "failed"))
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
def built_log(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The one whole-book build of the session (HTML and PDF, both editions, fixture articles), and its log.

    Built once and shared: tests only read it, or copy it (``copy_project(..., build=...)``) and
    rebuild incrementally from its cache.  It starts from the project's own ``_build`` when there is
    one (after ``make book``): the cache is keyed on contents, so only chapters whose inputs differ
    from the published book's (the fixture articles against the live ones) execute here.
    """
    root = copy_project(tmp_path_factory.mktemp("built") / "project", build=ROOT)
    proc = cli("build", "--pdf", root=root, check=True)
    return root, proc.stderr


@pytest.fixture(scope="session")
def built_project(built_log: tuple[Path, str]) -> Path:
    return built_log[0]


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
