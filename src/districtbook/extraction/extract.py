"""Figures out of article text: one :class:`Figure` per indicator, traceable to its exact quote.

The pipeline, per body line of an article:

1. find every number token (dates, year ranges and x/y forms first, then plain numbers with
   their scale words and unit);
2. decide what the number is (:func:`classify`): an indicator, or an incidental number
   (date, year, ordinal, document or storm number, period length, agenda count, ...);
3. read the candidates of its sentence once (:class:`Sentence`: every time expression of
   :mod:`districtbook.extraction.periods`, the place mentions, the clauses, the goal words), then run the chain of
   resolvers (:data:`RESOLVERS`) over a :class:`Reading` of the number: each chooses one field (value, period,
   qualifier, basis, metric, place, ...) from the candidates in reach and from what carries from earlier
   sentences and paragraphs (:class:`ParagraphState`, :class:`ArticleState`);
4. record why each of place, period, basis and metric has its value: the rule and the span of text it read
   (``place_from``, ``period_from``, ``basis_from``, ``metric_from``; the sources are :data:`PLACE_SOURCES`,
   :data:`PERIOD_SOURCES`, :data:`CUE_SOURCES`), and which of place and period rest only on a default or a
   distant guess (``weak``, the rule at :data:`WEAK_FIELDS`).

Rules are written by phenomenon, not by sentence; each has a doctest or a unit test (``tests/test_phenomena.py``,
the evidence in ``tests/test_evidence.py``, each resolver alone in ``tests/test_resolvers.py``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import csv
import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path

from districtbook.reading.articles import Article, Line, is_table_row, iter_articles
from districtbook.extraction.metrics import (AMOUNT_CHANGE_BEFORE, INDEX_UNITS, change_suffix, family_of, index_frame,
                                             index_names, last_index, metric_evidence)
from districtbook.extraction.numbers import NUMBER, SCALES, canonical, cases, parse_number, scan, trigger
from districtbook.extraction.periods import (QUARTER_NUMBER, TIME_BEFORE_BRACKET, ArticlePeriods, Period, period_mark,
                                             scoped_marks)
from districtbook.reading.articles import FRAME_KINDS
from districtbook.extraction.sources import PLANNED_YEAR
from districtbook.extraction.places import (_RANK, _TERRITORY_LEVELS as _TERRITORIES, Mention, Place, abbreviation_at,
                                           bare_district_names, bare_listed_before, cased_capitals, common_home,
                                           header_place,
                                           headline_ward, holds,
                                           listed_units, main_by_level, main_of, mentions, outlet_place, parent_unit,
                                           with_bare_names)
from districtbook.base.prefilter import EndSearch, any_of, could_match, lowered, required

COLUMNS = ("doc", "district", "level", "metric", "value", "unit", "denominator", "period", "per_year", "basis", "base",
           "qualifier", "outlook", "quote", "start", "end", "kind", "place_from", "period_from", "basis_from", "metric_from",
           "weak")

#: the evidence of a figure's fields: ``<source>:<start>-<end>`` (the offsets of the text the rule read, in the
#: article's NFC text like ``start``/``end``), or the source alone when nothing was read (``none``, ``default``).
#: ``place_from``: the figure's clause, its sentence, an earlier sentence of its paragraph, a heading above it
#: (section), the title, the lead, the article's main unit, the outlet's province, two units joined by "và" or
#: mapped by "lần lượt" (joint); none.
PLACE_SOURCES = ("clause", "sentence", "paragraph", "section", "title", "lead", "article", "outlet", "joint", "none")
#: ``period_from``: the figure's clause, its sentence, the comparison a quoted base value follows (base_value), a
#: frame carried from an earlier sentence or paragraph, a heading, the title, the lead, the year of a plan
#: (plan_year), the coming term a goal is set for (future_term), the one year an undated article names anywhere
#: (only_year, weak), the article's date alone (dateline); none.
PERIOD_SOURCES = ("clause", "sentence", "base_value", "paragraph", "section", "title", "lead", "plan_year",
                  "future_term", "only_year", "dateline", "none")
#: ``basis_from`` and ``metric_from``: the cue words read in the figure's clause or sentence, carried from an
#: earlier figure of the paragraph, or nothing read (default: basis ``none``, metric ``other``).
CUE_SOURCES = ("clause", "paragraph", "default")
#: ``weak``: the fields (of these) decided only by a default or a distant guess, ";"-joined.  A place is weak when
#: it comes from nothing (none), the outlet's province, or the article's main unit while another unit of its level
#: is named at least half as often (a bare level word in the clause is as weak as the unit it points back to); a
#: period is weak when it comes from nothing, the article's date alone, the only year an undated article names, or a
#: frame (a heading or an earlier
#: paragraph's) more than one paragraph above the figure; a frame the lead sets carries to the whole article
#: (source "lead") and is not weak.
WEAK_FIELDS = ("place", "period")


@dataclass(frozen=True, slots=True)
class Figure:
    doc: str
    district: str
    level: str  # ward, district, city, province, region, ministry or country (places.LEVELS)
    metric: str
    value: str
    unit: str
    denominator: str
    period: str
    per_year: str  # "yes" when the value is a yearly rate over its period ("bình quân 8%/năm"), else ""
    basis: str
    base: str  # the period a comparison is made against ("so với cùng kỳ năm 2022" -> 2022-H1), else ""
    qualifier: str
    outlook: str  # "forecast" (expected, :func:`forecast_words`), "goal" (set as a goal beside another hedge), or ""
    quote: str
    start: int
    end: int
    kind: str = "indicator"
    place_from: str = "none"  # evidence (PLACE_SOURCES): "clause:120-134", "article:40-52", "none"
    period_from: str = "none"  # evidence (PERIOD_SOURCES)
    basis_from: str = "default"  # evidence (CUE_SOURCES)
    metric_from: str = "default"  # evidence (CUE_SOURCES)
    weak: str = ""  # the fields of WEAK_FIELDS whose evidence is weak, ";"-joined ("place;period"), or ""


@dataclass(slots=True)
class Token:
    """A number as found in the text, before its context is read (not frozen: one or two are made for every
    number, and a frozen dataclass is about four times slower to build; none is changed once made)."""

    start: int
    end: int
    value: Decimal
    unit: str
    denominator: Decimal | None = None
    noun: str = ""  # the words after a count or ratio ("chỉ tiêu về phát", "đảng viên mới")
    kind: str = "indicator"
    reason: str = ""
    num_end: int = -1  # end of the number and its unit, before a counted noun

    @property
    def tail(self) -> int:
        return self.num_end if self.num_end >= 0 else self.end


# --- token grammar -----------------------------------------------------------------------------

_W = r"[^\W\d_]"  # a letter
_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(?!\slệ\b|\strọng\b)"  # "bằng 7 tỉnh cộng lại": "tỉnh" is not "tỉ";
#  ("trong năm 2023 tỷ lệ hồ sơ …": "tỷ lệ" is a rate, not a scale)
_MONEY_UNIT = r"(?:đồng|VNĐ|VND|đ\b)"
_USD_UNIT = r"(?:USD|đô\s?la(?:\sMỹ)?|\$)"
_MONEY_UNIT_RE, _USD_UNIT_RE = re.compile(_MONEY_UNIT, re.I), re.compile(_USD_UNIT, re.I)

TOKEN_RE = re.compile(
    rf"""
    (?<![\w.,/:-])
    (?:
        (?P<date>\d{{1,2}}[/-]\d{{1,2}}[/-](?:19|20)\d\d                 # 31/5/1961, 12-10-2024
                 |(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-\d\d)?(?![\d-])      # 2025-08-14, 2024-07 (ISO)
                 |\d{{1,2}}:\d\d(?::\d\d)?)                                  # 15:22:00, 21:39 (clock)
      | (?P<years>(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d)                   # 2020-2025, 2020 - 2025
      | (?P<ratio>(?P<num>\d+(?:[.,]\d+)*)/(?P<den>\d+(?:[.,]\d+)*)(?![/\d]))  # 21/21, 5/1 (date?), 13,2/18 (điểm)
      | (?P<range>(?P<lo>{NUMBER})(?:\s?[-–]\s?|\s(?:đến|tới)\s)(?P<hi>{NUMBER})(?![/\d]))  # 800 - 1.000, 10 đến 20, 12-10 (date?)
      | (?P<number>{NUMBER})
    )
    (?:(?![\w])|(?=(?:ha|km2|km|m2|m|tỷ|triệu|USD|đ)\b))   # units may be glued: "6.038,24ha"
    """,
    re.VERBOSE,
)

#: where a token can start: a digit that does not continue a word, a number or a date (a pattern that
#: starts with a character class is skipped to quickly; TOKEN_RE's look-behind comes first)
_TOKEN_TRIGGER = re.compile(r"\d(?<![\w.,/:-]\d)")

#: what may follow a number: scale words, then a unit
UNIT_RE = re.compile(
    rf"""
    \s?
    (?P<scales>(?:{_SCALE}\s?)*)
    (?:(?P<sub>\d{{1,3}}\s(?:triệu|nghìn|ngàn))\s)?   # "41.562 tỷ 8 triệu đồng"
    (?P<unit>
        %|phần\s?trăm
      | {_MONEY_UNIT}
      | {_USD_UNIT}
      | ha\b|héc[-\s]?ta|hecta
      | km2|km²|m2|m²|km\b|mét\b|m\b
      | lần\b
      | bậc\b
      | điểm\s?(?:phần\s?trăm|%)|điểm\b   # percentage points; index points (a score)
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: the counted noun after a count: up to three lower-case words
NOUN_RE = re.compile(rf"\s?(?P<noun>(?:{_W}+)(?:\s{_W}+){{0,2}})")

# nouns that make "x/y" a ratio (and whose counts are indicators) versus agenda-like nouns
_AGENDA_NOUNS = re.compile(
    r"^(?:con số|đại biểu|ủy viên|uỷ viên|thành viên|tuổi|cấp\b|trụ cột|bên\b|sao\b|nghị quyết|tờ trình|báo cáo|nội dung|nhiệm vụ|chương trình|giải pháp|khâu|đột phá|mục tiêu|nhóm|lĩnh vực|vấn đề|"
    r"điểm nghẽn|rõ|quan điểm|bài|kỳ|phần(?! quà)|tiết|bước|ý kiến|tiêu chí|đề án)\b"
)
#: criteria a unit met, gained or lacks ("đạt thêm 4 tiêu chí", "nâng lên 15 tiêu chí", "bình quân mỗi xã đạt 11,5 tiêu
#: chí", "còn thiếu 2 tiêu chí"): a result, unlike the criteria a standard has ("bộ tiêu chí gồm 19 tiêu chí")
_CRITERIA_MET_BEFORE = re.compile(r"\b(?:đạt|thêm|tăng|lên|thiếu|còn|hoàn thành)(?:\s(?:thêm|được|khoảng|gần|hơn|trên))?\s$")
_TIME_NOUNS = re.compile(r"^(?:năm|tháng|quý|ngày|tuần|giờ|phút|giây|buổi|đêm|sáng|chiều|tối)\b")
#: the things a count or an x/y ratio counts ("12 tập thể", "21/21 chỉ tiêu"): a count is quoted with its noun,
#: and a day/month-looking x/y ("5/8 phường") is a ratio when one follows
_COUNTED_NOUNS = re.compile(
    r"(?:chỉ tiêu|tiêu chí|nhiệm vụ|phiếu|phường|xã|quận|huyện|trường hợp|trường|đơn vị|dự án|chợ|tuyến phố|tuyến|"
    r"hộ|thủ tục|hồ sơ|tổ chức|tổ|cơ sở|doanh nghiệp|đảng viên|tập thể|cá nhân|người|công trình|thôn|khu|điểm|"
    r"trạm|bệnh viện|chi bộ|cử tri|lượt|học sinh|lao động|việc làm|căn hộ|nhà|xe|sản phẩm|vùng|tỉnh|thành phố|"
    r"đảng bộ|quần chúng|tiểu thương|hợp tác xã|nhân khẩu|ĐV|đảng bộ|tổ dân phố|gia đình)(?=\W|$)"
)
_WS = re.compile(r"\s*")


def _ws_end(text: str, pos: int) -> int:
    """Where the white space at ``pos`` ends (``_WS`` always matches, perhaps empty)."""
    m = _WS.match(text, pos)
    return m.end() if m else pos
#: "xếp thứ 3", "đứng thứ 2", "xếp hạng 5/30": a rank is a figure, unlike "lần thứ 22"
_RANK_BEFORE = re.compile(r"\b(?:xếp|đứng|Xếp|Đứng)\s(?:thứ|hạng)\s$|\b(?:xếp hạng|thứ hạng)\s(?:thứ\s)?$|"
                          r"\b(?:vị trí|Vị trí|hạng|Hạng)\s(?:thứ\s)?$|\bthứ\s\d{1,2}\svà\sthứ\s$")
_QUOTED_LABEL = re.compile(r"[“\"][^”\"\n]{0,60}$")

# incidental contexts: the words right before a number that make it a label, not a figure
_DATE_OR_PERIOD_BEFORE = re.compile(r"\b(?:năm|Năm|tháng|Tháng|quý|Quý|ngày|Ngày|tuần|khóa|khoá|giai đoạn|nhiệm kỳ)\s$")
_INCIDENTAL_BEFORE = [
    (re.compile(r"(?:lần|kỳ họp|khóa|khoá|thứ)\s(?:thứ\s)?$", re.I), "ordinal"),
    (re.compile(r"(?<!dân )(?<!tổng )(?<!Tổng )(?<!Dân )(?<!chỉ )(?<!Chỉ )\b(?:số|Số)\s$"), "document or storm number"),
    (re.compile(r"\b(?:Vành đai|vành đai|Quốc lộ|quốc lộ|Tỉnh lộ|tỉnh lộ|Metro|tuyến số|Tuyến số|Làn|làn|"
                r"Khu|khu|Lô|Block|block|Tòa|tòa)\s$"), "name number"),
    (re.compile(r"\b(?:loại|Loại|cấp độ|mức độ|tuổi đời|tuổi|Tuổi|khu phố|tổ|Tổ|Phường|phường|khóm|ấp|mũi|Mũi)\s$"), "label"),
    (re.compile(r"\b(?:Chỉ thị|Nghị quyết|Quyết định|Nghị định|Thông tư|Kết luận|Công văn|Đề án|Chương trình|"
                r"Kế hoạch|Luật|Quy định|Hướng dẫn|Thông báo|Tờ trình|Báo cáo|Điều|Khoản|Mục|Bài|Phần)\s$"), "document number"),
    (_DATE_OR_PERIOD_BEFORE, "date or period"),
    (re.compile(r"\b(?:ảnh|Ảnh|hình|Hình|trang|Trang|Quận|quận|phòng|(?<!Hải )Phòng|tầng|lô|Lô|ngõ|ngách|số nhà|đường)\s$"), "label"),
    (re.compile(r"\b(?:top|Top|tốp|Tốp|TOP)\s$"), "rank label"),
    (re.compile(r"\b(?:Sáng|Chiều|Trưa|Tối|Đêm|sáng|chiều|trưa|tối|đêm)\s(?:ngày\s)?$"), "date"),
]
#: the same, searched only in the last characters before the number (each ends with "$"); the first
#: cheap test says whether any of them matches (most numbers are figures: then none does)
_RANK_AT_END = EndSearch(_RANK_BEFORE)
_INCIDENTAL_AT_END = [(EndSearch(pattern), reason) for pattern, reason in _INCIDENTAL_BEFORE]
_ANY_INCIDENTAL_AT_END = EndSearch(any_of([pattern for pattern, _reason in _INCIDENTAL_BEFORE]))
_YEAR = re.compile(r"(?:19|20)\d\d")
#: a version in a name ("chợ 4.0"): a count is never written with a decimal ".0"
_VERSION_NAME = re.compile(r"\d\.0")


#: what follows index points ("đạt 85,52 điểm, tăng …", "87 điểm và xếp thứ 5"), unlike a counted place ("12 điểm giao dịch")
_SCORE_AFTER = re.compile(r"\s?(?:$|[^\w\s]|(?:so|và|xếp|tăng|giảm|đứng|trên|cao|thấp|là|năm|trong|của)\b)")
_INDEX_BEFORE = re.compile(r"[Cc]hỉ số|DTI|PAR ?INDEX|SIPAS|PAPI|PCI")


#: what makes "đồng" a word of its own after a bare number: "1.120 đồng chí", "40 đồng bào", "3 đồng hồ"
_NOT_MONEY_AFTER = re.compile(r"\s(?:chí|bào|thời|loạt|bộ|nghiệp|hương|đội|hồ|chủ|minh|ruộng|tâm|lòng|nhất|phục)\b")


def _unit_after(text: str, end: int, limit: int) -> tuple[re.Match[str] | None, str]:
    m = UNIT_RE.match(text, end, min(limit, end + 40))
    unit = (m["unit"] or "").lower() if m else ""
    return m, unit


def _scale_factor(scales: str) -> Decimal:
    f = Decimal(1)
    for w in scales.split():
        f *= SCALES[w.lower()]
    return f


def _noun_after(text: str, pos: int, limit: int) -> str:
    m = NOUN_RE.match(text, pos, min(limit, pos + 40))
    return m["noun"].lower() if m else ""


def _amount(text: str, start: int, end: int, raw: str, limit: int) -> Token:
    """A number with its scale words and unit, in canonical units (money in billions of VND)."""
    value = parse_number(raw)
    m, unit_word = _unit_after(text, end, limit)
    if m is not None and unit_word == "điểm" and not ("," in raw or _SCORE_AFTER.match(text, m.end(), min(limit, m.end() + 12))):
        unit_word = ""  # "12 điểm giao dịch": places counted, not index points
    if m is not None and unit_word == "đồng" and not m["scales"].strip() and _NOT_MONEY_AFTER.match(text, m.end()):
        unit_word = ""  # "1.120 đồng chí": comrades counted, not đồng
    factor = _scale_factor(m["scales"]) if m and m["scales"].strip() else Decimal(1)
    tok_end = end
    if m and (m["scales"].strip() or unit_word):
        tok_end = m.end() if unit_word else m.start("scales") + len(m["scales"].rstrip())
    base = value * factor if factor == 1 else (value * factor).normalize()  # "1,2 nghìn tỷ" is 1200, not 1200.0
    if m and m["sub"] and unit_word:
        sub_num, sub_scale = m["sub"].split()
        base += parse_number(sub_num) * SCALES[sub_scale.lower()]
    unit = "count"
    if unit_word in ("%", "phần trăm", "phầntrăm"):
        unit, base = "percent", value
    elif _MONEY_UNIT_RE.fullmatch(unit_word):
        unit, base = "VND_bn", (base / SCALES["tỷ"]).normalize() if factor != 1 else base / SCALES["tỷ"]
    elif _USD_UNIT_RE.fullmatch(unit_word):
        unit, base = "USD_mn", (base / SCALES["triệu"]).normalize()
    elif unit_word in ("ha", "hecta") or unit_word.startswith("héc"):
        unit = "ha"
    elif unit_word in ("km2", "km²"):
        unit = "km2"
    elif unit_word in ("m2", "m²"):
        unit = "m2"
    elif unit_word == "km":
        unit = "km"
    elif unit_word in ("m", "mét"):
        unit = "m"
    elif unit_word == "lần":
        unit = "times"
    elif unit_word == "bậc":
        unit = "rank"
    elif unit_word.startswith("điểm"):
        unit = "score" if unit_word == "điểm" else "pp"
    if unit == "count" and m and re.search(r"\b(?:tỷ|tỉ)\s*$", m["scales"], re.I) and not _COUNTED_NOUNS.match(
            _noun_after(text, tok_end, limit)):
        unit, base = "VND_bn", base / SCALES["tỷ"]  # "3.122,2 tỷ": billions of đồng, the unit left out
    if unit == "count" and value < 1 and "," in raw and _INDEX_BEFORE.search(text, max(0, start - 80), start):
        unit = "score"  # "chỉ số chuyển đổi số đạt 0,4521": an index between 0 and 1
    # the quote ends at the unit; a bare count ends at the number (or its scale word)
    text_end = tok_end
    while text_end > end and text[text_end - 1].isspace():
        text_end -= 1
    noun = _noun_after(text, text_end, limit) if unit == "count" else ""
    quote_end = text_end
    counted = _COUNTED_NOUNS.match(noun) if noun else None
    if counted:
        quote_end = _ws_end(text, text_end) + len(counted.group(0))
    return Token(start, quote_end, base, unit, noun=noun, num_end=text_end)


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Every number in ``text[start:end]`` with its unit and what kind of number it is.

    >>> [(t.value, t.unit, t.kind) for t in tokens("thu 2.511 tỷ đồng, bằng 89% kế hoạch; 21/21 chỉ tiêu")]
    [(Decimal('2511'), 'VND_bn', 'indicator'), (Decimal('89'), 'percent', 'indicator'), (Decimal('21'), 'ratio', 'indicator')]
    >>> [(t.reason) for t in tokens("Sáng 12-10, hội nghị lần thứ 22, nhiệm kỳ 2020-2025; Chỉ thị số 24; ngày 31/5/1961")]
    ['date', 'ordinal', 'period', 'document or storm number', 'date']
    """
    end = len(text) if end is None else end
    found = sorted([*_number_tokens(text, start, end), *_rank_words(text, start, end)], key=lambda t: t.start)
    yield from found


#: ranks written as words: "vươn lên vị trí thứ nhất", "giữ vị trí thứ hai và thứ ba"
_ORDINAL_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
RANK_WORD_RE = re.compile(r"thứ (?P<w>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b")
_RANK_WORD_BEFORE = re.compile(r"(?:vị trí |hạng |thứ \w{2,4} và )$")


def _rank_words(text: str, start: int, end: int) -> Iterator[Token]:
    if text.find("thứ ", start, end) < 0:  # a plain substring search first: most sentences rank nothing
        return
    for m in RANK_WORD_RE.finditer(text, start, end):
        if _RANK_WORD_BEFORE.search(text, max(start, m.start() - 14), m.start()):
            yield Token(m.start(), m.end(), Decimal(_ORDINAL_WORDS[m["w"]]), "rank", num_end=m.end())


def _number_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    last_end = start
    for m in scan(TOKEN_RE, _TOKEN_TRIGGER, text, start, end):
        s, e = m.span()
        if s < last_end:  # inside the previous amount ("41.562 tỷ 8 triệu đồng")
            continue
        before = text[max(start, s - 24):s]
        if m["date"]:
            yield Token(s, e, Decimal(0), "date", kind="incidental", reason="date")
        elif m["years"]:
            yield Token(s, e, Decimal(0), "period", kind="incidental", reason="period")
        elif m["ratio"]:
            yield _ratio(text, m, before, end)
        elif m["range"]:
            yield from _range(text, m, before, end)
        else:
            tok = _amount(text, s, e, m["number"], end)
            last_end = tok.tail
            yield classify(tok, text, before, end)


def _ratio(text: str, m: re.Match[str], before: str, limit: int) -> Token:
    if not (m["num"].isdigit() and m["den"].isdigit()):
        return _written_ratio(text, m, before, limit)
    num, den = int(m["num"]), int(m["den"])
    s, e = m.span()
    if _RANK_AT_END.search(before):  # "xếp thứ 3/30 quận, huyện": rank 3 of 30
        return Token(s, e, Decimal(num), "rank", Decimal(den), num_end=e)
    if re.fullmatch(r"(?:19|20)\d\d", m["den"]):  # "tháng 10/2024", "10/2024"
        return Token(s, e, Decimal(0), "date", kind="incidental", reason="date")
    noun = _noun_after(text, e, limit)
    counted = _COUNTED_NOUNS.match(noun)
    could_be_date = (1 <= num <= 31 and 1 <= den <= 12) or bool(_TIME_NOUNS.match(noun) and not counted)
    is_ratio = (not could_be_date or bool(counted)) and not (
        _DATE_OR_PERIOD_BEFORE.search(before) or re.search(r"(?:Sáng|Chiều|Trưa|Tối|ngày)\s$", before, re.I))
    if not is_ratio:
        return Token(s, e, Decimal(0), "date", kind="incidental", reason="date")
    if num > den and not counted:
        return Token(s, e, Decimal(0), "number", kind="incidental", reason="document number")
    quote_end = _ws_end(text, e) + len(counted.group(0)) if counted else e
    return Token(s, quote_end, Decimal(num), "ratio", Decimal(den), noun=noun, num_end=e)


def _written_ratio(text: str, m: re.Match[str], before: str, limit: int) -> Token:
    """An x/y written with decimals or thousands ("13,2/18 điểm", "2.458/7.758 tỷ đồng"): never a date; a ratio (the
    dev set's convention for a sub-score), or a rank after "xếp thứ"."""
    s, e = m.span()
    num, den = parse_number(m["num"]), parse_number(m["den"])
    if _RANK_AT_END.search(before):
        return Token(s, e, num, "rank", den, num_end=e)
    noun = _noun_after(text, e, limit)
    return Token(s, e, num, "ratio", den, noun=noun, num_end=e)


_MONTH_YEAR = re.compile(r"(?:0?[1-9]|1[0-2])[-–](?:19|20)\d\d")


def _range(text: str, m: re.Match[str], before: str, limit: int) -> Iterator[Token]:
    s, e = m.span()
    lo, hi = m["lo"], m["hi"]
    # "12-10" after "Sáng"/"ngày", or two small numbers that make a day-month: a date
    if "." not in lo + hi and "," not in lo + hi and re.fullmatch(r"\d{1,2}", lo) and re.fullmatch(r"\d{1,2}", hi):
        d, mo = int(lo), int(hi)
        follows = text[e:e + 30]
        measured = re.match(r"\s?(?:%|phần trăm)", follows) or _COUNTED_NOUNS.match(_noun_after(text, e, limit))
        if 1 <= d <= 31 and 1 <= mo <= 12 and not re.search(r"\s", m.group(0)) and not measured:
            yield Token(s, e, Decimal(0), "date", kind="incidental", reason="date")
            return
    if _YEAR.fullmatch(lo) and _YEAR.fullmatch(hi) and int(hi) > int(lo):
        yield Token(s, e, Decimal(0), "year", kind="incidental", reason="period_span")  # "từ năm 2021 đến 2025"
        return
    if _MONTH_YEAR.fullmatch(m.group(0)) and before.endswith(("tháng ", "Tháng ")):
        yield Token(s, e, Decimal(0), "date", kind="incidental", reason="date")  # "thông xe tháng 12-2025"
        return
    hi_tok = _amount(text, m.start("hi"), m.end("hi"), hi, limit)
    lo_val = parse_number(lo)
    if hi_tok.unit == "VND_bn":
        lo_val = lo_val * (hi_tok.value / parse_number(hi))
    elif hi_tok.unit == "USD_mn":
        lo_val = lo_val * (hi_tok.value / parse_number(hi))
    lo_tok = Token(s, hi_tok.end, lo_val, hi_tok.unit, noun=hi_tok.noun, reason="range_low")
    hi_tok = Token(s, hi_tok.end, hi_tok.value, hi_tok.unit, noun=hi_tok.noun, reason="range_high")
    yield classify(lo_tok, text, before, limit)
    yield classify(hi_tok, text, before, limit)


# what classify reads around a number, compiled once (it runs for every number)
_DATE_LISTED_AFTER = re.compile(r"\s(?:và|,)\s\d{1,2}[-/]\d{1,2}\b")  # "ngày 12 và 13-10"
_SECTION_NUMBER, _LINE_START = re.compile(r"(?:\d+\.)*\d+\.?\s"), re.compile(r"(?:^|\n)\s*$")  # "2.1 Thu ngân sách"
_UNITS_REFERRED_BEFORE = re.compile(r"\b(?:[Nn]hân dân|giáp với|giáp|[Cc]ủa cả|toàn thể)\s$")
_OUT_OF_BEFORE = re.compile(r"\b(?:trên|trong) tổng số\s$")
_AT_PLACE_BEFORE, _NAMED_AFTER = re.compile(r"\b(?:tại|ở)\s$"), re.compile(r"\s?\w+(?:\s\w+)?\s[A-ZĐ]")
_ONLY_ELLIPSIS_TO_END = re.compile(r"[ …]*\Z")
_CLOCK_AFTER = re.compile(r":\d\d|h\d\d|\s?giờ")
_NUMBERS_LISTED_AFTER = re.compile(r"(?:,\s?\d[\d.,]*)*,?\s(?:và|hoặc)\s\d[\d.,]*\s[^\W\d_]")
_VERB_BEFORE = re.compile(r"\b(?:tăng|giảm|đạt|là|có|còn|được|lên|xuống)\s(?:thêm\s)?$")


def classify(tok: Token, text: str, before: str, limit: int) -> Token:
    """Decide whether a plain number is an indicator or an incidental label.

    >>> t = list(tokens("năm 2024 quận thảo luận 5 nội dung, kết nạp 514 đảng viên; 9 tháng năm 2024"))
    >>> [(str(x.value), x.kind, x.reason) for x in t]
    [('2024', 'incidental', 'date or period'), ('5', 'incidental', 'agenda count'), ('514', 'indicator', ''), ('9', 'incidental', 'period length'), ('2024', 'incidental', 'date or period')]
    """
    if tok.reason.startswith("range"):
        return tok
    if tok.unit == "count" and _RANK_AT_END.search(before):
        return Token(tok.start, tok.num_end if tok.num_end >= 0 else tok.end, tok.value, "rank", num_end=tok.num_end)
    if _ANY_INCIDENTAL_AT_END.search(before):
        for pattern, reason in _INCIDENTAL_AT_END:
            if pattern.search(before) and not (reason == "date or period" and tok.unit in ("VND_bn", "USD_mn")):
                return _incidental(tok, reason)  # (no date is an amount: "thu cả năm 6.200 tỷ đồng")
    raw = text[tok.start:tok.tail]
    if _VERSION_NAME.fullmatch(raw) and tok.unit == "count":
        return _incidental(tok, "name number")  # "chợ 4.0", "cách mạng công nghiệp 4.0", "Chính phủ 2.0"
    if _ONLY_ELLIPSIS_TO_END.match(text, tok.tail):  # nothing but " …" after it: text.rstrip(" …") ends there
        return _incidental(tok, "cut off")
    if _DATE_LISTED_AFTER.match(text[tok.tail:tok.tail + 12]):
        return _incidental(tok, "date")
    if _SECTION_NUMBER.match(raw + text[tok.tail:tok.tail + 1]) and tok.unit == "count" \
            and _LINE_START.search(text[max(0, tok.start - 3):tok.start]) and "." in text[tok.start:tok.tail + 1]:
        return _incidental(tok, "section number")
    closing = min((i for i in (text.find("”", tok.end, tok.end + 60), text.find('"', tok.end, tok.end + 60)) if i != -1),
                  default=-1)
    if _QUOTED_LABEL.search(before) and closing != -1 and (tok.unit == "count" or closing - tok.end < 15):
        return _incidental(tok, "name in quotes")
    if tok.unit == "count":
        if _OUT_OF_BEFORE.search(before) or _UNIT_NOUN.match(tok.noun) and _UNITS_REFERRED_BEFORE.search(before):
            # "đứng tốp đầu trên tổng số 30 quận, huyện"; units already counted, named again: "Nhân dân 4 phường,
            # xã", "tiếp giáp với 06 quận, huyện"
            return _incidental(tok, "reference count")
        if _AT_PLACE_BEFORE.search(before) and (not _COUNTED_NOUNS.match(tok.noun) or _NAMED_AFTER.match(
                text[tok.tail:tok.tail + 40])):
            return _incidental(tok, "place reference")  # "tại 2 dự án Khu đô thị …": the projects named
        if _YEAR.fullmatch(raw):
            return _incidental(tok, "year")
        if _TIME_NOUNS.match(tok.noun):
            return _incidental(tok, "period length" if tok.noun.startswith(("tháng", "năm", "quý")) else "time")
        if _AGENDA_NOUNS.match(tok.noun) and not (tok.noun.startswith("tiêu chí") and _CRITERIA_MET_BEFORE.search(before)):
            return _incidental(tok, "agenda count")
        after = text[tok.end:tok.end + 3]
        if after.startswith((":", "h", "giờ")) and _CLOCK_AFTER.match(text[tok.end:tok.end + 5]):
            return _incidental(tok, "time")
        if not tok.noun and not _VERB_BEFORE.search(before) and not _NUMBERS_LISTED_AFTER.match(text, tok.end):
            return _incidental(tok, "bare number")  # (not the first of a list: "kết nạp 126, 105 và 98 đảng viên")
    return tok


def _incidental(tok: Token, reason: str) -> Token:
    return Token(tok.start, tok.end, tok.value, tok.unit, tok.denominator, tok.noun, "incidental", reason, tok.num_end)


# --- context -----------------------------------------------------------------------------------

#: the gap between two sentences (group 1): a closing quote and white space after ".", "!", "?" or "…" (the
#: pattern starts with the punctuation, not a look-behind, so that the regex engine skips ahead to it)
_SENTENCE_SPLIT = re.compile(r"[.!?…]([\"”]?\s+)")
_CLAUSE_SPLIT = re.compile(r";")


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]``, as spans (a mark just before ``start`` ends a sentence there too).

    >>> list(_sentences("A b. C d! “E.” F… ", 0, 18))
    [(0, 4), (5, 9), (10, 13), (15, 17)]
    >>> list(_sentences("Năm nay, H. Củ Chi đạt 42%. Xã", 0, 30))  # an abbreviated level word ends no sentence
    [(0, 27), (28, 30)]
    """
    pos = start
    for m in _SENTENCE_SPLIT.finditer(text, max(0, start - 1), end):
        if text[m.start()] == "." and abbreviation_at(text, m.start()):
            continue  # "H. Củ Chi giải ngân đạt 42%": an abbreviated level word, not the end of a sentence
        if m.start(1) > pos:
            yield pos, m.start(1)
        pos = m.end(1)
    if pos < end:
        yield pos, end

# --- basis: what a percentage, multiple or ratio is measured against ---------------------------
#: cues right after the number, in the order they are tried; the nearest cue wins
_BASIS_AFTER = [
    (re.compile(r"so với (?:tháng|quý|tuần|kỳ) trước"), "none"),  # month, quarter or week on the one before
    # the part of the year before, named without its year: "tăng 11,8% so với quý I", "bằng 92% so với tháng 3"
    (re.compile(r"so với (?:quý (?:IV|III|II|I|[1-4])|tháng \d{1,2})(?![\w/])(?! năm (?:19|20))"), "none"),
    (re.compile(r"so với (?:đầu nhiệm kỳ|năm đầu nhiệm kỳ)"), "term_start"),
    (re.compile(r"so (?:với |cùng )(?:cùng kỳ |kỳ |\d{1,2} tháng (?:đầu |cuối )?|\w+ tháng (?:đầu |cuối )?|nửa (?:đầu|cuối) |"
                r"quý [IV1-4]+[ /]|tháng \d{1,2}[ /]|cuối |đầu |hết |năm )*(?P<year>(?:19|20)\d\d)"), "yoy"),
    # (a school year on the one before: "tăng 136 em so với năm học trước", "so với năm học 2024-2025")
    (re.compile(r"cùng kỳ|so với (?:cuối |hết )?năm (?:trước|ngoái)|so với năm học (?:trước|(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d)"),
     "yoy"),
    (re.compile(r"kế hoạch|dự toán|[Dd]ự toán|chỉ t(?:iêu\b|$)|\bKH\b|nghị quyết"), "plan"),
    (re.compile(r"tổng thu|tổng chi|tổng số|tổng giá trị|GRDP của|tổng vốn"), "share"),
    (re.compile(r"khối lượng"), "share"),
]
#: the year a multiple is of, written right after it without "so với": "gấp 1,6 lần năm 2020"
_MULTIPLE_OF_YEAR = re.compile(r"\s((?:năm\s)?(?P<year>(?:19|20)\d\d))\b")
_SHARE_BEFORE = re.compile(r"(?:chiếm|tỷ trọng|tỉ trọng|cơ cấu)(?:\s\S+){0,3}\s$")
#: a part of what was just counted: "tiếp nhận 9.842 hồ sơ, trong đó 97,3% …"
_PART_OF_COUNT = re.compile(r"\d[\d.]*\s[^\W\d_]+(?:\s[^\W\d_]+){0,5},?\s((?:trong đó|trong số đó|trong số này)),?\s"
                            r"(?:có\s)?(?:(?:khoảng|gần|hơn|trên)\s)?$|"
                            # "tiếp nhận 12.850 hồ sơ, giải quyết đúng hạn 99,8%": the records settled in time
                            r"\d[\d.]*\s(?:hồ sơ|thủ tục)[^,;.\d]{0,40},\s((?:giải quyết|xử lý)\s(?:đúng(?:\svà\strước)?|trước)"
                            r"\shạn)\s(?:đạt\s)?(?:(?:khoảng|gần|hơn|trên)\s)?$")
#: a percentage that opens its clause and is said of things done to them ("3.260 hồ sơ, 100% được giải quyết đúng hạn",
#: "có 87,4% được xếp loại"): a share of what was counted or is named, not a result against a plan
_SHARE_PASSIVE_AFTER = re.compile(r"^\s(?:(?:đều\s|đã\s)?(?:được|bị)|là|có)\s")  # (… "25,8% là người dân tộc", "43,9% có …")
_CLAUSE_OPENING_NEAR = re.compile(r"(?:^|,\s|\bcó\s|\bvới\s)(?:(?:khoảng|gần|hơn|trên)\s)?$")
#: a part's contribution to a whole: "đóng góp 30,8% GDP cả nước", "đóng góp 5,98% vào mức tăng trưởng chung"
_CONTRIBUTED_BEFORE = re.compile(r"\bđóng góp(?:\s(?:khoảng|gần|hơn|trên|xấp xỉ))?\s$")
#: disbursement reaching a share: "tỷ lệ giải ngân (vốn đầu tư công) đạt 34%" is of the capital planned
_DISBURSED_REACHED = re.compile(r"\bgiải ngân\b(?:[^,;%\d]{0,40}\b(?:đạt|bằng|được))?"
                                r"(?:\s(?:được|khoảng|gần|hơn|trên|xấp xỉ))*\s$|"
                                # "TP A giải ngân 35%, huyện B 22%": the next unit's bare figure, in a list
                                r"\bgiải ngân\b[^,;%\d]{0,40}\d+(?:[.,]\d+)?\s?%,\s(?:[^\W\d]+\s){1,5}$")
#: the disbursement rate is of the capital planned, wherever it stands in the clause: "các tỉnh có tỷ lệ giải ngân
#: cao là Long An (60,1%)", "tỷ lệ giải ngân cao nhất là Tiền Giang với 70,5%"
_DISBURSEMENT_RATE = re.compile(r"\b(?:tỷ lệ|tỉ lệ|Tỷ lệ|Tỉ lệ) giải ngân\b|"
                                # a rate said against a plan: "có tỷ lệ thu so với dự toán cao hơn quận 5 (74%)"
                                r"\b(?:tỷ lệ|tỉ lệ|Tỷ lệ|Tỉ lệ)\s[^,;%\d]{0,30}\bso với (?:dự toán|kế hoạch|chỉ tiêu)\b")
_SHARE_CLAUSE = re.compile(r"\b(?:tỷ lệ|tỉ lệ|Tỷ lệ|Tỉ lệ|[Cc]ông suất sử dụng|[Hh]iệu suất đào tạo)\b")  # (a rate of use)
_BASE_BEFORE = re.compile(r"so với (?:năm |cùng kỳ năm )?(?P<year>(?:19|20)\d\d)[^,;]{0,40}$|so với cùng kỳ[^,;]{0,30}$|"
                          r"năm sau (?:tăng )?(?:cao )?hơn năm trước\s$")
_ABOVE_LAST_YEAR = re.compile(r"\b(?:cao|thấp|nhiều|ít)\shơn\s(?:cùng kỳ(?:\snăm\s(?:trước|ngoái))?|năm\s(?:trước|ngoái)|"
                              r"(?P<plan>kế hoạch|chỉ tiêu|dự toán)(?:\s[^\W\d_]+){0,4})\s$")
_TARGET_BEFORE = re.compile(r"(?:mục tiêu|Mục tiêu)(?:\s(?:là|đề ra là|đặt ra là|đề ra))?\s$")
#: a sentence about a rate of growth: what it "reaches" is the rate, never a share of the plan a list named
#: a rate or an index level, which a bare "đạt" reaches by itself: "Tốc độ tăng trưởng … ước đạt 8,7%", "Chỉ số cải
#: cách hành chính của quận đạt 91,2%"
_RATE_SUBJECT = re.compile(r"[Tt]ốc độ tăng|[Tt]ăng trưởng|[Cc]hỉ số|\b(?:PAR|PCI|DTI|SIPAS|GRDP|GDP)\b")
_GROWTH_BEFORE = re.compile(r"(?:tăng|giảm|tăng trưởng|tăng thêm)(?:\s(?:thêm|được|khoảng|gần|hơn|trên|bình quân))*\s$")
_REACH_BEFORE = re.compile(r"(?:đạt|bằng|thực hiện được|hoàn thành)(?:\s(?:được|khoảng|gần|hơn|trên|xấp xỉ))*\s$")
_REVENUE_WORDS = re.compile(r"\b(?:thu(?! nhập| hút| hồi| gom| hoạch| hẹp)|chi(?! bộ| cục| nhánh| hội| tiết| phí)|ngân sách|"
                            r"giải ngân)\b", re.I)
_PLAN_BEFORE = re.compile(r"(?:vượt|đạt|bằng)\s(?:chỉ tiêu|kế hoạch|dự toán)[^,;]{0,30}$")
#: a percentage of a counted whole: "94% hộ gia đình", "100% chi bộ", "100% các hộ kinh doanh"
_SHARE_NOUN = re.compile(
    r"^\s?(?:các\s|số\s)?(?:hộ|gia đình|chi bộ|đảng viên|tổ chức|cơ sở|chợ|trường|xã|phường|thôn|tổ dân phố|khu dân cư|"
    r"doanh nghiệp|người|dân|học sinh|hồ sơ|thủ tục|dịch vụ|cán bộ|công chức|đơn vị|tiểu thương|hộ kinh doanh|"
    r"dự án|công trình|tuyến|văn bản|giao dịch|số|lao động|trẻ em|trẻ|cơ quan|trạm y tế|khu phố|"
    # (more of the things and people counted: "100% sở, ngành", "100% sản phẩm OCOP", "65% đối tượng", "95% phụ huynh")
    r"sở|phòng|ban|ngành|sản phẩm|hợp tác xã|đối tượng|tờ khai|khách|phụ huynh|khu vực|đảng bộ|bệnh viện|giáo viên|"
    r"thành viên|hội viên|ấp|bản|làng|xóm|thẻ|cửa hàng|trợ cấp|kết quả|"
    r"đúng hạn|đúng và trước hạn|trước hạn)\b")  # ("100% đúng hạn": of the records just counted)
_SAME_PERIOD_AFTER_COUNT = re.compile(r"^\s?(?:[^\W\d_]+\s){0,4}?(so (?:với )?cùng kỳ|so với năm (?:học )?trước)")
#: (units that met or passed their plan: "41 đảng bộ đã hoàn thành chỉ tiêu", "8/13 huyện hoàn thành dự toán")
_PLAN_AFTER_COUNT = re.compile(r"^[^,;.]{0,60}?(?<!phấn đấu )(?<!sẽ )(?<!để )(?<!nhằm )(?:vượt|đạt|hoàn thành)(?: và vượt)? "
                               r"(?:chỉ tiêu|kế hoạch|dự toán)")  # (not a goal: "cùng 10 phường sẽ phấn đấu hoàn thành")


_PUNCT_OR_NUMBER = re.compile(r"[,;:(]|(?<![\d.,])\d+(?:[.,]\d+)*(?!\d|[.,]\d|\stháng\b)")  # "so với 6 tháng đầu năm 2022": words


#: the other members of a list of percentages after one of them: ", 88% và 46%"
_LISTED_PERCENTS = re.compile(r"(?:\s?(?:,|và|;)\s?\d+(?:[.,]\d+)?\s?%)+")


def _up_to_next_figure(after: str) -> str:
    """The words after a number up to the next punctuation or number (a year, a number of months or a month's number
    are words here: "cao hơn 1,85% so với năm 2023", "bằng 96,5% so với 10 tháng năm 2022", "so với tháng 3")."""
    cut = _PUNCT_OR_NUMBER.search(after)
    while cut and (_YEAR.fullmatch(cut.group(0)) or _MONTH_BEFORE.search(after, max(0, cut.start() - 6), cut.start())):
        cut = _PUNCT_OR_NUMBER.search(after, cut.end())
    return after[:cut.start()] if cut else after


_MONTH_BEFORE = re.compile(r"\b(?:tháng|quý)\s$")


def _basis(clause_before: str, clause_after: str, unit: str, noun: str, ctx: ArticlePeriods,
           siblings: str = "", at: tuple[int, int, int] = (0, 0, 0)) -> tuple[str, int, int]:
    """What a percentage (or a multiple, or an x/y) is measured against, with the span of the cue words
    that decided it: ``(basis, start, end)``, ``(basis, -1, -1)`` when no cue did (the default).

    The nearest explicit cue after the number decides ("đạt 55,7% dự toán", "tăng 18% so với cùng
    kỳ", "chiếm 6,5% tổng thu"); then the words before it ("chiếm", "tỷ lệ", "so với năm 2020 tăng");
    a percentage of counted things is a share; and in a budget list, a bare "đạt X%" after an amount
    is per cent of plan and a bare "tăng X%" is growth on the same period ("đạt 66,5% và tăng 3,1%").
    ``siblings`` is the earlier part of the sentence, whose cue a bare figure of the same kind repeats.
    ``at``: the offsets of ``clause_before``, ``clause_after`` and ``siblings`` in the text.

    >>> _basis("Thu ngân sách đạt 2.511 tỷ đồng, bằng ", " dự toán", "percent", "", ArticlePeriods(2024, 2024, 10, ""))
    ('plan', 1, 8)
    """
    if unit == "ratio" or unit == "count" and not clause_after.lstrip().startswith("tiêu chí"):
        # (not a count of a standard's criteria: "đạt 14,2 tiêu chí" is no result against a plan)
        found = _targets_basis(clause_before, clause_after, at)
        if found:
            return found
    if unit in ("count", "VND_bn", "USD_mn", "ha", "score") and AMOUNT_CHANGE_BEFORE.search(clause_before[-25:]):
        # "tăng 35 triệu đồng so với đầu nhiệm kỳ", "tăng 1.377 doanh nghiệp so với cùng kỳ", "tăng 4,3 điểm so với năm
        # 2022": a change, on a base
        change = _basis_after(_up_to_next_figure(clause_after[:70]), ctx, ctx.term_starts())
        if change and change[0] in ("yoy", "term_start"):
            return change[0], at[1] + change[1], at[1] + change[2]
    if unit == "count":
        return _count_basis(clause_after, at[1])
    if unit == "ratio":
        return _ratio_basis(clause_before, clause_after, noun, at)
    if unit == "rank":  # "tăng 5 bậc so với năm trước": a change of place, on a base
        found = _basis_after(_up_to_next_figure(clause_after[:70]), ctx, ctx.term_starts())
        return (found[0], at[1] + found[1], at[1] + found[2]) if found else ("none", -1, -1)
    if unit not in ("percent", "times", "pp"):
        return "none", -1, -1
    term_starts = ctx.term_starts()
    found = _basis_after(_up_to_next_figure(clause_after[:70]), ctx, term_starts)
    listed = _LISTED_PERCENTS.match(clause_after) if not found and unit == "percent" else None
    if listed:  # "giải ngân đạt 95%, 88% và 46% kế hoạch vốn": the cue after the list's last member
        found = _basis_after(_up_to_next_figure(clause_after[listed.end():listed.end() + 70]), ctx, term_starts)
        found = found and (found[0], found[1] + listed.end(), found[2] + listed.end())
    if found:
        return found[0], at[1] + found[1], at[1] + found[2]
    of_year = _MULTIPLE_OF_YEAR.match(clause_after) if unit == "times" else None
    if of_year:  # "gấp 1,6 lần năm 2020": a multiple of that year's level
        basis = "term_start" if of_year["year"] in term_starts else "yoy"
        return basis, at[1] + of_year.start(1), at[1] + of_year.end()
    return _basis_before(clause_before, clause_after, unit, term_starts, siblings, at)


def _near_cue(clause_before: str, b_at: int):
    """The last 60 characters before a number, and a maker of ``(basis, start, end)`` for a cue found in them."""
    before_at = b_at + len(clause_before)  # where ``near`` ends (the number)
    near = clause_before[-60:]
    near_at = before_at - len(near)

    def in_near(m: re.Match[str] | None, basis: str) -> tuple[str, int, int]:
        return (basis, near_at + m.start(), near_at + m.start() + len(m.group(0).rstrip())) if m else (basis, -1, -1)

    return near, in_near


def _count_basis(clause_after: str, a_at: int) -> tuple[str, int, int]:
    """A count done against a plan ("kết nạp 85 đảng viên, đạt chỉ tiêu") or compared with the same period
    ("tăng 1.377 doanh nghiệp so với cùng kỳ")."""
    m = _PLAN_AFTER_COUNT.match(clause_after)
    if m:
        return "plan", a_at, a_at + m.end()
    m = _SAME_PERIOD_AFTER_COUNT.match(clause_after)
    return ("yoy", a_at + m.start(1), a_at + m.end(1)) if m else ("none", -1, -1)


# targets met, exceeded or missed are counted against the plan they belong to ("chỉ tiêu" is the plan): "18/21 chỉ
# tiêu đạt và vượt", "hoàn thành 15 chỉ tiêu", "6 chỉ tiêu vượt", "3 chỉ tiêu chưa đạt"; not "đề ra 27 chỉ tiêu"
_TARGETS_MET_AFTER = re.compile(r"^\s?(?:chỉ tiêu|tiêu chí)(?! thi đua)[^,;.\d]{0,40}?\b(?:đạt|vượt|hoàn thành)\b")
#: (not a goal: "tiếp tục hoàn thành 4 chỉ tiêu", "phấn đấu đạt 18 chỉ tiêu")
_TARGETS_MET_BEFORE = re.compile(r"(?<!tiếp tục )(?<!phấn đấu )(?<!để )(?<!nhằm )(?<!sẽ )"
                                 r"\b(?:đạt|vượt|hoàn thành)(?: và (?:hoàn thành )?vượt)?(?: mức)?(?: được)?\s$")
_TARGETS_NOUN = re.compile(r"^\s?(?:chỉ tiêu|tiêu chí)(?! thi đua)")


def _targets_basis(clause_before: str, clause_after: str, at: tuple[int, int, int]) -> tuple[str, int, int] | None:
    """A count or x/y of targets met, exceeded or missed is against the plan; the cue is the verb."""
    if not _TARGETS_NOUN.match(clause_after):
        return None
    m = _TARGETS_MET_AFTER.match(clause_after)
    if m:
        return "plan", at[1], at[1] + m.end()
    near, in_near = _near_cue(clause_before, at[0])
    m = _TARGETS_MET_BEFORE.search(near)
    return in_near(m, "plan") if m else None


_RATIO_PLAN_AFTER = re.compile(r"^\s?(?:chỉ tiêu|tiêu chí)?[^,;.]{0,40}(?:đạt|vượt|hoàn thành)[^,;.]{0,15}"
                               r"(?:kế hoạch|chỉ tiêu|mức|dự toán)")


def _ratio_basis(clause_before: str, clause_after: str, noun: str, at: tuple[int, int, int]) -> tuple[str, int, int]:
    """An x/y of targets met ("16/19 chỉ tiêu đạt và vượt kế hoạch"), of members admitted against the target."""
    m = _RATIO_PLAN_AFTER.match(clause_after)
    if m:
        return "plan", at[1], at[1] + m.end()
    near, in_near = _near_cue(clause_before, at[0])
    m = re.search(r"kết nạp", near) if noun.startswith(("đảng viên",)) else None
    return in_near(m, "plan") if m else ("none", -1, -1)


def _basis_after(after: str, ctx: ArticlePeriods, term_starts: set[str]) -> tuple[str, int, int] | None:
    """The nearest cue after the number (:data:`_BASIS_AFTER`), offsets in ``after``; "so với năm 2020" is
    against the start of the term when 2020 starts one (not "so với cùng kỳ năm 2020", a month or a quarter of it, nor
    the year before)."""
    found = []
    for pattern, basis in _BASIS_AFTER:
        m = pattern.search(after)
        if m:
            if basis == "yoy" and "year" in m.groupdict() and m["year"] in term_starts \
                    and not re.search(r"kỳ|tháng|quý", m.group(0)) and int(m["year"]) != (ctx.year or 0) - 1:
                basis = "term_start"
            found.append((m.start(), basis, m.end()))
    if not found:
        return None
    first = min(found)
    return first[1], first[0], first[2]


#: a comparison that opens a sentence or a list, for every growth in it: "So với cùng kỳ năm 2023, …", "Xét theo địa
#: bàn, so với cùng kỳ, A tăng 8,03%, B tăng 7,9%"
#: (also the year before, a year, the term's start: "So với năm 2024 (…), tỷ lệ hộ nghèo giảm 1,15 điểm phần trăm")
_BASE_OPENS = re.compile(r"(?:^|,\s)([Ss]o với (?:cùng kỳ(?: năm (?:trước|ngoái|(?:19|20)\d\d))?|năm (?:trước|ngoái|"
                         r"(?P<year>(?:19|20)\d\d))|(?P<term>đầu nhiệm kỳ)(?: (?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d)?))"
                         r"(?:\s\([^()]*\))?,\s")


def _basis_before(clause_before: str, clause_after: str, unit: str, term_starts: set[str], siblings: str,
                  at: tuple[int, int, int]) -> tuple[str, int, int]:
    """The cue before the number ("chiếm", "đạt kế hoạch", "so với năm 2020 tăng", "tỷ lệ", "mục tiêu"), a
    percentage of counted things, else a budget list's bare "đạt"/"tăng" (:func:`_revenue_basis`)."""
    b_at, a_at, _s_at = at
    near, in_near = _near_cue(clause_before, b_at)
    if unit == "times":
        m = _BASE_BEFORE.search(near)
        return in_near(m, "term_start" if m["year"] in term_starts else "yoy") if m else ("none", -1, -1)
    share = _share_cue(clause_before, clause_after, unit, siblings, at)
    if share:
        return share
    m = _PLAN_BEFORE.search(near)
    if m:
        return in_near(m, "plan")
    compared = _compared_before(clause_before, near, unit, term_starts, siblings, at)
    if compared:
        return compared
    m = _SHARE_NOUN.match(clause_after)
    if m:
        return "share", a_at + m.end() - len(m.group(0).lstrip()), a_at + m.end()
    m = _DISBURSED_REACHED.search(near)
    if m:  # "tỷ lệ giải ngân đạt 34%", "tiến độ giải ngân đạt trên 95%": of the capital planned, said or not
        return in_near(m, "plan")
    m = _DISBURSEMENT_RATE.search(clause_before)
    if m:
        return "plan", b_at + m.start(), b_at + m.end()
    m = _SHARE_CLAUSE.search(clause_before)
    if m:
        return "share", b_at + m.start(), b_at + m.end()
    m = _TARGET_BEFORE.search(near)
    if m:
        return in_near(m, "target")
    turnover = _turnover_growth(clause_before, clause_after, near, b_at)
    if turnover:
        return turnover
    return _revenue_basis(clause_before, clause_after, near, siblings, at)


def _compared_before(clause_before: str, near: str, unit: str, term_starts: set[str], siblings: str,
                     at: tuple[int, int, int]) -> tuple[str, int, int] | None:
    """A change said against a base before it: "so với năm 2020 tăng", "cao hơn năm trước 0,4 điểm phần trăm", "thấp
    hơn chỉ tiêu tỉnh giao 1,1 điểm phần trăm" (without "so với"), a comparison opening the sentence ("So với cùng kỳ
    năm 2023, … tăng 11,4%", "So với đầu nhiệm kỳ, …")."""
    _in_near = _near_cue(clause_before, at[0])[1]
    m = _BASE_BEFORE.search(near)
    if m and (_GROWTH_BEFORE.search(near) or re.search(r"\b(?:tăng|giảm)\b", near[-40:])):
        return _in_near(m, "term_start" if m["year"] and m["year"] in term_starts else "yoy")
    m = _ABOVE_LAST_YEAR.search(near)
    if m and not (m["plan"] and unit == "percent"):  # ("thấp hơn chỉ tiêu 8,3% của Nghị quyết": the plan's own value)
        return _in_near(m, "plan" if m["plan"] else "yoy")
    m = _BASE_OPENS.search(siblings + clause_before) if _GROWTH_BEFORE.search(near) else None
    if m:  # "So với cùng kỳ năm 2023, số đảng viên được kết nạp tăng 11,4%", "so với cùng kỳ, A tăng 8%, B tăng 7,9%"
        basis = "term_start" if m["term"] or m["year"] in term_starts else "yoy"
        return basis, at[2] + m.start(1), at[2] + m.end(1)
    return None


def _turnover_growth(clause_before: str, clause_after: str, near: str, b_at: int) -> tuple[str, int, int] | None:
    """A turnover's yearly growth, on the year before like a revenue's: "kim ngạch xuất khẩu tăng bình quân
    11,2%/năm", "doanh thu du lịch tăng 15%/năm" (not a goal's range, nor another measure set against it)."""
    if not (_PER_YEAR_AFTER.match(clause_after) and _GROWTH_BEFORE.search(near)) \
            or _RANGE_BEFORE.search(clause_before) or _TARGET.search(clause_before):
        return None
    own = max(clause_before.rfind(","), len(clause_before) - 120) + 1  # (its own words: not "…, trong khi …")
    m = _TURNOVER.search(clause_before, own)
    return ("yoy", b_at + m.start(), b_at + m.end()) if m else None


#: a turnover, which grows year on year like a revenue: "kim ngạch xuất khẩu", "doanh thu du lịch"
_TURNOVER = re.compile(r"\b(?:[Kk]im ngạch|[Dd]oanh thu)\b")
_RANGE_BEFORE = re.compile(r"\d\s?[-–]\s?$")  # the high end of a range ("22 - 24%/năm"), a goal's
_PER_YEAR_AFTER = re.compile(r"\s?(?:%\s?)?(?:/\s?năm|mỗi năm|hàng năm|hằng năm)\b")


def _share_cue(clause_before: str, clause_after: str, unit: str, siblings: str,
               at: tuple[int, int, int]) -> tuple[str, int, int] | None:
    """The words that make a figure a share: "chiếm", "tỷ trọng", "đóng góp" before it; a part of what was just
    counted ("tiếp nhận 9.842 hồ sơ, trong đó 97,3% …"); a percentage opening its clause said of things done to them
    ("100% được giải quyết đúng hạn")."""
    b_at, a_at, s_at = at
    near, in_near = _near_cue(clause_before, b_at)
    m = _SHARE_BEFORE.search(near) or (_CONTRIBUTED_BEFORE.search(near) if unit == "percent" else None)
    if m:
        return in_near(m, "share")
    if unit != "percent":
        return None
    m = _PART_OF_COUNT.search((siblings + clause_before)[-90:])
    if m:  # "tiếp nhận 9.842 hồ sơ, trong đó 97,3% được nộp trực tuyến": a share of what was counted
        shift = s_at + len(siblings + clause_before) - len((siblings + clause_before)[-90:])
        return "share", shift + m.start(m.lastindex or 0), shift + m.end(m.lastindex or 0)
    m = _SHARE_PASSIVE_AFTER.match(clause_after) if _CLAUSE_OPENING_NEAR.search(near) else None
    return ("share", a_at + m.start(), a_at + m.end()) if m else None


#: a measure other than revenue named as the subject of a clause
_OTHER_MEASURE = re.compile(r"giá trị sản xuất|[Tt]ăng trưởng|\bG(?:R)?DP\b|sản lượng|kim ngạch|doanh thu|[Tt]ốc độ")


def _revenue_basis(clause_before: str, clause_after: str, near: str, siblings: str,
                   at: tuple[int, int, int]) -> tuple[str, int, int]:
    """In a budget list, a bare "đạt X%" is per cent of plan and a bare "tăng X%" (or "X%/năm") growth on the
    same period; the cue is the revenue word, in the clause or earlier in the sentence (``siblings``)."""
    b_at, _a_at, s_at = at
    before_at = b_at + len(clause_before)
    head = clause_before[-160:]
    # (the sentence's words before a semicolon name another measure: "thu ngân sách … gấp 11 lần; giai đoạn
    # 2005-2024, tổng giá trị sản xuất tăng bình quân 14,2%/năm")
    cut = siblings.rfind(";") + 1
    if not _OTHER_MEASURE.search(siblings[cut:] + clause_before):
        cut = 0
    revenue = _REVENUE_WORDS.search(head + " " + (" " * cut + siblings[cut:])[-200:])
    if not revenue:
        return "none", -1, -1
    if revenue.start() < len(head):
        cue = (before_at - len(head) + revenue.start(), before_at - len(head) + revenue.end())
    else:
        shift = s_at + len(siblings) - len(siblings[-200:]) - len(head) - 1
        cue = (shift + revenue.start(), shift + revenue.end())
    if _REACH_BEFORE.search(near) and not _RATE_SUBJECT.search(near.rsplit(";", 1)[-1]):
        return "plan", *cue  # (not "…, đạt 50,6% dự toán; tăng trưởng GRDP đạt 7,18%": a rate)
    if _GROWTH_BEFORE.search(near) or re.match(r"\s?/năm", clause_after):
        return "yoy", *cue
    return "none", -1, -1


# --- qualifier ---------------------------------------------------------------------------------
_HEDGES = [
    # "ngoài 60 tuổi", never "vốn đầu tư nước ngoài 13,7 nghìn tỷ"
    (re.compile(r"\b(?:hơn|trên|vượt|(?<!nước )ngoài|Trên|Hơn|Vượt|ít nhất|Ít nhất|tối thiểu)\s$"), "more_than"),
    (re.compile(r"\b(?:dưới|chưa đến|chưa tới|không quá|tối đa|Dưới|thấp hơn)\s$"), "less_than"),
    (re.compile(r"\b(?:gần|khoảng|xấp xỉ|chừng|Gần|Khoảng|Xấp xỉ)\s$"), "approx"),
]
#: a comparative whose figure is the difference: "cao hơn 1,85% so với năm 2023", "thấp hơn 3 bậc so với"
_COMPARATIVE = re.compile(r"\b(?:cao|thấp|nhiều|ít|lớn|nhỏ|nhanh|chậm)\shơn\s$")
_COMPARED_AFTER = re.compile(r"\s?%?\s?(?:[^\W\d_]+\s){0,3}?so với\b")
_ESTIMATE = re.compile(r"\b(?:ước|Ước|dự kiến|Dự kiến|dự báo|ước tính)\b[^,;]{0,70}$")
#: a goal earlier in the sentence makes every figure after it a target
#: ("hoàn thành mục tiêu …", "đạt mục tiêu …", "vượt mục tiêu …": a goal reached is a result, not one set)
_TARGET = re.compile(r"\b(?:(?<!hoàn thành )(?<!đạt )(?<!vượt )(?<!về đích )mục tiêu|Mục tiêu|phấn đấu|Phấn đấu|đặt ra|phải đạt|chỉ tiêu đặt|(?<!quyết )(?<!hoạch )(?<!tiêu )đề ra|"
                     r"định hướng|hướng tới|"
                     r"phải kết nạp|phải hoàn thành|cần đạt|thông qua [Nn]ghị quyết|giao chỉ tiêu)\b")
#: "đề ra", "đặt ra" after the targets they qualify ("hoàn thành 12/15 chỉ tiêu … đề ra cho năm 2024"): the targets
#: that were set, a participle, not a goal being set ("Quận đề ra 28 chỉ tiêu")
_SET = frozenset({"đề ra", "đặt ra"})
_SET_NOUN_BEFORE = re.compile(r"(?:chỉ tiêu|mục tiêu|nhiệm vụ|kế hoạch)(?:\s[^\s,;.]+){0,8}\s$")
#: "đến năm 2030", "tới năm 2030": a deadline, a goal when its year is later than the article's (:class:`_GoalWords`)
_BY_YEAR = re.compile(r"\b[ĐđTt](?:ến|ới) năm (\d{4})\b")
_DECLINE = re.compile(r"(?:giảm|sụt|hạ)\s(?:đi\s|được\s)?$")
_LEVEL_AFTER_DECLINE = re.compile(r"(?:giảm|hạ)\s(?:xuống\s)?còn\s$")
_PAST = re.compile(r"\bđã\b|\bđược\b|\bđạt\b")
#: the present state, said right after the figure ("11 mét hiện tại", "2.000 hộ hiện có")
_NOW_AFTER = re.compile(r"\s?(?:[^\W\d_]+\s){0,2}?(?:hiện tại|hiện nay|hiện có)\b")
#: "từ X lên Y": X is the level things start from
_RISE_TO_AFTER = re.compile(r"\s?%?\s?(?:[^\W\d_]+\s){0,2}?lên\s(?:mức\s|khoảng\s|gần\s|hơn\s|trên\s)?\d")


_OR_MORE_AFTER = re.compile(r"\s?(?:%\s?)?(?:\S+\s){0,4}trở lên")  # "50% trở lên"
_FROM_BEFORE, _PER_YEAR_RATE_AFTER = re.compile(r"\btừ\s$"), re.compile(r"\s?%?/năm")


def _qualifier(goal_before: bool, clause_before: str, after: str, in_targets: bool, period: str,
               ctx: ArticlePeriods) -> str:
    """The hedge a figure is written with; the nearest cue wins: "trên 10,6%" in a list of goals is
    ``more_than``, a goal with no hedge is ``target``, "ước" in its own clause is ``estimate``.
    ``goal_before``: a goal is set earlier in the sentence (:data:`_TARGET`)."""
    near = clause_before[-30:]
    if _OR_MORE_AFTER.match(after):
        return "more_than"
    if _COMPARATIVE.search(near) and _COMPARED_AFTER.match(after):
        return "actual"  # "cao hơn 1,85% so với năm 2023": by how much, not "more than"
    for pattern, q in _HEDGES:
        if pattern.search(near):
            return q
    if _FROM_BEFORE.search(near) and (_PER_YEAR_RATE_AFTER.match(after)
                                      or _GROUP_THRESHOLD.search(clause_before[-80:])):
        return "more_than"  # "bình quân từ 10%/năm", "7 quận có số thu từ 500 tỷ đồng": at least
    if _NOW_AFTER.match(after) or _FROM_BEFORE.search(near) and _RISE_TO_AFTER.match(after):
        return "actual"  # "mở rộng từ 11 mét hiện tại lên 40 mét": where things stand, the start of a goal
    future = bool(ctx.future and period and period == ctx.future)
    if goal_before or in_targets or (future and not _PAST.search(clause_before)):
        return "target"
    if _ESTIMATE.search(clause_before.split(",")[-1] if "," in clause_before[-40:] else clause_before):
        return "estimate"
    return "actual"


_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")


def last_goal(words: str, now: int | None = None) -> re.Match[str] | None:
    """The last words in ``words`` that set a goal (:data:`_TARGET`; "chỉ tiêu … đề ra" is the targets that were
    set, not a goal being set; a deadline "đến năm Y" when Y is later than ``now``), or None."""
    last = None
    for m in _TARGET.finditer(words):
        if not (m[0] in _SET and _SET_NOUN_BEFORE.search(words, max(0, m.start() - 60), m.start())):
            last = m
    if now is not None:
        for m in _BY_YEAR.finditer(words):
            if int(m[1]) > now and (last is None or m.start() > last.start()):
                last = m
    return last


class _GoalWords:
    """Whether the words before a figure set a goal (:data:`_TARGET`), from ``start`` (the sentence, or the one
    a breakdown reads with) up to the figure; a goal in closed brackets is that figure's own and does not
    count: "Khối bộ đạt 63,5% (mục tiêu 70%), khối tỉnh chỉ đạt 18,5%".

    Most sentences set no goal: one search of the whole frame answers for all its figures.  (Blanking a
    bracket never makes a goal word where the text has none.)

    A deadline ("đến năm 2030") is a goal when its year is later than ``now``, the year the article was written
    (unknown: never); "Đến năm 2023, …" in a 2024 article says what had been done by then.

    >>> g = _GoalWords("Xã đạt 61% (mục tiêu 65%), phường đạt 48%; phấn đấu 70%", 0, 55)
    >>> [g(k) for k in (7, 22, 40, 53)]
    [False, True, False, True]
    >>> [_GoalWords("Đến năm 2030, đạt 60%", 0, 21, now)(17) for now in (2025, 2031, None)]
    [True, False, False]
    """

    __slots__ = ("text", "start", "any", "now")

    def __init__(self, text: str, start: int, end: int, now: int | None = None):
        self.text, self.start, self.now = text, start, now
        self.any = last_goal(text[start:end], now) is not None

    def __call__(self, pos: int) -> bool:
        return self.any and last_goal(_CLOSED_BRACKETS.sub(" ", self.text[self.start:pos]), self.now) is not None

    def at(self, pos: int) -> tuple[int, int] | None:
        """The span of the last goal words before ``pos`` (brackets blanked, not removed: offsets kept)."""
        if not self.any:
            return None
        last = last_goal(_CLOSED_BRACKETS.sub(lambda m: " " * len(m.group(0)), self.text[self.start:pos]), self.now)
        return (self.start + last.start(), self.start + last.end()) if last else None


#: a sentence that breaks down the one before it
_BREAKDOWN = re.compile(r"(?:Trong đó|Cụ thể|Theo đó)\b")
#: a paragraph that goes on with a list of goals: "Trên lĩnh vực …", "Về xây dựng Đảng, …"
_CONTINUES_LIST = re.compile(r"^(?:Trên lĩnh vực|Trong lĩnh vực|Ở lĩnh vực|Lĩnh vực|Về|Đối với|Theo đó)\b")
_FIGURE_IN_HEADING = re.compile(r"\d[\d.,]*\s?(?:%|tỷ|triệu|lần)|\d+/\d+")
_SUB_YEAR = re.compile(r"-(?:H[12]|Q[1-4]|\d{1,2}M|\d\d|YTD)$")
#: a heading: a short line that does not end a sentence ("Hà Nội", "1.1 Tài chính", "I. Kết quả thực hiện nhiệm vụ năm
#: 2016", "2. Thu ngân sách")
_HEADING = re.compile(r"^(?:[IVX]{1,4}\.\s|\d{1,2}(?:\.\d{1,2})*\.?\s)?[^.!?;:]{1,80}$")


# --- place -------------------------------------------------------------------------------------
#: a unit named as someone's office ("Phó Chủ tịch UBND TP Hải Phòng") or as merged into another
#: ("trên cơ sở sáp nhập phường Thanh Minh, …") is not what the figures near it are about
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:(?:Chủ tịch|Bí thư|Giám đốc|Ủy viên|Uỷ viên|Trưởng ban|Phó ban|Trưởng phòng|Tổ trưởng)\s(?:\S+\s){0,5}"
    # (not "Sau sắp xếp, TP.HCM có …", nor a time named after a merger: "Trước thời điểm hợp nhất, TP Cần Thơ đạt …")
    r"|(?:sáp nhập|hợp nhất|trên cơ sở|sắp xếp\stừ)(?!,)[^;.]{0,80}"
    r"|bối cảnh[^;.,]{0,40}"  # "trong bối cảnh kinh tế cả nước gặp khó khăn, …": the setting, not the subject

    # whose part the subject is, in an opening that says what it is: "Là phường trung tâm của TP Thanh Hóa, …, Trường
    # Thi đã …", "Là xã thuần nông của huyện Thanh Trì, …"
    r"|(?:^|[\n.]\s?)[Ll]à\s(?:một\s)?(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố)\b[^,.;:\n]{0,40}\s(?:của|thuộc)\s"
    # who sets a plan, not who meets it: "bằng 121,5% dự toán tỉnh Đắk Lắk giao", "kế hoạch UBND thành phố Huế giao"
    r"|(?:dự toán|kế hoạch|chỉ tiêu)\s(?:(?:do\s)?(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân)\s)?)$")


_NOT_SUBJECT_WORDS = required(_NOT_SUBJECT_BEFORE)  # "chủ tịch", "sáp nhập", …: one is in every match


#: what stands between a unit and the unit it belongs to: "Phường Tam Thắng, TPHCM", "phường Kinh Môn (Hải Phòng)",
#: "xã Cà Ná thuộc tỉnh Khánh Hòa", "quận Hoàng Mai, thành phố Hà Nội"
_PARENT_BETWEEN = re.compile(r"\s?[,(–-]?\s?|\s(?:trực\s)?thuộc\s|\s?[,(]\s?(?:trực\s)?thuộc\s")


#: the brackets after a unit that name the units it belongs to, up to the next of them: "phường Vĩnh Trung (quận Thanh
#: Khê, TP Đà Nẵng)"; or an aside, in brackets or between dashes, that says what it was or where it stands: "phường Chũ
#: (trung tâm huyện Lục Ngạn cũ)", "phường Long An (trước đây thuộc TP Tân An)", "Phường Phủ Lý – trung tâm khu vực Hà
#: Nam (cũ) –"
_PARENTS_IN_BRACKETS = re.compile(r"\s?\((?:[^()\d;.]{0,40}?(?:,\s?|\s))?|\s[–-]\s(?:[^()\d;.–-]{0,40}\s)?")


#: "Theo Bộ Tài chính", "Theo báo cáo của Bộ Tài chính", "số liệu từ Bộ Kế hoạch và Đầu tư"
_SOURCE_BEFORE = re.compile(r"(?:\b[Tt]heo(?:\s(?:báo cáo|số liệu|thống kê|thông tin|tin))?|"
                            r"\b(?:[Bb]áo cáo|[Ss]ố liệu|[Tt]hống kê|[Cc]ông bố)\s(?:mới\s)?(?:của|từ))\s$"
                            # (the ministry an office belongs to: "Theo Cục Thống kê (Bộ Tài chính)")
                            r"|\b(?:Tổng cục|Cục|Vụ|Viện|Trung tâm)\s[^\W\d_][^()\n]{1,40}\($")
#: a ministry that reports ("Bộ Tài chính cho biết, …") is who says it, like "Theo Bộ Tài chính"
_SOURCE_AFTER = re.compile(r"\s(?:vừa |đã |mới )?(?:có\s)?(?:cho biết|cho hay|thông tin|thông báo|công bố|báo cáo|"
                           r"nhận định|đề nghị|đề xuất|yêu cầu|kiến nghị|nhấn mạnh|lưu ý)\b")  # not "dẫn đầu": that one leads
#: the words that make the unit after them a comparison, not a subject
_COMPARED_BEFORE = re.compile(r"(?:\b[Ss]o với|\bhơn|\bchỉ sau|\bđứng sau|\bbằng|\bgấp(?:\s(?:gần|hơn|khoảng))?(?:\s[\d,.]+\slần)?|"
                              r"\b(?:giáp|kề|cạnh)(?:\s(?:với|ranh))?)\s$")  # (a neighbour: "xã Nghĩa Hưng, giáp TP Pleiku")
#   ("Vinh thu ngân sách cao gấp 3,4 lần Cửa Lò": the unit compared with)


def _subjects(found: list[Mention], text: str) -> list[Mention]:
    """Mentions that can be what a figure is about: not a listed plural ("các phường 7, 8"), not the
    parent named after a unit ("Phường Tam Thắng, TPHCM", "phường Kinh Môn (Hải Phòng)", "xã Cà Ná thuộc tỉnh
    Khánh Hòa"), not a unit compared with ("So với quận Cầu Giấy, …"), not an office or a merged unit."""
    out: list[Mention] = []
    chain: Mention | None = None  # the last parent said after the last subject
    compared: Mention | None = None  # the last unit compared with
    for m in found:
        if m.plural or could_match(_NOT_SUBJECT_WORDS, lowered(text[max(0, m.start - 100):m.start])) \
                and _NOT_SUBJECT_BEFORE.search(text, max(0, m.start - 100), m.start):
            continue
        if _ranked_in_or_says(m, text):
            continue
        if _COMPARED_BEFORE.search(text, max(0, m.start - 12), m.start) \
                or compared is not None and _LIST_JOIN.fullmatch(text, compared.end, m.start):
            compared = m  # (and the units listed after it: "chỉ sau Hải Phòng và Quảng Ninh")
            continue  # "So với quận Cầu Giấy, …", "cao hơn tỉnh Lai Châu", "chỉ sau Quận 1": compared with, not about
        if _SHARE_WHOLE_BEFORE.search(text, max(0, m.start - 60), m.start):
            continue  # "đóng góp 30,8% GDP cả nước và 44,7% tổng thu": the whole a share is of
        if _FIGURE_IN_BRACKETS.match(text, m.end) and _YARDSTICK_BEFORE.search(text, max(0, m.start - 60), m.start):
            continue  # "cao hơn mức bình quân chung cả nước (7,09%), đứng thứ 2": the yardstick has its figure only
        if out and (_parent_of(m, out[-1], text) or chain is not None and _parent_of(m, chain, text)):
            chain = m  # (the next parent follows this one: "phường Bến Nghé, quận 1, TP.HCM")
            continue  # "phường Vĩnh Trung (quận Thanh Khê, TP Đà Nẵng)": where the unit is, not another subject
        if out and _in_aside_after(m, out[-1], text):
            continue  # "TP Cần Thơ (mới, gồm TP Cần Thơ, tỉnh Sóc Trăng và tỉnh Hậu Giang cũ) ước tăng 7,62%"
        out.append(m)
        chain = None
    return out


def _ranked_in_or_says(m: Mention, text: str) -> bool:
    """Whether ``m`` is the group a unit is ranked in ("cao nhất trong 78 xã, phường, đặc khu của tỉnh Quảng Trị",
    "cao nhất cả nước", "cao nhất vùng Tây Nguyên", "xếp thứ 9/13 tỉnh, thành vùng Đồng bằng sông Cửu Long"), who says
    it ("Theo Bộ Tài chính, …", "Bộ Tài chính cho biết"), or who acts on the subject ("20/20 xã của huyện Củ Chi đã
    được UBND TP.HCM công nhận …"; not who informs: "được UBND quận 12 thông tin"): no subject."""
    if _AMONG_BEFORE.search(text, max(0, m.start - 80), m.start):
        return True
    if m.place.level == "country" and _GROUP_BEFORE.search(text, max(0, m.start - 12), m.start) \
            or m.place.level == "region" and _REGION_GROUP_BEFORE.search(text, max(0, m.start - 20), m.start):
        return True
    if m.place.level in ("country", "region") and _RANKED_AMONG.search(text, max(0, m.start - 40), m.start):
        return True
    return _reports(m, text) or bool(_PASSIVE_BY.search(text, max(0, m.start - 30), m.start)
                                     and _AGENT_ACTS.match(text, m.end))


def _in_aside_after(m: Mention, unit: Mention, text: str) -> bool:
    """Whether ``m`` stands in brackets that open right after ``unit`` and say what it is made of or was ("TP Cần Thơ
    (mới, gồm TP Cần Thơ, tỉnh Sóc Trăng và tỉnh Hậu Giang cũ)"): an aside about that unit, not another subject."""
    opened = text.rfind("(", unit.end, m.start)
    return opened >= 0 and not text[unit.end:opened].strip() and ")" not in text[opened:m.start] \
        and _COMPOSED_OF.search(text, opened, m.start) is not None


#: what a unit is made of or was, said in brackets after it: "(mới, gồm …)", "(sáp nhập từ …)", "(trước đây là …)"
_COMPOSED_OF = re.compile(r"\b(?:gồm|bao gồm|sáp nhập|hợp nhất|trước đây|trên cơ sở|từ)\b")


_PASSIVE_BY = re.compile(r"\b(?:được|do)\s(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\s$")
_AGENT_ACTS = re.compile(r"\s(?:công nhận|giao|phê duyệt|cấp|hỗ trợ|khen thưởng|tặng|trao|phân bổ|bố trí|chọn|đánh giá)\b")
_LIST_JOIN = re.compile(r",\s|\s(?:và|hoặc)\s")  # between two units of a list ("Hải Phòng và Quảng Ninh")
_SHARE_WHOLE_BEFORE = re.compile(r"\b(?:chiếm|đóng góp|tương đương|bằng)\s(?:(?:khoảng|gần|hơn|trên|xấp xỉ)\s)?(?:[\d.,]+\s?%|\d+/\d+)\s"
                                 r"(?:[^\W\d_]+\s){1,7}(?:của\s)?$")  # (also "chiếm gần 1/5 tổng thu … của tỉnh X")
_FIGURE_IN_BRACKETS = re.compile(r"\s?\(\s?(?:(?:đạt|với|là|khoảng|gần|hơn|trên)\s)?\d[^()]{0,30}\)")
_SPAN_LABEL = re.compile(r"\d{4}-\d{4}(?:-H1)?")  # "2020-2025": a term or a span names a programme in a lead
#: the units named after a count of units as its members or examples: "Có 10/13 địa phương đạt trên 25% dự toán, dẫn
#: đầu là TP Hạ Long", "7 xã, gồm …", "một số huyện như …"
_LISTED_AFTER = re.compile(r":|\b(?:gồm|dẫn đầu|đứng đầu|tiêu biểu|như)\b")
#: the unit a unit or a part of it belongs to: "một trong năm huyện ngoại thành của TP HCM", "cửa ngõ phía Tây của
#: TP.HCM", "10 phường thuộc quận Bình Tân" (not the owner of a measure: "tỷ lệ … của cả nước")
_OWNER_BEFORE = re.compile(r"\b(?:quận|huyện|phường|xã|thành|tỉnh|trấn|ngõ|tâm|Tây|Đông|Nam|Bắc|vùng|đầu|phương)\s(?:của|thuộc)\s$")
#: a comparison group, not a subject: "huyện đông dân nhất cả nước", "đứng đầu toàn quốc", "so với cả nước"
_OF_BEFORE = re.compile(r"\bcủa\s$")
_RANKED_AMONG = re.compile(r"\b(?:thứ|hạng)\s\d{1,2}(?:/\d{1,3})?\s(?:(?:tỉnh|thành phố|thành|địa phương|trong|các|của|"
                           r"toàn|vùng|khu vực|,|\d{1,3})\s?)*$")  # ("thứ 3 trong 13 tỉnh, thành vùng …")
_GROUP_BEFORE = re.compile(r"\b(?:nhất|đầu|so với|trong|với)\s$|\b(?:thứ|hạng)\s(?:\d{1,2}|[^\W\d_]{2,4})\s$")
_AMONG_BEFORE = re.compile(r"\bnhất\s(?:trong|của)\s(?:[^;.()]{0,60}\scủa\s)?$")
_REGION_GROUP_BEFORE = re.compile(r"\b(?:nhất|đầu|cuối)\s(?:vùng\s|khu vực\s)?$")
_RESPECTIVELY = re.compile(r"\blần lượt\b")
_FIGURE_AHEAD = re.compile(r"\d+(?:[.,]\d+)*(?:/\d+)?|\bthứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b")
#: a level word said alone ("phường có 110 hộ"), not after "của", "theo", "chuẩn", a number ("15 xã": counted; not a
#: year: "năm 2016 quận thu …"), "các"
#: or "những", nor before a name or a number:
#: (?<!của )(?<!theo )(?<!chuẩn )(?<!\d )(?<!các )(?<!những )\b(?:[Pp]hường|…)(?!\s(?:\d|[A-ZĐÂĂÊÔƠƯ]|giao\b|đề ra\b)), written
#: word first so that the regex engine skips ahead to the words' first letters
_GENERIC_UNIT = trigger(cases("phường", "quận", "huyện", "xã", "tỉnh", "thành phố", "thị xã", "thị trấn"),
                        before=(r"\w", "của ", "theo ", "chuẩn ", r"[^\d]\d ", r"[^\d]\d\d ", r"[^\d]\d\d\d ", "các ", "những ", "tỉnh, ", "tỉnh/", "số ", "nhiều ",
                                "thị ", "Thị ",  # "Thị xã có 15 phường, xã": the town, not a commune
                                "mỗi ", "từng ", "vị hành chính cấp ", "giải cấp ", "giỏi cấp ",  # "đơn vị hành chính cấp xã",
                                "xếp cấp ", "bộ cấp ",  # "sắp xếp cấp xã", "các đảng bộ cấp huyện": a tier reorganised
                                # "đạt giải cấp tỉnh", "học sinh giỏi cấp huyện": a tier, or the level of a contest
                                "quận, ", "huyện, ", "phường, ", "xã, ", "quận/", "huyện/", "phường/", "xã/",
                                "được ", "do ",  # "phường được quận phân cấp …": who gives, not the subject
                                "được UBND ", "do UBND ", "được HĐND ", "do HĐND ",  # ("được UBND tỉnh công nhận")
                                "vốn ngân sách ", "Vốn ngân sách ", "nguồn ngân sách ",  # whose money, not who spends it
                                "giáp ", "kề ", "cạnh ",  # "Huyện Vũ Thư, giáp thành phố, …": a neighbour, not the subject
                                "chỉ tiêu ", "kế hoạch ", "dự toán ",  # "đạt 153% chỉ tiêu Huyện ủy giao": who set it
                                # "hợp tác xã", "đường trục xã", "đường liên huyện": a cooperative, roads, no unit
                                "hợp tác ", "Hợp tác ", "trục ", "liên ",
                                "chuẩn nghèo "),  # "theo chuẩn nghèo thành phố": whose standard, not the subject
                        # "một số quận", "nhiều phường", "mỗi xã": several units, not the one; "9 quận, huyện",
                        # "phường/xã": units of two kinds counted or named together
                        # "xếp thứ 20/63 tỉnh, thành phố": the provinces and cities ranked, not "the city"; "các đảng bộ
                        # xã, phường", "cấp huyện/quận": a tier of two kinds, not the unit
                        # (a number of months is no unit's number: "trên địa bàn tỉnh 6 tháng ước đạt …")
                        # ("an sinh xã hội", "xã hội hóa", "xã viên": society, members, no commune)
                        after=r"\s(?:\d(?!\d?\s(?:tháng|năm|quý)\b)|[A-ZĐÂĂÊÔƠƯ]|giao\b|đề ra\b)|(?<=[Xx]ã)\s(?:hội|viên)\b|"
                              r"[,/]\s?(?:phường|xã|quận|huyện|thị xã|thị trấn|thành phố|thành|tỉnh)\b")
#: a measure of the province or the city, said with "của" ("tổng thu ngân sách của tỉnh đạt", "tăng trưởng kinh tế của
#: thành phố"): the level word is the figure's unit (a bare "của tỉnh" is most often whose a thing is, not a subject)
_MEASURE_OF_UNIT = re.compile(r"\b(?:ngân sách|thu|chi|kinh tế|GRDP|sản xuất|đầu tư|giải ngân|xuất khẩu|dân số|thu nhập|[Qq]uỹ|"
                              r"[Bb]ộ phận|"  # (a unit's office: "bộ phận tiếp nhận và trả kết quả của quận tiếp nhận …")
                              r"[Cc]hỉ số|[Tt]ỷ lệ|[Đđ]iểm số|[Tt]ổng số)"
                              r"(?:\s(?:[^\W\d_]+|\([^\W\d_]{2,8}(?:\s[^\W\d_]{2,8})?\)|\d{1,2}(?=\stháng\b))){0,7}?"
                              r"(?:\snăm\s(?:19|20)\d\d)?"  # ("Doanh thu du lịch 5 tháng của tỉnh")
                              r"(?<!theo chuẩn)(?<!theo)\scủa\s(?P<unit>tỉnh|thành phố|huyện|quận|thị xã|phường|xã)"
                              r"(?=\s)")
def _measures_of_unit(text: str, start: int, pos: int) -> list[re.Match[str]]:
    """The measures of a unit said with "của" and its level word between ``start`` and ``pos`` (:data:`_MEASURE_OF_UNIT`):
    "tổng thu ngân sách của tỉnh", "tỷ lệ hộ nghèo của xã"."""
    return list(_MEASURE_OF_UNIT.finditer(text, start, pos)) if "của" in text[start:pos] else []


_LEVEL_WORDS = {"phường": "ward", "xã": "ward", "thị trấn": "ward", "quận": "district", "huyện": "district", "thị xã": "district",
                "tỉnh": "province", "thành phố": "city"}


#: evidence: ``(source, start, end, weak)``: the rule (a name of the field's sources below) and the span of text it
#: read (``-1, -1`` for none), and whether that is only a default or a distant guess
Evidence = tuple[str, int, int, bool]
NO_PLACE: Evidence = ("none", -1, -1, True)


#: what makes a unit named after a figure a yardstick: "đạt 82,5 triệu đồng, bằng 81% mức bình quân cả nước", "giảm còn
#: 2,5%, trong khi tỷ lệ chung của cả nước là 2,93%"
_COMPARED_BETWEEN = re.compile(r"\b(?:so với|hơn|gấp|chỉ sau|đứng sau|bằng|bình quân|trung bình|chung|trong khi)\b")


_WHOLE_BEFORE = re.compile(r"\b(?:[Tt]oàn|[Cc]ả)\s$")  # "toàn thành phố", "cả tỉnh": the whole unit of that level


def _level_word(word: tuple[int, int], default: tuple[Place | None, Evidence], by_level: dict[str, tuple[Place, Evidence]],
                text: str, named_before: bool) -> tuple[Place | None, Evidence] | None:
    """A bare level word before a figure ("phường có 110 hộ"): the article's unit of that level; the whole of a
    higher unit the text does not name ("toàn thành phố đã kết nạp …" in an article about one of its wards) is no
    unit the book can name, never the ward; None when the word decides nothing."""
    w0, w1 = word
    if named_before and _GROUP_BEFORE.search(text, max(0, w0 - 12), w0):
        return None  # "Huyện Chư Păh có chỉ số cao nhất tỉnh với 89,3 điểm": the unit named, ranked in its province
    level = _LEVEL_WORDS.get(text[w0:w1].lower())
    if level and default[0] is not None and text.endswith("cấp ", 0, w0) and _RANK[default[0].level] > _RANK[level] \
            and default[1][0] in ("title", "article", "outlet"):
        # "một cửa cấp huyện đạt 87,6%" in a province's report: the tier as the province has it, no district of it
        # (not a higher unit a paragraph went on about: "… nhất tại Hà Nội. … chỉ số cấp quận tăng 4 bậc")
        return default[0], ("clause", w0, w1, default[1][3])
    target = default if default[0] is not None and level == default[0].level else by_level.get(level or "")
    if target is not None:
        return target[0], ("clause", w0, w1, target[1][3])
    if not level or default[0] is None or _RANK[level] <= _RANK[default[0].level] or named_before:
        return None
    if _GROUP_BEFORE.search(text, max(0, w0 - 12), w0):
        return None  # "đứng đầu tỉnh với 950 tỷ đồng": the unit the article's is ranked in, not the figure's
    up = parent_unit(default[0])
    if up is not None and up.level == level:  # "tỉnh đã kết nạp 3.200 đảng viên" in an article about one of its districts
        return up, ("clause", w0, w1, False)
    if _WHOLE_BEFORE.search(text, max(0, w0 - 5), w0):
        return None, ("clause", w0, w1, True)
    return None


def _place_for(found: list[Mention], pos: int, clause_start: int, clause_end: int,
               default: tuple[Place | None, Evidence], text: str,
               by_level: dict[str, tuple[Place, Evidence]], ahead: bool = True) -> tuple[Place | None, Evidence]:
    """The unit a figure at ``pos`` is about, with its evidence: the nearest one named before it in its
    clause, else (unless not ``ahead``) the first named after it in the clause, else ``default`` (the paragraph's,
    the section's or the article's unit, with its own evidence).  A bare level word nearer to the figure ("phường
    có 110 hộ") points back to the article's unit of that level: the clause names the level (evidence "clause",
    weak when the unit it points to is)."""
    before = _outside_listed_asides([m for m in found if clause_start <= m.start and m.end <= pos], pos, text)
    respective = _respective_place(before, pos, clause_start, clause_end, text)
    if respective:
        return respective
    bare = _bare_in_list(before, pos, clause_start, text)
    if bare is not None:
        return bare.place, ("clause", bare.start, bare.end, False)
    start = before[-1].end if before else clause_start
    generic = list(_GENERIC_UNIT.finditer(text, start, pos))
    owner = _measures_of_unit(text, start, pos)
    word = owner[-1].span("unit") if owner and (not generic or owner[-1].start("unit") > generic[-1].start()) else (
        generic[-1].span() if generic else None)
    if word and before and _LEVEL_WORDS.get(text[word[0]:word[1]].lower()) == before[-1].place.level:
        # "Bạc Liêu: Đến ngày 30/9, tỉnh đã giải ngân …": the unit of that level just named, not the article's
        return before[-1].place, ("clause", before[-1].start, before[-1].end, False)
    level_word = _level_word(word, default, by_level, text, bool(before)) if word else None
    if level_word:
        return level_word
    whole = _whole_listed(before[-1], default, by_level, text) if before else None
    if whole:
        return whole
    if before:
        return before[-1].place, ("clause", before[-1].start, before[-1].end, False)
    after = _named_after(found, pos, clause_end, text) if ahead else None
    if after:
        return after.place, ("clause", after.start, after.end, False)
    return default


def _outside_listed_asides(before: list[Mention], pos: int, text: str) -> list[Mention]:
    """``before`` without the units listed in brackets closed before ``pos`` ("GRDP của tỉnh (tính trên phạm vi ba tỉnh
    Lâm Đồng, Đắk Nông, Bình Thuận trước sắp xếp) ước tăng 7,12%"): the parts an aside lists, none of them the figure's
    unit."""
    out = []
    for m in before:
        opened = text.rfind("(", max(0, m.start - 200), m.start)
        closed = text.find(")", m.end, pos)
        inside = opened >= 0 and closed >= 0 and ")" not in text[opened:m.start]
        if inside and sum(opened < o.start < closed for o in before) >= 2:
            continue
        out.append(m)
    return out


#: a unit's parts listed after its level word: "toàn tỉnh có thành phố Kon Tum và 9 huyện", "Huyện gồm thị trấn A và"
_PARTS_OPEN = re.compile(r"\b(?P<w>tỉnh|thành phố|huyện|quận|thị xã) (?:có|gồm|bao gồm) $", re.I)


def _whole_listed(part: Mention, default: tuple[Place | None, Evidence], by_level: dict[str, tuple[Place, Evidence]],
                  text: str) -> tuple[Place | None, Evidence] | None:
    """A figure counted among the parts a unit is made of, after one part named ("toàn tỉnh có thành phố Kon Tum và 9
    huyện với 102 xã"): the whole, as its level word says, not the part named."""
    opening = _PARTS_OPEN.search(text, max(0, part.start - 20), part.start)
    level = _LEVEL_WORDS.get(opening["w"].lower()) if opening else None
    if opening is None or level is None or _RANK[level] <= _RANK[part.place.level]:
        return None
    return _level_word(opening.span("w"), default, by_level, text, False)


#: the level a list's units are named at: "hai phường lân cận là …", "các huyện …"
_LIST_LEVEL_WORD = re.compile(r"\b(?:phường|xã|huyện|quận|thị xã|tỉnh)\b")


def _bare_in_list(before: list[Mention], pos: int, clause_start: int, text: str) -> Mention | None:
    """A unit a list names bare right before the figure's bracket, at the level of the unit listed before it or of
    the level word that opens the list ("huyện Yên Thành (242 đảng viên), Diễn Châu (231 đảng viên)", "hai phường lân
    cận là Thành Vinh (81,2%)": :func:`~districtbook.extraction.places.bare_listed_before`)."""
    if "(" not in text[max(clause_start, pos - 12):pos]:
        return None
    if before:
        level = "district" if before[-1].place.level == "city" else before[-1].place.level
    else:
        words = list(_LIST_LEVEL_WORD.finditer(text, clause_start, pos))
        level = _LEVEL_WORDS.get(words[-1].group(), "") if words else ""
    m = bare_listed_before(text, pos, level) if level in ("ward", "district", "province") else None
    return m if m is not None and (not before or m.start >= before[-1].end) else None


def _respective_place(before: list[Mention], pos: int, clause_start: int, clause_end: int,
                      text: str) -> tuple[Place | None, Evidence] | None:
    """"A (78%) và B (77%) lần lượt giữ vị trí thứ hai và thứ ba", "các huyện A, B và C lần lượt đạt 95%, 88% và 46%":
    the k-th unit listed before "lần lượt" for the k-th figure after it, when as many units as figures are listed."""
    respectively = _RESPECTIVELY.search(text, before[-1].end if before else clause_start, pos)
    if not respectively:
        return None
    k = len(_FIGURE_AHEAD.findall(text, respectively.end(), pos))
    n = len(_FIGURE_AHEAD.findall(text, respectively.end(), clause_end))
    listed = [m for m in before if m.end <= respectively.start()][-n:]
    if len(listed) != n:  # "các huyện A, B và C": the names a plural level word lists (which may stand just before the
        # clause, set off by a comma: "Trong số các phường, Láng Hạ, Ô Chợ Dừa và Kim Liên lần lượt …")
        opening = max(text.rfind(".", 0, clause_start) + 1, clause_start - 40)
        listed = listed_units(text, opening, respectively.start())[-n:]
    if len(listed) == n and k < n:
        return listed[k].place, ("joint", listed[k].start, listed[k].end, False)
    return None


def _named_after(found: list[Mention], pos: int, clause_end: int, text: str) -> Mention | None:
    """The first unit named after a figure at ``pos`` in its clause that can be its subject: not a unit in brackets
    after a name, which says where that thing is ("chợ Bắc Mỹ An (quận Ngũ Hành Sơn)"), nor a unit listed after the
    figure ("Quận có 7 xã, 2 thị trấn: xã An Phú, …") unless the figure is the threshold a counted group of them passes
    ("7 quận có số thu từ 500 tỷ đồng: quận 2, 4, 6"), nor one the subject belongs to ("hơn 52 km2, là cửa
    ngõ phía Tây của TP.HCM"), nor one compared with ("đạt 42%, cao hơn bình quân của thành phố Đà Nẵng"), nor a part
    of it ("toàn vùng đạt 41.300 tỷ đồng, trong đó riêng Lâm Đồng đạt …")."""
    threshold = _GROUP_THRESHOLD.search(text, max(0, pos - 80), pos) is not None
    return next((m for m in found if pos <= m.start < clause_end and not text.startswith(")", m.end)
                 and (threshold or not _LISTED_AFTER.search(text, pos, m.start))
                 and not _COMPARED_BETWEEN.search(text, pos, m.start)
                 and not _PART_BETWEEN.search(text, pos, m.start)  # ("đạt 41.300 tỷ đồng, trong đó riêng Lâm Đồng …")
                 and not _OWNER_BEFORE.search(text, max(pos, m.start - 16), m.start)
                 and not _DESTINATION_BEFORE.search(text, max(pos, m.start - 8), m.start)
                 and not _SOURCE_LOCATION.search(text, pos, m.start)), None)


#: where a sum came from, after it: "thu tiền sử dụng đất đạt 1.540 tỷ đồng từ các phiên đấu giá tại phường Thạch Bàn"
#: (the unit that collects it is the subject, not the ward where the land lies)
#: (nor where the cause lies: "điện tăng 14,3% nhờ các nhà máy điện gió tại khu vực Bình Thuận cũ")
_SOURCE_LOCATION = re.compile(r"\b(?:từ|nhờ)\s[^,;.()\d]{0,60}?\s(?:tại|ở|trên địa bàn)\s[^;.()\d]{0,80}$")


#: the threshold a counted group of units passes, which the units listed after it have each: "7 quận, huyện có số thu
#: từ 500 tỷ đồng: quận 2, 4, 6", "5 quận có số thu cao nhất, từ 2.000 tỷ đồng: quận 1, 3"
_GROUP_THRESHOLD = re.compile(r"(?<![\d.,])\d{1,3}\s(?:quận|huyện|phường|xã|thị xã)"
                              r"(?:,\s(?:quận|huyện|phường|xã|thị xã))?\s[^;.:\d]{0,60}?\b(?:từ|trên|hơn)\s$")


@functools.lru_cache(maxsize=4096)
def _period_of(label: str) -> Period | None:
    """The :class:`Period` of a label the extractor made (:mod:`~districtbook.extraction.periods` gives its marks as
    labels): typed once per label, never parsed again by the resolvers that read it."""
    return Period.parse(label)


def _ahead(period: str, year: int) -> bool:
    """Whether ``period`` starts after ``year``."""
    p = _period_of(period)
    return bool(p and p.start.year > year)


def _ahead_year(period: str, year: int) -> bool:
    """Whether ``period`` is a whole year or a span of years starting after ``year`` (not a part of a year)."""
    return not _SUB_YEAR.search(period) and _ahead(period, year)


def _is_future(period: str, ctx: ArticlePeriods) -> bool:
    """Whether ``period`` is a coming term or span of years (it dates only the goals set for it); not a school year
    under way ("Năm học 2016-2017, …" in September 2016)."""
    p = _period_of(period)
    return bool(p and p.granularity == "span" and ctx.pub_year and p.start.year >= ctx.pub_year
                and p.end.year > ctx.pub_year and p.end.year - p.start.year >= 2)


def _joint_subjects(found: list[Mention], pos: int, clause_start: int, text: str) -> list[Mention]:
    """Units a figure is about together: "Hà Nội và TP Hồ Chí Minh … chỉ đạt dưới 10%" is one
    figure for each of them."""
    before = [m for m in found if clause_start <= m.start and m.end <= pos]
    if len(before) >= 2 and re.fullmatch(r"\s(?:và|cùng)\s", text[before[-2].end:before[-1].start]) \
            and before[-1].place.level == before[-2].place.level:
        return [before[-2], before[-1]]
    return []


#: the words that make a period after a figure a deadline: "…, dự kiến bàn giao cuối năm 2025", "sẽ đạt … vào năm 2030"
_DEADLINE_BETWEEN = re.compile(r"\b(?:dự kiến|sẽ|phấn đấu|kế hoạch|trước|chậm nhất|Dự kiến|Phấn đấu)\b")


def _of_what_follows(text: str, tail: int, mark: int) -> bool:
    """Whether a time after a figure belongs to what the words between say follows, not to the figure: a deadline
    ("đã hoàn thành 93% khối lượng, dự kiến bàn giao cuối năm 2025"), a part ("đạt 26.595 tỷ đồng, riêng năm 2019 đạt
    …"), a cause ("bằng 88% dự toán nhờ thị trường sôi động trở lại từ quý III")."""
    return any(rx.search(text, tail, mark) for rx in (_DEADLINE_BETWEEN, _PART_BETWEEN, _CAUSE_BETWEEN))


_CAUSE_BETWEEN = re.compile(r"\b(?:nhờ|do|vì|bởi)\b")
_PART_BETWEEN = re.compile(r"\b(?:riêng|Riêng|trong đó|Trong đó|tập trung (?:chủ yếu )?(?:ở|tại|vào))\b")
#: a comparison with the founding: "so với lúc thành lập quận", "so với khi mới thành lập", "sau chia tách"
#: a base year the text says is the founding: "so với năm 2010 - năm thị xã được thành lập", "so với năm 2004 (năm tái lập
#: tỉnh)"
_BASE_YEAR_FOUNDED = re.compile(r"\s?(?:\S+\s){0,2}?so với năm (?P<y>(?:19|20)\d\d)\s?[-–,(]\s?(?:là\s)?năm\s[^,;.)]{0,30}?"
                                r"(?:thành lập|tái lập|chia tách)")
_SINCE_FOUNDING = re.compile(r"so với (?:lúc|khi|thời điểm|ngày|(?:những )?năm đầu(?: tiên)?|năm) (?:mới )?"
                             r"(?:thành lập|chia tách|tái lập)|sau (?:khi )?chia tách")


#: the amount of a plan, also in brackets after the plan it is: "kế hoạch dự kiến 4.000 tỷ đồng", "đạt 51,8% so với
#: nghị quyết đề ra (23.600 tỷ đồng)"
_PLAN_AMOUNT = re.compile(r"(?:kế hoạch|dự toán|chỉ tiêu|nghị quyết)(?:\s(?:năm|cả|dự kiến|giao|được giao|đề ra|nay|là|"
                          r"HĐND|tỉnh|thành phố|quận|huyện|phường|xã))*(?:\s|\s?\()$")
_PER_YEAR = re.compile(r"(?:mỗi|hằng|hàng) năm|/năm|bình quân[^,;.]{0,40}năm|một năm")
_LAST_FIGURE = re.compile(r".*\d(?:[\d.,]*\d)?\s?(?:%|lần|tỷ đồng|triệu đồng)?(?:/năm)?", re.S)  # greedy: the last one


def _after_last_figure(before: str) -> str:
    """The words before a number after the last number before it: "6,82%/năm, quy mô năm 2024 ước gần " keeps
    "/năm" with 6,82%, not with the figure after it.

    >>> _after_last_figure("tăng bình quân 6,82%/năm, quy mô năm 2024 ước gần "), _after_last_figure("mỗi năm kết nạp ")
    ('ước gần ', 'mỗi năm kết nạp ')
    """
    m = _LAST_FIGURE.match(before)
    return before[m.end():] if m else before


_AVERAGE_RATE_BEFORE = re.compile(r"\bbình quân\s(?:(?:đạt|là|khoảng|hơn|trên|gần|ước)\s)*$")
_BASE_YEAR = re.compile(r"[Ss]o (?:với |cùng )(?:cùng kỳ |kỳ |\d{1,2} tháng (?:đầu |cuối )?|\w+ tháng (?:đầu |cuối )?|"
                        r"nửa (?:đầu|cuối) |quý [IV1-4]+ |năm )*(?P<y>(?:19|20)\d\d)")


def _base_period(basis: str, period: str, before: str, after: str, ctx: ArticlePeriods) -> str:
    """The period a comparison is made against: "tăng 7,51% so với cùng kỳ năm 2022" of 2023-H1 is
    2022-H1; "so với cùng kỳ" alone is the same period a year earlier; a term-start comparison is
    against the term's first year."""
    if basis not in ("yoy", "term_start"):
        return ""
    m = _BASE_YEAR.search(_up_to_next_figure(after[:80])) or _BASE_YEAR.search(before[-60:])
    p = _period_of(period)
    if m:
        if p is not None and not p.full_years and p.granularity != "ytd":
            return m["y"] + period[4:]  # the same part of the base year
        return m["y"]
    if basis == "term_start":
        if ctx.future and p is not None and ctx.term and p.start.year > int(ctx.term[5:9]):
            return ctx.future[:4]  # a goal for 2030 "so với đầu nhiệm kỳ" at a 2025 congress: the coming term's start
        return ctx.term[:4] if ctx.term else ""
    return str(p.previous_year()) if p is not None and p.granularity not in ("span", "term", "half_term") else ""


#: a goal set for every year ("hằng năm vượt chỉ tiêu từ 8 - 10%"), not a unit per year ("triệu đồng/người/năm")
_EVERY_YEAR = re.compile(r"(?:mỗi|hằng|hàng) năm")


def _span_period(period: str, basis: str, base: str, every_year: bool, goal: bool, ctx: ArticlePeriods) -> str:
    """A figure measured over a span, dated by its end year only: the span.

    A change since the start of a term runs from the base year ("gấp 1,4 lần so với 2020", said of
    2024: 2020-2024; "đến năm 2030 so với năm 2025 tăng 30%": 2025-2030); a yearly goal dated by the
    term's last year ("hằng năm … đến năm 2030") is a rate over the coming term.

    >>> ctx = ArticlePeriods(2025, 2025, 8, "2020-2025", "2025-2030")
    >>> _span_period("2024", "term_start", "2020", False, False, ctx), _span_period("2030", "none", "", True, True, ctx)
    ('2020-2024', '2025-2030')
    >>> _span_period("2024", "yoy", "2023", False, False, ctx), _span_period("2030", "none", "", False, True, ctx)
    ('2024', '2030')
    """
    if not (len(period) == 4 and period.isdigit()):
        return period
    if basis == "term_start" and len(base) == 4 and base.isdigit() and base < period:
        return f"{base}-{period}"
    if every_year and goal and ctx.future and ctx.future.endswith("-" + period):
        return ctx.future
    return period


_BASE_VALUE_BEFORE = re.compile(r"((?:[Ss]o với (?:cả )?(?:năm )?|hơn (?:năm )?|(?:so với |hơn |bằng )?cùng kỳ (?:năm )?)"
                                r"(?P<y>(?:19|20)\d\d))\s?\((?:đạt |là |mức )?$")  # ("So với cả năm 2023 (đạt 81,8%)")


def _given_period(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> tuple[str, Evidence] | None:
    """A period the words right at the figure give it: a base value's (:func:`_base_value`), or the k-th of periods
    listed "lần lượt" ("Năm 2022 và 9 tháng năm 2023, … lần lượt 4.000 tỷ đồng và 3.150 tỷ đồng")."""
    base_value = _base_value(r, s, p, a)
    if base_value:
        return base_value[0], ("base_value", base_value[1], base_value[2], False)
    respective = _respective_period(a.text, s, r.tok.start)
    return (respective[0], ("sentence", respective[1], respective[2], False)) if respective else None


def _goal_ahead(a: ArticleState) -> tuple[str, int, int] | None:
    """The first period the body names that starts this year or later: the goals' of a headline that sets them ("đặt
    mục tiêu GRDP tăng 10-11%/năm" over a review of the term before), not the lead's first period."""
    now = a.periods.pub_year or a.periods.year
    if now is None or a.lead is None:
        return None
    for at, period, _scope, end in scoped_marks(a.text, a.lead.start, a.frame_end, a.periods):
        first = _period_of(period)
        if first is not None and first.start.year >= now and (first.granularity in ("span", "term") or
                                                               first.start.year > now):
            return period, at, end
    return None


def _outside_asides(text: str, s: Sentence, pos: int) -> list[tuple[int, str, str, int]]:
    """The sentence's time marks but those in an aside closed before ``pos``, and a founding's date ("TP Từ Sơn, đô thị
    được thành lập từ tháng 11/2021, thu 3.150 tỷ đồng"), which dates no figure."""
    return [mk for mk in s.marks if not _in_closed_aside(text, mk[0], mk[3], s.start, pos)
            and not (mk[3] < pos and text.startswith(",", mk[3])
                     and _FOUNDED_ON.search(text, max(s.start, mk[0] - 60), mk[0]))
            and not _in_concession(text, mk[0], s, pos)]


#: a clause that concedes or gives a cause, up to the time mark: "…, dù địa phương chịu ảnh hưởng của dịch trong quý III"
_CONCESSION = re.compile(r"(?:^|[,;]\s?|\s[-–]\s)(?:[Mm]ặc dù|[Cc]ho dù|[Dd]ù|[Dd]ẫu|[Tt]uy(?!\s(?:nhiên|vậy)))\s[^,;]*$")


def _in_concession(text: str, at: int, s: Sentence, pos: int) -> bool:
    """Whether the time mark at ``at`` stands in a clause that concedes ("dù", "mặc dù", "tuy") and ``pos`` outside
    it: the time of the circumstance, not of the figure ("số thu tăng 8,7%, dù địa phương chịu ảnh hưởng nặng nề của
    dịch trong quý III"; "Dù quý I gặp khó khăn, cả năm thu đạt 512 tỷ đồng")."""
    opened = _CONCESSION.search(text[s.start:at])  # (on the sentence alone, where "^" is its start)
    if opened is None:
        return False
    closed = min([i for i in (text.find(",", at, s.end), text.find(";", at, s.end)) if i >= 0] or [s.end])
    return not s.start + opened.start() <= pos < closed


#: an aside set off by commas that gives the day a unit was founded: "TP Từ Sơn, đô thị được thành lập từ tháng 11/2021,
#: thu …" (not a founding that opens what the sentence says of that time: "Khi mới tái lập năm 1997, tỉnh thu …")
_FOUNDED_ON = re.compile(r",\s(?:[^,;.()\d]{0,30}\s)?(?:được\s)?(?:thành lập|chia tách|tái lập|ra đời)\s"
                         r"(?:(?:từ|vào|ngày|năm)\s)?$")


def _in_closed_aside(text: str, at: int, end: int, start: int, pos: int) -> bool:
    """Whether ``text[at:end]`` stands in brackets that open after ``start``, close before ``pos`` and say more than
    it, or that open after ``pos`` with words before it: an aside, whose time dates nothing outside it ("đạt 1.286 tỷ
    đồng (bao gồm số thu của huyện (cũ) trong 6 tháng đầu năm)", "còn 38,25% (theo chuẩn nghèo giai đoạn
    2016-2020)"; not "Năm năm qua (2019-2023)" nor "41,5% (năm 2023)", brackets that spell out a time)."""
    if at >= pos:  # an aside after the figure: "còn 38,25% (theo chuẩn nghèo giai đoạn 2016-2020)"
        opened = text.rfind("(", pos, at)
        return opened >= 0 and ")" not in text[opened:at] and bool(text[opened + 1:at].strip())
    if "(" not in text[start:at]:
        return False
    depth, i = 0, at - 1
    while i >= start and not (text[i] == "(" and depth == 0):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        i -= 1
    if i < start:
        return False
    for j in range(end, pos):
        depth += {"(": 1, ")": -1}.get(text[j], 0)
        if depth < 0:
            return bool(text[i + 1:at].strip() or text[end:j].strip())
    return False


def _base_value(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> tuple[str, int, int] | None:
    """The period of a value given for a comparison's base (:func:`_base_value_period`, :func:`_compared_value_period`),
    with the span that says it; "cao hơn cùng kỳ năm 2022 (41,6%)" in an eight-month report: the same part of 2022."""
    found = _base_value_period(a.text, s.start, r.tok.start) or _compared_value_period(r, a)
    if found is None or "cùng kỳ" not in a.text[found[1]:found[2]] or len(found[0]) != 4:
        return found
    part = _SUB_YEAR.search(period_mark(s.marks, r.tok.start, r.clause)[0] or p.period[0] or "")
    return (found[0] + part.group(0), found[1], found[2]) if part else found


#: a compared value followed by the period it is of: "cao hơn mức 9,1% của 9 tháng năm 2023"
_COMPARED_LEVEL_BEFORE = re.compile(r"\b(?:hơn|so với|bằng)\s(?:mức\s)?(?:tăng\s)?$")
_OF_PERIOD_AFTER = re.compile(r"\s(?:của|trong)\s(?=(?:cùng kỳ\s)?(?:\d{1,2}\stháng|quý|năm\s(?:19|20)\d\d|tháng|nửa))")


def _compared_value_period(r: Reading, a: ArticleState) -> tuple[str, int, int] | None:
    """The period a compared value is said to be of, right after it: "cao hơn mức 9,1% của 9 tháng năm 2023"."""
    tok = r.tok
    of = _OF_PERIOD_AFTER.match(a.text, tok.tail) if _COMPARED_LEVEL_BEFORE.search(r.before[-25:]) else None
    if of is None:
        return None
    marks = scoped_marks(a.text, of.end(), min(len(a.text), of.end() + 40), a.periods)
    return (marks[0][1], marks[0][0], marks[0][3]) if marks and marks[0][0] == of.end() else None


def _base_value_period(text: str, s_start: int, pos: int) -> tuple[str, int, int] | None:
    """The period of a base value quoted after its comparison, and the span of the comparison: "cao hơn
    1,58% so với năm 2023 (87,72%)"."""
    if "(" not in text[max(s_start, pos - 6):pos]:  # the bracket, or "(đạt ", ends the window
        return None
    at = max(s_start, pos - 40)
    m = _BASE_VALUE_BEFORE.search(text[at:pos])
    return (m["y"], at + m.start(1), at + m.end(1)) if m else None


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _reports(m: Mention, text: str) -> bool:
    """Whether ``m`` is a ministry named as who reports ("Theo Bộ Tài chính, …", "Bộ Tài chính cho biết"): no unit of
    the article, whose figures, when it names no other unit, are the country's (a ministry reports national ones)."""
    return m.place.level == "ministry" and bool(_SOURCE_BEFORE.search(text, max(0, m.start - 24), m.start)
                                                or _SOURCE_AFTER.match(text, m.end))


def _framed(article: Article, named: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions in the headline and those in the lines that frame the article (title, body, teaser, dateline),
    with a district the headline names bare when the body then says "quận" alone ("Bình Tân: …")."""
    text = article.text
    starts = [ln.start for ln in article.lines]
    in_frame = [m for m in named
                if (i := bisect_right(starts, m.start) - 1) >= 0 and article.lines[i].kind in FRAME_KINDS]
    title = next(((ln.start, ln.end) for ln in article.lines if ln.kind == "title"), (0, 0))
    in_title = [m for m in named if title[0] <= m.start < title[1]  # (not "… cao gấp 3,4 lần Cửa Lò": compared with)
                and not _COMPARED_BEFORE.search(text, max(title[0], m.start - 20), m.start)]
    # (not a short line without a figure over the headline, a site's section: "Giảm nghèo bền vững")
    body = next((ln.start for ln in article.lines if ln.kind == "body" and not _section_name(text[ln.start:ln.end])),
                len(text))
    in_title = in_title if title[0] < body else []  # a short line under the body is no headline
    bare = bare_district_names(text, *title, named) if title[0] < body else []
    refs = _bare_references(text, body, bare + in_title)
    if refs:
        headline = [m for m in bare if m.place == refs[0].place]
    else:  # (a bare name the body names in full counts too: "Vinh thu ngân sách …" over "… địa bàn TP Vinh đạt …")
        in_body = {m.place for m in named if m.start >= body}
        headline = [m for m in bare if m.place in in_body]
    return in_title + headline, sorted(in_frame + headline + refs, key=lambda m: m.start)


def _section_name(line: str) -> bool:
    """Whether a line is a site's section over a headline: four words or fewer, no digit, no sentence's end."""
    return len(line.split()) <= 4 and not any(ch.isdigit() for ch in line) and not line.rstrip().endswith((".", ":"))


def _article_places(article: Article, named: list[Mention]) -> tuple[tuple[Place | None, Evidence],
                                                                       dict[str, tuple[Place, Evidence]]]:
    """The article's unit and, per level, the unit a bare level word points back to, with their evidence:
    the title's unit ("title"), the most named one ("article", weak when another unit of its level is named
    at least half as often), the outlet's province ("outlet", always weak)."""
    text = article.text
    in_title, in_frame = _framed(article, named)
    sources = [m for m in in_frame if _reports(m, text)]
    in_frame = [m for m in in_frame if m not in sources]
    main = main_of(_without_parents(in_frame, text), in_title)
    counts = Counter(m.place for m in in_frame if not m.plural)
    first: dict[Place, Mention] = {}
    for m in in_frame:
        first.setdefault(m.place, m)

    def evidence(place: Place) -> Evidence:
        named_in_title = next((m for m in in_title if m.place == place and not m.plural), None)
        if named_in_title is not None and counts[place] >= 2:
            return "title", named_in_title.start, named_in_title.end, False
        m = first.get(place)
        rivals = any(p != place and p.level == place.level and 2 * n >= counts[place] for p, n in counts.items())
        return ("article", m.start if m else -1, m.end if m else -1, rivals)

    by_level = {level: (place, evidence(place)) for level, place in main_by_level(in_frame).items()}
    article_place = (main[0], evidence(main[0])) if main else (None, NO_PLACE)
    parent = _parent_of_listed(article, in_frame, main, bool(in_title)) or _parent_of_ranked(article, in_title, in_frame,
                                                                                             main)
    if parent is not None:
        article_place = parent
        by_level.setdefault(parent[0].level, parent)
    country = _countrys(article, in_title, in_frame, sources, main)
    if country is not None:
        article_place = (Place("Việt Nam", "country"), (*country, False))
    _home_of_wards(in_frame, by_level)
    # a unit named once in the body, below the level of a site header's, is an example, not what the site reports on
    passing = article_place[0] is not None and article_place[1][0] == "article" and not in_title \
        and counts[article_place[0]] <= 1
    return _site_place(article, article_place, by_level, passing), by_level


def _with_headline_ward(article: Article, named: list[Mention], frame_end: int) -> list[Mention]:
    """``named`` with a ward or commune the headline names bare (:func:`~districtbook.extraction.places.headline_ward`),
    when the body speaks of a ward by its level word alone ("toàn xã mới có 5.236 người")."""
    title = next(((ln.start, ln.end) for ln in article.lines if ln.kind == "title"), None)
    body = next((ln.start for ln in article.lines if ln.kind == "body"), None)
    if title is None or body is None or title[0] > body:
        return named
    return headline_ward(article.text, title, named, frame_end, lambda: any(
        _LEVEL_WORDS.get(w.group().lower()) == "ward" for w in _GENERIC_UNIT.finditer(article.text, body, frame_end)))


def _home_of_wards(in_frame: list[Mention], by_level: dict[str, tuple[Place, Evidence]]) -> None:
    """The unit a bare level word points back to when the text names no unit of its level but names wards or communes
    that all lie in one ("toàn thành phố đã kết nạp …" over "xã Bình Điền", "phường Kim Long"): that unit, weak (the
    text never names it; :func:`~districtbook.extraction.places.common_home`)."""
    wards = [m for m in in_frame if m.place.level == "ward" and not m.plural]
    for level in ("district", "city", "province"):
        home = common_home([m.place for m in wards], level) if level not in by_level and wards else None
        if home is not None:
            by_level[level] = (home, ("article", wards[0].start, wards[0].end, True))


#: a unit ranked in a headline: "Đà Lạt dẫn đầu thu ngân sách", "TP Từ Sơn lần đầu dẫn đầu khối cấp huyện"
_RANKED_AFTER = re.compile(r"\s(?:(?:tiếp tục|lần đầu|vươn lên|giữ vững)\s)?(?:dẫn đầu|đứng đầu|đứng thứ|xếp thứ|"
                           r"giữ ngôi|vào top|theo sau|cuối bảng)\b")


def _parent_of_ranked(article: Article, in_title: list[Mention], in_frame: list[Mention],
                      main: list[Place]) -> tuple[Place, Evidence] | None:
    """A headline that ranks a unit among its province's and names the province ("Bắc Ninh công bố Chỉ số CCHC: TP Từ
    Sơn lần đầu dẫn đầu khối cấp huyện", "Đà Lạt dẫn đầu thu ngân sách, Lâm Đồng hoàn thành dự toán"): the province's
    report, not the leader's; so for a ward that leads the wards of the city the headline names ("Long Xuyên công bố
    chỉ số CCHC các phường, xã: Mỹ Bình dẫn đầu", the city named bare in the headline and in full in the text)."""
    text = article.text
    if not main or not any(m.place == main[0] and _RANKED_AFTER.match(text, m.end) for m in in_title):
        return None
    parent = parent_unit(main[0])
    title = next((ln for ln in article.lines if ln.kind == "title"), None)
    bare = bare_district_names(text, title.start, title.end, in_title) if title and main[0].level == "ward" else []
    in_text = {m.place for m in in_frame}
    heads = in_title + [m for m in bare if m.place in in_text]
    named = next((m for m in heads if (m.place == parent or holds(m.place, main[0])) and not _led_group(text, m)), None)
    return (named.place, ("title", named.start, named.end, False)) if named else None


#: the group a headline's leader leads, right after the verb: "Từ Sơn dẫn đầu tỉnh Bắc Ninh về thu ngân sách",
#: "Hội An đứng đầu các địa phương của Quảng Nam"
_LEADS_GROUP = re.compile(r"(?:dẫn đầu|đứng đầu|đứng thứ \d{1,2}|xếp thứ \d{1,2}|cao nhất|thấp nhất)\s(?:(?:toàn|cả|khối|"
                          r"nhóm|trong|các|địa phương|đơn vị|huyện|thị xã|thành phố|,|của)\s?){0,6}$")


def _led_group(text: str, m: Mention) -> bool:
    """Whether the unit ``m`` is named as the group a headline's leader leads ("Từ Sơn dẫn đầu tỉnh Bắc Ninh"): the
    group, not whose report it is."""
    return bool(_LEADS_GROUP.search(text, max(0, m.start - 60), m.start))


def _parent_of_listed(article: Article, in_frame: list[Mention], main: list[Place],
                      titled: bool) -> tuple[Place, Evidence] | None:
    """A province's report that names none of its units in its headline and each of its districts once ("thị xã Điện
    Bàn thu 1.126 tỷ đồng; thành phố Tam Kỳ thu 842 tỷ đồng"), and speaks of itself only as "tỉnh" ("trên địa bàn
    tỉnh"): the province those districts belong to, not the first of them (weak: the text never names it)."""
    if titled or not main or _tier(main[0]) != "district":
        return None
    named = Counter(m.place for m in in_frame if not m.plural)
    tier = [place for place in named if _tier(place) == "district"]
    parents = {parent_unit(place) for place in tier}
    parent = parents.pop() if len(parents) == 1 else None
    if parent is None or len(tier) < 2 or max(named[place] for place in tier) > 1:
        return None
    body = next((ln.start for ln in article.lines if ln.kind == "body"), 0)
    word = next((w for w in _GENERIC_UNIT.finditer(article.text, body)
                 if _LEVEL_WORDS.get(w.group().lower()) == parent.level), None)
    return (parent, ("article", word.start(), word.end(), True)) if word else None


def _countrys(article: Article, in_title: list[Mention], in_frame: list[Mention], sources: list[Mention],
              main: list[Place]) -> tuple[str, int, int] | None:
    """Whether the article is the country's, and the words that say so: a ministry that reports ("Theo Bộ Tài chính,
    tổng thu ngân sách nhà nước …"), with no unit of its own or with provinces each named once; a headline that names
    the country alone (:func:`_country_headline`); a national source (:data:`_NATIONAL_SOURCE`) in an article naming no
    unit, or whose headline names no territory while its text names each territory once (the provinces a national
    report gives as examples: "Khánh Hòa (19,4%), Hải Phòng (12,3%)")."""
    text = article.text
    country = _country_headline(in_title, in_frame, text)
    if country is not None:
        return "title", country.start, country.end
    if main and main[0].level == "region":
        return None  # "Tây Nguyên: Tăng trưởng năm 2024 …", whose provinces the text ranks: the region's
    body = [m for m in in_frame if m not in in_title]  # ("Hải Phòng lần đầu dẫn đầu" over a ranking it is one of)
    titled = [m for m in in_title if m.place.level in _TERRITORIES]
    ranks = _title_ranks(in_title, titled, text)
    # (a ministry's ranking whose headline ranks a province and a ministry: "DTI 2020: Quảng Ninh dẫn đầu khối tỉnh, Bộ
    # Tài chính đứng đầu khối bộ")
    if sources and (not main or _listed_once(body, main[0].level) or ranks == "both"):
        return "article", sources[0].start, sources[0].end
    # (a headline that only ranks provinces, "Bắc Giang dẫn đầu tăng trưởng, Khánh Hòa theo sau", over a national source)
    ranked = bool(ranks) and _each_once(body, strict=True)  # (its own paper ranks a province again and again)
    examples = not sources and (not titled and _each_once(in_frame) or ranked)
    national = None if (main or sources) and not examples else _NATIONAL_SOURCE.search(text, 0, _frame_end(article))
    return ("article", *national.span()) if national else None


def _title_ranks(in_title: list[Mention], titled: list[Mention], text: str) -> str:
    """Whether the headline only ranks the territories it names ("territories"), and a ministry too ("both"), or not
    ("")."""
    if not titled or not all(_RANKED_AFTER.match(text, m.end) for m in titled):
        return ""
    ministry = any(m.place.level == "ministry" and _RANKED_AFTER.match(text, m.end) for m in in_title)
    return "both" if ministry else "territories"


def _each_once(named: list[Mention], strict: bool = False) -> bool:
    """Whether the territories ``named`` holds are none, each named once, or (unless ``strict``) examples
    (:func:`_examples`)."""
    counts = Counter(m.place for m in named if not m.plural and m.place.level in _TERRITORIES)
    return not counts or max(counts.values()) == 1 or not strict and _examples(counts)


def _examples(counts: Counter[Place]) -> bool:
    """Whether units named ``counts`` times are examples a report gives, none of them its subject: two or more each
    named once, or three or more each at most twice (the provinces a national report ranks, the leader named again:
    "Hải Phòng dẫn đầu … Hải Phòng tăng 11,86%")."""
    return len(counts) >= 2 and max(counts.values()) == 1 or len(counts) >= 3 and max(counts.values()) <= 2


def _country_headline(in_title: list[Mention], in_frame: list[Mention], text: str) -> Mention | None:
    """The country the headline names ("Thu ngân sách cả nước 11 tháng vượt dự toán") when it names no other unit (not
    "Đông Nam Bộ đóng góp 38% thu ngân sách cả nước", where the country is the whole of a share) and the text names no
    territory more than once (the provinces a national report lists, "Hà Nội dẫn đầu …; Bắc Ninh tăng …"): the
    article's unit."""
    country = next((m for m in in_title if m.place.level == "country" and not m.plural), None)
    if country is None or any(m.place.level != "country" for m in in_title) \
            or _SHARE_WHOLE_BEFORE.search(text, max(0, country.start - 60), country.start):
        return None
    counts = Counter(m.place for m in in_frame if not m.plural and m.place.level in _TERRITORIES)
    return country if not counts or max(counts.values()) == 1 else None


def _parent_of(m: Mention, unit: Mention, text: str) -> bool:
    """Whether ``m`` is a higher unit said right after ``unit`` as where it is: after a comma ("Phường Tam Thắng,
    TPHCM") or in brackets ("phường Vĩnh Trung (quận Thanh Khê, TP Đà Nẵng)"); higher than ``unit``'s tier, so a central
    city is above a city inside it ("TP Thủ Đức (TP.HCM)")."""
    return _RANK[m.place.level] > _RANK[_tier(unit.place)] and (
        m.start - unit.end <= 16 and _PARENT_BETWEEN.fullmatch(text, unit.end, m.start) is not None
        or _PARENTS_IN_BRACKETS.fullmatch(text, unit.end, m.start) is not None)


def _without_parents(named: list[Mention], text: str) -> list[Mention]:
    """``named`` without the units said after a unit as where it is ("phường Phú Diễn (Hà Nội)", "xã Tân Phú (huyện
    Đồng Phú, tỉnh Bình Phước)"): a higher unit right after the last one kept, in brackets or after a comma."""
    out: list[Mention] = []
    last: Mention | None = None
    for m in named:
        if last is not None and _parent_of(m, last, text):
            last = m  # (the next parent follows this one)
            continue
        out.append(m)
        last = m
    return out


def _listed_once(named: list[Mention], level: str) -> bool:
    """Whether the units of ``level`` named are examples (:func:`_examples`): a list, not an article's subject."""
    counts = Counter(m.place for m in named if m.place.level == level)
    return _examples(counts)


#: the national statistics office, or the national product: what an article naming no unit says is the country's
#: (not "Chính phủ", "Kho bạc Nhà nước": a local report names them too, and names its unit in its URL only)
_NATIONAL_SOURCE = re.compile(r"\bTổng cục Thống kê\b|\bCục Thống kê \(Bộ Tài chính\)|\btổng sản phẩm trong nước\b|"
                              # (not a unit's own product a local report calls "GDP": "tổng sản phẩm trên địa bàn (GDP)")
                              r"(?<!địa bàn \()(?<!địa bàn tỉnh \()\bGDP\b|"
                              r"\bBan Tổ chức Trung ương\b|\btoàn Đảng\b(?! bộ)|\bVăn phòng Chính phủ\b|"
                              r"\bCổng Dịch vụ công quốc gia\b|\bcác bộ, ngành và địa phương\b")


def _frame_end(article: Article) -> int:
    """Where the lines that frame the article end (title, body, teasers, datelines; not the page's furniture after)."""
    return max((ln.end for ln in article.lines if ln.kind in FRAME_KINDS), default=0)


def _site_place(article: Article, article_place: tuple[Place | None, Evidence],
                by_level: dict[str, tuple[Place, Evidence]], passing: bool = False) -> tuple[Place | None, Evidence]:
    """The unit of the outlet whose mark opens the lead, or of a site header in capitals (both weak): the article's
    when its text names none (``by_level`` learns the outlet's unit in any case); a header's also when the text names
    only, once, a unit below it ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN THOẠI SƠN" over "… trong đó xã Định Thành …")."""
    text = article.text
    for ln in article.body():
        outlet = outlet_place(text[ln.start:ln.end])
        if outlet is not None:  # "(QNO) - … UBND tỉnh cho biết": the outlet's province
            mark = _OUTLET_MARK_SPAN.match(text, ln.start, ln.end)
            ev: Evidence = ("outlet", ln.start, mark.end() if mark else ln.start, True)
            by_level.setdefault(outlet.level, (outlet, ev))
            if article_place[0] is None:
                article_place = (outlet, ev)
            break
    if article_place[0] is None or passing:  # a site header in capitals names the portal's or the paper's unit (weak)
        for ln in article.lines[:4]:
            header = header_place(text[ln.start:ln.end]) if ln.kind != "outlet" else _outlet_line_place(text, ln)
            if header is not None:
                place, start, end = header
                if article_place[0] is not None and (not _PORTAL_HEADER.match(text, ln.start, ln.end) or (
                        _RANK[place.level] <= _RANK[article_place[0].level] and not _says_itself(article, place))):
                    break  # (a paper's name, "Báo Lâm Đồng", "BÁO THANH HÓA", reports on many units: only a portal)
                article_place = (place, ("outlet", ln.start + start, ln.start + end, True))
                by_level.setdefault(place.level, article_place)
                break
    return article_place


def _says_itself(article: Article, place: Place) -> bool:
    """Whether the body speaks of a unit of ``place``'s level by its level word alone at least twice ("HĐND huyện
    khai mạc …", "trên địa bàn huyện đạt …"): a portal's report on itself, whatever higher unit it names once."""
    body = next((ln.start for ln in article.lines if ln.kind == "body"), len(article.text))
    words = (w for w in _GENERIC_UNIT.finditer(article.text, body) if _LEVEL_WORDS.get(w.group().lower()) == place.level)
    return next(words, None) is not None and next(words, None) is not None


#: the header of a unit's own portal: "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN …", "TRANG THÔNG TIN ĐIỆN TỬ …", "UBND QUẬN …",
#: "Cổng Thông tin điện tử tỉnh Bình Phước"
_PORTAL_HEADER = re.compile(r"(?:CỔNG|TRANG|ỦY BAN|UỶ BAN|UBND|(?:Cổng|Trang) [Tt]hông tin)\b")


def _outlet_line_place(text: str, ln: Line) -> tuple[Place, int, int] | None:
    """The unit an outlet's name line names ("Báo Lâm Đồng", "Cổng thông tin điện tử Quận 8"), with its span in the
    line; None when it names none."""
    named = mentions(text, ln.start, ln.end)
    return (named[0].place, named[0].start - ln.start, named[0].end - ln.start) if named else None


def _bare_references(text: str, body: int, in_title: list[Mention]) -> list[Mention]:
    """The headline's unit named again in the body by its level word alone ("Ninh Thuận: …" then "toàn Đảng bộ
    tỉnh kết nạp …"; a province's city that was a town then, "thị xã"): one more mention of it, as the text refers
    to it, at the level word."""
    levels = {m.place.level: m for m in in_title if not m.plural}
    towns = [m for m in in_title if not m.plural and _tier(m.place) == "district" and m.place.level == "city"]
    for word in _GENERIC_UNIT.finditer(text, body):
        said = word.group(0).lower()
        # (a province's city that was a town when the article was written: "Ngã Bảy: …" then "trên địa bàn thị xã")
        m = levels.get(_LEVEL_WORDS.get(said, "")) or (towns[0] if said == "thị xã" and towns else None)
        if m is not None:
            return [Mention(word.start(), word.end(), m.place)]
    return []


_OUTLET_MARK_SPAN = re.compile(r"\(?[A-ZĐ][A-Za-zĐđ.]{1,15}\)?")


def _period_weak(source: str) -> bool:
    """Whether a period decided by ``source`` is only a default or a guess: none, or the article's date alone.  A
    frame carries to the figures under it until another frame, however many paragraphs on ("Trong 9 tháng qua, …"
    over a report's sections): frames carried further than the next paragraph agreed with the labels on 30 of 32
    figures of the dev set (d01-d40 7/9, d41-d60 23/23), as often as those carried to the next one; the findings
    layer still wants a frame the article's date confirms (``frame_unconfirmed``)."""
    return source in ("none", "dateline")


def _ev(e: Evidence | tuple[str, int, int]) -> str:
    """An evidence as the figure table writes it: ``clause:120-134``, ``none``, ``default``."""
    return f"{e[0]}:{e[1]}-{e[2]}" if e[1] >= 0 else e[0]


# --- the resolver chain ------------------------------------------------------------------------
# :func:`figures` reads an article paragraph by paragraph and sentence by sentence.  A sentence's candidates are read
# once (:class:`Sentence`: its time expressions, the place mentions, its clauses, the goal words); for every number
# a :class:`Reading` holds the number, its clause and the words around it, and the resolvers of :data:`RESOLVERS`
# run over it in order, each choosing one field with its evidence.  What carries from one sentence or paragraph to
# the next (the frame period, the paragraph's unit, the last cue of a list) lives in :class:`ArticleState` and
# :class:`ParagraphState`, updated after each sentence (:func:`_after_sentence`) and paragraph
# (:func:`_after_paragraph`).

_WORDS = re.compile(r"[^\W\d_]+\s[^\W\d_]+\s[^\W\d_]+")  # three words in a row
#: a period carried from a frame: ``(period, source, start, end, paragraph it was set in)``
Frame = tuple[str, str, int, int, int]
NO_FRAME: Frame = ("", "none", -1, -1, 0)
NO_PERIOD: Evidence = ("none", -1, -1, True)
NO_CUE: tuple[str, int, int] = ("default", -1, -1)


#: a short line of a few words with no figure and no sentence's end: a section's label ("Xây dựng Đảng", "Kinh tế")
_LABEL_LINE = re.compile(r"[^\W\d_]+(?:[ \u00a0-][^\W\d_]+){0,4}")


@dataclass(slots=True)
class ArticleState:
    """What is read once per article, and what carries from paragraph to paragraph."""

    text: str
    named: list[Mention]  # every place mention of the frame's lines
    starts: list[int]  # their offsets, for bisection
    place: tuple[Place | None, Evidence]  # the article's unit
    by_level: dict[str, tuple[Place, Evidence]]  # per level, the unit a bare level word points back to
    periods: ArticlePeriods
    lead: Line | None
    lead_period: tuple[str, int, int]  # the lead's first period, for a headline's figures
    looked_back: int | None  # the last year the article looks back on
    only_year: tuple[str, int, int] | None  # the one year an undated article names, where it first names it
    section_period: Frame = NO_FRAME  # a heading's or a frame paragraph's period, carried down
    lead_frame: Frame = NO_FRAME  # the period the lead sets for the whole article
    title_frame: Frame = NO_FRAME  # the period the headline names, which a heading naming no time goes back to
    section_place: tuple[Place | None, Evidence] | None = None  # a heading's unit
    targets_before: bool = False  # did the previous paragraph with figures set goals?
    verb_cues: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # "reach"/"growth": the last plan/yoy cue
    ranked_on: tuple[str, int, int] | None = None  # the last percentage's basis its own words gave, and their span
    section_goals: bool = False  # the section's heading announces goals ("II. Các chỉ tiêu chủ yếu năm 2017")
    goal_frame: tuple[str, int, int, int] | None = None  # the last goals' year: (period, start, end, paragraph)
    paragraph: int = 0
    indices: list[tuple[int, int, str, str]] | None = None  # the published indices the article names, once read
    frame_end: int = 0  # where the lines that frame the article end (:func:`_frame_end`)

    def index_names(self) -> list[tuple[int, int, str, str]]:
        """The published indices the article names (:func:`metrics.index_names`), read on first use."""
        if self.indices is None:
            self.indices = index_names(self.text)
        return self.indices

    @classmethod
    def of(cls, article: Article) -> ArticleState:
        text = article.text
        # lines and the frame take their part by offset.  Only mentions in the frame's lines (title, lead, body) are
        # read, so the page furniture after the last of them (related titles, footer) is not scanned
        frame_end = _frame_end(article)
        named = with_bare_names(text, mentions(text, until=frame_end), frame_end)
        named = _with_headline_ward(article, named, frame_end)
        place, by_level = _article_places(article, named)
        periods = ArticlePeriods.of(article)
        # the lead: the first body line that says something ("21:39 - 05/11/2019" over it is a timestamp)
        # (nor a section's label over it: "Xây dựng Đảng")
        # (nor a short line with no sentence over it: an outlet's name, "Hà Nội Mới", or a site's section)
        # (nor a line in capitals: an outlet's or a portal's name, "PHÁP LUẬT TP.HCM", "CỔNG THÔNG TIN ĐIỆN TỬ …")
        lead = next((ln for ln in article.body() if ln.kind == "body" and _WORDS.search(text, ln.start, ln.end)
                     and not _LABEL_LINE.fullmatch(text, ln.start, ln.end) and not _short_label(text, ln)
                     and not text[ln.start:ln.end].isupper()), None)
        lead_marks = scoped_marks(text, lead.start, lead.end, periods) if lead else []
        lead_period = next(((p, pos, e) for pos, p, scope, e in lead_marks if p != "annual" and not scope),
                           ("", -1, -1))
        only_year = _only_year(article, periods) if periods.pub_month is None else None  # no dateline
        return cls(text, named, [m.start for m in named], place, by_level, periods, lead, lead_period,
                   periods.last_complete_year(), only_year, frame_end=frame_end)

    def subjects(self, start: int, end: int) -> list[Mention]:
        """The mentions in ``text[start:end]`` that can be what a figure is about (:func:`_subjects`)."""
        return _subjects(self.named[bisect_left(self.starts, start):bisect_left(self.starts, end)], self.text)


@dataclass(slots=True)
class ParagraphState:
    """A body paragraph, and what carries from sentence to sentence in it."""

    line: Line
    index: int  # its number among the article's body lines
    found: list[Mention]  # the place mentions that can be subjects
    in_targets: bool  # it goes on with the goals of the paragraph before
    period: Frame  # the period carried to its next sentence
    place: tuple[Place | None, Evidence]  # the unit a figure with none of its own takes
    families: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # unit: last metric family, its cue
    bases: dict[str, tuple[str, str, int, int]] = field(default_factory=dict)  # unit: last basis, family, cue
    frames: list[tuple[bool, str, int, int]] = field(default_factory=list)  # (opening, period, start, end)
    had_figures: bool = False
    restates_lead: bool = False  # a sentence of it names the period the lead set, and no frame of its own
    had_targets: bool = False
    goals_said: bool = False  # a sentence of it set the goals of a term or a plan ("Đại hội đề ra mục tiêu …")
    opened_on_goals: bool = False  # ``in_targets`` as the paragraph opened, before any sentence of it set goals
    #: the last figure whose own clause named its unit: (its sentence's start, its clause's start, the unit, evidence)
    clause_place: tuple[int, int, Place, Evidence] | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence's candidates, read once for all its figures."""

    start: int
    end: int
    frame_start: int  # where its goal words are looked for (a breakdown reads with the sentence before)
    subjects: list[Mention]  # place mentions
    marks: list[tuple[int, str, str, int]]  # time expressions (:func:`periods.scoped_marks`)
    clauses: list[tuple[int, int]]
    goals: _GoalWords


@dataclass(slots=True)
class Reading:
    """One number and the fields chosen for it so far, each with its evidence."""

    tok: Token
    clause: tuple[int, int]
    before: str  # the clause before the number
    after: str  # the clause after the number
    sentence_before: str
    goal_before: bool  # goal words earlier in the sentence
    value: Decimal
    period: str = ""
    period_ev: Evidence = NO_PERIOD
    qualifier: str = ""
    goal: bool = False
    basis: str = "none"
    basis_ev: tuple[str, int, int] = NO_CUE
    metric: str = ""
    metric_ev: tuple[str, int, int] = NO_CUE
    place: Place | None = None
    place_ev: Evidence = NO_PLACE
    per_year: str = ""
    base: str = ""
    outlook: str = ""


_DEADLINE = re.compile(r"(?:[Đđ]ến|[Tt]ới|[Vv]ào)\s(?:hết\s)?năm\s")


def _only_year(article: Article, periods: ArticlePeriods) -> tuple[str, int, int] | None:
    """The one year the body names, where it first names it, when it names no other period (no span, no part of a
    year, no other year); else None.  For an undated excerpt: "Tổng chi … năm 2014 …" is the year it reports on."""
    text, found = article.text, None
    for ln in article.body():
        for pos, period, _scope, end in scoped_marks(text, ln.start, ln.end, periods):
            if period == "annual" or _DEADLINE.match(text, pos, end):
                continue  # "đến năm 2030": a goal's deadline, not a year reported on
            if not (len(period) == 4 and period.isdigit()) or found and found[0] != period:
                return None
            found = found or (period, pos, end)
    return found


def _reading(tok: Token, s: Sentence, text: str) -> Reading:
    c_start, c_end = next((a, b) for a, b in s.clauses if a <= tok.start <= b)
    return Reading(tok, (c_start, c_end), text[c_start:tok.start], text[tok.tail:c_end], text[s.start:tok.start],
                   s.goals(tok.start), tok.value)


def resolve_value(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """A decline is negative: "giảm 12,8%" -> -12.8, but not a level it fell to ("giảm còn 3%")."""
    if r.tok.unit in ("percent", "count", "VND_bn", "USD_mn", "pp", "score") and _DECLINE.search(r.before[-15:]) \
            and not _LEVEL_AFTER_DECLINE.search(r.before[-20:]):
        r.value = -r.value


#: the present, said in the clause before a figure: "Hiện quận có …", "… hiện nay có", "hiện còn"
_NOW = re.compile(r"^\s*Hiện\s|\b(?:hiện nay|hiện tại|hiện có|hiện đang|hiện còn|Hiện nay|Hiện tại)\b|(?<!thực )(?<!Thực )\bhiện (?:chiếm|đạt|là)\s")


#: how far a project or a work has got, said of it in its clause: "dự án cầu X đã hoàn thành 93% khối lượng",
#: "công trình trụ sở đạt hơn 70%" (a state at the time of writing, not a result over the period of a frame)
_PROGRESS_BEFORE = re.compile(r"\b(?:[Dd]ự án|[Cc]ông trình|[Gg]ói thầu)\b[^,;()%\d]{0,80}\b(?:đã\s)?(?:hoàn thành|đạt|thực hiện"
                              r"(?:\sđược)?)(?:\s(?:được|khoảng|gần|hơn|trên|xấp xỉ))?\s$")


#: the quarter a month named before it lies in, said without its number: "trong quý", "của quý", "cả quý"
_IN_THE_QUARTER = re.compile(r"\b(?:trong|của|cả)\squý\b(?!\s?(?:\d|[IV]|này|trước|tới|sau|đầu|cuối))")
_A_MONTH = re.compile(r"\d{4}-\d\d")


#: what may stand between a value and the year said right after it: "2,1% năm 2020", "788 hộ năm 2016", "12,8% cuối
#: năm 2024" (not a plan's or a base's words: "95% kế hoạch năm 2023", "bằng 45% so với năm 2020")
_BEFORE_ITS_YEAR = re.compile(r"\s(?:(?!kế\b|dự\b|chỉ\b|so\b|cùng\b|mục\b|bằng\b|của\b)[^\W\d_]+\s)?(?:vào\s|cuối\s)?")


def _year_right_after(tok: Token, marks: list[tuple[int, str, str, int]], text: str) -> tuple[str, int, int] | None:
    """The year said right after a value, which dates that value whatever time the sentence named before it: "giảm từ
    13,6% năm 2010 xuống còn 2,1% năm 2020" (not a multiple's base: "gấp 9 lần năm 2011")."""
    if tok.unit == "times":
        return None
    for pos, period, _scope, end in marks:
        if pos >= tok.tail and len(period) == 4 and period.isdigit() and text.startswith(("năm", "Năm"), pos) \
                and _BEFORE_ITS_YEAR.fullmatch(text, tok.tail, pos):
            return period, pos, end
    return None


#: the value a change starts from with its unit, right before a year that dates it: "giảm từ 9,6% năm 2010 xuống còn …",
#: "từ 1.250 tỷ đồng năm 2015 lên …" (not the value it reaches: "xuống còn 17,6% năm 2024; công nghiệp …" dates what follows)
_VALUE_BEFORE_YEAR = re.compile(r"\btừ\s(?:mức\s)?\d(?:[\d.,]*\d)?(?:\s?%|\s(?:tỷ|triệu|nghìn)(?:\sđồng)?|\sđiểm|\s[^\W\d_]+)\s"
                                r"(?:vào\s|cuối\s)?$")  # (or a count: "giảm từ 21 hộ cuối năm 2023 xuống còn 9 hộ")


def _value_years(marks: list[tuple[int, str, str, int]], text: str) -> list[tuple[int, str, str, int]]:
    """``marks`` without the years said right after the value a change starts from (:data:`_VALUE_BEFORE_YEAR`): such a
    year dates that value only (:func:`_year_right_after`), not the other figures of its clause nor the sentences after."""
    return [mk for mk in marks if not (len(mk[1]) == 4 and text.startswith(("năm", "Năm", "cuối năm"), mk[0])
                                       and _VALUE_BEFORE_YEAR.search(text, max(0, mk[0] - 30), mk[0]))]


def _its_quarter(r: Reading, text: str, m1: int) -> None:
    """"Tháng 3, … nâng tổng số doanh nghiệp thành lập mới trong quý lên 118": the quarter of the month named before
    (:data:`_IN_THE_QUARTER`), with its words as the evidence."""
    quarter = _IN_THE_QUARTER.search(text, m1, r.tok.start) if m1 <= r.tok.start and _A_MONTH.fullmatch(r.period) else None
    if quarter:
        r.period = f"{r.period[:4]}-Q{(int(r.period[5:]) - 1) // 3 + 1}"
        r.period_ev = ("clause", quarter.start(), quarter.end(), False)


_QUARTERS_OF_MONTHS = re.compile(r"(?P<y>\d{4})-(?:(?P<n>3|6|9|12)M|H(?P<h>[12]))")


def _last_quarter(r: Reading) -> None:
    """"… dẫn đầu về số hồ sơ trực tuyến trong quý, lần lượt 18.940 và 12.315" under a report on 9 months: the quarter
    that ends them (Q3), not the 9 months."""
    m = _QUARTERS_OF_MONTHS.fullmatch(r.period)
    quarter = _IN_THE_QUARTER.search(r.sentence_before) if m else None
    if m and quarter:
        r.period = f"{m['y']}-Q{int(m['n']) // 3 if m['n'] else 2 * int(m['h'])}"
        start = r.tok.start - len(r.sentence_before)
        r.period_ev = ("sentence", start + quarter.start(), start + quarter.end(), False)


def resolve_period(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """The period a figure covers, from the nearest candidate that reaches it: the comparison a quoted base value
    follows, a time expression in its sentence (not a deadline of what comes next), the frame carried from earlier
    sentences and paragraphs (not a coming term: it dates only goals), the lead's for a headline's figure, the one
    year an undated article names."""
    tok, text = r.tok, a.text
    given = _given_period(r, s, p, a)
    if given:
        r.period, r.period_ev = given
        return
    marks = _outside_asides(text, s, tok.start)
    period, m0, m1 = _year_right_after(tok, marks, text) or period_mark(_value_years(marks, text), tok.start, r.clause)
    if period and m0 > tok.start and _of_what_follows(text, tok.tail, m0):
        period = ""
    progress = tok.unit == "percent" and _PROGRESS_BEFORE.search(r.before) is not None
    if progress and not (period and r.clause[0] <= m0 < r.clause[1]):
        return  # "dự án … đã hoàn thành 93% khối lượng": how far a project has got, which only its clause dates
    if period:
        r.period = _in_its_frame(period, m0, m1, r, s, p, a)
        r.period_ev = ("clause" if r.clause[0] <= m0 < r.clause[1] else "sentence", m0, m1, False)
        _its_quarter(r, text, m1)
        return
    if not _NOW.search(r.before):  # ("Hiện quận có 4 phường": the present, which no earlier frame dates)
        _carried_period(r, p, a)
        _last_quarter(r)


#: a sentence said of the same time as the lead's: "Cùng thời điểm, …", "Cũng đến thời điểm này, …"
_SAME_TIME_OPENS = re.compile(r"\s*(?:[Cc]ùng thời điểm|[Cc]ũng (?:đến|tại) thời điểm)(?: này| trên)?,")


def _carried_period(r: Reading, p: ParagraphState, a: ArticleState) -> None:
    """The period of a figure whose sentence names none (:func:`resolve_period`): the goals' year for a goal
    (``goal_frame``), else the frame carried from earlier sentences and paragraphs, the lead's for a headline's
    figure, the one year an undated article names."""
    goal = a.goal_frame if r.goal_before else None
    if goal is not None and p.index - goal[3] <= 1:
        # "Năm 2018, thành phố phấn đấu … 340 tỷ đồng." then "Tỷ lệ hồ sơ … phấn đấu đạt 20%.": the goals' year
        r.period, r.period_ev = goal[0], ("paragraph", goal[1], goal[2], False)
        return
    lead = a.lead_period
    if lead[0] and _SUB_YEAR.search(lead[0]) and _SAME_TIME_OPENS.match(r.sentence_before):
        # "Cùng thời điểm, quận Bình Thạnh giải ngân đạt 61,7%": the time the lead reports on ("Đến ngày 30/11/2022, …")
        r.period, r.period_ev = lead[0], ("lead", lead[1], lead[2], False)
        return
    if not _is_future(p.period[0], a.periods) and p.period[0] and not ((r.goal_before or p.in_targets)
                                                                         and a.periods.future):
        # a coming term named earlier dates only the goals set for it; a goal set for the coming term takes no frame
        # of the term reviewed ("Đại hội đề ra mục tiêu …; tăng thu bình quân 10-12%/năm": the coming term's)
        frame, src, m0, m1, _at = p.period
        r.period, r.period_ev = frame, (src, m0, m1, _period_weak(src))
        return
    if p.line.kind == "title" and p.line.end - p.line.start <= 160 and a.lead_period[0]:
        lead = (_goal_ahead(a) if r.goal_before else None) or a.lead_period
        r.period, r.period_ev = lead[0], ("lead", lead[1], lead[2], False)
    elif a.only_year and not r.goal_before and not p.in_targets:
        # an undated excerpt that names one year, and no other period, reports on that year (weak: a guess)
        r.period, r.period_ev = a.only_year[0], ("only_year", a.only_year[1], a.only_year[2], True)


def _in_its_frame(period: str, m0: int, m1: int, r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> str:
    """A time expression's period read in its frame: the year of the sentence's earlier time, else of the paragraph's
    frame, for a part of a year named without one (:func:`_year_of_frame`; "Năm 2023, tỉnh thu …; riêng quý IV thu
    800 tỷ đồng"), the coming term for a term named without its years in a goal ("Đại hội đề ra 18 chỉ tiêu: … cuối
    nhiệm kỳ đạt 180 triệu đồng")."""
    framed = _framed_year(period, a.text[m0:m1], m0, s, p, a)
    now = a.lead_period[0][:4]  # the time the lead reports on ("Quý I/2026, …"), not a page's date
    ahead = r.goal_before or _FORECAST_BEFORE.search(a.text, max(r.clause[0], m0 - 40), m0)
    # "Quý I/2026, … Cả năm 2025, … Dự kiến quý II, tỉnh thu …": a forecast is of no time already past
    period = period if ahead and now.isdigit() and framed[:4] < now <= period[:4] else framed
    if r.goal_before and a.periods.future and period == a.periods.term and _TERM_UNNAMED.fullmatch(a.text, m0, m1):
        return a.periods.future
    return period


def _framed_year(period: str, mark: str, m0: int, s: Sentence, p: ParagraphState, a: ArticleState) -> str:
    """A time named without its year, read in the year of the sentence's earlier time ("Cùng kỳ năm 2021, … 10 tháng
    …": 2021's), else of the paragraph's frame (:func:`_year_of_frame`), else of the headline or lead that names that
    part with its year ("quý I" in a report on "quý I/2026", whatever year a look back named before); "Trong năm học
    này" in an undated report on "Năm học 2018-2019" is that school year."""
    earlier = [q for pos, q, scope, e in s.marks if e <= m0 and not scope and _IN_ONE_YEAR.fullmatch(q)
               and _NAMES_ITS_YEAR.search(a.text, pos, e)] if not _NAMES_ITS_YEAR.search(mark) else []
    frame = earlier[-1] if earlier else p.period[0]
    framed = _year_of_frame(period, mark, frame)
    if a.periods.pub_month is None and _THIS_SCHOOL_YEAR.fullmatch(mark) and _SCHOOL_YEAR.fullmatch(frame):
        return frame
    named = next((q for q, q0, q1 in (a.lead_period, a.title_frame[0:1] + a.title_frame[2:4])
                  if len(q) > 4 and q[4:] == period[4:] and _NAMES_ITS_YEAR.search(a.text, q0, q1)), "")
    if named and not earlier and _IN_ONE_YEAR.fullmatch(named) and not _NAMES_ITS_YEAR.search(mark):
        return named
    return framed


_THIS_SCHOOL_YEAR = re.compile(r"[Nn]ăm học (?:này|nay)")
_SCHOOL_YEAR = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d")  # a frame of two years ("2018-2019"; any span, in fact)
_FORECAST_BEFORE = re.compile(r"\b(?:[Dd]ự kiến|[Dd]ự báo|[Pp]hấn đấu)\s(?:[^\W\d]+\s){0,3}$")
_TERM_UNNAMED = re.compile(r"[^\d]*nhiệm kỳ[^\d]*")  # a term named without its years: "nhiệm kỳ", "cả nhiệm kỳ"
_IN_ONE_YEAR = re.compile(r"(?:19|20)\d\d(?:-(?:H[12]|Q[1-4]|\d{1,2}M|\d\d|YTD))?")
_NAMES_ITS_YEAR = re.compile(r"(?:19|20)\d\d|\b[Nn]ăm\b(?!\s*$)")  # ("tháng 3 năm nay", "Năm nay"; not "6 tháng cuối năm")


def _year_of_frame(period: str, mark: str, frame: str) -> str:
    """A time that names no year ("đến tháng 12", "quý IV", "tháng 3") is of the year the paragraph is about
    ("Lũy kế 8 tháng năm 2022 … dự kiến đến tháng 12 sẽ …": December 2022), not of the article's date.

    >>> _year_of_frame("2021", "đến tháng 12", "2022-8M"), _year_of_frame("2021-03", "tháng 3 năm nay", "2022-8M")
    ('2022', '2021-03')
    """
    if not (frame and _IN_ONE_YEAR.fullmatch(frame) and _IN_ONE_YEAR.fullmatch(period)) or _NAMES_ITS_YEAR.search(mark):
        return period
    return frame[:4] + period[4:]


#: a bare year in a list of years: "Năm 2021, 2022 và 2023"
_LISTED_YEAR = re.compile(r"(?<=[,\s])(?:19|20)\d\d(?=[,\s])(?!\s?[-–/])")


def _respective_period(text: str, s: Sentence, pos: int) -> tuple[str, int, int] | None:
    """The k-th of the periods a sentence lists before "lần lượt", for the k-th figure after it, when it lists as
    many periods as figures follow (two or more): ``(period, start, end)`` of the mark, else None."""
    respectively = _RESPECTIVELY.search(text, s.start, pos)
    if respectively is None:
        return None
    listed = [(p, m0, m1) for m0, p, scope, m1 in s.marks if m1 <= respectively.start() and p != "annual"
              and scope in ("", "clause")]
    if listed:  # "Năm 2021, 2022 và 2023, … lần lượt …": the years listed after the first
        listed += [(y.group(0), y.start(), y.end()) for y in _LISTED_YEAR.finditer(text, listed[0][2], respectively.start())
                   if not any(m0 <= y.start() < m1 for _p, m0, m1 in listed)]
        listed.sort(key=lambda mark: mark[1])
    k = len(_FIGURE_AHEAD.findall(text, respectively.end(), pos))
    n = len(_FIGURE_AHEAD.findall(text, respectively.end(), s.end))
    if n < 2 or len(listed) != n or len({p for p, _a, _b in listed}) != n:
        return None
    return listed[k] if k < n else None


def resolve_qualifier(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """The hedge (:func:`_qualifier`); a range's ends are ``range_low``/``range_high``; the amount of a plan or an
    estimate being set ("kế hoạch đầu tư công năm 2024 với tổng vốn 1.950 tỷ đồng") is a target, not a result."""
    r.qualifier = (r.tok.reason if r.tok.reason.startswith("range")
                   else _qualifier(r.goal_before, r.before, r.after, p.in_targets, r.period, a.periods))
    if r.qualifier in ("actual", "estimate") and r.tok.unit == "VND_bn" and _PLAN_SET_BEFORE.search(r.before[-90:]):
        r.qualifier = "target"
    elif r.qualifier == "actual" and r.tok.unit != "percent" and _ESTIMATE_LEAD.match(r.sentence_before):
        r.qualifier = "estimate"
    r.outlook = "forecast" if forecast_words(r.before) or _FORECAST_LEAD.match(r.sentence_before) else ""


#: a value expected, not reported, said in its clause before it, whatever hedge it has: "dự kiến đến tháng 12 sẽ đạt
#: trên 95%", "năm nay sẽ đạt khoảng 8%", "dự báo cả năm tăng 7%"
_FORECAST_WORDS = re.compile(r"\b(?:[Dd]ự kiến|[Dd]ự báo|[Kk]ỳ vọng)\b[^,;]{0,70}$|\bsẽ\s(?:[^\W\d_]+\s){0,8}$")


#: a sentence that opens with an estimate of its period, up to its first figure: "Ước cả năm 2024, thu ngân sách đạt
#: 4.800 tỷ đồng", "Dự kiến 6 tháng đầu năm, tổng thu …" (the amount is the estimate; the percentages after it are
#: measured on it, as when "ước" stands in the amount's own clause)
_ESTIMATE_LEAD = re.compile(r"\s*(?:Ước|Dự kiến)(?:\s(?:tính|thực hiện))?\s(?![^,;]{0,40}\b(?:đã|được)\b)[^,;]{1,40},[^\d,;]*$")
#: a sentence that opens as a forecast: "Dự kiến cả năm, thu ngân sách quận đạt …"
_FORECAST_LEAD = re.compile(r"\s*(?:Dự kiến|Dự báo)\b(?![^,;]{0,40}\b(?:đã|được)\b)")


def forecast_words(clause_before: str) -> bool:
    """Whether the words before a figure in its clause say the value is expected ("dự kiến", "dự báo", "kỳ vọng"
    in the clause; "sẽ" a few words before it): a bound's hedge ("trên 95%") takes the qualifier, and the figure
    is still a forecast.  ("ước", an estimate, may be of a period that has ended: the qualifier says it.)

    >>> forecast_words("dự kiến đến tháng 12 sẽ đảm bảo tiến độ giải ngân đạt trên "), forecast_words("đã giải ngân đạt trên ")
    (True, False)
    >>> forecast_words("năm nay sẽ đạt khoảng "), forecast_words("Thành phố sẽ tập trung chỉ đạo, tỷ lệ giải ngân đạt ")
    (True, False)
    """
    return _FORECAST_WORDS.search(clause_before) is not None


#: the amount a plan or a budget estimate sets, named right before it with no result between: "kế hoạch đầu tư công
#: năm 2024 với tổng vốn 1.950 tỷ", "dự toán thu ngân sách năm 2025 là 6.000 tỷ", "kế hoạch vốn được giao 800 tỷ";
#: not what was done against it ("kế hoạch vốn 800 tỷ, đã giải ngân 500 tỷ": the clause's last words are a result's)
_PLAN_SET_BEFORE = re.compile(
    r"\b(?:[Kk]ế hoạch|[Dd]ự toán)(?:\s(?!(?:đạt|thực|giải|hoàn|tăng|giảm|bằng|vượt|ước|đã)\b)"
    r"(?:[^\W\d_]+|(?:19|20)\d\d))*\s(?:là|với|có|\()?\s?$")


def resolve_plan_year(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """"để đạt được kế hoạch dự kiến 4.000 tỷ đồng": a plan's amount is the year's, not the part's; "phấn đấu đến hết
    ngày 31/1/2026 giải ngân 100% kế hoạch vốn (năm 2025)": a goal against a year's plan, due early the next year, is
    that plan's year, not the months to the deadline."""
    # (also a count: "phấn đấu … để hoàn thành chỉ tiêu 2.000 đảng viên", "đạt 19% chỉ tiêu năm (200 đảng viên)")
    if (r.tok.unit == "VND_bn" or r.tok.unit == "count" and _SUB_YEAR.search(r.period)) \
            and _PLAN_AMOUNT.search(r.before[-40:]) and r.period[:4].isdigit():
        r.period, r.period_ev = r.period[:4], ("plan_year", *r.period_ev[1:])
        return
    plan = _OF_PLAN_AFTER.match(r.after) if r.tok.unit == "percent" and r.period.endswith("YTD") else None
    day = _DEADLINE_DAY.match(a.text, r.period_ev[1]) if plan and r.period_ev[1] >= 0 else None
    due = _DAY_MONTH_YEAR.search(a.text, day.start(), r.period_ev[2]) if day else None
    if plan and due and int(due[2]) <= 3 and (r.goal_before or _WILL.search(a.text, s.start, r.tok.start)):
        year = plan["y"] or str(int(due[3]) - 1)
        r.period, r.period_ev = year, ("plan_year", *r.period_ev[1:])


#: what a percentage is of, a plan (and its year): "100% kế hoạch vốn năm 2025", "100% vốn được giao"
_OF_PLAN_AFTER = re.compile(r"\s?(?:kế hoạch|vốn|KH)\b(?:[^,;.\d]{0,30}?\snăm\s(?P<y>(?:19|20)\d\d))?")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)")


#: the present state said right before a figure: "thu nhập … hiện nay trên 48 triệu đồng" is no goal
_NOW_IN_CLAUSE = re.compile(r"\b[Hh]iện\s(?:nay|tại|có|đang|còn)\b")
_NOW_BEFORE = re.compile(r"\b(?:hiện nay|hiện tại|hiện có|hiện đang)\b[^,;()]{0,20}$")


def resolve_goal_term(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """A goal with no period of its own is set for the coming term; a figure said of the present ("hiện nay") is
    no goal."""
    r.goal = (r.qualifier == "target" or r.goal_before or p.in_targets) and not _NOW_BEFORE.search(r.before[-30:])
    if r.goal and r.qualifier != "target" and not r.outlook:
        r.outlook = "goal"  # "đặt ra … tăng bình quân đạt trên 14%/năm": a goal, whose hedge took the qualifier
    if not r.period and a.periods.future and r.goal:
        r.period, r.period_ev = a.periods.future, ("future_term", *a.periods.future_at, False)


#: a value in brackets after what it is compared with: "thấp hơn bình quân cả nước (52,6%)", "cao hơn tỉnh X (40%)"
_COMPARED_VALUE_BEFORE = re.compile(r"\b(?:cao|thấp|nhiều|ít|lớn|nhỏ|chậm|nhanh)\shơn\s(?:so với\s)?(?:[^()%\d;]{1,60}\(\s?"
                                    r"(?:(?:khoảng|gần|hơn|trên|xấp xỉ|đạt)\s)?|(?:mức\s)?(?:bình quân|trung bình)"
                                    r"(?:\schung)?(?:\s(?:của\s)?(?:cả nước|toàn quốc|tỉnh|thành phố|toàn tỉnh|toàn thành phố))?"
                                    r"(?:\s(?:là|khoảng|gần))?\s)$")  # (or without brackets: "thấp hơn mức bình quân 63,2%")


def resolve_basis(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """What a percentage, multiple or ratio is measured against (:func:`_basis`), then the cues a list names once
    (:func:`_list_basis`), a share above the whole, and a goal given as a range."""
    tok = r.tok
    r.basis, b0, b1 = _basis(r.before, r.after, tok.unit, tok.noun, a.periods, a.text[s.start:r.clause[0]],
                             (r.clause[0], tok.tail, s.start))
    r.basis_ev = ("clause", b0, b1) if b0 >= 0 else NO_CUE
    r.basis = _base_by_period(r.basis, a.text[b0:b1] if b0 >= 0 else "", r.period)
    _list_basis(r, a.verb_cues, -1 if _BREAKDOWN.match(a.text, s.start) else s.start)  # "Trong đó, …" goes on
    _ranked_basis(r, a)
    compared = p.bases.get(tok.unit) if r.basis == "none" and r.basis_ev[1] < 0 else None
    if compared and compared[0] in ("plan", "yoy", "share") and _COMPARED_VALUE_BEFORE.search(r.before[-70:]):
        # "đạt 48,5% kế hoạch vốn, thấp hơn bình quân cả nước (52,6%)": the same measure of what it is compared with
        r.basis, r.basis_ev = compared[0], ("paragraph", compared[2], compared[3])
    if r.basis == "share" and tok.unit == "percent" and tok.value > 100:
        r.basis = "plan"  # "kết nạp 514 đảng viên, đạt tỷ lệ 114,2%": no share exceeds the whole
    _target_basis(r, s, p, a)


def _target_basis(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """A goal given as a range ("từ 11 - 15%"; also a rate's yearly change, "tỷ lệ hộ nghèo giảm bình quân 3-4%/năm"),
    and a plan's own rate in brackets ("bằng 87,5% kế hoạch (kế hoạch 12%)"), are targets."""
    tok = r.tok
    changed = r.basis == "share" and _CHANGE_OF_RATE.search(r.before[-40:]) is not None
    if (r.basis == "none" or changed) and tok.reason.startswith("range") and r.qualifier.startswith("range") \
            and (r.goal_before or p.in_targets or r.period == a.periods.future
                 or _PLAN_VALUE_BEFORE.search(r.before[-25:])):
        r.basis = "target"
        goal_at = s.goals.at(tok.start) if r.goal_before else None
        r.basis_ev = (("clause", *goal_at) if goal_at else ("paragraph", p.line.start, p.line.start) if p.in_targets
                      else ("clause", *r.period_ev[1:3]) if r.period_ev[1] >= 0 else NO_CUE)
    elif tok.unit == "percent" and (plan := _PLAN_IN_BRACKET.search(r.before[-16:])):
        r.basis, r.basis_ev = "target", ("clause", tok.start - len(r.before[-16:]) + plan.start(), tok.start)


#: a plan's value in brackets right before it: "(kế hoạch 12%)", "(KH: 8,5%)"
_PLAN_IN_BRACKET = re.compile(r"\((?:kế hoạch|KH|chỉ tiêu|mục tiêu):?\s(?:là\s|đề ra\s)?$")
_CHANGE_OF_RATE = re.compile(r"\b(?:giảm|tăng)\b[^,;%\d]*$")
#: a plan's value named right before it: "tốc độ tăng trưởng GDP (kế hoạch 11-12%)", "chỉ tiêu đề ra là 7-7,5%"
_PLAN_VALUE_BEFORE = re.compile(r"\b(?:kế hoạch|chỉ tiêu|mục tiêu)\s(?:(?:đề ra|đặt ra|giao)\s)?(?:là\s)?$")


def _share_by_measure(r: Reading, metric: str) -> bool:
    """Whether a percentage with no basis of its own is a share by its measure: "có 20% đơn vị hoàn thành xuất sắc
    nhiệm vụ; 80% hoàn thành tốt nhiệm vụ", whatever names its whole; not an index's value ("Chỉ số hài lòng … đạt
    84,65%")."""
    return r.basis == "none" and r.tok.unit == "percent" and metric.endswith("_share") and r.metric_ev[1] >= 0 \
        and not _INDEX_BEFORE.search(r.before)


#: units ranked on the measure just given, a bare percentage each: "Đồng Tháp dẫn đầu vùng với 82,5%, kế đến là Long An
#: (79,2%)", "Bắc Ninh đạt cao nhất với 75,2%, Lai Châu thấp nhất với 18,4%"
_RANKING = re.compile(r"\b(?:[Dd]ẫn đầu|[Đđ]ứng đầu|cao nhất|thấp nhất|tốt nhất|đạt cao(?=\s?:)|[Kk]ế đến|[Tt]iếp (?:theo|đến)|[Xx]ếp sau|xếp cuối|"
                      r"đứng cuối)\b")
_BARE_IN_RANKING = re.compile(r"(?:\(|\svới|\sđạt|\slà)\s?(?:(?:khoảng|gần|hơn|trên)\s)?$")


def _ranked_basis(r: Reading, a: ArticleState) -> None:
    """A bare percentage of a unit ranked on the measure just given takes that measure's basis (the last plan or share
    a percentage's own words gave); a percentage whose words give one sets it."""
    if r.tok.unit != "percent":
        return
    if r.basis_ev[0] == "clause" and r.basis in ("plan", "share"):  # (a level's: not a change's, "cao hơn 1,85% so với")
        a.ranked_on = (r.basis, *r.basis_ev[1:])
    elif r.basis == "none" and r.basis_ev[1] < 0 and a.ranked_on and _RANKING.search(r.sentence_before) \
            and _BARE_IN_RANKING.search(r.before[-12:]) and not _GROWTH_BEFORE.search(r.before[-30:]):
        r.basis, r.basis_ev = a.ranked_on[0], ("paragraph", *a.ranked_on[1:])


def _base_by_period(basis: str, cue: str, period: str) -> str:
    """A comparison's basis read with the figure's period: the year before the figure's is no term's start ("tính đến
    30/11/2021, … tăng 13,99% so với năm 2020"); the quarter or month before it is the period before, not last year's
    ("quý II/2023 … tăng 46% so với quý I/2023")."""
    if basis == "term_start" and period[:4].isdigit() and str(int(period[:4]) - 1) in cue:
        return "yoy"
    if basis == "yoy" and cue and _previous_part(cue, period):
        return "none"
    return basis


_PART_OF_A_YEAR = re.compile(r"(?:quý\s(?P<q>IV|III|II|I|[1-4])|tháng\s(?P<m>\d{1,2}))\s?(?:/|\snăm\s)(?P<y>(?:19|20)\d\d)")


def _previous_part(cue: str, period: str) -> bool:
    """Whether a comparison's base names the quarter or month before the figure's, in the same year ("tháng 3/2015 …
    giảm 5,1% so với tháng 2/2015")."""
    m = _PART_OF_A_YEAR.search(cue)
    if m is None or not period.startswith(m["y"] + "-"):
        return False
    part = period[5:]
    if m["q"]:
        return part.startswith("Q") and int(part[1]) == QUARTER_NUMBER[m["q"]] + 1
    return part.isdigit() and int(part) == int(m["m"]) + 1


_WHILE = re.compile(r"\btrong khi\b")


def _list_basis(r: Reading, verb_cues: dict[str, tuple[str, int, int]], growth_from: int) -> None:
    """A list that names its cue once: "… đạt 70,6% dự toán và tăng 39,5% so với cùng kỳ; khu vực B 43 nghìn tỷ
    đồng, đạt 57,9% và tăng 7%": a bare "đạt" is of plan, a bare "tăng" on the same period. A growth's cue carries
    only from ``growth_from`` on (its sentence, or a breakdown's paragraph): "Quý III tăng 7,8% so với cùng kỳ. Tính
    chung 9 tháng, GRDP tăng 6,9%" states no comparison for the nine months."""
    if r.tok.unit != "percent":
        return
    if r.basis_ev[1] < 0 and r.basis == "none":
        verb = "reach" if _REACH_BEFORE.search(r.before[-25:]) else "growth" if _GROWTH_BEFORE.search(
            r.before[-25:]) else ""
        if verb == "reach" and _RATE_SUBJECT.search(r.sentence_before):
            verb = ""  # "Tốc độ tăng trưởng … ước đạt 8,7%": the rate itself, not a share of a plan
        cue = verb_cues.get(verb) if not _WHILE.search(r.before) else None  # ("…, trong khi giá trị sản xuất tăng
        # bình quân 4,6%/năm": set against another measure, whose cue is its own)
        if cue is not None and not (verb == "growth" and cue[1] < growth_from):
            r.basis, r.basis_ev = cue[0], ("paragraph", cue[1], cue[2])
    elif r.basis_ev[1] >= 0 and r.basis in ("plan", "yoy"):
        verb_cues["reach" if r.basis == "plan" else "growth"] = (r.basis, *r.basis_ev[1:])


def resolve_metric(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """What an indicator measures (:func:`metrics.metric_evidence`): the subject words before it or the thing it
    counts, else the family of the paragraph's last figure of its unit; a bare percentage after a share of the same
    family is that share ("tỷ lệ … đạt 68,5%: Đà Nẵng (58,9%), Hà Giang (55,8%)")."""
    tok = r.tok
    if tok.kind != "indicator":
        return
    carried = p.families.get(tok.unit, ("", -1, -1))
    # a figure that opens a clause after a semicolon measures what follows it ("…; 100% hồ sơ …"): the words of
    # the clause before it are another measure's
    cut = r.sentence_before.rfind(";") + 1
    if not (cut and not r.sentence_before[cut:].strip()):
        cut = 0
    before = _without_share_wholes(r.sentence_before[cut:])
    metric, src, m0, m1 = metric_evidence(before, r.after, tok.unit, tok.noun, r.basis, carried[0])
    if r.basis in ("none", "target") and tok.unit == "percent" \
            and p.bases.get(tok.unit, ("",))[:2] == ("share", family_of(metric) or "other") \
            and not r.qualifier.startswith("range") and not _GROWTH_BEFORE.search(r.before[-30:]):
        # also when no sentence of the paragraph names the measure ("Khối bộ đạt 63,5% (mục tiêu 70%)")
        r.basis, r.basis_ev = "share", ("paragraph", *p.bases[tok.unit][2:])
        metric, src, m0, m1 = metric_evidence(before, r.after, tok.unit, tok.noun, r.basis, carried[0])
    bare_index = src == "clause" and before[m0:m1].lower() == "chỉ số"  # "Chỉ số của tỉnh đạt 0,45": which one?
    if tok.unit in INDEX_UNITS and (metric in ("other", "ranking", "ranking_change") or src == "paragraph" or bare_index):
        index = _index_of(r, s, p, a, metric)
        if index:  # "Bộ … công bố Chỉ số chuyển đổi số. Theo đó, tỉnh đạt 0,45 điểm": the index the paragraph names
            metric, src, r.metric_ev = index[0], "index", index[1]
    r.metric = metric
    if src == "clause":
        shift = s.start + cut if m0 < len(before) else tok.tail - len(before)
        r.metric_ev = ("clause", m0 + shift, m1 + shift)
    elif src == "paragraph":
        r.metric_ev = ("paragraph", carried[1], carried[2])
    metric = r.metric = _newly_founded(r, metric)
    if _share_by_measure(r, metric):
        r.basis, r.basis_ev = "share", r.metric_ev
    if metric != "other":
        p.families[tok.unit] = (family_of(metric), *r.metric_ev[1:])
    p.bases[tok.unit] = (r.basis, family_of(metric) or "other", *r.basis_ev[1:])


#: the whole a share is of ("chiếm 37% tổng thu cân đối ngân sách Nhà nước và tăng 56,4%"): not the measure of the
#: figures after it
_WHOLE_OF_SHARE = re.compile(r"(?<=\bchiếm\s)(?:khoảng\s|hơn\s|gần\s|trên\s)?[\d.,]+\s?%\s[^,;\d]{0,70}?(?=\svà\s|[,;])")


def _without_share_wholes(before: str) -> str:
    """``before`` with the wholes shares are of blanked (:data:`_WHOLE_OF_SHARE`), its offsets kept."""
    return _WHOLE_OF_SHARE.sub(lambda m: " " * len(m[0]), before) if "chiếm" in before else before


def _newly_founded(r: Reading, metric: str) -> str:
    """"thành lập mới 5 hợp tác xã": new ones, not how many there are; "…, tăng 1.377 doanh nghiệp so với cùng kỳ"
    after new ones: the new ones rose."""
    thing = metric.removesuffix("_change")
    if r.tok.unit != "count" or thing not in _NEWLY_FOUNDED:
        return metric
    change = metric.endswith("_change")
    if not (_NEWLY_IN_SENTENCE.search(r.sentence_before) if change else _NEWLY_BEFORE.search(r.before[-25:])):
        return metric
    return _NEWLY_FOUNDED[thing] + ("_change" if change else "")


#: things counted that a report also counts as newly founded ("thành lập mới 5 hợp tác xã")
_NEWLY_FOUNDED = {"enterprises": "new_enterprises", "cooperatives": "new_cooperatives"}
_NEWLY_BEFORE = re.compile(r"\b(?:[Tt]hành lập mới|[Mm]ới thành lập|[Tt]hành lập được|[Pp]hát triển mới)\s(?:được\s)?$")
_NEWLY_IN_SENTENCE = re.compile(r"\b(?:[Tt]hành lập mới|[Mm]ới thành lập)\b")


def _index_of(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState,
              metric: str) -> tuple[str, tuple[str, int, int]] | None:
    """The published index a score, a point change or a rank with no measure of its own is about
    (:func:`metrics.index_frame`): named right after it, earlier in its paragraph, or, for a bare ranking or score, the
    one index the article names; ``(metric, evidence)``."""
    tok, para = r.tok, a.text[p.line.start:s.start]
    index = index_frame(para, r.after[:60], tok.unit)
    if index and tok.unit == "rank" and (metric.endswith("_change") or "bậc" in a.text[tok.start:tok.end]):
        index = (index[0] + "_change", *index[1:])  # "tăng 5 bậc": steps, not a place in the ranking
    elif index and tok.unit != "rank":  # "tổng điểm tăng 0,35 điểm so với tuần trước": by how much
        index = (index[0] + change_suffix(r.sentence_before, r.after, tok.unit), *index[1:])
    if index is None and metric in ("ranking", "ranking_change", "other"):  # an article about one index scores by it
        whole = last_index([name for name in a.index_names() if name[1] <= s.start], tok.unit, only_one=True)
        suffix = "_change" if metric.endswith("_change") else change_suffix(r.sentence_before, r.after, tok.unit)
        return (whole[0] + suffix, ("paragraph", whole[1], whole[2])) if whole else None
    if index is None:
        return None
    if index[1] >= len(para):  # named after the number ("5 bậc về chỉ số …")
        return index[0], ("clause", tok.tail + index[1] - len(para), tok.tail + index[2] - len(para))
    return index[0], ("paragraph", p.line.start + index[1], p.line.start + index[2])


#: measures of a stock, a level at a moment (people, land, members, units): "Phường có 7,5 km2, dân số 80.000 người"
_STOCKS = frozenset({"population", "area", "party_members_count", "party_organizations_count"})
#: the period sources that carry a frame from elsewhere (not the figure's own sentence)
_CARRIED = frozenset({"paragraph", "section", "title", "lead", "only_year"})


def resolve_stock(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """A stock (population, area, members, units) is a level at a moment, not a result over a period: a frame carried
    from another sentence ("Năm 2023, quận thu … . Quận có 21 xã, dân số 460.000 người") does not date it; a time
    in its own sentence does ("Đến cuối năm 2023, quận có 2.100 đảng viên"), unless the stock is said of the present
    and the time is another clause's ("kết nạp 312 đảng viên trong nhiệm kỳ; hiện có 2.980 đảng viên")."""
    if r.metric in _STOCKS and not r.goal and (r.period_ev[0] in _CARRIED or r.period_ev[0] == "sentence" and (
            _NOW_IN_CLAUSE.search(a.text, r.clause[0], r.tok.start))) and not _ACTED_ON.search(r.before[-40:]):
        r.period, r.period_ev = "", NO_PERIOD


#: what was done to the units or people counted, over the time reported: "đã kiểm tra 42 tổ chức đảng", "thi hành kỷ
#: luật 14 đảng viên", "thành lập mới 3 chi bộ" (a count of acts, not a stock)
_ACTED_ON = re.compile(r"\b(?:kiểm tra|giám sát|kỷ luật|khen thưởng|thành lập(?: mới)?|giải thể|xử lý|xem xét|công nhận|"
                       r"tặng|trao|biểu dương|củng cố|kiện toàn)\s(?:(?:được|cho|đối với)\s)?$")


def resolve_place(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """The unit a figure is about (:func:`_place_for`): its clause's, else the paragraph's, section's or article's;
    a count of units that belong to a unit is that unit's ("10 phường thuộc quận Bình Tân"), and never one of the
    units named after it ("Trong 12 huyện, thành phố, thành phố Đà Lạt dẫn đầu")."""
    owner = _OWNER_OF_UNITS.match(a.text, r.tok.end) if r.tok.unit == "count" and _UNIT_NOUN.match(r.tok.noun) else None
    if owner:
        m = next((m for m in p.found if m.start == owner.end()), None)
        if m is not None:
            r.place, r.place_ev = m.place, ("clause", m.start, m.end, False)
            return
    provinces = _PROVINCES_COUNTED.match(a.text, r.tok.tail) if r.tok.unit == "ratio" and r.tok.denominator in (63, 34) \
        else None
    if provinces:  # "Có 24/63 tỉnh, thành phố đạt kết quả cao hơn giá trị trung bình": the country's provinces
        r.place, r.place_ev = Place("Việt Nam", "country"), ("clause", provinces.start(1), provinces.end(1), False)
        return
    beside = _owner_beside(r, a)
    if beside is not None:
        r.place, r.place_ev = beside.place, ("clause", beside.start, beside.end, False)
        return
    tier = _tier_average(r, p, a)
    if tier is not None:
        r.place, r.place_ev = tier[0], ("clause", *tier[1:], False)
        return
    # a count of units ("Trong 12 huyện, thành phố, thành phố Đà Lạt dẫn đầu") is of the unit that has them, never of
    # one of them named after it
    units_counted = r.tok.unit == "count" and _UNIT_COUNTED.match(r.tok.noun) is not None
    r.place, r.place_ev = _place_for(p.found, r.tok.start, *r.clause, _sentence_place(r, s, p, a), a.text, a.by_level,
                                     ahead=not units_counted)
    ranked = _ranked_among(r, s, p, a.text)
    if ranked is not None:
        r.place, r.place_ev = ranked.place, ("clause", ranked.start, ranked.end, False)
    if r.place is not None and r.place_ev[0] == "clause" and r.tok.kind == "indicator":
        p.clause_place = (s.start, r.clause[0], r.place, r.place_ev)


#: the provinces of the country counted: "24/63 tỉnh, thành phố", "20/34 tỉnh, thành"
_PROVINCES_COUNTED = re.compile(r"\s?(tỉnh(?:,?\s?thành(?:\sphố)?)?)\b")
#: a rank among the units of a level: "xếp thứ 2/27 xã, phường", "đứng thứ 5/13 huyện, thị xã", "thứ 21/63 tỉnh"
_RANK_OF_LEVEL = re.compile(r"\d+\s?/\s?\d+\s(?P<g>xã|phường|quận|huyện|thị xã|tỉnh)\b")
_RANK_LEVELS = {"xã": ("ward",), "phường": ("ward",), "quận": ("district", "city"), "huyện": ("district", "city"),
                  "thị xã": ("district", "city"), "tỉnh": ("province", "city")}


def _ranked_among(r: Reading, s: Sentence, p: ParagraphState, text: str) -> Mention | None:
    """The unit a rank among the units of a level ranks, when the unit named last before it is of another level:
    the one of that level named before it in its sentence ("Xương Huân là 1 trong 5 phường đầu tiên của TP Nha Trang
    hoàn thành dự toán, xếp thứ 2/27 xã, phường": the ward, not the city whose wards they are); else None."""
    among = _RANK_OF_LEVEL.match(text, r.tok.start) if r.tok.unit == "rank" else None
    if among is None:
        return None
    levels = _RANK_LEVELS[among["g"]]
    before = [m for m in p.found if s.start <= m.start and m.end <= r.tok.start and not m.plural]
    if not before or before[-1].place.level in levels or r.place != before[-1].place:
        return None
    return next((m for m in reversed(before) if m.place.level in levels), None)


#: the mean or median of the provinces of a national index ("DTI trung bình cấp tỉnh đạt 0,4574", "Giá trị trung bình
#: Chỉ số CCHC cấp tỉnh", "điểm số PCI của tỉnh trung vị", "bình quân các tỉnh, thành"): the country's figure
_TIER_AVERAGE = re.compile(r"\b(?:[Tt]rung bình|[Bb]ình quân)\b[^,;:.()\d]{0,40}?\b(?:cấp tỉnh|các tỉnh|các địa phương|"
                           r"\d\d tỉnh|cấp bộ|các bộ)\b|\b[Tt]rung vị\b")


def _tier_average(r: Reading, p: ParagraphState, a: ArticleState) -> tuple[Place, int, int] | None:
    """The unit whose figure a tier's mean or median is, and the span of the words that say so, in the figure's clause
    before it with no unit named after them: the country for the provinces' (:data:`_TIER_AVERAGE`), the province or
    city of the article for its districts' ("Chỉ số trung bình của khối quận, huyện là 85,7 điểm"); else None."""
    for pattern in (_TIER_AVERAGE, _DISTRICT_TIER_AVERAGE):
        cue = None
        for cue in pattern.finditer(r.before):
            pass
        if cue is None:
            continue
        start, end = r.clause[0] + cue.start(), r.clause[0] + cue.end()
        if any(end <= m.start < r.tok.start for m in p.found):
            return None
        own = a.place[0]
        if pattern is _TIER_AVERAGE:
            return Place("Việt Nam", "country"), start, end
        whole = own if own is not None and own.level in ("city", "province") else parent_unit(own) if own else None
        return (whole, start, end) if whole is not None else None
    return None


#: the mean of a province's districts: "Chỉ số trung bình của khối quận, huyện", "khối UBND cấp huyện có giá trị trung
#: bình", "bình quân các huyện"
_DISTRICT_TIER_AVERAGE = re.compile(r"\b(?:[Tt]rung bình|[Bb]ình quân)\b[^,;:.()\d]{0,40}?\b(?:cấp huyện|các huyện|"
                                    r"(?:khối\s)?quận, huyện|các quận)\b|\b(?:cấp huyện|quận, huyện)\b[^,;:.()\d]{0,30}?"
                                    r"\b(?:trung bình|bình quân)\b")


def _sentence_place(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> tuple[Place | None, Evidence]:
    """What a figure whose clause names no unit is about: the unit an earlier clause of its sentence gave its figures
    ("Toàn tỉnh Kiên Giang thu 7.085 tỷ đồng; tăng trưởng GRDP đạt 7,18%"), or the one it named last when the figure's
    clause points back to that unit's level ("Phó Chủ tịch UBND quận Sơn Trà cho biết, năm 2016 quận thu …"), else
    the paragraph's."""
    last = p.clause_place
    if last is not None and last[0] == s.start and last[1] < r.clause[0]:
        return last[2], ("sentence", *last[3][1:])
    # (an official's unit too: "Chủ tịch UBND huyện X" is no subject, but the "huyện" after it is X)
    first = bisect_left(a.starts, s.start)
    words = list(_GENERIC_UNIT.finditer(a.text, r.clause[0], r.tok.start)) \
        if bisect_left(a.starts, r.tok.start) > first else []  # (only when a unit is named before it in its sentence)
    word = words[-1] if words else None  # (the level word nearest the figure)
    earlier = [m for m in a.named[first:bisect_left(a.starts, word.start())]
               if m.end <= word.start() and not m.plural] if word else []
    if word and earlier and _LEVEL_WORDS.get(word.group().lower()) == earlier[-1].place.level:
        return earlier[-1].place, ("sentence", earlier[-1].start, earlier[-1].end, False)
    return p.place


_UNIT_NOUN = re.compile(r"(?:phường|xã|thị trấn|quận|huyện)\b")
#: a figure in brackets right after a unit is that unit's: "cao hơn tỉnh Phú Thọ (2.100 tỷ đồng)"
_VALUE_IN_BRACKETS = re.compile(r"\s?\(\s?(?:(?:đạt|với|là|khoảng|gần|hơn|trên)\s)?")
#: the owner said right after a figure: "cao hơn mức 5,66% của cả nước", "4,2% của tỉnh Bắc Giang", "8% bình quân cả
#: nước"
_OWNER_AFTER = re.compile(r"\s(?:của|bình quân(?:\s(?:của|chung của))?|trung bình(?:\scủa)?)\s")


def _owner_beside(r: Reading, a: ArticleState) -> Mention | None:
    """The unit a figure's own words give it, whatever the clause is about: the unit it stands in brackets after
    ("cao hơn tỉnh Phú Thọ (2.100 tỷ đồng)"), or the one named right after it as its owner ("cao hơn mức 5,66% của cả
    nước"; not a share of it: "chiếm 25% của cả nước" is the subject's)."""
    tok, text = r.tok, a.text
    i = bisect_left(a.starts, tok.start) - 1
    if i >= 0 and not a.named[i].plural and _VALUE_IN_BRACKETS.fullmatch(text, a.named[i].end, tok.start):
        return a.named[i]
    owned_after = tok.unit != "count" and not _SHARE_BEFORE.search(r.before)  # (a share's whole owns no share)
    word = _LEVEL_WORD_VALUE.search(text, max(0, tok.start - 30), tok.start)
    if word is None and owned_after:
        word = _LEVEL_WORD_OWNER.match(text, tok.tail)
    unit = _unit_of_level(word, a, r.clause[0]) if word is not None else None
    if unit is not None:
        return unit
    # ("bằng 87,5% bình quân cả nước": the subject's ratio to the country's, not the country's)
    owner = _OWNER_AFTER.match(text, tok.tail) if owned_after and not _RATIO_BEFORE.search(r.before) else None
    if owner is None:
        return None
    i = bisect_left(a.starts, owner.end())
    m = a.named[i] if i < len(a.named) else None
    return m if m is not None and m.start == owner.end() and not m.plural else None


#: a bare level word a figure stands right after, in brackets or after "là": the unit it points to owns the figure:
#: "cao hơn mức bình quân của tỉnh (2,82%)", "bình quân của tỉnh là 58,9 triệu đồng"
_LEVEL_WORD_VALUE = re.compile(r"(?<![\w])(?<!các )(?<!những )(?<!mỗi )(?<!cấp )(?<!\d )(?<!, )(?<!/)"
                               r"(?P<w>tỉnh|thành phố|huyện|quận|thị xã)(?:\s?\(\s?|\slà\s)"
                               r"(?:(?:đạt|với|là|khoảng|gần|hơn|trên)\s)?$")
#: a bare level word said right after a figure as its owner: "mức tăng 8,9% của toàn tỉnh"
_LEVEL_WORD_OWNER = re.compile(r"\s(?:của|bình quân(?:\s(?:của|chung của))?|trung bình(?:\scủa)?)\s(?:toàn\s|cả\s)?"
                               r"(?P<w>tỉnh|thành phố|huyện|quận)(?![\w])(?!\s[A-ZĐÂĂÊÔƠƯ\d])")


def _unit_of_level(word: re.Match[str], a: ArticleState, since: int) -> Mention | None:
    """The unit a bare level word points to, as a mention spanning the word: the last unit of that level its clause
    names before it (from ``since``: "Huyện Thọ Xuân: Vốn đầu tư năm 2020 của huyện là 320 tỷ đồng"), else
    :func:`_level_word` with the article's unit (its unit of that level, the unit of that level it names most, or the
    province or city its unit belongs to); None when none is known."""
    level = _LEVEL_WORDS.get(word.group("w").lower())
    named = [m for m in a.subjects(since, word.start("w")) if m.place.level == level and m.end <= word.start("w")]
    if named:
        return Mention(word.start("w"), word.end("w"), named[-1].place)
    found = _level_word(word.span("w"), a.place, a.by_level, a.text, False)
    place = found[0] if found else None
    return Mention(word.start("w"), word.end("w"), place) if place is not None else None


_RATIO_BEFORE = re.compile(r"\b(?:bằng|gấp)\s(?:(?:khoảng|gần|hơn|xấp xỉ)\s)?$")
_UNIT_COUNTED = re.compile(r"(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh|đặc khu|đơn vị hành chính)"
                           r"\b")
_OWNER_OF_UNITS = re.compile(r"\s(?:trực\s)?thuộc\s")


def resolve_founding(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """In an anniversary article, "tăng 13,61 lần so với lúc thành lập quận", "gấp 13 lần sau chia tách": since the
    founding; "tăng 65 lần so với năm 2004": from that year."""
    tok, text, founding = r.tok, a.text, a.periods.founding
    if not (tok.kind == "indicator" and tok.unit in ("times", "percent")):
        return
    reach = _up_to_next_figure(r.after[:60])
    founded = _BASE_YEAR_FOUNDED.match(reach) if tok.unit == "times" else None
    if founded and r.period[:4].isdigit() and r.period[:4] > founded["y"]:
        # "gấp hơn 3 lần so với năm 2010 - năm thị xã được thành lập": since the founding the text dates
        r.period, r.basis, r.basis_ev = f"{founded['y']}-{r.period[:4]}", "none", NO_CUE
        return
    if not founding:
        return
    since = _SINCE_FOUNDING.search(text, tok.tail, tok.tail + len(reach)) \
        or _SINCE_FOUNDING.search(text, max(r.clause[0], tok.start - 50), tok.start)
    if since:
        # up to the year the clause reports on ("Năm 2021, thu ngân sách … gấp hơn 140 lần so với năm đầu tái lập" in an
        # article on the 25 years 1997-2022), else to the anniversary's
        own = r.period_ev[0] in ("clause", "sentence") and r.period.isdigit() and founding[:4] < r.period < founding[5:9]
        r.period, r.basis = f"{founding[:4]}-{r.period}" if own else founding, "none"
        r.period_ev = ("clause", since.start(), since.end(), False)
        return
    long_base = _BASE_YEAR.search(reach)
    if long_base and tok.unit == "times" and r.period[:4].isdigit() and int(r.period[:4]) - int(long_base["y"]) > 1:
        r.period, r.basis = f"{long_base['y']}-{r.period[:4]}", "none"
        r.basis_ev = NO_CUE


def resolve_per_year(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """A yearly rate ("bình quân 8%/năm"); in an anniversary article, over the years since the founding."""
    tok = r.tok
    if tok.kind == "indicator" and (_PER_YEAR.search(_after_last_figure(r.before[-40:]) + a.text[tok.start:tok.tail] + r.after[:12])
                                    or tok.unit == "percent" and _SPAN_LABEL.fullmatch(r.period or "")
                                    and _AVERAGE_RATE_BEFORE.search(r.before[-30:])):
        # "Trong 5 năm vừa qua, … tăng bình quân 14,01%": an average over a span is a yearly rate
        r.per_year = "yes"
        founding = a.periods.founding
        if tok.unit == "percent" and founding and r.period == founding[5:9]:
            r.period = founding


def resolve_base(r: Reading, s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """The period a comparison is made against (:func:`_base_period`), and a change measured over a span dated by
    its end year only: the span (:func:`_span_period`)."""
    if r.tok.kind == "indicator":
        r.base = _base_period(r.basis, r.period, r.sentence_before, r.after, a.periods)
    # a goal for every year of the term: "hằng năm …", or an average rate "bình quân 10 - 11%/năm" (not a level
    # per year: "thu nhập bình quân … 100 triệu đồng/người/năm vào năm 2030" is the income of 2030)
    yearly = bool(_EVERY_YEAR.search(r.before)) or (r.per_year == "yes" and r.tok.unit == "percent")
    spanned = _span_period(r.period, r.basis, r.base, yearly, r.goal, a.periods)
    if spanned != r.period and spanned == a.periods.future and not r.base:
        r.period_ev = ("future_term", *a.periods.future_at, False)
    r.period = spanned


#: the chain, in order: a resolver may read the fields the ones before it chose
RESOLVERS = (resolve_value, resolve_period, resolve_qualifier, resolve_plan_year, resolve_goal_term, resolve_basis,
             resolve_metric, resolve_stock, resolve_place, resolve_founding, resolve_per_year, resolve_base)


def _figures_of(r: Reading, p: ParagraphState, a: ArticleState, doc: str) -> Iterator[Figure]:
    """The figure a reading gives, one per unit when units are named together ("Hà Nội và TP Hồ Chí Minh …"), but not
    when each unit has its own figure ("quận Lê Chân và quận Hải An, lần lượt đạt 405 và 388": the reading's one)."""
    tok = r.tok
    respective = r.place_ev[0] == "joint"  # :func:`_respective_place` gave it the k-th unit listed
    joint = [] if respective else _joint_subjects(p.found, tok.start, r.clause[0], a.text)
    subjects: list[tuple[Place | None, Evidence]] = [(m.place, ("joint", m.start, m.end, False)) for m in joint]
    for place, place_ev in subjects or [(r.place, r.place_ev if r.place is not None else NO_PLACE)]:
        yield Figure(
            doc=doc,
            district=place.name if place else "",
            level=place.level if place else "",
            metric=r.metric,
            value=canonical(r.value) if tok.kind == "indicator" else "",
            unit=tok.unit,
            denominator=canonical(tok.denominator) if tok.denominator is not None else "",
            period=r.period,
            per_year=r.per_year,
            basis=r.basis,
            base=r.base,
            qualifier=r.qualifier,
            quote=a.text[tok.start:tok.end],
            start=tok.start,
            end=tok.end,
            kind=tok.kind,
            place_from=_ev(place_ev),
            period_from=_ev(r.period_ev),
            basis_from=_ev(r.basis_ev),
            metric_from=_ev(r.metric_ev),
            weak=";".join(name for name, ev in (("place", place_ev), ("period", r.period_ev)) if ev[3]),
            outlook=r.outlook,
        )


def _short_label(text: str, ln: Line) -> bool:
    """Whether a line is short and says no sentence ("Hà Nội Mới", "Kinh tế"): a label, not a lead."""
    line = text[ln.start:ln.end]
    return len(line) <= 40 and _HEADING.match(line) is not None and not any(ch.isdigit() for ch in line)


#: the words of a heading that reviews goals, not one that sets them: "Kết quả thực hiện các chỉ tiêu năm 2016"
_REVIEW_WORDS = re.compile(r"(?i)\b(?:kết quả|thực hiện|đánh giá|tình hình|sơ kết|tổng kết)\b")
#: the year of the goals or the plan a heading announces: "II. Các chỉ tiêu chủ yếu năm 2017", "Nhiệm vụ năm 2014"
_HEADING_PLAN_YEAR = re.compile(r"(?i)\b(?:chỉ tiêu|kế hoạch|nhiệm vụ|mục tiêu|phương hướng)\b[^.;:\d]{0,40}"
                                r"\bnăm\s((?:19|20)\d\d)\b")  # (also in capitals: "II. NHIỆM VỤ NĂM 2022")


def _heading(line: Line, a: ArticleState) -> bool:
    """Whether ``line`` is a heading; if so it starts a section: "Giai đoạn 2016-2020" dates what follows it,
    "Hà Nội" places it.  A label over the lead (an outlet's name, "Hà Nội Mới") is furniture: it starts none."""
    text = a.text
    line_text = text[line.start:line.end]
    if line.kind != "body" or not _HEADING.match(line_text) or _FIGURE_IN_HEADING.search(line_text) \
            or "|" in line_text and is_table_row(line_text):  # ("Xã đạt chuẩn | 72 xã | 75 xã": a table's row)
        return False
    if a.lead is not None and line.start < a.lead.start and _short_label(text, line):
        return True  # (a heading over the lead that names a time still dates what follows: "Giai đoạn 2016-2020")
    marks = [(p, pos, e) for pos, p, scope, e in scoped_marks(text, line.start, line.end, a.periods) if p != "annual"]
    planned = _HEADING_PLAN_YEAR.search(text, line.start, line.end)
    if planned and not marks:  # "II. Các chỉ tiêu chủ yếu năm 2017": the year its goals are for (no base of a figure)
        marks = [(planned.group(1), planned.start(1) - 4, planned.end(1))]
    # (its figures are goals, unless it reviews them: "Kết quả thực hiện các chỉ tiêu năm 2016")
    a.section_goals = planned is not None and not planned.group(0).lower().startswith("kế hoạch") \
        and not _REVIEW_WORDS.search(line_text)
    if marks or not line_text.isupper():  # (a report's section in capitals, "NGÂN SÁCH", keeps the report's frame)
        a.section_period = (marks[0][0], "section", marks[0][1], marks[0][2], a.paragraph) if marks \
            else a.title_frame
    heads = a.subjects(line.start, line.end)
    if heads and len(line_text) <= 40:
        a.section_place = (heads[0].place, ("section", heads[0].start, heads[0].end, False))
    return True


def _paragraph(line: Line, a: ArticleState) -> ParagraphState:
    line_text = a.text[line.start:line.end]
    in_targets = a.targets_before and bool(_CONTINUES_LIST.match(line_text)) and not _DONE.search(line_text) \
        or a.section_goals
    if not _BREAKDOWN.match(line_text):  # "Trong đó, ngành thương mại tăng 9,29%": the paragraph before goes on
        a.verb_cues = {}
    return ParagraphState(line, a.paragraph, a.subjects(line.start, line.end), in_targets, a.section_period,
                          a.section_place or a.place, opened_on_goals=in_targets)


def _sentence(s_start: int, s_end: int, previous: int, p: ParagraphState, a: ArticleState) -> Sentence:
    # "… đề ra 28 chỉ tiêu. Trong đó, 19 chỉ tiêu …": a breakdown reads with the sentence it breaks down
    frame_start = previous if _BREAKDOWN.match(a.text, s_start) else s_start
    # "Đại hội đề ra mục tiêu đến cuối nhiệm kỳ …. Tổng thu ngân sách tăng bình quân 10%/năm trở lên.": goals too;
    # not a sentence after them that says what was done ("Đại hội đã bầu 37 đồng chí …")
    p.in_targets = p.opened_on_goals or p.goals_said and not _DONE.search(a.text, s_start, s_end)
    return Sentence(s_start, s_end, frame_start, [m for m in p.found if s_start <= m.start < s_end],
                    scoped_marks(a.text, s_start, s_end, a.periods), _clauses(a.text, s_start, s_end),
                    _GoalWords(a.text, frame_start, s_end, a.periods.pub_year or a.periods.year))


def _after_sentence(s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """What a sentence carries to the next: its unit (:func:`_carry_place`) and its last period, with the frames it
    sets (:func:`_carry_period`)."""
    _carry_place(s, p, a)
    _carry_period(s, p, a)
    p.goals_said = p.goals_said or _GOALS_SET.search(a.text, s.start, s.end) is not None


#: a congress, a resolution or a council setting the goals that the sentences after it list
_GOALS_SET = re.compile(r"\b(?:[Đđ]ại hội|[Nn]ghị quyết|HĐND|Hội đồng nhân dân)\b[^.;]{0,40}\b(?:đề ra|xác định|đặt ra|thông qua)"
                        r"\s(?:các\s)?(?:mục tiêu|chỉ tiêu)")


#: the country's measure named as a yardstick: "cao hơn mức tăng chung của cả nước", "so với bình quân của cả nước"
_YARDSTICK_BEFORE = re.compile(r"\b(?:hơn|so với|bằng|gấp)\b[^,;.%\d]{0,40}$")
#: a yardstick's owner ("thấp hơn mức bình quân 63,2% của thành phố Hải Phòng"): the unit compared with, which the next
#: sentences are not about
_YARDSTICK_OF = re.compile(r"\b(?:hơn|so với|bằng)\s(?:mức\s)?(?:bình quân|trung bình|chung)\b[^;.]{0,25}\bcủa\s$")
#: where people or goods go: "khách quá cảnh qua cảng Rạch Giá để ra Phú Quốc", "xuất khẩu sang …": no subject
_DESTINATION_BEFORE = re.compile(r"\b(?:ra|sang|tới)\s$")
#: a part a sentence singles out: "Riêng phường Mỹ An có 41 cơ sở lưu trú." (the sentences after it are not about it)
_PART_NAMED = re.compile(r"(?<![\w])(?:[Rr]iêng|(?<=,\s)trong đó)\s$")  # ("…, trong đó TP Hội An đón …": a part too)
#: the time before units merged: "Trước thời điểm hợp nhất, …", "trước khi sáp nhập": the units then are history
_BEFORE_MERGER = re.compile(r"\b[Tt]rước\s(?:khi\s|thời điểm\s)?(?:hợp nhất|sáp nhập|sắp xếp)\b")
_FORMER_AFTER = re.compile(r"\s(?:\(\s?)?(?:cũ|trước đây)\b")  # "huyện Bình Chánh cũ", "tỉnh Yên Bái (cũ)"


_SET_AGAINST = re.compile(r"\b(?:bình quân|trung bình|chung|trong khi|so với|hơn|toàn|cả)\b[^,;.]*$")


def _sentence_owners(s: Sentence, a: ArticleState) -> list[Mention]:
    """The units a sentence names that the sentences after it may go on about (:func:`_carry_place`)."""
    text = a.text
    owners = [m for m in s.subjects if not _OWNER_BEFORE.search(text, max(s.start, m.start - 16), m.start)
              and not _listed(text, s.start, m)]
    if a.place[0] is not None and a.place[0].level != "country":
        # "Cả nước có … Quận đạt …": in a local report the country is a yardstick, not the unit the paragraph goes on
        # about, unless it owns the measure the next sentences take up ("Tỷ lệ … của cả nước … tỷ lệ này chỉ đạt …")
        # (nor the whole a unit named before it in the sentence is part of: "Bình Phước trở thành thủ phủ cao su của
        # Việt Nam")
        owners = [m for m in owners if m.place.level != "country"
                  or _OF_BEFORE.search(text, max(0, m.start - 6), m.start)
                  and not _YARDSTICK_BEFORE.search(text, max(s.start, m.start - 60), m.start)
                  and not any(o.place.level != "country" and o.start < m.start for o in owners)]
    # a ministry named in passing (who reports, who leads a list) is not what the next sentences are about, unless the
    # article is about it; nor is a former unit ("Huyện Bình Chánh cũ …"), which is history
    owners = [m for m in owners if (m.place.level != "ministry" or m.place == a.place[0])
              and not _FORMER_AFTER.match(text, m.end)
              and not _BEFORE_MERGER.search(text, s.start, m.start)
              and not _PART_NAMED.search(text, max(s.start, m.start - 10), m.start)
              and not _YARDSTICK_OF.search(text, max(s.start, m.start - 50), m.start)
              and not _DESTINATION_BEFORE.search(text, max(s.start, m.start - 8), m.start)]
    return owners


def _carry_place(s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """"Phường Kim Long là một điển hình. … Đảng ủy phường cử 46 …": the paragraph's unit; not the one a unit belongs
    to ("Bình Chánh là một trong năm huyện ngoại thành của TP HCM. Địa phương này có 15 xã"), nor units a count lists,
    nor several units of one level given as examples."""
    text = a.text
    owners = _sentence_owners(s, a)
    if owners and not _several(owners):
        p.place = (owners[-1].place, ("paragraph", owners[-1].start, owners[-1].end, False))
    elif not s.subjects and p.clause_place is not None and p.clause_place[0] == s.start:
        # "Năm 2023, tỉnh xếp thứ 21/63 … Tỷ lệ hồ sơ trực tuyến đạt 68,7%": the unit a level word said alone gave
        # the sentence's figures goes on, as a name would
        # (not the whole a local figure is set against: "trong khi bình quân toàn tỉnh là 41%")
        _s, _c, place, (_src, w0, w1, weak) = p.clause_place
        if text[w0:w1].lower() in _LEVEL_WORDS and not _SET_AGAINST.search(text, max(s.start, w0 - 40), w0):
            p.place = (place, ("paragraph", w0, w1, weak))


def _carry_period(s: Sentence, p: ParagraphState, a: ArticleState) -> None:
    """The sentence's last period goes on to the next sentences; a frame (one that opens the sentence, is a part of a
    year, or a year set off by a comma: "trong năm 2024, …") to the next paragraphs."""
    # (not a time said in an aside in brackets; a time that names no year, "trong năm", is of the frame's year)
    last = _reported_marks(s, p, a)
    if not last:
        return  # (nor a part a sentence singles out: "Riêng quý II tăng 7,96%." dates its own figures only)
    if _DEADLINE_DAY.match(a.text, last[-1][0]) and _WILL.search(a.text, s.start, s.end) \
            or _after_its_part(last[-1][1], p.period[0]):
        return  # "Dự kiến đến hết ngày 31/1/2021, quận sẽ giải ngân 100% vốn.": a deadline ahead frames nothing
    if _within_span(last[-1][1], p.period[0]) and last[-1][0] - s.start > 12:
        return  # "Nhiệm kỳ qua, … Thu nhập năm 2025 đạt …; tỷ lệ hộ nghèo còn …": a year inside the term dates its clause
    if p.period[4] == p.index and _before(last[-1][1], p.period[0]) and not _plans_year(a.text, p.period):
        # "Năm học 2021-2022, … Năm học 2020-2021, tỷ lệ lên lớp là 96,9%.": a look back from the time the paragraph
        # reports on dates its own sentence (not a return from a plan's year: "… dự toán năm 2026 … Năm 2025, thu …")
        return
    p.period = (last[-1][1], "paragraph", last[-1][0], last[-1][2], p.index)
    p.frames += _frames(last, s, a)
    p.restates_lead = p.restates_lead or bool(a.lead_frame[0]) and last[-1][1] == a.lead_frame[0]


def _after_its_part(period: str, frame: str) -> bool:
    """Whether ``period`` is a part of the year ``frame`` (a part of a year the paragraph reports on) has not reached:
    "… thành phố phải dồn sức cho quý IV thì mới mong về đích" in a report on nine months dates nothing after it."""
    if not (_SUB_YEAR.search(frame) and _IN_ONE_YEAR.fullmatch(period)) or "YTD" in frame:
        return False
    first, reported = _period_of(period), _period_of(frame)
    return bool(first and reported and first.start.year == reported.end.year and first.start > reported.end)


_AFTER_ITS_SUBJECT = re.compile(r";\s?[^,;\d]*[^\W\d_][^,;\d]*\s$")  # words of its own clause before it, after a ";"
#: a day a level or a running total is taken on: "tính đến ngày 30/11/2025", "đến ngày 15/10"
_CUTOFF = re.compile(r"(?:[Tt]ính\s)?(?:đến|tới)\s(?:hết\s)?ngày\s")
#: a day by which something is to be done: "đến hết ngày 31/1/2021", "trước ngày 15/12"
_DEADLINE_DAY = re.compile(r"(?:[Đđ]ến hết|[Đđ]ến|[Tt]ới|[Tt]rước)\s(?:ngày\s)?\d{1,2}/\d{1,2}")
_WILL = re.compile(r"\b(?:[Dd]ự kiến|[Dd]ự báo|sẽ|[Pp]hấn đấu)\b")  # what is to come


def _plans_year(text: str, frame: Frame) -> bool:
    """Whether ``frame``'s mark is the year of a plan being set ("thông qua dự toán thu ngân sách năm 2026")."""
    return any(m.end("y") == frame[3] for m in PLANNED_YEAR.finditer(text, max(0, frame[2] - 80), frame[3]))


def _before(period: str, frame: str) -> bool:
    """Whether ``period`` (a year or a span of years) starts and ends before ``frame`` (a year, a part of one, a span)
    does: "2020-2021" before "2021-2022", "2022" before "2023-9M"; not "2020-2024" inside "2020-2025"."""
    if not period[:4].isdigit() or not frame[:4].isdigit() or not (_IN_ONE_YEAR.fullmatch(period)
                                                                    or _SPAN_LABEL.fullmatch(period)):
        return False  # (a part of a year too: "Số thu 9 tháng năm 2017 chỉ là …" in a report on 9 months of 2018)
    frame_end = frame[5:9] if _SPAN_LABEL.fullmatch(frame) else frame[:4]
    return period[:4] < frame[:4] and (period[:4] if _IN_ONE_YEAR.fullmatch(period) else period[-4:]) < frame_end


def _reported_marks(s: Sentence, p: ParagraphState, a: ArticleState) -> list[tuple[int, str, int]]:
    """The times a sentence reports on, which may go on to the sentences after it: ``(start, period, end)``."""
    frame = p.period[0] or a.section_period[0]
    last = [(pos, _year_of_frame(period, a.text[pos:e], frame), e)
            for pos, period, scope, e in _value_years(_outside_asides(a.text, s, s.end), a.text)
            if period != "annual" and not scope]
    if a.looked_back:
        last = _without_years_ahead(last, s, p, a, a.looked_back)
    if len(last) > 1:
        # "sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2016": the part reviewed frames what
        # follows, not the one a conference launches
        last = [mark for mark in last if not _LAUNCHED_BEFORE.search(a.text, max(s.start, mark[0] - 30), mark[0])] \
            or last
    return [mark for mark in _not_compared(last, a.text) if not _dates_its_clause_only(mark[0], s.start, a.text)
            and not (_CUTOFF.match(a.text, mark[0]) and _AFTER_ITS_SUBJECT.search(a.text, s.start, mark[0]))]
    # ("…; tổng dư nợ tính đến ngày 30/11/2025 đạt 9.842 tỷ đồng": the day a balance is taken, said after what it is of
    # late in its sentence, dates only its clause; not one opening its clause: "…; nhờ đó, tính đến ngày 30/11, …")


def _without_years_ahead(last: list[tuple[int, str, int]], s: Sentence, p: ParagraphState, a: ArticleState,
                         looked_back: int) -> list[tuple[int, str, int]]:
    """The marks of a sentence without the years after the one the article looks back on that frame nothing: a plan's
    year launched beside the year reported on, a goal's year (kept as ``goal_frame``), a year a conference launches."""
    if len(last) > 1:
        # "tổng kết năm 2022 và phát động thi đua năm 2023" early in 2023: the year reported on frames what
        # follows, not the year a plan is launched for
        # (a part of a year under way is reported on: "Quý I/2023 tăng 10,2%" in April 2023)
        last = [mark for mark in last if not _ahead_year(mark[1], looked_back)] or last
    if s.goals.any:
        # "Năm 2023, quận phấn đấu thu 5.500 tỷ đồng." early in 2023: a goal's year frames no result after it, only the
        # goals of the next sentences and paragraph (:func:`_carried_period`)
        goals = [mark for mark in last if _ahead_year(mark[1], looked_back)]
        if goals:
            a.goal_frame = (goals[-1][1], goals[-1][0], goals[-1][2], p.index)
        last = [mark for mark in last if not _ahead_year(mark[1], looked_back)]
    # "… hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2025" early in 2025: a year launched
    return [mark for mark in last if not (_ahead_year(mark[1], looked_back)
                                          and _LAUNCHED_LONG.search(a.text, max(s.start, mark[0] - 70), mark[0]))]


def _dates_its_clause_only(pos: int, start: int, text: str) -> bool:
    """Whether the time at ``pos`` (in a sentence from ``start``) dates only its clause: a part singled out ("Riêng quý
    II"), what a figure is compared with ("So với chỉ tiêu … năm 2023", "cao hơn mức tăng 6,18% của năm 2016"), when a
    work is to be done ("hoàn thành trong quý II/2023")."""
    return bool(_PART_OPENER.search(text, max(start, pos - 22), pos)
                or _IN_COMPARISON.search(text, max(start, pos - 60), pos)
                or _COMPARED_VALUE_OF.search(text, max(start, pos - 40), pos)
                or _COMPLETION_BEFORE.search(text, max(start, pos - 40), pos))


def _looks_back(period: str, s: Sentence, a: ArticleState) -> bool:
    """Whether a year a sentence names, in its paragraph's first sentence or a later one, looks back from the part of a
    later year the lead reports on ("6 tháng đầu năm 2016 …" then "Năm 2015, Đông Anh là đơn vị dẫn đầu …"): it frames
    no paragraph after it."""
    lead = a.lead_frame[0]
    return bool(lead) and _SUB_YEAR.search(lead) is not None and period.isdigit() and period < lead[:4]


def _frames(marks: list[tuple[int, str, int]], s: Sentence, a: ArticleState) -> list[tuple[bool, str, int, int]]:
    """The marks of a sentence that frame the paragraphs after it, each with whether it opens the sentence: a report's
    "6 tháng đầu năm", an opening "Trong 5 năm vừa qua, …", a year set off by a comma ("trong năm 2024, …"); not a
    stock's day in a report on a part of that year ("Tính đến ngày 30/6/2016, Đảng bộ có 62 tổ chức")."""
    frame, out = a.section_period[0], []
    # ("GD&TĐ - Năm học 2018-2019, …", "Hậu Giang, 18/8/2010 (TTXVN) - Năm học 2009-2010, …": the outlet's mark first)
    mark = _AGENCY_MARK.match(a.text, s.start, s.end) or _DATELINE_OPENS.match(a.text, s.start, s.end)
    opens = mark.end() if mark else s.start
    for pos, period, e in marks:
        opening = pos - opens <= 12 or _TIME_OPENER.fullmatch(a.text, opens, pos) is not None \
            or "-" not in period and (_REPORTED_OPENER.search(a.text, max(s.start, pos - 16), pos) is not None
                                      or _SOURCE_OPENER.fullmatch(a.text, opens, pos) is not None)
        # ("Theo thông tin tại hội nghị, năm 2024 …"; "Trong năm học 2011-2012, …")
        if period.endswith("-YTD") and frame[:4] == period[:4] and _SUB_YEAR.search(frame) and "YTD" not in frame:
            continue
        if _looks_back(period, s, a):
            continue
        if opening or _SUB_YEAR.search(period) or "-" not in period and _COMMA_AFTER.match(a.text, pos, pos + 30) \
                or _RUNNING_TOTAL.match(a.text, pos):  # (a plan year's total to 31 January: "từ đầu năm đến ngày 31/1/2024")
            out.append((opening, period, pos, e))
    return out


#: a running total, whatever period it was read as: "từ đầu năm", "đến ngày 31/1/2024", "tính đến ngày …"
_RUNNING_TOTAL = re.compile(r"[Tt]ừ đầu năm|[Đđ]ến (?:hết )?ngày|[Tt]ính đến")
#: the words that open a sentence with its time, before the years: "Trong năm học 2011-2012, …", "Cả giai đoạn 2016-2020"
_TIME_OPENER = re.compile(r"\s*(?:(?:[Tt]rong|[Cc]ả|[Tt]ính chung|[Cc]ũng trong)\s)?(?:năm học|niên vụ|niên khóa|giai đoạn|"
                          r"nhiệm kỳ)\s")
#: a time inside what a figure is compared with: "So với chỉ tiêu UBND tỉnh giao cho năm 2023 là 92,5%, thành phố còn
#: thiếu …" (it dates its own clause, never the sentences after it)
_IN_COMPARISON = re.compile(r"\b[Ss]o với\b[^,;.]*$|"
                            # (a multiple of an earlier time: "gấp 2,3 lần giai đoạn 2011 - 2015")
                            r"\bgấp\s(?:(?:gần|hơn|khoảng)\s)?[\d.,]+\slần\s(?:so với\s)?[^\W\d_]*\s?$")
#: an outlet's mark that opens a lead: "GD&TĐ - ", "(QNO) - ", "HNM – "
_AGENCY_MARK = re.compile(r"\(?[A-ZĐ][A-ZĐ&.]{1,9}\)?\s?[-–]\s")
#: a news agency's dateline that opens a lead: "Hậu Giang, 18/8/2010 (TTXVN) - ", "Cần Thơ, 30/12/2020 (TTXVN) - "
_DATELINE_OPENS = re.compile(r"[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,4}(?:,\s\d{1,2}/\d{1,2}(?:/\d{4})?\s?"
                             r"(?:\([^()\d]{2,15}\)\s?)?|\s\([^()\d]{2,15}\)\s?)[-–]\s")  # (or "Đà Nẵng (TTXVN) - ")
_PART_OPENER = re.compile(r"\b(?:[Rr]iêng|[Tt]rong đó),?\s$|\bCùng (?:thời điểm|kỳ)(?: này)?\s(?:năm\s)?$")
#   ("Cùng thời điểm năm 2023, tỷ lệ giải ngân mới đạt 61,8%.": the time compared with dates that sentence only)
#: the period of a compared value: "cao hơn mức tăng 6,18% của năm 2016" dates that value, not what follows
_COMPARED_VALUE_OF = re.compile(r"\b(?:hơn|so với|bằng)\s(?:mức\s)?(?:tăng\s)?[\d.,]+\s?%?\s(?:của|trong)\s$")
#: the period a conference launches, after the one it reviews: "triển khai nhiệm vụ 6 tháng cuối năm 2016"
_LAUNCHED = r"\b(?:triển khai|phương hướng|phát động thi đua)\b"
_LAUNCHED_BEFORE = re.compile(rf"{_LAUNCHED}[^.;,]{{0,20}}$")
#: (further back, for a year ahead of the one looked back on: "triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2025")
_LAUNCHED_LONG = re.compile(rf"{_LAUNCHED}[^.;,]{{0,60}}$")
#: when a work is to be done: "dự kiến chỉ hoàn thành trong quý II/2023" dates that event, not the figures after it
_COMPLETION_BEFORE = re.compile(r"\b(?:hoàn thành|đưa vào (?:sử dụng|vận hành|khai thác)|khởi công|bàn giao|thông xe)\s"
                                r"(?:[^\W\d_]+\s){0,2}?(?:trong|vào|trước|cuối|đầu)\s$")
#: what a report says opens after "cho biết": "Báo cáo của UBND thành phố cho biết, năm 2013 có 20/23 chỉ tiêu …"
#: who says what a sentence reports, opening it: "Theo thông tin tại hội nghị, năm 2024 …", "Theo Sở Tài chính, quý I …"
_SOURCE_OPENER = re.compile(r"(?:[Tt]heo|[Cc]ăn cứ)\s[^,.;:]{3,60},\s")
_REPORTED_OPENER = re.compile(r"\b(?:cho biết|cho hay|cho thấy|nêu rõ),?\s(?:trong\s)?$")


def _not_compared(marks: list[tuple[int, str, int]], text: str) -> list[tuple[int, str, int]]:
    """The marks of a sentence without those it names only to compare with: in brackets ("tăng 10,2% (quý I/2022
    tăng 7,1%)"), or the same part of an earlier year than one named before it ("Quý I/2023 tăng 10,2%, trong khi
    quý I/2022 chỉ tăng 7,1%"); they date their own clause, never the sentences after them."""
    out = []
    for i, (pos, period, e) in enumerate(marks):
        if text[max(0, pos - 2):pos].strip().endswith("(") and not TIME_BEFORE_BRACKET.search(text, max(0, pos - 16), pos):
            continue  # not "Năm năm qua (2019-2023), …": brackets that spell out a time expression frame what follows
        if len(period) > 4 and any(q[4:] == period[4:] and q[:4] > period[:4] for _p, q, _e in marks[:i]):
            continue
        out.append((pos, period, e))
    return out


def _within_span(period: str, frame: str) -> bool:
    """Whether ``period`` is a year inside the span of years ``frame`` ("2025" in "2020-2025")."""
    return len(period) == 4 and period.isdigit() and bool(_SPAN_LABEL.fullmatch(frame)) \
        and frame[:4] <= period <= frame[5:9]


#: a list of the units a count counts: "7 quận, huyện có số thu từ 500 tỷ đồng: quận 2, 4, 6", "6 quận … là quận 5, 9"
_UNITS_COUNTED = re.compile(r"\d+\s(?:quận|huyện|phường|xã|tỉnh|thành phố)\b")
_LIST_OPENER = re.compile(r"(?::|\blà|\bgồm|\bgồm có)\s$")


def _listed(text: str, start: int, m: Mention) -> bool:
    """Whether ``m`` opens the list of the units a count in its sentence counts: those are named, not what the
    sentences after it are about."""
    return bool(_LIST_OPENER.search(text, max(start, m.start - 8), m.start)) \
        and _UNITS_COUNTED.search(text, start, m.start) is not None


def _several(owners: list[Mention]) -> bool:
    """Whether a sentence names several units of one level ("Đảng bộ huyện Kim Sơn kết nạp 150 đảng viên; Đảng bộ
    huyện Yên Mô kết nạp 120 đảng viên"): examples of a whole, none of them what the next sentence is about."""
    last = owners[-1].place
    return any(m.place != last and _tier(m.place) == _tier(last) for m in owners)


def _tier(place: Place) -> str:
    """A unit's tier: a province's city ("TP Bắc Giang", "TP Hội An") sits with its districts."""
    return "district" if place.level == "city" and (place.name.startswith("TP ") or place.parent) else place.level


def _after_paragraph(p: ParagraphState, a: ArticleState) -> None:
    """The paragraph's opening frame (else its last) frames the paragraphs after it; the lead's period frames the
    article ("… hội nghị tổng kết năm 2022 …"), until another frame."""
    is_lead = p.line is a.lead
    if p.frames:
        frame = next((f for f in p.frames if f[0]), p.frames[-1])
        a.section_period = (frame[1], "lead" if is_lead else "paragraph", frame[2], frame[3], p.index)
    elif is_lead and p.period[0] and p.period[1] == "paragraph" and not _SPAN_LABEL.fullmatch(p.period[0]):
        a.section_period = (p.period[0], "lead", *p.period[2:])
    elif p.restates_lead and a.section_period[0] != a.lead_frame[0]:
        # "Sáu tháng đầu năm, thu … chỉ đạt 44,3%." then "Tổng chi … năm 2020 ước …": back to the article's year
        a.section_period = a.lead_frame
    if is_lead and a.section_period[1] == "lead":
        a.lead_frame = a.section_period
    if p.line.kind == "title" and p.period[0] and not _SPAN_LABEL.fullmatch(p.period[0]):
        a.title_frame = (p.period[0], "title", *p.period[2:])
    if p.had_figures:
        a.targets_before = p.had_targets


_DONE = re.compile(r"\bđã\b")
_COMMA_AFTER = re.compile(r"[^,.;()]{0,25},")


def figures(article: Article, include_incidental: bool = False) -> Iterator[Figure]:
    """All figures of one article, in text order, each with the evidence of its place, period, basis and
    metric (:data:`PLACE_SOURCES`, :data:`PERIOD_SOURCES`, :data:`CUE_SOURCES`); a headline's figure the body
    states again is the same claim (:func:`_as_restated`)."""
    headline: list[Figure] = []
    body: list[Figure] = []
    cased = _in_running_case(article)
    for r, p, a in readings(cased, include_incidental):
        (headline if p.line.kind == "title" else body).extend(_figures_of(r, p, a, article.name))
    if cased is not article:  # (the quotes are the article's, as written)
        headline = [replace(f, quote=article.text[f.start:f.end]) for f in headline]
        body = [replace(f, quote=article.text[f.start:f.end]) for f in body]
    yield from (_as_restated(h, body) for h in headline)
    yield from body


def _in_running_case(article: Article) -> Article:
    """``article`` with its headline written in capitals ("NINH KIỀU THU NGÂN SÁCH 6 THÁNG ĐẠT HƠN 61% DỰ
    TOÁN") read in the case of running text (:func:`~districtbook.extraction.places.cased_capitals`): the names, the
    times and the measures in them are read as anywhere else; the article itself when it has none."""
    text = article.text
    # (not a site's header in capitals, "PHÁP LUẬT TP.HCM", which the header rules read as written)
    capitals = [ln for ln in article.lines if ln.kind == "title" and _in_capitals(text[ln.start:ln.end])]
    if not capitals:
        return article
    chars = list(text)
    for ln in capitals:
        chars[ln.start:ln.end] = cased_capitals(text[ln.start:ln.end])
    return replace(article, text="".join(chars))


def _in_capitals(line: str) -> bool:
    """Whether a line is written in capitals: three words or more, no lower-case letter."""
    return len(line.split()) >= 3 and line == line.upper() and sum(ch.isalpha() for ch in line) >= 10


def _as_restated(head: Figure, body: list[Figure]) -> Figure:
    """A headline's figure that the body states again (the same value, unit and measure) is one claim: the
    headline drops the hedge the body says ("Tăng trưởng 6 tháng đạt 7,8%" over "… ước đạt 7,8%"), so a headline
    figure said with no hedge of its own takes the body's qualifier, and the body's measure when the headline's
    is its shorthand (:func:`_same_measure`)."""
    if head.kind != "indicator" or head.qualifier != "actual":
        return head  # a hedge of the headline's own ("ước đạt 51%") stands
    same = next((f for f in body if f.kind == "indicator" and (f.value, f.unit, f.denominator)
                 == (head.value, head.unit, head.denominator) and _same_measure(head.metric, f.metric)), None)
    if same is None:
        return head
    return replace(head, qualifier=same.qualifier, metric=same.metric, metric_from=same.metric_from)


#: a headline's shorthand for growth ("Tăng trưởng kinh tế … 7,8%") over the body's measure ("tăng trưởng giá trị
#: sản xuất … ước đạt 7,8%"): the body says which of the two growth rates it is
_GROWTH_MEASURES = frozenset({"economic_growth_rate", "production_value_growth"})


def _same_measure(head: str, body: str) -> bool:
    return head == body or {head, body} <= _GROWTH_MEASURES


def readings(article: Article, include_incidental: bool = False,
             resolvers: tuple = RESOLVERS) -> Iterator[tuple[Reading, ParagraphState, ArticleState]]:
    """Every number of ``article`` with the fields ``resolvers`` chose for it (the whole chain by default; a test
    may stop it after any resolver), and the paragraph and article it was read in."""
    a = ArticleState.of(article)
    text = a.text
    for line in article.body():
        a.paragraph += 1
        if _heading(line, a):
            continue
        p = _paragraph(line, a)
        previous = line.start
        for s_start, s_end in _sentences(text, line.start, line.end):
            s = _sentence(s_start, s_end, previous, p, a)
            previous = s_start
            for tok in tokens(text, s_start, s_end):
                if tok.kind == "incidental" and not include_incidental:
                    continue
                r = _reading(tok, s, text)
                for resolve in resolvers:
                    resolve(r, s, p, a)
                if tok.kind == "indicator":
                    p.had_figures = True
                    p.had_targets = p.had_targets or r.qualifier == "target"
                yield r, p, a
            _after_sentence(s, p, a)
        _after_paragraph(p, a)


def extract(paths: Iterable[Path | str], include_incidental: bool = False) -> Iterator[Figure]:
    """Stream the figures of every article under ``paths`` (files or folders of ``.txt``)."""
    for article in iter_articles(paths):
        yield from figures(article, include_incidental)


def write_figures(paths: Iterable[Path | str], output: Path | None = None, fmt: str = "csv") -> int:
    """``districtbook extract``: write figures as CSV (the output contract) or a JSON array.

    ``output`` is written whole or not at all (:func:`files.atomic_output`): an error or a signal
    leaves no partial file, and the previous one intact.
    """
    from districtbook.base.files import atomic_output

    if output is None:
        return _write_figures(paths, sys.stdout, fmt)
    with atomic_output(Path(output)) as out:
        return _write_figures(paths, out, fmt)


def _write_figures(paths: Iterable[Path | str], out, fmt: str) -> int:
    n = 0
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(COLUMNS)
        for f in extract(paths):
            w.writerow([getattr(f, c) for c in COLUMNS])
            n += 1
    else:
        out.write("[")
        for f in extract(paths):
            out.write(("," if n else "") + "\n" + json.dumps(asdict(f), ensure_ascii=False))
            n += 1
        out.write("\n]\n")
    return n


assert tuple(f.name for f in fields(Figure)) == COLUMNS
