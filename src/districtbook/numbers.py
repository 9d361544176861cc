"""Vietnamese number grammar: ``.`` groups thousands, ``,`` is the decimal mark.

Babel's Vietnamese locale data agrees (``babel.numbers.get_decimal_symbol("vi") == ","``,
group symbol ``.``); a dot followed by anything but exactly three digits is read as an
English-style decimal point, which is what Vietnamese outlets mean when they slip.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .errors import DistrictbookError

#: one number as written: "2.511", "37.016", "11,69", "1.447,135", "07", "3.6"
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?!\.\d{3}\b)(?:\.\d{1,2}(?!\d))?"
NUMBER_RE = re.compile(NUMBER)

#: scale words and their factor; "nghìn tỷ" is handled as two words (1000 * 1e9)
SCALES = {"nghìn": Decimal(1000), "ngàn": Decimal(1000), "triệu": Decimal(10) ** 6,
          "tỷ": Decimal(10) ** 9, "tỉ": Decimal(10) ** 9}


class NumberError(DistrictbookError):
    """A string that is not a number in the Vietnamese convention."""


def parse_number(text: str) -> Decimal:
    """Read a number written the Vietnamese way.

    >>> [str(parse_number(s)) for s in ("2.511", "37.016", "11,69", "1.447,135", "07", "6.038,24", "3.6", "1.186")]
    ['2511', '37016', '11.69', '1447.135', '7', '6038.24', '3.6', '1186']
    >>> parse_number("1.2.3")
    Traceback (most recent call last):
    ...
    districtbook.numbers.NumberError: malformed number '1.2.3': expected digits with '.' between thousands and ',' before decimals
    """
    s = text.strip()
    if not re.fullmatch(NUMBER, s):
        raise NumberError(f"malformed number '{text}': expected digits with '.' between thousands and ',' before decimals")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits and one point
        raise NumberError(f"malformed number '{text}'") from None


def canonical(value: Decimal) -> str:
    """A canonical decimal string: ``.`` as decimal point, no grouping, and the precision the article
    printed ("89,0%" keeps its tenth: the value is 89.0, not 89).

    >>> canonical(Decimal("2511")), canonical(Decimal("89.0")), canonical(Decimal("-2.60")), canonical(Decimal("1E+3"))
    ('2511', '89.0', '-2.60', '1000')
    """
    q = value.normalize() if value.as_tuple().exponent > 0 else value
    s = format(q, "f")
    return "0" if s in ("-0", "0") else s


def scan(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    """``pattern.finditer(text, start, end)`` for a pattern whose every match starts where ``trigger``
    matches: the big pattern is tried only there (a many-branched pattern tried at every character
    is what made long articles slow).  Matches are leftmost and do not overlap, as with finditer.

    >>> [m.group(0) for m in scan(re.compile(r"năm \\d{4}|\\d+ tháng"), re.compile(r"năm|\\d"), "9 tháng năm 2024")]
    ['9 tháng', 'năm 2024']
    """
    end = len(text) if end is None else end
    pos = start
    while True:
        t = trigger.search(text, pos, end)
        if t is None:
            return
        m = pattern.match(text, t.start(), end)
        if m is not None and m.end() > m.start():
            yield m
            pos = m.end()
        else:
            pos = t.start() + 1
