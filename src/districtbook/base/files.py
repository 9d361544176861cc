"""Files the package writes: whole or not at all (:func:`atomic_output`), tables a spreadsheet opens safely
(:func:`write_csv`), and the note of each file a chapter writes (:func:`record_asset`)."""
from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pandas as pd


@contextlib.contextmanager
def atomic_output(dest: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file written whole or not at all: ``dest`` appears (or is replaced) only when the ``with`` block
    ends without an exception; the previous file is untouched otherwise.

    The text goes to an anonymous file in ``dest``'s folder (``O_TMPFILE``: it has no name, so no signal,
    not even SIGKILL, can leave a partial file behind), which is given a name beside ``dest`` and renamed
    over it at the end.  Where the file system has no ``O_TMPFILE``, a hidden ``.NAME.PID.tmp`` is used
    and removed on any exception (SIGINT and SIGTERM are exceptions under ``procs.children_die_with_us``)."""
    dest = Path(dest)
    folder = dest.parent
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(folder, os.O_TMPFILE | os.O_RDWR | os.O_CLOEXEC, 0o666)
        anonymous = True
    except OSError as exc:
        if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            raise
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, 0o666)
        anonymous = False
    try:
        with os.fdopen(fd, "w+", encoding=encoding, newline="") as out:
            yield out
            out.flush()
            if anonymous:
                _name(out.fileno(), tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)



def _name(fd: int, path: Path) -> None:
    """Give the anonymous file ``fd`` the name ``path``: a link where the kernel allows one through /proc (not
    in every sandbox: "Invalid cross-device link"), else a copy of its bytes (the only moment a SIGKILL could
    leave ``path`` behind; SIGINT and SIGTERM still remove it)."""
    try:
        os.link(f"/proc/self/fd/{fd}", path, follow_symlinks=True)
        return
    except OSError:
        pass
    with open(path, "xb") as named:
        os.lseek(fd, 0, os.SEEK_SET)
        while chunk := os.read(fd, 1 << 20):
            named.write(chunk)



def recorded(path: Path) -> bool:
    """Whether this execution wrote ``path`` already: its name is in the asset log (with no log, a ``run`` of a
    chapter outside a build: whether it exists)."""
    log_file = os.environ.get("DISTRICTBOOK_ASSET_LOG")
    if not log_file:
        return path.exists()
    try:
        return path.name in Path(log_file).read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return False


def record_asset(path: Path) -> Path:
    """Note a file a chapter wrote (the build caches it with the chapter)."""
    log_file = os.environ.get("DISTRICTBOOK_ASSET_LOG")
    if log_file:
        with open(log_file, "a", encoding="utf-8") as f:
            f.write(path.name + "\n")
    return path


#: what makes a spreadsheet read a cell as a formula (OWASP, "CSV injection"): its first character
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a cell that is a plain number ("-2.6", "+5", "1e-3") is a number to a spreadsheet, never a formula
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell a spreadsheet cannot run: text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return gets a ``'`` in front (the OWASP rule); numbers, and text that is a plain number, stay.

    >>> [spreadsheet_safe(v) for v in ("=2+3+cmd|' /C calc'!A0", "@SUM(A1)", "-2.6", -2.6, "+5", "-1+2", "Tây Hồ")]
    ["'=2+3+cmd|' /C calc'!A0", "'@SUM(A1)", '-2.6', -2.6, '+5', "'-1+2", 'Tây Hồ']
    """
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """Write a table the book publishes for download as CSV: every text cell :func:`spreadsheet_safe`
    (article text, titles, outlets and file names come from the articles), numeric columns as they are."""
    import csv

    safe = df.copy()
    carriage_return = False
    for col in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[col]):  # object or str columns: text (numbers stay)
            safe[col] = [spreadsheet_safe(v) for v in safe[col]]
            carriage_return |= any(isinstance(v, str) and "\r" in v for v in safe[col])
    path.parent.mkdir(parents=True, exist_ok=True)
    # Python's csv quotes a field holding "\n" but not one holding a lone "\r" (lines end in "\n" here), which
    # a reader takes for the end of a row: such a table has every field quoted
    safe.to_csv(path, index=False, encoding="utf-8", lineterminator="\n",
                quoting=csv.QUOTE_ALL if carriage_return else csv.QUOTE_MINIMAL)
    return path
