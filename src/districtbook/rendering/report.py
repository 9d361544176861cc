"""What chapters display: numbers formatted for the edition, MyST tables, charts in the house style.

Tables and charts are emitted as MyST Markdown (rendered by myst-nb in HTML and PDF alike),
so that a chart carries its alt text and source line, and the data behind each chart and
table is written next to it as a downloadable CSV.
"""
from __future__ import annotations

import math
import os
import re
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from babel.numbers import format_decimal

from districtbook.base import paths
from districtbook.base.files import record_asset, write_csv

LOCALES = {"vi": "vi_VN", "en": "en_US"}
#: Okabe-Ito, readable by colour-blind readers (also seaborn's "colorblind" family).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def fmt_number(value: float | int | None, lang: str = "vi", decimals: int | None = None) -> str:
    """Format a number for the edition's language.

    >>> fmt_number(2511, "vi"), fmt_number(2511, "en"), fmt_number(11.69, "vi"), fmt_number(2821.35, "en", 1)
    ('2.511', '2,511', '11,69', '2,821.4')
    >>> fmt_number(None, "en")
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if decimals is None:
        pattern = "#,##0.###"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|$~^&])")
#: what opens a block when it starts a line (list, fence, comment, label, numbered list)
_BLOCK_START = re.compile(r"^(?:[-=](?=\s|$)|[%:]|\((?=[^)]*\)=)|\d+(?=[.)](?:\s|$)))")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


class MyST(str):
    """Markdown a chapter displays, trusted as markup (like markupsafe's ``Markup``): :func:`escape`
    leaves it as it is, and everything that is not a ``MyST`` is escaped on its way into one.
    Its plain-text form is the same text, so nbval compares it."""

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)


def escape(text: object) -> MyST:
    r"""The one way text from an article or a file name (title, outlet, URL, quote, district, file
    name) enters MyST: markup characters are backslash-escaped and line breaks and control
    characters become one space, so ``<script>``, ``**`` or a directive in an article shows as
    text, never as HTML, formatting or a new block.  Sphinx then escapes the text for HTML and
    LaTeX itself.  A :class:`MyST` value is already markup and passes unchanged.

    >>> print(escape("<script>alert(1)</script> *x* [a](b)"))
    \<script\>alert(1)\</script\> \*x\* \[a\](b)
    >>> print(escape("<img src=x onerror=alert(1)>.txt\n:::{raw} html"))
    \<img src=x onerror=alert(1)\>.txt :::\{raw\} html
    >>> print(escape(":::{raw} html"), escape("1. x"), escape("- x"), escape("2.511 tỷ"), escape("-5%"))
    \:::\{raw\} html 1\. x \- x 2.511 tỷ -5%
    >>> escape(escape("a*b")) == escape("a*b")
    True
    """
    if isinstance(text, MyST):
        return text
    out = _MD_SPECIAL.sub(r"\\\1", _CONTROL.sub(" ", str(text)))
    m = _BLOCK_START.match(out)
    if m:  # a value placed at the start of a line must not open a block either
        cut = m.end() if m.group(0)[0].isdigit() else 0
        out = out[:cut] + "\\" + out[cut:]
    return MyST(out)


def unescape(text: str) -> str:
    r"""The plain text of escaped MyST, for a place that shows text as it is (a glued ``{glue:text}`` value,
    which Sphinx escapes for HTML and LaTeX itself): the inverse of :func:`escape`.

    >>> print(unescape(escape("[000 · Hà Nội Mới · 2024-10-12] a\\b *c*")))
    [000 · Hà Nội Mới · 2024-10-12] a\b *c*
    """
    return re.sub(r"\\(.)", r"\1", str(text))


def md(template: str, **values: object) -> MyST:
    r"""Fill a MyST template (ours, trusted) with values that are escaped unless already :class:`MyST`.

    >>> print(md("**{a}** and {b}", a="x_y", b=MyST("*kept*")))
    **x\_y** and *kept*
    """
    return MyST(template.format(**{k: escape(v) for k, v in values.items()}))


def alt_text(text: object) -> str:
    r"""A figure's alt text (a directive option, shown as an attribute, never parsed as markup):
    one line, no control characters.

    >>> alt_text("a\nb\x00c")
    'a b c'
    """
    return _CONTROL.sub(" ", str(text)).strip()


def _cell(value: object) -> str:
    return escape(value)


def markdown_table(df: pd.DataFrame, align: Sequence[str] | None = None) -> str:
    """A MyST/GFM pipe table; numbers should already be formatted as text.

    >>> print(markdown_table(pd.DataFrame({"a": ["x|y"], "b": ["1"]}), align="lr"))
    | a | b |
    |:--|--:|
    | x\\|y | 1 |
    """
    align = align or ["l"] * len(df.columns)
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(_cell(c) for c in df.columns) + " |",
             "|" + "|".join(marks[a] for a in align) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def save_data(df: pd.DataFrame, name: str) -> Path:
    """Write a chart's or table's data as CSV next to the chapters (:func:`write_csv`); returns its path."""
    return record_asset(write_csv(df, paths.assets_dir() / f"{name}.csv"))


def house_style() -> None:
    import matplotlib
    import seaborn as sns

    matplotlib.use("Agg")
    sns.set_theme(style="whitegrid", palette=list(PALETTE), font="DejaVu Sans")
    matplotlib.rcParams.update({
        "figure.dpi": 100, "savefig.dpi": 150, "axes.titleweight": "bold",
        "svg.hashsalt": "districtbook", "figure.figsize": (8, 4.2),
        "text.parse_math": False,  # a "$" in an article's name is text, not mathtext
    })


def label_overlaps(fig, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of visible texts of a chart whose boxes overlap, and legends that cover a plot.

    Every text artist (titles, tick labels, bar labels, legend entries, notes) is drawn and its
    window extent taken; boxes that intersect by more than ``tolerance`` pixels are reported.

    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); _ = ax.text(0.5, 0.5, "21/21"); _ = ax.text(0.5, 0.5, "3/3")
    >>> label_overlaps(fig)
    [('21/21', '3/3')]
    >>> plt.close(fig)
    """
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or t.get_alpha() == 0:
            continue
        ax = t.axes
        bb = t.get_window_extent(renderer)
        if bb.width <= 0 or bb.height <= 0:
            continue
        if ax is not None and t in ax.get_xticklabels() + ax.get_yticklabels():
            lo, hi = (ax.get_xlim() if t in ax.get_xticklabels() else ax.get_ylim())
            pos = t.get_position()[0 if t in ax.get_xticklabels() else 1]
            if not min(lo, hi) - 1e-9 <= pos <= max(lo, hi) + 1e-9:
                continue  # a tick outside the axis range is not drawn
        boxes.append((t.get_text(), bb))
    out = []
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1:]:
            w = min(a.x1, b.x1) - max(a.x0, b.x0)
            h = min(a.y1, b.y1) - max(a.y0, b.y0)
            if w > tolerance and h > tolerance:
                out.append((ta, tb))
    for leg in fig.findobj(Legend):
        lb = leg.get_window_extent(renderer)
        for ax in fig.axes:
            pb = ax.get_window_extent(renderer)
            if min(lb.x1, pb.x1) - max(lb.x0, pb.x0) > tolerance and min(lb.y1, pb.y1) - max(lb.y0, pb.y0) > tolerance:
                out.append(("legend", ax.get_title() or "plot"))
    return out


