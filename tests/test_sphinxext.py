"""The site's edition bar: on every page, the search page included (the browser check over a built book is
in test_reader.py; this is the fast check of what the extension hands the templates)."""
from __future__ import annotations

from types import SimpleNamespace

from districtbook.building import sphinxext

CFG = {"site_prefix": "", "others": [{"lang": "en", "root": "en/", "label": "English edition"}],
       "pdf": "districtbook.pdf", "pdf_label": "Tải bản PDF", "nav_label": "Các ấn bản"}


def _app(tmp_path, cfg=CFG):
    (tmp_path / "book").mkdir(exist_ok=True)
    return SimpleNamespace(config=SimpleNamespace(districtbook_editions=cfg), srcdir=str(tmp_path / "book"))


def test_a_page_with_a_body_opens_with_the_bar(tmp_path):
    (tmp_path / "en" / "book").mkdir(parents=True)
    (tmp_path / "en" / "book" / "intro.md").write_text("# x\n", encoding="utf-8")
    context = {"body": "<h1>x</h1>"}
    sphinxext._edition_bar(_app(tmp_path), "book/intro", "page.html", context, None)
    assert context["body"].startswith('<nav class="edition-bar" aria-label="Các ấn bản">')
    assert 'href="../en/book/intro.html"' in context["body"] and 'href="../pdf/districtbook.pdf"' in context["body"]


def test_the_search_page_gets_the_bar_for_its_template_and_links_the_other_search_page(tmp_path):
    (tmp_path / "en").mkdir()
    context = {}  # Sphinx's search page has no body: the template shows ``edition_bar``
    sphinxext._edition_bar(_app(tmp_path), "search", "search.html", context, None)
    assert "body" not in context
    assert 'class="edition-other" href="en/search.html"' in context["edition_bar"]
    assert 'class="edition-pdf" href="pdf/districtbook.pdf"' in context["edition_bar"]
    template = (sphinxext.TEMPLATES / "search.html").read_text(encoding="utf-8")
    assert '{%- extends "!search.html" %}' in template and "{{ edition_bar }}" in template


def test_a_page_missing_from_the_other_edition_links_its_start_page(tmp_path):
    (tmp_path / "en").mkdir()
    context = {"body": ""}
    sphinxext._edition_bar(_app(tmp_path), "book/glossary", "page.html", context, None)
    assert 'href="../en/index.html"' in context["body"]


def test_the_extension_adds_its_templates_folder(tmp_path):
    config = SimpleNamespace(templates_path=["_templates"], locale_dirs=["book/_locale"])
    sphinxext._add_templates(SimpleNamespace(srcdir=str(tmp_path)), config)
    # first: the themes add their components folders to the same list, and the first file of a name wins
    assert config.templates_path == [str(sphinxext.TEMPLATES), "_templates"]
    assert config.locale_dirs == [str(tmp_path / "book/_locale")]  # found from any working directory


def test_the_catalogues_are_compiled_once_before_the_builders_start(tmp_path):
    """The HTML and the PDF builders of an edition run at once from the same pages: each wrote the catalogue's
    ``.mo`` in place while the other read it, and the Vietnamese PDF once came out with English "continued from
    previous page".  The build compiles them first, so that neither builder finds one out of date."""
    import shutil

    from gettext import GNUTranslations

    from sphinx.util.i18n import CatalogInfo

    from districtbook.building import compile as compiling
    from .conftest import ROOT

    locale = tmp_path / "_locale"
    shutil.copytree(ROOT / "book" / "_locale", locale)
    made = compiling.compile_catalogues(locale)
    assert [m.relative_to(locale).as_posix() for m in made] == ["vi/LC_MESSAGES/sphinx.mo"]
    assert not CatalogInfo(str(made[0].parent), "sphinx", "utf-8").is_outdated()
    with made[0].open("rb") as f:
        assert GNUTranslations(f).gettext("continued from previous page") == "tiếp theo trang trước"
