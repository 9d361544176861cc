"""`districtbook run`/`params`: bad parameters stop before any kernel starts, naming the parameter."""
from __future__ import annotations

import pytest

from districtbook.building import parameters
from districtbook.base.errors import ParameterError

from .conftest import ROOT, SEEDS, cli


def test_params_lists_types_defaults_and_help():
    out = cli("params", "sources", check=True).stdout
    assert 'seeds: str = "seeds"  # folder of .txt articles' in out
    assert 'lang: str = "vi"  # edition language' in out


def test_unknown_parameter_names_it_and_the_allowed_names():
    proc = cli("run", "sources", "-p", "district_x", "Tây Hồ")
    assert proc.returncode == 2
    assert "parameter 'district_x': unknown parameter for template 'sources' (allowed: lang, seeds)" in proc.stderr
    assert "Executing" not in proc.stderr  # no kernel started


def test_wrong_type_names_the_parameter_and_the_expected_type(tmp_path):
    params = tmp_path / "p.yml"
    params.write_text("seeds: 42\n", encoding="utf-8")
    proc = cli("run", "sources", "-f", str(params))
    assert proc.returncode == 2
    assert "parameter 'seeds': expected str, got int 42" in proc.stderr


def test_missing_seeds_folder_is_refused(tmp_path):
    proc = cli("run", "sources", "-p", "seeds", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "parameter 'seeds': folder '" in proc.stderr and "does not exist" in proc.stderr


def test_unknown_language_lists_the_editions():
    proc = cli("run", "sources", "-p", "lang", "fr")
    assert proc.returncode == 2
    assert "parameter 'lang': unknown edition language 'fr' (allowed: vi, en)" in proc.stderr


def test_unknown_template_lists_the_templates():
    proc = cli("run", "nosuch")
    assert proc.returncode == 2
    assert "no template 'nosuch' (allowed: " in proc.stderr and "sources" in proc.stderr


def test_unknown_district_lists_the_known_ones():
    with pytest.raises(ParameterError, match=r"unknown district 'Ba Đình' \(allowed: Đống Đa, Tây Hồ\)"):
        parameters.check(seeds=str(SEEDS), district="Ba Đình")


def test_cli_string_values_are_converted_never_evaluated():
    assert parameters.convert("n", "1+1", "str") == "1+1"
    with pytest.raises(ParameterError, match="expected an integer"):
        parameters.convert("n", "1+1", "int")


def test_run_executes_a_template_with_yaml_parameters(tmp_path):
    params = tmp_path / "p.yml"
    params.write_text(f"lang: en\nseeds: {SEEDS}\n", encoding="utf-8")
    out = tmp_path / "sources-en.ipynb"
    proc = cli("run", "sources", "-f", str(params), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "The book draws on 5 news articles about 2 districts" in text


def test_templates_follow_the_house_shape():
    """One `parameters` cell, no outputs, no functions and no typed-in figures in the templates."""
    import json
    import re

    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        tagged = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
        assert len(tagged) == 1, nb.name
        code = [c for c in cells if c["cell_type"] == "code"]
        assert not any(c.get("outputs") for c in code), nb.name
        body = "\n".join("".join(c["source"]) for c in code if c is not tagged[0])
        assert not re.search(r"^\s*(def|class) ", body, re.M), nb.name
        assert not re.findall(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w.])", body), f"{nb.name}: number literal in code"


def test_committed_toc_is_the_one_the_manifest_generates():
    from districtbook.building import manifest

    book = manifest.expand(manifest.load(ROOT / "book" / "manifest.yml"), "vi")
    assert (ROOT / "_toc.yml").read_text(encoding="utf-8") == manifest.toc(book, "vi")
    assert "book/chapters/profile-tay-ho" in manifest.toc(book, "vi")
    english = manifest.toc(manifest.expand(manifest.load(ROOT / "book" / "manifest.yml"), "en"), "en")
    assert "caption: Analysis" in english and "book/glossary" in english


def test_both_editions_number_their_chapters_alike():
    """Chapter and figure numbers ("Hình 6.1") follow the table of contents: the pages of one edition only (the
    English glossary) come after every page both editions have, so a number means the same chapter in both."""
    from districtbook.building import manifest

    def files(lang: str) -> list[str]:
        book = manifest.expand(manifest.load(ROOT / "book" / "manifest.yml"), lang)
        return [e.file if isinstance(e, manifest.Page) else e.output for p in book.parts for e in p.entries]

    vi, en = files("vi"), files("en")
    shared = [f for f in vi if f in en]
    assert shared and vi[:len(shared)] == en[:len(shared)] == shared, (vi, en)


def test_a_chapter_writes_its_assets_beside_its_own_edition(monkeypatch):
    """nbval re-runs a chapter in place, with the chapter's folder as the kernel's working directory: the English
    chapters' charts go to book/en/chapters/_assets. Validating the parameters changes nothing of this."""
    from districtbook.base import paths

    monkeypatch.delenv("DISTRICTBOOK_BOOK_DIR", raising=False)
    monkeypatch.delenv("DISTRICTBOOK_ASSETS_DIR", raising=False)
    monkeypatch.chdir(ROOT / "book" / "en" / "chapters")
    assert paths.assets_dir() == ROOT / "book" / "en" / "chapters" / "_assets"
    monkeypatch.chdir(ROOT / "book" / "chapters")
    parameters.check(lang="en")
    assert paths.assets_dir() == ROOT / "book" / "chapters" / "_assets"
    monkeypatch.chdir(ROOT)
    assert paths.assets_dir() == ROOT / "book" / "chapters" / "_assets"


@pytest.mark.parametrize("typed", ["Tay Ho", "tây hồ", "quận Tây Hồ", "Quan tay ho", "phường tây hồ"])
def test_a_district_is_matched_without_diacritics_case_or_prefix(typed):
    params = parameters.resolve("profile", raw={"seeds": str(SEEDS), "district": typed})
    assert params["district"] == "Tây Hồ"


def test_a_misspelt_district_gets_a_suggestion_and_the_templates_want_the_exact_name():
    with pytest.raises(ParameterError, match=r"unknown district 'Dong Daa'; did you mean 'Đống Đa'\? "
                                             r"\(allowed: Đống Đa, Tây Hồ\)"):
        parameters.resolve("profile", raw={"seeds": str(SEEDS), "district": "Dong Daa"})
    # a notebook run by hand goes on with the value it was given: the name must be spelt as in the articles
    with pytest.raises(ParameterError, match=r"unknown district 'Tay Ho'; did you mean 'Tây Hồ'\?"):
        parameters.validate("profile", seeds=str(SEEDS), lang="vi", district="Tay Ho")
    assert parameters.validate("profile", seeds=str(SEEDS), lang="vi", district="Tây Hồ")["district"] == "Tây Hồ"


def test_districts_are_listed_in_vietnamese_alphabetical_order(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, name in enumerate(["Tây Hồ", "Đống Đa", "Ba Đình", "Cầu Giấy", "Hoàng Mai"]):
        (seeds / f"{i}.txt").write_text(f"Tin\n\nQuận {name} họp. UBND quận {name} báo cáo.\n", encoding="utf-8")
    assert parameters.known_districts(seeds) == ["Ba Đình", "Cầu Giấy", "Đống Đa", "Hoàng Mai", "Tây Hồ"]
