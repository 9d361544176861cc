"""The "Sources" chapter: the data register of the articles, with its chart and narrative."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .report import MyST, fmt_number, house_style, list_table, md, publish_chart
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
    return MyST(list_table(t, widths=(7, 40, 14, 11, 10, 9, 9)))


def register_summary(df: pd.DataFrame, lang: str = "vi") -> MyST:
    dated = sorted(d for d in df["date"] if d != UNKNOWN)
    districts = sorted({d.strip() for ds in df["districts"] for d in ds.split(",") if d.strip()})
    longest = df.sort_values(["words", "doc"], ascending=[False, True]).iloc[0]
    return md(
        TEXT[lang]["summary"],
        n=len(df), k=len(districts), districts=", ".join(districts),
        first=dated[0] if dated else TEXT[lang]["unknown"], last=dated[-1] if dated else TEXT[lang]["unknown"],
        words=fmt_number(int(df["words"].sum()), lang), paras=fmt_number(int(df["paragraphs"].sum()), lang),
        longest=longest["doc"], longest_words=fmt_number(int(longest["words"]), lang),
    )


def register_chart(df: pd.DataFrame, lang: str = "vi") -> MyST:
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    from .report import PALETTE

    house_style()
    t = TEXT[lang]
    data = df[["doc", "districts", "outlet", "date", "words"]].sort_values("doc", ascending=False)
    groups = sorted(set(data["districts"]))
    colour = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(data) + 1.6))
    bars = ax.barh(data["doc"], data["words"], color=[colour[g] for g in data["districts"]])
    ax.bar_label(bars, labels=[fmt_number(int(w), lang) for w in data["words"]], padding=3, fontsize=8)
    ax.set_title(t["chart_title"])
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.margins(x=0.12)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt_number(x, lang)))
    ax.legend(handles=[Patch(color=colour[g], label=g) for g in groups], loc="upper left",
              bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    outlets = ", ".join(sorted({_unknown(o, lang) for o in data["outlet"]}))
    items = "; ".join(f"{r.doc}: {fmt_number(int(r.words), lang)}" for r in data.sort_values("doc").itertuples())
    return MyST(publish_chart(
        fig, f"sources-{lang}", alt=t["alt"].format(items=items),
        source_line=t["source"].format(n=len(data), outlets=outlets),
        data=data, caption=t["caption"],
    ))
