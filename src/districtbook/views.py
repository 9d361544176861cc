"""Reader tables: the figures of a topic, the derived budget measures with their reasoning, quality checks.

Metric keys never reach a reader table (labels instead; the keys stay in the data dictionary and the CSV);
every number is formatted for the edition's language; quotes are the clause that says what the number is.
The prose lives in :mod:`districtbook.prose`, the charts in :mod:`districtbook.charts`.
"""
from __future__ import annotations

import pandas as pd

from .collate import sorted_names
from . import derive
from .dataset import FLAG_TEXT, cite, quality_flags, short_doc
from .labels import fmt_value, label, quote_clause
from .i18n import period_text
from .prose import REPEAT, derived_average, period_cell, span_text
from .report import MyST, escape, fmt_number, list_table, save_data

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


def _rows(df: pd.DataFrame, metrics: tuple[str, ...] | None) -> pd.DataFrame:
    sel = df if metrics is None else df[df["metric"].isin(metrics)]
    order = {m: i for i, m in enumerate(metrics or ())}
    rank = {d: i for i, d in enumerate(sorted_names(sel["district"]))}  # Vietnamese order: Đống Đa before Tây Hồ
    return (sel.assign(_d=sel["district"].map(rank), _o=sel["metric"].map(order).fillna(len(order)))
            .sort_values(["_d", "_o", "period", "doc", "start"]).drop(columns="_d"))


def topic_table(df: pd.DataFrame, metrics: tuple[str, ...] | None, lang: str, name: str,
                texts: dict[str, str] | None = None) -> MyST:
    """The figures of a topic with period (in words), basis, hedge, citation and the clause that says
    what each number is; its CSV (with the exact quote and offsets) beside it."""
    rows = _rows(df, metrics)
    if rows.empty:
        return MyST(T[lang]["none"])
    save_data(rows.drop(columns="_o"), name)
    rows = rows.drop_duplicates(REPEAT)  # a figure an article repeats (the quality check notes it) is shown once
    t = T[lang]
    table = pd.DataFrame({
        "district": rows["district"],
        "metric": [label(m, lang) for m in rows["metric"]],
        "value": [fmt_value(v, u, d, lang) for v, u, d in zip(rows["value"], rows["unit"], rows["denominator"], strict=True)],
        "period": [period_cell(r, lang) for _, r in rows.iterrows()],
        "basis": [t["basis"].get(b, b) for b in rows["basis"]],
        "qualifier": [t["qual"].get(q, q) for q in rows["qualifier"]],
        "source": [cite(r, lang) for _, r in rows.iterrows()],
        "quote": [_quote(r, texts) for _, r in rows.iterrows()],
    })
    table.columns = t["head"]
    link = f"{{download}}`CSV <_assets/{name}.csv>`"
    return MyST(link + "\n\n" + list_table(table, widths=(10, 15, 10, 11, 11, 9, 15, 19)))  # a date fits its line


