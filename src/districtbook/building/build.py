"""Executing chapters with papermill and compiling the book with Jupyter Book, safely.

A build works in a staging copy (``_build/.staging``): chapters are executed there (in
parallel, one process per chapter, or taken from the cache when nothing they depend on
changed), the HTML and PDF are compiled there, and only when everything succeeded are the
executed chapters copied back into ``book/`` and the site swapped into ``_build/html``.  A
failure (or Ctrl-C) leaves the previous book as it was; the failed notebook is kept in
``_build/failed/`` for inspection.
"""
from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from districtbook.building import cache, manifest, parameters
from districtbook.base import lock, paths, procs
from districtbook.building import publish as publishing
from districtbook.building.compile import _read_stamp, compile_book
from districtbook.building.execute import execute_chapters
from districtbook.building.plan import Plan, pdf_name, plan

log = logging.getLogger("districtbook")


def publish(p: Plan, pdf: bool = False, site_current: bool = False,
            on_step: Callable[[str], None] | None = None) -> dict[str, Path]:
    """Step 4 (everything succeeded): one generation, made visible at once (:func:`publish.commit`): each
    edition's chapters folder (the executed chapters and their assets; a chapter the manifest no longer
    produces is gone), ``_toc.yml``, the new site and the new PDFs, or the removal of PDFs made from other
    pages.  ``on_step`` is called at each step of the commit (``"done"``: the new book is visible)."""
    build_dir = paths.build_dir()
    first = p.editions[0]
    changes = chapter_changes(p)  # before the new generation replaces the published one
    out = p.staging / "publish"
    steps: list[tuple[Path | None, Path]] = []
    for ed, book, jobs in p.books:
        ebook = p.book_dir(ed)
        dest_root = p.root / ed.pages
        outputs = {j.chapter.output for j in jobs}
        new = out / ed.lang / "chapters"
        shutil.copytree(ebook / "chapters", new, ignore=lambda d, names, ebook=ebook, outputs=outputs: [
            n for n in names if n.startswith(".") or n.endswith(".ipynb") and Path(d) == ebook / "chapters"
            and f"chapters/{n}" not in outputs])
        steps.append((new, dest_root / "chapters"))
        for o in sorted(o for o in outputs if not o.startswith("chapters/")):  # none today: a file step each
            (out / ed.lang / o).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ebook / o, out / ed.lang / o)
            steps.append((out / ed.lang / o, dest_root / o))
        if ed == first:
            (out / "_toc.yml").write_text(manifest.toc(book, ed.lang), encoding="utf-8")
            steps.append((out / "_toc.yml", p.root / "_toc.yml"))
    if (p.staging / "data").is_dir():  # findings.csv and review.csv (assemble_data)
        steps.append((p.staging / "data", build_dir / "data"))
    if not site_current:
        steps.append((p.staging / first.lang / "_build" / "html", build_dir / "html"))
    if (p.staging / "pdf").is_dir():
        steps.append((p.staging / "pdf", build_dir / "pdf"))
    elif (build_dir / "pdf").exists() and _read_stamp(build_dir / "pdf" / publishing.PDF_STAMP) != p.pages:
        steps.append((None, build_dir / "pdf"))
        log.warning("removed the published PDF: it was made from other pages than this HTML "
                    "(build --pdf to publish both)")
    publishing.commit(build_dir, publishing.same_file_system(steps), on_step)
    results = {"html": build_dir / "html" / "index.html"}
    for ed in p.editions[1:]:
        results[f"html ({ed.lang})"] = build_dir / "html" / ed.lang / "index.html"
    if pdf:
        for ed in p.editions:
            results["pdf" if ed == first else f"pdf ({ed.lang})"] = build_dir / "pdf" / pdf_name(ed)
    shutil.rmtree(p.staging, ignore_errors=True)
    shutil.rmtree(build_dir / "failed", ignore_errors=True)
    for line in review(changes):
        log.info("%s", line)
    return results


