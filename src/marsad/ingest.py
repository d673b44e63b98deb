"""Ingest: sources -> pipeline -> store, in batches, each batch one transaction.

A document that fails is recorded with its reason and the batch goes on. Killing the
process loses at most the uncommitted batch; running the same ingest again stores each
page exactly once (articles are keyed by document and content hash), and skips the pages
whose bytes and pipeline (version, settings, models) are those it already analysed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .checksums import update_with_file
from .document import Article, Failure, RawPage
from .factory import load_pipeline
from .settings import Settings
from .sources import iter_pages
from .store import open_store
from .store.sqlite import SQLiteStore

#: Package folders whose files (models, lexicons) decide what the pipeline makes of a page.
MODEL_DIRS = ("ner/models", "ner/data", "events/data", "linking/data", "extraction/data")


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
    hashes: dict[str, str] = {}  # origin -> raw hash of the pages in flight
    with open_store(settings.db_path) as store:

        def flush() -> None:
            with store.transaction():
                for item in batch:
                    if isinstance(item, Failure):
                        store.record_failure(item)
                        continue
                    result = store.save_article(item)
                    raw_hash = hashes.pop(item.origin, None)
                    if raw_hash is not None:
                        store.remember_raw(item.origin, raw_hash, result.article_id)
                    if result.status == "new":
                        summary.new += 1
                    elif result.status == "version":
                        summary.versions += 1
                    else:
                        summary.unchanged += 1
            batch.clear()

        pages = iter_pages(paths, kind=settings.kind)
        if not settings.reprocess:
            fingerprint = pipeline_fingerprint(settings)  # hashes ~40 MB of model files
            pages = _unseen(pages, store, fingerprint, hashes, summary, on_document)
        for result in pipeline.run(pages, on_done=on_document):
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


def _unseen(
    pages: Iterable[RawPage | Failure],
    store: SQLiteStore,
    fingerprint: str,
    hashes: dict[str, str],
    summary: IngestSummary,
    on_document: Callable[[], None] | None,
) -> Iterator[RawPage | Failure]:
    """Pages not yet analysed as they are; the others count as unchanged, unprocessed."""
    for page in pages:
        if isinstance(page, RawPage) and page.origin:
            digest = raw_hash(page, fingerprint)
            if store.raw_seen(page.origin, digest):
                summary.unchanged += 1
                if on_document is not None:
                    on_document()
                continue
            hashes[page.origin] = digest
        yield page


def raw_hash(page: RawPage, fingerprint: str) -> str:
    """The page as the pipeline sees it: bytes, kind, url, record, and the pipeline itself."""
    digest = hashlib.sha256(fingerprint.encode())
    record = json.dumps(page.record, sort_keys=True, ensure_ascii=False, default=str)
    for part in (page.kind, page.url or "", str(page.fetched or ""), record):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + page.content)
    return digest.hexdigest()


def pipeline_fingerprint(settings: Settings) -> str:
    """What decides the output besides the page: marsad's version, the settings that shape
    analysis and every model or lexicon file (a retrained model re-analyses on the next run)."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    shaping = (settings.kind, settings.reference_date, settings.max_page_bytes, settings.stages)
    digest.update(repr(shaping).encode())
    package = Path(__file__).parent
    files = [p for d in MODEL_DIRS for p in sorted((package / d).glob("*")) if p.is_file()]
    files += [p for p in (settings.ner_model, settings.event_model) if p is not None]
    for path in files:
        digest.update(str(path.name).encode())
        update_with_file(digest, path)
    return digest.hexdigest()
