"""Findings: what the figures say about the districts, ranked so that prose can open with the most salient.

A finding is one statement a reader needs, computed from the figure table (and the derived measures
of :mod:`districtbook.analysis.derive`): a level, a change on the same period a year earlier, progress against
the plan set beside the share of the year gone, the gap still to close, a quarter implied by two
year-to-date figures, a contradiction between articles, a trend between two comparable periods, a
target set against what was achieved before, and one district ahead of another on the same footing.

Comparisons between two figures go through :func:`verdict`: the same metric, unit and basis, results
against results, and periods of the same kind and length; totals over whole years may be set side by
side as yearly averages. A refused comparison carries its reason as a catalogue key, printed in words.

Every finding keeps the figure rows it rests on, so that its sentence cites its articles.

Findings check what they say. They rest only on strong figures (:func:`districtbook.analysis.dataset.strong`: no weak place
or period, no quality flag that makes a figure unfit); two places are compared only when they are peers (the same
level) and their ratio is one the quality checks call plausible; a measure derived from two articles needs the same
place and year and year-to-date periods of that year, reported in it or the next; an annual plan is implied only by a
figure within one year, never by a multi-year total; only flows (money, members admitted, new firms) are averaged
over years, never a count of things pursued (targets); a figure about a period that had not begun when its article
appeared is a plan, never a result.
"""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from districtbook.base.collate import sorted_names
from districtbook.analysis import derive
from districtbook.analysis.dataset import AMOUNT_UNITS, WHEN, forecast, implausible, strong, period_of
from districtbook.analysis.revenue import revenue_scope
from districtbook.analysis.dataset import figure_row  # noqa: F401 - the examples' figures, typed as the table's
from districtbook.extraction.periods import Period

#: what describes a place rather than what happened in a period (how many units it has, its area), and what has no
#: meaning of its own: no finding states them (they stay in the figure tables)
NO_FINDING_METRICS = ("other", "units_count", "merged_units_count", "area")
#: a component metric whose target cannot sensibly exceed the whole it belongs to
COMPONENT_OF = {"land_use_revenue": "budget_revenue"}
SECTOR_SHARES = ("sector_share_services", "sector_share_industry", "sector_share_agriculture")

#: how much a reader needs each kind of finding (ties broken by magnitude, then by name)
SALIENCE = {"quarter": 0.95, "progress": 0.9, "ahead": 0.88, "change": 0.85, "gap": 0.8, "contradiction": 0.78,
            "trend": 0.7, "share": 0.66, "target": 0.6, "ratio": 0.55, "full": 0.5, "times": 0.5,
            "agreement": 0.45, "level": 0.3}


@dataclass
class Finding:
    kind: str
    district: str
    metric: str
    period: str
    rows: list[dict]
    values: dict = field(default_factory=dict)
    salience: float = 0.0
    other: str = ""  # the second district of an "ahead" finding
    when: Period | None = None  # the period ``period`` names (the figure table's typed field; None: none)

    @property
    def districts(self) -> tuple[str, ...]:
        return (self.district, self.other) if self.other else (self.district,)


@dataclass(frozen=True)
class Verdict:
    """Whether two figures may be set side by side, on what footing, or why not."""

    ok: bool
    footing: str = ""  # "as_reported" | "yearly_average"
    reason: str = ""  # a catalogue key suffix: unit, basis, target, no_period, kind, unfinished, rates


# --- the arithmetic of each kind (pure functions, each with hand-computed expectations in the tests) ---

def progress(amount: float, percent_of_plan: float, period: Period | None) -> dict:
    """Progress against an annual plan, set beside the share of the year gone.

    >>> p = progress(2511, 89, Period.parse("2024-9M"))
    >>> p["elapsed"], p["lead"], round(p["plan"], 1), round(p["remaining"], 1), p["months_left"]
    (75.0, 14.0, 2821.3, 310.3, 3)
    """
    out = {"pct": float(percent_of_plan), "plan": amount / (percent_of_plan / 100) if percent_of_plan else math.nan}
    out["remaining"] = out["plan"] - amount
    if period is not None and period.start.month == 1 and period.granularity in ("months", "half", "quarter", "month"):
        out["elapsed"] = round(100 * period.end.month / 12, 1)
        out["lead"] = round(out["pct"] - out["elapsed"], 1)
        out["months_left"] = 12 - period.end.month
        out["months_done"] = period.end.month
    return out


def change_on_year_before(amount: float, percent: float, growth: bool) -> dict:
    """A change on the same period a year earlier, from "bằng 142%" (a level) or "tăng 35%" (a growth).

    >>> c = change_on_year_before(2511, 142, growth=False); c["change"], round(c["previous"], 1)
    (42.0, 1768.3)
    >>> c = change_on_year_before(1647, 35, growth=True); c["change"], round(c["previous"], 1)
    (35.0, 1220.0)
    """
    change = float(percent) if growth else float(percent) - 100
    return {"change": change, "previous": amount / (1 + change / 100)}


def between(early: Period, late: Period) -> Period | None:
    """The period between two year-to-date periods of one year, when it is a quarter or a half.

    >>> str(between(Period.parse("2024-H1"), Period.parse("2024-9M"))), between(Period.parse("2024-3M"), Period.parse("2024-5M"))
    ('2024-Q3', None)
    """
    if early.start != late.start or early.start.month != 1 or late.end <= early.end:
        return None
    a, b, y = early.end.month, late.end.month, early.start.year
    if b - a == 3 and a % 3 == 0:
        return Period(date(y, a + 1, 1), _month_end(y, b), "quarter", f"{y}-Q{b // 3}")
    if (a, b) == (6, 12):
        return Period(date(y, 7, 1), date(y, 12, 31), "half", f"{y}-H2")
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    """The calendar year ``year`` as a period (a plan implied for the year of a year-to-date figure).

    >>> year_period(2024) == Period.parse("2024")
    True
    """
    return Period(date(year, 1, 1), date(year, 12, 31), "year", str(year))


