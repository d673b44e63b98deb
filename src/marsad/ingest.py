"""Ingest: sources -> pipeline -> store, in batches, each batch one transaction.

A document that fails is recorded with its reason and the batch goes on. Killing the
process loses at most the uncommitted batch; running the same ingest again stores each
page exactly once (articles are keyed by document and content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .document import Article, Failure
from .factory import load_pipeline
from .settings import Settings
from .sources import iter_pages
from .store import open_store


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    versions: int = 0
    unchanged: int = 0
    failed: int = 0

    def render(self, db: Path, *, files: int) -> str:
        return (
            f"{files} files -> {self.new} new articles, {self.versions} new versions, "
            f"{self.unchanged} unchanged, {self.failed} failed  (database: {db})"
        )


def ingest(
    paths: Iterable[Path | str],
    settings: Settings,
    *,
    on_document: Callable[[], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> IngestSummary:
    pipeline = load_pipeline(settings)
    summary = IngestSummary()
    batch: list[Article | Failure] = []
    with open_store(settings.db_path) as store:

        def flush() -> None:
            with store.transaction():
                for item in batch:
                    if isinstance(item, Failure):
                        store.record_failure(item)
                        continue
                    result = store.save_article(item)
                    if result.status == "new":
                        summary.new += 1
                    elif result.status == "version":
                        summary.versions += 1
                    else:
                        summary.unchanged += 1
            batch.clear()

        for result in pipeline.run(iter_pages(paths, kind=settings.kind), on_done=on_document):
            if isinstance(result, Failure):
                summary.failed += 1
                if on_failure is not None:
                    on_failure(result)
            batch.append(result)
            if len(batch) >= settings.batch_size:
                flush()
        if batch:
            flush()
    return summary
