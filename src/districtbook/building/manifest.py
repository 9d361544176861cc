"""The book manifest (``book/manifest.yml``): parts, written pages and chapters (template,
parameters, output).  The table of contents (``_toc.yml``) is generated from it, so a chapter
that is executed once per district (``for_each: district``) gets one page per district found in
the data, and a new district's article gets its chapter on the next build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from districtbook.base import paths
from districtbook.base.collate import sorted_names
from districtbook.base.errors import ManifestError
from districtbook.extraction.places import slugify

FOR_EACH = ("district",)


@dataclass(frozen=True)
class Chapter:
    template: str
    output: str  # relative to book/, e.g. "chapters/sources.ipynb"
    parameters: dict[str, Any] = field(default_factory=dict)
    for_each: str | None = None

    @property
    def name(self) -> str:
        return PurePosixPath(self.output).stem


@dataclass(frozen=True)
class Page:
    file: str  # relative to the edition's pages folder, without suffix
    editions: tuple[str, ...] = ()  # empty: every edition


@dataclass(frozen=True)
class Part:
    caption: dict[str, str]  # per edition language
    entries: tuple[Chapter | Page, ...]


@dataclass(frozen=True)
class Edition:
    lang: str
    pages: str  # the folder of the edition's written pages and chapters, relative to the project
    title: str


@dataclass(frozen=True)
class Book:
    root: str
    parts: tuple[Part, ...]
    editions: tuple[Edition, ...] = (Edition("vi", "book", "districtbook"),)


def _chapter(entry: dict[str, Any], where: str) -> Chapter:
    if not {"template", "output"} <= entry.keys():
        raise ManifestError(f"{where} needs 'template' and 'output'")
    out = PurePosixPath(str(entry["output"]))
    if out.is_absolute() or ".." in out.parts or out.suffix != ".ipynb":
        raise ManifestError(f"{where}: output '{out}' must be a relative .ipynb path inside book/")
    params = entry.get("parameters") or {}
    if not isinstance(params, dict):
        raise ManifestError(f"{where}: 'parameters' must be a mapping")
    each = entry.get("for_each")
    if each is not None and each not in FOR_EACH:
        raise ManifestError(f"{where}: for_each '{each}' is not one of {', '.join(FOR_EACH)}")
    if each and "{slug}" not in str(out):
        raise ManifestError(f"{where}: an output executed for each {each} needs '{{slug}}' in its name")
    return Chapter(str(entry["template"]), str(out), dict(params), each)


def load(path: Path | None = None) -> Book:
    path = path or paths.manifest_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ManifestError(f"{path.name}: the book manifest does not exist") from None
    except yaml.YAMLError as exc:
        raise ManifestError(f"{path.name}: not valid YAML ({exc})") from None
    parts_in = data.get("parts")
    if not isinstance(parts_in, list) or not parts_in:
        raise ManifestError(f"{path.name}: expected a non-empty list under 'parts'")
    parts = []
    for i, part in enumerate(parts_in, 1):
        entries: list[Page | Chapter] = []
        for j, entry in enumerate(part.get("entries") or [], 1):
            where = f"{path.name}: part {i}, entry {j}"
            if isinstance(entry, dict) and "page" in entry:
                entries.append(Page(str(entry["page"]), tuple(entry.get("editions") or ())))
            elif isinstance(entry, dict):
                entries.append(_chapter(entry, where))
            else:
                raise ManifestError(f"{where}: expected 'page: NAME' or a chapter mapping")
        caption = part.get("caption", "")
        parts.append(Part(caption if isinstance(caption, dict) else {"vi": str(caption)}, tuple(entries)))
    editions = []
    for k, e in enumerate(data.get("editions") or [{"lang": "vi", "pages": "book", "title": "districtbook"}], 1):
        if not isinstance(e, dict) or not {"lang", "pages"} <= e.keys():
            raise ManifestError(f"{path.name}: edition {k} needs 'lang' and 'pages'")
        pages = PurePosixPath(str(e["pages"]))
        if pages.is_absolute() or ".." in pages.parts or pages.parts[:1] != ("book",):
            raise ManifestError(f"{path.name}: edition {k} pages '{pages}' must be a folder inside book/")
        editions.append(Edition(str(e["lang"]), str(pages), str(e.get("title", "districtbook"))))
    return Book(str(data.get("root", "intro")), tuple(parts), tuple(editions))


def expand(book: Book, lang: str | None = None) -> Book:
    """Replace every ``for_each: district`` chapter by one chapter per district in its seeds; with
    ``lang``, keep the pages of that edition and set every chapter's ``lang`` parameter to it."""
    from districtbook.building.parameters import places_by_province, seeds_folder

    parts = []
    for part in book.parts:
        entries: list[Chapter | Page] = []
        for e in part.entries:
            if isinstance(e, Page):
                if lang is None or not e.editions or lang in e.editions:
                    entries.append(e)
                continue
            params = {**e.parameters, "lang": lang} if lang else dict(e.parameters)
            if e.for_each == "district":
                groups = places_by_province(seeds_folder(params.get("seeds", "seeds")))
                if len(groups) > 1:  # a part per city or province: what comes before stays in the part's own
                    parts.append(Part(part.caption, tuple(entries)))
                    entries = []
                    parts += [Part(_group_caption(part.caption, g), tuple(_each(e, params, names)))
                              for g, names in groups]
                else:
                    entries += _each(e, params, [n for _, names in groups for n in names])
            else:
                entries.append(Chapter(e.template, e.output, params))
        parts.append(Part(part.caption, tuple(entries)))
    _check_slugs([e for p in parts for e in p.entries if isinstance(e, Chapter) and "district" in e.parameters])
    seen: dict[str, Chapter] = {}
    for ch in (e for p in parts for e in p.entries if isinstance(e, Chapter)):
        if ch.output in seen:
            a, b = seen[ch.output], ch
            raise ManifestError(f"two chapters write {ch.output}: {a.template} {a.parameters.get('district', '')} "
                                f"and {b.template} {b.parameters.get('district', '')}".replace("  ", " "))
        seen[ch.output] = ch
    return Book(book.root, tuple(parts), book.editions)