def _bound_hedge(qualifier: str) -> str:
    """The hedge a value derived from a figure keeps: its bound ("more_than", "less_than"), or "" (about)."""
    return qualifier if qualifier in ("more_than", "less_than") else ""


def quarter_hedge(early_qualifier: str, late_qualifier: str) -> str:
    """The hedge of a difference late - early: "more than" on the earlier figure makes it an upper bound.

    >>> quarter_hedge("more_than", "estimate"), quarter_hedge("actual", "more_than"), quarter_hedge("actual", "actual")
    ('at_most', 'at_least', '')
    """
    if early_qualifier == "more_than" and late_qualifier != "more_than":
        return "at_most"
    if late_qualifier == "more_than" and early_qualifier != "more_than":
        return "at_least"
    if {early_qualifier, late_qualifier} - {"actual"}:
        return "approx"
    return ""


def _full_total_period(row: dict) -> Period | None:
    p: Period | None = row[WHEN]
    return p


def direction(a: float, qa: str, b: float, qb: str) -> int:
    """Which way a figure moved from ``a`` to ``b`` given their hedges: +1, -1, or 0 when the hedges leave it
    open ("more than 14%" after 14.01% may be higher or lower).

    >>> direction(14.01, "actual", 14, "more_than"), direction(12, "actual", 14, "more_than"), direction(15, "more_than", 14, "actual")
    (0, 1, -1)
    >>> direction(10, "actual", 8, "less_than"), direction(10, "actual", 12, "less_than"), direction(10, "estimate", 12, "approx")
    (-1, 0, 1)
    """
    lo_a = a if qa in ("actual", "estimate", "approx", "more_than", "range_low", "") else -math.inf
    hi_a = a if qa in ("actual", "estimate", "approx", "less_than", "range_high", "") else math.inf
    lo_b = b if qb in ("actual", "estimate", "approx", "more_than", "range_low", "") else -math.inf
    hi_b = b if qb in ("actual", "estimate", "approx", "less_than", "range_high", "") else math.inf
    if lo_b > hi_a or (lo_b == hi_a and qb == "more_than" and lo_b > -math.inf):
        return 1
    if hi_b < lo_a or (hi_b == lo_a and qb == "less_than" and hi_b < math.inf):
        return -1
    return 0


def unfinished(row: dict) -> bool:
    """Whether the figure's period had not ended when its article appeared (a running total, not a whole one)."""
    p, (year, month) = _full_total_period(row), _published(row)
    if p is None or year is None or month is None:
        return False
    return (year, month) < (p.end.year, p.end.month)


def _published(row: dict) -> tuple[int | None, int | None]:
    """The year and month of the article's date ("2024-10-12" -> (2024, 10); a year alone -> (2024, None))."""
    pub = str(row.get("published", ""))
    year = int(pub[:4]) if len(pub) >= 4 and pub[:4].isdigit() else None
    return year, int(pub[5:7]) if year is not None and len(pub) >= 7 and pub[5:7].isdigit() else None


def goal(row: dict) -> bool:
    """Whether a figure is a goal set: a target, an end of a range given as one ("đặt mục tiêu … tăng trưởng từ
    11 - 15%": ``range_low`` with basis ``target``), or a goal whose hedge took the qualifier ("đặt ra … đạt trên
    14%/năm": ``more_than``, outlook ``goal``), never something achieved.

    >>> goal(dict(qualifier="target")), goal(dict(qualifier="range_low", basis="target")), goal(dict(qualifier="range_low", basis="none"))
    (True, True, False)
    >>> goal(dict(qualifier="more_than", outlook="goal"))
    True
    """
    q = row.get("qualifier")
    return q == "target" or q in ("range_low", "range_high") and row.get("basis") == "target" \
        or str(row.get("outlook", "")) == "goal"


def ended(row: dict) -> bool:
    """Whether the figure's period is known to have ended when its article appeared (the article's month after the
    period's last month; a year alone, after the period's last year).

    >>> ended(figure_row(period="2022", published="2023-01-20")), ended(figure_row(period="2022", published="2022"))
    (True, False)
    >>> ended(figure_row(period="2022", published="2023")), ended(figure_row(period="2022", published=""))
    (True, False)
    """
    p, (year, month) = _full_total_period(row), _published(row)
    if p is None or year is None:
        return False
    return (year, month) > (p.end.year, p.end.month) if month is not None else year > p.end.year


def not_begun(row: dict) -> bool:
    """Whether the figure's period had not begun when its article appeared (a date with its month): a plan
    ("Năm 2020, dự toán ... 845 tỷ" in December 2019), never a result, whatever the words around it.

    >>> not_begun(figure_row(period="2020", published="2019-12-20")), not_begun(figure_row(period="2019", published="2019-12-20"))
    (True, False)
    >>> not_begun(figure_row(period="2024-H2", published="2024-06")), not_begun(figure_row(period="2022", published="2021"))
    (True, False)
    """
    p, (year, month) = _full_total_period(row), _published(row)
    if p is None or year is None or month is None:
        return False  # a year alone may be the book's guess (the latest year the article reports on)
    return (year, month) < (p.start.year, p.start.month)


def reported_in_year(row: dict, year: int) -> bool:
    """Whether a figure about ``year`` comes from an article of that year or the next (an unknown date passes):
    two articles set against each other are about one year, not one year each.

    >>> reported_in_year(dict(published="2024-10-12"), 2024), reported_in_year(dict(published="2026-01-05"), 2022)
    (True, False)
    """
    pub = str(row.get("published", ""))
    return not pub[:4].isdigit() or int(pub[:4]) in (year, year + 1)


