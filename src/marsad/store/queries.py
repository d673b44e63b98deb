"""Read-side queries for the web app and API: search, article lists, volume over time, events.

Every function takes a read-only connection (``open_store(path, readonly=True).db``, rows
as ``sqlite3.Row``) and returns plain dicts and lists ready for JSON.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from .search import (
    Analyser,
    SearchFilters,
    SearchPage,
    doc_freq,
    filter_sql,
    match_expression,
    parse_query,
    run_facets,
    run_search,
)
from .snippets import make_snippet, query_terms

ARTICLE_COLUMNS = "a.id, a.title, a.site, a.section, a.published, a.url"


def search(
    db: sqlite3.Connection,
    q: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 10,
    offset: int = 0,
    fields: Sequence[str] = ("title", "body"),
    all_words: bool = False,
    facets: bool = False,
    snippets: bool = True,
    analyser: Analyser | None = None,
) -> SearchPage:
    """Ranked articles for the user query ``q``, each with an HTML snippet (see snippets)
    unless ``snippets`` is False (downloads of thousands of hits)."""
    analyser = analyser or Analyser()
    filters = filters or SearchFilters()
    parsed = parse_query(q, analyser)
    expr = match_expression(parsed, analyser, fields=fields, all_words=all_words, df=doc_freq(db))
    if not expr:
        return SearchPage(0, [])
    total, rows = run_search(db, expr, filters, limit=limit, offset=offset)
    stems, words = query_terms(parsed, analyser)
    for row in rows:
        row.pop("total", None)
        if snippets:
            paragraphs = _paragraphs(db, row["id"])
            row["snippet"] = make_snippet(paragraphs, stems, words, analyser)
        row["score"] = -float(row["score"])  # bm25() is lower-is-better; show higher-better
    page = SearchPage(total, rows)
    if facets:
        page.facets = run_facets(db, expr, filters)
    return page


def _paragraphs(db: sqlite3.Connection, article_id: int) -> list[str]:
    row = db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
    data = json.loads(row[0]) if row else {}
    return [p for p in (data.get("dek"), *data.get("paragraphs", [])) if p]


def list_articles(
    db: sqlite3.Connection, filters: SearchFilters, *, limit: int = 20, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """(total, newest-first rows) of the latest article versions matching ``filters``."""

    where, params = filter_sql(filters)
    total = db.execute(f"SELECT COUNT(*) FROM articles a WHERE {where}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {where} "
        f"ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return int(total), [dict(r) for r in rows]


def facet_values(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Distinct sites, sections and event types (for filter menus)."""
    out: dict[str, list[str]] = {}
    for name, sql in (
        ("site", "SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY 1"),
        ("section", "SELECT DISTINCT section FROM articles WHERE section IS NOT NULL ORDER BY 1"),
        ("event_type", "SELECT DISTINCT type FROM events ORDER BY 1"),
    ):
        out[name] = [r[0] for r in db.execute(sql).fetchall()[:200]]
    return out


def volume(db: sqlite3.Connection, *, by: str = "site", period: int = 7) -> dict[str, Any]:
    """Articles per period (``period`` = 7: month "YYYY-MM", 10: day) split by site or by
    event type: {"periods": [...], "series": [{"name", "counts": [...]}, ...]}."""
    if period not in (7, 10):
        raise ValueError("period must be 7 (month) or 10 (day)")
    if by == "site":
        sql = (
            f"SELECT substr(published, 1, {period}) AS p, COALESCE(site, '?') AS name, COUNT(*) "
            f"FROM articles WHERE is_latest = 1 AND published IS NOT NULL GROUP BY p, name"
        )
    elif by == "event_type":
        sql = (
            f"SELECT substr(COALESCE(e.date, a.published), 1, {period}) AS p, e.type AS name, "
            f"COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE a.is_latest = 1 AND COALESCE(e.date, a.published) IS NOT NULL "
            f"GROUP BY p, name"
        )
    else:
        raise ValueError("by must be 'site' or 'event_type'")
    cells = db.execute(sql).fetchall()
    periods = sorted({r[0] for r in cells})
    if period == 7 and periods:
        periods = _month_range(periods[0], periods[-1]) or periods
    index = {p: i for i, p in enumerate(periods)}
    series: dict[str, list[int]] = {}
    for p, name, count in cells:
        series.setdefault(name, [0] * len(periods))[index[p]] = count
    ordered = sorted(series.items(), key=lambda kv: -sum(kv[1]))
    return {"periods": periods, "series": [{"name": n, "counts": c} for n, c in ordered]}


def _month_range(first: str, last: str, limit: int = 600) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last`` (so a chart's time axis has no jumps);
    [] when the labels are not months or the span is longer than ``limit`` months."""
    try:
        year, month = int(first[:4]), int(first[5:7])
        end = (int(last[:4]), int(last[5:7]))
    except ValueError:
        return []
    out: list[str] = []
    while (year, month) <= end and len(out) < limit:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out if (year, month) > end else []
