"""What readers see: every page in a real browser (Debian's Chromium), both PDFs, both editions.

The slow reader checks live here, in one place, on the session's one built book."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from districtbook.checks.sitecheck import check_site, site_pages


SEARCHES = {"search.html": "Tây Hồ", "en/search.html": "Tây Hồ"}
FOLDED = [("search.html", "Tay Ho", "profile-tay-ho"), ("search.html", "Dong Da", "profile-dong-da"),
          ("en/search.html", "Tay Ho", "profile-tay-ho")]


def _outputs(nb: Path) -> str:
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    return "".join("".join(o.get("data", {}).get("text/plain", "")) for c in cells for o in c.get("outputs", []))


@pytest.mark.slow
def test_editions_format_numbers_narratives_and_charts_in_their_language(built_project):
    vi = _outputs(built_project / "book/chapters/budget.ipynb")
    en = _outputs(built_project / "book/en/chapters/budget.ipynb")
    # the period first, the place as subject, the verb carrying the qualifier (issue 20)
    assert "9 tháng năm 2024, Tây Hồ thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm" in vi
    assert "In the first 9 months of 2024, Tây Hồ collected an estimated 2,511 billion VND in budget revenue" in en
    # what the articles report before the book's arithmetic, each labelled
    assert vi.index("Các bài báo đưa tin") < vi.index("Theo tính toán của sách")
    assert en.index("What the articles report") < en.index("By the book's arithmetic")
    assert "2.821,3 tỷ đồng" in vi and "2,821.3 billion VND" in en  # the implied plan
    assert "_assets/budget-progress-vi.png" in vi and "Biểu đồ thanh ngang, Thu ngân sách: phần trăm kế hoạch năm đã đạt" in vi
    assert "_assets/budget-progress-en.png" in en and "Horizontal bar chart, Budget revenue: per cent of the annual plan reached" in en
    # names and quotes from the articles stay in Vietnamese in the English edition; a quote is the clause
    assert "“Thu ngân sách ước đạt 2.511 tỷ đồng”" in en and "Tây Hồ" in en
    assert "budget_revenue" not in vi and "budget_revenue" not in en  # labels, never keys
    assert "\\[000 · Hà Nội Mới · 12 October 2024\\]" in en  # escaped in MyST: the outlet comes from the article
    # the themes' own words in the page furniture (footer, the search page without JavaScript)
    site = built_project / "_build/html"
    for page, vi_text, en_text in [("book/intro.html", "© Bản quyền", "© Copyright"),
                                   ("search.html", "Hãy bật JavaScript", "Please activate JavaScript")]:
        vi_page, en_page = (site / page).read_text(encoding="utf-8"), (site / "en" / page).read_text(encoding="utf-8")
        assert vi_text in vi_page and en_text not in vi_page and en_text in en_page, page


@pytest.mark.slow
def test_every_page_passes_the_browser_checks(built_project):
    site = built_project / "_build/html"
    report = check_site(site, searches=SEARCHES)
    assert report.problems == []
    assert len(report.pages) >= 30 and any(p.startswith("en/") for p in report.pages)
    assert all(n > 0 for n in report.search_hits.values()), report.search_hits


@pytest.mark.slow
def test_search_without_diacritics_finds_the_district_pages(built_project):
    report = check_site(built_project / "_build/html", pages=[], searches=[(rel, query) for rel, query, _ in FOLDED])
    for rel, query, page in FOLDED:
        hits = report.search_results[f"{rel}?q={query}"]
        assert any(page in h for h in hits), (query, hits)
    assert report.problems == []


@pytest.mark.slow
def test_browser_checks_fail_on_a_missing_image_an_external_script_and_a_wide_page(built_project, tmp_path):
    site = tmp_path / "html"
    shutil.copytree(built_project / "_build/html", site)
    chart = next(site.glob("_images/budget-progress-vi*.png"))
    chart.unlink()
    page = site / "book/intro.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</head>", '<script src="https://cdn.example.com/lib.js"></script></head>'), encoding="utf-8")
    page = site / "book/chapters/budget.html"  # a phone's chart shown so small that its text cannot be read
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</head>", "<style>img.phone-chart { width: 120px !important; }</style></head>"), encoding="utf-8")
    page = site / "book/method.html"  # fits at 1280 px, not on a phone
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<div style="width: 700px">wide</div></article>', 1), encoding="utf-8")
    shots = tmp_path / "shots"
    pages = ["book/chapters/budget.html", "book/intro.html", "book/method.html", "book/rerun.html"]
    report = check_site(site, shots, pages=pages)
    assert any("image does not load" in p and "budget-progress-vi" in p for p in report.problems), report.problems
    assert "book/intro.html: request leaves the machine: https://cdn.example.com/lib.js" in report.problems
    assert "book/method.html: the page scrolls sideways at 400 px" in report.problems
    assert ("book/chapters/budget.html: chart shown at less than 45% of its size at 400 px (unreadable text): "
            "../../_images/budget-yoy-vi-phone.png") in report.problems
    assert not [p for p in report.problems if p.startswith("book/rerun.html")], report.problems
    for rel in pages:  # a screenshot of every page, at 1280 px and at 400 px
        name = rel.replace("/", "__").removesuffix(".html") + ".png"
        assert (shots / name).stat().st_size > 1000 and (shots / "400" / name).stat().st_size > 1000, name


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.parametrize(("pdf", "folder", "strings"), [
    ("districtbook.pdf", "book/chapters", ["Mục lục", "Giới thiệu", "Chương 1", "Hình 6.1:", "Điểm chính", "Nguồn dữ liệu", "Thu ngân sách",
                                            "tiếp theo trang trước", "còn tiếp ở trang sau",
                                            "Tây Hồ", "Đống Đa", "tỷ đồng", "đường/dẫn/tới/bài-báo"]),
    ("districtbook-en.pdf", "book/en/chapters", ["Contents", "Introduction", "Chapter 1", "Fig. 7.1:", "Main points", "Sources", "Budget revenue",
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
    assert len(images) == figures >= 6  # charts that answer a question; none about the extraction
    # nothing runs past the right margin of the text block; no page is blank
    bbox = _pdftotext(path, "-bbox")
    pages = list(re.finditer(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', bbox, re.S))
    margins = []
    for n, page in enumerate(pages, 1):
        words = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', page.group(2))
        assert words, f"{pdf}: page {n} has no text"
        margins += [(float(x), w, n) for x, w in words]
    right = max(x for x, _, _ in margins)
    assert right <= float(pages[0].group(1)) - 60, [m for m in margins if m[0] > float(pages[0].group(1)) - 60][:5]
    # metric keys appear only in the data dictionary, never in reader chapters
    from districtbook.extraction.metrics import METRICS

    keys = re.compile(r"\b(?:" + "|".join(sorted((k for k in METRICS if "_" in k), key=len, reverse=True)) + r")\b")
    skipping = False
    for n, page_text in enumerate(_pdftotext(path).split("\f"), 1):
        if re.search(r"^(?:Chương|Chapter) \d+\s*$", page_text, re.M):  # a chapter starts on this page
            skipping = bool(re.search(r"^(?:Chương|Chapter) \d+\s*\n+\s*(?:Từ điển dữ liệu|Data dictionary)", page_text, re.M))
        if skipping:
            continue
        found = keys.findall(page_text)
        assert not found, (pdf, n, found[:5])


@pytest.mark.slow
def test_pdf_spells_vietnamese_and_holds_the_chart(built_project):
    pdf = built_project / "_build/pdf/districtbook.pdf"
    text = _pdftotext(pdf, "-layout")
    for word in ("Tây Hồ", "Đống Đa", "tỷ đồng", "Nguồn dữ liệu", "Mục lục", "Chương"):
        assert word in text, word
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [ln for ln in images.splitlines()[2:] if ln.split()[2:3] == ["image"]]
    assert rows, "the chapter chart is not in the PDF"
    # the first chart is the budget chapter's progress to plan (the Sources chapter has a table, no chart)
    chart_page = int(rows[0].split()[0])
    page_text = subprocess.run(["pdftotext", "-f", str(chart_page), "-l", str(chart_page), str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
    assert "kế hoạch năm" in page_text


def test_site_pages_lists_both_editions(tmp_path):
    for rel in ("index.html", "book/intro.html", "en/book/intro.html", "_static/x.html", "genindex.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html></html>")
    assert site_pages(tmp_path) == ["book/intro.html", "en/book/intro.html", "index.html"]


#: What a reader-facing sentence never contains, in either edition (a newsroom's checks, automated).
_NOT_FOR_READERS = {
    "an ISO date": re.compile(r"(?<![\d/])(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)"),
    "a snake_case key outside code": re.compile(r"(?<![`\w])[a-z]+_[a-z_]+(?![`\w])"),
    "a percentage after x/x": re.compile(r"(?<![\d.,])(\d+)/\1(?!\d)[,;]? (?:tức|i\.e\.|that is) 100"),
    "a doubled full stop": re.compile(r"(?<!\.)\.\.(?!\.)"),
    # issue 20: "từ 90 đảng viên trở lên" is never "hơn 90"; a count of targets is never turned into a per cent
    "'hơn' before 'trở lên'": re.compile(r"\bhơn \d[\d.,]*(?: \w+){0,3} trở lên"),
    "a per cent after a count of targets": re.compile(r"\d+/\d+ (?:chỉ tiêu|targets)[^.;\[]*(?:tức|i\.e\.) \d"),
    "a label-first main point": re.compile(r"^- (?:Tây Hồ|Đống Đa|Hoàng Mai|Ba Đình|Long Biên): "),
}


def _reader_sentences(nb: Path) -> list[str]:
    """The Markdown the chapter shows (its outputs), line by line, without the download links' file names."""
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(o.get("data", {}).get("text/markdown", "")) for c in cells for o in c.get("outputs", []))
    text = re.sub(r"\{download\}`[^`]*`|\]\([^)]*\)|!\[[^\]]*\]|<[^>]+>", "", text)
    return [ln for ln in text.splitlines() if ln.strip()]


