"""Sentences from findings: the main points a chapter opens with, and the comparisons it refuses.

Every sentence states its figures with their periods, keeps the articles' hedges ("hơn", "ước") and
cites the articles it rests on; its words come from the catalogues (:mod:`districtbook.rendering.i18n`).
"""
from __future__ import annotations

import math
import re

import pandas as pd

from districtbook.rendering import ledger
from districtbook.base.collate import sorted_names
from districtbook.analysis.findings import DIRECTED, Finding, Verdict, collect, direction, expected, per_year, refusals, select
from districtbook.rendering.i18n import date_text, period_text, plural, text
from districtbook.rendering.labels import cite, fmt_value, hedged, label, lower_first, round_for_prose
from districtbook.extraction.metrics import METRICS
from districtbook.extraction.periods import Period
from districtbook.rendering.report import MyST, escape, fmt_number, unescape

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_NOUN = re.compile(r"^[\d.,]+\s+(?P<noun>\D+)$")


def metric_words(metric: str, lang: str) -> str:
    """A metric's label inside a sentence: lower case, without a trailing "(unit)"; a growth of a metric
    reads as one phrase ("growth in state budget revenue", not "state budget revenue, growth ...")."""
    if metric.endswith("_growth") and metric.removesuffix("_growth") in METRICS:
        return text(lang, "metric.growth_of", metric=metric_words(metric.removesuffix("_growth"), lang))
    if metric.endswith("_vs_term_start") and metric.removesuffix("_vs_term_start") in METRICS:
        return metric_words(metric.removesuffix("_vs_term_start"), lang)
    return lower_first(_PAREN.sub("", label(metric, lang)))


def value_of(row: dict, lang: str, hedge: bool = True, verb: bool = False) -> str:
    """A figure's value as printed in prose: unit, counted noun (from the quote, Vietnamese edition) and hedge;
    ``verb`` puts "đạt" before an unhedged Vietnamese value that follows its period ("năm 2023 đạt 764")."""
    v = fmt_value(row["value"], row["unit"], row.get("denominator"), lang)
    if row["unit"] == "count" and lang == "vi":
        m = _NOUN.match(str(row.get("quote", "")).strip())
        if m:
            v = f"{v} {m['noun'].strip()}"
    out = hedged(v, row.get("qualifier", ""), lang) if hedge else v
    if verb and out == v:
        out = text(lang, "value.reached", value=v)
    if per_year(row):  # "mỗi năm kết nạp mới từ 90 đảng viên": a yearly figure, never read as a term total
        out = text(lang, "value.per_year", value=out)
    return out


def derived(value: float, unit: str, lang: str, hedge: str = "") -> str:
    v = fmt_value(round(value, round_for_prose(value) or 0), unit, None, lang)
    return hedged(v, hedge, lang)


def pct(x: float, lang: str) -> str:
    return fmt_number(round(x, 1), lang) + "%"


def _footing(prefix: str, footing: str, lang: str) -> str:
    return "" if footing == "as_reported" else text(lang, f"{prefix}.{footing}")


def _cites(rows: list[dict], lang: str) -> str:
    return " ".join(dict.fromkeys(escape(cite(r, lang)) for r in rows))  # the outlet comes from the article


