"""The cleaned dataset: every indicator figure with its article's outlet and date, quality flags,
and a Frictionless data package describing the published CSV."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable
from types import MappingProxyType

import pandas as pd

from districtbook.reading.articles import BOOK_MAX_ARTICLE_BYTES, iter_articles, scan
from districtbook.extraction.extract import COLUMNS, figures
from districtbook.extraction.periods import Period
from districtbook.extraction.sources import UNKNOWN, describe, sources as article_sources

SOURCE_COLUMNS = ("outlet", "published")
#: why a figure has its place, period, basis and metric (``SOURCE:START-END``, ``none`` or ``default``), and which of
#: place and period rest on weak evidence (``;``-joined, "" when none): the extractor's evidence columns
EVIDENCE_COLUMNS = ("place_from", "period_from", "basis_from", "metric_from", "weak")


@functools.lru_cache(maxsize=8)
def _load(seeds: str, stamp: tuple[tuple[str, int, int], ...]) -> tuple[pd.DataFrame, dict[str, str]]:
    rows, texts = [], {}
    for article in iter_articles([seeds], BOOK_MAX_ARTICLE_BYTES):  # the chapter's reading that speaks (say)
        src = describe(article)
        texts[article.name] = article.text
        for f in figures(article):
            row = {c: getattr(f, c) for c in COLUMNS}
            row.update(outlet=src.outlet, published=src.date, date_basis=src.date_basis,
                       average_word="yes" if _AVERAGE.search(_sentence_before(article.text, f.start)) else "")
            rows.append(row)
    df = pd.DataFrame(rows, columns=[*COLUMNS, *SOURCE_COLUMNS, "date_basis", "average_word"])
    from districtbook.reading import corrections

    # a maintainer's corrections, marked "checked", then the typed fields of the corrected table
    return typed(corrections.apply(with_evidence(typed(df)), seeds)), texts


#: the typed field the reader adds to the figure table: the figure's :class:`Period` (None when nothing dates it),
#: beside ``period``, its printed label (what the tables and CSV files show, what figures are grouped by)
WHEN = "when"


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """The figure table with its typed fields: ``value`` as float, ``denominator`` as a number (NaN when there is
    none), ``when`` the :class:`Period` its ``period`` label names (None when it names none).  The one place the
    figure table's labels and numbers are parsed: everything downstream reads these fields.

    >>> t = typed(pd.DataFrame({"period": ["2024-9M", ""], "value": ["89", 2511], "denominator": ["", 16]}))
    >>> [str(p) for p in t["when"]], list(t["value"]), t["denominator"].tolist()
    (['2024-9M', 'None'], [89.0, 2511.0], [nan, 16.0])
    """
    fields: dict[str, Any] = {WHEN: [_period(p) for p in df["period"]] if "period" in df.columns else [None] * len(df)}
    if "value" in df.columns:
        fields["value"] = df["value"].astype(float)
    if "denominator" in df.columns:
        fields["denominator"] = pd.to_numeric(df["denominator"].replace("", None), errors="coerce")
    return df.assign(**fields)


def periods(df: pd.DataFrame) -> dict[str, Period | None]:
    """Each period label of the figure table with the :class:`Period` it names, as the reader typed it: what a table
    of the quality checks (:func:`quality_flags`, whose rows name a label) prints.

    >>> {k: str(v) for k, v in periods(pd.DataFrame({"period": ["2024-9M", ""]})).items()}
    {'2024-9M': '2024-9M', '': 'None'}
    """
    df = _typed(df)
    return dict(zip(df["period"].astype(str), df[WHEN], strict=True))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` itself when it has its typed fields; a table built by hand (tests, examples) typed as the reader types it.
    A table whose ``period`` labels were changed after it was typed raises ``ValueError``: retype it (:func:`typed`).

    >>> _typed(typed(pd.DataFrame({"period": ["2024-9M"]})).assign(period="2024"))
    Traceback (most recent call last):
    ValueError: the figure table's period '2024' is not its typed period 2024-9M: retype the table (dataset.typed) after changing a period
    """
    if WHEN not in df.columns:
        return typed(df)
    for label, p in zip(df["period"], df[WHEN], strict=True):
        if p is not None and p.label != label:
            raise ValueError(f"the figure table's period {label!r} is not its typed period {p}: retype the table "
                             "(dataset.typed) after changing a period")
    return df


