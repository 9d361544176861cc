"""The analysis: derived measures with hand-computed expectations, quality flags, the comparison chapter's
refusals (the findings: test_findings.py; the book's reaction to a new district's article: test_reruns.py)."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from districtbook.analysis import dataset, derive
from districtbook.chapters import budget

from .conftest import SEEDS, cli




def test_implied_annual_plan_and_its_rounding_interval():
    # "2.511 tỷ đồng, bằng 89% kế hoạch năm": 2511 / 0.89 = 2821.35; 89 % stands for [88.5, 89.5)
    e = derive.implied_base(2511, "89")
    assert e.value == pytest.approx(2821.348, abs=1e-3)
    assert e.low == pytest.approx(2511 / 0.895) and e.high == pytest.approx(2511 / 0.885)


def test_implied_previous_year_from_a_level_and_from_a_growth_rate():
    # "bằng 142% so với cùng kỳ": 2511 / 1.42 = 1768.31; "tăng 35% so với cùng kỳ": 1647 / 1.35 = 1220.0
    assert derive.implied_base(2511, "142").value == pytest.approx(1768.310, abs=1e-3)
    e = derive.implied_before_growth(1647, "35")
    assert e.value == pytest.approx(1220.0) and e.low == pytest.approx(1647 / 1.355)


def test_quarter_average_and_spans():
    assert derive.difference(2511, 1647) == 864
    assert derive.annual_average(37016, 2021, 2023) == pytest.approx(12338.667, abs=1e-3)
    assert derive.half_unit("114.2") == 0.05


def test_two_articles_implied_plans_agree_within_rounding():
    # 000: 2511 / 0.89 -> [2805.6, 2837.3]; 002: "trên 1.647" / 0.59 -> more than 1647 / 0.595 = 2768.07: a floor,
    # printed as one ("more than 2,768.0"), which confirms no plan
    df = dataset.load(SEEDS)
    derived = budget.derivations(df, "en")
    plans = sorted((d for d in derived if d["kind"] == "plan"), key=lambda d: d["value"])
    assert [round(d["value"], 1) for d in plans] == [2768.1, 2821.3]
    # the formula printed is the one computed: 1,647 ÷ 59.5% = 2,768.07 (1,647 ÷ 59% would be 2,791.5)
    assert "more than 2,768.0 billion VND = more than 1,647 ÷ 59.5% (taking 59.5%, the top of what rounds to 59%)" in plans[0]["text"] \
        and "(" not in plans[0]["text"].split("=")[0]
    assert "2,821.3 billion VND (2,805.6 – 2,837.3) = 2,511 ÷ 89%" in plans[1]["text"]
    assert budget.plan_agreement(derived, "en") == []
    exact = df.assign(qualifier=df["qualifier"].replace("more_than", "actual"))
    assert "agrees" in budget.plan_agreement(budget.derivations(exact, "en"), "en")[0]  # "đạt 1.647": 2791.5 overlaps
    quarter = next(d for d in derived if d["kind"] == "quarter")
    assert quarter["value"] == 864 and "upper bound" in quarter["text"]
    previous = {d["period"]: round(d["value"], 1) for d in derived if d["kind"] == "previous"}
    assert previous == {"2023-9M": 1768.3, "2023-H1": round(1647 / 1.355, 1)}
    # the reasoning names its periods in words, never as labels ("2023-9M")
    assert "(the first 9 months of 2023)" in next(d["text"] for d in derived if d["period"] == "2023-9M")
    assert "between the first half of 2024 and the first 9 months of 2024" in quarter["text"]
    assert not [d["text"] for d in derived if re.search(r"\b\d{4}-(?:H\d|Q\d|\d{1,2}M)\b", d["text"])]


def test_yearly_averages_only_of_totals_over_whole_years():
    # 15.000 tỷ đồng over 2016-2020: 3.000 a year; a half term is not whole years, a single year needs no average
    df = pd.DataFrame([_fig(value=15000.0, period="2016-2020"), _fig(doc="y.txt", value=9000.0, period="2020-2025-H1"),
                       _fig(doc="z.txt", value=800.0, period="2023")])
    averages = [d for d in budget.derivations(df, "en") if d["kind"] == "average"]
    assert [(d["period"], d["value"]) for d in averages] == [("2016-2020", 3000.0)]
    # printed as precisely as the total (no false ".0"), the hedge kept (see test_reader_findings)
    assert "Yearly average over 2016-2020: 3,000 billion VND = 15,000 ÷ 5 years [x · O · 1 January 2024]" == averages[0]["text"]
    assert budget.derivations(pd.DataFrame([_fig(metric="awards", value=3.0, unit="count")]), "en") == []
    assert "No pair of figures" in budget.derived(pd.DataFrame([_fig(metric="awards", value=3.0, unit="count")]), None, "en")


def test_a_percentage_the_title_repeats_implies_one_plan():
    """A headline and its lead both say "78% of the annual estimate": one implied plan, not the same row twice."""
    amount = _fig(value=4870.0, period="2024-9M", start=100, end=114, published="2024-10-08")
    title = _fig(metric="budget_revenue_vs_plan", value=78.0, unit="percent", period="2024-9M", basis="plan",
                 start=10, end=13, published="2024-10-08")
    lead = dict(title, start=130, end=133)
    plans = [d for d in budget.derivations(pd.DataFrame([amount, title, lead]), "en") if d["kind"] == "plan"]
    assert [round(d["value"], 1) for d in plans] == [6243.6]


def test_implied_plans_that_cannot_both_hold_do_not_overlap():
    """The arithmetic under a "plans" contradiction (that the findings report it is
    test_findings.py::test_contradictions_between_articles): 2511 / 89 % and 1647 / 49 % imply plans whose
    rounding intervals are apart, 2511 / 89 % and 1647 / 59 % plans that agree."""
    assert not derive.implied_base(2511, "89").overlaps(derive.implied_base(1647, "49"))
    assert derive.implied_base(2511, "89").overlaps(derive.implied_base(1647, "59"))


def _fig(**kw):
    base = dict(doc="x.txt", district="A", metric="budget_revenue", value=1.0, unit="VND_bn", denominator=float("nan"),
                period="2023", basis="none", qualifier="actual", quote="", start=0, end=0, kind="indicator",
                outlet="O", published="2024-01-01")
    base.update(kw)
    return base


def test_quality_flags():
    df = pd.DataFrame([
        _fig(metric="sector_share_services", value=60.0, unit="percent", basis="share"),
        _fig(metric="sector_share_industry", value=30.0, unit="percent", basis="share"),
        _fig(metric="targets_completed", value=22.0, unit="ratio", denominator=21.0),
        _fig(value=1.0),
        _fig(doc="y.txt", value=2.0),
    ])
    flags = set(dataset.quality_flags(df)["flag"])
    assert {"shares_not_100", "ratio_over_1", "conflict"} <= flags
    seeds_flags = dataset.quality_flags(dataset.load(SEEDS))
    assert "shares_sum_100" in set(seeds_flags["flag"])  # 66,14 + 33,53 + 0,33 = 100
    from districtbook.chapters import figures
    shown = str(figures.quality(dataset.load(SEEDS), "en"))
    assert "sector shares sum to 100%" not in shown and "repeated in one article" in shown  # a passed check is no finding


def test_comparison_chapter_refuses_incomparable_figures_instead_of_charting(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Quận Ba Đình\nNăm 2023, quận Ba Đình hoàn thành 21/21 chỉ tiêu.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("Quận Hoàn Kiếm\nNửa nhiệm kỳ 2020-2025, quận Hoàn Kiếm đã hoàn thành "
                                 "12/16 chỉ tiêu cả nhiệm kỳ.\n", encoding="utf-8")
    out = tmp_path / "compare.ipynb"
    proc = cli("run", "compare", "-p", "seeds", str(seeds), "-p", "district_a", "Ba Đình", "-p", "district_b",
               "Hoàn Kiếm", "-p", "lang", "en", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    nb = json.loads(out.read_text(encoding="utf-8"))
    text = "".join("".join(o.get("data", {}).get("text/plain", "")) for c in nb["cells"] for o in c.get("outputs", []))
    assert "2023 and the first half of the 2020-2025 term are periods of a different kind or length" in text
    assert "No indicator of Ba Đình and Hoàn Kiếm can be set side by side on a common footing" in text
    assert "2020-2025-H1" not in text  # periods in words, never as labels
    assert "{figure}" not in text and not list((tmp_path / "_assets").glob("compare-*.png"))
