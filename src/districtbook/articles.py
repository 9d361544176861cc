"""Reading an article: bytes -> decoded, NFC-normalised text -> lines marked body or page furniture.

The text is never edited: furniture (teasers, captions, bylines, "Đọc thêm" lists) is only
*marked*, so that every offset the extractor reports points into ``Article.text``, the NFC text
of the file.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError

log = logging.getLogger("districtbook")

#: Lines after which everything is the site's page furniture (related lists, footers).
_TAIL_MARKERS = frozenset(
    m.casefold()
    for m in (
        "Đọc thêm", "Xem thêm", "Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục",
        "Tin khác", "Có thể bạn quan tâm", "MỚI - NÓNG", "Mới - Nóng", "Phiên bản di động",
    )
)
_ARCHIVE_DATE = re.compile(r"(?P<date>date\s(?:19|20)\d\d-\d\d(?:-\d\d)?)\s+(?=\S)")
_TEASER_BAR = re.compile(r"\S\s\|\s\S")
_SOURCE_LINE = re.compile(r"^Nguồn\b.*https?://", re.IGNORECASE)
_DATELINE = re.compile(r"^[^\d]{0,40}\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2})?$")
_CAPTION = re.compile(r"(?:[-–—(.]|^)\s*\(?Ảnh\s*:\s*[^.]{1,60}\)?\.?$")
_IMAGE_ALT = re.compile(r"\bảnh\s+\d+$")
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’»)]?$")
_BYLINE_WORD = re.compile(r"^[A-ZÀ-ỸĐ][\wÀ-ỹ]*$")

#: Vietnamese letters that only a real Vietnamese text (not random bytes) is full of.
_VI_MARKS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]|[\u1ea0-\u1ef9]")


#: title, datelines, lead, body and the lines glued under the lead (a line taken for a teaser may be
#: the lead's own continuation): what tells which unit an article is about
FRAME_KINDS = frozenset({"title", "body", "teaser", "dateline"})


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the article: ``text[start:end]``, and what it is."""

    start: int
    end: int
    kind: str  # title | body | teaser | caption | image | byline | dateline | source | widget | tail


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    lines: tuple[Line, ...]
    encoding: str

    @property
    def title(self) -> str:
        return next((self.text[ln.start:ln.end] for ln in self.lines if ln.kind == "title"), "")

    def body(self) -> Iterator[Line]:
        """The title and body lines: where figures are looked for."""
        return (ln for ln in self.lines if ln.kind in ("title", "body"))

    def body_text(self) -> str:
        return "\n".join(self.text[ln.start:ln.end] for ln in self.body())

    def frame_text(self) -> str:
        """The lines that say what the article is about (:data:`FRAME_KINDS`)."""
        return "\n".join(self.text[ln.start:ln.end] for ln in self.lines if ln.kind in FRAME_KINDS)

    def furniture(self, kind: str) -> list[str]:
        return [self.text[ln.start:ln.end] for ln in self.lines if ln.kind == kind]


