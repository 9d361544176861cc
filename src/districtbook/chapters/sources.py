"""The sources chapter: the register of the articles (outlet, date, district, length) and its summary."""
from __future__ import annotations

import pandas as pd

from ..collate import sorted_names
from ..dataset import short_doc
from ..i18n import date_text, text
from ..report import MyST, fmt_number, list_table, md
from ..sources import UNKNOWN
from . import common


def _outlet(value: str, lang: str) -> str:
    return text(lang, "source.unknown_outlet") if value == UNKNOWN else value


def _date(value: str, lang: str) -> str:
    return text(lang, "source.unknown_date") if value == UNKNOWN else date_text(value, lang)


def table(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """One row per article of the register (:func:`districtbook.dataset.register`)."""
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
    return MyST(list_table(t, widths=(8, 36, 14, 11, 10, 9, 12)))  # "Paragraphs" fits unhyphenated


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
