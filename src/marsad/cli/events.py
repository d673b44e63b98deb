"""`marsad events`: stored PLOVER events, filtered by type, party, country and date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .common import print_json, resolve_db


def _iso_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{option} must be YYYY-MM-DD, not {value!r}") from None


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        type_: Annotated[
            str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")
        ] = None,
        actor: Annotated[
            str | None, typer.Option("--actor", help="Actor entity id or name (any alias).")
        ] = None,
        recipient: Annotated[
            str | None,
            typer.Option("--recipient", help="Recipient entity id or name (any alias)."),
        ] = None,
        country: Annotated[
            str | None,
            typer.Option("--country", help="ISO alpha-3 of the actor, recipient or location."),
        ] = None,
        since: Annotated[
            str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")
        ] = None,
        until: Annotated[
            str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")
        ] = None,
        limit: Annotated[int, typer.Option(help="At most this many events.")] = 50,
        db: Annotated[
            Path | None, typer.Option("--db", help="SQLite database file (default: marsad.db).")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON lines, not a table.")] = False,
    ) -> None:
        """List stored events, newest first."""
        from ..store import open_store
        from ..store.events import EventQuery, query_events

        query = EventQuery(
            type=type_,
            actor=actor,
            recipient=recipient,
            country=country,
            since=_iso_date(since, "--since"),
            until=_iso_date(until, "--until"),
            limit=limit,
        )
        with open_store(resolve_db(db), readonly=True) as store:
            rows = query_events(store.db, query)
        if as_json:
            for row in rows:
                print_json(row)
        else:
            Console().print(_table(rows))


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "type", "mode", "actor", "recipient", "location", "aux", "contexts"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["date"] or "",
            r["type"],
            r["mode"] or "",
            r["actor_name"] or r["actor_id"] or r.get("actor_phrase") or "",
            r["recipient_name"] or r["recipient_id"] or r.get("recipient_phrase") or "",
            r["location_name"] or "",
            ",".join(r["aux"]),
            ",".join(r["contexts"]),
        )
    return table
