"""Executing chapters with papermill and compiling the book with Jupyter Book, safely.

A build works in a staging copy (``_build/.staging``): chapters are executed there (in
parallel, one process per chapter, or taken from the cache when nothing they depend on
changed), the HTML and PDF are compiled there, and only when everything succeeded are the
executed chapters copied back into ``book/`` and the site swapped into ``_build/html``.  A
failure (or Ctrl-C) leaves the previous book as it was; the failed notebook is kept in
``_build/failed/`` for inspection.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from . import cache, lock, manifest, parameters, paths, procs, publish
from .progress import Progress
from .errors import BuildError

log = logging.getLogger("districtbook")

PDF_NAME = "districtbook.pdf"


@contextlib.contextmanager
def _env(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def execute(template: str | Path, output: Path, params: dict[str, Any], book_dir: Path | None = None,
            assets_dir: Path | None = None) -> Path:
    """Execute one template with already validated parameters into ``output``.

    On failure raises :class:`BuildError` naming the cell; papermill has saved the failed
    notebook at ``output`` by then.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    src = parameters.template_path(template)
    output.parent.mkdir(parents=True, exist_ok=True)
    env = {"DISTRICTBOOK_ROOT": str(paths.root())}
    if book_dir is not None:
        env["DISTRICTBOOK_BOOK_DIR"] = str(book_dir)
    if assets_dir is not None:
        env["DISTRICTBOOK_ASSETS_DIR"] = str(assets_dir)
    with _env(**env):
        try:
            papermill.execute_notebook(
                str(src), str(output), parameters=params, kernel_name="python3",
                progress_bar=False, cwd=str(output.parent),
            )
        except PapermillExecutionError as exc:
            raise BuildError(
                f"{src.name}: cell {template_cell_number(output, exc.exec_count)} failed: {exc.ename}: {exc.evalue}"
            ) from None
    scrub(output, params)
    return output


def template_cell_number(executed: Path, fallback: int) -> int:
    """The failing cell's number as the template's author counts it: code cells from 1, the
    parameters cell papermill injected not counted (papermill's own count includes it).  The
    failing cell is the code cell with an error output in the notebook papermill saved."""
    import nbformat

    try:
        cells = nbformat.read(executed, as_version=4).cells
    except Exception:  # noqa: BLE001 - no saved notebook: papermill's count is all there is
        return fallback
    n = 0
    for c in cells:
        if c.cell_type != "code" or "injected-parameters" in c.metadata.get("tags", []):
            continue
        n += 1
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            return n
    return fallback


_VOLATILE = ("start_time", "end_time", "duration", "input_path", "output_path")


def scrub(path: Path, params: dict[str, Any] | None = None) -> None:
    """Finish an executed notebook for the book.

    - Drop what changes from run to run without the data changing (timestamps, durations,
      absolute paths): same inputs, same executed notebook, and ``git status`` stays clean.
    - Keep only the prose of the edition: markdown cells tagged ``lang-xx`` other than the
      ``lang`` parameter are removed.
    - Fill ``{parameter}`` placeholders in markdown cells (a district's name in its title),
      escaped so that a value is text, never markup.
    """
    import nbformat

    from .report import escape

    params = params or {}
    lang = params.get("lang", "vi")
    values = {k: escape(v) for k, v in params.items() if isinstance(v, str)}
    nb = nbformat.read(path, as_version=4)
    cells = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if any(t.startswith("lang-") and t != f"lang-{lang}" for t in tags):
            continue
        if cell.cell_type == "markdown":
            for k, v in values.items():
                cell.source = cell.source.replace("{" + k + "}", v)
        cells.append(cell)
    nb.cells = cells
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill draws a random id
    for meta in [nb.metadata, *(c.metadata for c in nb.cells)]:
        meta.pop("execution", None)
        for key in _VOLATILE:
            meta.get("papermill", {}).pop(key, None)
    nbformat.write(nb, path)


def run(template: str | Path, raw: dict[str, str] | None = None, yaml_file: str | Path | None = None,
        output: str | Path | None = None) -> Path:
    """``districtbook run``: validate, then execute one template (default output: ``_build/runs/``)."""
    typed = parameters.read_yaml(yaml_file) if yaml_file else {}
    params = parameters.resolve(template, raw=raw, typed=typed)
    src = parameters.template_path(template)
    out = Path(output) if output else paths.build_dir() / "runs" / src.name
    if out.suffix != ".ipynb":
        raise parameters.ParameterError("-o", f"output '{out}' must end in .ipynb")
    out = out.resolve()
    return execute(src, out, params, assets_dir=out.parent / "_assets")


