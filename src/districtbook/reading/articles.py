"""Reading an article: bytes -> decoded, NFC-normalised text -> lines marked body or page furniture.

The text is never edited: furniture (teasers, captions, bylines, "Đọc thêm" lists) is only
*marked*, so that every offset the extractor reports points into ``Article.text``, the NFC text
of the file.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from districtbook.base.errors import ArticleError, shown_name, unsafe_name

log = logging.getLogger("districtbook")

#: Lines after which everything is the site's page furniture (related lists, footers).
_TAIL_MARKERS = frozenset(
    m.casefold()
    for m in (
        "Đọc thêm", "Xem thêm", "Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục",
        "Tin khác", "Có thể bạn quan tâm", "MỚI - NÓNG", "Mới - Nóng", "Phiên bản di động",
    )
)
_TAIL_MARKER_LEN = max(map(len, _TAIL_MARKERS))
_ARCHIVE_DATE = re.compile(r"(?P<date>date\s(?:19|20)\d\d-\d\d(?:-\d\d)?)\s+(?=\S)")
_TEASER_BAR = re.compile(r"\S\s\|\s\S")
_SOURCE_LINE = re.compile(r"^Nguồn\b.*https?://", re.IGNORECASE)
#: "Thời sự Chủ Nhật 03/12/2023, 11:00"; not a heading up to a day ("Kết quả kết nạp đảng viên đến 30-6-2022")
#: (the time after the day may be set off by a dash or a bar, and followed by the time zone: "Thứ Năm, 12/10/2023 -
#: 08:15 (GMT+7)")
_DATELINE = re.compile(r"^(?![^\d]*\b(?:đến|tới|hết)\s\d)[^\d]{0,40}"
                       r"(?:\d{1,2}[:h]\d{2}(?:\s?(?:SA|CH|AM|PM))?,?\s[^\d]{0,20})?"  # ("Cập nhật lúc 06:35, Thứ Sáu, …")
                       r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
                       r"(?:\s?[,|-]?\s+\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s?(?:SA|CH|AM|PM))?)?(?:\s?\(?GMT\s?\+\s?7\)?)?$")
#: a page banner: "Xuân 2026", "Số Tết Bính Ngọ 2026", "Chào năm mới 2026": the site's season, never the article's date
_BANNER = re.compile(r"^(?:Số\s|Chuyên\s(?:đề|trang)\s)?(?:[Xx]uân|XUÂN|[Tt]ết|TẾT|Chào\s(?:năm\smới|xuân)|Mừng\s(?:xuân|Đảng))"
                     r"(?:\s[^\d\s]+){0,4}\s(?:19|20)\d\d$")
#: the line under an outlet's name that says whose organ it is: "Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Thanh
#: Hóa", "Cơ quan ngôn luận của Hội Nông dân Việt Nam" (no lead, whatever unit it names)
_MASTHEAD = re.compile(r"^Cơ quan (?:ngôn luận |chủ quản |thông tấn )?(?:của|thuộc) [^\d.!?;:]{3,100}$")
#: a line that is an outlet's name alone: "Báo Lâm Đồng", "Báo Đắk Lắk điện tử", "Cổng thông tin điện tử Quận 8", after its
#: mark too: "PTQ - Đài Phát thanh và Truyền hình Quảng Ngãi" (not
#: "Báo cáo …", a report): the paper's unit, never a section of the article
_OUTLET_LINE = re.compile(r"^(?:[A-ZĐ]{2,8}\s[-–]\s)?(?:Báo(?!\scáo\b)(?:\s[Đđ]iện\stử)?|BÁO(?!\sCÁO\b)(?:\sĐIỆN\sTỬ)?|Tạp\schí|Cổng\s(?:[Tt]hông\stin\sđiện\stử|TTĐT)|"
                          r"Trang\s[Tt]hông\stin\sđiện\stử|Đài\s(?:Phát\sthanh|PT-TH|PTTH)[^\d]{0,30}?)"
                          r"\s[^\d.,;:!?()|]{1,40}$")
#: a site's section of two short items: "Tin tức - Sự kiện", "Kinh tế - Xã hội", "Thời sự – Chính trị"
_SECTION_LABEL = re.compile(r"[A-ZĐ][^\W\d_]*(?: [^\W\d_]+)? [-–] [A-ZĐ][^\W\d_]*(?: [^\W\d_]+)?$")
#: a portal's header in capitals: "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN …", "TRANG THÔNG TIN ĐIỆN TỬ PHƯỜNG …", "CỔNG TTĐT …"
_PORTAL_CAPS = re.compile(r"(?:CỔNG|TRANG)\s(?:THÔNG\sTIN\sĐIỆN\sTỬ|TTĐT)\s")
#: a site's masthead in capitals with whose organ it is: "BÁO ĐỒNG KHỞI ONLINE - Cơ quan của Đảng bộ …"
_MASTHEAD_AFTER_NAME = re.compile(r"^(?P<name>[^\d.!?;:]{3,60}?)\s[-–]\sCơ quan\s[^\d.!?;:]{3,120}$")
#: a site's menu or breadcrumb: short items without figures, set apart by wide spaces, bars, or arrows ("LAO ĐỘNG   Thời
#: sự   Xã hội", "Trang chủ › Sức khỏe › Bảo hiểm y tế", "Tin tức - Sự kiện » Kinh tế", "Trang chủ | Giới thiệu | …")
_MENU_SEPARATOR = re.compile(r" {3,}|\t+|\s[|›»>/]\s")
_ARROW = re.compile(r"\s[›»>/]\s")
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
    kind: str  # title | body | teaser | caption | image | byline | dateline | source | outlet | widget | tail


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


#: Articles larger than this are refused by extraction (``districtbook extract``; it reads one article
#: at a time, linearly: a 50 MB article is read whole).
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
#: Articles larger than this are refused by the book's chapters (the largest real article is about
#: 15 KB; a chapter holds every article's text and figures in memory several times).
BOOK_MAX_ARTICLE_BYTES = 4 * 1024 * 1024

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"), (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
         (b"\xef\xbb\xbf", "utf-8", "UTF-8"), (b"\xfe\xff", "utf-16-be", "UTF-16"), (b"\xff\xfe", "utf-16-le", "UTF-16"))


def _bad(path: Path | str, what: str, offset: int) -> ArticleError:
    """The one message for every encoding error: the file, what it is not, and where."""
    return ArticleError(path, f"is not {what} (invalid byte at offset {offset}); save it as UTF-8")


def _strict(raw: bytes, codec: str, skip: int, what: str, path: Path | str) -> str:
    try:
        return raw[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise _bad(path, what, skip + exc.start) from None


def _nul_pattern(head: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the NUL bytes of ASCII-range text fall."""
    if len(head) < 8:
        return None
    quads = len(head) // 4 * 4
    lanes = [head[i:quads:4].count(0) for i in range(4)]
    n = quads // 4
    high = 0.9 * n  # the high bytes of (nearly) every code point are NUL; a bad one may not be
    if lanes[2] >= high and lanes[3] >= high and lanes[1] * 2 >= n:
        return "utf-32-le"
    if lanes[0] >= high and lanes[1] >= high and lanes[2] * 2 >= n:
        return "utf-32-be"
    if head.count(0) * 3 >= len(head):
        return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    return None


