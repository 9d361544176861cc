"""Which facts the articles headline: the rule a bulletin editor follows to open a chapter with what was reported.

An article tells what matters to it by where it puts a figure: in its title, in a subheading (a short line of the
body that is not a sentence), in its lead (the first paragraphs), and by what the figure is: the largest amount it
reports, a result set against its plan or target. :func:`evidence` reads those marks for one figure from the article's
own text (the lines :func:`districtbook.reading.articles.classify_lines` marks), :func:`score` weighs them.

A finding is of one of three classes (:func:`kind_class`): a fact an article *reports* (a level, progress against the
plan, a change on the year before, x/y targets met, a goal the article sets), a *comparison* the book sets up between
two reported figures (two places, two periods), or a *derivation* of the book's own (a quarter from two year-to-date
totals, what is left to collect, a plan implied by a percentage). Main points are ordered reported → comparison →
derived (:func:`order`), reported facts by the article's own emphasis; a derived figure never displaces a reported
one of the same topic (place and measure).

>>> t = "Quận Ba Đình: Thu ngân sách 9 tháng đạt 78% dự toán năm\\n\\nSáng 8-10, hội nghị.\\n\\nThu ngân sách ước đạt 4.870 tỷ đồng, bằng 78% dự toán năm."
>>> r = dict(doc="a", start=t.rindex("78%"), end=t.rindex("78%") + 3, unit="percent", metric="budget_revenue_vs_plan", value=78.0, quote="78%")
>>> sorted(evidence(r, t)), score(r, t)
(['against_plan', 'lead', 'title'], 5)
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from districtbook.reading.articles import classify_lines

#: what each mark weighs: the title says most, then a subheading, the lead, the article's largest amount, a
#: result against plan
WEIGHTS = {"title": 3, "heading": 2, "lead": 1, "largest": 1, "against_plan": 1}
#: the body lines that make the lead (after the title; subheadings not counted)
LEAD_LINES = 3
#: how a finding's kind reads: reported by an article, a comparison the book sets up, or the book's own arithmetic
CLASSES = {"level": "reported", "progress": "reported", "change": "reported", "ratio": "reported", "full": "reported",
           "times": "reported", "share": "reported", "target": "reported",
           "ahead": "comparison", "trend": "comparison",
           "quarter": "derived", "gap": "derived", "contradiction": "derived", "agreement": "derived"}
ORDER = ("reported", "comparison", "derived")
_AMOUNTS = frozenset({"VND_bn", "VND_mn", "VND_tn", "USD_mn", "USD_bn"})
_SENTENCE_END = re.compile(r"[.;:!?…]['\"”’)]?\s*$")


@dataclass(frozen=True)
class Layout:
    """An article's title, subheadings and lead as spans of its text."""

    title: tuple[int, int] | None
    headings: tuple[tuple[int, int], ...]
    lead: tuple[tuple[int, int], ...]


@functools.lru_cache(maxsize=256)
def layout(text: str) -> Layout:
    """Where an article puts what it headlines.

    >>> lay = layout("Tiêu đề của bài báo về quận\\n\\nSáng 5/1, hội nghị.\\n\\nTổng thu đạt 37.016 tỷ đồng\\n\\nThân bài.\\n\\nĐoạn ba.\\n\\nĐoạn bốn.")
    >>> [len(lay.headings), len(lay.lead)]
    [1, 3]
    """
    lines = classify_lines(text)
    title = next(((ln.start, ln.end) for ln in lines if ln.kind == "title"), None)
    body = [ln for ln in lines if ln.kind == "body"]
    if title is None and body and body[0] is lines[0] and len(text[body[0].start:body[0].end]) <= 180 \
            and not _SENTENCE_END.search(text[body[0].start:body[0].end]):
        # a headline the reader took for the lead ("Quận Long Biên: Tăng trưởng kinh tế 6 tháng đạt 7,8%" ends
        # with a comma in "7,8%"): the file's first line, short and not a sentence, is the title
        title, body = (body[0].start, body[0].end), body[1:]
    headings: list[tuple[int, int]] = []
    lead: list[tuple[int, int]] = []
    for i, ln in enumerate(body):
        s = text[ln.start:ln.end]
        if i > 0 and len(s) <= 150 and not _SENTENCE_END.search(s) and len(s.split()) >= 4:
            headings.append((ln.start, ln.end))
        elif len(lead) < LEAD_LINES:
            lead.append((ln.start, ln.end))
    for ln in lines:  # a subheading right under a picture is taken for its caption; a photo credit never is one
        s = text[ln.start:ln.end]
        if ln.kind == "caption" and "Ảnh" not in s and len(s) <= 150 and len(s.split()) >= 6 and re.search(r"\d", s) \
                and not _SENTENCE_END.search(s):
            headings.append((ln.start, ln.end))
    return Layout(title, tuple(headings), tuple(lead))


