"""Evidence per field: why a figure has its place, period, basis and metric, and whether that is weak.

Every figure carries ``place_from``, ``period_from``, ``basis_from`` and ``metric_from`` (``SOURCE:START-END``,
the rule and the offsets of the text it read, or ``none``/``default``) and ``weak`` (the fields among place and
period decided only by a default or a distant guess).  Every sentence was composed for these tests.
"""
from __future__ import annotations

import pytest

from districtbook.reading.articles import parse_article
from districtbook.extraction.extract import (COLUMNS, CUE_SOURCES, PERIOD_SOURCES, PLACE_SOURCES, WEAK_FIELDS, Figure,
                                  figures)

HEAD = "Tiêu đề bài viết\nXã hội 12/10/2024 08:00\n"


def _article(body: str, head: str = HEAD):
    return parse_article("t.txt", (head + body + "\n").encode())


def _fig(body: str, quote: str, head: str = HEAD) -> tuple[Figure, str]:
    article = _article(body, head)
    found = [f for f in figures(article) if f.quote.startswith(quote)]
    assert found, [f.quote for f in figures(article)]
    return found[0], article.text


def _read(evidence: str, text: str) -> tuple[str, str]:
    """``(source, the text the rule read)``."""
    source, _, span = evidence.partition(":")
    if not span:
        return source, ""
    start, end = map(int, span.split("-"))
    return source, text[start:end]


def test_the_evidence_columns_follow_kind_in_order():
    assert COLUMNS[COLUMNS.index("kind"):] == ("kind", "place_from", "period_from", "basis_from", "metric_from", "weak")
    assert WEAK_FIELDS == ("place", "period")
    assert {"clause", "sentence", "paragraph", "section", "title", "lead", "article", "outlet", "joint",
            "none"} == set(PLACE_SOURCES)
    assert {"clause", "sentence", "base_value", "paragraph", "section", "title", "lead", "plan_year", "future_term",
            "only_year", "dateline", "none"} == set(PERIOD_SOURCES)
    assert CUE_SOURCES == ("clause", "paragraph", "default")


@pytest.mark.parametrize(("body", "quote", "source", "read", "weak"), [
    # the figure's own clause names the unit
    ("Năm 2024, thu ngân sách quận Cầu Giấy đạt 2.100 tỷ đồng.", "2.100", "clause", "quận Cầu Giấy", False),
    # an earlier sentence of the paragraph names it
    ("Phường Nghĩa Đô là một điển hình. Năm 2024, phường vận động 120 hộ tham gia.", "120 hộ", "clause", "phường",
     False),
    ("Quận Đống Đa có nhiều đổi mới. Năm 2024 đã kết nạp 85 đảng viên mới.", "85", "paragraph", "Quận Đống Đa",
     False),
    # two units joined by "và"
    ("Hà Nội và Đà Nẵng đều đạt 98% hồ sơ trực tuyến.", "98%", "joint", "Hà Nội", False),
])
def test_where_the_place_was_read(body, quote, source, read, weak):
    f, text = _fig(body, quote)
    assert _read(f.place_from, text) == (source, read)
    assert ("place" in f.weak.split(";")) is weak


def test_a_place_from_the_title_is_not_weak_and_one_from_nothing_is():
    head = "Quận Tây Hồ thu ngân sách vượt dự toán\nKinh tế 12/10/2024 08:00\n"
    f, text = _fig("Năm 2024, quận Tây Hồ thu được 2.511 tỷ đồng.\nChín tháng, thu đạt 1.900 tỷ đồng.", "1.900", head)
    assert _read(f.place_from, text) == ("title", "Quận Tây Hồ") and "place" not in f.weak
    f, _text = _fig("Năm 2024, thu ngân sách đạt 2.511 tỷ đồng.", "2.511")
    assert (f.district, f.place_from) == ("", "none") and "place" in f.weak.split(";")


