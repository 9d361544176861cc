"""The digital-transformation and administrative-reform chapter: coverage reached, ranks gained, targets set."""
from __future__ import annotations

import pandas as pd

from .. import views
from ..report import MyST
from . import _topic

METRICS = views.TOPICS["digital"]


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return _topic.main_points(df, texts, lang, METRICS)


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return views.topic_table(df, METRICS, lang, "digital-figures", texts)
