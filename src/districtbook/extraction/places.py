"""Places: which administrative unit a figure is about.

Names come from a maintained gazetteer, the package ``vietnamadminunits`` (its data files only):
the 63 provinces, their districts and wards before July 2025, and the 34 provinces and their
wards since.  A *mention* is a name with its level word ("phường Tam Thắng", "quận Đống Đa",
"huyện Thới Lai", "thành phố Thủ Đức", "tỉnh Quảng Nam", "Quận 11"), a province or centrally
run city named alone ("Đà Nẵng", "TPHCM"), one of the six socio-economic regions, a ministry, or
the whole country ("cả nước").  Names are printed as the development set's README asks: a ward,
district or province by its short name ("Tam Thắng", "Đống Đa"), numbered units with their level
("Phường 5", "Quận 11"), Ho Chi Minh City as ``TP.HCM``, and a provincial city that shares its
province's name as ``TP Quảng Ngãi``.
"""
from __future__ import annotations

import bisect
import functools
import importlib.util
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from districtbook.extraction.numbers import cases, scan, trigger

LEVELS = ("ward", "district", "city", "province", "region", "ministry", "country")
#: centrally run cities: named alone, they are their own province-level unit
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế")
#: the six socio-economic regions of the national statistics
REGIONS = ("Trung du và miền núi phía Bắc", "Trung du miền núi phía Bắc", "Đồng bằng sông Hồng",
           "Bắc Trung Bộ và duyên hải miền Trung", "Bắc Trung Bộ và Duyên hải miền Trung", "Tây Nguyên",
           "Đông Nam Bộ", "Đồng bằng sông Cửu Long",
           # (the regions of the older eight-region division that outlets still name)
           "Bắc Trung Bộ", "Duyên hải Nam Trung Bộ", "Duyên hải miền Trung")
#: ministries that rankings of administrative reform and online services name
MINISTRIES = ("Công Thương", "Tài chính", "Tư pháp", "Nội vụ", "Công an", "Quốc phòng", "Ngoại giao",
              "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Nông nghiệp và Môi trường", "Nông nghiệp và Phát triển nông thôn",
              "Tài nguyên và Môi trường", "Giao thông vận tải", "Khoa học và Công nghệ", "Kế hoạch và Đầu tư",
              "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Thông tin và Truyền thông",
              "Dân tộc và Tôn giáo")


#: agency marks that open a lead ("(QNO) - …") of outlets that belong to one province or city: an
#: article of theirs that says only "tỉnh" or "thành phố" means that one
OUTLET_PLACES = {
    "QNO": ("Quảng Nam", "province"), "BQN": ("Quảng Ninh", "province"), "BQNg": ("Quảng Ngãi", "province"),
    "HNM": ("Hà Nội", "city"), "KTĐT": ("Hà Nội", "city"), "ANTĐ": ("Hà Nội", "city"), "TTTĐ": ("Hà Nội", "city"),
    "PLO": ("TP.HCM", "city"), "SGGP": ("TP.HCM", "city"), "HPO": ("Hải Phòng", "city"), "ĐNO": ("Đà Nẵng", "city"),
    "BĐN": ("Đà Nẵng", "city"), "CTO": ("Cần Thơ", "city"), "TTH": ("Huế", "city"), "BPT": ("Phú Thọ", "province"),
    "GLO": ("Gia Lai", "province"), "BNA": ("Nghệ An", "province"), "BTN": ("Thái Nguyên", "province"),
    "Kinhtedothi": ("Hà Nội", "city"), "VOH": ("TP.HCM", "city"),
}
_OUTLET_MARK = re.compile(r"^\(?(?P<mark>[A-ZĐ][A-Za-zĐđ.]{1,15})\)?\s*[-–]\s")
#: a provincial portal's mark: "(Haiphong.gov.vn) - …", "(Quangngai.gov.vn) - …"
_PORTAL_MARK = re.compile(r"(?P<slug>[A-Za-z]+)\.gov\.vn")


def outlet_place(lead: str) -> Place | None:
    """The province or city of the outlet whose mark opens ``lead``.

    >>> outlet_place("(QNO) - Tại cuộc họp báo, UBND tỉnh cho biết")
    Place(name='Quảng Nam', level='province', parent='')
    >>> outlet_place("(Haiphong.gov.vn) - Sáng 20/2, UBND thành phố họp"), outlet_place("(Chinhphu.vn) - Chiều 3/4")
    (Place(name='Hải Phòng', level='city', parent=''), None)
    """
    m = _OUTLET_MARK.match(lead)
    hit = OUTLET_PLACES.get(m["mark"]) if m else None
    portal = _PORTAL_MARK.fullmatch(m["mark"]) if m and hit is None else None
    if portal is not None:
        return _portal_place(portal["slug"].lower())
    return Place(*hit) if hit else None


@functools.cache
def _portal_place(slug: str) -> Place | None:
    """The province or central city whose name, without diacritics and spaces, is ``slug`` ("haiphong")."""
    for name in sorted(gazetteer().provinces):
        if slugify(name).replace("-", "") == slug:
            return _top_unit(name)
    return None


#: level words as a title-cased capital line writes them, back in the case the mention patterns read
_TITLED_LEVELS = re.compile(r"\b(?:Thành Phố|Thị Xã|Thị Trấn|Tỉnh|Quận|Huyện|Phường|Xã|Đặc Khu)\b|\bTp\.")


