"""Derived measures: what the printed figures imply, with the rounding interval each carries.

A percentage printed as ``89%`` stands for anything in [88.5, 89.5); every implied value is
therefore an interval, and two articles "agree" when their intervals overlap.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Estimate:
    """A derived value with the interval its inputs' rounding allows."""

    value: float
    low: float
    high: float

    def overlaps(self, other: Estimate) -> bool:
        return self.low <= other.high and other.low <= self.high


def bounded(e: Estimate, qualifier: str) -> Estimate | None:
    """What an estimate from a hedged amount still says: from "hơn 1.647 tỷ đồng" only a floor (its value the floor,
    no upper end), from "dưới …" only a ceiling; nothing from "khoảng" or one end of a range (their error is unknown).

    >>> bounded(Estimate(2791.5, 2768.1, 2815.4), "more_than"), bounded(Estimate(2791.5, 2768.1, 2815.4), "approx")
    (Estimate(value=2768.1, low=2768.1, high=inf), None)
    """
    if qualifier == "more_than":
        return Estimate(e.low, e.low, math.inf)
    if qualifier == "less_than":
        return Estimate(e.high, 0.0, e.high)
    if qualifier in ("approx", "range_low", "range_high"):
        return None
    return e


def printed(value: float) -> str:
    """A percentage as it was printed (trailing zeros dropped), for :func:`half_unit`.

    >>> printed(89.0), printed(11.69), printed(114.2)
    ('89', '11.69', '114.2')
    """
    return f"{float(value):.6f}".rstrip("0").rstrip(".")


def half_unit(printed: str) -> float:
    """Half a unit of the last printed digit: the rounding half-width of a figure.

    >>> half_unit("89"), half_unit("11.69"), half_unit("114.2")
    (0.5, 0.005, 0.05)
    """
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return float(Decimal(5) / Decimal(10) ** (decimals + 1))


def implied_base(value: float, percent: str) -> Estimate:
    """The base a value is ``percent`` of: "2.511 tỷ đồng, bằng 89% kế hoạch năm" -> plan = 2511 / 0.89.

    >>> e = implied_base(2511, "89")
    >>> round(e.value, 1), round(e.low, 1), round(e.high, 1)
    (2821.3, 2805.6, 2837.3)
    """
    p, h = float(percent), half_unit(percent)
    return Estimate(value / (p / 100), value / ((p + h) / 100), value / ((p - h) / 100))


def implied_before_growth(value: float, growth_percent: str) -> Estimate:
    """The earlier value a value grew from: "1.647 tỷ đồng, tăng 35% so với cùng kỳ" -> 1647 / 1.35.

    >>> e = implied_before_growth(1647, "35")
    >>> round(e.value, 1), round(e.low, 1), round(e.high, 1)
    (1220.0, 1215.5, 1224.5)
    """
    g, h = float(growth_percent), half_unit(growth_percent)
    return Estimate(value / (1 + g / 100), value / (1 + (g + h) / 100), value / (1 + (g - h) / 100))


def difference(later: float, earlier: float) -> float:
    """A period implied by two year-to-date figures: 9 months minus the first half is the third quarter.

    >>> difference(2511, 1647)
    864.0
    """
    return float(later) - float(earlier)


def annual_average(total: float, first_year: int, last_year: int) -> float:
    """The yearly average of a multi-year total: 37.016 tỷ đồng over 2021-2023 -> 12.338,7 a year.

    >>> round(annual_average(37016, 2021, 2023), 1), annual_average(15000, 2016, 2020)
    (12338.7, 3000.0)
    """
    return float(total) / (last_year - first_year + 1)


#: counts of things that happen (a flow: members admitted, firms founded), which a span of years may average;
#: a count of things there are or pursued (targets, markets, units) is no yearly rate
FLOW_COUNTS = frozenset({"party_members_admitted", "new_enterprises", "new_party_organisations", "new_mass_organisations",
                         "households_supported", "projects_land_cleared"})


#: amounts per head or per unit: a level, never a total a span of years adds up to
PER_HEAD_SUFFIXES = ("per_capita", "_per_head", "_average", "_avg")


def divisible_by_years(metric: str, unit: str) -> bool:
    """Whether a total over several years may be divided into a yearly average: money, and counts of flows.
    Fifteen targets pursued over 2020-2025 are not "2.5 targets a year".

    >>> divisible_by_years("budget_revenue", "VND_bn"), divisible_by_years("targets_total", "count")
    (True, False)
    >>> divisible_by_years("party_members_admitted", "count"), divisible_by_years("economic_growth_rate", "percent")
    (True, False)
    >>> divisible_by_years("grdp_per_capita", "VND_bn"), divisible_by_years("income_per_capita", "VND_bn")
    (False, False)
    """
    if str(metric).endswith(PER_HEAD_SUFFIXES) or "_per_" in str(metric):  # 48 triệu đồng a head is no total
        return False
    if unit in ("VND_bn", "USD_mn"):
        return True
    return unit == "count" and str(metric) in FLOW_COUNTS