def _period(label: object) -> Period | None:
    return Period.parse(str(label if label is not None else ""))


def figure_row(**fields: Any) -> dict[str, Any]:
    """One figure as a record of the typed table, from its printed fields (examples and tests build their figures
    so): ``when`` from ``period``, ``value`` as float.

    >>> r = figure_row(period="2024-H1", value=1647); str(r["when"]), r["value"]
    ('2024-H1', 1647.0)
    """
    out = dict(fields, **{WHEN: _period(fields.get("period", ""))})
    if "value" in out:
        out["value"] = float(out["value"])
    return out


#: the words that make a rate over several years a yearly average ("tăng bình quân 14,01%" over five years)
_AVERAGE = re.compile(r"\b(?:bình quân|trung bình|mỗi năm|hằng năm|hàng năm)\b", re.IGNORECASE)


def _sentence_before(text: str, start: int, width: int = 80) -> str:
    """The words before a figure in its sentence (at most ``width`` characters).

    >>> _sentence_before("Năm 2020 thu 5 tỷ. Kinh tế tăng bình quân 14%", 42)
    ' Kinh tế tăng bình quân '
    """
    head = text[max(0, start - width):start]
    return head[max(head.rfind("."), head.rfind("\n")) + 1:]


def with_evidence(df: pd.DataFrame) -> pd.DataFrame:
    """The figure table with its typed fields (:func:`typed`, when it has none yet) and every evidence column (an
    extractor without them: "" for each, nothing weak; no outlook), the
    ``checked`` mark of :mod:`districtbook.reading.corrections` and ``unfit``, the findings layer's judgement of the evidence
    (:func:`unfit_evidence`, computed afresh: it reads the article's date and the figure's other fields)."""
    df = _typed(df)
    missing = [c for c in (*EVIDENCE_COLUMNS, "outlook", "checked") if c not in df.columns]
    if missing:
        df = df.assign(**{c: "" for c in missing})
    return df.assign(unfit=[";".join(unfit_evidence(r)) for r in df.to_dict("records")] if len(df) else [])


#: why the findings layer holds a figure's evidence too weak for a finding (the extractor may call it strong), and
#: the field each reason concerns; the figure stays in the tables (marked) and in the review list
UNFIT_EVIDENCE = {
    "long_span": "period",  # more than a five-year term ("2003-2023", twenty years since the founding)
    "result_in_future_term": "period",  # a result dated to a term that had not begun: the term is the goal's
    "plan_of_future_term": "basis",  # "x % of the plan" for a term that had not begun: a goal, not progress
    "goal_of_months": "period",  # a goal dated by a report's months ("the first 9 months"): a frame, not the goal's
    "frame_unconfirmed": "period",  # a period from a frame (a heading, the lead, the paragraph's opening) that the
    # article's date does not confirm: no date, or a date more than a year away from the frame's period
    "stock_from_frame": "period",  # a stock (population, units, households) dated only by a frame or the date line
    "cumulative_rate": "basis",  # a rate over several years with no word of its basis: per year or on the start?
    "stale_period": "period",  # months of a year that had ended half a year before the article: a base, not news
    "before_its_end": "period",  # months of a year reported before they were over: the period or the date is wrong
    "future_result": "period",  # a result for a period that had not begun (a plan only for next year, in Q4)
    "joint_place": "place",  # a figure said of several places together is no one place's
    "rate_basis_default": "basis",  # a percentage no word says is of what (plan, the year before, a share): a guess
    # (a growth rate its words give as a yearly average over a term excepted: its basis goes without saying; a growth
    # rate over a year or part of one was tried as an exception too, and dropped: on d41-d60 the share of sound
    # statements fell from 61/68 to 62/75, d01-d40 unchanged at 141/142)
}
#: the evidence sources that name a frame around the figure, not its own clause or sentence
FRAME_SOURCES = ("paragraph", "section", "title", "lead", "plan_year")
#: stocks: what a place has at a date (people, units, households, area), never a flow over a period
STOCK_METRICS = ("population", "units_count", "area", "near_poor_households", "poor_households", "households",
                 "merged_units_count", "enterprises", "party_members_count")
