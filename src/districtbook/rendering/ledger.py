"""The book's statements as data: every sentence a chapter states from the figures (main points, further findings,
comparisons, refused comparisons, derived measures), with a stable id and its input figures.

A chapter notes each statement as it writes it (:func:`note`); its edition's words go to
``_assets/findings-<chapter>-<lang>.csv`` beside the chapter (cached with it).  That file is the only record: nothing
is kept in the process.  An execution starts the file afresh the first time it notes a statement (the file is not yet
in the execution's asset log) and adds to it afterwards. The build then joins the editions into
one table, ``findings.csv`` (:func:`assemble`): columns ``chapter``, ``finding`` (a short hash of the kind and the
inputs, the same in both editions), ``kind``, ``text_vi``, ``text_en`` and ``figures`` (every input figure as
``article_file:start-end``, its offsets in the article, joined by ``;``), sorted by chapter and order of appearance.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from typing import Iterable

import pandas as pd

from districtbook.base import paths
from districtbook.analysis.dataset import SOURCE_COLUMNS, with_evidence
from districtbook.extraction.extract import COLUMNS as FIGURE_COLUMNS
from districtbook.rendering import i18n

COLUMNS = ("chapter", "finding", "kind", "text_vi", "text_en", "figures")
#: a chapter's own file: one edition's words, in the order the chapter states them
_PART_COLUMNS = ("chapter", "lang", "order", "finding", "kind", "text", "figures")
_PART_GLOB = "findings-*.csv"


def figure_ref(row) -> str:
    """A figure as ``article_file:start-end``.

    >>> figure_ref({"doc": "000_a.txt", "start": 12, "end": 17})
    '000_a.txt:12-17'
    """
    return f"{row['doc']}:{int(row['start'])}-{int(row['end'])}"


def figure_refs(rows: Iterable) -> str:
    """The input figures of a statement, each once, in a stable order."""
    refs = {(str(r["doc"]), int(r["start"]), int(r["end"])) for r in rows}
    return ";".join(f"{d}:{s}-{e}" for d, s, e in sorted(refs))


def finding_id(kind: str, rows: Iterable, *parts: object) -> str:
    """A stable id: a short hash of the statement's kind, its input figures and what else tells it apart.

    >>> finding_id("ahead", [{"doc": "a.txt", "start": 1, "end": 4}], "Tây Hồ") == finding_id("ahead", [{"doc": "a.txt", "start": 1, "end": 4}], "Tây Hồ")
    True
    """
    key = "|".join([kind, figure_refs(rows), *map(str, parts)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def note(chapter: str, lang: str, kind: str, text: str, rows: list, *parts: object) -> str:
    """Record one statement of a chapter in one edition (plain text: MyST escapes removed) in the chapter's file,
    in a build or a ``run``; returns its id. The same statement noted twice in an execution is kept once."""
    from districtbook.base.files import record_asset, recorded
    from districtbook.rendering.report import unescape

    fid = finding_id(kind.split(":")[-1], rows, *parts)
    if not (os.environ.get("DISTRICTBOOK_ASSET_LOG") or os.environ.get("DISTRICTBOOK_ASSETS_DIR")):
        return fid  # written only for a build or a run: nbval and the unit tests leave the published book alone
    out = paths.assets_dir() / f"findings-{chapter}-{lang}.csv"
    ours = recorded(out)  # written by this execution already (else a stale file of an earlier one, or none)
    book = _read(out) if ours else []
    if any(r["finding"] == fid for r in book):
        return fid
    book.append(dict(chapter=chapter, lang=lang, order=len(book), finding=fid, kind=kind, text=unescape(str(text)),
                     figures=figure_refs(rows)))
    out.parent.mkdir(parents=True, exist_ok=True)
    _write(out, _PART_COLUMNS, book)
    if not ours:
        record_asset(out)
    return fid


def noted(folder: Path) -> list[dict]:
    """The statements noted in an ``_assets`` folder, each chapter's file in order (a test reads them)."""
    return [r for part in sorted(Path(folder).glob(_PART_GLOB)) for r in _read(part)]


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows({c: r.get(c, "") for c in columns} for r in rows)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def table(asset_dirs: Iterable[Path]) -> list[dict]:
    """The statements of every chapter of every edition (their ``_assets`` folders), one row each with both
    editions' words, sorted by chapter, order of appearance and id."""
    merged: dict[tuple[str, str], dict] = {}
    for folder in asset_dirs:
        for part in sorted(Path(folder).glob(_PART_GLOB)):
            rows = _read(part)
            if not rows or set(_PART_COLUMNS) - set(rows[0]):
                continue
            for r in rows:
                m = merged.setdefault((r["chapter"], r["finding"]), dict(
                    chapter=r["chapter"], finding=r["finding"], kind=r["kind"], figures=r["figures"],
                    order=int(r["order"]), text_vi="", text_en=""))
                m[f"text_{r['lang']}"] = r["text"]
                m["order"] = min(m["order"], int(r["order"]))
    return sorted(merged.values(), key=lambda m: (m["chapter"], m["order"], m["finding"]))


