"""Hostile input and faults, unit by unit: escaping, the site check, the build lock, child processes,
self-verifying cache entries, slugs, bounded YAML, article encodings, sizes and duplicates, atomic output.

Each test names the failure it guards against (issue 12); the end-to-end proofs are in
``test_hostile_build.py``.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from districtbook.reading import articles
from districtbook.building import cache, manifest, parameters, publish
from districtbook.base import lock, procs
from districtbook.rendering import report
from districtbook.base.errors import ArticleError, BuildError, ManifestError, ParameterError

from .conftest import cli

OUTLET = "Báo <script>alert(document.domain)</script>"
FILE_NAME = "<img src=x onerror=alert(document.domain)>.txt"
#: a "<" that MyST would read as the start of HTML: one not escaped by a backslash
RAW_TAG = re.compile(r"(?<!\\)<")
OUR_ROLES = re.compile(r"\{download\}`[^`]*`")  # ours: "CSV <_assets/x.csv>"


def _raw_tag(myst: str):
    return RAW_TAG.search(OUR_ROLES.sub("", myst))


def _figure_row(**kw) -> dict:
    row = dict(doc=FILE_NAME, district="Tây Hồ", metric="budget_revenue", value=2511.0, unit="VND_bn",
               denominator=float("nan"), period="2024-9M", basis="none", qualifier="actual",
               quote="thu <b>2.511</b> tỷ đồng", start=0, end=10, kind="indicator", outlet=OUTLET,
               published="2024-10-12")
    row.update(kw)
    return row


# --- escape at one boundary ----------------------------------------------------------------------

def test_outlet_and_file_name_reach_myst_escaped(tmp_path, monkeypatch):
    """The outlet and the file name went into MyST raw (citations, Source column, captions, comparison)."""
    from districtbook.rendering import prose
    from districtbook.chapters import budget, common, comparison, figures, profile, sources

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    from districtbook.analysis.dataset import typed

    df = typed(pd.DataFrame([_figure_row(), _figure_row(metric="budget_revenue_vs_plan", unit="percent", basis="plan",
                                                        value=89.0, start=20, end=23),
                             _figure_row(district="Đống Đa", value=3000.0)]))
    outputs = {
        "topic_table": common.topic_table(df, ("budget_revenue",), "vi", "t"),
        "main_points": prose.main_points(df, None, "en"),
        "figures_table": figures.table(df, None, "vi"),
        "profile_table": profile.table(df, {}, "Tây Hồ", "vi"),
        "progress_chart": budget.progress_chart(df, {}, "en"),
        "comparisons": comparison.comparisons(df, "Tây Hồ", "Đống Đa", "vi"),
    }
    reg = pd.DataFrame([{"doc": FILE_NAME, "title": "<script>x()</script> **t**", "outlet": OUTLET, "url": "",
                         "date": "2024", "date_basis": "", "districts": "Tây Hồ", "words": 10, "paragraphs": 1}])
    outputs["register_table"] = sources.table(reg, "en")
    outputs["register_summary"] = sources.summary(reg, "vi")
    for name, out in outputs.items():
        assert isinstance(out, report.MyST), name
        text = "\n".join(ln for ln in out.split("\n") if not ln.startswith(":alt: "))  # an attribute, not markup
        assert not _raw_tag(text), f"{name}: {out}"
        assert "onerror" in out or "script" in out, name  # the text is shown, inert


def test_escape_neutralises_markup_and_blocks():
    for hostile in ("<script>x</script>", "[a](javascript:alert(1))", "{raw}`<b>`", ":::{raw} html", "```", "$x$",
                    "a\n# heading", "1. list", "%comment", "(x)=", "- item"):
        out = report.escape(hostile)
        assert "\n" not in out
        assert not RAW_TAG.search(out) and "](" not in out.replace("\\](", "")
        assert not re.match(r"[-#%:(`]|\d+\.", out), out


def test_chart_caption_and_alt_text_are_plain_text(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    report.house_style()
    fig, _ = plt.subplots()
    block = report.publish_chart(fig, "x", alt=f"alt {FILE_NAME}\n:::", source_line=f"Nguồn: {OUTLET}",
                                 data=pd.DataFrame({"a": [1]}), caption="<i>c</i>")
    phone, figure = block.split("\n\n", 1)  # the phone's image (HTML only), then the figure
    assert phone.count("\n") == 5  # only, image, alt, class, the two fences: the alt text did not add a line
    head, body = figure.split("\n\n", 1)
    assert head.count("\n") == 4  # figure, alt, name, width, figclass: the alt text did not add a line
    assert not _raw_tag(body), body


# --- the site check sees injected scripts (in Chromium) -------------------------------------------

@pytest.mark.slow
def test_site_check_fails_on_injected_script_and_handler(tmp_path):
    from districtbook.checks.sitecheck import check_site

    theme = ("<script>let toggleHintShow = 'Nhấp để hiển thị';</script>"
             '<button onclick="window.print()">print</button>')
    (tmp_path / "clean.html").write_text(f"<!doctype html><html lang=vi><body>{theme}<h1>ok</h1></body></html>")
    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang=vi><body><h1>x</h1><p>Nguồn <script>alert(document.domain)</script>"
        "<img src=x onerror=alert(document.domain) alt=a></p></body></html>")
    report_ = check_site(tmp_path, pages=["bad.html", "clean.html"])
    bad = [p for p in report_.problems if p.startswith("bad.html")]
    assert any("script not from the theme: alert(document.domain)" in p for p in bad), bad
    assert any('inline event handler not from the theme: <img onerror="alert(document.domain)">' in p for p in bad)
    assert any("script ran: alert(" in p for p in bad)
    clean = [p for p in report_.problems if p.startswith("clean.html") and ("script" in p or "handler" in p)]
    assert clean == [], clean



@pytest.mark.slow
def test_a_page_that_never_falls_quiet_is_a_finding_not_a_crash(tmp_path, monkeypatch):
    """A page whose network never settles (here: it polls the server every 100 ms) is opened twice, then
    reported; the pages beside it are still checked."""
    from districtbook.checks import sitecheck

    monkeypatch.setattr(sitecheck, "LOAD_TIMEOUT_MS", 2000)
    (tmp_path / "busy.html").write_text("<!doctype html><html lang=vi><body><h1>x</h1><script>"
                                        "setInterval(() => fetch('poll.txt?' + Math.random()), 100);</script></body></html>")
    (tmp_path / "poll.txt").write_text("x")
    (tmp_path / "quiet.html").write_text("<!doctype html><html lang=vi><body><h1>ok</h1></body></html>")
    report_ = sitecheck.check_site(tmp_path, pages=["busy.html", "quiet.html"])
    assert "busy.html: the page did not finish loading within 2 s, 2 times" in report_.problems, report_.problems
    assert "quiet.html: no link to the other edition" in report_.problems  # checked as usual


# --- one build at a time -------------------------------------------------------------------------

def test_second_build_stops_with_a_message_naming_the_holder(tmp_path):
    with lock.build_lock(tmp_path, wait=0):
        t0 = time.monotonic()
        with pytest.raises(BuildError, match=rf"another build \(pid {os.getpid()}\) is running"):
            with lock.build_lock(tmp_path, wait=0.5):
                pass
        assert 0.4 < time.monotonic() - t0 < 3
    with lock.build_lock(tmp_path, wait=0):  # released: free again
        pass


def test_lock_of_a_dead_build_is_taken_over(tmp_path, caplog):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / ".lock").write_text(dead.stdout)
    with caplog.at_level(logging.INFO, logger="districtbook"), lock.build_lock(tmp_path, wait=0):
        assert (tmp_path / ".lock").read_text().strip() == str(os.getpid())
    assert f"taking over the build lock of pid {dead.stdout.strip()}" in caplog.text


def test_stale_staging_and_half_swapped_site_are_recovered(tmp_path):
    build_dir = tmp_path / "_build"
    (build_dir / ".staging" / "vi").mkdir(parents=True)
    (build_dir / "html.old").mkdir()
    (build_dir / "html.old" / "index.html").write_text("previous")
    (build_dir / "cache" / "x.tmp").mkdir(parents=True)
    publish.recover(build_dir, tmp_path)
    assert not (build_dir / ".staging").exists() and not (build_dir / "cache" / "x.tmp").exists()
    assert (build_dir / "html" / "index.html").read_text() == "previous"


def test_publishing_checks_the_new_tree_first(tmp_path):
    site = tmp_path / "new"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("x")
    with pytest.raises(BuildError, match="the new HTML lacks en/index.html, book/chapters/a.html"):
        publish.check_site(site, ["en"], ["book/chapters/a.html"])
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.5 truncated")
    with pytest.raises(BuildError, match="bad.pdf is incomplete"):
        publish.check_pdf(tmp_path / "bad.pdf")


def _generation(root: Path, tag: str) -> list[tuple[Path, Path]]:
    """The trees a build publishes, with ``tag`` in every file: in ``root/new`` (new) for their destinations."""
    new = root / "_build" / ".staging" / "publish"
    pairs = [(new / "vi-chapters", root / "book" / "chapters"), (new / "en-chapters", root / "book" / "en" / "chapters"),
             (new / "_toc.yml", root / "_toc.yml"), (new / "html", root / "_build" / "html"),
             (new / "pdf", root / "_build" / "pdf")]
    for src, _ in pairs:
        if src.suffix:
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_text(tag)
        else:
            src.mkdir(parents=True)
            (src / "x").write_text(tag)
    return pairs


def _shown(root: Path) -> set[str]:
    """The tags of what is published: one tag when the book is one generation."""
    files = [root / "book/chapters/x", root / "book/en/chapters/x", root / "_toc.yml", root / "_build/html/x",
             root / "_build/pdf/x"]
    return {f.read_text() if f.exists() else "missing" for f in files}


def _old_generation(root: Path) -> None:
    for d in ("book/chapters", "book/en/chapters", "_build/html", "_build/pdf"):
        (root / d).mkdir(parents=True)
        (root / d / "x").write_text("old")
    (root / "_toc.yml").write_text("old")


STEPS = ("journal", "chapters", "chapters", "_toc.yml", "html", "pdf", "done")


def _publish_with_hook(root: Path, at: int, action):
    """An old generation published, a new one staged, and an ``on_step`` hook doing ``action`` at step ``at``."""
    _old_generation(root)
    pairs = _generation(root, "new")
    seen: list[str] = []

    def hook(step: str) -> None:
        seen.append(step)
        if len(seen) == at + 1:
            action()

    return pairs, seen, hook


@pytest.mark.parametrize("at", range(len(STEPS)))
def test_a_signal_at_any_step_of_publish_still_publishes_one_whole_generation(tmp_path, at):
    """Issue 19: SIGINT between the HTML and the PDF swap published a mixed book that said it was unchanged.
    The renames run with SIGINT/SIGTERM held back: a signal at any step is raised once the generation is whole,
    and the message says the new book was published."""
    pairs, seen, hook = _publish_with_hook(tmp_path, at, lambda: os.kill(os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt), procs.children_die_with_us():
        publish.commit(tmp_path / "_build", pairs, on_step=hook)
    assert seen == list(STEPS)  # every step ran: the signal waited for the last
    assert _shown(tmp_path) == {"new"} and seen[-1] == "done"  # the caller is told the book is published
    assert not (tmp_path / "_build" / publish.JOURNAL).exists()


class _Killed(BaseException):
    """The process dies at this point (SIGKILL, a power cut): nothing after it runs."""


@pytest.mark.parametrize("at", range(len(STEPS) - 1))
def test_a_publish_killed_at_any_step_is_rolled_forward_by_the_next_build(tmp_path, caplog, at):
    def die() -> None:
        raise _Killed()

    pairs, _, hook = _publish_with_hook(tmp_path, at, die)

    with pytest.raises(_Killed):
        publish.commit(tmp_path / "_build", pairs, on_step=hook)
    assert len(_shown(tmp_path)) == (1 if at in (0, len(STEPS) - 2) else 2)  # mixed until the next start
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        publish.recover(tmp_path / "_build", tmp_path)
    assert _shown(tmp_path) == {"new"}
    assert "an interrupted build had begun to publish: rolled forward, its publish completed (book/chapters, " \
           "book/en/chapters, _toc.yml, _build/html, _build/pdf are all from that build)" in caplog.text
    assert not (tmp_path / "_build" / publish.JOURNAL).exists() and not (tmp_path / "_build" / ".staging").exists()
    assert not (tmp_path / "_build" / publish.BACKUPS).exists()


def test_a_build_stopped_before_its_journal_is_rolled_back(tmp_path, caplog):
    _old_generation(tmp_path)
    _generation(tmp_path, "new")  # staged, never committed
    (tmp_path / "_build" / (publish.JOURNAL + ".tmp")).write_text("[{")  # a journal being written
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        publish.recover(tmp_path / "_build", tmp_path)
    assert _shown(tmp_path) == {"old"}
    assert "a build stopped before it published: rolled back (the book published before it is unchanged" in caplog.text


def test_a_pdf_step_may_remove_a_pdf_of_other_pages(tmp_path):
    _old_generation(tmp_path)
    pairs = _generation(tmp_path, "new")[:-1] + [(None, tmp_path / "_build" / "pdf")]
    publish.commit(tmp_path / "_build", pairs)
    assert _shown(tmp_path) == {"new", "missing"} and not (tmp_path / "_build" / "pdf").exists()


# --- children die with the build -----------------------------------------------------------------

_SPAWNER = """
import sys, time
from districtbook.base import procs
with procs.children_die_with_us():
    p = procs.spawn(["sh", "-c", "sleep 300 & sleep 300 & wait"])
    print(p.pid, flush=True)
    time.sleep(300)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_to_the_parent_stops_the_whole_tree_of_its_children(sig):
    proc = subprocess.Popen([sys.executable, "-c", _SPAWNER], stdout=subprocess.PIPE, text=True)
    child = int(proc.stdout.readline())
    deadline = time.monotonic() + 10
    while len(procs.descendants(child)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    tree = [child, *procs.descendants(child)]
    assert len(tree) >= 3
    os.kill(proc.pid, sig)
    proc.wait(timeout=20)
    time.sleep(0.2)
    assert [p for p in tree if procs.alive(p)] == []


# --- caches verify themselves --------------------------------------------------------------------

def _entry(tmp_path, monkeypatch):
    monkeypatch.setenv("DISTRICTBOOK_ROOT", str(tmp_path))
    nb = tmp_path / "ch.ipynb"
    nb.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}) + " " * 300)
    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 1000 + b"IEND")
    cache.store("book/chapters/ch.ipynb", "k1", nb, [png])
    return cache._folder("book/chapters/ch.ipynb")


