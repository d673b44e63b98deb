"""Entity linking over real news: speed per stage and the most mentioned people.

    python bench/bench_linking.py [--limit 3000] [--db /tmp/linking.db] [--top 50] [PATH ...]

Reads the first --limit articles of PATH (default: the SaudiNewsNet daily zips in
../shared/data/corpora), runs extract -> ner -> linking on one core, stores every article
(entities merged across the store), then prints articles per second for each stage and for
the whole pipeline, and the --top person entities of the store with their aliases, so that
two entries naming one person can be seen. The database is rebuilt on every run.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared/data/corpora/saudinewsnet/dataset"


def timed(fn: Callable, name: str, clock: dict[str, float]) -> Callable:  # type: ignore[type-arg]
    def run(*args: object) -> object:
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            clock[name] += time.perf_counter() - started

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad-linking-bench.db"))
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--ner-model", type=Path, default=None, help="default: the shipped one")
    args = parser.parse_args()

    from marsad.document import Failure
    from marsad.factory import build_stage
    from marsad.pipeline import Pipeline
    from marsad.settings import Settings
    from marsad.sources import iter_pages
    from marsad.store import open_store
    from marsad.store.entities import entity_detail, list_entities

    settings = Settings(db_path=args.db, ner_model=args.ner_model)
    clock: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    stages = [build_stage(n, settings) for n in ("ner", "linking")]
    clock["load"] = time.perf_counter() - started
    from marsad.extraction import ArticleExtractor

    pipeline = Pipeline(ArticleExtractor(settings), stages, settings=settings)
    pipeline.extractor = timed(pipeline.extractor, "extract", clock)
    pipeline.stages = [_Wrapped(s, clock) for s in pipeline.stages]  # type: ignore[misc]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    pages = (p for p in iter_pages(args.paths) if not isinstance(p, Failure))
    done = failed = 0
    with open_store(args.db) as store:
        batch = []
        for result in pipeline.run(itertools.islice(pages, args.limit)):
            if isinstance(result, Failure):
                failed += 1
                continue
            batch.append(result)
            if len(batch) == settings.batch_size:
                done += _save(store, batch, clock)
        done += _save(store, batch, clock)
        people = list_entities(store.db, type_="PER", limit=args.top)
        aliases = {p["id"]: (entity_detail(store.db, p["id"]) or {})["aliases"] for p in people}
    _report(done, failed, clock, people, aliases)


class _Wrapped:
    """A stage whose calls are timed under its name."""

    def __init__(self, stage: object, clock: dict[str, float]) -> None:
        self.stage = stage
        self.name: str = stage.name  # type: ignore[attr-defined]
        self.requires = stage.requires  # type: ignore[attr-defined]
        self.assigns = stage.assigns  # type: ignore[attr-defined]
        self.clock = clock

    def __call__(self, article: object) -> object:
        started = time.perf_counter()
        try:
            return self.stage(article)  # type: ignore[operator]
        finally:
            self.clock[self.name] += time.perf_counter() - started


def _save(store: object, batch: list, clock: dict[str, float]) -> int:  # type: ignore[type-arg]
    started = time.perf_counter()
    with store.transaction():  # type: ignore[attr-defined]
        for art in batch:
            store.save_article(art)  # type: ignore[attr-defined]
    clock["store"] += time.perf_counter() - started
    n = len(batch)
    batch.clear()
    return n


def _report(done: int, failed: int, clock: dict[str, float], people: list, aliases: dict) -> None:  # type: ignore[type-arg]
    print(
        f"{done} articles stored, {failed} failed; models and lists loaded in {clock['load']:.2f} s"
    )
    for name in ("extract", "ner", "linking", "store"):
        secs = clock[name]
        rate = done / secs if secs else float("inf")
        print(f"  {name:8s} {secs:7.2f} s  {rate:9.1f} articles/s")
    total = clock["extract"] + clock["ner"] + clock["linking"]
    print(f"  pipeline (extract+ner+linking) {done / total:.1f} articles/s on one core")
    print(f"\ntop {len(people)} person entities:")
    for n, p in enumerate(people, 1):
        top = sorted(aliases[p["id"]].items(), key=lambda kv: -kv[1])[:4]
        shown = "، ".join(f"{a} ({c})" for a, c in top)
        print(
            f"{n:3d}. {p['mention_count']:5d}  {p['name']}  [{p['country'] or '-'} "
            f"{p['sector'] or '-'}]  {p['id']}  | {shown}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
