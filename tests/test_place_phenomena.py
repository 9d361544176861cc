"""Where a figure is: one table per phenomenon of how an article says which unit it is about.

Every sentence here was composed for these tests in the style of Vietnamese local news (none is copied from an
article of the development set or of the composed corpora).  Each phenomenon has at least two rows.
"""
from __future__ import annotations

import pytest

from districtbook.extraction.extract import figures
from districtbook.reading.articles import parse_article

from .test_phenomena import fig, figs

DATED = "Kinh tế 12/07/2024 08:00\n"


def placed(body: str, quote: str, head: str = "Kết quả nổi bật") -> str:
    """The unit of the figure quoted ``quote`` in ``body``, under a headline that names no unit."""
    return fig(body, quote, head=f"{head}\n{DATED}").district


# --- a zone of the economy named after a unit ("Khu kinh tế Vân Đồn") is no mention of that unit -------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quảng Ninh: Thu ngân sách 6 tháng đạt 61% dự toán",
     "Tổng thu ngân sách trên địa bàn tỉnh 6 tháng ước đạt 24.300 tỷ đồng, bằng 61% dự toán.\n\n"
     "Khu kinh tế Vân Đồn thu hút thêm nhiều dự án: huyện Vân Đồn thu 610 tỷ đồng.", "24.300", "Quảng Ninh"),
    ("Quảng Ninh: Thu ngân sách 6 tháng đạt 61% dự toán",
     "Tổng thu ngân sách trên địa bàn tỉnh 6 tháng ước đạt 24.300 tỷ đồng, bằng 61% dự toán.\n\n"
     "Khu kinh tế Vân Đồn thu hút thêm nhiều dự án: huyện Vân Đồn thu 610 tỷ đồng.", "610", "Vân Đồn"),
    ("Bắc Ninh: Thu ngân sách quý I tăng 12%",
     "Quý I, tổng thu ngân sách trên địa bàn đạt 8.900 tỷ đồng, tăng 12% so với cùng kỳ.\n\n"
     "Nhờ khu công nghiệp Yên Phong, huyện Yên Phong thu 1.150 tỷ đồng.", "8.900", "Bắc Ninh"),
])
def test_a_zone_named_after_a_unit_does_not_count_as_that_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- "TX" without its dot abbreviates "thị xã" as "TX." does ("UBND TX Sơn Tây"), also for a town that shares its name
# with a rural district of the same province ("TX Long Mỹ" beside "huyện Long Mỹ") -------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("TX Hương Thủy: Thu ngân sách năm 2023 vượt dự toán",
     "Năm 2023, tổng thu ngân sách trên địa bàn đạt 520 tỷ đồng.\n\nPhường Thủy Dương thu 45 tỷ đồng.",
     "520", "Hương Thủy"),
    ("Thu ngân sách quý I đạt khá", "Quý I, UBND TX Sơn Tây cho biết thu ngân sách đạt 310 tỷ đồng.", "310", "Sơn Tây"),
    ("Hậu Giang thu ngân sách năm 2023", "Năm 2023, tỉnh Hậu Giang thu 5.100 tỷ đồng; TX Long Mỹ thu 170 tỷ đồng.",
     "170", "Long Mỹ"),
])
def test_tx_without_its_dot_names_a_town(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- "thị xã" said alone is the town the article is about; its "xã" is no commune --------------------------------------
@pytest.mark.parametrize(("body", "quote"), [
    ("Năm 2023, thị xã Bến Cát thu ngân sách 2.100 tỷ đồng.\n\nThị xã có 14 phường, xã. Phường Mỹ Phước thu 80 tỷ "
     "đồng; xã An Điền thu 12 tỷ đồng.", "14"),
    ("Năm 2023, thị xã Bến Cát thu ngân sách 2.100 tỷ đồng.\n\nPhường Mỹ Phước thu 80 tỷ đồng; xã An Điền thu 12 tỷ "
     "đồng. Thị xã đã có 96% hộ dân dùng nước sạch.", "96%"),
])
def test_thi_xa_said_alone_is_the_town_not_a_commune(body, quote):
    assert fig(body, quote, head=f"Bến Cát: Thu ngân sách năm 2023\n{DATED}").district == "Bến Cát"


# --- a headline that names the country and no territory ("Thu ngân sách cả nước …") makes the article the country's,
# when the provinces the text lists are each named once; a headline naming a territory beside the country is that one's
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Thu ngân sách cả nước 6 tháng đạt 60% dự toán",
     "Theo Bộ Tài chính, thu ngân sách nhà nước 6 tháng ước đạt 1.020 nghìn tỷ đồng.\n\nHà Nội thu 260 nghìn tỷ đồng; "
     "Quảng Ninh tăng 8% so với cùng kỳ.", "1.020", "Việt Nam"),
    ("Thu ngân sách cả nước 6 tháng đạt 60% dự toán",
     "Theo Bộ Tài chính, thu ngân sách nhà nước 6 tháng ước đạt 1.020 nghìn tỷ đồng.\n\nHà Nội thu 260 nghìn tỷ đồng; "
     "Quảng Ninh tăng 8% so với cùng kỳ.", "8%", "Quảng Ninh"),
    ("Toàn quốc kết nạp hơn 200.000 đảng viên",
     "Năm 2023, kết nạp 205.000 đảng viên, đạt 102% kế hoạch. Tỉnh Thanh Hóa kết nạp 9.800 đảng viên.", "205.000",
     "Việt Nam"),
    ("Hà Nội dẫn đầu cả nước về thu ngân sách",
     "Năm 2023, thu ngân sách trên địa bàn đạt 410.000 tỷ đồng. TP.HCM thu 480.000 tỷ đồng.", "410.000", "Hà Nội"),
    # the country as the whole of a share the headline gives a region
    ("Đông Nam Bộ đóng góp 38% thu ngân sách cả nước",
     "Năm 2024, vùng Đông Nam Bộ thu 785.000 tỷ đồng.\n\nTăng trưởng GRDP đạt 7%.", "7%", "Đông Nam Bộ"),
])
def test_a_headline_naming_the_country_alone_makes_it_the_articles_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- units listed before "lần lượt" each have their own figure: the k-th unit the k-th figure, one figure each (not one
# per unit of the last pair, as "A và B … đạt dưới 10%" gives) ------------------------------------------------------------
@pytest.mark.parametrize(("body", "expected"), [
    ("Năm 2024, quận Ngô Quyền, quận Lê Chân và quận Hải An lần lượt kết nạp được 120, 105 và 98 đảng viên.",
     [("120", "Ngô Quyền"), ("105", "Lê Chân"), ("98 đảng viên", "Hải An")]),
    ("Quý I, phường Kinh Bắc và phường Võ Cường lần lượt thu 410 tỷ đồng và 376 tỷ đồng.",
     [("410 tỷ đồng", "Kinh Bắc"), ("376 tỷ đồng", "Võ Cường")]),
    # (a few words may say what the units are before their names: "Các huyện miền núi …", "hai huyện vùng cao …")
    ("Năm 2021, các huyện vùng cao Mường Lát và Quan Sơn lần lượt đạt 121% và 115% chỉ tiêu kết nạp đảng viên.",
     [("121%", "Mường Lát"), ("115%", "Quan Sơn")]),
    # (or after a comma: "Trong số các phường, A, B và C lần lượt …"; an "x/y" is one figure)
    ("Trong số các phường, Phúc Tân, Hàng Bạc và Hàng Đào lần lượt hoàn thành 16/16, 15/16 và 14/16 chỉ tiêu.",
     [("16/16", "Phúc Tân"), ("15/16", "Hàng Bạc"), ("14/16 chỉ tiêu", "Hàng Đào")]),
])
def test_units_listed_before_lan_luot_each_take_their_own_figure(body, expected):
    got = [(f.quote, f.district) for f in figs(body, head=f"Tiêu đề bài viết\n{DATED}") if f.kind == "indicator"]
    assert got == expected


# --- "huyện đảo" (an island district) is the district's level word: "Huyện đảo Cô Tô thu …" ------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quảng Ninh: Thu ngân sách năm 2023", "Năm 2023, tỉnh Quảng Ninh thu 51.000 tỷ đồng; thị xã Quảng Yên thu 1.900 tỷ "
     "đồng. Huyện đảo Cô Tô thu 52 tỷ đồng, tăng 9% so với năm 2022.", "52", "Cô Tô"),
    ("Quảng Ninh: Thu ngân sách năm 2023", "Năm 2023, tỉnh Quảng Ninh thu 51.000 tỷ đồng; thị xã Quảng Yên thu 1.900 tỷ "
     "đồng. Huyện đảo Cô Tô thu 52 tỷ đồng, tăng 9% so với năm 2022.", "9%", "Cô Tô"),
    ("Bình Thuận kết nạp đảng viên năm 2023", "Năm 2023, tỉnh Bình Thuận kết nạp 2.150 đảng viên; huyện Tuy Phong kết "
     "nạp 160 đảng viên. Đảng bộ huyện đảo Phú Quý kết nạp 14 đảng viên, đạt 140% chỉ tiêu.", "140%", "Phú Quý"),
])
def test_huyen_dao_names_an_island_district(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- an aside right after a unit, in brackets or between dashes, says what the unit was or where it stands: a higher unit
# named in it is not the subject ("phường Chũ (trung tâm huyện Lục Ngạn cũ) thu …", "phường Phủ Lý – trung tâm khu vực
# Hà Nam (cũ) – giải ngân …") ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2025, tỉnh Phú Thọ thu 9.800 tỷ đồng. Phường Phúc Yên (trước đây thuộc tỉnh Vĩnh Phúc) thu 640 tỷ đồng.",
     "640", "Phúc Yên"),
    ("Năm 2025, tỉnh Lâm Đồng thu 12.400 tỷ đồng. Phường Gia Nghĩa (trung tâm tỉnh Đắk Nông cũ) thu 530 tỷ đồng.",
     "530", "Gia Nghĩa"),
    ("Năm 2025, tỉnh Lâm Đồng thu 12.400 tỷ đồng. Phường Gia Nghĩa – trung tâm tỉnh Đắk Nông cũ – thu 530 tỷ đồng, "
     "đạt 88% dự toán.", "88%", "Gia Nghĩa"),
])
def test_a_unit_named_in_an_aside_after_a_unit_is_not_the_subject(body, quote, place):
    assert fig(body, quote, head=f"Thu ngân sách năm 2025\n{DATED}").district == place


# --- two level words named together ("các đảng bộ xã, phường", "cấp xã/phường") are a tier, not the article's ward --------
@pytest.mark.parametrize(("sentence", "quote"), [
    ("Trong các đảng bộ xã, phường, có 52 đảng bộ đã đạt chỉ tiêu.", "52"),
    ("Ở cấp xã/phường, 98% hồ sơ được giải quyết đúng hạn.", "98%"),
])
def test_two_level_words_named_together_are_a_tier_not_the_ward(sentence, quote):
    body = (f"Năm 2024, Đảng bộ tỉnh Gia Lai kết nạp 3.100 đảng viên. {sentence}\n\nĐảng bộ xã Ia Hrú kết nạp 40 đảng "
            "viên; xã Ia Hrú dẫn đầu toàn tỉnh.")
    assert fig(body, quote, head=f"Gia Lai kết nạp 3.100 đảng viên\n{DATED}").district == "Gia Lai"


# --- a clause that names no unit goes on with the unit an earlier clause of its sentence gave its figures ("Toàn tỉnh
# thu …; tăng trưởng GRDP đạt …"), not with the article's unit ---------------------------------------------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Quý I, thành phố Hạ Long thu 2.100 tỷ đồng.\n\nToàn tỉnh Quảng Ninh quý I thu 11.300 tỷ đồng, đạt 23% dự toán; "
     "tăng trưởng GRDP đạt 8,4%, xếp thứ 5/63.", "8,4%", "Quảng Ninh"),
    ("Quý I, thành phố Hạ Long thu 2.100 tỷ đồng.\n\nToàn tỉnh Quảng Ninh quý I thu 11.300 tỷ đồng, đạt 23% dự toán; "
     "tăng trưởng GRDP đạt 8,4%, xếp thứ 5/63.", "5/63", "Quảng Ninh"),
    ("Quý I, thành phố Hạ Long thu 2.100 tỷ đồng, đạt 26% dự toán; số doanh nghiệp thành lập mới là 310.", "310",
     "Hạ Long"),
])
def test_a_clause_naming_no_unit_goes_on_with_its_sentences_unit(body, quote, place):
    assert fig(body, quote, head=f"Hạ Long thu ngân sách quý I vượt 2.000 tỷ đồng\n{DATED}").district == place


