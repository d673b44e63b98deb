"""WARC reading: response records with HTML become RawPages with url, headers, date, offset."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.document import Failure, RawPage
from marsad.sources import iter_pages
from marsad.sources.warc import is_html, iter_warc, parse_warc_date, write_warc

PAGE = (
    "<html><head><title>خبر تجريبي</title></head><body><p>وصل الوفد إلى المدينة.</p></body></html>"
)


def _record(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    rec_type: str = "response",
    status: str = "200 OK",
    ctype: str = "text/html; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    http = None
    if rec_type == "response":
        http = StatusAndHeaders(
            status, [("Content-Type", ctype), *(extra or [])], protocol="HTTP/1.1"
        )
    rec = writer.create_warc_record(url, rec_type, payload=io.BytesIO(body), http_headers=http)
    writer.write_record(rec)


def _mixed_warc(path: Path, *, gz: bool = True) -> Path:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        _record(w, "https://news.example/a", PAGE.encode(), extra=[("ETag", '"v1"')])
        _record(w, "https://news.example/req", b"GET /a HTTP/1.1\r\n\r\n", rec_type="request")
        _record(w, "https://news.example/logo.png", b"\x89PNG....", ctype="image/png")
        _record(w, "https://news.example/gone", PAGE.encode(), status="404 Not Found")
        _record(
            w,
            "https://news.example/b",
            gzip.compress(PAGE.encode()),
            extra=[("Content-Encoding", "gzip")],
        )
    return path


def test_iter_warc_yields_only_ok_html_responses(tmp_path: Path) -> None:
    pages = list(iter_warc(_mixed_warc(tmp_path / "x.warc.gz")))
    assert [p.url for p in pages if isinstance(p, RawPage)] == [
        "https://news.example/a",
        "https://news.example/b",
    ]


def test_iter_warc_page_fields(tmp_path: Path) -> None:
    path = _mixed_warc(tmp_path / "x.warc.gz")
    first, second = list(iter_warc(path))
    assert isinstance(first, RawPage) and isinstance(second, RawPage)
    assert first.kind == "html"
    assert first.content == PAGE.encode()
    assert first.headers["etag"] == '"v1"'
    assert first.headers["content-type"].startswith("text/html")
    assert first.fetched is not None and first.fetched.tzinfo is not None
    assert first.origin == f"{path}@0"
    # The second record starts further into the file, and its gzip body is undone.
    offset = int(second.origin.rsplit("@", 1)[1])
    assert offset > 0
    assert second.content == PAGE.encode()


def test_iter_warc_offset_points_at_the_record(tmp_path: Path) -> None:
    path = _mixed_warc(tmp_path / "x.warc.gz")
    second = list(iter_warc(path))[1]
    offset = int(second.origin.rsplit("@", 1)[1])
    # A gzip member starts at the offset: decompressing from there gives that record.
    with path.open("rb") as fh:
        fh.seek(offset)
        data = gzip.GzipFile(fileobj=fh).read(4000)
    assert data.startswith(b"WARC/1")
    assert b"https://news.example/b" in data


def test_iter_warc_reads_uncompressed_warc(tmp_path: Path) -> None:
    pages = list(iter_warc(_mixed_warc(tmp_path / "x.warc", gz=False)))
    assert len(pages) == 2


def test_iter_warc_bad_gzip_body_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        _record(w, "https://news.example/c", b"not gzip", extra=[("Content-Encoding", "gzip")])
    (item,) = list(iter_warc(path))
    assert isinstance(item, Failure)
    assert "decompress" in item.reason and item.origin.endswith("@0")


def test_iter_warc_caps_body_size(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    with path.open("wb") as fh:
        _record(WARCWriter(fh, gzip=True), "https://news.example/big", PAGE.encode() * 100)
    (page,) = list(iter_warc(path, max_bytes=100))
    assert isinstance(page, RawPage) and len(page.content) == 100


def test_write_warc_round_trips(tmp_path: Path) -> None:
    when = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
    pages = [
        RawPage(PAGE.encode(), url=f"https://news.example/{i}", fetched=when) for i in range(5)
    ]
    path = tmp_path / "out.warc.gz"
    assert write_warc(path, pages) == 5
    back = [p for p in iter_warc(path) if isinstance(p, RawPage)]
    assert [p.url for p in back] == [p.url for p in pages]
    assert all(p.fetched == when and p.content == PAGE.encode() for p in back)


def test_iter_pages_dispatches_warc_files(tmp_path: Path) -> None:
    path = _mixed_warc(tmp_path / "crawl.warc.gz")
    urls = [p.url for p in iter_pages([path])]
    assert urls == ["https://news.example/a", "https://news.example/b"]


def test_is_html_sniffs_when_content_type_is_missing() -> None:
    assert is_html({}, b"  <!DOCTYPE html><html>")
    assert not is_html({}, b"%PDF-1.4")
    assert not is_html({"content-type": "application/json"}, b"<html>")


def test_parse_warc_date_accepts_z_and_fractions() -> None:
    assert parse_warc_date("2024-03-01T08:30:00Z") == datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
    assert parse_warc_date("2024-03-01T08:30:00.5Z") is not None
    assert parse_warc_date("yesterday") is None


def test_iter_warc_byte_ranges_partition_the_records(tmp_path: Path) -> None:
    from marsad.sources.warc import record_offsets

    pages = [RawPage(PAGE.encode(), url=f"https://news.example/{i}") for i in range(7)]
    path = tmp_path / "r.warc.gz"
    write_warc(path, pages)
    offsets = record_offsets(path)
    assert len(offsets) == 7 and offsets[0] == 0
    cut = offsets[3]
    head = [p.url for p in iter_warc(path, stop=cut)]
    tail = [p.url for p in iter_warc(path, start=cut)]
    assert head + tail == [p.url for p in pages]
    assert next(p.origin for p in iter_warc(path, start=cut)) == f"{path}@{cut}"


def _arc_record(url: str, payload: bytes, ctype: str = "text/html") -> bytes:
    return f"{url} 192.0.2.1 20240101120000 {ctype} {len(payload)}\n".encode() + payload + b"\n"


@pytest.mark.parametrize("gz", [False, True])
def test_iter_warc_reads_arc_files_through_warcio(tmp_path: Path, gz: bool) -> None:
    desc = b"1 0 marsad\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://t.arc 0.0.0.0 20240101120000 text/plain {len(desc)}\n".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + PAGE.encode()
    parts = [head + desc + b"\n", _arc_record("http://old.example/1", http),
             _arc_record("http://old.example/2", http)]  # fmt: skip
    path = tmp_path / ("old.arc.gz" if gz else "old.arc")
    path.write_bytes(b"".join(gzip.compress(p) for p in parts) if gz else b"".join(parts))
    pages = list(iter_warc(path))
    assert [p.url for p in pages] == ["http://old.example/1", "http://old.example/2"]
    assert all(isinstance(p, RawPage) and p.content == PAGE.encode() for p in pages)
    assert pages[0].fetched == datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
