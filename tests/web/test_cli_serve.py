"""`marsad reindex` rebuilds the search index; `marsad serve` refuses a missing database."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.store import open_store
from marsad.store.queries import search


def test_reindex_rebuilds_an_emptied_index(web_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with open_store(web_db) as src:
        src.db.execute(f"VACUUM INTO '{copy}'")
    with open_store(copy) as store:
        store.db.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        assert search(store.db, "الحداد").total == 0
    result = CliRunner().invoke(build_app(), ["reindex", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "indexed 4 articles" in result.output
    with open_store(copy) as store:
        assert search(store.db, "الحداد").total == 2


def test_serve_refuses_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "marsad ingest" in result.output
