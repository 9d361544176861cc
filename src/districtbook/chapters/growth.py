"""The growth chapter: growth rates against their targets and between comparable periods, and the
economy's sector shares (with the check that each set of shares sums to 100 %)."""
from __future__ import annotations

import pandas as pd

from districtbook.rendering import charts
from districtbook.analysis.dataset import periods, quality_flags, short_doc, strong
from districtbook.rendering.i18n import period_text, text
from districtbook.rendering.report import MyST, escape, fmt_number
from districtbook.chapters import common

#: the two growth rates (of the economy, of production value) stay apart: never one measure, never compared
GROWTH_RATES = ("economic_growth_rate", "production_value_growth")
METRICS = (*GROWTH_RATES, "sector_share_services", "sector_share_industry", "sector_share_agriculture",
           "new_enterprises")


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return common.main_points(df, texts, lang, METRICS, "growth")


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return common.topic_table(df, METRICS, lang, "growth-figures", texts)


def growth_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    found = [f for f in common.findings(df, texts, METRICS) if f.metric in GROWTH_RATES]
    return charts.pairs_chart(found, lang, f"growth-{lang}", "chart.growth.title", "chart.growth.caption")


def share_chart(df: pd.DataFrame, lang: str = "vi", texts: dict[str, str] | None = None) -> MyST | None:
    return charts.share_chart(strong(df), lang, f"shares-{lang}", texts)  # weak or flagged shares stay out of the chart


def share_check(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """Whether each set of sector shares sums to 100 % within the rounding of the printed shares."""
    flags = quality_flags(df)
    flags = flags[flags["flag"].isin(["shares_sum_100", "shares_not_100"])]
    if flags.empty:
        return MyST(text(lang, "shares.none"))
    when = periods(df)
    lines = [escape(text(lang, "shares.line", district=r["district"], period=period_text(when.get(r["period"]), lang, r["period"]),
                         doc=short_doc(r["doc"]),
                         check=text(lang, f"flag.{r['flag']}", total=fmt_number(r["detail"]["total"], lang))))
             for _, r in flags.iterrows()]
    return MyST("\n\n".join(lines))