@pytest.mark.parametrize(("lead", "body", "quote", "district"), [
    # the unit's city in brackets after it says where it is: the article is the ward's, also where the text then says
    # nothing of either
    ("Quý I/2026, phường Phú Diễn (Hà Nội) thu ngân sách đạt 318,7 tỷ đồng.",
     "Trên địa bàn hiện có 3 tuyến phố thanh toán không dùng tiền mặt.", "3 tuyến", "Phú Diễn"),
    ("Năm 2024, xã Tân Phú (huyện Đồng Phú, tỉnh Bình Phước) kết nạp 12 đảng viên.",
     "Toàn Đảng bộ hiện có 410 đảng viên.", "410", "Tân Phú"),
    # a city inside a central city ("TP Thủ Đức (TP.HCM)") sits below it as a district does
    ("Theo UBND TP Thủ Đức (TP.HCM), 9 tháng năm 2025, tổng thu ngân sách trên địa bàn đạt 12.300 tỷ đồng.",
     "Thành phố hiện có 34 phường.", "12.300", "Thủ Đức"),
    # a chain of parents after a comma each ("phường Bến Nghé, Q.1, TP.HCM"): the last is where the second is
    ("Ngày 20-12, Đảng bộ phường Đa Kao, Q.1, TP.HCM tổng kết năm 2023. Năm qua, đảng bộ kết nạp 31 đảng viên.",
     "Đảng bộ có 540 đảng viên.", "31", "Đa Kao"),
])
def test_a_parent_in_brackets_never_makes_the_article_its_own(lead, body, quote, district):
    assert fig(lead + "\n" + body, quote, head="Phóng sự\nXã hội 12/04/2026 08:00\n").district == district


@pytest.mark.parametrize(("body", "quote", "district"), [
    # a bare level word after a unit of that level named in the sentence is that unit, not the article's
    ("• Sóc Trăng: 9 tháng, tỉnh thu ngân sách 2.637 tỷ đồng.\n• Bạc Liêu: Đến ngày 30/9, tỉnh đã giải ngân 1.568 tỷ "
     "đồng.", "1.568", "Bạc Liêu"),
    ("Quận Hoàng Mai thu 2.300 tỷ đồng. Với quận Thanh Xuân, năm 2024 quận thu 1.900 tỷ đồng.", "1.900", "Thanh Xuân"),
])
def test_a_level_word_points_to_the_unit_of_its_level_just_named(body, quote, district):
    assert fig(body, quote).district == district


@pytest.mark.parametrize(("head", "body", "quote", "district"), [
    # a national source, a headline that names no territory, provinces each named once as examples: the country's
    ("GDP năm 2022 tăng 8,02%\nKinh tế 29/12/2022 10:00\n",
     "Tổng cục Thống kê cho biết, GDP năm 2022 ước tăng 8,02% so với năm trước; quy mô GDP ước đạt 9.513 nghìn tỷ "
     "đồng. Một số địa phương tăng hai con số như Khánh Hòa (19,4%), Hải Phòng (12,3%).", "9.513", "Việt Nam"),
    ("Năm 2022, toàn Đảng kết nạp hơn 182.000 đảng viên\nXây dựng Đảng 10/01/2023 08:00\n",
     "Theo Ban Tổ chức Trung ương, năm 2022 đã kết nạp 182.410 đảng viên. Đảng bộ Hà Nội kết nạp 11.870 người; "
     "Đảng bộ Nghệ An kết nạp 5.263 đảng viên.", "182.410", "Việt Nam"),
    # (a province's report that names its own statistics office stays the province's)
    ("Nghệ An: GRDP 6 tháng tăng 8,1%\nKinh tế 05/07/2024 10:00\n",
     "Theo Cục Thống kê tỉnh, GRDP 6 tháng của tỉnh Nghệ An tăng 8,1%; thu ngân sách đạt 9.800 tỷ đồng. Tỉnh Nghệ "
     "An đứng thứ 12 cả nước.", "9.800", "Nghệ An"),
])
def test_a_national_report_with_provinces_as_examples_is_the_countrys(head, body, quote, district):
    assert fig(body, quote, head=head).district == district


@pytest.mark.parametrize(("head", "body", "quote", "district"), [
    # a ministry's ranking whose leader the headline names: the averages are the country's, the leader's figure its own
    # (a province's own report of its rank, naming the leader once, stays the province's: corpus6's c40)
    ("Công bố Chỉ số cải cách hành chính năm 2022: Hải Phòng lần đầu dẫn đầu\nThời sự 30/05/2023 18:00\n",
     "Chiều 30/5, Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2022. Giá trị trung bình đạt 84,00%, tăng 1,36% so "
     "với năm 2021. Hải Phòng đứng đầu với 92,35%, tiếp theo là Hà Nội (91,12%).", "84,00%", "Việt Nam"),
    ("Công bố Chỉ số cải cách hành chính năm 2022: Hải Phòng lần đầu dẫn đầu\nThời sự 30/05/2023 18:00\n",
     "Chiều 30/5, Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2022. Giá trị trung bình đạt 84,00%, tăng 1,36% so "
     "với năm 2021. Hải Phòng đứng đầu với 92,35%, tiếp theo là Hà Nội (91,12%).", "92,35%", "Hải Phòng"),
    # the Government Office's national portal, provinces as examples
    ("Hơn 4,1 triệu hồ sơ trực tuyến được xử lý\nThời sự 20/12/2021 08:00\n",
     "Theo Văn phòng Chính phủ, Cổng Dịch vụ công quốc gia đã tích hợp 3.452 dịch vụ công. Dẫn đầu là Thừa Thiên Huế "
     "với 87,2%, tiếp đến là Bình Dương 73,5%.", "3.452", "Việt Nam"),
    # a province only in its outlet's mark, its districts named: "tỉnh 6 tháng" is the province
    ("Thu ngân sách 6 tháng đạt 52,1% dự toán\nKinh tế 12/07/2024 15:00\n",
     "QNO - Tổng thu ngân sách trên địa bàn tỉnh 6 tháng ước đạt 12.450 tỷ đồng. Thị xã Điện Bàn thu 1.126 tỷ đồng; "
     "thành phố Tam Kỳ thu 842 tỷ đồng.", "12.450", "Quảng Nam"),
])
def test_whose_article_a_national_or_provincial_report_is(head, body, quote, district):
    assert fig(body, quote, head=head).district == district


# --- the mean or median of the provinces (or ministries) of a national index ("SIPAS trung bình cấp tỉnh", "điểm số
# của tỉnh trung vị") is the country's figure, not that of the province the headline names first --------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Chỉ số SIPAS 2023: Bắc Giang, Lạng Sơn dẫn đầu",
     "Bộ Nội vụ vừa công bố Chỉ số hài lòng năm 2023. Theo đó, SIPAS trung bình cấp tỉnh đạt 82,66%, tăng 2,1% so với "
     "năm 2022. Bắc Giang đứng đầu với 90,4%; Lạng Sơn thứ hai với 89,7%.", "82,66%", "Việt Nam"),
    ("Chỉ số SIPAS 2023: Bắc Giang, Lạng Sơn dẫn đầu",
     "Bộ Nội vụ vừa công bố Chỉ số hài lòng năm 2023. Theo đó, SIPAS trung bình cấp tỉnh đạt 82,66%, tăng 2,1% so với "
     "năm 2022. Bắc Giang đứng đầu với 90,4%; Lạng Sơn thứ hai với 89,7%.", "90,4%", "Bắc Giang"),
    ("PCI 2022: Quảng Ninh giữ ngôi đầu",
     "VCCI công bố PCI năm 2022. Quảng Ninh đạt 72,95 điểm, Hải Phòng 70,9 điểm. Điểm số của tỉnh trung vị là 64,4 "
     "điểm.", "64,4", "Việt Nam"),
    ("Chỉ số chuyển đổi số 2023 của các bộ, ngành",
     "Năm 2023, Bộ Tư pháp dẫn đầu khối bộ với 0,71 điểm; Bộ Y tế đạt 0,52 điểm. DTI trung bình cấp bộ đạt 0,55.",
     "0,55", "Việt Nam"),
])
def test_the_mean_of_a_tier_is_the_countrys(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a unit named as who set a plan ("dự toán tỉnh Đắk Lắk giao") is not what the figures after it are about ----------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2023, thu ngân sách trên địa bàn huyện Ea Súp đạt 96 tỷ đồng, bằng 118% dự toán tỉnh Đắk Lắk giao và bằng "
     "104% dự toán HĐND huyện giao, tăng 5,1% so với năm 2022.", "104%", "Ea Súp"),
    ("Năm 2023, thu ngân sách trên địa bàn huyện Ea Súp đạt 96 tỷ đồng, bằng 118% dự toán tỉnh Đắk Lắk giao và bằng "
     "104% dự toán HĐND huyện giao, tăng 5,1% so với năm 2022.", "5,1%", "Ea Súp"),
    ("Năm 2022, quận Ngũ Hành Sơn thu 1.250 tỷ đồng, vượt kế hoạch UBND thành phố Đà Nẵng giao, tăng 9% so với năm "
     "2021.", "9%", "Ngũ Hành Sơn"),
])
def test_who_sets_a_plan_is_not_the_subject(body, quote, place):
    assert fig(body, quote, head=f"Thu ngân sách năm 2023\n{DATED}").district == place


# --- the unit a level word said alone gives a sentence ("tỉnh xếp thứ 21/63") goes on to the next sentences of its
# paragraph, as a name would; not the whole a local figure is set against ("bình quân toàn tỉnh là 41%") ------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Xếp hạng chuyển đổi số cấp huyện: huyện Lộc Hà dẫn đầu",
     "Ngày 5/3, UBND tỉnh Hà Tĩnh công bố kết quả chuyển đổi số cấp huyện năm 2023. Huyện Lộc Hà đứng đầu với 0,66 "
     "điểm; huyện Can Lộc thứ hai với 0,61 điểm.\n\nNăm 2023, tỉnh xếp thứ 18/63 về DTI. Tỷ lệ thanh toán trực tuyến "
     "đạt 52,3%.", "52,3%", "Hà Tĩnh"),
    ("Krông Năng: 6 tháng thu ngân sách đạt 61% dự toán",
     "6 tháng đầu năm 2024, thu ngân sách trên địa bàn huyện Krông Năng đạt 74 tỷ đồng.\n\nHuyện đã giải ngân 58% kế "
     "hoạch vốn, trong khi bình quân toàn tỉnh là 40%. Có 9/12 xã của huyện đạt chuẩn nông thôn mới.", "9/12",
     "Krông Năng"),
])
def test_a_level_word_said_alone_goes_on_like_a_name(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a province's report that names none of its units in its headline, each of its districts once, and itself only
# as "tỉnh" is the province's, not its first district's --------------------------------------------------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Sáng 10/7, UBND tỉnh họp đánh giá thu ngân sách 6 tháng đầu năm 2024.\n\nTổng thu ngân sách trên địa bàn tỉnh "
     "ước đạt 6.120 tỷ đồng, bằng 55% dự toán. Thu nội địa đạt 5.300 tỷ đồng.\n\nThành phố Hà Tĩnh thu 610 tỷ đồng; "
     "thị xã Hồng Lĩnh thu 95 tỷ đồng; huyện Cẩm Xuyên đạt 60% dự toán.", "5.300", "Hà Tĩnh"),
    ("Sáng 10/7, UBND tỉnh họp đánh giá thu ngân sách 6 tháng đầu năm 2024.\n\nTổng thu ngân sách trên địa bàn tỉnh "
     "ước đạt 6.120 tỷ đồng, bằng 55% dự toán. Thu nội địa đạt 5.300 tỷ đồng.\n\nThành phố Hà Tĩnh thu 610 tỷ đồng; "
     "thị xã Hồng Lĩnh thu 95 tỷ đồng; huyện Cẩm Xuyên đạt 60% dự toán.", "610", "TP Hà Tĩnh"),
    ("Theo Cục Thuế tỉnh, quý I/2019 thu ngân sách trên địa bàn ước đạt 1.840 tỷ đồng.\n\nHuyện Hải Hậu thu 72 tỷ "
     "đồng; huyện Giao Thủy thu 48 tỷ đồng; huyện Xuân Trường thu 40 tỷ đồng.\n\nCả quý, tiền sử dụng đất đạt 610 tỷ "
     "đồng.", "610", "Nam Định"),
])
def test_a_province_report_naming_its_districts_once_is_the_provinces(body, quote, place):
    assert fig(body, quote, head=f"Thu ngân sách 6 tháng đạt khá\n{DATED}").district == place


