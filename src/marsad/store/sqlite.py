"""SQLite store: WAL, recorded migrations, idempotent article ingest.

Identity: an article's document is its URL (else the file it came from); its version is
its content hash. The same page twice is one article; a changed page is a new version
of the same document, and the older version stops being the latest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..document import Article, Failure
from ..errors import StoreError
from .entities import save_entities
from .events import save_events
from .migrations import migrate
from .search import index_article


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What saving one article did: "new", "unchanged" or "version" (a new version)."""

    article_id: int
    status: str
    version: int


def open_store(path: Path | str, *, readonly: bool = False) -> SQLiteStore:
    return SQLiteStore(Path(path), readonly=readonly)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class SQLiteStore:
    """Articles, failures (and, as later migrations add them, entities and events)."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        try:
            if readonly:
                uri = f"file:{path}?mode=ro"
                self.db = sqlite3.connect(
                    uri, uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                migrate(self.db)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the marsad database {path}: {exc}; check the path and its "
                f"permissions, or pass another file with --db"
            ) from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys=ON")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: everything inside lands, or nothing does (even after kill -9)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------

    def save_article(self, article: Article) -> IngestResult:
        """Insert ``article`` unless this exact content is already stored for its document.

        Call inside ``transaction()``.
        """
        key = article.url or article.origin
        if not key:
            raise StoreError("an article needs a url or an origin to be stored")
        digest = article.content_hash
        doc_id = self._document_id(key)
        row = self.db.execute(
            "SELECT id, version FROM articles WHERE document_id = ? AND content_hash = ?",
            (doc_id, digest),
        ).fetchone()
        if row is not None:
            return IngestResult(row["id"], "unchanged", row["version"])
        last = self.db.execute(
            "SELECT MAX(version) FROM articles WHERE document_id = ?", (doc_id,)
        ).fetchone()[0]
        version = (last or 0) + 1
        if last:
            self.db.execute("UPDATE articles SET is_latest = 0 WHERE document_id = ?", (doc_id,))
        data = article.to_dict()
        cur = self.db.execute(
            """INSERT INTO articles (document_id, version, is_latest, content_hash, url, origin,
                   title, site, section, language, published, updated, ingested, data)
               VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc_id,
                version,
                digest,
                article.url,
                article.origin,
                article.title,
                article.site,
                article.section,
                article.language,
                data["published"],
                data["updated"],
                _now(),
                json.dumps(data, ensure_ascii=False),
            ),
        )
        article_id = int(cur.lastrowid or 0)
        save_entities(self.db, article_id, article)
        save_events(self.db, article_id, article)
        index_article(self.db, article_id, article)
        self.db.execute("DELETE FROM failures WHERE origin = ?", (article.origin,))
        return IngestResult(article_id, "version" if last else "new", version)

    def _document_id(self, key: str) -> int:
        row = self.db.execute("SELECT id FROM documents WHERE doc_key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
        cur = self.db.execute(
            "INSERT INTO documents (doc_key, first_seen) VALUES (?, ?)", (key, _now())
        )
        return int(cur.lastrowid or 0)

    def raw_seen(self, origin: str, raw_hash: str) -> bool:
        """Was the page at ``origin`` already analysed with exactly these bytes and pipeline?"""
        row = self.db.execute(
            "SELECT 1 FROM raw_pages WHERE origin = ? AND raw_hash = ?", (origin, raw_hash)
        ).fetchone()
        return row is not None

    def remember_raw(self, origin: str, raw_hash: str, article_id: int) -> None:
        """Record that ``origin`` with ``raw_hash`` gave ``article_id``. Call inside
        ``transaction()`` together with ``save_article`` so a crash keeps both or neither."""
        self.db.execute(
            """INSERT INTO raw_pages (origin, raw_hash, article_id, seen) VALUES (?, ?, ?, ?)
               ON CONFLICT(origin) DO UPDATE SET raw_hash = excluded.raw_hash,
                   article_id = excluded.article_id, seen = excluded.seen""",
            (origin, raw_hash, article_id, _now()),
        )

    def record_failure(self, failure: Failure) -> None:
        """Remember why a document failed; the same failure again only counts an attempt."""
        self.db.execute(
            """INSERT INTO failures (origin, stage, reason, attempts, last_seen)
               VALUES (?, ?, ?, 1, ?)
               ON CONFLICT(origin) DO UPDATE SET stage = excluded.stage,
                   reason = excluded.reason, attempts = attempts + 1,
                   last_seen = excluded.last_seen""",
            (failure.origin, failure.stage, failure.reason, _now()),
        )

    # -- reading ---------------------------------------------------------------------

    def count_articles(self, *, latest_only: bool = True) -> int:
        sql = "SELECT COUNT(*) FROM articles" + (" WHERE is_latest = 1" if latest_only else "")
        return int(self.db.execute(sql).fetchone()[0])

    def list_articles(self, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            """SELECT id, version, title, site, section, published, url, origin
               FROM articles WHERE is_latest = 1
               ORDER BY COALESCE(published, ingested) DESC, id DESC LIMIT ? OFFSET ?""",
            (limit, offset),
        ).fetchall()
        return [dict(r) for r in rows]

    def get_article(self, article_id: int) -> dict[str, Any] | None:
        """The stored Article JSON (as ``marsad analyze`` prints it), with its store id."""
        row = self.db.execute(
            "SELECT id, version, is_latest, data FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        data: dict[str, Any] = json.loads(row["data"])
        data.update(id=row["id"], version=row["version"], is_latest=bool(row["is_latest"]))
        return data

    def failures(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT origin, stage, reason, attempts, last_seen FROM failures ORDER BY origin"
        ).fetchall()
        return [dict(r) for r in rows]
