"""Two districts compared: what compares on a common footing (said first), and why the rest does not; then every
measure that three or more places of one level report for the same period, ranked."""
from __future__ import annotations

import pandas as pd

from districtbook.analysis import rankings as ranking
from districtbook.rendering import charts, ledger, prose
from districtbook.rendering.i18n import period_text
from districtbook.rendering.labels import cite, fmt_value, hedged, label
from districtbook.analysis.findings import ahead, usable_rows
from districtbook.rendering.i18n import text
from districtbook.extraction.places import slugify
from districtbook.rendering.report import MyST, escape, list_table


#: the chapter's name in the table of statements (its output, chapters/compare.ipynb)
CHAPTER = "compare"
#: the words for each peer group of a ranking (:data:`rankings._PEERS`)
_PEER_WORDS = {"district": "rankings.peers.district", "province": "rankings.peers.province",
               "ward": "rankings.peers.ward"}


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


def rankings(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """Each ranking among peers (:func:`rankings.rankings`) as a table: rank, place, value with the article's hedge,
    and the citation of the figure; each is a statement of the book (``findings.csv``) with its input figures."""
    found = ranking.rankings(df)
    if not found:
        return MyST(text(lang, "rankings.none", n=ranking.MIN_PLACES))
    parts = [text(lang, "rankings.intro")]
    for r in found:
        caption = text(lang, "rankings.caption", metric=label(r.metric, lang), period=period_text(r.rows[0]["when"], lang, r.period),
                       peers=text(lang, _PEER_WORDS[r.peers]))
        values = [hedged(fmt_value(x["value"], x["unit"], None, lang), str(x["qualifier"]), lang) for x in r.rows]
        table = pd.DataFrame({"rank": [str(n) for n in _ranks(r.rows)],
                              "place": [str(x["district"]) for x in r.rows], "value": values,
                              "source": [cite(x, lang) for x in r.rows]})
        table.columns = [text(lang, "head.rank"), text(lang, "head.place"), text(lang, "head.value"),
                         text(lang, "head.source")]
        ledger.note(CHAPTER, lang, "ranking", caption + ": " + "; ".join(
            f"{n}. {x['district']} {v}" for n, x, v in zip(_ranks(r.rows), r.rows, values, strict=True)),
                    list(r.rows), *r.key)
        parts.append(list_table(table, (8, 30, 22, 40), caption))
    return MyST("\n\n".join(parts))


def _ranks(rows: tuple[dict, ...]) -> list[int]:
    """Ranks as sports tables write them: places with the same value and hedge share a rank, the next one skips.

    >>> _ranks(({"value": 9, "qualifier": "actual"}, {"value": 5, "qualifier": "less_than"}, {"value": 5, "qualifier": "less_than"}, {"value": 1, "qualifier": "actual"}))
    [1, 2, 2, 4]
    """
    out: list[int] = []
    for i, r in enumerate(rows):
        same = i and (r["value"], r["qualifier"]) == (rows[i - 1]["value"], rows[i - 1]["qualifier"])
        out.append(out[-1] if same else i + 1)
    return out
