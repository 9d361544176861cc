"""Prose a Vietnamese newsroom would print (issue 20): main points that lead with what the articles headline, then
comparisons, then the book's own arithmetic; sentences written for each language (the place as subject, the verb
carrying the qualifier, the period first); the article's own words kept.

Checked on the five seed articles (``tests/fixtures/seeds``) and on the three new-article fixtures
(``tests/fixtures/new_articles``: Ba Đình, whose title gives its revenue against the budget estimate; Hoàng Mai,
whose lead does; Long Biên, whose title gives its growth).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from districtbook.analysis import dataset, headline
from districtbook.chapters import budget, digital, governance, growth, profile
from districtbook.rendering import i18n, prose, wording

from .conftest import ROOT, SEEDS

NEW = ROOT / "tests" / "fixtures" / "new_articles"
CHAPTERS = {"budget": budget.METRICS, "growth": growth.METRICS, "digital": digital.METRICS, "governance": governance.METRICS}


def _load(*folders: Path, tmp: Path) -> tuple:
    dest = tmp / "seeds"
    dest.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        for p in folder.glob("*.txt"):
            shutil.copy2(p, dest / p.name)
    return dataset.load(dest), dataset.article_texts(dest)


@pytest.fixture(scope="module", params=["seeds", "seeds+new", "new"])
def corpus(request, tmp_path_factory):
    folders = {"seeds": (SEEDS,), "seeds+new": (SEEDS, NEW), "new": (NEW,)}[request.param]
    return _load(*folders, tmp=tmp_path_factory.mktemp(request.param.replace("+", "_")))


def _rows_by_doc(df):
    return prose._rows_by_doc(df)


def _check_order(points, texts, found, rows_by_doc, where):
    classes = [headline.kind_class(f) for f in points]
    assert classes == sorted(classes, key=headline.ORDER.index), (where, classes)
    if any(c == "reported" for c in [headline.kind_class(f) for f in found]):
        first = points[0]
        assert headline.kind_class(first) == "reported", (where, first.kind)
    worthy = [f for f in found if headline.headline_worthy(f, texts, rows_by_doc)]
    for d in (f for f in points if headline.kind_class(f) == "derived"):
        left_out = [f for f in worthy if headline.topic(f) == headline.topic(d) and f not in points]
        assert not left_out, (where, d.kind, [f.kind for f in left_out])  # a derivation never displaces a report


def test_the_introduction_leads_with_a_fact_the_articles_headline(corpus):
    df, texts = corpus
    points = prose.intro_points(df, texts)
    found = prose.merged(prose.with_words(prose.collect(df, texts), texts))
    assert points and headline.kind_class(points[0]) == "reported"
    assert headline.headline_worthy(points[0], texts, _rows_by_doc(df))
    _check_order(points, texts, found, _rows_by_doc(df), "intro")
    # every place with a headlined fact has one among the first points
    places = {f.district for f in found if headline.headline_worthy(f, texts, _rows_by_doc(df))}
    assert places <= {f.district for f in points} or len(points) == 5


def test_every_chapter_and_profile_leads_with_a_reported_fact(corpus):
    df, texts = corpus
    scopes = [(name, metrics, None) for name, metrics in CHAPTERS.items()]
    scopes += [(f"profile {d}", None, (d,)) for d in sorted(set(df["district"]))]
    for where, metrics, districts in scopes:
        found, points, _present = prose.chapter_points(df, texts, metrics, districts, per_metric=2 if districts else 5)
        if points:
            _check_order(points, texts, found, _rows_by_doc(df), where)


def _main_part(md: str, lang: str) -> str:
    return str(md).split(f"**{i18n.text(lang, 'points.more')}**")[0]


def test_dong_da_profile_says_the_subheadings_37016_billion(tmp_path):
    df, texts = _load(SEEDS, tmp=tmp_path)
    vi = _main_part(profile.main_points(df, texts, "Đống Đa", "vi"), "vi")
    en = _main_part(profile.main_points(df, texts, "Đống Đa", "en"), "en")
    assert "Đống Đa thu ngân sách nhà nước đạt hơn 37.016 tỷ đồng" in vi
    assert "Đống Đa collected more than 37,016 billion VND in state budget revenue" in en
    # "12/16 chỉ tiêu cả nhiệm kỳ" at mid-term is what the article says, never "tức 75%"
    assert "Đống Đa hoàn thành 12/16 chỉ tiêu cả nhiệm kỳ" in vi and "75%" not in vi
    assert "met 12 of its 16 targets for the whole term" in en
    # the article's word for the plan: "chỉ tiêu thành phố giao", not "kế hoạch"
    assert "vượt chỉ tiêu thành phố giao (101%)" in vi and "101% of the target set by the city" in en


def test_the_headline_rule_reads_title_subheading_and_lead(tmp_path):
    df, texts = _load(SEEDS, NEW, tmp=tmp_path)
    by_doc = _rows_by_doc(df)

    def marks(doc_prefix, value, metric):
        row = df[df["doc"].str.startswith(doc_prefix) & (df["value"] == value) & (df["metric"] == metric)].iloc[0].to_dict()
        return headline.evidence(row, texts[row["doc"]], by_doc[row["doc"]])

    assert {"heading", "largest"} <= marks("003", 37016.0, "budget_revenue")  # "Tổng thu ngân sách … 37.016 tỷ đồng"
    assert {"title", "against_plan"} <= marks("101", 78.0, "budget_revenue_vs_plan")  # the title: "đạt 78% dự toán năm"
    assert "lead" in marks("000", 2511.0, "budget_revenue")
    assert "lead" in marks("102", 5215.0, "budget_revenue")
    # "Tăng trưởng kinh tế 6 tháng đạt 7,8%" is the headline of the body's "tăng trưởng giá trị sản xuất … ước đạt 7,8%"
    assert "title" in marks("103", 7.8, "production_value_growth")
    assert "heading" in marks("001", 33.0, "confidence_votes")  # "… nhận số phiếu tín nhiệm cao 33/33"


@pytest.mark.parametrize(("district", "vi", "en"), [
    ("Ba Đình", "9 tháng năm 2024, Ba Đình thu ngân sách nhà nước trên địa bàn ước đạt 4.870 tỷ đồng, bằng 78% dự toán năm",
     "In the first 9 months of 2024, Ba Đình collected an estimated 4,870 billion VND in state budget revenue, 78% of the annual budget estimate"),
    ("Hoàng Mai", "Năm 2023, Hoàng Mai thu ngân sách nhà nước trên địa bàn ước đạt 5.215 tỷ đồng, vượt dự toán thành phố giao (104,2%)",
     "In 2023, Hoàng Mai collected an estimated 5,215 billion VND in state budget revenue, 104.2% of the budget estimate"),
])
def test_a_new_districts_profile_opens_with_what_its_article_headlines(tmp_path, district, vi, en):
    df, texts = _load(NEW, tmp=tmp_path)
    for lang, want in (("vi", vi), ("en", en)):
        md = str(profile.main_points(df, texts, district, lang))
        first = next(ln for ln in md.splitlines() if ln.startswith("- "))
        assert first.startswith(f"- {want}"), first


def test_long_biens_profile_opens_with_what_its_article_reports(tmp_path):
    """Its lead's revenue first; the title's growth rate, whose basis no word states, is left to the figure tables
    (issue 21's rule: a percentage no word says is of what is no finding)."""
    df, texts = _load(NEW, tmp=tmp_path)
    vi = _main_part(profile.main_points(df, texts, "Long Biên", "vi"), "vi")
    en = _main_part(profile.main_points(df, texts, "Long Biên", "en"), "en")
    assert "6 tháng đầu năm 2024, Long Biên thu ngân sách nhà nước" in vi and "3.402 tỷ đồng" in vi
    assert "In the first half of 2024, Long Biên collected" in en and "3,402 billion VND" in en


def test_sentences_open_with_the_period_and_name_the_place_as_subject(tmp_path):
    df, texts = _load(SEEDS, NEW, tmp=tmp_path)
    for lang in ("vi", "en"):
        for d in sorted(set(df["district"])):
            md = str(profile.main_points(df, texts, d, lang) or "")
            for line in (ln[2:] for ln in md.splitlines() if ln.startswith("- ")):
                assert not re.match(r"^[^\W\d][\w ]*: ", line), line  # never "Tây Hồ: …", the old label-first template
                assert "tức 100%" not in line and "i.e. 100%" not in line, line
    points = prose.point_sentences(df, texts, "vi")
    assert all(re.match(r"^(?:\d+ tháng|Năm|Giai đoạn|Trong \d+ năm tính đến|Nửa đầu|Giữa nhiệm kỳ|Quý|6 tháng|Theo tính toán của sách|[^\W\d]+ (?:cao hơn|và))", p)
               for p in points), points
    assert all(re.match(r"^(?:In |By the book's arithmetic|[^\W\d].*'s )", p) for p in prose.point_sentences(df, texts, "en"))


def test_the_articles_own_words_are_kept(tmp_path):
    df, texts = _load(SEEDS, tmp=tmp_path)
    md = {lang: str(profile.main_points(df, texts, "Tây Hồ", lang)) + "\n".join(
        prose.say(f, lang) for f in prose.chapter_points(df, texts, None, ("Tây Hồ",))[0]) for lang in ("vi", "en")}
    # "mỗi năm kết nạp mới từ 90 đảng viên trở lên": "từ … trở lên", never "hơn 90"
    assert "từ 90 đảng viên trở lên mỗi năm" in md["vi"] and "hơn 90" not in md["vi"]
    assert "90 or more new Party members each year" in md["en"] and "more than 90" not in md["en"]
    # "tỷ lệ đảng viên và tổ chức Đảng hoàn thành tốt nhiệm vụ … trên 75%": who is rated, as the article says, never "units"
    assert "hơn 75% đảng viên và tổ chức đảng hoàn thành tốt nhiệm vụ" in md["vi"]
    assert "75% of its Party members and Party organisations rated good each year" in md["en"]
    # source 002's "thu ngân sách quận" stays district budget revenue
    assert "Tây Hồ thu ngân sách quận ước đạt hơn 1.647 tỷ đồng" in md["vi"]
    assert "more than 1,647 billion VND (estimated) in district budget revenue" in md["en"]
    # whose votes of confidence: the officials the article names
    assert re.search(r"Bí thư Quận u[ỷỷ] Tây Hồ Lê Thị Thu Hằng .*đạt 33/33 phiếu tín nhiệm", md["vi"]), md["vi"]
    assert "Tây Hồ's Party secretary and the People's Committee chairman each received \"high confidence\" on 33/33 ballots" in md["en"]


@pytest.mark.parametrize(("text", "start", "end", "words"), [
    ("Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm, bằng 142% so với cùng kỳ", 42, 45, {"plan": "kế hoạch năm"}),
    ("kết nạp 764 đảng viên mới, đạt 101% chỉ tiêu thành phố giao.", 31, 35, {"plan": "chỉ tiêu thành phố giao"}),
    ("6 tháng đầu năm thu ngân sách quận ước đạt hơn 1.647 tỷ đồng", 45, 58, {"revenue": "ngân sách quận"}),
    ("tổng thu ngân sách nhà nước trên địa bàn quận Hoàng Mai ước đạt 5.215 tỷ đồng", 64, 77,
     {"revenue": "ngân sách nhà nước trên địa bàn"}),
])
def test_article_words_table(text, start, end, words):
    metric = "budget_revenue_vs_plan" if "plan" in words else "budget_revenue"
    assert wording.article_words(dict(metric=metric, start=start, end=end), text) == words


def test_the_house_words_are_in_a_style_sheet_beside_the_catalogues():
    sheet = (i18n.LOCALE_DIR / "STYLE.md").read_text(encoding="utf-8")
    for word in ("dự toán", "kế hoạch", "chỉ tiêu thành phố giao", "thu ngân sách nhà nước trên địa bàn",
                 "thu ngân sách quận", "nhiệm kỳ", "giai đoạn", "ước đạt", "phấn đấu", "dự kiến", "vượt", "từ … trở lên"):
        assert word in sheet, word
    # every sentence kind has its message in both catalogues, and every measure with a verb both of its forms
    for lang in ("vi", "en"):
        for kind in ("level", "progress", "change", "quarter", "gap", "trend.up", "share", "target", "ratio", "ahead"):
            assert i18n.text(lang, f"say.{kind}")
        for metric in prose.ACTS:
            assert i18n.text(lang, f"act.did.{metric}") and i18n.text(lang, f"act.do.{metric}")


def test_tables_keep_or_more_and_share_axes_stop_at_100(tmp_path, monkeypatch):
    from districtbook.chapters import common
    from districtbook.rendering import charts

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path / "assets"))
    df, texts = _load(SEEDS, tmp=tmp_path)
    vi = str(common.topic_table(df[df["district"] == "Tây Hồ"], ("party_members_admitted",), "vi", "t-or-more", texts))
    en = str(common.topic_table(df[df["district"] == "Tây Hồ"], ("party_members_admitted",), "en", "t-or-more", texts))
    assert "từ 90 trở lên" in vi and "90 or more" in en  # the bound is part of the value, as the article says it
    assert "\n  - hơn\n" not in vi and "\n  - more than\n" not in en  # the kind-of-figure column holds no bound
    assert charts.share_ticks([100.0, 75.0])[-1] == 100 and charts.share_ticks([114.2]) is None


