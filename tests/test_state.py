"""No hidden state in the package: nothing writes the process's environment, no ``global`` statement, and no
module-level container is changed after import (the list of exceptions is empty; an entry would need the reason
it must be process-wide).  Memoised pure functions (``functools.cache`` over read-only data, ``dataset.load``
returning a copy) are not state: the same arguments give the same answer.  What a chapter's kernel must know comes in explicitly (``execute.kernel_environment``, given to
the kernel it starts); validation returns values and changes nothing."""
from __future__ import annotations

import ast
from pathlib import Path

import districtbook

PACKAGE = Path(districtbook.__file__).resolve().parent

#: module-level state that is process-wide by nature, and why
ALLOWED: dict[str, str] = {}
_MUTATORS = {"add", "append", "extend", "insert", "update", "pop", "popitem", "clear", "setdefault", "remove",
             "discard", "sort", "reverse", "__setitem__", "__delitem__"}
_CONTAINER_CALLS = {"dict", "list", "set", "defaultdict", "Counter", "OrderedDict", "deque", "bytearray"}


def _name(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else ""


def _is_environ(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and _name(node.value) == "os"


def _containers(tree: ast.Module) -> set[str]:
    """Names bound at module level to a mutable container (a display, a comprehension or a container call)."""
    names = set()
    for node in tree.body:
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and (_name(value.func) or getattr(value.func, "attr", "")) in _CONTAINER_CALLS)
        if mutable:
            names |= {_name(t) for t in targets if _name(t)}
    return names


def findings(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        state = _containers(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{rel}:{node.lineno} global {', '.join(node.names)}")
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Subscript) and _is_environ(t.value):
                        found.append(f"{rel}:{node.lineno} writes os.environ")
                    elif isinstance(t, ast.Subscript) and _name(t.value) in state and \
                            f"{rel}:{_name(t.value)}" not in ALLOWED:
                        found.append(f"{rel}:{node.lineno} changes module-level {_name(t.value)}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner, method = node.func.value, node.func.attr
                if _is_environ(owner) and method in _MUTATORS or _name(owner) == "os" and method in ("putenv", "unsetenv"):
                    found.append(f"{rel}:{node.lineno} writes os.environ")
                elif _name(owner) in state and method in _MUTATORS and f"{rel}:{_name(owner)}" not in ALLOWED:
                    found.append(f"{rel}:{node.lineno} changes module-level {_name(owner)}")
    return sorted(found, key=lambda s: (s.split(":")[0], int(s.split(":")[1].split()[0])))


def test_no_environment_writes_globals_or_changed_module_state():
    assert findings() == []


def test_every_allowed_state_still_exists():
    """The list shrinks with the code: an entry whose name is gone is removed from it."""
    for entry in ALLOWED:
        rel, name = entry.split(":")
        assert name in _containers(ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))), entry


def test_the_check_sees_each_kind_of_hidden_state(tmp_path):
    (tmp_path / "m.py").write_text(
        "import os\nCACHE = {}\nSEEN: set[str] = set()\nWORDS = {'a': 1}\nflag = False\n"
        "def f(k):\n    global flag\n    os.environ['X'] = k\n    os.environ.update(Y=k)\n    CACHE[k] = 1\n"
        "    SEEN.add(k)\n    return WORDS[k]\n", encoding="utf-8")
    assert findings(tmp_path) == ["m.py:7 global flag", "m.py:8 writes os.environ", "m.py:9 writes os.environ",
                                  "m.py:10 changes module-level CACHE", "m.py:11 changes module-level SEEN"]