def chapter_changes(p: Plan) -> dict[str, list[str]]:
    """The published chapters a build adds, changes and removes (paths from the project, ``book/chapters/…``)."""
    changes: dict[str, list[str]] = {"added": [], "changed": [], "removed": []}
    for ed, _book, jobs in p.books:
        ebook, dest_root = p.book_dir(ed), p.root / ed.pages
        outputs = {j.chapter.output for j in jobs}
        for j in jobs:
            new, dest = ebook / j.chapter.output, dest_root / j.chapter.output
            if not dest.is_file():
                changes["added"].append(f"{ed.pages}/{j.chapter.output}")
            elif dest.read_bytes() != new.read_bytes():
                changes["changed"].append(f"{ed.pages}/{j.chapter.output}")
        published = sorted((dest_root / "chapters").glob("*.ipynb"))
        changes["removed"] += [f"{ed.pages}/chapters/{o.name}" for o in published if f"chapters/{o.name}" not in outputs]
    return changes


def review(changes: dict[str, list[str]]) -> list[str]:
    """What the build changed in the published book, for the maintainer's review: the chapters added (new
    files, which ``git diff`` does not show until they are added), changed and removed.

    >>> for line in review({"added": ["book/chapters/profile-ba-dinh.ipynb"], "changed": [], "removed": []}):
    ...     print(line)
    chapters added (1; new files: `git status book/` lists them, `git add -N book/` shows them in `git diff book/`):
      book/chapters/profile-ba-dinh.ipynb
    chapters changed: none; chapters removed: none
    >>> review({"added": [], "changed": [], "removed": []})
    ['the published chapters are unchanged']
    """
    if not any(changes.values()):
        return ["the published chapters are unchanged"]
    out, none = [], []
    for kind in ("added", "changed", "removed"):
        names = sorted(changes.get(kind, []))
        if not names:
            none.append(f"chapters {kind}: none")
            continue
        hint = ("; new files: `git status book/` lists them, `git add -N book/` shows them in `git diff book/`"
                if kind == "added" else "")
        out.append(f"chapters {kind} ({len(names)}{hint}):")
        out += [f"  {n}" for n in names]
    return out + (["; ".join(none)] if none else [])


def build(pdf: bool = False, jobs: int | None = None, use_cache: bool = True,
          wait: float = lock.DEFAULT_WAIT, on_step: Callable[[str], None] | None = None) -> dict[str, Path]:
    """``districtbook build``: every chapter of every edition, then HTML (and PDF); all or nothing.

    plan (what runs and why) -> execute (a process pool; reused chapters from the cache) -> the table of
    statements -> compile (Jupyter Book, only when a page changed) -> publish (into ``book/`` and ``_build/``,
    the data files into ``_build/data``).
    The first edition is published at ``_build/html``, the others at ``_build/html/LANG``.
    One build at a time: a second one waits up to ``wait`` seconds for the lock, then stops.
    On SIGINT or SIGTERM every child process (chapters, kernels, Jupyter Book, LaTeX) is stopped.
    """
    with lock.build_lock(paths.build_dir(), wait=wait), procs.children_die_with_us():
        publishing.recover(paths.build_dir(), paths.root())
        p = plan(use_cache)
        execute_chapters(p, jobs)
        assemble_data(p)
        site_current = compile_book(p, pdf, jobs, use_cache)
        return publish(p, pdf, site_current, on_step)


def assemble_data(p: Plan) -> None:
    """The book's table of statements (``findings.csv``), joined from every chapter of both editions, put beside
    the chapters of each edition (the book links it) before the site is built, and staged with the review list for
    ``_build/data`` (published with the rest); the corrections (``seeds/corrections.yml``) whose article changed,
    reported."""
    from districtbook.reading import corrections
    from districtbook.rendering import ledger

    ledger.assemble([p.book_dir(ed) / "chapters" / "_assets" for ed in p.editions])
    ledger.publish(p.book_dir(p.editions[0]) / "chapters" / "_assets", p.staging / "data")
    folders = sorted({str(parameters.seeds_folder(j.params["seeds"])) for j in p.jobs if "seeds" in j.params})
    for message in (m for folder in folders for m in corrections.stale(folder)):
        log.warning("%s", message)  # a correction whose article changed is reported, never applied
