"""Reading the built site as a reader's browser does: Debian's Chromium, driven by Playwright.

Every page is served on 127.0.0.1 and opened (a few tabs at a time); a problem is reported for a
console error, an image that does not load or has no alt text, a request that would leave the
machine (it is blocked, never sent), an internal link to nothing, a heading that skips a level,
code or printed output not set in a font that has the Vietnamese letters, a missing link to the
other edition or the PDF, and a page that scrolls sideways once its tab is narrowed to a phone's
400 px.  Screenshots of every page (at both widths) can be saved for review.

Injected markup is a problem too: any ``<script>`` or inline event handler (an ``on*=`` attribute)
that is not one the theme (pydata/sphinx-book-theme, Sphinx) writes on every page, and any
call of ``alert``/``confirm``/``prompt`` while a page loads (a script that ran).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MONO_FONT = "Noto Sans Mono Vietnamese"
#: How long a page may take to load and settle (a machine busy with builds can be slow; a page that never settles fails)
TIMEOUT_MS = 120_000
#: how long a page may take to load and fall quiet, and how often it is opened before that is a finding
LOAD_TIMEOUT_MS, LOAD_ATTEMPTS = 60_000, 2

#: The inline scripts the theme and Sphinx write (string literals and white space normalised away).
THEME_INLINE_SCRIPTS = frozenset({
    'document.documentElement.dataset.mode = localStorage.getItem("") || ""; '
    'document.documentElement.dataset.theme = localStorage.getItem("") || "";',
    "let toggleHintShow = '';", "let toggleHintHide = '';", "let toggleOpenOnPrint = '';",
    "var togglebuttonSelector = '';", "DOCUMENTATION_OPTIONS.pagename = '';",
    "DOCUMENTATION_OPTIONS.search_as_you_type = false;", "kernelName = ''",
    # search.html (pydata-sphinx-theme)
    '// Activate the search field on page load let searchInput = document.querySelector(""); '
    'if (searchInput) { searchInput.focus(); searchInput.select(); console.log(""); }',
})
#: The inline event handlers the theme writes: (element, attribute, value).
THEME_HANDLERS = frozenset({("button", "onclick", "window.print()"), ("button", "onclick", "toggleFullScreen()")})
#: Script types the browser does not run (data blocks such as Thebe's configuration).
_JS_TYPES = ("", "text/javascript", "module", "application/javascript")
_STRING = re.compile(r"'(?:[^'\\\n]|\\.)*'" + r'|"(?:[^"\\\n]|\\.)*"')

_CANARY = """
window.__districtbookRan = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__districtbookRan.push(name + '(' + args.map(String).join(', ') + ')'); };
}
"""


def _normalise_script(text: str) -> str:
    r"""An inline script with its string literals emptied and white space collapsed.

    >>> _normalise_script("  DOCUMENTATION_OPTIONS.pagename = 'book/x';\n")
    "DOCUMENTATION_OPTIONS.pagename = '';"
    """
    return " ".join(_STRING.sub(lambda m: m.group(0)[0] * 2, text).split())


def injected(scripts: list[dict[str, Any]], handlers: list[dict[str, Any]], site: Path | None = None) -> list[str]:
    r"""The scripts and inline event handlers of a page that the theme did not put there.

    ``scripts``: ``{"src", "type", "text"}`` per ``<script>`` (``src`` as written, relative to the page);
    ``handlers``: ``{"tag", "name", "value"}`` per ``on*`` attribute.

    >>> injected([{"src": None, "type": "", "text": "alert(1)"}], [{"tag": "img", "name": "onerror", "value": "alert(1)"}])
    ['script not from the theme: alert(1)', 'inline event handler not from the theme: <img onerror="alert(1)">']
    >>> injected([{"src": None, "type": "", "text": "DOCUMENTATION_OPTIONS.pagename = 'x';"}],
    ...          [{"tag": "button", "name": "onclick", "value": "window.print()"}])
    []
    """
    out = []
    for sc in scripts:
        if (sc.get("type") or "").strip().lower() not in _JS_TYPES:
            continue  # a data block: never executed
        src = sc.get("src")
        if src:
            parsed = urlparse(src)
            path = PurePosixPath(unquote(parsed.path))
            if parsed.scheme or parsed.netloc or not (path.parts and (path.name == "searchindex.js" or "_static" in path.parts)):
                out.append(f"script not from the theme: src={src[:200]}")
        elif _normalise_script(sc.get("text") or "") not in THEME_INLINE_SCRIPTS:
            out.append(f"script not from the theme: {' '.join((sc.get('text') or '').split())[:200]}")
    for h in handlers:
        if (h["tag"], h["name"], h["value"].strip()) not in THEME_HANDLERS:
            out.append(f'inline event handler not from the theme: <{h["tag"]} {h["name"]}="{h["value"][:200]}">')
    return out


@dataclass
class Report:
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    search_hits: dict[str, int] = field(default_factory=dict)
    search_results: dict[str, list[str]] = field(default_factory=dict)  # the result links of each search


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # no request log on stderr
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """The site's HTML pages, relative to its folder (static files and Sphinx's own indexes left out)."""
    skip = {"_static", "_sources", "_images", "_sphinx_design_static", "_downloads"}
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                  if not skip & set(p.relative_to(site).parts) and p.name not in ("genindex.html",))


#: the least a chart's image may be scaled down on screen: its 9.5 pt labels, 20 px tall in the image, then stay
#: above 9 px (a phone shows the chart's phone rendition, or scrolls the wide one sideways)
MIN_CHART_SCALE = 0.45
#: the themes' English words a Vietnamese page must not show (search field, tooltips, labels)
ENGLISH_UI = frozenset({"Search this book...", "Toggle primary sidebar", "Toggle secondary sidebar", "Dark", "Light",
                        "next page", "previous page", "Link to this heading", "Color mode", "Page", "Version warning",
                        "Main", "On this page"})

_PAGE_JS = """
async () => {
  await document.fonts.ready;
  const imgs = [...document.querySelectorAll('img')].map(i => ({src: i.getAttribute('src'),
      ok: i.complete && i.naturalWidth > 0, alt: (i.getAttribute('alt') || '').trim()}));
  const links = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
  const main = document.querySelector('main article') || document.querySelector('article') || document.body;
  const heads = [...main.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => parseInt(h.tagName[1]));
  const code = document.querySelector('article code, article pre');
  const mono = code ? getComputedStyle(code).fontFamily : null;
  const monoLoaded = document.fonts.check('16px "%s"', 'ồ');
  const bar = document.querySelector('nav.edition-bar');
  const edition = !!(bar && bar.querySelector('a.edition-other'));
  const pdf = !!(bar && bar.querySelector('a.edition-pdf'));
  const ui = [...document.querySelectorAll('[title], [placeholder], [aria-label]')].flatMap(
      e => ['title', 'placeholder', 'aria-label'].map(a => e.getAttribute(a)).filter(v => v));
  const scripts = [...document.querySelectorAll('script')].map(s => ({src: s.getAttribute('src'),
      type: s.getAttribute('type') || '', text: s.textContent}));
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) handlers.push({tag: el.tagName.toLowerCase(), name: a.name, value: a.value});
    }
  }
  return {imgs, links, heads, mono, monoLoaded, edition, pdf, lang: document.documentElement.lang, scripts,
          handlers, ran: window.__districtbookRan || [], ui};
}
""" % MONO_FONT
#: the charts shown (a hidden rendition is not) scaled down so far that their text is unreadable
_SMALL_CHARTS_JS = f"""
() => [...document.querySelectorAll('figure img, img.phone-chart')].filter(i => {{
  const w = i.getBoundingClientRect().width;
  return w > 0 && i.naturalWidth > 0 && w / i.naturalWidth < {MIN_CHART_SCALE};
}}).map(i => i.getAttribute('src'))
"""
_SIDEWAYS_JS = "() => document.documentElement.scrollWidth > window.innerWidth + 1"
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _link_target(site: Path, page: str, href: str) -> Path | None:
    """The file an internal link points to, or None for external and in-page links."""
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or href.startswith(("#", "mailto:", "javascript:")):
        return None
    path = unquote(parsed.path)
    if not path:
        return None
    target = (site / page).parent / path
    return target / "index.html" if path.endswith("/") else target


def check_site(site: Path, screenshots: Path | None = None,
               searches: dict[str, str] | list[tuple[str, str]] | None = None, pages: list[str] | None = None,
               concurrency: int = 3) -> Report:
    """Open every page of the built site (or the ``pages`` given) in Chromium and report what a reader would meet.

    ``searches``: search pages and the query typed into each (a mapping, or ``(page, query)`` pairs to search one
    page for several queries).  Pages are opened ``concurrency`` at a time, each in its own tab; a page is
    checked at 1280 px, then the same tab is narrowed to a phone's 400 px.  With ``screenshots`` the pages are taken
    one at a time, each in a fresh browser context: Chromium's full-page shots of tabs narrowed side by side in one
    context came out as tiles of the 400 px layout, or with the sidebar shifted.
    """
    import asyncio

    report = Report(pages=pages if pages is not None else site_pages(site))
    queries = list(searches.items()) if isinstance(searches, dict) else list(searches or ())
    with serve(site) as base:
        asyncio.run(_check(site, base, report, screenshots, queries, max(1, concurrency)))
    return report


async def _check(site: Path, base: str, report: Report, screenshots: Path | None,
                 queries: list[tuple[str, str]], concurrency: int) -> None:
    import asyncio

    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await _new_context(browser)
            gate = asyncio.Semaphore(concurrency)
            if screenshots is not None:  # one page at a time, each in a browser of its own: clean full-page shots
                (screenshots / "400").mkdir(parents=True, exist_ok=True)
                found = []
                for rel in report.pages:
                    own = await _new_context(browser)
                    found.append(await _check_page(own, gate, base, site, rel, screenshots))
                    await own.close()
            else:
                found = await asyncio.gather(*(_check_page(context, gate, base, site, rel, screenshots)
                                               for rel in report.pages))
            for rel, problems in zip(report.pages, found, strict=True):
                report.problems += [f"{rel}: {p}" for p in dict.fromkeys(problems)]
            results = await asyncio.gather(*(_search(context, gate, base, rel, query) for rel, query in queries))
            for (rel, query), (hits, links) in zip(queries, results, strict=True):
                report.search_hits[f"{rel}?q={query}"] = hits
                report.search_results[f"{rel}?q={query}"] = links
        finally:
            await browser.close()


async def _new_context(browser: Any) -> Any:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    await context.add_init_script(_CANARY)
    return context


def _blocker(problems: list[str]) -> Callable[[Any], Awaitable[None]]:
    """A route handler: requests to 127.0.0.1 go through; any other is blocked (never sent) and reported."""
    async def route(r: Any) -> None:
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            await r.continue_()
        else:
            problems.append(f"request leaves the machine: {r.request.url}")
            await r.abort()
    return route


async def _check_page(context: Any, gate: Any, base: str, site: Path, rel: str, screenshots: Path | None) -> list[str]:
    """The problems of one page, as a reader's browser meets them."""
    current: list[str] = []
    async with gate:
        page = await _open(context, base + rel, current)
        if page is None:
            return current
        info = await page.evaluate(_PAGE_JS)
        landed = urlparse(page.url).path.lstrip("/")  # after a redirect (index.html), links are relative to it
        landed = unquote(landed) if landed else rel
        current += page_problems(info, site, landed)
        shot = rel.replace("/", "__").removesuffix(".html") + ".png"
        if screenshots is not None:
            await page.screenshot(path=str(screenshots / shot), full_page=True)
        current += await _phone_problems(page)
        if screenshots is not None:
            await page.screenshot(path=str(screenshots / "400" / shot), full_page=True)
        await page.close()
    return current