# --- a headline that names a region and no territory, when the text names the region again, makes the article the
# region's: its figures with no unit of their own are not those of the province the text names most -----------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Đồng bằng sông Cửu Long: Thu hút FDI năm 2023 tăng mạnh",
     "Năm 2023, vùng Đồng bằng sông Cửu Long thu hút 1,9 tỷ USD vốn FDI. Long An dẫn đầu với 1,2 tỷ USD; Cần Thơ đạt "
     "150 triệu USD; Long An cũng dẫn đầu về số dự án.\n\nTổng thu ngân sách toàn vùng đạt 112.000 tỷ đồng.", "112.000",
     "Đồng bằng sông Cửu Long"),
    ("Đồng bằng sông Cửu Long: Thu hút FDI năm 2023 tăng mạnh",
     "Năm 2023, vùng Đồng bằng sông Cửu Long thu hút 1,9 tỷ USD vốn FDI. Long An dẫn đầu với 1,2 tỷ USD; Cần Thơ đạt "
     "150 triệu USD; Long An cũng dẫn đầu về số dự án.\n\nTổng thu ngân sách toàn vùng đạt 112.000 tỷ đồng.", "150",
     "Cần Thơ"),
])
def test_a_regions_headline_makes_the_article_the_regions(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a unit named after a figure as a part of it ("đạt 41.300 tỷ đồng, trong đó riêng Lâm Đồng …") is not its unit ----
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2023, thu ngân sách trên địa bàn đạt 9.800 tỷ đồng, trong đó riêng thành phố Buôn Ma Thuột thu 3.100 tỷ "
     "đồng.", "9.800", "Đắk Lắk"),
    ("Năm 2023, toàn tỉnh thu 9.800 tỷ đồng, riêng thành phố Buôn Ma Thuột thu 3.100 tỷ đồng.", "3.100",
     "Buôn Ma Thuột"),
])
def test_a_part_named_after_a_figure_is_not_its_unit(body, quote, place):
    assert fig(body, quote, head=f"Đắk Lắk: thu ngân sách năm 2023 vượt dự toán\n{DATED}").district == place


# --- the units a bracket after a unit says it is made of ("(mới, gồm …)") are an aside, not the figure's subject --------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("6 tháng đầu năm 2025, GRDP của tỉnh Ninh Bình (mới, gồm tỉnh Ninh Bình, tỉnh Hà Nam và tỉnh Nam Định) ước tăng "
     "8,1% so với cùng kỳ.", "8,1%", "Ninh Bình"),
    ("Năm 2025, phường Hồng Hà (gồm phường Phúc Tân và phường Chương Dương trước đây) thu ngân sách 1.200 tỷ đồng.",
     "1.200", "Hồng Hà"),
])
def test_the_units_a_bracket_says_a_unit_is_made_of_are_an_aside(body, quote, place):
    assert fig(body, quote, head=f"Kinh tế sau sắp xếp\n{DATED}").district == place


# --- a line that is an outlet's name ("Báo Lâm Đồng") is page furniture, never a section heading that places what
# follows; it names the paper's unit only for an article whose text names none ---------------------------------------
@pytest.mark.parametrize(("text", "quote", "place"), [
    ("Đà Lạt: Năm 2012 thu ngân sách vượt dự toán\nBáo Lâm Đồng\nNăm 2012, kinh tế thành phố Đà Lạt tăng 13%.\n"
     "Tổng thu ngân sách trên địa bàn đạt 700 tỷ đồng, vượt 12% dự toán.", "700", "Đà Lạt"),
    ("Đại hội Đảng bộ phường Mỹ Thới\nBáo An Giang\nNgày 5/8/2025, Đảng bộ phường Mỹ Thới tổ chức Đại hội.\n"
     "Nhiệm kỳ qua, thu ngân sách trên địa bàn 5 năm đạt 1.250 tỷ đồng.", "1.250", "Mỹ Thới"),
    ("Thu ngân sách năm 2013 vượt dự toán\nBáo Lâm Đồng\nUBND tỉnh cho biết, năm 2013 thu ngân sách đạt 6.100 tỷ "
     "đồng.", "6.100", "Lâm Đồng"),
])
def test_an_outlets_name_line_is_furniture(text, quote, place):
    f = next(f for f in figures(parse_article("a.txt", text.encode())) if quote in f.quote)
    assert f.district == place


# --- a unit named after a figure as its yardstick ("bằng 81% mức bình quân cả nước", "trong khi tỷ lệ chung của cả nước
# là …") or as the setting ("trong bối cảnh kinh tế cả nước gặp khó khăn") is not the figure's unit -------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2023, GRDP bình quân đầu người của tỉnh Nghệ An đạt 58 triệu đồng, bằng 57% mức bình quân cả nước.", "57%",
     "Nghệ An"),
    ("Năm 2023, tỷ lệ hộ nghèo của tỉnh Nghệ An giảm còn 3,1%, trong khi tỷ lệ chung của cả nước là 2,9%.", "3,1%",
     "Nghệ An"),
    ("Năm 2023, trong bối cảnh kinh tế cả nước gặp nhiều khó khăn, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt "
     "6,2%.", "6,2%", "Nghệ An"),
    ("Năm 2023, thu nhập bình quân đầu người của tỉnh Nghệ An bằng 87,5% bình quân cả nước.", "87,5%", "Nghệ An"),
    ("Năm 2023, GRDP của tỉnh Nghệ An tăng 9,1%, cao gấp 1,8 lần bình quân cả nước.", "1,8", "Nghệ An"),
])
def test_a_yardstick_or_a_setting_named_after_a_figure_is_not_its_unit(body, quote, place):
    assert fig(body, quote, head=f"Nghệ An: kinh tế năm 2023 tăng trưởng khá\n{DATED}").district == place


# --- a name of two places is written with any dash, with or without spaces; "Thị ủy X" is the town's committee --------
@pytest.mark.parametrize(("text", "name"), [
    ("tỉnh Bà Rịa - Vũng Tàu thu 93.000 tỷ đồng", "Bà Rịa - Vũng Tàu"),
    ("tỉnh Bà Rịa – Vũng Tàu thu 93.000 tỷ đồng", "Bà Rịa - Vũng Tàu"),
    ("Bà Rịa-Vũng Tàu thu 93.000 tỷ đồng", "Bà Rịa - Vũng Tàu"),
    ("thành phố Phan Rang-Tháp Chàm thu 900 tỷ đồng", "Phan Rang - Tháp Chàm"),
    ("Thị ủy An Khê kết nạp 118 đảng viên", "An Khê"),
    ("thành phố biển Sầm Sơn đón 5,1 triệu lượt khách", "Sầm Sơn"),
    ("thành phố du lịch Đà Lạt đón 6 triệu lượt khách", "Đà Lạt"),
    ("Ngân hàng Nhà nước dẫn đầu khối bộ với 91,1%", "Ngân hàng Nhà nước"),
])
def test_names_of_two_places_and_a_towns_committee(text, name):
    from districtbook.extraction.places import mentions
    assert [m.place.name for m in mentions(text)] == [name]


# --- a headline that ranks a unit among its province's and names the province is the province's report; units named
# after a count as its leader or examples ("dẫn đầu là TP Hạ Long") are not the count's unit -----------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Bắc Giang công bố Chỉ số CCHC năm 2022: TP Bắc Giang dẫn đầu khối cấp huyện",
     "UBND tỉnh vừa công bố Chỉ số CCHC năm 2022. TP Bắc Giang đứng đầu với 90,1%; huyện Hiệp Hòa thứ hai với 88,7%."
     "\n\nNăm 2022, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,6%.", "99,6%", "Bắc Giang"),
    ("Quảng Ninh: Thu ngân sách quý I đạt 26% dự toán",
     "Quý I/2020, thu ngân sách trên địa bàn tỉnh đạt 11.200 tỷ đồng. Có 9/13 địa phương thu đạt trên 25% dự toán, "
     "dẫn đầu là TP Hạ Long với 1.900 tỷ đồng.", "9/13", "Quảng Ninh"),
])
def test_a_ranked_leader_is_not_the_reports_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a figure right after a bare level word, in brackets or after "là", or followed by "của (toàn) tỉnh", is the unit's
# that word points to: the article's unit of that level, or the province or city its unit belongs to ----------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2023, tỷ lệ hộ nghèo của huyện Lâm Hà còn 2,1%, thấp hơn mức bình quân của tỉnh (2,82%).", "2,82%",
     "Lâm Đồng"),
    ("Năm 2023, thu nhập bình quân của huyện Lâm Hà đạt 61 triệu đồng, trong khi bình quân của tỉnh là 58,9 triệu "
     "đồng.", "58,9", "Lâm Đồng"),
    ("Năm 2023, quận Cầu Giấy tăng trưởng 8,3%, cao hơn mức tăng 6,3% của toàn thành phố.", "6,3%", "Hà Nội"),
    ("Năm 2023, quận Cầu Giấy tăng trưởng 8,3%, cao hơn mức bình quân của thành phố (6,3%).", "8,3%", "Cầu Giấy"),
    ("Năm 2023, Quảng Ninh đạt 92,1%, đứng đầu cả nước.\n\nGiá trị trung bình chỉ số của các tỉnh là 84,8%.", "84,8%",
     "Việt Nam"),
])
def test_a_figure_beside_a_bare_level_word_is_that_units(body, quote, place):
    assert fig(body, quote, head=f"Kinh tế năm 2023 tăng trưởng khá\n{DATED}").district == place


# --- the units a new unit was made from ("được sắp xếp từ … thuộc quận 1 cũ") and the whole a figure is set equal to a
# share of ("tương đương gần 1% tổng thu ngân sách của TP.HCM") are neither the figure's unit nor the paragraph's ------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Phường Sài Gòn được sắp xếp từ phường Bến Nghé, phường Đa Kao thuộc quận 1 cũ, có diện tích 3,1 km2.", "3,1",
     "Sài Gòn"),
    ("Năm 2024, phường Sài Gòn thu ngân sách 4.100 tỷ đồng, tương đương 0,8% tổng thu ngân sách của TP.HCM. Tỷ lệ hồ sơ "
     "trực tuyến đạt 93%.", "93%", "Sài Gòn"),
])
def test_what_a_unit_was_made_from_or_set_against_is_not_its_unit(body, quote, place):
    assert fig(body, quote, head=f"Đại hội Đảng bộ phường Sài Gòn\n{DATED}").district == place


# --- names with an apostrophe ("Đắk R'lấp", "Cư M’gar"), and "Các huyện A, B, C lần lượt …" with a capital ------------
@pytest.mark.parametrize(("quote", "place"), [("165", "Đắk R'Lấp"), ("148", "Cư Jút"), ("131", "Krông Nô")])
def test_listed_units_with_apostrophes_and_a_capital(quote, place):
    body = "Năm 2017, tỉnh Đắk Nông kết nạp 1.020 đảng viên. Các huyện Đắk R'lấp, Cư Jút, Krông Nô lần lượt kết nạp 165, " \
           "148 và 131 đảng viên."
    assert fig(body, quote, head=f"Đắk Nông kết nạp hơn 1.000 đảng viên\n{DATED}").district == place


# --- a headline that only ranks provinces over a national source is the country's report; a region named as the group
# a unit is ranked in ("cao nhất vùng Tây Nguyên") is not the figure's unit -----------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quý I/2024: Bắc Giang dẫn đầu tăng trưởng, Khánh Hòa theo sau",
     "Tổng cục Thống kê vừa công bố số liệu quý I/2024. GDP ước tăng 5,66%. Có 57 địa phương tăng trưởng dương. "
     "Bắc Giang dẫn đầu với 13,08%; tiếp đến là Khánh Hòa (11,24%) và Hải Phòng (10,54%).", "57", "Việt Nam"),
    ("Chuyển đổi số 2023: Lâm Đồng đứng đầu khu vực",
     "Năm 2023, Lâm Đồng là địa phương có thứ hạng cao nhất vùng Tây Nguyên, đạt 0,5012 điểm.", "0,5012", "Lâm Đồng"),
])
def test_a_headline_that_only_ranks_over_a_national_source(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a short label over the lead (an outlet's name such as "Hà Nội Mới", a site's section) is furniture: no section
# heading, no lead -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "quote", "place"), [
    ("Huyện Gia Lâm hoàn thành 25/25 chỉ tiêu năm 2020\nHà Nội Mới\n18/12/2020 - 11:05\n(HNMO) - Sáng 18-12, HĐND "
     "huyện Gia Lâm họp kỳ họp thứ 14.\nTổng thu ngân sách nhà nước trên địa bàn ước đạt 4.572 tỷ đồng.", "4.572",
     "Gia Lâm"),
    ("Quận 7 thu ngân sách vượt dự toán\nSài Gòn Giải Phóng\nNăm 2023, quận 7 đạt nhiều kết quả.\nThu ngân sách trên "
     "địa bàn đạt 5.100 tỷ đồng.", "5.100", "Quận 7"),
])
def test_a_short_label_over_the_lead_is_furniture(text, quote, place):
    f = next(f for f in figures(parse_article("a.txt", text.encode())) if quote in f.quote)
    assert f.district == place