#: how many years a period may span and still carry a finding: a five-year term counted inclusively (2020-2025)
MAX_SPAN_YEARS = 6


def _source(evidence) -> str:
    return str(evidence or "").split(":", 1)[0]


def _months_after(p, pub: str) -> int | None:
    """How many months after the end of period ``p`` an article of date ``pub`` appeared (None: no month known).

    >>> from districtbook.extraction.periods import Period
    >>> _months_after(Period.parse("2022-H1"), "2023-07-10"), _months_after(Period.parse("2024-9M"), "2024-10"), _months_after(None, "2024")
    (13, 1, None)
    """
    if p is None or len(pub) < 7 or not (pub[:4].isdigit() and pub[5:7].isdigit()):
        return None
    return (int(pub[:4]) - p.end.year) * 12 + int(pub[5:7]) - p.end.month


def _date_confirms(p, pub: str, basis: str = "") -> bool:
    """Whether an article's date confirms a period its frame gave: the article appeared at most a year before the
    period's end (a running year, a half reported at its end) and at most 14 months after it (a year reported in
    the next one); with a year alone, in the period's last year or the next.  A date the book inferred wholly from
    the years the article reports on (:func:`districtbook.extraction.sources.find_date`, "year reported on") confirms
    nothing: it was read from the same periods (a lead's day and month, with that year, still date the report).

    >>> from districtbook.extraction.periods import Period
    >>> _date_confirms(Period.parse("2024-9M"), "2024-10-12"), _date_confirms(Period.parse("2022-H1"), "2023-09-01")
    (True, False)
    >>> _date_confirms(Period.parse("2021"), "2021"), _date_confirms(Period.parse("2021"), "không rõ"), _date_confirms(None, "2021")
    (True, False, False)
    >>> _date_confirms(Period.parse("2021"), "2021", "year reported on")
    False
    """
    if p is None or not pub[:4].isdigit() or basis == "year reported on":
        return False
    gap = _months_after(p, pub)
    if gap is None:
        return 0 <= int(pub[:4]) - p.end.year <= 1
    return -12 <= gap <= 14


def unfit_evidence(row: dict) -> list[str]:
    """Why a figure's evidence cannot carry a finding even where the extractor calls it strong (reasons of
    :data:`UNFIT_EVIDENCE`, in that order; none for a figure the maintainer checked).

    >>> r = dict(period="2003-2023", period_from="clause:1-9", basis="none", basis_from="default", qualifier="actual",
    ...          metric="budget_revenue", unit="VND_bn", per_year="", published="2023-05-01")
    >>> f = lambda **k: figure_row(**dict(r, **k))
    >>> unfit_evidence(f()), unfit_evidence(f(period="2020-2025")), unfit_evidence(f(checked="yes"))
    (['long_span'], [], [])
    >>> unfit_evidence(f(period="2025-2030", period_from="future_term:5-9", published="2025-08-08"))
    ['result_in_future_term']
    >>> unfit_evidence(f(metric="economic_growth_rate", unit="percent", period="2020-2025"))
    ['cumulative_rate', 'rate_basis_default']
    >>> unfit_evidence(f(metric="economic_growth_rate", unit="percent", period="2016-2020", average_word="yes"))
    []
    >>> unfit_evidence(f(period="2013-9M", period_from="lead:0-9", qualifier="target", published="không rõ"))
    ['goal_of_months', 'frame_unconfirmed']
    >>> unfit_evidence(f(period="2023-H1", period_from="paragraph:0-9", published="2023-07-02")), unfit_evidence(f(period="1981", period_from="paragraph:0-9", published="2023-07-02"))
    ([], ['frame_unconfirmed'])
    """
    if str(row.get("checked", "")) == "yes":
        return []
    e = _Evidence.of(row)
    return [reason for reason, rule in _RULES if rule(e)]


