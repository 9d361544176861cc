"""Charts that each answer one question: progress to plan against the share of the year gone, the same
period a year apart, growth against its target, the economy's sector shares, targets met, and two
districts side by side on a common footing.

No chart sets different units or different kinds of period on one axis (a panel per kind instead);
every label carries its period in words; one colour per district across the whole book.
"""
from __future__ import annotations

import itertools
import math

import re
from datetime import date

import pandas as pd

from districtbook.analysis import derive
from districtbook.analysis.dataset import short_doc
from districtbook.analysis.findings import SECTOR_SHARES, Finding, per_year
from districtbook.rendering.i18n import figure_period_text, period_text, text
from districtbook.rendering.labels import cite, fmt_value, hedged, label
from districtbook.rendering.prose import target_scope
from districtbook.rendering.wording import scope_after, sector_word
from districtbook.extraction.periods import Period
from districtbook.extraction.places import hanoi_districts, slugify
from districtbook.rendering import ledger
from districtbook.rendering.report import MyST, fill, fit_layout, fmt_number, house_style, publish_chart

#: the size of a chart's small text (bar values, tick labels, legends): readable where the HTML shows a chart at
#: about 700 px of its 1200
SMALL = 9.5

#: a legend entry longer than this many characters is set on several lines (a legend beside a chart takes its width)
LEGEND_LABEL = 30

#: at most this many panels (one per finding) in one chart, and this many bars: more are split into
#: several charts of the same kind, one after the other, so that every chart stays readable on a page
MAX_PANELS = 8
MAX_BARS = 16
#: at most this many charts of one kind in a chapter (what is not drawn is in the chapter's table)
MAX_CHARTS = 4

#: 30 colours for the 30 districts of Hanoi, in the gazetteer's order: Okabe-Ito, then Paul Tol's muted,
#: light and dark sets (all chosen for colour-blind readers). Charts also name each district in words,
#: so colour is never the only cue.
DISTRICT_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD",
    "#222255", "#225555", "#225522", "#663333",
)


def district_colour(district: str) -> str:
    """The district's colour, the same in every chart of both editions.

    >>> district_colour("Tây Hồ"), district_colour("Đống Đa"), len(set(DISTRICT_PALETTE))
    ('#009E73', '#56B4E9', 30)
    """
    if district in hanoi_districts():
        return DISTRICT_PALETTE[hanoi_districts().index(district)]
    return DISTRICT_PALETTE[sum(map(ord, district)) % len(DISTRICT_PALETTE)]


def hatch_goal(bar, colour: str) -> None:
    """Draw a bar as a goal: a pale face, the district's colour as outline and diagonal hatching."""
    bar.set_facecolor("white")
    bar.set_edgecolor(colour)
    bar.set_hatch("///")
    bar.set_linewidth(1.5)


def unit_label(unit: str, lang: str) -> str:
    """The value axis's title: the unit of the panel ("Đơn vị: %", "Unit: billion VND")."""
    return text(lang, "chart.unit_axis", unit="%" if unit == "percent" else (fmt_value(0, unit, None, lang)[2:] or "–"))


def _num_axis(ax, lang: str, axis: str = "x") -> None:
    from matplotlib.ticker import FuncFormatter

    fmt = FuncFormatter(lambda x, _p: fmt_number(x, lang))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def share_ticks(values: list[float], step: int = 20) -> list[int] | None:
    """The ticks of a share axis: 0 to 100 (the room right of 100 holds the labels, never a tick of 120%), unless a
    value exceeds 100; None when it does (the default ticks then).

    >>> share_ticks([100, 75]), share_ticks([101.0])
    ([0, 20, 40, 60, 80, 100], None)
    """
    return list(range(0, 101, step)) if max(values, default=0) <= 100 else None


def _source(rows: list[dict], lang: str) -> str:
    docs = sorted({cite(r, lang) for r in rows})
    return text(lang, "chart.source", docs=", ".join(docs))


