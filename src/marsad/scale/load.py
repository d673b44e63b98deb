"""``marsad load DIR``: the Spark job's Parquet tables -> the SQLite store.

Reads with pyarrow (no Spark needed). Articles go through ``SQLiteStore.save_article``
(the same page twice is stored once, as with ``marsad ingest``); failures are recorded;
story membership is merged in, keyed by the stored article ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Failure
from ..errors import InputError
from ..store.sqlite import SQLiteStore
from ..store.stories import StoryMember, merge_story_members
from .tables import article_from_rows


@dataclass(slots=True)
class LoadSummary:
    new: int = 0
    unchanged: int = 0
    versions: int = 0
    failures: int = 0
    stories: int = 0

    def render(self, db: Path) -> str:
        return (
            f"{self.new} new articles, {self.versions} new versions, {self.unchanged} "
            f"unchanged, {self.failures} failures, {self.stories} stories  (database: {db})"
        )


def read_table(directory: Path, name: str) -> list[dict[str, Any]]:
    """Rows of one table written by ``marsad spark`` (an absent table has no rows)."""
    import pyarrow.parquet as pq

    path = directory / name
    if not path.exists():
        if name == "articles":
            raise InputError(
                f"{directory} has no 'articles' table; pass the --output directory of "
                f"`marsad spark`"
            )
        return []
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def _by_origin(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row.pop("origin")].append(row)
    return out


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def load_tables(directory: Path, store: SQLiteStore, *, batch_size: int = 500) -> LoadSummary:
    summary = LoadSummary()
    articles = read_table(directory, "articles")
    children = {t: _by_origin(read_table(directory, t)) for t in ("mentions", "entities", "events")}
    ids: dict[str, int] = {}
    for batch in _batches(articles, batch_size):
        with store.transaction():
            for row in batch:
                origin = row["origin"]
                article = article_from_rows(
                    row, *(children[t].get(origin, []) for t in ("mentions", "entities", "events"))
                )
                result = store.save_article(article)
                ids[origin] = result.article_id
                if result.status == "new":
                    summary.new += 1
                elif result.status == "version":
                    summary.versions += 1
                else:
                    summary.unchanged += 1
    with store.transaction():
        for row in read_table(directory, "failures"):
            store.record_failure(Failure(row["origin"], row["reason"], row["stage"]))
            summary.failures += 1
        members = [
            StoryMember(
                ids[r["origin"]], r["story_id"], r["site"], r["content_hash"], r["similarity"]
            )
            for r in read_table(directory, "stories")
            if r["origin"] in ids
        ]
        summary.stories = merge_story_members(store.db, members)
    return summary
