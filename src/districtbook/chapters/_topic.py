"""What the four topic chapters (budget, growth, digital, governance) share."""
from __future__ import annotations

import pandas as pd

from .. import prose
from ..report import MyST


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str, metrics: tuple[str, ...]) -> MyST:
    return prose.main_points(df, texts, lang, metrics)


def findings(df: pd.DataFrame, texts: dict[str, str], metrics: tuple[str, ...]):
    return prose.chapter_findings(df, texts, metrics)