def chart_chapter(name: str, lang: str) -> tuple[str, str]:
    """The chapter a chart is drawn in (its name in the table of statements) and the chart's name without its
    edition and its part number, the same in both editions.

    >>> chart_chapter("budget-progress-vi-2", "vi"), chart_chapter("profile-tay-ho-yoy-en", "en")
    (('budget', 'budget-progress'), ('profile-tay-ho', 'profile-tay-ho-yoy'))
    >>> chart_chapter("compare-tay-ho-dong-da-vi", "vi"), chart_chapter("shares-en", "en")
    (('compare', 'compare-tay-ho-dong-da'), ('growth', 'shares'))
    """
    base = re.sub(rf"-{re.escape(lang)}(-\d+)?$", "", name)
    if base.startswith("profile-"):
        return re.sub(r"-(progress|yoy)$", "", base), base
    head = base.split("-", 1)[0]
    return {"shares": "growth"}.get(head, head), base


def _finish(fig, name: str, alt: str, rows: list[dict], data: pd.DataFrame, caption: str, lang: str,
            notes: list[tuple[str, list[dict]]] | None = None, what: str = "", kind: str = "") -> MyST:
    """Publish a chart with its source line (the book's citation of every article it draws from); with ``notes``
    (one ``(words, input rows)`` per bar or panel, in the order of ``data``'s rows), the data table beneath it
    names each item's input figures (column ``figures``: ``article_file:start-end``, ``;``-joined) and every item
    is noted in the table of statements (``findings.csv``, kind ``chart:KIND``) with ``what`` (the chart's title)."""
    source = _source(rows, lang)
    fit_layout(fig)
    if notes is not None:
        data = data.assign(figures=[ledger.figure_refs(r) for _w, r in notes])
        chapter, base = chart_chapter(name, lang)
        for words, item_rows in notes:
            ledger.note(chapter, lang, f"chart:{kind}", f"{what}: {words}" if what else words, item_rows, base)
    return MyST(publish_chart(fig, name, alt, source, data, caption, text(lang, "chart.as_table")))


def _end(f: Finding):
    """Sort key: the end of a finding's period (a figure nothing dates sorts first)."""
    return f.when.end if f.when else date.min


def split(items: list, size: int, draw, name: str, lang: str, key=None) -> MyST | None:
    """Draw ``items`` as one chart, or as several charts of at most ``size`` items each (``name``, ``name-2``, …)
    when there are more: a chart of forty panels is unreadable on a page, four of ten are not.  With ``key``, each
    chart holds items of one key only (``items`` sorted by it): a chart titled by one measure shows no other.  At
    most :data:`MAX_CHARTS` charts: a note says how many items are left to the chapter's table."""
    groups = [list(g) for _k, g in itertools.groupby(items, key)] if key else [items]
    chunks = [g[i:i + size] for g in groups for i in range(0, len(g), size)] or [[]]
    parts = [draw(chunk, name if i == 0 else f"{name}-{i + 1}") for i, chunk in enumerate(chunks[:MAX_CHARTS])]
    parts = [p for p in parts if p]
    left = sum(map(len, chunks[MAX_CHARTS:]))
    if left:
        parts.append(text(lang, "chart.more", n=left))
    return MyST("\n".join(parts)) if parts else None


def progress_chart(findings: list[Finding], lang: str, name: str) -> MyST | None:
    """How much of the annual plan was reached, beside the share of the year gone (one bar per report)."""
    fs = [f for f in findings if f.kind == "progress" and "elapsed" in f.values]
    # the state budget's revenue first; one chart per measure, its title naming the one measure its bars are of;
    # but one place's several measures in one chart, its title naming the place, each bar its measure
    fs = sorted(fs, key=lambda f: (f.metric != "budget_revenue", f.metric, f.district, _end(f)))
    one_place = len({f.district for f in fs}) == 1 and len({f.metric for f in fs}) > 1
    return split(fs, MAX_BARS, lambda chunk, n: _progress(chunk, lang, n, one_place), name, lang,
                 key=None if one_place else lambda f: f.metric)