@pytest.mark.parametrize(("metric", "qualifier", "vi", "en"), [
    ("cashless_markets", "", "Tây Hồ có 100% chợ thanh toán không dùng tiền mặt",
     "100% of Tây Hồ's markets accepted cashless payments"),
    ("records_on_time", "target", "Tây Hồ phấn đấu 100% hồ sơ giải quyết đúng hạn",
     "Tây Hồ set a target of 100% for records handled on time"),
])
def test_a_share_of_things_counted_goes_before_the_things_as_reports_write_it(metric, qualifier, vi, en):
    row = {**dataset.figure_row(metric=metric, value=100.0, unit="percent", qualifier=qualifier, basis="share",
                                period="2024", quote="100%"), "words": {}}
    assert prose.clause(row, "vi", "Tây Hồ") == vi
    # not the metric label as the subject ("Tây Hồ có chợ thanh toán không dùng tiền mặt đạt 100%")
    assert not re.search(r"đạt 100%$", prose.clause(row, "vi", "Tây Hồ"))
    assert prose.clause(row, "en", "Tây Hồ") == en


def test_the_books_arithmetic_on_a_count_says_what_it_counts_in_whole_numbers():
    # "kết nạp 145 đảng viên, đạt 58% chỉ tiêu năm" in the first half: the rest of the year's plan, per month
    from districtbook.analysis import findings

    row = dict(doc="103_x.txt", district="Long Biên", value=145.0, unit="count", denominator=float("nan"),
               period="2024-H1", basis="none", qualifier="actual", start=0, end=0, kind="indicator", outlet="Báo A",
               published="2024-07-09")
    df = pd.DataFrame([dataset.figure_row(**row, metric="party_members_admitted", quote="145 đảng viên"),
                       dataset.figure_row(**dict(row, value=58.0, unit="percent", basis="plan", quote="58%"),
                                          metric="party_members_admitted_vs_plan")])
    gap = [f for f in findings.collect(df) if f.kind == "gap"]
    assert len(gap) == 1
    vi = prose.sentence(gap[0], "vi")
    assert "khoảng 105 đảng viên trong 6 tháng cuối năm" in vi and "khoảng 18 đảng viên mỗi tháng" in vi, vi
    assert "(khoảng 250 đảng viên)" in vi and "17,5" not in vi
    assert "about 18 a month" in prose.sentence(gap[0], "en")


