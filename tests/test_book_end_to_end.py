"""The whole road on a copy of the project: papermill -> Jupyter Book HTML + PDF, and nbval as the regression gate.

What readers see (browser and PDF checks) is in test_reader.py; failed chapters, signals, concurrent builds and a
damaged cache in test_hostile_build.py."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project

pytestmark = pytest.mark.slow


def test_build_writes_html_and_pdf_where_the_readme_says(built_project):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_build/html/index.html" in readme and "_build/pdf/districtbook.pdf" in readme
    assert (built_project / "_build/html/index.html").is_file()
    assert (built_project / "_build/pdf/districtbook.pdf").is_file()
    assert not (built_project / "_build/.staging").exists()


def test_html_chapter_shows_chart_with_alt_text_and_csv(built_project):
    page = (built_project / "_build/html/book/chapters/budget.html").read_text(encoding="utf-8")
    assert 'alt="Biểu đồ thanh ngang, Thu ngân sách: phần trăm kế hoạch năm đã đạt, so với phần năm đã qua.' in page
    assert "budget-progress-vi.csv" in page
    sources = (built_project / "_build/html/book/chapters/sources.html").read_text(encoding="utf-8")
    assert "5.355" in sources  # words in all bodies, formatted for the Vietnamese edition


def _nbval(root: Path, *chapters: str) -> subprocess.CompletedProcess[str]:
    """nbval over published chapters as `make test` runs it (on two pytest-xdist workers), in a project copy (its
    conftest.py loads the failure report)."""
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(root))
    env.pop("DISTRICTBOOK_BOOK_DIR", None)
    env.pop("PYTEST_ADDOPTS", None)  # options given to the outer run (--durations...) would change the output read here
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadfile", "--nbval",
         *chapters, "--ignore=_build", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"],
        capture_output=True, text=True, env=env, cwd=root,
    )


def test_nbval_names_the_tampered_chapter_and_the_refresh_command(built_project, tmp_path):
    """The regression gate: a published chapter passes; one tampered with fails, naming the chapter and cell,
    showing what was published and what is produced now, and the run ends with the refresh command.  One run
    checks both: the English Sources chapter as published, the Vietnamese one tampered with."""
    root = copy_project(tmp_path / "project", build=built_project)
    shutil.copytree(built_project / "book", root / "book", dirs_exist_ok=True)  # the book built from the fixtures

    nb_path = root / "book/chapters/sources.ipynb"
    raw = nb_path.read_text(encoding="utf-8")
    assert raw.count("5.355 từ") >= 1
    nb_path.write_text(raw.replace("5.355 từ", "5.356 từ"), encoding="utf-8")
    proc = _nbval(root, "book/chapters/sources.ipynb", "book/en/chapters/sources.ipynb")
    assert proc.returncode == 1
    out = proc.stdout
    assert re.search(r"^1 failed, \d+ passed", out, re.M), out  # the untouched English chapter passes
    assert "book/en/chapters/sources.ipynb" not in out, out
    assert re.search(r"published chapter book/chapters/sources.ipynb, cell \d+ \(`chapter.summary", out), out
    published = out.index("--- published (book/chapters/sources.ipynb, text/markdown):")
    produced = out.index("+++ produced now (text/markdown):")
    assert "5.356 từ" in out[published:produced] and "5.355 từ" in out[produced:]
    tail = [ln for ln in out.splitlines() if ln.strip()][-4:]
    assert tail[1] == "  book/chapters/sources.ipynb: cell " + re.search(r"cell (\d+) \(", out)[1]
    assert tail[-1].strip().startswith("make book") and "git diff book/" in tail[-1] and "commit" in tail[-1]
