"""Two districts compared: what compares on a common footing (said first), and why the rest does not."""
from __future__ import annotations

import pandas as pd

from districtbook.rendering import charts, prose
from districtbook.analysis.findings import ahead, usable_rows
from districtbook.rendering.i18n import text
from districtbook.extraction.places import slugify
from districtbook.rendering.report import MyST, escape


#: the chapter's name in the table of statements (its output, chapters/compare.ipynb)
CHAPTER = "compare"


def _pairs(df: pd.DataFrame, a: str, b: str, texts: dict[str, str] | None = None):
    return ahead(usable_rows(df[df["district"].isin((a, b))], texts))


def main_points(df: pd.DataFrame, texts: dict[str, str], a: str, b: str, lang: str = "vi") -> MyST:
    if a == b:
        return MyST(text(lang, "compare.same", a=escape(a)))
    return prose.comparison_points(df, texts, a, b, lang, chapter=CHAPTER)


def comparisons(df: pd.DataFrame, a: str, b: str, lang: str = "vi", texts: dict[str, str] | None = None) -> MyST:
    """Every valid comparison, then every refused one with its reason."""
    if a == b:
        return MyST("")
    pairs = _pairs(df, a, b, texts)
    refused = prose.refusal_lines(df, a, b, lang, texts, chapter=CHAPTER)
    # with refusals, the main points already say that nothing compares: the list of reasons follows directly
    out = [f"- {prose.say(f, lang, CHAPTER, 'compare')}" for f in pairs] or ([] if refused else [text(lang, "compare.none", a=escape(a), b=escape(b))])
    if refused:
        out += ["", f"**{text(lang, 'compare.refusals')}**", ""] + [f"- {r}" for r in refused]
    return MyST("\n".join(out).strip("\n"))


def chart(df: pd.DataFrame, a: str, b: str, lang: str = "vi", texts: dict[str, str] | None = None) -> MyST | None:
    if a == b:
        return None
    return charts.pairs_chart(_pairs(df, a, b, texts), lang, f"compare-{slugify(a)}-{slugify(b)}-{lang}",
                              "chart.compare.title", "chart.compare.caption")
