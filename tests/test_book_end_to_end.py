"""The whole road on a copy of the project: papermill -> Jupyter Book HTML + xelatex PDF, and nbval."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, cli, copy_project

pytestmark = pytest.mark.slow


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_build_writes_html_and_pdf_where_the_readme_says(built_project):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_build/html/index.html" in readme and "_build/pdf/districtbook.pdf" in readme
    assert (built_project / "_build/html/index.html").is_file()
    assert (built_project / "_build/pdf/districtbook.pdf").is_file()
    assert not (built_project / "_build/.staging").exists()


def test_pdf_spells_vietnamese_and_holds_the_chart(built_project):
    pdf = built_project / "_build/pdf/districtbook.pdf"
    text = _pdftotext(pdf)
    for word in ("Tây Hồ", "Đống Đa", "tỷ đồng", "Nguồn dữ liệu", "Mục lục", "Chương"):
        assert word in text, word
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [ln for ln in images.splitlines()[2:] if ln.split()[2:3] == ["image"]]
    assert rows, "the chapter chart is not in the PDF"
    # the first chart is the budget chapter's progress to plan (the Sources chapter has a table, no chart)
    chart_page = int(rows[0].split()[0])
    page_text = subprocess.run(["pdftotext", "-f", str(chart_page), "-l", str(chart_page), str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
    assert "kế hoạch năm" in page_text


def test_html_chapter_shows_chart_with_alt_text_and_csv(built_project):
    page = (built_project / "_build/html/book/chapters/budget.html").read_text(encoding="utf-8")
    assert 'alt="Biểu đồ thanh ngang: phần trăm kế hoạch năm đã đạt, so với phần năm đã qua.' in page
    assert "budget-progress-vi.csv" in page
    sources = (built_project / "_build/html/book/chapters/sources.html").read_text(encoding="utf-8")
    assert "5.355" in sources  # words in all bodies, formatted for the Vietnamese edition


def test_failed_chapter_leaves_the_previous_book_intact(built_project, tmp_path):
    root = copy_project(tmp_path / "project")
    shutil.copytree(built_project / "_build", root / "_build")
    before = (root / "_build/html/index.html").read_bytes()
    chapter_before = (root / "book/chapters/sources.ipynb").read_bytes()
    # a chapter whose validation cell fails at run time: its seeds folder is emptied after validation
    broken = root / "notebooks/sources.ipynb"
    nb = json.loads(broken.read_text(encoding="utf-8"))
    setup = next(c for c in nb["cells"] if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", []))
    setup["source"] = ["raise RuntimeError('chapter broke')"]
    broken.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    proc = cli("build", root=root)
    assert proc.returncode == 2
    assert re.search(r"chapter book/chapters/sources.ipynb: sources.ipynb: cell \d+ failed: RuntimeError: chapter broke",
                     proc.stderr), proc.stderr
    assert "the previous book is unchanged" in proc.stderr
    assert (root / "_build/html/index.html").read_bytes() == before
    assert (root / "book/chapters/sources.ipynb").read_bytes() == chapter_before
    assert (root / "_build/failed/vi-sources.ipynb").is_file()


def _nbval(folder: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DISTRICTBOOK_BOOK_DIR=str(folder.parent))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", str(folder),
         "--nbval-sanitize-with", str(ROOT / "tests/nbval_sanitize.cfg"), "-o", "addopts=", "--rootdir", str(folder)],
        capture_output=True, text=True, env=env, cwd=folder,
    )


def test_nbval_passes_on_the_committed_chapter_and_fails_on_a_changed_number(tmp_path):
    folder = tmp_path / "book" / "chapters"
    folder.mkdir(parents=True)
    shutil.copy2(ROOT / "book/chapters/sources.ipynb", folder / "sources.ipynb")
    assert _nbval(folder).returncode == 0

    nb_path = folder / "sources.ipynb"
    raw = nb_path.read_text(encoding="utf-8")
    assert raw.count("5.355 từ") >= 1
    nb_path.write_text(raw.replace("5.355 từ", "5.356 từ"), encoding="utf-8")
    proc = _nbval(folder)
    assert proc.returncode == 1
    assert "5.356" in proc.stdout and "5.355" in proc.stdout  # nbval shows the stored and the new value
