"""The words an article used for a figure, read from its text: the sentence keeps them (house style,
``locale/STYLE.md``: the quote is the source of the word).

A plan is a "dự toán", a "kế hoạch" or a "chỉ tiêu thành phố giao" as the article says; revenue is "thu ngân sách nhà
nước trên địa bàn" or "thu ngân sách quận"; "từ 90 đảng viên trở lên" stays "từ … trở lên"; a vote of confidence
says whose it is. Each reader returns ``""`` when the article does not say, and the sentence then uses the house
word of the catalogue.

>>> t = "Thu ngân sách nhà nước trên địa bàn quận ước đạt 4.870 tỷ đồng, bằng 78% dự toán năm, tăng 6,4%."
>>> plan_word(t, t.index("78%") + 3), revenue_word(t, t.index("4.870"))
('dự toán năm', 'ngân sách nhà nước trên địa bàn')
>>> t = "mỗi năm kết nạp mới từ 90 đảng viên trở lên."
>>> or_more(t, t.index("90"), t.index("90") + 12)
True
"""
from __future__ import annotations

import re

from districtbook.analysis.revenue import clause_before, revenue_word

#: the plan a percentage is measured against, as printed right after it ("89% kế hoạch năm", "101% chỉ tiêu thành
#: phố giao", "104,2% dự toán thành phố giao")
_PLAN = re.compile(r"\s*(?:so với\s+)?(?P<word>(?:dự toán|kế hoạch|chỉ tiêu)(?:\s+(?:năm|vốn|được giao|thành phố giao|"
                   r"TP giao|giao|đề ra|cả năm))*)")
_OR_MORE = re.compile(r"[^,.;:\n]{0,40}?\btrở lên\b")
#: who holds a vote of confidence: the words before "đạt/nhận … phiếu tín nhiệm" in its clause
_VOTES = re.compile(r"(?P<who>[^.;:\n]{3,200}?)\s+(?:đạt|nhận(?: được)?)(?: số)? phiếu tín nhiệm")
_WHO_STRIP = re.compile(r"^(?:Theo đó|Trong đó|Kết quả|Cụ thể)\s*,\s*|^(?:đồng chí|các đồng chí)\s+", re.I)
_GROWTH_WHAT = re.compile(r"giá trị sản xuất|GRDP|tổng sản phẩm|kinh tế")


def plan_word(text: str | None, end: int) -> str:
    """What a "… % of plan" figure is measured against, in the article's words (after the figure)."""
    if not text:
        return ""
    m = _PLAN.match(text, end)
    return re.sub(r"\s+", " ", m["word"]).strip() if m else ""


def or_more(text: str | None, start: int, end: int) -> bool:
    """Whether the article wrote "từ N … trở lên" ("N or more"), not "hơn N"."""
    if not text:
        return False
    return text[max(0, start - 4):start].strip().endswith("từ") and bool(_OR_MORE.match(text, end))


def _ends_before(pattern: re.Pattern[str], text: str | None, start: int, reach: int = 20) -> bool:
    """Whether the words right before ``start`` (``reach`` characters) end with ``pattern`` (anchored with ``$``)."""
    if not text:
        return False
    return pattern.search(text[max(0, start - reach):start]) is not None


_NEARLY = re.compile(r"\b(?:gần|xấp xỉ gần|suýt soát)\s*$", re.I)


def nearly(text: str | None, start: int) -> bool:
    """Whether the article wrote "gần N" (nearly N: a little less), not "khoảng N" (about N).

    >>> nearly("đã kết nạp gần 4.300 đảng viên", 15), nearly("khoảng 4.300 đảng viên", 7)
    (True, False)
    """
    return _ends_before(_NEARLY, text, start)


_AT_LEAST = re.compile(r"\b(?:từ|ít nhất|tối thiểu|không dưới|không thấp hơn)\s*$", re.I)


def at_least(text: str | None, start: int) -> bool:
    """Whether the article wrote "từ N" or "ít nhất N" (N or more: N itself counts), not "hơn N" (more than N).

    >>> at_least("tăng trưởng từ 10% trở lên", 15), at_least("có ít nhất 5 sản phẩm", 11), at_least("đạt hơn 5", 8)
    (True, True, False)
    """
    return _ends_before(_AT_LEAST, text, start)


