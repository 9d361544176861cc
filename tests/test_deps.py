"""The dependency model: which articles each chapter reads, and the reasons a build gives for re-executing."""
from __future__ import annotations

import shutil

from districtbook.building import deps
from districtbook.building.bench import PEERS, SITUATIONS, peer_table
from districtbook.building.parameters import known_districts

from .conftest import ROOT, SEEDS


def test_an_article_is_about_its_main_district_and_the_districts_it_reports_figures_for(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "x.txt").write_text(
        "Hai quận\n\nNăm 2023, thu ngân sách quận Cầu Giấy ước đạt 6.120 tỷ đồng. Quận Cầu Giấy hoàn thành "
        "18/18 chỉ tiêu; quận Cầu Giấy đứng đầu.\n\nThu ngân sách quận Ba Đình đạt 4.870 tỷ đồng.\n", encoding="utf-8")
    index = deps.article_index(tmp_path / "seeds")
    assert set(index) == {p.name for p in SEEDS.glob("*.txt")} | {"x.txt"}
    assert index["x.txt"].districts == {"Cầu Giấy", "Ba Đình"}  # a figure for Ba Đình: the Ba Đình profile reads it
    for district in known_districts(SEEDS):
        scope, read = deps.reads({"seeds": "seeds", "district": district}, index)
        assert scope == f"articles about {district}" and read
        assert all(district in index[name].districts for name in read)
    _scope, tay_ho = deps.reads({"seeds": "seeds", "district": "Tây Hồ"}, index)
    _scope, dong_da = deps.reads({"seeds": "seeds", "district": "Đống Đa"}, index)
    assert not set(tay_ho) & set(dong_da)  # the seeds are about one district each
    assert deps.reads({"seeds": "seeds", "district_a": "Tây Hồ", "district_b": "Đống Đa"}, index)[1].keys() \
        == tay_ho.keys() | dong_da.keys()


def test_the_key_changes_with_the_articles_read_and_only_with_them():
    index = deps.article_index(SEEDS)
    template = ROOT / "notebooks" / "profile.ipynb"
    params = {"seeds": "seeds", "lang": "vi", "district": "Đống Đa"}
    before = deps.chapter_inputs(template, params, "code", index)
    other = next(n for n, a in index.items() if "Đống Đa" not in a.districts)
    touched = dict(index)
    touched[other] = deps.Article(other, "0" * 64, index[other].districts)
    assert deps.chapter_inputs(template, params, "code", touched).key == before.key  # not an article it reads
    mine = next(n for n, a in index.items() if "Đống Đa" in a.districts)
    touched[mine] = deps.Article(mine, "1" * 64, index[mine].districts)
    after = deps.chapter_inputs(template, params, "code", touched)
    assert after.key != before.key
    assert deps.why(before.record(), after) == [f"article {mine} changed"]
    assert deps.why(before.record(), deps.chapter_inputs(template, params, "other code", index)) == [
        "package code, requirements or book manifest changed"]
    assert deps.why(before.record(), deps.chapter_inputs(template, {**params, "lang": "en"}, "code", index)) == [
        "parameters changed"]


def test_the_peer_table_gives_ratios_and_marks_stale_results():
    rows = [{"peer": p, "situation": s, "seconds": 10.0 * (i + 1), "current": not (i == 2 and s != "cold")}
            for i, p in enumerate(PEERS) for s in SITUATIONS]
    table = peer_table(rows).splitlines()
    assert table[0].startswith("| situation | districtbook (s) |")
    assert table[2] == "| cold | 10.0 | 20.0 | 30.0 | 0.50 | 0.33 |"
    assert table[3].endswith("| 30.0 (stale) | 0.50 | 0.33 |")
