"""Skip a regex search that cannot match: the literal words every match of a pattern must contain.

The metric families are ~75 case-insensitive patterns searched in the words before every figure; a
case-insensitive pattern gets no fast literal scan from Python's regex engine, which tries it at
every position.  :func:`required` reads a pattern's parse tree and returns strings (lower-cased) of
which every match contains at least one; a window that contains none of them is skipped with a
substring test, which is exact: the prefilter only ever skips searches that would have found nothing.

>>> sorted(required(re.compile(r"[Tt]hu ngân sách|(?:tổng )?chi (?:cân đối )?ngân sách", re.I)))
['ngân sách', 'thu ngân sách']
>>> sorted(required(re.compile(r"vốn đầu tư nước ngoài|khu vực FDI", re.I)))
['khu vực fdi', 'vốn đầu tư nước ngoài']
>>> required(re.compile(r"\\d+|x?", re.I)) is None  # a branch with no literal: nothing can be skipped
True
>>> p = re.compile(r"thu nội địa", re.I)
>>> could_match(required(p), lowered("Tổng THU NỘI ĐỊA đạt")), could_match(required(p), lowered("chi thường xuyên"))
(True, False)
"""
from __future__ import annotations

import functools
import re
from typing import Any
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the parse tree of a compiled pattern (stable since 3.11)

_EXOTIC: re.Pattern[str] | None
try:  # characters that match a letter under re.IGNORECASE although str.lower() does not map them to it
    from re._casefix import _EXTRA_CASES
    _EXOTIC = re.compile("[" + re.escape("".join(sorted({chr(c) for k, v in _EXTRA_CASES.items() for c in (k, *v)
                                                         if c > 0x7F} | {"\u0130"}))) + "]")
except ImportError:  # pragma: no cover - another Python: treat every non-ASCII letter with care
    _EXOTIC = None

_LITERAL, _IN, _BRANCH, _SUBPATTERN = sre_parse.LITERAL, sre_parse.IN, sre_parse.BRANCH, sre_parse.SUBPATTERN
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None))


def _char(op: object, av: Any) -> str | None:
    """The one lower-case character a LITERAL or a class like ``[Tt]`` stands for, else None."""
    if op is _LITERAL:
        return chr(av).lower()
    if op is _IN and av and all(o is _LITERAL for o, _ in av):
        chars = {chr(a).lower() for _, a in av}
        return chars.pop() if len(chars) == 1 else None
    return None


def _best(cands: list[frozenset[str] | None]) -> frozenset[str] | None:
    """Of several requirements that all hold, the most selective: the longest shortest string."""
    found = [c for c in cands if c and all(c)]
    return max(found, key=lambda c: (min(map(len, c)), -len(c))) if found else None


def _seq(items: Any) -> frozenset[str] | None:
    cands: list[frozenset[str] | None] = []
    run: list[str] = []
    for op, av in items:
        ch = _char(op, av)
        if ch is not None:
            run.append(ch)
            continue
        if run:
            cands.append(frozenset({"".join(run)}))
            run = []
        if op is _SUBPATTERN:
            cands.append(_seq(av[-1]))
        elif op is _BRANCH:
            alts = [_seq(b) for b in av[1]]
            cands.append(None if any(a is None for a in alts) else frozenset().union(*(a for a in alts if a)))
        elif op in _REPEATS and av[0] >= 1:
            cands.append(_seq(av[2]))
    if run:
        cands.append(frozenset({"".join(run)}))
    return _best([c for c in cands if c is not None])


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None if unknown."""
    return _seq(sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE))


def lowered(text: str) -> str | None:
    """``text`` lower-cased for :func:`could_match`, or None when it holds a character that
    case-insensitive matching treats specially (then nothing is skipped)."""
    if _EXOTIC is None or _EXOTIC.search(text):
        return None
    return text.lower()


def could_match(factors: frozenset[str] | None, text_lower: str | None) -> bool:
    """False only when no match is possible: none of the required strings is in the text."""
    return factors is None or text_lower is None or any(map(text_lower.__contains__, factors))


_AT = sre_parse.AT


def _at_edge(items: Any, edge: int, at: object) -> bool:
    """Whether every match of a parse tree has the position ``at`` (``^`` or ``$``) at its ``edge`` (0: its
    first item, -1: its last)."""
    if not items:
        return False
    op, av = items[edge]
    if op is _AT:
        return av is at
    if op is _SUBPATTERN:
        return _at_edge(av[-1], edge, at)
    if op is _BRANCH:
        return all(_at_edge(b, edge, at) for b in av[1])
    return False


def any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does (each keeps its own flags)."""
    def scoped(p: re.Pattern[str]) -> str:
        return f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})"
    return re.compile("|".join(map(scoped, patterns)))


class EndSearch:
    """``pattern.search(text)`` for a pattern whose every match ends at the end of the text (``$``) and
    is at most ``width`` characters long: only the last ``width + 1`` characters are searched (``$`` also
    matches before a final newline).  Look-behinds and ``\\b`` still see the characters before.

    >>> EndSearch(re.compile(r"(?<!dân )\\bsố\\s$")).search("Chỉ thị số "), EndSearch(re.compile(r"\\bsố\\s$")).search("x")
    (<re.Match object; span=(8, 11), match='số '>, None)
    >>> EndSearch(re.compile(r"số\\s"))
    Traceback (most recent call last):
    ...
    ValueError: not every match of 'số\\\\s' ends with $, or its matches have no bounded length
    """

    __slots__ = ("pattern", "back")

    def __init__(self, pattern: re.Pattern[str]):
        tree = sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
        longest = tree.getwidth()[1]
        if longest >= sre_parse.MAXREPEAT or not _at_edge(tree, -1, sre_parse.AT_END):
            raise ValueError(f"not every match of {pattern.pattern!r} ends with $, or its matches have no bounded length")
        self.pattern, self.back = pattern, longest + 1

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text, max(0, len(text) - self.back))


def anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` starts at the beginning of the text (each branch opens with ``^``,
    no MULTILINE): ``pattern.match`` then finds what ``pattern.search`` does, without trying every position.

    >>> anchored(re.compile(r"^hộ nghèo|^(?:hộ|gia đình)\\b")), anchored(re.compile(r"^hộ|nghèo"))
    (True, False)
    """
    tree = sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    return not pattern.flags & re.MULTILINE and _at_edge(tree, 0, sre_parse.AT_BEGINNING)
