"""Known-item search over the ANT corpus: each title is a query, its own article the answer.

    python bench/bench_search.py [--db /tmp/ant.db] [--sample 2000] [--split dev|test|all]

Ingests ../shared/data/corpora/ant-corpus-v2.1 into --db first when that file holds no
articles (extraction only: ``Settings(stages=())``). Titles are the queries; only the body
fields are searched (the title fields would hold the query itself), so the figure compares
with a plain BM25 over bodies: Lucene's Arabic analyser scores MRR@10 ~0.61 on this task
(../shared/data/ir/README.md). Splits: "dev" = even article ids (used to tune
search.WEIGHTS and the phrase boosts), "test" = odd ids (not used for tuning).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANT = REPO.parent / "shared/data/corpora/ant-corpus-v2.1/ant_corpus_v2.1.tar.xz"


def ensure_db(db_path: Path) -> None:
    from marsad.ingest import ingest
    from marsad.settings import Settings
    from marsad.store import open_store

    with open_store(db_path) as store:
        if store.count_articles() > 0:
            return
    print(f"ingesting {ANT} into {db_path} (extraction only) ...", file=sys.stderr)
    started = time.perf_counter()
    summary = ingest([ANT], Settings(stages=(), db_path=db_path))
    print(
        f"  {summary.render(db_path, files=1)} in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def queries(db: sqlite3.Connection, split: str, sample: int, seed: int) -> list[tuple[int, str]]:
    rows = db.execute(
        "SELECT id, title FROM articles WHERE is_latest = 1 AND title IS NOT NULL "
        "AND json_array_length(data, '$.paragraphs') > 0 ORDER BY id"
    ).fetchall()
    keep = {"dev": 0, "test": 1}.get(split)
    picked = [(i, t) for i, t in rows if keep is None or i % 2 == keep]
    if sample and sample < len(picked):
        picked = random.Random(seed).sample(picked, sample)
    return picked


def evaluate(db_path: Path, split: str, sample: int, seed: int) -> dict[str, float]:
    from marsad.store import open_store
    from marsad.store.search import (
        Analyser,
        SearchFilters,
        doc_freq,
        match_expression,
        parse_query,
        run_search,
    )

    analyser = Analyser()
    rr: list[float] = []
    hits10 = 0
    times: list[float] = []
    with open_store(db_path, readonly=True) as store:
        todo = queries(store.db, split, sample, seed)
        df = doc_freq(store.db)
        for article_id, title in todo:
            started = time.perf_counter()
            query = parse_query(title.replace('"', " "), analyser)  # titles: words, not phrases
            expr = match_expression(query, analyser, fields=("body",), df=df)
            ids = (
                [
                    r["id"]
                    for r in run_search(store.db, expr, SearchFilters(), limit=10, offset=0)[1]
                ]
                if expr
                else []
            )
            times.append(time.perf_counter() - started)
            rank = ids.index(article_id) + 1 if article_id in ids else 0
            rr.append(1.0 / rank if rank else 0.0)
            hits10 += bool(rank)
    n = len(rr)
    return {
        "queries": n,
        "mrr@10": sum(rr) / n,
        "success@10": hits10 / n,
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": sorted(times)[int(0.95 * (n - 1))] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad-bench-ant.db"))
    parser.add_argument("--sample", type=int, default=2000, help="0 = every title")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not ANT.exists():
        sys.exit(f"{ANT} is missing: the benchmark needs ../shared/data")
    ensure_db(args.db)
    result = evaluate(args.db, args.split, args.sample, args.seed)
    print(f"ANT known-item ({args.split}, {result['queries']} titles -> bodies)")
    print(
        f"  marsad FTS5 (normalise + light10, exact and lead columns): "
        f"MRR@10 {result['mrr@10']:.3f}  S@10 {result['success@10']:.3f}  "
        f"median {result['median_ms']:.1f} ms  p95 {result['p95_ms']:.1f} ms"
    )
    print("  reference: plain BM25, Lucene Arabic analyser (ir/README.md): MRR@10 ~0.614")


if __name__ == "__main__":
    main()