def hedge_word(qualifier: str, text: str | None, start: int, end: int) -> str:
    """A bound as the article words it, where the qualifier merges several words: "or_more" ("từ 90 … trở lên"),
    "nearly" ("gần"), "at_least" ("từ", "ít nhất"); "" when the qualifier's own word is the article's.

    >>> t = "kết nạp từ 90 đảng viên trở lên, gần 4.300 tỷ đồng, ít nhất 5 sản phẩm"
    >>> [hedge_word(q, t, t.index(n), t.index(n) + len(n)) for q, n in (("more_than", "90"), ("approx", "4.300"), ("more_than", "5"))]
    ['or_more', 'nearly', 'at_least']
    """
    if qualifier == "more_than" and or_more(text, start, end):
        return "or_more"
    if qualifier == "approx" and nearly(text, start):
        return "nearly"
    if qualifier == "more_than" and at_least(text, start):
        return "at_least"
    return ""


#: what a share of rated party bodies counts, as written after the percentage ("100% chi bộ … hoàn thành tốt nhiệm
#: vụ"), with the catalogue key of its English words
RATED = (("đảng viên và tổ chức đảng", "rated.members_and_bodies"), ("tổ chức cơ sở đảng", "rated.grassroots"),
         ("tổ chức đảng", "rated.grassroots"), ("cơ sở đảng", "rated.grassroots"), ("chi bộ", "rated.cells"),
         ("đảng bộ", "rated.committees"), ("đảng viên", "rated.members"), ("đơn vị", "rated.units"))


def rated(text: str | None, end: int, start: int | None = None) -> str:
    """Which party bodies a share rated "hoàn thành tốt/xuất sắc nhiệm vụ" counts, in the article's words after the
    percentage ("chi bộ", "đảng viên"), else those of "tỷ lệ … hoàn thành" before it ("tỷ lệ đảng viên và tổ chức
    Đảng hoàn thành tốt nhiệm vụ hàng năm đạt trên 75%"); "" when it names none.

    >>> rated("100% chi bộ và hơn 92% đảng viên hoàn thành tốt nhiệm vụ", 4), rated("đạt 100% hoàn thành", 8)
    ('chi bộ', '')
    >>> t = "tỷ lệ đảng viên và tổ chức Đảng hoàn thành tốt nhiệm vụ hàng năm đạt trên 75%"
    >>> rated(t, len(t), len(t) - 3)
    'đảng viên và tổ chức đảng'
    """
    if not text:
        return ""
    after = text[end:end + 30].lstrip().lower()
    found = next((words for words, _key in RATED if after.startswith(words)), "")
    if found or start is None:
        return found
    m = _RATED_BEFORE.search(clause_before(text, start, 160).lower())
    return next((words for words, _key in RATED if m and m["who"].startswith(words)), "")


#: the bodies a rate counts, named after "tỷ lệ" and before "hoàn thành"
_RATED_BEFORE = re.compile(r"tỷ lệ\s+(?P<who>[^,;]{3,60}?)\s+hoàn thành")


def vote_holder(text: str | None, start: int) -> str:
    """Whose vote of confidence a figure is ("Bí thư Quận ủy và Chủ tịch UBND quận Tây Hồ"), from its clause."""
    if not text:
        return ""
    m = None
    for m in _VOTES.finditer(clause_before(text, start, 260) + " "):
        pass
    if m is None:
        return ""
    who = _WHO_STRIP.sub("", m["who"].strip())
    who = _WHO_STRIP.sub("", who)
    return who[:1].upper() + who[1:]


def growth_word(text: str | None, start: int) -> str:
    """What a growth rate measures in the article: "giá trị sản xuất" or "kinh tế" (GRDP)."""
    if not text:
        return ""
    found = _GROWTH_WHAT.findall(clause_before(text, start, 160))
    if not found:  # "(…; ước thực hiện đến năm 2025 tăng 12%)": the sentence names the measure
        left = max(0, start - 300)
        found = _GROWTH_WHAT.findall(re.split(r"\.\s|\n", text[left:start])[-1])
    if not found:
        return ""
    return "giá trị sản xuất" if "giá trị sản xuất" in found else "kinh tế"


_INDUSTRY_CONSTRUCTION = re.compile(r"công nghiệp\s?(?:[-–,]|và)\s?xây dựng", re.I)


