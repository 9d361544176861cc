"""What the reader review (issue 10) found wrong in the findings, with hand-computed expectations: a goal or a
forecast never set against a result as a change, hedges kept in directions and yearly averages, yearly figures
marked as such, the comparison chapter's points, the introduction's plain-text points."""
from __future__ import annotations

import pandas as pd
import pytest

from districtbook.analysis import findings
from districtbook.rendering import prose
from districtbook.chapters import budget, common
from districtbook.analysis.findings import Verdict, direction, expected, verdict

from .test_findings import _df, _fig


def _tay_ho_growth() -> pd.DataFrame:
    # 004 (13 Feb 2021): "tốc độ tăng trưởng kinh tế bình quân đạt 14,01%" for 2016-2020 and, for the new term,
    # "duy trì tốc độ tăng bình quân đạt trên 14%/năm" (a goal for 2021-2025, set when the term had barely begun)
    return _df(
        _fig(doc="004_a.txt", metric="economic_growth_rate", unit="percent", value=14.01, period="2016-2020",
             published="2021-02-13"),
        _fig(doc="004_a.txt", metric="economic_growth_rate", unit="percent", value=14.0, period="2021-2025",
             qualifier="more_than", per_year="yes", published="2021-02-13"),
    )


def test_a_goal_for_a_term_just_begun_is_never_a_fall_from_what_was_achieved():
    found = findings.collect(_tay_ho_growth())
    assert not [f for f in found if f.kind == "trend"]  # "more than 14%" is not lower than 14.01%
    t = [f for f in found if f.kind == "target"]
    assert len(t) == 1 and t[0].values == {"target": 14.0, "past": 14.01}
    vi, en = prose.sentence(t[0], "vi"), prose.sentence(t[0], "en")
    assert "hơn 14% mỗi năm" in vi and "ngang mức 14,01%" in vi and "giảm" not in vi
    assert "more than 14% each year" in en and "fell" not in en


def test_a_forecast_for_a_later_year_is_not_a_rise():
    # 003 (6 Apr 2023): "dự kiến năm 2023 tăng 11,69% ... ước thực hiện đến năm 2025 tăng 12%": two forecasts
    df = _df(
        _fig(doc="003_d.txt", district="Đống Đa", metric="economic_growth_rate", unit="percent", value=11.69, period="2023",
             qualifier="estimate", published="2023-04-06"),
        _fig(doc="003_d.txt", district="Đống Đa", metric="economic_growth_rate", unit="percent", value=12.0, period="2025",
             qualifier="estimate", published="2023-04-06"),
    )
    found = findings.collect(df)
    assert not [f for f in found if f.kind == "trend"]
    text = " ".join(prose.sentence(f, "vi") for f in found)
    assert "tăng từ" not in text and "dự kiến" in text and "12%" in text


@pytest.mark.parametrize(("a", "qa", "b", "qb", "way"), [
    (14.01, "actual", 14.0, "more_than", 0),  # more than 14: may be above or below 14.01
    (12.0, "actual", 14.0, "more_than", 1),
    (15.0, "more_than", 14.0, "actual", -1),
    (10.0, "actual", 8.0, "less_than", -1),
    (10.0, "actual", 12.0, "less_than", 0),
    (10.0, "estimate", 12.0, "approx", 1),
])
def test_a_direction_is_only_stated_when_the_hedges_allow_it(a, qa, b, qb, way):
    assert direction(a, qa, b, qb) == way


