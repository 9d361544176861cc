"""The introduction's main points: the most salient findings across every district, computed from the data
and glued into the written page (``book/intro.md``) from the budget chapter's notebook."""
from __future__ import annotations

import pandas as pd

from ..prose import point_sentences

#: the introduction names glue keys headline_0 .. headline_4
N_POINTS = 5


def headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> dict[str, str]:
    points = point_sentences(df, texts, lang, N_POINTS, chapter="intro")
    return {f"headline_{i}": (points[i] if i < len(points) else "") for i in range(N_POINTS)}


def glue_headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> None:
    from myst_nb import glue

    for key, value in headlines(df, texts, lang).items():
        glue(key, value, display=False)
