"""End to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright): search,
open an article, follow an entity, look at the overview; screenshots go to a temp dir
(MARSAD_SCREENSHOTS keeps them). Injected article scripts must never run."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and os.environ.get("CI") != "true",
        reason="/usr/bin/chromium is absent (apt-get install chromium); CI=true runs it anyway",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(app) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
        pg = context.new_page()
        # Only our own server may be contacted: no CDN, no font service.
        outside: list[str] = []
        pg.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        pg.outside = outside  # type: ignore[attr-defined]
        yield pg
        context.close()
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keep = os.environ.get("MARSAD_SCREENSHOTS")
    path = Path(keep) if keep else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _rtl(page) -> None:
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    # right-to-left layout: the brand sits at the right edge, the search box left of it
    brand = page.locator(".brand").bounding_box()
    box = page.locator(".searchbox").bounding_box()
    assert brand["x"] > box["x"]


def test_browser_search_article_entity_overview(page, server: str, shots: Path) -> None:
    page.goto(server + "/")
    _rtl(page)
    assert page.locator("#chart-site svg polyline").count() >= 2  # one line per site
    page.screenshot(path=str(shots / "overview.png"), full_page=True)

    page.fill(".searchbox input[name=q]", "الحداد")
    page.press(".searchbox input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".hit").count() == 2
    assert page.locator(".hit mark").count() >= 1
    assert page.locator(".facets .facet").count() >= 3
    page.screenshot(path=str(shots / "search.png"), full_page=True)

    page.locator(".hit-title", has_text="نادية").click()
    page.wait_for_url("**/articles/*")
    ent = page.locator('a.ent-PER[href="/entities/per%3Asalim"]').first
    assert ent.is_visible()
    assert page.locator("#events .tag", has_text="CONSULT").count() == 1
    page.screenshot(path=str(shots / "article.png"), full_page=True)

    ent.click()
    page.wait_for_url("**/entities/*")
    assert page.locator("#entity-name").inner_text().startswith("سليم الحداد")
    assert page.locator("#graph svg g.node").count() == 3
    assert page.locator(".timeline li").count() == 1
    page.screenshot(path=str(shots / "entity.png"), full_page=True)

    # the graph is interactive: clicking a neighbour opens its page
    page.locator("#graph svg g.node text", has_text="نادية الرامي").click()
    page.wait_for_url("**/entities/per%3Anadia")
    assert page.outside == []  # type: ignore[attr-defined]


def test_browser_injected_script_never_runs(page, server: str, shots: Path) -> None:
    page.goto(server + "/api/articles?site=gamma")
    article_id = page.evaluate("JSON.parse(document.body.innerText).results[0].id")
    page.goto(f"{server}/articles/{article_id}")
    page.mouse.move(400, 300)
    page.hover(".dek")
    time.sleep(0.2)
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in page.locator(".body").inner_text()  # shown as text
    page.goto(server + "/search?q=" + "اختبار")
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(shots / "inert.png"), full_page=True)