@pytest.mark.parametrize("damaged", ["assets/chart.png", "chapter.ipynb"])
def test_a_truncated_cached_file_drops_the_entry_with_a_warning(tmp_path, monkeypatch, caplog, damaged):
    folder = _entry(tmp_path, monkeypatch)
    assert cache.lookup("book/chapters/ch.ipynb", "k1") is not None
    with open(folder / damaged, "r+b") as f:
        f.truncate(200)
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        assert cache.lookup("book/chapters/ch.ipynb", "k1") is None
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [f"book/chapters/ch.ipynb: cache entry damaged ({damaged} does not match its recorded hash): "
                     "dropped, the chapter is executed again"]
    assert not folder.exists()


def test_a_failing_tool_reports_its_first_error_line():
    from districtbook.building.compile import first_error

    out = ("Running Sphinx v7.4.7\nloading pickled environment... done\n"
           "nbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{\"cells\": [{\"ce...'\n"
           + "\n".join(f"noise {i}" for i in range(40)))
    assert first_error(out).startswith("nbformat.reader.NotJSONError: Notebook does not appear to be JSON")


def test_cell_number_does_not_count_the_injected_parameters_cell(tmp_path):
    import nbformat

    from districtbook.building.execute import template_cell_number

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# t"), nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("x = 2", metadata={"tags": ["injected-parameters"]}),
                nbformat.v4.new_code_cell("raise ValueError", outputs=[nbformat.v4.new_output(
                    "error", ename="ValueError", evalue="", traceback=[])]),
                nbformat.v4.new_code_cell("after")]
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("An Exception was encountered"))  # as papermill does
    nbformat.write(nb, tmp_path / "out.ipynb")
    assert template_cell_number(tmp_path / "out.ipynb", 3) == 2  # papermill's count: 3