def _within(start: int, spans) -> bool:
    return any(a <= start < b for a, b in spans)


def _number(row: dict) -> str:
    """The figure as printed ("37.016", "78%", "33/33"): what an echo in the title or a subheading repeats."""
    m = re.search(r"\d[\d.,/]*\d%?|\d%?", str(row.get("quote", "")))
    return m.group(0) if m else ""


def _echoed(number: str, text: str, spans) -> bool:
    if not number:
        return False
    pat = re.compile(r"(?<![\d.,/])" + re.escape(number) + r"(?![\d/]|[.,]\d)")
    return any(pat.search(text, a, b) for a, b in spans)


def evidence(row: dict, text: str | None, article_rows: list[dict] | None = None) -> frozenset[str]:
    """The marks of emphasis a figure has in its article: ``title``, ``heading`` (in the line, or its number
    repeated there), ``lead``, ``largest`` (the largest amount of the article, among ``article_rows``), and
    ``against_plan`` (a result set against a plan or target, x/y targets met)."""
    marks = set()
    metric = str(row.get("metric", ""))
    if (metric.endswith(("_vs_plan", "_vs_target")) or (row.get("unit") == "ratio" and metric.startswith("targets"))) \
            and row.get("qualifier") != "target":
        marks.add("against_plan")  # a result: "phấn đấu giải ngân 100% kế hoạch" is a goal, not a result against plan
    if article_rows is not None and row.get("unit") in _AMOUNTS:
        amounts = [r["value"] for r in article_rows if r.get("unit") == row.get("unit")]
        if amounts and row["value"] >= max(amounts):
            marks.add("largest")
    if not text:
        return frozenset(marks)
    lay = layout(text)
    start, number = int(row.get("start", -1)), _number(row)
    if lay.title and (_within(start, [lay.title]) or _echoed(number, text, [lay.title])):
        marks.add("title")
    if _within(start, lay.headings) or _echoed(number, text, lay.headings):
        marks.add("heading")
    if _within(start, lay.lead):
        marks.add("lead")
    return frozenset(marks)


def score(row: dict, text: str | None, article_rows: list[dict] | None = None) -> int:
    """How strongly the article headlines a figure: the weights of its marks (:data:`WEIGHTS`)."""
    return sum(WEIGHTS[m] for m in evidence(row, text, article_rows))


def kind_class(f) -> str:
    """reported, comparison or derived (a target set against what was achieved is a comparison)."""
    if f.kind == "target" and "past" in f.values:
        return "comparison"
    return CLASSES.get(f.kind, "derived")


def topic(f) -> tuple:
    """What a finding is about: its places and its measure (growth and per cent of plan of a measure are the
    measure's)."""
    base = re.sub(r"_(?:vs_plan|vs_target|growth|yoy|vs_term_start)$", "", f.metric)
    return (tuple(sorted(f.districts)), base)


def finding_score(f, texts: dict[str, str] | None, rows_by_doc: dict[str, list[dict]] | None = None) -> int:
    """A reported finding's weight: the best-marked of the figures it states (0 for a comparison or a
    derivation: the articles do not headline the book's arithmetic)."""
    if kind_class(f) != "reported":
        return 0
    best = 0
    for r in f.rows[:2] if f.kind in ("progress", "change") else f.rows[:1]:
        doc = r.get("doc", "")
        best = max(best, score(r, (texts or {}).get(doc), (rows_by_doc or {}).get(doc)))
    return best


def headline_worthy(f, texts: dict[str, str] | None, rows_by_doc: dict[str, list[dict]] | None = None) -> bool:
    """A fact an article reports and marks: in its title, a subheading or its lead, its largest amount or a
    result against plan."""
    return finding_score(f, texts, rows_by_doc) > 0
