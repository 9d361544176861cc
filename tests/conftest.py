"""Shared fixtures: the project root, the fixture articles, throw-away copies of the project, and the
session's two shared builds.

Tests own their data: unit and end-to-end tests read the five seed articles copied to
``tests/fixtures/seeds/`` (``SEEDS``), never the live ``seeds/`` folder, which grows as the
maintainer adds articles.  A project copy gets the fixture articles in its ``seeds/``.  What
must hold for any ``seeds/`` is tested on the live folder in ``test_live_seeds.py``.

Builds are what makes ``make test`` slow, so they are shared: ``built_log`` is the whole book
(HTML and PDF) built once per session from the project's own chapter cache, ``rebuilt_log`` the same
book rebuilt once after an article changed and an article about a third district arrived.  ``make
test`` runs on two pytest-xdist workers; the files whose tests read a shared build run on one worker,
so that each build is made once (``pytest_xdist_make_scheduler`` below).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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


#: the article about Tây Hồ that ``rebuilt_log`` changes, and the name it gives the third district's article
CHANGED_ARTICLE = "000_ebee602fe4335fbd.txt"
ADDED_ARTICLE = "005_hoang_mai.txt"


@pytest.fixture(scope="session")
def rebuilt_log(tmp_path_factory: pytest.TempPathFactory,
                built_log: tuple[Path, str]) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The session's book rebuilt (HTML, both editions) after two edits to its articles, and the build.

    Article 000 (about Tây Hồ) changes (markup is put in its title) and an article about a third district,
    Hoàng Mai, arrives (``tests/fixtures/hoang_mai_article.txt``).  One build serves two kinds of checks:
    which chapters re-executed and why (``test_reruns.py``), and every chart and comparison of the book
    drawn over three districts (``test_findings.py``).
    """
    root = copy_project(tmp_path_factory.mktemp("rebuilt") / "project", build=built_log[0])
    article = root / "seeds" / CHANGED_ARTICLE
    lines = article.read_text(encoding="utf-8").split("\n")
    lines[0] = "<script>alert('xss')</script> **" + lines[0]
    article.write_text("\n".join(lines), encoding="utf-8")
    shutil.copy2(ROOT / "tests" / "fixtures" / "hoang_mai_article.txt", root / "seeds" / ADDED_ARTICLE)
    return root, cli("build", root=root)


# --- pytest-xdist: which tests share a worker (``make test`` runs two, ``--dist loadfile``) -------------

#: The fixtures that build a book once per session, and the test files that may ask for them: those files run
#: on one worker, which makes each build once.  A test elsewhere that asks for one is refused at collection.
SHARED_BUILDS = frozenset({"built_log", "built_project", "rebuilt_log"})
SHARED_BUILD_FILES = ("tests/test_book_end_to_end.py", "tests/test_findings.py", "tests/test_reader.py",
                      "tests/test_reruns.py")
#: The longest units start first: the shared builds and the browser checks, the hostile-input builds, the
#: 50 MB article; every other file is a unit of its own, in collection order.
FIRST = ("shared builds", "tests/test_hostile_build.py", "tests/test_extract.py")


def work_unit(nodeid: str) -> str:
    """The unit of work a test belongs to under pytest-xdist: its file, or "shared builds".

    >>> work_unit("tests/test_reader.py::test_pdf_spells_vietnamese_and_holds_the_chart"), work_unit("tests/test_deps.py::t")
    ('shared builds', 'tests/test_deps.py')
    """
    path = nodeid.split("::", 1)[0]
    return "shared builds" if path in SHARED_BUILD_FILES else path


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadfile`` with two changes: the files that read a shared build are one unit, and units are
    handed out in collection order (arranged below: the longest first), not by their number of tests.

    (xdist's ``--dist loadgroup`` would do the grouping from ``xdist_group`` marks, but pytest-xdist 3.8 cannot
    rename the tests of pytest 9, so its groups are silently ignored.)"""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Units(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False
    return Units(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse a test that reads a shared build outside ``SHARED_BUILD_FILES``; put the longest units first."""
    for item in items:
        if SHARED_BUILDS & set(getattr(item, "fixturenames", ())) and work_unit(item.nodeid) != "shared builds":
            raise pytest.UsageError(f"{item.nodeid} uses a shared build: add its file to SHARED_BUILD_FILES in "
                                    "tests/conftest.py (its tests must run on the worker that builds it)")
    rank = {unit: i for i, unit in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(work_unit(item.nodeid), len(FIRST)))


def keep_chapters(root: Path, *templates: str) -> list[str]:
    """Cut a project copy's book manifest down to the chapters made from these templates (both editions,
    every written page): a smaller book for tests that need a build of their own but not every chapter.
    Returns the chapters' output names."""
    import yaml

    path = root / "book" / "manifest.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for part in data["parts"]:
        part["entries"] = [e for e in part["entries"] if "page" in e or e["template"].removesuffix(".ipynb") in templates]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [e["output"] for part in data["parts"] for e in part["entries"] if "output" in e]


def wait_for_child(pid: int, word: str, timeout: float = 300) -> None:
    """Wait until a process whose command line holds ``word`` runs under process ``pid`` (a kernel, Jupyter Book)."""
    from districtbook.base import procs

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in procs.descendants(pid):
            try:
                if word in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace"):
                    return
            except OSError:
                continue
        time.sleep(0.1)
    raise AssertionError(f"no {word} process appeared under the build")


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
