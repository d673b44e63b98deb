"""Polite fetching against a local http.server on 127.0.0.1 (and never anything else)."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from marsad.document import Failure, RawPage
from marsad.settings import Settings
from marsad.sources.fetch import BlockedAddressError, Fetcher, FetchError, check_address

#: Every test here fails if it reaches past loopback (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("loopback_only")

PAGE = "<html><body><p>خبر عن افتتاح جسر جديد فوق النهر.</p></body></html>".encode()


class Site:
    """Routes: path -> list of (status, headers, body), served in turn (the last repeats)."""

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers)))
                answers = site.routes.get(self.path, [(404, {}, b"not here")])
                status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
                if status == 304 and self.headers.get("If-None-Match") != headers.get("ETag"):
                    status = 200
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture()
def site() -> Iterator[tuple[Site, str]]:
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), s.handler())
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield s, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def fetcher(t: FakeTime | None = None, **changes: Any) -> Fetcher:
    settings = Settings(allow_private_addresses=True, fetch_delay=0.0, fetch_backoff=0.5)
    t = t or FakeTime()
    return Fetcher(settings.with_(**changes), clock=t.clock, sleep=t.sleep)


HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_fetch_returns_a_raw_page(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/a"] = [(200, {**HTML, "ETag": '"1"'}, PAGE)]
    got = fetcher().fetch(base + "/a")
    assert got.status == 200 and got.page is not None
    assert got.page.content == PAGE and got.page.url == base + "/a" and got.page.kind == "html"
    assert got.page.headers["etag"] == '"1"' and got.page.fetched is not None
    assert s.requests[-1][1]["User-Agent"].startswith("marsad")


def test_fetch_refuses_loopback_by_default_with_a_clear_error(site: tuple[Site, str]) -> None:
    s, base = site
    with pytest.raises(BlockedAddressError, match=r"loopback address.*allow_private_addresses"):
        Fetcher(Settings()).fetch(base + "/a")
    assert s.requests == []  # refused before connecting


def test_fetch_refuses_localhost_by_name() -> None:
    with pytest.raises(BlockedAddressError, match="localhost"):
        Fetcher(Settings()).fetch("http://localhost:9/x")


@pytest.mark.parametrize(
    "ip", ["10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "127.0.0.1", "::1",
           "fe80::1", "::ffff:10.0.0.1", "100.64.0.1", "0.0.0.0"],
)  # fmt: skip
def test_check_address_blocks_non_public_addresses(ip: str) -> None:
    with pytest.raises(BlockedAddressError, match="refusing to fetch"):
        check_address("h", ip, allow_private=False)
    check_address("h", ip, allow_private=True)


def test_check_address_allows_public_addresses() -> None:
    check_address("h", "93.184.216.34", allow_private=False)
    check_address("h", "2606:4700::1111", allow_private=False)


def test_robots_txt_is_obeyed(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/robots.txt"] = [(200, {}, b"User-agent: *\nDisallow: /private\n")]
    s.routes["/private/x"] = [(200, HTML, PAGE)]
    s.routes["/open"] = [(200, HTML, PAGE)]
    f = fetcher()
    with pytest.raises(FetchError, match=r"robots\.txt"):
        f.fetch(base + "/private/x")
    assert f.fetch(base + "/open").page is not None
    assert [p for p, _ in s.requests] == ["/robots.txt", "/open"]  # robots read once


def test_rate_limit_spaces_requests_to_one_host(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/robots.txt"] = [(200, {}, b"User-agent: *\nCrawl-delay: 3\n")]
    s.routes["/a"] = [(200, HTML, PAGE)]
    t = FakeTime()
    f = fetcher(t, fetch_delay=1.0)
    f.fetch(base + "/a")
    f.fetch(base + "/a")
    # robots.txt at t=100, /a at 101 (fetch_delay), then 104 (Crawl-delay 3 is longer).
    assert t.sleeps == [1.0, 3.0]


def test_retries_with_backoff_then_succeeds(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/flaky"] = [(503, {}, b""), (429, {"Retry-After": "7"}, b""), (200, HTML, PAGE)]
    t = FakeTime()
    got = fetcher(t).fetch(base + "/flaky")
    assert got.page is not None
    assert t.sleeps == [0.5, 7.0]  # backoff, then the server's Retry-After


def test_retries_give_up_with_the_status(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/down"] = [(503, {}, b"")]
    with pytest.raises(FetchError, match="HTTP 503"):
        fetcher(fetch_retries=2).fetch(base + "/down")
    assert sum(p == "/down" for p, _ in s.requests) == 3


def test_conditional_get_sends_validators_and_skips_304(site: tuple[Site, str]) -> None:
    s, base = site
    headers = {**HTML, "ETag": '"v7"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}
    s.routes["/c"] = [(200, headers, PAGE), (304, {"ETag": '"v7"'}, b"")]
    f = fetcher()
    assert f.fetch(base + "/c").page is not None
    again = f.fetch(base + "/c")
    assert again.status == 304 and again.page is None
    sent = s.requests[-1][1]
    assert sent["If-None-Match"] == '"v7"' and sent["If-Modified-Since"].startswith("Mon")
    assert list(f.iter_fetch([base + "/c"])) == []


def test_size_cap_refuses_big_pages(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/big"] = [(200, HTML, b"x" * 5000)]
    with pytest.raises(FetchError, match="cap"):
        fetcher(max_page_bytes=1000).fetch(base + "/big")


def test_gzip_bodies_are_decoded(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/z"] = [(200, {**HTML, "Content-Encoding": "gzip"}, gzip.compress(PAGE))]
    got = fetcher().fetch(base + "/z")
    assert got.page is not None and got.page.content == PAGE


def test_redirects_are_followed(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/old"] = [(301, {"Location": "/new"}, b"")]
    s.routes["/new"] = [(200, HTML, PAGE)]
    got = fetcher().fetch(base + "/old")
    assert got.url == base + "/new" and got.page is not None


def test_iter_fetch_turns_errors_into_failures(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/ok"] = [(200, HTML, PAGE)]
    out = list(fetcher().iter_fetch([base + "/ok", base + "/missing", "ftp://x/y"]))
    assert isinstance(out[0], RawPage)
    assert isinstance(out[1], Failure) and "HTTP 404" in out[1].reason
    assert isinstance(out[2], Failure) and "http and https" in out[2].reason


def test_robots_txt_server_error_means_disallow_all(site: tuple[Site, str]) -> None:
    s, base = site
    s.routes["/robots.txt"] = [(500, {}, b"")]
    s.routes["/a"] = [(200, HTML, PAGE)]
    with pytest.raises(FetchError, match="disallows"):
        fetcher(fetch_retries=0).fetch(base + "/a")