# --- "cấp huyện" in a report of the province is the tier as the province has it, no district of it -------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2021, tỉnh Kon Tum tự khảo sát sự hài lòng. Huyện Đăk Hà đạt 90,2%, huyện Sa Thầy đạt 85,1%.\n\nTỷ lệ người "
     "dân hài lòng với bộ phận một cửa cấp huyện đạt 87,6%.", "87,6%", "Kon Tum"),
])
def test_a_tier_in_a_provinces_report_is_the_provinces(body, quote, place):
    assert fig(body, quote, head=f"Kon Tum: người dân hài lòng với dịch vụ hành chính công\n{DATED}").district == place


# --- the mean of a province's districts is the province's ("Chỉ số trung bình của khối quận, huyện là 85,7 điểm"); the
# group a unit is ranked in ("cao nhất trong 78 xã, phường của tỉnh Quảng Trị") is no subject --------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Hải Phòng công bố Chỉ số CCHC năm 2023",
     "Năm 2023, quận Ngô Quyền dẫn đầu khối quận, huyện với 91,2 điểm. Chỉ số trung bình của khối quận, huyện là 85,7 "
     "điểm.", "85,7", "Hải Phòng"),
    ("Phường Đồng Hới thu ngân sách quý III/2025 đạt khá",
     "Quý III/2025, phường Đồng Hới thu ngân sách 196,7 tỷ đồng. Đây là địa phương có số thu cao nhất trong 78 xã, "
     "phường của tỉnh Quảng Trị, chiếm khoảng 9% tổng thu toàn tỉnh.", "9%", "Đồng Hới"),
])
def test_a_tiers_mean_and_a_ranking_group(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- the country a sentence names as the whole its unit belongs to ("Bình Phước trở thành thủ phủ cao su của Việt Nam")
# does not carry to the next sentence -----------------------------------------------------------------------------------
def test_the_whole_a_unit_belongs_to_does_not_carry():
    body = ("Năm 2012, diện tích cao su toàn tỉnh Bình Phước đạt 212.000 ha, Bình Phước trở thành thủ phủ cao su của Việt "
            "Nam. Diện tích cây điều gần 140.000 ha.")
    assert fig(body, "140.000", head=f"Bình Phước 15 năm tái lập\n{DATED}").district == "Bình Phước"


# --- a unit the text names only by its level word ("toàn thành phố", "toàn quận") while it names some of its wards or
# communes: the one unit of that level that holds a ward of each name (by the gazetteer, before and since July 2025),
# weak; nothing when the names fit more than one unit or the text names only one ward -------------------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Tính đến ngày 30/11/2025, toàn thành phố đã kết nạp 1.250 đảng viên mới, đạt 104% chỉ tiêu. Đảng ủy xã Bình "
     "Điền kết nạp 31 đảng viên; Đảng ủy phường Phú Bài kết nạp 44 đảng viên.", "1.250", "Huế"),
    ("Năm 2023, toàn thành phố thu ngân sách được 640 tỷ đồng. Phường Mường Thanh thu 95 tỷ đồng, phường Him Lam thu "
     "70 tỷ đồng.", "640", "Điện Biên Phủ"),
    ("6 tháng đầu năm 2022, toàn quận có 1.920 hộ kinh doanh dùng thanh toán không tiền mặt. Phường Quán Thánh có 310 "
     "hộ, phường Trúc Bạch có 205 hộ.", "1.920", "Ba Đình"),
    # the names fit several provinces, or only one ward is named: the text does not say which unit
    ("Năm 2024, toàn tỉnh kết nạp 2.300 đảng viên. Xã Bình Minh kết nạp 40 đảng viên, phường Tân Định kết nạp 35 "
     "đảng viên.", "2.300", ""),
    ("Năm 2025, toàn thành phố kết nạp 1.100 đảng viên. Xã Bình Điền kết nạp 31 đảng viên.", "1.100", ""),
])
def test_a_unit_said_by_its_level_word_is_the_one_its_named_wards_share(body, quote, place):
    found = fig(body, quote, head=f"Kết quả nổi bật\n{DATED}")
    assert (found.district, "place" in found.weak.split(";")) == (place, True)


# --- a headline in which a city publishes its wards' ranking and names the ward that leads ("Long Xuyên công bố …: Mỹ
# Thới dẫn đầu"), the city named bare in the headline and in full in the text: the city's report; the leader keeps its
# own figures -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Long Xuyên công bố chỉ số CCHC các phường, xã năm 2019: Mỹ Thới dẫn đầu",
     "UBND TP Long Xuyên vừa công bố chỉ số CCHC năm 2019 của 13 phường, xã. Phường Mỹ Thới dẫn đầu với 91,2 điểm."
     "\n\nNăm 2019, có 9/13 phường, xã đạt loại tốt.", "9/13", "Long Xuyên"),
    ("Long Xuyên công bố chỉ số CCHC các phường, xã năm 2019: Mỹ Thới dẫn đầu",
     "UBND TP Long Xuyên vừa công bố chỉ số CCHC năm 2019 của 13 phường, xã. Phường Mỹ Thới dẫn đầu với 91,2 điểm."
     "\n\nNăm 2019, có 9/13 phường, xã đạt loại tốt.", "91,2", "Mỹ Thới"),
    ("Đà Nẵng công bố chỉ số chuyển đổi số cấp xã năm 2025: Hải Châu dẫn đầu",
     "UBND thành phố Đà Nẵng vừa công bố chỉ số chuyển đổi số năm 2025 của 94 phường, xã. Phường Hải Châu dẫn đầu "
     "với 0,82 điểm.\n\nCó 61/94 phường, xã đạt trên 0,6 điểm.", "61/94", "Đà Nẵng"),
])
def test_a_city_that_ranks_its_wards_in_a_headline_is_the_articles_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a count among the parts a unit is made of, after one part named ("toàn tỉnh có thành phố Pleiku và 16 huyện"):
# the whole unit the level word names, not the part -------------------------------------------------------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Sau 30 năm tái lập, tỉnh Ninh Thuận phát triển mạnh. Hiện nay, toàn tỉnh có thành phố Phan Rang - Tháp Chàm và 6 "
     "huyện với 65 xã, phường, thị trấn.", "6 huyện", "Ninh Thuận"),
    ("Sau 30 năm tái lập, tỉnh Ninh Thuận phát triển mạnh. Hiện nay, toàn tỉnh có thành phố Phan Rang - Tháp Chàm và 6 "
     "huyện với 65 xã, phường, thị trấn.", "65", "Ninh Thuận"),
    ("Huyện Cần Giờ có diện tích lớn nhất TP.HCM. Huyện gồm thị trấn Cần Thạnh và 6 xã, dân số hơn 75.000 người.",
     "6 xã", "Cần Giờ"),
])
def test_a_count_of_the_parts_of_a_unit_is_the_wholes(body, quote, place):
    assert placed(body, quote) == place


# --- a rank among the units of a level ("xếp thứ 2/27 xã, phường") ranks a unit of that level: the one named before it
# in its sentence, not a unit of another level named since (the city whose wards they are) ----------------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Phường Vĩnh Hải là 1 trong 4 phường đầu tiên của TP Nha Trang hoàn thành dự toán năm 2023, xếp thứ 3/27 xã, "
     "phường về số thu.", "3/27", "Vĩnh Hải"),
    ("Năm 2022, huyện Cam Lâm đạt 78,2 điểm, cao hơn điểm bình quân của tỉnh Khánh Hòa, xếp thứ 4/9 huyện, thị xã, "
     "thành phố.", "4/9", "Cam Lâm"),
    # the unit named last is of the level ranked: it keeps the rank
    ("Năm 2022, tỉnh Khánh Hòa có huyện Cam Lâm đạt 78,2 điểm; thị xã Ninh Hòa xếp thứ 5/9 huyện, thị xã, thành phố.",
     "5/9", "Ninh Hòa"),
])
def test_a_rank_among_units_of_a_level_ranks_one_of_that_level(body, quote, place):
    assert placed(body, quote) == place


# --- units a list names bare, each before its value in brackets, after one named with its level word ("huyện Yên Thành
# (242 đảng viên), Diễn Châu (231 đảng viên)") or after a level word ("hai phường lân cận là Thành Vinh (81,2%)") -------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Các đảng bộ dẫn đầu là huyện Yên Thành (242 đảng viên), Diễn Châu (231 đảng viên) và Quỳnh Lưu (215 đảng viên).",
     "231", "Diễn Châu"),
    ("Các đảng bộ dẫn đầu là huyện Yên Thành (242 đảng viên), Diễn Châu (231 đảng viên) và Quỳnh Lưu (215 đảng viên).",
     "215", "Quỳnh Lưu"),
    ("Phường Trường Vinh đạt 86,4%, cao hơn hai phường lân cận là Thành Vinh (81,2%) và Vinh Hưng (79,5%).",
     "79,5%", "Vinh Hưng"),
    # a name the gazetteer does not know at that level is no unit
    ("Huyện Yên Thành kết nạp 242 đảng viên, nhiều nhất là Trường THPT Phan Đăng Lưu (31 đảng viên).", "31", "Yên Thành"),
])
def test_units_a_list_names_bare_before_their_values_in_brackets(body, quote, place):
    assert placed(body, quote) == place


# --- a site header in capitals names the portal's unit; a ward the body names once, as an example, is not what the
# site reports on ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "place"), [
    ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN THOẠI SƠN", "Thoại Sơn"), ("CỔNG THÔNG TIN ĐIỆN TỬ THỊ XÃ ĐÔNG TRIỀU", "Đông Triều"),
])
def test_a_site_headers_unit_wins_over_a_ward_named_once(header, place):
    text = (f"{header}\nSơ kết kinh tế - xã hội 6 tháng đầu năm 2021\nNgày đăng: 09/07/2021\n"
            "Sáng ngày 8/7, UBND huyện tổ chức hội nghị sơ kết 6 tháng đầu năm 2021.\n"
            "Thu ngân sách nhà nước trên địa bàn đạt 98,6 tỷ đồng, đạt 61,2% dự toán năm.\n"
            "Toàn huyện có 13/14 xã đạt chuẩn nông thôn mới, trong đó phường Mạo Khê đạt chuẩn văn minh đô thị.\n")
    found = next(f for f in figures(parse_article("a.txt", text.encode())) if f.quote.startswith("98,6"))
    assert found.district == place


# --- a province's city with its own name ("TP Hội An", "TP Tam Kỳ") sits with the province's districts: a province's
# report naming each of them once is the province's, and "TP." abbreviates "thành phố" without ending a sentence ------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Sở Tài chính cho biết tổng thu ngân sách trên địa bàn tỉnh năm 2017 ước đạt 21.350 tỷ đồng.\n\nTrong đó, thu nội "
     "địa ước đạt 16.120 tỷ đồng.\n\nHuyện Núi Thành thu 9.870 tỷ đồng. Thị xã Điện Bàn thu 2.180 tỷ đồng, TP Hội An "
     "1.020 tỷ đồng, TP Tam Kỳ 960 tỷ đồng.", "16.120", "Quảng Nam"),
    ("Toàn tỉnh có 61/84 chợ triển khai thanh toán không dùng tiền mặt.\n\nTP. Thủ Dầu Một dẫn đầu khi 100% chợ đã áp "
     "dụng; TX. Bến Cát có 7/9 chợ; TP. Dĩ An có 1.240 tiểu thương sử dụng mã QR.", "1.240", "Dĩ An"),
])
def test_a_provinces_own_named_city_sits_with_its_districts(body, quote, place):
    assert fig(body, quote, head=f"Thu ngân sách vượt dự toán\n{DATED}").district == place