def test_a_goal_or_forecast_against_a_result_is_refused_for_that_reason_first():
    # Tây Hồ's "trên 75%" a year for 2021-2025 (a goal, a share) against Đống Đa's 80% achieved (no basis):
    # the reason is the goal, not the basis
    a = _fig(metric="party_units_good_share", unit="percent", basis="share", value=75.0, period="2021-2025",
             qualifier="more_than", per_year="yes", published="2021-02-13")
    b = _fig(district="Đống Đa", doc="003_d.txt", metric="party_units_good_share", unit="percent", value=80.0,
             period="2020-2025-H1", published="2023-04-06")
    assert expected(a) and not expected(b)
    assert verdict(a, b) == Verdict(False, reason="target")
    # a running total ("trong 3 năm đạt hơn 37.016 tỷ đồng", April 2023) is what was achieved so far, not a goal
    assert not expected(_fig(value=37016.0, period="2021-2023", qualifier="more_than", published="2023-04-06"))


def test_yearly_figures_are_marked_per_year_in_sentences_and_tables():
    # "mỗi năm kết nạp mới từ 90 đảng viên trở lên": 90 a year, not 90 over the term
    row = _fig(doc="004_a.txt", metric="party_members_admitted", unit="count", value=90.0, period="2021-2025",
               qualifier="more_than", per_year="yes", published="2021-02-13", quote="90 đảng viên")
    t = [f for f in findings.collect(_df(row)) if f.kind == "target"][0]
    assert "hơn 90 đảng viên mỗi năm" in prose.sentence(t, "vi")
    assert "more than 90 new Party members each year" in prose.sentence(t, "en")
    assert prose.period_cell(row, "vi") == "giai đoạn 2021-2025 (mỗi năm)"
    assert prose.period_cell(row, "en") == "2021-2025 (per year)"
    # "năm sau tăng hơn năm trước 10%" for 2021-2025: a growth on the year before, so a yearly figure too
    goal = _fig(metric="budget_revenue_growth", unit="percent", basis="yoy", value=10.0, period="2021-2025",
                qualifier="target", published="2021-02-13")
    g = [f for f in findings.collect(_df(goal)) if f.kind == "target"][0]
    assert "10% mỗi năm" in prose.sentence(g, "vi") and "mức tăng thu ngân sách" in prose.sentence(g, "vi")
    assert "For 2021-2025, Tây Hồ set a target of 10% a year for growth in budget revenue" in prose.sentence(g, "en")


def test_a_yearly_average_keeps_the_hedge_and_no_false_precision():
    # "đạt trên 15.000 tỷ đồng" over 2016-2020: more than 15000 / 5 = 3000 a year
    r = _fig(value=15000.0, period="2016-2020", qualifier="more_than", published="2021-02-13")
    assert prose.derived_average(r, 5, "vi")["value"] == "hơn 3.000 tỷ đồng"
    # "hơn 37.016 tỷ đồng" over 2021-2023: 37016 / 3 = 12338.67, printed whole and still true: "hơn 12.338"
    done = _fig(**dict(r, value=37016.0, period="2021-2023", published="2024-02-01"))
    assert prose.derived_average(done, 3, "vi")["value"] == "hơn 12.338 tỷ đồng"
    # ... but not while the three years were still running when the article appeared
    assert prose.derived_average(dict(done, published="2023-04-06"), 3, "vi") is None


def test_the_derived_table_prints_periods_in_words(tmp_path, monkeypatch):
    monkeypatch.setattr("districtbook.base.paths.assets_dir", lambda: tmp_path)
    df = _df(
        _fig(value=2511.0, period="2024-9M", qualifier="estimate", published="2024-10-12"),
        _fig(metric="budget_revenue_yoy", value=142.0, unit="percent", period="2024-9M", basis="yoy", published="2024-10-12"),
        _fig(doc="002_b.txt", value=1647.0, period="2024-H1", qualifier="more_than", published="2024-07-20"),
    )
    out = budget.derived(df, {}, "vi")
    assert "quý III/2024" in out and "9 tháng năm 2023" in out
    assert "2023-9M" not in out and "2024-H1" not in out and ".." not in out