@dataclass(frozen=True)
class _Evidence:
    """What the rules of :func:`unfit_evidence` read of a figure."""

    row: dict
    period: Any  # the figure's Period, or None
    source: str  # where its period came from (:data:`districtbook.extraction.extract.PERIOD_SOURCES`)
    goal: bool  # a target, a forecast or a range: what was set or expected, not what was achieved
    pub: str  # the article's date
    gap: int | None  # months from the end of the period to the article's date
    metric: str
    unit: str

    @classmethod
    def of(cls, row: dict) -> _Evidence:
        p = row[WHEN]
        pub = str(row.get("published", ""))
        return cls(row, p, _source(row.get("period_from")),
                   row.get("qualifier") in ("target", "estimate", "range_low", "range_high") or _outlook(row), pub, _months_after(p, pub),
                   str(row.get("metric", "")), str(row.get("unit", "")))

    def granularity(self, *kinds: str) -> bool:
        return self.period is not None and self.period.granularity in kinds


def _long_span(e: _Evidence) -> bool:
    return e.period is not None and e.period.full_years and e.period.end.year - e.period.start.year + 1 > MAX_SPAN_YEARS


def _plan_of_future_term(e: _Evidence) -> bool:
    return e.source == "future_term" and e.row.get("basis") in ("plan", "target") \
        and e.metric.endswith(("_vs_plan", "_vs_target"))


def _goal_of_months(e: _Evidence) -> bool:
    return e.row.get("qualifier") == "target" and e.granularity("months", "half", "quarter", "month") \
        and e.source not in ("clause", "")


def _stale(e: _Evidence) -> bool:
    return e.granularity("months", "half", "quarter", "month", "ytd") and e.gap is not None and e.gap > 6 \
        and e.source != "base_value"


def _before_its_end(e: _Evidence) -> bool:
    return e.granularity("months", "half", "quarter", "month") and e.gap is not None and e.gap < (-2 if e.goal else -1)


def _future_result(e: _Evidence) -> bool:
    if e.period is None or e.gap is None or e.goal or e.row.get("basis") in ("plan", "target") or e.source == "future_term":
        return False
    year, month = int(e.pub[:4]), int(e.pub[5:7])
    next_years_plan = e.period.start.year == year + 1 and month >= 10 and e.period.granularity == "year"
    return (year, month) < (e.period.start.year, e.period.start.month) and not next_years_plan


def _growth_metric(metric: str) -> bool:
    """A rate of growth by its name, whose basis (the year before) goes without saying."""
    return metric.endswith(("_growth", "growth_rate")) or metric.startswith("sector_growth_")


def _cumulative_rate(e: _Evidence) -> bool:
    p = e.period
    return p is not None and p.full_years and p.years > 1 and e.unit == "percent" and e.row.get("basis") in ("none", "") \
        and _source(e.row.get("basis_from")) == "default" and str(e.row.get("per_year", "")) != "yes" \
        and str(e.row.get("average_word", "")) != "yes" and _growth_metric(e.metric)


def _yearly_average(e: _Evidence) -> bool:
    """A rate its words give as a yearly average over several years ("tăng bình quân 14,01%", "11,4%/năm")."""
    return e.period is not None and e.period.full_years and e.period.years > 1 \
        and (str(e.row.get("per_year", "")) == "yes" or str(e.row.get("average_word", "")) == "yes")


def _result_in_future_term(e: _Evidence) -> bool:
    from districtbook.analysis.findings import expected  # findings reads this module: imported when first used

    return e.source == "future_term" and not e.goal and not expected(e.row)


