"""Reruns: the cache keyed on inputs, safe publishing under interrupt, hostile input, the papermill CLI path."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from districtbook.errors import ManifestError
from districtbook.manifest import load

from .conftest import ROOT, cli, copy_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("reruns") / "project")
    proc = cli("build", root=root)
    assert proc.returncode == 0, proc.stderr
    assert "20 chapters executed, 0 reused from cache" in proc.stderr
    return root


def test_nothing_changed_executes_nothing_and_says_so(project):
    before = (project / "_build/html/index.html").stat().st_mtime_ns
    proc = cli("build", root=project)
    assert proc.returncode == 0, proc.stderr
    assert "nothing changed: no chapter executed (20 reused)" in proc.stderr
    assert "book pages unchanged: HTML reused" in proc.stderr
    assert proc.stderr.count("reused from cache") == 20
    assert (project / "_build/html/index.html").stat().st_mtime_ns == before


def test_one_changed_article_reruns_the_chapters_that_read_articles(project):
    """The changed article also carries markup in its title: the book shows it as text."""
    article = project / "seeds/000_ebee602fe4335fbd.txt"
    lines = article.read_text(encoding="utf-8").split("\n")
    lines[0] = "<script>alert('xss')</script> **" + lines[0]
    article.write_text("\n".join(lines), encoding="utf-8")
    proc = cli("build", root=project)
    assert proc.returncode == 0, proc.stderr
    assert "book/en/chapters/dictionary.ipynb: reused from cache" in proc.stderr  # reads no article
    assert "book/chapters/sources.ipynb: executed" in proc.stderr
    assert "18 chapters executed, 2 reused from cache" in proc.stderr
    page = (project / "_build/html/book/chapters/sources.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt; **Quận Tây Hồ" in page  # shown as text
    assert "<script>alert(" not in page


def test_interrupt_mid_build_leaves_the_previous_book(project):
    index = (project / "_build/html/index.html").read_bytes()
    chapter = (project / "book/chapters/budget.ipynb").read_bytes()
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(project))
    proc = subprocess.Popen([sys.executable, "-m", "districtbook", "build", "--no-cache"], env=env, cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(4)  # chapters are executing by now
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted; the previous book is unchanged" in err
    assert (project / "_build/html/index.html").read_bytes() == index
    assert (project / "book/chapters/budget.ipynb").read_bytes() == chapter


def _papermill(tmp_path, *params: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "papermill"
    return subprocess.run([str(exe), str(ROOT / "notebooks/compare.ipynb"), str(tmp_path / "out.ipynb"), *params],
                          capture_output=True, text=True, cwd=tmp_path)


def test_papermill_cli_gets_the_same_checks_and_messages(tmp_path):
    proc = _papermill(tmp_path, "-p", "district_a", "Ba Đình")
    assert proc.returncode != 0
    assert "parameter 'district_a': unknown district 'Ba Đình' (allowed: Tây Hồ, Đống Đa)" in proc.stderr
    proc = _papermill(tmp_path, "-p", "lang", "5")
    assert proc.returncode != 0 and "parameter 'lang': expected str, got int 5" in proc.stderr


def test_manifest_outputs_cannot_escape_the_book(tmp_path):
    bad = tmp_path / "manifest.yml"
    bad.write_text("parts:\n  - caption: x\n    entries:\n      - template: sources.ipynb\n"
                   "        output: ../../x.ipynb\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="must be a relative .ipynb path inside book/"):
        load(bad)


def test_a_district_parameter_cannot_name_a_path():
    proc = cli("run", "profile", "-p", "district", "../../etc/passwd")
    assert proc.returncode == 2 and "unknown district '../../etc/passwd'" in proc.stderr
