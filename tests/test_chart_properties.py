"""Property-based tests: whatever figure table real articles give, every chapter's builders finish, and every
chart is either drawn with no two labels overlapping or shown as a table with a note (never an error).

Hypothesis generates figure tables with figures nothing dates, every unit, one to a hundred places (districts,
wards, cities, long and repeated names), duplicated rows and extreme values; the chapter modules' builders (main
points, tables, charts, derived measures, checks) run over them in both languages.  The overlap check
(``report.label_overlaps``) is a test of the layout code here, not a gate in the build.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from districtbook.analysis import dataset
from districtbook.rendering import charts, report
from districtbook.chapters import budget, comparison, digital, figures, governance, growth, intro, profile
from districtbook.chapters.dictionary import UNITS

PERIODS = ("", "2024-9M", "2024-H1", "2024-H2", "2023", "2024", "2022", "2020-2025", "2020-2025-H1", "2021-2023",
           "2024-Q3", "2023-Q3", "2023-02", "2022-02", "2023-2M", "2022-2M", "2019-YTD", "2025-2030", "1980")
METRICS = (*budget.METRICS, *growth.METRICS, *digital.METRICS, *governance.METRICS, "other")
BASES = ("none", "plan", "yoy", "share", "term_start", "target")
QUALIFIERS = ("actual", "estimate", "more_than", "less_than", "approx", "target", "range_low", "range_high")
LEVELS = ("district", "ward", "city", "province", "")
SHORT = ("Tây Hồ", "Đống Đa", "Hải Phòng", "Đà Nẵng", "Bình Tân", "Cần Thơ", "Hoàn Kiếm", "Hà Nội")
LONG = "Khu kinh tế cửa khẩu quốc tế và khu công nghiệp tập trung liên tỉnh số"

VALUES = st.one_of(
    st.sampled_from([0.0, 0.001, 1.0, 3.0, 21.0, 59.0, 89.0, 100.0, 142.0, 2511.0, 1e6, 1e12]),
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
)


@st.composite
def places(draw) -> list[str]:
    n = draw(st.integers(1, 100))
    names = [SHORT[i] if i < len(SHORT) else f"Phường {i}" for i in range(n)]
    if draw(st.booleans()):
        names[-1] = f"{LONG} {n}"
    return names


@st.composite
def figure_tables(draw) -> pd.DataFrame:
    where = draw(places())
    rows = []
    for i in range(draw(st.integers(1, 25))):
        unit = draw(st.sampled_from(UNITS))
        value = draw(VALUES)
        rows.append(dict(
            doc=draw(st.sampled_from(["000_a.txt", "h24.txt", "d17.txt", f"{LONG}.txt"])),
            district=draw(st.sampled_from(where)), level=draw(st.sampled_from(LEVELS)),
            metric=draw(st.sampled_from(METRICS)), value=value, unit=unit,
            denominator=draw(st.sampled_from([math.nan, value, value + 3, 21.0])) if unit == "ratio" else math.nan,
            period=draw(st.sampled_from(PERIODS)), per_year=draw(st.sampled_from(["", "yes"])),
            basis=draw(st.sampled_from(BASES)), base=draw(st.sampled_from(["", "2023-9M", "2022"])),
            qualifier=draw(st.sampled_from(QUALIFIERS)), quote=f"{value:g}", start=10 * i, end=10 * i + 4,
            kind="indicator", outlet=draw(st.sampled_from(["Báo A", "unknown"])),
            published=draw(st.sampled_from(["2024-10-12", "unknown", "2025"])),
        ))
    rows += draw(st.lists(st.sampled_from(rows), max_size=5))  # duplicates: an article repeating a figure
    # every place named at least once, so that a hundred places reach the charts
    rows += [dict(rows[0], district=d, start=5000 + k, end=5004 + k) for k, d in enumerate(where)]
    return dataset.typed(pd.DataFrame(rows))  # typed as the reader types the figure table


@pytest.fixture
def layout_log(tmp_path, monkeypatch):
    """Every chart laid out: (overlaps left, figure height); and the assets written into tmp_path."""
    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    log: list[tuple[list, float]] = []
    original = report.adapt_layout

    def logged(fig, *args, **kw):
        left = original(fig, *args, **kw)
        log.append((left, fig.get_figheight()))
        assert [c for c in left if c != report.NO_ROOM] == report.label_overlaps(fig)  # what is drawn
        return left

    monkeypatch.setattr(report, "adapt_layout", logged)
    return log


def _check_chart(out, lang: str) -> None:
    """A chart builder's result: nothing, figures, or (when a chart cannot be drawn readably) a table with a note."""
    if out is None:
        return
    assert ":::{figure}" in out or report.escape(charts.text(lang, "chart.as_table")) in out, out[:300]


