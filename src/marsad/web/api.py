"""JSON API under /api: search, articles, entities, events, volume; list results export as
JSONL, CSV or Parquet with ``format=``."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.responses import RedirectResponse

from ..store import entity_queries as eq
from ..store import queries
from ..store.events import EventQuery, count_events, query_events
from ..store.search import SearchFilters
from ..store.sqlite import SQLiteStore
from .app import reader, store_reader
from .export import FORMATS, export

router = APIRouter(tags=["api"])

Db = Annotated[sqlite3.Connection, Depends(reader)]
Format = Literal["json", "jsonl", "csv", "parquet"]
FormatQ = Annotated[Format, Query(description="json (default), or a download: jsonl, csv, parquet")]
Limit = Annotated[int, Query(ge=1, le=100, description="Results per page (JSON).")]
Offset = Annotated[int, Query(ge=0, le=100_000)]
DateQ = Annotated[
    str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")
]
Text = Annotated[str | None, Query(max_length=200)]
EntityId = Annotated[str, Path(max_length=200, description="Canonical entity id")]

#: Rows a download may hold (JSON pages are capped by ``limit``).
EXPORT_ROWS = 10_000

DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {FORMATS[f][0]: {} for f in FORMATS} | {"application/json": {}},
        "description": "JSON, or the rows as a file when format is jsonl, csv or parquet",
    }
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such record"}}


def _page(fmt: Format, limit: int) -> int:
    return EXPORT_ROWS if fmt != "json" else limit


def _out(fmt: Format, name: str, total: int, rows: list[dict[str, Any]], **extra: Any) -> Any:
    if fmt != "json":
        return export(rows, fmt, name)
    return {"total": total, "results": rows, **extra}


@router.get("/search", responses=DOWNLOADS, summary="Full-text search over articles")
def search(
    request: Request,
    db: Db,
    q: Annotated[str, Query(max_length=500, description='Words, "a phrase", -excluded')] = "",
    site: Text = None,
    section: Text = None,
    date_from: DateQ = None,
    date_to: DateQ = None,
    entity: Text = None,
    event_type: Text = None,
    fields: Annotated[Literal["all", "title", "body"], Query(alias="in")] = "all",
    mode: Annotated[Literal["any", "all"], Query(description="any word (ranked) or all")] = "any",
    facets: bool = False,
    limit: Limit = 10,
    offset: Offset = 0,
    format: FormatQ = "json",
) -> Any:
    """Ranked articles, each with a snippet of its original text where matches are in
    ``<mark>`` (the rest HTML-escaped); ``facets=true`` adds counts by site, section,
    month, entity and event type over all hits."""
    page = queries.search(
        db,
        q,
        SearchFilters(site, section, date_from, date_to, entity, event_type),
        limit=_page(format, limit),
        offset=offset,
        fields=("title", "body") if fields == "all" else (fields,),
        all_words=mode == "all",
        facets=facets and format == "json",
        snippets=format == "json",
        analyser=request.app.state.analyser,
    )
    extra = {"facets": page.facets} if facets else {}
    return _out(format, "search", page.total, page.hits, query=q, **extra)


@router.get("/articles", responses=DOWNLOADS, summary="List and filter articles")
def list_articles(
    db: Db,
    site: Text = None,
    section: Text = None,
    date_from: DateQ = None,
    date_to: DateQ = None,
    entity: Text = None,
    event_type: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: FormatQ = "json",
) -> Any:
    """Latest article versions, newest first, filtered like the search facets."""
    filters = queries.SearchFilters(site, section, date_from, date_to, entity, event_type)
    total, rows = queries.list_articles(db, filters, limit=_page(format, limit), offset=offset)
    return _out(format, "articles", total, rows)


@router.get("/articles/{article_id}", responses=NOT_FOUND, summary="One article as JSON")
def get_article(
    store: Annotated[SQLiteStore, Depends(store_reader)],
    article_id: Annotated[int, Path(ge=1, le=2**62)],
) -> Any:
    """The stored Article JSON, as ``marsad analyze`` prints it, plus id and version."""
    data = store.get_article(article_id)
    if data is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return data


MOVED: dict[int | str, dict[str, Any]] = {
    308: {"description": "The id was merged into another entity: follow Location"}
}


@router.get("/entities/{entity_id}", responses=NOT_FOUND | MOVED, summary="One entity")
def get_entity(request: Request, db: Db, entity_id: EntityId) -> Any:
    """The entity with its aliases (and counts) and the roles seen with it over time.

    An id merged into another entity answers 308 with the entity it now is as Location.
    """
    ent = eq.get_entity(db, entity_id)
    if ent is None:
        target = eq.merged_into(db, entity_id)
        if target is not None:
            return RedirectResponse(str(request.url_for("get_entity", entity_id=target)), 308)
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    ent["roles"] = eq.entity_roles(db, entity_id)
    return ent


@router.get("/entities/{entity_id}/mentions", responses=DOWNLOADS, summary="Entity mentions")
def entity_mentions(
    db: Db,
    entity_id: EntityId,
    limit: Limit = 20,
    offset: Offset = 0,
    format: FormatQ = "json",
) -> Any:
    """Where the entity is mentioned: article, offsets into its text, role, newest first."""
    total, rows = eq.entity_mentions(db, entity_id, limit=_page(format, limit), offset=offset)
    return _out(format, "mentions", total, rows)


@router.get(
    "/entities/{entity_id}/cooccurring",
    responses=DOWNLOADS,
    summary="Entities mentioned with this one",
)
def entity_cooccurring(
    db: Db, entity_id: EntityId, limit: Limit = 20, format: FormatQ = "json"
) -> Any:
    """Entities sharing articles with this one, most shared first."""
    rows = eq.cooccurring(db, entity_id, limit=_page(format, limit))
    return _out(format, "cooccurring", len(rows), rows)


@router.get("/entities/{entity_id}/graph", summary="Who-met-whom graph around an entity")
def entity_graph(db: Db, entity_id: EntityId) -> Any:
    """Nodes and edges: co-mentions with the entity and events between any two nodes."""
    return eq.entity_graph(db, entity_id)


@router.get("/events", responses=DOWNLOADS, summary="Filter PLOVER events")
def list_events(
    db: Db,
    type: Text = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Entity id or name (actor or recipient)")
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO alpha-3")] = None,
    date_from: DateQ = None,
    date_to: DateQ = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: FormatQ = "json",
) -> Any:
    """Events newest first, by type, entity, the country of any party, date range."""
    query = EventQuery(
        type=type,
        party=actor,
        country=country,
        since=date_from,
        until=date_to,
        limit=_page(format, limit),
        offset=offset,
    )
    total, rows = count_events(db, query), query_events(db, query)
    return _out(format, "events", total, rows)


@router.get("/volume", summary="Article or event volume over time")
def volume(
    db: Db,
    by: Literal["site", "event_type"] = "site",
    period: Literal["month", "day"] = "month",
) -> Any:
    """Counts per month (or day) per site, or per PLOVER event type."""
    return queries.volume(db, by=by, period=7 if period == "month" else 10)


@router.get("/facets", summary="Values to filter by")
def facet_values(db: Db) -> Any:
    """Distinct sites, sections and event types in the store."""
    return queries.facet_values(db)


__all__ = ["Response", "router"]