def _progress(fs: list[Finding], lang: str, name: str, one_place: bool = False) -> MyST | None:
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if not fs:
        return None
    house_style()
    fig, ax = plt.subplots(figsize=(8, 0.7 * len(fs) + 2.6))
    labels = [f"{label(f.metric, lang) if one_place else f.district} · {period_text(f.when, lang, f.period)}" for f in fs]
    ticks = [lb.replace(" · ", "\n", 1) if one_place else lb for lb in labels]  # a measure's long name: two lines
    what = fs[0].district if one_place else label(fs[0].metric, lang)  # what every bar shares: the title names it
    y = list(range(len(fs)))[::-1]
    pcts = [f.values["pct"] for f in fs]
    ax.barh(y, pcts, color=[district_colour(f.district) for f in fs], height=0.55)
    for yi, f in zip(y, fs):
        ax.plot([f.values["elapsed"]] * 2, [yi - 0.38, yi + 0.38], color="#222222", linewidth=2.2, zorder=3)
    ax.axvline(100, color="#666666", linestyle="--", linewidth=1, zorder=1)
    for yi, f in zip(y, fs):  # the label after the bar or the year-gone mark, whichever is further right
        right = max(f.values["pct"], f.values["elapsed"], 100)  # never printed over the dashed 100% line
        ax.text(right + 4, yi, text(lang, "chart.of_plan", pct=fmt_number(f.values["pct"], lang)),
                va="center", fontsize=SMALL, zorder=4, bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_yticks(y, ticks)
    ax.set_xlim(0, max(150, max(pcts) + 45))  # room for the labels right of the 100% line
    _num_axis(ax, lang)
    ax.set_xlabel(text(lang, "chart.progress.x"))
    ax.set_title(text(lang, "chart.progress.title", metric=what), loc="left", fontsize=11)
    ax.legend(handles=[Line2D([], [], color="#222222", linewidth=2.2, label=text(lang, "chart.progress.elapsed")),
                       Line2D([], [], color="#666666", linestyle="--", label=text(lang, "chart.progress.plan"))],
              loc="upper left", bbox_to_anchor=(0, -0.72 / (0.7 * len(fs) + 0.4)), ncol=2, frameon=False,
              fontsize=SMALL)  # under the axis: the bars and their labels keep the figure's width
    rows = [r for f in fs for r in f.rows]
    data = pd.DataFrame([{"district": f.district, "metric": f.metric, "period": f.period, "percent_of_plan": f.values["pct"],
                          "year_elapsed_percent": f.values["elapsed"]} for f in fs])
    each = [f"{lb}: {fmt_number(f.values['pct'], lang)}% / {fmt_number(f.values['elapsed'], lang)}%"
            for lb, f in zip(labels, fs)]
    title = text(lang, "chart.progress.title", metric=what)
    return _finish(fig, name, text(lang, "chart.progress.alt", metric=what, items="; ".join(each)), rows, data,
                   text(lang, "chart.progress.caption"), lang, [(w, f.rows) for w, f in zip(each, fs)], title,
                   "progress")


def year_on_year_chart(findings: list[Finding], lang: str, name: str) -> MyST | None:
    """The same period a year apart: one panel per district and period, each with its own axis."""
    fs = [f for f in findings if (f.kind == "change" or (f.kind == "quarter" and "previous" in f.values))
          and f.when]  # a year earlier than no period is no period
    fs = sorted(fs, key=lambda f: (f.district, f.metric, _end(f), f.kind))
    return split(fs, MAX_PANELS, lambda chunk, n: _year_on_year(chunk, lang, n), name, lang)


def _panel_grid(n: int):
    """A figure of ``n`` bar panels one above the other, in the house style (the year-on-year and pairs charts)."""
    import matplotlib.pyplot as plt

    house_style()
    return plt.subplots(n, 1, figsize=(8, 1.35 * n + 1.3), squeeze=False)


def _earlier_label(f: Finding, before: float, unit: str, lang: str) -> str:
    """The earlier bar's value: about the value implied, or, when the figure it is implied from is a bound ("hơn
    1.647 tỷ đồng, tăng 35%"), the same bound, rounded so that it stays true with the percentage's rounding."""
    hedge = f.rows[0]["qualifier"] if f.kind == "change" else ""
    if hedge not in ("more_than", "less_than"):
        return hedged(fmt_value(round(before), unit, None, lang), "approx", lang)
    e = derive.implied_before_growth(f.rows[0]["value"], derive.printed(f.values["change"]))
    bound = math.floor(e.low) if hedge == "more_than" else math.ceil(e.high)
    return hedged(fmt_value(bound, unit, None, lang), hedge, lang)


def _year_on_year(fs: list[Finding], lang: str, name: str) -> MyST | None:
    if not fs:
        return None
    fig, axes = _panel_grid(len(fs))
    data, items = [], []
    for ax, f in zip(axes[:, 0], fs):
        cur = f.when
        assert cur is not None  # year_on_year_chart keeps the findings with a period
        unit = f.rows[0]["unit"]
        if f.kind == "change":
            now, before, hedge = f.rows[0]["value"], f.values["previous"], f.rows[0]["qualifier"]
        else:
            now, before, hedge = f.values["value"], f.values["previous"], f.values["hedge"]
        labels = [period_text(cur.previous_year(), lang), period_text(cur, lang)]
        colour = district_colour(f.district)
        bars = ax.barh([1, 0], [before, now], color=[colour, colour], height=0.6)
        bars[0].set_alpha(0.45)
        texts = [_earlier_label(f, before, unit, lang), hedged(fmt_value(round(now), unit, None, lang), hedge, lang)]
        if hedge in ("more_than", "less_than") and f.rows[0].get("words", {}).get("estimated"):
            texts[1] = text(lang, "chart.estimate_bound", value=texts[1])  # "ước đạt hơn 1.647": an estimate, and a bound
        ax.bar_label(bars, labels=texts, padding=4, fontsize=SMALL)
        ax.set_yticks([1, 0], labels, fontsize=SMALL)
        ax.set_xlim(0, max(now, before) * 1.45)
        _num_axis(ax, lang)
        ax.tick_params(axis="x", labelsize=SMALL)
        ax.set_title(f"{f.district} · {label(f.metric, lang)}", fontsize=9, loc="left")
        data.append({"district": f.district, "metric": f.metric, "period": f.period, "value": now,
                     "previous_period": str(cur.previous_year()), "previous_value": round(before, 1)})
        items.append(f"{f.district} · {label(f.metric, lang)}, {labels[1]}: {texts[1]}; {labels[0]}: {texts[0]}")
    if len({f.rows[0]["unit"] for f in fs}) == 1:  # one unit: one scale, so that the panels compare by eye
        right = max(ax.get_xlim()[1] for ax in axes[:, 0]) / 1.45 * 1.65  # room for the longest value label
        for ax in axes[:, 0]:
            ax.set_xlim(0, right)
    axes[-1, 0].set_xlabel(text(lang, "chart.unit_axis", unit=fmt_value(0, fs[0].rows[0]["unit"], None, lang)[2:] or "%"))
    fig.suptitle(text(lang, "chart.yoy.title"), fontweight="bold", x=0.01, ha="left")
    rows = [r for f in fs for r in f.rows]
    return _finish(fig, name, text(lang, "chart.yoy.alt", items="; ".join(items)), rows, pd.DataFrame(data),
                   text(lang, "chart.yoy.caption"), lang, [(w, f.rows) for w, f in zip(items, fs)],
                   text(lang, "chart.yoy.title"), "yoy")


def pairs_chart(findings: list[Finding], lang: str, name: str, title_key: str, caption_key: str) -> MyST | None:
    """Two figures on a common footing per panel: a target and what was achieved before, a rate in two
    comparable periods, or two districts (one panel each, its own axis and unit)."""
    fs = [f for f in findings if (f.kind == "target" and "past" in f.values) or f.kind in ("trend", "ahead")]
    return split(fs, MAX_PANELS, lambda chunk, n: _pairs(chunk, lang, n, title_key, caption_key), name, lang)


def _pairs(fs: list[Finding], lang: str, name: str, title_key: str, caption_key: str) -> MyST | None:
    if not fs:
        return None
    fig, axes = _panel_grid(len(fs))
    data, items = [], []
    for ax, f in zip(axes[:, 0], fs):
        unit = f.rows[0]["unit"]
        shown = "percent" if unit == "ratio" else unit
        if f.kind == "target":
            past, target = f.rows[1], f.rows[0]
            vals = [past["value"], target["value"]]
            goal = "chart.forecast" if target["qualifier"] == "estimate" else "chart.target"
            names = [f"{figure_period_text(past, lang)} · {text(lang, 'chart.achieved')}",
                     f"{figure_period_text(target, lang)} · {text(lang, goal)}"]
            colours = [district_colour(f.district)] * 2
            hedges = [past["qualifier"], "" if target["qualifier"] == "estimate" else target["qualifier"]]
            title = f"{f.district} · {label(f.metric, lang)}"
        elif f.kind == "trend":
            a, b = f.rows
            vals = [f.values["a"], f.values["b"]]
            names = [figure_period_text(a, lang), figure_period_text(b, lang)]
            colours = [district_colour(f.district)] * 2
            hedges = [a["qualifier"], b["qualifier"]]
            title = f"{f.district} · {label(f.metric, lang)}"
        else:
            a, b = f.rows
            vals = [f.values["a"], f.values["b"]]
            names = [f"{f.district} · {figure_period_text(a, lang)}", f"{f.other} · {figure_period_text(b, lang)}"]
            colours = [district_colour(f.district), district_colour(f.other)]
            hedges = [a["qualifier"], b["qualifier"]]
            title = label(f.metric, lang)
        if f.values.get("footing") == "yearly_average":
            title += text(lang, "footing.yearly_average")
        bars = ax.barh([1, 0], vals, color=colours, height=0.6)
        if f.kind == "target":  # a goal or a forecast: an outlined, hatched bar, never a solid one like a result
            hatch_goal(bars[1], colours[1])
        texts = [hedged(fmt_value(round(v, 2), shown, None, lang), h, lang) for v, h in zip(vals, hedges)]
        if f.kind == "target" and per_year(f.rows[0]):
            texts[1] = text(lang, "value.per_year", value=texts[1])
        ax.bar_label(bars, labels=texts, padding=4, fontsize=SMALL)
        ax.set_yticks([1, 0], names, fontsize=SMALL)
        ax.set_xlim(0, max(vals) * 1.5 if max(vals) > 0 else 1)
        if shown == "percent" and share_ticks(vals) and max(vals) * 1.5 > 100:  # a share: no tick past 100%
            ax.set_xticks(share_ticks(vals))
        _num_axis(ax, lang)
        ax.tick_params(axis="x", labelsize=SMALL)
        ax.set_title(title, fontsize=9, loc="left")
        ax.set_xlabel(unit_label(shown, lang), fontsize=SMALL, loc="right")
        items.append(f"{title}: " + "; ".join(f"{n} {t}" for n, t in zip(names, texts)))
        data.append({"kind": f.kind, "metric": f.metric, "district": f.district, "other": f.other,
                     "label_1": names[0], "value_1": vals[0], "label_2": names[1], "value_2": vals[1]})
    fig.suptitle(text(lang, title_key), fontweight="bold", x=0.01, ha="left")
    rows = [r for f in fs for r in f.rows]
    return _finish(fig, name, text(lang, "chart.pairs.alt", items="; ".join(items)), rows, pd.DataFrame(data),
                   text(lang, caption_key), lang, [(w, f.rows) for w, f in zip(items, fs)], text(lang, title_key),
                   "pairs")


def share_chart(df: pd.DataFrame, lang: str, name: str, texts: dict[str, str] | None = None) -> MyST | None:
    """The economy's sector shares, one stacked bar per district and period; each share named as its article
    names its sector ("công nghiệp - xây dựng" is industry and construction, not industry alone)."""
    rows = df[df["metric"].isin(SECTOR_SHARES)].drop_duplicates(["district", "period", "metric"])
    texts = texts or {}
    rows = rows.assign(shown=[text(lang, "metric.sector_share_industry_construction")
                              if m == "sector_share_industry" and sector_word(texts.get(d), int(s)) == "industry_construction"
                              else label(m, lang)
                              for m, d, s in zip(rows["metric"], rows["doc"], rows["start"])])
    groups = list(dict.fromkeys(zip(rows["district"], rows["period"], rows["when"])))
    return split(groups, MAX_BARS, lambda chunk, n: _shares(rows, chunk, lang, n), name, lang)


def _shares(rows: pd.DataFrame, groups: list[tuple[str, str, Period | None]], lang: str, name: str) -> MyST | None:
    import matplotlib.pyplot as plt

    if not groups:
        return None
    keep = {(d, p) for d, p, _w in groups}
    rows = rows[[g in keep for g in zip(rows["district"], rows["period"])]]
    house_style()
    names = [f"{d} · {period_text(w, lang, p)}" for d, p, w in groups]
    fig, ax = plt.subplots(figsize=(8, 0.7 * len(groups) + 2.0))
    left = [0.0] * len(groups)
    colours = ("#0072B2", "#E69F00", "#009E73")
    items = []
    for m, colour in zip(SECTOR_SHARES, colours):
        vals, shown = [], []
        for d, p, _w in groups:
            sel = rows[(rows["metric"] == m) & (rows["district"] == d) & (rows["period"] == p)]
            vals.append(sel["value"].tolist()[0] if len(sel) else 0.0)
            shown.append(sel["shown"].tolist()[0] if len(sel) else label(m, lang))
        small = [v for v in vals if 0 < v < 8]  # a segment too thin to see or to print in: its value in the legend
        words = " / ".join(dict.fromkeys(w for w, v in zip(shown, vals) if v)) or label(m, lang)  # sectors as named
        entry = fill(words + (f" ({', '.join(fmt_value(v, 'percent', None, lang) for v in small)})" if small else ""),
                     LEGEND_LABEL)
        bars = ax.barh(names, vals, left=left, color=colour, label=entry, height=0.55)
        ax.bar_label(bars, labels=[fmt_value(v, "percent", None, lang) if v >= 8 else "" for v in vals],
                     label_type="center", fontsize=SMALL, color="white")
        items += [f"{n}, {w}: {fmt_value(v, 'percent', None, lang)}" for n, w, v in zip(names, shown, vals)]
        left = [a + b for a, b in zip(left, vals)]
    ax.set_xlim(0, 100)
    _num_axis(ax, lang)
    ax.set_xlabel(text(lang, "chart.share.x"))
    ax.set_title(text(lang, "chart.share.title"), loc="left", fontsize=11)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=SMALL)
    records = rows.to_dict("records")
    data = rows[["district", "period", "metric", "value", "doc"]]
    notes = [(f"{r['district']} · {figure_period_text(r, lang)}, {r['shown']}: "
              f"{fmt_value(r['value'], 'percent', None, lang)}", [r]) for r in records]  # one per segment, as the table
    return _finish(fig, name, text(lang, "chart.share.alt", items="; ".join(items)), records, data,
                   text(lang, "chart.share.caption"), lang, notes, text(lang, "chart.share.title"), "shares")