def sector_word(text: str | None, start: int) -> str:
    """Which sector a share of the economy is of, when the article's words are not the house word: "công nghiệp -
    xây dựng" (industry and construction, as the statistics office groups them) rather than "công nghiệp".

    Only the words since the figure before it count: in "công nghiệp - xây dựng chiếm 31,2%, nông nghiệp chiếm 0,3%"
    the 0,3% is agriculture's.

    >>> t = "thương mại - dịch vụ chiếm 68,5%, công nghiệp - xây dựng chiếm 31,2%, nông nghiệp chiếm 0,3%"
    >>> sector_word(t, 62), sector_word(t, t.index("0,3")), sector_word("ngành công nghiệp đạt tỷ trọng 33,53%", 30)
    ('industry_construction', '', '')
    """
    if not text:
        return ""
    words = re.split(r"\d(?:[\d.,]*\d)?\s?%?", clause_before(text, start, 80))[-1]
    return "industry_construction" if _INDUSTRY_CONSTRUCTION.search(words) else ""


def scope_after(text: str | None, start: int) -> str:
    """The words after an x/y count of targets that say which targets ("chỉ tiêu cả nhiệm kỳ"), up to the
    clause's end (at most twelve words).

    >>> scope_after("quận đã hoàn thành 12/16 chỉ tiêu cả nhiệm kỳ, trong đó", 19)
    'chỉ tiêu cả nhiệm kỳ'
    >>> scope_after("3/3 chỉ tiêu về công tác xây dựng Đảng đều hoàn thành vượt mức", 0), scope_after("21/21 chỉ tiêu về phát triển kinh tế - xã hội năm 2023, trong", 0)
    ('chỉ tiêu về công tác xây dựng Đảng', 'chỉ tiêu về phát triển kinh tế - xã hội')
    """
    if not text:
        return ""
    m = re.match(r"[\d/.,]+\s*(chỉ tiêu[^,.;:\n(]{0,80})", text[start:start + 120])
    if not m:
        return ""
    phrase = re.split(r"\s(?:đều|đã|được|trong đó|hoàn thành|theo)\b", m.group(1))[0]  # the noun phrase, not the verb after it
    phrase = re.sub(r"\s+năm (?:19|20)\d\d$", "", phrase.strip())  # the year is the sentence's period
    words = phrase.split()[:12]
    while words and words[-1] in ("-", "–", "và", "của", "về"):
        words.pop()
    return " ".join(words)


#: "ước đạt hơn 1.647 tỷ đồng", "ước thực hiện trên …": an estimate the hedge of a bound would hide
_ESTIMATED_BEFORE = re.compile(r"\b(?:ước|Ước)(?:\s(?:đạt|tính|thực hiện|khoảng))?\s(?:[^\W\d_]+\s){0,2}$")


def estimated(text: str | None, start: int) -> bool:
    """Whether the article says "ước" right before a figure: "thu ngân sách quận ước đạt hơn 1.647 tỷ đồng".

    >>> estimated("thu ngân sách quận ước đạt hơn 1.647 tỷ đồng", 31), estimated("thu ngân sách đạt hơn 1.647", 22)
    (True, False)
    """
    return _ends_before(_ESTIMATED_BEFORE, text, start, 40)


_HIGH_CONFIDENCE = re.compile(r"tín\s+nhiệm\s+cao", re.I)


def high_confidence(text: str, start: int, end: int) -> bool:
    """Whether the votes are of high confidence ("đạt phiếu tín nhiệm cao tuyệt đối 33/33 phiếu", "33/33 phiếu tín
    nhiệm cao"), the top of the ballot's three levels: the sentence keeps "cao".

    >>> t = "đều đạt phiếu tín nhiệm cao tuyệt đối 33/33 phiếu; 30/33 phiếu tín nhiệm."
    >>> high_confidence(t, t.find("33/33"), t.find("33/33") + 5), high_confidence(t, t.find("30/33"), t.find("30/33") + 5)
    (True, False)
    """
    after = re.split(r"[;.,\n]", text[end:end + 40], maxsplit=1)[0]
    return bool(_HIGH_CONFIDENCE.search(clause_before(text, start, 80)) or _HIGH_CONFIDENCE.search(after))