#: each reason of :data:`UNFIT_EVIDENCE` with its rule, in the order :func:`unfit_evidence` gives them
_RULES: tuple[tuple[str, Callable[[_Evidence], bool]], ...] = (
    ("long_span", _long_span),
    ("result_in_future_term", _result_in_future_term),
    ("plan_of_future_term", _plan_of_future_term),
    ("goal_of_months", _goal_of_months),
    ("frame_unconfirmed", lambda e: e.source in FRAME_SOURCES
     and not _date_confirms(e.period, e.pub, str(e.row.get("date_basis", "")))),
    ("stock_from_frame", lambda e: e.metric in STOCK_METRICS and e.source in FRAME_SOURCES),
    ("stale_period", _stale),
    ("before_its_end", _before_its_end),
    ("future_result", _future_result),
    ("joint_place", lambda e: _source(e.row.get("place_from")) == "joint"),
    ("cumulative_rate", _cumulative_rate),
    ("rate_basis_default", lambda e: e.unit == "percent" and _source(e.row.get("basis_from")) == "default"
     and not (_growth_metric(e.metric) and _yearly_average(e))),
)


def _split(w) -> set[str]:
    return {x.strip() for x in (w if isinstance(w, str) else "").split(";") if x.strip()}


def weak_fields(row) -> set[str]:
    """The fields of a figure whose evidence is weak (``place``, ``period``, ``basis``): the extractor's (``weak``)
    and those the findings layer judges too weak to carry a finding (``unfit``, :func:`unfit_evidence`).

    >>> sorted(weak_fields({"weak": "period;place"})), weak_fields({"weak": ""}), weak_fields({})
    (['period', 'place'], set(), set())
    >>> sorted(weak_fields({"weak": "place", "unfit": "long_span"}))
    ['period', 'place']
    """
    return _split(row.get("weak", "")) | {UNFIT_EVIDENCE[r] for r in _split(row.get("unfit", "")) if r in UNFIT_EVIDENCE}


def load(seeds: Path | str) -> pd.DataFrame:
    """All indicator figures under ``seeds`` with ``value`` as float and the article's outlet and date."""
    return _load_both(seeds)[0].copy()


def article_texts(seeds: Path | str) -> Mapping[str, str]:
    """Each article's text by file name: a read-only view of what :func:`load` read (shared by every caller)."""
    return MappingProxyType(_load_both(seeds)[1])


def _load_both(seeds: Path | str) -> tuple[pd.DataFrame, dict[str, str]]:
    folder = Path(seeds)
    stat = [(p.name, p.lstat()) for p in scan(folder)[0]]  # the entries themselves: a link is never followed
    corrections = folder / "corrections.yml"  # the maintainer's corrections change the table too
    if corrections.is_file() and not corrections.is_symlink():
        stat.append((corrections.name, corrections.lstat()))
    stamp = tuple((name, st.st_size, st.st_mtime_ns) for name, st in stat)
    return _load(str(folder), stamp)


def register(seeds: Path | str) -> pd.DataFrame:
    """The register of the articles, one row each: doc, title, outlet, url, date, date_basis, districts,
    words, paragraphs (the Sources chapter shows it; the data package lists it as the sources)."""
    rows = [
        {"doc": s.doc, "title": s.title, "outlet": s.outlet, "url": s.url, "date": s.date,
         "date_basis": s.date_basis, "districts": ", ".join(s.districts), "words": s.words,
         "paragraphs": s.paragraphs}
        for s in article_sources(seeds)
    ]
    return pd.DataFrame(rows)


def context_before(texts: dict[str, str], doc: str, start: int, width: int = 12) -> str:
    """The words just before a figure's quote in its article (e.g. "bằng" or "tăng")."""
    text = texts[doc]
    return text[max(0, start - width):start]


def short_doc(doc: str) -> str:
    """The article's short name: its number ("000_ebee….txt" -> "000"), else its file stem.

    >>> short_doc("000_ebee602fe4335fbd.txt"), short_doc("cau_giay.txt")
    ('000', 'cau_giay')
    """
    stem = doc.rsplit(".", 1)[0]
    head = stem.split("_", 1)[0]
    return head if head.isdigit() else stem


# --- quality flags -------------------------------------------------------------------------------