# --- unique slugs --------------------------------------------------------------------------------

def _manifest(tmp_path: Path, seeds: Path) -> Path:
    m = tmp_path / "manifest.yml"
    m.write_text("parts:\n  - caption: x\n    entries:\n      - template: profile.ipynb\n        for_each: district\n"
                 f"        output: chapters/profile-{{slug}}.ipynb\n        parameters: {{seeds: '{seeds}'}}\n",
                 encoding="utf-8")
    return m


def test_colliding_district_slugs_stop_naming_both(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu 100 tỷ đồng; quận Tây Hồ đạt.\n")
    (seeds / "b.txt").write_text("Quận Tay Ho\nNăm 2023, quận Tay Ho thu 200 tỷ đồng; quận Tay Ho đạt.\n")
    with pytest.raises(ManifestError, match="districts 'Tay Ho' and 'Tây Hồ' would both be written to "
                                            "chapters/profile-tay-ho.ipynb"):
        manifest.expand(manifest.load(_manifest(tmp_path, seeds)))


def test_non_latin_district_names_get_stable_distinct_slugs(tmp_path):
    from districtbook.extraction.places import slugify

    names = ["Тверской", "Арбат", "東城区", "西城区", "Quận 東", "Quận 西"]
    slugs = [slugify(n) for n in names]
    assert len(set(slugs)) == len(names) and all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)
    assert slugs == [slugify(n) for n in names]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Quận Тверской\nquận Тверской thu 1 tỷ đồng, quận Тверской.\n")
    (seeds / "b.txt").write_text("Quận Арбат\nquận Арбат thu 2 tỷ đồng, quận Арбат.\n")
    outputs = [c.output for c in manifest.chapters(manifest.expand(manifest.load(_manifest(tmp_path, seeds))))]
    assert len(outputs) == 2 and len(set(outputs)) == 2


