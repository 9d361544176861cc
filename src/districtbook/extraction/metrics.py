"""The metric vocabulary: snake_case keys, what each means, and the words that signal it.

A metric key is a *family* (what is measured: ``budget_revenue``, ``domestic_revenue``,
``party_members_admitted``, ``cashless_markets``, ...) and, for a percentage or a multiple, a
*suffix* that says what it is measured against: ``_vs_plan`` (per cent of plan), ``_growth``
("tăng 18%" on the same period), ``_yoy`` (a level, "bằng 96,4% so với cùng kỳ"), ``_share``
(of a whole), ``_mom_growth`` / ``_mom_ratio`` (on the month before), ``_vs_term_start``.

The family is read from the words nearest before the number in its sentence (a budget list names
its item once and then gives its amount, per cent of plan, share and growth), or from the thing a
count counts ("74 tổ chức Đảng").  A figure no family fits is ``other`` (still extracted, with its
quote).  Every family has a rule here and a composed example sentence in ``tests/test_metrics.py``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from districtbook.base.prefilter import anchored, lowered, required


@dataclass(frozen=True)
class Metric:
    """A metric key, its chapter, and how it is composed; its words are in the message catalogues."""

    key: str
    topic: str = "other"  # the book chapter that reports it: budget, growth, digital, governance, other
    family: str = ""  # for a composed key: its family and suffix ("soe_revenue", "_share")
    suffix: str = ""


@dataclass(frozen=True)
class Family:
    """A measured thing: its words before the number, or the counted noun after it."""

    key: str
    topic: str
    words: re.Pattern[str] | None  # searched in the sentence before the number (nearest match wins)
    noun: re.Pattern[str] | None = None  # matched against the words right after a count (each branch opens with ^)
    units: frozenset[str] = frozenset({"percent", "count", "VND_bn", "ratio", "times", "rank"})
    factors: frozenset[str] | None = None  # strings every match of ``words`` contains (prefilter.required)

    @property
    def at_the_number(self) -> bool:
        """Whether ``words`` must end right before the number ("đề ra 28 chỉ tiêu"): then only the words
        before it are searched, never those after it."""
        return self.words is not None and self.words.pattern.endswith("$")


def _f(key: str, topic: str, words: str | None, noun: str | None = None,
       units: str = "percent count VND_bn ratio times rank") -> Family:
    pattern = re.compile(words, re.I) if words else None
    if noun and not anchored(re.compile(noun, re.I)):  # the counted noun opens the words after the number
        raise ValueError(f"{key}: every branch of the noun pattern must start with ^ (it is matched, not searched)")
    return Family(key, topic, pattern, re.compile(noun, re.I) if noun else None, frozenset(units.split()),
                  required(pattern) if pattern else None)


_M = "VND_bn"
_DTI = r"[Cc]hỉ số chuyển đổi số|\bDTI\b"  # the digital-transformation index (Bộ Thông tin và Truyền thông)
_PSI = r"[Cc]hỉ số phục vụ|phục vụ người dân và doanh nghiệp"  # service to citizens and businesses (Văn phòng Chính phủ)
_PCI = r"năng lực cạnh tranh|\bPCI\b"  # provincial competitiveness (VCCI)
_PAR = r"cải cách hành chính|PAR ?INDEX|\bCCHC\b"  # administrative reform (Bộ Nội vụ)
_RANKED = r"(?:xếp|vị trí|hạng|đứng)"

#: families in priority order for the same distance: the specific before the general
FAMILIES = (
    # budget: components before the total, spending apart from revenue
    _f("personal_income_tax_revenue", "budget", r"thuế thu nhập cá nhân"),
    _f("domestic_revenue", "budget", r"thu nội địa"),
    _f("soe_revenue", "budget",
       r"(?:thu từ |khu vực )doanh nghiệp [Nn]hà nước"),
    _f("nonstate_revenue", "budget",
       r"(?:khu vực |thu )?ngoài (?:[Nn]hà nước|quốc doanh)"),
    _f("fdi_revenue", "budget",
       r"vốn đầu tư nước ngoài|khu vực FDI"),
    _f("crude_oil_revenue", "budget", r"dầu thô"),
    _f("import_export_revenue", "budget",
       r"(?:thu|từ)[^,;.]{0,25}xuất,? nhập khẩu|thu xuất nhập khẩu"),
    _f("land_use_revenue", "budget",
       r"tiền sử dụng đất|đấu giá quyền sử dụng đất"),
    # the fees of a revenue list, each its own item ("thu lệ phí trước bạ 3,2 nghìn tỷ …; thu phí và lệ phí 8,7 nghìn tỷ")
    _f("registration_fee_revenue", "budget", r"lệ phí trước bạ"),
    _f("fees_charges_revenue", "budget", r"(?<!thuế, )(?<!thuế và )phí(?:,| và) lệ phí"),
    # revenue from the economy's sectors is revenue, not the economy's growth ("số thu từ khu vực kinh tế … đạt 118%")
    _f("economic_sector_revenue", "budget", r"thu (?:từ )?(?:các )?khu vực kinh tế"),
    _f("local_budget_revenue", "budget",
       r"thu (?:cân đối )?ngân sách địa phương"),
    _f("development_investment_expenditure", "budget",
       r"chi đầu tư phát triển"),
    _f("recurrent_expenditure", "budget", r"chi thường xuyên"),
    _f("local_budget_expenditure", "budget",
       r"(?:tổng )?chi (?:cân đối )?ngân sách|tổng chi\b|[Cc]hi ngân sách|(?:ước|dự kiến) chi(?: là)? (?=$)"),
    _f("public_investment_disbursement", "budget",
       r"giải ngân"),
    _f("total_social_investment", "growth",
       r"vốn đầu tư toàn xã hội|tổng vốn đầu tư"),
    _f("tax_revenue", "budget", r"[Tt]hu (?:từ )?thuế|thuế, phí|[Tt]huế, phí"),
    _f("budget_revenue", "budget",
       r"[Tt]hu ngân sách|[Tt]ổng thu|thu NSNN|[Tt]hu cân đối|ngân sách (?:[Nn]hà nước|NN)|tăng thu|[Tt]hu ngân sách|"
       r"(?<!vốn )(?<!nguồn )ngân sách"),  # not "vốn ngân sách": the budget's capital put into a programme
    _f("trade_services_revenue", "growth",
       r"doanh thu|tổng mức bán lẻ"),
    # economy
    _f("sector_share_services", "growth",
       r"(?:thương mại|dịch vụ)[^;\d]{0,60}(?:tỷ trọng|chiếm)|tỷ trọng[^,;]{0,20}(?:thương mại|dịch vụ)",
       units="percent"),
    _f("sector_share_industry", "growth",
       r"công nghiệp[^;\d]{0,60}(?:tỷ trọng|chiếm)|tỷ trọng[^,;]{0,20}công nghiệp", units="percent"),
    _f("sector_share_agriculture", "growth",
       r"nông nghiệp[^;\d]{0,60}(?:tỷ trọng|chiếm)|tỷ trọng[^,;]{0,20}nông nghiệp", units="percent"),
    # indices the statistics office publishes, never the administrative reform index
    _f("industrial_production_index", "growth", r"chỉ số sản xuất(?: toàn ngành)? công nghiệp|\bIIP\b", units="percent"),
    _f("consumer_price_index", "other", r"chỉ số giá tiêu dùng|\bCPI\b", units="percent"),
    _f("sector_growth_services", "growth",
       r"(?:thương mại|dịch vụ)\s(?:tăng|đạt)", units="percent"),
    _f("sector_growth_industry", "growth",
       r"(?<!chỉ số sản xuất )(?:công nghiệp|xây dựng)\s(?:tăng|đạt)", units="percent"),
    _f("sector_growth_agriculture", "growth",
       r"nông nghiệp\s(?:tăng|đạt)", units="percent"),
    _f("income_per_capita", "growth",
       r"thu nhập bình quân", units="VND_bn percent times"),
    _f("grdp_per_capita", "growth",
       r"GRDP bình quân đầu người|(?<!thu nhập )bình quân đầu người", units=f"{_M} USD_mn"),  # not "thu nhập bình quân đầu người"
    # an amount of output is not a growth rate: industrial output apart from all-sector output
    _f("industrial_output", "growth", r"giá trị sản xuất công nghiệp|sản xuất công nghiệp", units=_M),
    _f("production_value", "growth", r"giá trị sản xuất|tổng sản phẩm|\bGO\b", units=f"{_M} times"),
    # two growth rates the statistics office keeps apart: of production value (GO, all sectors) and of the economy
    # (GRDP, "tổng sản phẩm"); "tăng trưởng giá trị sản xuất" and "giá trị sản xuất tăng trưởng" are the first
    _f("production_value_growth", "growth",
       r"giá trị sản xuất(?! công nghiệp)(?:[^\d,;()]{0,30}?tăng trưởng)?|\bGO\b", units="percent"),
    # the size of the economy, not its growth: "quy mô năm 2024 ước gần 152.000 tỷ đồng, gấp 1,4 lần so với 2020"
    _f("grdp", "growth", r"quy mô (?:nền )?kinh tế|quy mô GRDP|quy mô (?=năm \d{4})", units=f"{_M} times"),
    _f("economic_growth_rate", "growth",
       r"tăng trưởng|GRDP|tổng sản phẩm|(?<!ngành )kinh tế", units="percent times VND_bn"),  # not "các ngành kinh tế"
    _f("poverty_rate", "other", r"hộ nghèo|hộ cận nghèo", units="percent"),
    # other shares a report lists beside its figures, each its own measure (never carried from the figure before)
    _f("vaccination_share", "other", r"tiêm (?:vắc[ -]?xin|mũi|chủng)|đã tiêm", units="percent"),
    _f("citizen_satisfaction_share", "digital", r"hài lòng", units="percent"),
    _f("waste_collection_share", "other", r"chất thải rắn|rác thải|thu gom", r"^(?:chất thải|rác thải)", units="percent"),
    _f("near_poor_households", "other", None, r"^hộ cận nghèo|^hộ nghèo",
       units="count"),
    # administrative reform and digital government
    # the indices ministries publish are kept apart (a digital-transformation score is no administrative reform
    # index); a rank takes the index named before its verb ("Chỉ số DTI … xếp thứ 25/63"), else it is a bare ranking
    _f("digital_transformation_rank", "digital", rf"(?:{_DTI})[^.;]{{0,100}}?{_RANKED}", units="rank"),
    _f("public_service_rank", "digital", rf"(?:{_PSI})[^.;]{{0,100}}?{_RANKED}", units="rank"),
    _f("competitiveness_rank", "other", rf"(?:{_PCI})[^.;]{{0,100}}?{_RANKED}", units="rank"),
    _f("admin_reform_rank", "digital", rf"(?:{_PAR})[^.;]{{0,100}}?{_RANKED}|{_PAR}", units="rank"),
    _f("ranking", "other", r"xếp hạng|[Xx]ếp|vị trí|đứng thứ", units="rank"),
    _f("digital_transformation_index", "digital", _DTI, units="percent score pp"),
    _f("public_service_index", "digital", _PSI, units="percent score pp"),
    _f("competitiveness_index", "other", _PCI, units="percent score pp"),
    _f("online_fullprocess_records_share",
       "digital", r"trực tuyến toàn trình|toàn trình", units="percent count"),
    _f("admin_reform_index", "digital",
       rf"{_PAR}|[Cc]hỉ số(?! sản xuất| giá| chuyển đổi số| phục vụ| năng lực)", units="percent score pp"),
    _f("records_on_time", "digital",
       r"đúng hạn|trước hạn", r"^(?:hồ sơ|thủ tục)(?! số)|^(?:được giải quyết |giải quyết )?(?:đúng|trước) hạn",
       units="percent count"),
    _f("digitised_records", "digital",
       r"số hóa|số hoá", r"^(?:văn bản|hồ sơ|tài liệu)"),
    _f("cashless_vendors", "digital",
       None, r"^tiểu thương", units="count percent"),
    _f("cashless_markets", "digital",
       r"chợ 4\.0|QR|tiền mặt|thanh toán", r"^chợ"),
    # "11/11 phường triển khai mô hình Phố thanh toán không dùng tiền mặt": wards counted, by what they launched
    _f("wards_launching_cashless_streets", "digital",
       None, r"^(?:phường|xã)[^,;.]{0,50}(?:tiền mặt|thanh toán)", units="count ratio"),
    _f("cashless_streets", "digital",
       r"tiền mặt|QR|thanh toán", r"^(?:tuyến phố|tuyến đường)(?! văn minh)"),
    _f("cashless_businesses",
       "digital", r"không dùng tiền mặt|không tiền mặt", r"^(?:các )?(?:hộ kinh doanh|cơ sở kinh doanh|doanh nghiệp)"),
    # party building
    _f("party_candidates_pending_decision", "governance",
       None, r"^quần chúng[^,;.\d]{0,12}chờ", units="count"),
    _f("party_candidates_under_review", "governance",
       None, r"^quần chúng[^,;.\d]{0,20}thẩm tra", units="count"),
    _f("party_members_admitted", "governance",
       r"kết nạp|[Pp]hát triển đảng viên", r"^(?:đảng viên|ĐV|quần chúng)", units="count ratio percent"),
    _f("party_candidates", "governance",
       None, r"^quần chúng", units="count"),
    _f("party_members_count", "governance", None, r"^(?:đảng viên|đv)", units="count"),
    _f("party_members_count", "governance", r"tổng số đảng viên|đảng viên toàn",
       units="count"),
    _f("party_units_excellent_share", "governance",
       r"xuất sắc", r"^(?:đơn vị |tổ chức |đảng viên |chi bộ )?hoàn thành xuất sắc", units="percent"),
    _f("party_units_good_share", "governance",
       r"hoàn thành tốt nhiệm", r"^(?:đơn vị |tổ chức |đảng viên |chi bộ |cơ sở đảng )?"
       # a share coordinated with the next one shares its predicate: "100% chi bộ và hơn 92% đảng viên hoàn thành tốt"
       r"(?:và (?:hơn |trên |gần )?[\d.,]+% (?:đơn vị |tổ chức |đảng viên |chi bộ |cơ sở đảng )?)?(?:hoàn thành tốt|đạt)",
       units="percent"),
    _f("party_units_meeting_target", "governance",
       None, r"^(?:cơ sở đảng|đảng bộ|chi bộ)[^,;.]{0,50}(?:vượt|đạt|kết nạp)", units="count"),
    _f("new_party_organisations", "governance",
       r"thành lập", r"^tổ chức (?:cơ sở )?đảng", units="count"),
    _f("party_organizations_count", "governance",
       None, r"^(?:tổ chức (?:cơ sở )?đảng|chi bộ|đảng bộ|chi, đảng bộ|tổ chức đảng)", units="count"),
    _f("new_mass_organisations",
       "governance", r"thành lập", r"^tổ chức", units="count"),
    _f("confidence_votes", "governance", r"phiếu tín nhiệm", r"^phiếu",
       units="ratio count"),
    _f("targets_missed", "governance",
       None, r"^(?:chỉ tiêu|tiêu chí)(?! thi đua)[^,;.\d]{0,30}?(?:không|chưa) (?:đạt|hoàn thành)", units="ratio count"),
    _f("targets_exceeded", "governance",
       None, r"^chỉ tiêu hoàn thành vượt|^chỉ tiêu vượt", units="ratio count"),
    _f("targets_remaining", "governance",
       r"tiếp tục hoàn thành|còn\s$", r"^chỉ tiêu", units="count"),
    _f("targets_total", "governance",
       r"(?:đề ra|đặt ra|gồm)\s$", r"^chỉ tiêu", units="count"),
    _f("emulation_criteria_met", "other",
       None, r"^(?:chỉ tiêu|tiêu chí) thi đua", units="ratio count"),
    _f("criteria_met", "other", None, r"^tiêu chí", units="count"),  # "đạt thêm 4 tiêu chí": a standard's criteria
    _f("targets_completed", "governance", None, r"^(?:chỉ tiêu|tiêu chí)",
       units="ratio count percent"),
    _f("awards", "governance",
       r"khen thưởng|biểu dương|tặng", r"^(?:tập thể|cá nhân)", units="count"),
    # places, people, economy units
    _f("merged_units_count", "other",
       r"sáp nhập|hợp nhất|thuộc\s$", r"^(?:phường|xã|quận|huyện|đơn vị hành chính|đảng bộ|thị trấn)", units="count"),
    _f("cultural_wards", "governance",
       r"văn hóa|văn minh", r"^phường", units="ratio count"),
    _f("units_count", "other", None,
       r"^(?:phường|xã|quận|huyện|tỉnh|thành phố|vùng|đơn vị)", units="count ratio"),
    # land sown, planted, harvested in a season or a year: a result over that time, not the land a unit has
    _f("planted_area", "other", r"gieo trồng|gieo cấy|gieo sạ|xuống giống|trồng mới|trồng rừng|trồng thêm|trồng được|"
       r"thu hoạch", units="ha"),
    _f("area", "other", r"diện tích", units="km2 ha m2"),
    # "145.000 dân": the inhabitants counted right after the number (not "dân số", "dân phố", "dân cư", "dân tộc")
    _f("population", "other", r"dân số|nhân khẩu|^\s?dân\b(?!\s(?:số|phố|cư|tộc|quân|chủ|sinh|vận))",
       r"^(?:người|nhân khẩu|dân\b)", units="count"),
    _f("cultural_families_share",
       "other", r"văn hóa|văn hoá", r"^(?:hộ gia đình|gia đình|tổ dân phố)", units="percent"),
    _f("new_enterprises", "growth",
       r"doanh nghiệp[^;]{0,30}(?:thành lập|mới)", units="count"),
    _f("new_enterprises", "growth", None, r"^doanh nghiệp (?:được )?(?:thành lập mới|mới thành lập|thành lập)", units="count"),
    _f("enterprises", "growth", None, r"^doanh nghiệp", units="count"),
    _f("business_households", "growth", None, r"^hộ kinh doanh|^hộ$",
       units="count"),
    _f("new_cooperatives", "growth", None, r"^hợp tác xã (?:được )?(?:thành lập )?mới", units="count"),
    _f("cooperatives", "growth", None, r"^hợp tác xã", units="count"),
    _f("economic_units", "growth", None, r"^đơn vị kinh tế|^đơn vị\b", units="count"),
    _f("ocop_products", "growth", None, r"^sản phẩm", units="count"),
    _f("standard_schools",
       "other", r"trường[^;]{0,40}chuẩn|chuẩn quốc gia", r"^trường(?! hợp)", units="percent ratio count"),
    _f("projects_land_cleared", "other",
       r"giải phóng mặt bằng", r"^dự án", units="count"),
    _f("project_completion_share", "other", r"dự án", units="percent"),
    _f("projects_count", "other", None, r"^(?:dự án|công trình)", units="count"),
    _f("civilised_streets", "other", None, r"^tuyến phố văn minh",
       units="count"),
    _f("households_supported", "other", r"hỗ trợ", r"^hộ", units="ratio count"),
    _f("waste_collection_share", "other", r"chất thải|rác",
       units="percent"),
    _f("construction_controlled_share",
       "other", r"công trình xây dựng", units="percent"),
    _f("clean_water_share", "other",
       r"nước sạch", units="percent"),
    _f("road_width", "other", r"mở rộng|mặt cắt|đường", units="m"),
)

#: suffixes of a family's key (their labels are ``metric.suffix.vs_plan``, … in the catalogues)
SUFFIXES = ("_vs_plan", "_growth", "_yoy", "_share", "_mom_growth", "_mom_ratio", "_vs_term_start", "_over_plan",
            "_target", "_change", "_wow_change")
#: an amount or a count that says by how much something rose or fell ("tăng 35 triệu đồng", "giảm 12 hộ"), not to
#: what level (not "tăng lên 5.000 tỷ đồng", "giảm còn 3 hộ")
AMOUNT_CHANGE_BEFORE = re.compile(r"\b(?:[Tt]ăng|[Gg]iảm|sụt)(?:\sthêm)?(?:\s(?:được|hơn|gần|khoảng|trên|xấp xỉ))?\s$")

_SHARE_FAMILIES = frozenset(f.key for f in FAMILIES if f.key.endswith("_share") or f.key.startswith("sector_share")
                            or f.key in ("poverty_rate", "admin_reform_index", "online_fullprocess_records_share",
                                         "records_on_time", "cashless_markets", "cashless_businesses",
                                         "economic_growth_rate", "production_value_growth", "digitised_records", "standard_schools",
                                         "party_units_good_share", "party_units_excellent_share", "targets_completed",
                                         "project_completion_share", "cultural_families_share", "income_per_capita"))
#: families whose percentages are growth rates by nature: "tăng 12%" says nothing more
_RATE_FAMILIES = frozenset({"economic_growth_rate", "production_value_growth", "sector_growth_services", "sector_growth_industry",
                            "sector_growth_agriculture", "industrial_production_index", "consumer_price_index"})


def _metrics() -> dict[str, Metric]:
    out = {f.key: Metric(f.key, f.topic) for f in reversed(FAMILIES)}
    out["other"] = Metric("other")
    # composed keys the seeds and the book use by name
    for fam in ("budget_revenue", "domestic_revenue", "local_budget_revenue", "land_use_revenue",
                "local_budget_expenditure", "party_members_admitted", "targets_completed"):
        for suffix in SUFFIXES:
            out[fam + suffix] = Metric(fam + suffix, out[fam].topic, fam, suffix)
    out["party_members_admitted_vs_target"] = Metric("party_members_admitted_vs_target", "governance")
    for rank in ("admin_reform_rank", "digital_transformation_rank", "public_service_rank", "competitiveness_rank",
                 "ranking"):  # "tăng 4 bậc"
        out[rank + "_change"] = Metric(rank + "_change", out[rank].topic)
    return out


METRICS: dict[str, Metric] = _metrics()


def describe(key: str) -> Metric:
    """The metric of any key, composed ones included (``soe_revenue_share`` -> "…, tỷ trọng").

    >>> m = describe("soe_revenue_share"); (m.key, m.family, m.suffix)
    ('soe_revenue_share', 'soe_revenue', '_share')
    >>> describe("no_such_key").key
    'other'
    """
    if key in METRICS:
        return METRICS[key]
    for suffix in SUFFIXES:
        fam = key.removesuffix(suffix)
        if fam != key and fam in _BY_KEY:
            return Metric(key, METRICS[fam].topic, fam, suffix)
    return METRICS["other"]


def topic_of(key: str) -> str:
    """The chapter a metric belongs to (budget, growth, digital, governance or other)."""
    return describe(key).topic


_AFTER_A_FIGURE = re.compile(r"\d\s?%\s$|(?:so với|của)\s$")
_GROWTH_VERB = re.compile(r"(?:tăng|giảm|tăng trưởng|tăng thêm)(?:\s(?:thêm|được|khoảng|gần|hơn|trên|bình quân|ước))*\s$|"
                          r"(?:tăng|giảm)\s(?:hơn\s)?(?:so với\s)?năm trước\s$")
_EXCEED = re.compile(r"vượt\s$")
_WHOLE_OF = re.compile(r"^(?:tổng số|số)\s")
_WORD_AFTER, _PLAN_NOUN = re.compile(r"\s?\S"), re.compile(r"(?:chỉ tiêu|kế hoạch|dự toán)\b")
_WEEK_ON_WEEK = re.compile(r"[Ss]o với tuần trước")
_MONTH_ON_MONTH, _PER_YEAR_AFTER = re.compile(r"\s?so với (?:tháng|quý) trước"), re.compile(r"\s?/năm")
_TIMES = re.compile(r"gấp\s$")


@dataclass(frozen=True)
class _UnitFamilies:
    """The families a figure of one unit can belong to, in the two ways :func:`_family` reads them."""

    nouns: tuple[tuple[int, Family], ...]  # (rank, family) whose counted noun is tried after the number
    words: tuple[tuple[int, Family], ...]  # (rank, family) whose words are searched before it
    by_factor: tuple[tuple[str, tuple[int, ...]], ...]  # a required string, and the ``words`` that need it
    unfiltered: tuple[int, ...]  # the ``words`` with no required string (always searched)


def _unit_families(unit: str) -> _UnitFamilies:
    fams = [(rank, fam) for rank, fam in enumerate(FAMILIES) if unit in fam.units]
    nouns = tuple((r, f) for r, f in fams if f.noun is not None and unit in ("count", "ratio", "percent"))
    words = tuple((r, f) for r, f in fams if f.words is not None and not (f.noun is not None and unit == "count"))
    by_factor: dict[str, list[int]] = {}
    unfiltered = []
    for i, (_rank, fam) in enumerate(words):
        if fam.factors is None:
            unfiltered.append(i)
        for factor in fam.factors or ():
            by_factor.setdefault(factor, []).append(i)
    return _UnitFamilies(nouns, words, tuple((k, tuple(v)) for k, v in by_factor.items()), tuple(unfiltered))


#: per unit, the families it can have: worked out once, not for each of the 75 families at every figure
_FAMILIES_BY_UNIT = {unit: _unit_families(unit) for unit in sorted(set().union(*(f.units for f in FAMILIES)))}


def _family(before: str, after: str, unit: str, noun: str) -> Family | None:
    """The family whose words stand nearest before the number (or whose counted noun follows it)."""
    return _family_at(before, after, unit, noun)[0]


def _family_at(before: str, after: str, unit: str, noun: str) -> tuple[Family | None, int, int]:
    """:func:`_family` and where its words are: ``(family, start, end)`` as offsets in ``before``, or in
    ``after`` counted from ``len(before)`` (a counted noun); ``(None, -1, -1)`` when no family fits.

    The nearest wins, then the earlier in :data:`FAMILIES`.  A family whose counted noun follows
    a count is the nearest of all; one whose words are not before the number is not searched: none
    of the strings every match of its words contains is there (:mod:`districtbook.base.prefilter`).
    """
    fams = _FAMILIES_BY_UNIT.get(unit)
    if fams is None:
        return None, -1, -1
    noun_phrase = (noun if noun and not after.strip().lower().startswith(noun) else after[:60]).strip().lower()
    if unit == "percent":
        noun_phrase = _WHOLE_OF.sub("", noun_phrase)  # "chiếm 62% tổng số tiểu thương": a share of the vendors
    best: tuple[int, int, Family, int, int] | None = None
    counted: set[int] = set()  # families whose counted noun follows: their words before are not searched
    for rank, fam in fams.nouns:
        noun_match = fam.noun.match(noun_phrase) if fam.noun is not None else None
        if noun_match and not (unit == "percent" and fam.words is None
                                                  and not _WORD_AFTER.match(after)):
            counted.add(rank)
            if unit == "percent" and _PLAN_NOUN.match(noun_phrase):
                continue  # "đạt 101% chỉ tiêu": per cent of a target, not a count of targets
            # (its words in the figure's own clause: "kết nạp 312 đảng viên; hiện có 2.980 đảng viên" counts members)
            if fam.words is None or fam.words.search(before[-60:].rsplit(";", 1)[-1]) \
                    or not fam.at_the_number and fam.words.search(after[:80]):
                pos = len(before) + 1  # the counted thing itself: nearest of all
                if best is None or (pos, -rank) > (best[0], -best[1]):
                    lead = len(after) - len(after.lstrip())
                    best = (pos, rank, fam, len(before) + lead, len(before) + lead + noun_match.end())
    before_lower = lowered(before)  # one lower-cased copy: most families' words are not there at all
    candidates: Iterable[int]
    if before_lower is None:
        candidates = range(len(fams.words))
    else:
        found = set(fams.unfiltered)
        for factor, needing in fams.by_factor:
            if factor in before_lower:
                found.update(needing)
        candidates = sorted(found)
    for i in candidates:
        rank, fam = fams.words[i]
        if rank in counted:
            continue
        last = None
        for m in (fam.words.finditer(before) if fam.words is not None else ()):
            if not _AFTER_A_FIGURE.search(before, max(0, m.start() - 12), m.start()):
                last = m  # "chiếm 6,5% tổng thu": the whole a share is of, not what is measured
        if last is not None and (best is None or last.end() > best[0] or last.end() == best[0] and rank < best[1]):
            best = (last.end(), rank, fam, last.start(), last.end())
    return (best[2], best[3], best[4]) if best else (None, -1, -1)


_BY_KEY = {f.key: f for f in FAMILIES}

#: the units of an index's value, of its move and of its rank
INDEX_UNITS = frozenset({"score", "pp", "rank"})
#: the published indices, each with the families of its value and of its rank
_INDICES = ((re.compile(_DTI), "digital_transformation_index", "digital_transformation_rank"),
            (re.compile(_PSI), "public_service_index", "public_service_rank"),
            (re.compile(_PCI), "competitiveness_index", "competitiveness_rank"),
            (re.compile(_PAR), "admin_reform_index", "admin_reform_rank"))
#: "tăng 5 bậc về Chỉ số chuyển đổi số", "xếp hạng 5/22 quận, huyện về chỉ số cải cách hành chính"
_STEPS_ABOUT = re.compile(r"^\s?(?:bậc\s)?(?:[^.;\d]{0,30}?\s)?(?:về|trong|ở)\s")


def index_names(text: str) -> list[tuple[int, int, str, str]]:
    """Every published index ``text`` names: ``(start, end, value family, rank family)``, in order of their end.

    >>> index_names("Chỉ số chuyển đổi số và PCI")
    [(0, 20, 'digital_transformation_index', 'digital_transformation_rank'), (24, 27, 'competitiveness_index', 'competitiveness_rank')]
    """
    return sorted(((m.start(), m.end(), value, rank) for pattern, value, rank in _INDICES for m in pattern.finditer(text)),
                  key=lambda name: (name[1], name[0]))


def last_index(names: list[tuple[int, int, str, str]], unit: str, only_one: bool = False) -> tuple[str, int, int] | None:
    """The family of the last index in ``names`` (:func:`index_names`) for a figure of ``unit`` (its rank's for a
    rank), with the span of its name; None when there is none, or, with ``only_one``, when several indices are named."""
    if not names or only_one and len({name[2] for name in names}) > 1:
        return None
    start, end, value, rank = names[-1]
    return (rank if unit == "rank" else value), start, end


def index_frame(context: str, after: str, unit: str, only_one: bool = False) -> tuple[str, int, int] | None:
    """The index a score, a point change or a rank with no measure of its own is about: the one named right after it
    ("tăng 5 bậc về Chỉ số chuyển đổi số"), else the last one ``context`` names (the paragraph before its sentence:
    "Bộ … công bố Chỉ số chuyển đổi số năm 2022. Theo đó, Trà Vinh đạt 0,45 điểm, xếp thứ 25/63"), with the span
    of its name (offsets in ``after`` counted from ``len(context)``); None when neither names one, or, with
    ``only_one`` (a context as wide as the article), when it names more than one index.

    >>> index_frame("Bộ công bố Chỉ số chuyển đổi số năm 2022. Theo đó, tỉnh đạt ", " điểm", "score")
    ('digital_transformation_index', 11, 31)
    >>> index_frame("", " bậc về chỉ số năng lực cạnh tranh", "rank")
    ('competitiveness_rank', 15, 34)
    """
    if unit not in INDEX_UNITS:
        return None
    steps = _STEPS_ABOUT.match(after)
    if steps:
        for pattern, value, rank in _INDICES:
            m = pattern.search(after, steps.end(), steps.end() + 40)
            if m:
                return (rank if unit == "rank" else value), len(context) + m.start(), len(context) + m.end()
    return last_index(index_names(context), unit, only_one)


def family_of(key: str) -> str:
    """The family of a metric key (``soe_revenue_share`` -> ``soe_revenue``), or "".

    >>> family_of("soe_revenue_share"), family_of("party_members_admitted_vs_target"), family_of("unknown_key")
    ('soe_revenue', 'party_members_admitted', '')
    """
    if key in _BY_KEY:
        return key
    return next((key.removesuffix(s) for s in ("_vs_target", *SUFFIXES)
                 if key.endswith(s) and key.removesuffix(s) in _BY_KEY), "")  # ("_vs_target": party members')


def metric_for(before: str, after: str, unit: str, noun: str, basis: str = "none", carried: str = "") -> str:
    """:func:`metric_evidence` without its evidence."""
    return metric_evidence(before, after, unit, noun, basis, carried)[0]


def metric_evidence(before: str, after: str, unit: str, noun: str, basis: str = "none",
                    carried: str = "") -> tuple[str, str, int, int]:
    """The metric key of a figure, from the words before it in its sentence, its unit, the counted
    noun after it and its basis; with its evidence: ``(key, source, start, end)``, ``source`` "clause" for
    the family's words at ``before[start:end]`` (offsets past ``len(before)`` are in ``after``), "paragraph"
    for the family ``carried`` from an earlier figure, "default" for ``other``.

    >>> metric_evidence("Thu ngân sách ước đạt ", ", bằng 89% kế hoạch", "VND_bn", "")
    ('budget_revenue', 'clause', 0, 13)
    >>> metric_for("Thu ngân sách ước đạt 2.511 tỷ đồng, bằng ", " kế hoạch năm", "percent", "", "plan")
    'budget_revenue_vs_plan'
    >>> metric_for("quận đã hoàn thành ", " chỉ tiêu về phát triển", "ratio", "chỉ tiêu về phát")
    'targets_completed'
    >>> metric_for("Thu từ doanh nghiệp Nhà nước ước thực hiện 17.362 tỷ đồng, đạt 58,1% dự toán, chiếm ", " tổng thu",
    ...            "percent", "", "share")
    'soe_revenue_share'
    >>> metric_for("tổng chi ngân sách địa phương đạt 4.094,6 tỷ đồng, đạt 10,4% dự toán và tăng ", " so với cùng kỳ",
    ...            "percent", "", "yoy")
    'local_budget_expenditure_growth'
    """
    near = before[-180:]  # the subject of a figure stands near it
    fam, start, end = _family_at(near, after, unit, noun)
    source, shift = "clause", len(before) - len(near)
    listed = _listed_like(near, after, noun, fam, carried)
    if listed is not None:  # "kết nạp … như thành phố Vinh 312 đảng viên, huyện Yên Thành 286 đảng viên"
        fam, start, end = listed
    if fam is None and carried in _BY_KEY and unit in _BY_KEY[carried].units:
        fam = _BY_KEY[carried]  # a paragraph about one measure: "Đà Nẵng (58,89%), Hà Giang (55,76%)"
        source, start, end, shift = "paragraph", -1, -1, 0
    if fam is None:
        return "other", "default", -1, -1
    key = _key(fam, before, after, unit, basis)
    return key, source, start + shift if start >= 0 else -1, end + shift if start >= 0 else -1


def _listed_like(near: str, after: str, noun: str, fam: Family | None,
                 carried: str) -> tuple[Family, int, int] | None:
    """The family of the list a count goes on: a count whose noun alone names a stock ("286 đảng viên") after one of a
    family that counts the same noun with its own words earlier in the sentence ("kết nạp … 312 đảng viên, huyện B 286
    đảng viên"): that family, with its words as evidence; else None."""
    was = _BY_KEY.get(carried)
    if fam is None or fam.words is not None or was is None or was is fam or was.words is None or was.noun is None:
        return None
    if _HAS_BEFORE.search(near):
        return None  # "kết nạp 312 đảng viên; hiện có 2.980 đảng viên": how many there are, not a list of admissions
    phrase = (noun or after[:60]).strip().lower()
    said = list(was.words.finditer(near))
    ranked = None if said else _RANKS_UNITS.search(near)
    own, listed = (fam.noun.match(phrase) if fam.noun is not None else None), was.noun.match(phrase)
    if not ((said or ranked) and own and listed and own.end() <= listed.end()):
        return None  # (a noun that says more is its own measure: "3 quần chúng chờ quyết định kết nạp")
    at = said[-1] if said else ranked
    return was, at.start(), at.end()  # type: ignore[union-attr]


_HAS_BEFORE = re.compile(r"\b(?:hiện|còn)?\s?có\s(?:(?:khoảng|gần|hơn|trên|tổng cộng)\s)?$")
#: a sentence that ranks the units on the measure just given: "Dẫn đầu là TP Thủ Đức với 612 đảng viên"
_RANKS_UNITS = re.compile(r"(?:^|[.;:,]\s)(?:[Dd]ẫn đầu|[Đđ]ứng đầu|[Cc]ao nhất|[Tt]iếp (?:theo|đến|sau)|[Xx]ếp sau)\b"
                          r"(?:\s(?:là|thuộc về))?|\bđạt (?:kết quả )?cao\s?:|"  # "Một số đơn vị đạt cao: huyện A 214 …"
                          r"\b(?:dẫn đầu|đứng đầu|cao nhất)(?:\s[^\s,;.]+){0,3}?\svới\s$")  # "xã A dẫn đầu với 38 …"


def _key(fam: Family, before: str, after: str, unit: str, basis: str) -> str:
    """The metric key of a figure of family ``fam``: its suffix from the basis and the words at the number."""
    key = fam.key
    if key == "production_value_growth" and basis not in ("none", "yoy", "target"):
        key = "production_value"  # "giá trị sản xuất đạt 102% kế hoạch": of the amount, not of its growth
    if unit == "times":
        return key if key.endswith("_vs_term_start") else key + ("_vs_term_start" if basis == "term_start" else "_times")
    if unit in ("rank", "score", "pp") and not key.endswith("_change"):
        return key + change_suffix(before, after, unit)
    if unit in ("VND_bn", "count") and AMOUNT_CHANGE_BEFORE.search(before[-25:]) and not key.endswith("_change") \
            and not (basis == "none" and (key.startswith("new_") or key in ("party_members_admitted", "cashless_markets_added"))):
        # (what is new by nature, "Số doanh nghiệp thành lập mới tăng 1.186", is the number added, unless compared:
        # "tăng 85 đảng viên so với cùng kỳ")
        return key + "_change"  # "tăng 1.377 doanh nghiệp so với cùng kỳ": by how much, not how many
    return _percent_key(key, before, after, basis) if unit == "percent" else key


def change_suffix(before: str, after: str, unit: str) -> str:
    """The suffix of a rank, score or point figure that says by how much it moved: "_change" ("tăng 4 bậc", "tăng 2,1
    điểm phần trăm"), "_wow_change" on the week before ("So với tuần trước, tổng điểm tăng 0,35 điểm"); "" for a level.

    >>> change_suffix("So với tuần trước, tổng điểm tăng ", " điểm", "score"), change_suffix("tỉnh đạt ", "", "score")
    ('_wow_change', '')
    """
    if unit not in ("rank", "score", "pp") or not _GROWTH_VERB.search(before[-25:]):
        return ""
    return "_wow_change" if unit != "rank" and _WEEK_ON_WEEK.search(before[-160:] + after[:40]) else "_change"


def _percent_key(key: str, before: str, after: str, basis: str) -> str:
    """:func:`_key` of a percentage: per cent of plan, growth, a level on the same period, a share, a change."""
    tail = before[-25:]
    mom = bool(_MONTH_ON_MONTH.match(after))
    if key in _RATE_FAMILIES and basis in ("none", "yoy", "target"):
        return key + ("_mom_growth" if mom else "")  # a rate on the month before is kept apart
    if basis == "plan":
        if _EXCEED.search(tail):
            return key + "_over_plan"
        return "party_members_admitted_vs_target" if key == "party_members_admitted" else key + "_vs_plan"
    if mom:
        return key + ("_mom_growth" if _GROWTH_VERB.search(tail) else "_mom_ratio")
    if basis == "yoy":
        return key + ("_growth" if _GROWTH_VERB.search(tail) or _PER_YEAR_AFTER.match(after) else "_yoy")
    if basis == "term_start":  # "so với năm 2025 tăng 30%": a growth since the term's start, "bằng 140%": a level
        return key + ("_growth" if _GROWTH_VERB.search(tail) else "_vs_term_start")
    if basis == "share":
        return key if key in _SHARE_FAMILIES else key + "_share"
    if _GROWTH_VERB.search(tail) or _PER_YEAR_AFTER.match(after):
        return key if key in _RATE_FAMILIES else key + "_growth"
    return key