def page_problems(info: dict[str, Any], site: Path, landed: str) -> list[str]:
    """What a page's content shows wrong (images, links, scripts, headings, the edition bar, English words on a
    Vietnamese page, the monospace font), from what the browser reported (``_PAGE_JS``)."""
    out: list[str] = []
    for img in info["imgs"]:
        if not img["ok"]:
            out.append(f"image does not load: {img['src']}")
        if not img["alt"] and "logo" not in (img["src"] or ""):
            out.append(f"image without alt text: {img['src']}")
    for href in info["links"]:
        target = _link_target(site, landed, href)
        if target is not None and not target.exists():
            out.append(f"link to nothing: {href}")
    out += injected(info["scripts"], info["handlers"])
    out += [f"script ran: {call[:200]}" for call in info["ran"]]
    heads = info["heads"]
    if heads and heads[0] != 1:
        out.append(f"first heading is h{heads[0]}, not h1")
    for a, b in zip(heads, heads[1:], strict=False):
        if b > a + 1:
            out.append(f"heading skips a level: h{a} then h{b}")
    if not info["edition"]:  # the search page too (its template places the bar)
        out.append("no link to the other edition")
    if not info["pdf"]:
        out.append("no link to the edition's PDF")
    if info["lang"] == "vi":
        out += [f"English words on a Vietnamese page: {w}" for w in sorted(ENGLISH_UI & set(info["ui"]))]
    if info["mono"] is not None and (MONO_FONT not in info["mono"] or not info["monoLoaded"]):
        out.append(f"code is not set in {MONO_FONT}: {info['mono']}")
    return out