# --- districts and towns dissolved before the package's data was taken (2019-2020, January 2025) are still units of
# the articles written while they stood --------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Cửa Lò: 6 tháng đầu năm 2019 đón 2,1 triệu lượt khách", "6 tháng đầu năm 2019, thị xã đón 2,1 triệu lượt khách, "
     "doanh thu du lịch ước đạt 1.350 tỷ đồng.", "1.350", "Cửa Lò"),
    ("Thu ngân sách năm 2018 vượt dự toán", "Năm 2018, huyện Hoành Bồ thu ngân sách 612 tỷ đồng, bằng 118% dự toán.",
     "612", "Hoành Bồ"),
    ("Thu ngân sách năm 2022 vượt dự toán", "Năm 2022, huyện Mỹ Lộc thu ngân sách 215 tỷ đồng, bằng 104% dự toán.",
     "215", "Mỹ Lộc"),
])
def test_a_district_dissolved_before_2025_is_still_a_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


def test_a_portals_unit_wins_over_a_higher_unit_named_once_when_the_body_says_its_level_word():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN CẦN GIỜ\nKinh tế - Xã hội\nHuyện tổng kết năm 2017\nNgày cập nhật 22/12/2017\n"
            "Sáng 21/12, HĐND huyện khai mạc kỳ họp cuối năm.\n"
            "Năm 2017, tổng thu ngân sách trên địa bàn huyện đạt 142,6 tỷ đồng. Ngành du lịch đón 1,35 triệu lượt khách.\n"
            "Tốc độ tăng giá trị sản xuất vẫn thấp hơn mức tăng trưởng kinh tế của TP.HCM.\n")
    found = next(f for f in figures(parse_article("a.txt", text.encode())) if f.quote.startswith("1,35"))
    assert found.district == "Cần Giờ"


@pytest.mark.parametrize(("body", "quote", "place"), [
    # where a figure is concentrated is no unit of it
    ("Năm 2018, thành phố Sa Đéc thu 412,7 tỷ đồng. Nguồn thu chủ yếu từ thuế ngoài quốc doanh với 168,4 tỷ đồng, tập "
     "trung ở Phường 1 và phường An Hòa.", "168,4", "Sa Đéc"),
    ("Năm 2020, huyện Đức Trọng có 1.250 ha cà phê tái canh, tập trung chủ yếu tại xã Hiệp An.", "1.250", "Đức Trọng"),
])
def test_where_a_figure_is_concentrated_is_not_its_unit(body, quote, place):
    assert placed(body, quote) == place


@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Cuối năm 2017 toàn huyện Cần Giờ còn 412 hộ nghèo; riêng xã đảo Thạnh An còn 58 hộ nghèo.", "58", "Thạnh An"),
    ("Năm 2020, xã đảo Nhơn Châu đón 12.000 lượt khách.", "12.000", "Nhơn Châu"),
])
def test_an_island_commune_is_a_commune(body, quote, place):
    assert placed(body, quote) == place


@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    # the unit that gives or that a work is done by ("được quận phân cấp", "do huyện làm chủ đầu tư") is not the subject
    ("Phường Hàng Trống giải ngân vốn đầu tư", "Phường Hàng Trống (quận Hoàn Kiếm) giải ngân 8,74 tỷ đồng. Năm 2013, "
     "phường được quận phân cấp làm chủ đầu tư 6 dự án với tổng vốn 9,5 tỷ đồng.", "9,5", "Hàng Trống"),
    ("Xã Tân Thông Hội giải ngân vốn đầu tư", "Xã Tân Thông Hội (huyện Củ Chi) giải ngân 40 tỷ đồng. Năm 2022, xã có 4 "
     "dự án do huyện làm chủ đầu tư với tổng vốn 85 tỷ đồng.", "85", "Tân Thông Hội"),
])
def test_the_unit_that_gives_is_not_the_subject(head, body, quote, place):
    assert placed(body, quote, head) == place


@pytest.mark.parametrize(("body", "quote", "place"), [
    # a measure said of the district with "của huyện" ("tổng số xã đạt chuẩn của huyện lên 4 xã") is the district's
    ("Năm 2016, huyện Mộc Châu có đàn bò sữa 21.600 con. Trong năm, xã Đông Sang đạt chuẩn nông thôn mới, nâng tổng số "
     "xã đạt chuẩn của huyện lên 4 xã.", "4 xã", "Mộc Châu"),
    ("Năm 2019, quận Bình Thạnh có phường 25 đạt 92 điểm; tỷ lệ giải ngân của quận đạt 45,2%.", "45,2%",
     "Bình Thạnh"),
])
def test_a_measure_of_the_district_said_with_cua_huyen_is_the_districts(body, quote, place):
    assert placed(body, quote) == place


@pytest.mark.parametrize(("body", "quote", "place"), [
    # a thing named after a province or a city ("khu đô thị Nam Cần Thơ", "Đại học Cần Thơ") is no mention of it
    ("Năm 2019, quận Cái Răng thu 412,7 tỷ đồng. Trong đó, thu tiền sử dụng đất đạt 168 tỷ đồng, nhờ các dự án khu đô "
     "thị Nam Cần Thơ đẩy mạnh bán hàng.", "168", "Cái Răng"),
    ("Năm 2021, quận Ninh Kiều có 1.250 doanh nghiệp, nhiều nhất quanh Đại học Cần Thơ.", "1.250", "Ninh Kiều"),
])
def test_a_thing_named_after_a_province_is_no_mention_of_it(body, quote, place):
    assert placed(body, quote) == place


def test_a_yardsticks_owner_is_not_what_the_next_sentences_are_about():
    body = ("Tính đến ngày 15/10/2025, đặc khu Cát Hải đã giải ngân 318,4 tỷ đồng, đạt 58,6% kế hoạch vốn, thấp hơn mức "
            "bình quân 63,2% của thành phố Hải Phòng. Trong số 27 dự án, có 11 dự án đã giải ngân trên 70%.")
    assert fig(body, "11 dự án", head=f"Đặc khu Cát Hải đẩy nhanh giải ngân\n{DATED}").district == "Cát Hải"
    assert fig(body, "63,2%", head=f"Đặc khu Cát Hải đẩy nhanh giải ngân\n{DATED}").district == "Hải Phòng"


@pytest.mark.parametrize(("body", "quote", "place"), [
    # where people or goods go ("để ra Phú Quốc", "xuất khẩu sang …") is no subject
    ("9 tháng năm 2019, TP Rạch Giá đón 1.146.500 lượt khách. Trong đó, khách quốc tế đạt 28.640 lượt, chủ yếu là khách "
     "quá cảnh để ra Phú Quốc. Doanh thu du lịch ước đạt 1.024 tỷ đồng.\n\nCùng kỳ, huyện đảo Phú Quốc đón 4 triệu lượt "
     "khách.", "1.024", "Rạch Giá"),
    ("Năm 2022, tỉnh Lạng Sơn có 1.250 doanh nghiệp xuất khẩu, đưa hàng sang Trung Quốc; thu ngân sách đạt 7.100 tỷ đồng.",
     "7.100", "Lạng Sơn"),
])
def test_where_people_or_goods_go_is_no_subject(body, quote, place):
    assert placed(body, quote) == place


@pytest.mark.parametrize(("body", "quote"), [
    # the country's provinces counted ("24/63 tỉnh, thành phố") are the country's, whichever province leads the report
    ("Theo đó, Quảng Ninh tiếp tục dẫn đầu với 91,04%. Có 24/63 tỉnh, thành phố đạt kết quả cao hơn giá trị trung bình.",
     "24/63"),
    ("Năm 2025, tỉnh Quảng Ninh đạt 91,2 điểm; có 20/34 tỉnh, thành có điểm số trên 85.", "20/34"),
])
def test_the_countrys_provinces_counted_are_the_countrys(body, quote):
    assert fig(body, quote, head=f"Quảng Ninh dẫn đầu Chỉ số cải cách hành chính\n{DATED}").district == "Việt Nam"


