"""The data dictionary (every column, unit and metric key) and the figure table the book shows."""
from __future__ import annotations

import pandas as pd

from .extract import COLUMNS
from .i18n import text
from .metrics import METRICS, SUFFIXES
from .report import MyST, list_table

COLUMN_DOCS = {
    "doc": ("Tên tệp bài báo trong seeds/", "The article's file name in seeds/"),
    "district": ("Đơn vị hành chính mà con số nói đến (quận, phường, thành phố, tỉnh, vùng, bộ, cả nước)",
                 "The administrative unit the figure is about (district, ward, city, province, region, ministry, country)"),
    "level": ("Cấp của đơn vị: ward, district, city, province, region, ministry, country",
              "The unit's level: ward, district, city, province, region, ministry, country"),
    "metric": ("Khóa chỉ số (xem bảng chỉ số)", "Metric key (see the metric table)"),
    "value": ("Giá trị chuẩn hóa: dấu chấm thập phân, không phân nhóm; tiền tính bằng tỷ đồng",
              "Canonical value: '.' decimal point, no grouping; money in billions of VND"),
    "unit": ("Đơn vị (xem bảng đơn vị)", "Unit (see the unit table)"),
    "denominator": ("Mẫu số của tỷ số x/y (unit = ratio)", "Denominator y of an x/y ratio (unit = ratio)"),
    "period": ("Kỳ: 2024-9M (9 tháng), 2024-H1, 2024-Q4, 2023-02 (một tháng), 2019-YTD (từ đầu năm), 2023, "
               "2020-2025 (giai đoạn, nhiệm kỳ), 2020-2025-H1 (nửa đầu nhiệm kỳ); trống khi bài không nói kỳ",
               "Period: 2024-9M (first 9 months), 2024-H1, 2024-Q4, 2023-02 (one month), 2019-YTD (year to date), 2023, "
               "2020-2025 (span, term), 2020-2025-H1 (first half of term); empty when the article names none"),
    "per_year": ("yes khi giá trị là mức bình quân mỗi năm của kỳ (8%/năm)", "yes when the value is a yearly rate over the period (8% a year)"),
    "basis": ("Tỷ lệ phần trăm so với gì: plan, yoy, term_start, share, target, none",
              "What a percentage is measured against: plan, yoy, term_start, share, target, none"),
    "base": ("Kỳ được so sánh với (so với cùng kỳ năm 2022 → 2022-H1), nếu có",
             "The period compared against (same period of 2022 → 2022-H1), if any"),
    "qualifier": ("Mức chắc chắn: actual, estimate, more_than, less_than, approx, target, range_low, range_high",
                  "Hedge: actual, estimate, more_than, less_than, approx, target, range_low, range_high"),
    "quote": ("Đoạn nguyên văn ngắn nhất chứa con số và đơn vị", "Shortest exact piece of the article with the number and unit"),
    "start": ("Vị trí ký tự đầu của trích dẫn trong văn bản NFC của tệp", "Character offset of the quote in the file's NFC text"),
    "end": ("Vị trí ký tự cuối (không tính) của trích dẫn", "End offset (exclusive) of the quote"),
    "kind": ("indicator (chỉ số) hoặc incidental (số ngẫu nhiên: ngày, số thứ tự, số văn bản)",
             "indicator, or incidental (dates, ordinals, document numbers)"),
}
UNIT_DOCS = {
    "VND_bn": ("tỷ đồng", "billions of VND"),
    "USD_mn": ("triệu đô la Mỹ", "millions of US dollars"),
    "percent": ("phần trăm", "per cent"),
    "count": ("số lượng (đối tượng được đếm nằm trong trích dẫn)", "count (the thing counted is in the quote)"),
    "ratio": ("tỷ số x/y (x trong value, y trong denominator)", "x/y ratio (x in value, y in denominator)"),
    "times": ("số lần (gấp N lần)", "times (N-fold)"),
    "rank": ("bậc xếp hạng", "rank steps"),
    "ha": ("héc-ta", "hectares"),
    "km2": ("ki-lô-mét vuông", "square kilometres"),
    "m2": ("mét vuông", "square metres"),
    "km": ("ki-lô-mét", "kilometres"),
    "m": ("mét", "metres"),
}
HEAD = {"vi": (("Cột", "Ý nghĩa"), ("Đơn vị", "Ý nghĩa"), ("Khóa", "Chỉ số")),
        "en": (("Column", "Meaning"), ("Unit", "Meaning"), ("Key", "Metric"))}
_I = {"vi": 0, "en": 1}


def columns_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(c, COLUMN_DOCS[c][_I[lang]]) for c in COLUMNS], columns=HEAD[lang][0])
    return MyST(list_table(df, widths=(18, 82)))  # fixed widths: a key is never clipped in the PDF


def units_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(u, d[_I[lang]]) for u, d in UNIT_DOCS.items()], columns=HEAD[lang][1])
    return MyST(list_table(df, widths=(18, 82)))


def composed(key: str) -> bool:
    """Whether a metric key is a family's key with a suffix (``budget_revenue_vs_plan``): the dictionary
    lists the families and the suffixes once each, not every combination.

    >>> composed("budget_revenue_vs_plan"), composed("budget_revenue"), composed("party_members_admitted_vs_target")
    (True, False, False)
    """
    return any(key.endswith(suffix) and key.removesuffix(suffix) in METRICS for suffix in SUFFIXES)


def metrics_table(lang: str = "vi") -> MyST:
    df = pd.DataFrame([(m.key, m.vi if lang == "vi" else m.en) for m in METRICS.values() if not composed(m.key)],
                      columns=HEAD[lang][2])
    suffixes = pd.DataFrame([(k, v[_I[lang]]) for k, v in SUFFIXES.items()],
                            columns=(text(lang, "dictionary.suffix"), HEAD[lang][0][1]))
    return MyST("\n\n".join([list_table(df, widths=(42, 58)), text(lang, "dictionary.suffixes"),
                              list_table(suffixes, widths=(42, 58))]))
