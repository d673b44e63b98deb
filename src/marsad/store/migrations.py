"""Schema migrations: named functions applied once each, in order, and recorded.

To change the schema, append a new function to MIGRATIONS; never edit one that shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


def run_script(db: sqlite3.Connection, sql: str) -> None:
    """Execute statements one by one, inside the caller's transaction (executescript would
    commit it first, leaving a half-applied migration after a crash)."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:80]}")


def m001_articles(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            doc_key TEXT NOT NULL UNIQUE,      -- url, else the file it came from
            first_seen TEXT NOT NULL
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            version INTEGER NOT NULL,
            is_latest INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT NOT NULL,
            url TEXT,
            origin TEXT,
            title TEXT,
            site TEXT,
            section TEXT,
            language TEXT,
            published TEXT,
            updated TEXT,
            ingested TEXT NOT NULL,
            data TEXT NOT NULL,                -- the whole Article as JSON (Article.to_dict)
            UNIQUE (document_id, content_hash),
            UNIQUE (document_id, version)
        );
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_site ON articles(site);
        CREATE TABLE failures (
            origin TEXT PRIMARY KEY,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            last_seen TEXT NOT NULL
        );
        """,
    )


def m002_entities_events(db: sqlite3.Connection) -> None:
    """Canonical entities (shared across articles), their aliases, mentions and events."""
    run_script(
        db,
        """
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,               -- stable canonical id, e.g. "per:..." / "iso:FRA"
            name TEXT NOT NULL,                -- display name (most frequent full form)
            type TEXT NOT NULL,                -- PER, LOC, ORG, MISC
            country TEXT,                      -- ISO 3166-1 alpha-3
            sector TEXT,                       -- PLOVER/CAMEO sector: GOV, MIL, COP, ...
            role TEXT,                         -- latest role seen ("وزير الداخلية")
            geonames_id INTEGER,
            mention_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX entities_type ON entities(type);
        CREATE INDEX entities_name ON entities(name);
        CREATE TABLE entity_aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id),
            alias TEXT NOT NULL,               -- as written in an article
            key TEXT NOT NULL,                 -- normalised for matching
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity_id, alias)
        );
        CREATE INDEX entity_aliases_key ON entity_aliases(key);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            role TEXT,
            country TEXT,
            entity_id TEXT REFERENCES entities(id),
            score REAL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            type TEXT NOT NULL,                -- PLOVER event type, e.g. CONSULT
            mode TEXT,
            contexts TEXT NOT NULL DEFAULT '[]',  -- JSON list
            aux TEXT NOT NULL DEFAULT '[]',       -- JSON list: future, intent, negated, ...
            actor_id TEXT REFERENCES entities(id),
            recipient_id TEXT REFERENCES entities(id),
            location_id TEXT REFERENCES entities(id),
            date TEXT,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX events_article ON events(article_id);
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_actor ON events(actor_id);
        CREATE INDEX events_recipient ON events(recipient_id);
        CREATE INDEX events_date ON events(date);
        """,
    )


def m003_search(db: sqlite3.Connection) -> None:
    """Full-text index of analysed text (rowid = articles.id), filled by store/search.py.

    FTS5 splits Arabic words at harakat and folds nothing Arabic, so it is fed text that
    marsad already normalised: ``title``/``body`` hold light-stemmed tokens, ``title_exact``/
    ``body_exact`` the unstemmed normalised tokens (names match exactly). Contentless: the
    original text stays in ``articles.data``; snippets are cut from it.
    """
    run_script(
        db,
        """
        CREATE VIRTUAL TABLE search_fts USING fts5(
            title, body, title_exact, body_exact,
            content='', tokenize='unicode61 remove_diacritics 0'
        );
        CREATE INDEX articles_section ON articles(section);
        CREATE INDEX articles_latest_published ON articles(is_latest, published);
        """,
    )


def m004_stories(db: sqlite3.Connection) -> None:
    """Stories: copies of one article (exact or near-duplicate, any site) grouped together.

    Filled by ``marsad stories`` / ``marsad load`` (marsad.stories groups, store/stories.py
    writes); every copy stays an article of its own, with its site.
    """
    run_script(
        db,
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,               -- stable: derived from its first member
            size INTEGER NOT NULL,             -- copies, all sites
            sites INTEGER NOT NULL,            -- distinct sites
            first_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL
        );
        CREATE TABLE story_members (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            site TEXT,
            content_hash TEXT NOT NULL,
            similarity REAL                    -- best verified overlap with another copy
        );
        CREATE INDEX story_members_story ON story_members(story_id);
        CREATE INDEX stories_size ON stories(size);
        """,
    )


