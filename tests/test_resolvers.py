"""The resolver chain of :func:`extract.figures`, one resolver at a time.

Each test runs the chain up to (and including) the resolver it is about (:func:`extract.readings` with
``resolvers=``) and reads the field that resolver chose and its evidence.  Every sentence was composed for these
tests in the style of Vietnamese district news; none is copied from an article.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from districtbook.extraction.extract import (RESOLVERS, tokens, readings, resolve_base, resolve_basis, resolve_founding,
                                             resolve_goal_term, resolve_metric, resolve_per_year, resolve_period,
                                             resolve_place, resolve_plan_year, resolve_qualifier, resolve_value)
from districtbook.reading.articles import parse_article

HEAD = "Tiêu đề bài viết\nXã hội 12/10/2024 08:00\n"


def read(body: str, quote: str, until, head: str = HEAD):
    """The reading of the number that ``quote`` starts, with the chain run up to ``until``."""
    article = parse_article("t.txt", (head + body + "\n").encode())
    chain = RESOLVERS[:RESOLVERS.index(until) + 1]
    found = [(r, article.text) for r, _p, _a in readings(article, resolvers=chain)
             if article.text.startswith(quote, r.tok.start)]
    assert found, quote
    return found[0]


def span(text: str, evidence: tuple) -> str:
    return text[evidence[1]:evidence[2]] if evidence[1] >= 0 else ""


def test_the_chain_is_in_order_and_each_resolver_is_named_by_what_it_resolves():
    assert [f.__name__ for f in RESOLVERS] == [
        "resolve_value", "resolve_period", "resolve_qualifier", "resolve_plan_year", "resolve_goal_term",
        "resolve_basis", "resolve_metric", "resolve_stock", "resolve_place", "resolve_founding", "resolve_per_year", "resolve_base"]


@pytest.mark.parametrize(("body", "quote", "value"), [
    ("Tỷ lệ hộ nghèo giảm 12,5% so với năm trước.", "12,5%", Decimal("-12.5")),
    ("Số hộ nghèo giảm còn 3% dân số.", "3%", Decimal("3")),
    ("Thu ngân sách tăng 9% so với cùng kỳ.", "9%", Decimal("9")),
])
def test_value_a_decline_is_negative_unless_it_is_the_level_reached(body, quote, value):
    r, _text = read(body, quote, resolve_value)
    assert r.value == value


@pytest.mark.parametrize(("body", "quote", "period", "source", "read_"), [
    # a time expression in the clause
    ("Chín tháng năm 2024, thu ngân sách quận đạt 1.800 tỷ đồng.", "1.800", "2024-9M", "clause", "Chín tháng năm 2024"),
    # a comparison base is never the period, also at the start of a sentence
    ("So với cùng kỳ năm 2023, thu ngân sách quận tăng 12%.", "12%", "", "none", ""),
    ("Dư nợ đạt 700 tỷ đồng, tăng 5% so với thời điểm cuối năm 2023.", "700", "", "none", ""),
    # the period of a base value quoted after its comparison
    ("Chỉ số đạt 88%, cao hơn 2% so với năm 2023 (86%).", "86%", "2023", "base_value", "so với năm 2023"),
    # a deadline after the figure dates what comes next, not the figure
    ("Dự án đã hoàn thành 80% khối lượng, dự kiến bàn giao cuối năm 2025.", "80%", "", "none", ""),
    # a frame carried from the sentence before
    ("Trong 6 tháng đầu năm 2024, kinh tế quận tăng trưởng khá. Thu ngân sách đạt 900 tỷ đồng.", "900",
     "2024-H1", "paragraph", "6 tháng đầu năm 2024"),
    # a founding date dates its own sentence, and frames nothing after it
    ("Quận được thành lập tháng 6/1998. Thu ngân sách đạt 2.000 tỷ đồng.", "2.000", "", "none", ""),
    # the years a relative span names in brackets
    ("Trong 5 năm (2019-2023), tổng thu ngân sách đạt 9.500 tỷ đồng.", "9.500", "2019-2023", "clause",
     "Trong 5 năm"),
    # the whole year
    ("Quận phấn đấu cả năm 2024 thu ngân sách đạt 3.200 tỷ đồng.", "3.200", "2024", "clause", "cả năm 2024"),
])
def test_period_the_nearest_candidate_that_reaches_the_figure(body, quote, period, source, read_):
    r, text = read(body, quote, resolve_period)
    assert (r.period, r.period_ev[0], span(text, r.period_ev)) == (period, source, read_)


def test_period_a_headline_takes_the_period_its_lead_reports():
    head = "Quận Hoàng Mai thu ngân sách đạt 1.500 tỷ đồng\nXã hội 12/07/2024 08:00\n"
    r, text = read("Sáu tháng đầu năm 2024, quận Hoàng Mai thu ngân sách 1.500 tỷ đồng.", "1.500", resolve_period, head)
    assert (r.period, r.period_ev[0], span(text, r.period_ev)) == ("2024-H1", "lead", "Sáu tháng đầu năm 2024")


def test_period_a_goals_year_frames_no_result_after_it():
    head = "Tiêu đề bài viết\nXã hội 12/01/2024 08:00\n"
    body = "Năm 2024, quận phấn đấu thu 5.500 tỷ đồng. Tỷ lệ hộ nghèo còn 0,2%."
    r, _text = read(body, "0,2%", resolve_period, head)
    assert r.period == ""


@pytest.mark.parametrize(("body", "quote", "qualifier"), [
    ("Thu ngân sách ước đạt 1.200 tỷ đồng.", "1.200", "estimate"),
    ("Quận có khoảng 3.000 hộ kinh doanh.", "3.000", "approx"),
    ("Tốc độ tăng trưởng đạt trên 8%.", "8%", "more_than"),
    ("Phấn đấu tốc độ tăng trưởng kinh tế bình quân từ 8 - 10%/năm.", "8 - 10", "range_low"),
    ("Mục tiêu đến năm 2030, thu nhập bình quân đạt 150 triệu đồng.", "150", "target"),
])
def test_qualifier_the_nearest_hedge(body, quote, qualifier):
    r, _text = read(body, quote, resolve_qualifier)
    assert r.qualifier == qualifier


def test_plan_year_a_plans_amount_is_the_years():
    body = "Sáu tháng đầu năm 2024, quận thu 900 tỷ đồng, để đạt được kế hoạch dự kiến 2.000 tỷ đồng."
    r, text = read(body, "2.000", resolve_plan_year)
    assert (r.period, r.period_ev[0], span(text, r.period_ev)) == ("2024", "plan_year", "Sáu tháng đầu năm 2024")


def test_goal_term_a_goal_with_no_period_of_its_own_is_set_for_the_coming_term():
    head = "Đại hội Đảng bộ phường Tam Thắng lần thứ I, nhiệm kỳ 2025-2030\nXã hội 12/08/2025 08:00\n"
    r, text = read("Đại hội đề ra mục tiêu thu nhập bình quân đạt 150 triệu đồng.", "150", resolve_goal_term, head)
    assert (r.goal, r.period, r.period_ev[0], span(text, r.period_ev)) == (True, "2025-2030", "future_term",
                                                                           "2025-2030")


@pytest.mark.parametrize(("body", "quote", "basis", "source", "read_"), [
    ("Thu ngân sách đạt 2.100 tỷ đồng, bằng 56% dự toán.", "56%", "plan", "clause", "dự toán"),
    ("Thu ngân sách đạt 2.100 tỷ đồng, tăng 12% so với cùng kỳ.", "12%", "yoy", "clause", "cùng kỳ"),
    ("Thu nội địa chiếm 88% tổng thu ngân sách.", "88%", "share", "clause", "tổng thu"),
    # a list that names its cue once: the bare "đạt" of the second item is of plan
    ("Khu vực nhà nước đạt 70,6% dự toán; khu vực ngoài quốc doanh đạt 57,9%.", "57,9%", "plan", "paragraph",
     "dự toán"),
    # no share exceeds the whole
    ("Quận kết nạp 514 đảng viên, đạt tỷ lệ 114,2%.", "114,2%", "plan", "clause", "tỷ lệ"),
    # a goal given as a range
    ("Phấn đấu tốc độ tăng thu ngân sách từ 11 - 15%.", "11 - 15", "target", "clause", "Phấn đấu"),
])
def test_basis_the_cue_that_decides_it(body, quote, basis, source, read_):
    r, text = read(body, quote, resolve_basis)
    assert (r.basis, r.basis_ev[0], span(text, r.basis_ev)) == (basis, source, read_)


@pytest.mark.parametrize(("body", "quote", "metric", "source"), [
    ("Tổng thu ngân sách trên địa bàn đạt 2.100 tỷ đồng.", "2.100", "budget_revenue", "clause"),
    ("Chi thường xuyên đạt 410 tỷ đồng, tăng 6,2% so với cùng kỳ.", "6,2%", "recurrent_expenditure_growth", "clause"),
    ("Phường có 3.150 đảng viên.", "3.150", "party_members_count", "clause"),
])
def test_metric_the_subject_words_before_the_figure_or_what_it_counts(body, quote, metric, source):
    r, _text = read(body, quote, resolve_metric)
    assert (r.metric, r.metric_ev[0]) == (metric, source)


def test_metric_a_bare_percentage_after_a_share_is_that_share():
    body = "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 68,5%: Đà Nẵng (58,9%), Hà Giang (55,8%)."
    r, _text = read(body, "58,9%", resolve_metric)
    assert (r.basis, r.metric) == ("share", "online_fullprocess_records_share")


@pytest.mark.parametrize(("body", "quote", "place", "source", "read_"), [
    # a unit named in the clause wins over the article's
    ("Quận Hoàng Mai tổ chức hội nghị. Quận Hoàng Mai thu 2.000 tỷ đồng; quận Cầu Giấy thu 3.000 tỷ đồng.",
     "3.000", "Cầu Giấy", "clause", "quận Cầu Giấy"),
    # the unit a ward belongs to is not what the paragraph is about
    ("Xã Cà Ná thuộc tỉnh Khánh Hòa. Thu ngân sách đạt 200 tỷ đồng.", "200", "Cà Ná", "paragraph", "Xã Cà Ná"),
    # a unit compared with is not the subject
    ("Quận Hoàng Mai phát triển nhanh. So với quận Cầu Giấy, thu ngân sách đạt 2.000 tỷ đồng.", "2.000",
     "Hoàng Mai", "paragraph", "Quận Hoàng Mai"),
])
def test_place_the_clauses_unit_else_the_paragraphs(body, quote, place, source, read_):
    r, text = read(body, quote, resolve_place)
    assert (r.place.name if r.place else "", r.place_ev[0], span(text, r.place_ev)) == (place, source, read_)


def test_founding_a_multiple_since_the_founding_spans_the_years_since():
    head = "Quận Bình Tân kỷ niệm 20 năm thành lập (2003 - 2023)\nXã hội 12/12/2023 08:00\n"
    body = "Năm 2023, thu ngân sách của quận tăng 13,6 lần so với khi mới thành lập."
    r, text = read(body, "13,6", resolve_founding, head)
    assert (r.period, r.basis, span(text, r.period_ev)) == ("2003-2023", "none", "so với khi mới thành lập")


@pytest.mark.parametrize(("body", "quote", "per_year"), [
    ("Giai đoạn 2020-2024, kinh tế tăng trưởng bình quân 8,5%/năm.", "8,5%", "yes"),
    ("Năm 2024, kinh tế tăng trưởng 8,5%.", "8,5%", ""),
])
def test_per_year_a_yearly_rate(body, quote, per_year):
    r, _text = read(body, quote, resolve_per_year)
    assert r.per_year == per_year


@pytest.mark.parametrize(("body", "quote", "period", "base"), [
    ("Sáu tháng đầu năm 2024, thu ngân sách tăng 7,5% so với cùng kỳ năm 2023.", "7,5%", "2024-H1", "2023-H1"),
    ("Sáu tháng đầu năm 2024, thu ngân sách tăng 7,5% so với cùng kỳ.", "7,5%", "2024-H1", "2023-H1"),
    # a change since the start of the term runs from the base year
    ("Năm 2024, thu ngân sách gấp 1,4 lần so với năm 2020.", "1,4", "2020-2024", "2020"),
])
def test_base_the_period_compared_against(body, quote, period, base):
    r, _text = read(body, quote, resolve_base)
    assert (r.period, r.base) == (period, base)


def test_period_a_headlines_figure_takes_the_frame_of_the_lead_under_a_timestamp():
    head = "12 phường kết nạp đảng viên vượt kế hoạch\n08:15 - 12/11/2024\n"
    body = "Từ đầu năm đến nay, Đảng bộ quận kết nạp được 420 đảng viên."
    r, text = read(body, "12", resolve_period, head)
    assert (r.period, r.period_ev[0], span(text, r.period_ev)) == ("2024-YTD", "lead", "Từ đầu năm đến nay")


@pytest.mark.parametrize(("body", "quote", "period"), [
    ("Sáu tháng đầu năm 2024, thu ngân sách đạt 6.100 tỷ đồng, bằng 48% so với nghị quyết đề ra (12.700 tỷ đồng).",
     "12.700", "2024"),
    ("Sáu tháng đầu năm 2024, thu ngân sách đạt 6.100 tỷ đồng, bằng 48% dự toán (12.700 tỷ đồng).", "12.700", "2024"),
    ("Sáu tháng đầu năm 2024, thu ngân sách đạt 6.100 tỷ đồng.", "6.100", "2024-H1"),
])
def test_plan_year_also_for_an_amount_in_brackets_after_its_plan(body, quote, period):
    r, _text = read(body, quote, resolve_plan_year)
    assert r.period == period


def test_goal_term_a_figure_said_of_the_present_is_no_goal():
    head = "Đại hội Đảng bộ phường Tam Thắng lần thứ I, nhiệm kỳ 2025-2030\nXã hội 12/08/2025 08:00\n"
    body = "Phường hoàn thành mục tiêu giảm nghèo; thu nhập bình quân hiện nay trên 60 triệu đồng/người/năm."
    r, _text = read(body, "60", resolve_goal_term, head)
    assert (r.goal, r.period) == (False, "")


def test_period_an_undated_excerpt_that_names_one_year_reports_on_it():
    head = "Thu ngân sách vượt kế hoạch\n"
    body = ("Thu nội địa đạt 13.200 tỷ đồng, thu từ dầu thô là 3.100 tỷ đồng.\n"
            "Tổng chi ngân sách của thành phố năm 2014 ước là 4.700 tỷ đồng.")
    r, text = read(body, "13.200", resolve_period, head)
    assert (r.period, r.period_ev[0], span(text, r.period_ev), r.period_ev[3]) == ("2014", "only_year", "năm 2014", True)
    body2 = body + "\nSáu tháng đầu năm 2015, thu ngân sách đạt 7.000 tỷ đồng."  # another period: no guess
    r, _text = read(body2, "13.200", resolve_period, head)
    assert r.period == ""


def test_place_the_units_a_count_lists_are_not_what_the_next_sentence_is_about():
    head = "TP.HCM thu ngân sách vượt dự toán\nXã hội 12/01/2024 08:00\n"
    body = ("Năm 2023, TP.HCM thu ngân sách vượt dự toán. 4 quận có số thu từ 1.000 tỷ đồng: quận 3, 5, 10, 11. "
            "3 quận có số thu từ 2.000 tỷ đồng.")
    r, text = read(body, "3 quận có", resolve_place, head)
    assert (r.place.name, r.place_ev[0]) == ("TP.HCM", "paragraph")


def test_place_a_count_of_units_that_belong_to_a_unit_is_that_units():
    body = "Huyện Bình Chánh chia tách 3 xã để thành lập 8 phường thuộc quận Bình Tân."
    r, text = read(body, "8 phường", resolve_place)
    assert (r.place.name, r.place_ev[0], span(text, r.place_ev)) == ("Bình Tân", "clause", "quận Bình Tân")


def test_place_a_unit_compared_with_after_the_figure_is_not_its_place():
    body = "Quận Hải Châu tổng kết. Tỷ lệ giải ngân vốn đầu tư công đạt 42%, cao hơn bình quân của thành phố Đà Nẵng."
    r, _text = read(body, "42%", resolve_place, "Quận Hải Châu tổng kết năm\nXã hội 12/12/2024 08:00\n")
    assert r.place.name == "Hải Châu"


def test_period_a_goal_for_the_coming_term_takes_no_frame_of_the_term_reviewed():
    head = "Đại hội Đảng bộ phường Phú Lương lần thứ I, nhiệm kỳ 2025-2030\nXã hội 20/08/2025 08:00\n"
    body = ("Nhiệm kỳ 2020-2025, thu ngân sách đạt 3.200 tỷ đồng.\n"
            "Đại hội đề ra mục tiêu đến năm 2030, thu nhập đạt 150 triệu đồng; tăng thu ngân sách bình quân 10%/năm.")
    r, _text = read(body, "10%", resolve_goal_term, head)
    assert (r.period, r.period_ev[0]) == ("2025-2030", "future_term")
    r, _text = read(body, "3.200", resolve_goal_term, head)
    assert r.period == "2020-2025"


def test_period_the_present_takes_no_earlier_frame():
    body = "Trong 6 tháng đầu năm 2024, thu ngân sách đạt 900 tỷ đồng. Hiện quận có 14 phường với 420.000 người."
    r, _text = read(body, "420.000", resolve_period)
    assert r.period == ""
    r, _text = read(body, "900", resolve_period)
    assert r.period == "2024-H1"


def test_founding_the_years_since_a_founding_date_the_text_names():
    head = "Quận Ngũ Hành Sơn kỷ niệm 25 năm thành lập\nXã hội 28/01/2022 08:00\n"
    body = ("Quận được thành lập ngày 23/1/1997. Sau 25 năm, thu nhập bình quân đầu người tăng 15 lần so với khi mới "
            "thành lập.")
    r, _text = read(body, "15 lần", resolve_founding, head)
    assert r.period == "1997-2022"


@pytest.mark.parametrize(("body", "quote", "period"), [
    # quarters counted: "3 quý đầu năm" is the first nine months
    ("Trong 3 quý đầu năm, thu ngân sách đạt 900 tỷ đồng.", "900", "2024-9M"),
    ("Hai quý đầu năm 2023, thu ngân sách đạt 600 tỷ đồng.", "600", "2023-H1"),
    # "Sau 5 năm (2019 - 2024)": the span the brackets name
    ("Sau 5 năm (2019 - 2024), tổng thu ngân sách đạt 9.000 tỷ đồng.", "9.000", "2019-2024"),
    # the parts of a year named after a month of another year are of that year
    ("Tháng 9/2021, chỉ số công nghiệp tăng 5%; tính chung 9 tháng tăng 3%.", "3%", "2021-9M"),
    ("Chín tháng, chỉ số công nghiệp tăng 3%.", "3%", "2024-9M"),
])
def test_period_counted_parts_of_a_year_and_spans(body, quote, period):
    r, _text = read(body, quote, resolve_period)
    assert r.period == period


@pytest.mark.parametrize(("text", "reason"), [
    ("Dự án dự kiến thông xe kỹ thuật tháng 12-2025.", "date"),  # a month and its year, not a range 12 to 2025
    ("Cấp ủy và Nhân dân 4 phường, xã đã đoàn kết.", "reference count"),  # units already counted, named again
    ("Quận tiếp giáp với 06 quận, huyện.", "reference count"),
])
def test_tokens_numbers_that_are_no_figures(text, reason):
    found = list(tokens(text))
    assert found and all(t.kind == "incidental" for t in found) and found[0].reason == reason


def test_tokens_a_count_of_units_is_a_figure():
    assert [(t.kind, t.unit) for t in tokens("Quận có 14 phường.")] == [("indicator", "count")]


@pytest.mark.parametrize(("body", "quote", "place"), [
    # "20/63 tỉnh, thành phố": the provinces and cities ranked, not "the city"
    ("Năm 2022, chỉ số của tỉnh Trà Vinh đạt 0,45 điểm, xếp hạng 20/63 tỉnh, thành phố, tăng 5 bậc. "
     "Thành phố Cần Thơ đứng đầu vùng.", "5 bậc", "Trà Vinh"),
    # who says it is not what it is about
    ("Tỉnh Long An đẩy mạnh đầu tư công. Theo Bộ Tài chính, tỷ lệ giải ngân đạt 70%.", "70%", "Long An"),
    # several units of one level in a sentence are examples: the next sentence is about the whole
    ("Toàn Đảng bộ tỉnh Ninh Bình kết nạp 1.200 đảng viên. Đảng bộ huyện Kim Sơn kết nạp 150 đảng viên; Đảng bộ "
     "huyện Yên Mô kết nạp 120 đảng viên. Còn 5 đảng bộ đạt dưới 40%.", "5 đảng bộ", "Ninh Bình"),
])
def test_place_ranks_sources_and_examples(body, quote, place):
    r, _text = read(body, quote, resolve_place)
    assert r.place.name == place


@pytest.mark.parametrize(("text", "value", "unit", "denominator"), [
    # an x/y written with decimals or thousands is a ratio (the dev set's convention for a sub-score), never a date
    ("Chỉ số thành phần đạt 13,5/20 điểm.", Decimal("13.5"), "ratio", Decimal("20")),
    ("Quận đã giải ngân 1.250/4.800 tỷ đồng vốn được giao.", Decimal("1250"), "ratio", Decimal("4800")),
    ("Tỉnh xếp thứ 12/63.", Decimal("12"), "rank", Decimal("63")),
])
def test_tokens_an_x_of_y_written_with_decimals_or_thousands(text, value, unit, denominator):
    found = [t for t in tokens(text) if t.kind == "indicator"]
    assert [(t.value, t.unit, t.denominator) for t in found] == [(value, unit, denominator)]


@pytest.mark.parametrize(("body", "quote", "period"), [
    # a term's total said with "nhiệm kỳ" alone; a part after "riêng" dates only itself
    ("Tổng thu ngân sách nhiệm kỳ đạt 26.595 tỷ đồng, riêng năm 2024 đạt 6.000 tỷ đồng.", "26.595", "2020-2025"),
    ("Tổng thu ngân sách nhiệm kỳ đạt 26.595 tỷ đồng, riêng năm 2024 đạt 6.000 tỷ đồng.", "6.000", "2024"),
])
def test_period_a_terms_total_and_a_part_of_it(body, quote, period):
    head = "Đại hội Đảng bộ quận lần thứ VIII, nhiệm kỳ 2025-2030\nXã hội 12/08/2025 08:00\n"
    r, _text = read(body, quote, resolve_period, head)
    assert r.period == period


def test_stock_a_carried_frame_does_not_date_a_level_at_a_moment():
    from districtbook.extraction.extract import resolve_metric, resolve_stock
    body = "Năm 2023, quận thu ngân sách 3.100 tỷ đồng. Quận có dân số 410.000 người."
    r, _text = read(body, "410.000", resolve_metric)
    assert (r.metric, r.period, r.period_ev[0]) == ("population", "2023", "paragraph")
    r, _text = read(body, "410.000", resolve_stock)
    assert (r.period, r.period_ev[0]) == ("", "none")


@pytest.mark.parametrize(("head", "opening", "place"), [
    # a local report: the country is the yardstick, the paragraph goes on about the district
    ("Quận Cầu Giấy tổng kết năm\nXã hội 12/12/2024 08:00\n", "Quận Cầu Giấy tổng kết năm 2024.", "Cầu Giấy"),
    # a report about the whole country: the country is the paragraph's unit
    ("Chuyển đổi số cả nước\nXã hội 12/12/2024 08:00\n", "Bộ tổng kết năm 2024.", "Việt Nam"),
])
def test_place_the_country_a_local_report_names_is_a_yardstick_not_the_paragraphs_unit(head, opening, place):
    body = f"{opening} Cả nước có hơn 70% hộ dân dùng dịch vụ công trực tuyến. Tỷ lệ hồ sơ toàn trình đạt 98%."
    r, _text = read(body, "98%", resolve_place, head)
    assert r.place.name == place
