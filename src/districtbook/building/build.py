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
import functools
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from districtbook.building import cache, deps, manifest, parameters
from districtbook.base import lock, paths, procs
from districtbook.building import publish as publishing
from districtbook.base.progress import Progress
from districtbook.base.errors import BuildError, ChapterError, ParameterError

log = logging.getLogger("districtbook")

PDF_NAME = "districtbook.pdf"


#: what a chapter's kernel is told by the build, through its environment (nothing else is inherited under these names)
CONTEXT_VARIABLES = ("DISTRICTBOOK_ROOT", "DISTRICTBOOK_BOOK_DIR", "DISTRICTBOOK_ASSETS_DIR", "DISTRICTBOOK_ASSET_LOG",
                     "DISTRICTBOOK_SEEDS_REPORTED")


def kernel_environment(root: Path, book_dir: Path | None = None, assets_dir: Path | None = None,
                       asset_log: Path | None = None, seeds_reported: bool = False) -> dict[str, str]:
    """The environment a chapter's kernel starts with: this process's, without any build context of its own (a
    ``DISTRICTBOOK_ASSETS_DIR`` left in the shell never redirects a build's charts), plus the chapter's context:
    the project, where the staged book is, where its charts go, the file that lists what it wrote, and whether
    the build already reported what it does not read in ``seeds/``.  This process's environment is not changed.

    >>> env = kernel_environment(Path("/p"), assets_dir=Path("/a"), seeds_reported=True)
    >>> sorted((k, v) for k, v in env.items() if k.startswith("DISTRICTBOOK_") and k in CONTEXT_VARIABLES)
    [('DISTRICTBOOK_ASSETS_DIR', '/a'), ('DISTRICTBOOK_ROOT', '/p'), ('DISTRICTBOOK_SEEDS_REPORTED', '1')]
    """
    env = {k: v for k, v in os.environ.items() if k not in CONTEXT_VARIABLES}
    given = {"DISTRICTBOOK_ROOT": root, "DISTRICTBOOK_BOOK_DIR": book_dir, "DISTRICTBOOK_ASSETS_DIR": assets_dir,
             "DISTRICTBOOK_ASSET_LOG": asset_log, "DISTRICTBOOK_SEEDS_REPORTED": "1" if seeds_reported else None}
    env.update({k: str(v) for k, v in given.items() if v is not None})
    return env


