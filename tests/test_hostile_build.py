"""Hostile articles and faults, end to end on a copy of the project built once (HTML) by the real toolchain:
injections inert in Chromium, concurrent builds, a damaged cache, SIGTERM/SIGINT, colliding slugs,
several failed chapters, a stale PDF (issue 12).

The copy's book is cut down to the chapters that show an article's outlet and file name (Sources: the Source
column; Budget: citations and chart captions, and the introduction's main points; the district profiles), in both
editions: every build here is a real build, of four chapters per edition instead of ten."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from districtbook.base import procs

from .conftest import cli, copy_project, keep_chapters, wait_for_child

pytestmark = pytest.mark.slow

CHAPTERS = ("sources", "budget", "profile")

SCRIPT_OUTLET = "Báo <script>alert(document.domain)</script>"
IMG_NAME = "<img src=x onerror=alert(document.domain)>.txt"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A project whose seeds hold an article with a script in its outlet line and one whose file name is markup."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    keep_chapters(root, *CHAPTERS)
    seeds = sorted((root / "seeds").glob("*.txt"))
    text = seeds[0].read_text(encoding="utf-8")
    lines = [ln if not ln.startswith("Nguồn ") else f"Nguồn {SCRIPT_OUTLET}: https://example.org/a" for ln in text.split("\n")]
    if not any(ln.startswith("Nguồn ") for ln in lines):
        lines.append(f"Nguồn {SCRIPT_OUTLET}: https://example.org/a")
    (root / "seeds" / "900_outlet.txt").write_text("\n".join(lines), encoding="utf-8")
    other = seeds[1].read_text(encoding="utf-8")
    (root / "seeds" / IMG_NAME).write_text(other + "\nBản lưu.\n", encoding="utf-8")
    proc = cli("build", root=root)
    assert proc.returncode == 0, proc.stderr
    return root


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ, DISTRICTBOOK_ROOT=str(root))
    env.pop("DISTRICTBOOK_BOOK_DIR", None)
    return env


def _build(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "districtbook", "build", *args], env=_env(root), cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class _Elements(HTMLParser):
    """Every element's tag and attribute names, and the text of every script, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"<{tag} {k}>" for k, _ in attrs if k.startswith("on")]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _pages(root: Path) -> list[str]:
    site = root / "_build/html"
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "_static" not in p.parts)