def assemble(asset_dirs: list[Path]) -> None:
    """Write ``findings.csv`` (every statement, both editions' words) into every edition's ``_assets`` folder,
    where the book links it, and make sure each has the review list; the chapters' own files stay beside it."""
    import pandas as pd

    from districtbook.base.files import write_csv

    rows = pd.DataFrame(table(asset_dirs), columns=[*COLUMNS, "order"])[list(COLUMNS)]
    for folder in asset_dirs:
        write_csv(rows, Path(folder) / "findings.csv")  # text from the articles: safe to open in a spreadsheet
    # the review list is the figures chapter's; every edition links it (a book without that chapter: an empty list)
    review = next((Path(f) / "review.csv" for f in asset_dirs if (Path(f) / "review.csv").is_file()), None)
    for folder in asset_dirs:
        dest = Path(folder) / "review.csv"
        if review is None:
            from districtbook.analysis.dataset import REVIEW_COLUMNS

            _write(dest, REVIEW_COLUMNS, [])
        elif not dest.is_file():
            shutil.copy2(review, dest)


#: the data files the build publishes in ``_build/data`` (from the first edition's ``_assets``)
DATA_FILES = ("findings.csv", "review.csv")


def publish(assets: Path, data_dir: Path) -> list[Path]:
    """Copy the book's data files to ``_build/data`` (what is not there is removed: never a stale table)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for name in DATA_FILES:
        src, dest = Path(assets) / name, data_dir / name
        if src.is_file():
            shutil.copy2(src, dest)
            out.append(dest)
        elif dest.exists():
            dest.unlink()
    return out


# --- Frictionless data package of the figure table ------------------------------------------------

_FIELD_TYPES = {"value": "number", "denominator": "number", "start": "integer", "end": "integer"}


def datapackage(df: pd.DataFrame, sources: pd.DataFrame, csv_name: str = "figures.csv") -> dict:
    """A Frictionless Data Package (v1) descriptor for the figure CSV: schema and one source per article."""
    fields = [{"name": c, "type": _FIELD_TYPES.get(c, "string"), "description": i18n.text("en", f"column.{c}")}
              for c in (*FIGURE_COLUMNS, *SOURCE_COLUMNS)]
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

    from districtbook.extraction.numbers import canonical

    out_csv = with_evidence(df)[[*FIGURE_COLUMNS, *SOURCE_COLUMNS]].copy()
    for col in ("value", "denominator"):
        out_csv[col] = [canonical(Decimal(repr(v))) if v == v else "" for v in out_csv[col]]
    from districtbook.base.files import record_asset, write_csv

    write_csv(out_csv, folder / "figures.csv")  # text cells safe to open in a spreadsheet

    path = folder / "datapackage.json"
    path.write_text(json.dumps(datapackage(df, sources), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    record_asset(folder / "figures.csv")
    return record_asset(path)
