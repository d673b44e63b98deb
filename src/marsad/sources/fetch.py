"""Polite URL fetching: robots.txt, a per-host rate limit, retries with backoff, conditional
GET, a size cap, and no requests to private, loopback or link-local addresses.

The address check runs on the resolved IP, and the connection is made to that very IP
(so a DNS answer that changes between check and connect cannot slip through), again on
every redirect. ``Settings.allow_private_addresses`` lifts it (tests on 127.0.0.1).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..document import Failure, RawPage
from ..errors import MarsadError
from ..settings import Settings

#: Statuses worth another try after a pause.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5


class FetchError(MarsadError):
    """A URL that could not be fetched (refused, unreachable, too large, HTTP error)."""

    stage = "fetch"


class BlockedAddressError(FetchError):
    """The URL's host resolves to an address marsad must not contact."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: ``page`` is None when the server said 304 Not Modified."""

    url: str
    status: int
    page: RawPage | None


def check_address(host: str, ip: str, *, allow_private: bool) -> None:
    """Raise BlockedAddressError unless ``ip`` is a public (globally routable) address."""
    addr = ipaddress.ip_address(ip.split("%")[0])
    mapped = getattr(addr, "ipv4_mapped", None)
    if mapped is not None:
        addr = mapped
    if allow_private or addr.is_global:
        return
    kind = (
        "loopback" if addr.is_loopback
        else "link-local" if addr.is_link_local
        else "private" if addr.is_private
        else "non-public"
    )  # fmt: skip
    raise BlockedAddressError(
        f"refusing to fetch from {host} ({ip}): it is a {kind} address, and marsad only "
        f"fetches public addresses; set Settings(allow_private_addresses=True) "
        f"(`marsad fetch --allow-private`) if you really mean to reach it"
    )


@dataclass(slots=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Fetcher:
    """One polite client. Its caches (robots, per-host clocks, validators) live here."""

    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _next_slot: dict[str, float] = field(default_factory=dict)
    #: url -> (ETag, Last-Modified) of the last 200 answer, for conditional GET.
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` (following redirects), or raise FetchError saying why not."""
        for _ in range(MAX_REDIRECTS + 1):
            self._check_robots(url)
            resp = self._with_retries(url, conditional=True)
            if resp.status in REDIRECTS and "location" in resp.headers:
                url = urljoin(url, resp.headers["location"])
                continue
            return self._result(url, resp)
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def iter_fetch(self, urls: Iterable[str]) -> Iterator[RawPage | Failure]:
        """Pages for ``urls``; a URL that fails becomes a Failure; 304s are left out."""
        for url in urls:
            try:
                got = self.fetch(url)
            except FetchError as exc:
                yield Failure(url, str(exc), stage="fetch")
                continue
            if got.page is not None:
                yield got.page

    def _result(self, url: str, resp: _Response) -> Fetched:
        if resp.status == 304:
            return Fetched(url, 304, None)
        if not 200 <= resp.status < 300:
            raise FetchError(f"{url}: the server answered HTTP {resp.status}")
        self.validators[url] = (resp.headers.get("etag"), resp.headers.get("last-modified"))
        page = RawPage(
            resp.body,
            url=url,
            fetched=datetime.now(UTC),
            kind="html",
            origin=url,
            headers=resp.headers,
        )
        return Fetched(url, resp.status, page)

    def _with_retries(self, url: str, *, conditional: bool) -> _Response:
        s = self.settings
        for attempt in range(s.fetch_retries + 1):
            last = attempt == s.fetch_retries
            try:
                resp = self._request(url, conditional=conditional)
            except (OSError, http.client.HTTPException) as exc:
                if last:
                    raise FetchError(f"{url}: cannot connect ({exc})") from exc
                self.sleep(s.fetch_backoff * 2**attempt)
                continue
            if resp.status not in RETRY_STATUSES or last:
                return resp
            self.sleep(_retry_after(resp.headers) or s.fetch_backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(self, url: str, *, conditional: bool) -> _Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
        ip = self._resolve(host, port)
        self._wait_turn(f"{parts.scheme}://{parts.netloc}")
        conn = _connection(parts.scheme, host, port, ip, self.settings.fetch_timeout)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("GET", target, headers=self._headers(url, conditional))
            raw = conn.getresponse()
            headers = {k.lower(): v for k, v in raw.getheaders()}
            body = _read_capped(raw, headers, self.settings.max_page_bytes, url)
            return _Response(raw.status, headers, body)
        finally:
            conn.close()

    def _headers(self, url: str, conditional: bool) -> dict[str, str]:
        headers = {
            "User-Agent": self.settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip",
        }
        etag, modified = self.validators.get(url, (None, None)) if conditional else (None, None)
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    def _resolve(self, host: str, port: int) -> str:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(f"cannot resolve host {host!r} ({exc})") from exc
        ips = [str(info[4][0]) for info in infos]
        for ip in ips:  # every answer must pass, or a round-robin could hand out a bad one
            check_address(host, ip, allow_private=self.settings.allow_private_addresses)
        return ips[0]

    def _wait_turn(self, site: str) -> None:
        delay = max(self.settings.fetch_delay, self._crawl_delay(site))
        now = self.clock()
        start = max(now, self._next_slot.get(site, now))
        if start > now:
            self.sleep(start - now)
        self._next_slot[site] = start + delay

    def _crawl_delay(self, site: str) -> float:
        rp = self._robots.get(site)
        value = rp.crawl_delay(self.settings.user_agent) if rp is not None else None
        return float(value or 0.0)

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._load_robots(site)
        rp = self._robots[site]
        if rp is not None and not rp.can_fetch(self.settings.user_agent, url):
            raise FetchError(f"{url}: robots.txt of {site} disallows it for our user agent")

    def _load_robots(self, site: str) -> RobotFileParser | None:
        """The site's rules; None (allow all) when it has no robots.txt (RFC 9309: 4xx)."""
        resp = self._with_retries(site + "/robots.txt", conditional=False)
        rp = RobotFileParser(site + "/robots.txt")
        if 400 <= resp.status < 500:
            return None
        if resp.status >= 500:  # unreachable rules: assume nothing is allowed (RFC 9309)
            rp.parse(["User-agent: *", "Disallow: /"])
            return rp
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rp


def _connection(
    scheme: str, host: str, port: int, ip: str, timeout: float
) -> http.client.HTTPConnection:
    """A connection to ``host`` that connects to the already-checked ``ip`` (TLS still
    verifies ``host``'s certificate and sends it as SNI)."""
    conn: http.client.HTTPConnection
    if scheme == "https":
        conn = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def pinned(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        return socket.create_connection((ip, address[1]), timeout)

    conn._create_connection = pinned  # type: ignore[attr-defined]
    return conn


def _read_capped(
    raw: http.client.HTTPResponse, headers: dict[str, str], cap: int, url: str
) -> bytes:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(f"{url}: {declared} bytes is over the {cap}-byte cap (max_page_bytes)")
    body = raw.read(cap + 1)
    if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
        try:
            body = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, cap + 1)
        except zlib.error as exc:
            raise FetchError(f"{url}: the gzip body is corrupt ({exc})") from exc
    if len(body) > cap:
        raise FetchError(f"{url}: the page is over the {cap}-byte cap (max_page_bytes)")
    return body


def _retry_after(headers: dict[str, str]) -> float | None:
    value = headers.get("retry-after", "").strip()
    return min(float(value), 300.0) if value.isdigit() else None
