"""Server-rendered pages (Arabic first, right to left): overview, search, article, entity.

Templates autoescape everything; article text reaches them as plain strings in segments,
so a ``<script>`` inside an article is shown as text, never run.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from ..store import entity_queries as eq
from ..store import queries
from ..store.events import EventQuery, query_events
from ..store.search import SearchFilters
from ..store.sqlite import SQLiteStore
from .app import reader, store_reader

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse)

Db = Annotated[sqlite3.Connection, Depends(reader)]
Text = Annotated[str | None, Query(max_length=200)]
# Empty allowed: the page's date form sends "date_from=" when left blank.
DateQ = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
PAGE = 10

#: Arabic labels for entity types and facet names shown on pages.
LABELS = {
    "PER": "شخص",
    "LOC": "مكان",
    "ORG": "منظمة",
    "MISC": "أخرى",
    "site": "الموقع",
    "section": "القسم",
    "month": "الشهر",
    "entity": "الكيان",
    "event_type": "نوع الحدث",
}


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(
        request, name, {"labels": LABELS, **context}
    )
    return response


@router.get("/", summary="Overview page: volume over time by site and event type")
def overview(request: Request, db: Db) -> HTMLResponse:
    """Counts, volume charts (data embedded as JSON) and the latest articles."""
    total, latest = queries.list_articles(db, queries.SearchFilters(), limit=10)
    return _render(
        request,
        "overview.html",
        total=total,
        latest=latest,
        by_site=queries.volume(db, by="site"),
        by_event=queries.volume(db, by="event_type"),
    )


@router.get("/search", summary="Search page with facets")
def search_page(
    request: Request,
    db: Db,
    q: Annotated[str, Query(max_length=500)] = "",
    site: Text = None,
    section: Text = None,
    date_from: DateQ = None,
    date_to: DateQ = None,
    entity: Text = None,
    event_type: Text = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    """Results with snippets (matches marked) and facet links that narrow the search."""
    filters = SearchFilters(site, section, date_from, date_to, entity, event_type)
    result = (
        queries.search(
            db,
            q,
            filters,
            limit=PAGE,
            offset=(page - 1) * PAGE,
            facets=True,
            analyser=request.app.state.analyser,
        )
        if q.strip()
        else None
    )
    active = {k: v for k, v in vars_of(filters).items() if v}
    return _render(
        request,
        "search.html",
        q=q,
        result=result,
        active=active,
        page=page,
        pages=((result.total + PAGE - 1) // PAGE) if result else 0,
        snippet=lambda html: Markup(html),  # snippets are escaped by make_snippet
        link=lambda **changes: _link(request, changes),
    )


def _link(request: Request, changes: dict[str, Any]) -> str:
    """This page's query string with ``changes`` (None drops a key; page resets to 1)."""
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params)


def vars_of(filters: SearchFilters) -> dict[str, str | None]:
    return {name: getattr(filters, name) for name in SearchFilters.__slots__}


def segments(text: str, start: int, end: int, mentions: list[dict[str, Any]]) -> list[Any]:
    """``text[start:end]`` cut into plain strings and mention dicts (with their text)."""
    out: list[Any] = []
    pos = start
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        if m["start"] < pos or m["end"] > end or m["start"] < start:
            continue  # overlapping or outside this paragraph
        out.append(text[pos : m["start"]])
        out.append({**m, "text": text[m["start"] : m["end"]]})
        pos = m["end"]
    out.append(text[pos:end])
    return [s for s in out if s != ""]


def paragraphs(article: dict[str, Any]) -> list[list[Any]]:
    """The body paragraphs as segment lists; offsets index ``Article.text``."""
    text = article.get("text") or ""
    mentions = article.get("mentions") or []
    out, pos = [], 0
    parts = ([article["title"]] if article.get("title") else []) + list(article["paragraphs"])
    for i, part in enumerate(parts):
        if i > 0 or not article.get("title"):
            out.append(segments(text, pos, pos + len(part), mentions))
        pos += len(part) + 2
    return out


@router.get("/articles/{article_id}", summary="Article page", responses={404: {}})
def article_page(
    request: Request,
    db: Db,
    store: Annotated[SQLiteStore, Depends(store_reader)],
    article_id: Annotated[int, Path(ge=1, le=2**62)],
) -> HTMLResponse:
    """The article with its entities highlighted (linked to entity pages) and its events."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id}")
    title_mentions = segments(
        article.get("text") or "", 0, len(article.get("title") or ""), article.get("mentions") or []
    )
    events = query_events(db, EventQuery(article=article_id, limit=100))
    return _render(
        request,
        "article.html",
        article=article,
        body=paragraphs(article),
        title_segments=title_mentions,
        events=events or article.get("events") or [],
        stored_events=bool(events),
    )


@router.get("/entities/{entity_id}", summary="Entity page", responses={404: {}, 308: {}})
def entity_page(
    request: Request, db: Db, entity_id: Annotated[str, Path(max_length=200)]
) -> Response:
    """Aliases, roles over time, events timeline, who-met-whom graph, latest mentions.

    An id merged into another entity redirects there: links and bookmarks keep working.
    """
    entity = eq.get_entity(db, entity_id)
    if entity is None:
        target = eq.merged_into(db, entity_id)
        if target is not None:
            return RedirectResponse(str(request.url_for("entity_page", entity_id=target)), 308)
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    co = eq.cooccurring(db, entity_id, limit=20)
    total, rows = eq.entity_mentions(db, entity_id, limit=60)
    first: dict[int, dict[str, Any]] = {}
    for row in rows:  # one line per article, newest first
        first.setdefault(row["article_id"], row)
    mentions = list(first.values())[:20]
    return _render(
        request,
        "entity.html",
        entity=entity,
        roles=eq.entity_roles(db, entity_id),
        events=eq.entity_events(db, entity_id),
        mentions=mentions,
        mention_total=total,
        graph=eq.entity_graph(db, entity_id, co=co),
        cooccurring=co,
    )