def sentence(f: Finding, lang: str = "vi") -> str:
    """One cited sentence for one finding."""
    r = f.rows[0]
    v = f.values
    base = dict(district=escape(f.district), metric=metric_words(f.metric, lang), period=period_text(f.period, lang),
                cite=_cites(f.rows, lang), cites=_cites(f.rows, lang))
    unit = r["unit"]
    if f.kind == "progress":
        if "lead" in v:
            lead = v["lead"]
            pace = text(lang, "pace.level") if abs(lead) < 1 else text(
                lang, "pace.ahead" if lead > 0 else "pace.behind", lead=plural(lang, "count.points", abs(lead)))
            return text(lang, "point.progress", **base, value=value_of(r, lang, verb=True), pct=pct(v["pct"], lang), pace=pace,
                        elapsed=pct(v["elapsed"], lang))
        diff = v["pct"] - 100
        outcome = text(lang, "outcome.exact") if diff == 0 else text(
            lang, "outcome.over" if diff > 0 else "outcome.under", pct=pct(v["pct"], lang))
        return text(lang, "point.progress_plain", **base, value=value_of(r, lang, verb=True), outcome=outcome)
    if f.kind == "change":
        prev = Period.parse(str(f.period))
        return text(lang, "point.change", **base, value=value_of(r, lang, verb=True),
                    direction=text(lang, "direction.up" if v["change"] >= 0 else "direction.down"),
                    change=pct(abs(v["change"]), lang), previous=derived(v["previous"], unit, lang),
                    previous_period=period_text(prev.previous_year() if prev else None, lang))
    if f.kind == "quarter":
        if not math.isnan(v.get("ratio", math.nan)):
            key = "quarter.vs_previous" if v["ratio"] >= 1 else "quarter.below_previous"
            compare = text(lang, key, ratio=fmt_number(round(v["ratio"], 1), lang), pct=pct(100 * v["ratio"], lang),
                           previous=derived(v["previous"], unit, lang), previous_span=period_text(v["previous_span"], lang))
        else:
            key = "quarter.vs_early.above" if v["value"] >= v["per_quarter_early"] else "quarter.vs_early.below"
            compare = text(lang, key, early=period_text(v["early"], lang),
                           average=derived(v["per_quarter_early"], unit, lang))
        return text(lang, "point.quarter", **{**base, "period": ""}, span=period_text(v["span"], lang),
                    value=derived(v["value"], unit, lang, v["hedge"]), late=period_text(v["late"], lang),
                    early=period_text(v["early"], lang), compare=compare)
    if f.kind == "gap":
        p = Period.parse(str(f.period))
        per_month, done = v["remaining"] / v["months_left"], float(r["value"]) / v["months_done"]
        return text(lang, "point.gap", **base, year=p.start.year, plan=derived(v["plan"], unit, lang),
                    remaining=derived(v["remaining"], unit, lang), months_left=v["months_left"],
                    per_month=derived(per_month, unit, lang), done_per_month=derived(done, unit, lang),
                    cmp=text(lang, "cmp.below" if per_month < done else "cmp.above"))
    if f.kind in ("contradiction", "agreement"):
        what = v["what"]
        if what == "component":
            return text(lang, "point.contradiction.component", **{**base, "cite": escape(cite(r, lang))}, value=value_of(r, lang, hedge=False),
                        whole=metric_words(v["whole"], lang), plan=derived(v["plan"], unit, lang),
                        cite_whole=_cites(f.rows[1:], lang))
        if what == "differ":
            a, b = f.rows[0], f.rows[1]
            return text(lang, "point.contradiction.differ", **base, a=value_of(a, lang), b=value_of(b, lang),
                        cite_a=escape(cite(a, lang)), cite_b=escape(cite(b, lang)),
                        diff=fmt_value(abs(float(b["value"]) - float(a["value"])), unit, None, lang))
        key = "point.agreement" if f.kind == "agreement" else "point.contradiction.plans"
        return text(lang, key, **base, year=f.period, a=derived(v["a"], unit, lang), b=derived(v["b"], unit, lang),
                    cite_a=_cites(f.rows[:2], lang), cite_b=_cites(f.rows[2:], lang))
    if f.kind == "trend":
        a, b = f.rows
        shown = "percent" if unit == "ratio" else unit
        fa = derived(v["a"], shown, lang, a["qualifier"]) if v["footing"] != "as_reported" or unit == "ratio" else value_of(a, lang)
        fb = derived(v["b"], shown, lang, b["qualifier"]) if v["footing"] != "as_reported" or unit == "ratio" else value_of(b, lang)
        return text(lang, "point.trend.up" if v["b"] > v["a"] else "point.trend.down", **base, a=fa, b=fb,
                    pa=period_text(a["period"], lang), pb=period_text(b["period"], lang),
                    footing=_footing("footing", v["footing"], lang))
    if f.kind == "share":
        a, b = f.rows
        return text(lang, "point.share", **base, a_label=metric_words(a["metric"], lang), a=value_of(a, lang),
                    b_label=metric_words(b["metric"], lang), b=value_of(b, lang), ratio=fmt_number(round(v["ratio"], 1), lang))
    if f.kind == "target":
        forecast = r["qualifier"] == "estimate"  # "dự kiến", "ước thực hiện đến năm 2025": a forecast, not a goal
        if "past" in v:
            past = f.rows[1]
            cmp = {"level": "cmp.level", "above": "cmp.above", "below": "cmp.below", "beside": "cmp.beside"}[
                target_side(v["past"], past["qualifier"], v["target"], r["qualifier"])]
            return text(lang, "point.forecast_past" if forecast else "point.target_past", **base,
                        target=value_of(r, lang, hedge=not forecast), cmp=text(lang, cmp),
                        past=value_of(past, lang), past_period=period_text(past["period"], lang))
        return text(lang, "point.forecast" if forecast else "point.target", **base, target=value_of(r, lang, hedge=not forecast))
    if f.kind == "ratio":
        # "21/21" says all by itself; "12/16, tức 75%" helps the reader
        rest = "" if v["x"] == v["y"] else text(lang, "ratio.part", pct=pct(v["pct"], lang))
        return text(lang, "point.ratio", **base, x=fmt_number(v["x"], lang), y=fmt_number(v["y"], lang), rest=rest)
    if f.kind == "full":
        return text(lang, "point.full", **base)
    if f.kind == "times":
        key = "point.rank" if unit == "rank" else ("point.vs_term_start" if r["basis"] == "term_start" else "point.times")
        return text(lang, key, **base, value=value_of(r, lang))
    if f.kind == "ahead":
        a, b = f.rows
        shown = "percent" if unit == "ratio" else unit
        if v["footing"] == "as_reported" and unit not in ("ratio", "percent"):
            va, vb = value_of(a, lang), value_of(b, lang)
        else:
            va, vb = derived(v["a"], shown, lang, a["qualifier"]), derived(v["b"], shown, lang, b["qualifier"])
        metric = base["metric"]
        if a.get("yoy_change"):
            metric = text(lang, "metric.change_on_year", metric=metric_words(f.metric.rsplit("_", 1)[0], lang))
        key = "point.level_with" if v["equal"] else ("point.ahead_points" if shown == "percent" else "point.ahead")
        return text(lang, key, a=escape(f.district), b=escape(f.other), metric=metric,
                    diff=plural(lang, "count.points", round(abs(v["a"] - v["b"]), 1)),
                    footing=_footing("ahead", v["footing"], lang), va=va, vb=vb, pa=period_text(a["period"], lang),
                    pb=period_text(b["period"], lang), ratio=fmt_number(round(v["ratio"], 1), lang) if v["b"] else "–",
                    cites=_cites(f.rows, lang))
    per_year = text(lang, "level.per_year", value=derived(v["per_year"], unit, lang, r["qualifier"])) if "per_year" in v else ""
    return text(lang, "point.level", **base, value=value_of(r, lang), per_year=per_year)


