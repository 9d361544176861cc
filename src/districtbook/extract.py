"""Figures out of article text: one :class:`Figure` per indicator, traceable to its exact quote.

The pipeline, per body line of an article:

1. find every number token (dates, year ranges and x/y forms first, then plain numbers with
   their scale words and unit);
2. decide what the number is (:func:`classify`): an indicator, or an incidental number
   (date, year, ordinal, document or storm number, period length, agenda count, ...);
3. read its context in the sentence: metric (:mod:`districtbook.metrics`), period
   (:mod:`districtbook.periods`), basis of a percentage, hedge, and the place it is about.

Rules are written by phenomenon, not by sentence; each has a doctest or a unit test.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from pathlib import Path

from .articles import Article, iter_articles
from .metrics import family_of, metric_for
from .numbers import NUMBER, SCALES, canonical, cases, parse_number, scan, trigger
from .periods import ArticlePeriods, Period, period_for, scoped_marks
from .articles import FRAME_KINDS
from .places import _RANK, Mention, Place, main_by_level, main_of, mentions, outlet_place
from .prefilter import EndSearch, any_of, could_match, lowered, required

COLUMNS = ("doc", "district", "level", "metric", "value", "unit", "denominator", "period", "per_year", "basis", "base",
           "qualifier",
           "quote", "start", "end", "kind")


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
    quote: str
    start: int
    end: int
    kind: str = "indicator"


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
_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)"
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
      | (?P<ratio>(?P<num>\d+)/(?P<den>\d+)(?![/\d]))                     # 21/21, 5/1 (date?), 33/33
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
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: the counted noun after a count: up to three lower-case words
NOUN_RE = re.compile(rf"\s?(?P<noun>(?:{_W}+)(?:\s{_W}+){{0,2}})")

# nouns that make "x/y" a ratio (and whose counts are indicators) versus agenda-like nouns
_AGENDA_NOUNS = re.compile(
    r"^(?:con số|đại biểu|ủy viên|uỷ viên|thành viên|tuổi|cấp\b|trụ cột|bên\b|sao\b|nghị quyết|tờ trình|báo cáo|nội dung|nhiệm vụ|chương trình|giải pháp|khâu|đột phá|mục tiêu|nhóm|lĩnh vực|vấn đề|"
    r"điểm nghẽn|rõ|quan điểm|bài|kỳ|phần|tiết|bước|ý kiến|tiêu chí|đề án)\b"
)
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
    (re.compile(r"\b(?:loại|Loại|cấp độ|mức độ|tuổi đời|tuổi|Tuổi|khu phố|tổ|Tổ|Phường|phường|khóm|ấp)\s$"), "label"),
    (re.compile(r"\b(?:Chỉ thị|Nghị quyết|Quyết định|Nghị định|Thông tư|Kết luận|Công văn|Đề án|Chương trình|"
                r"Kế hoạch|Luật|Quy định|Hướng dẫn|Thông báo|Tờ trình|Báo cáo|Điều|Khoản|Mục|Bài|Phần)\s$"), "document number"),
    (_DATE_OR_PERIOD_BEFORE, "date or period"),
    (re.compile(r"\b(?:ảnh|Ảnh|hình|Hình|trang|Trang|Quận|quận|phòng|Phòng|tầng|lô|Lô|ngõ|ngách|số nhà|đường)\s$"), "label"),
    (re.compile(r"\b(?:top|Top|tốp|Tốp|TOP)\s$"), "rank label"),
    (re.compile(r"\b(?:Sáng|Chiều|Trưa|Tối|Đêm|sáng|chiều|trưa|tối|đêm)\s(?:ngày\s)?$"), "date"),
]
#: the same, searched only in the last characters before the number (each ends with "$"); the first
#: cheap test says whether any of them matches (most numbers are figures: then none does)
_RANK_AT_END = EndSearch(_RANK_BEFORE)
_INCIDENTAL_AT_END = [(EndSearch(pattern), reason) for pattern, reason in _INCIDENTAL_BEFORE]
_ANY_INCIDENTAL_AT_END = EndSearch(any_of([pattern for pattern, _reason in _INCIDENTAL_BEFORE]))
_YEAR = re.compile(r"(?:19|20)\d\d")


def _unit_after(text: str, end: int, limit: int) -> tuple[re.Match[str], str]:
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
    if unit == "count" and m and re.search(r"\b(?:tỷ|tỉ)\s*$", m["scales"], re.I) and not _COUNTED_NOUNS.match(
            _noun_after(text, tok_end, limit)):
        unit, base = "VND_bn", base / SCALES["tỷ"]  # "3.122,2 tỷ": billions of đồng, the unit left out
    # the quote ends at the unit; a bare count ends at the number (or its scale word)
    text_end = tok_end
    while text_end > end and text[text_end - 1].isspace():
        text_end -= 1
    noun = _noun_after(text, text_end, limit) if unit == "count" else ""
    quote_end = text_end
    counted = _COUNTED_NOUNS.match(noun) if noun else None
    if counted:
        quote_end = _WS.match(text, text_end).end() + len(counted.group(0))
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
    quote_end = _WS.match(text, e).end() + len(counted.group(0)) if counted else e
    return Token(s, quote_end, Decimal(num), "ratio", Decimal(den), noun=noun, num_end=e)


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
_OUT_OF_BEFORE = re.compile(r"\b(?:trên|trong) tổng số\s$")
_AT_PLACE_BEFORE, _NAMED_AFTER = re.compile(r"\b(?:tại|ở)\s$"), re.compile(r"\s?\w+(?:\s\w+)?\s[A-ZĐ]")
_ONLY_ELLIPSIS_TO_END = re.compile(r"[ …]*\Z")
_CLOCK_AFTER = re.compile(r":\d\d|h\d\d|\s?giờ")
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
            if pattern.search(before):
                return _incidental(tok, reason)
    raw = text[tok.start:tok.tail]
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
        if _OUT_OF_BEFORE.search(before):
            return _incidental(tok, "reference count")  # "đứng tốp đầu trên tổng số 30 quận, huyện"
        if _AT_PLACE_BEFORE.search(before) and (not _COUNTED_NOUNS.match(tok.noun) or _NAMED_AFTER.match(
                text[tok.tail:tok.tail + 40])):
            return _incidental(tok, "place reference")  # "tại 2 dự án Khu đô thị …": the projects named
        if _YEAR.fullmatch(raw):
            return _incidental(tok, "year")
        if _TIME_NOUNS.match(tok.noun):
            return _incidental(tok, "period length" if tok.noun.startswith(("tháng", "năm", "quý")) else "time")
        if _AGENDA_NOUNS.match(tok.noun):
            return _incidental(tok, "agenda count")
        after = text[tok.end:tok.end + 3]
        if after.startswith((":", "h", "giờ")) and _CLOCK_AFTER.match(text[tok.end:tok.end + 5]):
            return _incidental(tok, "time")
        if not tok.noun and not _VERB_BEFORE.search(before):
            return _incidental(tok, "bare number")
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
    """
    pos = start
    for m in _SENTENCE_SPLIT.finditer(text, max(0, start - 1), end):
        if m.start(1) > pos:
            yield pos, m.start(1)
        pos = m.end(1)
    if pos < end:
        yield pos, end

