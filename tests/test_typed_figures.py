"""Typed figures (issue 17): the figure table's labels and numbers are parsed in one place.

:func:`districtbook.analysis.dataset.typed` (called by the reader, :func:`~districtbook.analysis.dataset.load`) gives
every figure its typed fields: ``when``, the :class:`~districtbook.extraction.periods.Period` its ``period`` label
names, and ``value``/``denominator`` as numbers.  Everything downstream (findings, charts, prose, the chapters)
reads those fields: no ``Period.parse`` (called, or passed as a function: ``.map(Period.parse)``) outside
``extraction/periods.py`` (where labels are made and parsed) and the reader, and no ``float(...)`` of a figure field
(``row["value"]``, ``row.get("denominator")``, ``f.value``, ``g["value"].iloc[0]``) outside the reader.

The one exception, named with its reason: the extractor's ``_period_of``, which types the labels
``extraction/periods.py`` hands it (its marks are labels), once per label, so that its resolvers never parse a label
they made again.  A test here feeds the check sources that break each rule, so that it is known to fail."""
from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd

import districtbook
from districtbook.analysis import dataset, findings

PACKAGE = Path(districtbook.__file__).resolve().parent
#: where the figure table's labels and numbers may be parsed (paths relative to the package)
PARSERS = ("extraction/periods.py", "analysis/dataset.py")
#: functions elsewhere that may call Period.parse, with the reason
EXCEPTIONS = {
    ("extraction/extract.py", "_period_of"): "the extractor types the labels periods.py's marks give it, once per label",
}
#: the figure fields that hold numbers
NUMBER_FIELDS = ("value", "denominator")


def _field_access(node: ast.AST) -> bool:
    """Whether ``node`` reads a numeric figure field: ``x["value"]``, ``x.get("value", …)``, ``x.value``, or one of
    these unboxed (``x["value"].iloc[0]``, ``.iat[0]``, ``.item()``)."""
    while True:
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr in ("iloc", "iat", "loc", "at"):
            node = node.value.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "item" \
                and not node.args:
            node = node.func.value
        else:
            break
    if isinstance(node, ast.Subscript):
        key = node.slice
        return isinstance(key, ast.Constant) and key.value in NUMBER_FIELDS
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        key = node.args[0]
        return isinstance(key, ast.Constant) and key.value in NUMBER_FIELDS
    return isinstance(node, ast.Attribute) and node.attr in NUMBER_FIELDS


def _period_parse(node: ast.AST) -> bool:
    """``Period.parse`` (``periods.Period.parse`` too), called or passed on."""
    if not (isinstance(node, ast.Attribute) and node.attr == "parse"):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id == "Period") or \
        (isinstance(owner, ast.Attribute) and owner.attr == "Period")


def violations(source: str, path: str) -> list[str]:
    """Every parse of a figure field in ``source`` (the module at ``path``, relative to the package) that the rules
    forbid: ``path:line: what``."""
    out: list[str] = []
    parser = path in PARSERS

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        if _period_parse(node) and not parser and (path, function) not in EXCEPTIONS:
            out.append(f"{path}:{node.lineno}: Period.parse outside the reader (in {function or 'the module'})")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float" \
                and node.args and _field_access(node.args[0]) and path != "analysis/dataset.py":
            out.append(f"{path}:{node.lineno}: float() of a figure field outside the reader: {ast.unparse(node)}")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source), "")
    return out


def package_violations(package: Path = PACKAGE) -> list[str]:
    out = []
    for file in sorted(package.rglob("*.py")):
        out += violations(file.read_text(encoding="utf-8"), file.relative_to(package).as_posix())
    return out


def test_figure_fields_are_parsed_only_by_the_reader():
    assert package_violations() == []


def test_the_check_fails_on_each_forbidden_parse():
    bad = '''
from districtbook.extraction import periods
from districtbook.extraction.periods import Period

def chart(f, row, rows, g):
    p = Period.parse(f.period)
    q = periods.Period.parse(row["period"])
    ps = rows["period"].map(Period.parse)
    a, b = float(row["value"]), float(row.get("denominator", 0))
    c, d = float(f.value), float(g["value"].iloc[0])
    return float(len(rows)), float(row["start"])  # not a numeric figure field: allowed
'''
    found = violations(bad, "rendering/charts.py")
    assert [v.split(":")[1] for v in found] == ["6", "7", "8", "9", "9", "10", "10"], found
    assert all("Period.parse" in v for v in found[:3]) and all("float()" in v for v in found[3:])
    # the reader may do both; periods.py may parse; the named exception may parse, nothing else in its module
    assert violations(bad, "analysis/dataset.py") == []
    assert len(violations(bad, "extraction/periods.py")) == 4  # its floats are still no figure fields of its own
    excepted = "def _period_of(label):\n    return Period.parse(label)\n\ndef _other(label):\n    return Period.parse(label)\n"
    assert [v.split(":")[1] for v in violations(excepted, "extraction/extract.py")] == ["5"]


def test_the_reader_types_every_figure():
    df = dataset.typed(pd.DataFrame({"period": ["2024-9M", "", "2020-2025"], "value": ["2511", 89, 1.5],
                                     "denominator": ["", 16, None]}))
    assert [str(p) if p else None for p in df[dataset.WHEN]] == ["2024-9M", None, "2020-2025"]
    assert df["value"].tolist() == [2511.0, 89.0, 1.5] and df["denominator"].isna().tolist() == [True, False, True]
    assert dataset.period_of(df.iloc[0]).months == 9
    # a finding carries the period its figures' typed fields give it, never a label to parse again
    rows = [dataset.figure_row(doc="a.txt", district="Tây Hồ", metric="budget_revenue", value=v, unit="VND_bn",
                               denominator=float("nan"), period=p, basis="none", qualifier="actual", quote="", start=i,
                               end=i, kind="indicator", published="2024-10-20", weak="", unfit="")
            for i, (v, p) in enumerate([(1647.0, "2024-H1"), (2511.0, "2024-9M")])]
    found = findings.collect(pd.DataFrame(rows))
    assert found and all(f.when is not None and str(f.when) == f.period for f in found)
