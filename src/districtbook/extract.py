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

import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from pathlib import Path

from .articles import Article, iter_articles
from .metrics import metric_for
from .numbers import NUMBER, SCALES, canonical, parse_number
from .periods import ArticlePeriods, period_for, period_marks
from .places import DISTRICT_RE, WARD_RE, main_districts

COLUMNS = ("doc", "district", "metric", "value", "unit", "denominator", "period", "basis", "qualifier",
           "quote", "start", "end", "kind")


@dataclass(frozen=True, slots=True)
class Figure:
    doc: str
    district: str
    metric: str
    value: str
    unit: str
    denominator: str
    period: str
    basis: str
    qualifier: str
    quote: str
    start: int
    end: int
    kind: str = "indicator"


@dataclass(frozen=True, slots=True)
class Token:
    """A number as found in the text, before its context is read."""

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

TOKEN_RE = re.compile(
    rf"""
    (?<![\w.,/-])
    (?:
        (?P<date>\d{{1,2}}[/-]\d{{1,2}}[/-](?:19|20)\d\d)                 # 31/5/1961, 12-10-2024
      | (?P<years>(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d)                   # 2020-2025, 2020 - 2025
      | (?P<ratio>(?P<num>\d+)/(?P<den>\d+)(?![/\d]))                     # 21/21, 5/1 (date?), 33/33
      | (?P<range>(?P<lo>{NUMBER})(?:\s?[-–]\s?|\s(?:đến|tới)\s)(?P<hi>{NUMBER})(?![/\d]))  # 800 - 1.000, 10 đến 20, 12-10 (date?)
      | (?P<number>{NUMBER})
    )
    (?:(?![\w])|(?=(?:ha|km2|km|m2|m|tỷ|triệu|USD|đ)\b))   # units may be glued: "6.038,24ha"
    """,
    re.VERBOSE,
)

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
    r"^(?:nội dung|nhiệm vụ|chương trình|giải pháp|khâu|đột phá|mục tiêu|nhóm|lĩnh vực|vấn đề|"
    r"điểm nghẽn|rõ|quan điểm|bài|kỳ|phần|tiết|bước|ý kiến|tiêu chí|đề án)\b"
)
_TIME_NOUNS = re.compile(r"^(?:năm|tháng|quý|ngày|tuần|giờ|phút|giây|buổi|đêm|sáng|chiều|tối)\b")
#: the things a count or an x/y ratio counts ("12 tập thể", "21/21 chỉ tiêu"): a count is quoted with its noun,
#: and a day/month-looking x/y ("5/8 phường") is a ratio when one follows
_COUNTED_NOUNS = re.compile(
    r"(?:chỉ tiêu|tiêu chí|nhiệm vụ|phiếu|phường|xã|quận|huyện|trường hợp|trường|đơn vị|dự án|chợ|tuyến phố|tuyến|"
    r"hộ|thủ tục|hồ sơ|tổ chức|tổ|cơ sở|doanh nghiệp|đảng viên|tập thể|cá nhân|người|công trình|thôn|khu|điểm|"
    r"trạm|bệnh viện|chi bộ|cử tri|lượt|học sinh|lao động|việc làm|căn hộ|nhà|xe|sản phẩm)(?=\W|$)"
)
_WS = re.compile(r"\s*")
#: "xếp thứ 3", "đứng thứ 2", "xếp hạng 5/30": a rank is a figure, unlike "lần thứ 22"
_RANK_BEFORE = re.compile(r"\b(?:xếp|đứng|Xếp|Đứng)\s(?:thứ|hạng)\s$|\b(?:xếp hạng|thứ hạng)\s(?:thứ\s)?$")
_QUOTED_LABEL = re.compile(r"[“\"][^”\"\n]{0,60}$")

