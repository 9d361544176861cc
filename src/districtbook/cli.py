"""The ``districtbook`` command: parses arguments and calls plain functions, nothing more."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from districtbook.base.errors import DistrictbookError

log = logging.getLogger("districtbook")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="districtbook", description="Build the districtbook report book.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="execute every chapter of book/manifest.yml and build the HTML (and PDF)")
    b.add_argument("--pdf", action="store_true", help="also build the PDF")
    b.add_argument("-j", "--jobs", type=int, default=None, help="chapters executed at once (default: the cores + 1)")
    b.add_argument("--no-cache", action="store_true", help="execute every chapter even if nothing changed")
    b.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="how long to wait for another build of this project to finish (default: 10)")

    r = sub.add_parser("run", help="execute one template with parameters")
    r.add_argument("template", help="a template in notebooks/ (name or path)")
    r.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="a parameter value (converted to the template's declared type)")
    r.add_argument("-f", "--file", help="a YAML file of parameters")
    r.add_argument("-o", "--output", help="the executed notebook (default: _build/runs/TEMPLATE.ipynb)")

    i = sub.add_parser("params", help="list a template's parameters")
    i.add_argument("template")

    e = sub.add_parser("extract", help="extract figures from articles (files or folders of .txt)")
    e.add_argument("paths", nargs="+")
    e.add_argument("-o", "--output", help="write here instead of standard output")
    e.add_argument("--format", choices=("csv", "json"), default="csv")
    s = sub.add_parser("score", help="extract the development set of real articles and score the figures")
    s.add_argument("devset", nargs="?", default=None, help="the development set (default: ../shared/devset)")
    s.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when F1 is below this")
    s.add_argument("--min-field", type=float, default=0.0,
                   help="exit 1 when district, period or basis agreement is below this")
    s.add_argument("--show", type=int, default=0, help="list this many missed and extra figures")
    s.add_argument("--only", default="", help="score articles dA-dB alone (d41-d60: the validation half)")
    c = sub.add_parser("check-site", help="open every page of the built site in Chromium and report problems")
    c.add_argument("--site", default=None, help="the built site (default: _build/html)")
    c.add_argument("--screenshots", default=None, help="save a screenshot of every page here")
    c.add_argument("--search", default=None, help="text the site's search must find (default: the first place the "
                   "articles in seeds/ report on)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    logging.getLogger("papermill").setLevel(logging.WARNING)
    steps: list[str] = []  # the build's publish steps: "done" once the new book is visible
    try:
        if args.command == "build":
            from districtbook.building.build import build

            from districtbook.base.lock import DEFAULT_WAIT

            wait = DEFAULT_WAIT if args.wait is None else args.wait
            for kind, path in build(pdf=args.pdf, jobs=args.jobs, use_cache=not args.no_cache, wait=wait,
                                    on_step=steps.append).items():
                print(f"{kind}: {path}")
        elif args.command == "run":
            from districtbook.building.execute import run

            raw = dict(args.parameter)
            print(run(args.template, raw=raw, yaml_file=args.file, output=args.output))
        elif args.command == "params":
            from districtbook.building.parameters import declared

            for prm in declared(args.template):
                print(f"{prm.name}: {prm.type} = {prm.default}" + (f"  # {prm.help}" if prm.help else ""))
        elif args.command == "check-site":
            from districtbook.base.paths import build_dir
            from districtbook.checks.sitecheck import check_site

            from districtbook.building.parameters import known_districts
            from districtbook.base.paths import seeds_dir

            site = Path(args.site) if args.site else build_dir() / "html"
            # the search must find a place the book is about: the first the articles report on (or --search)
            query = args.search or next(iter(known_districts(seeds_dir())), "")
            report = check_site(site, Path(args.screenshots) if args.screenshots else None,
                                {"search.html": query, "en/search.html": query} if query else {})
            for problem in report.problems:
                print(problem)
            print(f"{len(report.pages)} pages, {len(report.problems)} problems, search hits: {report.search_hits}")
            return 1 if report.problems or not all(report.search_hits.values()) else 0
        elif args.command == "score":
            from districtbook.extraction.score import score

            return score(Path(args.devset) if args.devset else None, args.min_f1, args.min_field, args.show,
                         only=args.only)
        elif args.command == "extract":
            from districtbook.extraction.extract import write_figures
            from districtbook.base.procs import children_die_with_us

            with children_die_with_us():  # SIGTERM too ends in the clean-up of the figure table's temporary file
                n = write_figures(args.paths, Path(args.output) if args.output else None, fmt=args.format)
            log.info("%d figures%s", n, f" written to {args.output}" if args.output else "")
    except DistrictbookError as exc:
        print(f"districtbook: error: {exc}{_unchanged(args, 'done' in steps, failed=True)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        from districtbook.base.procs import Terminated

        print(f"districtbook: interrupted{_unchanged(args, 'done' in steps)}", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    return 0


def _unchanged(args: argparse.Namespace, published: bool, failed: bool = False) -> str:
    """What an interrupted (or failed) command left as it was, in its own terms."""
    if args.command == "build":
        if published:  # the signal came while the new generation was being made visible: it is complete
            return "; the new book was published whole before it stopped"
        return "" if failed else "; the previous book is unchanged"
    if args.command == "extract":
        if not args.output:
            return "" if failed else "; the figure table on standard output is incomplete"
        return f"; the figure table {args.output} was not written" + (
            " (the previous file is unchanged)" if Path(args.output).exists() else "")
    return ""
