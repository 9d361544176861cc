"""The introduction's main points (the most salient findings across every place) and the places the book
covers, computed from the data and glued into the written page (``book/intro.md``) from the budget chapter's
notebook."""
from __future__ import annotations

import pandas as pd

from districtbook.rendering.prose import point_sentences

#: the introduction names glue keys headline_0 .. headline_4
N_POINTS = 5


def headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> dict[str, str]:
    points = point_sentences(df, texts, lang, N_POINTS, chapter="intro")
    return {f"headline_{i}": (points[i] if i < len(points) else "") for i in range(N_POINTS)}


def glue_headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> None:
    from myst_nb import glue

    for key, value in headlines(df, texts, lang).items():
        glue(key, value, display=False)


#: the levels of the places the book covers, in the order the introduction lists them
LEVELS = ("country", "region", "province", "city", "district", "ward")


def coverage(seeds, lang: str = "vi") -> str:
    """What the book is about, from the articles (never typed): how many places of each level have a profile,
    with their names ("3 thành phố (Cần Thơ, Đà Nẵng, Hà Nội); 9 quận, huyện (…)")."""
    from districtbook.reading.articles import iter_articles
    from districtbook.base.collate import sorted_names
    from districtbook.rendering.i18n import text
    from districtbook.extraction.places import book_units, main_places

    units = book_units([p for a in iter_articles([seeds], quiet=True) for p in main_places(a.frame_text(), a.title)])
    groups = []
    for level in (*LEVELS, *sorted({u.level for u in units} - set(LEVELS))):
        names = sorted_names(u.name for u in units if u.level == level)
        if names:
            word = text(lang, f"coverage.level.{level}") if level in LEVELS else level
            groups.append(f"{len(names)} {word} ({', '.join(names)})")
    return text(lang, "coverage.sentence", n=len(units), groups="; ".join(groups))


def glue_coverage(seeds, lang: str = "vi") -> None:
    from myst_nb import glue

    glue("coverage", coverage(seeds, lang), display=False)
