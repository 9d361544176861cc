"""What the analysis chapters show: tables, derived measures with their reasoning, narratives, charts.

Every sentence that states a figure cites its article; every number is formatted for the
edition's language; every chart follows the house style of :mod:`districtbook.report`.
"""
from __future__ import annotations

import pandas as pd

from . import derive
from .dataset import FLAG_TEXT, cite, context_before, quality_flags, short_doc
from .metrics import METRICS
from .report import PALETTE, MyST, escape, fmt_number, house_style, list_table, md, publish_chart, save_data

TOPICS = {
    "budget": ("budget_revenue", "budget_revenue_vs_plan", "budget_revenue_yoy", "budget_revenue_growth",
               "budget_revenue_vs_term_start", "land_use_revenue"),
    "growth": ("economic_growth_rate", "sector_share_services", "sector_share_industry", "sector_share_agriculture",
               "new_enterprises"),
    "digital": ("cashless_markets", "cashless_streets", "digitised_records", "records_on_time",
                "admin_reform_rank_change", "public_investment_disbursement"),
    "governance": ("targets_completed", "targets_exceeded", "targets_remaining", "confidence_votes",
                   "party_members_admitted", "party_members_admitted_vs_target", "party_units_excellent_share",
                   "party_units_good_share", "new_party_organisations", "new_mass_organisations", "awards"),
}

T = {
    "vi": {
        "units": {"VND_bn": "tỷ đồng", "USD_mn": "triệu USD", "percent": "%", "times": "lần", "rank": "bậc",
                  "ha": "ha", "km2": "km²", "m2": "m²", "km": "km", "m": "m", "count": "", "ratio": ""},
        "qual": {"actual": "thực hiện", "estimate": "ước tính", "more_than": "hơn", "less_than": "dưới",
                 "approx": "khoảng", "target": "mục tiêu", "range_low": "từ", "range_high": "đến"},
        "basis": {"plan": "kế hoạch", "yoy": "cùng kỳ", "term_start": "đầu nhiệm kỳ", "share": "tỷ trọng",
                  "target": "mục tiêu", "none": ""},
        "head": ["Quận", "Chỉ số", "Giá trị", "Kỳ", "So với", "Mức", "Nguồn", "Trích dẫn"],
        "none": "Dữ liệu hiện có không có con số nào thuộc chủ đề này.",
        "source": "Nguồn: {docs}.",
    },
    "en": {
        "units": {"VND_bn": "VND bn", "USD_mn": "USD mn", "percent": "%", "times": "times", "rank": "rank steps",
                  "ha": "ha", "km2": "km²", "m2": "m²", "km": "km", "m": "m", "count": "", "ratio": ""},
        "qual": {"actual": "actual", "estimate": "estimate", "more_than": "more than", "less_than": "less than",
                 "approx": "about", "target": "target", "range_low": "from", "range_high": "to"},
        "basis": {"plan": "plan", "yoy": "same period a year earlier", "term_start": "start of term", "share": "share",
                  "target": "target", "none": ""},
        "head": ["District", "Metric", "Value", "Period", "Against", "Hedge", "Source", "Quote"],
        "none": "The data hold no figure on this topic.",
        "source": "Source: {docs}.",
    },
}


def label(metric: str, lang: str) -> str:
    m = METRICS.get(metric, METRICS["other"])
    return m.vi if lang == "vi" else m.en


def fmt_value(value: float, unit: str, denominator: float | None, lang: str) -> str:
    """A figure as a reader reads it: "2.511 tỷ đồng", "89%", "21/21", "3,6 lần" (or the English forms).

    >>> fmt_value(2511, "VND_bn", None, "vi"), fmt_value(2511, "VND_bn", None, "en"), fmt_value(21, "ratio", 21, "vi")
    ('2.511 tỷ đồng', '2,511 VND bn', '21/21')
    >>> fmt_value(11.69, "percent", None, "vi"), fmt_value(3.6, "times", None, "en")
    ('11,69%', '3.6 times')
    """
    num = fmt_number(value, lang)
    if unit == "ratio" and denominator is not None and denominator == denominator:
        return f"{num}/{fmt_number(denominator, lang)}"
    word = T[lang]["units"].get(unit, unit)
    if unit == "percent":
        return num + "%"
    return f"{num} {word}".strip()


def _rows(df: pd.DataFrame, metrics: tuple[str, ...] | None) -> pd.DataFrame:
    sel = df if metrics is None else df[df["metric"].isin(metrics)]
    order = {m: i for i, m in enumerate(metrics or ())}
    return sel.assign(_o=sel["metric"].map(order).fillna(len(order))).sort_values(["district", "_o", "period", "doc", "start"])