# --- the group a headline's leader leads ("Từ Sơn dẫn đầu tỉnh Bắc Ninh về thu ngân sách") is not whose report it is:
# the leader's, though the group is named with its level word and the leader bare -----------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Hội An dẫn đầu tỉnh Quảng Nam về thu ngân sách quý I",
     "Quý I/2023, thu ngân sách trên địa bàn thành phố đạt 310 tỷ đồng, bằng 30% dự toán.\n\nToàn tỉnh thu 5.200 tỷ "
     "đồng.\n\nThu từ du lịch của thành phố đạt 120 tỷ đồng.", "120", "Hội An"),
    ("Dĩ An đứng đầu các địa phương của Bình Dương về chỉ số cải cách hành chính",
     "Năm 2023, thành phố đạt 91,4 điểm, tăng 2,1 điểm.\n\nTỉnh Bình Dương xếp thứ 5 cả nước.\n\nThành phố có 100% hồ "
     "sơ được giải quyết đúng hạn.", "100%", "Dĩ An"),
    # (a province that announces a ranking its headline's leader tops stays the province's report)
    ("Bắc Ninh công bố Chỉ số CCHC: TP Từ Sơn lần đầu dẫn đầu khối cấp huyện",
     "Năm 2023, chỉ số cải cách hành chính của tỉnh đạt 88,1%.\n\nTP Từ Sơn đạt 90,2%.\n\nTỉnh có 98% hồ sơ đúng hạn.",
     "98%", "Bắc Ninh"),
])
def test_the_group_a_headlines_leader_leads_is_not_whose_report_it_is(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- the money of a higher unit's budget ("vốn ngân sách tỉnh hỗ trợ", "nguồn ngân sách thành phố") is whose money it
# is, not who spends it: the figure stays the unit the article is about -----------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Cẩm Phả: Giải ngân vốn đầu tư công 9 tháng đạt 68%",
     "Đến ngày 30/9/2023, thành phố Cẩm Phả đã giải ngân 540 tỷ đồng vốn đầu tư công. Trong đó, vốn ngân sách tỉnh "
     "hỗ trợ giải ngân 210 tỷ đồng, đạt 74%.", "210", "Cẩm Phả"),
    ("Cẩm Phả: Giải ngân vốn đầu tư công 9 tháng đạt 68%",
     "Đến ngày 30/9/2023, thành phố Cẩm Phả đã giải ngân 540 tỷ đồng vốn đầu tư công. Trong đó, vốn ngân sách tỉnh "
     "hỗ trợ giải ngân 210 tỷ đồng, đạt 74%.", "74%", "Cẩm Phả"),
    ("Phù Cát đẩy nhanh xây dựng nông thôn mới",
     "Năm 2022, huyện Phù Cát huy động 312 tỷ đồng cho nông thôn mới, trong đó nguồn ngân sách tỉnh chiếm khoảng 35%.",
     "35%", "Phù Cát"),
])
def test_a_higher_units_budget_money_is_spent_by_the_articles_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a level word said alone after an official of a unit of that level ("Phó Chủ tịch UBND quận Sơn Trà cho biết, năm
# 2016 quận thu …") points back to the official's unit, though the official is no subject; a year before the level
# word ("năm 2016 quận") is no count of units ------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Công bố chỉ số DDCI: Hải Châu dẫn đầu khối quận, huyện",
     "Quận Hải Châu đạt 72,15 điểm, xếp thứ nhất.\n\nPhó Chủ tịch UBND quận Sơn Trà cho biết, năm 2016 quận thu ngân "
     "sách 1.510 tỷ đồng, đạt 108% dự toán.", "1.510", "Sơn Trà"),
    ("Công bố chỉ số DDCI: Hải Châu dẫn đầu khối quận, huyện",
     "Quận Hải Châu đạt 72,15 điểm, xếp thứ nhất.\n\nPhó Chủ tịch UBND quận Sơn Trà cho biết, năm 2016 quận thu ngân "
     "sách 1.510 tỷ đồng, đạt 108% dự toán; quận giải quyết 99,2% hồ sơ đúng hạn.", "99,2%", "Sơn Trà"),
    ("Huyện Krông Pắc dẫn đầu thu ngân sách",
     "Năm 2020, huyện Krông Pắc thu 310 tỷ đồng.\n\nChủ tịch UBND huyện Cư M'gar cho biết, năm 2020 huyện thu 280 tỷ "
     "đồng.", "280", "Cư M'gar"),
])
def test_a_level_word_after_an_official_points_back_to_the_officials_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a province's name that opens a city's or a district's ("Điện Biên" in "Điện Biên Phủ", "Điện Biên Đông") is no
# mention of the province there --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Điện Biên Phủ hoàn thành và vượt 17/17 chỉ tiêu năm 2017",
     "Năm 2017, thành phố Điện Biên Phủ (tỉnh Điện Biên) hoàn thành 17/17 chỉ tiêu.\n\nThu ngân sách trên địa bàn đạt "
     "318 tỷ đồng, bằng 127% dự toán tỉnh giao.", "318", "Điện Biên Phủ"),
    ("Điện Biên Đông giảm nghèo nhanh",
     "Năm 2022, huyện Điện Biên Đông giảm tỷ lệ hộ nghèo còn 38,5%.\n\nHuyện đã làm mới 120 căn nhà.", "120",
     "Điện Biên Đông"),
    # (the province named bare stays the province)
    ("Điện Biên thu ngân sách năm 2022 vượt dự toán",
     "Năm 2022, tỉnh Điện Biên thu 1.250 tỷ đồng.\n\nĐiện Biên có 10 huyện, thị xã, thành phố.", "1.250", "Điện Biên"),
])
def test_a_provinces_name_inside_a_citys_is_the_city(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a ward whose name ends in a letter ("phường Bình Hưng Hòa A", "phường Tân Tạo A") is that ward, not the one
# without the letter ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Phường Bình Hưng Hòa A dẫn đầu chỉ số cải cách hành chính",
     "Năm 2013, phường Bình Hưng Hòa A đạt 92,35 điểm, xếp thứ nhất trong các phường của quận Bình Tân.\n\nPhường "
     "tiếp nhận 14.562 hồ sơ.", "14.562", "Bình Hưng Hòa A"),
    ("Thu ngân sách các phường quận Bình Tân",
     "Năm 2013, phường Bình Hưng Hòa thu 95 tỷ đồng; phường Bình Hưng Hòa B thu 60 tỷ đồng.", "60", "Bình Hưng Hòa B"),
    ("Thu ngân sách các phường quận Bình Tân",
     "Năm 2013, phường Bình Hưng Hòa B thu 60 tỷ đồng; phường Bình Hưng Hòa thu 95 tỷ đồng.", "95", "Bình Hưng Hòa"),
])
def test_a_ward_named_with_a_letter_is_that_ward(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a level word after "giáp", "kề", "cạnh" names a neighbour ("Huyện Vũ Thư, giáp thành phố, năm 2016 thu …"), not
# the subject; nor is a unit after "gấp … lần" ("cao gấp 3,4 lần Cửa Lò") --------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("TP Thái Bình hoàn thành 18/19 chỉ tiêu năm 2016",
     "Năm 2016, thành phố Thái Bình thu ngân sách 820 tỷ đồng.\n\nHuyện Vũ Thư, giáp thành phố, năm 2016 thu 310 tỷ "
     "đồng.", "310", "Vũ Thư"),
    ("Phan Rang - Tháp Chàm thu ngân sách 9 tháng",
     "9 tháng năm 2021, thành phố Phan Rang - Tháp Chàm thu 410 tỷ đồng.\n\nHuyện Ninh Hải, nằm cạnh thành phố, thu 162 "
     "tỷ đồng.", "162", "Ninh Hải"),
    # (also a neighbour named: "Tại xã Biển Hồ, giáp TP Pleiku, 4 điểm dịch vụ …")
    ("Chư Păh phát triển du lịch nông nghiệp",
     "Năm 2016, huyện Chư Păh đón 52.000 lượt khách.\nTại xã Hòa Phú, giáp TP Pleiku, 4 điểm dịch vụ trải nghiệm đã đón "
     "trên 9.000 lượt khách.", "9.000", "Hòa Phú"),
])
def test_a_neighbour_is_not_the_subject(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a one-word name opening a headline as its subject ("Vinh thu ngân sách …", "Pleiku: …") names the article's unit
# once the body names it in full; a unit the headline compares with ("gấp 3,4 lần Cửa Lò") is not the article's -------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Vinh thu ngân sách cao gấp 3,4 lần Cửa Lò",
     "Năm 2023, tổng thu ngân sách trên địa bàn TP Vinh đạt 2.716 tỷ đồng.\n\nThu nhập bình quân đầu người của thành "
     "phố đạt 92 triệu đồng/năm.\n\nThị xã Cửa Lò thu 798 tỷ đồng.", "92", "Vinh"),
    ("Pleiku: Thu ngân sách 10 tháng đạt 85% dự toán",
     "10 tháng năm 2024, thu ngân sách trên địa bàn thành phố Pleiku đạt 1.120 tỷ đồng.\n\nHuyện Chư Păh thu 95 tỷ đồng."
     "\n\nThành phố đã giải ngân 61% kế hoạch vốn.", "61%", "Pleiku"),
    # (a one-word name inside a longer one opens nothing: "Vinh Tân dẫn đầu khối phường")
    ("Vinh Tân dẫn đầu khối phường về thu ngân sách",
     "Năm 2023, phường Vinh Tân thu 36,5 tỷ đồng.\n\nPhường có 100% hộ kinh doanh kê khai thuế điện tử.", "100%",
     "Vinh Tân"),
])
def test_a_one_word_name_opening_a_headline_names_its_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a province's city named in full once ("TP Đà Lạt") may then be named bare ("thấp hơn Đà Lạt (1.650 tỷ đồng)",
# "Châu Đốc đón 1,4 triệu lượt khách"), as a district or a ward may ---------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Thu nhập bình quân của Đà Lạt cao nhất tỉnh",
     "Năm 2019, TP Đà Lạt có thu nhập bình quân đầu người 79,5 triệu đồng.\n\nTP Bảo Lộc thu ngân sách 1.125 tỷ đồng, "
     "thấp hơn Đà Lạt (1.650 tỷ đồng).", "1.650", "Đà Lạt"),
    ("An Giang đón khách du lịch quý I",
     "Quý I/2016, tỉnh An Giang đón 2,1 triệu lượt khách; thành phố Châu Đốc là điểm đến chính.\n\nRiêng Châu Đốc đón "
     "1,4 triệu lượt khách.", "1,4", "Châu Đốc"),
])
def test_a_provinces_city_named_bare_after_its_full_name(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- where a sum came from, said after it ("đạt 1.540 tỷ đồng từ các phiên đấu giá tại phường Thạch Bàn và phường Phúc
# Lợi"): the unit that collects it is the subject, not the wards where the land lies -----------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quận Long Biên: Thu ngân sách quý I đạt 41% dự toán",
     "Quý I/2025, tổng thu ngân sách trên địa bàn quận Long Biên đạt 2.315 tỷ đồng.\nTrong đó, thu tiền sử dụng đất "
     "đạt 1.540 tỷ đồng từ các phiên đấu giá tại phường Thạch Bàn và phường Phúc Lợi.", "1.540", "Long Biên"),
    ("Huyện Đông Anh thu ngân sách năm 2023",
     "Năm 2023, huyện Đông Anh thu 6.200 tỷ đồng.\nThu tiền sử dụng đất đạt 4.100 tỷ đồng, chủ yếu từ đấu giá đất ở "
     "xã Xuân Canh.", "4.100", "Đông Anh"),
])
def test_where_a_sum_came_from_is_not_its_subject(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a commune the headline names bare as its subject ("Vạn Phúc: Gian nan …"), held by a unit the text names ("huyện
# Thanh Trì") and spoken of by its level word ("toàn xã"), is the article's unit; not when the body never says "xã" ----
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Vạn Phúc: Gian nan vận động người dân mua BHYT",
     "Là xã thuần nông của huyện Thanh Trì (Hà Nội), Vạn Phúc có hơn 9.200 nhân khẩu.\n\nTính đến ngày 30/9/2011, toàn "
     "xã mới có 5.236 người tham gia BHYT.", "5.236", "Vạn Phúc"),
    ("Vạn Phúc: Gian nan vận động người dân mua BHYT",
     "Là xã thuần nông của huyện Thanh Trì (Hà Nội), Vạn Phúc có hơn 9.200 nhân khẩu.\n\nTính đến ngày 30/9/2011, toàn "
     "xã mới có 5.236 người tham gia BHYT.", "9.200", "Vạn Phúc"),
    ("Thanh Trì: Thu ngân sách đạt khá",
     "Năm 2011, huyện Thanh Trì thu 820 tỷ đồng.\n\nHuyện có 16 xã, thị trấn.", "820", "Thanh Trì"),
])
def test_a_commune_named_bare_in_the_headline_is_the_articles_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a level word that names who set a plan ("đạt 153% chỉ tiêu Huyện ủy giao, trong đó 16 người …") is not the
# subject of the figures after it ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Đảng bộ thị trấn Lam Sơn phát triển đảng viên",
     "Năm 2021, Đảng bộ thị trấn Lam Sơn (huyện Thọ Xuân) kết nạp 23 đảng viên mới, đạt 153% chỉ tiêu Huyện ủy giao, "
     "trong đó 16 người là đoàn viên ưu tú.", "16", "Lam Sơn"),
    ("Phường Tân Định thu ngân sách vượt dự toán",
     "Năm 2022, phường Tân Định (Quận 1) thu 120 tỷ đồng, bằng 112% dự toán quận giao, trong đó thu phí 14 tỷ đồng.",
     "14", "Tân Định"),
])
def test_who_set_a_plan_named_by_its_level_word_is_not_the_subject(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a measure said of the unit with "của" after a long name and a year ("Chỉ số cải cách hành chính (PAR Index) năm
# 2022 của thành phố đạt 89,12%") is that unit's; not a standard ("tỷ lệ hộ nghèo theo chuẩn của tỉnh") ---------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Đảng bộ TP Long Xuyên lãnh đạo cải thiện môi trường đầu tư",
     "Năm 2022, TP Long Xuyên đạt 72,46 điểm Chỉ số DDCI tỉnh An Giang. Chỉ số cải cách hành chính (PAR Index) năm 2022 "
     "của thành phố đạt 89,12%.", "89,12%", "Long Xuyên"),
    ("Huyện Long Thành phát triển công nghiệp",
     "Năm 2024, huyện Long Thành thu 2.100 tỷ đồng.\nGiá trị sản xuất công nghiệp tăng 9,8%; tỷ lệ hộ nghèo theo chuẩn "
     "của tỉnh giảm còn 0,12%.", "0,12%", "Long Thành"),
    # (a commune's: "Tỷ lệ hộ nghèo của xã" in a city's article about one of its communes)
    ("Xã cù lao của TP Biên Hòa về đích nông thôn mới",
     "Ngày 20/3, UBND tỉnh Đồng Nai công bố xã Hiệp Hòa (TP Biên Hòa) đạt chuẩn nông thôn mới năm 2024.\nLà xã cù lao, "
     "Hiệp Hòa có thu nhập bình quân năm 2024 đạt 98,6 triệu đồng, gấp 1,4 lần mức chung của các xã trong tỉnh.\nTỷ lệ "
     "hộ nghèo của xã giảm còn 0,12%.",
     "0,12%", "Hiệp Hòa"),
    # (a unit's fund: "Quỹ xóa đói giảm nghèo của quận đã cho 263 lượt hộ vay", after a ward named as the first to …)
    ("Quận Phú Nhuận giảm 412 hộ nghèo", "Năm 2010, quận Phú Nhuận giúp 412 hộ thoát nghèo. Phường 11 là đơn vị đầu tiên của "
     "quận không còn hộ nghèo. Quỹ xóa đói giảm nghèo của quận đã cho 263 lượt hộ vay.", "263", "Phú Nhuận"),
    # (six words between the measure and "của": "tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh")
    ("Huyện Mường Tè đẩy mạnh dịch vụ công",
     "Năm 2024, huyện Mường Tè tiếp nhận 5.200 hồ sơ trực tuyến. Cả năm, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt "
     "48,3%.", "48,3%", "Lai Châu"),
])
def test_a_measure_of_the_unit_after_a_long_name(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- an opening that says what the subject is ("Là phường trung tâm của TP Thanh Hóa, diện tích chỉ 1,12 km2 …,
# Trường Thi đã …") names the unit it belongs to, not the subject ------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Phường Trường Thi: Năm 2011 huy động hơn 42 tỷ đồng chỉnh trang đô thị",
     "Là phường trung tâm của TP Thanh Hóa, diện tích chỉ 1,12 km2 với hơn 12.000 nhân khẩu, Trường Thi đã chọn khâu "
     "đột phá là huy động nguồn lực.", "12.000", "Trường Thi"),
    ("Xã Tân Thông Hội xây dựng nông thôn mới kiểu mẫu",
     "Là xã cửa ngõ thuộc huyện Củ Chi, rộng 18 km2, Tân Thông Hội có 42.000 dân.", "18", "Tân Thông Hội"),
])
def test_an_opening_that_says_what_the_subject_is_names_its_parent_not_it(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a contest's level ("đạt giải cấp tỉnh", "học sinh giỏi cấp huyện") is no mention of the province or the district --
@pytest.mark.parametrize("quote", ["27 học sinh", "9 học sinh", "3"])
def test_a_contests_level_is_no_unit(quote):
    head = "Thị trấn Trung Phước tổng kết năm học"
    body = ("Năm học 2023-2024, thị trấn Trung Phước (huyện Nông Sơn, tỉnh Quảng Nam) có 612 học sinh.\n"
            "Thị trấn có 27 học sinh đạt giải cấp huyện, 9 học sinh giỏi cấp tỉnh, nhiều hơn 3 giải so với năm học trước.")
    assert placed(body, quote, head) == "Trung Phước"


# --- words that say what kind of unit it is between its level word and its name ("xã vùng cao Kỳ Thượng", "xã kết nghĩa
# …") keep the mention; "Các huyện …" with a capital is a plural, not a subject; a province's city that was a town when
# the article was written is "thị xã" in the body ("Ngã Bảy: …" over "trên địa bàn thị xã") ----------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Bãi Cháy chung sức cùng xã vùng cao Kỳ Thượng",
     "Năm 2020, phường Bãi Cháy ủng hộ 2,1 tỷ đồng cho xã kết nghĩa Kỳ Thượng.\nNăm 2020, Kỳ Thượng đạt thêm 4 tiêu chí; tỷ lệ "
     "hộ nghèo của xã còn 11,2%.", "11,2%", "Kỳ Thượng"),
    ("Quảng Ngãi kết nạp 2.180 đảng viên", "Năm 2021, tỉnh Quảng Ngãi kết nạp 2.180 đảng viên. Các huyện miền núi Ba Tơ "
     "và Sơn Hà lần lượt đạt 121% và 115% chỉ tiêu. Đảng viên là đoàn viên thanh niên chiếm 68,2%.", "68,2%", "Quảng Ngãi"),
    ("Ngã Bảy: 9 tháng thu ngân sách đạt 78% dự toán", "Chín tháng năm 2015, tổng thu ngân sách trên địa bàn thị xã đạt "
     "62,4 tỷ đồng. Các phường Ngã Bảy, Lái Hiếu tiếp tục chỉnh trang đô thị; xã Tân Thành đạt 17/19 tiêu chí.", "62,4",
     "Ngã Bảy"),
])
def test_a_units_kind_between_its_level_word_and_its_name_and_a_capital_plural(head, body, quote, place):
    assert placed(body, quote, head) == place