# --- basis: what a percentage, multiple or ratio is measured against ---------------------------
#: cues right after the number, in the order they are tried; the nearest cue wins
_BASIS_AFTER = [
    (re.compile(r"so với tháng trước|so với quý trước"), "none"),
    (re.compile(r"so với (?:đầu nhiệm kỳ|năm đầu nhiệm kỳ)"), "term_start"),
    (re.compile(r"so với (?:năm |cùng kỳ năm )?(?P<year>(?:19|20)\d\d)"), "yoy"),
    (re.compile(r"cùng kỳ|so với năm trước|so với năm ngoái"), "yoy"),
    (re.compile(r"kế hoạch|dự toán|[Dd]ự toán|chỉ t(?:iêu\b|$)|\bKH\b|nghị quyết"), "plan"),
    (re.compile(r"tổng thu|tổng chi|tổng số|tổng giá trị|GRDP của|tổng vốn"), "share"),
    (re.compile(r"khối lượng"), "share"),
]
_SHARE_BEFORE = re.compile(r"(?:chiếm|tỷ trọng|tỉ trọng|cơ cấu)(?:\s\S+){0,3}\s$")
_SHARE_CLAUSE = re.compile(r"\b(?:tỷ lệ|tỉ lệ|Tỷ lệ|Tỉ lệ)\b")
_BASE_BEFORE = re.compile(r"so với (?:năm |cùng kỳ năm )?(?P<year>(?:19|20)\d\d)[^,;]{0,40}$|so với cùng kỳ[^,;]{0,30}$|"
                          r"năm sau (?:tăng )?(?:cao )?hơn năm trước\s$")
