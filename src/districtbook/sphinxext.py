"""A small Sphinx extension for the book's HTML: no Thebe.

Jupyter Book 1 always loads sphinx-thebe, which writes its configuration script twice into every page
(a console error: "Identifier 'THEBE_JS_URL' has already been declared") and points at a CDN. The book is
static and read offline, so its scripts and stylesheet are dropped from every page.
"""
from __future__ import annotations


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    def keep(asset) -> bool:
        text = f"{getattr(asset, 'filename', '') or ''} {getattr(asset, 'attributes', {}).get('body', '')} {asset}"
        return "thebe" not in text.lower()

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if keep(a)]


def setup(app):
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
