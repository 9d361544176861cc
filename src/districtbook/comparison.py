"""Comparing two districts on a common footing, and saying why a comparison is refused.

A pair of figures (one per district, same metric) is compared only when it can be made
comparable: same unit and basis, results against results (not targets), multi-year totals
annualised, rates over overlapping or equal periods.  Every refused pair gets its reason.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import derive
from .dataset import cite
from .report import PALETTE, MyST, fmt_number, house_style, md, publish_chart
from .views import fmt_value, label

AMOUNT_UNITS = ("VND_bn", "USD_mn", "count")


@dataclass(frozen=True)
class Pair:
    metric: str
    a: dict
    b: dict
    value_a: float
    value_b: float
    footing: str  # "as_reported" | "annualised"
    note: str  # "" or "different_years"


@dataclass(frozen=True)
class Refusal:
    metric: str
    a: dict
    b: dict
    reason: str  # a key of REASONS


REASONS = {
    "unit": {"vi": "khác đơn vị ({ua} và {ub})", "en": "different units ({ua} and {ub})"},
    "basis": {"vi": "khác cơ sở so sánh ({ba} và {bb})", "en": "measured against different bases ({ba} and {bb})"},
    "target": {"vi": "một bên là mục tiêu, một bên là kết quả", "en": "a target against a result"},
    "term_vs_annual": {"vi": "chỉ tiêu cả nhiệm kỳ ({pa}) không so được với chỉ tiêu một năm ({pb})",
                       "en": "whole-term targets ({pa}) cannot be set against one year's targets ({pb})"},
    "partial_year": {"vi": "số của một phần năm ({pa}) không quy được về cả năm để so với {pb}",
                     "en": "a part-year figure ({pa}) cannot be annualised to set against {pb}"},
    "totals": {"vi": "tổng {na} năm ({pa}) và tổng {nb} năm ({pb}) chỉ so được sau khi chia bình quân năm",
               "en": "a {na}-year total ({pa}) and a {nb}-year total ({pb}) compare only as yearly averages"},
    "no_period": {"vi": "thiếu kỳ của con số", "en": "a figure has no period"},
}


def _scope(period: str) -> str:
    """'term' for whole or half terms and multi-year spans, 'year' for one year or part of it."""
    years = derive.years_of(period)
    if years is None:
        return "unknown"
    return "term" if years[1] > years[0] or period.endswith("-H1") and len(period.split("-")) == 3 else "year"


def judge(metric: str, a: dict, b: dict) -> Pair | Refusal:
    """Compare one figure of each district, or say why not."""
    if a["unit"] != b["unit"]:
        return Refusal(metric, a, b, "unit")
    if a["basis"] != b["basis"]:
        return Refusal(metric, a, b, "basis")
    if (a["qualifier"] == "target") != (b["qualifier"] == "target"):
        return Refusal(metric, a, b, "target")
    sa, sb = derive.span_years(a["period"]), derive.span_years(b["period"])
    if sa is None or sb is None:
        return Refusal(metric, a, b, "no_period")
    if a["unit"] == "ratio":
        if _scope(a["period"]) != _scope(b["period"]):
            return Refusal(metric, a, b, "term_vs_annual")
        return Pair(metric, a, b, a["value"] / a["denominator"] * 100, b["value"] / b["denominator"] * 100,
                    "as_reported", _years_note(a, b))
    if a["unit"] in AMOUNT_UNITS and sa != sb:
        if min(sa, sb) < 1:
            return Refusal(metric, a, b, "partial_year")
        return Pair(metric, a, b, a["value"] / sa, b["value"] / sb, "annualised", _years_note(a, b))
    return Pair(metric, a, b, a["value"], b["value"], "as_reported", _years_note(a, b))


def _years_note(a: dict, b: dict) -> str:
    ya, yb = derive.years_of(a["period"]), derive.years_of(b["period"])
    if ya and yb and (ya[1] < yb[0] or yb[1] < ya[0]):
        return "different_years"
    return ""


def compare(df: pd.DataFrame, district_a: str, district_b: str) -> tuple[list[Pair], list[Refusal]]:
    """For each metric both districts report: the first comparable pair, else the refusals."""
    pairs, refusals = [], []
    known = df[df["metric"] != "other"].drop_duplicates(["district", "metric", "value", "period", "unit"])
    for metric in sorted(set(known[known["district"] == district_a]["metric"]) & set(known[known["district"] == district_b]["metric"])):
        ra = known[(known["district"] == district_a) & (known["metric"] == metric)].to_dict("records")
        rb = known[(known["district"] == district_b) & (known["metric"] == metric)].to_dict("records")
        verdicts = [judge(metric, a, b) for a in ra for b in rb]
        found = [v for v in verdicts if isinstance(v, Pair)]
        if found:
            found.sort(key=lambda p: (p.note != "", p.footing != "as_reported"))
            pairs.append(found[0])
        else:
            refusals.append(verdicts[0])
    return pairs, refusals


TEXT = {
    "vi": {
        "pair": "{metric}: {a} {va} ({pa}) {ca} và {b} {vb} ({pb}) {cb}{footing}{note}.",
        "annualised": "; {why}: {a} {aa}/năm, {b} {ab}/năm",
        "different_years": "; lưu ý hai kỳ không trùng nhau",
        "refused": "{metric}: không so sánh, vì {reason}. {ca} {cb}",
        "none_pairs": "Không có chỉ số nào của {a} và {b} so sánh được với nhau trên cùng một cơ sở.",
        "intro": "{n} chỉ số so sánh được, {m} so sánh bị từ chối (lý do nêu bên dưới).",
        "refusals": "**So sánh bị từ chối**",
        "same": "Hai tham số district_a và district_b cùng là {a}: không có gì để so sánh.",
        "title": "{a} và {b}: các chỉ số so sánh được",
        "ylabel": "Giá trị (đơn vị của chỉ số; bình quân năm nếu đã quy đổi)",
        "alt": "Biểu đồ cột nhóm so sánh {a} và {b}. {items}.",
        "caption": "Chỉ số so sánh được giữa hai quận (tỷ số x/y tính theo %, tổng nhiều năm chia bình quân năm).",
    },
    "en": {
        "pair": "{metric}: {a} {va} ({pa}) {ca} and {b} {vb} ({pb}) {cb}{footing}{note}.",
        "annualised": "; {why}: {a} {aa} a year, {b} {ab} a year",
        "different_years": "; note that the two periods do not overlap",
        "refused": "{metric}: not compared, because {reason}. {ca} {cb}",
        "none_pairs": "No indicator of {a} and {b} can be compared on a common footing.",
        "intro": "{n} indicators compare, {m} comparisons refused (reasons below).",
        "refusals": "**Comparisons refused**",
        "same": "district_a and district_b are both {a}: there is nothing to compare.",
        "title": "{a} and {b}: comparable indicators",
        "ylabel": "Value (the metric's unit; per year where annualised)",
        "alt": "Grouped bar chart comparing {a} and {b}. {items}.",
        "caption": "Indicators comparable between the two districts (x/y ratios in %, multi-year totals per year).",
    },
}


def _fmt(row: dict, lang: str) -> str:
    return fmt_value(row["value"], row["unit"], row["denominator"], lang)


def comparison_text(df: pd.DataFrame, a: str, b: str, lang: str = "vi") -> MyST:
    t = TEXT[lang]
    if a == b:
        return md(t["same"], a=a)
    pairs, refusals = compare(df, a, b)
    out = [md(t["intro"], n=len(pairs), m=len(refusals))]
    if not pairs:
        out.append(md(t["none_pairs"], a=a, b=b))
    for p in pairs:
        footing = ""
        if p.footing == "annualised":
            unit = p.a["unit"]
            why = md(REASONS["totals"][lang], na=fmt_number(derive.span_years(p.a["period"]), lang), pa=p.a["period"],
                     nb=fmt_number(derive.span_years(p.b["period"]), lang), pb=p.b["period"])
            footing = md(t["annualised"], why=why, a=a, b=b,
                         aa=fmt_value(round(p.value_a, 1), unit, None, lang),
                         ab=fmt_value(round(p.value_b, 1), unit, None, lang))
        out.append(md(t["pair"], metric=label(p.metric, lang), a=a, b=b, va=_fmt(p.a, lang),
                      vb=_fmt(p.b, lang), pa=p.a["period"], pb=p.b["period"], ca=cite(p.a, lang),
                      cb=cite(p.b, lang), footing=footing, note=MyST(t[p.note]) if p.note else ""))
    if refusals:
        out.append(t["refusals"])
        for r in refusals:
            x, y = r.a, r.b
            if r.reason == "term_vs_annual" and _scope(x["period"]) != "term":
                x, y = y, x  # the message names the whole-term figure first
            if r.reason == "partial_year" and (derive.span_years(x["period"]) or 0) >= 1:
                x, y = y, x
            fa, fb = derive.span_years(x["period"]) or 0, derive.span_years(y["period"]) or 0
            reason = md(REASONS[r.reason][lang], ua=x["unit"], ub=y["unit"], ba=x["basis"], bb=y["basis"],
                        pa=x["period"], pb=y["period"], na=fmt_number(fa, lang), nb=fmt_number(fb, lang))
            out.append("- " + md(t["refused"], metric=label(r.metric, lang), reason=reason, ca=cite(r.a, lang),
                                 cb=cite(r.b, lang)))
    return MyST("\n\n".join(out))


def comparison_chart(df: pd.DataFrame, a: str, b: str, lang: str = "vi") -> MyST:
    """Grouped bars, one group per comparable metric; no chart at all when nothing compares."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    t = TEXT[lang]
    pairs, _ = compare(df, a, b) if a != b else ([], [])
    if not pairs:
        return MyST("")
    house_style()
    n = len(pairs)
    fig, axes = plt.subplots(n, 1, figsize=(8, 1.25 * n + 1.4), squeeze=False)
    items, data = [], []
    for ax, p in zip(axes[:, 0], pairs, strict=True):
        bars = ax.barh([b, a], [p.value_b, p.value_a], color=[PALETTE[1], PALETTE[0]], height=0.7)
        unit = "percent" if p.a["unit"] == "ratio" else p.a["unit"]
        texts = [fmt_value(round(v, 2), unit, None, lang) for v in (p.value_a, p.value_b)]
        ax.bar_label(bars, labels=texts[::-1], padding=3, fontsize=8)
        suffix = {"vi": " (bình quân năm)", "en": " (per year)"}[lang] if p.footing == "annualised" else ""
        ax.set_title(label(p.metric, lang) + suffix, fontsize=9, loc="left")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt_number(x, lang)))
        ax.margins(x=0.25)
        ax.tick_params(labelsize=8)
        items.append(f"{label(p.metric, lang)}{suffix}: {a} {texts[0]}, {b} {texts[1]}")
        data.append({"metric": p.metric, "footing": p.footing, "district_a": a, "value_a": p.value_a,
                     "period_a": p.a["period"], "district_b": b, "value_b": p.value_b, "period_b": p.b["period"]})
    fig.suptitle(t["title"].format(a=a, b=b), fontweight="bold")
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    rows = pd.DataFrame(data)
    docs = sorted({cite(p.a, lang) for p in pairs} | {cite(p.b, lang) for p in pairs})
    source = {"vi": "Nguồn: ", "en": "Source: "}[lang] + ", ".join(docs) + "."
    from .places import slugify

    name = f"compare-{slugify(a)}-{slugify(b)}-{lang}"
    return MyST(publish_chart(fig, name, t["alt"].format(a=a, b=b, items="; ".join(items)), source, rows,
                              t["caption"]))