def test_a_measure_said_of_a_ward_or_commune_with_cua_names_its_level():
    from districtbook.extraction.extract import _measures_of_unit
    text = "Tỷ lệ hộ nghèo của xã giảm còn 0,12%; thu nhập bình quân của phường đạt 98 triệu đồng"
    assert [m["unit"] for m in _measures_of_unit(text, 0, len(text))] == ["xã", "phường"]


# --- the group a unit leads or belongs to, said with "của" ("là địa phương đi đầu của huyện Đại Lộc") is not what the
# sentences after it are about ------------------------------------------------------------------------------------------
def test_the_group_a_unit_leads_is_not_what_follows_is_about():
    body = ("Năm 2024, thị trấn Nam Phước tiếp tục là địa phương đi đầu của huyện Duy Xuyên trong xây dựng nông thôn mới. "
            "9 tháng đầu năm 2024, toàn thị trấn đã huy động hơn 14,6 tỷ đồng để đầu tư hạ tầng.")
    assert placed(body, "14,6", "Thị trấn Nam Phước góp sức xây dựng huyện nông thôn mới nâng cao") == "Nam Phước"


# --- the units listed after one compared with ("chỉ sau Bắc Ninh và Hải Phòng") are compared with too; a digest's item
# opened by a unit's bare name and a colon ("- Thọ Xuân: …") is about that unit ------------------------------------------
def test_units_listed_after_a_compared_one_and_a_digests_item_heads():
    body = ("Năm 2025, GRDP của tỉnh Hưng Yên tăng 9,1%, cao thứ 4 cả nước, chỉ sau Bắc Ninh và Hải Phòng. Trong đó, khu vực "
            "công nghiệp tăng 12,3%.")
    assert placed(body, "12,3%") == "Hưng Yên"
    body = ("Tổng hợp tin từ các huyện của tỉnh Thanh Hóa.\nNhư Xuân: Năm 2020, huyện thu ngân sách được 85 tỷ đồng.\n"
            "- Thọ Xuân: Năm 2020, huyện kết nạp 320 đảng viên.")
    assert [placed(body, q, "Tin vắn") for q in ("85", "320")] == ["Như Xuân", "Thọ Xuân"]


# --- a time named after a merger ("Trước thời điểm hợp nhất, …") does not make the units after it parts of the merger --
def test_units_after_a_time_named_after_a_merger_are_subjects():
    body = ("Trước thời điểm hợp nhất, 6 tháng đầu năm, TP Cần Thơ xuất khẩu đạt 1,18 tỷ USD, tỉnh Sóc Trăng đạt 0,92 tỷ USD "
            "và tỉnh Hậu Giang đạt 0,43 tỷ USD.")
    assert [placed(body, q) for q in ("1,18", "0,92", "0,43")] == ["Cần Thơ", "Sóc Trăng", "Hậu Giang"]


# --- a numbered district after its party committee ("Quận ủy Quận 1"); a unit named as the agent of a passive ("được
# UBND tỉnh công nhận") is not the subject; a bare level word before a figure it owns ("của huyện là 320 tỷ đồng") is
# the unit of that level its clause named last, not the article's first ---------------------------------------------------
def test_a_committees_numbered_district_an_agent_and_the_level_word_of_the_unit_just_named():
    body = "TP.HCM - Theo Ban Tuyên giáo Quận ủy Quận 1, 9 tháng năm 2016, quận đã giải ngân 312,5 tỷ đồng."
    assert placed(body, "312,5") == "Quận 1"
    body = ("Năm 2014, tỉnh Nghệ An có thêm 21 xã đạt chuẩn nông thôn mới.\nXã Quỳnh Hưng: Xã vừa được UBND tỉnh công nhận "
            "đạt 19/19 tiêu chí; thu nhập bình quân đầu người đạt 24,5 triệu đồng.")
    assert [placed(body, q) for q in ("19/19", "24,5")] == ["Quỳnh Hưng", "Quỳnh Hưng"]
    body = ("Tổng hợp tin từ các huyện của tỉnh Thanh Hóa.\nHuyện Như Xuân: Năm 2020, huyện thu ngân sách được 85 tỷ đồng.\n"
            "Huyện Thọ Xuân: Vốn đầu tư năm 2020 của huyện là 320 tỷ đồng.")
    assert [placed(body, q, "Tin vắn") for q in ("85", "320")] == ["Như Xuân", "Thọ Xuân"]


# --- "xã" in "an sinh xã hội", "xã viên", "hợp tác xã", "đường trục xã" is no commune the figure is about ------------------
@pytest.mark.parametrize(("body", "quote", "place"), [
    ("Năm 2025, thành phố Cao Lãnh chi 38,2 tỷ đồng thực hiện chính sách an sinh xã hội, tăng 11,5% so với cùng kỳ.\n"
     "Xã Tân Thuận Tây có tỷ lệ hộ nghèo 1,35%.", "11,5", "Cao Lãnh"),
    ("Năm 2016, xã Bình Đông đạt 17 tiêu chí. Cũng trong năm, thị xã Gò Công xây mới 12 cầu, nâng tỷ lệ đường trục xã được "
     "cứng hóa lên 96,4%.", "96,4", "Gò Công"),
    ("Năm 2023, xã Phú Thọ có 3 hợp tác xã. Huyện Phú Tân có 45 hợp tác xã nông nghiệp, doanh thu bình quân của mỗi hợp tác "
     "xã đạt 1,2 tỷ đồng.", "1,2", "Phú Tân"),
])
def test_society_members_cooperatives_and_roads_are_no_commune(body, quote, place):
    assert placed(body, quote) == place


# --- "thị trấn" alone points back to the town named before, like "xã" and "phường" do --------------------------------------
def test_a_bare_thi_tran_is_the_town_named_before():
    body = ("Năm 2011, sản lượng nghêu của huyện Cần Giờ đạt 7.800 tấn. Thị trấn Cần Thạnh là nơi tập trung các vựa thu mua "
            "lớn nhất huyện.\nNăm nay, thị trấn có 212 hộ nuôi nghêu.")
    assert placed(body, "212", "Nghêu Cần Giờ vững bước ra thị trường") == "Cần Thạnh"


# --- a unit named as the agent of a passive ("được UBND TP.HCM công nhận") is no subject; a part a sentence singles out
# ("Riêng phường Mỹ An có …") is not what the sentences after it are about; a name after "đảo" is the island ----------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Củ Chi: 20/20 xã đạt chuẩn nông thôn mới", "Tính đến cuối năm 2016, 20/20 xã của huyện Củ Chi đã được UBND TP.HCM "
     "công nhận đạt chuẩn, thu nhập bình quân khu vực nông thôn đạt 46,8 triệu đồng/năm.", "46,8", "Củ Chi"),
    ("Khách tham quan tăng mạnh", "Đến cuối năm 2012, quận Ngũ Hành Sơn có 82 cơ sở lưu trú. Riêng phường Mỹ An có 41 cơ sở "
     "lưu trú. Thu ngân sách trên địa bàn ước đạt 412 tỷ đồng, vượt 12% dự toán.", "412", "Ngũ Hành Sơn"),
    ("Cát Hải thu ngân sách vượt dự toán", "Năm 2010, thu ngân sách trên địa bàn huyện Cát Hải đạt 86,4 tỷ đồng. Trong "
     "đó, thu từ du lịch trên đảo Cát Bà chiếm khoảng 42%. Thu tiền sử dụng đất đạt 18,2 tỷ đồng. Thị trấn Cát Bà thu 31,7 "
     "tỷ đồng.", "18,2", "Cát Hải"),
])
def test_an_agent_a_part_singled_out_and_an_island_are_no_subjects(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- whose poverty standard it is ("theo chuẩn nghèo thành phố") names no subject; a unit's office ("bộ phận tiếp nhận và
# trả kết quả của quận") is that unit's, as its measures are -------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quận 12 đạt 22/24 chỉ tiêu năm 2022", "Năm 2022, Quận 12 đạt và vượt 22/24 chỉ tiêu. Cuối năm 2022, tỷ lệ hộ nghèo "
     "theo chuẩn nghèo thành phố còn 0,34%.", "0,34", "Quận 12"),
    ("Ninh Kiều dẫn đầu chỉ số cải cách hành chính của Cần Thơ", "Theo kết quả công bố chỉ số cải cách hành chính năm 2016 "
     "của TP Cần Thơ, quận Ninh Kiều đạt 87,35 điểm.\nỞ cấp thành phố, năm 2016 Cần Thơ xếp thứ 16/63 tỉnh, thành.\nTrong 9 "
     "tháng năm 2017, bộ phận tiếp nhận và trả kết quả của quận tiếp nhận 28.465 hồ sơ.", "28.465", "Ninh Kiều"),
])
def test_a_standards_owner_is_no_subject_and_a_units_office_is_its(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a national report that ranks provinces, naming its leader twice, is the country's; an office's ministry in
# brackets ("Theo Cục Thống kê (Bộ Tài chính)") and "Báo cáo của Bộ …" name who reports, not a subject; a region's
# article stays the region's ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quý II/2023: 21 tỉnh, thành phố có GRDP tăng trên 7%", "Theo Cục Thống kê (Bộ Tài chính), tổng sản phẩm trong "
     "nước quý II ước tăng 4,14% so với cùng kỳ. Bắc Giang dẫn đầu với mức tăng 13,2%, tiếp theo là Thái Nguyên tăng 10,4% "
     "và Ninh Bình tăng 9,6%.\n\nBắc Giang có chỉ số sản xuất công nghiệp tăng 26,1%; Thái Nguyên tăng 12%.", "4,14",
     "Việt Nam"),
    ("Quý II/2023: 21 tỉnh, thành phố có GRDP tăng trên 7%", "Theo Cục Thống kê (Bộ Tài chính), tổng sản phẩm trong "
     "nước quý II ước tăng 4,14% so với cùng kỳ. Bắc Giang dẫn đầu với mức tăng 13,2%, tiếp theo là Thái Nguyên tăng 10,4% "
     "và Ninh Bình tăng 9,6%.\n\nBắc Giang có chỉ số sản xuất công nghiệp tăng 26,1%; Thái Nguyên tăng 12%.", "10,4",
     "Thái Nguyên"),
    ("Thu ngân sách 9 tháng đạt 78% dự toán", "Báo cáo của Bộ Tài chính cho thấy, thu ngân sách nhà nước 9 tháng ước đạt "
     "1.120.000 tỷ đồng, bằng 78% dự toán. Quảng Ninh thu 38.200 tỷ đồng, Bình Dương thu 44.100 tỷ đồng. Quảng Ninh vượt "
     "tiến độ nhờ thu từ than; Đồng Nai thu 39.000 tỷ đồng.", "1.120.000", "Việt Nam"),
    ("Bắc Trung Bộ: Tăng trưởng năm 2022 cao hơn bình quân cả nước", "Theo số liệu Tổng cục Thống kê, năm 2022 GRDP vùng "
     "Bắc Trung Bộ tăng 8,2%. Thanh Hóa dẫn đầu với 10,7%, Nghệ An tăng 8,4%, Hà Tĩnh tăng 7,9%.\n\nQuy mô kinh tế toàn "
     "vùng đạt 915.000 tỷ đồng, trong đó riêng Thanh Hóa đạt 264.000 tỷ đồng.", "915.000", "Bắc Trung Bộ"),
])
def test_a_national_ranking_is_the_countrys_and_a_regions_the_regions(head, body, quote, place):
    assert placed(body, quote, head) == place


