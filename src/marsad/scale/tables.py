"""The Parquet tables the Spark job writes and ``marsad load`` reads, as data.

Each table is a Spark DDL schema plus a function from the Article JSON (``Article.to_dict``,
so the columns are exactly what ``marsad analyze`` prints) to rows. Child tables carry
the article's ``origin`` (unique per WARC record) to join on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Article, Failure

#: Article JSON fields, in column order; ``dateline`` is a struct, dates ISO 8601 strings
#: (strings keep the page's own UTC offset, which a Spark timestamp would drop).
ARTICLE_COLUMNS = (
    "title", "kicker", "dek", "paragraphs", "captions", "subheadings", "byline", "authors",
    "dateline", "published", "updated", "section", "site", "language", "url", "origin",
    "fetched", "content_hash", "text", "stages",
)  # fmt: skip

SCHEMAS: dict[str, str] = {
    "articles": (
        "title string, kicker string, dek string, paragraphs array<string>, "
        "captions array<string>, subheadings array<string>, byline string, "
        "authors array<string>, dateline struct<source:string,place:string>, "
        "published string, updated string, section string, site string, language string, "
        "url string, origin string, fetched string, content_hash string, text string, "
        "stages array<string>"
    ),
    "mentions": (
        "origin string, start int, end int, type string, text string, score double, "
        "role string, country string, entity_id string"
    ),
    "entities": (
        "origin string, id string, name string, type string, aliases map<string,int>, "
        "country string, sector string, role string, geonames_id bigint"
    ),
    "events": (
        "origin string, type string, mode string, contexts array<string>, actor string, "
        "recipient string, location string, date string, evidence_start int, "
        "evidence_end int, evidence string, aux array<string>, trigger string, score double"
    ),
    "stories": (
        "origin string, story_id string, site string, content_hash string, similarity double"
    ),
    "failures": "origin string, stage string, reason string",
}

_MENTION = ("start", "end", "type", "text", "score", "role", "country", "entity_id")
_ENTITY = ("id", "name", "type", "aliases", "country", "sector", "role", "geonames_id")


def _party(value: Any) -> str | None:
    return value.get("id") if isinstance(value, dict) else value


def article_rows(article: Article) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row) pairs for one article: its articles row and its child rows."""
    d = article.to_dict(analysis=True)
    origin = d["origin"]
    row = [d[c] for c in ARTICLE_COLUMNS]
    row[ARTICLE_COLUMNS.index("dateline")] = (d["dateline"]["source"], d["dateline"]["place"])
    yield "articles", tuple(row)
    for m in d["mentions"]:
        yield "mentions", (origin, *(m[k] for k in _MENTION))
    for e in d["entities"]:
        yield "entities", (origin, *(e[k] for k in _ENTITY))
    for ev in d["events"]:
        evidence = ev["evidence"]
        yield "events", (
            origin, ev["type"], ev["mode"], ev["contexts"], _party(ev["actor"]),
            _party(ev["recipient"]), _party(ev["location"]), ev["date"], evidence["start"],
            evidence["end"], evidence["text"], ev["aux"], ev["trigger"], ev["score"],
        )  # fmt: skip


def failure_row(failure: Failure) -> tuple[str, tuple[Any, ...]]:
    return "failures", (failure.origin, failure.stage, failure.reason)


def article_from_rows(
    row: dict[str, Any],
    mentions: list[dict[str, Any]],
    entities: list[dict[str, Any]],
    events: list[dict[str, Any]],
) -> Article:
    """Inverse of ``article_rows`` (rows as dicts, e.g. from pyarrow ``to_pylist``)."""
    data = dict(row)
    dl = data.get("dateline") or {}
    data["dateline"] = {"source": dl.get("source"), "place": dl.get("place")}
    data["mentions"] = mentions
    data["entities"] = [
        {**{k: e[k] for k in _ENTITY}, "aliases": dict(e.get("aliases") or {})} for e in entities
    ]
    data["events"] = [
        {
            **ev,
            "actor": ev.get("actor"),
            "evidence": {"start": ev["evidence_start"], "end": ev["evidence_end"]},
        }
        for ev in events
    ]
    return Article.from_dict(data)