def test_a_per_cent_of_plan_said_alone_keeps_its_hedge():
    """"đảm bảo tiến độ giải ngân đạt trên 95%": never "reached 95%" (the article said more than)."""
    from districtbook.analysis.findings import Finding
    from districtbook.extraction.periods import Period

    metric = "public_investment_disbursement_vs_plan"
    row = {**dataset.figure_row(doc="103_x.txt", district="Quận 1", value=95.0, unit="percent", period="2022",
                                basis="plan", qualifier="more_than", metric=metric, quote="95%", outlet="Báo A",
                                published="2022-09-09"), "words": {}}
    level = Finding("level", "Quận 1", metric, "2022", [row], {}, 0.0, when=Period.parse("2022"))
    assert "more than 95% of" in prose.sentence(level, "en")
    assert "hơn 95%" in prose.sentence(level, "vi")


@pytest.mark.parametrize(("row", "en", "vi"), [
    (dict(metric="enterprises_change", value=1377.0, unit="count", basis="yoy", quote="1.377 doanh nghiệp"),
     "Quận 12's enterprises rose by 1,377 on the same period a year earlier",
     "doanh nghiệp của Quận 12 tăng 1.377 doanh nghiệp so với cùng kỳ"),
    (dict(metric="income_per_capita_change", value=0.035, unit="VND_bn", basis="term_start", quote="35 triệu đồng"),
     "Quận 12's income per head rose by 35 million VND since the start of the term",
     "thu nhập bình quân đầu người của Quận 12 tăng 35 triệu đồng so với đầu nhiệm kỳ"),
    # income is earned, not collected; an amount under a billion is said in millions
    (dict(metric="income_per_capita", value=0.086, unit="VND_bn", basis="none", quote="86 triệu đồng"),
     "Quận 12's income per head stood at 86 million VND", "thu nhập bình quân đầu người"),
])
def test_a_change_is_said_as_a_rise_or_fall_and_income_is_not_collected(row, en, vi):
    r = {**dataset.figure_row(doc="x.txt", district="Quận 12", period="2022", qualifier="actual", **row), "words": {}}
    assert prose.clause(r, "en", "Quận 12") == en
    assert vi in prose.clause(r, "vi", "Quận 12") and "thu thu nhập" not in prose.clause(r, "vi", "Quận 12")


