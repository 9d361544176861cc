"""What the chapters share: the table of a chapter's figures, the words of a table cell, and the main points
and findings of a topic chapter (budget, growth, digital, governance).

Metric keys never reach a reader table (labels instead; the keys stay in the data dictionary and the CSV);
every number is formatted for the edition's language; quotes are the clause that says what the number is.
"""
from __future__ import annotations

import pandas as pd

from districtbook.rendering import prose
from districtbook.base.collate import sorted_names
from districtbook.analysis.dataset import WHEN, weak_fields, year_not_over
from districtbook.rendering.labels import cite
from districtbook.rendering.i18n import text
from districtbook.rendering.labels import fmt_value, hedged, label, quote_clause
from districtbook.rendering.report import MyST, download, html_only, list_table, save_data


def heads(lang: str, *names: str) -> list[str]:
    """A table's column headings: ``heads("vi", "district", "metric")`` -> ``["Quận", "Chỉ số"]``."""
    return [text(lang, f"head.{n}") for n in names]


def cell_word(kind: str, value: str, lang: str) -> str:
    """A basis or a hedge in a table cell ("plan" -> "kế hoạch"): empty for none, the value itself when the
    catalogue has no word for it.

    >>> cell_word("basis", "yoy", "vi"), cell_word("hedge", "more_than", "en"), cell_word("basis", "none", "vi")
    ('cùng kỳ', 'more than', '')
    """
    if value in ("", "none"):
        return ""
    try:
        return text(lang, f"cell.{kind}.{value}")
    except KeyError:
        return value


def quote(row, texts: dict[str, str] | None) -> str:
    """The clause of the article that says what the number is (the exact quote when the text is missing)."""
    if texts and row["doc"] in texts:
        return "“" + quote_clause(texts[row["doc"]], int(row["start"]), int(row["end"])) + "”"
    return "“" + row["quote"] + "”"


def weak_mark(row, field: str, value: str, lang: str) -> str:
    """A cell whose field rests on weak evidence, marked as such (the figure stays in the table, out of findings);
    a figure the maintainer checked, marked "checked".

    >>> weak_mark({"weak": "period"}, "period", "2024", "en"), weak_mark({"weak": ""}, "period", "2024", "en")
    ('2024 (uncertain)', '2024')
    """
    if row.get("checked", "") == "yes":  # confirmed or corrected by the maintainer (seeds/corrections.yml)
        return text(lang, "cell.checked", value=value)
    return text(lang, "cell.weak", value=value) if field in weak_fields(row) else value


#: the fields a table of figures marks when their evidence is weak (its place and period columns)
MARKED = frozenset({"place", "period"})


def period_mark(row, lang: str) -> str:
    """A figure's period for a table cell: marked when its evidence is weak, and "so far" when it is a year's
    total given before that year was over (:func:`dataset.year_not_over`: "12/15 chỉ tiêu … cho năm 2024" in
    October is progress, not the year's result).

    >>> from districtbook.analysis.dataset import figure_row
    >>> r = figure_row(period="2024", published="2024-10-08", qualifier="actual", per_year="", weak="")
    >>> period_mark(r, "en"), period_mark(dict(r, published="2025-01-05"), "en")
    ('2024 (so far)', '2024')
    """
    cell = weak_mark(row, "period", prose.period_cell(row, lang), lang)
    if row.get("checked", "") != "yes" and "period" not in weak_fields(row) and year_not_over(row):
        return text(lang, "cell.so_far", value=cell)
    return cell


def weak_note(rows: pd.DataFrame, lang: str) -> str:
    """What "(chưa chắc)" and "(tính đến lúc đưa tin)" in a table mean, under a table that has such a cell ("" when
    none has)."""
    records = [r for r in rows.to_dict("records") if r.get("checked", "") != "yes"]
    notes = [text(lang, "table.weak_note")] if any(weak_fields(r) & MARKED for r in records) else []
    if any("period" not in weak_fields(r) and year_not_over(r) for r in records):
        notes.append(text(lang, "table.so_far_note"))
    return "".join("\n\n" + n for n in notes)


def place_cell(row, lang: str) -> str:
    """A figure's place for a table cell, marked when its evidence is weak."""
    return weak_mark(row, "place", row["district"], lang)


#: the kind of figure a table's column names: a result, an estimate or a goal; a bound ("hơn", "khoảng") is part of
#: the value, as the article writes it, and leaves the kind unsaid (the extractor does not record it)
STATUS = ("actual", "estimate", "target")


