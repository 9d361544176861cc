"""The cleaned dataset: every indicator figure with its article's outlet and date, quality flags,
and a Frictionless data package describing the published CSV."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

from .articles import BOOK_MAX_ARTICLE_BYTES, iter_articles, scan
from .extract import COLUMNS, figures
from . import i18n
from .sources import UNKNOWN, describe, sources as article_sources

SOURCE_COLUMNS = ("outlet", "published")


@functools.lru_cache(maxsize=8)
def _load(seeds: str, stamp: tuple[tuple[str, int, int], ...]) -> tuple[pd.DataFrame, dict[str, str]]:
    rows, texts = [], {}
    for article in iter_articles([seeds], BOOK_MAX_ARTICLE_BYTES):
        src = describe(article)
        texts[article.name] = article.text
        for f in figures(article):
            row = {c: getattr(f, c) for c in COLUMNS}
            row.update(outlet=src.outlet, published=src.date)
            rows.append(row)
    df = pd.DataFrame(rows, columns=[*COLUMNS, *SOURCE_COLUMNS])
    df["value"] = df["value"].astype(float)
    df["denominator"] = pd.to_numeric(df["denominator"].replace("", None), errors="coerce")
    return df, texts


def load(seeds: Path | str) -> pd.DataFrame:
    """All indicator figures under ``seeds`` with ``value`` as float and the article's outlet and date."""
    return _load_both(seeds)[0].copy()


def article_texts(seeds: Path | str) -> dict[str, str]:
    return _load_both(seeds)[1]


def _load_both(seeds: Path | str) -> tuple[pd.DataFrame, dict[str, str]]:
    folder = Path(seeds)
    stat = [(p.name, p.lstat()) for p in scan(folder)[0]]  # the entries themselves: a link is never followed
    stamp = tuple((name, st.st_size, st.st_mtime_ns) for name, st in stat)
    return _load(str(folder), stamp)


def register(seeds: Path | str) -> pd.DataFrame:
    """The register of the articles, one row each: doc, title, outlet, url, date, date_basis, districts,
    words, paragraphs (the Sources chapter shows it; the data package lists it as the sources)."""
    rows = [
        {"doc": s.doc, "title": s.title, "outlet": s.outlet, "url": s.url, "date": s.date,
         "date_basis": s.date_basis, "districts": ", ".join(s.districts), "words": s.words,
         "paragraphs": s.paragraphs}
        for s in article_sources(seeds)
    ]
    return pd.DataFrame(rows)


def context_before(texts: dict[str, str], doc: str, start: int, width: int = 12) -> str:
    """The words just before a figure's quote in its article (e.g. "bằng" or "tăng")."""
    text = texts[doc]
    return text[max(0, start - width):start]


def cite(row: pd.Series | dict, lang: str = "vi") -> str:
    """A short citation: article number, outlet and date as readers write them, e.g. "[000 · Hà Nội Mới · 12/10/2024]".

    Plain text (the outlet and the file name come from the article): it reaches MyST only through
    ``report.escape`` (``md``, ``list_table``, ``publish_chart``), and is drawn as is into charts."""
    outlet = row["outlet"] if row["outlet"] != UNKNOWN else i18n.text(lang, "source.unknown_outlet")
    date = i18n.date_text(row["published"], lang) if row["published"] != UNKNOWN else i18n.text(lang, "source.unknown_date")
    return f"[{short_doc(row['doc'])} · {outlet} · {date}]"


def short_doc(doc: str) -> str:
    """The article's short name: its number ("000_ebee….txt" -> "000"), else its file stem.

    >>> short_doc("000_ebee602fe4335fbd.txt"), short_doc("cau_giay.txt")
    ('000', 'cau_giay')
    """
    stem = doc.rsplit(".", 1)[0]
    head = stem.split("_", 1)[0]
    return head if head.isdigit() else stem


# --- quality flags -------------------------------------------------------------------------------

_SHARE_METRICS = ("sector_share_services", "sector_share_industry", "sector_share_agriculture")