#: the room a chart keeps above its panels for its title, and below them for the source line, in inches
TITLE_ROOM, SOURCE_ROOM = 0.45, 0.5
#: a label or panel title longer than this many characters is set on several lines
LONG_LABEL = 60
#: a phone's rendition of a chart (:func:`phone_rendition`): this many inches wide, its labels wrapped at this
#: many characters. Shown 352 px wide on a 400 px screen, its 9.5 pt labels come out about 10 px tall
PHONE_WIDTH, PHONE_LABEL = 4.2, 24


def fit_layout(fig, source_line: str = "", wrap: int = LONG_LABEL) -> bool:
    """Lay the panels out inside fixed margins in inches (a title above, the source line below: a line more
    for every 160 characters of it), so that a tall chart of many panels keeps its title off its first panel
    and a short one keeps room for the source.  Labels longer than ``wrap`` characters are set on several lines.
    False when the labels leave the panels no room (matplotlib's warning is kept out of the published page)."""
    _wrap_texts(fig, wrap)
    height = fig.get_figheight()
    top = TITLE_ROOM if fig._suptitle is not None else 0.1
    bottom = SOURCE_ROOM * (1 + len(source_line) // 160)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.tight_layout(rect=(0, min(bottom / height, 0.4), 1, 1 - min(top / height, 0.3)))
    return not caught


def _wrap_texts(fig, width: int) -> None:
    """Wrap every tick label and title longer than ``width`` characters onto several lines.  Each is wrapped
    from the text the chart drew (kept on first wrapping), so that wrapping again, narrower, re-flows it."""

    def wrapped(t, width: int = width) -> str:
        if not hasattr(t, "drawn_text"):
            t.drawn_text = t.get_text()
        return fill(t.drawn_text, width)

    for ax in fig.axes:
        for t in (ax.title, ax._left_title, ax._right_title):
            t.set_text(wrapped(t))
        ticks = ax.get_yticklabels()
        if any(re.search(r"[^\W\d_]", t.get_text()) for t in ticks):  # names, not numbers
            if not hasattr(ax, "drawn_ticks"):
                ax.drawn_ticks = [t.get_text() for t in ticks]
            ax.set_yticks(ax.get_yticks(), [fill(t, width) for t in ax.drawn_ticks], fontsize=ticks[0].get_fontsize())
    if fig._suptitle is not None:
        fig._suptitle.set_text(wrapped(fig._suptitle, width * 3 // 2))  # the chart's title spans the figure


def fill(label: str, width: int) -> str:
    """A label's lines longer than ``width`` characters wrapped; a line break already set (a measure above its
    period) is kept.

    >>> fill("Tây Hồ · 6 tháng đầu năm 2024", 16)
    'Tây Hồ · 6 tháng\\nđầu năm 2024'
    >>> fill("Thu ngân sách\\n9 tháng năm 2024", 16)
    'Thu ngân sách\\n9 tháng năm 2024'
    """
    lines = label.split("\n")
    return "\n".join(textwrap.fill(ln, width) for ln in lines) if max(map(len, lines)) > width else label


#: what :func:`adapt_layout` reports when a chart's labels leave its panels no room (matplotlib could not lay it out)
NO_ROOM = ("labels", "panels")


def adapt_layout(fig, source_line: str = "") -> list[tuple[str, str]]:
    """Lay a chart out, then make its labels fit (:func:`_fit_labels`)."""
    return _fit_labels(fig, source_line)


def _fit_labels(fig, source_line: str = "", tries: int = 3, wrap: int = 40,
                first: int = LONG_LABEL) -> list[tuple[str, str]]:
    """Lay a chart out (its labels wrapped at ``first`` characters), then make its labels fit: wrap long labels
    (at ``wrap`` characters, then shorter), then give the chart
    more height, until no two labels overlap (:func:`label_overlaps`).  Returns the overlaps left (empty: the
    chart is readable; a layout that leaves the panels no room counts as an overlap)."""
    def problems(fitted: bool) -> list[tuple[str, str]]:
        return label_overlaps(fig) + ([] if fitted else [NO_ROOM])

    clashes = problems(fit_layout(fig, source_line, first))
    for attempt in range(tries):
        if not clashes:
            break
        width = wrap - wrap * attempt // 5
        _wrap_texts(fig, width)
        fig.set_figheight(fig.get_figheight() * 1.25)
        clashes = problems(fit_layout(fig, source_line, width))
    return clashes


def phone_rendition(fig, out: Path) -> bool:
    """Draw the chart again for a phone: :data:`PHONE_WIDTH` inches wide, its labels wrapped at
    :data:`PHONE_LABEL` characters and the chart made taller where they need it, so that at a phone's width its
    text is read without zooming, and the whole chart is seen without scrolling sideways.  Text drawn outside the
    panels (a value after its bar, a legend) widens the saved image: the panels are narrowed until it fits.  Saved
    as ``out``; False (nothing saved) when its labels would still overlap or the image cannot fit: the phone then
    scrolls the wide chart sideways."""
    wide = fig.get_figwidth()
    fig.set_figwidth(PHONE_WIDTH)
    fig.set_figheight(fig.get_figheight() * max(1.0, 0.35 * wide / PHONE_WIDTH))  # wrapped labels take lines
    for ax in fig.axes:  # a legend's entries one under another, not side by side (the book's hang from their
        old = ax.get_legend()  # upper left corner)
        if old is not None:
            anchor = old.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
            x, y = anchor.x0, anchor.y1
            if x >= 1:  # beside the panel, it would take the phone's width: under the axis and its title instead
                x, y = 0, -0.55 / max(ax.get_position().height * fig.get_figheight(), 0.5)
            ax.legend(handles=old.legend_handles, labels=[fill(t.get_text(), PHONE_LABEL - 6) for t in old.get_texts()],
                      loc="upper left", bbox_to_anchor=(x, y), ncols=1, frameon=old.get_frame_on(),
                      fontsize=old.get_texts()[0].get_fontsize())
    _phone_bar_labels(fig)
    for _ in range(3):
        clashes = _fit_labels(fig, tries=2, wrap=PHONE_LABEL, first=PHONE_LABEL)
        while clashes and _thin_ticks(fig):  # fewer numbers on a narrow axis, down to two
            clashes = _fit_labels(fig, tries=1, wrap=PHONE_LABEL, first=PHONE_LABEL)
        if clashes:
            return False
        excess = fig.get_tightbbox().width - PHONE_WIDTH * 1.05
        if excess <= 0:
            fig.savefig(out, metadata={"Software": None}, bbox_inches="tight")
            return True
        fig.set_figwidth(max(fig.get_figwidth() - excess, 0.6 * PHONE_WIDTH))
    return False


#: a value written after its bar, on a phone: wrapped at this many characters ("an estimated" / "4,870 billion VND")
PHONE_BAR_LABEL = 17


def _phone_bar_labels(fig) -> None:
    """The values written after horizontal bars, for a phone: wrapped onto two lines, and the value axis
    lengthened so that the longest bar leaves room for its value (panels that shared one scale still do)."""
    from matplotlib.text import Annotation
    from matplotlib.ticker import MaxNLocator

    lengthened = []
    for ax in fig.axes:
        # the values after the bars' ends (not those inside them), when they are words as well as a number
        labels = [t for t in ax.texts if isinstance(t, Annotation) and t.get_horizontalalignment() == "left" and t.get_text()]
        bars = [p for p in ax.patches if p.get_width() > 0 and p.get_height() > 0]
        if not bars or max((len(t.get_text()) for t in labels), default=0) <= PHONE_BAR_LABEL // 2 \
                or ax.get_xscale() != "linear":
            continue
        for t in labels:
            t.set_text(fill(_UNIT_AFTER_NUMBER.sub("\u00a0", t.get_text()), PHONE_BAR_LABEL))
        lengthened.append((ax, max(p.get_x() + p.get_width() for p in bars)))
    if not lengthened:
        return
    shared = len({ax.get_xlim() for ax, _ in lengthened}) == 1
    longest = max(end for _, end in lengthened)
    for ax, end in lengthened:
        lo, hi = ax.get_xlim()
        ax.set_xlim(lo, max(hi, 1.9 * (longest if shared else end)))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=3))  # a few numbers: the axis is short


#: the spaces that keep a number with its unit on one line ("4.577 tỷ đồng", "4,577 billion VND")
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d) (?=[^\W\d_])|(?<=\btỷ) (?=đồng)|(?<=\btriệu) (?=đồng)|(?<=\bbillion) (?=VND)|"
                                r"(?<=\bmillion) (?=VND)")


