"""Publishing a build: check the new tree, then swap it in by renames only; clean what a killed
build left behind; keep the HTML and the PDF of a build together."""
from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .errors import BuildError

log = logging.getLogger("districtbook")

#: Written beside the PDFs: the hash of the pages they were made from (the HTML's stamp without ":pdf").
PDF_STAMP = ".districtbook-stamp"
#: What a published tree is swapped with: its new copy and its previous one.
_ASIDE = (".old", ".new")


def swap(new: Path, dest: Path) -> None:
    """Replace ``dest`` by ``new``: two renames; the old tree is removed only afterwards."""
    if not new.is_dir():
        raise BuildError(f"nothing to publish at {new}")
    old = dest.with_name(dest.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        dest.rename(old)
    try:
        new.rename(dest)
    except BaseException:
        if old.exists() and not dest.exists():
            old.rename(dest)  # put the previous tree back
        raise
    shutil.rmtree(old, ignore_errors=True)


def recover(build_dir: Path, root: Path) -> None:
    """At the start of a build (holding the lock): undo what a killed build left half done.

    A published tree moved aside but not replaced (``html.old`` without ``html``) is put back;
    a stale ``.staging``, ``*.old``/``*.new`` trees and half-written cache entries are removed.
    """
    leftovers = []
    staging = build_dir / ".staging"
    if staging.exists():
        leftovers.append(staging)
    aside = [build_dir / f"{name}{suffix}" for name in ("html", "pdf") for suffix in _ASIDE]
    aside += [p for p in root.glob("book/**/_assets*") if p.name.endswith(_ASIDE)]
    aside += list((build_dir / "cache").glob("*.tmp"))
    for p in aside:
        if not p.exists():
            continue
        dest = p.with_name(p.name.removesuffix(".old"))
        if p.name.endswith(".old") and not dest.exists():
            p.rename(dest)
            log.warning("restored %s, which an interrupted build had moved aside", dest.relative_to(root))
        else:
            leftovers.append(p)
    for p in leftovers:
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    if leftovers:
        log.warning("removed what an interrupted build left: %s",
                    ", ".join(str(p.relative_to(root)) for p in leftovers))


def check_site(site: Path, other_editions: list[str], pages: list[str]) -> None:
    """The new site before it replaces the published one: every edition's index and every chapter page."""
    wanted = ["index.html", *(f"{lang}/index.html" for lang in other_editions), *pages]
    missing = [p for p in wanted if not (site / p).is_file() or (site / p).stat().st_size == 0]
    if missing:
        raise BuildError(f"the new HTML lacks {', '.join(missing[:5])}" + (" …" if len(missing) > 5 else "")
                         + "; the previous book is unchanged")


def check_pdf(pdf: Path) -> None:
    """A complete PDF: its header and its end-of-file marker."""
    try:
        with open(pdf, "rb") as f:
            head = f.read(5)
            f.seek(max(0, pdf.stat().st_size - 1024))
            tail = f.read()
    except OSError as exc:
        raise BuildError(f"the new PDF {pdf.name} cannot be read ({exc.strerror})") from None
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise BuildError(f"the new PDF {pdf.name} is incomplete; the previous book is unchanged")


def copy_atomic(src: Path, dest: Path) -> None:
    """Copy ``src`` to ``dest`` so that ``dest`` is never half written (a copy beside it, then a rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    shutil.copy2(src, tmp)
    os.replace(tmp, dest)


def drop_stale_pdf(pdf_dir: Path, html_stamp: str) -> None:
    """After an HTML-only build: the published PDFs must have been made from the same pages, else
    they are removed (never left to contradict the HTML beside them)."""
    if not pdf_dir.exists():
        return
    stamp_file = pdf_dir / PDF_STAMP
    try:
        current = stamp_file.read_text(encoding="utf-8") == html_stamp
    except OSError:
        current = False
    if not current:
        aside = pdf_dir.with_name(pdf_dir.name + ".old")
        shutil.rmtree(aside, ignore_errors=True)
        pdf_dir.rename(aside)
        shutil.rmtree(aside, ignore_errors=True)
        log.warning("removed the published PDF: it was made from other pages than this HTML "
                    "(build --pdf to publish both)")


@contextlib.contextmanager
def atomic_output(dest: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file written whole or not at all: ``dest`` appears (or is replaced) only when the ``with`` block
    ends without an exception; the previous file is untouched otherwise.

    The text goes to an anonymous file in ``dest``'s folder (``O_TMPFILE``: it has no name, so no signal,
    not even SIGKILL, can leave a partial file behind), which is given a name beside ``dest`` and renamed
    over it at the end.  Where the file system has no ``O_TMPFILE``, a hidden ``.NAME.PID.tmp`` is used
    and removed on any exception (SIGINT and SIGTERM are exceptions under ``procs.children_die_with_us``)."""
    dest = Path(dest)
    folder = dest.parent
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o666)
        anonymous = True
    except OSError as exc:
        if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            raise
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, 0o666)
        anonymous = False
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            yield out
            out.flush()
            if anonymous:
                os.link(f"/proc/self/fd/{out.fileno()}", tmp, follow_symlinks=True)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
