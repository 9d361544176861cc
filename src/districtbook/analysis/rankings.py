"""Rankings among peers: for each measure and period that three or more places of one level report on a common
footing, the places in order of their value.  Language-neutral records; the comparison chapter renders them.

A common footing: the same metric, unit, basis, period (the same label: nine months are never set beside a
year) and yearly rate or not; only strong figures (:func:`dataset.strong`), results rather than goals
(:func:`findings.expected`), no x/y counts (21/21 and 3/3 count different things) nor shares of a place's own
targets, no floors ("hơn 3.000": any
amount above it).  A place that reports two
different values for one footing is left out of that ranking (the articles disagree; the Figures chapter shows
both), and an amount whose places lie more than ten times apart is no ranking (:func:`dataset.implausible`:
one of them is likely a part of the measure, or another measure)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from districtbook.analysis.dataset import implausible, strong
from districtbook.analysis.findings import LOWER_BOUNDS, expected

#: which levels are peers: a city of a province (with a parent) ranks with districts
_PEERS = {"district": "district", "city": "province", "province": "province", "ward": "ward"}
#: fewer places than this make a pair, which the comparison's first part handles with its own checks
MIN_PLACES = 3


@dataclass(frozen=True)
class Ranking:
    peers: str  # district, province or ward
    metric: str
    unit: str
    basis: str
    period: str
    per_year: str
    rows: tuple[dict, ...]  # one figure per place, highest value first

    @property
    def key(self) -> tuple[str, ...]:
        return (self.peers, self.metric, self.unit, self.basis, self.period, self.per_year)


def peers_of(row: dict) -> str:
    """A figure's peer group: its place's level, a city within a province counting as a district.

    >>> peers_of({"level": "city", "parent": ""}), peers_of({"level": "district"}), peers_of({"level": "region"})
    ('province', 'district', '')
    """
    return _PEERS.get(str(row.get("level", "")), "")


def rankings(df: pd.DataFrame, min_places: int = MIN_PLACES) -> list[Ranking]:
    """Every ranking the figure table supports, in a stable order (peers, metric, period)."""
    usable = strong(df)
    groups: dict[tuple[str, ...], dict[str, list[dict]]] = {}
    for row in usable.to_dict("records"):
        if row["unit"] == "ratio" or expected(row) or not peers_of(row) or row.get("qualifier") in LOWER_BOUNDS \
                or str(row["metric"]).startswith("targets_"):  # each place's own targets: no common yardstick
            continue  # a floor ("hơn 3.000") has no place in an order: the amount may be any above it
        footing = (peers_of(row), str(row["metric"]), str(row["unit"]), str(row["basis"]), str(row["period"]),
                   str(row.get("per_year", "")))
        groups.setdefault(footing, {}).setdefault(row["district"], []).append(row)
    out = []
    for key, by_place in sorted(groups.items()):
        one = [rows[0] for rows in by_place.values() if len({r["value"] for r in rows}) == 1]
        values = [r["value"] for r in one]
        if len(one) >= min_places and not implausible(min(values), max(values), key[2]):
            ordered = sorted(one, key=lambda r: (-r["value"], str(r["district"])))
            peers, metric, unit, basis, period, yearly = key
            out.append(Ranking(peers, metric, unit, basis, period, yearly, rows=tuple(ordered)))
    return out
