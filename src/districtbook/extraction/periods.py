"""Periods, normalised as the figure table writes them: "9 tháng năm 2024" -> ``2024-9M``, "6 tháng đầu
năm nay" -> ``2024-H1`` (the article's year), "quý IV/2024" -> ``2024-Q4``, "tháng 02" -> ``2023-02``,
"02 tháng/2023" -> ``2023-2M``, "từ đầu năm đến nay" -> ``2019-YTD``, "năm 2023" -> ``2023``,
"nhiệm kỳ 2020-2025" -> ``2020-2025``, "nhiệm kỳ qua" -> the term before the one a congress opens,
"trong 5 năm vừa qua" -> the five years before the article, "5 năm tới" -> the five years from it.

The base of a comparison ("so với cùng kỳ năm 2022", "so với năm 2020") is never a figure's own
period, and the term that names a congress ("Đại hội … nhiệm kỳ 2025-2030") is its label, not the
period of the figures around it.  A figure takes the nearest period written before it in its
sentence, else the first one after it in its clause, else the period carried from earlier sentences
and paragraphs of its section; a figure no period reaches has none (a count of members "now").
:class:`Period` is the typed record of a label.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from districtbook.reading.articles import Article
from districtbook.extraction.numbers import cases, scan, trigger
from districtbook.extraction.sources import find_date, reporting_year

QUARTER_NUMBER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?:19|20)\d\d"
#: a term, in any case: "nhiệm kỳ 2020-2025", "Khóa 2015 - 2020", i.e. (?:nhiệm kỳ|khóa|khoá)\s(Y)\s?[-–]\s?(Y)
#: written year first, its words in look-behinds: the regex engine then skips ahead to a "1" or a "2" (a
#: case-insensitive pattern that starts with words is tried at every character)
_TERM = re.compile(rf"({_Y})(?:(?<=nhiệm kỳ\s....)|(?<=khóa\s....)|(?<=khoá\s....))\s?[-–]\s?({_Y})", re.I)
#: months counted in words: "Sáu tháng đầu năm 2019", "chín tháng qua" ("năm tháng" only as "Năm tháng đầu năm": else
#: "năm" is a year)
_MONTH_COUNTS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_MONTH_COUNT_WORDS = tuple(_MONTH_COUNTS)
_MONTH_COUNT = "|".join(w for w in (*_MONTH_COUNT_WORDS, *(w.capitalize() for w in _MONTH_COUNT_WORDS)))
_YEARS_AHEAD = re.compile(r"(\d\d?) năm (?:tới|tiếp theo)")  # "5 năm tới" ("\d\d?", not "\d{1,2}": scanned fast)

#: where a period expression can start: a digit, "/năm", or one of its first words, with what must follow
#: the word for PERIOD_RE to match there (the tails; "các" and "trong" are common words)
_PERIOD_WORDS = cases("năm", "tháng", "quý", "nhiệm", "giai", "thời", "trong", "từ", "kể", "lũy", "tính", "đến", "tới", "vào",
                      "hằng", "hàng", "mỗi", "nửa", "giữa", "cả", "toàn", "các", "những", "khóa", "khoá",
                      "sau", "qua", "tuần", "hết", "cập", "số", "cuối", *_MONTH_COUNT_WORDS)
_PERIOD_TAILS = {
    # "năm 2024", "năm nay", "năm qua", "năm ngoái", "Năm trước,", "Năm tháng đầu năm"
    **dict.fromkeys(cases("năm"), r"\s(?:nay|\d|qua|vừa\squa|ngoái|trước,|tháng\sđầu\snăm|học\s(?:này|nay|mới|vừa\squa|qua))"),
    **dict.fromkeys(cases("tháng"), r"\s\d"),  # "tháng 9"
    **dict.fromkeys(cases("quý"), r"\s[I1-4]"),  # "quý IV", "quý 3"
    **dict.fromkeys(cases("nhiệm", "thời"), r"\skỳ"),
    **dict.fromkeys(cases("giai"), r"\sđoạn"),
    **dict.fromkeys(cases("trong"), r"\s(?:năm|nhiệm|giai|\d)"),  # "trong năm", "trong nhiệm kỳ", "trong 5 năm"
    **dict.fromkeys(cases("từ"), r"\s(?:đầu|ngày\s\d|\d\d?[/-]|năm\s\d|(?:19|20)\d\d\s(?:đến|tới)\s)"),
    **dict.fromkeys(cases("kể"), r"\stừ"),
    **dict.fromkeys(cases("lũy"), r"\skế"),
    **dict.fromkeys(cases("tính"), r"\sđến"),
    **dict.fromkeys(cases("đến", "tới"), r"\s(?:hết|đầu|cuối|giữa|tháng|năm|thời|ngày\s\d|\d\d?[/-]|\d\d?\s?(?:h|giờ))"),
    **dict.fromkeys(cases("cập"), r"\snhật\s"),  # "cập nhật (đến) ngày 18/8/2024"
    **dict.fromkeys(cases("số"), r"\sliệu\s"),  # "số liệu ngày 18/8/2024"
    **dict.fromkeys(cases("vào", "hằng", "hàng", "mỗi"), r"\snăm"),
    **dict.fromkeys(cases("nửa"), r"\s(?:đầu|cuối|nhiệm)"),
    **dict.fromkeys(cases("giữa"), r"\snhiệm"),
    **dict.fromkeys(cases("cuối"), r"\snhiệm\skỳ"),  # "Cuối nhiệm kỳ, Đảng bộ có 58 tổ chức cơ sở đảng"
    **dict.fromkeys(cases("cả"), r"\s(?:nhiệm|giai|năm)"),  # "cả nhiệm kỳ", "cả năm 2023"
    **dict.fromkeys(cases("toàn"), r"\s(?:nhiệm|khóa|giai)"),
    **dict.fromkeys(cases("các", "những"), r"\stháng"),  # "các tháng cuối năm"
    **dict.fromkeys(cases("khóa", "khoá"), r"\s?\d"),  # "khóa 2020-2025"
    **dict.fromkeys(cases(*_MONTH_COUNT_WORDS), r"\s(?:tháng|quý)"),  # "Sáu tháng đầu năm", "chín tháng qua", "ba quý"
    **dict.fromkeys(cases("sau", "qua"), r"\s\d\d?\snăm"),  # "Sau 20 năm", "qua 20 năm"
    **dict.fromkeys(cases("tuần"), r"\s(?:thứ\s)?\d"),  # "tuần 03 năm 2024"
    **dict.fromkeys(cases("hết"), r"\s(?:tháng\s\d|quý\s|ngày\s\d)"),  # "Hết tháng 11, …": up to the end of November
}
#: after a digit: a count of months or years ("9 tháng", "5 năm qua") or the first year of a span ("2020-2025")
_PERIOD_DIGIT = r"(?<!\d{d})(?:\d?\s(?:tháng|năm|quý)|\d{{3}}\s?[-–]|\d{{3}}:\s?\d)"  # ("2003: 86 tỷ đồng")


def _period_trigger(tails: bool = True) -> re.Pattern[str]:
    """:data:`_PERIOD_TRIGGER`; without ``tails``, every place one of its first words or a digit stands
    (what the tails narrow down, for the tests)."""
    if not tails:
        return trigger(_PERIOD_WORDS, r"(?<!\d{d})", after=r"[^\W\d_]", bare=("/năm",))
    return trigger(_PERIOD_WORDS, _PERIOD_DIGIT, after=r"[^\W\d_]", bare=("/năm",), tails=_PERIOD_TAILS)


_PERIOD_TRIGGER = _period_trigger()
#: the base of a comparison: a period named only to compare against
BASE_RE = re.compile(
    rf"[Ss]o\s(?:với\s|cùng\s)(?:(?:cùng\skỳ|kỳ|cùng\sthời\sđiểm|thời\sđiểm|\d{{1,2}}\stháng(?:\sđầu|\scuối)?|"
    rf"(?:{_MONTH_COUNT})\stháng(?:\sđầu|\scuối)?|nửa\s(?:đầu|cuối)|quý\s[IV1-4]+|đầu|cuối|hết|cả|năm|tháng|quý|"
    rf"(?:số\s|ước\s)?thực\shiện|kết\squả|mức)\s){{0,4}}"  # ("so với (ước) thực hiện năm 2023", "so với mức năm 2020")
    rf"(?:[IV]+/|\d{{1,2}}/)?{_Y}|"  # "so với 6 tháng đầu năm 2022", "So cùng kỳ 2022", "so với cuối năm 2022", "quý I/2023"
    rf"[Ss]o\svới\s(?:đầu\snhiệm\skỳ|năm\sđầu\snhiệm\skỳ|năm\strước|cùng\skỳ(?:\snăm\strước)?)|"
    rf"(?:hơn|bằng)\scùng\skỳ\s(?:năm\s)?{_Y}|"  # "cao hơn cùng kỳ năm 2022 (58,1%)": the same period of another year
    # the years a standard is set for: "theo chuẩn nghèo thành phố giai đoạn 2019-2020", "chuẩn nghèo đa chiều giai
    # đoạn 2022-2025" (the standard's name, not the figure's period)
    rf"chuẩn\s(?:nghèo\s)?(?:[^\W\d_]+\s){{0,3}}(?:giai\sđoạn\s)?{_Y}\s?[-–]\s?{_Y}|"
    # when most of a figure came about, said after it: "đạt 1,2 triệu lượt, chủ yếu trong quý I"
    rf"chủ\syếu\s(?:trong|vào|ở)\s(?:(?:\d{{1,2}}|{_MONTH_COUNT})\stháng\s(?:đầu|cuối)\snăm|quý\s(?:IV|III|II|I|[1-4])|tháng\s\d{{1,2}})|"
    # "bằng 95% cùng kỳ năm ngoái", "so với năm ngoái" (not "Cùng kỳ năm ngoái, quận thu …", which dates its sentence)
    rf"(?<=[\w%)]\s)cùng\skỳ\snăm\s(?:ngoái|trước)|[Ss]o\svới\snăm\sngoái|"
    rf"(?<=[\w%)]\s)cùng\skỳ\s(?:năm\s)?{_Y}|"  # "chỉ bằng 64% cùng kỳ năm 2022"
    # the years a figure is set against, and the window they are drawn from: "chỉ thấp hơn tốc độ tăng của cùng kỳ các
    # năm 2018, 2019 và 2022 trong giai đoạn 2011-2024"
    rf"(?<=[\w%)]\s)cùng\skỳ\scác\snăm\s{_Y}(?:,\s{_Y})*(?:\svà\s{_Y})?(?:\strong\sgiai\sđoạn\s{_Y}\s?[-–]\s?{_Y})?|"
    # the part of the year before, named without its year: "tăng 6,1% so với quý II", "bằng 92% so với tháng 3"
    rf"[Ss]o\svới\s(?:quý\s(?:IV|III|II|I|[1-4])|tháng\s\d{{1,2}})(?![\w/])(?!\snăm\s(?:19|20))|"
    rf"(?<=\d)\slần\s(?:năm\s)?{_Y}|"  # "gấp 1,6 lần năm 2015": the year it is a multiple of
    rf"(?:cao|thấp|nhiều|ít|lớn|nhỏ)\shơn\s(?:so\svới\s)?(?:năm\s)?{_Y}|"  # "cao hơn năm 2021 (12,1%)"
    # a window a superlative is measured over: "cao nhất trong 10 năm qua", "lần đầu tiên sau 5 năm"
    rf"(?:nhất|đầu\stiên)\s(?:trong\s(?:vòng\s)?|từ\s|kể\stừ\s|sau\s)(?:\d{{1,2}}\snăm(?:\s(?:vừa\s)?qua|\sgần\sđây|"
    rf"\strở\slại\sđây)?|(?:năm\s)?{_Y}|"
    # ("cao nhất kể từ đầu nhiệm kỳ 2015-2020", "thấp nhất trong giai đoạn 2016-2020")
    rf"(?:đầu\s)?(?:nhiệm\skỳ|giai\sđoạn)\s{_Y}\s?[-–]\s?{_Y})"
)
#: the year of a plan or an estimate a figure is measured against: "đạt 94,7% kế hoạch năm 2019"
_PLAN_YEAR_RE = re.compile(rf"(?:kế\shoạch|dự\stoán|chỉ\stiêu|nghị\squyết|KH)(?:\s[^\s()]+){{0,2}}\snăm\s{_Y}|"  # (not into brackets)
                           rf"(?:kế\shoạch|dự\stoán|chỉ\stiêu)(?:\scủa)?\scả\snăm\b|"  # "đạt 80% chỉ tiêu cả năm"
                           # "hoàn thành 12/16 chỉ tiêu cả nhiệm kỳ": the term's targets, done by half-term
                           rf"(?:chỉ\stiêu|kế\shoạch)(?:\scủa)?\s(?:cả|toàn)\snhiệm\skỳ(?:\s{_Y}\s?[-–]\s?{_Y})?")
#: a plan's year that opens its sentence as its topic ("Đối với kế hoạch năm 2019, UBND thành phố trình … GRDP tăng
#: 7,8-8%"): the year of the goals that follow, not a base a figure is measured against
_PLAN_TOPIC_BEFORE = re.compile(r"(?:^|[.;:!?\n]\s*|\b(?:[Đđ]ối với|[Vv]ề|[Tt]heo|[Tt]rong)\s)$")
_PLAN_YEAR_TAILS = {"kế": r"\shoạch", "dự": r"\stoán", "chỉ": r"\stiêu", "nghị": r"\squyết", "KH": r"\s"}


def _plan_year_trigger(tails: bool = True) -> re.Pattern[str]:
    """Where a plan's year can start (:data:`_PLAN_YEAR_RE`): its first words, with the second (``tails``)."""
    return trigger(_PLAN_YEAR_TAILS, before="", tails=_PLAN_YEAR_TAILS if tails else None)