def year_to_date(row: dict) -> Period | None:
    """The figure's period when it runs from January to a month of one year (the first months, half, quarter)."""
    p = _full_total_period(row)
    if p is None or p.start.month != 1 or p.granularity not in ("months", "half", "quarter") or p.start.year != p.end.year:
        return None
    return p


def derivable(early: dict, late: dict) -> bool:
    """Whether two year-to-date figures (from one article or two) may be subtracted into the period between them:
    the same place (district and level), metric and unit; both results; periods from January of one year, both
    reported in that year or the next; and the later total above the earlier (a total so far never falls).

    >>> r = lambda **k: figure_row(**dict(district="Tây Hồ", level="district", metric="budget_revenue", unit="VND_bn", qualifier="actual", per_year="", **k))
    >>> derivable(r(period="2024-H1", value=1647, published="2024-07-20"), r(period="2024-9M", value=2511, published="2024-10-12"))
    True
    >>> derivable(r(period="2024-H1", value=1647, published="2024-07-20"), r(period="2024-9M", value=2511, published="2026-10-12"))
    False
    """
    pe, pl = year_to_date(early), year_to_date(late)
    if pe is None or pl is None or pe.start.year != pl.start.year or pl.end <= pe.end:
        return False
    if any(early.get(k, "") != late.get(k, "") for k in ("district", "level", "metric", "unit")):
        return False
    if expected(early) or expected(late) or late["value"] <= early["value"]:
        return False
    return reported_in_year(early, pe.start.year) and reported_in_year(late, pl.start.year)


def per_year(row: dict) -> bool:
    """Whether a figure is a yearly rate or count over a span of years: marked by the extraction
    ("8%/năm", "mỗi năm ... 90 đảng viên"), or a growth on the year before set for a span of years
    ("năm sau tăng hơn năm trước 10%" for 2021-2025).

    >>> per_year(figure_row(per_year="yes", period="2021-2025", basis="none")), per_year(figure_row(per_year="", period="2021-2025", basis="yoy"))
    (True, True)
    >>> per_year(figure_row(per_year="", period="2024-9M", basis="yoy")), per_year(figure_row(period="2016-2020", basis="none"))
    (False, False)
    """
    if str(row.get("per_year", "")) == "yes":
        return True
    p = row[WHEN]
    return row.get("basis") == "yoy" and p is not None and p.full_years and p.years > 1


def expected(row: dict) -> bool:
    """Whether a figure is a goal or a forecast rather than something achieved: a target, or an estimate
    or a yearly rate for a period that had not ended when the article appeared ("dự kiến năm 2023 tăng
    11,69%" in April 2023; "duy trì tốc độ tăng bình quân đạt trên 14%/năm" for 2021-2025, in February 2021).
    A running total ("trong 3 năm đạt hơn 37.016 tỷ đồng") is not: it is what was achieved so far; nor is a yearly
    rate reported in the last year of its term (:func:`in_last_year`).

    >>> r = lambda **k: figure_row(**dict(dict(qualifier="more_than", per_year="yes", period="2021-2025", published="2021-02-13", basis="none"), **k))
    >>> expected(r()), expected(r(published="2026-01-10")), expected(r(qualifier="target", published="2026"))
    (True, False, True)
    >>> expected(figure_row(qualifier="estimate", per_year="", period="2025", published="2023-04-06", basis="none"))
    True
    >>> expected(figure_row(qualifier="more_than", per_year="", period="2021-2023", published="2023-04-06", basis="none"))
    False
    >>> f = lambda **k: figure_row(**dict(dict(qualifier="more_than", outlook="forecast", per_year="", period="2022", basis="plan"), **k))
    >>> expected(f(published="2022-10-06")), expected(f(published="2022")), expected(f(published="2023-01-20"))
    (True, True, False)
    >>> expected(r(qualifier="actual", period="2020-2025", published="2025-08-08"))  # a term report: a result
    False
    """
    if goal(row) or not_begun(row) or forecast(row) and not ended(row):
        return True
    return unfinished(row) and (row.get("qualifier") == "estimate" or (per_year(row) and not in_last_year(row)))


def in_last_year(row: dict) -> bool:
    """Whether the article appeared in the last year of the figure's period (or later): a yearly rate over a term
    reported then ("bình quân đạt 7,5%/năm" for 2020-2025, in August 2025) is what the term achieved so far, never
    its target.

    >>> in_last_year(figure_row(period="2020-2025", published="2025-08-08")), in_last_year(figure_row(period="2025-2030", published="2025-08-23"))
    (True, False)
    """
    p, pub = _full_total_period(row), str(row.get("published", ""))
    return p is not None and pub[:4].isdigit() and int(pub[:4]) >= p.end.year


def verdict(a: dict, b: dict) -> Verdict:
    """Whether figure ``a`` may be set beside figure ``b`` (same metric assumed), and on what footing.

    >>> r = lambda **k: figure_row(**dict(dict(unit="VND_bn", basis="none", qualifier="actual", period="2024-9M", published="2024-10-20"), **k))
    >>> verdict(r(), r(period="2023-9M"))
    Verdict(ok=True, footing='as_reported', reason='')
    >>> verdict(r(), r(period="2024-H1")).reason, verdict(r(unit="percent"), r()).reason, verdict(r(basis="plan"), r()).reason
    ('kind', 'unit', 'basis')
    >>> verdict(r(period="2016-2020", published="2021-02"), r(period="2021-2023", published="2024-01")).footing
    'yearly_average'
    """
    unlike = _unlike(a, b)
    if unlike is not None:
        return unlike
    pa, pb = a[WHEN], b[WHEN]
    if pa is None or pb is None:
        return Verdict(False, reason="no_period")
    total = a["unit"] in AMOUNT_UNITS
    running = total and not expected(a) and (unfinished(a) or unfinished(b))
    if pa.comparable(pb):
        return Verdict(False, reason="unfinished") if running else Verdict(True, "as_reported")
    if total and pa.full_years and pb.full_years and not (per_year(a) or per_year(b)) \
            and derive.divisible_by_years(a.get("metric", ""), a["unit"]):
        return Verdict(False, reason="unfinished") if running else Verdict(True, "yearly_average")
    if not total and pa.full_years and pb.full_years and a["unit"] == "percent":
        return Verdict(False, reason="rates")
    return Verdict(False, reason="kind")


