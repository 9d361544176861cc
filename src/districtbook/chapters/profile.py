"""A district's profile: its main points over every topic, its charts, and all its figures in a table."""
from __future__ import annotations

import pandas as pd

from districtbook.rendering import charts, prose
from districtbook.extraction.places import slugify
from districtbook.rendering.report import MyST
from districtbook.chapters import common


def main_points(df: pd.DataFrame, texts: dict[str, str], district: str, lang: str = "vi") -> MyST | None:
    return prose.main_points(df, texts, lang, None, (district,), more=6, per_metric=2,
                             chapter=f"profile-{slugify(district)}")


def table(df: pd.DataFrame, texts: dict[str, str], district: str, lang: str = "vi") -> MyST:
    return common.topic_table(df[df["district"] == district], None, lang, f"profile-{slugify(district)}-figures", texts)


def progress_chart(df: pd.DataFrame, texts: dict[str, str], district: str, lang: str = "vi") -> MyST | None:
    found = prose.with_words(prose.chapter_findings(df, texts, None, (district,)), texts)
    return charts.progress_chart(found, lang, f"profile-{slugify(district)}-progress-{lang}")


def year_on_year_chart(df: pd.DataFrame, texts: dict[str, str], district: str, lang: str = "vi") -> MyST | None:
    found = prose.with_words(prose.chapter_findings(df, texts, None, (district,)), texts)
    return charts.year_on_year_chart(found, lang, f"profile-{slugify(district)}-yoy-{lang}")
