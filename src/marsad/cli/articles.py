"""extract, analyze, ingest, list, show."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..document import Article, Failure
from ..settings import Settings
from .common import check_kind, err_console, print_json, progress, resolve_db

KindOpt = Annotated[
    str | None, typer.Option("--kind", help="Force the input kind: html, text or record.")
]
RefDateOpt = Annotated[
    str | None,
    typer.Option(
        "--reference-date",
        help="YYYY-MM-DD that relative dates such as 'اليوم الجمعة' resolve against.",
    ),
]
DbOpt = Annotated[
    Path | None, typer.Option("--db", help="SQLite database file (default: marsad.db).")
]


def _settings(kind: str | None, reference_date: str | None, db: Path | None = None) -> Settings:
    ref = None
    if reference_date:
        try:
            ref = date.fromisoformat(reference_date)
        except ValueError:
            raise typer.BadParameter(
                f"--reference-date must be YYYY-MM-DD, not {reference_date!r}"
            ) from None
    return Settings(kind=check_kind(kind), reference_date=ref, db_path=resolve_db(db))


def _report(failure: Failure) -> None:
    err_console().print(
        f"[red]error[/red] {failure.origin}: [{failure.stage}] {failure.reason}",
        highlight=False,
        markup=True,
    )


def _print_articles(
    files: list[Path],
    settings: Settings,
    *,
    stages: tuple[str, ...] | None,
    analysis: bool,
    pretty: bool,
) -> None:
    from ..factory import load_pipeline
    from ..sources import iter_pages

    pipeline = load_pipeline(settings, stages=stages)
    failed = 0
    for result in pipeline.run(iter_pages(files, kind=settings.kind)):
        if isinstance(result, Failure):
            failed += 1
            _report(result)
        else:
            print_json(result.to_dict(analysis=analysis), pretty=pretty)
    if failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        files: Annotated[list[Path], typer.Argument(help="HTML, text, JSON(L), WARC files.")],
        kind: KindOpt = None,
        reference_date: RefDateOpt = None,
        pretty: Annotated[bool, typer.Option(help="Indent the JSON.")] = False,
    ) -> None:
        """Print each article found in FILES as one JSON object per line."""
        _print_articles(
            files, _settings(kind, reference_date), stages=(), analysis=False, pretty=pretty
        )

    @app.command()
    def analyze(
        files: Annotated[list[Path], typer.Argument(help="HTML, text, JSON(L), WARC files.")],
        kind: KindOpt = None,
        reference_date: RefDateOpt = None,
        pretty: Annotated[bool, typer.Option(help="Indent the JSON.")] = False,
    ) -> None:
        """Like extract, plus text, mentions, entities and events."""
        _print_articles(
            files, _settings(kind, reference_date), stages=None, analysis=True, pretty=pretty
        )

    @app.command()
    def ingest(
        paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
        db: DbOpt = None,
        kind: KindOpt = None,
        reference_date: RefDateOpt = None,
        batch_size: Annotated[
            int, typer.Option(help="Articles per transaction (a crash loses at most one).")
        ] = Settings().batch_size,
        reprocess: Annotated[
            bool,
            typer.Option(
                "--reprocess",
                help="Analyse every page again, even those already analysed unchanged.",
            ),
        ] = False,
    ) -> None:
        """Extract and analyse PATHS and store them; the same page twice is stored once.

        A page already analysed with the same bytes, settings and models is skipped (counted
        unchanged); a new marsad version or retrained model analyses it again.
        """
        from ..ingest import ingest as run_ingest
        from ..sources.files import iter_files

        settings = _settings(kind, reference_date, db).with_(
            batch_size=max(1, batch_size), reprocess=reprocess
        )
        console = err_console()
        total = sum(1 for _ in iter_files(paths))
        with progress(console, "ingesting") as prog:
            task = prog.add_task("ingesting", total=None)
            summary = run_ingest(
                paths, settings, on_document=lambda: prog.advance(task), on_failure=_report
            )
        console.print(summary.render(settings.db_path, files=total))
        if summary.failed and not (summary.new or summary.unchanged or summary.versions):
            raise typer.Exit(code=1)

    @app.command("list")
    def list_(
        db: DbOpt = None,
        limit: Annotated[int, typer.Option(help="How many articles.")] = 20,
        offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="JSON lines, not a table.")] = False,
    ) -> None:
        """List stored articles, newest first."""
        from ..store import open_store

        with open_store(resolve_db(db)) as store:
            rows = store.list_articles(limit=limit, offset=offset)
            total = store.count_articles()
            failures = store.failures()
        if as_json:
            for row in rows:
                print_json(row)
            return
        table = Table(title=f"{total} articles ({len(failures)} failed documents)")
        for col in ("id", "published", "site", "section", "title"):
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(
                str(row["id"]),
                (row["published"] or "")[:10],
                row["site"] or "",
                row["section"] or "",
                row["title"] or "",
            )
        Console().print(table)

    @app.command()
    def show(
        article_id: Annotated[int, typer.Argument(help="Article id from `marsad list`.")],
        db: DbOpt = None,
    ) -> None:
        """Print one stored article as JSON."""
        from ..store import open_store

        with open_store(resolve_db(db)) as store:
            data = store.get_article(article_id)
        if data is None:
            err_console().print(f"no article with id {article_id}; see `marsad list`")
            raise typer.Exit(code=1)
        print_json(data, pretty=True)

    @app.command()
    def failures(db: DbOpt = None) -> None:
        """List documents that failed, with the reason, as JSON lines."""
        from ..store import open_store

        with open_store(resolve_db(db)) as store:
            for row in store.failures():
                print_json(row)


__all__ = ["Article", "register"]
