"""Entities, aliases and mentions in the store: one article's entities merged into the store's.

``save_entities`` runs inside ``SQLiteStore.save_article``'s transaction, right after the
article row is written. A person new to the store whose name is a typo variant or a partial
of a stored person joins that person (blocking-key lookups, never a scan); the article's
entity ids, mention ids and event parties are rewritten in place to the stored ids, and the
stored article JSON with them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import Any

from ..document import Article, Entity
from ..linking.canonical import (
    Candidate,
    bridged,
    choose_person,
    id_tokens,
    names_to_check,
    person_keys,
)
from ..linking.people import person_tokens

#: Candidates read per lookup; a partial shared by more people than this is ambiguous anyway.
MAX_CANDIDATES = 200


def save_entities(db: sqlite3.Connection, article_id: int, article: Article) -> None:
    """Upsert the article's entities, aliases, blocking keys and mentions."""
    remap = {e.id: _resolve(db, e) for e in article.entities}
    remap = {old: new for old, new in remap.items() if new != old}
    if remap:
        _rename(article, remap)
        db.execute(
            "UPDATE articles SET data = ? WHERE id = ?",
            (json.dumps(article.to_dict(), ensure_ascii=False), article_id),
        )
    counts: dict[str, int] = {}
    for m in article.mentions:
        if m.entity_id:
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    for entity in article.entities:
        _upsert(db, entity, counts.get(entity.id, 0))
    text = article.text
    db.executemany(
        "INSERT INTO mentions (article_id, start, end, type, text, role, country, entity_id,"
        " score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                m.start,
                m.end,
                m.type,
                text[m.start : m.end],
                m.role,
                m.country,
                m.entity_id,
                m.score,
            )
            for m in article.mentions
        ],
    )


def _resolve(db: sqlite3.Connection, entity: Entity) -> str:
    """The stored id this entity is: itself, or a stored person it is a variant of."""
    if entity.type != "PER" or not entity.id.startswith("per:"):
        return entity.id
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (entity.id,)).fetchone():
        return entity.id
    target = redirect_target(db, entity.id)
    if target is not None:
        return target
    tokens = id_tokens(entity.id)
    cands = _person_candidates(db, tokens)
    stated = None if entity.country_guessed else entity.country
    chosen = choose_person(tokens, cands, stated)
    if chosen is not None:
        return chosen
    bridge = bridged(tokens, cands)
    for loser in bridge[1:]:
        merge_entities(db, loser, bridge[0])
    return bridge[0] if bridge else entity.id


def _person_candidates(db: sqlite3.Connection, tokens: tuple[str, ...]) -> list[Candidate]:
    """Stored people sharing a blocking key with ``tokens``, most mentioned first; those
    canonical.names_to_check names carry their stored full names (one more query)."""
    keys = sorted(person_keys(tokens))
    marks = ",".join("?" * len(keys))
    rows = db.execute(
        f"SELECT DISTINCT e.id, e.name, e.mention_count, e.country FROM entity_keys k "
        f"JOIN entities e ON e.id = k.entity_id WHERE k.key IN ({marks}) "
        f"ORDER BY e.mention_count DESC LIMIT ?",
        (*keys, MAX_CANDIDATES),
    ).fetchall()
    cands = [Candidate(r[0], person_tokens(r[1], None), id_tokens(r[0]), r[2], r[3]) for r in rows]
    check = names_to_check(tokens, cands)
    if not check:
        return cands
    full: dict[str, list[tuple[str, ...]]] = {}
    marks = ",".join("?" * len(check))
    for eid, key in db.execute(
        f"SELECT entity_id, key FROM entity_aliases WHERE entity_id IN ({marks}) "
        f"AND instr(key, ' ') > 0",
        check,
    ):
        full.setdefault(eid, []).append(tuple(key.split()))
    return [replace(c, full_names=tuple(full.get(c.id, ()))) for c in cands]