def test_the_article_unit_is_weak_when_another_of_its_level_is_named_about_as_often():
    body = ("Quận Ba Đình và quận Hoàn Kiếm cùng tổ chức hội nghị. Quận Ba Đình báo cáo trước.\n"
            "Hội nghị thông qua nhiều nội dung.\n"
            "Năm 2024, thu ngân sách đạt 2.511 tỷ đồng.")
    f, text = _fig(body, "2.511")
    assert f.place_from.startswith("article:") and "place" in f.weak.split(";")


def test_the_outlets_province_is_weak():
    f, text = _fig("(QNO) - Năm 2024, tỉnh thu ngân sách ước đạt 25.000 tỷ đồng.", "25.000")
    assert f.district == "Quảng Nam"
    assert _read(f.place_from, text) == ("clause", "tỉnh") and f.weak == "place"
    f, text = _fig("(QNO) - Năm 2024, thu ngân sách ước đạt 25.000 tỷ đồng.", "25.000")
    assert _read(f.place_from, text) == ("outlet", "(QNO)") and "place" in f.weak.split(";")


@pytest.mark.parametrize(("body", "quote", "period", "source", "read", "weak"), [
    ("Thu ngân sách 6 tháng đầu năm 2024 đạt 1.647 tỷ đồng.", "1.647", "2024-H1", "clause",
     "6 tháng đầu năm 2024", False),
    # the sentence's frame, another clause: "năm 2023" opens the sentence, the figure is after a ";"
    ("Trong năm 2023, quận thu 2.000 tỷ đồng; chi 900 tỷ đồng.", "900", "2023", "sentence", "năm 2023", False),
    # a value quoted after its comparison is the base's
    ("Tỷ lệ đạt 89,3%, cao hơn 1,58% so với năm 2023 (87,72%).", "87,72", "2023", "base_value", "so với năm 2023",
     False),
    # carried from an earlier sentence of the paragraph
    ("Trong 9 tháng năm 2024, quận đạt nhiều kết quả. Thu ngân sách đạt 1.900 tỷ đồng.", "1.900", "2024-9M",
     "paragraph", "9 tháng năm 2024", False),
    # nothing dates a count of members now
    ("Đảng bộ quận hiện có 4.120 đảng viên.", "4.120", "", "none", "", True),
])
def test_where_the_period_was_read(body, quote, period, source, read, weak):
    f, text = _fig(body, quote)
    assert f.period == period
    assert _read(f.period_from, text) == (source, read)
    assert ("period" in f.weak.split(";")) is weak


def test_a_frame_carries_to_the_figures_under_it_until_another_frame():
    body = ("Sáng nay, quận tổ chức hội nghị sơ kết.\n"
            "6 tháng đầu năm 2024, quận triển khai nhiều nhiệm vụ.\n"
            "Thu ngân sách đạt 1.200 tỷ đồng.\n"
            "Các hoạt động văn hóa diễn ra sôi nổi.\n"
            "Quận kết nạp 60 đảng viên mới.\n"
            "Cả năm 2023, quận kết nạp 110 đảng viên.\n"
            "Các hoạt động thể thao cũng diễn ra.\n"
            "Thu ngân sách đạt 1.500 tỷ đồng.")
    near, text = _fig(body, "1.200")
    far, _ = _fig(body, "60")
    assert near.period == far.period == "2024-H1"
    for f in (near, far):
        assert _read(f.period_from, text) == ("paragraph", "6 tháng đầu năm 2024") and "period" not in f.weak
    after, _ = _fig(body, "1.500")
    assert after.period == "2023" and "period" not in after.weak


def test_a_heading_dates_the_section_under_it():
    body = "Giai đoạn 2016-2020\nThu ngân sách tăng bình quân 12%/năm."
    f, text = _fig(body, "12%")
    assert f.period == "2016-2020" and _read(f.period_from, text) == ("section", "Giai đoạn 2016-2020")


def test_a_goal_with_no_period_of_its_own_takes_the_coming_term():
    body = ("Đại hội Đảng bộ quận nhiệm kỳ 2025-2030 đề ra mục tiêu.\n"
            "Phấn đấu thu ngân sách tăng bình quân 10%/năm.")
    f, text = _fig(body, "10%", head="Tiêu đề bài viết\nXã hội 12/08/2025 08:00\n")
    assert f.period == "2025-2030" and _read(f.period_from, text) == ("future_term", "2025-2030")