# incidental contexts: the words right before a number that make it a label, not a figure
_DATE_OR_PERIOD_BEFORE = re.compile(r"\b(?:năm|Năm|tháng|Tháng|quý|Quý|ngày|Ngày|tuần|khóa|khoá|giai đoạn|nhiệm kỳ)\s$")
_INCIDENTAL_BEFORE = [
    (re.compile(r"(?:lần|kỳ họp|khóa|khoá|thứ)\s(?:thứ\s)?$", re.I), "ordinal"),
    (re.compile(r"\b(?:số|Số)\s$"), "document or storm number"),
    (re.compile(r"\b(?:Chỉ thị|Nghị quyết|Quyết định|Nghị định|Thông tư|Kết luận|Công văn|Đề án|Chương trình|"
                r"Kế hoạch|Luật|Quy định|Hướng dẫn|Thông báo|Tờ trình|Báo cáo|Điều|Khoản|Mục|Bài|Phần)\s$"), "document number"),
    (_DATE_OR_PERIOD_BEFORE, "date or period"),
    (re.compile(r"\b(?:ảnh|Ảnh|hình|Hình|trang|Trang|Quận|quận|phòng|Phòng|tầng|lô|Lô|ngõ|ngách|số nhà|đường)\s$"), "label"),
    (re.compile(r"\b(?:top|Top|tốp|Tốp|TOP)\s$"), "rank label"),
    (re.compile(r"\b(?:Sáng|Chiều|Trưa|Tối|Đêm|sáng|chiều|trưa|tối|đêm)\s(?:ngày\s)?$"), "date"),
]
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
    base = value * factor
    if m and m["sub"] and unit_word:
        sub_num, sub_scale = m["sub"].split()
        base += parse_number(sub_num) * SCALES[sub_scale.lower()]
    unit = "count"
    if unit_word in ("%", "phần trăm", "phầntrăm"):
        unit, base = "percent", value
    elif re.fullmatch(_MONEY_UNIT, unit_word, re.I):
        unit, base = "VND_bn", base / SCALES["tỷ"]
    elif re.fullmatch(_USD_UNIT, unit_word, re.I):
        unit, base = "USD_mn", base / SCALES["triệu"]
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
    last_end = start
    for m in TOKEN_RE.finditer(text, start, end):
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
    if _RANK_BEFORE.search(before):  # "xếp thứ 3/30 quận, huyện": rank 3 of 30
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
        if 1 <= d <= 31 and 1 <= mo <= 12 and not re.search(r"\s", m.group(0)):
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


def classify(tok: Token, text: str, before: str, limit: int) -> Token:
    """Decide whether a plain number is an indicator or an incidental label.

    >>> t = list(tokens("năm 2024 quận thảo luận 5 nội dung, kết nạp 514 đảng viên; 9 tháng năm 2024"))
    >>> [(str(x.value), x.kind, x.reason) for x in t]
    [('2024', 'incidental', 'date or period'), ('5', 'incidental', 'agenda count'), ('514', 'indicator', ''), ('9', 'incidental', 'period length'), ('2024', 'incidental', 'date or period')]
    """
    if tok.reason.startswith("range"):
        return tok
    if _RANK_BEFORE.search(before) and tok.unit == "count":
        return Token(tok.start, tok.num_end if tok.num_end >= 0 else tok.end, tok.value, "rank", num_end=tok.num_end)
    for pattern, reason in _INCIDENTAL_BEFORE:
        if pattern.search(before):
            return _incidental(tok, reason)
    raw = text[tok.start:tok.tail]
    closing = min((i for i in (text.find("”", tok.end, tok.end + 60), text.find('"', tok.end, tok.end + 60)) if i != -1),
                  default=-1)
    if _QUOTED_LABEL.search(before) and closing != -1 and (tok.unit == "count" or closing - tok.end < 15):
        return _incidental(tok, "name in quotes")
    if tok.unit == "count":
        if re.search(r"\b(?:tại|ở)\s$", before):
            return _incidental(tok, "place reference")
        if _YEAR.fullmatch(raw):
            return _incidental(tok, "year")
        if _TIME_NOUNS.match(tok.noun):
            return _incidental(tok, "period length" if tok.noun.startswith(("tháng", "năm", "quý")) else "time")
        if _AGENDA_NOUNS.match(tok.noun):
            return _incidental(tok, "agenda count")
        after = text[tok.end:tok.end + 3]
        if after.startswith((":", "h", "giờ")) and re.match(r":\d\d|h\d\d|\s?giờ", text[tok.end:tok.end + 5]):
            return _incidental(tok, "time")
        if not tok.noun and not re.search(r"\b(?:tăng|giảm|đạt|là|có|còn|được|lên|xuống)\s(?:thêm\s)?$", before):
            return _incidental(tok, "bare number")
    return tok


