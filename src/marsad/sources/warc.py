"""WARC (and ARC) archives: each successful HTTP response with an HTML body -> RawPage.

fastwarc reads WARC, gzipped per record or not. ARC files (the format before WARC, still
in old Common Crawl and Internet Archive dumps) go through warcio, which fastwarc cannot
read. ``origin`` is ``"{path}@{offset}"``: the byte offset of the record, so a user can cut
the one record that failed out of a 1 GB archive.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from ..document import Failure, RawPage
from ..settings import Settings

#: Media types treated as HTML pages; everything else (images, PDF, JSON) is skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(
    path: Path | str,
    *,
    max_bytes: int | None = None,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[RawPage | Failure]:
    """RawPages for the HTML response records of a .warc/.warc.gz/.arc/.arc.gz file.

    Records that are not HTTP responses, not 2xx or not HTML are skipped (they are not
    articles); a record whose body cannot be decoded becomes a Failure. ``start``/``stop``
    read only the records that begin in that byte range (``start`` must be a record
    offset): the Spark job splits one big WARC into ranges this way.
    """
    path = Path(path)
    cap = max_bytes if max_bytes is not None else Settings().max_page_bytes
    name = path.name.lower()
    if name.endswith((".arc", ".arc.gz")):
        yield from _iter_warcio(path, cap)
    else:
        yield from _iter_fastwarc(path, cap, start, stop)


def record_offsets(path: Path | str) -> list[int]:
    """Byte offsets of the response records in a WARC (a fast scan: no HTTP parsing)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with Path(path).open("rb") as fh:
        records = ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=False)
        return [int(rec.stream_pos) for rec in records]


def _iter_fastwarc(
    path: Path, cap: int, start: int, stop: int | None
) -> Iterator[RawPage | Failure]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as fh:
        fh.seek(start)
        records = ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True)
        for rec in records:
            if stop is not None and rec.stream_pos >= stop:
                break
            origin = f"{path}@{rec.stream_pos}"
            if not rec.is_http:
                continue
            status = rec.http_headers.status_code
            headers = _lower(rec.http_headers.items())
            body = rec.reader.read(cap + 1)
            yield from _page(
                body=body,
                status=status,
                headers=headers,
                url=rec.headers.get("WARC-Target-URI"),
                date=rec.headers.get("WARC-Date"),
                origin=origin,
                cap=cap,
            )


def _iter_warcio(path: Path, cap: int) -> Iterator[RawPage | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        records = ArchiveIterator(fh, arc2warc=True)
        for rec in records:
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            body = rec.content_stream().read(cap + 1)
            # Only after the body: asking warcio for the offset first skips the record.
            origin = f"{path}@{records.get_record_offset()}"
            status_line = rec.http_headers.get_statuscode() or "0"
            yield from _page(
                body=body,
                status=int(status_line) if status_line.isdigit() else 0,
                headers=_lower(rec.http_headers.headers),
                url=rec.rec_headers.get_header("WARC-Target-URI"),
                date=rec.rec_headers.get_header("WARC-Date"),
                origin=origin,
                cap=cap,
            )


def _lower(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """HTTP headers with lower-cased names; a repeated header keeps its last value."""
    return {str(k).lower(): str(v) for k, v in items}


def _page(
    *,
    body: bytes,
    status: int | None,
    headers: dict[str, str],
    url: str | None,
    date: str | None,
    origin: str,
    cap: int,
) -> Iterator[RawPage | Failure]:
    if status is None or not 200 <= status < 300 or not is_html(headers, body):
        return
    try:
        body = _decode_content(body, headers.get("content-encoding", ""), cap)
    except (zlib.error, ValueError) as exc:
        yield Failure(origin, f"WARC record body cannot be decompressed ({exc})")
        return
    yield RawPage(
        body[:cap],
        url=url,
        fetched=parse_warc_date(date),
        kind="html",
        origin=origin,
        headers=headers,
    )


def is_html(headers: dict[str, str], body: bytes) -> bool:
    """By Content-Type; a response without one counts when its body starts like HTML."""
    ctype = headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype:
        return ctype in HTML_TYPES
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode_content(body: bytes, encoding: str, cap: int) -> bytes:
    """Undo gzip/deflate Content-Encoding (some crawlers store bodies as sent), capped."""
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, cap + 1)
    if encoding == "deflate":
        return zlib.decompressobj().decompress(body, cap + 1)
    return body


def parse_warc_date(value: str | None) -> datetime | None:
    """WARC-Date (ISO 8601, "Z" for UTC, sometimes with fractions) -> aware datetime."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def write_warc(path: Path | str, pages: Iterable[RawPage]) -> int:
    """Write pages as gzipped WARC response records (for ``marsad fetch --warc``, tests and
    benchmarks); return how many were written. Each page needs a url."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with Path(path).open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in pages:
            headers = page.headers or {"content-type": "text/html; charset=utf-8"}
            http = StatusAndHeaders("200 OK", list(headers.items()), protocol="HTTP/1.1")
            warc_headers = {}
            if page.fetched is not None:
                warc_headers["WARC-Date"] = page.fetched.strftime("%Y-%m-%dT%H:%M:%SZ")
            record = writer.create_warc_record(
                page.url or "",
                "response",
                payload=io.BytesIO(page.content),
                http_headers=http,
                warc_headers_dict=warc_headers,
            )
            writer.write_record(record)
            count += 1
    return count