def execute(template: str | Path, output: Path, params: dict[str, Any], env: dict[str, str] | None = None) -> Path:
    """Execute one template with already validated parameters into ``output``, its kernel started with ``env``
    (:func:`kernel_environment`; by default the project's, with no build context).

    On failure raises :class:`BuildError` naming the cell; papermill has saved the failed
    notebook at ``output`` by then.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    src = parameters.template_path(template)
    output.parent.mkdir(parents=True, exist_ok=True)
    manager = kernel_manager_class().started_with(env if env is not None else kernel_environment(paths.root()))
    for attempt in range(KERNEL_START_ATTEMPTS):
        try:
            papermill.execute_notebook(
                str(src), str(output), parameters=params, kernel_name="python3",
                progress_bar=False, cwd=str(output.parent), kernel_manager_class=manager,
            )
            break
        except PapermillExecutionError as exc:
            raise ChapterError(src.name, template_cell_number(output, exc.exec_count), exc.ename, exc.evalue) from None
        except RuntimeError as exc:
            # the kernel never started (it died before answering; over TCP ports this was a port taken by
            # another process, see kernel_manager_class): no cell ran, so starting the chapter again is safe
            if "Kernel died before replying to kernel_info" not in str(exc) or attempt + 1 == KERNEL_START_ATTEMPTS:
                raise
            log.warning("%s: the kernel did not start (%s); starting it again", src.name, exc)
    scrub(output, params)
    return output


#: how often a chapter's kernel may fail to start before the chapter fails
KERNEL_START_ATTEMPTS = 3


@functools.cache
def kernel_manager_class() -> Any:
    """The kernel manager chapters are executed with: Jupyter's, talking to its kernel over Unix sockets (ZMQ
    ``ipc``) with a name of their own, never over TCP ports.

    Jupyter picks a kernel's five TCP ports by binding port 0 and closing it; the kernel binds them a moment
    later.  Kernels started at once by different processes (the build's worker processes, another build, a test
    run beside it) can be handed the same port, and one of them dies: "Address already in use", "Kernel died
    before replying to kernel_info".  Socket files named after a random token cannot collide.  They are made in
    Jupyter's runtime folder (where its connection files go) and removed when the kernel shuts down.
    """
    import uuid

    from jupyter_client import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    class IPCKernelManager(AsyncKernelManager):
        #: the kernel's whole environment (:func:`kernel_environment`), set by :meth:`started_with`
        chapter_env: dict[str, str] | None = None

        @classmethod
        def started_with(cls, env: dict[str, str]) -> type:
            """This manager, its kernels started with ``env`` as their environment."""
            return type("ChapterKernelManager", (cls,), {"chapter_env": dict(env)})

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            if self.chapter_env is not None:
                kw["env"] = dict(self.chapter_env)
            return await super()._async_pre_start_kernel(**kw)

        @default("transport")
        def _default_transport(self) -> str:
            return "ipc"

        @default("ip")
        def _default_ip(self) -> str:
            folder = Path(jupyter_runtime_dir())
            folder.mkdir(parents=True, exist_ok=True)
            remove_stale_sockets(folder)
            # the sockets: this path + "-1" ... "-5"
            return str(folder / f"districtbook-{os.getpid()}-{uuid.uuid4().hex[:16]}")

    return IPCKernelManager


def remove_stale_sockets(folder: Path) -> list[Path]:
    """Remove the kernel sockets left in ``folder`` by a build process that no longer runs (a build killed
    with SIGKILL cannot remove them); their names carry the pid of the process that made them."""
    removed = []
    for sock in folder.glob("districtbook-*-*-[1-5]"):
        pid = sock.name.split("-")[1]
        if pid.isdigit() and not procs.alive(int(pid)):
            sock.unlink(missing_ok=True)
            removed.append(sock)
    return removed


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

    from districtbook.rendering.report import escape

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
        raise ParameterError("-o", f"output '{out}' must end in .ipynb")
    out = out.resolve()
    return execute(src, out, params, kernel_environment(paths.root(), assets_dir=out.parent / "_assets"))


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




POLYGLOSSIA = {"vi": "vietnamese", "en": "english"}


def edition_config(base: Path, edition: manifest.Edition, editions: Sequence[manifest.Edition] | None = None) -> str:
    """The edition's ``_config.yml``: the project's, with its title, language and PDF language, the
    links every page carries to the other editions and to its PDF, and the PDF's own strings."""
    import yaml

    cfg = yaml.safe_load(base.read_text(encoding="utf-8"))
    cfg["title"] = edition.title
    cfg["author"] = _words(edition.lang, "edition.author")  # the PDF's title page and the site's footer ("Bởi ...")
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
        f"\\renewcommand{{\\contentsname}}{{{_words(edition.lang, 'pdf.contents')}}}\\sphinxtableofcontents")
    cfg.setdefault("latex", {}).setdefault("latex_documents", {})["targetname"] = f"{pdf_name(edition)[:-4]}.tex"
    eds = editions or [edition]
    first = eds[0]
    sphinx["districtbook_editions"] = {
        "site_prefix": "" if edition.lang == first.lang else "../",
        "others": [{"lang": o.lang, "root": "" if o.lang == first.lang else f"{o.lang}/",
                    "label": _words(o.lang, "edition.name")} for o in eds if o.lang != edition.lang],
        "pdf": pdf_name(edition), "pdf_label": _words(edition.lang, "edition.pdf"),
        "nav_label": _words(edition.lang, "edition.nav"),
    }
    # "Hình 3.1: …" with a space (polyglossia's \figurename has no trailing space, Sphinx assumes one);
    # headings stay with what follows them (needspace before every section)
    sphinx["latex_elements"]["preamble"] = sphinx["latex_elements"].get("preamble", "") + (
        "\\makeatletter\\def\\fnum@figure{\\figurename~\\thefigure}\\def\\fnum@table{\\tablename~\\thetable}\\makeatother\n")
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def _words(lang: str, key: str) -> str:
    """The edition's own words for the site and the PDF (English for a language with no catalogue)."""
    from districtbook.rendering import i18n

    return i18n.text(lang if i18n.has_catalogue(lang) else "en", key)


def pdf_name(edition: manifest.Edition) -> str:
    return PDF_NAME if edition.lang == "vi" else f"districtbook-{edition.lang}.pdf"


# --- the build, in four named steps: plan, execute, compile, publish ---------------------------

@dataclass
class Job:
    """One chapter of one edition: where it comes from, what it reads, and whether it must execute."""
    edition: manifest.Edition
    chapter: manifest.Chapter
    template: Path
    params: dict[str, Any]
    inputs: deps.Inputs
    reasons: list[str] = field(default_factory=list)  # empty: reused from the cache

    @property
    def cid(self) -> str:
        return f"{self.edition.pages}/{self.chapter.output}"