def _incidental(tok: Token, reason: str) -> Token:
    return Token(tok.start, tok.end, tok.value, tok.unit, tok.denominator, tok.noun, "incidental", reason, tok.num_end)


# --- context -----------------------------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”]?\s+")
_BASIS = [
    (re.compile(r"so với đầu nhiệm kỳ|so với năm đầu nhiệm kỳ"), "term_start"),
    (re.compile(r"cùng kỳ|so với năm trước|năm sau (?:tăng )?(?:cao )?hơn năm trước|so với năm \d{4}"), "yoy"),
    (re.compile(r"tỷ trọng|chiếm|cơ cấu"), "share"),
    (re.compile(r"kế hoạch|chỉ tiêu|dự toán|nghị quyết"), "plan"),
    (re.compile(r"mục tiêu|phấn đấu|đặt ra|phải đạt|duy trì"), "target"),
]
_HEDGES = [
    (re.compile(r"\b(?:hơn|trên|vượt|ngoài|Trên|Hơn|Vượt)\s$"), "more_than"),
    (re.compile(r"\b(?:dưới|chưa đến|chưa tới|không quá|tối đa|Dưới)\s$"), "less_than"),
    (re.compile(r"\b(?:gần|khoảng|xấp xỉ|chừng|Gần|Khoảng)\s$"), "approx"),
    (re.compile(r"\b(?:ước|Ước|dự kiến|Dự kiến|dự báo|ước tính)\b[^,;]{0,30}$"), "estimate"),
]
#: a goal anywhere earlier in the sentence makes every figure after it a target
_TARGET = re.compile(r"\b(?:mục tiêu|phấn đấu|đặt ra|phải đạt|chỉ tiêu đặt|đề ra|định hướng)\b")
_DECLINE = re.compile(r"(?:giảm|sụt|hạ)\s(?:đi\s|được\s)?$")
_LEVEL_AFTER_DECLINE = re.compile(r"(?:giảm|hạ)\s(?:xuống\s)?còn\s$")


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _SENTENCE_SPLIT.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def _basis(clause_before: str, clause_after: str, unit: str) -> str:
    if unit != "percent":
        return "none"
    after = re.split(r"[,;:(]|\d", clause_after[:60], maxsplit=1)[0]
    found = [(m.start(), basis) for pattern, basis in _BASIS for m in [pattern.search(after)] if m]
    if found:
        return min(found)[1]
    near = clause_before[-60:]
    if re.search(r"tỷ trọng|chiếm", near):
        return "share"
    if re.search(r"so với đầu nhiệm kỳ", near):
        return "term_start"
    if re.search(r"cùng kỳ|năm sau (?:tăng )?(?:cao )?hơn năm trước", near):
        return "yoy"
    if re.search(r"mục tiêu|phấn đấu|đặt ra", near):
        return "target"
    return "none"


def _qualifier(sentence_before: str, clause_before: str, after: str, in_targets: bool = False) -> str:
    """The hedge; a goal ("đặt ra", "mục tiêu" earlier in the sentence, or a paragraph that goes on
    listing goals) wins over "trên"/"hơn", which then only say how the goal is phrased."""
    if _TARGET.search(sentence_before) or in_targets:
        return "target"
    near = clause_before[-70:]
    if re.match(r"\s?(?:\S+\s){0,3}trở lên", after):
        return "more_than"
    for pattern, q in _HEDGES:
        if pattern.search(near):
            return q
    return "actual"