def _unlike(a: dict, b: dict) -> Verdict | None:
    """The refusal of two figures of unlike kinds, before their periods are read (None: alike so far).

    >>> r = lambda **k: figure_row(**dict(dict(unit="percent", basis="none", qualifier="actual", period="2024", published="2025-03-01", per_year=""), **k))
    >>> _unlike(r(), r()), _unlike(r(), r(unit="VND_bn")).reason, _unlike(r(period="2020-2024", per_year="yes"), r(period="2020-2024")).reason
    (None, 'unit', 'kind')
    """
    if expected(a) != expected(b):  # a goal or a forecast is never set against a result
        return Verdict(False, reason="target")
    if a.get("level") and b.get("level") and a["level"] != b["level"]:  # a district is no peer of its city
        return Verdict(False, reason="level")
    if a["unit"] != b["unit"]:
        return Verdict(False, reason="unit")
    if a["basis"] != b["basis"]:
        return Verdict(False, reason="basis")
    if per_year(a) != per_year(b):  # a yearly rate over a term is no total over it, nor a rate of one year
        return Verdict(False, reason="kind")
    return None


def peer_verdict(a: dict, b: dict) -> Verdict:
    """:func:`verdict` for two places: their periods also share a year (a district's 2030 goal is not set beside
    another's 1980 figure, nor one's first half of 2021 beside another's of 2022: which place is ahead is a question
    about one period); spans of several years, compared as yearly averages, may also follow one another (2016-2020
    and 2021-2023).

    >>> r = lambda p: figure_row(unit="percent", basis="none", qualifier="actual", period=p, published="2025-03-01")
    >>> peer_verdict(r("2024"), r("2023")).reason, peer_verdict(r("2024"), r("2019")).reason, peer_verdict(r("2015-2020"), r("2020-2025")).ok
    ('apart', 'apart', True)
    """
    v = verdict(a, b)
    pa, pb = period_of(a), period_of(b)
    if v.ok and str(a.get("metric", "")).startswith("targets_"):  # "30/33 chỉ tiêu nghị quyết" and "16/19 chỉ tiêu kinh tế"
        return Verdict(False, reason="own_targets")  # each place's own set of targets: no yardstick in common
    spans = pa.years > 1 and pb.years > 1
    if v.ok and max(pa.start, pb.start).year - min(pa.end, pb.end).year > (1 if spans else 0):
        return Verdict(False, reason="apart")
    if v.ok and a.get("scope", "") != b.get("scope", ""):  # "thu ngân sách nhà nước trên địa bàn" and "thu ngân sách quận"
        return Verdict(False, reason="scope")
    return v


def footing_values(a: dict, b: dict, v: Verdict) -> tuple[float, float]:
    """The two values on their common footing (per year for yearly averages, per cent for x/y ratios)."""
    def one(r: dict) -> float:
        x: float = r["value"]
        if r["unit"] == "ratio" and r.get("denominator") == r.get("denominator") and r.get("denominator"):
            x = 100 * x / r["denominator"]
        if v.footing == "yearly_average":
            x /= period_of(r).years
        return x
    return one(a), one(b)


# --- collecting findings from the figure table ------------------------------------------------

def _records(df: pd.DataFrame) -> list[dict]:
    return df.to_dict("records")


def _key(f: Finding) -> tuple:
    return (-round(f.salience, 6), f.kind, f.district, f.other, f.metric, f.period)


def _grew(row: dict, texts: dict[str, str] | None) -> bool | None:
    """A "so với cùng kỳ" percentage is a growth ("tăng 35%") or a level ("bằng 142%"); None when its article is
    at hand and no word before it says which ("đạt trên 80% ... so với năm 2023": a level, a growth, or a cue that
    belongs to another clause): such a figure is not read.  Without the article, a value under 100 is a growth."""
    if str(row["metric"]).endswith("_growth"):
        return True
    if texts and row["doc"] in texts:
        before = texts[row["doc"]][max(0, int(row["start"]) - 14):int(row["start"])]
        if "tăng" in before or "giảm" in before:
            return True
        if "bằng" in before:
            return False
        return None
    return bool(row["value"] < 100)


def normalise(rows: list[dict], texts: dict[str, str] | None) -> list[dict]:
    """Year-on-year percentages on one footing: a level ("bằng 142% so với cùng kỳ") becomes the change it
    means (+42), marked ``yoy_change``; so that 142 % and "tăng 18 %" are never set against each other.  One whose
    words say neither (:func:`_grew`) is left out."""
    out = []
    scopes = _revenue_scopes(rows, texts)
    for r in rows:
        if str(r["metric"]).startswith("budget_revenue"):
            r = dict(r, scope=scopes.get((r["doc"], r["district"], r["period"]), ""))
        if r["basis"] == "yoy" and r["unit"] == "percent" and not expected(r):
            r = dict(r, yoy_change=True)
            grew = _grew(r, texts)
            if grew is None:
                continue
            if not grew:
                r["value"] = r["value"] - 100
                r["yoy_level"] = True
            if str(r["metric"]).endswith("_yoy"):  # the level now says the change: one metric with "tăng 18%"
                r["metric"] = str(r["metric"]).removesuffix("_yoy") + "_growth"
        out.append(r)
    return out


