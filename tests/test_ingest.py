"""Ingest: batches survive kill -9; the same ingest again stores every page exactly once;
bad documents are recorded and the batch goes on."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from marsad.ingest import ingest
from marsad.settings import Settings
from marsad.store import open_store

WORDS = [
    "الحكومة",
    "أعلنت",
    "اليوم",
    "خطة",
    "جديدة",
    "لدعم",
    "المزارعين",
    "في",
    "المناطق",
    "الريفية",
    "وتوسيع",
    "شبكات",
    "الري",
]


def _records(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(40)) + f" رقم {i}."
            rec = {"url": f"https://n.example/{i}", "title": f"خبر رقم {i}", "text": body}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def test_bad_documents_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(os.urandom(4096))
    (tmp_path / "ok.txt").write_text(
        "عنوان الخبر الأول اليوم\n\n"
        + "أعلنت الوزارة اليوم عن خطة جديدة لتطوير التعليم في المدارس الحكومية خلال العام المقبل.\n",
        "utf-8",
    )
    db = tmp_path / "b.db"
    summary = ingest([tmp_path], Settings(db_path=db, stages=()))
    assert summary.new == 1
    assert summary.failed == 2
    with open_store(db) as store:
        failures = {Path(f["origin"]).name: f["reason"] for f in store.failures()}
    assert set(failures) == {"empty.html", "junk.html"}
    assert all(
        "html" in reason or "text" in reason or "empty" in reason for reason in failures.values()
    )


def test_kill_minus_nine_then_same_ingest_stores_each_page_once(tmp_path: Path) -> None:
    n = 3000
    src = tmp_path / "records.jsonl"
    _records(src, n)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "marsad", "ingest", str(src), "--db", str(db)]
    cmd += ["--batch-size", "20"]
    env = dict(os.environ)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 100:
                break
    assert proc.poll() is None, "ingest finished before it could be killed; make the input bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        distinct = conn.execute("SELECT COUNT(DISTINCT url) FROM articles").fetchone()[0]
        rows = conn.execute("SELECT url, data FROM articles").fetchall()
    assert total == distinct == n
    for url, data in rows:
        article = json.loads(data)
        assert article["url"] == url and article["paragraphs"], "half-written article"


def test_rerun_skips_pages_already_analysed_unless_changed_or_reprocess(
    tmp_path: Path, monkeypatch
) -> None:
    from marsad.pipeline import Pipeline

    src = tmp_path / "records.jsonl"
    _records(src, 12)
    db = tmp_path / "r.db"
    settings = Settings(db_path=db, stages=())
    calls: list[str] = []
    real = Pipeline.safe_call

    def counting(self, page):  # type: ignore[no-untyped-def]
        calls.append(page.origin)
        return real(self, page)

    monkeypatch.setattr(Pipeline, "safe_call", counting)
    assert ingest([src], settings).new == 12 and len(calls) == 12
    calls.clear()
    again = ingest([src], settings)
    assert (again.new, again.unchanged, calls) == (0, 12, [])
    # one record edited: only it is analysed again, and stored as a new version
    lines = src.read_text("utf-8").splitlines()
    edited = json.loads(lines[3])
    edited["text"] += " وأضافت الوزارة تفاصيل جديدة."
    lines[3] = json.dumps(edited, ensure_ascii=False)
    src.write_text("\n".join(lines) + "\n", "utf-8")
    third = ingest([src], settings)
    assert (third.versions, third.unchanged, len(calls)) == (1, 11, 1)
    # other settings (another pipeline) or --reprocess: everything is analysed again
    calls.clear()
    forced = ingest([src], settings.with_(reprocess=True))
    assert (forced.unchanged, len(calls)) == (12, 12)
    calls.clear()
    assert ingest([src], settings.with_(max_page_bytes=4_000_000)).unchanged == 12
    assert len(calls) == 12
    with open_store(db) as store:
        assert store.count_articles() == 12
