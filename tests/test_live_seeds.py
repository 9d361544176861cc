"""What must hold for ANY seeds/ folder, tested on the live one without a single seed-specific number.

The maintainer adds articles to seeds/, runs `make book`, reviews `git diff book/`, commits, runs
`make test`: these tests pass for whatever articles are there.  A failure here means the published
book is older than seeds/ (run `make book` and commit book/) or that an article broke an invariant.
"""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from districtbook.reading.articles import read_article
from districtbook.analysis.dataset import short_doc
from districtbook.extraction.extract import figures
from districtbook.building.manifest import load
from districtbook.building.parameters import known_districts
from districtbook.extraction.places import slugify

from .conftest import ROOT, cli, copy_project

LIVE = ROOT / "seeds"
STALE = "the published book is older than seeds/: run `make book` and commit book/"


def _editions() -> list[str]:
    return [e.pages for e in load(ROOT / "book" / "manifest.yml").editions]


def test_every_figure_quote_is_the_text_at_its_offsets_in_its_article():
    articles = sorted(LIVE.glob("*.txt"))
    assert articles, "seeds/ holds no article"
    for path in articles:
        art = read_article(path)
        assert art.text == unicodedata.normalize("NFC", art.text)
        for f in figures(art, include_incidental=True):
            assert art.text[f.start:f.end] == f.quote, (path.name, f)


def test_every_district_in_the_articles_has_a_published_profile_and_no_other():
    districts = known_districts(LIVE)
    assert districts, "no article names a district"
    for pages in _editions():
        published = {p.name for p in (ROOT / pages / "chapters").glob("profile-*.ipynb")}
        assert published == {f"profile-{slugify(d)}.ipynb" for d in districts}, f"{pages}: {STALE}"


def _outputs(nb) -> str:
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    return "".join("".join(o.get("data", {}).get("text/plain", "")) for c in cells for o in c.get("outputs", []))


def test_the_published_sources_chapter_lists_every_article():
    for pages in _editions():
        text = _outputs(ROOT / pages / "chapters" / "sources.ipynb")
        missing = [p.name for p in LIVE.glob("*.txt") if short_doc(p.name).replace("_", "\\_") not in text]
        assert not missing, f"{pages}/chapters/sources.ipynb does not list {missing}: {STALE}"


def test_every_published_chart_has_alt_text_and_its_image():
    for pages in _editions():
        charts = 0
        for nb in sorted((ROOT / pages / "chapters").glob("*.ipynb")):
            text = _outputs(nb)
            blocks = re.findall(r":::\{figure\} (\S+)\n(.*?)\n\n", text, re.S)
            assert len(blocks) == text.count(":::{figure}"), nb.name
            for image, options in blocks:
                alt = re.search(r"^:alt: (.+)$", options, re.M)
                assert alt and len(alt[1].strip()) > 20, (nb.name, image)
                assert (nb.parent / image).is_file(), (nb.name, image)
            charts += len(blocks)
        assert charts, pages  # a place with a single figure has no chart, the book as a whole has some


def test_no_published_chapter_prints_a_warning_or_an_error():
    # a library's warning ("UserWarning: Tight layout not applied", with the machine's path) is no part of a book
    for pages in _editions():
        for nb in sorted((ROOT / pages / "chapters").glob("*.ipynb")):
            for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
                for out in cell.get("outputs", []):
                    assert out.get("name") != "stderr" and out.get("output_type") != "error", (
                        nb.name, "".join(out.get("text", ""))[:300] or out.get("ename"))


@pytest.mark.slow
def test_the_book_builds_from_the_live_articles(tmp_path):
    """The live seeds/ through the whole pipeline (HTML; the cache of a `make book` is reused when present)."""
    root = copy_project(tmp_path / "project", seeds=None, build=ROOT)
    proc = cli("build", root=root)
    assert proc.returncode == 0, proc.stderr
    site = root / "_build" / "html"
    for d in known_districts(LIVE):
        page = site / "book" / "chapters" / f"profile-{slugify(d)}.html"
        assert page.is_file(), page
        for img in re.findall(r"<img [^>]*>", page.read_text(encoding="utf-8")):
            assert re.search(r'alt="[^"]{20,}"', img), (page.name, img)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_introduction_says_which_places_the_articles_cover_from_the_data(lang):
    from districtbook.chapters.intro import coverage

    said = coverage(LIVE, lang)
    assert all(d in said for d in known_districts(LIVE)), said
    page = ROOT / ("book/intro.md" if lang == "vi" else "book/en/intro.md")
    assert "{glue:text}`chapters/budget.ipynb::coverage:s`" in page.read_text(encoding="utf-8")
    assert "Hà Nội" not in load(ROOT / "book" / "manifest.yml").editions[0].title  # the title is not typed for one city
