"""Findings say only what their figures can bear: only strong figures reach a finding, a derived measure, a chart
across places or a comparison; and each check of what a finding says (peers, plausible ratios, two articles about
one year, no one-year plan from a multi-year total, no yearly rate of targets, a plan never a result, one family
and unit) has a composed figure table that breaks without it."""
from __future__ import annotations

import pandas as pd

from districtbook.analysis import dataset, findings
from districtbook.analysis.dataset import figure_row
from districtbook.rendering import prose
from districtbook.chapters import budget, comparison


def _fig(**kw) -> dict:
    base = dict(doc="000_a.txt", district="Tây Hồ", level="district", metric="budget_revenue", value=1.0,
                unit="VND_bn", denominator=float("nan"), period="2024", per_year="", basis="none", base="",
                qualifier="actual", quote="", start=0, end=0, kind="indicator", place_from="clause:0-5",
                period_from="clause:0-5", basis_from="none", metric_from="clause:0-5", weak="", outlet="Báo A",
                published="2025-02-01")
    base.update(kw)
    return figure_row(**base)  # typed as the reader types the figure table


def _df(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def _refs(found) -> set[tuple]:
    return {(r["doc"], r["start"]) for f in found for r in f.rows}


def _tay_ho_2024(**weak) -> pd.DataFrame:
    """000 (9 months, October 2024) and 002 (first half, July 2024): progress, change, gap, a quarter, plans."""
    return _df(
        _fig(value=2511.0, period="2024-9M", qualifier="estimate", published="2024-10-12", start=10, end=15,
             weak=weak.get("nine", "")),
        _fig(metric="budget_revenue_vs_plan", value=89.0, unit="percent", period="2024-9M", basis="plan",
             published="2024-10-12", start=20, end=23),
        _fig(metric="budget_revenue_yoy", value=142.0, unit="percent", period="2024-9M", basis="yoy",
             published="2024-10-12", start=30, end=34),
        _fig(doc="002_b.txt", value=1647.0, period="2024-H1", qualifier="more_than", published="2024-07-20", start=10,
             end=15, weak=weak.get("half", "")),
        _fig(doc="002_b.txt", metric="budget_revenue_vs_plan", value=59.0, unit="percent", period="2024-H1",
             basis="plan", published="2024-07-20", start=20, end=23),
    )


def _two_districts(dong_da: dict) -> pd.DataFrame:
    return _df(_fig(value=2800.0, period="2024", published="2025-01-10", start=10, end=15),
               _fig(**{**dict(doc="003_c.txt", district="Đống Đa", value=2600.0, period="2024", published="2025-01-12",
                              start=40, end=45), **dong_da}))


# --- 1. only strong figures ----------------------------------------------------------------------

def test_a_weak_figure_never_reaches_a_finding_a_derived_measure_or_a_comparison():
    strong = _tay_ho_2024()
    assert ("000_a.txt", 10) in _refs(findings.collect(strong))  # the 9-month figure carries findings when strong
    assert any(d["docs"] == "000_a.txt" for d in budget.derivations(strong))
    weak = _tay_ho_2024(nine="period")
    assert ("000_a.txt", 10) not in _refs(findings.collect(weak))
    assert not any("000_a.txt" in d["docs"] for d in budget.derivations(weak))  # no implied plan, no quarter
    assert {f.kind for f in findings.collect(weak)} >= {"progress"}  # the first half still speaks

    assert comparison._pairs(_two_districts({}), "Tây Hồ", "Đống Đa")  # compared when both are strong
    for w in ("place", "period", "period;place"):
        df = _two_districts({"weak": w})
        assert comparison._pairs(df, "Tây Hồ", "Đống Đa") == []
        assert findings.refusals(df, "Tây Hồ", "Đống Đa") == []  # not even refused: the figure is not used at all
        assert not [f for f in findings.collect(df) if f.kind == "ahead"]
        assert "2,600" not in str(prose.comparison_points(df, None, "Tây Hồ", "Đống Đa", "en"))


def test_a_weak_figure_stays_in_the_figure_table_marked():
    from districtbook.chapters import common

    df = _two_districts({"weak": "period"})
    cells = common.figure_cells(df, "en")
    assert "uncertain" in cells["period"][1] and "uncertain" not in cells["period"][0]
    assert len(dataset.strong(df)) == 1 and len(df) == 2


def test_a_flagged_figure_never_reaches_a_finding():
    # a share above 100 % and x > y in a ratio are flagged by the quality checks: no finding rests on them
    df = _df(_fig(metric="party_units_excellent_share", value=120.0, unit="percent", basis="share", start=1, end=4),
             _fig(metric="party_units_meeting_target", value=80.0, unit="ratio", denominator=74.0, start=5, end=9),
             _fig(metric="cashless_markets", value=12.0, unit="count", start=20, end=22))
    assert dataset.row_flags(df).tolist() == ["share_over_100", "ratio_over_1", ""]
    assert _refs(findings.collect(df)) == {("000_a.txt", 20)}


def test_missing_evidence_columns_mean_nothing_is_weak():
    df = _tay_ho_2024().drop(columns=list(dataset.EVIDENCE_COLUMNS))
    assert len(dataset.strong(df)) == len(df)


# --- 2. findings check what they say -------------------------------------------------------------

def test_an_implausible_ratio_between_peers_is_refused_never_a_finding():
    # "bằng 7 tỉnh cộng lại" read as 7 tỷ đồng: 14,690 against 7 is 2,098 times, which the jump check calls implausible
    df = _two_districts({"value": 7.0})
    assert not comparison._pairs(df, "Tây Hồ", "Đống Đa")
    assert [(m, v.reason) for m, _a, _b, v in findings.refusals(df, "Tây Hồ", "Đống Đa")] == [
        ("budget_revenue", "implausible")]
    assert "implausible" in "\n".join(prose.refusal_lines(df, "Tây Hồ", "Đống Đa", "en"))
    assert dataset.implausible(2800, 7, "VND_bn") and not dataset.implausible(2800, 2600, "VND_bn")


def test_a_district_is_no_peer_of_its_city():
    df = _two_districts({"district": "Hà Nội", "level": "city", "value": 50000.0})
    assert not [f for f in findings.collect(df) if f.kind == "ahead"]
    assert [v.reason for *_x, v in findings.refusals(df, "Tây Hồ", "Hà Nội")] == ["level"]


def test_year_to_date_figures_from_articles_about_different_years_are_not_subtracted():
    df = _tay_ho_2024()
    assert [f.kind for f in findings.collect(df)].count("quarter") == 1  # 2511 - 1647: Q3 2024
    assert any(d["kind"] == "quarter" for d in budget.derivations(df))
    # the 9-month article is from 2026: its "2024" was a guess (a banner year); no difference across two years
    late = df.assign(published=["2026-10-12"] * 3 + ["2024-07-20"] * 2)
    assert "quarter" not in [f.kind for f in findings.collect(late)]
    assert not any(d["kind"] == "quarter" for d in budget.derivations(late))
    # nor between a district and a ward of the same name, nor when the later total is below the earlier
    row = df.iloc[3].to_dict()
    assert not findings.derivable(row, figure_row(**dict(df.iloc[0].to_dict(), period="2025-9M", published="2025-10-12")))
    ward = df.assign(level=["ward"] * 3 + ["district"] * 2)
    assert "quarter" not in [f.kind for f in findings.collect(ward)]
    lower = df.assign(value=[1500.0, 89.0, 142.0, 1647.0, 59.0])
    assert "quarter" not in [f.kind for f in findings.collect(lower)]
    assert not any(d["kind"] == "quarter" for d in budget.derivations(lower))


def test_a_multi_year_total_never_implies_a_one_year_plan():
    # "giai đoạn 2016-2020 ... 26.595 tỷ đồng, bằng 19,65% ...": no "implied plan" of 135,343 for a year
    term = _df(_fig(value=26595.0, period="2016-2020", published="2021-02-01", start=10, end=16),
               _fig(metric="budget_revenue_vs_plan", value=19.65, unit="percent", period="2016-2020", basis="plan",
                    published="2021-02-01", start=20, end=25),
               _fig(doc="004_d.txt", value=30000.0, period="2016-2020", published="2021-03-01", start=10, end=16),
               _fig(doc="004_d.txt", metric="budget_revenue_vs_plan", value=25.0, unit="percent", period="2016-2020",
                    basis="plan", published="2021-03-01", start=20, end=25))
    assert not [d for d in budget.derivations(term) if d["kind"] == "plan"]
    assert not [f for f in findings.collect(term) if f.kind == "gap" or f.values.get("what") == "plans"]
    assert budget.plan_agreement(budget.derivations(term)) == []
    two_years = dataset.typed(term.assign(period="2020-2021", published=["2021-12-20"] * 2 + ["2021-12-28"] * 2))
    assert not [f for f in findings.collect(two_years) if f.values.get("what") == "plans"]
    assert not [d for d in budget.derivations(two_years) if d["kind"] == "plan"]
    one_year = dataset.typed(term.assign(period="2020"))
    assert [d["kind"] for d in budget.derivations(one_year)].count("plan") == 2  # a year's figure implies its plan


def test_a_count_of_targets_is_not_a_yearly_rate():
    # "15 chỉ tiêu" pursued over the term 2020-2025: not "2.5 targets a year"; members admitted are a flow
    df = _df(_fig(metric="targets_total", value=15.0, unit="count", period="2020-2025", published="2026-01-10"),
             _fig(metric="party_members_admitted", value=450.0, unit="count", period="2020-2024",
                  published="2026-01-10", start=5, end=8))
    levels = {f.metric: f.values for f in findings.collect(df) if f.kind == "level"}
    assert "per_year" not in levels["targets_total"]
    assert levels["party_members_admitted"]["per_year"] == 90.0
    a = _fig(metric="targets_total", value=15.0, unit="count", period="2016-2020", published="2021-01-10")
    b = _fig(metric="targets_total", value=18.0, unit="count", period="2020-2025", published="2026-01-10")
    assert findings.verdict(a, b).reason == "kind"  # no yearly averages of targets either


def test_a_plan_is_never_shown_as_a_result():
    # "Năm 2020, dự toán thu ngân sách 845 tỷ đồng" in December 2019: a plan, whatever its hedge says
    df = _df(_fig(value=845.0, period="2020", published="2019-12-20"),
             _fig(value=800.0, period="2019", published="2019-12-20", start=5, end=8))
    kinds = {(f.kind, f.period) for f in findings.collect(df)}
    assert ("target", "2020") in kinds and ("level", "2020") not in kinds and ("trend", "2020") not in kinds
    assert not [d for d in budget.derivations(df) if d["period"].startswith("2020")]
    assert not findings.expected(df.iloc[1].to_dict())  # the year already running is a result


def test_a_forecast_with_a_bound_is_never_stated_as_a_result():
    # "dự kiến đến tháng 12 sẽ … giải ngân đạt trên 95%" in October: the hedge is "more than", and it is still a forecast
    row = _fig(metric="public_investment_disbursement_vs_plan", value=95.0, unit="percent", basis="plan",
               period="2022", qualifier="more_than", published="2022-10-06")
    forecast = _df(dict(row, outlook="forecast"))
    assert findings.expected(forecast.iloc[0].to_dict()) and not findings.expected(row)
    assert prose.mood(forecast.iloc[0].to_dict()) == "expect"
    [said] = findings.collect(forecast)
    assert said.kind == "target"
    assert "dự kiến giải ngân vốn đầu tư công đạt hơn 95% kế hoạch năm" in prose.say(said, "vi")
    assert "expected its public investment disbursement to reach more than 95% of the annual plan" in prose.say(said, "en")
    assert list(dataset.row_flags(forecast)) == [""]  # a forecast is no whole-year result reported early
    assert list(dataset.row_flags(_df(row))) == ["year_not_over"]  # the same words as a result: flagged
    assert findings.expected(dict(row, outlook="forecast", published="2022"))  # a year alone: not known to be over
    assert not findings.expected(dict(row, outlook="forecast", published="2023-01-20"))  # the year over: said of the past


def test_values_are_compared_only_within_one_family_and_unit():
    # industrial output in tỷ đồng labelled "economic growth rate" is no growth rate: flagged, never compared
    df = _two_districts({"metric": "economic_growth_rate", "value": 14000.0})
    df.loc[0, ["metric", "value"]] = ["economic_growth_rate", 12000.0]
    assert "unit_mismatch" in set(dataset.quality_flags(df)["flag"])
    assert findings.collect(df) == []
    ok = df.assign(unit="percent", value=[8.1, 7.9])
    assert [f.kind for f in findings.collect(ok)].count("ahead") == 1


# --- 3. findings as data -------------------------------------------------------------------------

def _chapters_in_both_editions(monkeypatch, tmp_path, df, texts):
    from districtbook.rendering import ledger
    from districtbook.chapters import governance, growth, intro, profile

    folders = []
    for lang in ("vi", "en"):
        folder = tmp_path / lang / "_assets"
        monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(folder))
        for ch in (budget, growth, governance):
            ch.main_points(df, texts, lang)
        budget.derived(df, texts, lang)
        intro.headlines(df, texts, lang)
        for d in sorted(set(df["district"])):
            profile.main_points(df, texts, d, lang)
        comparison.main_points(df, texts, "Tây Hồ", "Đống Đa", lang)
        comparison.comparisons(df, "Tây Hồ", "Đống Đa", lang, texts)
        folders.append(folder)
    return folders