def _jupyter_book(root: Path, builder: str, out: Path) -> subprocess.Popen[str]:
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root), "--builder", builder,
           "--path-output", str(out), "-W", "--keep-going", "-q"]
    return procs.spawn(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


#: A line that reports an error: a Python exception (``NotJSONError: ...``), a Sphinx warning or
#: error turned into an error by -W, a LaTeX error (``! ...``).
_ERROR_LINE = re.compile(r"^(?:\w+(?:\.\w+)*(?:Error|Exception)\b.*|.*\b(?:ERROR|WARNING|CRITICAL)\b.*|"
                         r".*\berror:.*|! .+)$")


def first_error(output: str) -> str | None:
    """The first line of a tool's output that reports an error.

    >>> first_error("Running Sphinx\\nnbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{x'\\nmore\\n")
    "nbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{x'"
    >>> first_error("ok\\n! LaTeX Error: File `bbm.sty' not found.\\n"), first_error("all fine")
    ("! LaTeX Error: File `bbm.sty' not found.", None)
    """
    for line in output.splitlines():
        if _ERROR_LINE.match(line.strip()):
            return line.strip()[:500]
    return None


def _wait(proc: subprocess.Popen[str], builder: str) -> None:
    output, _ = procs.communicate(proc)
    if proc.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-25:])
        first = first_error(output)
        head = f"jupyter-book {builder} build failed" + (f": {first}" if first else "")
        raise BuildError(f"{head}\n(last lines of its output:)\n{tail}")


_swap = publish.swap


