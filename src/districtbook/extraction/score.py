"""``districtbook score``: extract the development set of real articles and score the figures.

The development set (``../shared/devset`` beside the project: excerpts of real news pages, a
hand-labelled ``gold.csv`` and its own scorer ``score.py``) is read where it lies, never copied
into the project.  The set's scorer prints precision, recall, F1 and the agreement of district,
period, basis and qualifier on the matched figures; this adds the share of figures whose metric
is ``other`` (the vocabulary's blind spot).
"""
from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from districtbook.base import paths
from districtbook.base.errors import DistrictbookError
from districtbook.extraction.extract import write_figures


class DevsetError(DistrictbookError):
    """The development set is missing or incomplete."""


def default_devset() -> Path:
    return paths.root().parent / "shared" / "devset"


def score(devset: Path | None = None, min_f1: float = 0.0, min_field: float = 0.0, show: int = 0,
          only: str = "") -> int:
    """Score the extractor on ``devset``; print the report; return the scorer's exit status
    (non-zero when F1 or the weakest of district/period/basis is below the given floors).  ``only``
    (``d41-d60``) scores those articles alone; the figures counted under metric ``other`` are theirs too."""
    devset = Path(devset) if devset else default_devset()
    scorer, gold, articles = devset / "score.py", devset / "gold.csv", devset / "articles"
    for need in (scorer, gold, articles):
        if not need.exists():
            raise DevsetError(f"development set: {need} does not exist (expected score.py, gold.csv and articles/ "
                              f"in {devset})")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "figures.csv"
        write_figures([articles], pred)
        proc = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), str(articles),
                               "--min-f1", str(min_f1), "--min-field", str(min_field), "--show", str(show)]
                              + (["--only", only] if only else []),
                              capture_output=True, text=True)
        with pred.open(encoding="utf-8") as f:
            metrics = Counter(r["metric"] for r in csv.DictReader(f)
                              if r["kind"] == "indicator" and _within(r["doc"], only))
    print(proc.stdout.rstrip())
    if proc.stderr.strip():
        print(proc.stderr.rstrip(), file=sys.stderr)
    total = sum(metrics.values())
    other = metrics.get("other", 0)
    print(f"metric 'other' on {other}/{total} extracted indicator figures ({other / total if total else 0:.2f})")
    return proc.returncode


def _within(doc: str, only: str) -> bool:
    """Whether the article ``doc`` (``d07.txt``) is in the range ``only`` (``d01-d40``; empty: every article)."""
    if not only:
        return True
    lo, _, hi = only.partition("-")
    stem = Path(doc).stem
    return (lo <= stem <= (hi or lo)) if len(stem) == len(lo) else False