_TARGET_BEFORE = re.compile(r"(?:mục tiêu|Mục tiêu)(?:\s(?:là|đề ra là|đặt ra là|đề ra))?\s$")
_GROWTH_BEFORE = re.compile(r"(?:tăng|giảm|tăng trưởng|tăng thêm)(?:\s(?:thêm|được|khoảng|gần|hơn|trên|bình quân))*\s$")
_REACH_BEFORE = re.compile(r"(?:đạt|bằng|thực hiện được|hoàn thành)(?:\s(?:được|khoảng|gần|hơn|trên|xấp xỉ))*\s$")
_REVENUE_WORDS = re.compile(r"\b(?:thu(?! nhập| hút| hồi| gom| hoạch| hẹp)|chi(?! bộ| cục| nhánh| hội| tiết| phí)|ngân sách|"
                            r"giải ngân)\b", re.I)
_PLAN_BEFORE = re.compile(r"(?:vượt|đạt|bằng)\s(?:chỉ tiêu|kế hoạch|dự toán)[^,;]{0,30}$")
#: a percentage of a counted whole: "94% hộ gia đình", "100% chi bộ", "100% các hộ kinh doanh"
_SHARE_NOUN = re.compile(
    r"^\s?(?:các\s|số\s)?(?:hộ|gia đình|chi bộ|đảng viên|tổ chức|cơ sở|chợ|trường|xã|phường|thôn|tổ dân phố|khu dân cư|"
    r"doanh nghiệp|người|dân|học sinh|hồ sơ|thủ tục|dịch vụ|cán bộ|công chức|đơn vị|tiểu thương|hộ kinh doanh|"
    r"dự án|công trình|tuyến|văn bản|giao dịch|số|lao động)\b")
_PLAN_AFTER_COUNT = re.compile(r"^[^,;.]{0,60}?(?:vượt|đạt)(?: và vượt)? (?:chỉ tiêu|kế hoạch)")


_PUNCT_OR_NUMBER = re.compile(r"[,;:(]|\d+(?:[.,]\d+)*")


def _up_to_next_figure(after: str) -> str:
    """The words after a number up to the next punctuation or number (a year is a word here:
    "cao hơn 1,85% so với năm 2023")."""
    cut = _PUNCT_OR_NUMBER.search(after)
    while cut and _YEAR.fullmatch(cut.group(0)):
        cut = _PUNCT_OR_NUMBER.search(after, cut.end())
    return after[:cut.start()] if cut else after


def _basis(clause_before: str, clause_after: str, unit: str, noun: str, ctx: ArticlePeriods,
           siblings: str = "") -> str:
    """What a percentage (or a multiple, or an x/y) is measured against.

    The nearest explicit cue after the number decides ("đạt 55,7% dự toán", "tăng 18% so với cùng
    kỳ", "chiếm 6,5% tổng thu"); then the words before it ("chiếm", "tỷ lệ", "so với năm 2020 tăng");
    a percentage of counted things is a share; and in a budget list, a bare "đạt X%" after an amount
    is per cent of plan and a bare "tăng X%" is growth on the same period ("đạt 66,5% và tăng 3,1%").
    ``siblings`` is the earlier part of the sentence, whose cue a bare figure of the same kind repeats.
    """
    after = _up_to_next_figure(clause_after[:70])
    near = clause_before[-60:]
    if unit == "count":
        return "plan" if _PLAN_AFTER_COUNT.match(clause_after) else "none"
    if unit == "ratio":
        if re.match(r"^\s?(?:chỉ tiêu|tiêu chí)?[^,;.]{0,40}(?:đạt|vượt)[^,;.]{0,15}(?:kế hoạch|chỉ tiêu|mức)", clause_after):
            return "plan"
        return "plan" if noun.startswith(("đảng viên",)) and re.search(r"kết nạp", near) else "none"
    if unit not in ("percent", "times"):
        return "none"
    term_starts = ctx.term_starts()
    found = []
    for pattern, basis in _BASIS_AFTER:
        m = pattern.search(after)
        if m:
            if basis == "yoy" and "year" in m.groupdict() and m["year"] in term_starts:
                basis = "term_start"
            found.append((m.start(), basis))
    if found:
        return min(found)[1]
    if unit == "times":
        m = _BASE_BEFORE.search(near)
        if m:
            return "term_start" if m["year"] in term_starts else "yoy"
        return "none"
    if _SHARE_BEFORE.search(near):
        return "share"
    if _PLAN_BEFORE.search(near):
        return "plan"
    m = _BASE_BEFORE.search(near)
    if m and (_GROWTH_BEFORE.search(near) or re.search(r"\b(?:tăng|giảm)\b", near[-40:])):
        return "term_start" if m["year"] and m["year"] in term_starts else "yoy"
    if _SHARE_NOUN.match(clause_after):
        return "share"
    if _SHARE_CLAUSE.search(clause_before):
        return "share"
    if _TARGET_BEFORE.search(near):
        return "target"
    revenue = _REVENUE_WORDS.search(clause_before[-160:] + " " + siblings[-200:])
    if revenue and _REACH_BEFORE.search(near):
        return "plan"
    if revenue and (_GROWTH_BEFORE.search(near) or re.match(r"\s?/năm", clause_after)):
        return "yoy"
    return "none"