def _execute_in_subprocess(template: Path, output: Path, params: dict[str, Any], book_dir: Path,
                           asset_log: Path) -> None:
    """One chapter in its own process (its own environment; chapters run side by side)."""
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(paths.root()), DISTRICTBOOK_BOOK_DIR=str(book_dir),
               DISTRICTBOOK_ASSET_LOG=str(asset_log))
    env.pop("DISTRICTBOOK_ASSETS_DIR", None)
    spec = json.dumps({"template": str(template), "output": str(output), "params": params}, ensure_ascii=False)
    proc = procs.spawn([sys.executable, "-m", "districtbook.build", spec], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _out, err = procs.communicate(proc)
    if proc.returncode != 0:
        lines = [ln for ln in err.strip().splitlines() if ln.startswith("districtbook: error: ")]
        if lines:
            raise BuildError(lines[-1].removeprefix("districtbook: error: "))
        first = first_error(err)
        raise BuildError((first + "\n" if first else "") + err.strip()[-2000:])


POLYGLOSSIA = {"vi": "vietnamese", "en": "english"}
CONTENTS = {"vi": "Mục lục", "en": "Contents"}


def edition_config(base: Path, edition: manifest.Edition) -> str:
    """The edition's ``_config.yml``: the project's, with its title, language and PDF language."""
    import yaml

    cfg = yaml.safe_load(base.read_text(encoding="utf-8"))
    cfg["title"] = edition.title
    cfg["language"] = edition.lang
    sphinx = cfg.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = edition.lang
    others = [v for k, v in POLYGLOSSIA.items() if k != edition.lang]
    sphinx.setdefault("latex_elements", {})["polyglossia"] = (
        "\\usepackage{polyglossia}\n"
        f"\\setmainlanguage{{{POLYGLOSSIA.get(edition.lang, 'english')}}}\n"
        + "".join(f"\\setotherlanguage{{{o}}}\n" for o in others)
        + "\\renewcommand{\\setmainlanguage}[2][]{}\n")
    # Sphinx names the contents after the first part's caption; the PDF's own strings follow the edition
    sphinx["latex_elements"]["tableofcontents"] = (
        f"\\renewcommand{{\\contentsname}}{{{CONTENTS.get(edition.lang, 'Contents')}}}\\sphinxtableofcontents")
    cfg.setdefault("latex", {}).setdefault("latex_documents", {})["targetname"] = f"{pdf_name(edition)[:-4]}.tex"
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def pdf_name(edition: manifest.Edition) -> str:
    return PDF_NAME if edition.lang == "vi" else f"districtbook-{edition.lang}.pdf"


def build(pdf: bool = False, jobs: int | None = None, use_cache: bool = True,
          wait: float = lock.DEFAULT_WAIT) -> dict[str, Path]:
    """``districtbook build``: every chapter of every edition, then HTML (and PDF); all or nothing.

    A chapter whose inputs (template, parameters, package source, requirements, articles) are
    unchanged is taken from the cache; the HTML and PDF are rebuilt only when a page changed.
    The first edition is published at ``_build/html``, the others at ``_build/html/LANG``.
    One build at a time: a second one waits up to ``wait`` seconds for the lock, then stops.
    On SIGINT or SIGTERM every child process (chapters, kernels, Jupyter Book, LaTeX) is stopped.
    """
    with lock.build_lock(paths.build_dir(), wait=wait), procs.children_die_with_us():
        publish.recover(paths.build_dir(), paths.root())
        return _build(pdf, jobs, use_cache)


def _build(pdf: bool, jobs: int | None, use_cache: bool) -> dict[str, Path]:
    root = paths.root()
    base_book = manifest.load()
    editions = base_book.editions
    plans = []  # (edition, expanded book, [(chapter, template path, params)])
    for ed in editions:
        book = manifest.expand(base_book, ed.lang)
        plans.append((ed, book, [(ch, parameters.template_path(ch.template),
                                  parameters.resolve(ch.template, typed=ch.parameters)) for ch in manifest.chapters(book)]))
    code = cache.code_hash()
    seed_hashes: dict[str, str] = {}

    def key_of(src: Path, params: dict[str, Any]) -> str:
        seeds = None
        if "seeds" in params:
            folder = parameters.seeds_folder(params["seeds"])
            seeds = seed_hashes.setdefault(str(folder), cache.seeds_hash(folder))
        return cache.chapter_key(src, params, code, seeds)

    build_dir = paths.build_dir()
    staging = build_dir / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    nested = [e.pages for e in editions]
    for ed, book, _ in plans:
        eroot = staging / ed.lang
        eroot.mkdir(parents=True)
        (eroot / "_config.yml").write_text(edition_config(root / "_config.yml", ed), encoding="utf-8")
        (eroot / "_toc.yml").write_text(manifest.toc(book, ed.lang), encoding="utf-8")
        src_pages = root / ed.pages
        skip = {PurePosixPath(p).name for p in nested if p != ed.pages and p.startswith(ed.pages + "/")}
        shutil.copytree(src_pages, eroot / "book", ignore=shutil.ignore_patterns("*.ipynb", "_assets", *skip))
        if not (eroot / "book" / "_static").exists():
            shutil.copytree(root / "book" / "_static", eroot / "book" / "_static")
        (eroot / "book" / "chapters" / "_assets").mkdir(parents=True, exist_ok=True)

    total = sum(len(chs) for _, _, chs in plans)
    progress = Progress(total)
    todo = []
    for ed, _, chs in plans:
        ebook = staging / ed.lang / "book"
        for ch, src, params in chs:
            cid = f"{ed.pages}/{ch.output}"
            key = key_of(src, params)
            hit = cache.lookup(cid, key) if use_cache else None
            if hit:
                (ebook / ch.output).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(hit.notebook, ebook / ch.output)
                for a in hit.assets.iterdir():
                    shutil.copy2(a, ebook / "chapters" / "_assets" / a.name)
                progress.done(cid, "reused")
            else:
                todo.append((ed, ch, src, params, key))

    failed_dir = build_dir / "failed"

    def run_one(item: tuple) -> None:
        ed, ch, src, params, key = item
        ebook = staging / ed.lang / "book"
        cid = f"{ed.pages}/{ch.output}"
        out = ebook / ch.output
        out.parent.mkdir(parents=True, exist_ok=True)
        asset_log = staging / f".assets-{ed.lang}-{ch.name}.log"
        progress.start(cid)
        t0 = time.perf_counter()
        try:
            _execute_in_subprocess(src, out, params, ebook, asset_log)
        except BuildError as exc:
            failed_dir.mkdir(parents=True, exist_ok=True)
            kept = f"{ed.lang}-{out.name}"
            if out.exists():
                shutil.copy2(out, failed_dir / kept)
            raise BuildError(f"chapter {cid}: {exc} (failed notebook kept in _build/failed/{kept}; "
                             "the previous book is unchanged)") from None
        except BaseException:
            if out.exists():
                out.unlink()  # a chapter stopped half way is never cached nor published
            raise
        names = asset_log.read_text(encoding="utf-8").split() if asset_log.exists() else []
        cache.store(cid, key, out, [ebook / "chapters" / "_assets" / n for n in sorted(set(names))])
        progress.done(cid, "ran", time.perf_counter() - t0)

    workers = max(1, jobs or (os.cpu_count() or 1) + 1)  # one more than the cores: kernels wait on start-up
    failures: list[str] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_one, item) for item in todo]
        try:
            for f in futures:
                try:
                    f.result()
                except BuildError as exc:  # the other chapters go on: every failed one is named
                    failures.append(str(exc))
        except BaseException:
            for f in futures:
                f.cancel()
            procs.terminate_all()  # the running chapters stop now, not when they are done
            raise
    if failures:
        if len(failures) == 1:
            raise BuildError(failures[0])
        raise BuildError(f"{len(failures)} chapters failed:\n" + "\n".join(f"- {f}" for f in failures))
    progress.finish(ran=len(todo), reused=total - len(todo))

    first = editions[0]
    stamp = cache.tree_hash(*(staging / e.lang for e in editions)) + (":pdf" if pdf else "")
    stamp_file = build_dir / "html" / ".districtbook-stamp"
    have_pdf = all((build_dir / "pdf" / pdf_name(e)).is_file() for e in editions) or not pdf
    site_current = use_cache and stamp_file.is_file() and stamp_file.read_text(encoding="utf-8") == stamp and have_pdf
    if site_current:
        log.info("book pages unchanged: HTML%s reused", " and PDF" if pdf else "")
    else:
        log.info("building HTML%s (%s)", " and PDF" if pdf else "", ", ".join(e.lang for e in editions))
        running = []
        for ed in editions:
            eroot = staging / ed.lang
            running.append((_jupyter_book(eroot, "html", eroot), "html"))
            if pdf:
                if jobs == 1:  # a sequential build runs one thing at a time
                    _wait(*running.pop())
                running.append((_jupyter_book(eroot, "pdflatex", staging / f"{ed.lang}-pdfbuild"), "pdflatex"))  # outside the sources
            if jobs == 1:
                _wait(*running.pop())
        for proc, builder in running:
            _wait(proc, builder)
        site = staging / first.lang / "_build" / "html"
        for ed in editions[1:]:
            (staging / ed.lang / "_build" / "html").rename(site / ed.lang)
        (site / ".districtbook-stamp").write_text(stamp, encoding="utf-8")
        publish.check_site(site, [e.lang for e in editions[1:]], [
            (f"{e.lang}/" if e != first else "") + "book/" + str(PurePosixPath(ch.output).with_suffix(".html"))
            for e, _, chs in plans for ch, _, _ in chs])
        if pdf:
            pdf_dir = staging / "pdf"
            pdf_dir.mkdir()
            for ed in editions:
                found = sorted((staging / f"{ed.lang}-pdfbuild" / "_build" / "latex").glob("*.pdf"))
                if not found:
                    raise BuildError(f"the {ed.lang} PDF build wrote no PDF")
                shutil.copy2(found[0], pdf_dir / pdf_name(ed))
                publish.check_pdf(pdf_dir / pdf_name(ed))
            (pdf_dir / publish.PDF_STAMP).write_text(stamp.removesuffix(":pdf"), encoding="utf-8")

    # everything succeeded: publish
    for ed, book, chs in plans:
        ebook = staging / ed.lang / "book"
        dest_root = root / ed.pages
        outputs = {ch.output for ch, _, _ in chs}
        for ch, _, _ in chs:
            publish.copy_atomic(ebook / ch.output, dest_root / ch.output)
        for old in (dest_root / "chapters").glob("*.ipynb"):
            if f"chapters/{old.name}" not in outputs:
                old.unlink()  # a chapter the manifest no longer produces (e.g. a district gone from seeds/)
        _swap_copy(ebook / "chapters" / "_assets", dest_root / "chapters" / "_assets")
        if ed == first:
            (root / "_toc.yml").write_text(manifest.toc(book, ed.lang), encoding="utf-8")
    if not site_current:
        _swap(staging / first.lang / "_build" / "html", build_dir / "html")
        if pdf:
            _swap(staging / "pdf", build_dir / "pdf")
    if not pdf:
        publish.drop_stale_pdf(build_dir / "pdf", stamp)
    results = {"html": build_dir / "html" / "index.html"}
    for ed in editions[1:]:
        results[f"html ({ed.lang})"] = build_dir / "html" / ed.lang / "index.html"
    if pdf:
        for ed in editions:
            results["pdf" if ed == first else f"pdf ({ed.lang})"] = build_dir / "pdf" / pdf_name(ed)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(failed_dir, ignore_errors=True)
    return results


def _swap_copy(src: Path, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    _swap(tmp, dest)


def _main(argv: list[str]) -> int:
    """Internal: execute one chapter (``python -m districtbook.build SPEC``), used by :func:`build`."""
    import signal

    signal.signal(signal.SIGTERM, procs._raise)  # stopped like Ctrl-C: papermill shuts its kernel down
    spec = json.loads(argv[0])
    try:
        execute(spec["template"], Path(spec["output"]), spec["params"])
    except BuildError as exc:
        print(f"districtbook: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
