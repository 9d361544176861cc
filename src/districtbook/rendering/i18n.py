"""Reader-facing sentences in two languages, from gettext message catalogues.

The templates live in ``locale/<lang>/LC_MESSAGES/districtbook.po`` (Babel reads them; no
compile step, no string tables in Python). A message is asked for by its key and filled with
``str.format`` fields; plurals go through ``ngettext`` (Vietnamese has one form, English two).
Periods are printed once, here, from the typed :class:`~districtbook.extraction.periods.Period`.

>>> text("vi", "period.months", n=9, year=2024), text("en", "period.months", n=9, year=2024)
('9 tháng năm 2024', 'the first 9 months of 2024')
>>> q3, half_term = Period.parse("2024-Q3"), Period.parse("2020-2025-H1")
>>> period_text(q3, "vi"), period_text(q3, "en"), period_text(half_term, "vi")
('quý III/2024', 'Q3 2024', 'nửa đầu nhiệm kỳ 2020-2025')
>>> plural("en", "count.years", 1), plural("en", "count.years", 3), plural("vi", "count.years", 3)
('1 year', '3 years', '3 năm')
"""
from __future__ import annotations

import re

import functools
from typing import Any
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from districtbook.extraction.periods import Period

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "districtbook"
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def has_catalogue(lang: str) -> bool:
    """Whether the package has a catalogue for the language."""
    return (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()


@functools.lru_cache(maxsize=4)
def translations(lang: str) -> Translations:
    """The edition's catalogue, read from its ``.po`` file and compiled in memory."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


def text(lang: str, key: str, **fields: object) -> str:
    """The message ``key`` of the edition, its ``{fields}`` filled in."""
    msg = translations(lang).gettext(key)
    if msg == key:
        raise KeyError(f"message {key!r} missing from the {lang} catalogue")
    return msg.format(**fields) if fields else msg


def plural(lang: str, key: str, n: float, **fields: object) -> str:
    """A counted message: ``{n}`` filled with the number in the edition's locale."""
    from districtbook.rendering.report import fmt_number

    msg = translations(lang).ngettext(key, key + ".plural", int(n) if float(n).is_integer() else 2)
    if msg in (key, key + ".plural"):
        raise KeyError(f"plural message {key!r} missing from the {lang} catalogue")
    return msg.format(n=fmt_number(n, lang), **fields)


def date_text(value: str, lang: str) -> str:
    """A publication date as a reader reads it: ``2023-04-06`` -> "6/4/2023" / "6 April 2023", ``2023-04`` ->
    "tháng 4/2023" / "April 2023"; a year stays a year, anything else is shown as it is.

    >>> date_text("2023-04-06", "vi"), date_text("2023-04-06", "en"), date_text("2023-04", "vi"), date_text("2024", "en")
    ('6/4/2023', '6 April 2023', 'tháng 4/2023', '2024')
    """
    m = _ISO_DATE.fullmatch(value or "")
    if not m:
        return value
    year, month, day = m["year"], m["month"], m["day"]
    if not month:
        return year
    name = text(lang, f"month.{int(month)}")
    if not day:
        return text(lang, "period.month", month=int(month), year=year, name=name)
    return text(lang, "date.day", day=int(day), month=int(month), year=year, name=name)


_ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def period_text(p: Period | None, lang: str, label: str = "") -> str:
    """A period as a reader reads it: ``2024-9M`` -> "9 tháng năm 2024" / "the first 9 months of 2024"; no period:
    its ``label`` as printed (a label that names no period the book knows), else "period unknown"."""
    if p is None:
        return text(lang, "period.unknown") if not label else str(label)
    y = p.start.year
    g = p.granularity
    if g == "year":
        return text(lang, "period.year", year=y)
    if g == "half":
        return text(lang, "period.h1" if p.start.month == 1 else "period.h2", year=y)
    if g == "quarter":
        q = (p.start.month - 1) // 3 + 1
        return text(lang, "period.quarter", q=q, roman=_ROMAN[q], year=y)
    if g == "months":
        return text(lang, "period.months", n=p.months, year=y)
    if g == "month":
        return text(lang, "period.month", month=p.start.month, year=y,
                    name=text(lang, f"month.{p.start.month}"))
    if g == "ytd":
        return text(lang, "period.ytd", year=y)
    if g == "last_months":
        return text(lang, "period.last_months", n=p.months, year=y)
    if g == "half_term":
        y1, y2 = p.label.split("-")[:2]
        return text(lang, "period.half_term", start=y1, end=y2)
    if g == "term":
        return text(lang, "period.term", start=y, end=p.end.year)
    return text(lang, "period.span", start=y, end=p.end.year)


def figure_period_text(row: Any, lang: str) -> str:
    """A figure's period (a row of the typed figure table: its ``when``, printed ``period`` label) as a reader reads it;
    a vote of confidence dated by half a term was taken at its mid-point ("giữa nhiệm kỳ 2020-2025"), not over it."""
    when = row["when"]
    if row.get("metric") == "confidence_votes" and when is not None and when.granularity == "half_term":
        start, end = when.label.split("-")[:2]
        return text(lang, "period.mid_term", start=start, end=end)
    return period_text(when, lang, str(row["period"]))
