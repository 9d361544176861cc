"""What each chapter reads, so that a new article re-executes only the chapters it can change.

A chapter's inputs are its template, its parameters, the package's code (with the pinned
requirements) and the articles it reads.  Which articles it reads follows from its parameters:

- no ``seeds`` parameter (the data dictionary): no article;
- ``seeds`` and one or more district parameters (``district``, ``district_a``, ...): the articles
  *about* those districts, i.e. an article whose main district is one of them or that reports a
  figure for one of them (a Tây Hồ article quoting a figure of quận Đống Đa is read by the Đống Đa
  profile);
- ``seeds`` alone (sources, figures, the topic chapters): every article -- the cross-district chapters.

The dependency set (article name -> SHA-256 of its bytes) is recorded in the chapter's cache entry,
so the next build can say *why* a chapter runs again: "article 005_x.txt added", "template changed".
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def district_params(params: Mapping[str, Any]) -> list[str]:
    """The district values a chapter's parameters name (``district``, ``district_a``, ``district_b``...).

    >>> district_params({"seeds": "seeds", "district_a": "Tây Hồ", "district_b": "Đống Đa", "lang": "vi"})
    ['Tây Hồ', 'Đống Đa']
    """
    return [str(v) for k, v in sorted(params.items()) if k == "district" or k.startswith("district_")]


@dataclass(frozen=True)
class Article:
    """One article as the dependency model sees it: its bytes' hash and the districts it is about."""
    name: str
    sha: str
    districts: frozenset[str]


#: seeds/corrections.yml (:mod:`districtbook.reading.corrections`): an input of every chapter that reads articles
CORRECTIONS = "corrections.yml"
def _about(path: Path, raw: bytes) -> tuple[frozenset[str], str]:
    """The districts an article is about, and its text's key (what makes two articles the same).  The plan reads
    each seeds folder once per build (``plan.plan``): nothing is kept between calls."""
    from districtbook.reading.articles import BOOK_MAX_ARTICLE_BYTES, parse_article, text_key
    from districtbook.extraction.extract import figures
    from districtbook.extraction.places import main_districts

    art = parse_article(path.name, raw, path, BOOK_MAX_ARTICLE_BYTES)
    names = set(main_districts(art.body_text()))
    names |= {f.district for f in figures(art) if f.district and not f.district.startswith("phường ")}
    return frozenset(names), text_key(art.text, nfc=True) if art.text.strip() else ""


def article_index(folder: Path) -> dict[str, Article]:
    """Every article of a seeds folder (its plain ``.txt`` files): name -> :class:`Article`.

    Planning reads the folder here (and in ``parameters.known_districts``, with the same limit), and says
    once in the build's log what it does not read (a symbolic link, a FIFO or device, a hidden file, a name
    with control characters, another type of file, an article with the same text as another); those files
    are in the index too, as not read, so that the Sources chapter's list of them is never stale.  An article
    over the book's size limit stops the build before more than the limit is read of it
    (:func:`articles.read_bytes` counts the bytes)."""
    from districtbook.reading.articles import BOOK_MAX_ARTICLE_BYTES, NotRead, read_bytes, say, scan

    found, skipped = scan(folder)
    out: dict[str, Article] = {}
    for nr in skipped:
        say(nr.message(folder.name))
        # what the Sources chapter lists as not read: a chapter that reads every article runs again when it changes
        out[nr.name] = Article(nr.name, f"not read: {nr.reason} {nr.detail}".strip(), frozenset())
    seen: dict[str, str] = {}
    for path in found:
        raw = read_bytes(path, BOOK_MAX_ARTICLE_BYTES)
        sha = hashlib.sha256(raw).hexdigest()
        districts, key = _about(path, raw)
        if key and key in seen:
            say(NotRead(path.name, "duplicate", seen[key]).message())
        seen.setdefault(key, path.name)
        out[path.name] = Article(path.name, sha, districts)
    corrections = folder / CORRECTIONS
    if corrections.is_file() and not corrections.is_symlink():  # read with the articles by every chapter that reads any
        out[CORRECTIONS] = Article(CORRECTIONS, hashlib.sha256(corrections.read_bytes()).hexdigest(), frozenset())
    return out


