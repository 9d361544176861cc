"""Findings, with hand-computed expectations: progress against the year gone, a quarter from two
year-to-date figures, the gap to plan, contradictions between articles, valid and refused comparisons;
and the sentences written from them (periods in words, hedges kept, citations, no internal codes)."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from districtbook.rendering import charts, i18n, prose
from districtbook.analysis import findings
from districtbook.analysis.dataset import figure_row
from districtbook.analysis.findings import Finding, Verdict, verdict
from districtbook.building.manifest import load
from districtbook.extraction.periods import Period

from .conftest import ROOT


def _fig(**kw) -> dict:
    base = dict(doc="000_a.txt", district="Tây Hồ", metric="budget_revenue", value=1.0, unit="VND_bn",
                denominator=float("nan"), period="2024", basis="none", qualifier="actual", quote="", start=0, end=0,
                kind="indicator", outlet="Báo A", published="2025-02-01")
    base.update(kw)
    return figure_row(**base)  # typed as the reader types the figure table


def _df(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def _tay_ho_2024() -> pd.DataFrame:
    # 000: "ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm, bằng 142% so với cùng kỳ" (9 months of 2024)
    # 002: "đạt trên 1.647 tỷ đồng, đạt 59% kế hoạch, tăng 35% so với cùng kỳ" (first half of 2024)
    return _df(
        _fig(value=2511.0, period="2024-9M", qualifier="estimate", published="2024-10-12"),
        _fig(metric="budget_revenue_vs_plan", value=89.0, unit="percent", period="2024-9M", basis="plan", published="2024-10-12"),
        _fig(metric="budget_revenue_yoy", value=142.0, unit="percent", period="2024-9M", basis="yoy", published="2024-10-12"),
        _fig(doc="002_b.txt", value=1647.0, period="2024-H1", qualifier="more_than", published="2024-07-20"),
        _fig(doc="002_b.txt", metric="budget_revenue_vs_plan", value=59.0, unit="percent", period="2024-H1", basis="plan",
             published="2024-07-20"),
        _fig(doc="002_b.txt", metric="budget_revenue_growth", value=35.0, unit="percent", period="2024-H1", basis="yoy",
             published="2024-07-20"),
    )


def _one(found: list[Finding], kind: str, period: str | None = None) -> Finding:
    hits = [f for f in found if f.kind == kind and (period is None or f.period == period)]
    assert len(hits) == 1, [(f.kind, f.period) for f in found]
    return hits[0]


def test_progress_against_the_share_of_the_year_gone():
    # 9 months are 75 % of the year; 89 % of the plan is 14 points ahead of it
    found = findings.collect(_tay_ho_2024())
    p = _one(found, "progress", "2024-9M").values
    assert (p["pct"], p["elapsed"], p["lead"]) == (89.0, 75.0, 14.0)
    h = _one(found, "progress", "2024-H1").values
    assert (h["elapsed"], h["lead"]) == (50.0, 9.0)  # 59 % of the plan after half the year


def test_gap_to_plan():
    # plan = 2511 / 0.89 = 2821.35; still to collect 2821.35 - 2511 = 310.35 in the last 3 months
    g = _one(findings.collect(_tay_ho_2024()), "gap", "2024-9M").values
    assert g["plan"] == pytest.approx(2821.348, abs=1e-3)
    assert g["remaining"] == pytest.approx(310.348, abs=1e-3) and g["months_left"] == 3
    # "trên 1.647 tỷ đồng, đạt 59%" in the first half: what is left of a plan above 2,768 is a bound, no gap to say
    assert not [f for f in findings.collect(_tay_ho_2024()) if f.kind == "gap" and f.period == "2024-H1"]


def test_change_on_the_same_period_a_year_earlier_from_a_level_and_from_a_growth():
    found = findings.collect(_tay_ho_2024())
    nine = _one(found, "change", "2024-9M").values  # "bằng 142%": +42 %, a year earlier 2511 / 1.42 = 1768.31
    assert nine["change"] == 42.0 and nine["previous"] == pytest.approx(1768.310, abs=1e-3)
    half = _one(found, "change", "2024-H1").values  # "tăng 35%": 1647 / 1.35 = 1220.0
    assert half["change"] == 35.0 and half["previous"] == pytest.approx(1220.0)


def test_quarter_from_two_year_to_date_figures():
    # Q3 2024 = 2511 - 1647 = 864; "trên 1.647" makes it an upper bound, and Q3 2023 (1768.31 - more than 1220.0)
    # one too: two upper bounds have no ratio ("gấp khoảng 1,6 lần" was a figure no article supports)
    q = _one(findings.collect(_tay_ho_2024()), "quarter").values
    assert str(q["span"]) == "2024-Q3" and q["value"] == 864.0 and q["hedge"] == "at_most"
    assert "previous" not in q and "ratio" not in q
    df = _tay_ho_2024()
    df.loc[df["qualifier"] == "more_than", "qualifier"] = "actual"  # "đạt 1.647 tỷ đồng": Q3 2023 = 548.31
    q = _one(findings.collect(df), "quarter").values
    assert q["previous"] == pytest.approx(548.310, abs=1e-3) and str(q["previous_span"]) == "2023-Q3"
    assert q["ratio"] == pytest.approx(864 / 548.310, abs=1e-4)  # about 1.58: "gấp khoảng 1,6 lần"
    assert str(findings.between(Period.parse("2024-H1"), Period.parse("2024-9M"))) == "2024-Q3"
    assert findings.between(Period.parse("2024-Q1"), Period.parse("2024-H1")) is not None
    assert findings.between(Period.parse("2024-9M"), Period.parse("2023-12")) is None


def test_contradictions_between_articles():
    df = _tay_ho_2024()
    # a land-use target of 4.000 tỷ above the whole 2024 plan of about 2.821 tỷ implied by another article
    land = _fig(doc="002_b.txt", metric="land_use_revenue", value=4000.0, period="2024", qualifier="target")
    c = _one(findings.collect(pd.concat([df, _df(land)])), "contradiction").values
    assert c["what"] == "component" and c["a"] == 4000.0 and c["plan"] == pytest.approx(2821.348, abs=1e-3)
    # two articles give one indicator two values
    two = _df(_fig(metric="awards", unit="count", value=12.0), _fig(doc="001_c.txt", metric="awards", unit="count", value=14.0))
    d = _one(findings.collect(two), "contradiction").values
    assert (d["what"], d["a"], d["b"]) == ("differ", 12.0, 14.0)
    # plans implied by two articles that cannot both hold: 2511 / 0.89 = 2821 against more than 1647 / 0.495 = 3327
    bad = df.copy()
    bad.loc[bad["value"] == 59.0, "value"] = 49.0
    p = _one(findings.collect(bad), "contradiction").values
    assert p["what"] == "plans" and round(p["b"]) == 3327 and p["hedge_b"] == "more_than"
    assert "more than 3,327 billion VND" in prose.sentence(_one(findings.collect(bad), "contradiction"), "en")
    # "trên 1.647 tỷ" ÷ 59% is a floor (more than 2768): it confirms no plan; "đạt 1.647 tỷ" gives 2791.5, which does
    assert not [f for f in findings.collect(df) if f.kind in ("agreement", "contradiction")]
    exact = df.copy()
    exact.loc[exact["qualifier"] == "more_than", "qualifier"] = "actual"
    assert _one(findings.collect(exact), "agreement").values["agree"]  # 2821.3 and 2791.5 overlap within rounding


@pytest.mark.parametrize(("a", "b", "expected"), [
    (_fig(period="2024-9M", published="2024-10-12"), _fig(period="2023-9M", published="2023-10-10"), Verdict(True, "as_reported")),
    (_fig(period="2016-2020", published="2021-02-13"), _fig(period="2021-2023", published="2024-01-05"),
     Verdict(True, "yearly_average")),
    (_fig(period="2024-9M"), _fig(period="2024-H1"), Verdict(False, reason="kind")),
    (_fig(period="2024-9M", published="2024-10-12"), _fig(period="2016-2020"), Verdict(False, reason="kind")),
    (_fig(period="2024", published="2024-10-12"), _fig(period="2020-2023"), Verdict(False, reason="unfinished")),
    (_fig(unit="percent", basis="plan"), _fig(unit="percent", basis="yoy"), Verdict(False, reason="basis")),
    (_fig(qualifier="target"), _fig(), Verdict(False, reason="target")),
    (_fig(unit="percent"), _fig(), Verdict(False, reason="unit")),
    (_fig(unit="percent", period="2016-2020"), _fig(unit="percent", period="2015-2020"), Verdict(False, reason="rates")),
    (_fig(unit="ratio", value=12.0, denominator=16.0, period="2020-2025-H1"),
     _fig(unit="ratio", value=21.0, denominator=21.0, period="2023"), Verdict(False, reason="kind")),
])
def test_valid_and_refused_comparisons(a, b, expected):
    assert verdict(a, b) == expected


def test_totals_of_whole_years_compare_as_yearly_averages():
    # 15.000 tỷ over 2016-2020 is 3.000 a year; 37.016 tỷ over 2021-2023 is 12.338,67 a year
    a = _fig(district="Tây Hồ", value=15000.0, period="2016-2020", published="2021-02-13")
    b = _fig(district="Đống Đa", doc="003_d.txt", value=37016.0, period="2021-2023", published="2024-01-05")
    f = findings.compare_pair([a, b], "Tây Hồ", "Đống Đa", "budget_revenue")
    assert isinstance(f, Finding) and f.district == "Đống Đa" and f.other == "Tây Hồ"
    assert f.values["a"] == pytest.approx(12338.667, abs=1e-3) and f.values["b"] == 3000.0
    text = prose.sentence(f, "vi")
    assert "bình quân năm" in text and "giai đoạn 2021-2023" in text and "giai đoạn 2016-2020" in text


def test_a_year_on_year_level_and_a_growth_are_compared_as_changes():
    # "bằng 142% so với cùng kỳ" is +42 %; "tăng 18%" is +18 %: never 142 against 18
    a = _fig(metric="budget_revenue_yoy", unit="percent", basis="yoy", value=142.0, period="2024-9M")
    b = _fig(district="Hoàng Mai", doc="005_e.txt", metric="budget_revenue_growth", unit="percent", basis="yoy", value=18.0,
             period="2024-9M")
    rows = findings.normalise([a, b], None)
    assert {r["metric"] for r in rows} == {"budget_revenue_growth"}  # the level, read as the change it means
    f = findings.compare_pair(rows, "Hoàng Mai", "Tây Hồ", "budget_revenue_growth")
    assert (f.district, f.values["a"], f.values["b"]) == ("Tây Hồ", 42.0, 18.0)
    assert "24 percentage points" in prose.sentence(f, "en")


def test_main_point_sentences_state_figure_period_direction_and_source():
    df = _tay_ho_2024()
    vi = prose.main_points(df, None, "vi")
    # what the articles report first, the book's own arithmetic after it, labelled as such (issue 20)
    first = next(ln for ln in vi.splitlines() if ln.startswith("- "))
    assert first.startswith("- 9 tháng năm 2024, Tây Hồ thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm")
    assert "tăng 42% so với cùng kỳ năm trước; theo tính toán của sách, như vậy là vượt tiến độ thời gian 14 điểm phần trăm (đã qua 75% thời gian của năm)" in vi
    assert "Theo tính toán của sách, riêng quý III/2024" in vi and "không quá 864 tỷ đồng" in vi and "1,6 lần" not in vi
    assert "bình quân mỗi quý" not in vi  # at most 864 against more than 823,5 a quarter: either may be higher
    assert vi.index("*Các bài báo đưa tin*") < vi.index("*Sách tính từ số liệu của bài*") < vi.index("riêng quý III/2024")
    assert "hơn 1.647 tỷ đồng" in vi  # the hedge is kept
    en = prose.main_points(df, None, "en")
    assert "in Q3 2024 alone" in en and "that is 14 percentage points ahead of schedule (75% of the year had gone)" in en
    for text in (vi, en):
        points = [ln for ln in text.split("**", 3)[2].splitlines() if ln.startswith("- ")]
        assert 3 <= len(points) <= 5
        dates = ("12/10/2024", "20/7/2024") if text is vi else ("12 October 2024", "20 July 2024")
        assert all(f"\\[000 · Báo A · {dates[0]}\\]" in p or f"\\[002 · Báo A · {dates[1]}\\]" in p for p in points)  # escaped
        assert not re.search(r"\b2024-(?:9M|H1|Q3)\b|_", text)  # periods in words, no keys


def test_refusals_say_why_in_a_readers_words():
    a = _fig(metric="party_members_admitted_vs_target", unit="percent", basis="none", value=114.2, period="2016-2020")
    b = _fig(district="Đống Đa", doc="003_d.txt", metric="party_members_admitted_vs_target", unit="percent", basis="plan",
             value=101.0, period="2020-2025-H1")
    for lang, words in (("vi", "con số của Tây Hồ là giá trị tự thân, còn của Đống Đa tính so với kế hoạch"),
                        ("en", "Tây Hồ's figure is a value in its own right, while Đống Đa's is measured against the plan")):
        line = prose.refusal_lines(_df(a, b), "Tây Hồ", "Đống Đa", lang)[0]
        assert words in line
        assert not re.search(r"\b(?:none|plan|yoy)\b(?! [a-z])|_", line.replace("the plan", "")), line


def test_catalogues_hold_the_same_messages_in_both_languages():
    from babel.messages.pofile import read_po

    ids = {}
    for lang in ("vi", "en"):
        with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "districtbook.po").open("rb") as f:
            cat = read_po(f, locale=lang)
        ids[lang] = {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id}
        untranslated = [m.id for m in cat if m.id and not m.string and not str(m.id).endswith(("as_reported", "count", "ratio"))]
        assert not untranslated, (lang, untranslated)
    assert ids["vi"] == ids["en"]


@pytest.mark.parametrize(("label", "vi", "en"), [
    ("2024-9M", "9 tháng năm 2024", "the first 9 months of 2024"),
    ("2024-H1", "6 tháng đầu năm 2024", "the first half of 2024"),
    ("2023", "năm 2023", "2023"),
    ("2023-02", "tháng 2/2023", "February 2023"),
    ("2016-2020", "giai đoạn 2016-2020", "2016-2020"),
    ("2020-2025-H1", "nửa đầu nhiệm kỳ 2020-2025", "the first half of the 2020-2025 term"),
    ("2019-YTD", "từ đầu năm 2019", "2019 to date"),
])
def test_periods_are_printed_for_readers(label, vi, en):
    p = Period.parse(label)
    assert (i18n.period_text(p, "vi"), i18n.period_text(p, "en")) == (vi, en)


def test_one_colour_per_district_for_all_thirty_districts():
    from districtbook.extraction.places import hanoi_districts

    assert len({charts.district_colour(d) for d in hanoi_districts()}) == 30


def test_chart_labels_never_overlap(tmp_path, monkeypatch):
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    found = findings.collect(_tay_ho_2024())
    for lang in ("vi", "en"):
        assert "{figure}" in charts.progress_chart(found, lang, f"p-{lang}")
        assert "{figure}" in charts.year_on_year_chart(found, lang, f"y-{lang}")


# --- the built chapters (committed in book/) open with their main points ------------------------

#: a direction, or the verb of a fact an article reports ("thu", "kết nạp", "hoàn thành"; "collected", "met": issue 20's
#: main points lead with what the articles report, not with the book's comparisons)
DIRECTION = {"vi": r"tăng|giảm|vượt|đạt|cao hơn|thấp hơn|gấp|so với|toàn bộ|mục tiêu|còn|ngang|khác nhau|không khớp|khớp|trên tổng số|dự kiến"
                   r"|\bthu\b|kết nạp|hoàn thành|chiếm|phấn đấu|\bcó\b",
             "en": r"\bup\b|\bdown\b|ahead|behind|exceed|above|below|times|against|\ball\b|target|aims|short|rose|fell|higher|level|differ|same|of the (?:total|plan|annual plan)|forecasts|\b(\d+) of \1\b"
                   r"|collected|admitted|\bmet\b|grew|received|made up|aimed|expected|reached|\bsaw\b|'s [\w ,-]+ was"}


def _catalogue_verbs(lang: str) -> str:
    """The words a reported fact's sentence opens its predicate with, as the catalogue writes them (``act.did.*`` and
    ``act.do.*``: "disbursed", "giải ngân", …): a main point that reports a fact says what was done."""
    import re as _re

    po = ROOT / "src" / "districtbook" / "locale" / lang / "LC_MESSAGES" / "districtbook.po"
    found = _re.findall(r'^msgid "act\.do(?:ne|)?[^"]*"\nmsgstr "([^"{]+)', po.read_text(encoding="utf-8"), _re.M)
    found += _re.findall(r'^msgid "act\.did\.[^"]*"\nmsgstr "([^"{]+)', po.read_text(encoding="utf-8"), _re.M)
    # and what a share of counted things did ("markets accepted cashless payments": ``portion.*``)
    found += _re.findall(r'^msgid "portion\.[^"]*"\nmsgstr "([^"{]+)', po.read_text(encoding="utf-8"), _re.M)
    words = sorted({w.strip() for w in found if w.strip()}, key=len, reverse=True)
    return "|".join(_re.escape(w) for w in words)


DIRECTION = {lang: f"{pattern}|{_catalogue_verbs(lang)}" if _catalogue_verbs(lang) else pattern
             for lang, pattern in DIRECTION.items()}
PERIOD = r"\b(?:19|20)\d\d\b"
ANALYSIS = ("budget", "growth", "digital", "governance", "compare")


def cites_a_live_article(point: str) -> bool:
    """Whether a sentence cites one of the live articles ("[000 · …", "[h24 · …", "[cau\\_giay · …", whatever
    the file is called; "[d08]" for one that gives neither outlet nor date), in plain text or as escaped MyST."""
    from districtbook.analysis.dataset import short_doc
    from districtbook.rendering.report import escape

    names = {short_doc(p.name) for p in (ROOT / "seeds").glob("*.txt")}
    forms = sorted({re.escape(n) for n in names} | {re.escape(str(escape(n))) for n in names}, key=len, reverse=True)
    return bool(re.search(r"\[(?:" + "|".join(forms) + r")(?: · |\\?\])", point))


def _profiles() -> list[str]:
    """The profile chapters of the live book (one per place the articles report on)."""
    return sorted(p.stem for p in (ROOT / "book" / "chapters").glob("profile-*.ipynb"))


def _first_output(nb_path) -> str:
    cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
    for c in cells:
        for o in c.get("outputs", []):
            md = o.get("data", {}).get("text/markdown")
            if md:
                return "".join(md)
    return ""


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("chapter", [*ANALYSIS, "profiles"])
def test_every_analysis_chapter_opens_with_three_to_five_main_points(lang, chapter):
    from districtbook.building.manifest import compare_pair

    folder = ROOT / ("book/chapters" if lang == "vi" else "book/en/chapters")
    for name in _profiles() if chapter == "profiles" else [chapter]:
        text = _first_output(folder / f"{name}.ipynb")
        heading = i18n.text(lang, "points.heading")
        if chapter == "profiles" and not text.startswith(f"**{heading}**"):
            # a place an article is about but gives no figure for ("no figure on this topic"), or whose figures
            # say nothing to rank (metric "other" only): its profile opens with its table
            assert text == i18n.text(lang, "topic.none") or text.startswith((":::{only} html\n{download}`CSV", "{download}`CSV")), (name, text[:200])
            continue
        assert text.startswith(f"**{heading}**"), (name, text[:200])
        points = []
        for line in text.splitlines()[1:]:
            if line.startswith("- "):
                points.append(line)
            elif points and line.strip():
                break
        if chapter == "compare" and not points:  # no comparison on a common footing: one sentence says why
            a, b = compare_pair(load(ROOT / "book" / "manifest.yml"))
            none = i18n.text(lang, "compare.points_none", a=a, b=b, reasons="")
            assert text.splitlines()[2].startswith(none.split(":")[0]), text[:300]
            continue
        # a place one article mentions once, or a topic few articles report on (digital, in real articles), may have
        # one or two main points: never none, never more than five
        assert 1 <= len(points) <= 5, (name, points)
        for p in points:
            assert re.search(r"\d", p), (name, p)
            assert cites_a_live_article(p), (name, p)  # cites its article, whatever its file is called
            if chapter != "profiles":  # a place one article gives a single figure for: its level, undated maybe
                assert re.search(PERIOD, p), (name, p)
                # a direction, or a single figure stated as a level ("records handled on time in 2022: 99.9%")
                # a direction or a verb, or a reported value right before its citation ("… stood at 8 [d15 · …]")
                assert re.search(DIRECTION[lang], p) or re.search(r": [\d.,]+ ?%? \\\[", p) \
                    or re.search(r"\d[\d.,]*(?: ?%| [^\W\d][\w ]{0,40})? \\\[", p), (name, p)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_introduction_opens_with_main_points_from_the_data(lang):
    from districtbook.analysis import dataset
    from districtbook.chapters import intro

    seeds = ROOT / "seeds"
    points = intro.headlines(dataset.load(seeds), dataset.article_texts(seeds), lang)
    assert len([p for p in points.values() if p]) >= 3
    page = (ROOT / ("book/intro.md" if lang == "vi" else "book/en/intro.md")).read_text(encoding="utf-8")
    assert all(f"headline_{i}" in page for i in range(5))
    for p in points.values():
        if p:
            assert re.search(PERIOD, p) and re.search(DIRECTION[lang], p) and cites_a_live_article(p), p


# --- a third district: the book built with one more article ---------------------------------------

def _findings_with_a_third_district():
    import shutil
    import tempfile
    from pathlib import Path

    from districtbook.analysis import dataset

    folder = Path(tempfile.mkdtemp()) / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    shutil.copy2(ROOT / "tests/fixtures/hoang_mai_article.txt", folder / "005_hoang_mai.txt")
    return dataset.load(folder), dataset.article_texts(folder)


def _assert_common_footing(f: Finding) -> None:
    """Two figures set against each other share metric, unit and basis, and periods of one kind and length
    (or are totals over whole years set as yearly averages)."""
    if f.kind not in ("ahead", "trend", "target") or len(f.rows) < 2:
        return
    a, b = f.rows[0], f.rows[1]
    assert (a["unit"], a["basis"]) == (b["unit"], b["basis"]), f
    pa, pb = Period.parse(str(a["period"])), Period.parse(str(b["period"]))
    assert pa.comparable(pb) or (f.values.get("footing") == "yearly_average" and pa.full_years and pb.full_years), f
    assert bool(a.get("yoy_level")) == bool(b.get("yoy_level")) or (a.get("yoy_change") and b.get("yoy_change")), f


def test_with_a_third_district_comparisons_and_main_points_keep_a_common_footing():
    df, texts = _findings_with_a_third_district()
    assert "Hoàng Mai" in set(df["district"])
    found = findings.collect(df, texts)
    ahead = [f for f in found if f.kind == "ahead"]
    assert any({f.district, f.other} == {"Hoàng Mai", "Tây Hồ"} and f.period == "2024-9M" for f in ahead), ahead
    # the first half: Hoàng Mai's article reports "thu ngân sách trên địa bàn", Tây Hồ's "thu ngân sách quận": no
    # comparison of two revenues the articles do not say are one
    assert not any({f.district, f.other} == {"Hoàng Mai", "Tây Hồ"} and f.period == "2024-H1"
                   and f.metric.startswith("budget_revenue") for f in ahead), ahead
    for f in found:
        _assert_common_footing(f)
    # the main points of every chapter scope, both languages, over the three districts
    from districtbook.chapters import budget, digital, governance, growth

    scopes = [(c.METRICS, None) for c in (budget, growth, digital, governance)] + [(None, (d,)) for d in sorted(set(df["district"]))]
    for metrics, districts in scopes:
        for f in prose.choose(prose.chapter_findings(df, texts, metrics, districts), texts, None, 5,
                              tuple(sorted(set(df["district"])))):  # what the chapters pick as main points
            _assert_common_footing(f)
    # a comparison of the two 9-month revenues, and no "142% against 18%"
    from districtbook.chapters import comparison

    text = comparison.comparisons(df, "Hoàng Mai", "Tây Hồ", "vi", texts)
    assert "ước 3.150 tỷ đồng (9 tháng năm 2024) so với ước 2.511 tỷ đồng (9 tháng năm 2024)" in text
    assert "142%" not in text and "42%" in text


@pytest.mark.slow
def test_the_book_with_a_third_district_builds_with_charts_whose_labels_never_overlap(rebuilt_log, tmp_path):
    """The session's book rebuilt with an article about Hoàng Mai (``rebuilt_log``; it also changed article 000's
    title): every chapter that reads the new article, in both editions, drew its charts over three districts (the
    layout adapts until no labels overlap, report.adapt_layout; tests/test_chart_properties.py checks it).  The
    comparison chapter of the new district is then run and checked for its common footing."""
    from .conftest import cli

    root, proc = rebuilt_log
    assert proc.returncode == 0, proc.stderr
    for chapter in ("budget", "growth", "digital", "governance", "profile-hoang-mai"):  # re-drawn with Hoàng Mai
        assert re.search(rf"book/chapters/{chapter}.ipynb: executed", proc.stderr), chapter
        assert re.search(rf"book/en/chapters/{chapter}.ipynb: executed", proc.stderr), chapter
    assert (root / "book/chapters/profile-hoang-mai.ipynb").is_file()
    # the review step: the new profile chapters (untracked files, not in `git diff`) are listed as added, unless the
    # project's published book already has them (a project whose seeds/ hold an article about Hoàng Mai)
    added = proc.stderr.split("chapters added", 1)[1].split("chapters changed", 1)[0]
    new = [f"{ed}/chapters/profile-hoang-mai.ipynb" for ed in ("book", "book/en")]
    assert all(n in added for n in new if not (ROOT / n).is_file()) and any(n in added for n in new) == \
        any(not (ROOT / n).is_file() for n in new), added
    assert "book/chapters/budget.ipynb" in proc.stderr.split("chapters changed", 1)[1]
    charts_made = list((root / "book/chapters/_assets").glob("*-vi.png")) + list((root / "book/en/chapters/_assets").glob("*-en.png"))
    assert len(charts_made) >= 10
    out = tmp_path / "c.ipynb"  # the district named as a reader types it: without diacritics
    ok = cli("run", "compare", "-p", "district_a", "Hoang Mai", "-p", "district_b", "Tây Hồ", "-o", str(out), root=root)
    assert ok.returncode == 0, ok.stderr
    text = _first_output(out)
    assert text.startswith("**Điểm chính**") and "Hoàng Mai cao hơn Tây Hồ" in text
    assert (out.parent / "_assets" / "compare-hoang-mai-tay-ho-vi.png").is_file()


def test_the_year_on_year_change_of_a_progress_is_printed_as_the_article_writes_it():
    # "tăng 13,99% so với cùng kỳ": rounded to one decimal it read "14%", a figure the article does not give
    df = _tay_ho_2024()
    df.loc[df["metric"] == "budget_revenue_yoy", "value"] = 113.99
    vi, en = prose.main_points(df, None, "vi"), prose.main_points(df, None, "en")
    assert "tăng 13,99% so với cùng kỳ năm trước" in vi and "14%" not in vi.replace("14 điểm", "")
    assert "13.99%" in en


def test_a_progress_chart_shows_one_measure_the_one_its_title_names(tmp_path, monkeypatch):
    # a district's domestic revenue against its plan is no bar of "state budget revenue: how much of the plan"
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    domestic = _df(
        _fig(metric="domestic_revenue", value=2000.0, period="2024-9M", published="2024-10-12", start=50, end=55),
        _fig(metric="domestic_revenue_vs_plan", value=95.0, unit="percent", period="2024-9M", basis="plan",
             published="2024-10-12", start=60, end=63))
    other = _df(_fig(doc="005_e.txt", district="Ba Đình", value=3000.0, period="2024-9M", published="2024-10-15"),
                _fig(doc="005_e.txt", district="Ba Đình", metric="budget_revenue_vs_plan", value=80.0, unit="percent",
                     period="2024-9M", basis="plan", published="2024-10-15", start=20, end=23))
    found = findings.collect(pd.concat([_tay_ho_2024(), domestic, other], ignore_index=True))
    assert {f.metric for f in found if f.kind == "progress"} == {"budget_revenue", "domestic_revenue"}
    shown = str(charts.progress_chart(found, "en", "p-en"))  # two places: one chart per measure
    assert shown.count("{figure}") == 2
    first, second = re.findall(r":::\{figure\}.*?\n:::", shown, re.S)  # each chart's figure block
    assert "chart, Budget revenue: per cent" in first and "95%" not in first and "Ba Đình" in first
    assert "Budget revenue" not in second.split("beside")[0] and "95%" in second
    # one place: one chart, titled by the place, each bar named by its measure
    one = str(charts.progress_chart([f for f in found if f.district == "Tây Hồ"], "en", "q-en"))
    assert one.count("{figure}") == 1 and "chart, Tây Hồ: per cent" in one
    assert "Domestic revenue · the first 9 months of 2024: 95%" in one
    assert "Budget revenue · the first 9 months of 2024: 89%" in one


def test_the_year_on_year_chart_keeps_an_estimate_and_a_bound_on_both_bars(tmp_path, monkeypatch):
    # "ước đạt hơn 1.647 tỷ đồng, tăng 35%": an estimate and a floor; the year before is a floor too (1647 / 1.355)
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    t = "Thu ngân sách quận ước đạt hơn 1.647 tỷ đồng, tăng 35% so với cùng kỳ."
    rows = _df(_fig(doc="002_b.txt", value=1647.0, period="2024-H1", qualifier="more_than", published="2024-07-20",
                    start=t.index("1.647"), end=t.index("1.647") + 5),
               _fig(doc="002_b.txt", metric="budget_revenue_growth", value=35.0, unit="percent", period="2024-H1",
                    basis="yoy", published="2024-07-20", start=t.index("35%"), end=t.index("35%") + 3))
    found = prose.with_words(findings.collect(rows), {"002_b.txt": t})
    shown = str(charts.year_on_year_chart(found, "vi", "y-vi"))
    assert "ước hơn 1.647 tỷ đồng" in shown and "6 tháng đầu năm 2023: hơn 1.215 tỷ đồng" in shown
    assert "khoảng 1.220" not in shown


def test_the_share_chart_names_each_sector_as_its_article_does(tmp_path, monkeypatch):
    # "công nghiệp - xây dựng chiếm 31,2%" is industry and construction; "ngành công nghiệp chiếm 33,53%" industry alone
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    from districtbook.chapters import growth

    a = "Cơ cấu kinh tế: thương mại - dịch vụ chiếm 68,5%, công nghiệp - xây dựng chiếm 31,2%, nông nghiệp 0,3%."
    b = "Ngành dịch vụ chiếm tỷ trọng 66,14%, ngành công nghiệp chiếm 33,53%, nông nghiệp chiếm 0,33%."
    rows = []
    for doc, place, text_, values in (("103_a.txt", "Long Biên", a, ("68,5%", "31,2%", "0,3%")),
                                      ("004_b.txt", "Tây Hồ", b, ("66,14%", "33,53%", "0,33%"))):
        for metric, quote in zip(("sector_share_services", "sector_share_industry", "sector_share_agriculture"), values):
            start = text_.find(quote)
            rows.append(_fig(doc=doc, district=place, metric=metric, unit="percent", basis="share", period="2024-H1",
                             value=float(quote.rstrip("%").replace(",", ".")), quote=quote, start=start,
                             end=start + len(quote), published="2024-07-05"))
    texts = {"103_a.txt": a, "004_b.txt": b}
    shown = str(growth.share_chart(_df(*rows), "en", texts))
    assert "Long Biên · the first half of 2024, Share of industry and construction: 31.2%" in shown
    assert "Tây Hồ · the first half of 2024, Share of industry: 33.53%" in shown
    vi = str(growth.share_chart(_df(*rows), "vi", texts))
    assert "Tỷ trọng công nghiệp - xây dựng: 31,2%" in vi and "Tỷ trọng công nghiệp: 33,53%" in vi
    # the share after it is agriculture's, whatever sector the sentence named before it
    assert "Long Biên · the first half of 2024, Share of agriculture: 0.3%" in shown
    assert "Tỷ trọng nông nghiệp: 0,3%" in vi and "xây dựng: 0,3%" not in vi


def test_two_places_revenue_is_compared_only_when_their_articles_name_the_same_revenue():
    # "thu ngân sách nhà nước trên địa bàn" (all the state's revenue collected there) and a bare "thu ngân sách" or
    # "thu ngân sách quận" may be two different revenues: never "higher than", "about 1.9 times"
    texts = {"101_a.txt": "Thu ngân sách nhà nước trên địa bàn quận ước đạt 4.870 tỷ đồng, bằng 78% dự toán năm.",
             "000_b.txt": "Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm.",
             "102_c.txt": "Tổng thu ngân sách nhà nước trên địa bàn quận đạt 3.150 tỷ đồng, bằng 81% kế hoạch năm."}
    rows = []
    for doc, place in (("101_a.txt", "Ba Đình"), ("000_b.txt", "Tây Hồ"), ("102_c.txt", "Hoàng Mai")):
        t = texts[doc]
        amount, share = re.search(r"\d\.\d{3}", t), re.search(r"\d\d%", t)
        rows += [_fig(doc=doc, district=place, value=float(amount.group(0).replace(".", "")), period="2024-9M",
                      quote=amount.group(0), start=amount.start(), end=amount.end(), published="2024-10-10"),
                 _fig(doc=doc, district=place, metric="budget_revenue_vs_plan", value=float(share.group(0)[:2]),
                      unit="percent", basis="plan", period="2024-9M", quote=share.group(0), start=share.start(),
                      end=share.end(), published="2024-10-10")]
    df = _df(*rows)
    refused = {(m, v.reason) for m, _a, _b, v in findings.refusals(df, "Ba Đình", "Tây Hồ", texts)}
    assert refused == {("budget_revenue", "scope"), ("budget_revenue_vs_plan", "scope")}
    ahead = findings.ahead(findings.usable_rows(df, texts))
    assert {frozenset((f.district, f.other)) for f in ahead} == {frozenset(("Ba Đình", "Hoàng Mai"))}  # both "nhà nước"
    why = prose.refusal_lines(df, "Ba Đình", "Tây Hồ", "en", texts)
    assert any("do not report the same revenue (Ba Đình: state budget revenue collected there; Tây Hồ: “budget "
               "revenue”, without saying which)" in line for line in why), why
