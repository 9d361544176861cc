"""Profiles grouped under their city or province (issue 17): a part of the table of contents per city or province
when the articles cover more than one, the city itself first, then its districts; units no province can be given
to (wards) in a last part; one city only: the single part of the manifest, as before."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from districtbook.building import manifest
from districtbook.building.parameters import places_by_province
from districtbook.extraction.places import Place, province_of

from .conftest import ROOT

ARTICLES = {  # composed for this test: a title naming the unit, a lead with a figure
    "a.txt": "Quận Bình Tân thu ngân sách đạt 120% dự toán\n\nNăm 2024, quận Bình Tân (TP.HCM) thu ngân sách 5.000 tỷ đồng.",
    "b.txt": "Thành phố Cần Thơ tăng trưởng 7%\n\nNăm 2024, thành phố Cần Thơ tăng trưởng kinh tế 7%.",
    "c.txt": "TP.HCM thu ngân sách vượt dự toán\n\nNăm 2024, TP.HCM thu ngân sách 500.000 tỷ đồng.",
    "d.txt": "Quận Tây Hồ hoàn thành 21/21 chỉ tiêu\n\nNăm 2024, quận Tây Hồ (Hà Nội) hoàn thành 21/21 chỉ tiêu.",
}


def _seeds(tmp_path: Path, names: tuple[str, ...]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in names:
        (seeds / n).write_text(ARTICLES[n], encoding="utf-8")
    return seeds


def _book(seeds: Path) -> manifest.Book:
    book = manifest.load(ROOT / "book" / "manifest.yml")
    def at(e):
        return dataclasses.replace(e, parameters={**e.parameters, "seeds": str(seeds)}) if isinstance(e, manifest.Chapter) else e
    return dataclasses.replace(book, parts=tuple(dataclasses.replace(p, entries=tuple(map(at, p.entries)))
                                                 for p in book.parts))


def test_province_of_each_level():
    assert province_of(Place("Bình Tân", "district", "Hồ Chí Minh")) == "TP.HCM"
    assert province_of(Place("Cần Thơ", "city")) == "Cần Thơ"
    assert province_of(Place("Nhật Tân", "ward", "Tây Hồ")) == ""


def test_several_cities_give_a_part_each_with_the_city_first(tmp_path):
    seeds = _seeds(tmp_path, ("a.txt", "b.txt", "c.txt", "d.txt"))
    assert places_by_province(seeds) == [("Cần Thơ", ["Cần Thơ"]), ("Hà Nội", ["Tây Hồ"]),
                                         ("TP.HCM", ["TP.HCM", "Bình Tân"])]
    for lang, word in (("vi", "Các địa phương"), ("en", "Places")):
        toc = manifest.toc(manifest.expand(_book(seeds), lang), lang)
        parts = toc.split("- caption: ")
        captions = [p.splitlines()[0].strip("'") for p in parts[1:]]
        assert [c for c in captions if c.startswith(word)] == [f"{word}: Cần Thơ", f"{word}: Hà Nội",
                                                               f"{word}: TP.HCM", word]
        hcm = next(p for p in parts if p.startswith(f"'{word}: TP.HCM'"))
        assert hcm.index("profile-tp-hcm") < hcm.index("profile-binh-tan")
        assert "compare" in parts[captions.index(word) + 1]  # the comparison stays in the part's own caption


def test_one_city_keeps_the_single_part(tmp_path):
    seeds = _seeds(tmp_path, ("d.txt",))
    toc = manifest.toc(manifest.expand(_book(seeds), "vi"), "vi")
    assert "Các địa phương:" not in toc and "profile-tay-ho" in toc
