"""Events in the store: written with their article, read back by type, party, country, date.

``save_events`` runs inside ``SQLiteStore.save_article``'s transaction after
``save_entities`` (which has already pointed the article's event parties at stored ids).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..document import Article, Phrase


def save_events(db: sqlite3.Connection, article_id: int, article: Article) -> None:
    """Insert one row per event of ``article``; a party with no stored entity becomes NULL."""
    known = {e.id for e in article.entities}
    text = article.text

    def party(entity_id: str | None) -> str | None:
        return entity_id if entity_id in known else None

    def phrase(p: Phrase | None) -> tuple[str | None, int | None, int | None, str | None]:
        if p is None:
            return None, None, None, None
        return text[p.start : p.end], p.start, p.end, p.sector

    db.executemany(
        """INSERT INTO events (article_id, type, mode, contexts, aux, actor_id, recipient_id,
               location_id, date, evidence_start, evidence_end, evidence,
               actor_phrase, actor_phrase_start, actor_phrase_end, actor_sector,
               recipient_phrase, recipient_phrase_start, recipient_phrase_end, recipient_sector)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                article_id,
                ev.type,
                ev.mode,
                json.dumps(ev.contexts, ensure_ascii=False),
                json.dumps(ev.aux, ensure_ascii=False),
                party(ev.actor),
                party(ev.recipient),
                party(ev.location),
                ev.date,
                ev.evidence_start,
                ev.evidence_end,
                text[ev.evidence_start : ev.evidence_end],
                *phrase(ev.actor_phrase),
                *phrase(ev.recipient_phrase),
            )
            for ev in article.events
        ],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """Filters of ``query_events`` (the CLI, the API and the pages share them); None means
    any. ``actor``/``recipient``/``party`` (either role) are entity ids or names (any stored
    alias); ``country`` (ISO3) matches the actor's, recipient's or location's country;
    ``since``/``until`` are YYYY[-MM[-DD]] prefixes, inclusive ("2020-10" = all October)."""

    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    party: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    article: int | None = None
    limit: int = 50
    offset: int = 0


_FROM = """FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN entities ea ON ea.id = e.actor_id
LEFT JOIN entities er ON er.id = e.recipient_id
LEFT JOIN entities el ON el.id = e.location_id"""
_DAY = "COALESCE(e.date, substr(a.published, 1, 10))"
_SELECT = f"""SELECT e.id, e.article_id, e.type, e.mode, e.contexts, e.aux, e.date,
       e.actor_id, ea.name AS actor_name, ea.country AS actor_country,
       e.recipient_id, er.name AS recipient_name, er.country AS recipient_country,
       e.location_id, el.name AS location_name, e.evidence_start, e.evidence_end, e.evidence,
       e.actor_phrase, e.actor_sector, e.recipient_phrase, e.recipient_sector,
       a.title AS article_title, a.url, {_DAY} AS day
{_FROM}"""


def entity_ids(db: sqlite3.Connection, name_or_id: str) -> list[str]:
    """Stored entity ids a user's "--actor" means: the id itself, else names and aliases."""
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (name_or_id,)).fetchone():
        return [name_or_id]
    from ..linking.people import person_tokens

    key = " ".join(person_tokens(name_or_id, None))
    rows = db.execute(
        """SELECT id FROM entities WHERE name = ?
           UNION SELECT entity_id FROM entity_aliases WHERE alias = ? OR key = ?""",
        (name_or_id, name_or_id, key),
    ).fetchall()
    return sorted({r[0] for r in rows})


def _where(db: sqlite3.Connection, q: EventQuery) -> tuple[str, list[Any]]:
    sql: list[str] = ["a.is_latest = 1"]
    params: list[Any] = []
    if q.type:
        sql.append("e.type = ?")
        params.append(q.type.upper())
    for columns, value in (
        (("e.actor_id",), q.actor),
        (("e.recipient_id",), q.recipient),
        (("e.actor_id", "e.recipient_id"), q.party),
    ):
        if value:
            ids = entity_ids(db, value) or [value]
            marks = ",".join("?" * len(ids))
            sql.append("(" + " OR ".join(f"{c} IN ({marks})" for c in columns) + ")")
            params += ids * len(columns)
    if q.country:
        sql.append("? IN (ea.country, er.country, el.country)")
        params.append(q.country.upper())
    if q.since:
        sql.append(f"{_DAY} >= ?")
        params.append(q.since)
    if q.until:
        sql.append(f"{_DAY} <= ?")
        params.append(q.until + "\uffff")  # a prefix: "2020-10" takes the whole month
    if q.article is not None:
        sql.append("e.article_id = ?")
        params.append(q.article)
    return " AND ".join(sql), params


def count_events(db: sqlite3.Connection, query: EventQuery) -> int:
    """How many events match (``limit``/``offset`` ignored)."""
    where, params = _where(db, query)
    return int(db.execute(f"SELECT COUNT(*) {_FROM} WHERE {where}", params).fetchone()[0])


def query_events(db: sqlite3.Connection, query: EventQuery) -> list[dict[str, Any]]:
    """Matching events, newest first, contexts and aux as lists."""
    where, params = _where(db, query)
    rows = db.execute(
        f"{_SELECT} WHERE {where} ORDER BY day DESC, e.id DESC LIMIT ? OFFSET ?",
        [*params, query.limit, query.offset],
    ).fetchall()
    out = []
    for r in rows:
        row = dict(r)
        row["contexts"] = json.loads(row["contexts"] or "[]")
        row["aux"] = json.loads(row["aux"] or "[]")
        out.append(row)
    return out
