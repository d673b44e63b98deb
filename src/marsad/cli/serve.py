"""serve (the web app and API) and reindex (rebuild the search index in bulk)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import err_console, resolve_db

DbOpt = Annotated[
    Path | None, typer.Option("--db", help="SQLite database file (default: marsad.db).")
]


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: DbOpt = None,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ) -> None:
        """Serve the web app (search, articles, entities, overview) and the API under /api."""
        import uvicorn

        from ..settings import Settings
        from ..web.app import create_app

        path = resolve_db(db)
        if not path.exists():
            err_console().print(
                f"no database at {path}; create one with `marsad ingest ... --db {path}`"
            )
            raise typer.Exit(code=1)
        uvicorn.run(create_app(Settings(db_path=path)), host=host, port=port, log_level="warning")

    @app.command()
    def reindex(db: DbOpt = None) -> None:
        """Rebuild the full-text search index from the stored articles (one transaction)."""
        from ..store import open_store
        from ..store.search import rebuild_index

        path = resolve_db(db)
        with open_store(path) as store, store.transaction():
            count = rebuild_index(store.db)
        err_console().print(f"indexed {count} articles in {path}")
