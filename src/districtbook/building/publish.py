"""Publishing a build: check the new tree, then swap it in by renames only; clean what a killed
build left behind; keep the HTML and the PDF of a build together.

Everything a build publishes (each edition's ``book/.../chapters``, ``_toc.yml``, the HTML of both editions,
the PDFs) is one *generation*, made visible together or not at all (:func:`commit`): the new trees are
complete in the staging folder first; a journal listing every rename is written (atomically) before the
first one; the renames follow, with SIGINT and SIGTERM held back until the last is done.  A build killed
before the journal existed changed nothing (the next one says it rolled back); one killed after it is
completed by the next one (rolled forward, :func:`recover`)."""
from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Callable, TextIO

from districtbook.base.errors import BuildError

log = logging.getLogger("districtbook")

#: Written beside the PDFs: the hash of the pages they were made from (the HTML's stamp without ":pdf").
PDF_STAMP = ".districtbook-stamp"
#: What a published tree is swapped with: its new copy and its previous one.
_ASIDE = (".old", ".new")


def recover(build_dir: Path, root: Path) -> None:
    """At the start of a build (holding the lock): undo what a killed build left half done.

    A publish interrupted after its journal was written is completed (rolled forward, :func:`commit`); one
    interrupted before it changed nothing (rolled back: its staging folder is removed); each says so.
    A published tree moved aside but not replaced (``html.old`` without ``html``) is put back;
    a stale ``.staging``, ``*.old``/``*.new`` trees and half-written cache entries are removed.
    """
    journal = build_dir / JOURNAL
    rolled_forward = journal.exists()
    if rolled_forward:
        _roll_forward(journal, root)
    (build_dir / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    shutil.rmtree(build_dir / BACKUPS, ignore_errors=True)  # the previous generation of a completed publish
    leftovers = []
    staging = build_dir / ".staging"
    if staging.exists():
        leftovers.append(staging)
        if not rolled_forward:
            log.warning("a build stopped before it published: rolled back (the book published before it is "
                        "unchanged; its staging folder is removed)")
    aside = [build_dir / f"{name}{suffix}" for name in ("html", "pdf") for suffix in _ASIDE]
    aside += [p for p in root.glob("book/**/_assets*") if p.name.endswith(_ASIDE)]
    aside += list((build_dir / "cache").glob("*.tmp"))
    aside += [*root.glob("book/**/.*.publish-new"), *root.glob(".*.publish-new"), *build_dir.glob(".*.publish-new")]
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


#: The journal of a publish in progress (in ``_build``), and where the previous generation waits for removal.
JOURNAL = ".publish-journal.json"
BACKUPS = ".publish-previous"
def commit(build_dir: Path, steps: list[tuple[Path | None, Path]],
           on_step: Callable[[str], None] | None = None) -> None:
    """Make one generation visible: each ``(new, dest)`` puts the complete tree or file ``new`` at ``dest``
    (``new`` None: ``dest`` is removed), all of them or, after a crash, none until the next build completes
    them.  ``on_step`` is called after the journal is written and after each step, with its name, and with
    ``"done"`` once the new generation is visible (what an interrupted command may then say)."""
    backups = build_dir / BACKUPS
    shutil.rmtree(backups, ignore_errors=True)
    backups.mkdir(parents=True)
    entries = [{"new": str(new) if new is not None else None, "dest": str(dest), "old": str(backups / str(i))}
               for i, (new, dest) in enumerate(steps)]
    with _signals_held():
        tmp = build_dir / (JOURNAL + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(entries, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, build_dir / JOURNAL)  # from here on, the new generation is published (roll forward)
        if on_step:
            on_step("journal")
        for e in entries:
            _apply(e)
            if on_step:
                on_step(Path(str(e["dest"])).name)
        (build_dir / JOURNAL).unlink()
        if on_step:
            on_step("done")
    shutil.rmtree(backups, ignore_errors=True)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the ``with`` block is done, then are delivered to the handlers of before.

    (Blocking them with ``pthread_sigmask`` is not enough: another thread of the process, such as the process
    pool's, takes the signal and Python raises it in the main thread all the same.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    before = {sig: signal.signal(sig, lambda signum, _frame: came.append(signum))
              for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
        if came:
            os.kill(os.getpid(), came[0])  # now: the previous handler runs (the build stops, saying what it did)


def _apply(entry: dict[str, str | None]) -> None:
    """One step, safe to repeat: whatever point a previous attempt reached, the step ends done."""
    dest, old = Path(str(entry["dest"])), Path(str(entry["old"]))
    new = Path(entry["new"]) if entry["new"] else None
    if new is not None and not new.exists():
        return  # done already
    if (dest.exists() or dest.is_symlink()) and not old.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.rename(old)
    if new is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        new.rename(dest)


def _roll_forward(journal: Path, root: Path) -> None:
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # written whole then renamed: a damaged one is not ours to trust
        journal.unlink(missing_ok=True)
        log.warning("removed a damaged publish journal %s", journal.name)
        return
    for e in entries:
        _apply(e)
    journal.unlink()
    names = ", ".join(_rel(Path(e["dest"]), root) for e in entries)
    log.warning("an interrupted build had begun to publish: rolled forward, its publish completed (%s are "
                "all from that build)", names)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def same_file_system(steps: list[tuple[Path | None, Path]]) -> list[tuple[Path | None, Path]]:
    """A rename cannot cross file systems (``_build`` a link to another disk): a new tree that is not on its
    destination's is copied beside the destination first (``.NAME.publish-new``), before the journal."""
    out = []
    for new, dest in steps:
        if new is not None and os.stat(new).st_dev != os.stat(dest.parent if dest.parent.exists() else ".").st_dev:
            near = dest.with_name(f".{dest.name}.publish-new")
            shutil.rmtree(near, ignore_errors=True) if near.is_dir() else near.unlink(missing_ok=True)
            shutil.copytree(new, near) if new.is_dir() else shutil.copy2(new, near)
            new = near
        out.append((new, dest))
    return out
