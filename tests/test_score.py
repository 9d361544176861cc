"""The extractor measured on real articles: the development set beside the project (``../shared/devset``).

Its texts are third-party pages and stay where they are; this reads them through ``districtbook score``,
which runs the set's own scorer.  The floors are the issue's: F1 of at least 0.93, district, period and basis
each agreeing on at least 0.90 of the matched figures, and at most 15 % of the figures with metric ``other``.
"""
from __future__ import annotations

import re

import pytest

from .conftest import ROOT, cli

DEVSET = ROOT.parent / "shared" / "devset"


@pytest.mark.skipif(not (DEVSET / "score.py").is_file(), reason="the development set is not beside the project")
def test_the_development_set_scores_above_the_floors():
    proc = cli("score", "--min-f1", "0.93", "--min-field", "0.90")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    other = re.search(r"metric 'other' on (\d+)/(\d+)", proc.stdout)
    assert other and int(other[1]) / int(other[2]) <= 0.15, proc.stdout


def test_a_missing_development_set_is_a_clear_error(tmp_path):
    proc = cli("score", str(tmp_path / "nowhere"))
    assert proc.returncode == 2 and "development set:" in proc.stderr and "score.py" in proc.stderr
