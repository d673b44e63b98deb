"""spark, load, stories, related, fetch, feed: inputs beyond local files, and scale."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from ..document import Failure, RawPage
from ..settings import Settings
from .common import err_console, print_json, resolve_db

DbOpt = Annotated[
    Path | None, typer.Option("--db", help="SQLite database file (default: marsad.db).")
]


def register(app: typer.Typer) -> None:
    @app.command()
    def spark(
        inputs: Annotated[
            list[Path], typer.Option("--input", help="WARC files or directories (repeatable).")
        ],
        output: Annotated[Path, typer.Option("--output", help="Directory for Parquet tables.")],
        master: Annotated[
            str, typer.Option(help="Spark master; local[N] runs on this machine.")
        ] = "local[*]",
        stages: Annotated[
            str | None,
            typer.Option(
                help="Comma-separated stages, e.g. ner,linking,events (default: all "
                "that `analyze` runs)."
            ),
        ] = None,
    ) -> None:
        """Run the pipeline on Apache Spark; write articles, mentions, entities, events,
        stories and failures as Parquet under OUTPUT."""
        from ..scale.spark import run_spark, spark_session

        settings = Settings()
        if stages is not None:
            settings = settings.with_(stages=tuple(s for s in stages.split(",") if s))
        session = spark_session(master)
        try:
            summary = run_spark(session, [str(p) for p in inputs], output, settings)
        finally:
            session.stop()
        err_console().print(summary.render(output))

    @app.command()
    def load(
        directory: Annotated[Path, typer.Argument(help="The --output directory of `spark`.")],
        db: DbOpt = None,
    ) -> None:
        """Pull the Parquet tables of `marsad spark` into the SQLite store."""
        from ..scale.load import load_tables
        from ..store import open_store

        path = resolve_db(db)
        with open_store(path) as store:
            summary = load_tables(directory, store)
        err_console().print(summary.render(path))

    @app.command()
    def stories(
        db: DbOpt = None,
        limit: Annotated[int, typer.Option(help="How many of the largest stories to list.")] = 20,
    ) -> None:
        """Group every stored article into stories (copies across sites), then list the
        largest as JSON lines."""
        from ..store import open_store
        from ..store.stories import largest_stories
        from ..stories.rebuild import rebuild_stories

        path = resolve_db(db)
        with open_store(path) as store:
            articles, count = rebuild_stories(store)
            err_console().print(f"{articles} articles -> {count} stories  (database: {path})")
            for row in largest_stories(store.db, limit=limit):
                print_json(row)

    @app.command()
    def related(
        article_id: Annotated[int, typer.Argument(help="Article id from `marsad list`.")],
        db: DbOpt = None,
    ) -> None:
        """Other copies of an article's story (run `marsad stories` first), as JSON lines."""
        from ..store import open_store
        from ..store.stories import related_articles

        with open_store(resolve_db(db)) as store:
            for row in related_articles(store.db, article_id):
                print_json(row)

    _register_fetching(app)


AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Allow private, loopback and link-local addresses (off: they are refused).",
    ),
]
WarcOpt = Annotated[
    Path | None, typer.Option("--warc", help="Write the fetched pages to this .warc.gz instead.")
]
DelayOpt = Annotated[float, typer.Option("--delay", help="Seconds between requests to a host.")]


def _emit(pages: Iterable[RawPage | Failure], settings: Settings, warc: Path | None) -> None:
    """Print each page as Article JSON (as `extract` does), or write them all to a WARC."""
    from ..factory import load_pipeline
    from ..sources.warc import write_warc

    failures: list[Failure] = []

    def kept() -> Iterator[RawPage]:
        for page in pages:
            if isinstance(page, Failure):
                failures.append(page)
                _report(page)
            else:
                yield page

    if warc is not None:
        count = write_warc(warc, kept())
        err_console().print(f"{count} pages -> {warc}")
    else:
        for result in load_pipeline(settings, stages=()).run(kept()):
            if isinstance(result, Failure):
                failures.append(result)
                _report(result)
            else:
                print_json(result.to_dict(analysis=False))
    if failures:
        raise typer.Exit(code=1)


def _report(failure: Failure) -> None:
    err_console().print(
        f"[red]error[/red] {failure.origin}: [{failure.stage}] {failure.reason}", highlight=False
    )


def _register_fetching(app: typer.Typer) -> None:
    @app.command()
    def fetch(
        urls: Annotated[list[str], typer.Argument(help="http(s) URLs of article pages.")],
        allow_private: AllowPrivateOpt = False,
        warc: WarcOpt = None,
        delay: DelayOpt = 1.0,
    ) -> None:
        """Fetch pages politely (robots.txt, rate limit, retries) and print each article as
        JSON, like `extract`; or save the pages with --warc."""
        from ..sources.fetch import Fetcher

        settings = Settings(allow_private_addresses=allow_private, fetch_delay=delay)
        _emit(Fetcher(settings).iter_fetch(urls), settings, warc)

    @app.command()
    def feed(
        sources: Annotated[list[str], typer.Argument(help="RSS/Atom/sitemap files or URLs.")],
        do_fetch: Annotated[
            bool, typer.Option("--fetch", help="Fetch the listed pages (else list them).")
        ] = False,
        allow_private: AllowPrivateOpt = False,
        warc: WarcOpt = None,
        delay: DelayOpt = 1.0,
        depth: Annotated[int, typer.Option(help="Sitemap index levels to follow.")] = 2,
    ) -> None:
        """List the article URLs of feeds and sitemaps (following sitemap indexes) as JSON
        lines; with --fetch, fetch them and print articles (or save them with --warc)."""
        from ..sources.feeds import FeedLink, crawl_feed_links
        from ..sources.fetch import Fetcher

        settings = Settings(allow_private_addresses=allow_private, fetch_delay=delay)
        fetcher = Fetcher(settings)
        links = [x for s in sources for x in crawl_feed_links(s, fetcher, max_depth=depth)]
        if not do_fetch:
            for link in links:
                if isinstance(link, FeedLink):
                    print_json({"url": link.url, "title": link.title, "published": link.published})
                else:
                    _report(link)
            return
        bad = [x for x in links if isinstance(x, Failure)]
        urls = [x.url for x in links if isinstance(x, FeedLink)]
        _emit([*bad, *fetcher.iter_fetch(urls)], settings, warc)
