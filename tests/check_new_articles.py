"""CI check: the maintainer's everyday loop on a copy of the project, with three new articles.

Copies the project (with the live seeds/ and the published book/, and the chapter cache of a previous
`make book` when there is one), adds three articles about districts the seeds do not cover
(tests/fixtures/new_articles/, written for this check), then runs `make book` and `make test` in the
copy.  Both must pass: adding articles is the normal workflow, not a broken test suite.

Run by .ci/run after `make test` (never by pytest: it runs `make test` itself).  The copy uses this
checkout's .venv (``make VENV=...``) and ``DISTRICTBOOK_ROOT`` points the package at the copy.

    .venv/bin/python tests/check_new_articles.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEW = ROOT / "tests" / "fixtures" / "new_articles"
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info", ".pytest_cache")


def run(copy: Path, target: str) -> float:
    # the copy is not beside ../shared: its score test reads this checkout's dev set
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(copy), DISTRICTBOOK_DEVSET=str(ROOT.parent / "shared" / "devset"))
    env.pop("DISTRICTBOOK_BOOK_DIR", None)
    t0 = time.perf_counter()
    proc = subprocess.run(["make", "-C", str(copy), target, f"VENV={ROOT / '.venv'}"], env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"check-new-articles: `make {target}` failed in {copy} (exit {proc.returncode})")
    print(f"check-new-articles: `make {target}` passed in {seconds:.0f} s", flush=True)
    return seconds


def project_copy(keep: str | None, prefix: str) -> tuple[Path, Path]:
    """``(work, copy)``: a copy of the project in ``keep`` (else a new temporary folder), with the chapter cache
    of this checkout's last build when there is one."""
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix=prefix))
    copy = work / "project"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    if (ROOT / "_build" / "cache").is_dir():
        shutil.copytree(ROOT / "_build" / "cache", copy / "_build" / "cache")
    return work, copy


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder, removed)")
    opts = args.parse_args(argv)
    work, copy = project_copy(opts.keep, "districtbook-new-articles-")
    added = sorted(NEW.glob("*.txt"))
    for article in added:
        shutil.copy2(article, copy / "seeds" / article.name)
    print(f"check-new-articles: added {', '.join(a.name for a in added)} to {copy / 'seeds'}", flush=True)
    try:
        run(copy, "book")
        for slug in ("ba-dinh", "hoang-mai", "long-bien"):
            if not (copy / "book" / "chapters" / f"profile-{slug}.ipynb").is_file():
                sys.exit(f"check-new-articles: `make book` wrote no profile-{slug} chapter")
        run(copy, "test")
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