def merge_entities(db: sqlite3.Connection, loser: str, winner: str) -> None:
    """Fold stored entity ``loser`` into ``winner``: its mentions, aliases, keys, votes and
    event roles move; its id redirects to the winner (stored article JSON keeps old ids)."""
    for table, column in (
        ("mentions", "entity_id"),
        ("events", "actor_id"),
        ("events", "recipient_id"),
        ("events", "location_id"),
    ):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (winner, loser))
    db.execute(
        """INSERT INTO entity_aliases (entity_id, alias, key, count)
           SELECT ?, alias, key, count FROM entity_aliases WHERE entity_id = ?
           ON CONFLICT(entity_id, alias) DO UPDATE SET count = count + excluded.count""",
        (winner, loser),
    )
    db.execute(
        """INSERT INTO entity_votes (entity_id, field, value, count)
           SELECT ?, field, value, count FROM entity_votes WHERE entity_id = ?
           ON CONFLICT(entity_id, field, value) DO UPDATE SET count = count + excluded.count""",
        (winner, loser),
    )
    db.execute(
        "INSERT OR IGNORE INTO entity_keys (key, entity_id) "
        "SELECT key, ? FROM entity_keys WHERE entity_id = ?",
        (winner, loser),
    )
    for table in ("entity_aliases", "entity_votes", "entity_keys"):
        db.execute(f"DELETE FROM {table} WHERE entity_id = ?", (loser,))
    db.execute(
        "UPDATE entities SET mention_count = mention_count + "
        "(SELECT mention_count FROM entities WHERE id = ?) WHERE id = ?",
        (loser, winner),
    )
    db.execute("DELETE FROM entities WHERE id = ?", (loser,))
    db.execute("UPDATE entity_redirects SET target = ? WHERE target = ?", (winner, loser))
    db.execute(
        "INSERT OR REPLACE INTO entity_redirects (old, target) VALUES (?, ?)", (loser, winner)
    )
    _elect(db, winner, rename=True)


def _rename(article: Article, remap: dict[str, str]) -> None:
    """Point the article at stored ids; two entities that became one are merged."""
    merged: dict[str, Entity] = {}
    for ent in article.entities:
        ent.id = remap.get(ent.id, ent.id)
        have = merged.setdefault(ent.id, ent)
        if have is not ent:
            for alias, n in ent.aliases.items():
                have.aliases[alias] = have.aliases.get(alias, 0) + n
            if ent.country and (
                not have.country or (have.country_guessed and not ent.country_guessed)
            ):
                have.country, have.country_guessed = ent.country, ent.country_guessed
            have.sector = have.sector or ent.sector
            have.role = have.role or ent.role
    article.entities = list(merged.values())
    for m in article.mentions:
        if m.entity_id in remap:
            m.entity_id = remap[m.entity_id]
    for ev in article.events:
        ev.actor = remap.get(ev.actor, ev.actor) if ev.actor else ev.actor
        ev.recipient = remap.get(ev.recipient, ev.recipient) if ev.recipient else ev.recipient
        ev.location = remap.get(ev.location, ev.location) if ev.location else ev.location


def _upsert(db: sqlite3.Connection, e: Entity, mentions: int) -> None:
    db.execute(
        """INSERT INTO entities (id, name, type, country, sector, role, geonames_id,
               mention_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET
               role = COALESCE(excluded.role, entities.role),
               geonames_id = COALESCE(entities.geonames_id, excluded.geonames_id),
               mention_count = entities.mention_count + excluded.mention_count""",
        (e.id, e.name, e.type, e.country, e.sector, e.role, e.geonames_id, mentions),
    )
    db.executemany(
        """INSERT INTO entity_aliases (entity_id, alias, key, count) VALUES (?, ?, ?, ?)
           ON CONFLICT(entity_id, alias) DO UPDATE SET count = count + excluded.count""",
        [(e.id, alias, " ".join(person_tokens(alias, None)), n) for alias, n in e.aliases.items()],
    )
    # A guessed country (Entity.country_guessed) counts once per article, a stated one twice
    # per mention: counted per mention alike, Mohammed bin Salman, named bare ("الأمير") in
    # stories about Yemen, was voted YEM 33 to SAU 23 over 3,000 SaudiNewsNet articles.
    weights = {"country": 1 if e.country_guessed else 2 * mentions, "sector": mentions}
    votes = [
        (e.id, f, v, weights[f]) for f, v in (("country", e.country), ("sector", e.sector)) if v
    ]
    db.executemany(
        """INSERT INTO entity_votes (entity_id, field, value, count) VALUES (?, ?, ?, ?)
           ON CONFLICT(entity_id, field, value) DO UPDATE SET count = count + excluded.count""",
        votes,
    )
    if e.type in ("PER", "ORG"):
        # gov:/iso:/gn: entities keep their gazetteer names ("حكومة المغرب", not "الرباط").
        _elect(db, e.id, rename=e.id.startswith(("per:", "org:")))
    if e.type == "PER" and e.id.startswith("per:"):
        db.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
            [(k, e.id) for k in person_keys(id_tokens(e.id))],
        )


