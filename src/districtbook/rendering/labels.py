"""How a figure reads in a sentence or a table cell: its metric's label and its value with unit and hedge.

Shared by the chapter modules (their tables), the prose and the charts. The words come from the message catalogues (:mod:`districtbook.rendering.i18n`).
"""
from __future__ import annotations

import re

import pandas as pd

from districtbook.rendering.i18n import text
from districtbook.analysis.dataset import short_doc
from districtbook.extraction.metrics import Metric, describe
from districtbook.extraction.sources import UNKNOWN
from districtbook.rendering import i18n
from districtbook.rendering.report import fmt_number


def metric_words(m: Metric, lang: str) -> str:
    """The reader's words for the metric, from the edition's catalogue (``metric.<key>``, or the
    family's and the suffix's composed).

    >>> metric_words(describe("soe_revenue_share"), "en"), metric_words(describe("soe_revenue_share"), "vi")
    ('Revenue from state-owned enterprises, share of the whole', 'Thu từ doanh nghiệp nhà nước, tỷ trọng')
    >>> metric_words(describe("no_such_key"), "vi")
    'Chỉ số khác'
    """
    if not m.suffix:
        return text(lang, f"metric.{m.key}")
    return text(lang, "metric.composed", base=text(lang, f"metric.{m.family}"),
                suffix=text(lang, f"metric.suffix.{m.suffix.lstrip('_')}"))


def cite(row: pd.Series | dict, lang: str = "vi") -> str:
    """A short citation: article number, outlet and date as readers write them, e.g. "[000 · Hà Nội Mới · 12/10/2024]";
    an outlet or a date the article does not give is left out ("[101 · 12/10/2024]"; the sources chapter says so).

    Plain text (the outlet and the file name come from the article): it reaches MyST only through
    ``report.escape`` (``md``, ``list_table``, ``publish_chart``), and is drawn as is into charts.

    >>> cite(dict(doc="101_ba_dinh.txt", outlet=UNKNOWN, published="2024-10-12"), "vi")
    '[101 · 12/10/2024]'
    """
    parts = [short_doc(row["doc"])]
    if row["outlet"] != UNKNOWN:
        parts.append(row["outlet"])
    if row["published"] != UNKNOWN:
        parts.append(i18n.date_text(row["published"], lang))
    return f"[{' · '.join(parts)}]"


def label(metric: str, lang: str) -> str:
    """A metric's label for readers; an unknown key is humanised, never shown raw.

    >>> label("budget_revenue", "vi"), label("local_budget_expenditure", "en"), label("budget_revenue_times", "vi")
    ('Thu ngân sách', 'Local budget expenditure', 'Thu ngân sách, số lần so với kỳ gốc')
    """
    m = describe(str(metric))
    if m.key != "other" or metric == "other":
        return metric_words(m, lang)
    family, _, suffix = str(metric).rpartition("_")  # a suffix the vocabulary lacks ("budget_revenue_times")
    if family and describe(family).key != "other":
        try:  # the catalogue's word for it ("số lần so với kỳ gốc"), else the family's words alone
            return i18n.text(lang, "metric.composed", base=metric_words(describe(family), lang),
                             suffix=i18n.text(lang, f"metric.suffix.{suffix}"))
        except KeyError:
            return metric_words(describe(family), lang)
    words = re.sub(r"[_\s]+", " ", str(metric)).strip()
    return (words[:1].upper() + words[1:]) if words else metric_words(m, lang)


def lower_first(s: str) -> str:
    """A label set inside a sentence: "Thu ngân sách" -> "thu ngân sách" (acronyms such as "UBND" stay)."""
    if len(s) > 1 and s[1].isupper():
        return s
    return s[:1].lower() + s[1:]


def unit_word(unit: str, lang: str) -> str:
    if unit in ("count", "ratio"):  # a bare number or x/y: no unit word
        return ""
    try:
        return text(lang, f"unit.{unit}")
    except KeyError:
        return unit


#: an amount under one of its unit said in the unit below: the catalogue's words and the factor
_SMALLER = {"VND_bn": ("amount.VND_mn", 1000), "USD_mn": ("amount.USD", 1_000_000)}