def decode(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode an article's bytes; returns ``(text, encoding)``.

    UTF-8, UTF-16 and UTF-32 (each with or without a byte-order mark) and Windows-1258 are
    accepted; anything else raises :class:`ArticleError` naming the file and the offset of the
    first bad byte, in the same words whatever the encoding.

    >>> decode("Tây Hồ".encode("utf-8"))
    ('Tây Hồ', 'utf-8')
    >>> decode("Tây Hồ".encode("utf-16")), decode("Tây Hồ".encode("utf-32")), decode("Tây Hồ".encode("utf-32-be"))
    (('Tây Hồ', 'utf-16-le'), ('Tây Hồ', 'utf-32-le'), ('Tây Hồ', 'utf-32-be'))
    >>> text, enc = decode(b"\\xd0\\xf4\\xecng \\xd0a thu 2.511 ty\\xd2 \\xf0\\xf4\\xccng")  # cp1258 bytes
    >>> (unicodedata.normalize("NFC", text), enc)
    ('Đống Đa thu 2.511 tỷ đồng', 'cp1258')
    >>> decode(b"\\xef\\xbb\\xbfT\\xc3\\xa2y \\xff", "a.txt")
    Traceback (most recent call last):
    ...
    districtbook.base.errors.ArticleError: a.txt: is not UTF-8 (invalid byte at offset 8); save it as UTF-8
    """
    for bom, codec, what in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, codec, len(bom), what, path)
            enc = "utf-8-sig" if codec == "utf-8" else codec
            break
    else:
        wide = _nul_pattern(raw[:4096])
        if wide:
            text = _strict(raw, wide, 0, wide.upper()[:6], path)
            enc = wide
        else:
            if b"\x00" in raw:
                raise ArticleError(path, "is binary (contains NUL bytes), expected a UTF-8 text article")
            try:
                return raw.decode("utf-8"), "utf-8"
            except UnicodeDecodeError as utf8_error:
                try:
                    windows = raw.decode("cp1258")
                except UnicodeDecodeError:
                    windows = None
                if windows is not None and _looks_like_vietnamese(windows):
                    return windows, "cp1258"
                raise _bad(path, "UTF-8 nor UTF-16/32 nor Windows-1258 Vietnamese text", utf8_error.start) from None
    if "\x00" in text:
        raise ArticleError(path, "is binary (contains NUL characters), expected a UTF-8 text article")
    return text, enc


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


#: a line with the white space around it left out (a CR of CRLF files too): from its first to its last
#: non-space character, never across a "\n" (\S and str.isspace agree on what white space is)
_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _split_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the non-empty lines of ``text``, white space stripped from the span, not from the text.

    >>> _split_lines(" a b \\r\\n\\n\\t\\nc\\u00a0\\nd")
    [(1, 4), (10, 11), (13, 14)]
    """
    return [m.span() for m in _LINE.finditer(text)]


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
    kinds = _line_kinds(strings, dated=prefix is not None)
    _glued_lines(text, spans, strings, kinds)
    last_body = max((i for i, k in enumerate(kinds) if k == "body"), default=None)
    if last_body is not None and _is_byline(strings[last_body]):
        kinds[last_body] = "byline"
    return tuple(Line(s, e, k) for (s, e), k in zip(spans, kinds, strict=True))


def _line_kinds(strings: list[str], dated: bool) -> list[str]:
    """Each line's kind from the line itself and where it stands (the first pass of :func:`classify_lines`)."""
    counts = Counter(strings)
    # (case folding never shortens; "Tin liên quan:" with its colon only under the text, not a block above the lead)
    tail_from = next((i for i, s in enumerate(strings)
                      if len(s) <= _TAIL_MARKER_LEN and s.casefold() in _TAIL_MARKERS
                      or len(s) <= _TAIL_MARKER_LEN + 2 and s.rstrip(" :").casefold() in _TAIL_MARKERS
                      and any(len(t) >= 200 for t in strings[:i])), len(strings))
    kinds: list[str] = []
    title_seen = None
    for i, s in enumerate(strings):
        kind = ("tail" if i >= tail_from else "widget" if len(s) < 4 else "dateline" if i == 0 and dated
                else _furniture_kind(s))
        if not kind and title_seen is None and _is_title(i, s, strings):
            kind, title_seen = "title", s
        elif not kind:
            kind = _late_kind(s, title_seen, counts)
        kinds.append(kind)
    return kinds


def _furniture_kind(s: str) -> str:
    """A line that is page furniture by its own words: a source line, a dateline, a banner, a caption, a teaser."""
    if _SOURCE_LINE.match(s):
        return "source"
    if _DATELINE.match(s):
        return "dateline"
    if len(s) <= 40 and _BANNER.match(s) or s.startswith("Cơ quan ") and _MASTHEAD.match(s) or _is_menu(s) \
            or "Cơ quan" in s and _masthead_after_name(s):
        return "widget"
    if len(s) <= 70 and _OUTLET_LINE.match(s):
        return "outlet"
    if len(s) <= 30 and _SECTION_LABEL.match(s):
        return "widget"  # "Tin tức - Sự kiện", "Kinh tế - Xã hội": a site's section
    if len(s) <= 120 and _PORTAL_CAPS.match(s) and s.isupper():
        return "widget"  # "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN KIẾN XƯƠNG - TỈNH THÁI BÌNH": the portal's header, not the lead
    if len(s) < 300 and "Ảnh" in s and _CAPTION.search(s):  # the literal first: a cheap test
        return "caption"
    if len(s) < 200 and "|" in s and _TEASER_BAR.search(s) and not is_table_row(s):
        return "teaser"  # "Hà Nội thu ngân sách … | Kinh tế": a related article's title and section
    return ""


#: a cell of a table row that holds a figure: "23.950", "10,04%", "dưới 0,5%", "72/101", "18 xã"
#: (not a date, "29/12/2017", nor a count of views, "Lượt xem: 1.254")
_FIGURE_CELL = re.compile(r"(?!\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$)(?:(?:dưới|trên|khoảng|gần|hơn)\s)?\d[\d.,/]*"
                          r"(?:\s?%|\s[^\W\d_]+(?:\s[^\W\d_]+)?)?")


def is_table_row(s: str) -> bool:
    """Whether ``s`` is a row of a table flattened to text, cells set apart by bars, with a figure in a cell after the
    first ("Thu NSNN | 84.630 tỷ đồng | 91.208 tỷ đồng"): the article's own figures, not a related title.

    >>> is_table_row("Thu NSNN | 84.630 tỷ đồng | 91.208 tỷ đồng"), is_table_row("20/07/2021 15:21 | 0")
    (True, False)
    >>> is_table_row("Cổng Thông tin điện tử tỉnh Hà Giang | Tin kinh tế | 29/12/2017")
    False
    """
    cells = [c.strip() for c in s.split("|")]
    return len(cells) >= 3 and any(_FIGURE_CELL.fullmatch(c) for c in cells[1:])


def _masthead_after_name(s: str) -> bool:
    """Whether ``s`` is an outlet's name in capitals and whose organ it is ("BÁO ĐỒNG KHỞI ONLINE - Cơ quan của …")."""
    m = _MASTHEAD_AFTER_NAME.match(s)
    return m is not None and m["name"].isupper()


def _is_menu(s: str) -> bool:
    """Whether ``s`` is a site's menu or breadcrumb (:data:`_MENU_SEPARATOR`): three or more short items, or two after
    an arrow ("Tin tức - Sự kiện » Kinh tế"), none with a digit or a sentence's end.

    >>> _is_menu("Trang chủ › Sức khỏe › Bảo hiểm y tế"), _is_menu("LAO ĐỘNG   Thời sự   Xã hội   Kinh tế")
    (True, True)
    >>> _is_menu("Chỉ tiêu     Kế hoạch     Thực hiện 105%"), _is_menu("Hà Nội thu ngân sách vượt dự toán | Kinh tế")
    (False, False)
    """
    if len(s) > 200 or any(ch.isdigit() for ch in s) or _SENTENCE_END.search(s):
        return False
    items = _MENU_SEPARATOR.split(s)
    return all(len(item) <= 30 for item in items) and (len(items) >= 3 or len(items) == 2 and bool(_ARROW.search(s)))


def _is_title(i: int, s: str, strings: list[str]) -> bool:
    """The headline: among the first lines, one that looks like a title, or the first line over a dateline (a
    headline may open with a frame: "6 tháng đầu năm, tổng thu …")."""
    return i <= 8 and (_looks_like_title(s) or i == 0 and len(strings) > 1 and len(s) <= 180
                       and bool(_DATELINE.match(strings[1])) and not s.endswith("."))


def _late_kind(s: str, title_seen: str | None, counts: Counter[str]) -> str:
    """A line after the furniture and title tests: an image's text (the title repeated, an alt text, a line seen
    twice), a long caption, else body."""
    if s == title_seen or "ảnh" in s and _IMAGE_ALT.search(s) or (counts[s] > 1 and len(s) < 300):
        return "image"
    if "Ảnh" in s and _CAPTION.search(s):
        return "caption"
    return "body"


_LIST_ITEM = re.compile(r"[•\-–+*·]\s")


def _glued_lines(text: str, spans: list[tuple[int, int]], strings: list[str], kinds: list[str]) -> None:
    """The second pass: an unfinished line right under a picture is its caption; one glued under the lead (a single
    newline, near the top) is a related article's title."""
    for i in range(1, len(spans)):
        if kinds[i] != "body" or _SENTENCE_END.search(strings[i], len(strings[i]) - 2) or len(strings[i]) > 300:
            continue
        prev = kinds[i - 1]
        single_newline = "\n\n" not in text[spans[i - 1][1]:spans[i][0]]
        if prev == "image":
            kinds[i] = "caption"  # the line right under a picture is its caption
        elif prev == "body" and single_newline and i <= 6 and len(strings[i]) > 60 and not _LIST_ITEM.match(strings[i]):
            kinds[i] = "teaser"  # related-article titles glued under the lead (not the items of a list: "• Thu …")


def _looks_like_title(s: str) -> bool:
    """A headline is short and is not a sentence of the body: a long first line, or one that ends a
    sentence, is the lead (archived excerpts often start there), and the article then has no title."""
    words = [w for w in s.split() if any(ch.isalnum() for ch in w)]  # (not a dash: "Tin tức - Sự kiện" is a section)
    # (a line in capitals is a site's header, unless it states a figure: "NINH KIỀU THU NGÂN SÁCH 6 THÁNG ĐẠT 61% DỰ TOÁN")
    return (len(s) <= 180 and len(words) >= 5 and not re.search(r"[.;…]$", s)
            and (not s.isupper() or len(words) >= 6 and any(ch.isdigit() for ch in s))
            and not re.search(r",(?!\d)", s[:20] + s[-3:]))  # a decimal comma ("7,8%") is no clause


def _is_byline(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 4 and all(_BYLINE_WORD.match(w) for w in words)


def read_bytes(path: Path | str, max_bytes: int = MAX_ARTICLE_BYTES, follow: bool = False) -> bytes:
    """An article file's bytes, read safely: only a plain file, never through a symbolic link (unless
    ``follow``: a file named on the command line), never more than ``max_bytes``.

    The file is opened with ``O_NOFOLLOW|O_NONBLOCK`` (a FIFO does not block the open) and the *open*
    descriptor is checked (``fstat``: a plain file, not a FIFO, device or socket); the bytes are counted
    as they are read, so a file that grows, or whose size ``stat`` does not tell, stops at the limit."""
    path = Path(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ArticleError(path, "does not exist") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a folder, expected a .txt article") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(path, NOT_READ["symlink"]) from None
        raise ArticleError(path, f"cannot be read ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ArticleError(path, "is a folder, expected a .txt article")
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(path, NOT_READ["special"].format(kind=file_kind(st.st_mode)))
        if st.st_size > max_bytes:
            raise _too_big(path, f"{st.st_size:,} bytes", max_bytes)
        chunks, n = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - n)):
            chunks.append(chunk)
            n += len(chunk)
            if n > max_bytes:  # the file grew, or stat did not tell its size: never read past the limit
                raise _too_big(path, "more", max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_big(path: Path | str, size: str, limit: int) -> ArticleError:
    more = "more than" if size == "more" else f"{size}, more than"
    return ArticleError(path, f"is {more} the {limit:,} an article may have (split it into several articles)")


def read_article(path: Path | str, max_bytes: int = MAX_ARTICLE_BYTES, follow: bool = False,
                 quiet: bool = False) -> Article:
    """Read one article file (:func:`read_bytes`); an empty one is a warning (none when ``quiet``) and an
    article with no lines; one over ``max_bytes`` is refused before it is read whole."""
    path = Path(path)
    return parse_article(path.name, read_bytes(path, max_bytes, follow), path, max_bytes, quiet)


def parse_article(name: str, raw: bytes, path: Path | str | None = None, max_bytes: int = MAX_ARTICLE_BYTES,
                  quiet: bool = False) -> Article:
    if len(raw) > max_bytes:
        raise ArticleError(path or name, f"is {len(raw):,} bytes, more than the {max_bytes:,} an article "
                                         "may have (split it into several articles)")
    text, encoding = decode(raw, path or name)
    text = normalise(text).strip()  # offsets count from the first printed character
    if not text.strip():
        say(f"{name}: the article is empty; it yields no figures", quiet)
        return Article(name, text, (), encoding)
    return Article(name, text, classify_lines(text), encoding)


#: Files of a seeds folder that are documentation, not articles (not reported as skipped).
DOCUMENTATION = ("README.md", "corrections.yml")  # the register; a maintainer's corrections (corrections.py)

#: Why a file of a seeds folder is not read, in the build log's words (the book's are in the catalogues:
#: ``sources.not_read.<reason>``).
NOT_READ = {
    "not_txt": "only .txt files are articles",
    "hidden": "a hidden file (its name starts with a dot)",
    "control_name": "its name holds control characters (shown escaped)",
    "symlink": "is a symbolic link; only plain files in the folder are read",
    "special": "is a {kind}, not a plain file",
    "folder": "is a folder",
    "duplicate": "same text as {other}: skipped (its figures would count twice)",
}

def file_kind(mode: int) -> str:
    """What a file that is not a plain file is, in words."""
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISLNK, "symbolic link"),
                       (stat.S_ISDIR, "folder")):
        if test(mode):
            return kind
    return "special file"


@dataclass(frozen=True)
class NotRead:
    """A file of a seeds folder that was not read: its name (escaped) and why (a key of :data:`NOT_READ`)."""

    name: str
    reason: str
    detail: str = ""  # the kind of a special file, the article a duplicate repeats

    def message(self, folder: str = "") -> str:
        """One line of the build log: the file and the reason."""
        why = NOT_READ[self.reason].format(kind=self.detail, other=self.detail)
        return f"{folder + '/' if folder else ''}{self.name}: {'' if self.reason == 'duplicate' else 'not read: '}{why}"


def scan(folder: Path | str) -> tuple[list[Path], list[NotRead]]:
    """The articles of a folder (its plain ``*.txt`` files, sorted) and every other entry with why it is not
    read.  Only the directory entries are looked at (``lstat``, nothing is opened or followed)."""
    folder = Path(folder)
    found: list[Path] = []
    skipped: list[NotRead] = []
    with os.scandir(folder) as entries:
        listed = sorted(entries, key=lambda e: e.name)
    for entry in listed:
        name = entry.name
        if unsafe_name(name):
            skipped.append(NotRead(shown_name(name), "control_name"))
            continue
        if name.startswith("."):
            skipped.append(NotRead(name, "hidden"))
            continue
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError:  # removed while listed
            continue
        if stat.S_ISLNK(mode):
            skipped.append(NotRead(name, "symlink"))
        elif stat.S_ISDIR(mode):
            skipped.append(NotRead(name, "folder"))
        elif not stat.S_ISREG(mode):
            skipped.append(NotRead(name, "special", file_kind(mode)))
        elif name in DOCUMENTATION:
            continue
        elif not name.endswith(".txt"):
            skipped.append(NotRead(name, "not_txt"))
        else:
            found.append(folder / name)
    return found, skipped


def article_paths(paths: Iterable[Path | str], skipped: list[NotRead] | None = None,
                  quiet: bool = False) -> list[Path]:
    """Expand files and folders (their plain ``*.txt`` files) into a sorted list; a missing path is an error.

    Every other entry of a folder (``ARTICLE.TXT``, a symbolic link, a FIFO, a hidden file, a name with
    control characters) is reported as not read, one line each (unless ``quiet``), and added to ``skipped``."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found, refused = scan(p)
            out.extend(found)
            for nr in refused:
                say(nr.message(p.name), quiet)
            if skipped is not None:
                skipped.extend(refused)
        elif p.exists() or p.is_symlink():
            out.append(p)  # a file named on the command line: read_article checks what it is
        else:
            raise ArticleError(p, "does not exist (expected a .txt article or a folder of them)")
    return out


def say(message: str, quiet: bool = False) -> None:
    """A warning about the articles in the log (``quiet``: none).

    A folder is read several times by one process (a chapter reads it for its figures, its sources and its
    places); one reading of each speaks and the others pass ``quiet``: the build's plan
    (``deps.article_index``) and, in a chapter, the figure table (``dataset.load``).  Chapters executed by a
    build say it at debug level only: the build said it in its log (``DISTRICTBOOK_SEEDS_REPORTED``)."""
    if not quiet:
        log.log(logging.DEBUG if os.environ.get("DISTRICTBOOK_SEEDS_REPORTED") else logging.WARNING, "%s", message)


def text_key(text: str, nfc: bool = False) -> str:
    """What makes two articles the same: their NFC text with white space collapsed (``nfc``: the text
    is NFC already, as an :class:`Article`'s is)."""
    return hashlib.sha256(" ".join((text if nfc else normalise(text)).split()).encode("utf-8")).hexdigest()


def iter_articles(paths: Iterable[Path | str], max_bytes: int = MAX_ARTICLE_BYTES,
                  skipped: list[NotRead] | None = None, quiet: bool = False) -> Iterator[Article]:
    """Stream articles one at a time (memory does not grow with the corpus: one hash per article).

    An article with the same text as one read before it is reported and skipped: its figures
    would otherwise count twice.  Files not read (and the duplicates) are added to ``skipped``; ``quiet``:
    nothing is logged (another reading of the same folder by this process speaks, :func:`say`)."""
    seen: dict[str, str] = {}
    given = [Path(p) for p in paths]
    named = {p for p in given if not p.is_dir()}  # a file named on the command line may be a link; a FIFO never
    for p in article_paths(paths, skipped, quiet):
        article = read_article(p, max_bytes, follow=p in named, quiet=quiet)
        key = text_key(article.text, nfc=True)
        if article.text.strip() and key in seen:
            dup = NotRead(article.name, "duplicate", seen[key])
            say(dup.message(), quiet)
            if skipped is not None:
                skipped.append(dup)
            continue
        seen.setdefault(key, article.name)
        yield article