_SHARE_METRICS = ("sector_share_services", "sector_share_industry", "sector_share_agriculture")
#: two figures of one measure more than this factor apart are implausible side by side (the "jump" check)
JUMP_FACTOR = 10
#: the units the jump check reads: amounts, whose ratio is a multiple (a rate of 2 % and one of 25 % are plausible)
JUMP_UNITS = ("VND_bn", "USD_mn", "count")
#: the flags that make a figure unfit for a finding (the others inform: a conflict is itself a finding)
UNFIT_FLAGS = ("share_over_100", "ratio_over_1", "shares_above_100", "jump", "unit_mismatch", "year_not_over")
#: the suffixes of a metric measured against something (a rate or a share, never an amount)
RATE_SUFFIXES = ("_growth", "_yoy", "_vs_plan", "_vs_target", "_share", "_mom_growth", "_rate")
AMOUNT_UNITS = ("VND_bn", "USD_mn", "count")


def forecast(row: dict) -> bool:
    """Whether the article gives a figure as expected, not reported ("dự kiến … sẽ đạt trên 95%": the extractor's
    ``outlook`` column), whatever its hedge.

    >>> forecast(dict(qualifier="more_than", outlook="forecast")), forecast(dict(qualifier="more_than"))
    (True, False)
    """
    return str(row.get("outlook", "")) == "forecast"


def _outlook(row: dict) -> bool:
    """Whether the article gives a figure as a forecast or a goal (the ``outlook`` column), not as reported."""
    return str(row.get("outlook", "")) in ("forecast", "goal")


def year_not_over(row: dict) -> bool:
    """Whether a figure gives a whole year's result in an article of that year before December: a total so far
    over months the text does not say ("năm 2017 ... kết nạp 318 đảng viên" in May 2017), never the year's.
    Goals, forecasts and yearly rates are not results.

    >>> r = dict(period="2017", published="2017-05-28", qualifier="actual", per_year="")
    >>> year_not_over(figure_row(**r)), year_not_over(figure_row(**dict(r, published="2017-12-20")))
    (True, False)
    >>> year_not_over(figure_row(**dict(r, qualifier="estimate")))
    False
    """
    p, pub = row[WHEN], str(row.get("published", ""))
    if p is None or p.granularity != "year" or len(pub) < 7 or not (pub[:4].isdigit() and pub[5:7].isdigit()):
        return False
    if row.get("qualifier") in ("target", "estimate") or _outlook(row) or str(row.get("per_year", "")) == "yes":
        return False
    return int(pub[:4]) == p.start.year and int(pub[5:7]) < 12


def unit_fits(metric: str, unit: str) -> bool:
    """Whether a figure's unit fits what its metric measures: a growth, a rate, a share or a per cent of plan
    is never an amount (industrial output in tỷ đồng is no "economic growth rate").

    >>> unit_fits("economic_growth_rate", "VND_bn"), unit_fits("economic_growth_rate", "percent"), unit_fits("budget_revenue", "VND_bn")
    (False, True, True)
    """
    m = str(metric)
    return not ((m.endswith(RATE_SUFFIXES) or m.startswith(("sector_growth_", "sector_share_"))) and unit in AMOUNT_UNITS)


def implausible(a: float, b: float, unit: str) -> bool:
    """Whether two amounts of one measure are too far apart to be set side by side (a factor over 10).

    >>> implausible(14690, 7, "VND_bn"), implausible(2511, 1647, "VND_bn"), implausible(2, 25, "percent")
    (True, False, False)
    """
    lo, hi = sorted((float(a), float(b)))
    return unit in JUMP_UNITS and lo > 0 and hi / lo > JUMP_FACTOR


