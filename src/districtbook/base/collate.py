"""Vietnamese alphabetical order and diacritic-blind matching of names.

Python sorts by code point, which puts "Đống Đa" (U+0110) after "Tây Hồ".  Vietnamese order
compares letters first -- a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, the vowels
with breve, circumflex or horn being letters of their own -- and tones only to break ties (no
tone, huyền, sắc, hỏi, ngã, nặng).  Babel has no collation and PyICU needs a compiler and ICU's
headers, so the order is written out here (names are all it sorts).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # huyền sắc hỏi ngã nặng


def sort_key(name: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that sorts names in Vietnamese alphabetical order.

    >>> sorted(["Tây Hồ", "Đống Đa", "Cầu Giấy", "Ba Đình", "Dịch Vọng"], key=sort_key)
    ['Ba Đình', 'Cầu Giấy', 'Dịch Vọng', 'Đống Đa', 'Tây Hồ']
    >>> sorted(["Hà", "Ha", "Hạ", "Hả"], key=sort_key)
    ['Ha', 'Hà', 'Hả', 'Hạ']
    >>> sorted(["Hải Phòng", "Hà Nội", "Hoàng Mai", "Hoàn Kiếm"], key=sort_key)
    ['Hà Nội', 'Hải Phòng', 'Hoàn Kiếm', 'Hoàng Mai']
    """
    letters, tones = [], []
    for ch in unicodedata.normalize("NFC", name).casefold():
        parts = unicodedata.normalize("NFD", ch)
        tone = next((_TONES[m] for m in parts if m in _TONES), 0)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        # a space ends a syllable: it sorts before any letter ("Hà Nội" before "Hải Phòng", syllable by syllable)
        letters.append(-1 if base.isspace() else _RANK[base] if base in _RANK else 100 + ord(base[0]))
        tones.append(tone)
    return tuple(letters), tuple(tones), name


def sorted_names(names: Iterable[str]) -> list[str]:
    """Distinct names in Vietnamese order."""
    return sorted(set(names), key=sort_key)


_PREFIX = re.compile(r"^(?:quan|phuong|huyen|thi xa|xa)\s+")


def fold(name: str) -> str:
    """A name without diacritics, case or a leading "quận"/"phường"/"huyện"/"thị xã": what a user may type.

    >>> fold("Quận Tây Hồ"), fold("tay  ho"), fold("Đống Đa"), fold("phường Nhật Tân")
    ('tay ho', 'tay ho', 'dong da', 'nhat tan')
    """
    s = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = " ".join(s.split())
    return _PREFIX.sub("", s)
