"""An entity id merged into another keeps working: page and API answer 308 to the survivor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad.settings import Settings
from marsad.store import open_store
from marsad.store.entities import merge_entities


@pytest.fixture()
def merged_client(web_db: Path, tmp_path: Path):
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    path = tmp_path / "merged.db"
    shutil.copy(web_db, path)
    with open_store(path) as store, store.transaction():
        merge_entities(store.db, "per:nadia", "per:salim")
    with TestClient(create_app(Settings(db_path=path))) as client:
        yield client


def test_page_of_merged_id_redirects_to_survivor(merged_client) -> None:
    resp = merged_client.get("/entities/per:nadia", follow_redirects=False)
    assert resp.status_code == 308
    assert resp.headers["location"].endswith("/entities/per:salim")
    page = merged_client.get("/entities/per:nadia")
    assert page.status_code == 200 and "سليم الحداد" in page.text


def test_api_of_merged_id_redirects_and_unknown_id_is_404(merged_client) -> None:
    resp = merged_client.get("/api/entities/per:nadia", follow_redirects=False)
    assert resp.status_code == 308
    assert resp.headers["location"].endswith("/api/entities/per:salim")
    assert merged_client.get("/api/entities/per:nadia").json()["id"] == "per:salim"
    assert merged_client.get("/api/entities/per:nobody").status_code == 404