def test_the_comparison_chapter_opens_with_comparisons_or_says_why_there_are_none():
    a = _fig(metric="awards", unit="count", value=12.0, period="2024-9M", published="2024-10-12")
    b = _fig(district="Đống Đa", doc="003_d.txt", metric="awards", unit="count", value=14.0, period="2020-2023",
             published="2023-04-06")
    only_a = _fig(metric="budget_revenue", value=2511.0, period="2024-9M", published="2024-10-12")
    none = prose.comparison_points(_df(a, b, only_a), None, "Tây Hồ", "Đống Đa", "vi")
    assert "thu ngân sách" not in none  # a one-district finding is not a comparison
    assert "được khen thưởng (kỳ báo cáo không tương đương)" in none
    c = _fig(district="Đống Đa", doc="003_d.txt", metric="awards", unit="count", value=14.0, period="2024-9M",
             published="2024-10-15")
    some = prose.comparison_points(_df(a, c, only_a), None, "Tây Hồ", "Đống Đa", "en")
    points = [ln for ln in some.splitlines() if ln.startswith("- ")]
    assert len(points) == 1 and "Đống Đa" in points[0] and "Tây Hồ" in points[0]


def test_the_introductions_points_are_plain_text():
    # shown with {glue:text}, which prints text as it is: no Markdown escapes
    df = _df(_fig(value=2511.0, period="2024-9M", qualifier="estimate", published="2024-10-12"),
             _fig(metric="budget_revenue_vs_plan", value=89.0, unit="percent", period="2024-9M", basis="plan",
                  published="2024-10-12"))
    points = prose.point_sentences(df, None, "vi")
    assert points and all("\\" not in p for p in points)
    assert "[000 · Báo A · 12/10/2024]" in points[0]  # a date as Vietnamese readers write it


def test_a_figure_an_article_repeats_is_one_row_of_the_table(tmp_path, monkeypatch):
    monkeypatch.setattr("districtbook.base.paths.assets_dir", lambda: tmp_path)
    twice = _fig(value=37016.0, period="2021-2023", qualifier="more_than", published="2023-04-06")
    out = common.topic_table(_df(twice, dict(twice, start=500, end=510)), ("budget_revenue",), "vi", "t")
    assert out.count("37.016 tỷ đồng") == 1


def _capture(monkeypatch):
    from districtbook.rendering import charts

    figs = []

    def keep(fig, name, alt, source, data, caption, note=""):
        from districtbook.rendering.report import label_overlaps

        assert not label_overlaps(fig)
        figs.append(fig)
        return name

    monkeypatch.setattr(charts, "publish_chart", keep)
    monkeypatch.setattr(charts, "_source", lambda rows, lang: "")
    return figs


def test_the_growth_chart_draws_a_goal_hatched_beside_the_result_with_a_unit(monkeypatch):
    from districtbook.rendering import charts

    figs = _capture(monkeypatch)
    charts.pairs_chart(findings.collect(_tay_ho_growth()), "vi", "g", "chart.growth.title", "chart.growth.caption")
    (ax,) = figs[0].axes
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert [b.get_hatch() for b in bars] == [None, "///"]  # the 14,01% achieved solid, the goal hatched
    assert ax.get_xlabel() == "Đơn vị: %"
    assert "hơn 14% mỗi năm" in [t.get_text() for t in ax.texts]