_PLAN_YEAR_TRIGGER = _plan_year_trigger()
#: a term that names a congress or an office, not the period of the figures beside it
_LABEL_BEFORE = re.compile(
    r"(?:Đại\shội|[Đđ]ại\shội|lần\sthứ|Ban\sChấp\shành|Ban\schấp\shành|Bí\sthư|[Đđ]ảng\s[uủ][yỷ]|khóa|khoá|HĐND|"
    r"[Đđ]ảng\sbộ|chức\sdanh)(?:(?!cho\sbiết|nêu|nhấn\smạnh|khẳng\sđịnh|đánh\sgiá)[^.;:\d]){0,50}$"
)  # (not what is said at a congress: "Báo cáo tại Đại hội cho biết, nhiệm kỳ 2015-2020, …" dates what follows)
#: a congress's resolution setting the goals of its term: "Nghị quyết Đại hội … nhiệm kỳ 2020-2025 đặt mục tiêu …"
_GOALS_SET_AFTER = re.compile(r"\s(?:đã\s)?(?:đặt\s(?:ra\s)?mục\stiêu|đề\sra\s(?:mục\stiêu|\d+\schỉ\stiêu)|"
                              r"thông\squa\s[Nn]ghị\squyết)")
_ADVERBIAL_BEFORE = re.compile(r"(?:[Tt]rong|[Cc]ả|[Tt]oàn|[Qq]ua)\s$")


#: the words of one sentence (a dot only between digits: "chợ 4.0")
_WORDS = r"(?:[^.;:\n]|(?<=\d)\.(?=\d))"
#: a time of day before a date: "tính đến 15h ngày 29/9"
_CLOCK = r"(?:\d{1,2}\s?(?:h|giờ)(?:\s?\d\d)?\s)?"