def test_the_table_of_findings_has_every_statement_in_both_editions_with_its_input_figures(monkeypatch, tmp_path):
    import csv

    from districtbook.rendering import ledger

    from .conftest import SEEDS

    df, texts = dataset.load(SEEDS), dataset.article_texts(SEEDS)
    folders = _chapters_in_both_editions(monkeypatch, tmp_path, df, texts)
    ledger.assemble(folders)
    with (folders[0] / "findings.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == ("chapter", "finding", "kind", "text_vi", "text_en", "figures")
    assert (folders[1] / "findings.csv").read_bytes() == (folders[0] / "findings.csv").read_bytes()
    chapters = {r["chapter"] for r in rows}
    assert {"budget", "intro", "compare", "profile-tay-ho"} <= chapters
    kinds = {r["kind"].split(":")[0] for r in rows}
    assert {"point", "headline", "derived"} <= kinds and kinds & {"compare", "refused"}
    assert len({(r["chapter"], r["finding"]) for r in rows}) == len(rows)
    quotes = {(r.doc, r.start, r.end): r.quote for r in df.itertuples()}
    weak_or_flagged = set(map(ledger.figure_ref, dataset.review(df).to_dict("records")))
    for r in rows:
        assert r["text_vi"] and r["text_en"] and r["text_vi"] != r["text_en"], r
        if r["kind"] == "point:no_comparison":  # a statement that no figures compare rests on none
            assert r["figures"] == "", r
            continue
        refs = r["figures"].split(";")
        assert refs and all(refs), r
        for ref in refs:
            doc, _, span = ref.rpartition(":")
            start, end = map(int, span.split("-"))
            assert texts[doc][start:end] == quotes[(doc, start, end)]  # a figure of the table, at its offsets
            assert ref not in weak_or_flagged
    # deterministic: the same chapters again give the same bytes
    again = _chapters_in_both_editions(monkeypatch, tmp_path / "again", df, texts)
    ledger.assemble(again)
    assert (again[0] / "findings.csv").read_bytes() == (folders[0] / "findings.csv").read_bytes()


def test_the_review_list_holds_weak_and_flagged_figures_with_their_evidence(tmp_path):
    df = _two_districts({"weak": "period", "period_from": "dateline:0-10"})
    df = pd.concat([df, _df(_fig(metric="party_units_excellent_share", value=120.0, unit="percent", basis="share",
                                 start=50, end=54))], ignore_index=True)
    out = dataset.review(df)
    assert list(out["doc"]) == ["000_a.txt", "003_c.txt"]
    assert list(out["flags"]) == ["share_over_100", ""] and list(out["weak"]) == ["", "period"]
    assert out.loc[1, "period_from"] == "dateline:0-10"
    path = dataset.write_review(df, tmp_path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(dataset.REVIEW_COLUMNS)


def test_the_build_publishes_the_data_files(tmp_path):
    from districtbook.rendering import ledger

    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "findings.csv").write_text("chapter,finding,kind,text_vi,text_en,figures\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "review.csv").write_text("stale", encoding="utf-8")
    assert [p.name for p in ledger.publish(assets, tmp_path / "data")] == ["findings.csv"]
    assert not (tmp_path / "data" / "review.csv").exists()  # never a stale review list


def test_a_yearly_rate_over_a_term_is_no_change_on_the_year_before():
    # "bình quân tăng 13,3%/năm" over 2020-2024: no "same period a year earlier" of a five-year total
    df = _df(_fig(value=555000.0, period="2020-2024", published="2025-03-01"),
             _fig(metric="budget_revenue_growth", value=13.3, unit="percent", period="2020-2024", basis="yoy",
                  per_year="yes", published="2025-03-01", start=5, end=9))
    assert "change" not in [f.kind for f in findings.collect(df)]
    assert not [d for d in budget.derivations(df) if d["kind"] == "previous"]
    one_year = dataset.typed(df.assign(period="2024", per_year=""))
    assert "change" in [f.kind for f in findings.collect(one_year)]
    assert [d["kind"] for d in budget.derivations(one_year)] == ["previous"]


def test_a_figure_without_a_place_reaches_no_finding_and_is_reviewed():
    df = _df(_fig(district="", level="", metric="records_on_time", value=48249.0, unit="count"))
    assert findings.collect(df) == [] and list(dataset.review(df)["metric"]) == ["records_on_time"]


# --- 4. corrections ------------------------------------------------------------------------------

def test_corrections_are_applied_marked_checked_and_reported_when_their_article_changed(tmp_path):
    import hashlib
    import warnings

    import yaml

    from districtbook.reading import corrections

    from .conftest import SEEDS

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        (seeds / p.name).write_bytes(p.read_bytes())
    first, second = sorted(seeds.glob("*.txt"))
    df = dataset.load(seeds)
    a, b = df[df["doc"] == first.name].iloc[0], df[df["doc"] == second.name].iloc[0]
    sha = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    (seeds / "corrections.yml").write_text(yaml.safe_dump([
        dict(article=first.name, sha256=sha(first), start=int(a["start"]), end=int(a["end"]), period="2019"),
        dict(article=second.name, sha256=sha(second), start=int(b["start"]), end=int(b["end"])),
    ], allow_unicode=True), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to report
        fixed = dataset.load(seeds)
    one = fixed[(fixed["doc"] == first.name) & (fixed["start"] == a["start"])].iloc[0]
    assert (one["period"], one["checked"]) == ("2019", "yes")
    two = fixed[(fixed["doc"] == second.name) & (fixed["start"] == b["start"])].iloc[0]
    assert (two["period"], two["checked"]) == (b["period"], "yes")  # confirmed as extracted
    assert (fixed["checked"] == "yes").sum() == 2
    assert "checked" in common_cells(fixed[fixed["checked"] == "yes"])[0]
    # the article changes: its correction is reported, naming the file, and not applied
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = dataset.load(seeds)
    msgs = [str(w.message) for w in caught if issubclass(w.category, corrections.CorrectionWarning)]
    assert len(msgs) == 1 and first.name in msgs[0] and "changed" in msgs[0]
    assert (again["checked"] == "yes").sum() == 1
    assert corrections.stale(seeds) == msgs
    assert again[(again["doc"] == first.name) & (again["start"] == a["start"])].iloc[0]["period"] == a["period"]


def common_cells(df):
    from districtbook.chapters import common

    return common.figure_cells(df, "en")["period"]


def test_a_changed_corrections_file_reruns_the_chapters_that_read_articles(tmp_path):
    from districtbook.building import deps

    from .conftest import SEEDS

    for p in sorted(SEEDS.glob("*.txt")):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    before = deps.article_index(tmp_path)
    (tmp_path / "corrections.yml").write_text("[]\n", encoding="utf-8")
    after = deps.article_index(tmp_path)
    assert set(after) - set(before) == {"corrections.yml"}
    scope, read = deps.reads({"seeds": "seeds", "district": "Tây Hồ"}, after)
    assert "corrections.yml" in read
    assert deps.reads({"lang": "vi"}, after) == ("no article", {})


def test_two_places_are_compared_only_on_periods_with_a_year_in_common():
    # "Cà Ná 16% (2030) against Phú An 11.7% (1980)": no comparison across decades
    df = _two_districts({"metric": "economic_growth_rate", "unit": "percent", "value": 7.0, "period": "2019"})
    df.loc[0, ["metric", "unit", "value"]] = ["economic_growth_rate", "percent", 8.0]
    assert not comparison._pairs(df, "Tây Hồ", "Đống Đa")
    assert [v.reason for *_x, v in findings.refusals(df, "Tây Hồ", "Đống Đa")] == ["apart"]
    near = dataset.typed(df.assign(period=["2024", "2024"]))
    assert [f.kind for f in comparison._pairs(near, "Tây Hồ", "Đống Đa")] == ["ahead"]
    # "Hoàn Kiếm 59,5% of plan (H1 2021) higher than Hoàng Mai 51,1% (H1 2022)": who is ahead is asked of one period
    a_year_apart = dataset.typed(df.assign(period=["2021-H1", "2022-H1"], published=["2021-07-20", "2022-07-20"],
                                           metric="budget_revenue_vs_plan", basis="plan", value=[59.5, 51.1]))
    assert not comparison._pairs(a_year_apart, "Tây Hồ", "Đống Đa")
    assert [v.reason for *_x, v in findings.refusals(a_year_apart, "Tây Hồ", "Đống Đa")] == ["apart"]


def test_a_result_is_never_shown_as_a_target():
    # a term report in August 2025: "tăng trưởng bình quân đạt 7,5%/năm" over 2020-2025 is what the term achieved
    row = _fig(metric="economic_growth_rate", value=7.5, unit="percent", period="2020-2025", per_year="yes",
               published="2025-08-08")
    kinds = {f.kind for f in findings.collect(_df(row))}
    assert "target" not in kinds and "level" in kinds
    early = _df(dict(row, published="2021-02-13", qualifier="more_than"))  # the same words at the term's start: a goal
    assert {f.kind for f in findings.collect(early)} == {"target"}


def test_a_whole_year_reported_before_it_ended_is_no_finding():
    # "năm 2017 ... kết nạp 318 đảng viên" in May 2017: a total so far, not the year's
    df = _df(_fig(metric="party_members_admitted", value=318.0, unit="count", period="2017", published="2017-05-28"),
             _fig(metric="party_members_admitted_vs_target", value=127.2, unit="percent", basis="target",
                  period="2017", published="2017-05-28", start=5, end=10))
    assert set(dataset.row_flags(df)) == {"year_not_over"}
    assert findings.collect(df) == [] and len(dataset.review(df)) == 2
    assert findings.collect(df.assign(published="2017-12-28"))  # a year-end report states the year


def test_the_build_reports_a_correction_whose_article_changed(tmp_path, monkeypatch, caplog):
    import logging
    from types import SimpleNamespace

    from districtbook.building import build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_a.txt").write_text("Thu ngân sách đạt 10 tỷ đồng.\n", encoding="utf-8")
    (seeds / "corrections.yml").write_text("- {article: 000_a.txt, sha256: '0000', start: 18, end: 20}\n",
                                           encoding="utf-8")
    monkeypatch.setenv("DISTRICTBOOK_ROOT", str(tmp_path))
    ed = SimpleNamespace(lang="vi", pages="book")
    p = SimpleNamespace(editions=[ed], book_dir=lambda e: tmp_path / "stage" / e.lang / "book",
                        staging=tmp_path / "stage", jobs=[SimpleNamespace(params={"seeds": "seeds"})])
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        build.assemble_data(p)
    assert any("000_a.txt" in r.getMessage() and "changed" in r.getMessage() for r in caplog.records)
    assert (tmp_path / "stage" / "vi" / "book" / "chapters" / "_assets" / "findings.csv").is_file()
    assert sorted(q.name for q in (tmp_path / "stage" / "data").iterdir()) == ["findings.csv", "review.csv"]


# --- 5. nothing unfit reaches a statement; every chart and comparison names its input figures --------------------

def _three_districts(tmp_path):
    """The five seed fixtures (Tây Hồ, Đống Đa) and an article about Hoàng Mai: findings of every kind."""
    import shutil

    from .conftest import ROOT, SEEDS

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    shutil.copy2(ROOT / "tests/fixtures/hoang_mai_article.txt", folder / "005_hoang_mai.txt")
    return dataset.load(folder), dataset.article_texts(folder)


def _draw_every_chart(df, texts, lang: str) -> None:
    from districtbook.chapters import governance, growth, profile

    budget.progress_chart(df, texts, lang)
    budget.year_on_year_chart(df, texts, lang)
    growth.growth_chart(df, texts, lang)
    growth.share_chart(df, lang)
    governance.ratio_chart(df, texts, lang)
    for d in sorted(set(df["district"])):
        profile.progress_chart(df, texts, d, lang)
        profile.year_on_year_chart(df, texts, d, lang)
    comparison.chart(df, "Tây Hồ", "Đống Đa", lang, texts)
    comparison.chart(df, "Hoàng Mai", "Tây Hồ", lang, texts)


def _reached(df, texts, monkeypatch, folder) -> dict[str, set[str]]:
    """Every figure (``article_file:start-end``) that reaches a finding, a derived measure, a comparison (between
    any two places, valid or refused) or a chart (a bar or a panel, as the table of statements lists it)."""
    from districtbook.rendering import ledger

    refs = lambda rows: {ledger.figure_ref(r) for r in rows}  # noqa: E731
    out: dict[str, set[str]] = {"finding": set(), "derived": set(), "comparison": set(), "chart": set()}
    for f in findings.collect(df, texts):
        out["comparison" if f.kind == "ahead" else "finding"] |= refs(f.rows)
    for d in budget.derivations(df):
        out["derived"] |= refs(d["rows"])
    places = sorted(set(df["district"]))
    for i, a in enumerate(places):
        for b in places[i + 1:]:
            for f in comparison._pairs(df, a, b, texts):
                out["comparison"] |= refs(f.rows)
            for _m, x, y, _v in findings.refusals(df, a, b, texts):
                out["comparison"] |= refs([x, y])
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(folder))
    _draw_every_chart(df, texts, "en")
    out["chart"] = {ref for r in ledger.noted(folder) if r["kind"].startswith("chart:")
                    for ref in r["figures"].split(";")}
    return out


def _spoil(df: pd.DataFrame, ref: str, how: str) -> pd.DataFrame:
    """The figure table with the figure at ``ref`` made weak (the extractor's evidence), unfit (the findings layer's
    judgement of its evidence: a period from the lead that a date read from the reported years cannot confirm) or
    flagged (a quality check that makes it unfit: an amount read as a growth rate, a unit that does not fit its
    metric)."""
    doc, _, span = ref.rpartition(":")
    start, end = map(int, span.split("-"))
    at = (df["doc"] == doc) & (df["start"] == start) & (df["end"] == end)
    df = df.copy()
    if how == "weak":
        df.loc[at, "weak"] = "period"
    elif how == "unfit":
        df.loc[at, ["period_from", "date_basis"]] = ["lead:0-5", "year reported on"]
    else:
        df.loc[at, "metric"] = df.loc[at, "metric"] + "_growth"
    return df


def test_no_weak_unfit_or_flagged_figure_reaches_a_finding_a_derived_measure_a_comparison_or_a_chart(
        monkeypatch, tmp_path):
    df, texts = _three_districts(tmp_path)
    reached = _reached(df, texts, monkeypatch, tmp_path / "a")
    assert all(reached.values()), {k: len(v) for k, v in reached.items()}  # each kind of statement has inputs
    # the figures the book would state things from: none of them weak, unfit or flagged
    unusable = set(map(ledger_ref, dataset.review(df).to_dict("records")))
    assert not set().union(*reached.values()) & unusable
    # one input of each kind of statement, made weak, unfit or flagged in turn: it reaches nothing any more
    amounts = set(ledger_ref(r) for r in df[df["unit"].isin(dataset.JUMP_UNITS)].to_dict("records"))
    for kind, used in sorted(reached.items()):
        for how in ("weak", "unfit", "flagged"):
            pool = sorted(used & amounts) if how == "flagged" else sorted(used)
            if not pool:
                continue
            ref = pool[0]
            spoiled = _spoil(df, ref, how)
            if how == "flagged":
                assert "unit_mismatch" in ";".join(dataset.row_flags(spoiled)[spoiled["doc"] == ref.rpartition(":")[0]])
            else:
                assert ref in set(map(ledger_ref, dataset.review(spoiled).to_dict("records")))
            after = _reached(spoiled, texts, monkeypatch, tmp_path / f"{kind}-{how}")
            assert not any(ref in refs for refs in after.values()), (kind, how, ref)


def ledger_ref(row) -> str:
    from districtbook.rendering import ledger

    return ledger.figure_ref(row)


def test_every_chart_and_every_comparison_names_its_input_figures(monkeypatch, tmp_path):
    import csv

    from districtbook.analysis.dataset import short_doc
    from districtbook.rendering import ledger

    df, texts = _three_districts(tmp_path)
    quotes = {ledger.figure_ref(r): r["quote"] for r in df.to_dict("records")}
    folders = []
    for lang in ("vi", "en"):
        folder = tmp_path / lang / "_assets"
        monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(folder))
        _draw_every_chart(df, texts, lang)
        for a, b in (("Tây Hồ", "Đống Đa"), ("Hoàng Mai", "Tây Hồ")):
            comparison.main_points(df, texts, a, b, lang)
            comparison.comparisons(df, a, b, lang, texts)
        folders.append(folder)
    ledger.assemble(folders)
    with (folders[1] / "findings.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    listed = {r["figures"] for r in rows}
    charts = sorted(p.with_suffix(".csv") for p in folders[1].glob("*.png") if not p.stem.endswith("-phone"))
    assert len(charts) >= 4, charts
    for path in charts:  # the data table beneath each chart: every bar or panel with its input figures
        with path.open(encoding="utf-8", newline="") as f:
            data = list(csv.DictReader(f))
        assert data and "figures" in data[0], path.name
        for item in data:
            refs = item["figures"].split(";")
            assert refs and all(ref in quotes for ref in refs), (path.name, item)
            assert item["figures"] in listed, (path.name, item)  # and the table of statements lists it
    chart_rows = [r for r in rows if r["kind"].startswith("chart:")]
    assert {r["kind"] for r in chart_rows} >= {"chart:progress", "chart:pairs"}
    for r in chart_rows:
        assert r["text_vi"] and r["text_en"] and r["text_vi"] != r["text_en"], r
    compared = [r for r in rows if r["kind"].split(":")[-1] == "ahead" or r["kind"].startswith("refused:")]
    assert compared and any(r["kind"].startswith("refused:") for r in compared)
    for r in compared:  # every comparison, valid or refused, cites each article of its input figures
        refs = r["figures"].split(";")
        assert len(refs) == 2 and all(ref in quotes for ref in refs), r
        for ref in refs:  # "[003 · 6/4/2023]", or "[d08]" for an article that gives neither outlet nor date
            cites = ("[" + short_doc(ref.rpartition(":")[0]) + " · ", "[" + short_doc(ref.rpartition(":")[0]) + "]")
            assert all(any(c in r[f"text_{lang}"] for c in cites) for lang in ("vi", "en")), (cites, r)


# --- 6. the reader's review ---------------------------------------------------------------------------------------

def test_the_plan_of_two_projects_is_not_the_districts_plan():
    # "đôn đốc để thu tiền sử dụng đất tại 2 dự án ... để đạt được kế hoạch dự kiến 4.000 tỷ đồng": two projects'
    # land-use plan, never the district's, and so no "component above the whole plan" contradiction
    from .conftest import SEEDS

    df, texts = dataset.load(SEEDS), dataset.article_texts(SEEDS)
    dated = df.assign(published=df["published"].where(~df["doc"].str.startswith("002"), "2024-07-20"),
                      date_basis=df["date_basis"].where(~df["doc"].str.startswith("002"), "leading date line"))
    land = dated[dated["metric"] == "land_use_revenue"]
    assert list(land["value"]) == [4000.0] and len(dataset.strong(land)) == 1  # a strong figure ...
    found = findings.collect(dated, texts)
    assert not [f for f in found if f.values.get("what") == "component"]
    assert not [f for f in found if f.metric == "land_use_revenue"]  # ... of no finding about Tây Hồ
    assert [f.values["what"] for f in findings.collect(dated) if f.metric == "land_use_revenue"] == ["component"]


def test_a_result_for_a_period_not_begun_is_neither_a_target_nor_a_result():
    # a banner's year taken as the article's date: "9 tháng" results dated to a year that had barely begun, and a
    # year's result dated to the next year: neither a target nor a result, in the review list
    df = _df(_fig(value=2511.0, period="2026-9M", published="2026-01-15"),
             _fig(value=2000.0, period="2027", published="2026-03-10", start=5, end=8))
    assert findings.collect(df) == []
    assert list(dataset.review(df)["unfit"]) == ["before_its_end", "future_result"]
    # a goal for a year to come is a target; a plan for next year given in its last quarter is a plan
    goal = df.assign(qualifier="target")
    assert {f.kind for f in findings.collect(goal.iloc[[1]])} == {"target"}
    plan = df.iloc[[1]].assign(published="2026-11-20")
    assert {(f.kind, f.period) for f in findings.collect(plan)} == {("target", "2027")}


def test_no_district_is_higher_than_a_floor():
    """"hơn 3.000 tỷ đồng" may be any amount above 3.000: nothing is "higher" than it, and no ratio to it is known;
    the comparison is refused with that reason. A floor above an exact figure still is higher."""
    floor = _two_districts({"value": 2600.0, "qualifier": "more_than"})
    res = findings.compare_pair(floor.to_dict("records"), "Tây Hồ", "Đống Đa", "budget_revenue")
    assert isinstance(res, tuple) and res[2].reason == "bound" and res[0]["district"] == "Tây Hồ"
    above = _two_districts({"value": 2900.0, "qualifier": "more_than"})
    res = findings.compare_pair(above.to_dict("records"), "Tây Hồ", "Đống Đa", "budget_revenue")
    assert not isinstance(res, tuple) and res.district == "Đống Đa" and res.other == "Tây Hồ"


def test_a_goal_given_as_a_range_is_one_target_never_a_result():
    # "Đến năm 2030, phường đặt mục tiêu … tăng trưởng từ 11 - 15%" in August 2025: both ends of one goal
    ends = [_fig(district="Giảng Võ", level="ward", metric="economic_growth_rate", value=v, unit="percent",
                 period="2025-2030", qualifier=q, basis="target", published="2025-08-10", start=s, end=s + 3)
            for v, q, s in ((11.0, "range_low", 20), (15.0, "range_high", 26))]
    [said] = findings.collect(_df(*ends))
    assert (said.kind, len(said.rows), prose.mood(said.rows[0])) == ("target", 2, "aim")
    assert "aimed to grow its economy by 11% to 15%" in prose.say(said, "en")
    assert "phấn đấu tăng trưởng kinh tế từ 11% đến 15%" in prose.say(said, "vi")
    # the extractor gives both ends the quote "11 - 15%", at one offset: still one goal
    [same] = findings.collect(_df(*(dict(e, start=20, end=29) for e in ends)))
    assert "aimed to grow its economy by 11% to 15%" in prose.say(same, "en")
    # the ends of a range that was reached are a result ("tăng trưởng từ 7 - 8%" in 2024, said in 2025)
    done = [dict(e, basis="none", period="2024") for e in ends]
    assert not any(findings.expected(e) for e in done)


def test_two_hedged_figures_that_can_be_one_value_are_no_contradiction():
    # "gần 4.300 tỷ đồng" in one article, "hơn 4.200 tỷ đồng" in another: both fit 4,250
    a = _fig(value=4300.0, qualifier="approx", period="2024-9M", published="2024-10-12")
    b = _fig(doc="002_b.txt", value=4200.0, qualifier="more_than", period="2024-9M", published="2024-10-20", start=30,
             end=35)
    assert "contradiction" not in {f.kind for f in findings.collect(_df(a, b))}
    c = dict(b, qualifier="actual")  # 4,300 and exactly 4,200: they differ
    assert "contradiction" in {f.kind for f in findings.collect(_df(dict(a, qualifier="actual"), c))}


def test_a_party_blocs_figure_is_never_the_citys():
    # "Đảng bộ Khối Cơ quan … thành phố kết nạp 333 đảng viên (đạt 133% kế hoạch)": the bloc's, though the place
    # resolver reads the city ("thành phố"); a district's clause of the same list is the district's own
    t = ("Đảng bộ huyện Thới Lai kết nạp 241 đảng viên (đạt 160% kế hoạch); Đảng bộ Khối Cơ quan thành phố kết nạp "
         "333 đảng viên (đạt 133% kế hoạch).")
    rows = [_fig(district=d, level=lv, metric=m, value=v, unit=u, basis=b, period="2019", published="2020-01-10",
                 start=t.index(q), end=t.index(q) + len(q))
            for d, lv, m, v, u, b, q in (("Thới Lai", "district", "party_members_admitted", 241.0, "count", "none", "241"),
                                         ("Thới Lai", "district", "party_members_admitted_vs_plan", 160.0, "percent", "plan", "160%"),
                                         ("Cần Thơ", "city", "party_members_admitted", 333.0, "count", "none", "333"),
                                         ("Cần Thơ", "city", "party_members_admitted_vs_plan", 133.0, "percent", "plan", "133%"))]
    said = findings.collect(_df(*rows), {"000_a.txt": t})
    assert "Thới Lai" in {f.district for f in said} and "Cần Thơ" not in {f.district for f in said}


def test_the_number_of_targets_a_resolution_set_is_said_as_set_never_as_aimed_for():
    # "Nghị quyết đề ra 27 chỉ tiêu" for 2025-2030: not "phấn đấu có 27 chỉ tiêu đề ra" / "set a target of 27"
    r = _fig(district="Tam Thắng", level="ward", metric="targets_total", value=27.0, unit="count", period="2025-2030",
             qualifier="target", basis="none", quote="27 chỉ tiêu", published="2025-08-10")
    [said] = findings.collect(_df(r))
    assert "Tam Thắng đề ra 27 chỉ tiêu" in prose.sentence(said, "vi") and "phấn đấu" not in prose.sentence(said, "vi")
    assert "Tam Thắng set 27 targets" in prose.sentence(said, "en")


def test_a_share_of_party_bodies_rated_good_names_the_bodies_the_article_counts():
    # "100% chi bộ và hơn 92% đảng viên hoàn thành tốt nhiệm vụ": party cells and members, never "units"
    t = "Nhiệm kỳ qua, 100% chi bộ và hơn 92% đảng viên hoàn thành tốt nhiệm vụ; 20% tổ chức hoàn thành xuất sắc."
    rows = [_fig(district="Kinh Môn", level="ward", metric=m, value=v, unit="percent", period="2020-2025", basis="share",
                 qualifier=ql, quote=q, start=t.index(q), end=t.index(q) + len(q), published="2025-08-15")
            for m, v, q, ql in (("party_units_good_share", 100.0, "100%", "actual"),
                                ("party_units_good_share", 92.0, "92%", "more_than"),
                                ("party_units_excellent_share", 20.0, "20%", "actual"))]
    said = prose.with_words(findings.collect(_df(*rows), {"000_a.txt": t}), {"000_a.txt": t})
    vi = " ".join(prose.sentence(f, "vi") for f in said)
    en = " ".join(prose.sentence(f, "en") for f in said)
    assert "100% chi bộ hoàn thành tốt nhiệm vụ" in vi and "hơn 92% đảng viên hoàn thành tốt" in vi
    assert "20% đơn vị hoàn thành xuất sắc" in vi  # "tổ chức" alone names no body: the house word
    assert "100% of its party cells rated good" in en and "92% of its party members rated good" in en


def test_at_least_stays_at_least_in_a_count_of_things():
    # "phát triển ít nhất 5 sản phẩm OCOP": the Vietnamese said "phấn đấu có hơn 5 sản phẩm OCOP"
    t = "Phấn đấu đến năm 2030 phát triển ít nhất 5 sản phẩm OCOP từ 3 sao trở lên."
    r = _fig(district="Đức Xuân", level="ward", metric="ocop_products", value=5.0, unit="count", period="2025-2030",
             basis="none", qualifier="more_than", outlook="goal", quote="5 sản phẩm OCOP", start=t.index("5 sản"),
             end=t.index("5 sản") + 15, published="2025-08-15")
    [said] = prose.with_words(findings.collect(_df(r), {"000_a.txt": t}), {"000_a.txt": t})
    assert "phấn đấu có ít nhất 5 sản phẩm OCOP" in prose.sentence(said, "vi")
    assert "at least 5" in prose.sentence(said, "en")


def test_targets_each_place_set_itself_are_never_compared_or_ranked_across_places():
    # "30/33 chỉ tiêu nghị quyết" of one ward against "16/19 chỉ tiêu kinh tế - xã hội" of another: two yardsticks
    from districtbook.analysis import rankings

    rows = [_fig(doc=f"00{i}_x.txt", district=d, level="ward", metric="targets_completed", value=v, unit=u,
                 denominator=n, period="2020-2025", basis="plan", published="2025-08-10", start=10 * i, end=10 * i + 5)
            for i, (d, v, u, n) in enumerate((("Đức Xuân", 30.0, "ratio", 33.0), ("Kinh Môn", 16.0, "ratio", 19.0)))]
    df = _df(*rows)
    assert not comparison._pairs(df, "Đức Xuân", "Kinh Môn")
    assert [v.reason for *_x, v in findings.refusals(df, "Đức Xuân", "Kinh Môn")] == ["own_targets"]
    shares = _df(*(dict(r, unit="percent", value=v, denominator=float("nan"), district=d) for r, v, d in
                   zip(rows * 2, (90.9, 84.2, 95.0, 70.0), ("Đức Xuân", "Kinh Môn", "Tam Thắng", "Giảng Võ"))))
    shares["doc"] = [f"00{i}_y.txt" for i in range(4)]
    assert not [r for r in rankings.rankings(dataset.typed(shares)) if r.metric.startswith("targets_")]