# --- qualifier ---------------------------------------------------------------------------------
_HEDGES = [
    (re.compile(r"\b(?:hơn|trên|vượt|ngoài|Trên|Hơn|Vượt|ít nhất|Ít nhất|tối thiểu)\s$"), "more_than"),
    (re.compile(r"\b(?:dưới|chưa đến|chưa tới|không quá|tối đa|Dưới|thấp hơn)\s$"), "less_than"),
    (re.compile(r"\b(?:gần|khoảng|xấp xỉ|chừng|Gần|Khoảng|Xấp xỉ)\s$"), "approx"),
]
#: a comparative whose figure is the difference: "cao hơn 1,85% so với năm 2023", "thấp hơn 3 bậc so với"
_COMPARATIVE = re.compile(r"\b(?:cao|thấp|nhiều|ít|lớn|nhỏ|nhanh|chậm)\shơn\s$")
_COMPARED_AFTER = re.compile(r"\s?%?\s?(?:[^\W\d_]+\s){0,3}?so với\b")
_ESTIMATE = re.compile(r"\b(?:ước|Ước|dự kiến|Dự kiến|dự báo|ước tính)\b[^,;]{0,70}$")
#: a goal earlier in the sentence makes every figure after it a target
_TARGET = re.compile(r"\b(?:mục tiêu|Mục tiêu|phấn đấu|Phấn đấu|đặt ra|phải đạt|chỉ tiêu đặt|(?<!quyết )(?<!hoạch )(?<!tiêu )đề ra|"
                     r"định hướng|hướng tới|"
                     r"phải kết nạp|phải hoàn thành|cần đạt|"
                     r"[Đđ]ến năm 20[3-9]\d|[Tt]ới năm 20[3-9]\d)\b")
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
    if _FROM_BEFORE.search(near) and _PER_YEAR_RATE_AFTER.match(after):
        return "more_than"  # "bình quân từ 10%/năm": at least
    if _NOW_AFTER.match(after) or _FROM_BEFORE.search(near) and _RISE_TO_AFTER.match(after):
        return "actual"  # "mở rộng từ 11 mét hiện tại lên 40 mét": where things stand, the start of a goal
    future = bool(ctx.future and period and period == ctx.future)
    if goal_before or in_targets or (future and not _PAST.search(clause_before)):
        return "target"
    if _ESTIMATE.search(clause_before.split(",")[-1] if "," in clause_before[-40:] else clause_before):
        return "estimate"
    return "actual"


_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")


class _GoalWords:
    """Whether the words before a figure set a goal (:data:`_TARGET`), from ``start`` (the sentence, or the one
    a breakdown reads with) up to the figure; a goal in closed brackets is that figure's own and does not
    count: "Khối bộ đạt 63,5% (mục tiêu 70%), khối tỉnh chỉ đạt 18,5%".

    Most sentences set no goal: one search of the whole frame answers for all its figures.  (Blanking a
    bracket never makes a goal word where the text has none.)

    >>> g = _GoalWords("Xã đạt 61% (mục tiêu 65%), phường đạt 48%; phấn đấu 70%", 0, 55)
    >>> [g(k) for k in (7, 22, 40, 53)]
    [False, True, False, True]
    """

    __slots__ = ("text", "start", "any")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start = text, start
        self.any = _TARGET.search(text[start:end]) is not None

    def __call__(self, pos: int) -> bool:
        return self.any and _TARGET.search(_CLOSED_BRACKETS.sub(" ", self.text[self.start:pos])) is not None