def _each(e: Chapter, params: dict[str, Any], names: list[str]) -> list[Chapter]:
    """A ``for_each: district`` chapter for each place."""
    return [Chapter(e.template, e.output.replace("{slug}", slugify(d)), {**params, "district": d}) for d in names]


def _group_caption(caption: dict[str, str], group: str) -> dict[str, str]:
    """A part's caption for the places of one city or province ("Các địa phương: Hà Nội")."""
    from districtbook.rendering.i18n import text

    return {lang: text(lang, "toc.group", caption=c, group=group) if group else
            text(lang, "toc.group_other", caption=c) for lang, c in caption.items()}


def _check_slugs(chapters: list[Chapter]) -> None:
    """Two places whose names give one file name stop the build before any chapter runs."""
    seen: dict[str, str] = {}
    for ch in chapters:
        d = str(ch.parameters["district"])
        if ch.output in seen and seen[ch.output] != d:
            first, second = sorted_names([seen[ch.output], d])
            raise ManifestError(f"districts '{first}' and '{second}' would both be written to {ch.output}: "
                                "spell them alike in the articles or rename one")
        seen[ch.output] = d


def chapters(book: Book) -> list[Chapter]:
    return [e for p in book.parts for e in p.entries if isinstance(e, Chapter)]


def toc(book: Book, lang: str = "vi") -> str:
    """The ``_toc.yml`` text for an expanded book (captions in the edition's language)."""
    def file_of(e: Chapter | Page) -> str:
        rel = e.file if isinstance(e, Page) else str(PurePosixPath(e.output).with_suffix(""))
        return f"book/{rel}"

    data = {
        "format": "jb-book",
        "root": f"book/{book.root}",
        "options": {"numbered": True},
        "parts": [{"caption": p.caption.get(lang) or next(iter(p.caption.values()), ""),
                   "chapters": [{"file": file_of(e)} for e in p.entries]} for p in book.parts if p.entries],
    }
    head = "# Generated from book/manifest.yml by `districtbook build`: edit the manifest, not this file.\n"
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def compare_pair(book: Book | None = None) -> tuple[str, str] | None:
    """The two districts the book's comparison chapter compares (its ``district_a``/``district_b``)."""
    for ch in chapters(book or load()):
        if {"district_a", "district_b"} <= ch.parameters.keys():
            return str(ch.parameters["district_a"]), str(ch.parameters["district_b"])
    return None
