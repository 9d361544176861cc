"""A maintainer's corrections: ``seeds/corrections.yml`` confirms or corrects a figure's place, period, basis or
metric, keyed by the article's content hash (SHA-256 of the file) and the quote's offsets::

    - article: 000_ebee602fe4335fbd.txt   # for the reader; the hash is the key
      sha256: 5b1c…                        # SHA-256 of the article file the correction was made for
      start: 851
      end: 864
      period: 2024-9M                      # any of district, level, period, basis, metric; none: confirmed as is

The book uses the corrected values and marks the figure "checked" (its place and period are then not weak). A
correction whose article changed since (no article has its hash any more) is never applied: a warning names the
file and the figure, so the maintainer looks again.
"""
from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

FILE_NAME = "corrections.yml"
FIELDS = ("district", "level", "period", "basis", "metric")


class CorrectionWarning(UserWarning):
    """A correction that could not be applied (its article changed, or no figure is at its offsets)."""


@dataclass(frozen=True)
class Correction:
    sha256: str
    start: int
    end: int
    article: str = ""
    values: dict[str, str] = field(default_factory=dict)


def read(folder: Path | str) -> list[Correction]:
    """The corrections of a seeds folder (none when it has no ``corrections.yml``)."""
    import yaml

    path = Path(folder) / FILE_NAME
    if not path.is_file() or path.is_symlink():  # like an article, a link is never followed
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: a list of corrections expected")
    out = []
    for i, item in enumerate(data, 1):
        try:
            values = {k: str(item[k]) for k in FIELDS if k in item}
            out.append(Correction(str(item["sha256"]), int(item["start"]), int(item["end"]), str(item.get("article", "")),
                                  values))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: correction {i} needs sha256, start and end ({exc})") from None
    return out


def _articles(folder: Path | str) -> dict[str, str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in sorted(Path(folder).glob("*.txt"))}


def stale(folder: Path | str, found: list[Correction] | None = None, by_sha: dict[str, str] | None = None) -> list[str]:
    """The corrections no article has the hash of any more, each in a sentence naming the file (the build logs
    them; loading the figure table warns)."""
    found = read(folder) if found is None else found
    by_sha = _articles(folder) if by_sha is None and found else (by_sha or {})
    out = []
    for c in found:
        if c.sha256 in by_sha:
            continue
        why = "its article changed since (no article has its SHA-256 any more)" if c.article and \
            (Path(folder) / c.article).is_file() else "no article has its SHA-256"
        out.append(f"{FILE_NAME}: the correction of {c.article or c.sha256[:12]} at {c.start}-{c.end} is not applied: "
                   f"{why}; check the figure again and update the hash")
    return out


def apply(df: pd.DataFrame, folder: Path | str) -> pd.DataFrame:
    """The figure table with the folder's corrections applied and the corrected or confirmed figures marked
    ``checked`` ("yes"); a correction that cannot be applied is reported (:class:`CorrectionWarning`), never applied."""
    df = df.assign(checked="") if "checked" not in df.columns else df
    found = read(folder)
    if not found:
        return df
    df = df.copy()
    by_sha = _articles(folder)
    for message in stale(folder, found, by_sha):
        warnings.warn(message, CorrectionWarning, stacklevel=2)
    for c in found:
        doc = by_sha.get(c.sha256)
        what = f"{FILE_NAME}: the correction of {c.article or c.sha256[:12]} at {c.start}-{c.end}"
        if doc is None:
            continue
        hit = (df["doc"] == doc) & (df["start"].astype(int) == c.start) & (df["end"].astype(int) == c.end)
        if not hit.any():
            warnings.warn(f"{what} is not applied: {doc} has no figure at these offsets", CorrectionWarning,
                          stacklevel=2)
            continue
        for k, v in c.values.items():
            df.loc[hit, k] = v
        df.loc[hit, "checked"] = "yes"
        if "weak" in df.columns:
            df.loc[hit, "weak"] = ""  # a person has read the figure: neither its place nor its period is a guess
    return df