# --- bounded input -------------------------------------------------------------------------------

BOMB = "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
               for p, c in zip(["", *"abcdefgh"], "abcdefghi"))


def test_yaml_alias_bomb_fails_within_a_second(tmp_path):
    bomb = tmp_path / "bomb.yml"
    bomb.write_text(BOMB)
    assert len(BOMB.encode()) < 400
    t0 = time.monotonic()
    with pytest.raises(ParameterError) as err:
        parameters.read_yaml(bomb)
    assert time.monotonic() - t0 < 1
    assert "aliases" in str(err.value) and len(str(err.value)) < 200
    t0 = time.monotonic()
    proc = cli("run", "sources", "-f", str(bomb))
    assert proc.returncode == 2 and "aliases" in proc.stderr and len(proc.stderr) < 300
    assert time.monotonic() - t0 < 5  # the interpreter's start-up included


def test_yaml_expansion_below_the_alias_bound_is_still_bounded(tmp_path):
    f = tmp_path / "p.yml"
    f.write_text("".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['1'] * 9)}]\n"
                         for p, c in zip(["", *"abcde"], "abcdef")))  # 45 aliases, 9**6 items
    with pytest.raises(ParameterError, match="more than 10,000 items once its aliases are expanded"):
        parameters.read_yaml(f)