@dataclass
class Plan:
    """What a build will do: the editions with their expanded manifests and jobs, in a staging folder."""
    root: Path
    staging: Path
    editions: tuple[manifest.Edition, ...]
    books: list[tuple[manifest.Edition, manifest.Book, list[Job]]]
    pages: str = ""  # the stamp of the pages the HTML and PDF are made from (compile_book)

    @property
    def jobs(self) -> list[Job]:
        return [j for _, _, jobs in self.books for j in jobs]

    @property
    def todo(self) -> list[Job]:
        return [j for j in self.jobs if j.reasons]

    def book_dir(self, edition: manifest.Edition) -> Path:
        return self.staging / edition.lang / "book"


def plan(use_cache: bool = True) -> Plan:
    """Step 1: expand the manifest per edition, stage the written pages, and decide for every chapter
    whether it is reused from the cache or executed, and why (the inputs that changed)."""
    root = paths.root()
    base_book = manifest.load()
    editions = base_book.editions
    # the manifest too: a chapter may read it (the introduction's headline compares the manifest's pair)
    code = cache.code_hash() + ":" + deps.file_hash(paths.manifest_path())
    indexes: dict[str, dict[str, deps.Article]] = {}
    staging = paths.build_dir() / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    books = []
    for ed in editions:
        book = manifest.expand(base_book, ed.lang)
        jobs = []
        for ch in manifest.chapters(book):
            src = parameters.template_path(ch.template)
            params = parameters.resolve(ch.template, typed=ch.parameters)
            index = None
            if "seeds" in params:
                folder = parameters.seeds_folder(params["seeds"])
                index = indexes.setdefault(str(folder), deps.article_index(folder))
            job = Job(ed, ch, src, params, deps.chapter_inputs(src, params, code, index))
            if not use_cache:
                job.reasons = ["--no-cache"]
            elif not cache.lookup(job.cid, job.inputs.key):
                job.reasons = deps.why(cache.recorded_inputs(job.cid), job.inputs) or ["cache entry incomplete"]
            jobs.append(job)
        books.append((ed, book, jobs))
    p = Plan(root, staging, editions, books)
    _stage_pages(p)
    return p


def _stage_pages(p: Plan) -> None:
    nested = [e.pages for e in p.editions]
    for ed, book, _ in p.books:
        eroot = p.staging / ed.lang
        eroot.mkdir(parents=True)
        (eroot / "_config.yml").write_text(edition_config(p.root / "_config.yml", ed, p.editions), encoding="utf-8")
        (eroot / "_toc.yml").write_text(manifest.toc(book, ed.lang), encoding="utf-8")
        skip = {PurePosixPath(n).name for n in nested if n != ed.pages and n.startswith(ed.pages + "/")}
        shutil.copytree(p.root / ed.pages, eroot / "book", ignore=shutil.ignore_patterns("*.ipynb", "_assets", *skip))
        if not (eroot / "book" / "_static").exists():
            shutil.copytree(p.root / "book" / "_static", eroot / "book" / "_static")
        (eroot / "book" / "chapters" / "_assets").mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class ChapterTask:
    """What a worker process needs to execute one chapter (picklable)."""
    cid: str
    template: str
    output: str
    params: dict[str, Any]
    root: str
    book_dir: str
    asset_log: str


@dataclass(frozen=True)
class ChapterResult:
    """A worker's answer: the time taken and either the assets written or a structured error."""
    cid: str
    seconds: float
    assets: tuple[str, ...] = ()
    error: ChapterError | None = None
    crash: str = ""  # anything else (the kernel died, papermill failed to start): its message

    @property
    def ok(self) -> bool:
        return self.error is None and not self.crash


def run_chapter(task: ChapterTask) -> ChapterResult:
    """Execute one chapter in a worker process; every failure comes back as data, never as stderr to parse."""
    t0 = time.perf_counter()
    log_path = Path(task.asset_log)
    # the build said what it does not read in seeds/ (plan); its chapters do not say it again
    env = kernel_environment(Path(task.root), book_dir=Path(task.book_dir), asset_log=log_path, seeds_reported=True)
    try:
        with _stderr_to(log_path.with_suffix(".stderr")) as stderr:
            execute(task.template, Path(task.output), task.params, env)
    except ChapterError as exc:
        return ChapterResult(task.cid, time.perf_counter() - t0, error=exc)
    except Exception as exc:  # noqa: BLE001 - reported with the chapter, the build stops
        tail = "\n".join(stderr.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:])
        return ChapterResult(task.cid, time.perf_counter() - t0,
                             crash=f"{type(exc).__name__}: {exc}" + (f"\n{tail}" if tail else ""))
    names = log_path.read_text(encoding="utf-8").split() if log_path.exists() else []
    return ChapterResult(task.cid, time.perf_counter() - t0, tuple(sorted(set(names))))