def test_the_governance_chart_keeps_votes_and_targets_apart_with_distinct_labels(monkeypatch):
    from districtbook.rendering import charts

    figs = _capture(monkeypatch)
    article = "Quận hoàn thành 21/21 chỉ tiêu về phát triển kinh tế - xã hội; 3/3 chỉ tiêu về công tác xây dựng Đảng. Phiếu 33/33."
    rows = _df(
        _fig(doc="001_c.txt", metric="targets_completed", unit="ratio", value=21.0, denominator=21.0, period="2023",
             start=article.find("21/21"), end=article.find("21/21") + 14),
        _fig(doc="001_c.txt", metric="targets_completed", unit="ratio", value=3.0, denominator=3.0, period="2023",
             start=article.find("3/3"), end=article.find("3/3") + 12),
        _fig(doc="001_c.txt", metric="confidence_votes", unit="ratio", value=33.0, denominator=33.0, period="2023",
             start=article.find("33/33"), end=article.find("33/33") + 5),
    )
    charts.ratio_chart(findings.collect(rows), "vi", "r", {"001_c.txt": article})
    axes = figs[0].axes
    assert sorted(ax.get_title(loc="left") for ax in axes) == ["Chỉ tiêu hoàn thành", "Phiếu tín nhiệm"]
    labels = [t.get_text() for ax in axes for t in ax.get_yticklabels()]
    assert len(labels) == len(set(labels)) == 3
    assert "Tây Hồ · năm 2023 · chỉ tiêu về công tác xây dựng Đảng" in labels


def test_each_edition_names_its_author_in_its_own_language(tmp_path):
    # the PDF's title page and the site's footer ("Bởi ...", "By ..."): not the bare name of the program
    import yaml

    from districtbook.building import manifest, plan
    from .conftest import ROOT

    eds = manifest.load(ROOT / "book/manifest.yml").editions
    authors = {e.lang: yaml.safe_load(plan.edition_config(ROOT / "_config.yml", e, eds))["author"] for e in eds}
    assert authors == {"vi": "Dự án districtbook", "en": "the districtbook project"}


def test_a_changed_catalogue_executes_the_chapters_again(tmp_path, monkeypatch):
    # the chapters' sentences come from the .po catalogues: a changed word must not leave a cached chapter
    from districtbook.building import cache
    from districtbook.base import paths

    (tmp_path / "m.py").write_text("x = 1\n", encoding="utf-8")
    po = tmp_path / "locale/vi/LC_MESSAGES/districtbook.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "a"\nmsgstr "100 %"\n', encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path)
    before = cache.code_hash()
    po.write_text('msgid "a"\nmsgstr "100%"\n', encoding="utf-8")
    assert cache.code_hash() != before


def test_a_table_marks_a_year_given_before_it_was_over_and_explains_only_the_marks_it_shows(tmp_path, monkeypatch):
    monkeypatch.setattr("districtbook.base.paths.assets_dir", lambda: tmp_path)
    # "12/15 chỉ tiêu … cho năm 2024" in October: progress so far, not the year's result
    early = _fig(metric="targets_completed", unit="ratio", value=12.0, denominator=15.0, period="2024",
                 published="2024-10-08")
    out = common.topic_table(_df(early), ("targets_completed",), "vi", "t")
    assert "năm 2024 (tính đến lúc đưa tin)" in out and "(tính đến lúc đưa tin): tổng của năm" in out
    assert "(chưa chắc)" not in out  # no cell is marked uncertain: no note says what that mark means
    over = common.topic_table(_df(dict(early, published="2025-01-10")), ("targets_completed",), "en", "t")
    assert "(so far)" not in over
    # a weak basis is not shown in a table's place or period: no "(uncertain)" note for it either
    basis_only = common.topic_table(_df(dict(early, published="2025-01-10", weak="basis")), ("targets_completed",),
                                    "en", "t")
    assert "(uncertain)" not in basis_only