def _thin_ticks(fig) -> bool:
    """Keep every other tick of a value axis that has three or more (a narrow chart's numbers would touch);
    False when no axis has that many."""
    thinned = False
    for ax in fig.axes:
        lo, hi = sorted(ax.get_xlim())
        ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
        if len(ticks) >= 3 and not any(re.search(r"[^\W\d_]", t.get_text()) for t in ax.get_xticklabels()):
            ax.set_xticks(ticks[::2])
            thinned = True
    return thinned


def publish_chart(fig, name: str, alt: str, source_line: str, data: pd.DataFrame, caption: str,
                  note: str = "") -> str:
    """Save the chart (PNG) and its data (CSV); return the MyST figure block that shows both.

    The caption holds the source line (once: it is not drawn into the PNG as well) and, in the HTML, the link to
    the data (:func:`html_only`: a PDF has no use for it); the alt text describes the chart for screen readers.
    All three are plain text: they are escaped here, once.
    A chart whose labels would overlap is laid out again (:func:`adapt_layout`); one that still cannot be
    drawn readably is shown as its data in a table, with ``note`` (why) above it: never an error.
    """
    import matplotlib.pyplot as plt

    out = paths.assets_dir() / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    clashes = adapt_layout(fig)
    csv = save_data(data, name)
    if clashes:
        plt.close(fig)
        table = data.astype(str).head(200)
        return "\n\n".join([escape(note), list_table(table, [1] * len(table.columns), f"{caption} {source_line}"),
                             html_only(download(csv.name))]) + "\n"
    fig.savefig(out, metadata={"Software": None}, bbox_inches="tight")
    phone = out.with_name(f"{name}-phone.png")
    drawn = phone_rendition(fig, phone)  # the same chart, narrower (its wide image is saved)
    plt.close(fig)
    record_asset(out)
    rel = f"_assets/{out.name}"
    block = (f":::{{figure}} {rel}\n:alt: {alt_text(alt)}\n:name: fig-{name}\n:width: 100%\n"
             f"{':figclass: has-phone-chart' + chr(10) if drawn else ''}\n"
             f"{escape(caption)} {escape(source_line)}\n:::\n\n{html_only(download(csv.name))}\n")
    if not drawn:
        return block
    record_asset(phone)  # shown instead of the wide chart on a narrow screen (the stylesheet), never on paper
    return (f"::::{{only}} html\n:::{{image}} _assets/{phone.name}\n:alt: {alt_text(alt)}\n:class: phone-chart\n"
            f":::\n::::\n\n{block}")


