"""The static type checker over the whole package, as ``pyproject.toml`` configures it (``[tool.mypy]``: every
module checked; the strict flags on the layers typed through: base, reading, building, checks and the CLI)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error():
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(ROOT / "_build" /
                           ".mypy_cache")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_mypy_sees_a_type_error(tmp_path):
    """The check can fail: a module that returns a str where it declares an int."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f() -> int:\n    return 'x'\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(tmp_path / "c"),
                           "--config-file", str(ROOT / "pyproject.toml"), str(bad)], cwd=tmp_path, capture_output=True,
                          text=True)
    assert proc.returncode == 1 and "Incompatible return value type" in proc.stdout