def test_yaml_size_errors_name_line_and_column_and_never_echo_huge_values(tmp_path):
    big = tmp_path / "big.yml"
    big.write_text("lang: " + "x" * 70_000)
    with pytest.raises(ParameterError, match="larger than 65,536 bytes"):
        parameters.read_yaml(big)
    bad = tmp_path / "bad.yml"
    bad.write_text("seeds: seeds\nlang: [vi,\n  x: y\n")
    with pytest.raises(ParameterError, match=r"line 4, column 1: expected ',' or ']'"):
        parameters.read_yaml(bad)
    with pytest.raises(ParameterError) as err:
        parameters.resolve("sources", typed={"lang": ["x" * 10_000] * 1000})
    assert len(str(err.value)) < 300


# --- articles: size, encodings, duplicates, skipped files ------------------------------------------

TEXT = "Quận Tây Hồ thu 2.511 tỷ đồng."
ENCODING_ERRORS = {
    "utf-8 BOM + bad byte": b"\xef\xbb\xbf" + TEXT.encode() + b"\xff",
    "utf-16 BOM + lone surrogate": b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00\xd8",
    "utf-16 no BOM + lone surrogate": TEXT.encode("utf-16-le") + b"\x00\xd8",
    "utf-32 BOM + bad code point": b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le") + b"\x00\x00\x11\x00",
    "utf-32 no BOM + bad code point": TEXT.encode("utf-32-le") + b"\x00\x00\x11\x00",
    "utf-32-be BOM + bad code point": b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be") + b"\x00\x11\x00\x00",
    "latin-1": "Ça coûte 5 € — très cher ©®".encode("cp1252"),
}


@pytest.mark.parametrize("kind", sorted(ENCODING_ERRORS))
def test_every_encoding_error_is_one_clear_message_with_file_and_offset(tmp_path, kind):
    p = tmp_path / "x.txt"
    p.write_bytes(ENCODING_ERRORS[kind])
    with pytest.raises(ArticleError, match=r"^x\.txt: is not .+ \(invalid byte at offset \d+\); save it as UTF-8$"):
        articles.read_article(p)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-8-sig"])
def test_utf32_and_bom_articles_read_as_text(codec):
    assert articles.parse_article("a.txt", (TEXT + "\n").encode(codec)).text == TEXT  # white space at the ends left out


def test_an_article_over_the_size_limit_is_refused(tmp_path):
    from districtbook.extraction import sources

    p = tmp_path / "big.txt"
    p.write_text("Quận Tây Hồ. " * 200)
    with pytest.raises(ArticleError, match=r"big.txt: is 3,600 bytes, more than the 1,000 an article may have"):
        articles.read_article(p, max_bytes=1000)
    with open(tmp_path / "huge.txt", "wb") as f:  # sparse: no 4 MB written
        f.truncate(articles.BOOK_MAX_ARTICLE_BYTES + 1)
    t0 = time.monotonic()
    with pytest.raises(ArticleError, match=r"huge.txt: is 4,194,305 bytes, more than the 4,194,304 an article may have"):
        sources.sources(tmp_path)  # what the book's chapters read
    assert time.monotonic() - t0 < 1
    assert articles.MAX_ARTICLE_BYTES == 64 * 1024 * 1024  # extraction reads a 50 MB article whole


def test_duplicates_and_non_txt_files_are_reported_and_counted_once(tmp_path, caplog):
    from districtbook.extraction.extract import extract

    body = "Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu ngân sách 2.511 tỷ đồng.\n"
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "b.txt").write_text(body.replace("\n", "\r\n") + "  ")  # the same text, other white space
    (tmp_path / "ARTICLE.TXT").write_text(body)
    (tmp_path / "README.md").write_text("about the seeds")
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        names = [a.name for a in articles.iter_articles([tmp_path])]
        figs = list(extract([tmp_path]))
    assert names == ["a.txt"]
    assert len({f.doc for f in figs}) == 1
    assert "b.txt: same text as a.txt: skipped (its figures would count twice)" in caplog.text
    assert "/ARTICLE.TXT: not read: only .txt files are articles" in caplog.text
    assert "README.md" not in caplog.text