def download(file_name: str, label: str = "CSV") -> str:
    """A link to download one of the chapter's data files (in ``_assets``)."""
    return f"{{download}}`{label} <_assets/{file_name}>`"


def html_only(block: str) -> str:
    """A block only the HTML shows (a download link means nothing on paper: the PDF would print a stray "CSV").

    >>> print(html_only("x"))
    :::{only} html
    x
    :::
    """
    return f":::{{only}} html\n{block}\n:::"


def list_table(df: pd.DataFrame, widths: Sequence[int], caption: str = "") -> str:
    """A MyST list-table: column widths make LaTeX wrap long cells instead of running off the page,
    and a long table breaks across pages in the PDF instead of running past the text block; its ``caption``
    is numbered by chapter in both editions ("Bảng 8.1: …"), above the table and again on each page it runs on to.

    >>> print(list_table(pd.DataFrame({"a": ["x"], "b": ["y"]}), [1, 3]))
    :::{list-table}
    :header-rows: 1
    :widths: 1 3
    :class: longtable
    <BLANKLINE>
    * - a
      - b
    * - x
      - y
    :::
    """
    lines = [f":::{{list-table}} {escape(caption)}".rstrip(), ":header-rows: 1", ":widths: " + " ".join(map(str, widths)), ":class: longtable", ""]
    for row in [list(df.columns), *df.itertuples(index=False)]:
        cells = [escape(c) or " " for c in row]
        lines.append("* - " + cells[0])
        lines += ["  - " + c for c in cells[1:]]
    lines.append(":::")
    return "\n".join(lines)