def say(f: Finding, lang: str, chapter: str | None = None, role: str = "point") -> str:
    """A finding's sentence; with ``chapter``, noted in the book's table of statements (:mod:`districtbook.rendering.ledger`)."""
    out = sentence(f, lang)
    if chapter:
        ledger.note(chapter, lang, f"{role}:{f.kind}", out, f.rows, f.district, f.other, f.metric, f.period)
    return out


def target_side(past: float, past_hedge: str, target: float, target_hedge: str) -> str:
    """Where a target stands against what was achieved: "level" when within rounding, "above"/"below" when
    the hedges allow saying so, else "beside" (no direction: "more than 10%" against 14%).

    >>> target_side(14.01, "actual", 14, "more_than"), target_side(11.4, "actual", 14, "more_than"), target_side(14, "actual", 10, "more_than")
    ('level', 'above', 'beside')
    """
    if abs(target - past) < 0.05:
        return "level"
    return {1: "above", -1: "below", 0: "beside"}[direction(past, past_hedge, target, target_hedge)]


def _scope(df: pd.DataFrame, metrics: tuple[str, ...] | None, districts: tuple[str, ...] | None) -> pd.DataFrame:
    if metrics is not None:
        df = df[df["metric"].isin(metrics)]
    if districts:
        df = df[df["district"].isin(districts)]
    return df


