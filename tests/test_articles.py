"""Reading articles: encodings, NFC, empty and binary input, page furniture marked (not removed)."""
from __future__ import annotations

import logging
import unicodedata

import pytest

from districtbook.reading.articles import article_paths, classify_lines, decode, parse_article, read_article
from districtbook.base.errors import ArticleError

from .conftest import SEEDS, to_cp1258

SENTENCE = "Thu ngân sách quận Tây Hồ ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm."


def test_utf16_with_and_without_bom():
    for raw in (SENTENCE.encode("utf-16"), SENTENCE.encode("utf-16-le"), SENTENCE.encode("utf-16-be")):
        assert parse_article("a.txt", raw).text == SENTENCE


def test_cp1258_is_decoded_and_normalised_to_nfc():
    raw = to_cp1258(SENTENCE)  # cp1258 spells tones as combining marks
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    art = parse_article("a.txt", raw)
    assert art.encoding == "cp1258"
    assert art.text == SENTENCE and unicodedata.is_normalized("NFC", art.text)


def test_decomposed_utf8_is_normalised():
    assert parse_article("a.txt", unicodedata.normalize("NFD", SENTENCE).encode()).text == SENTENCE


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ArticleError, match=r"^photo.txt: is binary"):
        read_article(p)


def test_undecodable_text_is_an_error_naming_the_file(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Ça coûte 5 € — très cher ©®".encode("cp1252"))
    with pytest.raises(ArticleError, match=r"^latin.txt: is not UTF-8"):
        read_article(p)


def test_empty_article_is_a_warning_and_no_lines(tmp_path, caplog):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"\n  \n")
    with caplog.at_level(logging.WARNING, logger="districtbook"):
        art = read_article(p)
    assert art.lines == () and "empty.txt: the article is empty" in caplog.text


def test_missing_path_is_an_error():
    with pytest.raises(ArticleError, match="does not exist"):
        article_paths([SEEDS / "nope.txt"])


def test_furniture_is_marked_on_every_seed_and_offsets_stay_in_the_file():
    kinds = {}
    for path in sorted(SEEDS.glob("*.txt")):
        art = read_article(path)
        assert art.text == unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        for ln in art.lines:
            kinds.setdefault(ln.kind, []).append(art.text[ln.start:ln.end])
    assert "Hương Ly" in kinds["byline"] and "NGỌC HÀ" in kinds["byline"]
    assert "Phiên bản di động" in kinds["tail"] and "Đọc thêm" in kinds["tail"]
    assert any(t.startswith("Quận Tây Hồ triển khai kế hoạch kinh tế") for t in kinds["teaser"])
    assert "Quang cảnh hội nghị - Ảnh: Hương Ly" in kinds["caption"]
    assert any("33/33" in t for t in kinds["caption"])  # the picture caption repeats a body figure
    assert not any("6,06 triệu cử tri" in t for t in kinds["body"])  # a teaser in the "Đọc thêm" list


def test_crlf_lines_keep_offsets():
    text = "Tiêu đề\r\nThân bài 5 chỉ tiêu.\r\n"
    lines = classify_lines(text)
    assert [text[ln.start:ln.end] for ln in lines] == ["Tiêu đề", "Thân bài 5 chỉ tiêu."]


def test_decode_names_the_path_given():
    with pytest.raises(ArticleError, match="^x.txt: is binary"):
        decode(b"\x00\x01\x02abc", "x.txt")


def test_the_items_of_a_list_glued_under_the_lead_are_body_not_teasers():
    # a related article's title glued under the lead is a teaser; a list's item, "• …", is the article's own
    text = ("Tiêu đề bài viết về quận\nXã hội 12/10/2024 08:00\n\nQuận có diện tích 16 km2 với 11 phường.\n"
            "• Thu ngân sách năm 2013 đạt 1.162 tỷ đồng, gấp 13,5 lần năm 2003 khi mới thành lập\n"
            "Quận Tân Bình thu ngân sách 9 tháng đạt 85% dự toán năm nay theo báo cáo\n")
    kinds = {text[ln.start:ln.end][:8]: ln.kind for ln in classify_lines(text)}
    assert (kinds["• Thu ng"], kinds["Quận Tân"]) == ("body", "teaser")


def test_a_portals_header_in_capitals_and_a_section_label_are_furniture_not_the_lead():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN GIAO THỦY - TỈNH NAM ĐỊNH\nKinh tế - Xã hội\n08/01/2020\n\n"
            "Tỉnh Nam Định tổng kết công tác năm 2019\n\nNăm 2019, tổng thu ngân sách trên địa bàn tỉnh đạt 6.250 tỷ đồng.")
    kinds = [ln.kind for ln in classify_lines(text)]
    assert kinds == ["widget", "widget", "dateline", "title", "body"]
    # a headline of five words or more, the dash no word: "Tin tức - Sự kiện" is no headline
    assert [ln.kind for ln in classify_lines("Tin tức - Sự kiện\nQuận 3 thu ngân sách đạt 5.120 tỷ đồng.")][0] != "title"


def test_a_papers_name_in_capitals_over_the_dateline_is_the_outlet_not_the_headline():
    text = "BÁO BẮC GIANG\nThứ Năm, 29/12/2022\n\nBắc Giang hoàn thành 22/22 chỉ tiêu năm 2022\n\nNăm 2022, tỉnh thu 9.500 tỷ đồng."
    assert [ln.kind for ln in classify_lines(text)] == ["outlet", "dateline", "title", "body"]
    # (a headline in capitals that is a report's name stays the headline)
    assert classify_lines("BÁO CÁO KẾT QUẢ 6 THÁNG\nThứ Năm, 29/12/2022\nNăm 2022, tỉnh thu 5 tỷ.")[0].kind == "title"


def test_a_dateline_with_the_time_before_the_day_is_a_dateline():
    text = "BÁO ĐỒNG NAI\nCập nhật lúc 06:35, Thứ Sáu, 04/07/2014 (GMT+7)\n\nKinh tế Đồng Nai 6 tháng tăng 11,9%\n\nNăm 2014, tỉnh thu 9 tỷ."
    assert [ln.kind for ln in classify_lines(text)] == ["outlet", "dateline", "title", "body"]
    text = "Nhân Dân điện tử\nVăn hóa › Du lịch\nThứ Năm, 19-12-2013 - 07:15 AM\n\nĐà Lạt 120 năm: từ trạm nghỉ dưỡng đến thành phố du lịch\n\nNăm 2013, thành phố thu 1.046 tỷ đồng."
    assert [ln.kind for ln in classify_lines(text)][2:] == ["dateline", "title", "body"]


def test_a_related_block_with_its_colon_ends_the_text_only_under_it():
    lead = "Năm 2016, huyện Mộc Châu thu ngân sách 413,6 tỷ đồng, bằng 115,2% dự toán, tăng 12% so với năm 2015. " * 2
    lead = lead.strip()
    under = f"Mộc Châu: Năm 2016 đón 1,2 triệu lượt khách\n{lead}\nTin liên quan:\n• Mộc Châu phấn đấu đón 3 triệu khách năm 2020"
    assert [ln.kind for ln in classify_lines(under)][-2:] == ["tail", "tail"]
    above = "Thanh Hóa: 9 tháng thu 31.000 tỷ đồng\nTin liên quan:\n- Thanh Hóa thu hút FDI năm 2023\n" + lead
    assert classify_lines(above)[-1].kind == "body"
