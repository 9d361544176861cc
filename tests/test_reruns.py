"""Reruns: the cache keyed on the inputs each chapter reads, safe publishing under interrupt, hostile input, the
papermill CLI path."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from districtbook.base.errors import ManifestError
from districtbook.building.manifest import load

from .conftest import ADDED_ARTICLE, CHANGED_ARTICLE, ROOT, SEEDS, cli, copy_project, wait_for_child

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory, built_log) -> Path:
    """A copy of the session's built book (its cache included): builds here re-execute what a test changes."""
    built, log = built_log
    lines = re.findall(r"\[\d+/20\] (\S+): (executed in [\d.]+ s \((.+)\)|reused from cache)", log)
    assert len(lines) == 20, log  # 10 chapters in two editions, each executed (saying why) or reused
    return copy_project(tmp_path_factory.mktemp("reruns") / "project", build=built)


def _executed(log: str) -> set[str]:
    return set(re.findall(r"\] (\S+\.ipynb): executed", log))


def test_nothing_changed_executes_nothing_and_says_so(project):
    before = (project / "_build/html/index.html").stat().st_mtime_ns
    proc = cli("build", root=project)
    assert proc.returncode == 0, proc.stderr
    assert "nothing changed: no chapter executed (20 reused)" in proc.stderr
    assert "book pages unchanged: HTML reused" in proc.stderr
    assert proc.stderr.count("reused from cache (none of its inputs changed: template, parameters") == 20
    for ed in EDITIONS:  # and which articles those are
        assert f"{ed}/dictionary.ipynb: reused from cache (none of its inputs changed: template, parameters and " \
               "code; it reads no article)" in proc.stderr
        assert f"{ed}/sources.ipynb: reused from cache (none of its inputs changed: template, parameters, code and " \
               "all 5 articles)" in proc.stderr
        assert f"{ed}/profile-dong-da.ipynb: reused from cache (none of its inputs changed: template, parameters, " \
               "code and the one article about Đống Đa)" in proc.stderr
    assert (project / "_build/html/index.html").stat().st_mtime_ns == before


ACROSS = ("sources", "figures", "budget", "growth", "digital", "governance")  # every article
EDITIONS = ("book/chapters", "book/en/chapters")


def test_a_changed_and_a_new_article_rerun_only_the_chapters_that_read_them(rebuilt_log):
    """One build, two edits (``rebuilt_log``): article 000 (about Tây Hồ) changes and 005 (about Hoàng Mai, a new
    district) arrives.

    Re-executed: the chapters across districts (they read every article), the Tây Hồ profile and the Tây Hồ/Đống
    Đa comparison (they read 000), and the new Hoàng Mai profile.  Reused: the Đống Đa profile and the data
    dictionary (no article).  Each executed chapter's log line says which input changed, each reused one that
    none did.  The changed article also carries markup in its title: the book shows it as text."""
    project, proc = rebuilt_log
    assert proc.returncode == 0, proc.stderr
    log = proc.stderr
    assert _executed(log) == {f"{ed}/{name}.ipynb" for ed in EDITIONS
                              for name in (*ACROSS, "compare", "profile-tay-ho", "profile-hoang-mai")}
    assert "18 chapters executed, 4 reused from cache" in log
    for ed in EDITIONS:
        assert f"{ed}/profile-dong-da.ipynb: reused from cache (none of its inputs changed" in log
        assert f"{ed}/dictionary.ipynb: reused from cache (none of its inputs changed" in log
        assert re.search(rf"{ed}/profile-tay-ho.ipynb: executed in [\d.]+ s "
                         rf"\(article {CHANGED_ARTICLE} changed\)", log), log
        assert re.search(rf"{ed}/compare.ipynb: executed in [\d.]+ s \(article {CHANGED_ARTICLE} changed\)", log)
        assert re.search(rf"{ed}/sources.ipynb: executed in [\d.]+ s \(article {ADDED_ARTICLE} added; "
                         rf"article {CHANGED_ARTICLE} changed\)", log), log
        # new to the fixture book; the project's cache may hold a profile of the same name built from the live
        # seeds/ (make check-new-articles adds a Hoàng Mai article there), made from other inputs
        assert re.search(rf"{ed}/profile-hoang-mai.ipynb: executed in [\d.]+ s \((?:not in the cache|"
                         rf"[^)\n]*article {ADDED_ARTICLE} added[^)\n]*)\)", log), log
    page = (project / "_build/html/book/chapters/sources.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt; **Quận Tây Hồ" in page  # shown as text
    assert "<script>alert(" not in page
    # the new district is a chapter, a page and a known parameter value
    assert "book/chapters/profile-hoang-mai" in (project / "_toc.yml").read_text(encoding="utf-8")
    page = (project / "_build/html/book/chapters/profile-hoang-mai.html").read_text(encoding="utf-8")
    assert "3.150 tỷ đồng" in page and "Quận Hoàng Mai" in page
    bad = cli("run", "compare", "-p", "district_a", "Ba Đình", root=project)
    assert bad.returncode == 2
    assert "unknown district 'Ba Đình' (allowed: Đống Đa, Hoàng Mai, Tây Hồ)" in bad.stderr
    # (test_findings runs the comparison of Hoàng Mai, named without diacritics, with Tây Hồ in this project)


def test_interrupt_mid_build_leaves_the_previous_book(project):
    index = (project / "_build/html/index.html").read_bytes()
    chapter = (project / "book/chapters/budget.ipynb").read_bytes()
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(project))
    proc = subprocess.Popen([sys.executable, "-m", "districtbook", "build", "--no-cache"], env=env, cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_for_child(proc.pid, "ipykernel")  # chapters are executing
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole process group
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
    proc = _papermill(tmp_path, "-p", "seeds", str(SEEDS), "-p", "district_a", "Ba Đình")
    assert proc.returncode != 0
    assert "parameter 'district_a': unknown district 'Ba Đình' (allowed: Đống Đa, Tây Hồ)" in proc.stderr
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
