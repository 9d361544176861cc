"""What readers see: every page in a real browser (Debian's Chromium), both PDFs, both editions."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from districtbook.sitecheck import check_site, site_pages

from .conftest import ROOT

SEARCHES = {"search.html": "Tây Hồ", "en/search.html": "Tây Hồ"}


def _outputs(nb: Path) -> str:
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    return "".join("".join(o.get("data", {}).get("text/plain", "")) for c in cells for o in c.get("outputs", []))


def test_editions_format_numbers_narratives_and_charts_in_their_language():
    vi, en = _outputs(ROOT / "book/chapters/budget.ipynb"), _outputs(ROOT / "book/en/chapters/budget.ipynb")
    assert "Thu ngân sách nhà nước ước 2.511 tỷ đồng (2024-9M)" in vi
    assert "State budget revenue, estimated at 2,511 VND bn (2024-9M)" in en
    assert "2.821,3 tỷ đồng" in vi and "2,821.3 VND bn" in en  # the implied plan
    assert "_assets/budget-vi.png" in vi and "Biểu đồ thanh ngang: thu ngân sách được báo cáo" in vi
    assert "_assets/budget-en.png" in en and "Horizontal bar chart: reported budget revenue" in en
    # names and quotes from the articles stay in Vietnamese in the English edition
    assert "“2.511 tỷ đồng”" in en and "Tây Hồ" in en
    assert "\\[000 · Hà Nội Mới · 2024-10-12\\]" in en  # escaped in MyST: the outlet comes from the article


@pytest.mark.slow
def test_every_page_passes_the_browser_checks(built_project):
    site = built_project / "_build/html"
    shots = built_project / "_build/screenshots"
    report = check_site(site, shots, SEARCHES)
    assert report.problems == []
    assert len(report.pages) >= 30 and any(p.startswith("en/") for p in report.pages)
    assert len(list(shots.glob("*.png"))) == len(report.pages)
    assert all(n > 0 for n in report.search_hits.values()), report.search_hits


@pytest.mark.slow
def test_browser_checks_fail_on_a_missing_image_and_an_external_script(built_project, tmp_path):
    site = tmp_path / "html"
    shutil.copytree(built_project / "_build/html", site)
    chart = next(site.glob("_images/budget-vi*.png"))
    chart.unlink()
    page = site / "book/intro.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</head>", '<script src="https://cdn.example.com/lib.js"></script></head>'), encoding="utf-8")
    report = check_site(site, pages=["book/chapters/budget.html", "book/intro.html"])
    assert any("image does not load" in p and "budget-vi" in p for p in report.problems), report.problems
    assert "book/intro.html: request leaves the machine: https://cdn.example.com/lib.js" in report.problems


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.parametrize(("pdf", "folder", "strings"), [
    ("districtbook.pdf", "book/chapters", ["Mục lục", "Chương 1", "Hình", "Nguồn dữ liệu", "Thu ngân sách",
                                            "Tây Hồ", "Đống Đa", "tỷ đồng", "đường/dẫn/tới/bài-báo"]),
    ("districtbook-en.pdf", "book/en/chapters", ["Contents", "Chapter 1", "Fig.", "Sources", "Budget revenue",
                                                  "Tây Hồ", "Đống Đa", "tỷ đồng", "Glossary"]),
])
def test_pdf_holds_every_chapter_and_chart_in_the_edition_language(built_project, pdf, folder, strings):
    path = built_project / "_build/pdf" / pdf
    text = _pdftotext(path)
    for s in strings:
        assert s in text, s
    figures = sum(_outputs(nb).count(":::{figure}") for nb in (built_project / folder).glob("*.ipynb"))
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    images = [ln for ln in listing.splitlines()[2:] if ln.split()[2:3] == ["image"]]
    assert len(images) == figures >= 8
    # nothing runs off the page: every word's box lies inside the page
    bbox = _pdftotext(path, "-bbox")
    for page in re.finditer(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', bbox, re.S):
        width = float(page.group(1))
        for x_max, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', page.group(2)):
            assert float(x_max) <= width - 20, (pdf, word, x_max, width)


def test_site_pages_lists_both_editions(tmp_path):
    for rel in ("index.html", "book/intro.html", "en/book/intro.html", "_static/x.html", "genindex.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html></html>")
    assert site_pages(tmp_path) == ["book/intro.html", "en/book/intro.html", "index.html"]
