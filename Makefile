# districtbook: `make` (or `make help`) lists the targets. Each target is one call into the CLI.
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
DB := $(VENV)/bin/districtbook
# Debian packages the PDF (xelatex, Vietnamese fonts) and its checks (pdftotext) need.
# chromium: the browser tests (driven by Playwright, never a downloaded browser).
DEB_PACKAGES := latexmk texlive-xetex texlive-fonts-recommended fonts-freefont-otf poppler-utils chromium

.PHONY: help setup deb book html test score check-new-articles check-devset-book bench font clean

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

deb:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## setup: create .venv, install the pinned requirements and the Debian packages (PDF, browser tests)
setup: $(VENV)/.installed deb

## book: execute every chapter of both editions, build the HTML (_build/html, _build/html/en) and the PDFs (_build/pdf/)
book: setup
	$(DB) build --pdf

## html: like book, without the PDF
html: setup
	$(DB) build

## test: unit tests, doctests, end-to-end and browser tests (own fixture articles), live-seeds checks, nbval over the committed chapters
# One run on two pytest-xdist workers, a file's tests on one worker (--dist loadfile): a notebook's cells, a module's
# build; the tests that read the session's shared builds all on one, the longest first (tests/conftest.py).
TEST_WORKERS ?= 2
NBVAL_ARGS := --nbval book/chapters book/en/chapters --ignore=_build --nbval-sanitize-with tests/nbval_sanitize.cfg
test: setup
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile src tests $(NBVAL_ARGS)

## score: extract the development set of real articles (../shared/devset) and print precision, recall, F1, field agreement
score: setup
	$(DB) score

## check-new-articles: copy the project, add three new articles, then `make book` and `make test` there (CI runs it)
check-new-articles: setup
	$(PY) tests/check_new_articles.py

## check-devset-book: copy the project, add the 60 real articles of ../shared/devset/articles, then `make book` (HTML and PDF, both editions) and the live-book tests there (CI runs it)
DEVSET ?= ../shared/devset/articles
check-devset-book: setup
	$(PY) tests/check_devset_book.py --devset $(DEVSET)

## bench: districtbook against a papermill loop and Jupyter Book's cache (cold, nothing changed, article added/changed), build times, extraction throughput
bench: setup
	$(PY) -m districtbook.building.bench

## font: remake the monospace font subset the HTML ships (needs the Debian package fonts-noto-mono)
font: setup
	$(VENV)/bin/pyftsubset /usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf --layout-features='*' --output-file=book/_static/fonts/NotoSansMono-Vietnamese.ttf --unicodes="U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0303,U+0309,U+0323,U+1EA0-1EF9,U+20AB,U+2013-2014,U+2018-201D,U+2026"

## clean: remove _build (the committed chapters in book/ stay)
clean:
	rm -rf _build
