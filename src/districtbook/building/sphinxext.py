"""A small Sphinx extension for the book's HTML.

- No Thebe: Jupyter Book 1 always loads sphinx-thebe, which writes its configuration script twice into every
  page (a console error: "Identifier 'THEBE_JS_URL' has already been declared") and points at a CDN. The book
  is static and read offline, so its scripts and stylesheet are dropped from every page.
- Every page links the same page in the other edition and the edition's PDF (a bar above the content;
  the search page, which has no body of its own, shows it through ``templates/search.html``); the links
  are relative, so the site works from any folder or host.
- The themes' strings in the edition's language: the search field's placeholder here, the sidebar buttons'
  tooltips through ``templates/``, the rest through the edition's catalogue (book/_locale).
- The themes' fixed English screen-reader labels ("Page") through the same catalogue, in the pages written.
- Figure captions are numbered by chapter, as in the PDF ("Hình 6.1: ...").
- Search finds names typed without diacritics ("Tay Ho", "Dong Da"): every indexed word also goes into
  the index in its folded form.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from typing import Any

from sphinx.search import languages
from sphinx.search.en import SearchEnglish


def fold(word: str) -> str:
    """A word without its diacritics, as readers often type it.

    >>> fold("Tây"), fold("Hồ"), fold("Đống"), fold("Đa")
    ('Tay', 'Ho', 'Dong', 'Da')
    """
    word = word.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


class FoldingSearch(SearchEnglish):
    """English stemming (Sphinx has none for Vietnamese), plus the folded form of every word."""

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        return words + [f for f in (fold(w) for w in words) if f not in words]


class FoldingSearchVi(FoldingSearch):
    lang = "vi"


def _drop_thebe(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    def keep(asset: Any) -> bool:
        text = f"{getattr(asset, 'filename', '') or ''} {getattr(asset, 'attributes', {}).get('body', '')} {asset}"
        return "thebe" not in text.lower()

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if keep(a)]


def _edition_bar(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The links to the other edition and to this edition's PDF: prepended to the page body, and given to
    the templates as ``edition_bar`` for the pages that have no body of their own (the search page)."""
    cfg = app.config.districtbook_editions
    if not cfg:
        return
    up = "../" * pagename.count("/")
    here = cfg["site_prefix"]  # from this edition's root to the site root ("" or "../")
    links = []
    for other in cfg["others"]:
        src = Path(app.srcdir).parent / other["lang"]
        exists = not src.is_dir() or any((src / f"{pagename}{s}").exists() for s in (".md", ".ipynb", ".rst"))
        target = f"{pagename}.html" if exists or pagename in _GENERATED else "index.html"
        links.append(f'<a class="edition-other" href="{up}{here}{other["root"]}{target}" hreflang="{other["lang"]}" '
                     f'lang="{other["lang"]}">{html.escape(other["label"])}</a>')
    if cfg.get("pdf"):
        links.append(f'<a class="edition-pdf" href="{up}{here}pdf/{cfg["pdf"]}">{html.escape(cfg["pdf_label"])}</a>')
    bar = f'<nav class="edition-bar" aria-label="{html.escape(cfg["nav_label"])}">' + " · ".join(links) + "</nav>\n"
    context["edition_bar"] = bar
    if "body" in context:
        context["body"] = bar + context["body"]


#: pages Sphinx writes itself, in every edition (no source file to look for)
_GENERATED = ("search",)
#: templates for those pages: they show ``edition_bar`` above their own content
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _add_templates(app: Any, config: Any) -> None:
    """The book's templates, first (the themes add their components folders to the same list, and the first
    file of a name wins); the catalogues' folders made absolute (Sphinx looks for the search page's strings,
    sphinx.js, from the working directory)."""
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.locale_dirs = [str(Path(app.srcdir, d)) for d in config.locale_dirs]


#: the search field's placeholder, a theme option (Jupyter Book sets it in English); the theme's other strings go
#: through the edition's catalogue (book/_locale/vi: sphinx.po, and sphinx.js for the search page)
UI_TEXT = {"vi": {"search_bar_text": "Tìm trong sách..."}}


def _ui_text(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The search field's placeholder and label in the edition's language (the theme option is English)."""
    words = UI_TEXT.get(app.config.language or "", {})
    if "search_bar_text" in words:
        context["theme_search_bar_text"] = words["search_bar_text"]


#: labels the themes write in English whatever the language, outside any block a template can override (the print
#: table of contents' ``<nav aria-label="Page">``): translated through the edition's catalogue (book/_locale) in the
#: written pages, once the build has finished
FIXED_LABELS = ("Page",)


def _fixed_labels(app: Any, exception: Exception | None) -> None:
    """The fixed English screen-reader labels in the edition's language, in every page written."""
    if exception is not None or app.builder.format != "html":
        return
    swaps = [(f'aria-label="{w}"', f'aria-label="{html.escape(app.translator.gettext(w))}"') for w in FIXED_LABELS]
    swaps = [(a, b) for a, b in swaps if a != b]  # the English edition has nothing to swap
    for page in sorted(Path(app.outdir).rglob("*.html")) if swaps else ():
        body = page.read_text(encoding="utf-8")
        if any(a in body for a, _ in swaps):
            for a, b in swaps:
                body = body.replace(a, b)
            page.write_text(body, encoding="utf-8")


_CAPTION = re.compile(r'<span class="caption-number">(?P<kind>[^<]*?) (?P<n>\d+) </span>')


def number_captions(body: str, chapter: int) -> str:
    """Captions numbered as in the PDF, by chapter and with a colon: "Hình 3 " becomes "Hình 6.1: ".

    >>> number_captions('<span class="caption-number">Hình 3 </span>a <span class="caption-number">Hình 4 </span>', 6)
    '<span class="caption-number">Hình 6.1: </span>a <span class="caption-number">Hình 6.2: </span>'
    """
    seen: dict[str, int] = {}

    def one(m: re.Match[str]) -> str:
        seen[m["kind"]] = seen.get(m["kind"], 0) + 1
        return f'<span class="caption-number">{m["kind"]} {chapter}.{seen[m["kind"]]}: </span>'

    return _CAPTION.sub(one, body)


def chapter_numbers(app: Any) -> dict[str, int]:
    """Each page's chapter number in the PDF: its place in the book's table of contents (the root page,
    the introduction, has no number)."""
    env = app.env
    order: list[str] = []

    def walk(doc: str) -> None:
        for child in env.toctree_includes.get(doc, []):
            if child not in order and child != app.config.root_doc:
                order.append(child)
                walk(child)

    walk(app.config.root_doc)
    return {doc: i + 1 for i, doc in enumerate(order)}


def _captions(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    chapter = chapter_numbers(app).get(pagename)
    if chapter and "body" in context:
        context["body"] = number_captions(context["body"], chapter)


def setup(app: Any) -> dict[str, Any]:
    languages["vi"] = FoldingSearchVi
    languages["en"] = FoldingSearch
    app.add_config_value("districtbook_editions", {}, "html")
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("config-inited", _add_templates)
    app.connect("html-page-context", _edition_bar)
    app.connect("html-page-context", _ui_text)
    app.connect("html-page-context", _captions)
    app.connect("build-finished", _fixed_labels)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
