"""The package's layers, as folders: a module imports only its own layer and the layers below it.

base → reading → extraction → analysis → rendering → chapters → building → checks → the CLI.  A test that
fails here names the module, the line and the layer it reached up to."""
from __future__ import annotations

import ast
from pathlib import Path

import districtbook

PACKAGE = Path(districtbook.__file__).resolve().parent
ORDER = ("base", "reading", "extraction", "analysis", "rendering", "chapters", "building", "checks")
TOP = len(ORDER)  # cli.py, __init__.py, __main__.py


def _layer(dotted: str) -> int:
    parts = dotted.split(".")
    if parts[0] != "districtbook":
        return -1  # not the package: no constraint
    if len(parts) == 1:
        return TOP
    return ORDER.index(parts[1]) if parts[1] in ORDER else TOP


def _module(path: Path, package: Path = PACKAGE) -> str:
    rel = path.relative_to(package.parent).with_suffix("")
    return ".".join(p for p in rel.parts if p != "__init__")


def _imports(path: Path, package: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (at the top or inside a function), as absolute dotted names."""
    here = _module(path, package).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if node.module is None or target == "districtbook":  # from districtbook import x: x is the module
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return sorted(found)


def upward_imports(package: Path = PACKAGE) -> list[str]:
    bad = []
    for path in sorted(package.rglob("*.py")):
        own = _layer(_module(path, package))
        for line, target in _imports(path, package):
            if _layer(target) > own:
                bad.append(f"{path.relative_to(package)}:{line} imports {target} (layer above)")
    return bad


def test_every_module_lives_in_a_layer_folder():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py", "cli.py"))
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file())
    assert not loose, loose
    assert folders == sorted(ORDER), folders
    for name in ORDER:
        assert ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8"))), name


def test_no_module_imports_a_layer_above_its_own():
    assert upward_imports() == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The check itself can fail: a base module importing the chapters (lazily, relative) or rendering is caught."""
    fake = tmp_path / "districtbook"
    (fake / "base").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "base" / "__init__.py").write_text('"""x"""\n')
    (fake / "base" / "m.py").write_text("def f():\n    from ..chapters import intro\n"
                                        "from districtbook.rendering import prose\nfrom . import paths\n")
    assert upward_imports(fake) == ["base/m.py:2 imports districtbook.chapters (layer above)",
                                    "base/m.py:3 imports districtbook.rendering (layer above)"]