def fmt_value(value: float, unit: str, denominator: float | None, lang: str, decimals: int | None = None) -> str:
    """A figure as a reader reads it: "2.511 tỷ đồng", "89%", "21/21", "3,6 lần" (or the English forms).

    >>> fmt_value(2511, "VND_bn", None, "vi"), fmt_value(2511, "VND_bn", None, "en"), fmt_value(21, "ratio", 21, "vi")
    ('2.511 tỷ đồng', '2,511 billion VND', '21/21')
    >>> fmt_value(11.69, "percent", None, "vi"), fmt_value(3.6, "times", None, "en")
    ('11,69%', '3.6 times')
    >>> fmt_value(0.048, "VND_bn", None, "vi"), fmt_value(0.0865, "VND_bn", None, "en")
    ('48 triệu đồng', '86.5 million VND')
    >>> fmt_value(0.0052, "USD_mn", None, "vi")
    '5.200 USD'
    """
    if unit in _SMALLER and 0 < abs(value) < 1:  # "48 triệu đồng" a head, never "0,048 tỷ đồng"
        key, factor = _SMALLER[unit]
        return text(lang, key, n=fmt_number(round(value * factor, 6), lang, decimals))
    num = fmt_number(value, lang, decimals)
    if unit == "ratio" and denominator is not None and denominator == denominator:
        return f"{num}/{fmt_number(denominator, lang)}"
    if unit == "percent":
        return num + "%"
    return f"{num} {unit_word(unit, lang)}".strip()


def hedged(value: str, hedge: str, lang: str) -> str:
    """A value with the article's hedge kept: ("2.511 tỷ đồng", "estimate") -> "ước 2.511 tỷ đồng".

    >>> hedged("1.647 tỷ đồng", "more_than", "vi"), hedged("864 billion VND", "at_most", "en")
    ('hơn 1.647 tỷ đồng', 'at most 864 billion VND')
    """
    if not hedge or hedge in ("actual", "target"):
        return value
    try:
        return text(lang, f"hedge.{hedge}", value=value)
    except KeyError:
        return value


def round_for_prose(value: float) -> int | None:
    """Decimals a derived value is printed with: whole units from 100 up, one decimal below."""
    return 0 if abs(value) >= 100 else 1


_STOP_LEFT = re.compile(r"(?:[.;:!?\n]\s|[,–]\s|\n)")
_STOP_RIGHT = re.compile(r"(?:[.;:!?](?:\s|$)|,\s|\s–\s|\n)")


def quote_clause(text: str, start: int, end: int, limit: int = 160) -> str:
    """The clause of an article that says what a number is: from the last clause break before the
    figure to the next one after it (the CSV keeps the exact short quote; this is for readers).

    >>> t = "Thu ngân sách ước đạt 2.511 tỷ đồng, đạt 89% kế hoạch năm, tăng 42%. Sau đó"
    >>> quote_clause(t, 22, 35), quote_clause(t, 42, 45)
    ('Thu ngân sách ước đạt 2.511 tỷ đồng', 'đạt 89% kế hoạch năm')
    """
    left = 0
    for m in _STOP_LEFT.finditer(text, 0, start):
        left = m.end()
    stop = _STOP_RIGHT.search(text, end)
    right = stop.start() if stop else len(text)
    left, right = _within_brackets(text, left, right, start, end)
    clause = text[left:right].strip()
    if len(clause) > limit:  # keep the figure, trim both ends at word breaks
        a = max(left, start - (limit - (end - start)) // 2)
        b = min(right, end + (limit - (end - start)) // 2)
        a = text.rfind(" ", left, a) + 1 if text.rfind(" ", left, a) >= 0 else a
        b = text.find(" ", b, right) if text.find(" ", b, right) >= 0 else b
        clause = ("… " if a > left else "") + text[a:b].strip() + (" …" if b < right else "")
    return _TRAILING_DOTS.sub("…", clause)  # "hoàn thành tốt nhiệm vụ..." cut at its last full stop


def _within_brackets(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """The clause narrowed so that its brackets pair up: a bracket left open before the figure starts the clause
    after it ("… tăng 11,69% (giai đoạn 2015-2020 tăng 11,4%/năm" -> "giai đoạn 2015-2020 tăng 11,4%/năm"), one
    opened or closed after the figure ends it.

    >>> t = "dự kiến tăng 11,69% (giai đoạn 2015-2020 tăng 11,4%/năm, ước đến năm 2025 tăng 12%)."
    >>> [quote_clause(t, t.find(n), t.find(n) + len(n)) for n in ("11,69%", "11,4%", "12%")]
    ['dự kiến tăng 11,69%', 'giai đoạn 2015-2020 tăng 11,4%/năm', 'ước đến năm 2025 tăng 12%']
    """
    open_at: list[int] = []
    for i in range(left, right):
        ch = text[i]
        if ch == "(":
            open_at.append(i)
        elif ch == ")":
            if open_at:
                open_at.pop()
            elif i < start:
                left = i + 1
            else:
                return left, min(right, i)
    for i in open_at:
        if i < start:
            left = max(left, i + 1)
        else:
            return left, min(right, i)
    return left, right


_TRAILING_DOTS = re.compile(r"(?<!\.)\.{2,}$")
