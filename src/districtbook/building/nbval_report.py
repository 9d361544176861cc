"""nbval as a regression gate a maintainer can read (a pytest plugin; the project's ``conftest.py`` loads it).

``pytest --nbval book/chapters ...`` re-executes every published chapter and compares its outputs
with the committed ones.  nbval's own failure text is a bare assertion diff; this plugin replaces
it, for notebook cells only, by: the chapter file and cell, what was published and what the
chapter produces now (labelled, with a diff), and -- as the very last lines of the run -- the
command that refreshes the baseline when the change is intended.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import pytest

REFRESH = "make book    # then review `git diff book/` and commit book/ (`git add book/ && git commit`)"
_MAX_LINES = 40
_ORDER = ("error", "stdout", "stderr", "text/markdown", "text/html", "text/plain")


def _PRIORITY(kind: str) -> tuple[int, str]:
    return (_ORDER.index(kind) if kind in _ORDER else len(_ORDER), kind)


@dataclass(frozen=True)
class Difference:
    chapter: str
    cell: int
    source: str


def _is_nbval(item: Any) -> bool:
    return type(item).__name__ == "IPyNbCell" and hasattr(item, "cell") and hasattr(item, "cell_num")


def _texts(item: Any, outputs: list[Any] | None) -> dict[str, list[str]]:
    """The outputs nbval compares, by kind (stdout, text/plain, text/markdown...), after its sanitising."""
    out: dict[str, list[str]] = {}
    skip = set(getattr(item.parent, "skip_compare", ()))
    for o in outputs or []:
        if o.get("output_type") == "stream":
            out.setdefault(o.get("name", "stream"), []).append(item.sanitize("".join(o.get("text", ""))))
        elif o.get("output_type") == "error":
            out.setdefault("error", []).append(f"{o.get('ename')}: {o.get('evalue')}")
        for mime, value in (o.get("data") or {}).items():
            if mime in skip or mime.startswith("image/"):
                continue
            text = value if isinstance(value, str) else "".join(value) if isinstance(value, list) else str(value)
            out.setdefault(mime, []).append(item.sanitize(text))
    return out


def _clip(text: str) -> str:
    lines = text.splitlines()
    if len(lines) <= _MAX_LINES:
        return text
    return "\n".join([*lines[:_MAX_LINES], f"... ({len(lines) - _MAX_LINES} more lines)"])


def describe(chapter: str, cell: int, source: str, published: dict[str, list[str]],
             produced: dict[str, list[str]] | None, error: str = "") -> str:
    """The failure text for one cell (a pure function, tested without a kernel)."""
    first = next((ln for ln in source.splitlines() if ln.strip()), "")
    lines = [f"published chapter {chapter}, cell {cell} (`{first}`) no longer matches what the chapter produces now"]
    if produced is None:  # the cell raised: there is no new output to show
        lines.append(f"--- produced now: the cell raised an exception\n{error.strip()}")
        return "\n".join(lines)
    differing = [k for k in sorted(published.keys() | produced.keys(), key=_PRIORITY)
                 if published.get(k) != produced.get(k)]
    if not differing:
        lines.append("(the outputs differ only in kinds nbval compares but this report does not show)")
    for kind in differing[:1]:  # the most readable kind; the others usually say the same
        old, new = "\n".join(published.get(kind, [])), "\n".join(produced.get(kind, []))
        lines.append(f"--- published ({chapter}, {kind}):\n{_clip(old) or '(nothing)'}")
        lines.append(f"+++ produced now ({kind}):\n{_clip(new) or '(nothing)'}")
        if max(len(old.splitlines()), len(new.splitlines())) > 3:
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "published", "produced now", lineterm="", n=1)
            lines.append("diff:\n" + _clip("\n".join(diff)))
    if differing[1:]:
        lines.append(f"(also differs: {', '.join(differing[1:])})")
    return "\n".join(lines)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Any:
    outcome = yield
    report = outcome.get_result()
    if not (_is_nbval(item) and report.when == "call" and report.failed):
        return
    chapter = item.fspath.relto(item.config.rootdir) or str(item.fspath)
    source = item.cell.source
    published = _texts(item, item.cell.get("outputs"))
    error = ""
    exc = call.excinfo.value if call.excinfo else None
    produced = _texts(item, item.test_outputs) if item.test_outputs is not None else None
    if exc is not None and "Cell outputs differ" not in str(exc):
        produced, error = None, f"{exc}\n{getattr(exc, 'inner_traceback', '') or ''}"
    report.longrepr = describe(chapter, item.cell_num, source, published, produced, error) + f"\n\nto refresh: {REFRESH}"
    report.user_properties.append((_PROPERTY, (chapter, item.cell_num, source)))


_PROPERTY = "districtbook-nbval-difference"
_FAILED = pytest.StashKey[list["Difference"]]()


class _Differences:
    """Gathers the differing cells from the reports where the run is reported: in the pytest process itself,
    or, under pytest-xdist, in the controller, which receives the workers' reports (with their properties)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for name, value in report.user_properties:
            if name == _PROPERTY:
                self.config.stash.setdefault(_FAILED, []).append(Difference(*tuple(value)))  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_Differences(config), "districtbook-nbval-differences")


def summary(failed: list[Difference]) -> list[str]:
    """The closing lines: which chapters differ, and the command that refreshes the baseline.

    >>> print("\\n".join(summary([Difference("book/chapters/a.ipynb", 3, ""), Difference("book/chapters/a.ipynb", 5, "")])))
    The published chapters differ from what the articles and the code produce now:
      book/chapters/a.ipynb: cells 3, 5
    If the change is intended (new or changed articles, a code change), refresh the baseline:
      make book    # then review `git diff book/` and commit book/ (`git add book/ && git commit`)
    """
    by_chapter: dict[str, list[int]] = {}
    for d in failed:
        by_chapter.setdefault(d.chapter, []).append(d.cell)
    return ["The published chapters differ from what the articles and the code produce now:",
            *(f"  {ch}: cell{'s' if len(cells) > 1 else ''} {', '.join(map(str, cells))}" for ch, cells in by_chapter.items()),
            "If the change is intended (new or changed articles, a code change), refresh the baseline:",
            f"  {REFRESH}"]


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """After pytest's own summary line: the run ends with what to do."""
    failed = config.stash.get(_FAILED, [])
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if failed and reporter is not None:
        reporter.write_line("")
        for line in summary(failed):
            reporter.write_line(line)