#: a sentence that breaks down the one before it
_BREAKDOWN = re.compile(r"(?:Trong đó|Cụ thể)\b")
#: a paragraph that goes on with a list of goals: "Trên lĩnh vực …", "Về xây dựng Đảng, …"
_CONTINUES_LIST = re.compile(r"^(?:Trên lĩnh vực|Trong lĩnh vực|Ở lĩnh vực|Lĩnh vực|Về|Đối với)\b")
_FIGURE_IN_HEADING = re.compile(r"\d[\d.,]*\s?(?:%|tỷ|triệu|lần)|\d+/\d+")
_SUB_YEAR = re.compile(r"-(?:H[12]|Q[1-4]|\d{1,2}M|\d\d|YTD)$")
#: a heading: a short line that does not end a sentence ("Hà Nội", "1.1 Tài chính")
_HEADING = re.compile(r"^[^.!?;:]{1,80}$")


# --- place -------------------------------------------------------------------------------------
#: a unit named as someone's office ("Phó Chủ tịch UBND TP Hải Phòng") or as merged into another
#: ("trên cơ sở sáp nhập phường Thanh Minh, …") is not what the figures near it are about
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:(?:Chủ tịch|Bí thư|Giám đốc|Ủy viên|Uỷ viên|Trưởng ban|Phó ban|Trưởng phòng|Tổ trưởng)\s(?:\S+\s){0,5}"
    r"|(?:sáp nhập|hợp nhất|trên cơ sở)[^;.]{0,80})$")


_NOT_SUBJECT_WORDS = required(_NOT_SUBJECT_BEFORE)  # "chủ tịch", "sáp nhập", …: one is in every match


def _subjects(found: list[Mention], text: str) -> list[Mention]:
    """Mentions that can be what a figure is about: not a listed plural ("các phường 7, 8"), not the
    parent named after a unit ("Phường Tam Thắng, TPHCM", "phường Kinh Môn (Hải Phòng)"), not an
    office or a merged unit."""
    out: list[Mention] = []
    for m in found:
        if m.plural or could_match(_NOT_SUBJECT_WORDS, lowered(text[max(0, m.start - 100):m.start])) \
                and _NOT_SUBJECT_BEFORE.search(text, max(0, m.start - 100), m.start):
            continue
        if out and m.start - out[-1].end <= 3 and _RANK[m.place.level] > _RANK[out[-1].place.level]:
            continue
        out.append(m)
    return out


_RESPECTIVELY = re.compile(r"\blần lượt\b")
_FIGURE_AHEAD = re.compile(r"\d+(?:[.,]\d+)*|\bthứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b")
#: a level word said alone ("phường có 110 hộ"), not after "của", "theo", "chuẩn" nor before a name or a number:
#: (?<!của )(?<!theo )(?<!chuẩn )\b(?:[Pp]hường|[Qq]uận|…)(?!\s(?:\d|[A-ZĐÂĂÊÔƠƯ]|giao\b|đề ra\b)), written
#: word first so that the regex engine skips ahead to the words' first letters
_GENERIC_UNIT = trigger(cases("phường", "quận", "huyện", "xã", "tỉnh", "thành phố"), before=(r"\w", "của ", "theo ", "chuẩn "),
                        after=r"\s(?:\d|[A-ZĐÂĂÊÔƠƯ]|giao\b|đề ra\b)")
_LEVEL_WORDS = {"phường": "ward", "xã": "ward", "quận": "district", "huyện": "district", "tỉnh": "province",
                "thành phố": "city"}