def _which_targets(row: dict, texts: dict[str, str] | None, lang: str) -> str:
    """Which targets an x/y count of them counts, as its article says ("chỉ tiêu cả nhiệm kỳ": whole-term targets
    met by mid-term, not half-term ones missed), in the edition's words (" · targets for the whole term"); ""."""
    text_ = (texts or {}).get(row["doc"])
    scope = scope_after(text_, int(row["start"])) if text_ and str(row["metric"]).startswith("targets_") else ""
    if scope.strip() in ("", "chỉ tiêu"):
        return ""
    return f" · {scope}" if lang == "vi" else f" · {text(lang, 'chart.targets')}{target_scope(scope, lang)}"


def what_of(row: dict, texts: dict[str, str] | None, words: int = 6) -> str:
    """The article's own words after a figure, telling two figures of one metric apart in a label:
    "21/21 chỉ tiêu về phát triển kinh tế" and "3/3 chỉ tiêu về công tác xây dựng Đảng".

    >>> what_of(dict(doc="a", start=4, end=16, quote="3/3 chỉ tiêu"), {"a": "Đạt 3/3 chỉ tiêu về công tác xây dựng Đảng đều hoàn thành"})
    '“3/3 chỉ tiêu về công tác xây dựng Đảng”'
    >>> what_of(dict(doc="a", start=4, end=18, quote="21/21 chỉ tiêu"), {"a": "Đạt 21/21 chỉ tiêu về phát triển kinh tế - xã hội năm 2023"})
    '“21/21 chỉ tiêu về phát triển kinh tế - xã hội”'
    """
    import re

    text_ = (texts or {}).get(row["doc"])
    if not text_:
        return short_doc(row["doc"])
    clause = re.split(r"[,.;:!?\n]", text_[int(row["end"]):int(row["end"]) + 120])[0].split()
    cut = words + 2 if "-" in clause[words - 1:words + 1] or "–" in clause[words - 1:words + 1] else words
    after = clause[:cut]  # "kinh tế - xã hội" whole: a compound is never cut at its hyphen
    while after and not any(c.isalnum() for c in after[-1]):  # no dangling "-" at the cut
        after.pop()
    return "“" + " ".join([text_[int(row["start"]):int(row["end"])], *after]).strip() + "”"