def chapter_findings(df: pd.DataFrame, texts: dict[str, str] | None, metrics: tuple[str, ...] | None = None,
                     districts: tuple[str, ...] | None = None) -> list[Finding]:
    """The findings of a chapter: over its metrics (None: all) and districts (None: all)."""
    found = collect(_scope(df, metrics, districts), texts)
    if metrics is not None:  # a component's contradiction needs the whole it belongs to, even outside the topic
        found = [f for f in found if f.metric in metrics]
    return found


def main_points(df: pd.DataFrame, texts: dict[str, str] | None, lang: str = "vi", metrics: tuple[str, ...] | None = None,
                districts: tuple[str, ...] | None = None, n: int = 5, more: int = 6, per_metric: int = 5,
                chapter: str | None = None) -> MyST | None:
    """The chapter's opening: "Main points" with 3-5 cited findings, then further findings as a paragraph
    (each noted under ``chapter`` in the table of statements)."""
    found = chapter_findings(df, texts, metrics, districts)
    present = tuple(sorted_names(_scope(df, metrics, districts)["district"]))
    points = select(found, n, present, per_metric)
    if not points:
        return None
    out = [f"**{text(lang, 'points.heading')}**", ""]
    out += [f"- {say(f, lang, chapter)}" for f in points]
    if len(present) >= 2 and not any(f.kind == "ahead" for f in points):
        out += ["", text(lang, "points.no_comparison", a=", ".join(escape(d) for d in present[:-1]), b=escape(present[-1]))]
    rest = [f for f in found if f not in points and f.kind != "level"][:more]
    if rest:
        out += ["", f"**{text(lang, 'points.more')}**", ""] + [f"- {say(f, lang, chapter, 'more')}" for f in rest]
    return MyST("\n".join(out))


def point_sentences(df: pd.DataFrame, texts: dict[str, str] | None, lang: str = "vi", n: int = 5,
                    chapter: str | None = None) -> list[str]:
    """The book's main points (for the introduction): the most salient findings across every district,
    with the best directed finding of each district that would otherwise be left out. Plain text (no
    Markdown escapes): the introduction shows them with ``{glue:text}``, which prints text as it is."""
    found = collect(df, texts)
    districts = tuple(sorted_names(df["district"]))
    chosen = select(found, n, districts, per_metric=2)
    missing = [d for d in districts if not any(d in f.districts for f in chosen)]
    extra = [next(f for f in found if f.district == d and f.kind in DIRECTED) for d in missing
             if any(f.district == d and f.kind in DIRECTED for f in found)]
    if extra:
        chosen = chosen[: max(3, n - len(extra))] + extra
    return [unescape(say(f, lang, chapter, "headline")) for f in chosen[:n]]


def reason_text(metric: str, a: dict, b: dict, v: Verdict, lang: str) -> str:
    """Why two figures are not set side by side, in a reader's words."""
    from districtbook.rendering.labels import unit_word

    def unit_name(u: str) -> str:
        return unit_word(u, lang) or text(lang, f"unitname.{u}")

    fields = dict(ua=unit_name(a["unit"]), ub=unit_name(b["unit"]),
                  a=escape(a["district"]), b=escape(b["district"]),
                  ba=text(lang, f"basis.{a['basis']}") if a["basis"] else "", bb=text(lang, f"basis.{b['basis']}") if b["basis"] else "",
                  pa=period_text(a["period"], lang), pb=period_text(b["period"], lang))
    if v.reason == "unfinished":
        from districtbook.analysis.findings import unfinished
        u = a if unfinished(a) else b
        fields.update(pu=period_text(u["period"], lang), date=date_text(u["published"], lang))
    if a["unit"] == "percent" and v.reason == "unit":
        fields["ua"] = "%"
    return text(lang, f"reason.{v.reason}", **fields)


def refusal_lines(df: pd.DataFrame, a: str, b: str, lang: str = "vi", texts: dict[str, str] | None = None,
                  chapter: str | None = None) -> list[str]:
    out = []
    for m, x, y, v in refusals(df, a, b, texts):
        line = text(lang, "refuse.sentence", metric=label(m, lang), reason=reason_text(m, x, y, v, lang),
                    cites=_cites([x, y], lang))
        if chapter:
            ledger.note(chapter, lang, f"refused:{v.reason}", line, [x, y], a, b, m)
        out.append(line)
    return out


