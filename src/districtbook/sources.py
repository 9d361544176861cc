"""What the article says about itself: outlet, URL, publication date, districts, size.

Everything is read from the text; nothing is typed in per article.  Where the text does not
say (no outlet mark, no year in the dateline), the field says so ("không rõ" / a partial date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .articles import BOOK_MAX_ARTICLE_BYTES, Article, iter_articles
from .places import main_districts

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
_FULL_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")
_LEAD_DATE = re.compile(r"^(?:Sáng|Chiều|Trưa|Tối|Ngày|Đêm)\s+(?:ngày\s+)?(?P<d>\d{1,2})[-/](?P<m>\d{1,2})\b(?![-/]\d)")
#: a year that is a reporting year: not the end of a range, not a goal ("đến năm 2025")
_YEAR = re.compile(r"(?<![-–/\d])(?<![-–]\s)(?<!đến năm )(?<!tới năm )(?<!vào năm )(?<!đến )\b(?P<y>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")


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
    """``(outlet, url)`` from a "Nguồn X: URL" line, a URL, or an agency mark opening a paragraph."""
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
    return UNKNOWN, ""


def reporting_year(text: str) -> int | None:
    """The latest year the article reports on (goals and range ends left out).

    >>> reporting_year("năm 2023 ... nhiệm kỳ 2020-2025 ... định hướng đến năm 2030")
    2023
    """
    years = [int(m["y"]) for m in _YEAR.finditer(text)]
    return max(years) if years else None


def find_date(article: Article) -> tuple[str, str]:
    """``(iso_date, basis)``: a dateline, else the lead's day/month with the reporting year."""
    for line in article.furniture("dateline"):
        m = _FULL_DATE.search(line)
        if m:
            return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", "dateline"
    body = [article.text[ln.start:ln.end] for ln in article.body()]
    year = reporting_year("\n".join(body))
    for line in body[:4]:
        m = _LEAD_DATE.match(line)
        if m and year:
            return f"{year}-{int(m['m']):02d}-{int(m['d']):02d}", "lead day/month, year reported on"
    if year:
        return str(year), "year reported on"
    return UNKNOWN, "none"


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
        districts=tuple(main_districts(body)),
        words=len(body.split()),
        paragraphs=sum(1 for _ in article.body()),
    )


def sources(seeds: Path | str) -> list[Source]:
    return [describe(a) for a in iter_articles([seeds], BOOK_MAX_ARTICLE_BYTES)]
