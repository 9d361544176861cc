"""The budget chapter: revenue against plan and the year gone, the same period a year earlier, the quarter
two year-to-date figures imply, what is left to collect, and what the articles contradict."""
from __future__ import annotations

import pandas as pd

from .. import charts, views
from ..report import MyST
from . import _topic

METRICS = views.TOPICS["budget"]


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return _topic.main_points(df, texts, lang, METRICS)


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return views.topic_table(df, METRICS, lang, "budget-figures", texts)


def derived(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return views.budget_derived(df, texts, lang)


def progress_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return charts.progress_chart(_topic.findings(df, texts, METRICS), lang, f"budget-progress-{lang}")


def year_on_year_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return charts.year_on_year_chart(_topic.findings(df, texts, METRICS), lang, f"budget-yoy-{lang}")
