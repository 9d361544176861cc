"""The digital-transformation and administrative-reform chapter: coverage reached, ranks gained, targets set."""
from __future__ import annotations

import pandas as pd

from districtbook.rendering.report import MyST
from districtbook.chapters import common

METRICS = ("cashless_markets", "cashless_streets", "digitised_records", "records_on_time",
           "admin_reform_rank_change", "public_investment_disbursement", "public_investment_disbursement_vs_plan")


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return common.main_points(df, texts, lang, METRICS, "digital")


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return common.topic_table(df, METRICS, lang, "digital-figures", texts)