def _revenue_scopes(rows: list[dict], texts: dict[str, str] | None) -> dict[tuple, str]:
    """Which revenue (:func:`~districtbook.analysis.revenue.revenue_scope`) each article reports for a place and
    period, as any of its sentences names it ("thu ngân sách nhà nước trên địa bàn … 4.870 tỷ đồng" names it for the
    title's "thu ngân sách đạt 78%" too); none when its sentences name two."""
    named: dict[tuple, set[str]] = {}
    for r in rows:
        if texts and str(r["metric"]).startswith("budget_revenue") and r["doc"] in texts:
            scope = revenue_scope(texts[r["doc"]], int(r["start"]))
            named.setdefault((r["doc"], r["district"], r["period"]), set()).update({scope} - {""})
    return {k: next(iter(v)) for k, v in named.items() if len(v) == 1}


#: a figure its own sentence scopes to a few named parts of the place ("thu tiền sử dụng đất tại 2 dự án ... 4.000 tỷ
#: đồng"): the parts' figure, never the place's own (its plan, its revenue); read only with the article at hand
_PART_SCOPE = re.compile(r"\b(?:tại|ở|của|thuộc|từ)\s+(?:\d+|hai|ba|bốn|năm|một số|các)\s+"
                         r"(?:dự án|công trình|khu|doanh nghiệp|lô đất|thửa đất)\b", re.IGNORECASE)


#: a party organisation of a bloc inside the place ("Đảng bộ Khối Cơ quan Dân Chính Đảng thành phố kết nạp 333 đảng
#: viên (đạt 133% kế hoạch)"): the bloc's figure, never the city's
_BLOC = re.compile(r"\bĐảng bộ (?:Khối|khối|Quân sự|quân sự|Công an|công an|Biên phòng|biên phòng)\b")


def part_of_place(row: dict, texts: dict[str, str] | None) -> bool:
    """Whether the figure's sentence, before it, scopes it to a few named parts of its place (projects, sites,
    firms): "đôn đốc để thu tiền sử dụng đất tại 2 dự án ... để đạt được kế hoạch dự kiến 4.000 tỷ đồng" is the
    plan of two projects, not the district's land-use plan.  A count of the parts themselves ("giải phóng mặt
    bằng 52 dự án") is not scoped.

    >>> t = {"a": "Quận đôn đốc thu tiền sử dụng đất tại 2 dự án để đạt kế hoạch 4.000 tỷ đồng. Quận giải phóng mặt bằng 52 dự án."}
    >>> part_of_place(dict(doc="a", start=t["a"].index("4.000"), end=0), t), part_of_place(dict(doc="a", start=t["a"].index("52"), end=0), t)
    (True, False)

    A party bloc's figure in a list of party organisations is the bloc's, the clause's own (after ";"):

    >>> t = {"b": "Đảng bộ huyện A kết nạp 241 đảng viên; Đảng bộ Khối Doanh nghiệp thành phố kết nạp 147 đảng viên."}
    >>> part_of_place(dict(doc="b", start=t["b"].index("241")), t), part_of_place(dict(doc="b", start=t["b"].index("147")), t)
    (False, True)
    """
    text = (texts or {}).get(row["doc"])
    if not text:
        return False
    start = int(row["start"])
    sentence = text[max(text.rfind(".", 0, start), text.rfind("\n", 0, start), 0):start]
    clause = sentence[sentence.rfind(";") + 1:]
    return bool(_PART_SCOPE.search(sentence) or _BLOC.search(clause))


def usable_rows(df: pd.DataFrame, texts: dict[str, str] | None,
                key: tuple[str, ...] = ("district", "metric", "value", "period", "unit")) -> list[dict]:
    """The figures findings may rest on, as records: strong ones only (:func:`districtbook.analysis.dataset.strong`), with a
    metric that states something about a period, the place's own (:func:`part_of_place`), each once (``key``),
    year-on-year percentages on one footing (:func:`normalise`)."""
    df = strong(df)
    df = df[~df["metric"].isin(NO_FINDING_METRICS)]
    rows = [r for r in _records(df.drop_duplicates(list(key))) if not part_of_place(r, texts)]
    return normalise(rows, texts)


def collect(df: pd.DataFrame, texts: dict[str, str] | None = None) -> list[Finding]:
    """Every finding the figures allow, ranked (most salient first, ties in a stable order)."""
    rows = usable_rows(df, texts, ("doc", "district", "metric", "value", "period", "unit"))
    out: list[Finding] = []
    used: set[int] = set()
    by_doc: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault((r["doc"], r["district"], r["period"]), []).append(i)
    previous: dict[tuple, tuple[float, dict]] = {}  # (district, metric, period) -> implied value a year earlier
    plans: list[tuple[dict, dict, dict]] = []
    for i, r in enumerate(rows):
        if r["unit"] not in AMOUNT_UNITS or expected(r):
            continue
        m = r["metric"]
        period = r[WHEN]
        for j in by_doc[(r["doc"], r["district"], r["period"])]:
            s = rows[j]
            if s["unit"] != "percent" or expected(s):
                continue
            if s["metric"] in (f"{m}_vs_plan", f"{m}_vs_target"):
                p = progress(r["value"], s["value"], period)
                used.update((i, j))
                out.append(Finding("progress", r["district"], m, r["period"], [r, s], p,
                                   SALIENCE["progress"] + min(abs(p.get("lead", 0)), 50) / 1000, when=period))
                if "months_left" in p and p["months_left"] > 0 and r["qualifier"] not in ("more_than", "less_than"):
                    # what is left of a plan implied by a bound ("hơn 1.647 tỷ" at 59%) is a bound too: no gap to say
                    out.append(Finding("gap", r["district"], m, r["period"], [r, s], p, SALIENCE["gap"], when=period))
                if s["metric"].endswith("_vs_plan") and period is not None and period.start.year == period.end.year:
                    plans.append((r, s, p))  # an annual plan, never from a multi-year total
            elif s["metric"] in (f"{m}_yoy", f"{m}_growth") and not per_year(s) and period is not None \
                    and period.start.year == period.end.year:  # "bình quân tăng 13,3%/năm" over a term: no year before
                c = change_on_year_before(r["value"], s["value"], True)  # normalised to a change
                used.update((i, j))
                out.append(Finding("change", r["district"], m, r["period"], [r, s], c,
                                   SALIENCE["change"] + min(abs(c["change"]), 100) / 1000, when=period))
                previous[(r["district"], m, r["period"])] = (c["previous"], r)
    out += _quarters(rows, previous)
    out += _contradictions(rows, plans)
    out += _trends_and_targets(rows, used)
    out += _levels(rows, used)
    out += ahead(rows)
    return sorted(out, key=_key)