def topic_table(df: pd.DataFrame, metrics: tuple[str, ...] | None, lang: str, name: str) -> MyST:
    """The figures of a topic with period, basis, hedge, citation and quote; its CSV beside it."""
    rows = _rows(df, metrics)
    if rows.empty:
        return MyST(T[lang]["none"])
    save_data(rows.drop(columns="_o"), name)
    t = T[lang]
    table = pd.DataFrame({
        "district": rows["district"],
        "metric": [label(m, lang) for m in rows["metric"]],
        "value": [fmt_value(v, u, d, lang) for v, u, d in zip(rows["value"], rows["unit"], rows["denominator"], strict=True)],
        "period": rows["period"],
        "basis": [t["basis"].get(b, b) for b in rows["basis"]],
        "qualifier": [t["qual"].get(q, q) for q in rows["qualifier"]],
        "source": [cite(r, lang) for _, r in rows.iterrows()],
        "quote": ["“" + q + "”" for q in rows["quote"]],
    })
    table.columns = t["head"]
    link = f"{{download}}`CSV <_assets/{name}.csv>`"
    return MyST(list_table(table, widths=(8, 20, 11, 10, 9, 8, 16, 18)) + "\n\n" + link)


# --- budget ----------------------------------------------------------------------------------

DERIVED_TEXT = {
    "vi": {
        "plan": "Kế hoạch năm {year} suy ra: {value} tỷ đồng ({low} – {high}) = {amount} ÷ {pct}% {cite}",
        "previous": "Cùng kỳ năm trước ({period}) suy ra: {value} tỷ đồng ({low} – {high}) = {amount} ÷ {how} {cite}",
        "level": "{pct}%",
        "growth": "(1 + {pct}%)",
        "quarter": ("Phần thu giữa {p1} và {p2} suy ra: {value} tỷ đồng = {a} − {b} {cites}{bound}"),
        "bound": "; vì số {p1} là \"hơn\", đây là mức trần",
        "average": "Bình quân mỗi năm {period}: {value} tỷ đồng = {amount} ÷ {n} năm {cite}",
        "agree": ("Kế hoạch năm {year} suy ra từ hai bài báo {verdict}: {a} ({alow} – {ahigh}) và {b} ({blow} – {bhigh}); "
                  "khoảng sai số do làm tròn tỷ lệ phần trăm {overlap}."),
        "agree_yes": "khớp nhau", "agree_no": "không khớp",
        "overlap_yes": "giao nhau", "overlap_no": "không giao nhau",
        "head": ["Đại lượng suy ra", "Giá trị", "Cách tính"],
        "none": "Không có cặp số nào đủ để suy ra thêm đại lượng.",
        "note": ("Khoảng trong ngoặc là khoảng giá trị tương thích với cách làm tròn của tỷ lệ phần trăm đã in "
                 "(ví dụ 89% có thể là bất kỳ số nào từ 88,5% đến dưới 89,5%)."),
    },
    "en": {
        "plan": "Implied {year} annual plan: {value} VND bn ({low} – {high}) = {amount} ÷ {pct}% {cite}",
        "previous": "Implied same period a year earlier ({period}): {value} VND bn ({low} – {high}) = {amount} ÷ {how} {cite}",
        "level": "{pct}%",
        "growth": "(1 + {pct}%)",
        "quarter": "Implied revenue between {p1} and {p2}: {value} VND bn = {a} − {b} {cites}{bound}",
        "bound": "; as the {p1} figure is \"more than\", this is an upper bound",
        "average": "Yearly average {period}: {value} VND bn = {amount} ÷ {n} years {cite}",
        "agree": ("The {year} annual plan implied by two articles {verdict}: {a} ({alow} – {ahigh}) and {b} ({blow} – {bhigh}); "
                  "the intervals allowed by the rounding of the printed percentages {overlap}."),
        "agree_yes": "agrees", "agree_no": "does not agree",
        "overlap_yes": "overlap", "overlap_no": "do not overlap",
        "head": ["Derived measure", "Value", "Reasoning"],
        "none": "No pair of figures allows a further derived measure.",
        "note": ("The interval in brackets holds every value consistent with the rounding of the printed percentage "
                 "(89 % may be anything from 88.5 % up to 89.5 %)."),
    },
}


