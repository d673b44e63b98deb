"""What one Spark partition does: read its input splits and run THE pipeline over them.

Nothing here needs Spark: ``process_splits`` is a plain generator, so the in-process
benchmark and the tests call it directly, and the Spark job hands it to mapPartitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Failure, RawPage
from ..settings import Settings
from ..stories import StoryParams, band_keys, fingerprint
from ..stories.grouping import lsh_ranges
from .tables import document_row, failure_document


@dataclass(frozen=True, slots=True)
class Split:
    """A piece of input: a whole file, or the WARC records starting in [start, stop)."""

    path: str
    start: int = 0
    stop: int | None = None


def is_warc(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz"))


def plan_splits(paths: Iterable[str | Path], target: int, *, min_records: int = 200) -> list[Split]:
    """About ``target`` splits when the input allows: whole files when there are enough of
    them (a cluster reading Common Crawl), else WARC files cut at record offsets, with at
    least ``min_records`` records per split (each split pays a pipeline load, about a
    second with models; 200 pages are several seconds of work)."""
    from ..sources.files import iter_files
    from ..sources.warc import record_offsets

    files = [str(p) for p in iter_files(paths) if not isinstance(p, Failure)]
    if len(files) >= target:
        return [Split(f) for f in files]
    splits: list[Split] = []
    per_file = max(1, -(-target // max(1, len(files))))
    for f in files:
        offsets = record_offsets(f) if is_warc(f) else []
        pieces = min(per_file, len(offsets) // max(1, min_records))
        if pieces < 2:
            splits.append(Split(f))
            continue
        cuts = _even_cuts(offsets, Path(f).stat().st_size, pieces)
        for i, start in enumerate(cuts):
            stop = cuts[i + 1] if i + 1 < len(cuts) else None
            splits.append(Split(f, start, stop))
    return splits


def _even_cuts(offsets: list[int], size: int, pieces: int) -> list[int]:
    """Record offsets that cut the file into ``pieces`` of about equal bytes (a page's
    cost follows its length, not its position in the file)."""
    cuts = [offsets[0]]
    for k in range(1, pieces):
        target = size * k // pieces
        nearest = min(offsets, key=lambda o: abs(o - target))
        if nearest > cuts[-1]:
            cuts.append(nearest)
    return cuts


def pages_of(split: Split, settings: Settings) -> Iterator[RawPage | Failure]:
    from ..sources import iter_pages
    from ..sources.warc import iter_warc

    if is_warc(split.path):
        yield from iter_warc(
            split.path, max_bytes=settings.max_page_bytes, start=split.start, stop=split.stop
        )
    else:
        yield from iter_pages([split.path], kind=settings.kind)


def process_splits(
    splits: Iterable[Split], settings: Settings, params: StoryParams
) -> Iterator[tuple[Any, ...]]:
    """One document row (``tables.DOCUMENT_SCHEMA``) per page: the article, its analysis and
    its story fingerprint, or the failure. The pipeline (and its models) is loaded once
    for the whole partition."""
    from ..factory import load_pipeline

    pipeline = load_pipeline(settings)
    ranges = lsh_ranges(params)
    for split in splits:
        for result in pipeline.run(pages_of(split, settings)):
            if isinstance(result, Failure):
                yield failure_document(result)
                continue
            fp = fingerprint(result, params, key=result.origin)
            yield document_row(result, fp, band_keys(fp, ranges))


def run_in_process(
    paths: Iterable[str | Path], settings: Settings, params: StoryParams
) -> Iterator[tuple[Any, ...]]:
    """The same rows as the Spark job, on one core (benchmarks, tests, small inputs)."""
    yield from process_splits(plan_splits(paths, 1), settings, params)