def test_an_estimated_per_cent_of_plan_says_estimated_before_the_verb():
    """"ước đạt 1.600 tỷ đồng, ước bằng 62,4% dự toán": never "bằng ước 62,4%"."""
    from districtbook.analysis import findings

    from .test_strong_findings import _df, _fig

    df = _df(_fig(value=1600.0, period="2024-H1", qualifier="estimate", published="2024-07-20", start=10, end=15),
             _fig(metric="budget_revenue_vs_plan", value=62.4, unit="percent", period="2024-H1", basis="plan",
                  qualifier="estimate", published="2024-07-20", start=20, end=25))
    [progress] = [f for f in findings.collect(df) if f.kind == "progress"]
    vi, en = prose.sentence(progress, "vi"), prose.sentence(progress, "en")
    assert "ước bằng 62,4%" in vi and "bằng ước" not in vi
    assert "an estimated 62.4% of" in en


def test_a_place_in_a_ranking_is_no_move_in_it():
    """"từ vị trí thứ 12 (năm 2023) vươn lên vị trí thứ nhất": 12th in 2023, never "moved up 12 places"."""
    from districtbook.analysis import findings

    from .test_strong_findings import _df, _fig

    rank = _fig(metric="admin_reform_rank", value=12.0, unit="rank", period="2023", published="2024-05-10")
    move = _fig(metric="admin_reform_rank_change", value=11.0, unit="rank", period="2024", published="2025-05-10",
                start=40, end=45)
    said = {f.rows[0]["metric"]: (prose.sentence(f, "en"), prose.sentence(f, "vi")) for f in findings.collect(_df(rank, move))}
    assert "ranked No. 12 in the administrative reform index ranking" in said["admin_reform_rank"][0]
    assert "là thứ 12" in said["admin_reform_rank"][1] and "12 bậc" not in said["admin_reform_rank"][1]
    assert "moved up 11 places" in said["admin_reform_rank_change"][0]