def _elect(db: sqlite3.Connection, entity_id: str, *, rename: bool) -> None:
    """Most frequent country and sector, and as name the most frequent alias of more than one
    word (a full name over a surname; one span that ran past the name stays an alias)."""
    db.execute(
        """UPDATE entities SET
               country = COALESCE((SELECT value FROM entity_votes WHERE entity_id = :id
                   AND field = 'country' ORDER BY count DESC, value LIMIT 1), country),
               sector = COALESCE((SELECT value FROM entity_votes WHERE entity_id = :id
                   AND field = 'sector' ORDER BY count DESC, value LIMIT 1), sector),
               name = CASE WHEN :rename THEN COALESCE((SELECT alias FROM entity_aliases
                   WHERE entity_id = :id ORDER BY instr(key, ' ') > 0 DESC, count DESC,
                   length(alias) DESC LIMIT 1), name) ELSE name END
           WHERE id = :id""",
        {"id": entity_id, "rename": rename},
    )


# -- reading ---------------------------------------------------------------------------


def list_entities(
    db: sqlite3.Connection,
    *,
    type_: str | None = None,
    query: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities by mention count; ``query`` matches any alias (normalised, substring)."""
    where, args = [], []
    if type_:
        where.append("e.type = ?")
        args.append(type_.upper())
    if query:
        key = " ".join(person_tokens(query, None))
        where.append(
            "(e.id IN (SELECT entity_id FROM entity_aliases WHERE key LIKE ?) OR e.name LIKE ?)"
        )
        args += [f"%{key}%", f"%{query}%"]
    sql = (
        "SELECT e.id, e.name, e.type, e.country, e.sector, e.role, e.geonames_id, "
        "e.mention_count FROM entities e"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.mention_count DESC, e.id LIMIT ? OFFSET ?"
    )
    return [dict(r) for r in db.execute(sql, (*args, limit, offset))]


def redirect_target(db: sqlite3.Connection, entity_id: str) -> str | None:
    """The id an entity merged away (``merge_entities``) now lives under, or None."""
    row = db.execute("SELECT target FROM entity_redirects WHERE old = ?", (entity_id,)).fetchone()
    return str(row[0]) if row is not None else None


def entity_row(db: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """The entities row as a dict (no aliases), or None."""
    row = db.execute(
        "SELECT id, name, type, country, sector, role, geonames_id, mention_count "
        "FROM entities WHERE id = ?",
        (entity_id,),
    ).fetchone()
    return dict(row) if row is not None else None


def entity_detail(db: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """One entity with its aliases and counts, and the articles that mention it most.

    An id merged into another (``merge_entities``) gives the entity it now is.
    """
    entity_id = redirect_target(db, entity_id) or entity_id
    out = entity_row(db, entity_id)
    if out is None:
        return None
    out["aliases"] = {
        r[0]: r[1]
        for r in db.execute(
            "SELECT alias, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC",
            (entity_id,),
        )
    }
    out["articles"] = [
        {"id": r[0], "title": r[1], "mentions": r[2]}
        for r in db.execute(
            "SELECT a.id, a.title, COUNT(*) AS n FROM mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE m.entity_id = ? GROUP BY a.id "
            "ORDER BY n DESC, a.id DESC LIMIT 20",
            (entity_id,),
        )
    ]
    return out
