"""An analyst's rerun with the papermill command itself (not `districtbook run`): the chart assets go beside the
output notebook, never into the published book/, and a misspelt parameter name stops the chapter with the same
message as `districtbook run` (papermill itself only warns about it)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import cli, copy_project

PAPERMILL = str(Path(sys.executable).parent / "papermill")


def _papermill(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(root))
    for k in ("DISTRICTBOOK_BOOK_DIR", "DISTRICTBOOK_ASSETS_DIR", "DISTRICTBOOK_ASSET_LOG"):
        env.pop(k, None)
    return subprocess.run([PAPERMILL, *args], capture_output=True, text=True, env=env, cwd=root)


def _published(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in (root / "book").rglob("*") if p.is_file()}


@pytest.mark.slow
def test_papermill_from_the_project_root_writes_the_charts_beside_its_output_and_not_into_the_book(tmp_path):
    root = copy_project(tmp_path / "project")
    before = _published(root)
    (root / "runs").mkdir()
    proc = _papermill(root, "notebooks/profile.ipynb", "runs/tay-ho.ipynb", "-p", "district", "Tây Hồ", "-p", "lang", "en")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (root / "runs" / "tay-ho.ipynb").is_file()
    assert (root / "runs" / "_assets" / "profile-tay-ho-progress-en.png").is_file()
    assert (root / "runs" / "_assets" / "profile-tay-ho-figures.csv").is_file()
    assert _published(root) == before  # book/ (and its chapters/_assets) untouched


@pytest.mark.slow
def test_a_misspelt_parameter_name_stops_papermill_with_the_message_of_districtbook_run(tmp_path):
    root = copy_project(tmp_path / "project")
    message = "parameter 'distrct': unknown parameter for template 'profile' (allowed: district, lang, seeds)"
    proc = _papermill(root, "notebooks/profile.ipynb", str(tmp_path / "out.ipynb"), "-p", "distrct", "Đống Đa")
    assert proc.returncode != 0
    assert message in proc.stderr, proc.stderr[-2000:]
    ours = cli("run", "profile", "-p", "distrct", "Đống Đa", root=root)
    assert ours.returncode == 2 and message in ours.stderr, ours.stderr
