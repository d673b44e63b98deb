"""The JSON API over the fixture store: contracts other tools read, filters, exports."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq


def test_api_search_contract(client) -> None:
    body = client.get("/api/search", params={"q": "الحداد"}).json()
    assert body["total"] == 2
    first = body["results"][0]
    assert {"id", "title", "snippet"} <= set(first)
    assert "<mark>" in first["snippet"]


def test_api_search_facets_and_filters(client) -> None:
    body = client.get("/api/search", params={"q": "الحداد", "facets": "true"}).json()
    assert {f["value"] for f in body["facets"]["site"]} == {"alpha", "beta"}
    assert body["facets"]["event_type"][0]["value"] == "CONSULT"
    narrowed = client.get("/api/search", params={"q": "الحداد", "event_type": "CONSULT"}).json()
    assert narrowed["total"] == 1


def test_api_article_is_analyze_json(client) -> None:
    hit = client.get("/api/search", params={"q": "أمطار"}).json()["results"][0]
    art = client.get(f"/api/articles/{hit['id']}").json()
    assert art["title"] == hit["title"]
    assert art["text"].startswith(art["title"])
    assert {"paragraphs", "mentions", "entities", "events", "content_hash"} <= set(art)
    assert client.get("/api/articles/999999").status_code == 404


def test_api_articles_list_filters(client) -> None:
    assert client.get("/api/articles").json()["total"] == 4
    assert client.get("/api/articles", params={"site": "beta"}).json()["total"] == 2
    assert client.get("/api/articles", params={"entity": "per:salim"}).json()["total"] == 2
    rows = client.get("/api/articles", params={"date_from": "2024-05"}).json()["results"]
    assert [r["site"] for r in rows] == ["gamma", "beta"]  # newest first


def test_api_entity_aliases_roles_mentions(client) -> None:
    ent = client.get("/api/entities/per:salim").json()
    assert ent["name"] == "سليم الحداد"
    assert {a["alias"] for a in ent["aliases"]} >= {"سليم الحداد"}
    assert ent["roles"][0]["role"] == "وزير الخارجية"
    mentions = client.get("/api/entities/per:salim/mentions").json()
    assert mentions["total"] == 2
    assert client.get("/api/entities/nobody").status_code == 404


def test_api_cooccurring_and_graph(client) -> None:
    co = client.get("/api/entities/per:salim/cooccurring").json()["results"]
    assert {c["id"] for c in co} == {"per:nadia", "loc:rabat"}
    graph = client.get("/api/entities/per:salim/graph").json()
    met = [e for e in graph["edges"] if e["events"]]
    assert len(met) == 1 and met[0]["types"] == ["CONSULT"]
    assert {met[0]["source"], met[0]["target"]} == {"per:salim", "per:nadia"}


def test_api_events_filters(client) -> None:
    assert client.get("/api/events").json()["total"] == 1
    assert client.get("/api/events", params={"type": "PROTEST"}).json()["total"] == 0
    assert client.get("/api/events", params={"actor": "per:nadia"}).json()["total"] == 1
    assert client.get("/api/events", params={"country": "TUN"}).json()["total"] == 1
    assert client.get("/api/events", params={"country": "FRA"}).json()["total"] == 0
    assert client.get("/api/events", params={"date_from": "2024-04"}).json()["total"] == 0


def test_api_volume_by_site_and_event_type(client) -> None:
    by_site = client.get("/api/volume").json()
    assert by_site["periods"] == ["2024-03", "2024-04", "2024-05"]
    beta = next(s for s in by_site["series"] if s["name"] == "beta")
    assert beta["counts"] == [0, 1, 1]
    by_day = client.get("/api/volume", params={"period": "day"}).json()
    assert by_day["periods"][0] == "2024-03-04"
    by_event = client.get("/api/volume", params={"by": "event_type"}).json()
    assert by_event["series"] == [{"name": "CONSULT", "counts": [1]}]


def test_api_export_jsonl_csv_parquet(client) -> None:
    params = {"q": "الحداد"}
    jl = client.get("/api/search", params={**params, "format": "jsonl"})
    assert jl.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in jl.text.splitlines()]
    assert len(rows) == 2 and rows[0]["title"]
    cs = client.get("/api/events", params={"format": "csv"})
    table = list(csv.DictReader(io.StringIO(cs.content.decode("utf-8-sig"))))
    assert table[0]["type"] == "CONSULT" and table[0]["actor_name"] == "سليم الحداد"
    pa = client.get("/api/articles", params={"format": "parquet"})
    assert "attachment" in pa.headers["content-disposition"]
    assert pq.read_table(io.BytesIO(pa.content)).num_rows == 4


def test_api_rejects_bad_parameters(client) -> None:
    assert client.get("/api/search", params={"q": "x", "limit": 0}).status_code == 422
    assert client.get("/api/events", params={"country": "fr"}).status_code == 422
    assert client.get("/api/articles", params={"date_from": "yesterday"}).status_code == 422


def test_volume_months_have_no_gaps() -> None:
    from marsad.store.queries import _month_range

    assert _month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert _month_range("????-??", "2024-02") == []
