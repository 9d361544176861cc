"""The figures chapter: every figure the package finds, with its downloads (the CSV and its data package
descriptor, the table of the book's statements, the review list), and the quality checks run over them."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from districtbook.base import paths
from districtbook.analysis.dataset import periods, quality_flags, register, short_doc, write_review
from districtbook.rendering.ledger import write_datapackage
from districtbook.rendering.i18n import period_text, text
from districtbook.rendering.labels import label
from districtbook.rendering.report import MyST, fmt_number, list_table
from districtbook.chapters import common


def download(df: pd.DataFrame, seeds: Path | str, lang: str = "vi") -> MyST:
    """Write the figure CSV and its ``datapackage.json`` next to the chapters; link both."""
    write_datapackage(df, register(seeds), paths.assets_dir())
    write_review(df, paths.assets_dir())
    lead = text(lang, "figures.lead", n=len(df), k=df["doc"].nunique(),
                csv="{download}`figures.csv <_assets/figures.csv>`",
                dp="{download}`datapackage.json <_assets/datapackage.json>`")
    # findings.csv is joined from every chapter by the build, beside these files, before the site is made
    more = text(lang, "figures.data", findings="{download}`findings.csv <_assets/findings.csv>`",
                review="{download}`review.csv <_assets/review.csv>`")
    return MyST(lead + "\n\n" + more)


def table(df: pd.DataFrame, texts: dict[str, str] | None = None, lang: str = "vi") -> MyST:
    """Every figure, with its metric's label (the keys are in the data dictionary and the CSV)."""
    rows = df.sort_values(["doc", "start"])
    table = pd.DataFrame({
        "doc": rows["doc"].map(short_doc),
        "district": [common.place_cell(r, lang) for _, r in rows.iterrows()],
        **common.figure_cells(rows, lang, texts),
        "quote": [common.quote(r, texts) for _, r in rows.iterrows()],
    })
    table.columns = common.heads(lang, "article", "district", "metric", "value", "period", "basis", "hedge", "quote")
    table, widths = common.without_empty(table, (7, 9, 15, 9, 16, 9, 9, 26))  # headers fit unhyphenated; a period in two lines
    return MyST(list_table(table, widths, text(lang, "caption.figures")) + common.weak_note(rows, lang))


def quality(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """The quality checks that flagged something: what, where, in which articles (sector shares that sum to 100 %
    passed: the growth chapter says so, and this table lists no check that passed)."""
    flags = quality_flags(df)
    flags = flags[flags["flag"] != "shares_sum_100"] if not flags.empty else flags
    if flags.empty:
        return MyST(text(lang, "quality.none"))
    when = periods(df)

    def detail(r) -> str:
        d = {k: (fmt_number(v, lang) if isinstance(v, (int, float)) else v) for k, v in r["detail"].items()}
        return text(lang, f"flag.{r['flag']}", **d)

    table = pd.DataFrame({
        "check": [detail(r) for _, r in flags.iterrows()],
        "district": flags["district"],
        "metric": [text(lang, "quality.sector_shares") if m.endswith("*") else label(m, lang) for m in flags["metric"]],
        "period": [period_text(when.get(p), lang, p) for p in flags["period"]],
        "docs": [", ".join(short_doc(x) for x in d.split(",")) for d in flags["doc"]],
    })
    table.columns = common.heads(lang, "check", "district", "metric", "period", "articles")
    return MyST(list_table(table, (40, 12, 22, 12, 14), text(lang, "caption.quality")))
