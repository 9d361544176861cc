"""``make bench``: extraction throughput and peak memory on corpora scaled from the seeds.

Each measurement runs in a fresh process (so its peak resident memory is its own) and streams
the corpus (one article in memory at a time).  Corpora: the seed articles repeated under new
names to 1,000 and to 10,000 articles, and one 50 MB article.  Targets: at least 1 MB/s on one
core, and peak memory that does not grow with the corpus.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import paths


def make_corpus(folder: Path, n: int) -> int:
    seeds = sorted(paths.seeds_dir().glob("*.txt"))
    texts = [p.read_bytes() for p in seeds]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        raw = texts[i % len(texts)] + f"\nBản sao {i}\n".encode("utf-8")  # distinct: duplicates are skipped
        (folder / f"{i:05d}.txt").write_bytes(raw)
        total += len(raw)
    return total


def make_big_article(path: Path, size: int) -> int:
    """One huge article: a title, then the body paragraphs of every seed (furniture left out) repeated."""
    from .articles import read_article

    paras = []
    for p in sorted(paths.seeds_dir().glob("*.txt")):
        art = read_article(p)
        paras += [art.text[ln.start:ln.end] for ln in art.lines if ln.kind == "body"]
    body = "\n\n".join(paras).encode("utf-8")
    with path.open("wb") as f:
        f.write(b"Bench article\n\n")
        written = 0
        while written < size:
            f.write(body + b"\n\n")
            written += len(body) + 2
    return written


def measure(target: str) -> dict[str, float]:
    """In this process: extract every figure under ``target``; report time, count and peak memory."""
    from .extract import extract

    start = time.perf_counter()
    n_fig = sum(1 for _ in extract([target]))
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "figures": n_fig, "peak_mb": peak_kb / 1024}


def _run(target: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "districtbook.bench", "--measure", str(target)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def _timed(cmd: list[str], root: Path) -> float:
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(root))
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=root, check=True, capture_output=True, text=True)
    return time.perf_counter() - t0


def build_bench() -> list[tuple[str, float]]:
    """Builds in a throw-away copy of the project, HTML and PDF each time."""
    db = [sys.executable, "-m", "districtbook"]
    tmp = Path(tempfile.mkdtemp(prefix="districtbook-buildbench-"))
    try:
        root = tmp / "project"
        shutil.copytree(paths.root(), root, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__",
                                                                          "*.egg-info", ".pytest_cache"))
        rows = [("cold build, parallel", _timed([*db, "build", "--pdf", "--no-cache"], root)),
                ("nothing changed", _timed([*db, "build", "--pdf"], root)),
                ("one chapter rerun, new parameters",
                 _timed([*db, "run", "compare", "-p", "lang", "en", "-o", str(tmp / "compare-en.ipynb")], root)),
                ("cold build, sequential", _timed([*db, "build", "--pdf", "--no-cache", "--jobs", "1"], root))]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="districtbook.bench")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--only", choices=("extract", "build"), help="run one half of the benchmark")
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    if args.only != "extract":
        rows = build_bench()
        cold = rows[0][1]
        print(f"{'build (HTML + PDF)':<36} {'seconds':>8} {'of cold':>8}")
        for label, secs in rows:
            print(f"{label:<36} {secs:>8.1f} {secs / cold:>8.0%}")
        seq = rows[3][1]
        print(f"targets: nothing changed <= 10 %, one chapter <= 35 %, parallel/sequential {cold / seq:.0%} <= 70 %")
        if args.only == "build":
            return 0
    tmp = Path(tempfile.mkdtemp(prefix="districtbook-bench-"))
    try:
        rows = []
        for n in (1_000, 10_000):
            folder = tmp / f"corpus-{n}"
            size = make_corpus(folder, n)
            r = _run(folder)
            rows.append((f"{n:,} articles", n, size, r))
        big = tmp / "big.txt"
        size = make_big_article(big, 50 * 1024 * 1024)
        rows.append(("one 50 MB article", 1, size, _run(big)))
        print(f"{'corpus':<20} {'MB':>7} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} {'figures':>9} {'peak MB':>8}")
        for label, n, size, r in rows:
            mb = size / 1e6
            print(f"{label:<20} {mb:>7.1f} {r['seconds']:>8.1f} {n / r['seconds']:>11.1f} {mb / r['seconds']:>6.2f} "
                  f"{int(r['figures']):>9,} {r['peak_mb']:>8.0f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
