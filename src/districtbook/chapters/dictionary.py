"""The data dictionary chapter: every column of the figure table, every unit and every metric key.

The meanings are in the catalogues (``column.<name>``, ``unitdoc.<unit>``); the metric labels are the
metric registry's (:mod:`districtbook.extraction.metrics`)."""
from __future__ import annotations

import pandas as pd

from districtbook.extraction.extract import COLUMNS
from districtbook.rendering.i18n import text
from districtbook.rendering.labels import label
from districtbook.extraction.metrics import METRICS, SUFFIXES
from districtbook.rendering.report import MyST, list_table
from districtbook.chapters import common

#: the units of the figure table, in the order the dictionary lists them
UNITS = ("VND_bn", "USD_mn", "percent", "pp", "count", "ratio", "times", "rank", "score", "ha", "km2", "m2", "km", "m")


def columns_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(c, text(lang, f"column.{c}")) for c in COLUMNS], columns=common.heads(lang, "column", "meaning"))
    return MyST(list_table(df, (18, 82), text(lang, "caption.columns")))  # fixed widths: a key is never clipped in the PDF


def units_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(u, text(lang, f"unitdoc.{u}")) for u in UNITS], columns=common.heads(lang, "unit", "meaning"))
    return MyST(list_table(df, (18, 82), text(lang, "caption.units")))


def composed(key: str) -> bool:
    """Whether a metric key is a family's key with a suffix (``budget_revenue_vs_plan``): the dictionary
    lists the families and the suffixes once each, not every combination.

    >>> composed("budget_revenue_vs_plan"), composed("budget_revenue"), composed("party_members_admitted_vs_target")
    (True, False, False)
    """
    return any(key.endswith(suffix) and key.removesuffix(suffix) in METRICS for suffix in SUFFIXES)


def metrics_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(m, label(m, lang)) for m in METRICS if not composed(m)], columns=common.heads(lang, "key", "metric"))
    suffixes = pd.DataFrame([(s, text(lang, f"metric.suffix.{s[1:]}")) for s in SUFFIXES],
                            columns=(text(lang, "dictionary.suffix"), common.heads(lang, "meaning")[0]))
    return MyST("\n\n".join([list_table(df, (42, 58), text(lang, "caption.metrics")), text(lang, "dictionary.suffixes"),
                              list_table(suffixes, (42, 58), text(lang, "caption.suffixes"))]))