@contextlib.contextmanager
def _stderr_to(path: Path) -> Iterator[Path]:
    """Send this process's standard error (and its kernel's: it inherits the descriptor) to a file:
    the kernels' start-up chatter stays out of the build log; a crash report quotes its end."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "wb") as f:
        os.dup2(f.fileno(), 2)
    try:
        yield path
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _restore(job: Job, ebook: Path) -> None:
    hit = cache.lookup(job.cid, job.inputs.key)
    assert hit is not None
    (ebook / job.chapter.output).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(hit.notebook, ebook / job.chapter.output)
    for a in hit.assets.iterdir():
        shutil.copy2(a, ebook / "chapters" / "_assets" / a.name)


def execute_chapters(p: Plan, jobs: int | None = None, progress: Progress | None = None) -> None:
    """Step 2: copy the reused chapters from the cache, execute the others in a pool of worker
    processes, and store each executed chapter in the cache with the record of its inputs.

    Raises :class:`BuildError` listing every failed chapter with its cell and exception (the failed
    notebooks are kept in ``_build/failed/``).
    """
    progress = progress or Progress(len(p.jobs))
    for job in p.jobs:
        if not job.reasons:
            _restore(job, p.book_dir(job.edition))
            progress.done(job.cid, "reused", reason=deps.unchanged(job.inputs))
    todo = {job.cid: job for job in p.todo}
    tasks = []
    for job in todo.values():
        ebook = p.book_dir(job.edition)
        out = ebook / job.chapter.output
        out.parent.mkdir(parents=True, exist_ok=True)
        tasks.append(ChapterTask(job.cid, str(job.template), str(out), job.params, str(p.root), str(ebook),
                                 str(p.staging / f".assets-{job.edition.lang}-{job.chapter.name}.log")))
    failures: list[ChapterResult] = []
    if tasks:
        import multiprocessing

        workers = min(len(tasks), max(1, jobs or (os.cpu_count() or 1) + 1))  # kernels wait on start-up
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=procs.set_parent_death_signal)  # workers die with the build
        try:
            futures: dict[Future[ChapterResult], ChapterTask] = {}
            for i, t in enumerate(tasks):
                futures[pool.submit(run_chapter, t)] = t
                if i < workers:
                    progress.start(t.cid)
            queued = [t.cid for t in tasks[workers:]]
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    task = futures[f]
                    if f.cancelled():
                        continue
                    try:
                        result = f.result()
                    except Exception as exc:  # noqa: BLE001 - the worker process itself died
                        result = ChapterResult(task.cid, 0.0, crash=f"worker process failed: {type(exc).__name__}: {exc}")
                    if queued:
                        progress.start(queued.pop(0))
                    job = todo[task.cid]
                    if result.ok:
                        assets_dir = Path(task.book_dir) / "chapters" / "_assets"
                        cache.store(job.cid, job.inputs.key, Path(task.output),
                                    [assets_dir / n for n in result.assets], job.inputs.record())
                        progress.done(job.cid, "ran", result.seconds, "; ".join(job.reasons))
                    else:
                        failures.append(result)
                        for other in pending:  # all or nothing: stop what has not started
                            other.cancel()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            procs.terminate_all()  # the running chapters and their kernels stop now
            raise
        pool.shutdown(wait=True)
    if failures:
        raise BuildError(_failure_report(p, failures, todo))
    progress.finish(ran=len(tasks), reused=len(p.jobs) - len(tasks))


def _failure_report(p: Plan, failures: list[ChapterResult], todo: dict[str, Job]) -> str:
    failed_dir = paths.build_dir() / "failed"
    failed_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    for r in failures:
        job = todo[r.cid]
        out = p.book_dir(job.edition) / job.chapter.output
        kept = f"{job.edition.lang}-{out.name}"
        if out.exists():
            shutil.copy2(out, failed_dir / kept)
        what = str(r.error) if r.error else f"{job.template.name}: {r.crash}"
        lines.append(f"chapter {r.cid}: {what} (failed notebook kept in _build/failed/{kept}; "
                     "the previous book is unchanged)")
    if len(lines) == 1:
        return lines[0]
    return f"{len(lines)} chapters failed:\n" + "\n".join(f"- {ln}" for ln in lines)


def site_inputs(staging: Path, editions: Sequence[manifest.Edition]) -> list[Path]:
    """What the HTML and PDF are made from: each edition's pages and configuration, and the book's Sphinx
    extension with its templates (a change there changes every page without changing a page's source).

    >>> [p.name for p in site_inputs(Path("/s"), [])]
    ['sphinxext.py', 'templates']
    """
    from districtbook.building import sphinxext
    from districtbook.building.sphinxext import TEMPLATES

    here = Path(sphinxext.__file__).resolve()
    return [*(staging / e.lang for e in editions), here, TEMPLATES]


def compile_book(p: Plan, pdf: bool = False, jobs: int | None = None, use_cache: bool = True) -> bool:
    """Step 3: Jupyter Book HTML (and PDF) of every edition in the staging folder, unless the published ones
    are current.  Returns True when the published site is still current.

    Each artefact carries the stamp of the pages it was made from and is reused only when its *own* stamp
    matches: the PDFs their ``pdf/.districtbook-stamp``; the site its ``html/.districtbook-stamp``, which also
    says whether it offers the PDFs (``:pdf``: the site carries copies of them, so a new PDF means a new site)."""
    build_dir = paths.build_dir()
    staging, editions = p.staging, p.editions
    first = editions[0]
    p.pages = pages = cache.tree_hash(*site_inputs(staging, editions))
    html_stamp = _read_stamp(build_dir / "html" / ".districtbook-stamp")
    pdf_current = _read_stamp(build_dir / "pdf" / publishing.PDF_STAMP) == pages and \
        all((build_dir / "pdf" / pdf_name(e)).is_file() for e in editions)
    pdf_todo = pdf and not (use_cache and pdf_current)
    stamp = pages + (":pdf" if pdf_todo or pdf_current else "")
    if use_cache and html_stamp == stamp and not pdf_todo:
        log.info("book pages unchanged: HTML%s reused", " and PDF" if pdf else "")
        return True
    log.info("building HTML%s (%s)", " and PDF" if pdf_todo else "", ", ".join(e.lang for e in editions))
    running = []
    for ed in editions:
        eroot = staging / ed.lang
        compile_catalogues(eroot / "book" / "_locale")
        running.append((_jupyter_book(eroot, "html", eroot), "html"))
        if pdf_todo:
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
    publishing.check_site(site, [e.lang for e in editions[1:]], [
        (f"{j.edition.lang}/" if j.edition != first else "") + "book/"
        + str(PurePosixPath(j.chapter.output).with_suffix(".html")) for j in p.jobs])
    if pdf_todo:
        pdf_dir = staging / "pdf"
        pdf_dir.mkdir()
        for ed in editions:
            found = sorted((staging / f"{ed.lang}-pdfbuild" / "_build" / "latex").glob("*.pdf"))
            if not found:
                raise BuildError(f"the {ed.lang} PDF build wrote no PDF")
            shutil.copy2(found[0], pdf_dir / pdf_name(ed))
            publishing.check_pdf(pdf_dir / pdf_name(ed))
        (pdf_dir / publishing.PDF_STAMP).write_text(pages, encoding="utf-8")
    # the site offers each edition's PDF: the one just built, else the published one when it is of these pages
    (site / "pdf").mkdir(exist_ok=True)
    for ed in editions:
        for cand in (staging / "pdf" / pdf_name(ed), *([build_dir / "pdf" / pdf_name(ed)] if pdf_current else [])):
            if cand.is_file():
                shutil.copy2(cand, site / "pdf" / pdf_name(ed))
                break
    return False


def compile_catalogues(locale_dir: Path) -> list[Path]:
    """Compile the edition's Sphinx catalogues (``_locale/LANG/LC_MESSAGES/DOMAIN.po``) to ``.mo`` once, before the
    HTML and the PDF builders start: each would otherwise write the same ``.mo`` while the other reads it (Sphinx
    writes it in place), and a builder that reads it half-written falls back to English ("continued from previous
    page" in the Vietnamese PDF)."""
    from sphinx.util.i18n import CatalogInfo

    made = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        info = CatalogInfo(str(po.parent), po.stem, "utf-8")
        info.write_mo(po.parent.parent.name)
        made.append(Path(info.mo_path))
    return made


def _read_stamp(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


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
