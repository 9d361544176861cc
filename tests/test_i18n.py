"""The catalogues: every message key the package asks for exists in both languages, and no reader-facing
vi/en string table is left in a Python module."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from districtbook.analysis import dataset
from districtbook.analysis import headline, revenue
from districtbook.rendering import i18n, prose, wording
from districtbook.extraction import metrics
from districtbook.chapters import common, dictionary, intro
from districtbook.extraction.extract import COLUMNS

from .conftest import SEEDS

PACKAGE = Path(i18n.__file__).resolve().parent.parent
SOURCES = sorted(p for p in PACKAGE.rglob("*.py"))
#: functions that take a message key as their second argument
KEYED = {"text", "plural", "_words"}
FILE_TYPES = {"csv", "html", "json", "png", "ipynb", "md", "txt", "po", "yml"}


def _messages(lang: str) -> dict[str, str]:
    """key -> text (the first form of a plural)."""
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "districtbook.po").open("rb") as f:
        return {(m.id if isinstance(m.id, str) else m.id[0]): (m.string if isinstance(m.string, str) else m.string[0])
                for m in read_po(f, locale=lang) if m.id}


CATALOGUES = {lang: _messages(lang) for lang in ("vi", "en")}
PREFIXES = {k.split(".", 1)[0] for k in CATALOGUES["vi"]}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _head(node: ast.expr) -> str | None:
    """The literal start of a key built at run time (f"flag.{x}" -> "flag."), or None."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        return node.left.value
    return None


def _keys_in_code() -> tuple[set[str], set[str]]:
    """(literal keys, prefixes of computed keys) the package passes to the catalogue functions, plus every
    string constant shaped like a key of a catalogue section (a title key handed on to a chart, say)."""
    literal, heads = set(), set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in KEYED and len(node.args) >= 2:
                key = node.args[1]
                options = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
                for k in options:
                    if isinstance(k, ast.Constant) and isinstance(k.value, str):
                        literal.add(k.value)
                    elif _head(k):
                        heads.add(_head(k))
            elif isinstance(node, ast.Call) and _name(node.func) == "heads":
                literal |= {f"head.{a.value}" for a in node.args[1:] if isinstance(a, ast.Constant)}
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    re.fullmatch(r"[a-z_]+(?:\.[A-Za-z0-9_]+)+", node.value) and node.value.split(".")[0] in PREFIXES \
                    and node.value.rsplit(".", 1)[1] not in FILE_TYPES:
                literal.add(node.value)
    return literal, heads