def comparison_points(df: pd.DataFrame, texts: dict[str, str] | None, a: str, b: str, lang: str = "vi",
                      n: int = 5, chapter: str | None = None) -> MyST:
    """The comparison chapter's main points: only comparisons between the two districts on a common
    footing; when there is none, one sentence that says so and why, reason by reason."""
    from districtbook.analysis.findings import ahead, usable_rows

    pairs = sorted(ahead(usable_rows(df[df["district"].isin((a, b))], texts)), key=lambda f: (-round(f.salience, 6), f.metric, f.period))
    out = [f"**{text(lang, 'points.heading')}**", ""]
    if pairs:
        return MyST("\n".join(out + [f"- {say(f, lang, chapter, 'compare')}" for f in pairs[:n]]))
    refused = refusals(df, a, b, texts)
    if not refused:
        return MyST("\n".join(out + [text(lang, "compare.no_figures", a=escape(a), b=escape(b))]))
    by_reason: dict[str, list[str]] = {}
    for m, _x, _y, v in refused:
        by_reason.setdefault(v.reason, []).append(lower_first(_PAREN.sub("", label(m, lang))))
    reasons = "; ".join(text(lang, "compare.reason_count", metrics=", ".join(ms), reason=text(lang, f"reason_short.{r}"))
                        for r, ms in by_reason.items())
    return MyST("\n".join(out + [text(lang, "compare.points_none", a=escape(a), b=escape(b), reasons=escape(reasons))]))


#: the columns that make two rows one figure repeated by its article
REPEAT = ["doc", "district", "metric", "value", "unit", "period", "basis", "qualifier"]


def period_cell(row, lang: str) -> str:
    """A figure's period for a table cell, marked when the value is a yearly figure over the period
    ("giai đoạn 2021-2025 (mỗi năm)"), so that it never reads as a total of the term."""
    p = period_text(row["period"], lang)
    return text(lang, "period.per_year_mark", period=p) if per_year(dict(row)) else p


def span_text(period: str, lang: str) -> str:
    """A period in words, also a span between two year-to-date periods ("2024-H1..2024-9M" -> quý III/2024).

    >>> span_text("2024-H1..2024-9M", "vi"), span_text("2023-9M", "en")
    ('quý III/2024', 'the first 9 months of 2023')
    """
    from districtbook.analysis.findings import between

    if ".." in period:
        a, b = period.split("..", 1)
        pa, pb = Period.parse(a), Period.parse(b)
        span = between(pa, pb) if pa and pb else None
        return period_text(span, lang) if span else f"{period_text(a, lang)} – {period_text(b, lang)}"
    return period_text(period, lang)


def derived_average(row: dict, years: float, lang: str) -> dict | None:
    """The yearly average of a total over whole years, as printed: the article's hedge kept and rounded
    like the total ("hơn 15.000 tỷ đồng" over 5 years -> "hơn 3.000 tỷ đồng"); None for a running total
    (a period not over when the article appeared: no yearly average of a part of the span).

    >>> r = dict(value=15000.0, unit="VND_bn", qualifier="more_than", period="2016-2020", published="2021-02-13")
    >>> derived_average(r, 5, "vi")["value"], derived_average(dict(r, value=37016.0, period="2021-2023"), 3, "vi")
    ('hơn 3.000 tỷ đồng', None)
    >>> derived_average(dict(r, value=37016.0, period="2021-2023", published="2024-02-01"), 3, "en")["value"]
    'more than 12,339 VND bn'
    """
    from districtbook.analysis.findings import unfinished

    if unfinished(row):
        return None
    avg = float(row["value"]) / years
    number = fmt_number(round(avg, round_for_prose(avg) or 0), lang)
    hedge = row.get("qualifier", "")
    return {"number": hedged(number, hedge, lang), "amount": hedged(fmt_number(float(row["value"]), lang), hedge, lang),
            "value": derived(avg, row["unit"], lang, hedge)}
