"""Phenomena the reader's check of the book with the three new-article fixtures found (composed sentences):
a figure that opens a clause after a semicolon measures what follows it; a sector's words never reach across
another figure; a growth rate that "reaches" a value is the rate, not a share of a plan named earlier; a decimal
comma does not stop a headline from being a title; an outlet's mark may stand before the lead's day/month."""
from __future__ import annotations

from districtbook.extraction.extract import figures
from districtbook.extraction.sources import describe
from districtbook.reading.articles import parse_article


def _figs(text: str) -> dict[str, tuple[str, str]]:
    art = parse_article("x.txt", text.encode("utf-8"))
    return {f.quote: (f.metric, f.basis) for f in figures(art)}


def test_a_figure_opening_a_clause_after_a_semicolon_is_not_the_previous_clause_measure():
    found = _figs("Tiêu đề bài báo về quận Cầu Giấy năm nay\n\nNăm 2024, quận Cầu Giấy hoàn thành 14/16 chỉ tiêu kinh tế - "
                  "xã hội; 95% hồ sơ thủ tục hành chính được giải quyết trực tuyến.")
    assert found["95%"][0] != "economic_growth_rate"
    assert found["14/16 chỉ tiêu"][0] == "targets_completed"


def test_each_sector_share_is_its_own_sector():
    found = _figs("Tiêu đề bài báo về quận Cầu Giấy năm nay\n\nNăm 2024, cơ cấu kinh tế quận Cầu Giấy: thương mại - dịch vụ "
                  "chiếm 70,1%, công nghiệp - xây dựng chiếm 29,5%, nông nghiệp chiếm 0,4%.")
    assert [found[q][0] for q in ("70,1%", "29,5%", "0,4%")] == [
        "sector_share_services", "sector_share_industry", "sector_share_agriculture"]


def test_a_growth_rate_that_reaches_a_value_is_no_share_of_a_plan():
    found = _figs("Tiêu đề bài báo về quận Cầu Giấy năm nay\n\nNăm 2024, thu ngân sách quận Cầu Giấy ước đạt 3.100 tỷ đồng, "
                  "bằng 102% dự toán. Tốc độ tăng trưởng giá trị sản xuất ước đạt 7,5%.")
    assert found["7,5%"] == ("production_value_growth", "none")
    assert found["102%"][1] == "plan"


def test_a_headline_ending_in_a_decimal_is_the_title_and_an_outlet_mark_may_open_the_lead():
    art = parse_article("x.txt", "Quận Cầu Giấy: Tăng trưởng kinh tế 6 tháng đạt 6,9%\n\nHNM - Sáng 10/7, quận Cầu Giấy "
                        "tổng kết 6 tháng đầu năm 2024: thu ngân sách đạt 2.000 tỷ đồng.".encode("utf-8"))
    src = describe(art)
    assert src.title == "Quận Cầu Giấy: Tăng trưởng kinh tế 6 tháng đạt 6,9%"
    assert src.date == "2024-07-10"


def test_a_lead_day_month_takes_the_year_reported_on_not_the_year_of_a_plan_being_set():
    # a council's December session reviews the year and sets the next year's plan: the session is in the year reviewed
    art = parse_article("x.txt", "Quận Thanh Xuân về đích các chỉ tiêu năm 2022\n\nSáng 15/12, HĐND quận Thanh Xuân họp "
                        "kỳ cuối năm.\n\nNăm 2022, quận thu ngân sách ước đạt 3.300 tỷ đồng. Kỳ họp phê chuẩn dự toán "
                        "ngân sách năm 2023 và kế hoạch đầu tư công năm 2023 với tổng vốn 900 tỷ đồng.".encode("utf-8"))
    assert describe(art).date == "2022-12-15"


def test_a_plan_results_are_measured_against_still_dates_the_lead():
    art = parse_article("x.txt", "Quận Thanh Xuân sơ kết quý III\n\nSáng 5/10, quận Thanh Xuân sơ kết 9 tháng: thu ngân "
                        "sách đạt 80% kế hoạch năm 2024.".encode("utf-8"))
    assert describe(art).date == "2024-10-05"


def _qualifiers(text: str) -> dict[str, str]:
    return {f.quote: f.qualifier for f in figures(parse_article("x.txt", text.encode("utf-8")))}


def test_the_amount_of_a_plan_being_set_is_a_target_not_a_result():
    found = _qualifiers("Tiêu đề bài báo về quận Cầu Giấy năm nay\n\nHĐND quận Cầu Giấy thông qua kế hoạch đầu tư "
                        "công năm 2025 với tổng vốn 2.300 tỷ đồng. Dự toán thu ngân sách năm 2025 của quận là 6.000 "
                        "tỷ đồng. Kế hoạch vốn được giao 800 tỷ đồng, quận đã giải ngân 500 tỷ đồng.")
    assert [found[q] for q in ("2.300 tỷ đồng", "6.000 tỷ đồng", "800 tỷ đồng")] == ["target"] * 3
    assert found["500 tỷ đồng"] == "actual"


def test_a_headline_figure_the_body_restates_with_its_hedge_is_one_claim():
    art = parse_article("x.txt", "Quận Cầu Giấy: Thu ngân sách 6 tháng đạt 2.050 tỷ đồng\n\nSáng 8/7, quận Cầu Giấy sơ "
                        "kết 6 tháng đầu năm 2024. Thu ngân sách trên địa bàn quận ước đạt 2.050 tỷ đồng, bằng 55% dự "
                        "toán.".encode("utf-8"))
    same = [f for f in figures(art) if f.value == "2050"]
    assert len(same) == 2 and {f.qualifier for f in same} == {"estimate"}
    assert len({(f.period, f.metric, f.district) for f in same}) == 1


def test_a_headline_hedge_of_its_own_stands():
    art = parse_article("x.txt", "Quận Cầu Giấy: Thu ngân sách 6 tháng ước đạt 2.050 tỷ đồng\n\nSáng 8/7, quận Cầu Giấy "
                        "sơ kết 6 tháng đầu năm 2024. Thu ngân sách trên địa bàn quận đạt hơn 2.050 tỷ đồng."
                        .encode("utf-8"))
    assert [f.qualifier for f in figures(art) if f.value == "2050"] == ["estimate", "more_than"]


def test_early_in_a_year_the_plan_set_is_this_year_s():
    art = parse_article("x.txt", "Quận Thanh Xuân triển khai nhiệm vụ năm 2024\n\nChiều 5/1, Quận ủy Thanh Xuân tổng kết "
                        "năm 2023 và triển khai kế hoạch năm 2024.\n\nNăm 2023, quận thu ngân sách đạt 3.300 tỷ đồng."
                        .encode("utf-8"))
    assert describe(art).date == "2024-01-05"
