"""marsad's HTML extraction side by side with trafilatura, readability-lxml and resiliparse.

    python bench/bench_extraction.py [--gold DIR ...] [--repeat N] [--json]

On the same gold pages (default: ../shared/data/extraction/dev) each extractor gets the
page bytes and is scored like `marsad eval extraction`: body bag-of-tokens P/R/F1, exact
title and publication date where the extractor gives them, boilerplate leaks. Speed is
pages per CPU-second on one core (time.process_time), each page extracted N times, with
each extractor called as its users call it by default (trafilatura: ``extract(html)``;
its title/date come from a separate, untimed ``bare_extraction(with_metadata=True)``).
The competitors are the optional extra ``pip install -e .[bench]``; marsad never imports them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from marsad.document import RawPage
from marsad.evaluation.extraction import PageScore, load_gold, score_page, summarize
from marsad.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data/extraction/dev"


@dataclass(slots=True)
class Output:
    body: str
    title: str | None = None
    published: datetime | None = None
    extra: str = ""  # other text the extractor outputs (captions, byline): checked for leaks


@dataclass(slots=True)
class Extractor:
    name: str
    run: Callable[[bytes, str | None], Output]  # for scores
    timed: Callable[[bytes, str | None], object]  # the default call, for speed
    gives_date: bool = True


def _marsad() -> Extractor:
    from marsad.evaluation.extraction import article_output
    from marsad.extraction.html import extract_html

    settings = Settings()

    def run(data: bytes, url: str | None) -> Output:
        art = extract_html(RawPage(content=data, url=url), settings)
        return Output("\n".join(art.paragraphs), art.title, art.published, article_output(art))

    return Extractor("marsad", run, run)


def _trafilatura(precision: bool) -> Extractor:
    import trafilatura

    def run(data: bytes, url: str | None) -> Output:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, favor_precision=precision
        )
        if doc is None:
            return Output("")
        date = _date(getattr(doc, "date", None))
        return Output(getattr(doc, "text", "") or "", getattr(doc, "title", None), date)

    def timed(data: bytes, url: str | None) -> object:
        return trafilatura.extract(data, url=url, favor_precision=precision)

    name = "trafilatura (favor_precision)" if precision else "trafilatura (default)"
    return Extractor(name, run, timed)


def _readability() -> Extractor:
    from lxml import html as lhtml
    from readability import Document

    def run(data: bytes, url: str | None) -> Output:
        doc = Document(data, url=url)
        summary = doc.summary(html_partial=True)
        tree = lhtml.fromstring(summary) if summary.strip() else None
        blocks = [] if tree is None else [" ".join(t.split()) for t in tree.itertext()]
        return Output("\n".join(b for b in blocks if b), doc.short_title())

    def timed(data: bytes, url: str | None) -> object:
        return Document(data, url=url).summary()

    return Extractor("readability-lxml", run, timed, gives_date=False)


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def timed(data: bytes, url: str | None) -> object:
        tree = HTMLTree.parse_from_bytes(data, detect_encoding(data))
        return extract_plain_text(tree, main_content=True), tree.title

    def run(data: bytes, url: str | None) -> Output:
        text, title = timed(data, url)  # type: ignore[misc]
        return Output(text, title)

    return Extractor("resiliparse", run, timed, gives_date=False)


def _date(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _pages(gold_dirs: list[Path]) -> list[tuple[dict[str, Any], bytes]]:
    return [
        (g, (root / g["page_file"]).read_bytes()) for d in gold_dirs for g, root in load_gold(d)
    ]


def bench(ex: Extractor, pages: list[tuple[dict[str, Any], bytes]], repeat: int) -> dict[str, Any]:
    scores: list[PageScore] = []
    for gold, data in pages:
        try:
            out = ex.run(data, gold.get("url"))
        except Exception as exc:  # a competitor failing on a page scores zero there
            scores.append(PageScore(page_id=gold["page_id"], error=repr(exc)))
            continue
        scores.append(
            score_page(
                gold,
                body=out.body,
                title=out.title,
                published=out.published,
                output="\n".join(p for p in (out.title, out.body, out.extra) if p),
            )
        )
    start = time.process_time()
    for _ in range(repeat):
        for gold, data in pages:
            with contextlib.suppress(Exception):  # failures are counted in the scores
                ex.timed(data, gold.get("url"))
    cpu = time.process_time() - start
    mean = summarize(scores)
    if not ex.gives_date:
        mean["date_accuracy"] = None
    mean["pages_per_second"] = len(pages) * repeat / cpu if cpu else float("inf")
    return {
        "name": ex.name,
        "mean": mean,
        "pages": [s.page_id for s in scores],
        "f1": [round(s.f1, 3) for s in scores],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", help="gold folder(s); default: dev set")
    ap.add_argument("--repeat", type=int, default=10, help="times each page is extracted (speed)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    pages = _pages(args.gold or [DEFAULT_GOLD])
    extractors = [_marsad()]
    for make in (
        lambda: _trafilatura(False),
        lambda: _trafilatura(True),
        _readability,
        _resiliparse,
    ):
        try:
            extractors.append(make())
        except ImportError as exc:
            print(f"skipped: {exc} (pip install -e .[bench])", file=sys.stderr)
    results = [bench(ex, pages, args.repeat) for ex in extractors]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    _print(results, len(pages), args.repeat)
    return 0


def _print(results: list[dict[str, Any]], n_pages: int, repeat: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"HTML extraction on {n_pages} pages, speed over {repeat} rounds, 1 core")
    for col in ("extractor", "P", "R", "F1", "title", "date", "leaks", "errors", "pages/s"):
        table.add_column(col, justify="left" if col == "extractor" else "right")
    for r in results:
        m = r["mean"]
        date = "-" if m["date_accuracy"] is None else f"{m['date_accuracy']:.0%}"
        table.add_row(
            r["name"],
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            f"{m['title_accuracy']:.0%}",
            date,
            str(m["leaks"]),
            str(m["errors"]),
            f"{m['pages_per_second']:.1f}",
        )
    console = Console(width=120)
    console.print(table)
    console.print(
        "per-page F1: " + "; ".join(f"{r['name']}: {r['f1']}" for r in results), highlight=False
    )


if __name__ == "__main__":
    raise SystemExit(main())
