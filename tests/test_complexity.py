"""A gate on how hard each function is to change: cyclomatic complexity (radon) and length, with the exceptions
listed, each with its reason, in ``pyproject.toml`` (``[tool.districtbook.complexity]``)."""
from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from radon.complexity import cc_visit

import districtbook

PACKAGE = Path(districtbook.__file__).resolve().parent
CONFIG = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["districtbook"][
    "complexity"]


def measures(package: Path = PACKAGE) -> dict[str, tuple[int, int]]:
    """``folder/module.py:function`` (methods as ``Class.method``) -> (complexity, lines)."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = {}
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines[node.lineno] = node.end_lineno - node.lineno + 1
        for block in cc_visit(source):
            items = [block] if not hasattr(block, "methods") else block.methods
            for f in items:
                name = f"{f.classname}.{f.name}" if getattr(f, "classname", None) else f.name
                out[f"{rel}:{name}"] = (f.complexity, lines.get(f.lineno, 0))
    return out


def over_limits(found: dict[str, tuple[int, int]]) -> dict[str, str]:
    limit, longest = CONFIG["max_complexity"], CONFIG["max_lines"]
    return {k: f"complexity {cc}, {n} lines" for k, (cc, n) in found.items() if cc > limit or n > longest}


def test_no_function_over_the_limits_unless_listed_with_its_reason():
    over = over_limits(measures())
    unlisted = {k: v for k, v in over.items() if k not in CONFIG["exceptions"]}
    assert not unlisted, f"over complexity {CONFIG['max_complexity']} or {CONFIG['max_lines']} lines: {unlisted}"


def test_every_listed_exception_is_still_over_a_limit():
    """A function split below the limits leaves the list (it only shrinks)."""
    over = over_limits(measures())
    assert not [k for k in CONFIG["exceptions"] if k not in over]


def test_the_gate_measures_complexity_and_length(tmp_path):
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(30))
    (tmp_path / "m.py").write_text(f"def f(x):\n{branches}    return -1\n\ndef g():\n    return 1\n")
    found = measures(tmp_path)
    assert found["m.py:f"] == (31, 62) and found["m.py:g"] == (1, 2)
    assert over_limits(found) == {"m.py:f": "complexity 31, 62 lines"}


def module_names_bound_twice(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Per module, the names its top level binds more than once (a second regex or function of the same name silently
    replaces the first for every use above it, as a second ``_INDEX_BEFORE`` and a second ``_RANKED_AMONG`` once did)."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        names = []
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.append(node.name)
            elif isinstance(node, ast.Assign):
                names += [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.append(node.target.id)
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            out[path.relative_to(package).as_posix()] = twice
    return out


def test_no_module_binds_a_name_twice():
    assert module_names_bound_twice() == {}


def test_a_name_bound_twice_is_found(tmp_path):
    (tmp_path / "m.py").write_text("import re\n_A = re.compile('x')\ndef f():\n    return _A\n_A = re.compile('y')\n")
    assert module_names_bound_twice(tmp_path) == {"m.py": ["_A"]}
