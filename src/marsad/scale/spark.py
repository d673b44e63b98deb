"""The Spark driver: WARC paths in, Parquet tables out. It holds no logic of its own.

    marsad spark --input crawl/*.warc.gz --output out/            (local[*] by default)
    python -m marsad.scale.spark --master local[2] --input ... --output ...
    spark-submit --master yarn .../marsad/scale/submit.py --input ... --output ...

Each partition runs ``process_splits`` (the same pipeline as ``marsad analyze``, loaded
once per partition); the global near-duplicate step buckets ``band_keys``, verifies pairs
with ``is_copy`` and joins them into stories with ``build_stories`` -- the functions
``marsad.stories`` uses in process. Executors need marsad installed (or shipped with
``--py-files``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from ..settings import Settings
from ..stories import Fingerprint, StoryParams, band_keys, build_stories, is_copy
from ..stories.grouping import lsh_ranges
from .partition import Split, plan_splits, process_splits
from .tables import ARTICLE_COLUMNS, DOCUMENT_SCHEMA, SCHEMAS

#: Tables written, in order (each a Parquet directory under the output).
TABLES = ("articles", "mentions", "entities", "events", "stories", "failures")


@dataclass(slots=True)
class SparkSummary:
    splits: int
    counts: dict[str, int]

    def render(self, output: Path) -> str:
        parts = ", ".join(f"{n} {t}" for t, n in self.counts.items())
        return f"{self.splits} input splits -> {parts}  (Parquet under {output})"


def spark_session(master: str | None = None, *, app: str = "marsad") -> Any:
    """A session for local runs: UI off, bound to loopback, few shuffle partitions. On a
    cluster (spark-submit) the master and resources come from spark-submit instead."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master is not None:
        builder = (
            builder.master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.python.worker.reuse", "true")
        )
    return builder.getOrCreate()


def _partition(settings: Settings, params: StoryParams) -> Any:
    def run(splits: Iterable[Split]) -> Iterator[tuple[Any, ...]]:
        return process_splits(splits, settings, params)

    return run


def run_spark(
    spark: Any,
    inputs: Sequence[str | Path],
    output: Path,
    settings: Settings,
    params: StoryParams | None = None,
    *,
    # Two splits per core: balanced when pages cost alike, and each split's pipeline load
    # (about a second with the NER model) is paid only twice per core.
    splits_per_core: int = 2,
    min_records: int = 200,
) -> SparkSummary:
    """Run the pipeline over ``inputs`` on ``spark`` and write the Parquet tables."""
    params = params or StoryParams()
    sc = spark.sparkContext
    splits = plan_splits(inputs, sc.defaultParallelism * splits_per_core, min_records=min_records)
    docs = sc.parallelize(splits, len(splits)).mapPartitions(_partition(settings, params))
    # One Python -> JVM conversion; every table is then selected inside the JVM.
    df = spark.createDataFrame(docs, schema=DOCUMENT_SCHEMA, verifySchema=False).persist()
    try:
        counts = _write_tables(df, output)
        fps = (
            df.filter("failure_reason IS NULL")
            .selectExpr("origin AS key", "content_hash", "site", "shingles", "hashvalues")
            .rdd
        )
        story_rows = spark_stories(fps, params)
    finally:
        df.unpersist()
    stories = spark.createDataFrame(story_rows or [], schema=SCHEMAS["stories"])
    stories.coalesce(1).write.mode("overwrite").parquet(str(output / "stories"))
    counts["stories"] = len({r[1] for r in story_rows})
    return SparkSummary(splits=len(splits), counts=counts)


def _write_tables(df: Any, output: Path) -> dict[str, int]:
    """Write articles, mentions, entities, events and failures; return their row counts."""
    ok = df.filter("failure_reason IS NULL")
    ok.select(*ARTICLE_COLUMNS).write.mode("overwrite").parquet(str(output / "articles"))
    for table in ("mentions", "entities", "events"):
        (
            ok.selectExpr("origin", f"explode({table}) AS c")
            .select("origin", "c.*")
            .write.mode("overwrite")
            .parquet(str(output / table))
        )
    (
        df.filter("failure_reason IS NOT NULL")
        .selectExpr("origin", "failure_stage AS stage", "failure_reason AS reason")
        .write.mode("overwrite")
        .parquet(str(output / "failures"))
    )
    row = df.selectExpr(
        "count_if(failure_reason IS NULL) AS articles",
        "coalesce(sum(size(mentions)) FILTER (WHERE failure_reason IS NULL), 0) AS mentions",
        "coalesce(sum(size(entities)) FILTER (WHERE failure_reason IS NULL), 0) AS entities",
        "coalesce(sum(size(events)) FILTER (WHERE failure_reason IS NULL), 0) AS events",
        "count_if(failure_reason IS NOT NULL) AS failures",
    ).first()
    return {k: int(row[k]) for k in ("articles", "mentions", "entities", "events", "failures")}


def spark_stories(fp_rows: Any, params: StoryParams) -> list[tuple[Any, ...]]:
    """The global near-duplicate step on an RDD of fingerprint rows -> stories table rows.

    Candidates: fingerprints sharing a bucket (LSH band or content hash). Verified pairs
    are few (copies), so they and the keys come back to the driver for the union-find.
    """
    ranges = lsh_ranges(params)
    n = fp_rows.context.defaultParallelism  # shuffles are small: one partition per core
    fps = fp_rows.map(Fingerprint.from_row).map(lambda fp: (fp.key, fp)).cache()
    pairs = (
        fps.flatMap(lambda kv: [(b, kv[0]) for b in band_keys(kv[1], ranges)])
        .groupByKey(n)
        .flatMap(lambda kv: combinations(sorted(set(kv[1])), 2))
        .distinct(n)
    )
    verified = (
        pairs.join(fps, n)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(fps, n)
        .map(lambda kv: ((kv[1][0][0], kv[0]), is_copy(kv[1][0][1], kv[1][1], params)))
        .filter(lambda kv: kv[1] is not None)
        .collect()
    )
    info = fps.map(lambda kv: (kv[0], (kv[1].site, kv[1].content_hash))).collectAsMap()
    fps.unpersist()
    edges = {tuple(sorted(pair)): float(sim) for pair, sim in verified}
    stories = build_stories(info.keys(), edges)
    best: dict[str, float] = {}
    for (a, b), sim in stories.edges.items():
        best[a] = max(best.get(a, 0.0), sim)
        best[b] = max(best.get(b, 0.0), sim)
    return [
        (key, stories.story_of[key], site, chash, best.get(key))
        for key, (site, chash) in sorted(info.items())
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """spark-submit entry point (the master comes from spark-submit unless --master)."""
    ap = argparse.ArgumentParser(prog="marsad.scale.spark", description=__doc__.split("\n")[0])
    ap.add_argument("--input", nargs="+", required=True, help="WARC files or directories")
    ap.add_argument("--output", required=True, type=Path, help="directory for Parquet tables")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: from spark-submit")
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    args = ap.parse_args(argv)
    settings = Settings()
    if args.stages is not None:
        settings = settings.with_(stages=tuple(s for s in args.stages.split(",") if s))
    spark = spark_session(args.master)
    try:
        summary = run_spark(spark, args.input, args.output, settings)
    finally:
        spark.stop()
    print(summary.render(args.output))


if __name__ == "__main__":
    main()
