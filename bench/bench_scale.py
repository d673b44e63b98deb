"""Throughput and memory: the pipeline in process on one core vs Spark local[N].

    python scripts/make_warc.py --count 1000            # tmp/warc/saudinewsnet-1000.warc.gz
    python bench/bench_scale.py --warc tmp/warc/saudinewsnet-1000.warc.gz [--stages ner,...]

Both sides do the same work: read the WARC, run the pipeline (``load_pipeline``), compute
story fingerprints, and group stories (in process: ``group_stories``; on Spark: the
global step of ``run_spark``, which also writes the Parquet tables). Spark's session
start (JVM launch) is reported apart from the job. Memory is the peak resident set of
the whole process tree (the JVM and its Python workers included), sampled every 0.1 s.
It also checks that both sides produce the same articles (origin -> content hash).
On a shared machine the wall-clock speed-up says more about the neighbours than about
Spark, so CPU seconds are reported too (Spark's: JVM and Python workers included).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from marsad.scale.partition import run_in_process
from marsad.scale.tables import document_dict
from marsad.settings import Settings
from marsad.stories import Fingerprint, StoryParams, group_stories

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_sum(pid: int, measure: Callable[[int], float]) -> float:
    """``measure`` summed over ``pid`` and all its descendants (Linux /proc); a process
    that is gone (or unreadable) counts for nothing, nor do its children."""
    total, stack = 0.0, [pid]
    while stack:
        p = stack.pop()
        try:
            total += measure(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def _rss(pid: int) -> float:
    with open(f"/proc/{pid}/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    return int(_tree_sum(pid, _rss))


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system, reaped children included) of ``pid`` and descendants."""
    return _tree_sum(pid, _cpu)


class PeakMemory:
    """Samples the process tree's RSS in a thread; ``peak`` in MB."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(os.getpid()))
            self._stop.wait(0.1)

    def __enter__(self) -> PeakMemory:
        self.peak = 0
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def mb(self) -> float:
        return round(self.peak / 1e6, 1)


def in_process(warc: Path, settings: Settings) -> tuple[dict, dict[str, str]]:
    params = StoryParams()
    with PeakMemory() as mem:
        t0, cpu0 = time.perf_counter(), time.process_time()
        hashes, fps, failures = {}, [], 0
        for row in run_in_process([warc], settings, params):
            doc = document_dict(row)
            if doc["failure_reason"] is not None:
                failures += 1
                continue
            hashes[doc["origin"]] = doc["content_hash"]
            fps.append(Fingerprint.from_row(doc))
        stories = group_stories(fps, params)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
    pages = len(hashes) + failures
    return {
        "pages": pages, "articles": len(hashes), "failures": failures,
        "stories": len(stories.members), "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 1),
        "pages_per_s": round(pages / seconds, 1), "peak_rss_mb": mem.mb,
    }, hashes  # fmt: skip


def on_spark(warc: Path, settings: Settings, master: str) -> tuple[dict, dict[str, str]]:
    import pyarrow.parquet as pq

    from marsad.scale.spark import run_spark, spark_session

    out = Path(tempfile.mkdtemp(prefix="marsad-bench-")) / "out"
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        spark = spark_session(master, app="marsad-bench")
        spark.sparkContext.setLogLevel("ERROR")
        t1, cpu1 = time.perf_counter(), tree_cpu(os.getpid())
        summary = run_spark(spark, [str(warc)], out, settings)
        t2, cpu2 = time.perf_counter(), tree_cpu(os.getpid())
        spark.stop()
    table = pq.read_table(out / "articles", columns=["origin", "content_hash"]).to_pylist()
    hashes = {r["origin"]: r["content_hash"] for r in table}
    pages = summary.counts["articles"] + summary.counts["failures"]
    return {
        "master": master, "splits": summary.splits, "pages": pages,
        "articles": summary.counts["articles"], "failures": summary.counts["failures"],
        "stories": summary.counts["stories"], "startup_seconds": round(t1 - t0, 2),
        "seconds": round(t2 - t1, 2), "pages_per_s": round(pages / (t2 - t1), 1),
        "cpu_seconds": round(cpu2 - cpu1, 1),
        "pages_per_s_with_startup": round(pages / (t2 - t0), 1), "peak_rss_mb": mem.mb,
        "output": str(out),
    }, hashes  # fmt: skip


def cpu_per_page(directory: Path, settings: Settings, rounds: int = 20) -> dict:
    """CPU milliseconds per page (pipeline, then fingerprint) on real HTML files."""
    from marsad.document import Article, RawPage
    from marsad.factory import load_pipeline
    from marsad.stories import fingerprint

    files = sorted(directory.glob("*.htm*"))
    pages = [RawPage(f.read_bytes(), url=f"https://x/{f.stem}", origin=str(f)) for f in files]
    pipeline = load_pipeline(settings)
    articles = [a for a in pipeline.run(pages) if isinstance(a, Article)]
    t0 = time.process_time()
    for _ in range(rounds):
        list(pipeline.run(pages))
    t1 = time.process_time()
    for _ in range(rounds):
        [fingerprint(a, StoryParams()) for a in articles]
    t2 = time.process_time()
    kb = sum(len(p.content) for p in pages) / 1e3 / len(pages)
    return {
        "pages": len(pages), "mean_kb": round(kb, 1),
        "pipeline_cpu_ms": round((t1 - t0) * 1e3 / (rounds * len(pages)), 2),
        "fingerprint_cpu_ms": round((t2 - t1) * 1e3 / (rounds * max(1, len(articles))), 2),
    }  # fmt: skip


def _cores(master: str) -> int:
    inside = master[master.find("[") + 1 : master.find("]")] if "[" in master else "1"
    return (os.cpu_count() or 1) if inside == "*" else int(inside)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warc", type=Path, default=Path("tmp/warc/saudinewsnet-1000.warc.gz"))
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--stages", default=None, help="comma-separated (default: Settings)")
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--pages", type=Path, help="only: CPU ms per page on these HTML files")
    args = ap.parse_args()
    settings = Settings()
    if args.stages is not None:
        settings = settings.with_(stages=tuple(s for s in args.stages.split(",") if s))
    if args.pages is not None:
        print(json.dumps(cpu_per_page(args.pages, settings)))
        return
    local, local_hashes = in_process(args.warc, settings)
    result: dict = {"warc": str(args.warc), "stages": list(settings.stages),
                    "cpus": os.cpu_count(), "load_before": os.getloadavg()[0],
                    "in_process": local}  # fmt: skip
    if not args.skip_spark:
        spark, spark_hashes = on_spark(args.warc, settings, args.master)
        result["spark"] = spark
        result["same_articles"] = spark_hashes == local_hashes
        result["speedup"] = round(spark["pages_per_s"] / local["pages_per_s"], 2)
        result["speedup_with_startup"] = round(
            spark["pages_per_s_with_startup"] / local["pages_per_s"], 2
        )
        # What the two cores would give if they were free: the same total CPU spread over
        # N cores. A projection for a shared machine, not a measurement; see "speedup".
        cores = _cores(args.master)
        result["cpu_bound_speedup_projection"] = round(
            cores * local["cpu_seconds"] / spark["cpu_seconds"], 2
        )
    result["load_after"] = os.getloadavg()[0]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
