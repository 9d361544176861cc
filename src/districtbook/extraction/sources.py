"""What the article says about itself: outlet, URL, publication date, districts, size.

Everything is read from the text; nothing is typed in per article.  Where the text does not
say (no outlet mark, no year in the dateline), the field says so ("không rõ" / a partial date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from districtbook.reading.articles import BOOK_MAX_ARTICLE_BYTES, Article, iter_articles
from districtbook.extraction.places import main_districts

#: Agency marks that open a lead ("TP - ...", "(HNM) - ...") and the outlets they stand for.
OUTLET_MARKS = {
    "TP": "Tiền Phong",
    "TTTĐ": "Tuổi trẻ Thủ đô",
    "HNM": "Hà Nội Mới",
    "KTĐT": "Kinh tế & Đô thị",
    "ANTĐ": "An ninh Thủ đô",
    "NDO": "Nhân Dân",
    "VOV.VN": "VOV",
    "Dân trí": "Dân trí",
    "PLO": "Pháp luật TP.HCM",
    "TTXVN": "TTXVN",
    "Chinhphu.vn": "Cổng TTĐT Chính phủ",
}
#: Web domains and the outlets they belong to.
OUTLET_DOMAINS = {
    "hanoimoi.vn": "Hà Nội Mới",
    "tienphong.vn": "Tiền Phong",
    "tuoitrethudo.vn": "Tuổi trẻ Thủ đô",
    "kinhtedothi.vn": "Kinh tế & Đô thị",
    "anninhthudo.vn": "An ninh Thủ đô",
    "nhandan.vn": "Nhân Dân",
    "vnexpress.net": "VnExpress",
    "tuoitre.vn": "Tuổi Trẻ",
    "thanhnien.vn": "Thanh Niên",
    "dantri.com.vn": "Dân trí",
}
UNKNOWN = "không rõ"

_MARK_RE = re.compile(
    r"^\(?(?P<mark>" + "|".join(re.escape(m) for m in sorted(OUTLET_MARKS, key=len, reverse=True)) + r")\)?\s*[-–]\s"
)
_SOURCE_RE = re.compile(r"^Nguồn\s+(?P<outlet>[^:]+?)\s*:\s*(?P<url>https?://\S+)")
_URL_RE = re.compile(r"https?://(?:www\.)?(?P<domain>[\w.-]+)/\S*")
#: "06/08/2025", "28.02.2023": \b(?P<d>\d{1,2})…, written digit first (\b as the look-behind after it) so that
#: the regex engine skips ahead to a digit instead of trying every character of a long lead
_FULL_DATE = re.compile(r"(?P<d>\d(?<!\w\d)\d?)([/.-])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d\d)\b")
_LEAD_DATE = re.compile(r"^(?:[A-ZĐ]{2,8}\s?[-–]\s?)?(?:Sáng|Chiều|Trưa|Tối|Ngày|Đêm)\s+(?:ngày\s+)?(?P<d>\d{1,2})[-/](?P<m>\d{1,2})\b(?![-/]\d)")
#: a lead that opens with the full date of what it reports: "Ngày 5/7/2024, …", "HNM - Sáng 12-10-2023, …"
_LEAD_FULL_DATE = re.compile(r"^(?:\(?[A-ZĐ]{2,8}\)?\s?[-–]\s?|(?P<mark>[^\W\d_]+(?:\s[^\W\d_]+){1,3})\s[-–]\s)?"
                             r"(?:Sáng|Chiều|Trưa|Tối|Ngày|Đêm|Hôm\snay)\s+(?:ngày\s+)?"
                             r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)\b")
#: a day with its year said early in the lead's first clause, set off by a comma: "Trao đổi với phóng viên chiều 28/6/2019,"
_LEAD_DAY_WITHIN = re.compile(r"\b(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối)\s+(?:ngày\s+)?(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})"
                              r"(?P=sep)(?P<y>(?:19|20)\d\d),")
#: a year that is a reporting year: not the end of a range, not a goal ("đến năm 2025")
_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)\b(?<![-–/\d]....)(?<![-–]\s....)(?<![đĐ]ến năm ....)(?<![tT]ới năm ....)"
                   r"(?<!vào năm ....)(?<!đến ....)(?<![^\W_]....)(?!\s*[-–]\s*\d)")  # the digits first: fast to scan


@dataclass(frozen=True)
class Source:
    doc: str
    title: str
    outlet: str
    url: str
    date: str  # ISO, as far as the text tells it: "2024-10-12", "2024"
    date_basis: str
    districts: tuple[str, ...]
    words: int
    paragraphs: int

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None


def find_outlet(article: Article) -> tuple[str, str]:
    """``(outlet, url)`` from a "Nguồn X: URL" line, a URL, an agency mark opening a paragraph, or a line that is the
    outlet's name ("Báo Lâm Đồng").

    >>> from districtbook.reading.articles import parse_article
    >>> find_outlet(parse_article("a.txt", "Đà Lạt thu ngân sách vượt dự toán\\nBáo Lâm Đồng\\nNăm 2012, thành phố thu 700 tỷ.".encode()))
    ('Báo Lâm Đồng', '')
    """
    for line in article.furniture("source"):
        m = _SOURCE_RE.match(line)
        if m:
            return m["outlet"], m["url"]
    for m in _URL_RE.finditer(article.text):
        if m["domain"] in OUTLET_DOMAINS:
            return OUTLET_DOMAINS[m["domain"]], m.group(0)
    for ln in article.body():
        m = _MARK_RE.match(article.text[ln.start:ln.end])
        if m:
            return OUTLET_MARKS[m["mark"]], ""
    named = article.furniture("outlet")  # a line that is the outlet's name: "Báo Lâm Đồng"
    return (named[0], "") if named else (UNKNOWN, "")


#: a month or a quarter of a year, written with a slash: "đến tháng 8/2022", "quý III/2023" (a date "30/11/2021" is not
#: read as a reporting year: a page's saved date is written so)
_MONTH_OF_YEAR = re.compile(r"\b(?:[Tt]háng|[Qq]uý)\s(?:\d{1,2}|[IV]{1,3})/(?P<y>(?:19|20)\d\d)\b")


def reporting_year(text: str, plans: bool = True) -> int | None:
    """The latest year the article reports on (goals and range ends left out); without ``plans``, also the years
    only named as the year of a plan being set (:data:`PLANNED_YEAR`), when another year is left.

    >>> reporting_year("năm 2023 ... nhiệm kỳ 2020-2025 ... định hướng đến năm 2030")
    2023
    >>> reporting_year("Trong năm 2021, … Lũy kế từ đầu năm đến tháng 8/2022, quận thu …"), reporting_year("ngày 30/11/2022, năm 2021")
    (2022, 2021)
    >>> reporting_year("tính đến ngày 15/12/2021, … gấp 2,3 lần so với năm 2020")
    2021
    >>> t = "Năm 2023, quận thu 900 tỷ đồng. Kỳ họp thông qua dự toán ngân sách năm 2024."
    >>> reporting_year(t), reporting_year(t, plans=False), reporting_year("đạt 98% kế hoạch năm 2024", plans=False)
    (2024, 2023, 2024)
    >>> reporting_year("6 tháng cuối năm 2025, phường thu 1.436 tỷ đồng. Năm 2026, phường phấn đấu thu 2.950 tỷ đồng.")
    2025
    >>> reporting_year("Tính đến ngày 15/11/2022, có 142 chợ … Mục tiêu đến hết năm 2025, 100% chợ thanh toán số.")
    2022
    """
    said = list(_YEAR.finditer(text))  # (read once: the years, the plans' and the goals' among them)
    # "Mục tiêu đến hết năm 2025" beside "Tính đến ngày 15/11/2022": a goal's year, when another year is left
    aimed = [bool(_GOAL_BEFORE.search(text, max(0, m.start() - 32), m.start())) for m in said]
    aims = [int(m["y"]) for m, aim in zip(said, aimed) if aim]
    said = [m for m, aim in zip(said, aimed) if not aim]
    years = [int(m["y"]) for m in said] + [int(m["y"]) for m in _MONTH_OF_YEAR.finditer(text)] \
        + [int(m["y"]) for m in _UP_TO_DAY.finditer(text)] or aims
    if not plans:
        planned = {m.start("y") for m in PLANNED_YEAR.finditer(text)}
        years = [int(m["y"]) for m in said if m.start("y") not in planned] or years
    goals = {int(m["y"]) for m in said if _GOAL_AFTER.match(text, m.end())}
    years = [y for y in years if y not in goals] or years  # "Năm 2026, phường phấn đấu thu …": a goal's year
    return max(years) if years else None


#: what makes the year before it a goal's: "Năm 2026, phường phấn đấu thu ngân sách 2.950 tỷ đồng"
_GOAL_AFTER = re.compile(r"[^.;\d]{0,40}?\b(?:phấn đấu|đặt mục tiêu|đề ra mục tiêu|dự kiến bố trí)\b")


#: what makes the year after it a goal's: "Mục tiêu đến hết năm 2025, 100% chợ …", "phấn đấu đến năm 2030"
_GOAL_BEFORE = re.compile(r"\b(?:[Mm]ục tiêu|[Pp]hấn đấu|[Đđ]ịnh hướng|[Tt]ầm nhìn)\s(?:[^\W\d]+\s){0,3}(?:năm\s)?$")


#: a running total's day ("tính đến ngày 15/12/2021"): a year reported on (not any day: a meeting's may come later)
_UP_TO_DAY = re.compile(r"\b(?:[Tt]ính\s)?(?:đến|tới)\s(?:hết\s)?ngày\s\d{1,2}[/-]\d{1,2}[/-](?P<y>(?:19|20)\d\d)\b")
#: the year of a plan being set, not one reported on: "thông qua kế hoạch đầu tư công năm 2024", "dự toán ngân sách
#: năm 2024", "nhiệm vụ năm 2024" (late in a year a council sets the next year's plan); not a plan a result is measured
#: against ("đạt 98% kế hoạch năm 2023", "hoàn thành kế hoạch năm 2023")
PLANNED_YEAR = re.compile(r"(?<!đạt )(?<!bằng )(?<!vượt )(?<!thành )(?<!% )(?<!so với )"
                           r"\b(?:kế hoạch|dự toán|nhiệm vụ|phương hướng)(?:\s[^\s\d.;,:]+){0,6}?\snăm\s(?P<y>(?:19|20)\d\d)\b")


_ISO_LEAD = re.compile(r"^\s*(?:date\s+)?(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?\b")
_MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_WORD_DATE = re.compile(r"(?P<d>\d(?<!\w\d)\d?)\sTháng\s(?P<m>Mười\s(?:Một|Hai)|[A-ZĐ][^\W\d]*)\s(?P<y>(?:19|20)\d\d)\b")
_WEEKDAY_DATE = re.compile(r"(?:Chủ\snhật|Thứ\s(?:hai|ba|tư|năm|sáu|bảy|Hai|Ba|Tư|Năm|Sáu|Bảy))[,\s]+(?:ngày\s)?\d{1,2}/\d{1,2}/\d{4}")
_TODAY = re.compile(r"\b(?:[Hh]ôm nay|[Ss]áng nay|[Cc]hiều nay|[Tt]ối nay)\s*\(?(?:ngày\s)?(?P<d>\d{1,2})[/-](?P<m>\d{1,2})\)?")


def find_date(article: Article) -> tuple[str, str]:
    """``(iso_date, basis)``: the date the article appeared, from its own text.

    Tried in order: a leading ISO date line ("date 2025-08-14", as archives store pages), a
    dateline or a date in the first lines ("14:43 | 06/08/2025", "Ngày 28/02/2023-15:22"),
    "hôm nay (22/6)" or a lead's day/month ("Sáng 12-10") with the year the article reports on.

    >>> from districtbook.reading.articles import parse_article
    >>> find_date(parse_article("a.txt", " date 2025-08-14 Sáng 14-8, đại hội...".encode()))
    ('2025-08-14', 'leading date line')
    >>> find_date(parse_article("b.txt", "Tiêu đề\\n14:43 | 06/08/2025\\nNgày 4/8, đại hội".encode()))
    ('2025-08-06', 'dateline')
    """
    m = _ISO_LEAD.match(article.text)
    if m:
        return "-".join(x for x in (m["y"], m["m"], m["d"]) if x), "leading date line"
    stamped = _stamped_date(article)
    for line in article.furniture("dateline"):
        m = _FULL_DATE.search(line)
        if m and _WEEKDAY_DATE.search(line) and _saved_after(article, int(m["y"])):
            continue  # "Chủ nhật 17/11/2024" over an article about 2022: the day the page was saved
        if m and stamped and not _CLOCK.search(line):
            return stamped, "dateline"  # "Hà Nội, ngày 24-09-2021" atop "20/07/2021 15:21": the site's today
        if m:
            return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", "dateline"
    # the first lines (a visitor counter's digits are not lines)
    for ln in islice((ln for ln in article.lines if ln.kind != "widget"), 8):
        line = article.text[ln.start:ln.end]
        w = _WORD_DATE.search(line)
        if w and w["m"].lower() in _MONTH_WORDS:  # "21 Tháng Bảy 2011"
            return f"{w['y']}-{_MONTH_WORDS[w['m'].lower()]:02d}-{int(w['d']):02d}", "dateline"
        if _WEEKDAY_DATE.search(line):
            continue  # "Chủ nhật 17/11/2024": the site's header shows today's date, not the article's
        m = _FULL_DATE.search(line)
        if m and ln.kind in ("title", "dateline", "byline", "widget", "image", "caption", "teaser") \
                or m and len(article.text[ln.start:ln.end]) < 80:
            return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", "dateline"
    return _lead_date([article.text[ln.start:ln.end] for ln in article.body()])


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def _stamped_date(article: Article) -> str:
    """The date of a time stamp in the first lines ("20/07/2021 15:21 | 0", "14:43 | 06/08/2025"): the moment the
    article was posted, which a site's header of the day it was viewed ("Hà Nội, ngày 24-09-2021") is not; "" if none.

    >>> from districtbook.reading.articles import parse_article
    >>> _stamped_date(parse_article("a.txt", "Hà Nội, ngày 24-09-2021\\nTiêu đề\\n20/07/2021 15:21 | 0\\nSáng 20-7".encode()))
    '2021-07-20'
    """
    for ln in islice(article.lines, 8):
        line = article.text[ln.start:ln.end]
        m = _FULL_DATE.search(line)
        if m and _CLOCK.search(line):
            return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    return ""


def _lead_date(body: list[str]) -> tuple[str, str]:
    """The date a lead opens with ("Ngày 5/7/2024, …"), or its day/month ("Sáng 12-10, …", "hôm nay (22/6)") in the
    year reported on (late in a year not the year of a plan being set: a year-end session sets next year's plan)."""
    for line in body[:4]:
        m = _LEAD_FULL_DATE.match(line)
        if m and (not m["mark"] or m["mark"].isupper()):
            # "Ngày 5/7/2024, Cục Thuế cho biết …", "AN GIANG - Ngày 20/8/2025, …": the day the lead reports is the article's
            return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", "lead date"
    m = next((d for line in body[:2] if (d := _LEAD_DAY_WITHIN.search(line[:70]))), None)  # (the title, the lead)
    if m:  # "Trao đổi với phóng viên chiều 28/6/2019, Phó Chủ tịch … cho biết": the day of the talk the lead reports
        return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", "lead date"
    joined = "\n".join(body)
    year = reporting_year(joined)
    for line in body[:4]:
        m = _LEAD_DATE.match(line) or _TODAY.search(line)
        if m and year:
            # late in a year the plan set is next year's (a year-end session); early in one, the plan is this year's
            # and the year reviewed the last ("Chiều 5/1, … tổng kết năm 2023, nhiệm vụ năm 2024": 2024)
            in_year = reporting_year(joined, plans=False) if int(m["m"]) >= 7 else year
            return f"{in_year}-{int(m['m']):02d}-{int(m['d']):02d}", "lead day/month, year reported on"
    if year:
        return str(year), "year reported on"
    return UNKNOWN, "none"


def _saved_after(article: Article, year: int) -> bool:
    """Whether a header date of ``year`` is two or more years after everything the article reports on."""
    reported = reporting_year(article.body_text())
    return reported is not None and year > reported + 1


def describe(article: Article) -> Source:
    outlet, url = find_outlet(article)
    date, basis = find_date(article)
    body = article.body_text()
    return Source(
        doc=article.name,
        title=article.title,
        outlet=outlet,
        url=url,
        date=date,
        date_basis=basis,
        districts=tuple(main_districts(article.frame_text(), article.title)),
        words=len(body.split()),
        paragraphs=sum(1 for _ in article.body()),
    )


def sources(seeds: Path | str) -> list[Source]:
    return [describe(a) for a in iter_articles([seeds], BOOK_MAX_ARTICLE_BYTES, quiet=True)]
