"""The FastAPI application: JSON API under /api, server-rendered RTL pages, static files.

The web layer is thin: routes call ``marsad.store`` read queries and render. Each worker
thread keeps its own read-only SQLite connection (SQLite: one writer, many readers).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..settings import Settings
from ..store.sqlite import SQLiteStore

WEB_DIR = Path(__file__).parent


class Readers:
    """One read-only connection per thread, opened on first use (per app instance)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()

    def get(self) -> SQLiteStore:
        store: SQLiteStore | None = getattr(self._local, "store", None)
        if store is None:
            from ..store import open_store

            store = open_store(self.db_path, readonly=True)
            self._local.store = store
        return store


def reader(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: this thread's read-only connection."""
    yield request.app.state.readers.get().db


def store_reader(request: Request) -> Iterator[SQLiteStore]:
    """FastAPI dependency: this thread's read-only store."""
    yield request.app.state.readers.get()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The marsad web app over ``settings.db_path`` (which must exist: run ``marsad ingest``)."""
    from ..store import open_store
    from ..store.search import Analyser
    from . import api, pages

    settings = settings or Settings()
    # Open once for writing so that migrations (the search index) exist before readers come.
    open_store(settings.db_path).close()
    app = FastAPI(
        title="marsad",
        summary="Arabic news monitor: articles, search, entities and PLOVER events.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.readers = Readers(settings.db_path)
    app.state.analyser = Analyser()
    app.state.analyser.words("مرصد")  # build the normalisation table now, not in a request
    # Autoescape every template: article text must never become markup.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(WEB_DIR / "templates")), autoescape=True
    )
    templates = Jinja2Templates(env=env)
    app.state.templates = templates
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    return app