def test_a_provinces_whole_party_is_no_national_source():
    from districtbook.extraction.extract import _NATIONAL_SOURCE
    assert _NATIONAL_SOURCE.search("kết nạp đảng viên trong toàn Đảng năm 2023")
    assert _NATIONAL_SOURCE.search("các cấp ủy trong toàn Đảng bộ tỉnh đã kết nạp 2.146 đảng viên") is None


# --- "Huế" named bare is the city (centrally run since 2025); a unit's own product called "GDP" ("tổng sản phẩm trên
# địa bàn (GDP)") is no national source; a portal's header in lower case ("Cổng Thông tin điện tử tỉnh …") names the
# portal's unit over a commune named once as an example -----------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Thu ngân sách Huế năm 2025 vượt 15 nghìn tỷ đồng", "Năm 2025, năm đầu tiên Huế là thành phố trực thuộc Trung ương, "
     "tổng thu ngân sách nhà nước trên địa bàn đạt 15.320 tỷ đồng. Thu nội địa của Huế đạt 11.200 tỷ đồng.", "15.320", "Huế"),
    ("Huế: Xuất khẩu 6 tháng tăng 14%", "6 tháng đầu năm 2023, kim ngạch xuất khẩu của Thừa Thiên Huế đạt 512 triệu USD. "
     "Thu ngân sách trên địa bàn tỉnh đạt 4.120 tỷ đồng, bằng 53% dự toán.", "4.120", "Thừa Thiên Huế"),
    ("Phường Phú Hội đón khách dịp lễ hội", "Trong 9 tháng năm 2018, các cơ sở lưu trú trên địa bàn phường Phú Hội đón "
     "khoảng 81.000 lượt khách, trong đó có đóng góp lớn từ dịp Festival Huế 2018.", "81.000", "Phú Hội"),
    ("Cổng Thông tin điện tử tỉnh Đắk Nông\nKinh tế 6 tháng năm 2014: thu ngân sách đạt 52% dự toán",
     "Chiều 4/7, UBND tỉnh họp phiên thường kỳ. Theo báo cáo, 6 tháng năm 2014, tổng sản phẩm trên địa bàn (GDP) ước tăng "
     "8,1% so với cùng kỳ. Thu ngân sách ước đạt 612 tỷ đồng, bằng 52% dự toán. Riêng xã Nâm N'Jang (huyện Đắk Song) đã "
     "đạt 15/19 tiêu chí nông thôn mới.", "612", "Đắk Nông"),
    ("Cổng Thông tin điện tử tỉnh Đắk Nông\nKinh tế 6 tháng năm 2014: thu ngân sách đạt 52% dự toán",
     "Chiều 4/7, UBND tỉnh họp phiên thường kỳ. Theo báo cáo, 6 tháng năm 2014, tổng sản phẩm trên địa bàn (GDP) ước tăng "
     "8,1% so với cùng kỳ. Thu ngân sách ước đạt 612 tỷ đồng, bằng 52% dự toán. Riêng xã Nâm N'Jang (huyện Đắk Song) đã "
     "đạt 15/19 tiêu chí nông thôn mới.", "8,1", "Đắk Nông"),
])
def test_hue_bare_a_local_gdp_and_a_portal_header_in_lower_case(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a tier ("sắp xếp cấp xã", "các đảng bộ cấp huyện"), two levels counted together ("ba đảng bộ tỉnh, thành phố cũ")
# and a city's police party committee ("Đảng bộ Công an thành phố") name no unit: the article's unit goes on -----------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Đảng bộ TP Hải Phòng kết nạp 3.120 đảng viên trong 9 tháng", "9 tháng năm 2025, Đảng bộ thành phố Hải Phòng kết "
     "nạp 3.120 đảng viên. Trong đó, 6 tháng đầu năm, hai đảng bộ tỉnh, thành phố cũ kết nạp 2.050 đảng viên.\n\nĐảng bộ "
     "thành phố có 9 đảng bộ trực thuộc, trong đó có Đảng bộ Công an thành phố. Tổng số tổ chức cơ sở đảng là 1.210, "
     "giảm 280 tổ chức do kết thúc hoạt động các đảng bộ cấp huyện và sắp xếp cấp xã. Phường Lê Chân kết nạp 61 đảng "
     "viên.", "1.210", "Hải Phòng"),
    ("Đảng bộ TP Hải Phòng kết nạp 3.120 đảng viên trong 9 tháng", "9 tháng năm 2025, Đảng bộ thành phố Hải Phòng kết "
     "nạp 3.120 đảng viên. Trong đó, 6 tháng đầu năm, hai đảng bộ tỉnh, thành phố cũ kết nạp 2.050 đảng viên. Tỉnh Hải "
     "Dương (cũ) có nhiều chi bộ mới.", "2.050", "Hải Phòng"),
])
def test_a_tier_two_levels_counted_and_a_police_committee_name_no_unit(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a site's section over the headline ("Giảm nghèo bền vững") does not make the headline a line under the body; "phường
# trung tâm Sài Gòn" is a central ward of the city, no ward named Sài Gòn; a ministry's ranking whose headline ranks a
# province and a ministry is the country's ----------------------------------------------------------------------------
def test_a_section_over_the_headline_keeps_the_headlines_region():
    head = "BÁO NÔNG THÔN NGÀY NAY\nGiảm nghèo bền vững\nNgày 12/04/2023\n\nTây Nguyên: Tỷ lệ hộ nghèo giảm 2,1 điểm phần trăm"
    body = ("Theo kết quả do Bộ Lao động - Thương binh và Xã hội công bố, tỷ lệ hộ nghèo của vùng Tây Nguyên là 9,1%. Gia Lai "
            "còn 11,2%, Kon Tum còn 14,5%.\n\nTổng số hộ nghèo toàn vùng là 61.300 hộ.")
    assert placed(body, "61.300", head) == "Tây Nguyên"


@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Phường trung tâm Sài Gòn không còn hộ nghèo", "Phường Bến Thành, quận 1, đã đưa 21 hộ cuối cùng thoát nghèo. "
     "Phường đã vận động 0,9 tỷ đồng từ các mạnh thường quân.", "0,9", "Bến Thành"),
    ("PAR INDEX 2021: Hải Phòng dẫn đầu khối tỉnh, Bộ Tư pháp đứng đầu khối bộ", "Bộ Nội vụ vừa công bố Chỉ số cải cách "
     "hành chính năm 2021. Ở khối tỉnh, Hải Phòng xếp thứ nhất với 91,05%, Quảng Ninh thứ hai. Hải Phòng tăng 3 bậc.\n\n"
     "Chỉ số trung bình của khối tỉnh đạt 82,3%. Có 12 địa phương đạt trên 85%; Hải Phòng là một trong số đó.", "12",
     "Việt Nam"),
])
def test_a_central_ward_of_a_city_and_a_ministrys_ranking(head, body, quote, place):
    assert placed(body, quote, head) == place


# --- a firm named after a district ("Công ty CP Lọc hóa dầu Bình Sơn") is no mention of it; a measure "của tỉnh" after
# a number of months ("Doanh thu du lịch 5 tháng của tỉnh") is the province's; a unit given as a part ("…, trong đó TP
# Hội An đón …") is not what the next sentence is about ------------------------------------------------------------------
@pytest.mark.parametrize(("head", "body", "quote", "place"), [
    ("Quảng Ngãi: Thu ngân sách 6 tháng đạt 62% dự toán", "6 tháng, tổng thu ngân sách trên địa bàn tỉnh Quảng Ngãi đạt "
     "18.900 tỷ đồng; huyện Bình Sơn thu 610 tỷ đồng.\n\nRiêng Công ty CP Lọc hóa dầu Bình Sơn nộp ngân sách khoảng "
     "12.800 tỷ đồng.", "12.800", "Quảng Ngãi"),
    ("Kiên Giang: Du lịch 5 tháng khởi sắc", "5 tháng đầu năm 2016, tỉnh Kiên Giang đón 2,3 triệu lượt khách. Huyện đảo "
     "Phú Quốc đón 832.000 lượt. Doanh thu du lịch 5 tháng của tỉnh ước đạt 2.987 tỷ đồng.", "2.987", "Kiên Giang"),
    ("Quảng Nam: Kinh tế 6 tháng tăng 7,2%", "6 tháng đầu năm 2019, tỉnh Quảng Nam đón 3,6 triệu lượt khách, tăng 11,8%, "
     "trong đó TP Hội An đón hơn 2,3 triệu lượt. Tổng thu từ du lịch ước 4.430 tỷ đồng.", "4.430", "Quảng Nam"),
])
def test_a_firm_named_after_a_unit_a_provinces_months_and_a_part(head, body, quote, place):
    assert placed(body, quote, head) == place


def test_units_an_aside_lists_are_no_owner_of_the_figure_after_it():
    body = ("Tổng sản phẩm trên địa bàn 9 tháng năm 2025 của tỉnh (tính trên phạm vi ba tỉnh Gia Lai, Bình Định trước sắp "
            "xếp) ước tăng 6,9% so với cùng kỳ.")
    assert placed(body, "6,9", "Gia Lai: Kinh tế 9 tháng năm 2025 tăng 6,9%") == "Gia Lai"
    body = ("GRDP 9 tháng năm 2025 của tỉnh Lâm Đồng (tính trên phạm vi ba tỉnh Lâm Đồng, Đắk Nông, Bình Thuận trước sắp "
            "xếp) ước tăng 7,12% so với cùng kỳ.")
    assert placed(body, "7,12") == "Lâm Đồng"
    # (nor is where a cause lies, after the figure: "… tăng 14,3% nhờ các nhà máy điện gió tại khu vực Bình Thuận cũ")
    body = ("Năm 2025, tỉnh Lâm Đồng có GRDP tăng 7,1%; sản xuất điện tăng 14,3% nhờ các nhà máy điện gió tại khu vực Bình "
            "Thuận cũ.")
    assert placed(body, "14,3") == "Lâm Đồng"


# --- a headline in capitals that states a figure is the headline, read in running case: its unit, its time and its
# measure as anywhere else; the quote stays as written -------------------------------------------------------------
def test_a_headline_in_capitals_is_read_in_running_case():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ QUẬN NINH KIỀU\nĐăng lúc: 14:20 - 03/07/2017\n\n"
            "NINH KIỀU THU NGÂN SÁCH 6 THÁNG ĐẠT HƠN 61% DỰ TOÁN\n\n"
            "Chiều 3/7, quận tổ chức hội nghị sơ kết 6 tháng đầu năm 2017. Thu ngân sách trên địa bàn đạt 763,5 tỷ đồng.")
    found = [f for f in figures(parse_article("t.txt", text.encode())) if f.kind == "indicator"]
    head = next(f for f in found if f.quote == "61%")
    assert (head.district, head.period) == ("Ninh Kiều", "2017-H1")
    assert text[head.start:head.end] == head.quote