def _place_for(found: list[Mention], pos: int, clause_start: int, clause_end: int, default: Place | None,
               text: str, by_level: dict[str, Place]) -> Place | None:
    """The unit a figure at ``pos`` is about: the nearest one named before it in its clause, else the
    first named after it in the clause, else ``default`` (the section's or the article's unit).
    A bare level word nearer to the figure ("phường có 110 hộ") points back to the article's unit."""
    before = [m for m in found if clause_start <= m.start and m.end <= pos]
    respectively = _RESPECTIVELY.search(text, before[-1].end, pos) if before else None
    if respectively:  # "A (78%) và B (77%) lần lượt giữ vị trí thứ hai và thứ ba": the k-th figure, the k-th unit
        k = len(_FIGURE_AHEAD.findall(text, respectively.end(), pos))
        n = len(_FIGURE_AHEAD.findall(text, respectively.end(), clause_end))
        listed = [m for m in before if m.end <= respectively.start()][-n:]
        if len(listed) == n and k < n:
            return listed[k].place
    generic = list(_GENERIC_UNIT.finditer(text, before[-1].end if before else clause_start, pos))
    if generic:
        level = _LEVEL_WORDS.get(generic[-1].group(0).lower())
        if default is not None and level == default.level:
            return default
        if level in by_level:
            return by_level[level]
    if before:
        return before[-1].place
    # a unit in brackets after a name says where that thing is ("chợ Bắc Mỹ An (quận Ngũ Hành Sơn)"), not
    # what the figure before it is about
    after = [m for m in found if pos <= m.start < clause_end and not text.startswith(")", m.end)]
    if after:
        return after[0].place
    return default


def _is_future(period: str, ctx: ArticlePeriods) -> bool:
    p = Period.parse(period)
    return bool(p and ctx.pub_year and p.start.year >= ctx.pub_year and p.end.year > ctx.pub_year)


def _joint_subjects(found: list[Mention], pos: int, clause_start: int, text: str) -> list[Place]:
    """Units a figure is about together: "Hà Nội và TP Hồ Chí Minh … chỉ đạt dưới 10%" is one
    figure for each of them."""
    before = [m for m in found if clause_start <= m.start and m.end <= pos]
    if len(before) >= 2 and re.fullmatch(r"\s(?:và|cùng)\s", text[before[-2].end:before[-1].start]) \
            and before[-1].place.level == before[-2].place.level:
        return [before[-2].place, before[-1].place]
    return []


_PLAN_AMOUNT = re.compile(r"(?:kế hoạch|dự toán|chỉ tiêu)(?:\s(?:năm|dự kiến|giao|được giao|đề ra|nay|là))*\s$")
_PER_YEAR = re.compile(r"(?:mỗi|hằng|hàng) năm|/năm|bình quân[^,;.]{0,40}năm|một năm")
_BASE_YEAR = re.compile(r"so với (?:cùng kỳ )?(?:năm )?(?P<y>(?:19|20)\d\d)")


def _base_period(basis: str, period: str, before: str, after: str, ctx: ArticlePeriods) -> str:
    """The period a comparison is made against: "tăng 7,51% so với cùng kỳ năm 2022" of 2023-H1 is
    2022-H1; "so với cùng kỳ" alone is the same period a year earlier; a term-start comparison is
    against the term's first year."""
    if basis not in ("yoy", "term_start"):
        return ""
    m = _BASE_YEAR.search(_up_to_next_figure(after[:80])) or _BASE_YEAR.search(before[-60:])
    p = Period.parse(period)
    if m:
        if p is not None and not p.full_years and p.granularity != "ytd":
            return m["y"] + period[4:]  # the same part of the base year
        return m["y"]
    if basis == "term_start":
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


_BASE_VALUE_BEFORE = re.compile(r"(so với (?:năm |cùng kỳ năm )?(?P<y>(?:19|20)\d\d))\s?\($")