def test_a_span_its_article_counts_in_years_back_from_its_date_is_said_as_the_article_says_it(tmp_path, monkeypatch):
    # "trong 3 năm" in a review of April 2023: the book dates it 2020-2022, a reading the article does not state
    monkeypatch.setattr("districtbook.base.paths.assets_dir", lambda: tmp_path)
    article = "Tổng thu ngân sách nhà nước trong 3 năm đạt hơn 37.016 tỷ đồng."
    start, span = article.find("37.016"), article.find("trong 3 năm")
    row = _fig(district="Đống Đa", value=37016.0, period="2020-2022", qualifier="more_than", quote="37.016 tỷ đồng",
               start=start, end=start + 14, published="2023-04-06", period_from=f"clause:{span}-{span + 11}")
    texts = {"000_a.txt": article}
    (found,) = prose.with_words(findings.collect(_df(row)), texts)
    vi, en = prose.say(found, "vi"), prose.say(found, "en")
    assert vi.startswith("Trong 3 năm tính đến tháng 4/2023, Đống Đa") and "2020-2022" not in vi
    assert en.startswith("In the 3 years to April 2023, Đống Đa") and "2020-2022" not in en
    derived = str(budget.derived(_df(row), texts, "vi"))
    assert "Bình quân năm · Đống Đa · trong 3 năm tính đến tháng 4/2023" in derived and "2020-2022" not in derived
    # a span the article dates itself keeps its years
    dated = dict(row, period_from="clause:0-5")
    (plain,) = prose.with_words(findings.collect(_df(dated)), {"000_a.txt": "Giai đoạn 2020-2022, tổng thu đạt hơn 37.016 tỷ đồng."})
    assert "2020-2022" in prose.say(plain, "vi")


def test_a_vote_of_high_confidence_at_the_term_s_mid_point_is_said_so(tmp_path, monkeypatch):
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))  # the chart drawn below
    # "lấy phiếu tín nhiệm giữa nhiệm kỳ … đạt phiếu tín nhiệm cao tuyệt đối 33/33 phiếu": a vote at the mid-point,
    # of high confidence; not "votes of confidence in the first half of the term"
    article = "Kết quả lấy phiếu tín nhiệm giữa nhiệm kỳ 2020 - 2025, Chủ tịch UBND quận đạt phiếu tín nhiệm cao tuyệt đối 33/33 phiếu."
    start = article.find("33/33")
    row = _fig(metric="confidence_votes", unit="ratio", value=33.0, denominator=33.0, period="2020-2025-H1",
               quote="33/33", start=start, end=start + 5, published="2024-01-05")
    (found,) = prose.with_words(findings.collect(_df(row)), {"000_a.txt": article})
    vi, en = prose.say(found, "vi"), prose.say(found, "en")
    assert vi.startswith("Giữa nhiệm kỳ 2020-2025, ") and "33/33 phiếu tín nhiệm cao" in vi and "Nửa đầu" not in vi
    assert en.startswith("At the 2020-2025 term's mid-point, ") and "\"high confidence\" on 33/33 ballots" in en
    plain = "Chủ tịch UBND quận đạt 30/33 phiếu tín nhiệm."
    (low,) = prose.with_words(findings.collect(_df(dict(row, value=30.0, start=plain.find("30/33"),
                                                          end=plain.find("30/33") + 5))), {"000_a.txt": plain})
    assert "phiếu tín nhiệm cao" not in prose.say(low, "vi") and "high confidence" not in prose.say(low, "en")
    # the tables and the charts date it so too (their period cell, their bar's label)
    from districtbook.rendering.i18n import figure_period_text
    assert (figure_period_text(row, "vi"), figure_period_text(row, "en")) == ("giữa nhiệm kỳ 2020-2025",
                                                                              "the 2020-2025 term's mid-point")
    from districtbook.chapters import governance
    drawn = str(governance.ratio_chart(_df(row), {"000_a.txt": article}, "en"))
    assert "the 2020-2025 term's mid-point" in drawn and "first half" not in drawn


def test_a_years_result_reported_in_its_last_month_says_as_of_when(tmp_path, monkeypatch):
    # "Chiều 12/12, HĐND quận … đã hoàn thành 19/20 chỉ tiêu phát triển kinh tế - xã hội năm 2023": the year as it stood
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    article = "Quận đã hoàn thành 19/20 chỉ tiêu phát triển kinh tế - xã hội năm 2023."
    start = article.find("19/20")
    row = _fig(metric="targets_completed", unit="ratio", value=19.0, denominator=20.0, period="2023", quote="19/20",
               start=start, end=start + 5, published="2023-12-12", district="Hoàng Mai")
    (found,) = prose.with_words(findings.collect(_df(row)), {"000_a.txt": article})
    assert prose.say(found, "vi").startswith("Năm 2023 (tính đến 12/12/2023), Hoàng Mai hoàn thành 19/20 chỉ tiêu")
    assert prose.say(found, "en").startswith("In 2023 (as of 12 December 2023), Hoàng Mai met 19 of its 20 targets")
    (after,) = prose.with_words(findings.collect(_df(dict(row, published="2024-01-05"))), {"000_a.txt": article})
    assert prose.say(after, "vi").startswith("Năm 2023, Hoàng Mai")


