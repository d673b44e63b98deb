"""The commands of marsad.cli.scale on loopback pages and local files."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scale_pages import STORIES, page_html
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.sources.warc import iter_warc

#: Every test here fails if it reaches past loopback (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("loopback_only")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = tmp_path / "www"
    root.mkdir()
    for i, paras in enumerate(STORIES):
        (root / f"{i}.html").write_text(page_html(f"عنوان {i}", paras, "الرئيسية"), "utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_prints_articles_from_loopback(served: tuple[Path, str]) -> None:
    _, base = served
    result = CliRunner().invoke(
        build_app(), ["fetch", f"{base}/0.html", "--allow-private", "--delay", "0"]
    )
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("{")]
    article = json.loads(line)
    assert article["url"] == f"{base}/0.html" and article["paragraphs"][0] == STORIES[0][0]


def test_fetch_refuses_loopback_without_the_flag(served: tuple[Path, str]) -> None:
    _, base = served
    result = CliRunner().invoke(build_app(), ["fetch", f"{base}/0.html"])
    assert result.exit_code == 1
    assert "loopback address" in result.output and "--allow-private" in result.output


def test_feed_fetches_a_served_sitemap_into_a_warc(
    served: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = served
    urls = "".join(f"<url><loc>{base}/{i}.html</loc></url>" for i in range(3))
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>",
        "utf-8",
    )
    listed = CliRunner().invoke(
        build_app(), ["feed", f"{base}/sitemap.xml", "--allow-private", "--delay", "0"]
    )
    assert listed.exit_code == 0, listed.output
    assert len(listed.stdout.strip().splitlines()) == 3
    out = tmp_path / "got.warc.gz"
    result = CliRunner().invoke(
        build_app(),
        ["feed", f"{base}/sitemap.xml", "--fetch", "--allow-private", "--delay", "0",
         "--warc", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [p.url for p in iter_warc(out)] == [f"{base}/{i}.html" for i in range(3)]


def test_extract_reads_a_warc(small_warc: Path) -> None:
    result = CliRunner().invoke(build_app(), ["extract", str(small_warc)])
    rows = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(rows) == 18 and all(r["url"].startswith("https://") for r in rows)
    assert result.exit_code == 1  # the empty page is reported as a failure
