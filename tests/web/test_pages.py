"""Server-rendered pages: RTL Arabic, entity highlighting, inert article text, documented routes."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

REPO = Path(__file__).resolve().parents[2]


def _xss_id(client) -> int:
    return client.get("/api/articles", params={"site": "gamma"}).json()["results"][0]["id"]


def test_pages_are_rtl_arabic(client) -> None:
    for url in ("/", "/search?q=الحداد"):
        html = client.get(url).text
        assert '<html lang="ar" dir="rtl">' in html


def test_article_page_highlights_entities_and_lists_events(client) -> None:
    hit = client.get("/api/search", params={"q": "نادية"}).json()["results"][0]
    html = client.get(f"/articles/{hit['id']}").text
    assert re.search(
        r'<a class="ent ent-PER" href="/entities/per%3Asalim"[^>]*>سليم الحداد</a>', html
    )
    assert 'class="ent ent-LOC"' in html
    # a mention inside a paragraph: offsets index Article.text (title + blank line + body)
    body = html[html.index('<div class="body">') :]
    assert re.search(
        r'<a class="ent ent-PER" href="/entities/per%3Anadia"[^>]*>نادية الرامي</a>', body
    )
    assert "CONSULT" in html and "نادية الرامي" in html


def test_article_text_with_script_renders_inert(client) -> None:
    article_id = _xss_id(client)
    html = client.get(f"/articles/{article_id}").text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<img src=x" not in html and 'onerror="' not in html
    assert "<b onmouseover" not in html
    assert "javascript:" not in html  # only http(s) source links are linked
    # and in search results, where the snippet is the only markup let through
    page = client.get("/search", params={"q": "اختبار"}).text
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "<mark>اختبار</mark>" in page


def test_search_page_facets_link_and_narrow(client) -> None:
    html = client.get("/search", params={"q": "الحداد"}).text
    assert "<strong>2</strong> نتيجة" in html
    assert "?q=%D8%A7%D9%84%D8%AD%D8%AF%D8%A7%D8%AF&amp;site=beta" in html
    narrowed = client.get("/search", params={"q": "الحداد", "site": "beta"}).text
    assert "<strong>1</strong> نتيجة" in narrowed


def test_entity_page_shows_aliases_roles_timeline_graph(client) -> None:
    html = client.get("/entities/per:salim").text
    assert "سليم الحداد" in html and "وزير الخارجية" in html
    assert 'id="graph"' in html and "per:nadia" in html
    assert "CONSULT" in html
    assert client.get("/entities/nobody").status_code == 404


def test_overview_embeds_volume_series(client) -> None:
    html = client.get("/").text
    assert 'id="chart-site"' in html and 'id="chart-event"' in html
    assert "2024-03" in html


def test_every_route_is_documented(app) -> None:
    """Each HTTP route is in the OpenAPI spec with a summary, and in the README."""
    from marsad.web import api, pages

    spec = app.openapi()["paths"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    routes = [("/api", r) for r in api.router.routes] + [("", r) for r in pages.router.routes]
    assert len(routes) >= 12
    for prefix, route in routes:
        assert isinstance(route, APIRoute)
        path = prefix + route.path
        assert path in spec, f"{path} is missing from the OpenAPI spec"
        for method in route.methods - {"HEAD"}:
            op = spec[path][method.lower()]
            assert op.get("summary") and op.get("description"), f"{method} {path}"
        assert f"`{path}`" in readme, f"{path} is not in README.md's route table"
    # nothing but the spec and its docs page is served outside the two routers
    extra = {getattr(r, "path", None) for r in app.routes} - {None, "/static"}
    assert extra <= {"/api/openapi.json"}


def test_static_assets_are_local_files(client) -> None:
    html = client.get("/entities/per:salim").text + client.get("/").text
    for src in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
        assert src.startswith("/static/"), src
        assert client.get(src).status_code == 200


def test_search_page_date_range_form_keeps_other_filters(client) -> None:
    html = client.get("/search", params={"q": "الحداد", "site": "beta"}).text
    assert '<input type="hidden" name="site" value="beta">' in html
    blank_from = {"q": "الحداد", "date_from": "", "date_to": "2024-03-31"}
    ranged = client.get("/search", params=blank_from).text
    assert "<strong>1</strong> نتيجة" in ranged
