"""The FastAPI application: JSON API under /api, server-rendered RTL pages, static files.

The web layer is thin: routes call ``marsad.store`` read queries and render. Each worker
thread keeps its own read-only SQLite connection (SQLite: one writer, many readers).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
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


#: Worker threads for route handlers. Handlers are CPU-bound (SQLite, Python) and the GIL
#: runs one at a time: more threads only slice requests finer and open more cold SQLite
#: connections. bench/load_test.py (20 clients, one core): anyio's default 40 threads gave
#: search p95 36 ms, 4 threads 40 ms: no difference beyond noise, so the leaner setting.
WORKER_THREADS = 4


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield


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
        # FastAPI's docs pages load Swagger UI from a CDN; marsad loads nothing from outside.
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.readers = Readers(settings.db_path)
    app.state.analyser = Analyser()
    app.state.analyser.words("مرصد")  # build the normalisation table now, not in a request
    # Autoescape every template: article text must never become markup.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(WEB_DIR / "templates")), autoescape=True
    )
    for name in env.list_templates():  # compile now, not in the first requests
        env.get_template(name)
    templates = Jinja2Templates(env=env)
    app.state.templates = templates
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    return app