def _base_value_period(text: str, s_start: int, pos: int) -> str:
    """The period of a base value quoted after its comparison: "cao hơn 1,58% so với năm 2023 (87,72%)"."""
    if "(" not in text[max(s_start, pos - 2):pos]:  # the bracket ends the window (or comes before a final newline)
        return ""
    m = _BASE_VALUE_BEFORE.search(text[max(s_start, pos - 40):pos])
    return m["y"] if m else ""


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def figures(article: Article, include_incidental: bool = False) -> Iterator[Figure]:
    """All figures of one article, in text order."""
    text = article.text
    # once per article; lines and the frame take their part by offset.  Only mentions in the frame's lines (title,
    # lead, body) are read, so the page furniture after the last of them (related titles, footer) is not scanned
    named = mentions(text, until=max((ln.end for ln in article.lines if ln.kind in FRAME_KINDS), default=0))
    starts = [m.start for m in named]
    line_starts = [ln.start for ln in article.lines]
    in_frame = [m for m in named
                if (i := bisect_right(line_starts, m.start) - 1) >= 0 and article.lines[i].kind in FRAME_KINDS]
    title = next(((ln.start, ln.end) for ln in article.lines if ln.kind == "title"), (0, 0))
    main = main_of(in_frame, [m for m in named if title[0] <= m.start < title[1]])
    by_level = main_by_level(in_frame)
    article_place = main[0] if main else None
    outlet = next((p for ln in article.body() for p in [outlet_place(text[ln.start:ln.end])] if p), None)
    if outlet is not None:  # "(QNO) - … UBND tỉnh cho biết": the outlet's province
        by_level.setdefault(outlet.level, outlet)
        article_place = article_place or outlet
    periods = ArticlePeriods.of(article)
    targets_before = False  # did the previous paragraph with figures set goals?
    section_period = ""  # carried across the paragraphs of a section, reset by a heading
    section_place = None
    lines = list(article.body())
    lead = next((ln for ln in lines if ln.kind == "body"), None)
    lead_period = next((p for _, p, scope in (scoped_marks(text, lead.start, lead.end, periods) if lead else [])
                        if p != "annual" and not scope), "")
    for line in lines:
        line_text = text[line.start:line.end]
        if line.kind == "body" and _HEADING.match(line_text) and not _FIGURE_IN_HEADING.search(line_text):
            # a heading starts a section: "Giai đoạn 2016-2020" dates what follows it, "Hà Nội" places it
            heading_marks = [p for _, p, scope in scoped_marks(text, line.start, line.end, periods) if p != "annual"]
            section_period = heading_marks[0] if heading_marks else ""
            heads = _subjects(named[bisect_left(starts, line.start):bisect_left(starts, line.end)], text)
            section_place = heads[0].place if heads and len(line_text) <= 40 else section_place
            continue
        carried_period = section_period
        in_targets = targets_before and bool(_CONTINUES_LIST.match(line_text)) and not re.search(r"\bđã\b", line_text)
        had_figures = had_targets = False
        found = _subjects(named[bisect_left(starts, line.start):bisect_left(starts, line.end)], text)
        carried_family: dict[str, str] = {}
        carried_basis: dict[str, tuple[str, str]] = {}  # unit: the last figure's basis and family
        para_frames: list[tuple[bool, str]] = []
        default_place = section_place or article_place
        previous = line.start
        for s_start, s_end in _sentences(text, line.start, line.end):
            # "… đề ra 28 chỉ tiêu. Trong đó, 19 chỉ tiêu …": a breakdown reads with the sentence it breaks down
            frame_start = previous if _BREAKDOWN.match(text, s_start) else s_start
            previous = s_start
            subjects = [m for m in found if s_start <= m.start < s_end]
            marks = scoped_marks(text, s_start, s_end, periods)
            clauses = _clauses(text, s_start, s_end)
            goal_before_at = _GoalWords(text, frame_start, s_end)
            for tok in tokens(text, s_start, s_end):
                if tok.kind == "incidental" and not include_incidental:
                    continue
                c_start, c_end = next((a, b) for a, b in clauses if a <= tok.start <= b)
                sentence_before = text[s_start:tok.start]
                # the words that set a goal, earlier in the sentence (or in the one a breakdown reads with)
                goal_before = goal_before_at(tok.start)
                before = text[c_start:tok.start]
                after = text[tok.tail:c_end]
                value = tok.value
                if tok.unit in ("percent", "count", "VND_bn", "USD_mn") and _DECLINE.search(before[-15:]) \
                        and not _LEVEL_AFTER_DECLINE.search(before[-20:]):
                    value = -value
                period = _base_value_period(text, s_start, tok.start) or period_for(marks, tok.start, (c_start, c_end))
                if not period and not _is_future(carried_period, periods):
                    period = carried_period  # a coming term named earlier dates only the goals set for it
                if not period and line.kind == "title" and line.end - line.start <= 160:
                    period = lead_period  # a headline's figure: the period its lead reports
                qualifier = (tok.reason if tok.reason.startswith("range")
                             else _qualifier(goal_before, before, after, in_targets, period, periods))
                if tok.unit == "VND_bn" and _PLAN_AMOUNT.search(before[-40:]) and period[:4].isdigit():
                    period = period[:4]  # "để đạt được kế hoạch dự kiến 4.000 tỷ đồng": the year's plan
                goal = qualifier == "target" or goal_before or in_targets
                if not period and periods.future and goal:
                    period = periods.future  # a goal with no period of its own: the coming term
                if tok.kind == "indicator":
                    had_figures = True
                    had_targets = had_targets or qualifier == "target"
                basis = _basis(before, after, tok.unit, tok.noun, periods, text[s_start:c_start])
                if basis == "share" and tok.unit == "percent" and tok.value > 100:
                    basis = "plan"  # "kết nạp 514 đảng viên, đạt tỷ lệ 114,2%": no share exceeds the whole
                if basis == "none" and tok.reason.startswith("range") and qualifier.startswith("range") \
                        and (goal_before or in_targets or period == periods.future):
                    basis = "target"  # a goal given as a range: "từ 11 - 15%"
                metric = ""
                if tok.kind == "indicator":
                    carried = carried_family.get(tok.unit, "")
                    metric = metric_for(sentence_before, after, tok.unit, tok.noun, basis, carried)
                    if basis in ("none", "target") and tok.unit == "percent" \
                            and carried_basis.get(tok.unit) == ("share", family_of(metric) or "other") \
                            and not qualifier.startswith("range") and not _GROWTH_BEFORE.search(before[-30:]):
                        # "tỷ lệ … đạt 68,5%: Đà Nẵng (58,9%), Hà Giang (55,8%) … (mục tiêu 70%)": the same share,
                        # also when no sentence of the paragraph names the measure ("Khối bộ đạt 63,5% (mục tiêu 70%)")
                        basis = "share"
                        metric = metric_for(sentence_before, after, tok.unit, tok.noun, basis, carried)
                    if metric != "other":
                        carried_family[tok.unit] = family_of(metric)
                    carried_basis[tok.unit] = (basis, family_of(metric) or "other")
                place = _place_for(found, tok.start, c_start, c_end, default_place, text, by_level)
                per_year = "yes" if tok.kind == "indicator" and _PER_YEAR.search(
                    before[-40:] + text[tok.start:tok.tail] + after[:12]) else ""
                base = _base_period(basis, period, before, after, periods) if tok.kind == "indicator" else ""
                period = _span_period(period, basis, base, bool(_EVERY_YEAR.search(before)), goal, periods)
                for place in _joint_subjects(found, tok.start, c_start, text) or [place]:
                    yield Figure(
                        doc=article.name,
                        district=place.name if place else "",
                        level=place.level if place else "",
                        metric=metric,
                        value=canonical(value) if tok.kind == "indicator" else "",
                        unit=tok.unit,
                        denominator=canonical(tok.denominator) if tok.denominator is not None else "",
                        period=period,
                        per_year=per_year,
                        basis=basis,
                        base=base,
                        qualifier=qualifier,
                        quote=text[tok.start:tok.end],
                        start=tok.start,
                        end=tok.end,
                        kind=tok.kind,
                    )
            if subjects:  # "Phường Kim Long là một điển hình. … Đảng ủy phường cử 46 …": the paragraph's unit
                default_place = subjects[-1].place
            last = [(pos, p) for pos, p, scope in marks if p != "annual" and not scope]
            if last:
                carried_period = last[-1][1]
                # a report's "6 tháng đầu năm", an opening "Trong 5 năm vừa qua, …" or a year set off
                # by a comma ("trong năm 2024, …") frames the paragraphs after it
                for pos, p in last:
                    opening = pos - s_start <= 12
                    if opening or _SUB_YEAR.search(p) or "-" not in p and re.match(r"[^,.;()]{0,25},", text[pos:pos + 30]):
                        para_frames.append((opening, p))
        if para_frames:  # the paragraph's opening frame, else its last one
            section_period = next((p for opening, p in para_frames if opening), para_frames[-1][1])
        if had_figures:
            targets_before = had_targets


def extract(paths: Iterable[Path | str], include_incidental: bool = False) -> Iterator[Figure]:
    """Stream the figures of every article under ``paths`` (files or folders of ``.txt``)."""
    for article in iter_articles(paths):
        yield from figures(article, include_incidental)


def write_figures(paths: Iterable[Path | str], output: Path | None = None, fmt: str = "csv") -> int:
    """``districtbook extract``: write figures as CSV (the output contract) or a JSON array.

    ``output`` is written whole or not at all (:func:`publish.atomic_output`): an error or a signal
    leaves no partial file, and the previous one intact.
    """
    from .publish import atomic_output

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