@pytest.mark.parametrize(("body", "quote", "basis", "source", "read"), [
    ("Thu ngân sách đạt 2.100 tỷ đồng, bằng 89% dự toán.", "89%", "plan", "clause", "dự toán"),
    ("Thu ngân sách đạt 2.100 tỷ đồng, tăng 12% so với cùng kỳ.", "12%", "yoy", "clause", "cùng kỳ"),
    ("Thương mại - dịch vụ chiếm 71,2% cơ cấu kinh tế.", "71,2%", "share", "clause", "chiếm"),
    ("Phường có 3.150 đảng viên.", "3.150", "none", "default", ""),
])
def test_where_the_basis_was_read(body, quote, basis, source, read):
    f, text = _fig(body, quote)
    assert f.basis == basis and _read(f.basis_from, text) == (source, read)


def test_a_list_that_goes_on_with_a_share_carries_its_basis_cue():
    body = "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 68,5% tổng số hồ sơ: phường A (58,9%), phường B (55,8%)."
    f, text = _fig(body, "58,9")
    assert f.basis == "share" and f.basis_from.startswith(("paragraph:", "clause:"))


@pytest.mark.parametrize(("body", "quote", "metric", "source", "read"), [
    ("Thu ngân sách đạt 2.100 tỷ đồng, bằng 89% dự toán.", "2.100", "budget_revenue", "clause", "Thu ngân sách"),
    ("Thu ngân sách đạt 2.100 tỷ đồng, bằng 89% dự toán.", "89%", "budget_revenue_vs_plan", "clause", "Thu ngân sách"),
    ("Phường có 3.150 đảng viên sinh hoạt tại 42 chi bộ.", "42 chi bộ", "party_organizations_count", "clause",
     "chi bộ"),
    ("Lễ hội thu hút 300 người.", "300", "other", "default", ""),
])
def test_where_the_metric_was_read(body, quote, metric, source, read):
    f, text = _fig(body, quote)
    assert f.metric == metric and _read(f.metric_from, text) == (source, read)


def test_every_evidence_is_a_known_source_with_a_span_inside_the_text():
    body = ("Tây Hồ thu ngân sách vượt dự toán\n"
            "(HNM) - 9 tháng năm 2024, quận Tây Hồ thu ngân sách đạt 2.511 tỷ đồng, bằng 89% dự toán.\n"
            "Trong đó, thu nội địa chiếm 88,4% tổng thu; phường Nhật Tân đạt 120 tỷ đồng.\n"
            "Phấn đấu năm 2025 thu 3.000 tỷ đồng.")
    article = _article(body)
    found = list(figures(article))
    assert len(found) >= 5
    for f in found:
        assert article.text[f.start:f.end] == f.quote
        for column, vocab in (("place_from", PLACE_SOURCES), ("period_from", PERIOD_SOURCES),
                              ("basis_from", CUE_SOURCES), ("metric_from", CUE_SOURCES)):
            source, _, span = getattr(f, column).partition(":")
            assert source in vocab, (column, getattr(f, column))
            if span:
                start, end = map(int, span.split("-"))
                assert 0 <= start < end <= len(article.text), (column, getattr(f, column))
        assert set(filter(None, f.weak.split(";"))) <= set(WEAK_FIELDS)


def test_the_leads_frame_carries_to_the_whole_article_and_is_not_weak():
    body = ("6 tháng đầu năm 2024, quận triển khai nhiều nhiệm vụ.\n"
            "Các hoạt động văn hóa diễn ra sôi nổi.\n"
            "Công tác xây dựng Đảng được chú trọng.\n"
            "Quận kết nạp 60 đảng viên mới.")
    f, text = _fig(body, "60", head="Quận sơ kết công tác sáu tháng đầu năm\nXã hội 12/07/2024 08:00\n")
    assert _read(f.period_from, text) == ("lead", "6 tháng đầu năm 2024") and "period" not in f.weak
