"""Periods, normalised: "9 tháng năm 2024" -> ``2024-9M``, "6 tháng đầu năm 2024" -> ``2024-H1``,
"quý IV/2024" -> ``2024-Q4``, "năm 2023" -> ``2023``, "nhiệm kỳ 2020-2025" -> ``2020-2025``,
"nửa đầu nhiệm kỳ 2020-2025" -> ``2020-2025-H1``, "trong 5 năm vừa qua" -> the five years before the
article (from its date), "5 năm tới" -> the five years from it.

A figure takes the nearest period written before it in its sentence, else the first one after
it, else the period carried from earlier sentences of the paragraph, else the year the article
reports on.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .articles import Article
from .sources import find_date, reporting_year

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?:19|20)\d\d"

PERIOD_RE = re.compile(
    rf"""
      (?P<months>\d{{1,2}})\stháng\s(?P<mq>đầu\snăm|cuối\snăm|năm|qua|đầu|vừa\squa)(?:\s(?:năm\s)?(?P<my>{_Y}))?
    | (?P<half>nửa\sđầu\snăm|nửa\scuối\snăm)(?:\s(?P<hy>{_Y}))?
    | [Qq]uý\s(?P<q>IV|III|II|I|[1-4])(?:/|\snăm\s)(?P<qy>{_Y})
    | (?P<term_half>[Nn]ửa\s(?:đầu\s)?nhiệm\skỳ|[Gg]iữa\snhiệm\skỳ)(?:\s(?P<th1>{_Y})\s?[-–]\s?(?P<th2>{_Y}))?
    | (?:nhiệm\skỳ|giai\sđoạn)\s(?P<t1>{_Y})\s?[-–]\s?(?P<t2>{_Y})
    | (?P<term_word>[Tt]rong\snhiệm\skỳ|cả\snhiệm\skỳ|toàn\skhóa)
    | (?P<n>\d{{1,2}})\snăm\s?(?P<rel>vừa\squa|qua|tới|tiếp\stheo)
    | [Tt]rong\s(?P<n2>\d{{1,2}})\snăm
    | (?P<annual>hằng\snăm|hàng\snăm|mỗi\snăm|/năm)
    | (?:năm|Năm)\s(?P<y>{_Y})
    """,
    re.VERBOSE,
)


#: granularities of a :class:`Period`, and how many months a label of each kind covers
GRANULARITIES = ("year", "half", "quarter", "months", "month", "ytd", "span", "term", "half_term", "last_months")
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


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class ArticlePeriods:
    """What an article's own date and framing tell about its relative periods."""

    year: int | None  # the year the article reports on
    pub_year: int | None
    pub_month: int | None
    term: str  # the first "nhiệm kỳ A-B" of the article, or ""
    future: str = ""  # the coming period the article sets goals for ("5 năm tới"), or ""

    @classmethod
    def of(cls, article: Article) -> ArticlePeriods:
        date, _basis = find_date(article)
        body = article.body_text()
        pub_year = int(date[:4]) if date[:4].isdigit() else None
        pub_month = int(date[5:7]) if pub_year and len(date) >= 7 else None
        m = re.search(rf"nhiệm kỳ ({_Y})\s?[-–]\s?({_Y})", body)
        ctx = cls(reporting_year(body), pub_year, pub_month, f"{m[1]}-{m[2]}" if m else "")
        ahead = re.search(r"(\d{1,2}) năm (?:tới|tiếp theo)", body)
        end = ctx.last_complete_year()
        if ahead and end:
            ctx = cls(ctx.year, pub_year, pub_month, ctx.term, f"{end + 1}-{end + int(ahead[1])}")
        return ctx

    @property
    def default(self) -> str:
        """For a figure with no period of its own: the last year complete when the article appeared."""
        year = self.last_complete_year()
        return str(year) if year else ""

    def last_complete_year(self) -> int | None:
        """The last year an article looks back on: early in a year, the year before."""
        if self.pub_year is None:
            return self.year
        return self.pub_year - 1 if self.pub_month is not None and self.pub_month <= 3 else self.pub_year


def _period(m: re.Match[str], ctx: ArticlePeriods) -> str:
    ref = ctx.year
    if m["months"]:
        n, q = int(m["months"]), m["mq"]
        year = int(m["my"]) if m["my"] else ref
        if year is None:
            return ""
        if q.startswith("cuối"):
            return f"{year}-Q4" if n == 3 else f"{year}-last{n}M"
        if n == 6 or q.startswith("đầu") and n == 6:
            return f"{year}-H1"
        if n == 3 and q.startswith("đầu"):
            return f"{year}-Q1"
        return f"{year}-{n}M"
    if m["half"]:
        year = int(m["hy"]) if m["hy"] else ref
        return f"{year}-{'H1' if 'đầu' in m['half'] else 'H2'}" if year else ""
    if m["q"]:
        return f"{m['qy']}-Q{_ROMAN[m['q']]}"
    if m["term_half"]:
        term = f"{m['th1']}-{m['th2']}" if m["th1"] else ctx.term
        return f"{term}-H1" if term else ""
    if m["t1"]:
        return f"{m['t1']}-{m['t2']}"
    if m["term_word"]:
        if ctx.term:
            return ctx.term
        end = ctx.last_complete_year()
        return f"{end - 4}-{end}" if end else ""
    if m["n"] or m["n2"]:
        n = int(m["n"] or m["n2"])
        end = ctx.last_complete_year()
        if end is None:
            return ""
        if m["rel"] in ("tới", "tiếp theo"):
            return f"{end + 1}-{end + n}"
        return f"{end - n + 1}-{end}"
    if m["annual"]:
        return "annual"
    return m["y"]


def period_marks(text: str, start: int, end: int, ctx: ArticlePeriods) -> list[tuple[int, str]]:
    """``(position, period)`` of every period expression in ``text[start:end]``.

    >>> ctx = ArticlePeriods(2024, 2024, 10, "2020-2025")
    >>> s = "9 tháng năm 2024; 6 tháng đầu năm; quý IV/2024; nhiệm kỳ 2020 - 2025; nửa nhiệm kỳ; năm 2023"
    >>> [p for _, p in period_marks(s, 0, len(s), ctx)]
    ['2024-9M', '2024-H1', '2024-Q4', '2020-2025', '2020-2025-H1', '2023']
    >>> old = ArticlePeriods(2017, 2021, 2, "")
    >>> [p for _, p in period_marks("Trong 5 năm vừa qua; 5 năm tới; trong 3 năm", 0, 44, old)]
    ['2016-2020', '2021-2025', '2018-2020']
    """
    out = []
    for m in PERIOD_RE.finditer(text, start, end):
        p = _period(m, ctx)
        if p:
            out.append((m.start(), p))
    return out


def period_for(marks: list[tuple[int, str]], pos: int) -> str:
    """The nearest period before ``pos``, else the first after it, else ""."""
    before = [p for s, p in marks if s < pos and p != "annual"]
    if before:
        return before[-1]
    after = [p for s, p in marks if s >= pos and p != "annual"]
    return after[0] if after else ""