async def _phone_problems(page: Any) -> list[str]:
    """At a phone's width (400 px): the page must not scroll sideways, and no chart may be too narrow to read."""
    out: list[str] = []
    # a phone: the page must not scroll sideways (wide tables scroll inside); the stylesheet's narrow
    # rules apply as the window narrows, and the theme's scripts get two frames to react
    await page.set_viewport_size({"width": 400, "height": 800})
    await page.evaluate(_TWO_FRAMES)
    if await page.evaluate(_SIDEWAYS_JS):
        out.append("the page scrolls sideways at 400 px")
    small = await page.evaluate(_SMALL_CHARTS_JS)
    out += [f"chart shown at less than {MIN_CHART_SCALE:.0%} of its size at 400 px (unreadable text): {src}"
            for src in small]
    return out


async def _open(context: Any, url: str, current: list[str], attempts: int = LOAD_ATTEMPTS) -> Any:
    """A new tab with the page at ``url`` loaded and its network quiet, what it meets reported into ``current``;
    None (and a finding) when it did not settle within ``LOAD_TIMEOUT_MS``, ``attempts`` times in a fresh tab
    (a browser starved of CPU on a busy machine can stall one page)."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    for _ in range(attempts):
        page = await context.new_page()
        await page.route("**/*", _blocker(current))
        page.on("console", lambda m: current.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: current.append(f"script error: {e}"))
        page.on("response", lambda r: current.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        try:
            await page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
            await page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
            return page
        except PlaywrightTimeout:
            await page.close()
    current.append(f"the page did not finish loading within {LOAD_TIMEOUT_MS // 1000} s, {attempts} times")
    return None


async def _search(context: Any, gate: Any, base: str, rel: str, query: str) -> tuple[int, list[str]]:
    """How many results a search page lists for ``query``, and their links (none within 60 s: 0, a finding)."""
    async with gate:
        page = await context.new_page()
        await page.goto(f"{base}{rel}?q={query}", wait_until="load")
        try:
            await page.wait_for_selector("#search-results li", timeout=60_000)
            await page.wait_for_timeout(500)  # results are appended as they are found
            return (await page.locator("#search-results li").count(),
                    await page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))"))
        except Exception:  # noqa: BLE001 - no result within the time is a finding, not a crash
            return 0, []
        finally:
            await page.close()