def _checks(df: pd.DataFrame):
    """Every quality check that fires: its finding (doc, district, metric, period, flag, detail) and the index of
    the rows it concerns."""
    df = _typed(df)
    slim = ["doc", "district", "metric", "unit", "period", WHEN, "value", "basis", "denominator"]
    df = df[[*slim, *(c for c in ("qualifier", "outlook", "per_year", "published") if c in df.columns)]]  # slim: fast groups
    for r in df.itertuples():
        where = dict(doc=r.doc, district=r.district, metric=r.metric, period=r.period, detail={})
        if not unit_fits(r.metric, r.unit):
            yield dict(where, flag="unit_mismatch"), [r.Index]
        if year_not_over(r._asdict()):
            yield dict(where, flag="year_not_over"), [r.Index]
        if r.unit == "percent" and r.basis in ("share", "none") and r.value > 100 and "share" in r.metric:
            yield dict(where, flag="share_over_100"), [r.Index]
        if r.unit == "ratio" and r.denominator == r.denominator and r.value > r.denominator:
            yield dict(where, flag="ratio_over_1"), [r.Index]
    shares = df[df["metric"].isin(_SHARE_METRICS)]
    for (doc, district, period), g in shares.groupby(["doc", "district", "period"], sort=True):
        total = round(float(g["value"].sum()), 2)
        tolerance = 0.005 * len(g) + 1e-9
        flag = "shares_sum_100" if abs(total - 100) <= tolerance else "shares_not_100"
        yield dict(doc=doc, district=district, metric="sector_share_*", period=period, flag=flag,
                   detail={"total": total}), list(g.index)
    groups: dict[tuple, list] = {}  # (district, metric, unit, period) -> [(index, doc, value)], in table order
    for i, doc, district, metric, unit, period, value in zip(df.index, df["doc"], df["district"], df["metric"],
                                                             df["unit"], df["period"], df["value"], strict=True):
        if metric != "other":
            groups.setdefault((district, metric, unit, period), []).append((i, doc, value))
    for (district, metric, _unit, period), g in sorted(groups.items(), key=lambda kv: kv[0]):
        if len(g) < 2:
            continue
        by_doc: dict[str, list[float]] = {}
        for _i, doc, v in g:
            by_doc.setdefault(doc, []).append(v)
        values = sorted({v for vs in by_doc.values() for v in vs})
        if len(by_doc) > 1 and len(values) > 1:
            yield dict(doc=",".join(sorted(by_doc)), district=district, metric=metric, period=period, flag="conflict",
                       detail={"value": values[0], "other": values[-1]}), [i for i, _d, _v in g]
        for doc, vs in by_doc.items():
            if len(vs) > 1 and len(set(vs)) == 1:
                yield dict(doc=doc, district=district, metric=metric, period=period, flag="repeat", detail={}), \
                    [i for i, d, _v in g if d == doc]
    amounts: dict[tuple, list] = {}  # (district, metric, unit) -> every figure of the groups above
    for (district, metric, unit, period), g in groups.items():
        if unit in JUMP_UNITS:
            amounts.setdefault((district, metric, unit), []).extend((i, doc, v, period) for i, doc, v in g)
    for (district, metric, unit), g in sorted(amounts.items(), key=lambda kv: kv[0]):
        lo, hi = min(v for *_x, v, _p in g), max(v for *_x, v, _p in g)
        if len(g) >= 2 and implausible(lo, hi, unit) and len({p for *_x, p in g}) == 1:
            yield dict(doc=",".join(sorted({d for _i, d, *_x in g})), district=district, metric=metric,
                       period=g[0][3], flag="jump", detail={"value": hi, "other": lo, "ratio": round(hi / lo, 1)}), \
                sorted(i for i, *_x in g)


def quality_flags(df: pd.DataFrame) -> pd.DataFrame:
    """One row per finding: doc, district, metric, period, flag, detail (values for the message).

    Checks: a share over 100 %, x > y in a ratio, sector shares that do not sum to 100 %
    (within the rounding of the printed shares), an implausible jump between two figures of
    the same metric and unit (a factor over 10), the same indicator reported differently by
    two articles, and the same figure repeated in one article (informational).
    """
    out = [found for found, _rows in _checks(df)]
    return pd.DataFrame(out, columns=["doc", "district", "metric", "period", "flag", "detail"])


