"""The data dictionary chapter: every column of the figure table, every unit and every metric key.

The meanings are in the catalogues (``column.<name>``, ``unitdoc.<unit>``); the metric labels are the
metric registry's (:mod:`districtbook.metrics`)."""
from __future__ import annotations

import pandas as pd

from ..extract import COLUMNS
from ..i18n import text
from ..labels import label
from ..metrics import METRICS
from ..report import MyST, markdown_table
from . import common

#: the units of the figure table, in the order the dictionary lists them
UNITS = ("VND_bn", "USD_mn", "percent", "count", "ratio", "times", "rank", "ha", "km2", "m2", "km", "m")


def columns_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(c, text(lang, f"column.{c}")) for c in COLUMNS], columns=common.heads(lang, "column", "meaning"))
    return MyST(markdown_table(df))


def units_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(u, text(lang, f"unitdoc.{u}")) for u in UNITS], columns=common.heads(lang, "unit", "meaning"))
    return MyST(markdown_table(df))


def metrics_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(m, label(m, lang)) for m in METRICS], columns=common.heads(lang, "key", "metric"))
    return MyST(markdown_table(df))
