"""``make bench``: districtbook's build against what a user would do instead; extraction throughput.

Peers (:func:`peer_bench`), on the same chapters (both editions, HTML only), in throw-away copies of
the project, in four situations -- cold, nothing changed, one article added, one article changed:

- ``districtbook build`` (chapter cache keyed on the articles each chapter reads, process pool);
- a plain papermill loop (every chapter, one after the other) followed by ``jupyter-book build``;
- Jupyter Book's own cached execution (``execute_notebooks: cache``, jupyter-cache): papermill only
  injects the parameters (``prepare_only``), Jupyter Book executes what its cache does not hold.
  jupyter-cache keys on the notebook's code, not on the articles it reads, so after an article is
  added or changed it serves stale chapters; the table says so.

Extraction throughput and peak memory on corpora scaled from the seeds:

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
from typing import Any

from districtbook.base import paths


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


def article_paragraphs(seeds: Path | None = None) -> list[str]:
    """The body paragraphs of every article in ``seeds`` (the project's ``seeds/`` by default), furniture left out."""
    from districtbook.reading.articles import read_article

    paras = []
    for p in sorted((seeds or paths.seeds_dir()).glob("*.txt")):
        art = read_article(p)
        paras += [art.text[ln.start:ln.end] for ln in art.lines if ln.kind == "body"]
    return paras


def make_big_article(path: Path, size: int, seeds: Path | None = None) -> int:
    """One huge article: a title, then the body paragraphs of every seed (:func:`article_paragraphs`) repeated."""
    body = "\n\n".join(article_paragraphs(seeds)).encode("utf-8")
    with path.open("wb") as f:
        f.write(b"Bench article\n\n")
        written = 0
        while written < size:
            f.write(body + b"\n\n")
            written += len(body) + 2
    return written


def measure(target: str) -> dict[str, float]:
    """In this process: extract every figure under ``target``; report time, count and peak memory."""
    from districtbook.extraction.extract import extract

    start, cpu = time.perf_counter(), time.process_time()
    n_fig = sum(1 for _ in extract([target]))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "cpu": cpu, "figures": n_fig, "peak_mb": peak_kb / 1024}


def _run(target: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "districtbook.building.bench", "--measure", str(target)],
                         capture_output=True, text=True, check=True).stdout
    measured: dict[str, float] = json.loads(out)
    return measured


def _timed(cmd: list[str], root: Path) -> float:
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(root))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return time.perf_counter() - t0


def _project_copy(root: Path) -> Path:
    """A throw-away copy of the project (no virtual environment, build, git or caches) at ``root``."""
    shutil.copytree(paths.root(), root, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__",
                                                                      "*.egg-info", ".pytest_cache"))
    return root


def build_bench() -> list[tuple[str, float]]:
    """Builds in a throw-away copy of the project, HTML and PDF each time."""
    db = [sys.executable, "-m", "districtbook"]
    tmp = Path(tempfile.mkdtemp(prefix="districtbook-buildbench-"))
    try:
        root = _project_copy(tmp / "project")
        rows = [("cold build, parallel", _timed([*db, "build", "--pdf", "--no-cache"], root)),
                ("nothing changed", _timed([*db, "build", "--pdf"], root)),
                ("one chapter rerun, new parameters",
                 _timed([*db, "run", "compare", "-p", "lang", "en", "-o", str(tmp / "compare-en.ipynb")], root)),
                ("cold build, sequential", _timed([*db, "build", "--pdf", "--no-cache", "--jobs", "1"], root))]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


# --- the book of the 60 dev-set articles ---------------------------------------------------------

#: a chapter that does nothing but what every chapter must: start a kernel and import the package's chapters
_FLOOR_NOTEBOOK = {"cells": [{"cell_type": "code", "execution_count": None, "id": "floor", "metadata": {},
                              "outputs": [], "source": "import districtbook.chapters.profile"}],
                   "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
                   "nbformat": 4, "nbformat_minor": 5}