def row_flags(df: pd.DataFrame) -> pd.Series:
    """For every figure (same index as ``df``), the quality flags that concern it, ``;``-joined and sorted
    ("" when none; ``shares_sum_100`` and ``repeat`` are not warnings and are left out; shares that sum above 100 %
    are ``shares_above_100``)."""
    by_row: dict = {}
    for check, rows in _checks(df):
        flag = check["flag"]
        if flag in ("shares_sum_100", "repeat"):
            continue
        if flag == "shares_not_100" and check["detail"]["total"] > 100:  # a partial set sums below 100; none sums above
            flag = "shares_above_100"
        for i in rows:
            by_row.setdefault(i, set()).add(flag)
    return pd.Series([";".join(sorted(by_row.get(i, ()))) for i in df.index], index=df.index, dtype=object)


def period_of(figure: Mapping[str, Any] | pd.Series) -> Period:
    """The period of a figure (a row of the typed figure table, :func:`typed`) that the analysis sets against
    another: a figure a finding uses always has one (a figure nothing dates is weak, :func:`strong`); one without
    raises ``ValueError`` naming it.

    >>> str(period_of(figure_row(period="2024-9M"))), period_of(figure_row(period="2021-2025")).years
    ('2024-9M', 5.0)
    """
    found = figure[WHEN]
    if found is None:
        where = f" ({figure.get('doc', '')}:{figure.get('start', '')})"
        raise ValueError(f"a figure without a period reached the analysis{where}: {str(figure.get('period', ''))!r}")
    assert isinstance(found, Period)
    return found


def strong(df: pd.DataFrame) -> pd.DataFrame:
    """The figures a finding may rest on: none of their place and period evidence weak, and no quality check
    calling them unfit (a share over 100 %, x > y, shares summing above 100 %, an implausible jump, a rate given as
    an amount). The others stay
    in the figure tables (marked) and in the review list; they never reach a finding, a derived measure, a chart
    across places or a comparison."""
    if df.empty:
        return df
    df = with_evidence(df)
    weak = pd.Series([bool(weak_fields(r) & {"place", "period", "basis"}) for r in df[["weak", "unfit"]].to_dict("records")],
                     index=df.index) | placeless(df)
    unfit = row_flags(df).map(lambda f: bool(set(f.split(";")) & set(UNFIT_FLAGS)))
    return df[~(weak | unfit)]


def placeless(df: pd.DataFrame) -> pd.Series:
    """The figures no place was found for: no finding can say whose they are."""
    return df["district"].fillna("").astype(str).str.strip() == ""


#: the columns of the review list: where the figure is, what it says, what is wrong, and the evidence of each field
REVIEW_COLUMNS = ("doc", "start", "end", "quote", "district", "level", "metric", "value", "unit", "period", "basis",
                  "qualifier", "weak", "unfit", "flags", "place_from", "period_from", "basis_from", "metric_from", "checked")


def review(df: pd.DataFrame) -> pd.DataFrame:
    """The review list for the maintainer: every figure whose place or period evidence is weak, that has no place,
    or that a quality check flags (``flags``), with its evidence columns; sorted by article and offset, the same for every build."""
    df = with_evidence(df)
    out = df.assign(flags=row_flags(df))
    out = out[(out["weak"].astype(str) != "") | (out["unfit"] != "") | (out["flags"] != "") | placeless(out)]
    cols = [c for c in REVIEW_COLUMNS if c in out.columns]
    return out[cols].sort_values(["doc", "start", "end", "metric", "district"], kind="stable").reset_index(drop=True)


def write_review(df: pd.DataFrame, folder: Path) -> Path:
    """``review.csv`` beside the chapters (the build publishes it as ``_build/data/review.csv``)."""
    from decimal import Decimal

    from districtbook.extraction.numbers import canonical
    from districtbook.base.files import record_asset, write_csv

    out = review(df)
    out["value"] = [canonical(Decimal(repr(v))) for v in out["value"]]
    return record_asset(write_csv(out, folder / "review.csv"))  # quotes from the articles: spreadsheet-safe
