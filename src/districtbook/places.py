"""Districts, wards and cities named in an article.

A gazetteer of the districts of Hanoi (2008-2025 boundaries), Ho Chi Minh City and Da Nang
lets multi-syllable names ("Hai Bà Trưng", "Nam Từ Liêm") be read whole; any other
"quận/huyện/thị xã X Y" is read as a two-syllable name, which is the common case.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

HANOI_DISTRICTS = (
    "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng",
    "Hoàng Mai", "Thanh Xuân", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông", "Sóc Sơn", "Đông Anh",
    "Gia Lâm", "Thanh Trì", "Mê Linh", "Ba Vì", "Phúc Thọ", "Đan Phượng", "Hoài Đức", "Quốc Oai",
    "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên", "Ứng Hòa", "Mỹ Đức", "Sơn Tây",
)
OTHER_DISTRICTS = (
    "Bình Thạnh", "Gò Vấp", "Phú Nhuận", "Tân Bình", "Tân Phú", "Bình Tân", "Thủ Đức", "Hóc Môn",
    "Củ Chi", "Bình Chánh", "Nhà Bè", "Cần Giờ", "Hải Châu", "Thanh Khê", "Sơn Trà",
    "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ", "Hòa Vang",
)
KNOWN_DISTRICTS = HANOI_DISTRICTS + OTHER_DISTRICTS

_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isupper() and ch.isalpha())
_SYLL = rf"[{_UPPER}][^\W\d_]*"
_KNOWN = "|".join(sorted((re.escape(n) for n in KNOWN_DISTRICTS), key=len, reverse=True))
_NAME = rf"(?P<name>{_KNOWN}|\d{{1,2}}\b|{_SYLL}(?:\s{_SYLL})?)"

#: "quận Tây Hồ", "Quận ủy Tây Hồ", "UBND huyện Gia Lâm", "thị xã Sơn Tây", "Quận 1"
DISTRICT_RE = re.compile(rf"\b(?P<level>[Qq]uận|[Hh]uyện|[Tt]hị\sxã)(?:\s[uủ][yỷ])?\s{_NAME}")
#: "phường Nhật Tân", "xã Vân Canh"
WARD_RE = re.compile(rf"\b(?P<level>[Pp]hường|[Xx]ã|[Tt]hị\strấn)\s(?P<name>{_SYLL}(?:\s{_SYLL})?)")
CITY_RE = re.compile(r"\b(?:thành phố|TP\.?|Thủ đô)\s(?P<name>Hà Nội|Hồ Chí Minh|Đà Nẵng|Hải Phòng|Cần Thơ)")


def district_mentions(text: str) -> Counter[str]:
    """Count district names mentioned with their level word.

    >>> district_mentions("Quận ủy Tây Hồ và UBND quận Tây Hồ Lê Thị Thu Hằng; quận Hai Bà Trưng")
    Counter({'Tây Hồ': 2, 'Hai Bà Trưng': 1})
    """
    return Counter(_canonical(m.group("name"), m.group("level")) for m in DISTRICT_RE.finditer(text))


def _canonical(name: str, level: str) -> str:
    return f"Quận {name}" if name.isdigit() else name


def main_districts(text: str) -> list[str]:
    """The district(s) an article is about: the most mentioned, and any mentioned at least half as often.

    >>> main_districts("quận Đống Đa ... quận Đống Đa ... quận Ba Đình")
    ['Đống Đa']
    """
    counts = district_mentions(text)
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return sorted(n for n, c in counts.items() if c >= max(2, top / 2)) or [counts.most_common(1)[0][0]]


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