def header_place(line: str) -> tuple[Place, int, int] | None:
    """The unit a site header written in capitals names ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KON TUM", "UBND THÀNH PHỐ
    CẦN THƠ"), with its offsets in ``line``: a portal's or a local paper's own unit.

    >>> header_place("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KON TUM")[0]
    Place(name='Kon Tum', level='province', parent='')
    >>> header_place("UBND ĐẶC KHU PHÚ QUỐC")[0]  # (a special zone: a commune-level unit since 2025)
    Place(name='Phú Quốc', level='ward', parent='')
    >>> header_place("Tỉnh Kon Tum tiếp nhận 45.210 hồ sơ") is None  # not a header in capitals
    True
    """
    if line != line.upper() or sum(c.isalpha() for c in line) < 6:
        return None
    titled = line.title()
    titled = _TITLED_LEVELS.sub(lambda m: "TP." if m.group(0) == "Tp." else m.group(0).lower(), titled)
    if len(titled) != len(line):
        return None
    found = [m for m in mentions(titled) if m.place.level in ("ward", "district", "city", "province") and not m.plural]
    return (found[0].place, found[0].start, found[0].end) if found else None


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative unit as a figure names it."""

    name: str
    level: str  # one of LEVELS
    parent: str = ""  # the district of a pre-2025 ward, the province of a district or city

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Gazetteer:
    provinces: frozenset[str]
    districts: dict[str, tuple[str, str]]  # short name -> (type, province)
    wards: dict[str, str]  # short name -> its pre-2025 district ("" for a ward created in 2025)
    homes: dict[str, frozenset[Place]]  # ward short name -> every unit above a ward of that name, before and since 2025


#: districts and towns the package's pre-July-2025 data no longer has, dissolved into a neighbour in the rounds of
#: 2019-2020 and of January 2025, which older articles name: (type, province)
DISSOLVED_DISTRICTS = {
    "Cửa Lò": ("Thị xã", "Nghệ An"),  # into Vinh, 2025
    "Hoành Bồ": ("Huyện", "Quảng Ninh"),  # into Hạ Long, 2020
    "Mỹ Lộc": ("Huyện", "Nam Định"),  # into TP Nam Định, 2025
    "Yên Dũng": ("Huyện", "Bắc Giang"),  # into TP Bắc Giang, 2025
    "Đông Sơn": ("Huyện", "Thanh Hóa"),  # into TP Thanh Hóa, 2025
    "Thông Nông": ("Huyện", "Cao Bằng"), "Trà Lĩnh": ("Huyện", "Cao Bằng"),  # into Hà Quảng, Trùng Khánh, 2020
    "Phục Hòa": ("Huyện", "Cao Bằng"), "Quảng Uyên": ("Huyện", "Cao Bằng"),  # into Quảng Hòa, 2020
}

#: provinces the package knows only by a later short name: "tỉnh Thừa Thiên Huế" (the city of Huế since 2025), named
#: as the article writes it
LEGACY_NAMES = frozenset({"Thừa Thiên Huế"})


@functools.cache
def gazetteer() -> Gazetteer:
    """The units of ``vietnamadminunits``, read from its data files (importing the package would
    pull in shapely and geopy, which this project does not need)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a pinned requirement
        raise RuntimeError("the package vietnamadminunits is not installed (see requirements.txt)")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    legacy = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))
    new = json.loads((data / "parser_from_2025.json").read_text(encoding="utf-8"))
    provinces = {v["provinceShort"] for d in (legacy, new) for v in d["DICT_PROVINCE"].values()}
    provinces |= LEGACY_NAMES
    pshort = {k: v["provinceShort"] for k, v in legacy["DICT_PROVINCE"].items()}
    districts: dict[str, tuple[str, str]] = {}
    dshort: dict[tuple[str, str], str] = {}
    for pk, ds in legacy["DICT_PROVINCE_DISTRICT"].items():
        for dk, v in ds.items():
            districts.setdefault(v["districtShort"], (v["districtType"], pshort[pk]))
            dshort[(pk, dk)] = v["districtShort"]
    for name, entry in DISSOLVED_DISTRICTS.items():
        districts.setdefault(name, entry)
    wards: dict[str, str] = {}
    for pk, ps in new["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        for v in ps.values():
            if isinstance(v["wardShort"], str):  # (the data holds one empty entry)
                wards.setdefault(v["wardShort"], "")
    for pk, ds in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for dk, ws in ds.items():
            for v in ws.values():
                if isinstance(v["wardShort"], str) and not wards.get(v["wardShort"]):
                    wards[v["wardShort"]] = dshort.get((pk, dk), "")
    homes: dict[str, set[Place]] = {}
    for pk, ps in new["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        top = _top_unit(new["DICT_PROVINCE"][pk]["provinceShort"])
        for v in ps.values():
            if isinstance(v["wardShort"], str):
                homes.setdefault(v["wardShort"], set()).add(top)
    for pk, ds in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        top = _top_unit(pshort[pk])
        for dk, ws in ds.items():
            unit = _legacy_district(legacy["DICT_PROVINCE_DISTRICT"][pk][dk], pshort[pk], provinces)
            for v in ws.values():
                if isinstance(v["wardShort"], str):
                    homes.setdefault(v["wardShort"], set()).update((top, unit))
    return Gazetteer(frozenset(provinces), districts, wards, {k: frozenset(v) for k, v in homes.items()})


def _top_unit(name: str) -> Place:
    """A province or a centrally run city, as a mention names it."""
    if name == "Hồ Chí Minh":
        return Place("TP.HCM", "city")
    return Place(name, "city" if name in CENTRAL_CITIES else "province")


def _legacy_district(entry: dict[str, str], province: str, provinces: set[str]) -> Place:
    """A pre-2025 district, town or provincial city of the gazetteer's data, as a mention names it ("Kỳ Anh (Thị xã)"
    is "Kỳ Anh", "Cao Lãnh (Thành phố)" is "Cao Lãnh", its level keeping it apart from the rural district; only the
    city that shares its province's name is "TP Quảng Ngãi", as the dev set's conventions write it)."""
    name = entry["districtShort"].split(" (")[0]
    if entry["districtType"] != "Thành phố":
        return Place(name, "district", province)
    if name in CENTRAL_CITIES:
        return _top_unit(name)
    return Place(f"TP {name}" if name in provinces else name, "city", province)


def holds(unit: Place, ward: Place) -> bool:
    """Whether ``unit`` holds a ward or commune of ``ward``'s name, by the gazetteer (before or since July 2025).

    >>> holds(Place("Long Xuyên", "city", "An Giang"), Place("Mỹ Bình", "ward")), holds(Place("Huế", "city"), Place("Mỹ Bình", "ward"))
    (True, False)
    """
    return ward.level == "ward" and unit in gazetteer().homes.get(ward.name, ())


def common_home(wards: Sequence[Place], level: str) -> Place | None:
    """The one unit of ``level`` that every ward or commune named may belong to, by the gazetteer (before and since
    July 2025): "toàn thành phố" in an article that names only some of the city's wards.  None unless at least two
    wards the gazetteer knows are named and exactly one unit of that level holds a ward of each name.

    >>> common_home([Place("Bình Điền", "ward"), Place("Kim Long", "ward"), Place("Phú Bài", "ward")], "city")
    Place(name='Huế', level='city', parent='')
    >>> common_home([Place("Bình Minh", "ward"), Place("Tân Định", "ward")], "province") is None
    True
    """
    homes = gazetteer().homes
    known = {w.name for w in wards if w.level == "ward" and w.name in homes}
    if len(known) < 2:
        return None
    fit = set.intersection(*({p for p in homes[name] if p.level == level} for name in known))
    return fit.pop() if len(fit) == 1 else None


@functools.cache
def hanoi_districts() -> tuple[str, ...]:
    """Hanoi's 30 districts before July 2025, in the gazetteer's (official code) order.

    >>> hanoi_districts()[:3], len(hanoi_districts())
    (('Ba Đình', 'Hoàn Kiếm', 'Tây Hồ'), 30)
    """
    return tuple(name for name, (_type, province) in gazetteer().districts.items() if province == "Hà Nội")


_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isupper() and ch.isalpha())
_SYLL = rf"[{_UPPER}][^\W\d_]*(?:['’][^\W\d_]+)?"  # ("Đắk R'lấp", "Cư M'gar")
_NAMED = rf"{_SYLL}(?:[ \u00a0]{_SYLL}){{0,2}}"  # syllables of one line
_HCM = r"(?:T[Pp]\.?\s?HCM|TPHCM|T[Pp]\.?\s?Hồ Chí Minh|[Tt]hành phố Hồ Chí Minh|Sài Gòn)(?![\w])"


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _dashed(names) -> str:
    """The names of two places joined by a dash ("Bà Rịa - Vũng Tàu"), as an alternation that takes any dash with or
    without spaces ("Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu")."""
    return "|".join(r"\s?[-–]\s?".join(map(re.escape, n.split(" - ")))
                    for n in sorted((n for n in names if " - " in n), key=len, reverse=True))


def _undashed(name: str) -> str:
    """A name of two places with the gazetteer's dash: "Bà Rịa–Vũng Tàu" -> "Bà Rịa - Vũng Tàu"."""
    return re.sub(r"\s?[-–]\s?", " - ", name)


@functools.cache
def _mention_re() -> re.Pattern[str]:
    g = gazetteer()
    # (of the one-word names, only Huế's, a centrally run city since 2025: "Thu ngân sách Huế năm 2025 …")
    multi = [p for p in g.provinces if " " in p and p not in ("Hồ Chí Minh",)] + ["Huế"]
    # the wards of 2025 named after two places, "phường Xuân Hương - Đà Lạt" (the hyphen ends a name elsewhere)
    joined = _dashed(g.wards)
    # "tỉnh Bà Rịa - Vũng Tàu", "TP Phan Rang – Tháp Chàm": a name of two places, whatever dash joins them
    pjoined, djoined = _dashed(g.provinces), _dashed(g.districts)
    # a province's name that opens a district's ("Điện Biên" in "Điện Biên Phủ", "Điện Biên Đông") is no mention there
    longer = sorted({d[len(p) + 1:].split()[0] for p in g.provinces for d in g.districts if d.startswith(p + " ")})
    return re.compile(
        rf"""
        (?P<hcm>{_HCM})
      | (?<![\w])(?P<plural>[Cc]ác\s|[Nn]hững\s|\d\s)?(?P<wlevel>[Pp]hường|[Xx]ã|[Tt]hị\strấn|[Đđ]ặc\skhu)(?:(?<=[Xx]ã)\sđảo|\s{_DESCRIBED})?[ \u00a0](?!{_ABBREVIATIONS})(?P<ward>\d{{1,2}}\b(?![,.]\d|\s?%|\s(?:tháng|năm|quý|ngày|tuần)\b)|{joined}|{_NAMED}(?:\s[A-D](?![\w.]))?)
      | (?<![\w])(?P<dplural>[Cc]ác\s|[Nn]hững\s|\d\s)?(?P<dlevel>[Qq]uận|[Hh]uyện|[Tt]hị\sxã|[Tt]hị(?=\s[uủ][yỷ]))(?:\s[uủ][yỷ]|(?<=uyện)\sđảo|(?<=uyện)\s{_DESCRIBED})?[ \u00a0](?!{_ABBREVIATIONS})(?P<district>(?:(?<=[uủ][yỷ][ \u00a0])[Qq]uận\s)?\d{{1,2}}\b(?![,.]\d|\s?%|\s(?:tháng|năm|quý|ngày|tuần)\b)|{djoined}|{_NAMED})
      | (?<![\w.])(?P<abbr>Q|H|TX|P)(?:\.\s?|(?<=TX)\s)(?P<abbrname>\d{{1,2}}\b(?![,.]\d|\s?%)|{_NAMED})
      | (?<![\w])(?:[Tt]hành\sphố|TP\.?|Tp\.|[Tt]hành\s[uủ][yỷ](?!\s(?:T[Pp]\b|[Tt]hành\sphố\b)))(?:(?<=phố)\s(?:biển|cảng|du\slịch|biên\sgiới))?\s?(?P<city>{djoined}|{_NAMED})
      | (?<![\w])(?:[Tt]ỉnh|[Tt]ỉnh\s[uủ][yỷ])\s(?P<province>{pjoined}|{_NAMED})
      | (?<![\w])(?P<region>{_alternation(REGIONS)})(?![\w])
      | (?<![\w])(?<!Đảng\s)(?<!đảng\s)[Bb]ộ\s(?P<ministry>{_alternation(MINISTRIES)})(?![\w])  # (not "Đảng bộ Công an")
      | (?<![\w])(?P<bank>Ngân\shàng\sNhà\snước)(?:\sViệt\sNam)?(?![\w])  # a ministry-level agency in the rankings
      | (?<![\w])(?P<country>[Cc]ả\snước|[Tt]oàn\squốc|Việt\sNam|(?:(?<=\s)n|N)ước\sta|(?:[Cc]ác|[Kk]hối)\stỉnh,?\s?thành(?:\sphố)?)(?![\w])
      | (?<![\w])(?P<bare>{pjoined}|{_alternation(multi)})(?![\w])(?!\s(?:{_alternation(longer)})\b)
        """,
        re.VERBOSE,
    )


#: words that say what kind of unit it is between its level word and its name: "xã vùng cao Kỳ Thượng", "xã kết nghĩa
#: Kỳ Thượng", "huyện miền núi Ba Tơ"
_DESCRIBED = r"(?:vùng\scao|miền\snúi|kết\snghĩa|biên\sgiới|ven\sbiển|ngoại\sthành|trung\stâm)"
#: abbreviations in capitals after a level word, which are no names: "xã NTM" (nông thôn mới), "xã ATTP"
_ABBREVIATIONS = r"(?:NTM|ATTP|ATGT|KT-XH|UBND|HĐND|MTTQ|CCHC)\b"
#: what follows a level word or a common first word where a mention starts (a tail of :func:`_mention_trigger`)
_LEVELS_AHEAD = r"\s(?:[Pp]hường|[Xx]ã|[Tt]hị\s|[Qq]uận|[Hh]uyện|tỉnh)"  # "các phường", "3 quận", "các tỉnh"
_NAME_AHEAD = rf"\s(?:\d|[{_UPPER}])"  # a number or a name: "phường 5", "quận Ba Đình"
_MENTION_TAILS = {
    **dict.fromkeys(cases("phường"), rf"(?:\s{_DESCRIBED})?{_NAME_AHEAD}"),
    **dict.fromkeys(cases("xã"), rf"(?:\sđảo|\s{_DESCRIBED})?{_NAME_AHEAD}"),  # "xã đảo Thạnh An", "xã vùng cao Tả Van"
    **dict.fromkeys(cases("quận"), rf"(?:\s[uủ][yỷ])?{_NAME_AHEAD}"),  # "Quận ủy Ba Đình"
    **dict.fromkeys(cases("huyện"), rf"(?:\s[uủ][yỷ]|\sđảo|\s{_DESCRIBED})?{_NAME_AHEAD}"),  # "Huyện ủy …", "huyện đảo Lý Sơn"
    **dict.fromkeys(cases("thị"), r"\s(?:trấn|xã|[uủ][yỷ])"),  # ("Thị ủy An Khê")
    **dict.fromkeys(cases("đặc"), rf"\skhu\s[{_UPPER}]"),  # "đặc khu Phú Quốc" (a commune-level unit since 2025)
    **dict.fromkeys(cases("thành"), r"\s(?:phố|[uủ][yỷ])"),
    **dict.fromkeys(cases("tỉnh"), rf"(?:\s[uủ][yỷ])?\s[{_UPPER}]"),
    **dict.fromkeys(cases("bộ"), rf"\s[{_UPPER}]"),  # "Bộ Tài chính"
    "Ngân": r"\shàng\sNhà\snước",  # "Ngân hàng Nhà nước"
    **dict.fromkeys(cases("các", "những"), _LEVELS_AHEAD),
    **dict.fromkeys(cases("khối"), r"\stỉnh"),
    "TP": rf"\.?\s?[{_UPPER}]", "Tp": rf"\.\s?[{_UPPER}]", **dict.fromkeys(("Q", "P"), rf"\.\s?[\d{_UPPER}]"), "H": rf"\.\s?[{_UPPER}]",
    "TX": rf"(?:\.\s?|\s)[{_UPPER}]",  # "TX. Hương Thủy", and without its dot: "TX Sơn Tây"
    "cả": r"\snước", **dict.fromkeys(cases("nước"), r"\sta\b"), "toàn": r"\squốc", "Việt": r"\sNam", "Sài": r"\sGòn",
}


@functools.cache
def _mention_trigger(tails: bool = True) -> re.Pattern[str]:
    """Where a mention can start: a level word, an abbreviation, or a region or a province named alone,
    each with what must follow it (tried before the many-branched mention pattern, which is slow to try
    everywhere).  Without ``tails``: every level word and every first word of a name (what the tails
    narrow down, for the tests)."""
    g = gazetteer()
    # the pattern's bare names (of a dashed one its first place: "Bà Rịa-Vũng Tàu" is written with any dash)
    names = [*REGIONS, *{p.split(" - ")[0] for p in g.provinces if " " in p and p != "Hồ Chí Minh"}, "Huế"]
    words = [*cases("phường", "xã", "thị", "quận", "huyện", "thành", "tỉnh", "bộ", "các", "khối", "đặc"), "TP", "Tp",
             *cases("cả", "toàn"),
             "Việt", "những", "Sài", *cases("nước"), "Q", "H", "TX", "P", "Ngân"]
    if not tails:
        firsts = {n.split()[0] for n in (*REGIONS, *(p for p in g.provinces if " " in p))}
        return trigger([*words, *sorted(firsts)], r"(?<![\w.,]{d})\d{{0,2}}\s")
    return trigger([*words, *sorted(names)], r"(?<![\w.,]{d})" + _LEVELS_AHEAD.replace("{", "{{").replace("}", "}}"),
                   tails=_MENTION_TAILS)


@functools.cache
def _city_names() -> frozenset[str]:
    """What "thành phố X" can name: a centrally run city, a province's city, a city inside a province."""
    g = gazetteer()
    return frozenset(CENTRAL_CITIES) | g.provinces | frozenset(g.districts)


def _fit(name: str, known) -> str:
    """The longest leading run of syllables of ``name`` that is a known unit, else its first two."""
    words = name.replace("’", "'").split()
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in known:
            return " ".join(words[:n])
        if "'" in name:  # "Đắk R'lấp" is the gazetteer's "Đắk R'Lấp"
            folded = " ".join(words[:n]).casefold()
            match = next((k for k in known if "'" in k and k.casefold() == folded), None)
            if match is not None:
                return match
    return " ".join(words[:2])


#: the tone mark on the second vowel of an open "oa", "oe", "uy" ("Thanh Hoá", "Hoà Vang", "Thanh Thuỷ"), as many
#: outlets write it; the gazetteer puts it on the first ("Thanh Hóa"): the same letters, one code point each (NFC)
_SECOND_VOWEL_TONE = re.compile(r"(?<![QqGg])([OoUu])([àáảãạèéẻẽẹỳýỷỹỵ])(?![^\W\d_])")
_TONE_MOVED = {
    **{a: ("a", t) for a, t in zip("àáảãạ", "\u0300\u0301\u0309\u0303\u0323")},
    **{e: ("e", t) for e, t in zip("èéẻẽẹ", "\u0300\u0301\u0309\u0303\u0323")},
    **{y: ("y", t) for y, t in zip("ỳýỷỹỵ", "\u0300\u0301\u0309\u0303\u0323")},
}


def first_vowel_tones(text: str) -> str:
    """``text`` with the tone of an open "oa", "oe", "uy" on its first vowel, as the gazetteer writes it; the same
    length, so offsets into it are offsets into ``text``.

    >>> first_vowel_tones("tỉnh Thanh Hoá, huyện Hoà Vang, Thanh Thuỷ; hoàn thành, quý")
    'tỉnh Thanh Hóa, huyện Hòa Vang, Thanh Thủy; hoàn thành, quý'
    """
    if not _SECOND_VOWEL_TONE.search(text):
        return text

    def move(m: re.Match[str]) -> str:
        letter, tone = _TONE_MOVED[m[2]]
        return unicodedata.normalize("NFC", m[1] + tone) + letter

    return _SECOND_VOWEL_TONE.sub(move, text)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    place: Place
    plural: bool = False  # "các phường 7, 8, 9": units listed, none of them the subject


def mentions(text: str, start: int = 0, end: int | None = None, *, until: int | None = None) -> list[Mention]:
    """Every administrative unit named in ``text[start:end]``, in text order; with ``until``, only those
    named before it (the lines after it are not looked at, but a name that starts before it is read whole).

    >>> [(m.place.name, m.place.level) for m in mentions("Phường Tam Thắng, TPHCM; quận Đống Đa và Quận 11, tỉnh Quảng Nam")]
    [('Tam Thắng', 'ward'), ('TP.HCM', 'city'), ('Đống Đa', 'district'), ('Quận 11', 'district'), ('Quảng Nam', 'province')]
    >>> [(m.place.name, m.place.level) for m in mentions("thành phố Quảng Ngãi, thành phố Thủ Đức, Đảng bộ TP Cần Thơ, cả nước")]
    [('TP Quảng Ngãi', 'city'), ('Thủ Đức', 'city'), ('Cần Thơ', 'city'), ('Việt Nam', 'country')]
    """
    g = gazetteer()
    end = len(text) if end is None else end
    text = first_vowel_tones(text)  # "Thanh Hoá" is "Thanh Hóa"
    out = []
    for m in scan(_mention_re(), _mention_trigger(), text, start, end, until):
        place = None
        if m["hcm"]:
            place = Place("TP.HCM", "city")
        elif m["ward"]:
            name = m["ward"]
            if name.isdigit():
                name = f"Phường {int(name)}" if m["wlevel"].lower() == "phường" else f"Xã {int(name)}"
            else:
                name = _fit(_undashed(name), g.wards)
                if name not in g.wards and len(m["ward"].split()) >= 3:
                    continue  # "phường Nguyễn Văn An …": no such ward, a person's name after the word
                if text.endswith("trung tâm ", 0, m.start("ward")) and (name in _city_names() or name == "Sài Gòn"):
                    continue  # "Phường trung tâm Sài Gòn không còn hộ nghèo": a central ward of the city
            place = Place(name, "ward", g.wards.get(name, ""))
        elif m["abbr"]:  # "Q.1", "Q. Bình Thạnh", "H.Củ Chi", "TX.Sơn Tây", "P.5": only a unit the gazetteer knows
            place = _abbreviated(m["abbr"], m["abbrname"])
        elif m["district"]:
            name = m["district"]
            # (a numbered district after its party committee: "Quận ủy Quận 1")
            number = name.split()[-1]
            name = f"Quận {int(number)}" if number.isdigit() else _fit(_undashed(name), g.districts)
            twin = f"{name} ({m['dlevel'][0].upper()}{m['dlevel'][1:].lower()})"  # "huyện Cao Lãnh" beside its city
            if not name.startswith("Quận ") and name not in g.districts and twin not in g.districts \
                    and len(m["district"].split()) >= 3:
                continue  # "Chủ tịch HĐND quận Nguyễn Trường Sơn": a person, not a district
            place = Place(name, "district", g.districts.get(name, g.districts.get(twin, ("", "")))[1])
        elif m["city"]:
            name = _fit(_undashed(m["city"]), _city_names())
            if name in CENTRAL_CITIES:
                place = _top_unit(name)
            elif name in g.provinces:
                place = Place(f"TP {name}", "city", name)
            elif name in g.districts:  # a city inside a province ("thành phố Thủ Đức", "thành phố Mỹ Tho")
                place = Place(name, "city", g.districts[name][1])
            elif f"{name} (Thành phố)" in g.districts:  # "TP Cao Lãnh": its level keeps it apart from "huyện Cao Lãnh"
                place = Place(name, "city", g.districts[f"{name} (Thành phố)"][1])
        elif m["province"]:
            name = _fit(_undashed(m["province"]), g.provinces)
            if name in g.provinces:  # "UBND tỉnh Hồ Quang Bửu" names a person, not a province
                place = Place(name, "province")
        elif m["region"]:
            place = Place(m["region"], "region")
        elif m["ministry"]:
            place = Place(f"Bộ {m['ministry']}", "ministry")
        elif m["bank"]:
            place = Place("Ngân hàng Nhà nước", "ministry")
        elif m["country"]:
            place = Place("Việt Nam", "country")
        elif m["bare"] and not _PLACE_NAMED_THING.search(text, max(0, m.start() - 30), m.start()):
            # (not "khu đô thị Nam Cần Thơ", "Đại học Cần Thơ": a thing named after the province or city)
            name = _undashed(m["bare"])
            if name == "Huế" and _THUA_THIEN_HUE.search(text) and not _CENTRALLY_RUN.search(text):
                name = "Thừa Thiên Huế"  # ("Huế: Thu hút đầu tư 6 tháng …" over "Thừa Thiên Huế cấp mới …": the province)
            place = Place(name, "city" if name in CENTRAL_CITIES else "province")
        if place is not None:
            out.append(Mention(m.start(), m.end(), place, bool(m["plural"] or m["dplural"])))
    return out


#: the province of Huế named as it was before 2025, not as what the city was ("tỉnh Thừa Thiên Huế (cũ)", "khi còn là
#: tỉnh Thừa Thiên Huế", "Tỉnh ủy Thừa Thiên Huế (nay là Thành ủy Huế)")
_THUA_THIEN_HUE = re.compile(r"(?<!còn là tỉnh )Thừa Thiên Huế(?!\s?\((?:cũ|nay)\b)")
_CENTRALLY_RUN = re.compile(r"trực thuộc [Tt]rung ương")


@functools.cache
def _proper_names() -> dict[str, str]:
    """Every unit's name the gazetteer knows, and the regions, by their lower-case form: "ninh kiều" → "Ninh Kiều"."""
    g = gazetteer()
    names = [*g.provinces, *g.districts, *g.wards, *CENTRAL_CITIES, *REGIONS]
    return {n.lower(): n for n in names if not n[:1].isdigit() and "(" not in n}


#: abbreviations written in capitals whatever the case of the line: "TP", "UBND", "GRDP"
_CAPITALS = frozenset({"TP", "TP.", "TP.HCM", "TPHCM", "HCM", "UBND", "HĐND", "GRDP", "GDP", "NSNN", "PCI", "PAR", "DTI",
                       "SIPAS", "PAPI", "CCHC", "KT-XH", "FDI", "OCOP", "QR", "USD", "VND", "CPI", "TX", "TT"})
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[\"'“(\[]+|[\"'”)\].,:;!?]+$")


def cased_capitals(line: str) -> str:
    """A line written in capitals ("NINH KIỀU THU NGÂN SÁCH 6 THÁNG ĐẠT HƠN 61% DỰ TOÁN") in the case of running text,
    the units' names and the usual abbreviations kept capitalised, and as long as the line (offsets stay the text's).

    >>> cased_capitals("THÀNH PHỐ LÀO CAI: THU NGÂN SÁCH 9 THÁNG ĐẠT 78,6% DỰ TOÁN")
    'Thành phố Lào Cai: thu ngân sách 9 tháng đạt 78,6% dự toán'
    >>> cased_capitals("UBND QUẬN NINH KIỀU TỔNG KẾT NĂM 2023")
    'UBND quận Ninh Kiều tổng kết năm 2023'
    """
    lowered = line.lower()
    if len(lowered) != len(line):
        return line
    out = list(lowered)
    words = list(_WORD.finditer(line))
    names = _proper_names()
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            chunk = words[i:i + n]
            if len(chunk) < n:
                continue
            start, end = chunk[0].start(), chunk[-1].end()
            core = _EDGE_PUNCT.sub("", lowered[start:end])
            proper = names.get(core)
            if proper is not None and len(proper) == len(core):
                at = start + lowered[start:end].index(core)
                out[at:at + len(core)] = proper
                i += n
                break
        else:
            word = words[i]
            if _EDGE_PUNCT.sub("", word.group()) in _CAPITALS:
                out[word.start():word.end()] = word.group()
            i += 1
    first = next((k for k, ch in enumerate(out) if ch.isalpha()), None)
    if first is not None:
        out[first] = out[first].upper()
    return "".join(out)


def _abbreviated(abbr: str, name: str) -> Place | None:
    """The unit an abbreviated level word names ("Q.1", "Q. Bình Thạnh", "H.Củ Chi", "TX.Sơn Tây", "P.Bến Nghé"),
    when it is a numbered district or ward, or a name the gazetteer knows (an initial, "chị Nguyễn Thị H. Lan Anh",
    is not one).

    >>> _abbreviated("Q", "1"), _abbreviated("H", "Củ Chi Kết"), _abbreviated("H", "Lan Anh")
    (Place(name='Quận 1', level='district', parent=''), Place(name='Củ Chi', level='district', parent='Hồ Chí Minh'), None)
    >>> _abbreviated("TX", "Long Mỹ thu")
    Place(name='Long Mỹ', level='district', parent='Hậu Giang')
    """
    g = gazetteer()
    if name.isdigit():
        return Place(f"Quận {int(name)}", "district") if abbr == "Q" else Place(f"Phường {int(name)}", "ward") \
            if abbr == "P" else None
    if abbr == "P":
        name = _fit(name, g.wards)
        return Place(name, "ward", g.wards[name]) if name in g.wards and " " in name else None
    name = _fit(name, g.districts)
    # "TX Long Mỹ" beside "huyện Long Mỹ": the gazetteer keeps the two apart by their level
    twin = f"{name} ({'Thị xã' if abbr == 'TX' else 'Huyện'})"
    known = g.districts.get(name) or g.districts.get(twin)
    return Place(name, "district", known[1]) if known and " " in name else None


_ABBREVIATION_AT_DOT = re.compile(rf"(?<![\w.])(?P<abbr>Q|H|TX|P)\.\s?(?P<name>{_NAMED})")


def abbreviation_at(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviated level word of a known unit ("H. Củ Chi", "Q. Bình
    Thạnh"), which ends no sentence; an initial ("Nguyễn Văn H. Tại …") does.

    >>> t = "năm 2023, H. Củ Chi đạt 42%, Nguyễn Văn H. Tại đây"
    >>> abbreviation_at(t, t.index("H.") + 1), abbreviation_at(t, t.rindex("H.") + 1)
    (True, False)
    >>> t = "có 7/9 chợ; TP. Dĩ An có 1.240 tiểu thương"  # "TP." is always "thành phố"
    >>> abbreviation_at(t, t.index("TP.") + 2)
    True
    """
    if text.startswith("TP. ", dot - 2) and (dot < 3 or not text[dot - 3].isalnum()) \
            and text[dot + 2:dot + 3].isupper():
        return True
    start = max(0, dot - 2)
    while start < dot and not text[start].isupper():
        start += 1
    m = _ABBREVIATION_AT_DOT.match(text, start) if text.startswith(".", dot) else None
    return m is not None and m.end("abbr") == dot and _abbreviated(m["abbr"], m["name"]) is not None


_LISTED_SYLL = rf"[{_UPPER}][^\W\d_]*(?:'[^\W\d_]+)?"  # "Cư M'gar", "Ea H'leo"
_LISTED_NAME = re.compile(rf"{_LISTED_SYLL}(?:\s{_LISTED_SYLL}){{0,3}}")
_LISTED_SEP = re.compile(r",\s|\s(?:và|,)\s|,\svà\s")
#: (a few words may say what they are before the names: "Các huyện miền núi Ba Tơ và Sơn Hà", "hai phường lân cận là …";
#: or a comma: "Trong số các phường, Láng Hạ, Ô Chợ Dừa và Kim Liên lần lượt …")
_LISTED_LEVEL = re.compile(r"(?:[Cc]ác|[Nn]hững|[Hh]ai|[Bb]a)\s(?P<level>phường|xã|quận|huyện|thị xã)"
                           rf"(?:,\s(?=[{_UPPER}])|\s(?:(?![{_UPPER}])[^\W\d_]+\s){{1,3}}?(?=[{_UPPER}])|\s)")


def listed_units(text: str, start: int, end: int) -> list[Mention]:
    """The units a plural level word lists in ``text[start:end]`` ("các huyện Krông Pắc, Cư M'gar và Ea H'leo"), one
    mention each, when the gazetteer knows every name; else none.

    >>> [m.place.name for m in listed_units("các huyện Krông Pắc, Cư M'gar và Ea H'leo lần lượt", 0, 50)]
    ['Krông Pắc', "Cư M'gar", "Ea H'leo"]
    >>> [m.place.name for m in listed_units("Các huyện miền núi Ba Tơ và Sơn Hà lần lượt đạt", 0, 50)]
    ['Ba Tơ', 'Sơn Hà']
    """
    g = gazetteer()
    text = first_vowel_tones(text)
    lm = _LISTED_LEVEL.search(text, start, end)
    if lm is None:
        return []
    known = g.wards if lm["level"] in ("phường", "xã") else g.districts
    out, pos = [], lm.end()
    while (n := _LISTED_NAME.match(text, pos, end)) is not None:
        name = _fit(n.group(0), known)
        if name not in known:
            return []
        ward = known is g.wards
        place = Place(name, "ward", g.wards[name]) if ward else Place(name, "district", g.districts[name][1])
        out.append(Mention(n.start(), n.start() + len(name), place))
        sep = _LISTED_SEP.match(text, out[-1].end, end)
        if sep is None:
            break
        pos = sep.end()
    return out if len(out) >= 2 else []


#: a name, bare, right before its value in brackets, after a list's comma or "và" or "là": "…, Diễn Châu (231 đảng viên)"
_BARE_BEFORE_BRACKET = re.compile(rf"(?:,|\svà|\slà)\s(?P<name>{_LISTED_SYLL}(?:\s{_LISTED_SYLL}){{0,3}})\s\("
                                  r"(?:(?:khoảng|gần|hơn|trên|đạt|với)\s)?$")


def bare_listed_before(text: str, pos: int, level: str) -> Mention | None:
    """The unit of ``level`` (a ward, a district or a province) that a list names bare right before a value in brackets
    at ``pos``, after a unit of that level named with its level word: "huyện Yên Thành (242 đảng viên), Diễn Châu (231
    đảng viên)", "hai phường lân cận là Thành Vinh (81,2%) và Vinh Hưng (79,5%)"; None when the gazetteer does not
    know the name at that level.

    >>> t = "huyện Yên Thành (242 đảng viên), Diễn Châu (231 đảng viên)"
    >>> bare_listed_before(t, t.index("231"), "district").place.name, bare_listed_before(t, t.index("231"), "province")
    ('Diễn Châu', None)
    """
    m = _BARE_BEFORE_BRACKET.search(text, max(0, pos - 60), pos)
    if m is None:
        return None
    g = gazetteer()
    name = _fit(first_vowel_tones(m["name"]), g.wards if level == "ward" else g.districts)
    if level == "ward" and name in g.wards:
        place = Place(name, "ward", g.wards[name])
    elif level == "district" and name in g.districts:
        place = Place(name, "district", g.districts[name][1])
    elif level == "province" and name in g.provinces:
        place = _top_unit(name)
    else:
        return None
    return Mention(m.start("name"), m.end("name"), place)


_RANK = {level: i for i, level in enumerate(LEVELS)}
#: a thing named after a unit: "chợ Cẩm Lệ", "đường Hoàng Mai", "cầu Bình Triệu"; a zone of the economy named after
#: one: "Khu kinh tế Nghi Sơn", "khu công nghiệp Phú Bài", "cụm công nghiệp Hoàng Mai"
_THING_BEFORE = re.compile(r"(?:chợ|Chợ|đường|Đường|phố|cầu|Cầu|cảng|bến|sông|trường|Trường|khu|Khu|công viên|hồ|Hồ|đảo|Đảo|"
                           r"bệnh viện|(?:[Kk]hu|[Cc]ụm)\s(?:kinh tế|công nghiệp|chế xuất|công nghệ cao|du lịch)|"
                           # a firm named after the place: "Công ty CP Lọc hóa dầu Bình Sơn", "Nhà máy Xi măng Hoàng Mai"
                           r"[Ll]ọc hóa dầu|[Ll]ọc dầu|[Xx]i măng|[Nn]hiệt điện|[Tt]hủy điện|[Nn]hà máy)\s$")
#: a thing named after a province or a city, before its bare name: "khu đô thị Nam Cần Thơ", "Đại học Cần Thơ", "sân bay
#: quốc tế Đà Nẵng", "cảng Hải Phòng"
_PLACE_NAMED_THING = re.compile(r"(?:\b(?:[Kk]hu|[Cc]ụm)\s(?:kinh tế|công nghiệp|chế xuất|công nghệ cao|du lịch|đô thị|dân cư)|"
                                r"\b[Đđ]ại học|\b[Ss]ân bay(?:\squốc tế)?|\b[Cc]ảng|\b[Cc]hợ|\b[Cc]ầu|\b[Bb]ến xe|"
                                r"\bFestival|\b[Ll]ễ hội|\b[Kk]inh thành|\b[Hh]oàng thành|\b[Cc]ố đô)"
                                r"(?:\s(?:mới|Nam|Bắc|Đông|Tây))?\s$")
#: how far before a name :data:`_THING_BEFORE` looks ("khu công nghệ cao ")
_THING_REACH = 20


def with_bare_names(text: str, named: list[Mention], until: int | None = None) -> list[Mention]:
    """``named`` and the bare names of the wards and districts it names with their level word: an article that
    says "quận Hoàng Mai" once may then write "tổng thu ngân sách của Hoàng Mai" (a numbered unit, "Quận 5",
    has no bare name).

    >>> t = "Quận Hoàng Mai tổ chức hội nghị. Năm 2024, thu ngân sách của Hoàng Mai đạt 2.000 tỷ đồng."
    >>> [(m.place.name, t[m.start:m.end]) for m in with_bare_names(t, mentions(t))]
    [('Hoàng Mai', 'Quận Hoàng Mai'), ('Hoàng Mai', 'Hoàng Mai')]
    """
    units = {m.place.name: m.place for m in named if not m.plural and " " in m.place.name
             and (m.place.level in ("ward", "district")  # (and a province's city: "TP Đà Lạt", then "thấp hơn Đà Lạt")
                  or m.place.level == "city" and m.place.parent and not m.place.name.startswith("TP "))
             and not m.place.name[-1].isdigit()}
    extra = _province_units_bare(text, named, units, until)
    if not units:
        return sorted(named + extra, key=lambda m: m.start) if extra else named
    starts = [m.start for m in named]
    ends = [m.end for m in named]
    text = first_vowel_tones(text)
    # the names first (the regex engine then skips ahead to their first letters), what stands before them after
    pattern = re.compile(rf"(?:{_alternation(units)})(?![\w])")
    for b in pattern.finditer(text, 0, len(text) if until is None else until):
        s0 = b.start()
        if s0 and (text[s0 - 1].isalnum() or text[s0 - 1] == "_") \
                or _THING_BEFORE.search(text, max(0, s0 - _THING_REACH), s0):
            continue  # inside a word, or a thing named after the unit: "chợ Cẩm Lệ", "đường Hoàng Mai"
        i = bisect.bisect_right(starts, s0) - 1
        if i >= 0 and s0 < ends[i]:
            continue  # inside a mention with its level word
        extra.append(Mention(s0, b.end(), units[b.group(0)]))
    return sorted(named + extra, key=lambda m: m.start) if extra else named


#: where a unit named bare opens a clause, and what it does there: "…; Cam Ranh đón 300.000 lượt"
_CLAUSE_OPENS = re.compile(r"(?:^|[.;:,]\s|\n|\b(?:[Tt]rong đó|[Rr]iêng|[Tt]iếp theo là|[Dd]ẫn đầu là|và),?\s)$")
#: where a digest's item opens with its unit and a colon: "\n- Tây Sơn: Trong 3 tháng đầu năm, …"
_ITEM_OPENS = re.compile(r"(?:^|\n)(?:[-–•+*]\s?)?$")
_ACTS_AFTER = re.compile(r"\s(?:đón|thu|đạt|có|kết nạp|giải ngân|tăng|giảm|xếp|dẫn đầu|đứng|chiếm|với|\d)")


def _province_units_bare(text: str, named: list[Mention], known: dict[str, Place], until: int | None) -> list[Mention]:
    """The districts and cities of a province the text names, named bare at the opening of a clause and doing
    something there ("Khánh Hòa … TP Nha Trang đón 3,6 triệu lượt; Cam Ranh đón 300.000 lượt"): several-syllable names
    only, and none the text already names with its level word (:func:`with_bare_names` finds those)."""
    provinces = {m.place.name for m in named if m.place.level == "province"} | {
        m.place.parent for m in named if m.place.level in ("district", "city") and m.place.parent}
    if not provinces:
        return []
    g = gazetteer()
    names = {n: d for n, d in g.districts.items() if d[1] in provinces and " " in n and "(" not in n
             and n not in known and n not in g.provinces and not n[-1].isdigit()}
    if not names:
        return []
    taken = [(m.start, m.end) for m in named]
    out = []
    for b in re.finditer(rf"(?:{_alternation(names)})(?![\w])", text[:until] if until is not None else text):
        if not (_CLAUSE_OPENS.search(text, max(0, b.start() - 16), b.start()) and _ACTS_AFTER.match(text, b.end())
                or _ITEM_OPENS.search(text, max(0, b.start() - 4), b.start()) and text.startswith(":", b.end())):
            continue
        if any(s0 <= b.start() < e0 for s0, e0 in taken):
            continue
        kind, province = names[b.group(0)]
        level = "city" if kind.lower().startswith("thành phố") else "district"
        out.append(Mention(b.start(), b.end(), Place(b.group(0), level, province)))
    return out


@functools.cache
def _district_names_re() -> re.Pattern[str]:
    g = gazetteer()
    names = [n for n in g.districts if " " in n and n not in g.provinces and not n[-1].isdigit()]
    return re.compile(rf"(?<![\w])(?:{_alternation(names)})(?![\w])")


#: a name of two or three words opening a headline as its subject, before a colon or a word in lower case
_HEAD_NAME = re.compile(rf"([{_UPPER}][^\W\d_]*(?:\s[{_UPPER}][^\W\d_]*){{1,2}})(?=:|\s[^\W\d_{_UPPER}])")


def headline_ward(text: str, title: tuple[int, int], named: list[Mention], until: int,
                  says_ward: Callable[[], bool] = lambda: True) -> list[Mention]:
    """``named`` and a ward or commune the headline names bare as its subject ("Vạn Phúc: Gian nan vận động người dân
    mua BHYT") when a unit the text names holds a ward of that name ("huyện Thanh Trì"), with that name's bare
    mentions up to ``until`` ("Vạn Phúc có hơn 9.200 nhân khẩu"), when ``says_ward()`` (the caller's: the body speaks
    of a ward by its level word alone, "toàn xã"; asked last, as it reads the whole body).  None of it when the text
    names the ward with its level word, or the name is also a district's or a province's.

    >>> t = "Vạn Phúc: Gian nan mua BHYT\\nLà xã ven sông của huyện Thanh Trì, Vạn Phúc có 9.200 nhân khẩu."
    >>> [(m.place.name, m.place.level, m.place.parent, t[m.start:m.end]) for m in headline_ward(t, (0, 27), mentions(t), len(t))]
    [('Vạn Phúc', 'ward', 'Thanh Trì', 'Vạn Phúc'), ('Thanh Trì', 'district', 'Hà Nội', 'huyện Thanh Trì'), ('Vạn Phúc', 'ward', 'Thanh Trì', 'Vạn Phúc')]
    """
    g = gazetteer()
    head = _HEAD_NAME.match(text, *title)
    name = head.group(1) if head else ""
    if not name or name not in g.homes or name in g.districts or name in g.provinces \
            or any(m.place.name == name for m in named):
        return named
    home = next((m.place for m in named if m.place.level != "ward" and holds(m.place, Place(name, "ward"))), None)
    if home is None or not says_ward():
        return named
    place = Place(name, "ward", home.name)
    taken = [(m.start, m.end) for m in named]
    extra = [Mention(b.start(), b.end(), place) for b in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text[:until])
             if not any(a <= b.start() < e for a, e in taken)]
    return sorted(named + extra, key=lambda m: m.start)


def bare_district_names(text: str, start: int, end: int, named: Sequence[Mention] = ()) -> list[Mention]:
    """The districts and provincial cities ``text[start:end]`` (a headline) names without their level word
    ("Bình Tân: Thu ngân sách đạt 85%", "Hoàng Mai hoàn thành 19/20 chỉ tiêu"), outside the mentions ``named``
    and not as the name of a thing ("chợ Hoàng Mai").  Only a candidate: the body has to refer to it by its level
    word before it is the article's unit.

    >>> t = "Hoàng Mai hoàn thành 19/20 chỉ tiêu; chợ Bình Tân"
    >>> [(m.place.name, m.place.level) for m in bare_district_names(t, 0, len(t))]
    [('Hoàng Mai', 'district')]
    """
    g = gazetteer()
    text = first_vowel_tones(text[:end])  # the headline and what stands before it: offsets stay the text's
    out = []
    # a one-word name ("Vinh", "Pleiku") only where it opens the headline as its subject: "Vinh thu ngân sách …"
    opening = _ONE_WORD_NAME.match(text, start, end)
    found = [opening] if opening and opening.group(1) in g.districts else []
    for b in found + list(_district_names_re().finditer(text, start, end)):
        if any(m.start <= b.start() < m.end for m in named) \
                or _THING_BEFORE.search(text, max(0, b.start() - _THING_REACH), b.start()):
            continue
        name = b.group(1) if b.re is _ONE_WORD_NAME else b.group(0)
        kind, province = g.districts[name]
        level = "city" if kind.lower().startswith("thành phố") else "district"
        out.append(Mention(b.start(), b.start() + len(name), Place(name, level, province)))
    return out


#: a one-word name opening a headline as its subject, before a colon or a word in lower case: "Vinh thu ngân sách …"
_ONE_WORD_NAME = re.compile(rf"([{_UPPER}][^\W\d_]*(?:'[{_UPPER}][^\W\d_]*)?)(?=:|\s[^\W\d_{_UPPER}])")


def main_places(text: str, title: str = "") -> list[Place]:
    """:func:`main_of` the mentions in ``text`` and ``title``."""
    in_title = mentions(title)
    return main_of(mentions(text) + in_title, in_title)


_TERRITORY_LEVELS = ("ward", "district", "city", "province")


def main_of(named: list[Mention], in_title: Sequence[Mention] = ()) -> list[Place]:
    """The unit(s) an article is about: the unit its title names (the most specific one), else the
    most mentioned territory (a ministry, a region or the country only when no territory is named);
    units of the same level mentioned at least half as often are kept beside it.

    >>> [p.name for p in main_places("quận Đống Đa ... quận Đống Đa ... quận Ba Đình")]
    ['Đống Đa']
    >>> [p.name for p in main_places("Phường Tam Thắng, TPHCM ... phường ... TPHCM", "Đại hội Đảng bộ phường Tam Thắng")]
    ['Tam Thắng']
    >>> [p.name for p in main_places("Hà Nam đạt 68%; Đà Nẵng; Bộ Tư pháp, Bộ Tư pháp")]
    ['Hà Nam']
    >>> [p.name for p in main_places("vùng Đông Nam Bộ đạt 89%; vùng Tây Nguyên đạt 85%")]
    ['Việt Nam']
    """
    found = [m.place for m in named if not m.plural and m.place.level != "country"]
    territories = [p for p in found if p.level in _TERRITORY_LEVELS]
    regions = [m.place for m in in_title if not m.plural and m.place.level == "region"]
    if regions and not any(m.place.level in _TERRITORY_LEVELS for m in in_title) and found.count(regions[0]) >= 2:
        return regions[:1]  # "Tây Nguyên: Tăng trưởng năm 2024 …", whose provinces the text ranks: the region's
    if not territories and len({p for p in found if p.level == "region"}) > 1:
        return [Place("Việt Nam", "country")]  # an article that ranks the regions is about the country
    found = territories or found
    if not found:
        return []
    counts = Counter(found)
    titled = [m.place for m in in_title if not m.plural and counts[m.place] >= 2]  # named again in the text
    top = max(counts.values())
    if not titled and top == 1:  # "Phường Phú An (TP.HCM)", each named once: the title's most specific unit
        titled = [m.place for m in in_title if not m.plural and m.place in counts]
    if titled:
        return [min(titled, key=lambda p: _RANK[p.level])]
    first = {p: i for i, p in reversed(list(enumerate(found)))}
    best = sorted(counts, key=lambda p: (-counts[p], -_RANK[p.level], first[p]))
    # a ward's or district's article names its city too ("Thành ủy Hà Nội"): the most specific unit
    # mentioned about as often as the most mentioned one is what the article is about
    lowest = min(_RANK[p.level] for p in best if counts[p] >= max(2, top / 2)) if top >= 2 else _RANK[best[0].level]
    best = [p for p in best if _RANK[p.level] == lowest] or best
    keep = [p for p in best if counts[p] >= max(2, counts[best[0]] / 2)]
    return keep or best[:1]


def main_by_level(named: list[Mention]) -> dict[str, Place]:
    """For each level, the unit of that level named most often (what "quận", "phường" or "tỉnh"
    said alone refers back to)."""
    counts = Counter(m.place for m in named if not m.plural)
    out: dict[str, Place] = {}
    for place, _n in counts.most_common():
        out.setdefault(place.level, place)
    return out


def main_districts(text: str, title: str = "") -> list[str]:
    """The names of :func:`main_places` (what the book lists an article under).

    >>> main_districts("quận Đống Đa ... quận Đống Đa ... quận Ba Đình")
    ['Đống Đa']
    """
    return [p.name for p in main_places(text, title)]


def book_units(places: list[Place]) -> list[Place]:
    """The units the book gives a chapter each: every article's main unit, but never a pre-2025
    ward of a district that is itself in the list.

    >>> [p.name for p in book_units([Place("Tây Hồ", "district"), Place("Nhật Tân", "ward", "Tây Hồ"), Place("Hồng Hà", "ward")])]
    ['Tây Hồ', 'Hồng Hà']
    """
    districts = {p.name for p in places if p.level == "district"}
    return [p for p in dict.fromkeys(places) if not (p.level == "ward" and p.parent in districts)]


def province_of(place: Place) -> str:
    """The city or province a unit belongs to, as the book names it ("" when the unit alone cannot say: a ward,
    whose pre-2025 district a name shared across provinces could not tell, or a region or the country).

    >>> [province_of(p) for p in (Place("Bình Tân", "district", "Hồ Chí Minh"), Place("TP.HCM", "city"),
    ...                           Place("Quảng Nam", "province"), Place("Giảng Võ", "ward", "Ba Đình"),
    ...                           Place("Thủ Đức", "city", "Hồ Chí Minh"))]
    ['TP.HCM', 'TP.HCM', 'Quảng Nam', '', 'TP.HCM']
    """
    if place.level in ("city", "province"):
        name = place.parent or place.name  # a city of a city (Thủ Đức) is under its parent
    elif place.level == "district":
        name = place.parent
    else:
        return ""
    return "TP.HCM" if name == "Hồ Chí Minh" else name


def parent_unit(place: Place) -> Place | None:
    """The province or centrally run city a district or a city of a province belongs to, as a unit ("tỉnh" or
    "thành phố" said alone in an article about one of its districts); None when the unit alone cannot say.

    >>> parent_unit(Place("Hải Hậu", "district", "Nam Định")), parent_unit(Place("Cầu Giấy", "district", "Hà Nội"))
    (Place(name='Nam Định', level='province', parent=''), Place(name='Hà Nội', level='city', parent=''))
    >>> parent_unit(Place("Giảng Võ", "ward", "Ba Đình")), parent_unit(Place("Nam Định", "province"))
    (None, None)
    """
    if place.level not in ("district", "city") or not place.parent:
        return None
    name = province_of(place)
    return Place(name, "city" if name in CENTRAL_CITIES or name == "TP.HCM" else "province") if name else None


def slugify(name: str) -> str:
    """A file-name-safe ASCII slug: no path separators, no dots, no diacritics.

    A name with letters that have no ASCII form (another script) keeps what does and gets a
    short hash of the whole name, so two such names get stable, distinct slugs.

    >>> slugify("Tây Hồ"), slugify("Đống Đa"), slugify("../../x"), slugify("Quận 1")
    ('tay-ho', 'dong-da', 'x', 'quan-1')
    >>> slugify("Тверской"), slugify("東城区"), slugify("Quận 東")
    ('d-09f1e531', 'd-ba42a802', 'quan-d-3399eb7c')
    """
    import hashlib

    nfc = unicodedata.normalize("NFC", name)
    s = nfc.replace("Đ", "D").replace("đ", "d")
    decomposed = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    ascii_part = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_part).strip("-")
    if any(ch.isalnum() and not ch.isascii() for ch in decomposed):
        tag = "d-" + hashlib.sha256(nfc.encode("utf-8")).hexdigest()[:8]
        s = f"{s}-{tag}" if s else tag
    return s or "unnamed"
