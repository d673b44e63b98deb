"""The Spark job in local mode gives the same articles and stories as the pipeline in process."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.document import Article
from marsad.scale.partition import run_in_process
from marsad.scale.tables import document_dict
from marsad.settings import Settings
from marsad.stories import Fingerprint, StoryParams, group_stories

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but java is missing; scripts/test.sh installs it")
        pytest.skip("java is not installed")
    pytest.importorskip("pyspark")
    from marsad.scale.spark import spark_session

    session = spark_session("local[2]", app="marsad-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_output(spark: Any, small_warc: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from marsad.scale.spark import run_spark

    out = tmp_path_factory.mktemp("spark") / "out"
    summary = run_spark(spark, [str(small_warc)], out, Settings(), min_records=2)
    assert summary.splits > 1  # the WARC was cut at record offsets
    return out


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = pq.read_table(out / name).to_pylist()
    return rows


def test_spark_articles_match_in_process(spark_output: Path, small_warc: Path) -> None:
    docs = [document_dict(r) for r in run_in_process([small_warc], Settings(), StoryParams())]
    local = {d["origin"]: d["content_hash"] for d in docs if d["failure_reason"] is None}
    remote = {r["origin"]: r["content_hash"] for r in _table(spark_output, "articles")}
    assert len(local) == 18
    assert remote == local
    local_failures = {d["origin"] for d in docs if d["failure_reason"] is not None}
    assert {r["origin"] for r in _table(spark_output, "failures")} == local_failures


def test_spark_articles_carry_every_article_json_field(spark_output: Path) -> None:
    import pyarrow.parquet as pq

    columns = set(pq.read_schema(next((spark_output / "articles").glob("*.parquet"))).names)
    expected = set(Article().to_dict(analysis=True)) - {"mentions", "entities", "events"}
    assert expected <= columns
    row = _table(spark_output, "articles")[0]
    assert row["url"].startswith("https://") and len(row["content_hash"]) == 64
    for name in ("mentions", "entities", "events"):
        assert (spark_output / name).is_dir()


def test_spark_stories_match_in_process(spark_output: Path, small_warc: Path) -> None:
    docs = [document_dict(r) for r in run_in_process([small_warc], Settings(), StoryParams())]
    fps = [Fingerprint.from_row(d) for d in docs if d["failure_reason"] is None]
    local = group_stories(fps, StoryParams()).story_of
    remote = {r["origin"]: r["story_id"] for r in _table(spark_output, "stories")}
    assert remote == local
    assert len(set(remote.values())) == 3  # three stories, six sites each
    sites = {r["site"] for r in _table(spark_output, "stories")}
    assert len(sites) == 6


def test_load_pulls_parquet_into_the_store(spark_output: Path, tmp_path: Path) -> None:
    from marsad.scale.load import load_tables
    from marsad.store import open_store
    from marsad.store.stories import related_articles

    with open_store(tmp_path / "m.db") as store:
        summary = load_tables(spark_output, store)
        assert (summary.new, summary.stories) == (18, 3)
        assert summary.failures == 1
        related = related_articles(store.db, 1)
        assert len(related) == 5 and len({r["site"] for r in related}) == 5
        again = load_tables(spark_output, store)
        assert (again.new, again.unchanged) == (0, 18)


def test_spark_child_tables_match_in_process(spark_output: Path, small_warc: Path) -> None:
    docs = [document_dict(r) for r in run_in_process([small_warc], Settings(), StoryParams())]
    ok = [d for d in docs if d["failure_reason"] is None]
    for table in ("mentions", "entities", "events"):
        local = sorted((d["origin"], *row[:2]) for d in ok for row in d[table])
        rows = _table(spark_output, table)
        names = [k for k in rows[0] if k != "origin"][:2] if rows else []
        remote = sorted((r["origin"], *(r[k] for k in names)) for r in rows)
        assert remote == local, table
    if "ner" in Settings().stages:  # the default pipeline tags entities
        assert _table(spark_output, "mentions")
