"""The budget chapter: revenue against plan and the year gone, the same period a year earlier, the quarter
two year-to-date figures imply, what is left to collect, and what the articles contradict; then every
measure the figures imply (annual plan, same period a year earlier, yearly average, the revenue between
two year-to-date figures) with its reasoning."""
from __future__ import annotations

import math

import pandas as pd

from districtbook.rendering import charts, ledger, prose
from districtbook.analysis import derive
from districtbook.analysis.dataset import strong, period_of
from districtbook.rendering.labels import cite
from districtbook.analysis.findings import between, derivable, expected, per_year
from districtbook.rendering.i18n import figure_period_text, period_text, plural, text
from districtbook.rendering.labels import fmt_value, hedged
from districtbook.rendering.report import MyST, download, escape, fmt_number, html_only, list_table, save_data
from districtbook.chapters import common

#: the chapter's name in the table of statements (its output, chapters/budget.ipynb)
CHAPTER = "budget"
METRICS = ("budget_revenue", "budget_revenue_vs_plan", "budget_revenue_yoy", "budget_revenue_growth",
           "budget_revenue_vs_term_start", "land_use_revenue")


def main_points(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return common.main_points(df, texts, lang, METRICS, CHAPTER)


def table(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    return common.topic_table(df, METRICS, lang, "budget-figures", texts)


def progress_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return charts.progress_chart(common.findings(df, texts, METRICS), lang, f"budget-progress-{lang}")


def year_on_year_chart(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST | None:
    return charts.year_on_year_chart(common.findings(df, texts, METRICS), lang, f"budget-yoy-{lang}")


# --- what the figures imply --------------------------------------------------------------------

#: year-to-date periods: the first months, the first half or the first quarter of a year
_YEAR_TO_DATE = ("months", "half", "quarter")


def derivations(df: pd.DataFrame, lang: str = "vi", texts: dict[str, str] | None = None) -> list[dict]:
    """Every derived budget measure the figures allow, each with its value, interval and reasoning.

    Returns dicts with keys: kind, district, period (a period label), value, low, high, docs, text, the typed
    period (``when``; ``ends``, the two periods a quarter lies between) (and ``estimate``, the :class:`~districtbook.analysis.derive.Estimate`, for an implied plan or base).
    """
    out: list[dict] = []
    df = strong(df)  # a weak or flagged figure never reaches a derived measure
    rev = df[df["metric"] == "budget_revenue"]
    rev = rev.loc[[not expected(r) for r in rev.to_dict("records")]]  # a plan or a target is no revenue collected
    for (doc, district, label), g in rev.groupby(["doc", "district", "period"], sort=True):
        amount_row = g.iloc[0]
        period, amount = amount_row["when"], g["value"].tolist()[0]
        same = df[(df["doc"] == doc) & (df["district"] == district) & (df["period"] == label)]
        same = same.drop_duplicates(prose.REPEAT)  # a percentage the title repeats ("đạt 78% dự toán") implies one plan
        within_a_year = period is not None and period.start.year == period.end.year
        hedge = str(amount_row["qualifier"])  # "hơn 1.647 tỷ đồng" implies only a floor (derive.bounded)
        for _, p in same[same["metric"] == "budget_revenue_vs_plan"].iterrows():
            e = derive.bounded(derive.implied_base(amount, derive.printed(p["value"])), hedge)
            if not within_a_year or e is None:  # a multi-year total never implies a one-year plan
                continue
            divisor, note = _divisor(p["value"], hedge, lang)
            year = str(period.start.year) if period else label
            out.append(dict(kind="plan", district=district, period=year, value=e.value, low=e.low, high=e.high,
                            docs=doc, when=None, estimate=e, rows=[amount_row, p], shown=_shown(e, hedge, lang),
                            text=text(lang, "derived.plan", year=year, value=_bound(e.value, hedge, lang),
                                      interval=_interval(e, lang), amount=_as_printed(amount, hedge, lang),
                                      pct=divisor, note=note, cite=cite(p, lang))))
        for _, p in same[same["metric"].isin(("budget_revenue_yoy", "budget_revenue_growth"))].iterrows():
            if not within_a_year or per_year(p.to_dict()):  # a yearly rate over a term implies no "year before"
                continue
            pct = derive.printed(p["value"])
            grew = p["metric"] == "budget_revenue_growth"  # "tăng 35%" on, "bằng 142%" of the same period
            e = derive.bounded(derive.implied_before_growth(amount, pct) if grew else derive.implied_base(amount, pct),
                               hedge)
            if e is None:
                continue
            shown, note = _divisor(p["value"], hedge, lang)
            how = f"(1 + {shown}%)" if grew else f"{shown}%"
            prev = period.previous_year() if period else None
            out.append(dict(kind="previous", district=district, period=str(prev or label), value=e.value, low=e.low,
                            high=e.high, docs=doc, when=prev or period, estimate=e, rows=[amount_row, p],
                            shown=_shown(e, hedge, lang),
                            text=text(lang, "derived.previous", period=period_text(prev or period, lang, label),
                                      value=_bound(e.value, hedge, lang), interval=_interval(e, lang),
                                      amount=_as_printed(amount, hedge, lang), how=how, note=note,
                                      cite=cite(p, lang))))
        # a total over whole years: its yearly average, with the total's hedge and rounding (none for a running total)
        average = prose.derived_average(amount_row.to_dict(), period.years, lang) if period and period.full_years \
            and period.years > 1 else None
        if average is not None and period is not None:
            avg = derive.annual_average(amount, period.start.year, period.end.year)
            said = prose.recent_span([amount_row.to_dict()], period, lang, texts)  # "trong 3 năm", as the article
            out.append(dict(kind="average", district=district, period=label, value=avg, low=avg, high=avg, docs=doc,
                            when=period, rows=[amount_row], shown=average["value"], said=said,
                            text=text(lang, "derived.average", period=said or period_text(period, lang), value=average["number"],
                                      amount=average["amount"], years=plural(lang, "count.years", period.years),
                                      cite=cite(amount_row, lang))))
    out += _differences(rev, lang)
    return out


def _bound(value: float, hedge: str, lang: str, unit: str = "") -> str:
    """A derived value (one decimal) with the bound its amount's hedge leaves, rounded so that it stays true: "hơn
    2.768,0" of 2768.07; a plain value otherwise.

    >>> _bound(2768.07, "more_than", "vi"), _bound(2768.07, "less_than", "en", "VND_bn"), _bound(2768.07, "estimate", "vi")
    ('hơn 2.768,0', 'less than 2,768.1 billion VND', '2.768,1')
    """
    if hedge == "more_than":
        value = math.floor(value * 10) / 10
    elif hedge == "less_than":
        value = math.ceil(value * 10) / 10
    shown = fmt_value(round(value, 1), unit, None, lang) if unit else fmt_number(value, lang, 1)
    return hedged(shown, hedge, lang) if hedge in ("more_than", "less_than") else shown


def _divisor(pct: float, hedge: str, lang: str) -> tuple[str, str]:
    """The percentage a derivation divides by, and a note: for a bound, the end of the percentage's rounding that
    keeps the bound true ("hơn 1.647 ÷ 59%" is at least 1.647 ÷ 59,5%: the article's 59% may be a rounded 59,49%).

    >>> _divisor(59.0, "estimate", "vi"), _divisor(59.0, "more_than", "vi"), _divisor(35.0, "less_than", "en")
    (('59', ''), ('59,5', ' (lấy 59,5%, cận trên của những số làm tròn thành 59%)'), ('34.5', ' (taking 34.5%, the bottom of what rounds to 35%)'))
    """
    if hedge not in ("more_than", "less_than"):
        return fmt_number(pct, lang), ""
    printed = derive.printed(pct)
    end = float(printed) + (derive.half_unit(printed) if hedge == "more_than" else -derive.half_unit(printed))
    shown = fmt_number(end, lang, len(printed.partition(".")[2]) + 1)
    key = "derived.rounded_high" if hedge == "more_than" else "derived.rounded_low"
    return shown, text(lang, key, end=shown, printed=fmt_number(pct, lang))


def _as_printed(amount: float, hedge: str, lang: str) -> str:
    """The article's amount in a derivation, with its bound ("hơn 1.647")."""
    return hedged(fmt_number(amount, lang), hedge, lang) if hedge in ("more_than", "less_than") else fmt_number(amount, lang)


def _interval(e: derive.Estimate, lang: str) -> str:
    """The rounding interval of a derived value, printed after it (" (2.805,6 – 2.837,3)"); none for a bound."""
    if math.isinf(e.high) or e.low <= 0:
        return ""
    return f" ({fmt_number(e.low, lang, 1)} – {fmt_number(e.high, lang, 1)})"


def _shown(e: derive.Estimate, hedge: str, lang: str) -> str | None:
    """The table's value of a bound ("hơn 2.768 tỷ đồng", rounded so that it stays true); None for a value with an interval (printed as is)."""
    return _bound(e.value, hedge, lang, "VND_bn") if _interval(e, lang) == "" else None


def _differences(rev: pd.DataFrame, lang: str) -> list[dict]:
    """The revenue between two year-to-date figures of one district and year (from different articles)."""
    out = []
    periods = rev["when"]
    keep = periods.map(lambda p: p is not None and p.start.month == 1 and p.granularity in _YEAR_TO_DATE).astype(bool)
    ytd = rev[keep].assign(months=periods[keep].map(lambda p: p.months), year=periods[keep].map(lambda p: p.start.year))
    for (district, _year), g in ytd.groupby(["district", "year"], sort=True):
        g = g.sort_values("months").drop_duplicates("months")
        for (_, early), (_, late) in zip(g.iloc[:-1].iterrows(), g.iloc[1:].iterrows(), strict=True):
            if not derivable(early.to_dict(), late.to_dict()):  # one place, one year, results, a total that grew
                continue
            value = derive.difference(late["value"], early["value"])
            p1, p2 = figure_period_text(early, lang), figure_period_text(late, lang)
            ceiling = early["qualifier"] == "more_than"  # "hơn 1.647" before: the difference is at most 864
            bound = text(lang, "derived.bound", p1=p1) if ceiling else ""
            out.append(dict(kind="quarter", district=district, period=f"{early['period']}..{late['period']}",
                            value=value, low=value, high=value, docs=f"{early['doc']},{late['doc']}", rows=[late, early],
                            span=between(period_of(early), period_of(late)), ends=(early["when"], late["when"]),
                            shown=_bound(value, "less_than", lang, "VND_bn") if ceiling else None,
                            text=text(lang, "derived.quarter", p1=p1, p2=p2, value=_bound(value, "less_than" if ceiling
                                                                                          else "", lang),
                                      a=fmt_number(late["value"], lang), b=_as_printed(early["value"], str(early["qualifier"]), lang),
                                      cites=cite(late, lang) + " " + cite(early, lang), bound=bound)))
    return out


def plan_agreement(derived: list[dict], lang: str = "vi", chapter: str | None = None) -> list[str]:
    """Whether annual plans implied by different articles agree within their rounding intervals (each noted under
    ``chapter`` in the table of statements)."""
    n = lambda v: fmt_number(v, lang, 1)  # noqa: E731
    plans = [d for d in derived if d["kind"] == "plan"]
    out = []
    for i, a in enumerate(plans):
        for b in plans[i + 1:]:
            if a["district"] != b["district"] or a["period"] != b["period"] or a["docs"] == b["docs"] \
                    or not (_interval(a["estimate"], lang) and _interval(b["estimate"], lang)):
                continue  # a floor ("hơn 1.647 tỷ" ÷ 59%) is no plan to agree with
            ok = a["estimate"].overlaps(b["estimate"])
            out.append(text(lang, "derived.agree", year=a["period"],
                            verdict=text(lang, "derived.agree_yes" if ok else "derived.agree_no"),
                            a=n(a["value"]), alow=n(a["low"]), ahigh=n(a["high"]), b=n(b["value"]),
                            blow=n(b["low"]), bhigh=n(b["high"]),
                            overlap=text(lang, "derived.overlap_yes" if ok else "derived.overlap_no")))
            if chapter:
                ledger.note(chapter, lang, "derived:agreement", out[-1], a["rows"] + b["rows"], a["district"], a["period"])
    return out


def _what(d: dict, lang: str) -> str:
    """The derived measure named for the table: kind, district and period in words."""
    if d["kind"] == "quarter":
        labels, (early, late) = d["period"].split(".."), d["ends"]
        when = period_text(d["span"], lang) if d["span"] else \
            f"{period_text(early, lang, labels[0])} – {period_text(late, lang, labels[1])}"
    elif d["kind"] == "plan":
        when = d["period"]  # a year: "Kế hoạch năm · Tây Hồ · 2024"
    else:
        when = d.get("said") or period_text(d["when"], lang, d["period"])
    return f"{text(lang, 'derived.kind.' + d['kind'])} · {d['district']} · {when}"


def derived(df: pd.DataFrame, texts: dict[str, str] | None = None, lang: str = "vi") -> MyST:
    """The table of derived measures with their reasoning, the rounding note, and whether implied plans agree."""
    found = derivations(df, lang, texts)
    if not found:
        return MyST(text(lang, "derived.none"))
    table = pd.DataFrame({
        "what": [_what(d, lang) for d in found],
        "value": [d.get("shown") or fmt_value(round(d["value"], 1), "VND_bn", None, lang) for d in found],
        "how": [d["text"] for d in found],
    })
    table.columns = common.heads(lang, "derived", "value", "reasoning")
    for d, what, value in zip(found, table.iloc[:, 0], table.iloc[:, 1], strict=True):  # the table of statements
        ledger.note(CHAPTER, lang, f"derived:{d['kind']}", f"{what}: {value}. {d['text']}", d["rows"], d["district"],
                    d["period"])
    save_data(pd.DataFrame([{k: v for k, v in d.items() if k not in ("estimate", "span", "shown", "rows", "when", "ends", "said")} for d in found]),
              "budget-derived")
    parts = [list_table(table, (26, 14, 60), text(lang, "caption.derived")), text(lang, "derived.note"), *map(escape, plan_agreement(found, lang, CHAPTER)),
             html_only(download("budget-derived.csv"))]
    return MyST("\n\n".join(parts))
