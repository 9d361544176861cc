"""Step 1 of a build: what to make and why. The manifest expanded per edition, each chapter's inputs and the
reasons it must run again (or be taken from the cache), and the written pages staged with each edition's
configuration (``_build/.staging``)."""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from districtbook.building import cache, deps, manifest, parameters
from districtbook.base import paths


PDF_NAME = "districtbook.pdf"


POLYGLOSSIA = {"vi": "vietnamese", "en": "english"}


def edition_config(base: Path, edition: manifest.Edition, editions: Sequence[manifest.Edition] | None = None) -> str:
    """The edition's ``_config.yml``: the project's, with its title, language and PDF language, the
    links every page carries to the other editions and to its PDF, and the PDF's own strings."""
    import yaml

    cfg = yaml.safe_load(base.read_text(encoding="utf-8"))
    cfg["title"] = edition.title
    cfg["author"] = _words(edition.lang, "edition.author")  # the PDF's title page and the site's footer ("Bởi ...")
    cfg["language"] = edition.lang
    sphinx = cfg.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = edition.lang
    others = [v for k, v in POLYGLOSSIA.items() if k != edition.lang]
    sphinx.setdefault("latex_elements", {})["polyglossia"] = (
        "\\usepackage{polyglossia}\n"
        f"\\setmainlanguage{{{POLYGLOSSIA.get(edition.lang, 'english')}}}\n"
        + "".join(f"\\setotherlanguage{{{o}}}\n" for o in others)
        + "\\renewcommand{\\setmainlanguage}[2][]{}\n")
    # Sphinx names the contents after the first part's caption; the PDF's own strings follow the edition
    sphinx["latex_elements"]["tableofcontents"] = (
        f"\\renewcommand{{\\contentsname}}{{{_words(edition.lang, 'pdf.contents')}}}\\sphinxtableofcontents")
    cfg.setdefault("latex", {}).setdefault("latex_documents", {})["targetname"] = f"{pdf_name(edition)[:-4]}.tex"
    eds = editions or [edition]
    first = eds[0]
    sphinx["districtbook_editions"] = {
        "site_prefix": "" if edition.lang == first.lang else "../",
        "others": [{"lang": o.lang, "root": "" if o.lang == first.lang else f"{o.lang}/",
                    "label": _words(o.lang, "edition.name")} for o in eds if o.lang != edition.lang],
        "pdf": pdf_name(edition), "pdf_label": _words(edition.lang, "edition.pdf"),
        "nav_label": _words(edition.lang, "edition.nav"),
    }
    # "Hình 3.1: …" with a space (polyglossia's \figurename has no trailing space, Sphinx assumes one);
    # headings stay with what follows them (needspace before every section)
    sphinx["latex_elements"]["preamble"] = sphinx["latex_elements"].get("preamble", "") + (
        "\\makeatletter\\def\\fnum@figure{\\figurename~\\thefigure}\\def\\fnum@table{\\tablename~\\thetable}\\makeatother\n")
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def _words(lang: str, key: str) -> str:
    """The edition's own words for the site and the PDF (English for a language with no catalogue)."""
    from districtbook.rendering import i18n

    return i18n.text(lang if i18n.has_catalogue(lang) else "en", key)


def pdf_name(edition: manifest.Edition) -> str:
    return PDF_NAME if edition.lang == "vi" else f"districtbook-{edition.lang}.pdf"


@dataclass
class Job:
    """One chapter of one edition: where it comes from, what it reads, and whether it must execute."""
    edition: manifest.Edition
    chapter: manifest.Chapter
    template: Path
    params: dict[str, Any]
    inputs: deps.Inputs
    reasons: list[str] = field(default_factory=list)  # empty: reused from the cache

    @property
    def cid(self) -> str:
        return f"{self.edition.pages}/{self.chapter.output}"


@dataclass
class Plan:
    """What a build will do: the editions with their expanded manifests and jobs, in a staging folder."""
    root: Path
    staging: Path
    editions: tuple[manifest.Edition, ...]
    books: list[tuple[manifest.Edition, manifest.Book, list[Job]]]
    pages: str = ""  # the stamp of the pages the HTML and PDF are made from (compile_book)

    @property
    def jobs(self) -> list[Job]:
        return [j for _, _, jobs in self.books for j in jobs]

    @property
    def todo(self) -> list[Job]:
        return [j for j in self.jobs if j.reasons]

    def book_dir(self, edition: manifest.Edition) -> Path:
        return self.staging / edition.lang / "book"


def plan(use_cache: bool = True) -> Plan:
    """Step 1: expand the manifest per edition, stage the written pages, and decide for every chapter
    whether it is reused from the cache or executed, and why (the inputs that changed)."""
    root = paths.root()
    base_book = manifest.load()
    editions = base_book.editions
    # the manifest too: a chapter may read it (the introduction's headline compares the manifest's pair)
    code = cache.code_hash() + ":" + deps.file_hash(paths.manifest_path())
    indexes: dict[str, dict[str, deps.Article]] = {}
    staging = paths.build_dir() / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    books = []
    for ed in editions:
        book = manifest.expand(base_book, ed.lang)
        jobs = []
        for ch in manifest.chapters(book):
            src = parameters.template_path(ch.template)
            params = parameters.resolve(ch.template, typed=ch.parameters)
            index = None
            if "seeds" in params:
                folder = parameters.seeds_folder(params["seeds"])
                if str(folder) not in indexes:  # once per folder and build (it runs the extractor over every article)
                    indexes[str(folder)] = deps.article_index(folder)
                index = indexes[str(folder)]
            job = Job(ed, ch, src, params, deps.chapter_inputs(src, params, code, index))
            if not use_cache:
                job.reasons = ["--no-cache"]
            elif not cache.lookup(job.cid, job.inputs.key):
                job.reasons = deps.why(cache.recorded_inputs(job.cid), job.inputs) or ["cache entry incomplete"]
            jobs.append(job)
        books.append((ed, book, jobs))
    p = Plan(root, staging, editions, books)
    _stage_pages(p)
    return p


def _stage_pages(p: Plan) -> None:
    nested = [e.pages for e in p.editions]
    for ed, book, _ in p.books:
        eroot = p.staging / ed.lang
        eroot.mkdir(parents=True)
        (eroot / "_config.yml").write_text(edition_config(p.root / "_config.yml", ed, p.editions), encoding="utf-8")
        (eroot / "_toc.yml").write_text(manifest.toc(book, ed.lang), encoding="utf-8")
        skip = {PurePosixPath(n).name for n in nested if n != ed.pages and n.startswith(ed.pages + "/")}
        shutil.copytree(p.root / ed.pages, eroot / "book", ignore=shutil.ignore_patterns("*.ipynb", "_assets", *skip))
        if not (eroot / "book" / "_static").exists():
            shutil.copytree(p.root / "book" / "_static", eroot / "book" / "_static")
        (eroot / "book" / "chapters" / "_assets").mkdir(parents=True, exist_ok=True)
