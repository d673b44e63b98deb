"""spark, load, stories, related, fetch, feed: inputs beyond local files, and scale."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
    ) -> None:
        """Run the pipeline on Apache Spark; write articles, mentions, entities, events,
        stories and failures as Parquet under OUTPUT."""
        from ..scale.spark import run_spark, spark_session

        session = spark_session(master)
        try:
            summary = run_spark(session, [str(p) for p in inputs], output, Settings())
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
