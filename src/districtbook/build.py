"""Executing chapters with papermill and compiling the book with Jupyter Book, safely.

A build works in a staging copy (``_build/.staging``): chapters are executed there, the
HTML and PDF are compiled there, and only when everything succeeded are the executed
chapters copied back into ``book/`` and the site swapped into ``_build/html``.  A failure
(or Ctrl-C) leaves the previous book as it was; the failed notebook is kept in
``_build/failed/`` for inspection.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import manifest, parameters, paths
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
                f"{src.name}: cell {exc.exec_count} failed: {exc.ename}: {exc.evalue}"
            ) from None
    scrub(output, params)
    return output


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


def _jupyter_book(root: Path, builder: str) -> None:
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root), "--builder", builder,
           "--path-output", str(root), "-W", "--keep-going", "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise BuildError(f"jupyter-book {builder} build failed:\n{tail}")


def _swap(new: Path, dest: Path) -> None:
    """Replace ``dest`` by ``new`` with two renames (the old tree is removed only afterwards)."""
    old = dest.with_name(dest.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    dest.parent.mkdir(parents=True, exist_ok=True)
    new.rename(dest)
    shutil.rmtree(old, ignore_errors=True)


def build(pdf: bool = False) -> dict[str, Path]:
    """``districtbook build``: every chapter of the manifest, then HTML (and PDF); all or nothing."""
    root = paths.root()
    book = manifest.expand(manifest.load())
    validated = [(ch, parameters.resolve(ch.template, typed=ch.parameters)) for ch in manifest.chapters(book)]
    toc_text = manifest.toc(book)

    build_dir = paths.build_dir()
    staging = build_dir / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copy2(root / "_config.yml", staging / "_config.yml")
    (staging / "_toc.yml").write_text(toc_text, encoding="utf-8")
    shutil.copytree(root / "book", staging / "book")
    staged_book = staging / "book"
    shutil.rmtree(staged_book / "chapters" / "_assets", ignore_errors=True)  # only what this build writes

    failed_dir = build_dir / "failed"
    for i, (ch, params) in enumerate(validated, 1):
        log.info("[%d/%d] executing %s", i, len(validated), ch.output)
        out = staged_book / ch.output
        try:
            execute(ch.template, out, params, book_dir=staged_book)
        except BuildError as exc:
            failed_dir.mkdir(parents=True, exist_ok=True)
            if out.exists():
                shutil.copy2(out, failed_dir / out.name)
            raise BuildError(f"chapter {ch.output}: {exc} (failed notebook kept in _build/failed/{out.name}; "
                             "the previous book is unchanged)") from None

    log.info("building HTML")
    _jupyter_book(staging, "html")
    results = {"html": build_dir / "html" / "index.html"}
    if pdf:
        log.info("building PDF")
        _jupyter_book(staging, "pdflatex")
        pdfs = sorted((staging / "_build" / "latex").glob("*.pdf"))
        if not pdfs:
            raise BuildError("the PDF build wrote no PDF")
        pdf_dir = staging / "_build" / "pdf"
        pdf_dir.mkdir()
        shutil.copy2(pdfs[0], pdf_dir / PDF_NAME)

    # everything succeeded: publish
    outputs = {ch.output for ch, _ in validated}
    for ch, _ in validated:
        dest = root / "book" / ch.output
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(staged_book / ch.output, dest)
    for old in (root / "book" / "chapters").glob("*.ipynb"):
        if f"chapters/{old.name}" not in outputs:
            old.unlink()  # a chapter the manifest no longer produces (e.g. a district gone from seeds/)
    (root / "_toc.yml").write_text(toc_text, encoding="utf-8")
    staged_assets = staged_book / "chapters" / "_assets"
    if staged_assets.is_dir():
        _swap_copy(staged_assets, root / "book" / "chapters" / "_assets")
    _swap(staging / "_build" / "html", build_dir / "html")
    if pdf:
        _swap(staging / "_build" / "pdf", build_dir / "pdf")
        results["pdf"] = build_dir / "pdf" / PDF_NAME
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(failed_dir, ignore_errors=True)
    return results


def _swap_copy(src: Path, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    _swap(tmp, dest)