def _quote(row, texts: dict[str, str] | None) -> str:
    """The clause of the article that says what the number is (the exact quote when the text is missing)."""
    if texts and row["doc"] in texts:
        return "“" + quote_clause(texts[row["doc"]], int(row["start"]), int(row["end"])) + "”"
    return "“" + row["quote"] + "”"


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
        for _, p in same[same["metric"].isin(("budget_revenue_yoy", "budget_revenue_growth"))].iterrows():
            pct = _printed(p["value"])
            grew = p["metric"] == "budget_revenue_growth"  # "tăng 35%" on, "bằng 142%" of the same period
            e = derive.implied_before_growth(amount, pct) if grew else derive.implied_base(amount, pct)
            how = (t["growth"] if grew else t["level"]).format(pct=fmt_number(p["value"], lang))
            prev = _previous_period(period)
            out.append(dict(kind="previous", district=district, period=prev, value=e.value, low=e.low, high=e.high,
                            docs=doc, estimate=e, text=t["previous"].format(period=period_text(prev, lang), value=n(e.value), low=n(e.low),
                            high=n(e.high), amount=fmt_number(amount, lang), how=how, cite=cite(p, lang))))
        years = derive.years_of(period)
        if years and years[1] > years[0] and "-" in period and period.split("-")[1].isdigit():
            span = derive.span_years(period) or (years[1] - years[0] + 1)
            avg = derived_average(amount_row.to_dict(), span, lang)  # None for a running total; hedge kept
            if avg is not None:
                out.append(dict(kind="average", district=district, period=period, value=amount / span, low=amount / span,
                                high=amount / span, docs=doc, shown=avg["value"],
                                text=t["average"].format(period=period_text(period, lang), value=avg["number"],
                                                         amount=avg["amount"], n=fmt_number(span, lang),
                                                         cite=cite(amount_row, lang))))
    # a period implied by two year-to-date figures of the same year from different articles
    ytd = rev[rev["period"].str.fullmatch(r"\d{4}-(?:H1|\d{1,2}M|Q1)")].copy()
    ytd["months"] = ytd["period"].map(lambda p: round((derive.span_years(p) or 0) * 12))
    ytd["year"] = ytd["period"].str[:4]
    for (district, _year), g in ytd.groupby(["district", "year"], sort=True):
        g = g.sort_values("months").drop_duplicates("months")
        for (_, early), (_, late) in zip(g.iloc[:-1].iterrows(), g.iloc[1:].iterrows(), strict=True):
            value = derive.difference(late["value"], early["value"])
            p1, p2 = period_text(early["period"], lang), period_text(late["period"], lang)
            bound = t["bound"].format(p1=p1) if early["qualifier"] == "more_than" else ""
            out.append(dict(kind="quarter", district=district, period=f"{early['period']}..{late['period']}",
                            value=value, low=value, high=value, docs=f"{early['doc']},{late['doc']}",
                            text=t["quarter"].format(p1=p1, p2=p2, value=n(value),
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
        "what": [f"{kinds[d['kind']]} · {d['district']} · {span_text(d['period'], lang)}" for d in derived],
        "value": [d.get("shown") or fmt_value(round(d["value"], 1), "VND_bn", None, lang) for d in derived],
        "how": [d["text"] for d in derived],
    })
    table.columns = t["head"]
    save_data(pd.DataFrame([{k: v for k, v in d.items() if k != "estimate"} for d in derived]), "budget-derived")
    agreement = plan_agreement(derived, lang)
    parts = [list_table(table, widths=(26, 14, 60)), t["note"], *map(escape, agreement),
             "{download}`CSV <_assets/budget-derived.csv>`"]
    return MyST("\n\n".join(parts))


# --- narratives ------------------------------------------------------------------------------

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
        "district": flags["district"],
        "metric": [label(m, lang) if not m.endswith("*") else {"vi": "Tỷ trọng các ngành", "en": "Sector shares"}[lang]
                   for m in flags["metric"]],
        "period": [period_text(p, lang) for p in flags["period"]],
        "docs": [", ".join(short_doc(x) for x in d.split(",")) for d in flags["doc"]],
    })
    table.columns = head
    return MyST(list_table(table, widths=(40, 12, 22, 12, 14)))


# --- district profile ------------------------------------------------------------------------

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


def figures_table(df: pd.DataFrame, lang: str = "vi", texts: dict[str, str] | None = None) -> MyST:
    """Every figure, with its metric's label (the keys are in the data dictionary and the CSV)."""
    t = T[lang]
    rows = df.sort_values(["doc", "start"])
    table = pd.DataFrame({
        "doc": rows["doc"].map(short_doc),
        "district": rows["district"],
        "metric": [label(m, lang) for m in rows["metric"]],
        "value": [fmt_value(v, u, d, lang) for v, u, d in zip(rows["value"], rows["unit"], rows["denominator"], strict=True)],
        "period": [period_cell(r, lang) for _, r in rows.iterrows()],
        "basis": [t["basis"].get(b, b) for b in rows["basis"]],
        "qualifier": [t["qual"].get(q, q) for q in rows["qualifier"]],
        "quote": [_quote(r, texts) for _, r in rows.iterrows()],
    })
    table.columns = FIGURES[lang]["head"]
    return MyST(list_table(table, widths=(8, 9, 16, 10, 11, 10, 9, 27)))  # headers fit unhyphenated


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


def headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> dict[str, str]:
    """The introduction's main points, computed from the data (glued into the written page)."""
    from .prose import point_sentences

    points = point_sentences(df, texts, lang, 5)
    return {f"headline_{i}": (points[i] if i < len(points) else "") for i in range(5)}


def glue_headlines(df: pd.DataFrame, texts: dict[str, str], lang: str = "vi") -> None:
    from myst_nb import glue

    for key, value in headlines(df, texts, lang).items():
        glue(key, value, display=False)
