"""The sources chapter: the register of the articles (outlet, date, district, length) and its summary."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from districtbook.reading.articles import BOOK_MAX_ARTICLE_BYTES, NotRead, iter_articles
from districtbook.base.collate import sorted_names
from districtbook.analysis.dataset import short_doc
from districtbook.rendering.i18n import date_text, text
from districtbook.rendering.report import MyST, fmt_number, list_table, md
from districtbook.extraction.sources import UNKNOWN
from districtbook.chapters import common


def _outlet(value: str, lang: str) -> str:
    return text(lang, "source.unknown_outlet") if value == UNKNOWN else value


def _date(value: str, lang: str) -> str:
    return text(lang, "source.unknown_date") if value == UNKNOWN else date_text(value, lang)


def table(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """One row per article of the register (:func:`districtbook.analysis.dataset.register`)."""
    t = pd.DataFrame({
        "doc": [short_doc(d) for d in df["doc"]],
        "title": list(df["title"]),
        "outlet": [_outlet(o, lang) for o in df["outlet"]],
        "date": [_date(d, lang) for d in df["date"]],
        "districts": df["districts"],
        "words": [fmt_number(w, lang) for w in df["words"]],
        "paragraphs": [fmt_number(p, lang) for p in df["paragraphs"]],
    })
    t.columns = common.heads(lang, "article", "title", "outlet", "date", "district", "words", "paragraphs")
    return MyST(list_table(t, (8, 36, 14, 11, 10, 9, 12), text(lang, "caption.sources")))  # "Paragraphs" fits unhyphenated


def summary(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """How many articles about which districts, when, and how long."""
    dated = sorted(d for d in df["date"] if d != UNKNOWN)
    districts = sorted_names(d.strip() for ds in df["districts"] for d in ds.split(",") if d.strip())
    longest = df.sort_values(["words", "doc"], ascending=[False, True]).iloc[0]
    return md(
        text(lang, "sources.summary"),
        n=len(df), k=len(districts), districts=", ".join(districts),
        first=_date(dated[0] if dated else UNKNOWN, lang), last=_date(dated[-1] if dated else UNKNOWN, lang),
        words=fmt_number(int(df["words"].sum()), lang), paras=fmt_number(int(df["paragraphs"].sum()), lang),
        longest=longest["doc"], longest_words=fmt_number(int(longest["words"]), lang),
    )


#: why a file of seeds/ is not read, in the reader's words (the build log's are ``articles.NOT_READ``)
NOT_READ_KEYS = {
    "not_txt": "sources.not_read.not_txt",
    "hidden": "sources.not_read.hidden",
    "control_name": "sources.not_read.control_name",
    "symlink": "sources.not_read.symlink",
    "special": "sources.not_read.special",
    "folder": "sources.not_read.folder",
    "duplicate": "sources.not_read.duplicate",
}


def not_read(seeds: Path | str, lang: str = "vi") -> MyST | None:
    """The files of the seeds folder that the book does not read, one line each with the reason (a symbolic
    link, a FIFO or device, a hidden file, a name with control characters, not a ``.txt`` file, the same text
    as another article); nothing when every file is read."""
    skipped: list[NotRead] = []
    for _ in iter_articles([seeds], BOOK_MAX_ARTICLE_BYTES, skipped, quiet=True):
        pass
    if not skipped:
        return None
    lines = [text(lang, "sources.not_read"), ""]
    lines += [md("- {name}: {why}", name=nr.name, why=text(lang, NOT_READ_KEYS[nr.reason], kind=nr.detail,
                                                           other=nr.detail)) for nr in skipped]
    return MyST("\n".join(lines))