def m005_entity_keys(db: sqlite3.Connection) -> None:
    """Blocking keys of stored people (a name part and its one-letter deletions), so a new
    spelling or a partial name finds its person by exact lookups (store/entities.py)."""
    run_script(
        db,
        """
        CREATE TABLE entity_keys (
            key TEXT NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            PRIMARY KEY (key, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX entities_mentions ON entities(mention_count);
        """,
    )


def m006_entity_votes(db: sqlite3.Connection) -> None:
    """Countries and sectors each article gave an entity, with counts: the stored entity
    shows the most frequent (store/entities.py), not whichever article came first."""
    run_script(
        db,
        """
        CREATE TABLE entity_votes (
            entity_id TEXT NOT NULL REFERENCES entities(id),
            field TEXT NOT NULL,               -- country, sector
            value TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity_id, field, value)
        ) WITHOUT ROWID;
        """,
    )


def m007_search_lead(db: sqlite3.Connection) -> None:
    """Search index with a ``lead`` column (the body's first words, weighted up in ranking:
    ANT known-item MRR@10 +0.03, see store/search.py WEIGHTS); refilled from the articles."""
    from .search import rebuild_index

    run_script(
        db,
        """
        DROP TABLE search_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(
            title, lead, body, title_exact, body_exact,
            content='', tokenize='unicode61 remove_diacritics 0'
        );
        """,
    )
    rebuild_index(db)


def m007_entity_redirects(db: sqlite3.Connection) -> None:
    """Ids of stored entities merged into another (store/entities.py merge_entities): the
    article JSON stored before the merge still names the old id."""
    run_script(
        db,
        """
        CREATE TABLE entity_redirects (
            old TEXT PRIMARY KEY,
            target TEXT NOT NULL
        );
        CREATE INDEX entity_redirects_target ON entity_redirects(target);
        """,
    )


def m008_raw_pages(db: sqlite3.Connection) -> None:
    """What each input document (file, archive member, WARC record) looked like when it was
    last analysed: a re-run of the same ingest skips pages whose bytes and pipeline are the
    same instead of extracting and tagging them again."""
    run_script(
        db,
        """
        CREATE TABLE raw_pages (
            origin TEXT PRIMARY KEY,
            raw_hash TEXT NOT NULL,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            seen TEXT NOT NULL
        );
        """,
    )


def m009_event_phrases(db: sqlite3.Connection) -> None:
    """The unnamed parties of an event ("مسلحون مجهولون", sector UAF) when no entity is its
    actor or recipient: offsets into the article text, the words and the PLOVER sector."""
    run_script(
        db,
        """
        ALTER TABLE events ADD COLUMN actor_phrase TEXT;
        ALTER TABLE events ADD COLUMN actor_phrase_start INTEGER;
        ALTER TABLE events ADD COLUMN actor_phrase_end INTEGER;
        ALTER TABLE events ADD COLUMN actor_sector TEXT;
        ALTER TABLE events ADD COLUMN recipient_phrase TEXT;
        ALTER TABLE events ADD COLUMN recipient_phrase_start INTEGER;
        ALTER TABLE events ADD COLUMN recipient_phrase_end INTEGER;
        ALTER TABLE events ADD COLUMN recipient_sector TEXT;
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    m001_articles,
    m002_entities_events,
    m003_search,
    m004_stories,
    m005_entity_keys,
    m006_entity_votes,
    m007_entity_redirects,
    m007_search_lead,
    m008_raw_pages,
    m009_event_phrases,
)


def migrate(db: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now.

    ``db`` must be in autocommit mode (``isolation_level=None``): each migration and its
    record are one explicit transaction, so a crash never leaves half a migration.
    """
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name TEXT PRIMARY KEY, applied TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM schema_migrations")}
    applied = []
    for migration in migrations:
        name = migration.__name__
        if name in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            migration(db)
            db.execute(
                "INSERT INTO schema_migrations (name, applied) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat()),
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        applied.append(name)
    return applied