def test_outlet_and_file_name_injections_are_inert_in_chromium(hostile):
    from districtbook.checks.sitecheck import check_site

    site = hostile / "_build/html"
    shown = [p for p in _pages(hostile) if "alert(document.domain)" in (site / p).read_text(encoding="utf-8")]
    # the Source column, citations and captions, in both editions
    assert {f"{ed}book/chapters/{c}.html" for ed in ("", "en/") for c in ("sources", "budget", "profile-tay-ho")} \
        <= set(shown), shown
    for page in shown:
        html = (site / page).read_text(encoding="utf-8")
        parsed = _Elements()
        parsed.feed(html)
        assert not [h for h in parsed.handlers if "button" not in h], (page, parsed.handlers)  # the theme's buttons
        assert not [s for s in parsed.scripts if "alert(" in s], page
    sources = (site / "book/chapters/sources.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(document.domain)&lt;/script&gt;" in sources
    assert "&lt;img src=x onerror=alert(document.domain)&gt;" in sources
    report = check_site(site, pages=shown)
    injected = [p for p in report.problems if "script" in p or "handler" in p]
    assert injected == [], injected


def _book_complete(root: Path) -> None:
    site = root / "_build/html"
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    chapters = re.findall(r"file: (book/chapters/[\w.-]+)", toc)
    assert chapters
    for rel in ["index.html", "en/index.html", *(f"{c}.html" for c in chapters), *(f"en/{c}.html" for c in chapters)]:
        assert (site / rel).is_file(), rel
    assert not (root / "_build/.staging").exists()
    assert not (root / "_build/html.old").exists()


def test_two_concurrent_builds_leave_a_complete_book(hostile):
    (hostile / "_build/html/.districtbook-stamp").unlink()  # both must compile the HTML again
    first = _build(hostile)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (hostile / "_build/.lock").read_text().strip():
        time.sleep(0.05)
    hurried = _build(hostile, "--wait", "0")
    patient = _build(hostile, "--wait", "600")
    _, err_h = hurried.communicate(timeout=120)
    _, err_p = patient.communicate(timeout=900)
    _, err_f = first.communicate(timeout=900)
    assert first.returncode == 0, err_f
    assert hurried.returncode == 2 and f"another build (pid {first.pid}) is running" in err_h, err_h
    assert patient.returncode == 0, err_p
    assert f"waiting for the build that is running (pid {first.pid}) to finish" in err_p
    _book_complete(hostile)


def test_truncated_cached_chart_and_notebook_are_detected_and_rebuilt(hostile):
    cache = hostile / "_build/cache"
    png = sorted((cache / "book__chapters__budget.ipynb" / "assets").glob("*.png"))[0]  # a chart of the budget chapter
    nb = cache / "book__chapters__profile-tay-ho.ipynb" / "chapter.ipynb"
    for f in (png, nb):
        with open(f, "r+b") as fh:
            fh.truncate(200)
    proc = cli("build", root=hostile)
    assert proc.returncode == 0, proc.stderr
    damaged = [ln for ln in proc.stderr.splitlines() if "cache entry damaged" in ln]
    assert len(damaged) == 2, proc.stderr
    assert "book/chapters/budget.ipynb: executed" in proc.stderr and "book/chapters/profile-tay-ho.ipynb: executed" in proc.stderr
    published = (hostile / "book/chapters/_assets" / png.name).read_bytes()
    assert len(published) > 1000 and published.endswith(b"IEND\xaeB`\x82")
    json.loads((hostile / "book/chapters/profile-tay-ho.ipynb").read_text(encoding="utf-8"))
    assert png.read_bytes() == published


def _ours(root: Path) -> list[int]:
    """Living processes started for this project's builds (they all carry its DISTRICTBOOK_ROOT)."""
    mark = f"DISTRICTBOOK_ROOT={root}".encode()
    found = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit() and int(d.name) != os.getpid():
            try:
                if mark in (d / "environ").read_bytes().split(b"\0") and procs.alive(int(d.name)):
                    found.append(int(d.name))
            except OSError:
                continue
    return found


@pytest.mark.parametrize(("sig", "phase", "args", "code"), [
    (signal.SIGTERM, "ipykernel", ("--no-cache",), 143),   # while chapters (and their kernels) run
    (signal.SIGINT, "jupyter-book", (), 130),              # while the HTML is compiled
])
def test_a_signal_to_the_build_leaves_no_child_process(hostile, sig, phase, args, code):
    index = (hostile / "_build/html/index.html").read_bytes()
    if phase == "jupyter-book":  # the pages must be compiled again for the build to reach Jupyter Book
        (hostile / "_build/html/.districtbook-stamp").unlink(missing_ok=True)
    build = _build(hostile, *args)
    wait_for_child(build.pid, phase)
    time.sleep(0.5)
    assert len(_ours(hostile)) > 1
    os.kill(build.pid, sig)  # the build's pid only, not its process group
    _, err = build.communicate(timeout=60)
    assert build.returncode == code, err
    assert "interrupted; the previous book is unchanged" in err
    time.sleep(0.5)
    assert _ours(hostile) == [], [Path(f"/proc/{p}/cmdline").read_bytes() for p in _ours(hostile)]
    assert (hostile / "_build/html/index.html").read_bytes() == index
    # the next build cleans what the killed one left and works
    proc = cli("build", root=hostile)
    assert proc.returncode == 0, proc.stderr
    _book_complete(hostile)


def test_colliding_district_slugs_stop_before_any_chapter_runs(hostile):
    extra = hostile / "seeds" / "950_tay_ho.txt"
    extra.write_text("Quận Tay Ho\nNăm 2024, quận Tay Ho thu ngân sách 100 tỷ đồng; quận Tay Ho đạt kế hoạch.\n",
                     encoding="utf-8")
    try:
        proc = cli("build", root=hostile)
    finally:
        extra.unlink()
    assert proc.returncode == 2
    assert "districts 'Tay Ho' and 'Tây Hồ' would both be written to chapters/profile-tay-ho.ipynb" in proc.stderr
    assert "executed" not in proc.stderr


def test_every_failed_chapter_is_named_with_its_template_cell_and_the_previous_book_is_kept(hostile):
    """Chapters whose template fails at run time: every one is named with its template's cell and exception, the
    failed notebooks are kept in _build/failed/, and the published book (chapters and site) is left as it was."""
    index = (hostile / "_build/html/index.html").read_bytes()
    published = {p: p.read_bytes() for p in (hostile / "book").rglob("*.ipynb")}
    saved = {}
    for name in ("sources", "budget"):
        path = hostile / "notebooks" / f"{name}.ipynb"
        saved[path] = path.read_bytes()
        nb = json.loads(saved[path])
        setup = next(c for c in nb["cells"] if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", []))
        setup["source"] = [f"raise RuntimeError('{name} broke')"]
        path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    try:
        proc = cli("build", root=hostile)
    finally:
        for path, raw in saved.items():
            path.write_bytes(raw)
    assert proc.returncode == 2
    assert "4 chapters failed" in proc.stderr, proc.stderr
    for cid in ("book/chapters/sources.ipynb", "book/chapters/budget.ipynb", "book/en/chapters/sources.ipynb",
                "book/en/chapters/budget.ipynb"):
        name = cid.split("/")[-1][:-6]
        lang = "en" if "/en/" in cid else "vi"
        assert re.search(rf"chapter {cid}: {name}.ipynb: cell 2 failed: RuntimeError: {name} broke \(failed notebook "
                         rf"kept in _build/failed/{lang}-{name}.ipynb; the previous book is unchanged\)", proc.stderr), \
            (cid, proc.stderr)
        assert (hostile / "_build/failed" / f"{lang}-{name}.ipynb").is_file(), cid
    assert (hostile / "_build/html/index.html").read_bytes() == index
    assert {p: p.read_bytes() for p in (hostile / "book").rglob("*.ipynb")} == published


def test_html_only_build_removes_a_pdf_that_no_longer_matches(hostile):
    pdf = hostile / "_build/pdf"
    pdf.mkdir(exist_ok=True)
    (pdf / "districtbook.pdf").write_bytes(b"%PDF-1.5 from other pages\n%%EOF\n")
    (pdf / ".districtbook-stamp").write_text("other pages", encoding="utf-8")
    proc = cli("build", root=hostile)
    assert proc.returncode == 0, proc.stderr
    assert "removed the published PDF" in proc.stderr
    assert not pdf.exists()


def test_links_devices_fifos_hidden_and_control_named_files_in_seeds_are_reported_never_read(hostile):
    """Issue 19: a committed symlink to /etc/passwd and one to /dev/zero, a FIFO, a hidden article, a name with a
    newline and a duplicate article in seeds/: the build finishes (no hang: a timeout), reads none of them, and
    says each once in its log (one line each) and in the Sources chapter of both editions."""
    seeds = hostile / "seeds"
    first = sorted(seeds.glob("0*.txt"))[0]
    made = {"passwd.txt": "is a symbolic link", "zero.txt": "is a symbolic link", "fifo.txt": "is a FIFO",
            ".hidden.txt": "a hidden file", "evil\nforged.txt": "its name holds control characters",
            "dup.txt": f"same text as {first.name}"}
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    (seeds / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(seeds / "fifo.txt")
    (seeds / ".hidden.txt").write_text(first.read_text(encoding="utf-8").replace("Tây Hồ", "Ba Vì"), encoding="utf-8")
    (seeds / "evil\nforged.txt").write_text("Quận Ba Vì thu ngân sách 999 tỷ đồng.\n", encoding="utf-8")
    (seeds / "dup.txt").write_bytes(first.read_bytes())
    try:
        proc = subprocess.run([sys.executable, "-m", "districtbook", "build"], env=_env(hostile), cwd=hostile,
                              capture_output=True, text=True, timeout=900)
    finally:
        for name in made:
            (seeds / name).unlink()
    assert proc.returncode == 0, proc.stderr
    log = proc.stderr.splitlines()
    for name, why in made.items():
        shown = name.replace("\n", "\\n")
        said = [ln for ln in log if shown in ln and why in ln]
        assert len(said) == 1, (name, proc.stderr)  # once per build, not once per chapter
    assert not [ln for ln in log if ln.startswith("forged")]
    site = hostile / "_build/html"
    for page in ("book/chapters/sources.html", "en/book/chapters/sources.html"):
        html = (site / page).read_text(encoding="utf-8")
        for name in ("passwd.txt", "zero.txt", "fifo.txt", ".hidden.txt", "evil\\nforged.txt", "dup.txt"):
            assert name in html, (page, name)
    for page in _pages(hostile):
        html = (site / page).read_text(encoding="utf-8")
        assert "root:x:0:0" not in html and "Ba Vì" not in html, page


_HOOKED_BUILD = """
import os, signal, sys
from districtbook.building import build
from districtbook import cli
real = build.build
def hooked(on_step, **kw):  # the CLI's own hook still hears every step
    return real(**kw, on_step=lambda step: (on_step(step), step == {step!r} and os.kill(os.getpid(), {sig})))
build.build = hooked
sys.exit(cli.main(["build"]))
"""


@pytest.mark.parametrize(("sig", "step", "code"), [(signal.SIGKILL, "html", -9), (signal.SIGINT, "chapters", 130)])
def test_a_signal_during_publish_leaves_one_generation_and_says_so(hostile, sig, step, code):
    """Issue 19: a build signalled between two steps of publish left a mixed book (new chapters, old site) and
    said "the previous book is unchanged".  Now the chapters, _toc.yml and the site of both editions come from
    one build after the next start, and every message says what happened."""
    article = hostile / "seeds" / "900_outlet.txt"
    before = article.read_text(encoding="utf-8")
    marker = f"Bản ghi {sig.name} {step}"
    article.write_text(before.replace("\n", f" {marker}\n", 1), encoding="utf-8")  # in the title
    try:
        proc = subprocess.run([sys.executable, "-c", _HOOKED_BUILD.format(step=step, sig=int(sig))], env=_env(hostile),
                              cwd=hostile, capture_output=True, text=True, timeout=900)
        assert proc.returncode == code, proc.stderr
        if sig == signal.SIGINT:
            assert "interrupted; the new book was published whole before it stopped" in proc.stderr, proc.stderr
            assert "previous book is unchanged" not in proc.stderr
        after = cli("build", root=hostile)
    finally:
        article.write_text(before, encoding="utf-8")
    assert after.returncode == 0, after.stderr
    if sig == signal.SIGKILL:
        assert "an interrupted build had begun to publish: rolled forward" in after.stderr, after.stderr
    assert "book pages unchanged: HTML reused" in after.stderr  # what was published is this build's, whole
    for ed in ("", "en/"):
        assert marker in (hostile / "_build/html" / ed / "book/chapters/sources.html").read_text(encoding="utf-8")
        assert marker in (hostile / f"book/{ed}chapters/sources.ipynb").read_text(encoding="utf-8")
    assert not (hostile / "_build" / ".publish-journal.json").exists()
    _book_complete(hostile)