def chapter_floor(root: Path, tries: int = 3) -> float:
    """Seconds for the least a chapter costs (kernel start and imports), fastest of ``tries``."""
    import nbformat
    import papermill

    from districtbook.building.execute import kernel_environment, kernel_manager_class

    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "floor.ipynb"
        nbformat.write(nbformat.from_dict(_FLOOR_NOTEBOOK), src)
        manager = kernel_manager_class().started_with(kernel_environment(root))
        for _ in range(tries):
            t0 = time.perf_counter()
            papermill.execute_notebook(str(src), str(Path(tmp) / "out.ipynb"), kernel_name="python3",
                                       progress_bar=False, cwd=tmp, kernel_manager_class=manager)
            best = min(best, time.perf_counter() - t0)
    return best


def devset_bench(devset: Path) -> dict[str, float]:
    """The book of the seeds and the dev set's articles, in a throw-away copy, HTML and PDF each time: cold, nothing
    changed, one written page changed (Sphinx and xelatex alone), one article added; one profile chapter run alone
    and the chapter floor; the number of chapters."""
    from districtbook.building.parameters import known_districts

    db = [sys.executable, "-m", "districtbook"]
    tmp = Path(tempfile.mkdtemp(prefix="districtbook-devbench-"))
    try:
        root = _project_copy(tmp / "project")
        for article in sorted(devset.glob("*.txt")):
            shutil.copy2(article, root / "seeds" / article.name)
        out = {"cold": _timed([*db, "build", "--pdf", "--no-cache"], root),
               "nothing changed": _timed([*db, "build", "--pdf"], root)}
        page = root / "book" / "method.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        out["a written page changed"] = _timed([*db, "build", "--pdf"], root)
        shutil.copy2(paths.root() / ADDED, root / "seeds" / Path(ADDED).name)
        out["one article added"] = _timed([*db, "build", "--pdf"], root)
        out["chapters"] = float(sum(1 for _ in (root / "book").rglob("chapters/*.ipynb")))
        place = known_districts(root / "seeds")[0]
        out["one profile chapter"] = _timed([*db, "run", "profile", "-p", "lang", "vi", "-p", "district", place,
                                             "-o", str(tmp / "profile.ipynb")], root)
        out["chapter floor"] = chapter_floor(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def devset_report(m: dict[str, float], cores: int) -> str:
    """The 60-article build's figures and the goal: cold within 1.5 × (chapters × floor ÷ cores) plus Sphinx and
    xelatex (the build with a written page changed: every page compiled, no chapter executed)."""
    goal = 1.5 * m["chapters"] * m["chapter floor"] / cores + m["a written page changed"]
    rows = [f"{k:<28} {v:>8.1f} s" for k, v in m.items() if k != "chapters"]
    rows.append(f"{'chapters (both editions)':<28} {int(m['chapters']):>8}")
    rows.append(f"goal: cold <= 1.5 x {int(m['chapters'])} x {m['chapter floor']:.1f} s / {cores} cores + "
                f"{m['a written page changed']:.1f} s = {goal:.0f} s: {'met' if m['cold'] <= goal else 'not met'} "
                f"({m['cold']:.0f} s)")
    return "\n".join(rows)


# --- peers ------------------------------------------------------------------------------------

PEERS = ("districtbook", "papermill loop + jupyter-book", "jupyter-book cache")
SITUATIONS = ("cold", "nothing changed", "one article added", "one article changed")
#: the article the "added" situation drops in (written for the tests)
ADDED = "tests/fixtures/new_articles/101_ba_dinh.txt"


def change_one_figure(seeds: Path) -> str:
    """The "changed" situation: the first figure of the first article (in file-name order) gets its last digit
    changed, in place; returns the figure's new words (the Figures chapter quotes them).  Works on any seeds
    folder: no article or figure is named here."""
    from districtbook.extraction.extract import figures
    from districtbook.reading.articles import read_article

    for path in sorted(seeds.glob("*.txt")):
        found = next(iter(figures(read_article(path))), None)
        if found is None:
            continue
        text = path.read_text(encoding="utf-8")
        at = max(i for i in range(found.start, found.end) if text[i].isdigit())
        new = text[:at] + str((int(text[at]) + 1) % 10) + text[at + 1:]
        path.write_text(new, encoding="utf-8")
        return new[found.start:found.end]
    raise RuntimeError(f"no article of {seeds} has a figure to change")


def _jupyter_book_exe() -> str:
    return str(Path(sys.executable).parent / "jupyter-book")


def _peer_loop() -> None:
    """A plain papermill loop over every chapter, then ``jupyter-book build`` of each edition (this process's root)."""
    from districtbook.building import execute as executing, plan as planning

    p = planning.plan(use_cache=False)  # expands the manifest and stages the written pages
    for job in p.jobs:
        executing.execute(job.template, p.book_dir(job.edition) / job.chapter.output, job.params,
                      executing.kernel_environment(paths.root(), book_dir=p.book_dir(job.edition)))
    for ed in p.editions:
        subprocess.run([_jupyter_book_exe(), "build", str(p.staging / ed.lang), "-q"], check=True,
                       capture_output=True, text=True)


def _peer_jbcache(work: Path) -> None:
    """Jupyter Book's cached execution in ``work`` (kept between runs, with its jupyter-cache)."""
    import papermill
    import yaml

    from districtbook.building import execute as executing, plan as planning

    p = planning.plan(use_cache=False)
    for ed in p.editions:
        eroot = work / ed.lang
        shutil.copytree(p.staging / ed.lang, eroot, dirs_exist_ok=True)
        cfg = yaml.safe_load((eroot / "_config.yml").read_text(encoding="utf-8"))
        cfg["execute"] = {"execute_notebooks": "cache", "timeout": 300}
        (eroot / "_config.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for job in p.jobs:
        out = work / job.edition.lang / "book" / job.chapter.output
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".new")
        papermill.execute_notebook(str(job.template), str(tmp), parameters=job.params, prepare_only=True,
                                   progress_bar=False)
        executing.scrub(tmp, job.params)
        if out.is_file() and out.read_bytes() == tmp.read_bytes():
            tmp.unlink()  # unchanged: Sphinx and jupyter-cache see the same file
        else:
            tmp.replace(out)
    for ed in p.editions:
        env = dict(os.environ, DISTRICTBOOK_BOOK_DIR=str(work / ed.lang / "book"))
        subprocess.run([_jupyter_book_exe(), "build", str(work / ed.lang), "-q"], check=True, env=env,
                       capture_output=True, text=True)
    shutil.rmtree(p.staging, ignore_errors=True)


def _site(root: Path, peer: str) -> Path:
    if peer == PEERS[0]:
        return root / "_build" / "html"
    if peer == PEERS[1]:
        return root / "_build" / ".staging" / "vi" / "_build" / "html"
    return root / "_build" / "peer-jbcache" / "vi" / "_build" / "html"


def _shows(root: Path, peer: str, situation: str, changed: str = "") -> bool:
    """Does the Vietnamese site show the situation's change (the added article, the changed figure)?"""
    chapters = _site(root, peer) / "book" / "chapters"
    if situation == "one article added":  # the Sources chapter counts the articles in its first sentence
        articles = len(list((root / "seeds").glob("*.txt")))
        return f"Sách dựa trên {articles} bài báo" in (chapters / "sources.html").read_text(encoding="utf-8")
    if situation == "one article changed":
        return changed in (chapters / "figures.html").read_text(encoding="utf-8")
    return True


def peer_bench() -> list[dict[str, Any]]:
    """Each peer in its own copy of the project, through the four situations, one after the other."""
    tmp = Path(tempfile.mkdtemp(prefix="districtbook-peers-"))
    rows = []
    changed = ""
    try:
        for peer in PEERS:
            root = _project_copy(tmp / peer.split()[0])
            if peer == PEERS[0]:
                cmd = [sys.executable, "-m", "districtbook", "build"]
            elif peer == PEERS[1]:
                cmd = [sys.executable, "-m", "districtbook.building.bench", "--peer", "loop"]
            else:
                cmd = [sys.executable, "-m", "districtbook.building.bench", "--peer", "jbcache"]
            for situation in SITUATIONS:
                if situation == "one article added":
                    shutil.copy2(paths.root() / ADDED, root / "seeds" / Path(ADDED).name)
                elif situation == "one article changed":
                    changed = change_one_figure(root / "seeds")
                seconds = _timed(cmd, root)
                rows.append({"peer": peer, "situation": situation, "seconds": seconds,
                             "current": _shows(root, peer, situation, changed)})
                print(f"  {peer:<30} {situation:<20} {seconds:7.1f} s", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def peer_table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table: seconds per peer and situation, and districtbook's time as a share of each peer's."""
    t = {(r["peer"], r["situation"]): r for r in rows}
    head = ["situation", *(f"{p} (s)" for p in PEERS), *(f"districtbook / {p}" for p in PEERS[1:])]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for s in SITUATIONS:
        cells = [s]
        for p in PEERS:
            r = t[(p, s)]
            cells.append(f"{r['seconds']:.1f}" + ("" if r["current"] else " (stale)"))
        ours = t[(PEERS[0], s)]["seconds"]
        cells += [f"{ours / t[(p, s)]['seconds']:.2f}" for p in PEERS[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="districtbook.building.bench")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--peer", choices=("loop", "jbcache"), help=argparse.SUPPRESS)
    ap.add_argument("--only", choices=("peers", "extract", "build", "devset"), help="run one part of the benchmark")
    ap.add_argument("--devset", default=str(paths.root().parent / "shared" / "devset" / "articles"),
                    help="the dev set's articles, for the book of 60 real articles (default: ../shared/devset/articles)")
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    if args.peer == "loop":
        _peer_loop()
        return 0
    if args.peer == "jbcache":
        _peer_jbcache(paths.build_dir() / "peer-jbcache")
        return 0
    if args.only in (None, "peers"):
        print("districtbook against the peers (HTML of both editions, seconds; lower is better):")
        print(peer_table(peer_bench()))
        if args.only == "peers":
            return 0
    if args.only in (None, "devset"):
        print("the book of the seeds and the dev set's articles (HTML + PDF, both editions):")
        print(devset_report(devset_bench(Path(args.devset)), os.cpu_count() or 1))
        if args.only == "devset":
            return 0
    if args.only in (None, "build"):
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
        corpora: list[tuple[str, int, int, dict[str, float]]] = []
        for n in (1_000, 10_000):
            folder = tmp / f"corpus-{n}"
            size = make_corpus(folder, n)
            r = _run(folder)
            corpora.append((f"{n:,} articles", n, size, r))
        big = tmp / "big.txt"
        size = make_big_article(big, 50 * 1024 * 1024)
        corpora.append(("one 50 MB article", 1, size, _run(big)))
        # MB/s on the wall clock, and per CPU second (what one core does, whatever else the machine runs)
        print(f"{'corpus':<20} {'MB':>7} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} {'MB/cpu-s':>9} {'figures':>9} "
              f"{'peak MB':>8}")
        for label, n, size, r in corpora:
            mb = size / 1e6
            print(f"{label:<20} {mb:>7.1f} {r['seconds']:>8.1f} {n / r['seconds']:>11.1f} {mb / r['seconds']:>6.2f} "
                  f"{mb / r['cpu']:>9.2f} {int(r['figures']):>9,} {r['peak_mb']:>8.0f}")
        print("target: at least 1 MB/s on one core; memory flat as the corpus grows")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
