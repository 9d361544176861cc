"""The speed-ups of the extractor skip work only where nothing can be found: checked on real text.

- :mod:`districtbook.base.prefilter` skips a family's regex when none of its required words is in the
  window: it must never skip a window where the regex does match;
- the :func:`districtbook.extraction.numbers.trigger` patterns must find every place the big patterns can match:
  ``scan`` over them gives exactly what ``finditer`` gives;
- a trigger's tails (what must follow a common word) only drop places where the big pattern does not
  match: tried at every position of real text, the narrowed trigger fires wherever the loose one fires
  and the pattern matches, and nowhere the loose one does not.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from districtbook.extraction import extract, periods, places
from districtbook.reading.articles import read_article
from districtbook.extraction.metrics import FAMILIES
from districtbook.extraction.numbers import scan
from districtbook.base.prefilter import could_match, lowered, required

FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = [read_article(p).text for p in sorted((FIXTURES / "seeds").glob("*.txt"))
         + sorted((FIXTURES / "new_articles").glob("*.txt"))]
#: composed sentences with the words in other cases and forms than the fixtures have
COMPOSED = [
    "TỔNG THU NGÂN SÁCH NHÀ NƯỚC trên địa bàn ước đạt 1.234 tỷ đồng; Thu Nội Địa đạt 98%.",
    "Chi đầu tư phát triển 300 tỷ đồng, chi thường xuyên 120 tỷ; khu vực FDI nộp 12 tỷ.",
    "Tỷ trọng thương mại - dịch vụ chiếm 70%, công nghiệp - xây dựng 25%, nông nghiệp 5%.",
    "Xếp thứ 3/30 quận, huyện về chỉ số cải cách hành chính (PAR INDEX) năm 2023.",
    "100% chợ 4.0 thanh toán không dùng tiền mặt; kết nạp 120 đảng viên mới.",
    "UBND tỉnh Quảng Nam, các phường 7, 8 và xã Hòa Tiến; Bộ Tài chính; cả nước; TP.HCM và Thị xã Sơn Tây.",
    "Huyện Gia Lâm, Khối dân vận, những quận nội thành, toàn tỉnh Bắc Ninh; Quận 1 và 3 phường của TP Thủ Đức.",
    "Đạt 98% kế hoạch năm 2024 và 12/16 chỉ tiêu cả nhiệm kỳ; dự toán năm 2025, Nghị quyết năm 2020, KH năm 2023.",
]
WINDOWS = [t[i:i + 180] for t in TEXTS + COMPOSED for i in range(0, max(1, len(t) - 60), 37)]


@pytest.mark.parametrize("fam", [f for f in FAMILIES if f.words is not None], ids=lambda f: f.key)
def test_the_prefilter_never_skips_a_window_the_family_matches(fam):
    matched = [w for w in WINDOWS if fam.words.search(w)]
    missed = [w for w in matched if not could_match(fam.factors, lowered(w))]
    assert not missed, f"{fam.key}: required {sorted(fam.factors)} skips {missed[:2]}"


def test_the_prefilter_skips_windows_without_the_words():
    p = re.compile(r"[Tt]hu nội địa|thu từ (?:khu vực )?doanh nghiệp", re.I)
    assert required(p) == frozenset({"thu nội địa", "doanh nghiệp"})
    assert not could_match(required(p), lowered("chi thường xuyên tăng 5%"))
    assert could_match(required(p), lowered("THU TỪ DOANH NGHIỆP tăng 5%"))


def test_case_folds_that_lower_does_not_make_are_never_skipped():
    # the long s matches "s" under re.IGNORECASE although "ſ".lower() is not "s": no prefilter there
    p = re.compile(r"ngân sách", re.I)
    text = "ngân ſách"
    assert p.search(text) and lowered(text) is None and could_match(required(p), lowered(text))


def test_patterns_that_can_match_anything_are_not_prefiltered():
    assert required(re.compile(r"(?:tăng )?\d+", re.I)) is None
    assert required(re.compile(r"thu|\w+", re.I)) is None


def _spans(matches) -> list[tuple[int, int]]:
    # a period pattern may take the space before a range (" 2024-2025"); its trigger starts at the digits
    return [(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()) for m in matches]


def _same(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    assert _spans(scan(pattern, trigger, text, start, end)) == _spans(pattern.finditer(text, start, end))


@pytest.mark.parametrize("i", range(len(TEXTS) + len(COMPOSED)))
def test_triggers_find_every_match_of_their_patterns(i):
    text = (TEXTS + COMPOSED)[i]
    _same(extract.TOKEN_RE, extract._TOKEN_TRIGGER, text)
    _same(periods.PERIOD_RE, periods._PERIOD_TRIGGER, text)
    _same(periods._PLAN_YEAR_RE, periods._PLAN_YEAR_TRIGGER, text)
    _same(places._mention_re(), places._mention_trigger(), text)
    _same(extract.TOKEN_RE, extract._TOKEN_TRIGGER, text, 7, len(text) // 2)  # a sentence inside the text


def test_triggers_respect_the_words_around_them():
    s = "Năm 2024, tháng 9; Thành phố Hà Nội, quận Ba Đình, trong 5 năm tới, 12%/năm, 2024-2025; namnăm 3.5"
    _same(periods.PERIOD_RE, periods._PERIOD_TRIGGER, s)
    _same(places._mention_re(), places._mention_trigger(), s)
    _same(extract.TOKEN_RE, extract._TOKEN_TRIGGER, s)


def _narrowed_only_where_nothing_matches(pattern: re.Pattern[str], loose: re.Pattern[str], tight: re.Pattern[str],
                                         text: str) -> None:
    for p in range(len(text)):
        fires = tight.match(text, p) is not None
        if fires:
            assert loose.match(text, p), f"{tight.pattern[:40]}…: fires where the loose trigger does not: {text[p:p + 40]!r}"
        elif loose.match(text, p):
            m = pattern.match(text, p)
            assert m is None or m.end() == p, f"a tail drops a match: {text[p:m.end()]!r}"


TAIL_TEXTS = TEXTS + COMPOSED + [
    "Các tỉnh, thành phố; khối tỉnh thành; Thị trấn Trâu Quỳ, thị xã Sơn Tây, Quận ủy Ba Đình, huyện uỷ Gia Lâm, "
    "Tỉnh ủy Quảng Nam, tỉnh Bắc Ninh, TP. Hồ Chí Minh, TPHCM, TP Thủ Đức, Thành ủy Hà Nội, Sài Gòn, Việt Nam, toàn quốc; "
    "những phường 5, 6; 2 quận Hải Châu; 12 xã; Bộ Y tế; Đồng bằng sông Cửu Long; Thừa Thiên Huế; Bà Rịa - Vũng Tàu",
    "Trong năm 2024, trong 5 năm qua, Trong nhiệm kỳ; từ đầu năm đến nay; Lũy kế 9 tháng; tính đến ngày 30/6/2024; "
    "Đến hết tháng 10; tới năm 2030; vào năm 2025; hằng năm, hàng năm, mỗi năm; nửa đầu năm, Nửa nhiệm kỳ, giữa nhiệm "
    "kỳ; cả nhiệm kỳ, toàn khóa, Toàn nhiệm kỳ; các tháng cuối năm, những tháng cuối năm; khóa 2020-2025, Khoá2015 - "
    "2020; giai đoạn 2021-2025, thời kỳ 2016 - 2020; quý IV/2024, Quý 3 năm 2023; tháng 02; 02 tháng/2023; năm nay; "
    "6 tháng đầu năm; 9 tháng, 5 năm tới; 2020–2025; Đến thời điểm hiện tại",
    "đạt 98% kế hoạch năm 2024, dự toán\tnăm 2025, KH 2025 năm 2025, chỉ tiêu của cả nhiệm kỳ 2020 - 2025, "
    "nghị quyết đề ra năm 2030; kếhoạch năm 2024",
]


@pytest.mark.parametrize("i", range(len(TAIL_TEXTS)))
def test_trigger_tails_drop_only_places_where_nothing_matches(i):
    text = TAIL_TEXTS[i]
    _narrowed_only_where_nothing_matches(periods.PERIOD_RE, periods._period_trigger(tails=False),
                                         periods._PERIOD_TRIGGER, text)
    _narrowed_only_where_nothing_matches(places._mention_re(), places._mention_trigger(tails=False),
                                         places._mention_trigger(), text)
    _narrowed_only_where_nothing_matches(periods._PLAN_YEAR_RE, periods._plan_year_trigger(tails=False),
                                         periods._PLAN_YEAR_TRIGGER, text)


def test_trigger_tails_do_narrow():
    # "các" and "trong" as common words, "quận" before a lower-case word: no longer tried
    text = "các chỉ tiêu trong kế hoạch của quận đã hoàn thành"
    assert [m.group(0) for m in periods._period_trigger(tails=False).finditer(text)] == ["các", "trong"]
    assert not periods._PERIOD_TRIGGER.search(text) and not places._mention_trigger().search(text)


def _family_one_by_one(before: str, after: str, unit: str, noun: str):
    """metrics._family as it was first written: every family tried in turn, no required strings."""
    from districtbook.extraction.metrics import _AFTER_A_FIGURE

    noun_phrase = (noun if noun and not after.strip().lower().startswith(noun) else after[:60]).strip().lower()
    best = None
    for rank, fam in enumerate(FAMILIES):
        if unit not in fam.units:
            continue
        if fam.noun is not None and unit in ("count", "ratio", "percent") and fam.noun.search(noun_phrase) \
                and not (unit == "percent" and fam.words is None and not re.match(r"\s?\S", after)):
            if unit == "percent" and re.match(r"(?:chỉ tiêu|kế hoạch|dự toán)\b", noun_phrase):
                continue
            if fam.words is None or fam.words.search(before[-60:]) or not fam.at_the_number and fam.words.search(after[:80]):
                pos = len(before) + 1
                if best is None or (pos, -rank) > (best[0], -best[1]):
                    best = (pos, rank, fam)
            continue
        if fam.words is None or fam.noun is not None and unit == "count":
            continue
        last = None
        for m in fam.words.finditer(before):
            if not _AFTER_A_FIGURE.search(before, max(0, m.start() - 12), m.start()):
                last = m
        if last is not None and (best is None or last.end() > best[0] or last.end() == best[0] and rank < best[1]):
            best = (last.end(), rank, fam)
    return best[2] if best else None


def test_families_by_unit_and_required_words_choose_as_trying_every_family_does():
    from districtbook.extraction.metrics import _family

    units = sorted(set().union(*(f.units for f in FAMILIES)) | {"USD_mn"})
    tried = chosen = 0
    # a family whose noun follows but whose words stand too far before: not searched again before the number
    far = ("Hồ sơ giải quyết đúng hạn của các cơ quan, đơn vị trên địa bàn trong cả năm qua được duy trì ổn định "
           "và giữ vững, đạt 98% hồ sơ tiếp nhận.")
    for text in TEXTS + COMPOSED + ["ſố hộ nghèo giảm 5%", "100% chỉ tiêu; 12 chợ; 30 tuyến phố thanh toán QR", far]:
        for m in re.finditer(r"\d+(?:[.,]\d+)*\s?%?", text):
            before, after = text[max(0, m.start() - 180):m.start()], text[m.end():m.end() + 100]
            noun = " ".join(after.split()[:3]).lower()
            for unit in units:
                expected = _family_one_by_one(before, after, unit, noun)
                assert _family(before, after, unit, noun) is expected, (before[-60:], after[:40], unit)
                tried += 1
                chosen += expected is not None
    assert tried > 3000 and chosen > 500, (tried, chosen)


def test_goal_words_answer_as_searching_each_figures_words_with_brackets_blanked():
    from districtbook.extraction.extract import _CLOSED_BRACKETS, _GoalWords, last_goal

    odd = ["mục tiêu5 và mục tiêu 6", "đề ra; đặt ra 5", "quyết đề ra 5, hoạch đề ra 6, cần đạt7 và phải đạt 8",
           "Đến năm 20305 và đến năm 2030 đạt 9", "Xã đạt 61% (mục tiêu 65%), phường đạt 48% (phải đạt 50%",
           "chỉ tiêu đề ra (phấn đấu) 5 và (mục tiêu (lồng) 6) 7"]
    sentences = [s for t in TEXTS for s in re.split(r"(?<=[.!?…])\s+", t) if s]  # as the extractor uses it
    for text, now in [(t, now) for t in sentences + COMPOSED + odd for now in (None, 2025)]:
        goal = _GoalWords(text, 0, len(text), now)
        for k in range(0, len(text) + 1, 3):
            assert goal(k) == (last_goal(_CLOSED_BRACKETS.sub(" ", text[:k]), now) is not None), text[:k][-40:]


def test_sentences_split_where_the_look_behind_pattern_did():
    from districtbook.extraction.extract import _sentences

    split = re.compile(r"(?<=[.!?…])[\"”]?\s+")

    def by_look_behind(text, start, end):
        out, pos = [], start
        for m in split.finditer(text, start, end):
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        return out + [(pos, end)] if pos < end else out

    for text in TEXTS + COMPOSED + ["A. “B.” C… D! E? .F. G", "x.  \n y.”\tz", ". . ."]:
        for start in range(0, len(text), 13):
            for end in (len(text), start + 40):
                assert list(_sentences(text, start, min(end, len(text)))) == by_look_behind(text, start, min(end, len(text)))


def test_end_searches_find_what_a_search_of_the_whole_text_finds():
    from districtbook.base.prefilter import EndSearch, any_of

    patterns = [extract._RANK_BEFORE, *(p for p, _ in extract._INCIDENTAL_BEFORE)]
    odd = ["xếp thứ \n", "Chỉ thị số\n", "dân số ", "Tổng số ", "LẦN THỨ ", "kỳ họp thứ ", "Sáng ngày ", "khoá\t",
           "thứ 2 và thứ ", "vị trí thứ ", "tuổi đời ", "Nghị quyết ", "12\nsố ", "theo Chương trình \n"]
    befores = [t[max(0, p - 24):p] for t in TEXTS + COMPOSED for p in range(len(t))] + odd
    at_end = [EndSearch(p) for p in patterns]
    anyone = EndSearch(any_of(patterns))
    for before in befores:
        found = [p.search(before) for p in patterns]
        assert [m and m.span() for m in (e.search(before) for e in at_end)] == [m and m.span() for m in found], before
        assert (anyone.search(before) is not None) == any(found), before
    assert sum(1 for b in befores if anyone.search(b)) > 100


@pytest.mark.parametrize("pattern", [r"số\s", r"số\s$|tổng", r"(?:\S+\s)*$", r"a(?:$|b)", r"số\b"])
def test_an_end_search_refuses_a_pattern_that_can_end_elsewhere_or_is_unbounded(pattern):
    from districtbook.base.prefilter import EndSearch

    with pytest.raises(ValueError):
        EndSearch(re.compile(pattern))


def test_the_generic_level_word_pattern_finds_what_its_look_behind_form_did():
    before = ["của ", "theo ", "chuẩn ", r"[^\d]\d ", r"[^\d]\d\d ", r"[^\d]\d\d\d ", "các ", "những ", "tỉnh, ", "tỉnh/",
              "số ", "nhiều ", "mỗi ", "từng ", "vị hành chính cấp ", "giải cấp ", "giỏi cấp ", "xếp cấp ", "bộ cấp ", "quận, ", "huyện, ", "phường, ", "xã, ", "quận/",
              "huyện/", "phường/", "xã/", "thị ", "Thị ", "được ", "do ", "được UBND ", "do UBND ", "được HĐND ", "do HĐND ",
              "vốn ngân sách ", "Vốn ngân sách ",
              "nguồn ngân sách ", "giáp ", "kề ", "cạnh ", "chỉ tiêu ", "kế hoạch ", "dự toán ", "hợp tác ", "Hợp tác ",
              "trục ", "liên ", "chuẩn nghèo "]
    old = re.compile("".join(f"(?<!{b})" for b in before) + r"\b(?:[Pp]hường|[Qq]uận|[Hh]uyện|[Xx]ã|[Tt]ỉnh|[Tt]hành phố|"
                     r"[Tt]hị xã|[Tt]hị trấn)(?!\s(?:\d|[A-ZĐÂĂÊÔƠƯ]|giao\b|đề ra\b)|(?<=[Xx]ã)\s(?:hội|viên)\b|[,/]\s?(?:phường|xã|quận|huyện|thị xã|thị trấn|thành phố|thành|tỉnh)\b)")
    odd = ["của phường có, theo quận thì, chuẩn xã đạt, Phường 5, phường Tân Định, xã giao lưu, quận đề ra, "
           "xphường, _quận, 2huyện, Thành phố có, thành phố; tỉnh\n, Huyện, 15 xã và, các phường có, những quận ",
           "phường", "9 quận, huyện thu; phường/xã có; đơn vị hành chính cấp xã là; mỗi xã có; tỉnh, thành phố",
           "Thị xã có 15 phường, xã; thị xã Sơn Tây; HĐND thị xã khóa XX; các đảng bộ xã, phường; cấp xã/phường có",
           "năm 2016 quận thu; 1.250 xã có; 120 huyện có; vốn ngân sách tỉnh hỗ trợ; nguồn ngân sách thành phố cấp",
           "Huyện Vũ Thư, giáp thành phố, thu; xã kề huyện có; cạnh tỉnh Hà Nam",
           "đạt 153% chỉ tiêu Huyện ủy giao, trong đó; bằng 98% dự toán tỉnh giao; kế hoạch huyện đề ra",
           "27 học sinh đạt giải cấp huyện, 9 học sinh giỏi cấp tỉnh; thu ngân sách cấp xã với",
           "kết thúc hoạt động các đảng bộ cấp huyện và sắp xếp cấp xã; huyện có",
           "ba đảng bộ tỉnh, thành phố cũ; xếp thứ 5/63 tỉnh, thành; tỉnh có",
           "xã được UBND tỉnh công nhận; do HĐND huyện giao; UBND tỉnh có",
           "an sinh xã hội, xã hội hóa; xã viên hợp tác xã; Hợp tác xã có; đường trục xã, liên huyện; xã có",
           "Năm nay, thị trấn có 212 hộ; các thị trấn; Thị trấn Cần Thạnh; xã, thị trấn đạt",
           "theo chuẩn nghèo thành phố còn 0,34%; chuẩn nghèo tỉnh; thành phố có"]
    for text in TEXTS + COMPOSED + odd:
        for start in range(0, len(text), 17):
            assert [m.span() for m in extract._GENERIC_UNIT.finditer(text, start)] == \
                [m.span() for m in old.finditer(text, start)]


def test_the_office_and_merger_prefilter_never_skips_a_window_that_matches():
    from districtbook.extraction.extract import _NOT_SUBJECT_BEFORE, _NOT_SUBJECT_WORDS

    windows = [t[max(0, p - 100):p] for t in TEXTS + COMPOSED for p in range(0, len(t), 5)]
    windows += ["Chủ tịch UBND ", "trên cơ sở sáp nhập ", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức "]
    matched = [w for w in windows if _NOT_SUBJECT_BEFORE.search(w)]
    assert matched and all(could_match(_NOT_SUBJECT_WORDS, lowered(w)) for w in matched)


def test_mentions_until_a_point_are_those_that_start_before_it_read_whole():
    texts = TEXTS + COMPOSED + ["Đọc thêm quận\nBa Đình; phường Tam Thắng", "tỉnh Quảng Nam và TP.HCM"]
    for text in texts:
        every = places.mentions(text)
        for until in sorted({0, 5, len(text) // 3, len(text) - 3, len(text), *(m.start for m in every),
                             *(m.start + 1 for m in every), *(m.end - 1 for m in every)}):
            assert places.mentions(text, until=until) == [m for m in every if m.start < until], until
    crossing = places.mentions("xem quận Ba Đình", until=6)
    assert [(m.place.name, m.end) for m in crossing] == [("Ba Đình", 16)]
    # (a level word that ends a line names nothing on the next: "… 10 xã\nHuyện đạt chuẩn …")
    assert places.mentions("xem quận\nBa Đình") == []


def test_the_year_first_term_pattern_finds_the_terms_the_word_first_one_did():
    old = re.compile(r"(?:nhiệm kỳ|khóa|khoá)\s((?:19|20)\d\d)\s?[-–]\s?((?:19|20)\d\d)", re.I)
    odd = ["NHIỆM KỲ 2020-2025; Khóa 2015 – 2020, khoá\n2010 -2015; nhiệm kỳ2020-2025; khóa 2020-2025-2030; "
           "nhiệm kỳ 2020-2025khóa 2025-2030; Nhiệm Kỳ 1995 - 2000; khóa 2120-2125; kỳ 2020-2025"]
    for text in TEXTS + COMPOSED + odd:
        assert [m.groups() for m in periods._TERM.finditer(text)] == [m.groups() for m in old.finditer(text)]
    assert len(periods._TERM.findall(odd[0])) == 7


def test_digit_first_date_patterns_find_what_the_word_boundary_ones_did():
    from districtbook.extraction import sources

    old_full = re.compile(r"\b(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d\d)\b")
    old_word = re.compile(r"\b(?P<d>\d{1,2})\sTháng\s(?P<m>Mười\s(?:Một|Hai)|[A-ZĐ][^\W\d]*)\s(?P<y>(?:19|20)\d\d)\b")
    odd = ["14:43 | 06/08/2025; a12/10/2024 _5/8/2024 x 1/2/2024 123/4/2024 Ngày 28.02.2023-15:22 1.2.2024 7-7-2020",
           "21 Tháng Bảy 2011, 1 Tháng Mười Hai 2020, a1 Tháng Năm 2020, 123 Tháng Ba 2019, 05 Tháng Tư 2024"]
    for text in TEXTS + COMPOSED + odd:
        for new, old in ((sources._FULL_DATE, old_full), (sources._WORD_DATE, old_word)):
            for start in range(0, len(text), 97):
                assert [(m.span(), m.groupdict()) for m in new.finditer(text, start)] == \
                    [(m.span(), m.groupdict()) for m in old.finditer(text, start)]
    assert len(sources._FULL_DATE.findall(odd[0])) == 5 and len(sources._WORD_DATE.findall(odd[1])) == 3


def test_case_folding_never_shortens_a_line():
    # classify_lines compares only lines no longer than the longest tail marker with the markers
    import sys

    assert all(len(chr(c).casefold()) >= 1 for c in range(sys.maxunicode + 1))


def test_a_counted_noun_pattern_must_be_anchored_to_be_matched():
    from districtbook.extraction.metrics import _f

    assert _f("x", "other", None, r"^chợ|^tuyến phố").noun.match("chợ đầu mối")
    with pytest.raises(ValueError):
        _f("x", "other", None, r"^chợ|tuyến phố")


def test_lines_split_by_a_pattern_as_by_splitting_and_stripping():
    from districtbook.reading.articles import _split_lines

    def by_split(text):
        spans, pos = [], 0
        for raw in text.split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
        return spans

    spaces = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
    odd = ["", "\n", " \n \n", "a", " a b \r\n\n\t\nc\u00a0\nd ", spaces + "x" + spaces + "y" + spaces, "\u2028a\u2029b\x85c\x1cd"]
    raw = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for text in TEXTS + COMPOSED + odd + raw:
        assert _split_lines(text) == by_split(text)