def test_nearly_is_said_as_nearly_and_about_as_about():
    # "gần 4.300" is a little less than 4,300; "khoảng 4.300" either side of it: the sentence keeps the article's word
    from districtbook.chapters import common
    from districtbook.rendering import prose
    from districtbook.rendering.wording import article_words

    t = "Thu ngân sách quận đạt gần 4.300 tỷ đồng, số thuế nợ khoảng 120 tỷ đồng."
    near = dict(doc="a.txt", metric="budget_revenue", value=4300.0, unit="VND_bn", denominator=None,
                qualifier="approx", start=t.index("4.300"), end=t.index("4.300") + 5)
    about = dict(near, value=120.0, start=t.index("120"), end=t.index("120") + 3)
    assert article_words(near, t).get("nearly") and not article_words(about, t).get("nearly")
    said = [prose.amount_of(dict(r, words=article_words(r, t)), lang) for r in (near, about) for lang in ("vi", "en")]
    assert said == ["gần 4.300 tỷ đồng", "nearly 4,300 billion VND", "khoảng 120 tỷ đồng", "about 120 billion VND"]
    cells = [common.value_cell(r, lang, {"a.txt": t}) for r in (near, about) for lang in ("vi", "en")]
    assert cells == said


def test_the_english_edition_keeps_which_targets_were_met(tmp_path):
    # "21/21 chỉ tiêu về phát triển kinh tế - xã hội", "3/3 chỉ tiêu về công tác xây dựng Đảng": two counts of two
    # sets of targets, never "met 21/21 targets" and "met 3/3 targets" side by side
    df, texts = _load(SEEDS, tmp=tmp_path)
    en = str(governance.main_points(df, texts, "en"))
    assert "met all 21 targets for socio-economic development" in en and "met all 3 targets for party building" in en
    assert prose.target_scope("chỉ tiêu về bảo vệ môi trường", "en") == " (“chỉ tiêu về bảo vệ môi trường”)"
    assert prose.target_scope("chỉ tiêu", "en") == ""


def test_at_least_is_said_as_at_least_and_more_than_as_more_than():
    # "từ 10%", "ít nhất 5" count the value itself; "hơn 5" does not: the dev set labels all three more_than
    from districtbook.chapters import common
    from districtbook.rendering import prose
    from districtbook.rendering.wording import article_words

    t = "Phấn đấu tăng trưởng từ 10%, có ít nhất 5 sản phẩm, thu hơn 300 tỷ đồng."
    rows = [dict(doc="a.txt", metric="m", value=v, unit=u, denominator=None, qualifier="more_than",
                 start=t.index(q), end=t.index(q) + len(q)) for v, u, q in ((10.0, "percent", "10%"), (5.0, "count", "5 "),
                                                                           (300.0, "VND_bn", "300"))]
    said = [prose.amount_of(dict(r, words=article_words(r, t)), "en") for r in rows]
    assert said == ["at least 10%", "at least 5", "more than 300 billion VND"]
    assert [common.value_cell(r, "vi", {"a.txt": t}) for r in rows] == ["ít nhất 10%", "ít nhất 5", "hơn 300 tỷ đồng"]