def _computed_keys() -> set[str]:
    """The keys built from data values, over every value the code can put in."""
    src = {p.name: p.read_text(encoding="utf-8") for p in SOURCES}
    flags = set(re.findall(r'flag="(\w+)"', src["dataset.py"])) | set(re.findall(r'"(shares_\w+)"', src["dataset.py"]))
    reasons = set(re.findall(r'reason="(\w+)"', src["findings.py"]))
    bases = ("plan", "yoy", "term_start", "share", "target")  # as the data dictionary documents them (and none)
    hedges = ("actual", "estimate", "more_than", "less_than", "approx", "target", "range_low", "range_high")
    units = [u for u in dictionary.UNITS if u not in ("count", "ratio")]  # a bare number: no unit word
    return (
        {f"month.{m}" for m in range(1, 13)}
        | {f"unit.{u}" for u in units} | {f"unitdoc.{u}" for u in dictionary.UNITS}
        | {f"column.{c}" for c in (*COLUMNS, *dataset.SOURCE_COLUMNS)}
        | {f"cell.basis.{b}" for b in bases} | {f"cell.hedge.{q}" for q in hedges}
        | {f"basis.{b}" for b in (*bases, "none")} | {f"unitname.{u}" for u in ("ratio", "count")}
        | {f"hedge.{q}" for q in ("estimate", "more_than", "less_than", "approx", "at_most", "at_least",
                                  "range_low", "range_high")}
        | {f"flag.{f}" for f in flags} | {f"reason.{r}" for r in reasons} | {f"reason_short.{r}" for r in reasons}
        | {f"derived.kind.{k}" for k in ("plan", "previous", "average", "quarter")}
        | {"footing.yearly_average", "ahead.yearly_average", "period.h1", "period.h2"}
        | {f"metric.{k}" for k in metrics.METRICS if not metrics.METRICS[k].suffix}
        | {f"metric.suffix.{s.lstrip('_')}" for s in metrics.SUFFIXES} | {"metric.composed"}
        | {"metric.suffix.times"}  # a suffix the extraction writes that the vocabulary lacks (rendering.labels.label)
        | {f"coverage.level.{level}" for level in intro.LEVELS}
        # the sentences (issue 20): a measure's verb by mood, who did it, the plan's house word, the kinds of points
        | {f"act.{form}.{m}" for m in (*prose.ACTS, *prose.MONEY_VERBS) for form in ("did", "do")}
        | {f"clause.{mood}.{form}" for mood in prose.MOODS for form in ("verb", "noun")}
        | {f"clause.{mood}.{form}" for mood in prose.MOODS if mood != "need" for form in ("count", "portion")}
        | {f"portion.{k}" for k in prose.PORTIONS} | {f"plan.{k}" for k in prose.PLAN_KINDS} | {f"sector.{k}" for k in prose.SECTORS}
        | {f"who.title.{k}" for k, _ in wording._TITLES} | {f"points.kind.{k}" for k in headline.ORDER}
        | {f"scope.{s or 'none'}" for s in revenue.SCOPES}
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_key_the_package_asks_for_is_in_the_catalogue(lang):
    literal, heads = _keys_in_code()
    assert len(literal) > 100 and {"flag.", "column.", "unitdoc."} <= heads  # the scan sees the code's keys
    used = literal | _computed_keys()
    missing = sorted(used - CATALOGUES[lang].keys())
    assert not missing, missing
    # and every message is used, but for the empty ones that say a value has no word ("unit.count")
    unused = sorted(k for k in CATALOGUES[lang].keys() - used if CATALOGUES[lang][k])
    assert not unused, unused
    # a computed key's literal start names a section of the catalogue
    assert not [h for h in heads if not any(k.startswith(h) for k in CATALOGUES[lang])], heads
    assert len(_computed_keys() & {"flag.conflict", "flag.shares_sum_100", "reason.unfinished"}) == 3


def test_the_words_of_every_basis_and_hedge_in_the_seeds_are_in_the_catalogues():
    df = dataset.load(SEEDS)
    for lang in ("vi", "en"):
        for b in set(df["basis"]) - {"none", ""}:
            assert i18n.text(lang, f"cell.basis.{b}") == common.cell_word("basis", b, lang)
        for q in set(df["qualifier"]) - {""}:
            assert i18n.text(lang, f"cell.hedge.{q}") == common.cell_word("hedge", q, lang)


def test_no_reader_string_table_keyed_by_language_in_the_package():
    """A dict with both "vi" and "en" keys is a string table: the words belong in the catalogues.  Language
    codes mapped to things that are not reader text (locale names, polyglossia names) are allowed by name."""
    allowed = {"LOCALES", "POLYGLOSSIA"}
    found = []
    for path in SOURCES:
        if path.name in ("extract.py", "metrics.py", "numbers.py", "periods.py", "places.py", "sources.py"):
            continue  # the extraction modules (the lead's; their vocabulary is Vietnamese by nature)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
                and {t.id for t in n.targets if isinstance(t, ast.Name)} & allowed}
        found += [f"{path.relative_to(PACKAGE)}:{n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Dict)
                  and id(n) not in skip and {"vi", "en"} <= {k.value for k in n.keys if isinstance(k, ast.Constant)}]
    assert not found, found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_message_key_is_defined_twice(lang):
    ids = re.findall(r'^msgid "(.+)"$', (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "districtbook.po").read_text(
        encoding="utf-8"), re.M)
    assert not [k for k in set(ids) if ids.count(k) > 1]