def bound(row, texts: dict[str, str] | None = None) -> str:
    """A figure's bound as the article writes it around the value ("more_than"; "từ 90 … trở lên" is "or_more",
    never "hơn"); "" when it has none."""
    from districtbook.rendering.wording import hedge_word

    q = row["qualifier"]
    if q in ("", *STATUS):
        return ""
    return hedge_word(str(q), (texts or {}).get(row["doc"]), int(row["start"]), int(row["end"])) or str(q)


def value_cell(row, lang: str, texts: dict[str, str] | None = None) -> str:
    """The value with its bound, as the article says it: "hơn 37.016 tỷ đồng", "từ 90 đảng viên trở lên"."""
    return hedged(fmt_value(row["value"], row["unit"], row["denominator"], lang), bound(row, texts), lang)


def status_cell(row, lang: str) -> str:
    """The kind of figure: "thực hiện", "ước tính" or "mục tiêu" (nothing for a bound figure: not recorded)."""
    return cell_word("hedge", row["qualifier"], lang) if row["qualifier"] in STATUS else ""


def figure_cells(rows: pd.DataFrame, lang: str, texts: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The columns every table of figures shows: metric label, value (with its bound), period, basis and the
    kind of figure, in words (a period resting on weak evidence marked)."""
    records = [r for _, r in rows.iterrows()]
    return {
        "metric": [label(m, lang) for m in rows["metric"]],
        "value": [value_cell(r, lang, texts) for r in records],
        "period": [period_mark(r, lang) for r in records],
        "basis": [cell_word("basis", b, lang) for b in rows["basis"]],
        "hedge": [status_cell(r, lang) for r in records],
    }


def without_empty(table: pd.DataFrame, widths: tuple[int, ...]) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """A table without the columns no row fills ("so với" when no figure is measured against anything), and their
    widths: the quotes get the room.

    >>> t, w = without_empty(pd.DataFrame({"a": ["x", "y"], "b": ["", " "], "c": ["", "z"]}), (1, 2, 3))
    >>> list(t.columns), w
    (['a', 'c'], (1, 3))
    """
    keep = [bool(table[c].astype(str).str.strip().ne("").any()) for c in table.columns]
    return table.loc[:, keep], tuple(w for w, k in zip(widths, keep) if k)


def _rows(df: pd.DataFrame, metrics: tuple[str, ...] | None) -> pd.DataFrame:
    sel = df if metrics is None else df[df["metric"].isin(metrics)]
    order = {m: i for i, m in enumerate(metrics or ())}
    rank = {d: i for i, d in enumerate(sorted_names(sel["district"]))}  # Vietnamese order: Đống Đa before Tây Hồ
    return (sel.assign(_d=sel["district"].map(rank), _o=sel["metric"].map(order).fillna(len(order)))
            .sort_values(["_d", "_o", "period", "doc", "start"]).drop(columns="_d"))


def topic_table(df: pd.DataFrame, metrics: tuple[str, ...] | None, lang: str, name: str,
                texts: dict[str, str] | None = None) -> MyST:
    """The figures of a topic with period (in words), basis, hedge, citation and the clause that says
    what each number is; its CSV (with the exact quote and offsets) beside it."""
    rows = _rows(df, metrics)
    if rows.empty:
        return MyST(text(lang, "topic.none"))
    save_data(rows.drop(columns=["_o", WHEN]), name)  # the printed fields only: the typed period is the reader's
    rows = rows.drop_duplicates(prose.REPEAT)  # a figure an article repeats (the quality check notes it) is shown once
    table = pd.DataFrame({
        "district": [place_cell(r, lang) for _, r in rows.iterrows()],
        **figure_cells(rows, lang, texts),
        "source": [cite(r, lang) for _, r in rows.iterrows()],
        "quote": [quote(r, texts) for _, r in rows.iterrows()],
    })
    table.columns = heads(lang, "district", "metric", "value", "period", "basis", "hedge", "source", "quote")
    link = html_only(download(f"{name}.csv"))
    table, widths = without_empty(table, (10, 14, 10, 15, 9, 9, 14, 19))
    return MyST(link + "\n\n" + list_table(table, widths, text(lang, "caption.topic")) + weak_note(rows, lang))  # a date fits its line; a period ("nửa đầu nhiệm kỳ 2020-2025") in two lines


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str, metrics: tuple[str, ...], chapter: str) -> MyST | None:
    """A topic chapter's opening: its main points over every district (noted under ``chapter``); None when the
    figures support none (the chapter then says what it has)."""
    return prose.main_points(df, texts, lang, metrics, chapter=chapter)


def findings(df: pd.DataFrame, texts: dict[str, str], metrics: tuple[str, ...]):
    """A topic chapter's findings (its charts draw from them), with the words of their articles."""
    return prose.with_words(prose.chapter_findings(df, texts, metrics), texts)
