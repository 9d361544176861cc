"""Step 3 of a build: the HTML and PDF of every edition with Jupyter Book (Sphinx, xelatex), made only when a
page they are made from changed (each artefact carries the stamp of its pages)."""
from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from districtbook.building import cache, manifest
from districtbook.base import paths, procs
from districtbook.building import publish as publishing
from districtbook.base.errors import BuildError
from districtbook.building.manifest import Edition
from districtbook.building.plan import Plan, pdf_name

log = logging.getLogger("districtbook")


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
    output, _ = proc.communicate()
    if proc.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-25:])
        first = first_error(output)
        head = f"jupyter-book {builder} build failed" + (f": {first}" if first else "")
        raise BuildError(f"{head}\n(last lines of its output:)\n{tail}")


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
    _run_builders(staging, editions, pdf_todo, jobs)
    site = staging / first.lang / "_build" / "html"
    for ed in editions[1:]:
        (staging / ed.lang / "_build" / "html").rename(site / ed.lang)
    (site / ".districtbook-stamp").write_text(stamp, encoding="utf-8")
    publishing.check_site(site, [e.lang for e in editions[1:]], [
        (f"{j.edition.lang}/" if j.edition != first else "") + "book/"
        + str(PurePosixPath(j.chapter.output).with_suffix(".html")) for j in p.jobs])
    if pdf_todo:
        _collect_pdfs(staging, editions, pages)
    _offer_pdfs(site, staging, build_dir, editions, pdf_current)
    return False


def _run_builders(staging: Path, editions: Sequence[Edition], pdf: bool, jobs: int | None) -> None:
    """Jupyter Book's HTML (and LaTeX PDF) builders of every edition, side by side (``jobs == 1``: one at a time)."""
    running = []
    for ed in editions:
        eroot = staging / ed.lang
        compile_catalogues(eroot / "book" / "_locale")
        running.append((_jupyter_book(eroot, "html", eroot), "html"))
        if pdf:
            if jobs == 1:  # a sequential build runs one thing at a time
                _wait(*running.pop())
            running.append((_jupyter_book(eroot, "pdflatex", staging / f"{ed.lang}-pdfbuild"), "pdflatex"))  # outside the sources
        if jobs == 1:
            _wait(*running.pop())
    for proc, builder in running:
        _wait(proc, builder)


def _collect_pdfs(staging: Path, editions: Sequence[Edition], pages: str) -> None:
    """Each edition's new PDF, checked, in ``staging/pdf`` with the stamp of the pages it was made from."""
    pdf_dir = staging / "pdf"
    pdf_dir.mkdir()
    for ed in editions:
        found = sorted((staging / f"{ed.lang}-pdfbuild" / "_build" / "latex").glob("*.pdf"))
        if not found:
            raise BuildError(f"the {ed.lang} PDF build wrote no PDF")
        shutil.copy2(found[0], pdf_dir / pdf_name(ed))
        publishing.check_pdf(pdf_dir / pdf_name(ed))
    (pdf_dir / publishing.PDF_STAMP).write_text(pages, encoding="utf-8")


def _offer_pdfs(site: Path, staging: Path, build_dir: Path, editions: Sequence[Edition], pdf_current: bool) -> None:
    """The site offers each edition's PDF: the one just built, else the published one when it is of these pages."""
    (site / "pdf").mkdir(exist_ok=True)
    for ed in editions:
        for cand in (staging / "pdf" / pdf_name(ed), *([build_dir / "pdf" / pdf_name(ed)] if pdf_current else [])):
            if cand.is_file():
                shutil.copy2(cand, site / "pdf" / pdf_name(ed))
                break


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
