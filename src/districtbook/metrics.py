"""The metric vocabulary: snake_case keys, what each means, and the words that signal it.

A figure's metric is read from the words just before it in its clause (and the counted noun
after a count).  Rules are tried in order; the first whose words, unit and basis fit wins; a
figure no rule fits is ``other`` (still extracted, with its quote, so nothing is lost).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    key: str
    vi: str
    en: str


METRICS = {m.key: m for m in (
    Metric("budget_revenue", "Thu ngân sách nhà nước", "State budget revenue"),
    Metric("budget_revenue_vs_plan", "Thu ngân sách so với kế hoạch/dự toán", "Budget revenue, per cent of plan"),
    Metric("budget_revenue_yoy", "Thu ngân sách so với cùng kỳ", "Budget revenue, per cent of the same period a year earlier"),
    Metric("budget_revenue_growth", "Tăng thu ngân sách", "Budget revenue growth"),
    Metric("budget_revenue_vs_term_start", "Thu ngân sách so với đầu nhiệm kỳ (lần)", "Budget revenue, times the term's start"),
    Metric("land_use_revenue", "Thu tiền sử dụng đất", "Land-use fee revenue"),
    Metric("economic_growth_rate", "Tốc độ tăng trưởng kinh tế / giá trị sản xuất", "Economic growth rate (production value)"),
    Metric("sector_share_services", "Tỷ trọng thương mại - dịch vụ", "Share of trade and services"),
    Metric("sector_share_industry", "Tỷ trọng công nghiệp", "Share of industry"),
    Metric("sector_share_agriculture", "Tỷ trọng nông nghiệp", "Share of agriculture"),
    Metric("new_enterprises", "Doanh nghiệp thành lập mới", "Newly founded enterprises"),
    Metric("targets_completed", "Chỉ tiêu hoàn thành", "Targets met"),
    Metric("targets_exceeded", "Chỉ tiêu hoàn thành vượt mức", "Targets exceeded"),
    Metric("targets_remaining", "Chỉ tiêu còn phải hoàn thành", "Targets still to meet"),
    Metric("confidence_votes", "Phiếu tín nhiệm", "Confidence votes"),
    Metric("party_members_admitted", "Kết nạp đảng viên mới", "New party members admitted"),
    Metric("party_members_admitted_vs_target", "Kết nạp đảng viên so với chỉ tiêu", "New party members, per cent of target"),
    Metric("party_units_excellent_share", "Tỷ lệ tổ chức/đảng viên hoàn thành xuất sắc nhiệm vụ", "Share rated excellent"),
    Metric("party_units_good_share", "Tỷ lệ hoàn thành tốt nhiệm vụ", "Share rated good"),
    Metric("new_party_organisations", "Tổ chức Đảng thành lập mới", "New party organisations"),
    Metric("new_mass_organisations", "Tổ chức Công đoàn, Đoàn thành lập mới", "New unions and youth organisations"),
    Metric("awards", "Tập thể, cá nhân được khen thưởng", "Collectives and individuals commended"),
    Metric("cashless_markets", "Chợ thanh toán không dùng tiền mặt", "Markets with cashless payment"),
    Metric("cashless_streets", "Tuyến phố thanh toán không dùng tiền mặt", "Streets with cashless payment"),
    Metric("digitised_records", "Văn bản, hồ sơ được số hóa", "Digitised documents and records"),
    Metric("records_on_time", "Hồ sơ giải quyết đúng hạn", "Administrative records handled on time"),
    Metric("public_investment_disbursement", "Giải ngân vốn đầu tư công", "Public investment disbursed"),
    Metric("admin_reform_rank_change", "Thứ hạng chỉ số cải cách hành chính (bậc)", "Administrative-reform index rank change"),
    Metric("admin_reform_rank", "Thứ hạng chỉ số cải cách hành chính", "Administrative-reform index rank"),
    Metric("cultural_wards", "Phường đạt chuẩn văn hóa", "Wards meeting the 'cultured ward' standard"),
    Metric("standard_schools", "Trường công lập đạt chuẩn quốc gia", "Public schools meeting the national standard"),
    Metric("projects_land_cleared", "Dự án giải phóng mặt bằng", "Projects with land cleared"),
    Metric("projects_completed", "Dự án hoàn thành", "Projects completed"),
    Metric("construction_controlled_share", "Tỷ lệ công trình xây dựng được kiểm soát", "Construction works under control"),
    Metric("clean_water_share", "Tỷ lệ dân được cấp nước sạch", "Residents supplied with clean water"),
    Metric("road_width", "Mặt cắt ngang đường", "Road cross-section width"),
    Metric("poor_households", "Hộ nghèo", "Poor households"),
    Metric("other", "Chỉ số khác", "Other figure"),
)}


@dataclass(frozen=True)
class Rule:
    metric: str
    words: re.Pattern[str]  # searched in the clause before the number (last 100 characters)
    units: frozenset[str]
    noun: re.Pattern[str] | None = None  # matched against the counted noun after it
    basis: str | None = None


def _r(metric: str, words: str, units: str, noun: str | None = None, basis: str | None = None) -> Rule:
    return Rule(metric, re.compile(words, re.I), frozenset(units.split()), re.compile(noun) if noun else None, basis)


ANY = r""
RULES = (
    _r("budget_revenue_vs_term_start", r"thu ngân sách|ngân sách", "times"),
    _r("budget_revenue_vs_plan", r"thu ngân sách|ngân sách", "percent", basis="plan"),
    _r("budget_revenue_yoy", r"thu ngân sách|ngân sách", "percent", basis="yoy"),
    _r("budget_revenue_growth", r"thu ngân sách|ngân sách", "percent"),
    _r("land_use_revenue", r"tiền sử dụng đất|đấu giá quyền sử dụng đất", "VND_bn"),
    _r("budget_revenue", r"thu ngân sách|ngân sách|thu nội địa|tổng thu", "VND_bn"),
    _r("sector_share_services", r"(?:thương mại|dịch vụ)[^;]{0,80}tỷ trọng|tỷ trọng[^,;]{0,20}(?:thương mại|dịch vụ)", "percent"),
    _r("sector_share_industry", r"công nghiệp[^;]{0,80}tỷ trọng|tỷ trọng[^,;]{0,20}công nghiệp", "percent"),
    _r("sector_share_agriculture", r"nông nghiệp[^;]{0,80}tỷ trọng|tỷ trọng[^,;]{0,20}nông nghiệp", "percent"),
    _r("economic_growth_rate", r"kinh tế|tăng trưởng|giá trị sản xuất|GRDP", "percent"),
    _r("party_members_admitted_vs_target", r"kết nạp[^;]{0,60}đảng viên", "percent"),
    _r("party_members_admitted", r"kết nạp", "count", noun=r"^đảng viên"),
    _r("new_enterprises", r"doanh nghiệp[^;]{0,30}(?:thành lập|mới)", "count"),
    _r("confidence_votes", ANY, "ratio", noun=r"^phiếu"),
    _r("confidence_votes", r"phiếu tín nhiệm", "ratio"),
    _r("targets_exceeded", ANY, "ratio count", noun=r"^chỉ tiêu hoàn thành vượt"),
    _r("targets_remaining", r"tiếp tục hoàn thành|còn", "count", noun=r"^chỉ tiêu"),
    _r("party_members_admitted_vs_target", r"kết nạp[^;]{0,60}đảng viên", "percent", noun=r"^(?:chỉ tiêu|kế hoạch)"),
    _r("targets_completed", ANY, "ratio count percent", noun=r"^chỉ tiêu"),
    _r("cultural_wards", ANY, "ratio", noun=r"^phường"),
    _r("standard_schools", r"trường[^;]{0,40}chuẩn|chuẩn quốc gia", "percent ratio"),
    _r("standard_schools", ANY, "ratio count percent", noun=r"^trường(?! hợp)"),
    _r("cashless_markets", ANY, "percent", noun=r"^chợ"),
    _r("cashless_streets", r"tiền mặt|chợ", "count", noun=r"^tuyến phố"),
    _r("digitised_records", ANY, "percent", noun=r"^(?:văn bản|hồ sơ số|tài liệu)"),
    _r("records_on_time", ANY, "percent", noun=r"^hồ sơ"),
    _r("public_investment_disbursement", r"giải ngân", "percent VND_bn"),
    _r("admin_reform_rank_change", r"(?:cải cách hành chính|xếp hạng)[^;]{0,40}(?:tăng|giảm)", "rank"),
    _r("admin_reform_rank", r"cải cách hành chính|PAR ?INDEX|xếp hạng", "rank"),
    _r("projects_land_cleared", r"giải phóng mặt bằng", "count", noun=r"^dự án"),
    _r("projects_completed", r"hoàn thành", "count", noun=r"^dự án"),
    _r("new_party_organisations", ANY, "count", noun=r"^tổ chức đảng"),
    _r("new_mass_organisations", r"thành lập", "count", noun=r"^tổ chức"),
    _r("awards", r"khen thưởng|biểu dương", "count", noun=r"^(?:tập thể|cá nhân)"),
    _r("awards", r"khen thưởng|biểu dương", "count"),
    _r("party_units_excellent_share", ANY, "percent", noun=r"^(?:đơn vị |tổ chức |đảng viên )?hoàn thành xuất sắc"),
    _r("party_units_good_share", ANY, "percent", noun=r"^(?:đơn vị |tổ chức |đảng viên )?hoàn thành tốt"),
    _r("party_units_good_share", r"đảng viên[^;]{0,40}hoàn thành tốt", "percent"),
    _r("construction_controlled_share", r"công trình xây dựng", "percent"),
    _r("clean_water_share", r"nước sạch", "percent"),
    _r("party_members_admitted", r"kết nạp[^;]{0,20}$", "count", noun=r"^đảng viên"),
    _r("road_width", r"mở rộng|mặt cắt|đường", "m"),
)


def metric_for(before: str, after: str, unit: str, noun: str, basis: str = "none") -> str:
    """The metric key of a figure, from the words before it, its unit, counted noun and basis.

    >>> metric_for("Thu ngân sách ước đạt ", ", bằng 89% kế hoạch", "VND_bn", "")
    'budget_revenue'
    >>> metric_for("Thu ngân sách ước đạt 2.511 tỷ đồng, bằng ", " kế hoạch năm", "percent", "", "plan")
    'budget_revenue_vs_plan'
    >>> metric_for("quận đã hoàn thành ", " chỉ tiêu về phát triển", "ratio", "chỉ tiêu về phát")
    'targets_completed'
    """
    window = before[-100:]
    noun_phrase = after[:50].strip().lower()
    for rule in sorted(RULES, key=lambda r: r.noun is None):  # rules on the counted thing first
        if unit not in rule.units:
            continue
        if rule.basis and rule.basis != basis:
            continue
        if rule.noun is not None and not rule.noun.search(noun_phrase):
            continue
        # a rule on the counted thing may find its words on either side ("21 tuyến phố ... không dùng tiền mặt")
        context = window + " " + after[:80] if rule.noun is not None else window
        if rule.words.pattern and not rule.words.search(context):
            continue
        return rule.metric
    return "other"