def budget_derivations(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> list[dict]:
    """Every derived budget measure the figures allow, each with its value, interval and reasoning.

    Returns dicts with keys: kind, district, period, value, low, high, text, docs.
    """
    t = DERIVED_TEXT[lang]
    n = lambda v: fmt_number(v, lang, 1)  # noqa: E731 - a local formatter
    out: list[dict] = []
    rev = df[df["metric"] == "budget_revenue"]
    for (doc, district, period), g in rev.groupby(["doc", "district", "period"], sort=True):
        amount_row = g.iloc[0]
        amount = float(amount_row["value"])
        same = df[(df["doc"] == doc) & (df["district"] == district) & (df["period"] == period)]
        for _, p in same[same["metric"] == "budget_revenue_vs_plan"].iterrows():
            pct = _printed(p["value"])
            e = derive.implied_base(amount, pct)
            year = period.split("-")[0]
            out.append(dict(kind="plan", district=district, period=year, value=e.value, low=e.low, high=e.high,
                            docs=doc, estimate=e, text=t["plan"].format(year=year, value=n(e.value), low=n(e.low),
                            high=n(e.high), amount=fmt_number(amount, lang), pct=fmt_number(p["value"], lang),
                            cite=cite(p, lang))))
        for _, p in same[same["metric"] == "budget_revenue_yoy"].iterrows():
            pct = _printed(p["value"])
            grew = "tăng" in context_before(texts, doc, int(p["start"]))
            e = derive.implied_before_growth(amount, pct) if grew else derive.implied_base(amount, pct)
            how = (t["growth"] if grew else t["level"]).format(pct=fmt_number(p["value"], lang))
            prev = _previous_period(period)
            out.append(dict(kind="previous", district=district, period=prev, value=e.value, low=e.low, high=e.high,
                            docs=doc, estimate=e, text=t["previous"].format(period=prev, value=n(e.value), low=n(e.low),
                            high=n(e.high), amount=fmt_number(amount, lang), how=how, cite=cite(p, lang))))
        years = derive.years_of(period)
        if years and years[1] > years[0] and "-" in period and period.split("-")[1].isdigit():
            span = derive.span_years(period) or (years[1] - years[0] + 1)
            avg = amount / span
            out.append(dict(kind="average", district=district, period=period, value=avg, low=avg, high=avg, docs=doc,
                            text=t["average"].format(period=period, value=n(avg), amount=fmt_number(amount, lang),
                                                     n=fmt_number(span, lang), cite=cite(amount_row, lang))))
    # a period implied by two year-to-date figures of the same year from different articles
    ytd = rev[rev["period"].str.fullmatch(r"\d{4}-(?:H1|\d{1,2}M|Q1)")].copy()
    ytd["months"] = ytd["period"].map(lambda p: round((derive.span_years(p) or 0) * 12))
    ytd["year"] = ytd["period"].str[:4]
    for (district, _year), g in ytd.groupby(["district", "year"], sort=True):
        g = g.sort_values("months").drop_duplicates("months")
        for (_, early), (_, late) in zip(g.iloc[:-1].iterrows(), g.iloc[1:].iterrows(), strict=True):
            value = derive.difference(late["value"], early["value"])
            bound = t["bound"].format(p1=early["period"]) if early["qualifier"] == "more_than" else ""
            out.append(dict(kind="quarter", district=district, period=f"{early['period']}..{late['period']}",
                            value=value, low=value, high=value, docs=f"{early['doc']},{late['doc']}",
                            text=t["quarter"].format(p1=early["period"], p2=late["period"], value=n(value),
                                                     a=fmt_number(late["value"], lang), b=fmt_number(early["value"], lang),
                                                     cites=cite(late, lang) + " " + cite(early, lang), bound=bound)))
    return out


def _printed(value: float) -> str:
    """A percentage as it was printed (trailing zeros dropped): 89.0 -> "89", 11.69 -> "11.69"."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _previous_period(period: str) -> str:
    head, *rest = period.split("-")
    return "-".join([str(int(head) - 1), *rest]) if head.isdigit() else period


def plan_agreement(derived: list[dict], lang: str = "vi") -> list[str]:
    """Whether annual plans implied by different articles agree within their rounding intervals."""
    t = DERIVED_TEXT[lang]
    n = lambda v: fmt_number(v, lang, 1)  # noqa: E731
    plans = [d for d in derived if d["kind"] == "plan"]
    out = []
    for i, a in enumerate(plans):
        for b in plans[i + 1:]:
            if a["district"] != b["district"] or a["period"] != b["period"] or a["docs"] == b["docs"]:
                continue
            ok = a["estimate"].overlaps(b["estimate"])
            out.append(t["agree"].format(year=a["period"], verdict=t["agree_yes" if ok else "agree_no"],
                                         a=n(a["value"]), alow=n(a["low"]), ahigh=n(a["high"]), b=n(b["value"]),
                                         blow=n(b["low"]), bhigh=n(b["high"]),
                                         overlap=t["overlap_yes" if ok else "overlap_no"]))
    return out


def budget_derived(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> MyST:
    t = DERIVED_TEXT[lang]
    derived = budget_derivations(df, texts, lang)
    if not derived:
        return MyST(t["none"])
    kinds = {"vi": {"plan": "Kế hoạch năm", "previous": "Cùng kỳ năm trước", "average": "Bình quân năm",
                    "quarter": "Chênh lệch hai kỳ lũy kế"},
             "en": {"plan": "Annual plan", "previous": "Same period a year earlier", "average": "Yearly average",
                    "quarter": "Difference of two year-to-date figures"}}[lang]
    table = pd.DataFrame({
        "what": [f"{kinds[d['kind']]} · {d['district']} · {d['period']}" for d in derived],
        "value": [fmt_value(round(d["value"], 1), "VND_bn", None, lang) for d in derived],
        "how": [d["text"] for d in derived],
    })
    table.columns = t["head"]
    save_data(pd.DataFrame([{k: v for k, v in d.items() if k != "estimate"} for d in derived]), "budget-derived")
    agreement = plan_agreement(derived, lang)
    parts = [list_table(table, widths=(26, 14, 60)), t["note"], *map(escape, agreement),
             "{download}`CSV <_assets/budget-derived.csv>`"]
    return MyST("\n\n".join(parts))


CHART_TEXT = {
    "vi": {
        "budget_title": "Thu ngân sách được báo cáo, theo quận và kỳ",
        "budget_x": "Tỷ đồng", "budget_alt": "Biểu đồ thanh ngang: thu ngân sách được báo cáo. {items}.",
        "budget_caption": "Thu ngân sách như các bài báo đưa tin (tổng nhiều năm để nguyên, không chia bình quân).",
        "growth_title": "Tốc độ tăng trưởng kinh tế được báo cáo",
        "growth_x": "Tăng trưởng (%/năm hoặc %)", "growth_alt": "Biểu đồ thanh ngang: tốc độ tăng trưởng. {items}.",
        "growth_caption": "Tốc độ tăng trưởng; màu cho biết số thực hiện, ước tính hay mục tiêu.",
        "share_title": "Cơ cấu kinh tế (tỷ trọng ngành)",
        "share_x": "Tỷ trọng (%)", "share_alt": "Biểu đồ thanh xếp chồng: tỷ trọng các ngành. {items}.",
        "share_caption": "Tỷ trọng các ngành trong cơ cấu kinh tế.",
        "gov_title": "Chỉ tiêu và phiếu: tỷ lệ đạt (x/y)",
        "gov_x": "Tỷ lệ đạt (%)", "gov_alt": "Biểu đồ thanh ngang: tỷ lệ x/y của các chỉ tiêu và phiếu tín nhiệm. {items}.",
        "gov_caption": "Mỗi thanh là một tỷ số x/y được báo cáo (số hoàn thành trên tổng số).",
        "digital_title": "Chuyển đổi số và cải cách hành chính theo thời gian",
        "digital_x": "Ngày đăng bài", "digital_alt": "Biểu đồ điểm theo thời gian: các chỉ số chuyển đổi số. {items}.",
        "digital_caption": "Mỗi điểm là một con số, đặt theo ngày đăng của bài báo.",
        "legend_qual": "Mức",
    },
    "en": {
        "budget_title": "Reported budget revenue, by district and period",
        "budget_x": "VND billion", "budget_alt": "Horizontal bar chart: reported budget revenue. {items}.",
        "budget_caption": "Budget revenue as the articles report it (multi-year totals as printed, not averaged).",
        "growth_title": "Reported economic growth rates",
        "growth_x": "Growth (% a year or %)", "growth_alt": "Horizontal bar chart: growth rates. {items}.",
        "growth_caption": "Growth rates; the colour tells actual, estimate or target.",
        "share_title": "Economic structure (sector shares)",
        "share_x": "Share (%)", "share_alt": "Stacked bar chart: sector shares. {items}.",
        "share_caption": "Sector shares of the economy.",
        "gov_title": "Targets and votes: share achieved (x/y)",
        "gov_x": "Achieved (%)", "gov_alt": "Horizontal bar chart: x/y ratios of targets and votes. {items}.",
        "gov_caption": "Each bar is a reported x/y ratio (met or won over the total).",
        "digital_title": "Digital transformation and administrative reform over time",
        "digital_x": "Article date", "digital_alt": "Time scatter chart: digital-transformation figures. {items}.",
        "digital_caption": "Each point is a figure, placed at its article's publication date.",
        "legend_qual": "Hedge",
    },
}


def _source_line(rows: pd.DataFrame, lang: str) -> str:
    docs = sorted({cite(r, lang) for _, r in rows.iterrows()})
    return T[lang]["source"].format(docs=", ".join(docs))


def _hbar(labels: list[str], values: list[float], colours: list[str], texts: list[str],
          title: str, xlabel: str, lang: str):
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    house_style()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(labels) + 1.8))
    bars = ax.barh(labels[::-1], values[::-1], color=colours[::-1])
    ax.bar_label(bars, labels=texts[::-1], padding=3, fontsize=8)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.18)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt_number(x, lang)))
    return fig, ax


def _legend(ax, mapping: dict[str, str], title: str) -> None:
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=k) for k, c in mapping.items()], title=title, loc="upper left",
              bbox_to_anchor=(1.01, 1), frameon=False)


def budget_chart(df: pd.DataFrame, lang: str = "vi") -> MyST:
    rows = _rows(df, ("budget_revenue", "land_use_revenue")).drop_duplicates(["district", "metric", "period", "value"])
    if rows.empty:
        return MyST(T[lang]["none"])
    c = CHART_TEXT[lang]
    labels = [f"{r.district} · {r.period}" + (f" ({label(r.metric, lang)})" if r.metric != "budget_revenue" else "")
              for r in rows.itertuples()]
    districts = sorted(set(rows["district"]))
    colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(districts)}
    texts = [f"{T[lang]['qual'][r.qualifier] if r.qualifier != 'actual' else ''} {fmt_number(r.value, lang)}".strip()
             for r in rows.itertuples()]
    fig, ax = _hbar(labels, list(rows["value"]), [colour[d] for d in rows["district"]], texts,
                    c["budget_title"], c["budget_x"], lang)
    _legend(ax, colour, "")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    items = "; ".join(f"{lb}: {tx}" for lb, tx in zip(labels, texts, strict=True))
    return MyST(publish_chart(fig, f"budget-{lang}", c["budget_alt"].format(items=items), _source_line(rows, lang),
                              rows.drop(columns="_o"), c["budget_caption"]))


def growth_chart(df: pd.DataFrame, lang: str = "vi") -> MyST:
    rows = _rows(df, ("economic_growth_rate",))
    if rows.empty:
        return MyST(T[lang]["none"])
    c = CHART_TEXT[lang]
    labels = [f"{r.district} · {r.period}" for r in rows.itertuples()]
    quals = sorted(set(rows["qualifier"]))
    colour = {T[lang]["qual"][q]: PALETTE[i % len(PALETTE)] for i, q in enumerate(quals)}
    cols = [colour[T[lang]["qual"][q]] for q in rows["qualifier"]]
    texts = [fmt_value(v, "percent", None, lang) for v in rows["value"]]
    fig, ax = _hbar(labels, list(rows["value"]), cols, texts, c["growth_title"], c["growth_x"], lang)
    _legend(ax, colour, c["legend_qual"])
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    items = "; ".join(f"{lb}: {tx}" for lb, tx in zip(labels, texts, strict=True))
    return MyST(publish_chart(fig, f"growth-{lang}", c["growth_alt"].format(items=items), _source_line(rows, lang),
                              rows.drop(columns="_o"), c["growth_caption"]))


def share_chart(df: pd.DataFrame, lang: str = "vi") -> MyST:
    import matplotlib.pyplot as plt

    metrics = ("sector_share_services", "sector_share_industry", "sector_share_agriculture")
    rows = _rows(df, metrics)
    if rows.empty:
        return MyST(T[lang]["none"])
    c = CHART_TEXT[lang]
    house_style()
    groups = list(dict.fromkeys(f"{r.district} · {r.period}" for r in rows.itertuples()))
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(groups) + 1.8))
    left = [0.0] * len(groups)
    items = []
    for i, m in enumerate(metrics):
        vals = []
        for g in groups:
            sel = rows[(rows["metric"] == m) & ((rows["district"] + " · " + rows["period"]) == g)]
            vals.append(float(sel["value"].iloc[0]) if len(sel) else 0.0)
        bars = ax.barh(groups, vals, left=left, color=PALETTE[i], label=label(m, lang))
        ax.bar_label(bars, labels=[fmt_value(v, "percent", None, lang) if v >= 3 else "" for v in vals],
                     label_type="center", fontsize=8, color="white")
        items += [f"{g}, {label(m, lang)}: {fmt_value(v, 'percent', None, lang)}" for g, v in zip(groups, vals, strict=True)]
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_title(c["share_title"])
    ax.set_xlabel(c["share_x"])
    ax.set_xlim(0, 100)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.35), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return MyST(publish_chart(fig, f"shares-{lang}", c["share_alt"].format(items="; ".join(items)),
                              _source_line(rows, lang), rows.drop(columns="_o"), c["share_caption"]))


def governance_chart(df: pd.DataFrame, lang: str = "vi") -> MyST:
    rows = _rows(df[df["unit"] == "ratio"], None)
    if rows.empty:
        return MyST(T[lang]["none"])
    c = CHART_TEXT[lang]
    labels = [f"{r.district} · {label(r.metric, lang)} · {r.period}" for r in rows.itertuples()]
    shares = [100 * v / d for v, d in zip(rows["value"], rows["denominator"], strict=True)]
    texts = [fmt_value(v, "ratio", d, lang) for v, d in zip(rows["value"], rows["denominator"], strict=True)]
    districts = sorted(set(rows["district"]))
    colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(districts)}
    fig, ax = _hbar(labels, shares, [colour[d] for d in rows["district"]], texts, c["gov_title"], c["gov_x"], lang)
    ax.set_xlim(0, 115)
    _legend(ax, colour, "")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    items = "; ".join(f"{lb}: {tx}" for lb, tx in zip(labels, texts, strict=True))
    return MyST(publish_chart(fig, f"governance-{lang}", c["gov_alt"].format(items=items), _source_line(rows, lang),
                              rows.drop(columns="_o"), c["gov_caption"]))


def digital_timeline(df: pd.DataFrame, lang: str = "vi") -> MyST:
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    rows = _rows(df, TOPICS["digital"])
    rows = rows[rows["published"].str.match(r"^\d{4}")]
    if rows.empty:
        return MyST(T[lang]["none"])
    c = CHART_TEXT[lang]
    house_style()
    when = pd.to_datetime(rows["published"].map(lambda d: d if len(d) == 10 else f"{d}-07-01"))
    metrics = list(dict.fromkeys(rows["metric"]))
    ypos = [metrics.index(m) for m in rows["metric"]]
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(metrics) + 1.8))
    districts = sorted(set(rows["district"]))
    colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(districts)}
    ax.scatter(when, ypos, c=[colour[d] for d in rows["district"]], s=60, zorder=3)
    texts = [fmt_value(v, u, d, lang) for v, u, d in zip(rows["value"], rows["unit"], rows["denominator"], strict=True)]
    seen: dict[int, int] = {}
    for x, y, tx in zip(when, ypos, texts, strict=True):
        k = seen[y] = seen.get(y, -1) + 1  # alternate labels above and below on a crowded row
        ax.annotate(tx, (x, y), xytext=(6, 5 if k % 2 == 0 else -13), textcoords="offset points", fontsize=8)
    ax.set_yticks(range(len(metrics)), [label(m, lang) for m in metrics])
    ax.set_ylim(-0.7, len(metrics) - 0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.set_xlim(when.min() - pd.Timedelta(days=200), when.max() + pd.Timedelta(days=300))
    ax.set_title(c["digital_title"])
    ax.set_xlabel(c["digital_x"])
    _legend(ax, colour, "")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    items = "; ".join(f"{label(m, lang)}, {d}, {p}: {tx}" for m, d, p, tx in
                      zip(rows["metric"], rows["district"], rows["published"], texts, strict=True))
    return MyST(publish_chart(fig, f"digital-{lang}", c["digital_alt"].format(items=items), _source_line(rows, lang),
                              rows.drop(columns="_o"), c["digital_caption"]))


# --- narratives ------------------------------------------------------------------------------

NARRATIVE = {
    "vi": {
        "fact": "{district}: {metric} {qual}{value} ({period}{basis}) {cite}.",
        "basis": ", so với {basis}",
        "qual": {"estimate": "ước ", "more_than": "hơn ", "less_than": "dưới ", "approx": "khoảng ",
                 "target": "mục tiêu ", "actual": "", "range_low": "từ ", "range_high": "đến "},
        "count": "Chủ đề này có {n} con số từ {k} bài báo về {districts}.",
    },
    "en": {
        "fact": "{district}: {metric}, {qual}{value} ({period}{basis}) {cite}.",
        "basis": ", against {basis}",
        "qual": {"estimate": "estimated at ", "more_than": "more than ", "less_than": "less than ", "approx": "about ",
                 "target": "target ", "actual": "", "range_low": "from ", "range_high": "to "},
        "count": "This topic holds {n} figures from {k} articles about {districts}.",
    },
}


def sentence(row: pd.Series | dict, lang: str = "vi") -> str:
    """One cited sentence stating one figure, as plain text (:func:`escape` it into MyST).

    >>> r = dict(district="Tây Hồ", metric="budget_revenue", qualifier="estimate", value=2511.0, unit="VND_bn",
    ...          denominator=None, period="2024-9M", basis="none", doc="000_x.txt", outlet="Hà Nội Mới", published="2024-10-12")
    >>> sentence(r, "vi")
    'Tây Hồ: Thu ngân sách nhà nước ước 2.511 tỷ đồng (2024-9M) [000 · Hà Nội Mới · 2024-10-12].'
    >>> sentence(r, "en")
    'Tây Hồ: State budget revenue, estimated at 2,511 VND bn (2024-9M) [000 · Hà Nội Mới · 2024-10-12].'
    """
    t = NARRATIVE[lang]
    basis = T[lang]["basis"].get(row["basis"], "")
    return t["fact"].format(
        district=row["district"], metric=label(row["metric"], lang), qual=t["qual"].get(row["qualifier"], ""),
        value=fmt_value(row["value"], row["unit"], row["denominator"], lang), period=row["period"],
        basis=t["basis"].format(basis=basis) if basis and row["basis"] != "share" else "", cite=cite(row, lang))


def topic_narrative(df: pd.DataFrame, metrics: tuple[str, ...], lang: str = "vi") -> MyST:
    """A paragraph per district: how many figures, then one cited sentence per distinct figure."""
    rows = _rows(df, metrics).drop_duplicates(["district", "metric", "value", "period"])
    if rows.empty:
        return MyST(T[lang]["none"])
    out = [md(NARRATIVE[lang]["count"], n=len(rows), k=rows["doc"].nunique(),
              districts=", ".join(sorted(set(rows["district"]))))]
    for _district, g in rows.groupby("district", sort=True):
        out.append(escape(" ".join(sentence(r, lang) for _, r in g.iterrows())))
    return MyST("\n\n".join(out))


def quality_section(df: pd.DataFrame, lang: str = "vi") -> MyST:
    flags = quality_flags(df)
    head = {"vi": ["Kiểm tra", "Quận", "Chỉ số", "Kỳ", "Bài"], "en": ["Check", "District", "Metric", "Period", "Articles"]}[lang]
    if flags.empty:
        return MyST({"vi": "Không có cảnh báo chất lượng nào.", "en": "No quality flag was raised."}[lang])
    def detail(r):
        d = {k: (fmt_number(v, lang) if isinstance(v, (int, float)) else v) for k, v in r["detail"].items()}
        return FLAG_TEXT[r["flag"]][lang].format(**d)
    table = pd.DataFrame({
        "check": [detail(r) for _, r in flags.iterrows()],
        "district": flags["district"], "metric": flags["metric"], "period": flags["period"],
        "docs": [", ".join(short_doc(x) for x in d.split(",")) for d in flags["doc"]],
    })
    table.columns = head
    return MyST(list_table(table, widths=(40, 12, 22, 12, 14)))


# --- district profile ------------------------------------------------------------------------

PROFILE = {
    "vi": {
        "lead": ("{district} xuất hiện trong {k} bài báo ({docs}), với {n} con số; kỳ sớm nhất {first}, "
                 "muộn nhất {last}."),
        "topics": {"budget": "Ngân sách", "growth": "Tăng trưởng và cơ cấu kinh tế",
                   "digital": "Chuyển đổi số và cải cách hành chính", "governance": "Xây dựng Đảng và chỉ tiêu",
                   "other": "Các con số khác"},
        "title": "{district}: số con số theo chủ đề và bài báo",
        "x": "Số con số", "alt": "Biểu đồ thanh xếp chồng: số con số về {district} theo chủ đề và bài báo. {items}.",
        "caption": "Số con số về quận theo chủ đề, chia theo bài báo.",
    },
    "en": {
        "lead": ("{district} appears in {k} articles ({docs}), with {n} figures; the earliest period is {first}, "
                 "the latest {last}."),
        "topics": {"budget": "Budget", "growth": "Growth and economic structure",
                   "digital": "Digital transformation and administrative reform", "governance": "Party building and targets",
                   "other": "Other figures"},
        "title": "{district}: figures by topic and article",
        "x": "Figures", "alt": "Stacked bar chart: figures about {district} by topic and article. {items}.",
        "caption": "Figures about the district by topic, split by article.",
    },
}


def topic_of(metric: str) -> str:
    return next((t for t, ms in TOPICS.items() if metric in ms), "other")


def profile_text(df: pd.DataFrame, district: str, lang: str = "vi") -> MyST:
    p = PROFILE[lang]
    rows = df[df["district"] == district].drop_duplicates(["metric", "value", "period"])
    if rows.empty:
        return MyST(T[lang]["none"])
    periods = sorted(rows["period"])
    out = [md(p["lead"], district=district, k=rows["doc"].nunique(), n=len(rows),
              docs=", ".join(sorted({short_doc(d) for d in rows["doc"]})), first=periods[0], last=periods[-1])]
    for topic, title in p["topics"].items():
        g = rows[rows["metric"].map(topic_of) == topic]
        if len(g):
            out.append(f"**{title}.** " + escape(" ".join(sentence(r, lang) for _, r in g.iterrows())))
    return MyST("\n\n".join(out))


def profile_chart(df: pd.DataFrame, district: str, lang: str = "vi") -> MyST:
    import matplotlib.pyplot as plt

    from .places import slugify

    p = PROFILE[lang]
    rows = df[df["district"] == district].copy()
    if rows.empty:
        return MyST("")
    house_style()
    rows["topic"] = [p["topics"][topic_of(m)] for m in rows["metric"]]
    counts = rows.groupby(["topic", "doc"]).size().unstack(fill_value=0)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(counts) + 1.8))
    left = [0] * len(counts)
    items = []
    for i, doc in enumerate(counts.columns):
        vals = list(counts[doc])
        ax.barh(list(counts.index), vals, left=left, color=PALETTE[i % len(PALETTE)], label=short_doc(doc))
        items += [f"{tp}, {short_doc(doc)}: {v}" for tp, v in zip(counts.index, vals, strict=True) if v]
        left = [x + y for x, y in zip(left, vals, strict=True)]
    ax.set_title(p["title"].format(district=district))
    ax.set_xlabel(p["x"])
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title={"vi": "Bài", "en": "Article"}[lang])
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    data = counts.reset_index().melt(id_vars="topic", var_name="doc", value_name="figures")
    return MyST(publish_chart(fig, f"profile-{slugify(district)}-{lang}", p["alt"].format(district=district, items="; ".join(items)),
                              _source_line(rows, lang), data, p["caption"]))


# --- the figures chapter, checks and headlines -------------------------------------------------

FIGURES = {
    "vi": {"lead": "{n} con số từ {k} bài báo. Tải về: {csv} (bảng đầy đủ, có vị trí trích dẫn) và {dp} (mô tả "
                   "Frictionless Data Package: lược đồ các cột và nguồn).",
           "head": ["Bài", "Quận", "Chỉ số", "Giá trị", "Kỳ", "So với", "Mức", "Trích dẫn"]},
    "en": {"lead": "{n} figures from {k} articles. Download: {csv} (the full table, with quote offsets) and {dp} "
                   "(its Frictionless Data Package descriptor: column schema and sources).",
           "head": ["Article", "District", "Metric", "Value", "Period", "Against", "Hedge", "Quote"]},
}


def figures_download(df: pd.DataFrame, seeds, lang: str = "vi") -> MyST:
    """Write the figure CSV and its ``datapackage.json`` next to the chapters; link both."""
    from . import paths
    from .dataset import write_datapackage
    from .register import register

    write_datapackage(df, register(seeds), paths.assets_dir())
    return MyST(FIGURES[lang]["lead"].format(
        n=len(df), k=df["doc"].nunique(), csv="{download}`figures.csv <_assets/figures.csv>`",
        dp="{download}`datapackage.json <_assets/datapackage.json>`"))


def figures_table(df: pd.DataFrame, lang: str = "vi") -> MyST:
    t = T[lang]
    rows = df.sort_values(["doc", "start"])
    table = pd.DataFrame({
        "doc": rows["doc"].map(short_doc),
        "district": rows["district"],
        "metric": rows["metric"],
        "value": [fmt_value(v, u, d, lang) for v, u, d in zip(rows["value"], rows["unit"], rows["denominator"], strict=True)],
        "period": rows["period"],
        "basis": [t["basis"].get(b, b) for b in rows["basis"]],
        "qualifier": [t["qual"].get(q, q) for q in rows["qualifier"]],
        "quote": ["“" + q + "”" for q in rows["quote"]],
    })
    table.columns = FIGURES[lang]["head"]
    return MyST(list_table(table, widths=(5, 9, 27, 12, 11, 9, 9, 18)))


def profile_table(df: pd.DataFrame, district: str, lang: str = "vi") -> MyST:
    from .places import slugify

    return topic_table(df[df["district"] == district], None, lang, f"profile-{slugify(district)}-figures")


def share_check(df: pd.DataFrame, lang: str = "vi") -> MyST:
    """Whether each set of sector shares sums to 100 % within the rounding of the printed shares."""
    flags = quality_flags(df)
    flags = flags[flags["flag"].isin(["shares_sum_100", "shares_not_100"])]
    if flags.empty:
        return MyST({"vi": "Không bài báo nào nêu đủ tỷ trọng các ngành.", "en": "No article gives a full set of sector shares."}[lang])
    lines = []
    for _, r in flags.iterrows():
        lines.append(escape(f"{r['district']} ({r['period']}, {short_doc(r['doc'])}): "
                            + FLAG_TEXT[r["flag"]][lang].format(total=fmt_number(r["detail"]["total"], lang)) + "."))
    return MyST("\n\n".join(lines))


HEADLINES = {
    "vi": {"budget": "Con số thu ngân sách mới nhất: {s}", "plan": "{s}", "none": "chưa có dữ liệu",
           "compare": "So sánh {a} và {b}: {n} chỉ số so sánh được, {m} so sánh bị từ chối vì không cùng cơ sở."},
    "en": {"budget": "The latest budget revenue figure: {s}", "plan": "{s}", "none": "no data yet",
           "compare": "{a} and {b}: {n} indicators compare, {m} comparisons are refused as not on a common footing."},
}


def headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> dict[str, str]:
    """The introduction's headline sentences, computed from the data (glued into the written page)."""
    from .comparison import compare

    h = HEADLINES[lang]
    rev = df[df["metric"] == "budget_revenue"].sort_values(["published", "start"])
    out = {"headline_budget": h["budget"].format(s=sentence(rev.iloc[-1], lang)) if len(rev) else h["none"]}
    agreement = plan_agreement(budget_derivations(df, texts, lang), lang)
    out["headline_plan"] = h["plan"].format(s=agreement[0]) if agreement else h["none"]
    districts = sorted(set(df["district"]))
    if len(districts) >= 2:
        pairs, refusals = compare(df, districts[0], districts[1])
        out["headline_compare"] = h["compare"].format(a=districts[0], b=districts[1], n=len(pairs), m=len(refusals))
    else:
        out["headline_compare"] = h["none"]
    return out


def glue_headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> None:
    from myst_nb import glue

    for key, value in headlines(df, texts, lang).items():
        glue(key, value, display=False)
