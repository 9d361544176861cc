"""CI check: the book built from real articles.

Copies the project (with the chapter cache of a previous `make book` when there is one), adds the 60 articles
of the development set (``../shared/devset/articles``: excerpts of real news pages, third-party texts that stay
outside the project), then runs `make book` there (both editions, HTML and PDF) and the tests that read the live
book (`tests/test_live_seeds.py`, the main points and citations of `tests/test_findings.py`).  Every article a
real page can give must build a book.

Run by .ci/run after `make check-new-articles` (never by pytest).  The copy uses this checkout's .venv
(``make VENV=...``) and ``DISTRICTBOOK_ROOT`` points the package at the copy.

    .venv/bin/python tests/check_devset_book.py [--devset DIR] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

try:  # collected by pytest (for doctests) as tests.check_devset_book; run as a script from tests/
    from .check_new_articles import ROOT, project_copy
except ImportError:
    from check_new_articles import ROOT, project_copy

DEVSET = ROOT.parent / "shared" / "devset" / "articles"
#: the tests that read the live book (seeds/ and the chapters `make book` published); the slow one builds it again
LIVE_TESTS = ["tests/test_live_seeds.py", "tests/test_findings.py", "-m", "not slow",
              "-k", "live or main_points or introduction"]


def run(copy: Path, cmd: list[str], what: str) -> None:
    # the copy is not beside ../shared: its score test reads this checkout's dev set
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(copy), DISTRICTBOOK_DEVSET=str(ROOT.parent / "shared" / "devset"))
    env.pop("DISTRICTBOOK_BOOK_DIR", None)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=copy, env=env)
    if proc.returncode != 0:
        sys.exit(f"check-devset-book: {what} failed in {copy} (exit {proc.returncode})")
    print(f"check-devset-book: {what} passed in {time.perf_counter() - t0:.0f} s", flush=True)


#: the places with most labelled figures in the dev set (issue 17 names them): each must have a profile too
LABELLED_MOST = ("Bình Tân", "Cần Thơ", "Hải Phòng", "Đà Nẵng", "Quảng Nam")


def ungrouped_profiles(copy: Path, top: int = 5, also: tuple[str, ...] = LABELLED_MOST) -> list[str]:
    """What is wrong with the profiles of the ``top`` places with most figures in the published figure table, and of
    the places ``also`` named: a place with no profile chapter, or one not in the table of contents' part of its city
    or province (issue 17)."""
    import collections
    import csv

    import yaml

    from districtbook.building.parameters import places_by_province
    from districtbook.extraction.places import slugify

    with (copy / "book" / "chapters" / "_assets" / "figures.csv").open(encoding="utf-8", newline="") as f:
        counts = collections.Counter(r["district"] for r in csv.DictReader(f) if r["district"])
    toc = yaml.safe_load((copy / "_toc.yml").read_text(encoding="utf-8"))
    parts = {p["caption"]: {c["file"] for c in p.get("chapters", [])} for p in toc["parts"]}
    province = {place: prov for prov, places in places_by_province(copy / "seeds") for place in places}
    wrong = []
    for place in dict.fromkeys([p for p, _n in counts.most_common(top)] + list(also)):
        chapter = f"book/chapters/profile-{slugify(place)}"
        if not (copy / f"{chapter}.ipynb").is_file():
            wrong.append(f"{place}: no profile chapter")
        elif place not in province:
            wrong.append(f"{place}: in no city or province of the book")
        elif not any(caption.endswith(": " + province[place]) and chapter in files for caption, files in parts.items()):
            wrong.append(f"{place}: not under its part ({province[place]}) in _toc.yml")
    return wrong


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--devset", default=str(DEVSET), help=f"the folder of articles to add (default: {DEVSET})")
    args.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder, removed)")
    opts = args.parse_args(argv)
    articles = sorted(Path(opts.devset).glob("*.txt"))
    if not articles:
        sys.exit(f"check-devset-book: no .txt article in {opts.devset}")
    t0 = time.perf_counter()
    work, copy = project_copy(opts.keep, "districtbook-devset-")
    for article in articles:
        if (copy / "seeds" / article.name).exists():
            sys.exit(f"check-devset-book: {article.name} is already in seeds/")
        shutil.copy2(article, copy / "seeds" / article.name)
    print(f"check-devset-book: added {len(articles)} articles of {opts.devset} to {copy / 'seeds'}", flush=True)
    try:
        run(copy, ["make", "book", f"VENV={ROOT / '.venv'}"], "`make book`")
        for pdf in ("districtbook.pdf", "districtbook-en.pdf"):
            if not (copy / "_build" / "pdf" / pdf).is_file():
                sys.exit(f"check-devset-book: `make book` wrote no {pdf}")
        missing = ungrouped_profiles(copy)
        if missing:
            sys.exit("check-devset-book: " + "; ".join(missing))
        print("check-devset-book: the five places with most figures each have a profile under their city or province",
              flush=True)
        run(copy, [str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *LIVE_TESTS],
            "the live-book tests")
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"check-devset-book: passed in {time.perf_counter() - t0:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
