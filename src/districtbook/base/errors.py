"""One exception base for the package, with subclasses that carry their context."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any
from pathlib import Path


def short(value: object, limit: int = 80) -> str:
    """A value as an error message may show it: a bounded repr (deep or huge values cut), never
    the whole of something a user or an article supplied.

    >>> short("x" * 500)[:10], len(short("x" * 500)) <= 80, short([[[[[[[[1]]]]]]]])
    ("'xxxxxxxxx", True, '[[[[[[...]]]]]]')
    """
    import reprlib

    r = reprlib.Repr()
    r.maxlevel, r.maxlist, r.maxdict, r.maxstring, r.maxother = 6, 6, 6, limit, limit
    text = r.repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


#: characters no file name of an article may hold: control and format characters (a newline, a
#: bidirectional override), line and paragraph separators, and bytes that are not UTF-8 (surrogates)
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def unsafe_name(name: str) -> bool:
    """Whether a file name holds a character that could forge a line of the log or reorder the text shown."""
    return any(unicodedata.category(ch) in _UNSAFE_CATEGORIES for ch in name)


def shown_name(name: str) -> str:
    r"""A file name as it may be shown: unsafe characters escaped (a byte that is not UTF-8 as ``\xNN``).

    >>> print(shown_name("a\nb\u202e.txt"), shown_name("Tây Hồ.txt"), shown_name("x\udcff.txt"))
    a\nb\u202e.txt Tây Hồ.txt x\xff.txt
    """
    out = []
    for ch in name:
        if unicodedata.category(ch) not in _UNSAFE_CATEGORIES:
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


class DistrictbookError(Exception):
    """Base of every error districtbook raises on purpose; the CLI prints it and exits 2."""


class ArticleError(DistrictbookError):
    """An article that cannot be read: names the file and what was expected."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{shown_name(self.path.name)}: {problem}")  # a newline never forges a line


class ParameterError(DistrictbookError):
    """A bad parameter: names it, says what was given and what is allowed."""

    def __init__(self, name: str, problem: str, allowed: Iterable[object] | str | None = None):
        name = name if len(name) <= 80 else name[:79] + "…"
        self.name = name
        self.problem = problem
        if allowed is None:
            self.allowed = None
        elif isinstance(allowed, str):
            self.allowed = allowed
        else:
            self.allowed = ", ".join(str(a) for a in allowed)
        message = f"parameter '{name}': {problem}"
        if self.allowed:
            message += f" (allowed: {self.allowed})"
        super().__init__(message)


class ManifestError(DistrictbookError):
    """The book manifest is malformed: names the entry and the key."""


class BuildError(DistrictbookError):
    """A chapter failed to execute or the book failed to compile; the previous book is kept."""


class ChapterError(BuildError):
    """A chapter's notebook raised: names the template, the cell (execution count) and the exception.

    >>> import pickle
    >>> str(pickle.loads(pickle.dumps(ChapterError("sources.ipynb", 3, "RuntimeError", "chapter broke"))))
    'sources.ipynb: cell 3 failed: RuntimeError: chapter broke'
    """

    def __init__(self, template: str, cell: int | None, ename: str, evalue: str):
        self.template, self.cell, self.ename, self.evalue = template, cell, ename, evalue
        where = f"cell {cell}" if cell is not None else "the kernel"
        super().__init__(f"{template}: {where} failed: {ename}: {evalue}")

    def __reduce__(self) -> tuple[Any, ...]:  # it crosses from a worker process to the build: pickle the fields, not the message
        return (type(self), (self.template, self.cell, self.ename, self.evalue))