@dataclass(frozen=True)
class Inputs:
    """Everything one executed chapter depends on; ``key`` hashes it, ``record`` is kept in the cache."""
    template: str  # SHA-256 of the template's bytes
    params: str  # the parameters as canonical JSON
    code: str  # the package's source and the pinned requirements
    scope: str  # which articles it reads, in words: "no article", "every article", "articles about Tây Hồ"
    articles: dict[str, str] = field(default_factory=dict)  # article name -> SHA-256

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.record(), sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def record(self) -> dict[str, Any]:
        return {"template": self.template, "params": self.params, "code": self.code, "scope": self.scope,
                "articles": dict(sorted(self.articles.items()))}


def reads(params: Mapping[str, Any], index: Mapping[str, Article] | None) -> tuple[str, dict[str, str]]:
    """``(scope, {article: sha})``: the articles a chapter with these parameters reads.

    >>> idx = {"a.txt": Article("a.txt", "1", frozenset({"Tây Hồ"})), "b.txt": Article("b.txt", "2", frozenset({"Đống Đa"}))}
    >>> reads({"lang": "vi"}, None)
    ('no article', {})
    >>> reads({"seeds": "seeds"}, idx)
    ('every article', {'a.txt': '1', 'b.txt': '2'})
    >>> reads({"seeds": "seeds", "district": "Đống Đa"}, idx)
    ('articles about Đống Đa', {'b.txt': '2'})
    """
    if "seeds" not in params or index is None:
        return "no article", {}
    wanted = district_params(params)
    if not wanted:
        return "every article", {a.name: a.sha for a in index.values()}
    chosen = {a.name: a.sha for a in index.values() if a.districts & set(wanted) or a.name == CORRECTIONS}
    return "articles about " + ", ".join(wanted), chosen


def chapter_inputs(template: Path, params: Mapping[str, Any], code: str,
                   index: Mapping[str, Article] | None) -> Inputs:
    scope, articles = reads(params, index)
    return Inputs(
        template=hashlib.sha256(template.read_bytes()).hexdigest(),
        params=json.dumps(dict(params), sort_keys=True, ensure_ascii=False, default=str),
        code=code, scope=scope, articles=articles,
    )


def _names(names: Iterable[str], what: str) -> str:
    names = sorted(names)
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"article{'s' if len(names) > 1 else ''} {shown} {what}"


def unchanged(inputs: Inputs) -> str:
    """Why a chapter is reused: none of its inputs changed, and which articles those are.

    >>> unchanged(Inputs("t", "{}", "c", "articles about Đống Đa", {"b.txt": "2"}))
    'none of its inputs changed: template, parameters, code and the one article about Đống Đa'
    >>> unchanged(Inputs("t", "{}", "c", "every article", {"a.txt": "1", "b.txt": "2"}))
    'none of its inputs changed: template, parameters, code and all 2 articles'
    >>> unchanged(Inputs("t", "{}", "c", "no article"))
    'none of its inputs changed: template, parameters and code; it reads no article'
    """
    head = "none of its inputs changed: template, parameters"
    n = len(inputs.articles)
    if inputs.scope == "no article":
        return f"{head} and code; it reads no article"
    if inputs.scope == "every article":
        return f"{head}, code and " + (f"all {n} articles" if n != 1 else "the one article")
    about = inputs.scope.removeprefix("articles ")
    return f"{head}, code and " + (f"the {n} articles {about}" if n != 1 else f"the one article {about}")


def why(recorded: Mapping[str, Any] | None, now: Inputs) -> list[str]:
    """Why a chapter must execute again: what changed between the recorded inputs and now (empty: nothing).

    >>> old = Inputs("t", "{}", "c", "every article", {"a.txt": "1", "b.txt": "2"})
    >>> why(old.record(), Inputs("t", "{}", "c", "every article", {"a.txt": "9", "c.txt": "3"}))
    ['article c.txt added', 'article a.txt changed', 'article b.txt removed']
    >>> why(None, old)
    ['not in the cache']
    >>> why(old.record(), old)
    []
    """
    if not recorded:
        return ["not in the cache"]
    out = []
    if recorded.get("template") != now.template:
        out.append("template changed")
    if recorded.get("params") != now.params:
        out.append("parameters changed")
    if recorded.get("code") != now.code:
        out.append("package code, requirements or book manifest changed")
    before: dict[str, str] = recorded.get("articles") or {}
    added = [a for a in now.articles if a not in before]
    changed = [a for a in now.articles if a in before and before[a] != now.articles[a]]
    removed = [a for a in before if a not in now.articles]
    if added:
        out.append(_names(added, "added"))
    if changed:
        out.append(_names(changed, "changed"))
    if removed:
        out.append(_names(removed, "removed"))
    if not out and recorded.get("scope") != now.scope:
        out.append("articles read changed")
    return out
