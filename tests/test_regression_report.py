"""The nbval failure report's text, without a kernel (the end-to-end check is in test_book_end_to_end)."""
from __future__ import annotations

from districtbook.building.nbval_report import REFRESH, Difference, describe, summary


def test_a_changed_output_is_shown_as_published_and_as_produced_now():
    text = describe("book/chapters/budget.ipynb", 4, "\nviews.topic_table(figures)\n",
                    {"text/markdown": ["2.511 tỷ đồng"], "text/plain": ["2.511"]},
                    {"text/markdown": ["2.611 tỷ đồng"], "text/plain": ["2.611"]})
    lines = text.splitlines()
    assert lines[0] == ("published chapter book/chapters/budget.ipynb, cell 4 (`views.topic_table(figures)`) "
                        "no longer matches what the chapter produces now")
    assert lines[1:5] == ["--- published (book/chapters/budget.ipynb, text/markdown):", "2.511 tỷ đồng",
                          "+++ produced now (text/markdown):", "2.611 tỷ đồng"]
    assert lines[-1] == "(also differs: text/plain)"


def test_a_cell_that_now_raises_shows_the_exception():
    text = describe("book/chapters/x.ipynb", 2, "f()", {"text/plain": ["1"]}, None, "KeyError: 'Tây Hồ'")
    assert "produced now: the cell raised an exception\nKeyError: 'Tây Hồ'" in text


def test_long_outputs_get_a_labelled_diff():
    old = [f"dòng {i}" for i in range(10)]
    new = [*old[:5], "dòng mới", *old[6:]]
    text = describe("c.ipynb", 1, "x", {"stdout": ["\n".join(old)]}, {"stdout": ["\n".join(new)]})
    assert "--- published\n+++ produced now\n" in text and "-dòng 5\n+dòng mới" in text


def test_the_summary_ends_with_the_refresh_command():
    lines = summary([Difference("book/en/chapters/growth.ipynb", 7, "")])
    assert lines[1] == "  book/en/chapters/growth.ipynb: cell 7"
    assert lines[-1] == "  " + REFRESH and REFRESH.startswith("make book")