def _quarters(rows: list[dict], previous: dict) -> list[Finding]:
    out = []
    amounts = [r for r in rows if r["unit"] in AMOUNT_UNITS and not expected(r)]
    groups: dict[tuple, dict[int, dict]] = {}
    for r in amounts:
        p = year_to_date(r)
        if p is None:
            continue
        groups.setdefault((r["district"], r.get("level", ""), r["metric"], p.start.year, r["unit"]), {}).setdefault(
            p.end.month, r)
    for (district, _level, metric, _year, _unit), by_end in sorted(groups.items()):
        ends = sorted(by_end)
        for a, b in zip(ends, ends[1:]):
            early, late = by_end[a], by_end[b]
            span = between(period_of(early), period_of(late))
            if span is None or not derivable(early, late):
                continue
            v = {"value": derive.difference(late["value"], early["value"]), "span": span,
                 "hedge": quarter_hedge(early["qualifier"], late["qualifier"]), "early": early[WHEN],
                 "late": late[WHEN], "per_quarter_early": early["value"] / (a / 3)}
            pe, pl = previous.get((district, metric, early["period"])), previous.get((district, metric, late["period"]))
            if pe and pl and {early["qualifier"], late["qualifier"]} <= {"actual", "estimate", ""}:
                # a bound on either end bounds both quarters the same way ("hơn 1.647"): their ratio is unknown
                v["previous"] = pl[0] - pe[0]
                v["previous_span"] = span.previous_year()
                v["ratio"] = v["value"] / v["previous"] if v["previous"] > 0 else math.nan
            out.append(Finding("quarter", district, metric, str(span), [late, early], v, SALIENCE["quarter"], when=span))
    return out


#: how far "gần", "khoảng", "xấp xỉ" reach from the value they hedge
APPROX_REACH = 0.05


def _bounds(row: dict) -> tuple[float, float]:
    """The values a hedged figure allows: "hơn 4.200" from 4,200 up, "gần 4.300" within 5 % of 4,300, a plain value
    itself."""
    v, q = row["value"], row.get("qualifier", "")
    if q == "approx":
        return v * (1 - APPROX_REACH), v * (1 + APPROX_REACH)
    return (v if q not in ("less_than", "at_most") else -math.inf), (v if q not in ("more_than", "at_least") else math.inf)


def _overlap(a: dict, b: dict) -> bool:
    """Whether two hedged figures can be the same value: "gần 4.300 tỷ" and "hơn 4.200 tỷ" do not contradict.

    >>> _overlap(dict(value=4300.0, qualifier="approx"), dict(value=4200.0, qualifier="more_than"))
    True
    >>> _overlap(dict(value=4300.0, qualifier="actual"), dict(value=4200.0, qualifier="actual"))
    False
    """
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    return a0 <= b1 and b0 <= a1


def _contradictions(rows: list[dict], plans: list[tuple[dict, dict, dict]]) -> list[Finding]:
    out = []
    # one indicator reported differently by two articles (beyond the rounding of the printed figures)
    seen: dict[tuple, list[dict]] = {}
    for r in rows:
        seen.setdefault((r["district"], r["metric"], r["unit"], r["basis"], r["period"], expected(r)), []).append(r)
    for key, rs in sorted(seen.items(), key=lambda kv: tuple(map(str, kv[0]))):
        docs = {r["doc"] for r in rs}
        values = sorted({r["value"] for r in rs})
        if len(docs) > 1 and len(values) > 1 and rs[0]["unit"] != "ratio":
            lo = next(r for r in rs if r["value"] == values[0])
            hi = next(r for r in rs if r["value"] == values[-1] and r["doc"] != lo["doc"]) if any(
                r["value"] == values[-1] and r["doc"] != lo["doc"] for r in rs) else None
            if hi is not None and not _overlap(lo, hi):
                out.append(Finding("contradiction", key[0], key[1], key[4], [lo, hi],
                                   {"what": "differ", "a": values[0], "b": values[-1]}, SALIENCE["contradiction"],
                                   when=lo[WHEN]))
    # annual plans implied by two articles
    by_year: dict[tuple, list] = {}
    for r, s, p in plans:
        year = period_of(r).start.year
        if reported_in_year(r, year):
            by_year.setdefault((r["district"], r.get("level", ""), r["metric"], year), []).append((r, s, p))
    for (district, _level, metric, year), group in sorted(by_year.items()):
        for k, (r1, s1, _p1) in enumerate(group):
            for r2, s2, _p2 in group[k + 1:]:
                if r1["doc"] == r2["doc"]:
                    continue
                # a plan implied by a bound ("hơn 1.647" ÷ 59%) is a floor: it can contradict a plan, never confirm one
                e1 = derive.bounded(derive.implied_base(r1["value"], derive.printed(s1["value"])), r1["qualifier"])
                e2 = derive.bounded(derive.implied_base(r2["value"], derive.printed(s2["value"])), r2["qualifier"])
                if e1 is None or e2 is None:
                    continue
                agree = e1.overlaps(e2)
                bounds = [_bound_hedge(r["qualifier"]) for r in (r1, r2)]
                if agree and any(bounds):
                    continue
                out.append(Finding("agreement" if agree else "contradiction", district, metric, str(year), [r1, s1, r2, s2],
                                   {"what": "plans", "a": e1.value, "b": e2.value, "agree": agree,
                                    "hedge_a": bounds[0], "hedge_b": bounds[1]},
                                   SALIENCE["agreement" if agree else "contradiction"], when=year_period(year)))
    # a component's target above the whole plan implied for the same year
    for r in rows:
        whole = COMPONENT_OF.get(r["metric"])
        if not whole or not expected(r):
            continue
        pr = r[WHEN]
        for amount, pct, prog in plans:
            q = amount[WHEN]
            if amount["district"] == r["district"] and amount["metric"] == whole and pr and q and pr.start.year == q.start.year \
                    and r["value"] > prog["plan"]:
                out.append(Finding("contradiction", r["district"], r["metric"], r["period"], [r, amount, pct],
                                   {"what": "component", "a": r["value"], "plan": prog["plan"], "whole": whole},
                                   SALIENCE["contradiction"] + 0.01, when=pr))
                break
    return out