def test_extract_output_is_all_or_nothing(tmp_path):
    good = tmp_path / "in"
    good.mkdir()
    (good / "a.txt").write_text("Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu ngân sách 2.511 tỷ đồng.\n")
    (good / "z.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "figures.csv"
    proc = cli("extract", str(good), "-o", str(out))
    assert proc.returncode == 2 and "z.txt: is binary" in proc.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [good]
    out.write_text("previous\n")
    assert cli("extract", str(good), "-o", str(out)).returncode == 2
    assert out.read_text() == "previous\n"


# --- only plain files in seeds/ (issue 19) --------------------------------------------------------

def _hostile_seeds(folder: Path) -> dict[str, str]:
    """A seeds folder with one article and every kind of file that is not one; returns name -> reason."""
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu ngân sách 2.511 tỷ đồng.\n")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # even a link to an article of the folder
    os.mkfifo(folder / "fifo.txt")
    (folder / ".hidden.txt").write_text("Quận Tây Hồ thu ngân sách 999 tỷ đồng.\n")
    (folder / "evil\nforged.txt: read.txt").write_text("x")
    return {"passwd.txt": "symlink", "zero.txt": "symlink", "inside.txt": "symlink", "fifo.txt": "special",
            ".hidden.txt": "hidden", "evil\\nforged.txt: read.txt": "control_name"}


def test_only_plain_files_in_a_seeds_folder_are_read_each_refusal_one_line(tmp_path, caplog):
    """A symbolic link (to /etc/passwd, /dev/zero), a FIFO, a hidden file, a name with a newline: none is
    opened; each is one warning line naming the file (escaped) and the reason; the article is read."""
    refused = _hostile_seeds(tmp_path / "s")
    t0 = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        skipped: list[articles.NotRead] = []
        names = [a.name for a in articles.iter_articles([tmp_path / "s"], skipped=skipped)]
    assert time.monotonic() - t0 < 5  # the FIFO never blocks
    assert names == ["a.txt"]
    assert {nr.name: nr.reason for nr in skipped} == refused
    lines = caplog.text.splitlines()
    assert len(lines) == len(refused)
    assert not [ln for ln in lines if ln.startswith("forged")]  # the newline forged no line
    assert any("s/evil\\nforged.txt: read.txt: not read: its name holds control characters" in ln for ln in lines)
    assert any("s/fifo.txt: not read: is a FIFO, not a plain file" in ln for ln in lines)
    assert any("s/passwd.txt: not read: is a symbolic link" in ln for ln in lines)
    assert "root:" not in caplog.text


def test_reading_an_article_never_trusts_stat_nor_follows_a_link(tmp_path):
    """The open descriptor is checked (a device or FIFO is refused however it was reached) and the bytes are
    counted as read: /proc files say 0 bytes in stat; a link is refused unless named on the command line."""
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(ArticleError, match="zero.txt: is a symbolic link"):
        articles.read_bytes(tmp_path / "zero.txt")
    with pytest.raises(ArticleError, match="zero.txt: is a character device, not a plain file"):
        articles.read_bytes(tmp_path / "zero.txt", follow=True)
    os.mkfifo(tmp_path / "fifo.txt")
    with pytest.raises(ArticleError, match="fifo.txt: is a FIFO, not a plain file"):
        articles.read_article(tmp_path / "fifo.txt", follow=True)
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(ArticleError, match="maps: is more than the 100 an article may have"):
        articles.read_bytes("/proc/self/maps", max_bytes=100, follow=True)
    (tmp_path / "ok.txt").write_bytes(b"x" * 100)
    assert articles.read_bytes(tmp_path / "ok.txt", max_bytes=100) == b"x" * 100


def test_planning_refuses_an_oversized_article_before_reading_it(tmp_path, monkeypatch):
    """The book's size limit applies where a build first reads seeds/ (its plan), not after every article
    was read and extracted: a sparse 5 MB file is refused at once, its bytes never read."""
    from districtbook.building import deps

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu ngân sách 2.511 tỷ đồng.\n")
    with open(seeds / "huge.txt", "wb") as f:
        f.truncate(5 * 1024 * 1024)
    reads = []
    real_read = os.read

    def counted(fd: int, n: int) -> bytes:
        reads.append(len(got := real_read(fd, n)))
        return got

    monkeypatch.setattr(articles.os, "read", counted)
    t0 = time.monotonic()
    with pytest.raises(ArticleError, match=r"huge.txt: is 5,242,880 bytes, more than the 4,194,304"):
        deps.article_index(seeds)
    with pytest.raises(ArticleError, match=r"huge.txt: is 5,242,880 bytes"):
        parameters.known_districts(seeds)
    assert time.monotonic() - t0 < 2 and sum(reads) < 10_000


def test_the_sources_chapter_lists_every_file_not_read_with_its_reason(tmp_path):
    from districtbook.chapters import sources

    refused = _hostile_seeds(tmp_path / "s")
    (tmp_path / "s" / "b.txt").write_text((tmp_path / "s" / "a.txt").read_text() + "\n")
    for lang in ("vi", "en"):
        shown = str(sources.not_read(tmp_path / "s", lang))
        for name in refused:
            assert report.escape(name) in shown, (lang, name)
        assert "b.txt" in shown and "root:" not in shown
        assert "\n- evil\\\\nforged.txt: read.txt:" in shown  # escaped, one list item
    assert "symbolic link" in str(sources.not_read(tmp_path / "s", "en"))
    assert sources.not_read(Path(__file__).parent / "fixtures" / "seeds") is None


# --- published CSVs are safe to open in a spreadsheet (issue 19) ------------------------------------

FORMULA_OUTLET = "=2+3+cmd|' /C calc'!A0"


def test_published_csv_text_cells_cannot_become_formulas_and_numbers_stay_numbers(tmp_path, monkeypatch):
    """An outlet ``=2+3+cmd|' /C calc'!A0`` reached the published CSVs as is: a formula in a spreadsheet."""
    import csv

    from districtbook.analysis import dataset
    from districtbook.rendering import ledger

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path / "assets"))
    df = pd.DataFrame({"outlet": [FORMULA_OUTLET, "@SUM(1+1)", "+x", "-x", "\tx", "\rx", "Hà Nội Mới"],
                       "value": [-2.6, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                       "shown": ["-2.6", "+5", "-1+2", "1", "=1", "2", "x"]})
    out = report.save_data(df, "t")
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["outlet"] for r in rows] == ["'" + FORMULA_OUTLET, "'@SUM(1+1)", "'+x", "'-x", "'\tx", "'\rx", "Hà Nội Mới"]
    assert [r["value"] for r in rows][:1] == ["-2.6"]  # a numeric column untouched
    assert [r["shown"] for r in rows] == ["-2.6", "+5", "'-1+2", "1", "'=1", "2", "x"]  # text that is a number stays
    # the figure table the book publishes (figures.csv): outlet and quote neutralised, value a number
    fig = pd.DataFrame([_figure_row(outlet=FORMULA_OUTLET, quote="-2,6% so với cùng kỳ", value=-2.6, doc="=evil.txt",
                                    level="district", per_year=False, base="")])
    ledger.write_datapackage(fig, pd.DataFrame(columns=["doc", "title", "outlet", "url", "date"]), tmp_path / "dp")
    row = next(csv.DictReader((tmp_path / "dp" / "figures.csv").open(encoding="utf-8", newline="")))
    assert row["outlet"] == "'" + FORMULA_OUTLET and row["doc"] == "'=evil.txt"
    assert row["quote"] == "'-2,6% so với cùng kỳ" and row["value"] == "-2.6"