SETTINGS = settings(max_examples=6, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@SETTINGS
@given(df=figure_tables(), lang=st.sampled_from(["vi", "en"]))
def test_every_chapter_builder_finishes_over_any_figure_table(df, lang, layout_log):
    texts: dict[str, str] = {}
    for chapter in (budget, growth, digital, governance):
        chapter.main_points(df, texts, lang)
        shown = chapter.table(df, texts, lang)
        assert "{download}" in shown or shown == charts.text(lang, "topic.none")
    for out in (budget.progress_chart(df, texts, lang), budget.year_on_year_chart(df, texts, lang),
                growth.growth_chart(df, texts, lang), growth.share_chart(df, lang), governance.ratio_chart(df, texts, lang)):
        _check_chart(out, lang)
    budget.derived(df, texts, lang)
    growth.share_check(df, lang)
    figures.table(df, texts, lang)
    figures.quality(df, lang)
    intro.headlines(df, texts, lang)
    places = list(dict.fromkeys(df["district"]))
    for d in places[:2]:
        profile.main_points(df, texts, d, lang)
        profile.table(df, texts, d, lang)
        _check_chart(profile.progress_chart(df, texts, d, lang), lang)
        _check_chart(profile.year_on_year_chart(df, texts, d, lang), lang)
    a, b = places[0], places[-1]
    comparison.main_points(df, texts, a, b, lang)
    comparison.comparisons(df, a, b, lang, texts)
    _check_chart(comparison.chart(df, a, b, lang, texts), lang)
    for left, height in layout_log:
        assert height < 30, height  # split into charts of a few panels, never one chart a page cannot show
    assert len(layout_log) <= 6 * charts.MAX_CHARTS


def _growth_targets(n: int, name: str) -> pd.DataFrame:
    """``n`` places, each with a growth rate achieved in 2023 and a target for 2024 (a panel each)."""
    rows = []
    for i in range(n):
        where = f"{name} {i}"
        rows.append(dict(doc=f"d{i}.txt", district=where, level="district", metric="economic_growth_rate", value=7.5,
                         unit="percent", denominator=math.nan, period="2023", per_year="", basis="none", base="",
                         qualifier="actual", quote="7,5%", start=0, end=4, kind="indicator", outlet="Báo A",
                         published="2024-01-05"))
        rows.append(dict(rows[-1], value=8.0, period="2024", qualifier="target", start=10, end=14))
    return dataset.typed(pd.DataFrame(rows))  # typed as the reader types the figure table


@pytest.mark.parametrize("n", [1, 20])
def test_a_chart_of_many_long_named_panels_is_split_and_laid_out_with_no_label_on_another(n, layout_log):
    out = growth.growth_chart(_growth_targets(n, LONG), {}, "vi")
    assert out is not None and out.count(":::{figure}") == len(layout_log) <= charts.MAX_CHARTS
    assert (n > 4) == ("không được vẽ" in out)  # 20 places: 190 pairs compared, 32 drawn, a note for the rest
    assert [left for left, _ in layout_log] == [[]] * len(layout_log)  # drawn, never a table
    assert all(height < 20 for _, height in layout_log)


def test_a_ratio_with_no_period_is_drawn_in_a_panel_of_its_own(layout_log):
    rows = [dict(doc="h24.txt", district="Bình Tân", level="district", metric="targets_completed", value=v, unit="ratio",
                 denominator=21.0, period=p, per_year="", basis="none", base="", qualifier="actual", quote="x", start=i,
                 end=i + 1, kind="indicator", outlet="Báo A", published="2024-01-05")
            for i, (v, p) in enumerate([(21.0, ""), (19.0, "2023")])]
    out = governance.ratio_chart(pd.DataFrame(rows), {}, "en")
    assert out is not None and ":::{figure}" in out


def test_a_chart_that_cannot_be_laid_out_is_shown_as_a_table_with_a_note(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    report.house_style()
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "21/21")
    ax.text(0.5, 0.5, "3/3")  # two labels at one place: no wrapping or height separates them
    out = report.publish_chart(fig, "clash", "alt text of the chart", "Nguồn: [h24 · Báo A · 2024]",
                               pd.DataFrame({"district": ["Tây Hồ"], "value": [1.0]}), "caption", note="the note")
    assert ":::{figure}" not in out and out.startswith("the note") and "Tây Hồ" in out and "CSV" in out
    assert (tmp_path / "clash.csv").is_file() and not (tmp_path / "clash.png").exists()


def test_a_chart_has_a_phone_rendition_that_fits_a_phone_and_keeps_its_labels_apart(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt
    from PIL import Image

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    report.house_style()
    fig, ax = plt.subplots(figsize=(8, 3))
    names = [f"{LONG} {i} · 9 tháng năm 2024" for i in range(3)]
    ax.barh([0, 1, 2], [59, 89, 101])
    ax.set_yticks([0, 1, 2], names)
    ax.legend(handles=ax.patches[:1], labels=["Thời gian đã qua của năm"], loc="upper left", bbox_to_anchor=(0, -0.3),
              ncols=2, frameon=False)
    ax.set_title("Thu ngân sách nhà nước: đã đạt bao nhiêu phần kế hoạch năm?", loc="left")
    out = report.publish_chart(fig, "long", "alt", "Nguồn: [h24 · Báo A · 2024]",
                               pd.DataFrame({"district": ["Tây Hồ"], "value": [1.0]}), "caption")
    # the phone's image first (HTML only), then the figure, marked as having one (the stylesheet swaps them)
    assert out.index("{only} html\n:::{image} _assets/long-phone.png") < out.index(":::{figure} _assets/long.png")
    assert ":figclass: has-phone-chart" in out and ":class: phone-chart" in out
    wide, phone = Image.open(tmp_path / "long.png").size, Image.open(tmp_path / "long-phone.png").size
    dpi = plt.rcParams["savefig.dpi"]
    pad = 2 * plt.rcParams["savefig.pad_inches"]
    assert phone[0] <= (report.PHONE_WIDTH * 1.05 + pad) * dpi + 1 < wide[0]  # shown at 352 px: its text about 10 px
    # its labels were wrapped to the phone's width, and still no two touch (the rendition is checked as drawn)
    assert max(len(ln) for lb in names for ln in report.fill(lb, report.PHONE_LABEL).split("\n")) <= report.PHONE_LABEL


def test_a_chart_whose_phone_rendition_would_overlap_keeps_only_its_wide_image(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    report.house_style()
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.barh([0], [50])
    ax.set_xlim(0, 100)
    ax.text(5, 0, "21/21 chỉ tiêu")
    ax.text(32, 0, "3/3 chỉ tiêu")  # apart at 8 inches; on a phone's width the two meet
    assert not report.label_overlaps(fig)
    out = report.publish_chart(fig, "tight", "alt", "Nguồn: [h24 · Báo A · 2024]",
                               pd.DataFrame({"district": ["Tây Hồ"], "value": [1.0]}), "caption")
    assert ":::{figure} _assets/tight.png" in out and "phone" not in out
    assert (tmp_path / "tight.png").is_file() and not (tmp_path / "tight-phone.png").exists()


def test_a_legend_beside_a_chart_goes_under_it_on_a_phone(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    report.house_style()
    fig, ax = plt.subplots(figsize=(8, 2.7))
    for left, width, name in ((0, 66.1, "Tỷ trọng thương mại - dịch vụ"), (66.1, 33.5, "Tỷ trọng công nghiệp")):
        ax.barh(["Tây Hồ · giai đoạn 2016-2020"], [width], left=[left], label=name)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)  # beside the panel, as the share chart
    out = report.publish_chart(fig, "beside", "alt", "Nguồn: [h24 · Báo A · 2024]",
                               pd.DataFrame({"district": ["Tây Hồ"], "value": [1.0]}), "caption")
    assert ":class: phone-chart" in out  # drawn for a phone, its legend under the panel (where it has the width)
    fig.canvas.draw()
    legend, panel = ax.get_legend().get_window_extent(), ax.get_window_extent()
    assert legend.y1 <= panel.y0 and legend.x1 <= fig.bbox.width


def test_long_values_after_bars_are_wrapped_and_given_room_on_a_phone(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("DISTRICTBOOK_ASSETS_DIR", str(tmp_path))
    report.house_style()
    fig, axes = plt.subplots(2, 1, figsize=(8, 4))
    for ax in axes:  # two panels on one scale, as the year-on-year chart: a value in words after each bar
        bars = ax.barh([1, 0], [4577, 4870])
        ax.bar_label(bars, labels=["about 4,577 billion VND", "an estimated 4,870 billion VND"], padding=4)
        ax.set_yticks([1, 0], ["the first 9 months of 2023", "the first 9 months of 2024"])
        ax.set_xlim(0, 8000)
    out = report.publish_chart(fig, "values", "alt", "Source: [h24 · Paper A · 2024]",
                               pd.DataFrame({"district": ["Tây Hồ"], "value": [1.0]}), "caption")
    assert ":class: phone-chart" in out  # at 8 inches' width they fit; on a phone, only wrapped and with room
    fig.canvas.draw()
    assert {ax.get_xlim() for ax in axes} == {(0.0, 1.9 * 4870)}  # still one scale
    values = [t.get_text() for t in axes[0].texts]
    assert values == ["about\n4,577\u00a0billion\u00a0VND", "an estimated\n4,870\u00a0billion\u00a0VND"]  # a number keeps its unit
    assert fig.get_tightbbox().width <= report.PHONE_WIDTH * 1.05  # the whole drawing, values included, fits a phone
    assert all(ax.get_window_extent().width > 0.4 * fig.bbox.width for ax in axes)  # and the panels keep their room