_RECENT_YEARS = re.compile(r"\b(?:trong|sau)\s+(\d{1,2})\s+năm\b(?!\s*\d)|\b(\d{1,2})\s+năm\s+(?:qua|gần đây|vừa qua)\b",
                           re.I)


def recent_years(row: dict, text: str) -> str:
    """How many years an article counts back from its date, when it names a span only by their number ("trong 3
    năm", "5 năm qua"): the calendar years the book puts on it are its reading, not the article's words.

    >>> t = "Tổng thu ngân sách nhà nước trong 3 năm đạt hơn 37.016 tỷ đồng"
    >>> recent_years({"period_from": "clause:28-39"}, t), recent_years({"period_from": "title:0-5"}, "Năm 2023 ...")
    ('3', '')
    """
    kind, _, span = str(row.get("period_from", "")).partition(":")
    start, _, end = span.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return ""
    m = _RECENT_YEARS.search(text[int(start):int(end)])
    return (m[1] or m[2]) if m else ""


#: "tăng bình quân 14,01%", "bình quân trên 14%/năm": an average over the years, said in the figure's clause
_AVERAGE_BEFORE = re.compile(r"\b(?:bình quân|trung bình)\b(?:\s+\S+){0,3}\s*$", re.IGNORECASE)


def article_words(row: dict, text: str | None) -> dict[str, str]:
    """The words of the article that a sentence about ``row`` keeps (empty when the article gives none)."""
    if not text or row.get("start") is None:
        return {}
    try:
        start, end = int(row["start"]), int(row["end"])
    except (TypeError, ValueError):
        return {}
    metric = str(row.get("metric", ""))
    hedge = hedge_word(str(row.get("qualifier", "")), text, start, end)  # "gần", "từ"/"ít nhất" (sentences keep them)
    plan = plan_word(text, end) if metric.endswith(("_vs_plan", "_vs_target")) else ""
    out = {"plan": plan,
           # "kết nạp 514 đảng viên mới, đạt tỷ lệ 114,2%": a per cent whose article never says of what
           "no_plan": "yes" if metric.endswith(("_vs_plan", "_vs_target")) and not plan
           and re.search(r"\btỷ lệ\s*$", text[max(0, start - 12):start]) else "",
           "revenue": revenue_word(text, start) if metric == "budget_revenue" else "",
           "or_more": "yes" if or_more(text, start, end) else "",
           "nearly": "yes" if hedge == "nearly" else "",
           "at_least": "yes" if hedge == "at_least" else "",
           "estimated": "yes" if row.get("qualifier") not in (None, "", "actual", "estimate", "target")
           and estimated(text, start) else "",  # a bound's hedge hides the article's "ước"
           "holder": vote_holder(text, start) if metric == "confidence_votes" else "",
           "high": "yes" if metric == "confidence_votes" and high_confidence(text, start, end) else "",
           "rated": rated(text, end, start) if metric in ("party_units_good_share", "party_units_excellent_share") else "",
           "growth": growth_word(text, start) if metric == "economic_growth_rate" else "",
           "scope": scope_after(text, start) if metric.startswith("targets_") else "",
           "sector": sector_word(text, start) if metric.endswith("_industry") else "",
           "recent_years": recent_years(row, text),
           "average": "yes" if _AVERAGE_BEFORE.search(clause_before(text, start, 40)) else ""}
    return {k: v for k, v in out.items() if v}


_TITLES = (("party_secretary", re.compile(r"(?<!Phó )Bí thư (?:Quận|Huyện|Thị|Thành)\s*[uủ]ỷ|(?<!Phó )Bí thư Đảng ủy")),
           ("committee_chair", re.compile(r"(?<!Phó )Chủ tịch (?:UBND|Ủy ban nhân dân)")),
           ("council_chair", re.compile(r"(?<!Phó )Chủ tịch (?:HĐND|Hội đồng nhân dân)")))


def holder_titles(holder: str) -> list[str]:
    """The offices named in a vote's holder, as catalogue keys (``who.title.<key>``), for an edition that does not
    print the Vietnamese names.

    >>> holder_titles("Bí thư Quận uỷ Tây Hồ Lê Thị Thu Hằng và Phó Bí thư Quận uỷ, Chủ tịch UBND quận Tây Hồ Nguyễn Đình Khuyến")
    ['party_secretary', 'committee_chair']
    """
    return [key for key, pattern in _TITLES if pattern.search(holder)]
