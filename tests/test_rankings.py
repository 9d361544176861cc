"""Rankings among peers (the comparison chapter's second part, issue 17): three or more places of one level, one
measure, one period, on one footing, from strong figures only; each table cites every figure and is a statement of
findings.csv with its input figures."""
from __future__ import annotations

import pandas as pd

from districtbook.analysis import rankings
from districtbook.chapters import comparison
from districtbook.rendering import ledger


def _fig(district: str, value: float, **kw) -> dict:
    base = dict(doc=f"{district}.txt", district=district, level="district", metric="budget_revenue", value=value,
                unit="VND_bn", denominator=float("nan"), period="2024", per_year="", basis="none", base="",
                qualifier="actual", quote=f"{value} tỷ đồng", start=10, end=20, kind="indicator",
                place_from="clause:0-5", period_from="clause:0-5", basis_from="none", metric_from="clause:0-5",
                weak="", outlet="Báo A", published="2025-02-01")
    base.update(kw)
    return base


def _three(**extra) -> list[dict]:
    third = {**_fig("Long Biên", 4000.0), **extra}
    return [_fig("Ba Đình", 3000.0), _fig("Cầu Giấy", 5000.0), third]


def test_three_peers_on_one_footing_are_ranked_highest_first():
    (r,) = rankings.rankings(pd.DataFrame(_three()))
    assert [x["district"] for x in r.rows] == ["Cầu Giấy", "Long Biên", "Ba Đình"]
    assert r.key == ("district", "budget_revenue", "VND_bn", "none", "2024", "")


def test_what_breaks_the_footing_leaves_no_ranking():
    """A weak period, a goal, another period, a province among districts, an implausible amount, two values for one
    place: each takes the third place out, and two places are no ranking."""
    spoilers = [dict(weak="period"), dict(qualifier="target"), dict(period="2024-9M"),
                dict(level="province", district="Quảng Nam"), dict(value=40.0)]
    for extra in spoilers:
        assert rankings.rankings(pd.DataFrame(_three(**extra))) == [], extra
    twice = [*_three(), _fig("Long Biên", 4100.0, doc="other.txt")]
    assert rankings.rankings(pd.DataFrame(twice)) == []
    ratios = [_fig(d, 21.0, unit="ratio", denominator=21.0, metric="targets_completed") for d in ("A", "B", "C")]
    assert rankings.rankings(pd.DataFrame(ratios)) == []


def test_a_ranking_table_cites_each_figure_and_is_a_statement_with_its_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    shown = comparison.rankings(pd.DataFrame(_three()), "vi")
    assert shown.index("Cầu Giấy") < shown.index("Long Biên") < shown.index("Ba Đình")
    assert all(f"\\[{d} · Báo A · 1/2/2025\\]" in shown for d in ("Ba Đình", "Cầu Giấy", "Long Biên"))
    rows = (tmp_path / "findings-compare-vi.csv").read_text(encoding="utf-8")
    assert ",ranking," in rows and "Ba Đình.txt:10-20;Cầu Giấy.txt:10-20;Long Biên.txt:10-20" in rows


def test_no_ranking_says_so_in_both_editions():
    assert "3" in comparison.rankings(pd.DataFrame(_three()[:2]), "en")
    assert "3" in comparison.rankings(pd.DataFrame(_three()[:2]), "vi")


def test_a_floor_has_no_place_in_a_ranking():
    """"hơn 4.000 tỷ đồng" may be any amount above 4.000: it is left out, and two places are no ranking."""
    rows = _three()
    rows[0] = dict(rows[0], qualifier="more_than")
    assert rankings.rankings(pd.DataFrame(rows)) == []
