"""The growth chapter: growth rates against their targets and between comparable periods, and the
economy's sector shares."""
from __future__ import annotations

import pandas as pd

from .. import charts, views
from ..report import MyST
from . import _topic

METRICS = views.TOPICS["growth"]


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return _topic.main_points(df, texts, lang, METRICS)


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return views.topic_table(df, METRICS, lang, "growth-figures", texts)


def growth_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    found = [f for f in _topic.findings(df, texts, METRICS) if f.metric == "economic_growth_rate"]
    return charts.pairs_chart(found, lang, f"growth-{lang}", "chart.growth.title", "chart.growth.caption")


def share_chart(df: pd.DataFrame, lang: str = "vi") -> MyST | None:
    return charts.share_chart(df, lang, f"shares-{lang}")


def share_check(df: pd.DataFrame, lang: str = "vi") -> MyST:
    return views.share_check(df, lang)
