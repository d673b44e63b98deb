"""The SQLite store: migrations recorded, idempotent ingest, versions, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.document import Article, Dateline, Failure
from marsad.errors import StoreError
from marsad.store import open_store


def _article(url: str = "https://news.example/a/1", body: str = "نص الخبر الأول.") -> Article:
    return Article(
        title="عنوان الخبر",
        paragraphs=[body, "فقرة ثانية من الخبر."],
        dateline=Dateline(source="المرصد", place="القاهرة"),
        site="news.example",
        url=url,
        origin="page.html",
    )


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with open_store(db) as store:
        names = [r[0] for r in store.db.execute("SELECT name FROM schema_migrations")]
    assert names[0] == "m001_articles"
    with open_store(db) as store:  # reopening applies nothing twice
        again = [r[0] for r in store.db.execute("SELECT name FROM schema_migrations")]
    assert again == names


def test_same_page_twice_is_one_article(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        with store.transaction():
            first = store.save_article(_article())
        with store.transaction():
            second = store.save_article(_article())
        assert first.status == "new" and second.status == "unchanged"
        assert first.article_id == second.article_id
        assert store.count_articles(latest_only=False) == 1


def test_changed_page_is_a_new_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "v.db") as store:
        with store.transaction():
            v1 = store.save_article(_article())
        with store.transaction():
            v2 = store.save_article(_article(body="نص الخبر بعد التعديل."))
        assert (v1.version, v2.status, v2.version) == (1, "version", 2)
        assert store.count_articles() == 1
        assert store.count_articles(latest_only=False) == 2
        old = store.get_article(v1.article_id)
        new = store.get_article(v2.article_id)
        assert old is not None and new is not None
        assert old["is_latest"] is False and new["is_latest"] is True
        assert new["paragraphs"][0] == "نص الخبر بعد التعديل."


def test_get_article_returns_article_json(tmp_path: Path) -> None:
    with open_store(tmp_path / "g.db") as store:
        with store.transaction():
            res = store.save_article(_article())
        data = store.get_article(res.article_id)
    assert data is not None
    assert data["dateline"] == {"source": "المرصد", "place": "القاهرة"}
    assert data["text"] == "عنوان الخبر\n\nنص الخبر الأول.\n\nفقرة ثانية من الخبر."
    assert Article.from_dict(data).content_hash == _article().content_hash


def test_failure_recorded_once_and_cleared_on_success(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.db") as store:
        for _ in range(2):
            with store.transaction():
                store.record_failure(Failure("page.html", "empty file", "extract"))
        rows = store.failures()
        assert len(rows) == 1 and rows[0]["attempts"] == 2
        with store.transaction():
            store.save_article(_article())
        assert store.failures() == []


def test_rollback_leaves_nothing_half_written(tmp_path: Path) -> None:
    with open_store(tmp_path / "r.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.save_article(_article())
            raise RuntimeError("crash in the middle of a batch")
        assert store.count_articles(latest_only=False) == 0


def test_unopenable_database_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StoreError, match="--db"):
        open_store(tmp_path / "dir.db")


_text = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأؤإئةى0123456789.،", min_size=1)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_text, paras=st.lists(_text, min_size=1, max_size=4))
def test_store_round_trip_keeps_every_field(tmp_path: Path, title: str, paras: list[str]) -> None:
    article = Article(title=title, paragraphs=paras, url=f"u:{title}{len(paras)}", origin="x")
    with open_store(tmp_path / "h.db") as store:
        with store.transaction():
            res = store.save_article(article)
        data = store.get_article(res.article_id)
    assert data is not None
    back = Article.from_dict(data)
    assert back.to_dict() == article.to_dict()
