"""The party-building and targets chapter: targets met out of the total, members admitted against plan."""
from __future__ import annotations

import pandas as pd

from districtbook.rendering import charts
from districtbook.rendering.report import MyST
from districtbook.chapters import common

METRICS = ("targets_completed", "targets_exceeded", "targets_remaining", "confidence_votes",
           "party_members_admitted", "party_members_admitted_vs_target", "party_units_excellent_share",
           "party_units_good_share", "new_party_organisations", "new_mass_organisations", "awards")


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return common.main_points(df, texts, lang, METRICS, "governance")


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return common.topic_table(df, METRICS, lang, "governance-figures", texts)


def ratio_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return charts.ratio_chart(common.findings(df, texts, METRICS), lang, f"governance-{lang}", texts)