def quality_flags(df: pd.DataFrame) -> pd.DataFrame:
    """One row per finding: doc, district, metric, period, flag, detail (values for the message).

    Checks: a share over 100 %, x > y in a ratio, sector shares that do not sum to 100 %
    (within the rounding of the printed shares), an implausible jump between two figures of
    the same metric and unit (a factor over 10), the same indicator reported differently by
    two articles, and the same figure repeated in one article (informational).
    """
    out: list[dict] = []
    for r in df.itertuples():
        if r.unit == "percent" and r.basis in ("share", "none") and r.value > 100 and "share" in r.metric:
            out.append(dict(doc=r.doc, district=r.district, metric=r.metric, period=r.period, flag="share_over_100", detail={}))
        if r.unit == "ratio" and r.denominator == r.denominator and r.value > r.denominator:
            out.append(dict(doc=r.doc, district=r.district, metric=r.metric, period=r.period, flag="ratio_over_1", detail={}))
    shares = df[df["metric"].isin(_SHARE_METRICS)]
    for (doc, district, period), g in shares.groupby(["doc", "district", "period"], sort=True):
        total = round(float(g["value"].sum()), 2)
        tolerance = 0.005 * len(g) + 1e-9
        flag = "shares_sum_100" if abs(total - 100) <= tolerance else "shares_not_100"
        out.append(dict(doc=doc, district=district, metric="sector_share_*", period=period, flag=flag,
                        detail={"total": total}))
    keyed = df[df["metric"] != "other"]
    for (district, metric, _unit, period), g in keyed.groupby(["district", "metric", "unit", "period"], sort=True):
        if len(g) < 2:
            continue
        by_doc: dict[str, list[float]] = {}
        for doc, v in zip(g["doc"], g["value"], strict=True):
            by_doc.setdefault(doc, []).append(float(v))
        values = sorted({v for vs in by_doc.values() for v in vs})
        if len(by_doc) > 1 and len(values) > 1:
            out.append(dict(doc=",".join(sorted(by_doc)), district=district, metric=metric, period=period,
                            flag="conflict", detail={"value": values[0], "other": values[-1]}))
        for doc, vs in by_doc.items():
            vs = sorted(set(vs))
            if len(g[g["doc"] == doc]) > 1 and len(vs) == 1:
                out.append(dict(doc=doc, district=district, metric=metric, period=period, flag="repeat", detail={}))
    for (district, metric, _unit), g in keyed[keyed["unit"].isin(["VND_bn", "count"])].groupby(
            ["district", "metric", "unit"], sort=True):
        v = g.sort_values("value")["value"]
        if len(v) >= 2 and v.iloc[0] > 0 and v.iloc[-1] / v.iloc[0] > 10 and g["period"].nunique() == 1:
            out.append(dict(doc=",".join(sorted(set(g["doc"]))), district=district, metric=metric,
                            period=g["period"].iloc[0], flag="jump",
                            detail={"value": v.iloc[-1], "other": v.iloc[0], "ratio": round(v.iloc[-1] / v.iloc[0], 1)}))
    return pd.DataFrame(out, columns=["doc", "district", "metric", "period", "flag", "detail"])


# --- Frictionless data package -------------------------------------------------------------------

_FIELD_TYPES = {"value": "number", "denominator": "number", "start": "integer", "end": "integer"}


def datapackage(df: pd.DataFrame, sources: pd.DataFrame, csv_name: str = "figures.csv") -> dict:
    """A Frictionless Data Package (v1) descriptor for the figure CSV: schema and one source per article."""
    fields = [{"name": c, "type": _FIELD_TYPES.get(c, "string"), "description": i18n.text("en", f"column.{c}")}
              for c in (*COLUMNS, *SOURCE_COLUMNS)]
    return {
        "profile": "tabular-data-package",
        "name": "districtbook-figures",
        "title": "Figures reported in Vietnamese news articles about Hanoi districts",
        "licenses": [{"name": "other-at", "title": "Figures quoted from the cited articles"}],
        "sources": [{"title": f"{r.doc}: {r.title}", "path": r.url or f"seeds/{r.doc}",
                     "description": f"{r.outlet}, {r.date}"} for r in sources.itertuples()],
        "resources": [{
            "name": "figures", "path": csv_name, "profile": "tabular-data-resource", "format": "csv",
            "encoding": "utf-8", "schema": {"fields": fields},
        }],
    }


def write_datapackage(df: pd.DataFrame, sources: pd.DataFrame, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    from decimal import Decimal

    from .numbers import canonical

    out_csv = df[[*COLUMNS, *SOURCE_COLUMNS]].copy()
    for col in ("value", "denominator"):
        out_csv[col] = [canonical(Decimal(repr(v))) if v == v else "" for v in out_csv[col]]
    from .report import record_asset, write_csv

    write_csv(out_csv, folder / "figures.csv")  # text cells safe to open in a spreadsheet

    path = folder / "datapackage.json"
    path.write_text(json.dumps(datapackage(df, sources), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    record_asset(folder / "figures.csv")
    return record_asset(path)
