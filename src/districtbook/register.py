"""The "Sources" chapter: the data register of the articles, with its chart and narrative."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .collate import sorted_names
from .report import MyST, fmt_number, list_table, md
from .dataset import short_doc
from .sources import UNKNOWN, sources

TEXT = {
    "vi": {
        "columns": ["Bài", "Tiêu đề", "Báo", "Ngày", "Quận", "Số từ", "Số đoạn"],
        "unknown": "không rõ",
        "summary": ("Sách dựa trên {n} bài báo về {k} quận ({districts}), đăng từ {first} đến {last}, "
                    "tổng cộng {words} từ trong {paras} đoạn văn (không tính chú thích ảnh, tin liên quan, "
                    "tên tác giả). Bài dài nhất là {longest} ({longest_words} từ)."),
        "chart_title": "Độ dài các bài báo nguồn",
        "xlabel": "Số từ (phần thân bài)",
        "ylabel": "Bài báo",
        "alt": "Biểu đồ thanh ngang: số từ của từng bài báo nguồn. {items}.",
        "caption": "Độ dài phần thân của mỗi bài báo.",
        "source": "Nguồn: {n} bài báo trong seeds/ ({outlets}).",
    },
    "en": {
        "columns": ["Article", "Title", "Outlet", "Date", "District", "Words", "Paragraphs"],
        "unknown": "unknown",
        "summary": ("The book draws on {n} news articles about {k} districts ({districts}), published between "
                    "{first} and {last}: {words} words in {paras} paragraphs in all (photo captions, related-article "
                    "lists and bylines left out). The longest is {longest} ({longest_words} words)."),
        "chart_title": "Length of the source articles",
        "xlabel": "Words (article body)",
        "ylabel": "Article",
        "alt": "Horizontal bar chart: number of words in each source article. {items}.",
        "caption": "Length of each article's body.",
        "source": "Source: {n} articles in seeds/ ({outlets}).",
    },
}


def register(seeds: Path | str) -> pd.DataFrame:
    """One row per article: doc, title, outlet, url, date, date_basis, districts, words, paragraphs."""
    rows = [
        {"doc": s.doc, "title": s.title, "outlet": s.outlet, "url": s.url, "date": s.date,
         "date_basis": s.date_basis, "districts": ", ".join(s.districts), "words": s.words,
         "paragraphs": s.paragraphs}
        for s in sources(seeds)
    ]
    return pd.DataFrame(rows)


def _unknown(value: str, lang: str) -> str:
    return TEXT[lang]["unknown"] if value == UNKNOWN else value


def register_table(df: pd.DataFrame, lang: str = "vi") -> MyST:
    t = pd.DataFrame({
        "doc": [short_doc(d) for d in df["doc"]],
        "title": list(df["title"]),
        "outlet": [_unknown(o, lang) for o in df["outlet"]],
        "date": [_unknown(d, lang) for d in df["date"]],
        "districts": df["districts"],
        "words": [fmt_number(w, lang) for w in df["words"]],
        "paragraphs": [fmt_number(p, lang) for p in df["paragraphs"]],
    })
    t.columns = TEXT[lang]["columns"]
    return MyST(list_table(t, widths=(8, 36, 14, 11, 10, 9, 12)))  # "Paragraphs" fits unhyphenated


def register_summary(df: pd.DataFrame, lang: str = "vi") -> MyST:
    dated = sorted(d for d in df["date"] if d != UNKNOWN)
    districts = sorted_names(d.strip() for ds in df["districts"] for d in ds.split(",") if d.strip())
    longest = df.sort_values(["words", "doc"], ascending=[False, True]).iloc[0]
    return md(
        TEXT[lang]["summary"],
        n=len(df), k=len(districts), districts=", ".join(districts),
        first=dated[0] if dated else TEXT[lang]["unknown"], last=dated[-1] if dated else TEXT[lang]["unknown"],
        words=fmt_number(int(df["words"].sum()), lang), paras=fmt_number(int(df["paragraphs"].sum()), lang),
        longest=longest["doc"], longest_words=fmt_number(int(longest["words"]), lang),
    )
