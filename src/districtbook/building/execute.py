"""Step 2 of a build: executing chapters. One chapter with papermill (:func:`execute`, its kernel told its context
by :func:`kernel_environment`), a single run for an analyst (:func:`run`), and every chapter of a plan in a pool
of worker processes, reused ones taken from the cache (:func:`execute_chapters`)."""
from __future__ import annotations

import logging
import contextlib
import functools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from districtbook.building import cache, deps, parameters
from districtbook.base import paths, procs
from districtbook.base.progress import Progress
from districtbook.base.errors import BuildError, ChapterError, ParameterError
from districtbook.building.plan import Job, Plan

log = logging.getLogger("districtbook")


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
    with tempfile.TemporaryDirectory() as tmp:  # what this execution wrote (a statement file is started afresh)
        log = Path(tmp) / "assets.log"
        return execute(src, out, params, kernel_environment(paths.root(), assets_dir=out.parent / "_assets",
                                                            asset_log=log))


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