def _unbalanced(line: str) -> bool:
    plain = line.replace("\\[", "[").replace("\\]", "]").replace("\\(", "(").replace("\\)", ")")
    return any(plain.count(a) != plain.count(b) for a, b in ("()", "[]", "“”"))


@pytest.mark.slow
def test_no_reader_sentence_holds_code_like_text(built_project):
    chapters = sorted((built_project / "book/chapters").glob("*.ipynb")) + \
        sorted((built_project / "book/en/chapters").glob("*.ipynb"))
    assert len(chapters) >= 10
    problems = []
    for nb in chapters:
        for line in _reader_sentences(nb):
            problems += [f"{nb.relative_to(built_project)}: {what}: {line[:160]}"
                         for what, pattern in _NOT_FOR_READERS.items() if pattern.search(line)]
            if _unbalanced(line):
                problems.append(f"{nb.relative_to(built_project)}: unbalanced brackets or quotes: {line[:160]}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("pattern, bad", [
    ("an ISO date", "Tây Hồ [000 · Báo · 2024-10-12]"), ("a snake_case key outside code", "mức budget_revenue"),
    ("a percentage after x/x", "đạt 21/21, tức 100%"), ("a doubled full stop", "nhiệm vụ..”"),
    ("'hơn' before 'trở lên'", "kết nạp mới hơn 90 đảng viên trở lên"),
    ("a per cent after a count of targets", "hoàn thành 12/16 chỉ tiêu, tức 75%"),
    ("a label-first main point", "- Tây Hồ: thu ngân sách nhà nước trong 9 tháng năm 2024 ước 2.511 tỷ đồng"),
])
def test_the_reader_text_checks_catch_what_they_name(pattern, bad):
    assert _NOT_FOR_READERS[pattern].search(bad)
    assert not _NOT_FOR_READERS[pattern].search("Tây Hồ [000 · Báo · 12/10/2024] đạt 21/21 và 12/16, tức 75%… `budget_revenue`")
