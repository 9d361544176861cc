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
    assert found["7,5%"] == ("economic_growth_rate", "none")
    assert found["102%"][1] == "plan"


def test_a_headline_ending_in_a_decimal_is_the_title_and_an_outlet_mark_may_open_the_lead():
    art = parse_article("x.txt", "Quận Cầu Giấy: Tăng trưởng kinh tế 6 tháng đạt 6,9%\n\nHNM - Sáng 10/7, quận Cầu Giấy "
                        "tổng kết 6 tháng đầu năm 2024: thu ngân sách đạt 2.000 tỷ đồng.".encode("utf-8"))
    src = describe(art)
    assert src.title == "Quận Cầu Giấy: Tăng trưởng kinh tế 6 tháng đạt 6,9%"
    assert src.date == "2024-07-10"