PERIOD_RE = re.compile(
    rf"""
      (?P<nm>\d{{1,2}})\stháng/(?P<nmy>{_Y})                                   # 02 tháng/2023
    | (?P<months>\d{{1,2}}|(?<![\w])(?:{_MONTH_COUNT}|[Nn]ăm(?=\stháng\sđầu\snăm)))\stháng\s(?P<mq>đầu\snăm|cuối\snăm|năm|qua|đầu|vừa\squa)
        (?:\s(?:năm\s)?(?P<my>{_Y})|\s(?P<mnow>nay))?
    | (?P<bare_months>\d{{1,2}}|(?<![\w])(?:{_MONTH_COUNT}))\stháng(?=\s(?:là|đạt|ước|tăng|giảm|thu|chi|của|qua|vừa|đầu|này|kết\snạp|giải\sngân|đón|thu\shút|trên\sđịa\sbàn|
        mới|chỉ|đã|cũng|vẫn)\b|,|\n|$)
    | (?P<late>(?:các|những)\stháng\scuối\snăm)
    | (?P<in_year>(?<=\s)trong\snăm|(?<![\w])Trong\snăm)(?!\s(?:19|20)\d\d|\snay|\s\d|\shọc\b)
    | (?P<half>[Nn]ửa\sđầu\snăm|[Nn]ửa\scuối\snăm)(?:\s(?P<hy>{_Y}))?
    | (?P<quarters>(?<![\w.,])[23]|(?<![\w])(?:[Hh]ai|[Bb]a))\squý(?:\s(?:đầu\s)?năm(?:\s(?P<qsy>{_Y}))?|\sđầu)?(?![\w/])
                                                                               # 3 quý đầu năm: the first 9 months
    | (?:(?:[Đđ]ến|[Tt]ính\sđến|[Tt]ới)\s(?:hết|cuối)\s|(?<![\w])[Hh]ết\s)quý\s(?P<bq>IV|III|II|I|[1-4])
        (?:(?:/|\snăm\s)(?P<bqy>{_Y}))?(?![\w/])                               # hết quý III: the first 9 months
    | [Qq]uý\s(?P<q>IV|III|II|I|[1-4])(?:(?:/|\snăm\s)(?P<qy>{_Y})|\snăm\snay)?(?![\w/])      # quý I năm nay
    | (?P<by_month>(?:(?:[Đđ]ến|[Tt]ính\sđến|[Tt]ới)\s(?P<bmw>hết\s|đầu\s|cuối\s|giữa\s)?|(?<![\w])[Hh]ết\s)tháng\s(?P<bmo>\d{{1,2}}))(?:/(?P<bmy>{_Y}))?(?![\d/-])
    | [Tt]háng\s(?P<mo>\d{{1,2}})(?:(?:/|\snăm\s)(?P<moy>{_Y})|\snăm\snay)?(?![\d/-])
    | (?P<term_half>[Nn]ửa\s(?:đầu\s)?nhiệm\skỳ|[Gg]iữa\snhiệm\skỳ)(?:\s(?P<th1>{_Y})\s?[-–]\s?(?P<th2>{_Y}))?
    | (?P<termword>[Nn]hiệm\skỳ|[Gg]iai\sđoạn|[Tt]hời\skỳ|[Kk]hóa|[Kk]hoá)?\s?(?P<t1>{_Y})\s?[-–]\s?(?P<t2>{_Y})
    | (?P<term_bare>(?<=\s)nhiệm\skỳ)(?=\s(?:đạt|là|ước|tăng|giảm)\b)          # "thu ngân sách nhiệm kỳ đạt …"
    | (?P<next_term>[Nn]hiệm\skỳ\s(?:tới|tiếp\stheo|mới))
    | (?P<prev_term>[Nn]hiệm\skỳ\s(?:vừa\squa|qua|trước))
    | (?P<term_word>[Tt]rong\snhiệm\skỳ|[Cc]ả\snhiệm\skỳ|(?<![Đđ]ến\s)(?<![Tt]ới\s)[Cc]uối\snhiệm\skỳ|[Tt]oàn\snhiệm\skỳ|toàn\skhóa|[Cc]ả\sgiai\sđoạn|[Tt]oàn\sgiai\sđoạn
        |[Tt]rong\sgiai\sđoạn\s(?:này|vừa\squa|qua))(?!\s?(?:19|20)\d\d|\s(?:tới|tiếp\stheo|mới)\b)
    | (?P<ytd_to>(?:[Ll]ũy\skế\s(?:từ\sđầu\snăm\s)?|[Tt]ừ\sđầu\snăm\s)(?:đến|tới)\s(?P<ytw>hết\s|cuối\s)?tháng\s(?P<ymo>\d{{1,2}})
        (?:/(?P<ymy>{_Y}))?)(?![\d/-])                                         # lũy kế từ đầu năm đến tháng 8/2022
    | (?P<from_to>[Tt]ừ\s(?:ngày\s)?(?P<fd>\d{{1,2}})[/-](?P<fm>\d{{1,2}})(?:[/-](?P<fdy>{_Y}))?\s(?:đến|tới)\s(?:hết\s)?(?:ngày\s)?
        (?:(?P<td>\d{{1,2}})[/-](?P<tm>\d{{1,2}})(?:[/-](?P<tdy>{_Y}))?|năm\s(?P<tny>{_Y})))(?![\d/-])  # từ ngày 1/7 đến 31/12/2025
    | (?P<since_day>(?:[Kk]ể\stừ\s(?:{_WORDS}{{0,100}}?[\s(])?|[Tt]ừ\s)(?:(?:ngày\s)?\d{{1,2}}[/-]\d{{1,2}}[/-]|năm\s)(?P<sdy>{_Y})\)?
        {_WORDS}{{0,160}}?\s(?:đến|tới)\s(?:nay|hiện\snay))(?![\w])      # "Kể từ ngày ra mắt (8/4/2022) …, đến nay"
    | (?<!kể\s)(?<!ra\s)(?<!giao\s)(?P<ytd>[Tt]ừ\sđầu\snăm(?:\s(?P<ytdy>{_Y}))?(?:\s(?:đến|tới)\s(?:nay|thời\sđiểm\snày))?|[Ll]ũy\skế\s(?:từ\sđầu\snăm)?(?!\s?(?:\d{{1,2}}|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười)\stháng|\s?quý)|
        [Tt]ính\sđến\s(?:hết\s)?{_CLOCK}(?:ngày\s)?\d{{1,2}}[/-]\d{{1,2}}(?:[/-](?P<ytdd>{_Y}))?|
        (?:[Đđ]ến|[Tt]ới)\sthời\sđiểm\s(?:hiện\stại|này|báo\scáo)|
        (?:cập\snhật|số\sliệu)(?:\s(?:đến|tới|tính\sđến))?\s(?:ngày\s)?\d{{1,2}}[/-]\d{{1,2}}(?:[/-](?P<ytdu>{_Y}))?|  # số liệu ngày 18/8/2024
        (?<!\d[ ])(?:[Đđ]ến|[Tt]ới|[Hh]ết)\s(?:hết\s)?{_CLOCK}(?:ngày\s)?\d{{1,2}}[/-]\d{{1,2}}(?:[/-](?P<ytde>{_Y}))?(?![\d/-])|  # đến (hết) ngày 25/9/2025
                                                                                 # (not "Từ ngày 14 đến 16/12/2016": a meeting's days)
        (?:[Tt]ính\sđến|[Đđ]ến|[Tt]ới|[Hh]ết)\s(?:hết\s)?{_CLOCK}ngày\s\d{{1,2}}\stháng\s\d{{1,2}}(?:\snăm\s(?P<ytdm>{_Y}))?|  # ngày 29 tháng 9
        [Tt]uần\s(?:thứ\s)?\d{{1,2}}(?:(?:/|\snăm\s)(?P<ytdw>{_Y}))?)                       # tuần 03 năm 2024
    | (?P<n>\d{{1,2}})\snăm\s?(?P<rel>vừa\squa|qua|tới|tiếp\stheo)
    | (?<![\w])(?:[Ss]au|[Qq]ua)\s(?P<since>\d{{1,2}})\snăm(?!\s(?:tới|nữa|sau|trước)\b)  # "Sau 20 năm", "qua 20 năm"
    | [Tt]rong\s(?P<n2>\d{{1,2}})\snăm(?!\s?(?:tới|tiếp\stheo|sau))
    | (?<![\w/.,])(?P<n5>\d)\snăm(?=\s(?:đạt|ước|là|thu|chi|tăng)\b)          # "tổng vốn đầu tư 5 năm đạt …"
    | (?P<annual>hằng\snăm|hàng\snăm|mỗi\snăm|/năm)
    | (?P<whole>[Cc]ả\snăm)(?:\s(?P<wy>{_Y})|\snay)?(?!\s(?:học|tài\schính)\b)      # cả năm 2023: the whole year
    | (?P<until>đến\snăm|tới\snăm|vào\snăm|đến\shết\snăm|Đến\snăm|Đến\shết\snăm)\s(?P<uy>{_Y})
    | (?P<year_end>(?:[Đđ]ến|[Tt]ới)\s(?:hết|cuối)\snăm)(?!\s?(?:\d|nay|học|tài|ngân))      # a goal for this year's end
    | [Tt]ừ\s(?:năm\s)?(?P<fy1>{_Y})\s(?:đến|tới)\s(?:hết\s)?(?:năm\s)?(?P<fy2>{_Y})      # "Từ năm 2020 đến năm 2025": the span
    | (?:năm|Năm)\s(?P<y>{_Y})(?!\s?[-–]\s?{_Y})                                    # not "5 năm 2021-2025"
    | (?P<this_school_year>[Nn]ăm\shọc\s(?:này|nay|mới))(?![\w])                  # the school year under way
    | (?P<past_school_year>[Nn]ăm\shọc\s(?:vừa\s)?qua)(?![\w])                     # the school year just ended
    | (?P<this_year>[Nn]ăm\snay)
    | (?<![\w/.,-])(?P<year_label>{_Y}):(?=\s?\d)                                    # "2003: 86 tỷ đồng → 2013: …"
    | (?<!\d[ ])(?<![Nn]hững[ ])(?<![Cc]ác[ ])(?<!nhiều[ ])(?P<past_year>[Nn]ăm\s(?:vừa\s)?qua|[Nn]ăm\sngoái|Năm\strước(?=,))(?![\w])  # "Năm qua, …": the year just ended
    """,
    re.VERBOSE,
)