#: a paragraph that goes on with a list of goals: "Trên lĩnh vực …", "Về xây dựng Đảng, …"
_CONTINUES_LIST = re.compile(r"^(?:Trên lĩnh vực|Trong lĩnh vực|Ở lĩnh vực|Lĩnh vực|Về|Đối với)\b")
_PAST = re.compile(r"\bđã\b")


def _place(sentence: str, default: str) -> str:
    wards = [m["name"] for m in WARD_RE.finditer(sentence) if m["level"].lower() == "phường"]
    if wards:
        return f"phường {wards[0]}"
    districts = [m["name"] for m in DISTRICT_RE.finditer(sentence)]
    return districts[0] if districts else default


def figures(article: Article, include_incidental: bool = False) -> Iterator[Figure]:
    """All figures of one article, in text order."""
    text = article.text
    districts = main_districts(article.body_text())
    article_place = districts[0] if districts else ""
    periods = ArticlePeriods.of(article)
    targets_before = False  # did the previous paragraph with figures set goals?
    for line in article.body():
        carried_period = periods.default
        previous: tuple[str, str] | None = None
        line_text = text[line.start:line.end]
        in_targets = targets_before and bool(_CONTINUES_LIST.match(line_text)) and not _PAST.search(line_text)
        had_figures = had_targets = False
        for s_start, s_end in _sentences(text, line.start, line.end):
            sentence = text[s_start:s_end]
            place = _place(sentence, article_place)
            marks = period_marks(text, s_start, s_end, periods)
            for tok in tokens(text, s_start, s_end):
                if tok.kind == "incidental" and not include_incidental:
                    continue
                sentence_before = text[s_start:tok.start]
                before = sentence_before[sentence_before.rfind(";") + 1:]  # the clause
                after = text[tok.tail:s_end]
                value = tok.value
                if tok.unit in ("percent", "count", "VND_bn", "USD_mn") and _DECLINE.search(before[-15:]) \
                        and not _LEVEL_AFTER_DECLINE.search(before[-20:]):
                    value = -value
                qualifier = (tok.reason if tok.reason.startswith("range")
                             else _qualifier(sentence_before, before, after, in_targets))
                period = period_for(marks, tok.start)
                if not period and qualifier == "target" and periods.future:
                    period = periods.future  # a goal with no period of its own: the coming term the article names
                if tok.kind == "indicator":
                    had_figures = True
                    had_targets = had_targets or qualifier == "target"
                basis = _basis(before, after, tok.unit)
                metric = ""
                if tok.kind == "indicator":
                    metric = metric_for(before, after, tok.unit, tok.noun, basis)
                    if metric == "other" and previous and previous[1] == tok.unit:
                        metric = previous[0]  # "tăng 11,4%/năm; đến năm 2025 tăng 12%": same measure
                    previous = (metric, tok.unit)
                yield Figure(
                    doc=article.name,
                    district=place,
                    metric=metric,
                    value=canonical(value) if tok.kind == "indicator" else "",
                    unit=tok.unit,
                    denominator=canonical(tok.denominator) if tok.denominator is not None else "",
                    period=period or carried_period,
                    basis=basis,
                    qualifier=qualifier,
                    quote=text[tok.start:tok.end],
                    start=tok.start,
                    end=tok.end,
                    kind=tok.kind,
                )
            if marks:
                carried_period = marks[-1][1] if marks[-1][1] != "annual" else carried_period
        if had_figures:
            targets_before = had_targets


def extract(paths: Iterable[Path | str], include_incidental: bool = False) -> Iterator[Figure]:
    """Stream the figures of every article under ``paths`` (files or folders of ``.txt``)."""
    for article in iter_articles(paths):
        yield from figures(article, include_incidental)


def write_figures(paths: Iterable[Path | str], output: Path | None = None, fmt: str = "csv") -> int:
    """``districtbook extract``: write figures as CSV (the output contract) or a JSON array.

    ``output`` is written whole or not at all: into a temporary file beside it, renamed over it
    only when every article was read (an error leaves no partial file and the previous one intact).
    """
    if output is None:
        return _write_figures(paths, sys.stdout, fmt)
    output = Path(output)
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = _write_figures(paths, out, fmt)
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return n


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
