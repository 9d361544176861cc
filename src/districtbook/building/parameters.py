"""Template parameters: inspect, convert, validate -- all before any kernel starts.

A template declares its parameters in the cell tagged ``parameters`` as
``name: type = default  # help``; papermill reads them.  This module turns CLI strings and
YAML values into those types and checks what a value means (a seeds folder that exists,
a district present in the data, a known language) with messages that name the parameter
and what is allowed.  The template's own validation cell calls :func:`check` too, so a run
through the papermill CLI gets the same checks and the same messages.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from districtbook.base import paths
from districtbook.base.errors import ParameterError, short
from districtbook.extraction.places import Place

#: A parameters file larger than this is refused before it is parsed.
MAX_YAML_BYTES = 64 * 1024
#: Aliases (``*name``) a parameters file may use, and the nodes its value may have once aliases are expanded.
MAX_YAML_ALIASES = 50
MAX_YAML_NODES = 10_000
#: How deep lists and mappings may nest in a parameters file (PyYAML composes nodes recursively: 30,000
#: nested brackets were a RecursionError and a traceback of 3,000 lines).
MAX_YAML_DEPTH = 50


class _BoundedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that stops at the ``MAX_YAML_ALIASES``-th alias (an alias bomb) and at the
    ``MAX_YAML_DEPTH``-th level of nesting, naming the line and column where it stopped."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_YAML_ALIASES:
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, f"more than {MAX_YAML_ALIASES} aliases",
                                                  event.start_mark)
        if self.depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"lists or mappings nested more than {MAX_YAML_DEPTH} deep",
                                              self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _expanded_nodes(value: Any, budget: int) -> int:
    """Nodes in ``value`` counting every reference (as a consumer expanding it would), up to ``budget`` + 1."""
    count, todo = 0, [value]
    while todo and count <= budget:
        v = todo.pop()
        count += 1
        if isinstance(v, dict):
            todo.extend(v.keys())
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    return count


def load_yaml(text: str, where: str) -> Any:
    """Parse YAML with bounded aliases and size; errors name ``where``, the line and the column."""
    try:
        value = yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ParameterError(where, f"not valid YAML: {at}{exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ParameterError(where, f"not valid YAML ({exc.__class__.__name__})") from None
    if _expanded_nodes(value, MAX_YAML_NODES) > MAX_YAML_NODES:
        raise ParameterError(where, f"the value has more than {MAX_YAML_NODES:,} items once its aliases are expanded")
    return value

LANGUAGES = ("vi", "en")
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str
    help: str


def template_path(template: str | Path) -> Path:
    """A template by path, or by name in ``notebooks/`` (``sources`` -> ``notebooks/sources.ipynb``)."""
    p = Path(template)
    candidates = [p, paths.notebooks_dir() / p, paths.notebooks_dir() / p.with_suffix(".ipynb")]
    for c in candidates:
        if c.is_file() and c.suffix == ".ipynb":
            return c
    known = sorted(t.stem for t in paths.notebooks_dir().glob("*.ipynb"))
    raise ParameterError("TEMPLATE", f"no template '{template}'", known)


@functools.lru_cache(maxsize=64)
def _inspect(path: str, mtime: float) -> tuple[Parameter, ...]:
    import papermill  # imported late: it is slow and only needed here

    found = papermill.inspect_notebook(path)
    return tuple(
        Parameter(name, str(p["inferred_type_name"]), str(p["default"]), str(p["help"]))
        for name, p in found.items()
    )


def declared(template: str | Path) -> tuple[Parameter, ...]:
    path = template_path(template)
    return _inspect(str(path), path.stat().st_mtime)


def convert(name: str, raw: str, type_name: str) -> Any:
    """Turn a CLI string into the declared type; never evaluates it as code.

    >>> convert("year", "2024", "int"), convert("ratio", "0,5", "float"), convert("flag", "yes", "bool")
    (2024, 0.5, True)
    >>> convert("year", "__import__('os')", "int")
    Traceback (most recent call last):
    ...
    districtbook.base.errors.ParameterError: parameter 'year': expected an integer, got "__import__('os')"
    """
    try:
        if type_name == "int":
            return int(raw)
        if type_name == "float":
            return float(raw.replace(",", "."))
        if type_name == "bool":
            low = raw.strip().lower()
            if low in ("true", "yes", "1", "on"):
                return True
            if low in ("false", "no", "0", "off"):
                return False
            raise ValueError
        if type_name in ("list", "dict"):
            if len(raw) > MAX_YAML_BYTES:
                raise ValueError
            value = load_yaml(raw, name)
            if not isinstance(value, _TYPES[type_name]):
                raise ValueError
            return value
    except ValueError:
        kinds = {"int": "an integer", "float": "a number", "bool": "true or false",
                 "list": "a YAML list", "dict": "a YAML mapping"}
        raise ParameterError(name, f"expected {kinds[type_name]}, got {short(raw)}") from None
    return raw


def _check_type(name: str, value: Any, type_name: str) -> Any:
    expected = _TYPES.get(type_name)
    if expected is None or isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
        return value
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise ParameterError(name, f"expected {type_name}, got {type(value).__name__} {short(value)}")


def read_yaml(path: str | Path) -> dict[str, Any]:
    """A YAML mapping of parameters: at most ``MAX_YAML_BYTES``, aliases bounded, errors with line and column."""
    p = Path(path)
    if not p.is_file():
        raise ParameterError("-f", f"parameters file {short(str(p))} does not exist")
    with open(p, "rb") as f:
        raw = f.read(MAX_YAML_BYTES + 1)
    if len(raw) > MAX_YAML_BYTES:
        raise ParameterError("-f", f"{short(p.name)} is larger than {MAX_YAML_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParameterError("-f", f"{short(p.name)} is not UTF-8 (invalid byte at offset {exc.start})") from None
    data = load_yaml(text, f"-f {p.name}")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParameterError("-f", f"'{p.name}' must be a YAML mapping of name: value")
    return data


def resolve(template: str | Path, raw: dict[str, str] | None = None, typed: dict[str, Any] | None = None) -> dict[str, Any]:
    """Validate CLI strings (``raw``) and typed values (``typed``, from YAML or the manifest).

    Returns the parameters to pass to papermill; raises :class:`ParameterError` on the first problem.
    """
    decl = {p.name: p for p in declared(template)}
    values: dict[str, Any] = {}
    for source, convert_str in ((typed or {}, False), (raw or {}, True)):
        for name, value in source.items():
            if name not in decl:
                raise unknown_parameter(name, template, decl)
            t = decl[name].type
            values[name] = convert(name, value, t) if convert_str and isinstance(value, str) else _check_type(name, value, t)
    return check(**values)


def unknown_parameter(name: str, template: str | Path, declared_names: Iterable[str]) -> ParameterError:
    return ParameterError(name, f"unknown parameter for template '{Path(str(template)).stem}'", sorted(declared_names))


#: the names an IPython kernel defines itself (never a parameter)
_KERNEL_NAMES = frozenset({"In", "Out", "get_ipython", "exit", "quit", "open"})


def reject_unknown(template: str, defined: Mapping[str, Any]) -> None:
    """The templates' first cell: a value papermill injected under a name the template does not declare
    (``-p distrct Đống Đa``) stops the chapter with ``districtbook run``'s message; papermill only warns.
    ``defined`` is the kernel's ``globals()``: IPython's own names, modules and functions are not parameters.

    >>> reject_unknown("sources", {"seeds": "seeds", "lang": "vi", "In": [], "_i1": ""})
    >>> reject_unknown("sources", {"seeds": "seeds", "lang": "vi", "distrct": "Tây Hồ"})
    Traceback (most recent call last):
    ...
    districtbook.base.errors.ParameterError: parameter 'distrct': unknown parameter for template 'sources' (allowed: lang, seeds)
    """
    import types

    decl = {p.name for p in declared(template)}
    for name, value in defined.items():
        if name.startswith("_") or name in _KERNEL_NAMES or name in decl or callable(value) \
                or isinstance(value, types.ModuleType):
            continue
        raise unknown_parameter(name, template, decl)


def validate(template: str, **values: Any) -> dict[str, Any]:
    """The templates' validation cell: the CLI's type and meaning checks, with the same messages,
    for a run that did not go through the CLI (the papermill CLI, or a notebook opened by hand)."""
    decl = {p.name: p for p in declared(template)}
    for name, value in values.items():
        if name in decl:
            _check_type(name, value, decl[name].type)
    # the notebook goes on with the value it was given: a district must be spelt as in the articles
    return check(exact=True, **values)


def seeds_folder(value: str | Path) -> Path:
    """The seeds folder a parameter names; relative paths are taken from the project root."""
    p = Path(value)
    return p if p.is_absolute() else paths.root() / p


def check(exact: bool = False, **values: Any) -> dict[str, Any]:
    """Meaning checks shared by the CLI and the templates' validation cells; returns the values with
    district names as the articles spell them ("Tay Ho" -> "Tây Hồ"; ``exact``: no such leniency).

    >>> check(lang="fr")
    Traceback (most recent call last):
    ...
    districtbook.base.errors.ParameterError: parameter 'lang': unknown edition language 'fr' (allowed: vi, en)
    """
    if "lang" in values:
        if values["lang"] not in LANGUAGES:
            raise ParameterError("lang", f"unknown edition language {short(values['lang'])}", LANGUAGES)
    seeds = values.get("seeds")
    if seeds is not None:
        if not isinstance(seeds, (str, Path)):
            raise ParameterError("seeds", f"expected a folder path, got {type(seeds).__name__}")
        folder = seeds_folder(seeds)
        if not folder.is_dir():
            raise ParameterError("seeds", f"folder {short(str(seeds))} does not exist", "a folder of .txt articles")
        if not any(folder.glob("*.txt")):
            raise ParameterError("seeds", f"folder {short(str(seeds))} holds no .txt article", "a folder of .txt articles")
    districts = [k for k in values if k == "district" or k.startswith("district_")]
    if districts:
        known = known_districts(seeds_folder(values.get("seeds", "seeds")))
        values = dict(values)
        for k in districts:
            values[k] = match_district(k, values[k], known, exact=exact)
    return values


def match_district(name: str, value: Any, known: list[str], exact: bool = False) -> str:
    """The known district a value names: itself, or (unless ``exact``) the one district it equals once
    diacritics, case and a "quận"/"phường" prefix are set aside; otherwise an error that suggests.

    >>> known = ["Cầu Giấy", "Đống Đa", "Tây Hồ"]
    >>> match_district("district", "Tay Ho", known), match_district("district", "quận tây hồ", known)
    ('Tây Hồ', 'Tây Hồ')
    >>> match_district("district", "Tay Hoo", known)
    Traceback (most recent call last):
    ...
    districtbook.base.errors.ParameterError: parameter 'district': unknown district 'Tay Hoo'; did you mean 'Tây Hồ'? (allowed: Cầu Giấy, Đống Đa, Tây Hồ)
    >>> match_district("district", "Tay Ho", known, exact=True)
    Traceback (most recent call last):
    ...
    districtbook.base.errors.ParameterError: parameter 'district': unknown district 'Tay Ho'; did you mean 'Tây Hồ'? (allowed: Cầu Giấy, Đống Đa, Tây Hồ)
    """
    import difflib

    from districtbook.base.collate import fold

    if value in known:
        return str(value)
    text = str(value)
    folded = {k: fold(k) for k in known}
    same = [k for k in known if folded[k] == fold(text)]
    if len(same) == 1 and not exact:
        return same[0]
    close = same or [k for k in known if folded[k] in difflib.get_close_matches(fold(text), folded.values(), n=3, cutoff=0.6)]
    hint = "; did you mean " + " or ".join(f"'{k}'" for k in close) + "?" if close else ""
    raise ParameterError(name, f"unknown district '{text}'{hint}", known)


def known_districts(seeds: Path) -> list[str]:
    """The units the articles are about (districts, or for post-2025 articles their wards; never a
    pre-2025 ward of a district already listed), in Vietnamese alphabetical order."""
    from districtbook.base.collate import sorted_names

    return sorted_names(p.name for p in known_places(seeds))


def known_places(seeds: Path) -> list[Place]:
    """The units of :func:`known_districts` with their level and parent, each name once (its first reading)."""
    from districtbook.reading.articles import BOOK_MAX_ARTICLE_BYTES, iter_articles  # late: reads every article
    from districtbook.extraction.places import book_units, main_places

    units = [p for a in iter_articles([seeds], BOOK_MAX_ARTICLE_BYTES, quiet=True) for p in main_places(a.frame_text(), a.title)]
    return list({p.name: p for p in reversed(book_units(units))}.values())[::-1]


def places_by_province(seeds: Path) -> list[tuple[str, list[str]]]:
    """The units of :func:`known_districts` grouped under their city or province (:func:`places.province_of`):
    the groups in Vietnamese alphabetical order, each with the city or province itself first, then its districts
    in order; the units no province can be given to (wards, regions) last, under ``""``."""
    from districtbook.base.collate import sorted_names
    from districtbook.extraction.places import province_of

    units = known_places(seeds)
    groups: dict[str, list[str]] = {}
    for p in units:
        groups.setdefault(province_of(p), []).append(p.name)
    order = [*sorted_names(g for g in groups if g), *([""] if "" in groups else [])]
    return [(g, sorted(sorted_names(groups[g]), key=lambda n: n != g)) for g in order]
