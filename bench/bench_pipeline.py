"""Whole-pipeline speed: extract -> ner -> linking -> events, articles per second on one core.

    python bench/bench_pipeline.py [--limit 1000] [--stages ner,linking,events] [PATH ...]

Reads the first --limit records of each PATH (default: the ANT corpus archive and the
SaudiNewsNet daily zips in ../shared/data/corpora) through marsad.sources.iter_pages into
memory, then runs load_pipeline() over them in this one process (pinned to one CPU where the
OS allows), and prints articles per second for the whole pipeline and the seconds spent in
each stage, per corpus. Throughput is given by CPU time of this process (what one core
does, whatever else runs on a shared machine) and by wall-clock time. Reading and
decompressing the archives is timed apart: it is the source's cost, not the pipeline's.
Nothing is stored.
"""

from __future__ import annotations

import argparse
import itertools
import os
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared/data/corpora"
DEFAULT = [CORPORA / "ant-corpus-v2.1/ant_corpus_v2.1.tar.xz", CORPORA / "saudinewsnet/dataset"]


class Timed:
    """A stage (or the extractor) that adds its time to ``clock[name]``."""

    def __init__(self, inner: Any, name: str, clock: dict[str, float]) -> None:
        self.inner, self.name, self.clock = inner, name, clock
        self.requires = getattr(inner, "requires", frozenset())
        self.assigns = getattr(inner, "assigns", frozenset())

    def __call__(self, item: Any) -> Any:
        started = time.process_time()
        try:
            return self.inner(item)
        finally:
            self.clock[self.name] += time.process_time() - started


def read(path: Path, limit: int) -> tuple[list[Any], float]:
    from marsad.document import Failure
    from marsad.sources import iter_pages

    started = time.perf_counter()
    pages = [p for p in itertools.islice(iter_pages([path]), limit) if not isinstance(p, Failure)]
    return pages, time.perf_counter() - started


def run(pipeline: Any, pages: list[Any]) -> tuple[int, int, int, float, float, dict[str, float]]:
    from marsad.document import Failure

    clock: dict[str, float] = defaultdict(float)
    pipeline.extractor = Timed(pipeline.extractor, "extract", clock)
    pipeline.stages = [Timed(s, s.name, clock) for s in pipeline.stages]
    done = failed = events = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for result in pipeline.run(pages):
        if isinstance(result, Failure):
            failed += 1
        else:
            done += 1
            events += len(result.events)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    pipeline.extractor = pipeline.extractor.inner
    pipeline.stages = [s.inner for s in pipeline.stages]
    return done, failed, events, cpu, wall, clock


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=1000, help="records read per PATH")
    parser.add_argument("--stages", default="ner,linking,events")
    parser.add_argument("--ner-model", type=Path, default=None, help="default: the shipped one")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from marsad.factory import load_pipeline
    from marsad.settings import Settings

    stages = tuple(s for s in args.stages.split(",") if s)
    started = time.perf_counter()
    pipeline = load_pipeline(Settings(stages=stages, ner_model=args.ner_model))
    pipeline.enrich(_warm_article())
    print(
        f"pipeline {' -> '.join(('extract', *stages))}: loaded in "
        f"{time.perf_counter() - started:.2f}s (models load on first use)"
    )
    total_done, total_cpu, total_wall = 0, 0.0, 0.0
    for path in args.paths:
        pages, read_s = read(path, args.limit)
        done, failed, events, cpu, wall, clock = run(pipeline, pages)
        total_done, total_cpu, total_wall = total_done + done, total_cpu + cpu, total_wall + wall
        per_stage = ", ".join(f"{k} {v:.2f}s" for k, v in clock.items())
        print(
            f"{path.name}: {done} articles ({failed} failed, {events} events): "
            f"{done / cpu:.1f} articles/s CPU ({cpu:.2f}s), {done / wall:.1f} wall ({wall:.2f}s)"
            f"  [CPU per stage: {per_stage}; reading {read_s:.2f}s apart]"
        )
    if total_cpu:
        print(
            f"all: {total_done} articles: {total_done / total_cpu:.1f} articles/s on one core "
            f"(CPU {total_cpu:.2f}s; wall {total_wall:.2f}s = {total_done / total_wall:.1f}/s)"
        )


def _warm_article() -> Any:
    """A short article to load the models before the clock starts."""
    from marsad.document import Article

    return Article(title="اختبار", paragraphs=["التقى الوزير نظيره في الرباط أمس."])


if __name__ == "__main__":
    main()