def test_deeply_nested_yaml_is_one_message_with_line_and_column(tmp_path):
    """30,000 nested brackets in ``run -f params.yml`` were a RecursionError and a traceback of 3,000 lines."""
    deep = tmp_path / "deep.yml"
    deep.write_text("lang: vi\nseeds:\n  x: " + "[" * 30_000 + "]" * 30_000 + "\n")
    with pytest.raises(ParameterError, match=r"-f deep.yml.*not valid YAML: line 3, column \d+: lists or mappings "
                                             r"nested more than 50 deep") as caught:
        parameters.read_yaml(deep)
    # it stops at the 51st bracket, not after reading all 30,000 (what a wall-clock bound tested, flakily, under load)
    assert int(re.search(r"column (\d+)", str(caught.value))[1]) < 60
    block = tmp_path / "block.yml"
    block.write_text("lang: vi\nseeds:\n" + "".join("  " * i + "- \n" for i in range(1, 200)))
    with pytest.raises(ParameterError, match=r"line \d+, column \d+: lists or mappings nested more than 50 deep"):
        parameters.read_yaml(block)
    proc = cli("run", "sources", "-f", str(deep))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and len(proc.stderr.splitlines()) == 1, proc.stderr
    ok = tmp_path / "ok.yml"
    ok.write_text("lang: en\nx: " + "[" * 49 + "]" * 49 + "\n")
    assert parameters.read_yaml(ok)["lang"] == "en"


# --- extract -o and signals (issue 19) -------------------------------------------------------------