def _trends_and_targets(rows: list[dict], used: set[int]) -> list[Finding]:
    out = []
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["district"], r["metric"], r["unit"], r["basis"]), []).append(r)
    for (district, metric, unit, _basis), rs in sorted(groups.items()):
        results = [r for r in rs if not expected(r) and r[WHEN]]
        results.sort(key=lambda r: (period_of(r).end, r["doc"]))
        done = False
        for k, a in enumerate(results):  # the first pair of comparable periods with different values
            for b in results[k + 1:]:
                if done or a["value"] == b["value"]:
                    continue
                v = verdict(a, b)
                va, vb = footing_values(a, b, v) if v.ok else (0.0, 0.0)
                if v.ok and direction(va, a["qualifier"], vb, b["qualifier"]) and not implausible(va, vb, unit) and \
                        period_of(a).end < period_of(b).start:
                    out.append(Finding("trend", district, metric, str(b["period"]), [a, b],
                                       {"a": va, "b": vb, "footing": v.footing}, SALIENCE["trend"], when=b[WHEN]))
                    done = True
        out += _targets(district, metric, unit, rs, results)
    return out


def _targets(district: str, metric: str, unit: str, rs: list[dict], results: list[dict]) -> list[Finding]:
    """The goals and forecasts of one measure of one unit: a range as one goal with both ends, a goal beside the
    last result of a comparable period before it, or alone (never a component's)."""
    out = []
    ranges = _range_ends([r for r in rs if expected(r)])
    for t in (r for r in rs if expected(r)):
        pt = t[WHEN]
        if id(t) in ranges:  # "từ 11 - 15%": one goal, said as the range, with both ends as its figures
            hi = ranges[id(t)]
            if hi is not None:
                out.append(Finding("target", district, metric, str(t["period"]), [t, hi],
                                   {"target": t["value"], "to": hi["value"]}, SALIENCE["target"], when=pt))
            continue
        past = [r for r in results if pt and period_of(r).comparable(pt) and period_of(r).end < pt.start]
        if past and unit not in AMOUNT_UNITS:
            out.append(Finding("target", district, metric, str(t["period"]), [t, past[-1]],
                               {"target": t["value"], "past": past[-1]["value"]},
                               SALIENCE["target"] + 0.05, when=pt))
        elif metric not in COMPONENT_OF:
            out.append(Finding("target", district, metric, str(t["period"]), [t], {"target": t["value"]},
                               SALIENCE["target"], when=pt))
    return out


def _range_ends(rows: list[dict]) -> dict[int, dict | None]:
    """The two ends of each range the articles give ("từ 11 - 15%": ``range_low`` then ``range_high`` of one
    article and period, the high end within 40 characters): by ``id`` of the low end, its high end; by ``id`` of
    the high end, None.

    >>> lo, hi = (dict(doc="a", period="2030", qualifier=q, start=s) for q, s in (("range_low", 10), ("range_high", 14)))
    >>> _range_ends([lo, hi]) == {id(lo): hi, id(hi): None}
    True
    """
    out: dict[int, dict | None] = {}
    lows = [r for r in rows if r.get("qualifier") == "range_low"]
    for hi in (r for r in rows if r.get("qualifier") == "range_high"):
        lo = next((r for r in lows if id(r) not in out and r["doc"] == hi["doc"] and r["period"] == hi["period"]
                   and r is not hi and 0 <= int(hi["start"]) - int(r["start"]) <= 40), None)
        if lo is not None:
            out[id(lo)], out[id(hi)] = hi, None
    return out


