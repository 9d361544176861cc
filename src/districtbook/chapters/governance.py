"""The party-building and targets chapter: targets met out of the total, members admitted against plan."""
from __future__ import annotations

import pandas as pd

from .. import charts, views
from ..report import MyST
from . import _topic

METRICS = views.TOPICS["governance"]


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return _topic.main_points(df, texts, lang, METRICS)


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return views.topic_table(df, METRICS, lang, "governance-figures", texts)


def ratio_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return charts.ratio_chart(_topic.findings(df, texts, METRICS), lang, f"governance-{lang}", texts)