_LABEL_RE = re.compile(
    r"(?P<y1>\d{4})(?:-(?:(?P<y2>\d{4})(?:-(?P<th>H1))?|(?P<h>H[12])|Q(?P<q>[1-4])|(?P<n>\d{1,2})M|(?P<m>\d{2})"
    r"|(?P<ytd>YTD)|last(?P<ln>\d{1,2})M))?"
)


@dataclass(frozen=True, order=True)
class Period:
    """The time a figure covers, parsed once from its label and printed once.

    ``start`` and ``end`` are the first and the last day covered; ``granularity`` says what kind of
    period the article named (a year, a half, a quarter, the first N months, one month, the year so
    far, a span of years, a party term); ``per_year`` marks a value that is a yearly rate over the
    span ("tăng bình quân 8%/năm"), not a total over it.

    >>> p = Period.parse("2024-9M"); p.start, p.end, p.granularity, p.months, str(p)
    (datetime.date(2024, 1, 1), datetime.date(2024, 9, 30), 'months', 9, '2024-9M')
    >>> [str(Period.parse(s)) for s in ("2023", "2024-H1", "2024-Q3", "2023-02", "2019-YTD", "2020-2024", "2020-2025-H1")]
    ['2023', '2024-H1', '2024-Q3', '2023-02', '2019-YTD', '2020-2024', '2020-2025-H1']
    >>> Period.parse("2024-9M").previous_year(), Period.parse("2024-H1").comparable(Period.parse("2023-H1"))
    (Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 9, 30), granularity='months', label='2023-9M', per_year=False), True)
    >>> Period.parse("2024-9M").comparable(Period.parse("2024-H1")), Period.parse("2016-2020").years
    (False, 5.0)
    >>> Period.parse("annual") is None, Period.parse("") is None
    (True, True)
    """

    start: date
    end: date
    granularity: str
    label: str
    per_year: bool = False

    @classmethod
    def parse(cls, label: str, per_year: bool = False, term: bool = False) -> Period | None:
        """A period from its normalised label (``2024-9M``, ``2020-2025``, ...), or None when there is none."""
        m = _LABEL_RE.fullmatch(label or "")
        if not m:
            return None
        y1 = int(m["y1"])
        if m["y2"]:
            y2 = int(m["y2"])
            if m["th"]:  # the first half of a term: its first half of the years
                return cls(date(y1, 1, 1), date(y1 + (y2 - y1 + 1) // 2 - 1, 12, 31), "half_term", label, per_year)
            return cls(date(y1, 1, 1), date(y2, 12, 31), "term" if term else "span", label, per_year)
        if m["h"]:
            first = 1 if m["h"] == "H1" else 7
            return cls(date(y1, first, 1), _month_end(y1, first + 5), "half", label, per_year)
        if m["q"]:
            first = 3 * int(m["q"]) - 2
            return cls(date(y1, first, 1), _month_end(y1, first + 2), "quarter", label, per_year)
        if m["n"]:
            n = int(m["n"])
            return cls(date(y1, 1, 1), _month_end(y1, min(n, 12)), "months", label, per_year) if 1 <= n <= 12 else None
        if m["m"]:
            mo = int(m["m"])
            return cls(date(y1, mo, 1), _month_end(y1, mo), "month", label, per_year) if 1 <= mo <= 12 else None
        if m["ytd"]:
            return cls(date(y1, 1, 1), date(y1, 12, 31), "ytd", label, per_year)
        if m["ln"]:
            n = int(m["ln"])
            return cls(date(y1, 13 - n, 1), date(y1, 12, 31), "last_months", label, per_year) if 1 <= n <= 12 else None
        return cls(date(y1, 1, 1), date(y1, 12, 31), "year", label, per_year)

    def __str__(self) -> str:
        return self.label

    @property
    def months(self) -> int:
        """How many calendar months the period covers."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def years(self) -> float:
        """How many years the period covers (a half is 0.5)."""
        return self.months / 12

    @property
    def full_years(self) -> bool:
        """Whether the period is made of whole calendar years (a year, a span, a term)."""
        return self.granularity in ("year", "span", "term")

    def comparable(self, other: Period) -> bool:
        """Periods of the same kind and length (a year and a year, 9 months and 9 months): values over
        them may be set side by side. A year-to-date figure has no fixed length and compares to nothing."""
        return (self.granularity == other.granularity != "ytd" and self.months == other.months
                and self.start.month == other.start.month and self.per_year == other.per_year)

    def previous_year(self) -> Period:
        """The same period a year earlier (the base of a "so với cùng kỳ" comparison)."""
        head, _, rest = self.label.partition("-")
        if self.granularity in ("span", "term", "half_term"):
            y1, _, tail = rest.partition("-")
            label = f"{int(head) - 1}-{int(y1) - 1}" + (f"-{tail}" if tail else "")
        else:
            label = f"{int(head) - 1}" + (f"-{rest}" if rest else "")
        prev = Period.parse(label, self.per_year, self.granularity == "term")
        assert prev is not None
        return prev


_ANNIVERSARY = re.compile(r"(\d\d)\snăm\s(?:ngày\s)?(?:thành\slập|chia\stách|tái\slập|xây\sdựng\svà\sphát\striển)")
_SPAN = re.compile(rf"({_Y})\s?[-–]\s?({_Y})")
_YEARS_SINCE = re.compile(r"(?<![\w])(?:[Ss]au|[Qq]ua)\s(\d\d)\snăm\b")


_COMPARED_WITH_YEAR = re.compile(rf"so\svới\snăm\s({_Y})")
_FOUNDED_IN = re.compile(rf"(?:thành\slập|chia\stách|tái\slập)\s(?:vào\s)?(?:ngày\s\d{{1,2}}[/-]\d{{1,2}}[/-]|"
                         rf"tháng\s\d{{1,2}}[/-]|năm\s)({_Y})")


def _founding(body: str, year: int | None) -> str:
    """The years since the founding an anniversary article looks back on: "kỷ niệm 20 năm thành lập (2003 – 2023)"
    -> ``2003-2023``; with no span of that length written, the N years up to the year reported on.

    >>> _founding("Quận Bình Tân kỷ niệm 20 năm thành lập (2003 – 2023)", 2023), _founding("20 năm chia tách", 2023)
    ('2003-2023', '2003-2023')
    >>> _founding("sau 5 năm thành lập", 2023), _founding("Đại hội nhiệm kỳ 2020-2025", 2023)
    ('', '')
    >>> _founding("Quận được thành lập ngày 23/1/1997. Kỷ niệm 25 năm thành lập quận", 2021)
    '1997-2021'
    >>> _founding("Sau 20 năm thành lập, năm 2023 tỉnh thu 3.000 tỷ đồng, gấp 12 lần so với năm 2004.", 2023)
    '2004-2023'

    """
    m = _ANNIVERSARY.search(body) if "năm" in body else None
    if m is None and ("thành lập" in body or "chia tách" in body):
        m = _YEARS_SINCE.search(body)  # "Sau 20 năm, …" in an article about a founding
    if m is None or int(m[1]) < 10:
        return ""
    n = int(m[1])
    span = next((f"{a[1]}-{a[2]}" for a in _SPAN.finditer(body) if int(a[2]) - int(a[1]) == n), "")
    # "được thành lập ngày 23/1/1997", or the base of a multiple that many years back ("gấp 12 lần so với năm 2004"):
    # from that year to the year reported on
    founded = _FOUNDED_IN.search(body) or next(
        (b for b in _COMPARED_WITH_YEAR.finditer(body) if year and abs(year - int(b[1]) - n) <= 1), None)
    if not span and founded and year and abs(year - int(founded[1]) - n) <= 1:
        return f"{founded[1]}-{year}"
    return span or (f"{year - n}-{year}" if year else "")


def _in_text(article: Article, span: tuple[int, int]) -> tuple[int, int]:
    """A span of :meth:`Article.body_text` (its lines joined by newlines) as offsets in the article's text."""
    at = 0
    for ln in article.body():
        if span[0] <= at + ln.end - ln.start:
            return ln.start + span[0] - at, ln.start + span[1] - at
        at += ln.end - ln.start + 1
    return -1, -1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


#: the year of a part of a year written with a slash: "quý I/2023", "tháng 3/2023", "6 tháng/2023"
_YEAR_OF_PART = re.compile(rf"(?:[Qq]uý\s(?:IV|III|II|I|[1-4])|[Tt]háng\s\d{{1,2}}|\d{{1,2}}\stháng)/({_Y})(?![\d/])")


@dataclass(frozen=True)
class ArticlePeriods:
    """What an article's own date and framing tell about its relative periods."""

    year: int | None  # the year the article reports on ("năm nay", "6 tháng đầu năm")
    pub_year: int | None
    pub_month: int | None
    term: str  # the term the article reviews ("nhiệm kỳ 2020-2025"), or ""
    future: str = ""  # the coming term or period the article sets goals for ("nhiệm kỳ 2025-2030", "5 năm tới")
    future_at: tuple[int, int] = (-1, -1)  # where the article names it (offsets in its text), for the evidence
    founding: str = ""  # an anniversary article's years since the founding ("20 năm thành lập (2003 – 2023)")

    @classmethod
    def of(cls, article: Article) -> ArticlePeriods:
        date_, _basis = find_date(article)
        body = article.body_text()
        pub_year = int(date_[:4]) if date_[:4].isdigit() else None
        pub_month = int(date_[5:7]) if pub_year and len(date_) >= 7 else None
        year = pub_year if pub_year and not (pub_month and pub_month <= 1) else reporting_year(body) or pub_year
        if year is None:  # an undated report of "quý I/2023", "tháng 3/2023": the year of its parts
            year = max((int(y) for y in _YEAR_OF_PART.findall(body)), default=None)
        found = list(_TERM.finditer(body))
        terms = [(int(m[1]), int(m[2])) for m in found]
        ref = pub_year or year or (max(t[0] for t in terms) if terms else None)
        # the coming term: one that starts now or later; the term reviewed: one that has ended by now,
        # or the one running now, or (for a congress opening a term) the one before it
        ahead_terms = [t for t in terms if ref is not None and t[0] >= ref and t[1] > ref]
        ended = [t for t in terms if ref is not None and t[1] <= ref]
        running = [t for t in terms if ref is not None and t[0] <= ref <= t[1] and t not in ahead_terms]
        future = "%d-%d" % ahead_terms[0] if ahead_terms else ""
        future_at = _in_text(article, found[terms.index(ahead_terms[0])].span()) if ahead_terms else (-1, -1)
        if ended or running:
            term = "%d-%d" % (ended or running)[-1]
        elif ahead_terms:
            a, b = ahead_terms[0]
            term = f"{a - (b - a)}-{a}"
        else:
            term = "%d-%d" % terms[0] if terms and ref is None else ""
        founding = _founding(body, year)
        ctx = cls(year, pub_year, pub_month, term, future, future_at, founding)
        ahead = _YEARS_AHEAD.search(body) if " năm tới" in body or " năm tiếp theo" in body else None
        end = ctx.last_complete_year()
        if ahead and end and not future:
            ctx = cls(year, pub_year, pub_month, term, f"{end + 1}-{end + int(ahead[1])}", _in_text(article, ahead.span()),
                      founding)
        return ctx

    def term_starts(self) -> set[str]:
        """The years a comparison "so với năm X" treats as the start of a term: the terms the article
        names, and the party calendar's (terms run 2015-2020, 2020-2025, 2025-2030: a term that runs in
        the reporting year, or ended in it, started in a year divisible by five).

        >>> sorted(ArticlePeriods(2024, 2024, 10, "").term_starts()), sorted(ArticlePeriods(2025, 2025, 8, "").term_starts())
        (['2020'], ['2020', '2025'])
        """
        starts = {t.split("-")[0] for t in (self.term, self.future) if t}
        if self.year:
            start = self.year - self.year % 5
            starts |= {str(start)} | ({str(start - 5)} if start == self.year else set())
        return starts

    def last_complete_year(self) -> int | None:
        """The last year an article looks back on: early in a year, the year before."""
        if self.pub_year is None:
            return self.year
        return self.pub_year - 1 if self.pub_month is not None and self.pub_month <= 6 else self.pub_year


_SPAN_IN_BRACKETS = re.compile(rf"(?:\s(?:vừa\s)?qua)?\s?\(({_Y})\s?[-–]\s?({_Y})\)")  # "Trong 5 năm qua (2020-2025)"
#: a bracketed span that spells out the time expression before it ("Năm năm qua (2020-2025), …"): it frames
#: what follows, unlike "(năm 2023)" after a figure
TIME_BEFORE_BRACKET = re.compile(r"(?:\bqua|\bnăm|nhiệm kỳ|giai đoạn|thành lập)\s?\($")
#: a crop season named before its years: "vụ Đông Xuân 2018-2019", "niên vụ 2017-2018"
_CROP_SEASON_BEFORE = re.compile(r"(?:\b[Vv]ụ\s(?:[Đđ]ông\s[Xx]uân|[Hh]è\s[Tt]hu|[Tt]hu\s[Đđ]ông|[Mm]ùa|lúa)|\b[Nn]iên\svụ)\s$")
#: a sentence that opens on a length of time, whose brackets then spell it out: "Sau 3 tháng vận hành mô hình chính quyền
#: hai cấp (từ ngày 1/7 đến ngày 30/9/2025), …" dates the sentence, not a figure before the brackets
_OPENING_SPAN = re.compile(r"\s*(?:[Ss]au(?:\shơn)?|[Qq]ua|[Tt]rong|[Gg]ần)\s(?:\d{1,2}|một|hai|ba|bốn|sáu|chín)\s"
                           r"(?:tháng|năm|quý)\b[^,;.()]*\($")


def _count(word: str) -> int:
    """A count of months written in digits or in words ("09", "Sáu")."""
    return int(word) if word.isdigit() else 5 if word.lower() == "năm" else _MONTH_COUNTS[word.lower()]


def _period(m: re.Match[str], ctx: ArticlePeriods) -> str:
    """A time expression's period label, by the kind of expression ("" when the article cannot say which year)."""
    for kind in (_months, _quarter_or_half, _to_date, _term, _span, _since):
        found = kind(m, ctx)
        if found is not None:
            return found
    return _whole_year_or_other(m, ctx)


def _months(m: re.Match[str], ctx: ArticlePeriods) -> str | None:
    """Months of a year ("9 tháng đầu năm 2024", "02 tháng/2023", "6 tháng cuối năm")."""
    ref = ctx.year
    year: int | str | None
    if m["bare_months"]:
        n = _count(m["bare_months"])
        return ("" if not ref or not 2 <= n <= 11 else f"{ref}-H1" if n == 6 else f"{ref}-Q1" if n == 3
                else f"{ref}-{n}M")
    if m["nm"]:  # "02 tháng/2023"; "3 tháng/2023" is the first quarter, "6 tháng/2023" the first half
        n = int(m["nm"])
        return f"{m['nmy']}-" + ("Q1" if n == 3 else "H1" if n == 6 else f"{n}M") if n != 12 else m["nmy"]
    if m["months"]:
        n, q = _count(m["months"]), m["mq"]
        year = int(m["my"]) if m["my"] else ref
        if year is None or not 1 <= n <= 12:
            return ""
        if q.startswith("cuối"):
            return f"{year}-Q4" if n == 3 else f"{year}-H2" if n == 6 else f"{year}-last{n}M"
        if n == 6:
            return f"{year}-H1"
        if n == 3 and q.startswith("đầu"):
            return f"{year}-Q1"
        if n == 12:
            return str(year)
        return f"{year}-{n}M"
    return None


def _quarter_or_half(m: re.Match[str], ctx: ArticlePeriods) -> str | None:
    """Quarters and halves ("3 quý đầu năm", "quý III", "6 tháng đầu năm" as a half), the year itself, its end."""
    ref = ctx.year
    year: int | str | None
    if m["quarters"]:
        year = m["qsy"] or ref
        return f"{year}-{'9M' if m['quarters'].lower() in ('3', 'ba') else 'H1'}" if year else ""
    if m["in_year"]:
        return str(ref) if ref else ""
    if m["late"]:
        return f"{ref}-Q4" if ref else ""
    if m["half"]:
        year = int(m["hy"]) if m["hy"] else ref
        return f"{year}-{'H1' if 'đầu' in m['half'] else 'H2'}" if year else ""
    if m["bq"]:  # "hết quý III/2025": everything up to the end of the quarter
        year, n = m["bqy"] or ref, 3 * int(QUARTER_NUMBER[m["bq"]])
        return (str(year) if n == 12 else f"{year}-{'Q1' if n == 3 else 'H1' if n == 6 else '9M'}") if year else ""
    if m["q"]:
        q = int(QUARTER_NUMBER[m["q"]])
        year = m["qy"] or _not_ahead(ref, 3 * q - 2, ctx)
        return f"{year}-Q{q}" if year else ""
    return None


def _not_ahead(year: int | None, month: int, ctx: ArticlePeriods) -> int | None:
    """The year of a part of a year named without its year that starts in ``month``: the article's, unless that part
    has not begun by the article's date ("Quý IV, …" said in January 2023: the last quarter of 2022)."""
    if year and year == ctx.pub_year and ctx.pub_month and month > ctx.pub_month:
        return year - 1
    return year


def _to_date(m: re.Match[str], ctx: ArticlePeriods) -> str | None:
    """Up to a month ("lũy kế đến tháng 8/2022", "tính đến 30/6") or one month ("tháng 9/2021")."""
    ref = ctx.year
    year: int | str | None
    if m["by_month"] or m["ytd_to"]:
        year = m["bmy"] or m["ymy"] or ctx.pub_year or ref
        if not year:
            return ""
        n = int(m["bmo"] or m["ymo"])
        if (m["bmw"] or "").strip() in ("đầu", "giữa") or not 1 <= n <= 12:
            return f"{year}-YTD"
        # "lũy kế từ đầu năm đến tháng 8/2022", "tính đến cuối tháng 9/2013": the first months of the year
        return str(year) if n == 12 else f"{year}-H1" if n == 6 else f"{year}-Q1" if n == 3 else f"{year}-{n}M"
    if m["mo"]:
        mo = int(m["mo"])
        year = m["moy"] or _not_ahead(ref, mo, ctx)
        return f"{year}-{mo:02d}" if year and 1 <= mo <= 12 else ""
    return None


def _term(m: re.Match[str], ctx: ArticlePeriods) -> str | None:
    """A term or its half ("nhiệm kỳ 2020-2025", "nửa đầu nhiệm kỳ"), the next or the last one, years spelled out."""
    ref = ctx.year
    year: int | str | None
    if m["term_half"]:
        term = f"{m['th1']}-{m['th2']}" if m["th1"] else ctx.term
        return f"{term}-H1" if term else ""
    if m["t1"] or m["fy1"]:  # "nhiệm kỳ 2020-2025", "từ năm 2020 đến năm 2025"
        first, last = (m["t1"], m["t2"]) if m["t1"] else (m["fy1"], m["fy2"])
        return f"{first}-{last}" if int(last) > int(first) else ""
    if m["next_term"]:
        return ctx.future
    if m["prev_term"]:
        return ctx.term
    if m["term_word"] and "giai" in m["term_word"]:  # "tổng thu cả giai đoạn": the span of years named last
        phases = list(_PHASE.finditer(m.string, max(0, m.start() - 2000), m.start()))
        if phases and int(phases[-1][2]) > int(phases[-1][1]):
            return f"{phases[-1][1]}-{phases[-1][2]}"
    if m["term_word"] or m["term_bare"]:
        return ctx.term
    return None


_PHASE = re.compile(rf"[Gg]iai\sđoạn\s({_Y})\s?[-–]\s?({_Y})")


def _from_to(m: re.Match[str], ctx: ArticlePeriods) -> str:
    """A time from one day to another ("từ ngày 1/7 đến 31/12/2025", "từ 1/7 đến hết năm 2025"; "từ ngày 1/7 đến 30/9"
    in the article's year): the half, the quarter, the month or the first months of the year it spans from a month's
    first day to a month's last; else the year so far."""
    said = m["tdy"] or m["tny"] or m["fdy"] or ctx.pub_year or ctx.year
    if not said:
        return ""
    year = int(said)
    first, last = int(m["fm"]), int(m["tm"] or 12)
    whole = int(m["fd"]) == 1 and (not m["td"] or 1 <= last <= 12 and int(m["td"]) == _month_end(year, last).day)
    n = last - first + 1
    if not whole or not 1 <= first <= last:
        return f"{year}-YTD"
    if first == 1:
        return str(year) if n == 12 else f"{year}-{'Q1' if n == 3 else 'H1' if n == 6 else f'{n}M'}"
    if n == 1:
        return f"{year}-{first:02d}"
    if n == 3 and first in (4, 7, 10):
        return f"{year}-Q{first // 3 + 1}"
    return f"{year}-H2" if (first, n) == (7, 6) else f"{year}-YTD"


def _span(m: re.Match[str], ctx: ArticlePeriods) -> str | None:
    """A running total ("từ đầu năm đến nay"), a span of years ("5 năm qua", "trong 5 năm (2016-2020)")."""
    ref = ctx.year
    year: int | str | None
    if m["from_to"]:
        return _from_to(m, ctx)
    if m["ytd"]:
        year = m["ytdy"] or m["ytdd"] or m["ytde"] or m["ytdm"] or m["ytdw"] or m["ytdu"] or ctx.pub_year or ref
        return f"{year}-YTD" if year else ""
    if m["n"] or m["n2"] or m["n5"]:
        n = int(m["n"] or m["n2"] or m["n5"])
        spelled = _SPAN_IN_BRACKETS.match(m.string, m.end(), m.end() + 16)
        if spelled and int(spelled[2]) - int(spelled[1]) in (n - 1, n):
            return f"{spelled[1]}-{spelled[2]}"  # "Trong 5 năm (2016-2020)": the years it names
        end = ctx.last_complete_year()
        if end is None:
            return ""
        if m["rel"] in ("tới", "tiếp theo"):
            return ctx.future or f"{end + 1}-{end + n}"
        if ctx.term and int(ctx.term[5:9]) - int(ctx.term[:4]) == n and int(ctx.term[5:9]) >= end:
            return ctx.term  # "5 năm qua" in a term review: the term
        return f"{end - n + 1}-{end}"
    return None


def _since(m: re.Match[str], ctx: ArticlePeriods) -> str | None:
    """The years since a founding or a term began ("Sau 20 năm, …" in an anniversary article)."""
    if m["since_day"]:  # a running total since a day: of that year, or the years since an earlier one
        first, now = int(m["sdy"]), ctx.pub_year or ctx.year
        return f"{first}-YTD" if not now or now <= first else f"{first}-{now}"
    ref = ctx.year
    year: int | str | None
    if m["since"]:  # "Sau 20 năm, …" in an anniversary article: the years since the founding
        n, end = int(m["since"]), ctx.year
        spelled = _SPAN_IN_BRACKETS.match(m.string, m.end(), m.end() + 16)
        if spelled and int(spelled[2]) - int(spelled[1]) in (n - 1, n):
            return f"{spelled[1]}-{spelled[2]}"  # "Sau 5 năm (2020 - 2025)"
        if ctx.founding and abs(int(ctx.founding[5:9]) - int(ctx.founding[:4]) - n) <= 1:
            return ctx.founding  # "Sau 25 năm" of a district founded in January 1997, said early in 2022
        if ctx.term and int(ctx.term[5:9]) - int(ctx.term[:4]) == n:
            return ctx.term
        return f"{end - n}-{end}" if end and n >= 10 else ""
    return None


def _school_year(past: bool, ctx: ArticlePeriods) -> str:
    """The school year under way ("Năm học này, …": one starts in September, so said in September 2025 it is
    2025-2026), or the last one ended by then (``past``, "Năm học vừa qua": one ends in June, so said in August 2013 it
    is 2012-2013)."""
    if not ctx.pub_year:
        return ""
    if past:
        end = ctx.pub_year - (1 if ctx.pub_month is not None and ctx.pub_month < 6 else 0)
        return f"{end - 1}-{end}"
    start = ctx.pub_year - (1 if ctx.pub_month is not None and ctx.pub_month < 8 else 0)
    return f"{start}-{start + 1}"


def _whole_year_or_other(m: re.Match[str], ctx: ArticlePeriods) -> str:
    """A whole year, a yearly rate, an end year, this year, else the year the expression names."""
    ref = ctx.year
    if m["whole"]:
        return m["wy"] or (str(ref) if ref else "")
    if m["annual"]:
        return "annual"
    if m["until"]:
        return m["uy"]
    if m["year_end"]:  # "phấn đấu đến cuối năm giải ngân đạt 95%": the whole of this year
        year = ctx.pub_year or ref
        return str(year) if year else ""
    if m["this_year"]:  # the year it is said in: "Năm nay, phường phấn đấu …" in January 2026 is 2026
        year = ctx.pub_year or ref
        return str(year) if year else ""
    if m["past_school_year"] or m["this_school_year"]:
        return _school_year(bool(m["past_school_year"]), ctx)
    if m["year_label"]:
        return m["year_label"]
    if m["past_year"]:  # "năm qua" late in a year is that year, early in one the year before; "năm ngoái" the year before
        end = ctx.last_complete_year()
        if m["past_year"].endswith(("ngoái", "trước")):  # "Năm trước, …" opening a sentence: the year before
            end = ctx.pub_year - 1 if ctx.pub_year else None
        return str(end) if end else ""
    return m["y"]


def period_marks(text: str, start: int, end: int, ctx: ArticlePeriods) -> list[tuple[int, str]]:
    """The ``(position, period)`` marks of :func:`scoped_marks`, without their scope."""
    return [(pos, p) for pos, p, _scope, _end in scoped_marks(text, start, end, ctx)]


def scoped_marks(text: str, start: int, end: int, ctx: ArticlePeriods) -> list[tuple[int, str, str, int]]:
    """``(position, period, scope, end)`` of every period expression: scope "clause" for a mark that dates
    only its own clause ("đến năm 2030"), "paren" for one in brackets after the figure it dates
    ("thứ 12 (năm 2023)"), "" for one that dates what follows it in the sentence.  Comparison bases
    and congress labels are left out.

    >>> ctx = ArticlePeriods(2024, 2024, 10, "2020-2025")
    >>> s = "9 tháng năm 2024; 6 tháng đầu năm; quý IV/2024; nhiệm kỳ 2020 - 2025; nửa nhiệm kỳ; năm 2023"
    >>> [p for _, p in period_marks(s, 0, len(s), ctx)]
    ['2024-9M', '2024-H1', '2024-Q4', '2020-2025', '2020-2025-H1', '2023']
    >>> s = "tăng 7,51% so với cùng kỳ năm 2022; từ đầu năm đến nay; tháng 02; 02 tháng/2023"
    >>> [p for _, p in period_marks(s, 0, len(s), ctx)]
    ['2024-YTD', '2024-02', '2023-2M']
    >>> old = ArticlePeriods(2017, 2021, 2, "")
    >>> [p for _, p in period_marks("Trong 5 năm vừa qua; 5 năm tới; trong 3 năm", 0, 44, old)]
    ['2016-2020', '2021-2025', '2018-2020']
    >>> congress = ArticlePeriods(2025, 2025, 8, "2020-2025", "2025-2030")
    >>> s = "Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025-2030. Nhiệm kỳ qua, thu tăng; đến năm 2030 đạt"
    >>> [p for _, p in period_marks(s, 0, len(s), congress)]
    ['2020-2025', '2030']
    >>> [(p, scope, text[a:b]) for text in ["thứ 12 (năm 2023); đến năm 2030 đạt"]
    ...  for a, p, scope, b in scoped_marks(text, 0, 35, congress)]
    [('2023', 'paren', 'năm 2023'), ('2030', 'clause', 'đến năm 2030')]
    """
    bases = None  # comparison bases and plan years: looked for once there is a period
    out: list[tuple[int, str, str, int]] = []
    named = ""  # the year of the last part of a year named with its year ("tháng 9/2021")
    said = ""  # the last year named ("Năm 2021", "Năm ngoái"), or the year of a part of a year named with it
    for m in scan(PERIOD_RE, _PERIOD_TRIGGER, text, start, end):
        if bases is None:
            bases = [(b.start(), b.end()) for b in BASE_RE.finditer(text, start, end)]
            bases += [(b.start(), b.end()) for b in scan(_PLAN_YEAR_RE, _PLAN_YEAR_TRIGGER, text, start, end)
                      if not _PLAN_TOPIC_BEFORE.search(text, max(0, b.start() - 16), b.start())]
        if any(b0 <= m.start() < b1 or b0 < m.end() <= b1 for b0, b1 in bases):
            continue
        if m["t1"] and _LABEL_BEFORE.search(text, max(start, m.start() - 70), m.start()) \
                and not _ADVERBIAL_BEFORE.search(text, max(start, m.start() - 8), m.start()) \
                and not _GOALS_SET_AFTER.match(text, m.end(), min(end, m.end() + 40)):
            continue  # "Đại hội … lần thứ I, nhiệm kỳ 2025-2030": the congress's name
        p = _of_plan_year(text, m, _period_after(m, ctx, named, said), start)
        if p and out and out[-1][1] == p and out[-1][3] >= m.start() - 8 and text[m.start() - 1:m.start()] == "(":
            continue  # "Trong 5 năm qua (2020-2025)": the brackets spell out the mark before them
        if p:
            out.append((m.start(), p, _scope(text, m, start), m.end()))
            with_year = bool(_YEAR_IN.search(m.group(0)) and _PART_OF_YEAR.fullmatch(p[5:]))
            named = p[:4] if with_year else named  # a part of a year named with its year: so are its parts after it
            said = p[:4] if with_year or len(p) == 4 else said
    return out


def _period_after(m: re.Match[str], ctx: ArticlePeriods, named: str, said: str = "") -> str:
    """:func:`_period` of a part of a year named without its year after one named with it (``named``): that
    year's ("Tháng 9/2021, … tăng 5%; tính chung 9 tháng tăng 3%": the 9 months of 2021); "cả năm" after a year
    named (``said``): that year ("Năm 2021, cả năm quận thu …")."""
    if m["whole"] and not m["wy"] and said:
        return said
    p = _period(m, ctx)
    if p and named and p.startswith(f"{ctx.year}-") and _PART_OF_YEAR.fullmatch(p[5:]) and not _YEAR_IN.search(
            m.group(0)):
        return named + p[4:]
    return p


_YEAR_IN = re.compile(_Y)
_PART_OF_YEAR = re.compile(r"H[12]|Q[1-4]|\d{1,2}M|\d\d")


#: a founding date: "được thành lập tháng 6/1981", "chia tách từ năm 2003", "ra đời ngày 1/4/1975"
_FOUNDED_BEFORE = re.compile(r"(?:thành\slập|chia\stách|tái\slập|ra\sđời|tách\sra)(?:\s(?:mới|lại|từ|vào|ngày|chính\sthức|"
                             r"quận|huyện|phường|xã|thị\sxã|thành\sphố|[A-ZĐ]\w*))*\s$")


_OPENS = re.compile(r"(?:^|[\n.]\s?)(?:Trong\s)?$")  # what may stand before a time that opens a sentence


def _of_plan_year(text: str, m: re.Match[str], period: str, start: int) -> str:
    """``period``, or the year of the plan a running total is counted against when it runs into the first months of
    the next year ("giải ngân vốn kế hoạch năm 2023 từ đầu năm đến ngày 31/1/2024 đạt 580.300 tỷ đồng": the 2023
    plan's disbursement, which the law lets run to 31 January).

    >>> t = "giải ngân vốn kế hoạch năm 2023 từ đầu năm đến ngày 31/1/2024 đạt"
    >>> [p for _, p in period_marks(t, 0, len(t), ArticlePeriods(2024, 2024, 2, ""))]
    ['2023', '2023']
    """
    if not period.endswith("-YTD"):
        return period
    day = _DAY_MONTH.search(m.group(0)) or _DAY_AHEAD.match(text, m.end())  # ("từ đầu năm" + "đến ngày 31/1/2024")
    plan = _PLAN_OF_YEAR.search(text, max(start, m.start() - 60), m.start())
    if day and plan and int(day[1]) <= 3 and int(plan[1]) + 1 == int(period[:4]):
        return plan[1]
    return period


_DAY_MONTH = re.compile(r"\d{1,2}[/-](\d{1,2})[/-](?:19|20)\d\d")
_DAY_AHEAD = re.compile(r"\s(?:đến|tới)\s(?:hết\s)?(?:ngày\s)?\d{1,2}[/-](\d{1,2})[/-](?:19|20)\d\d")
#: the year of the plan named right before a running total: "vốn đầu tư công kế hoạch năm 2023 từ đầu năm đến …"
_PLAN_OF_YEAR = re.compile(r"\bkế hoạch(?:\svốn)?(?:\s[^\W\d_]+){0,3}?\snăm\s((?:19|20)\d\d)\s(?:[^\W\d_]+\s){0,3}$")


def _scope(text: str, m: re.Match[str], start: int) -> str:
    """What a period expression dates (:func:`scoped_marks`): "paren" the figure before its brackets, "clause" its
    clause ("đến năm 2030", a month with no year), "founding" its sentence only (a founding date never frames
    the figures after it: "Quận được thành lập tháng 6/1981. …"), "" what follows it."""
    if text[max(start, m.start() - 1):m.start()] == "(" and text[m.end():m.end() + 1] == ")" \
            and not TIME_BEFORE_BRACKET.search(text, max(start, m.start() - 16), m.start()) \
            and not _OPENING_SPAN.match(text[start:m.start()]):
        return "paren"
    if m["until"] or m["year_end"] or m["mo"] and not m["moy"] and not _OPENS.search(text, max(0, m.start() - 8), m.start()):
        return "clause"  # (a month that opens its sentence frames what follows: "Tháng 10: Thu ngân sách đạt …")
    if m["t1"] and _CROP_SEASON_BEFORE.search(text, max(start, m.start() - 24), m.start()):
        return "clause"  # "Vụ Đông Xuân 2018-2019, toàn huyện gieo sạ …": a season's name, which frames nothing after it
    if not m["t1"] and _FOUNDED_BEFORE.search(text, max(start, m.start() - 50), m.start()):
        return "founding"
    return ""


def period_for(marks: list[tuple[int, str, str, int]], pos: int, clause: tuple[int, int] | None = None) -> str:
    """The nearest period before ``pos``, else the first after it in its clause, else "".

    A clause-scoped mark ("đến năm 2030") dates only the figures of its own clause; a bracketed one
    ("(năm 2023)") only the figure right before it.
    """
    return period_mark(marks, pos, clause)[0]


def period_mark(marks: list[tuple[int, str, str, int]], pos: int,
                clause: tuple[int, int] | None = None) -> tuple[str, int, int]:
    """:func:`period_for` with the span of the mark that decided it: ``(period, start, end)``, ``("", -1, -1)``."""
    c0, c1 = clause or (-1, 1 << 62)
    usable = [mk for mk in marks if mk[1] != "annual" and (mk[2] != "clause" or c0 <= mk[0] < c1)]
    paren = [mk for mk in usable if mk[2] == "paren" and 0 <= mk[0] - pos <= 25]
    if paren:
        return paren[0][1], paren[0][0], paren[0][3]
    before = [mk for mk in usable if mk[0] < pos and mk[2] != "paren"]
    after = [mk for mk in usable if pos <= mk[0] < c1 and mk[2] != "paren"]
    if before and (before[-1][0] >= c0 or not after):
        return before[-1][1], before[-1][0], before[-1][3]
    # the figure's own clause dates it before the sentence's frame: "Nhiệm kỳ 2025-2030, …; thu nhập
    # đạt 100 triệu đồng vào năm 2030"
    return (after[0][1], after[0][0], after[0][3]) if after else ("", -1, -1)
