"""Which revenue a figure is of, as its sentence says: "thu ngân sách nhà nước trên địa bàn" (all the state's revenue
collected in the place), "thu ngân sách quận" (the place's own budget, as the words read), or "thu ngân sách" alone.
Two places' revenue is compared only when their articles say the same (:func:`revenue_scope`)."""
from __future__ import annotations

import re

#: the revenue named before an amount: the last "thu ngân sách …" of the clause
_REVENUE = re.compile(r"[Tt]hu ngân sách(?P<word>(?:\s+[Nn]hà nước)?(?:\s+trên địa bàn)?(?:\s+(?:quận|huyện|thị xã|"
                      r"thành phố))?)")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")
#: what :func:`revenue_scope` can say ("": the article does not say)
SCOPES = ("state", "local", "")


def clause_before(text: str, start: int, reach: int = 160) -> str:
    """The words of ``text`` before ``start`` in the same clause (at most ``reach`` characters back)."""
    left = max(0, start - reach)
    chunk = text[left:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(chunk)), default=0)
    return chunk[cut:]


def revenue_word(text: str | None, start: int) -> str:
    """Which revenue an amount is: "ngân sách nhà nước trên địa bàn", "ngân sách quận", "ngân sách nhà nước"
    (the words after "thu" before the figure, in its sentence)."""
    if not text:
        return ""
    found = list(_REVENUE.finditer(clause_before(text, start, 200)))
    if not found:
        return ""
    word = ("ngân sách" + found[-1]["word"]).replace("Nhà nước", "nhà nước")
    return re.sub(r"(trên địa bàn) \S+$", r"\1", word)  # "trên địa bàn quận Ba Đình": the place is the sentence's subject


def revenue_scope(text: str | None, start: int) -> str:
    """What the revenue a figure is of covers, as its sentence says: ``"state"`` ("thu ngân sách nhà nước", "… trên
    địa bàn": all the state's revenue collected in the place), ``"local"`` ("thu ngân sách quận": the place's own
    budget, as the words read), ``""`` ("thu ngân sách" alone: not said).  Two places' revenue is compared only when
    their articles say the same.

    >>> t = "thu ngân sách nhà nước trên địa bàn đạt 4.870 tỷ đồng; thu ngân sách quận đạt 1.647 tỷ; Thu ngân sách đạt 2.511 tỷ"
    >>> revenue_scope(t, t.index("4.870")), revenue_scope(t, t.index("1.647")), revenue_scope(t, t.index("2.511"))
    ('state', 'local', '')
    """
    return scope_of(revenue_word(text, start))


def scope_of(word: str) -> str:
    """:func:`revenue_scope` of the words :func:`revenue_word` read ("ngân sách nhà nước trên địa bàn": ``"state"``)."""
    if "nhà nước" in word or "trên địa bàn" in word:
        return "state"
    return "local" if re.search(r"\b(?:quận|huyện|thị xã|thành phố)$", word) else ""