def _levels(rows: list[dict], used: set[int]) -> list[Finding]:
    out = []
    shares: dict[tuple, list[dict]] = {}
    for i, r in enumerate(rows):
        if i in used or expected(r):
            continue
        if r["metric"] in SECTOR_SHARES:
            shares.setdefault((r["district"], r["period"], r["doc"]), []).append(r)
        elif r["unit"] == "ratio" and r["denominator"] == r["denominator"] and r["denominator"]:
            x, y = r["value"], r["denominator"]
            out.append(Finding("ratio", r["district"], r["metric"], r["period"], [r],
                               {"x": x, "y": y, "pct": 100 * x / y}, SALIENCE["ratio"] + (0.02 if x == y else 0),
                               when=r[WHEN]))
        elif r["unit"] == "percent" and r["value"] == 100 and r["basis"] == "none":
            out.append(Finding("full", r["district"], r["metric"], r["period"], [r], {}, SALIENCE["full"], when=r[WHEN]))
        elif r["unit"] in ("times", "rank"):
            out.append(Finding("times", r["district"], r["metric"], r["period"], [r], {}, SALIENCE["times"], when=r[WHEN]))
        else:
            p = r[WHEN]
            v = {}
            if p is not None and p.full_years and p.years > 1 and r["unit"] in AMOUNT_UNITS and not unfinished(r) \
                    and derive.divisible_by_years(r["metric"], r["unit"]):
                v["per_year"] = r["value"] / p.years
            out.append(Finding("level", r["district"], r["metric"], r["period"], [r], v, SALIENCE["level"], when=p))
    for (district, period, _doc), rs in sorted(shares.items()):
        if len(rs) >= 2:
            rs = sorted(rs, key=lambda r: -r["value"])
            a, b = rs[0], rs[1]
            out.append(Finding("share", district, a["metric"], period, [a, b],
                               {"a": a["value"], "b": b["value"], "ratio": a["value"] / b["value"]
                                if b["value"] else math.nan}, SALIENCE["share"], when=a[WHEN]))
    return out


def ahead(rows: list[dict]) -> list[Finding]:
    """For every pair of districts: each metric they report on a common footing, the one ahead first."""
    out = []
    districts = sorted_names(r["district"] for r in rows)
    for i, da in enumerate(districts):
        for db in districts[i + 1:]:
            out += [f for f in (compare_pair(rows, da, db, m) for m in
                                sorted({r["metric"] for r in rows if r["district"] == da} &
                                       {r["metric"] for r in rows if r["district"] == db})) if isinstance(f, Finding)]
    return out


#: hedges that give only a floor: the figure may be any amount above it
LOWER_BOUNDS = frozenset({"more_than", "at_least", "range_low"})


def compare_pair(rows: list[dict], da: str, db: str, metric: str) -> Finding | tuple[dict, dict, Verdict] | None:
    """The first valid comparison of one metric between two districts (as reported before yearly averages,
    latest periods first), else the first refusal with its reason."""
    ra = [r for r in rows if r["district"] == da and r["metric"] == metric]
    rb = [r for r in rows if r["district"] == db and r["metric"] == metric]
    pairs = [(a, b, peer_verdict(a, b)) for a in ra for b in rb]
    if not pairs:
        return None
    ok = [p for p in pairs if p[2].ok]
    if not ok:
        return min(pairs, key=_nearest_refusal)
    plausible = [p for p in ok if not implausible(*footing_values(*p), p[0]["unit"])]
    if not plausible:  # a ratio the quality checks call implausible is never a finding: refused, with its reason
        a, b, _v = min(ok, key=_nearest_refusal)
        return a, b, Verdict(False, reason="implausible")
    ok = plausible
    def rank(p):
        a, b, v = p
        pa, pb = period_of(a), period_of(b)
        return (v.footing != "as_reported", pa != pb, -max(pa.end, pb.end).toordinal(), a["doc"], b["doc"])
    a, b, v = sorted(ok, key=rank)[0]
    va, vb = footing_values(a, b, v)
    if va < vb:
        (a, va, da_), (b, vb, db_) = (b, vb, db), (a, va, da)
    else:
        da_, db_ = da, db
    if b.get("qualifier") in LOWER_BOUNDS and va != vb:  # "hơn 3.000" may be any amount above it: no "higher", no ratio
        return (a, b, Verdict(False, reason="bound")) if da_ == da else (b, a, Verdict(False, reason="bound"))
    values = {"a": va, "b": vb, "footing": v.footing, "ratio": va / vb if vb else math.nan, "equal": va == vb}
    return Finding("ahead", da_, metric, str(a["period"]), [a, b], values,
                   SALIENCE["ahead"] + (0.0 if v.footing == "as_reported" else -0.05), other=db_, when=a[WHEN])


def _nearest_refusal(pair: tuple[dict, dict, Verdict]) -> tuple:
    """The refused pair a reader would most expect to see compared, whose reason is the one to give:
    two results before a result and a goal, periods of one kind before periods of two, the latest first.

    >>> r = lambda **k: figure_row(**dict(dict(qualifier="actual", per_year="", basis="none", published="2024-10-20"), **k))
    >>> goal, done = r(period="2021-2025", qualifier="target"), r(period="2016-2020")
    >>> _nearest_refusal((goal, r(period="2015-2020"), None)) > _nearest_refusal((done, r(period="2015-2020"), None))
    True
    """
    a, b, _v = pair
    pa, pb = a[WHEN], b[WHEN]
    kinds = 0 if pa is not None and pb is not None and pa.granularity == pb.granularity else 1
    latest = max((p.end.toordinal() for p in (pa, pb) if p is not None), default=0)
    return (expected(a) + expected(b), kinds, -latest, str(a.get("doc", "")), str(b.get("doc", "")))


def refusals(df: pd.DataFrame, da: str, db: str, texts: dict[str, str] | None = None) -> list[tuple[str, dict, dict, Verdict]]:
    """For each metric both districts report but no footing allows comparing: the pair and the reason."""
    rows = usable_rows(df, texts)
    out = []
    for m in sorted({r["metric"] for r in rows if r["district"] == da} & {r["metric"] for r in rows if r["district"] == db}):
        res = compare_pair(rows, da, db, m)
        if isinstance(res, tuple):
            out.append((m, res[0], res[1], res[2]))
    return out