@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_a_signal_to_extract_leaves_no_temporary_file_and_speaks_of_the_figure_table(tmp_path, sig, code):
    """``extract -o`` stopped by SIGTERM left ``.out.csv.PID.tmp`` (partial) behind, and SIGINT said "the
    previous book is unchanged".  The table is written to an anonymous file (O_TMPFILE) named only at the end."""
    from .conftest import SEEDS

    src = tmp_path / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(150):
        (src / f"{i:03d}.txt").write_text(texts[i % len(texts)] + f"\nBản sao {i}.\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "figures.csv").write_text("previous\n")
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "districtbook", "extract", str(src), "-o", str(out_dir / "figures.csv")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    writing = False
    while not writing and time.monotonic() < deadline and proc.poll() is None:  # the table is being written
        with contextlib.suppress(OSError):
            writing = any(os.readlink(f"/proc/{proc.pid}/fd/{fd}").startswith(str(out_dir))
                          for fd in os.listdir(f"/proc/{proc.pid}/fd"))
        time.sleep(0.01)
    assert writing, "extract finished before it could be signalled"
    os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["figures.csv"]  # nothing partial, hidden or named
    assert (out_dir / "figures.csv").read_text() == "previous\n"
    if sig != signal.SIGKILL:
        assert f"interrupted; the figure table {out_dir / 'figures.csv'} was not written (the previous file is " \
               "unchanged)" in err and "book" not in err.replace("districtbook", ""), err


def test_each_warning_about_the_articles_is_printed_once(tmp_path, caplog, monkeypatch):
    """A duplicate article's warning was printed eight times per build: by the plan and by every chapter that
    reads the articles.  The build's plan says it once (its validation reads the folder quietly); a chapter run
    by hand says it once, from its figure table, however often it reads the folder; chapters executed by a build
    (which said it) say nothing.  No process-wide memory does this: one reading of each speaks."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = "Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu ngân sách 2.511 tỷ đồng.\n"
    (seeds / "a.txt").write_text(body)
    (seeds / "b.txt").write_text(body)
    (seeds / "empty.txt").write_text("")
    (seeds / "notes.docx").write_text("x")
    from districtbook.analysis import dataset
    from districtbook.building import deps
    from districtbook.chapters import intro
    from districtbook.chapters import sources as sources_chapter
    from districtbook.extraction import sources

    expected = sorted(["seeds/notes.docx: not read: only .txt files are articles",
                       "b.txt: same text as a.txt: skipped (its figures would count twice)",
                       "empty.txt: the article is empty; it yields no figures"])
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        deps.article_index(seeds)  # the build's plan
        parameters.known_districts(seeds)  # its validation of the chapters' parameters
    assert sorted(r.getMessage() for r in caplog.records) == expected
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="districtbook"):  # a chapter run by hand (papermill)
        parameters.known_districts(seeds)
        dataset.load(seeds)
        dataset.article_texts(seeds)
        sources.sources(seeds)
        intro.coverage(seeds)
        sources_chapter.not_read(seeds)
    said = [r.getMessage() for r in caplog.records]
    assert sorted(m.replace("seeds/notes.docx", "notes.docx") for m in said) == sorted(
        m.replace("seeds/notes.docx", "notes.docx") for m in expected), said
    caplog.clear()
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(body)
    (other / "c.txt").write_text(body)
    monkeypatch.setenv("DISTRICTBOOK_SEEDS_REPORTED", "1")  # a chapter executed by a build
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        assert [a.name for a in articles.iter_articles([other])] == ["a.txt"]
    assert caplog.records == []


# --- make test beside a running build (issue 19) ---------------------------------------------------

def test_readers_of_the_book_wait_for_a_build_and_a_build_waits_for_them(tmp_path, caplog):
    """`make test` started while `make book` ran read a half-published book (26 failures telling the user to
    run `make book`): readers hold the build lock shared, wait for a build and say what they wait for."""
    said: list[str] = []
    with lock.build_lock(tmp_path, wait=0):
        with pytest.raises(BuildError, match=r"the build \(pid \d+\) .* did not finish within 1 s; nbval reads"):
            with lock.reading_lock(tmp_path, "nbval", wait=1, poll=0.05, say=said.append):
                pass
    assert said == [f"waiting for the build that is running (pid {os.getpid()}) to finish: nbval reads the "
                    "published book (book/, _build/)"]
    with lock.reading_lock(tmp_path, "a", wait=0), lock.reading_lock(tmp_path, "b", wait=0):  # readers share it
        with caplog.at_level(logging.INFO, logger="districtbook"), \
                pytest.raises(BuildError, match="tests are reading the published book"):
            with lock.build_lock(tmp_path, wait=0.3, poll=0.05):
                pass
    assert "waiting: tests are reading the published book (make test)" in caplog.text
    with lock.build_lock(tmp_path, wait=0):  # released
        pass


def test_make_test_waits_for_the_build_that_is_running(tmp_path):
    """The test session's hook (conftest.py): the first test that reads the project's book waits for the build
    lock, with one message, and runs once the build is done."""
    build_dir = tmp_path / "_build"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "XDIST_"))}  # not as an xdist worker
    env["DISTRICTBOOK_ROOT"] = str(tmp_path)
    root = Path(__file__).resolve().parent.parent
    with lock.build_lock(build_dir, wait=0):
        proc = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                 "tests/test_live_seeds.py::test_every_district_in_the_articles_has_a_published_profile_and_no_other"],
                                cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(8)
        assert proc.poll() is None  # waiting
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    said = out + err
    assert said.count("waiting for the build that is running") == 1, said
    assert f"(pid {os.getpid()}) to finish: make test" in said


def test_a_link_named_on_the_command_line_is_followed_but_never_to_a_device(tmp_path):
    (tmp_path / "a.txt").write_text("Quận Tây Hồ\nNăm 2023, quận Tây Hồ thu ngân sách 2.511 tỷ đồng.\n")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert [a.name for a in articles.iter_articles([tmp_path / "link.txt"])] == ["link.txt"]
    with pytest.raises(ArticleError, match="zero.txt: is a character device, not a plain file"):
        list(articles.iter_articles([tmp_path / "zero.txt"]))
