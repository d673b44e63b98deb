"""Load test: search and article pages under concurrent clients, server pinned to one core.

    python bench/load_test.py --db /tmp/marsad-bench-both.db [--clients 20] [--duration 60]
        [--max-requests 6000] [--think 1.0]

Starts ``marsad serve`` on 127.0.0.1 (a free port) pinned to CPU 0, then runs ``--clients``
concurrent clients (asyncio + httpx, pinned to the other CPUs). Each client repeats: search
``GET /api/search?q=...`` (1-3 consecutive words from a stored title, seeded), open the
article page ``GET /articles/{id}`` of one of the hits, and wait ``--think`` seconds on
average (exponential; 0 = closed loop, no pause); clients start spread over one think
time. Stops after ``--duration`` seconds or ``--max-requests`` requests, whichever comes
first (after ``--warmup`` sequential, unmeasured search + article requests); prints
p50/p95/p99 per kind, the slowest requests (seconds after the start) and errors.
Targets (issue #5): search p95 <= 50 ms, article pages p95 <= 200 ms, no errors.
Only loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_queries(db_path: Path, n: int, seed: int) -> list[str]:
    """``n`` queries of 1-3 consecutive words (3+ letters) from random stored titles."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    titles = [r[0] for r in db.execute("SELECT title FROM articles WHERE title IS NOT NULL")]
    db.close()
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        words = [w for w in rng.choice(titles).split() if len(w) >= 3 and w.isalpha()]
        if not words:
            continue
        size = rng.choice((1, 1, 2, 2, 3))
        start = rng.randrange(max(1, len(words) - size + 1))
        out.append(" ".join(words[start : start + size]))
    return out


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, preexec_fn=lambda: os.sched_setaffinity(0, {0}))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("marsad serve did not start within 60 s")


class Recorder:
    def __init__(self, max_requests: int, until: float, duration: float) -> None:
        self.times: dict[str, list[float]] = {"search": [], "article": []}
        self.slowest: list[tuple[float, str]] = []
        self.errors: list[str] = []
        self.max_requests = max_requests
        self.until = until
        self.duration = duration
        self.count = 0

    def more(self) -> bool:
        return self.count < self.max_requests and time.monotonic() < self.until

    async def get(self, client, kind: str, url: str, **params: str):
        self.count += 1
        started = time.perf_counter()
        try:
            resp = await client.get(url, params=params)
        except Exception as exc:  # any transport error counts as an error
            self.errors.append(f"{kind} {url}: {exc!r}")
            return None
        took = time.perf_counter() - started
        self.times[kind].append(took)
        at = time.monotonic() - self.until + self.duration
        self.slowest = sorted([*self.slowest, (took, f"@{at:.0f}s {url} {params}")])[-5:]
        if resp.status_code != 200:
            self.errors.append(f"{kind} {url} {params}: HTTP {resp.status_code}")
            return None
        return resp


async def client_loop(base: str, queries: list[str], rec: Recorder, think: float, seed: int):
    import httpx

    rng = random.Random(seed)
    # Users arrive spread over one think time, not all in the same millisecond (a burst of
    # 20 cold requests at t=0 would measure a queue that real traffic never forms).
    await asyncio.sleep(rng.uniform(0, think))
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while rec.more():
            resp = await rec.get(client, "search", "/api/search", q=rng.choice(queries))
            hits = resp.json()["results"] if resp is not None else []
            if hits and rec.more():
                await rec.get(client, "article", f"/articles/{rng.choice(hits)['id']}")
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


async def warm_up(base: str, queries: list[str], count: int) -> None:
    """``count`` sequential search + article requests, not measured (cold caches)."""
    import httpx

    rng = random.Random(-1)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for _ in range(count):
            hits = (await client.get("/api/search", params={"q": rng.choice(queries)})).json()
            if hits["results"]:
                await client.get(f"/articles/{hits['results'][0]['id']}")


async def run(args: argparse.Namespace, base: str, queries: list[str]) -> Recorder:
    await warm_up(base, queries, args.warmup)
    rec = Recorder(args.max_requests, time.monotonic() + args.duration, args.duration)
    await asyncio.gather(
        *(client_loop(base, queries, rec, args.think, args.seed + i) for i in range(args.clients))
    )
    return rec


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad-bench-both.db"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--max-requests", type=int, default=6000)
    parser.add_argument("--think", type=float, default=1.0, help="mean pause, seconds")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=40, help="unmeasured requests first")
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db} is missing: ingest both corpora into it first (see docstring)")
    queries = make_queries(args.db, 2000, args.seed)
    port = _free_port()
    server = start_server(args.db, port)
    try:
        if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
            os.sched_setaffinity(0, set(range(1, os.cpu_count() or 2)))
        started = time.monotonic()
        rec = asyncio.run(run(args, f"http://127.0.0.1:{port}", queries))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    articles = (
        sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        .execute("SELECT COUNT(*) FROM articles WHERE is_latest = 1")
        .fetchone()[0]
    )
    print(
        f"{articles} articles; {args.clients} clients, think {args.think} s; "
        f"{rec.count} requests in {elapsed:.0f} s ({rec.count / elapsed:.1f}/s); "
        f"server pinned to CPU 0"
    )
    for kind, target in (("search", 50), ("article", 200)):
        t = rec.times[kind]
        print(
            f"  {kind:8} n={len(t):5}  p50 {pct(t, 0.5):6.1f} ms  p95 {pct(t, 0.95):6.1f} ms  "
            f"p99 {pct(t, 0.99):6.1f} ms  (target p95 <= {target} ms)"
        )
    print("  slowest: " + "; ".join(f"{t * 1000:.0f} ms {w}" for t, w in reversed(rec.slowest)))
    print(f"  errors: {len(rec.errors)}")
    for err in rec.errors[:10]:
        print("   ", err)


if __name__ == "__main__":
    main()
