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

#: An event's unnamed party (``Article.to_dict``: start, end, text, sector), or null.
_PHRASE = "struct<start:int,end:int,text:string,sector:string>"

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
        "country string, sector string, role string, geonames_id bigint, "
        "country_guessed boolean"
    ),
    "events": (
        "origin string, type string, mode string, contexts array<string>, actor string, "
        "recipient string, location string, date string, evidence_start int, "
        "evidence_end int, evidence string, aux array<string>, trigger string, score double, "
        f"actor_phrase {_PHRASE}, recipient_phrase {_PHRASE}"
    ),
    "stories": (
        "origin string, story_id string, site string, content_hash string, similarity double"
    ),
    "failures": "origin string, stage string, reason string",
}

_MENTION = ("start", "end", "type", "text", "score", "role", "country", "entity_id")
_ENTITY = (
    "id",
    "name",
    "type",
    "aliases",
    "country",
    "sector",
    "role",
    "geonames_id",
    "country_guessed",
)


def _party(value: Any) -> str | None:
    return value.get("id") if isinstance(value, dict) else value


def _phrase(value: dict[str, Any] | None) -> tuple[Any, ...] | None:
    if value is None:
        return None
    return (value["start"], value["end"], value["text"], value["sector"])


def _children(d: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """Child rows (without ``origin``) of one Article JSON."""
    events = []
    for ev in d["events"]:
        evidence = ev["evidence"]
        events.append((
            ev["type"], ev["mode"], ev["contexts"], _party(ev["actor"]),
            _party(ev["recipient"]), _party(ev["location"]), ev["date"], evidence["start"],
            evidence["end"], evidence["text"], ev["aux"], ev["trigger"], ev["score"],
            _phrase(ev.get("actor_phrase")), _phrase(ev.get("recipient_phrase")),
        ))  # fmt: skip
    return {
        "mentions": [tuple(m[k] for k in _MENTION) for m in d["mentions"]],
        "entities": [tuple(e[k] for k in _ENTITY) for e in d["entities"]],
        "events": events,
    }


def _article_row(d: dict[str, Any]) -> tuple[Any, ...]:
    row = [d[c] for c in ARTICLE_COLUMNS]
    row[ARTICLE_COLUMNS.index("dateline")] = (d["dateline"]["source"], d["dateline"]["place"])
    return tuple(row)


def article_rows(article: Article) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row) pairs for one article: its articles row and its child rows."""
    d = article.to_dict(analysis=True)
    yield "articles", _article_row(d)
    for table, rows in _children(d).items():
        for row in rows:
            yield table, (d["origin"], *row)


def failure_row(failure: Failure) -> tuple[str, tuple[Any, ...]]:
    return "failures", (failure.origin, failure.stage, failure.reason)


def _nested(table: str) -> str:
    """A child table's columns (origin left out) as a Spark struct type."""
    cols = SCHEMAS[table].split(", ", 1)[1]
    fields = []
    for col in split_ddl(cols):
        name, _, kind = col.partition(" ")
        fields.append(f"{name}:{kind}")
    return f"array<struct<{','.join(fields)}>>"


def split_ddl(ddl: str) -> list[str]:
    """Columns of a DDL string (commas inside <...> do not split)."""
    out, depth, cur = [], 0, ""
    for ch in ddl:
        depth += (ch == "<") - (ch == ">")
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    return [*out, cur.strip()]


#: One row per input page, as the Spark partitions produce it: the article's columns,
#: its child rows nested, its story fingerprint; or, for a page that failed, only
#: ``origin`` and the failure. The tables are selected from it inside the JVM.
DOCUMENT_SCHEMA = ", ".join(
    [
        SCHEMAS["articles"],
        *(f"{t} {_nested(t)}" for t in ("mentions", "entities", "events")),
        "shingles array<bigint>, hashvalues array<bigint>, bands array<string>",
        "failure_stage string, failure_reason string",
    ]
)
DOCUMENT_COLUMNS = tuple(c.split(" ")[0] for c in split_ddl(DOCUMENT_SCHEMA))


def document_row(article: Article, fingerprint: Any, bands: list[str]) -> tuple[Any, ...]:
    """The document row of an article, its ``marsad.stories.Fingerprint`` and its LSH
    bucket keys (``marsad.stories.band_keys``)."""
    d = article.to_dict(analysis=True)
    children = _children(d)
    return (
        *_article_row(d), children["mentions"], children["entities"], children["events"],
        sorted(fingerprint.shingles), list(fingerprint.hashvalues), bands, None, None,
    )  # fmt: skip


def document_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    """A document row as a dict, with ``key`` (= origin) for ``Fingerprint.from_row``."""
    d = dict(zip(DOCUMENT_COLUMNS, row, strict=True))
    d["key"] = d["origin"]
    return d


def failure_document(failure: Failure) -> tuple[Any, ...]:
    row: list[Any] = [None] * len(DOCUMENT_COLUMNS)
    row[DOCUMENT_COLUMNS.index("origin")] = failure.origin
    row[-2:] = [failure.stage, failure.reason]
    return tuple(row)


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
