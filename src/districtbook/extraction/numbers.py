"""Vietnamese number grammar: ``.`` groups thousands, ``,`` is the decimal mark.

Babel's Vietnamese locale data agrees (``babel.numbers.get_decimal_symbol("vi") == ","``,
group symbol ``.``); a dot followed by anything but exactly three digits is read as an
English-style decimal point, which is what Vietnamese outlets mean when they slip.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from districtbook.base.errors import DistrictbookError

#: one number as written: "2.511", "37.016", "11,69", "1.447,135", "07", "3.6"
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?!\.\d{3}\b)(?:\.\d{1,2}(?!\d))?"
NUMBER_RE = re.compile(NUMBER)
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")

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
    districtbook.extraction.numbers.NumberError: malformed number '1.2.3': expected digits with '.' between thousands and ',' before decimals
    """
    s = text.strip()
    if not NUMBER_RE.fullmatch(s):
        raise NumberError(f"malformed number '{text}': expected digits with '.' between thousands and ',' before decimals")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif _GROUPED.fullmatch(s):
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
    exponent = value.as_tuple().exponent
    q = value.normalize() if isinstance(exponent, int) and exponent > 0 else value
    s = format(q, "f")
    return "0" if s in ("-0", "0") else s


_LETTER = r"[^\W\d_]"


def trigger(words, digit: str | None = None, *, before: str | tuple[str, ...] = _LETTER, after: str = "",
            bare: tuple[str, ...] = (), tails: dict[str, str] | None = None) -> re.Pattern[str]:
    """A fast :func:`scan` trigger: one of ``words`` (literal strings, each case written out) where
    ``before`` does not match the character before it (or none of several fixed-length ``before`` patterns
    the text before it) and ``after`` (if given) does not match what follows it, followed by the pattern ``tails[word]`` if there is one; or one of the literal strings
    ``bare``, anywhere; or an ASCII digit followed by the pattern ``digit`` (``{d}`` stands for the digit).

    Written so that every branch starts with a literal character: Python's regex engine then skips
    ahead to the next possible first character instead of trying the whole pattern at every position
    (a look-behind first, as in ``(?<!x)(?:word|…)``, defeats that and is about four times slower).
    The ``before`` guard comes after the word, so that it is tested only where the word is.  A tail
    says what must follow a common word for the big pattern to match there ("các" only before a
    level word): every position the trigger finds costs a try of the big pattern, in Python.

    >>> t = trigger(["Năm", "năm", "tháng"], r"(?<!\\d{d})", after=_LETTER, bare=("/năm",), tails={"tháng": r"\\s\\d"})
    >>> [m.group(0) for m in t.finditer("trong năm 2024, mười tháng, thángg 10, 12%/năm, namnăm, tháng 5")]
    ['năm', '2', '1', '1', '/năm', 'tháng 5']
    """
    tails = tails or {}
    by_first: dict[str, list[str]] = {}
    for w in dict.fromkeys(words):
        by_first.setdefault(w[0], []).append(w)
    not_after = f"(?!{after})" if after else ""
    alts = []
    for c, ws in by_first.items():
        rests = []
        for w in sorted(ws, key=lambda w: (-len(w), w)):
            guard = "".join(f"(?<!{b}{re.escape(w)})" for b in ((before,) if isinstance(before, str) else before) if b)
            tail = f"(?:{tails[w]})" if w in tails else ""
            rests.append(f"{re.escape(w[1:])}{guard}{not_after}{tail}")
        alts.append(f"{re.escape(c)}(?:{'|'.join(rests)})")
    alts += [re.escape(b) for b in bare]
    if digit is not None:
        alts += [d + digit.format(d=d) for d in "0123456789"]
    return re.compile("|".join(alts))


def cases(*words: str) -> list[str]:
    """Each word as written and with its first letter upper-cased: ``cases("năm")`` -> ``["năm", "Năm"]``."""
    return [v for w in words for v in dict.fromkeys((w, w[:1].upper() + w[1:]))]


def scan(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str, start: int = 0, end: int | None = None,
         until: int | None = None):
    """``pattern.finditer(text, start, end)`` for a pattern whose every match starts where ``trigger``
    matches: the big pattern is tried only there (a many-branched pattern tried at every character
    is what made long articles slow).  Matches are leftmost and do not overlap, as with finditer.
    With ``until``, only the matches that start before it (they may run past it).

    >>> [m.group(0) for m in scan(re.compile(r"năm \\d{4}|\\d+ tháng"), re.compile(r"năm|\\d"), "9 tháng năm 2024")]
    ['9 tháng', 'năm 2024']
    """
    end = len(text) if end is None else end
    pos = start
    while True:
        t = trigger.search(text, pos, end)
        if t is None or until is not None and t.start() >= until:
            return
        m = pattern.match(text, t.start(), end)
        if m is not None and m.end() > m.start():
            yield m
            pos = m.end()
        else:
            pos = t.start() + 1
