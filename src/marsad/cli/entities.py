"""`marsad entities` and `marsad entity ID`: the canonical entities in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .common import err_console, print_json, resolve_db

DbOpt = Annotated[
    Path | None, typer.Option("--db", help="SQLite database file (default: marsad.db).")
]


def register(app: typer.Typer) -> None:
    _register_list(app)
    _register_one(app)


def _register_list(app: typer.Typer) -> None:
    @app.command()
    def entities(
        type_: Annotated[str | None, typer.Option("--type", help="PER, LOC, ORG or MISC.")] = None,
        q: Annotated[
            str | None, typer.Option("--q", help="Only entities with an alias containing this.")
        ] = None,
        top: Annotated[int, typer.Option("--top", help="How many, most mentioned first.")] = 50,
        offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
        db: DbOpt = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON lines, not a table.")] = False,
    ) -> None:
        """List canonical entities, most mentioned first, with country, sector and aliases."""
        from ..store import open_store
        from ..store.entities import entity_detail, list_entities

        with open_store(resolve_db(db), readonly=True) as store:
            rows = list_entities(store.db, type_=type_, query=q, limit=top, offset=offset)
            for row in rows:
                detail = entity_detail(store.db, row["id"]) or {}
                row["aliases"] = detail.get("aliases", {})
        if as_json:
            for row in rows:
                print_json(row)
            return
        table = Table(title=f"{len(rows)} entities")
        for col in ("#", "id", "name", "type", "country", "sector", "mentions", "aliases"):
            table.add_column(col, overflow="fold")
        for n, row in enumerate(rows, offset + 1):
            aliases = "، ".join(list(row["aliases"])[:5])
            table.add_row(
                str(n),
                row["id"],
                row["name"],
                row["type"],
                row["country"] or "",
                row["sector"] or "",
                str(row["mention_count"]),
                aliases,
            )
        Console().print(table)


def _register_one(app: typer.Typer) -> None:
    @app.command()
    def entity(
        entity_id: Annotated[str, typer.Argument(help="Entity id from `marsad entities`.")],
        db: DbOpt = None,
    ) -> None:
        """Print one entity as JSON: aliases with counts and the articles that mention it."""
        from ..store import open_store
        from ..store.entities import entity_detail

        with open_store(resolve_db(db), readonly=True) as store:
            data = entity_detail(store.db, entity_id)
        if data is None:
            err_console().print(f"no entity with id {entity_id!r}; see `marsad entities`")
            raise typer.Exit(code=1)
        print_json(data, pretty=True)
