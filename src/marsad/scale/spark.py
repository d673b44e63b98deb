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
from pathlib import Path
from typing import Any

from ..settings import Settings
from ..stories import Fingerprint, StoryParams, build_stories, is_copy
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
            # Local runs are short: C1-only JIT and the serial GC spend less CPU than the
            # server defaults (measured by bench/bench_scale.py; clusters keep defaults).
            .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
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
    # One split per core: each split loads the pipeline and warms its caches, about 2.3 s
    # of CPU with ner+linking+events (bench: 4 splits of a 1,000-record WARC cost 44.1 s
    # CPU in one process, 1 split 37.1 s). On a cluster there are more files than cores.
    splits_per_core: int = 1,
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
        story_rows = spark_stories(df.filter("failure_reason IS NULL"), params)
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


def spark_stories(docs: Any, params: StoryParams) -> list[tuple[Any, ...]]:
    """The global near-duplicate step over the documents -> stories table rows.

    Bucketing and pairing run in the JVM on the ``bands`` the partitions computed with
    ``band_keys``; only candidate pairs come back to Python, for ``is_copy``. Verified
    pairs are few (copies), so they and the keys go to the driver for ``build_stories``.
    """
    from pyspark.sql import functions as F

    buckets = docs.select("origin", F.explode("bands").alias("band"))
    pairs = (
        buckets.alias("x")
        .join(buckets.alias("y"), "band")
        .where(F.col("x.origin") < F.col("y.origin"))
        .select(F.col("x.origin").alias("a"), F.col("y.origin").alias("b"))
        .distinct()
    )
    fp = docs.select("origin", "content_hash", "shingles")
    candidates = (
        pairs.join(fp.toDF("a", "a_hash", "a_shingles"), "a")
        .join(fp.toDF("b", "b_hash", "b_shingles"), "b")
        .rdd
    )
    verified = candidates.map(lambda r: _verify(r, params)).filter(lambda e: e[2] is not None)
    edges = {(a, b): float(sim) for a, b, sim in verified.collect()}
    info = {r[0]: (r[1], r[2]) for r in docs.select("origin", "site", "content_hash").collect()}
    stories = build_stories(info.keys(), edges)
    best: dict[str, float] = {}
    for (a, b), sim in stories.edges.items():
        best[a] = max(best.get(a, 0.0), sim)
        best[b] = max(best.get(b, 0.0), sim)
    return [
        (key, stories.story_of[key], site, chash, best.get(key))
        for key, (site, chash) in sorted(info.items())
    ]


def _verify(row: Any, params: StoryParams) -> tuple[str, str, float | None]:
    a = Fingerprint(row["a"], row["a_hash"], None, frozenset(row["a_shingles"]), ())
    b = Fingerprint(row["b"], row["b_hash"], None, frozenset(row["b_shingles"]), ())
    return row["a"], row["b"], is_copy(a, b, params)


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