def test_a_chart_of_targets_met_says_which_targets(tmp_path, monkeypatch):
    # "nửa đầu nhiệm kỳ …, quận đã hoàn thành 12/16 chỉ tiêu cả nhiệm kỳ": whole-term targets met at mid-term, never
    # a 75% bar that reads as half-term targets missed; the English edition says it in English
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    from districtbook.chapters import governance
    article = "Nửa đầu nhiệm kỳ 2020-2025, quận đã hoàn thành 12/16 chỉ tiêu cả nhiệm kỳ."
    start = article.find("12/16")
    row = _fig(metric="targets_completed", unit="ratio", value=12.0, denominator=16.0, period="2020-2025-H1",
               quote="12/16", start=start, end=start + 5, published="2023-04-06", district="Đống Đa")
    vi = str(governance.ratio_chart(_df(row), {"000_a.txt": article}, "vi"))
    en = str(governance.ratio_chart(_df(row), {"000_a.txt": article}, "en"))
    assert "Đống Đa · nửa đầu nhiệm kỳ 2020-2025 · chỉ tiêu cả nhiệm kỳ: 12/16" in vi
    assert "Đống Đa · the first half of the 2020-2025 term · targets for the whole term: 12/16" in en and "chỉ tiêu" not in en


def test_a_rate_whose_article_names_no_plan_is_said_as_a_rate():
    # "Trong nhiệm kỳ, quận đã kết nạp 514 đảng viên mới, đạt tỷ lệ 114,2%": not "vượt kế hoạch (114,2%)"
    article = "Trong nhiệm kỳ 2016-2020, quận đã kết nạp 514 đảng viên mới, đạt tỷ lệ 114,2%; thành lập mới 10 chi bộ."
    n, r = article.find("514"), article.find("114,2%")
    rows = [_fig(metric="party_members_admitted", unit="count", value=514.0, period="2016-2020", quote="514 đảng viên",
                 start=n, end=n + 13, published="2021-02-13"),
            _fig(metric="party_members_admitted_vs_plan", unit="percent", value=114.2, basis="plan", period="2016-2020",
                 quote="114,2%", start=r, end=r + 6, published="2021-02-13")]
    said = [prose.say(f, lang) for f in prose.with_words(findings.collect(_df(*rows)), {"000_a.txt": article})
            for lang in ("vi", "en")]
    assert any("đạt tỷ lệ 114,2%" in s for s in said) and not any("kế hoạch" in s and "114,2" in s for s in said), said
    assert any("a rate of 114.2% (the article does not say against what)" in s for s in said), said


def test_a_structure_over_a_span_is_said_as_reached_by_its_end():
    # "Ngành thương mại - dịch vụ … đạt tỷ trọng 66,14%; ngành công nghiệp … 33,53%" in a 2016-2020 report
    rows = [_fig(metric=m, unit="percent", basis="share", value=v, period="2016-2020", published="2021-02-13")
            for m, v in (("sector_share_services", 66.14), ("sector_share_industry", 33.53))]
    (share,) = [f for f in findings.collect(_df(*rows)) if f.kind == "share"]
    assert prose.say(share, "vi").startswith("Đến cuối giai đoạn 2016-2020, ")
    assert prose.say(share, "en").startswith("By the end of 2016-2020, ")