def decode(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode an article's bytes; returns ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern) and Windows-1258 are accepted;
    anything else raises :class:`ArticleError` naming the file.

    >>> decode("Tây Hồ".encode("utf-8"))
    ('Tây Hồ', 'utf-8')
    >>> decode("Tây Hồ".encode("utf-16"))
    ('Tây Hồ', 'utf-16')
    >>> text, enc = decode(b"\\xd0\\xf4\\xecng \\xd0a thu 2.511 ty\\xd2 \\xf0\\xf4\\xccng")  # cp1258 bytes
    >>> (unicodedata.normalize("NFC", text), enc)
    ('Đống Đa thu 2.511 tỷ đồng', 'cp1258')
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(path, f"has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from None
    head = raw[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):  # UTF-16 without BOM: every other byte NUL
        enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        raise ArticleError(path, "is binary (contains NUL bytes), expected a UTF-8 text article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("cp1258")
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_like_vietnamese(text):
            return text, "cp1258"
        raise ArticleError(
            path,
            f"is not UTF-8 (invalid byte at offset {utf8_error.start}) nor UTF-16 nor Windows-1258 "
            "Vietnamese text; save it as UTF-8",
        ) from None


def _looks_like_vietnamese(text: str) -> bool:
    """Text decoded from cp1258 is taken only if it reads like text: letters, marks, digits,
    punctuation and spaces (no control characters, few symbols) with Vietnamese letters in it."""
    sample = text[:20000]
    if not sample:
        return False
    texty = sum(1 for ch in sample if ch in "\n\r\t" or unicodedata.category(ch)[0] in "LMNPZ")
    return texty >= 0.97 * len(sample) and bool(_VI_MARKS.search(sample))


def normalise(text: str) -> str:
    """NFC, once: cp1258 and some sites use combining tone marks.

    >>> normalise("ho\u0302\u0300") == "hồ"
    True
    """
    return unicodedata.normalize("NFC", text)


def _split_lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        # strip surrounding white space (and a CR of CRLF files) from the span, not from the text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def classify_lines(text: str) -> tuple[Line, ...]:
    """Mark each non-empty line as title, body or one kind of page furniture.

    >>> t = "Quận hoàn thành các chỉ tiêu năm\\nThân bài có 5 chỉ tiêu.\\nQuang cảnh - Ảnh: Hương Ly\\nHương Ly\\nĐọc thêm\\nTin khác 3"
    >>> [ln.kind for ln in classify_lines(t)]
    ['title', 'body', 'caption', 'byline', 'tail', 'tail']
    """
    spans = _split_lines(text)
    prefix = _ARCHIVE_DATE.match(text)
    if prefix and spans and spans[0][0] == 0:  # "date 2025-08-14 <lead>": the archive's date, then the text
        spans[0:1] = [(0, prefix.end("date")), (prefix.end(), spans[0][1])]
    strings = [text[s:e] for s, e in spans]
    counts = Counter(strings)
    kinds: list[str] = [""] * len(spans)
    tail_from = len(spans)
    for i, s in enumerate(strings):
        if s.casefold() in _TAIL_MARKERS:
            tail_from = i
            break
    title_seen = None
    for i, s in enumerate(strings):
        if i >= tail_from:
            kinds[i] = "tail"
        elif len(s) < 4:
            kinds[i] = "widget"
        elif i == 0 and prefix:
            kinds[i] = "dateline"
        elif _SOURCE_LINE.match(s):
            kinds[i] = "source"
        elif _DATELINE.match(s):
            kinds[i] = "dateline"
        elif _CAPTION.search(s) and len(s) < 300:
            kinds[i] = "caption"
        elif _TEASER_BAR.search(s) and len(s) < 200:
            kinds[i] = "teaser"  # "Hà Nội thu ngân sách … | Kinh tế": a related article's title and section
        elif title_seen is None and i <= 8 and _looks_like_title(s):
            kinds[i] = "title"
            title_seen = s
        elif s == title_seen or _IMAGE_ALT.search(s) or (counts[s] > 1 and len(s) < 300):
            kinds[i] = "image"
        elif _CAPTION.search(s):
            kinds[i] = "caption"
        else:
            kinds[i] = "body"
    for i in range(1, len(spans)):
        if kinds[i] != "body" or _SENTENCE_END.search(strings[i]) or len(strings[i]) > 300:
            continue
        prev = kinds[i - 1]
        single_newline = "\n\n" not in text[spans[i - 1][1]:spans[i][0]]
        if prev == "image":
            kinds[i] = "caption"  # the line right under a picture is its caption
        elif prev == "body" and single_newline and i <= 6 and len(strings[i]) > 60:
            kinds[i] = "teaser"  # related-article titles glued under the lead
    last_body = max((i for i, k in enumerate(kinds) if k == "body"), default=None)
    if last_body is not None and _is_byline(strings[last_body]):
        kinds[last_body] = "byline"
    return tuple(Line(s, e, k) for (s, e), k in zip(spans, kinds, strict=True))


def _looks_like_title(s: str) -> bool:
    """A headline is short and is not a sentence of the body: a long first line, or one that ends a
    sentence, is the lead (archived excerpts often start there), and the article then has no title."""
    return (len(s) <= 180 and len(s.split()) >= 5 and not re.search(r"[.;…]$", s) and not s.isupper()
            and "," not in s[:20] + s[-3:])


def _is_byline(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 4 and all(_BYLINE_WORD.match(w) for w in words)


def read_article(path: Path | str) -> Article:
    """Read one article file; an empty one is a warning and an article with no lines."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "does not exist") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a folder, expected a .txt article") from None
    return parse_article(path.name, raw, path)


def parse_article(name: str, raw: bytes, path: Path | str | None = None) -> Article:
    text, encoding = decode(raw, path or name)
    text = normalise(text).strip()  # offsets count from the first printed character
    if not text.strip():
        log.warning("%s: the article is empty; it yields no figures", name)
        return Article(name, text, (), encoding)
    return Article(name, text, classify_lines(text), encoding)


def article_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Expand files and folders (their ``*.txt``) into a sorted list; a missing path is an error."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob("*.txt")))
        elif p.is_file():
            out.append(p)
        else:
            raise ArticleError(p, "does not exist (expected a .txt article or a folder of them)")
    return out


def iter_articles(paths: Iterable[Path | str]) -> Iterator[Article]:
    """Stream articles one at a time (memory does not grow with the corpus)."""
    for p in article_paths(paths):
        yield read_article(p)
