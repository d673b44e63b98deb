"""Stories in the store: which stored articles are copies of one story, and related lists.

Functions take the store's connection (``SQLiteStore.db``). Writers run inside the
caller's ``store.transaction()``. Tables come from the ``m004_stories`` migration.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One stored article in a story: which story, its site, and how close a copy it is."""

    article_id: int
    story_id: str
    site: str | None
    content_hash: str
    similarity: float | None = None


def iter_latest_articles(db: sqlite3.Connection, batch: int = 500) -> Iterator[tuple[int, dict]]:
    """(article id, Article JSON) of every latest article version, in id order."""
    last = 0
    while True:
        rows = db.execute(
            "SELECT id, data FROM articles WHERE is_latest = 1 AND id > ? ORDER BY id LIMIT ?",
            (last, batch),
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield int(row[0]), json.loads(row[1])
        last = int(rows[-1][0])


def replace_stories(db: sqlite3.Connection, members: Iterable[StoryMember]) -> int:
    """Replace every story with ``members``; return how many stories there are now."""
    db.execute("DELETE FROM story_members")
    db.execute("DELETE FROM stories")
    return merge_story_members(db, members)


def merge_story_members(db: sqlite3.Connection, members: Iterable[StoryMember]) -> int:
    """Add or move articles into stories (``marsad load``); return the number of stories."""
    members = list(members)
    db.executemany(
        "INSERT OR IGNORE INTO stories (id, size, sites) VALUES (?, 0, 0)",
        sorted({(m.story_id,) for m in members}),
    )
    db.executemany(
        """INSERT OR REPLACE INTO story_members
               (article_id, story_id, site, content_hash, similarity) VALUES (?, ?, ?, ?, ?)""",
        [(m.article_id, m.story_id, m.site, m.content_hash, m.similarity) for m in members],
    )
    db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_members)")
    db.execute(
        """UPDATE stories SET
               size = (SELECT COUNT(*) FROM story_members m WHERE m.story_id = stories.id),
               sites = (SELECT COUNT(DISTINCT site) FROM story_members m
                        WHERE m.story_id = stories.id),
               first_article_id = (SELECT MIN(article_id) FROM story_members m
                                   WHERE m.story_id = stories.id)"""
    )
    return int(db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])


def story_of(db: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    row = db.execute(
        """SELECT s.id, s.size, s.sites FROM story_members m JOIN stories s ON s.id = m.story_id
           WHERE m.article_id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    return {"id": row[0], "size": row[1], "sites": row[2]}


def related_articles(db: sqlite3.Connection, article_id: int, limit: int = 20) -> list[dict]:
    """The other copies of this article's story: id, site, title, url, published, similarity.

    Copies on other sites come first, then by publication date.
    """
    rows = db.execute(
        """SELECT a.id, a.site, a.title, a.url, a.published, o.similarity,
                  (a.content_hash = me.content_hash) AS exact
           FROM story_members me
           JOIN story_members o ON o.story_id = me.story_id AND o.article_id != me.article_id
           JOIN articles a ON a.id = o.article_id
           WHERE me.article_id = ?
           ORDER BY (COALESCE(a.site, '') = COALESCE(me.site, '')), a.published, a.id
           LIMIT ?""",
        (article_id, limit),
    ).fetchall()
    keys = ("id", "site", "title", "url", "published", "similarity", "exact")
    return [{**dict(zip(keys, r, strict=True)), "exact": bool(r[6])} for r in rows]


def largest_stories(db: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    """Stories with the most copies: id, size, sites, and the first article's title."""
    rows = db.execute(
        """SELECT s.id, s.size, s.sites, a.id, a.title FROM stories s
           JOIN articles a ON a.id = s.first_article_id
           WHERE s.size > 1 ORDER BY s.size DESC, s.id LIMIT ?""",
        (limit,),
    ).fetchall()
    keys = ("id", "size", "sites", "first_article_id", "title")
    return [dict(zip(keys, r, strict=True)) for r in rows]