def ratio_chart(findings: list[Finding], lang: str, name: str, texts: dict[str, str] | None = None) -> MyST | None:
    """Targets met and votes won as a share of the total: one panel per metric and kind of period (votes and
    targets never on one axis); two figures of one panel told apart by the article's own words."""
    fs = sorted((f for f in findings if f.kind == "ratio"), key=lambda f: (f.metric, f.period or ""))
    order = {k: i for i, k in enumerate(dict.fromkeys(map(panel, fs)))}
    fs = sorted(fs, key=lambda f: order[panel(f)])  # one panel's bars together (a stable sort)
    return split(fs, MAX_BARS, lambda chunk, n: _ratios(chunk, lang, n, texts), name, lang)


def panel(f: Finding) -> tuple[str, str]:
    """A ratio's panel: its metric and kind of period (unlike metrics never share an axis; a figure with
    no period has a panel of its own)."""
    return f.metric, f.when.granularity if f.when else ""


def _ratios(fs: list[Finding], lang: str, name: str, texts: dict[str, str] | None) -> MyST | None:
    import matplotlib.pyplot as plt

    if not fs:
        return None
    kinds = list(dict.fromkeys(panel(f) for f in fs))
    house_style()
    sizes = [sum(1 for f in fs if panel(f) == k) for k in kinds]
    fig, axes = plt.subplots(len(kinds), 1, figsize=(8, 0.5 * sum(sizes) + 1.1 * len(kinds) + 1.0), squeeze=False,
                             gridspec_kw={"height_ratios": sizes})
    items, data, notes = [], [], []
    for ax, k in zip(axes[:, 0], kinds):
        group = [f for f in fs if panel(f) == k]
        names = [f"{f.district} · {figure_period_text(f.rows[0], lang)}{_which_targets(f.rows[0], texts, lang)}"
                 for f in group]
        names = [n if names.count(n) == 1 else f"{n} · {what_of(f.rows[0], texts)}" for n, f in zip(names, group)]
        ax.set_title(label(k[0], lang), fontsize=9, loc="left")
        y = list(range(len(group)))[::-1]
        bars = ax.barh(y, [f.values["pct"] for f in group], color=[district_colour(f.district) for f in group], height=0.6)
        shown = [f"{fmt_number(f.values['x'], lang)}/{fmt_number(f.values['y'], lang)}" for f in group]
        ax.bar_label(bars, labels=shown, padding=4, fontsize=SMALL)
        ax.set_yticks(y, names, fontsize=SMALL)
        ax.set_xlim(0, 125)
        ticks = share_ticks([f.values["pct"] for f in group])
        if ticks:
            ax.set_xticks(ticks)
        _num_axis(ax, lang)
        ax.tick_params(axis="x", labelsize=SMALL)
        items += [f"{label(k[0], lang)}, {n}: {t}" for n, t in zip(names, shown)]
        data += [{"district": f.district, "metric": f.metric, "period": f.period, "x": f.values["x"], "y": f.values["y"]}
                 for f in group]
        notes += [(f"{label(k[0], lang)}, {n}: {t}", f.rows) for n, t, f in zip(names, shown, group)]
    axes[-1, 0].set_xlabel(text(lang, "chart.ratio.x"))
    fig.suptitle(text(lang, "chart.ratio.title"), fontweight="bold", x=0.01, ha="left")
    rows = [r for f in fs for r in f.rows]
    return _finish(fig, name, text(lang, "chart.ratio.alt", items="; ".join(items)), rows, pd.DataFrame(data),
                   text(lang, "chart.ratio.caption"), lang, notes, text(lang, "chart.ratio.title"), "ratios")


def slug(*parts: str) -> str:
    return "-".join(slugify(p) for p in parts)
