"""Files and directory trees: HTML (.html, .htm, .gz), scraped text, JSON/JSONL, corpora
archives (.zip of JSON, .tar.xz of TREC documents), WARC. The kind is detected from the
name and the first bytes; ``kind`` forces it for single documents.
"""

from __future__ import annotations

import gzip
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Failure, RawPage
from .records import iter_json_document, iter_json_lines, page_from_trec

#: Suffixes picked up when walking a directory.
DOC_SUFFIXES = (
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".json",
    ".jsonl",
    ".ndjson",
    ".warc",
    ".arc",
    ".zip",
    ".tar",
    ".xz",
    ".gz",
    ".rss",
    ".atom",
    ".xml",
)


def _strip_gz(name: str) -> str:
    return name[:-3] if name.endswith(".gz") else name


def detect_kind(name: str, head: bytes) -> str:
    """What a file holds: html, text, json, jsonl, trec, warc, feed, zip, tar."""
    lower = _strip_gz(name.lower())
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if lower.endswith((".warc", ".arc")) or sniff.startswith(b"warc/"):
        return "warc"
    if lower.endswith(".zip") or head.startswith(b"PK\x03\x04"):
        return "zip"
    if lower.endswith((".tar", ".tar.xz", ".tar.bz2", ".tgz")) or head.startswith(b"\xfd7zXZ"):
        return "tar"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    if sniff.startswith(b"<doc>"):
        return "trec"
    if lower.endswith((".rss", ".atom")) or (
        sniff.startswith(b"<?xml")
        and any(t in sniff for t in (b"<rss", b"<feed", b"<urlset", b"<sitemapindex"))
    ):
        return "feed"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if sniff.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<?xml")):
        return "html"
    if sniff.startswith((b"{", b"[")):
        return "json"
    return "text"


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path | Failure]:
    """Every document file under the given paths (directories walked, sorted)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name.lower().endswith(DOC_SUFFIXES):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Failure(str(path), "no such file or directory; check the path")


def iter_pages(
    paths: Iterable[Path | str], *, kind: str | None = None
) -> Iterator[RawPage | Failure]:
    """RawPages from files and directories; unreadable input becomes a Failure."""
    for item in iter_files(paths):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield from _pages_of_file(item, kind)
        except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, gzip.BadGzipFile) as exc:
            yield Failure(str(item), f"cannot read file: {exc}")


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.lower().endswith(".gz") and not path.name.lower().endswith(".warc.gz"):
        data = gzip.decompress(data)
    return data


def _pages_of_file(path: Path, forced: str | None) -> Iterator[RawPage | Failure]:
    origin = str(path)
    with path.open("rb") as fh:
        head = fh.read(1024)
    if (
        path.name.lower().endswith(".gz")
        and head[:2] == b"\x1f\x8b"
        and not path.name.lower().endswith(".warc.gz")
    ):
        with gzip.open(path, "rb") as gz:
            head = gz.read(1024)
    detected = detect_kind(path.name, head)
    if forced in ("html", "text") and detected not in ("zip", "tar", "warc", "jsonl", "json"):
        yield RawPage(_read(path), kind=forced, origin=origin)
        return
    if detected == "warc":
        from .warc import iter_warc

        yield from iter_warc(path)
    elif detected == "feed":
        from .feeds import iter_feed_file

        yield from iter_feed_file(path)
    elif detected == "zip":
        yield from _iter_zip(path)
    elif detected == "tar":
        yield from _iter_tar(path)
    elif detected == "jsonl":
        yield from iter_json_lines(_read(path), origin)
    elif detected == "json":
        yield from iter_json_document(_read(path), origin)
    elif detected == "trec":
        yield page_from_trec(_read(path), origin)
    else:
        yield RawPage(_read(path), kind=detected, origin=origin)


def _iter_zip(path: Path) -> Iterator[RawPage | Failure]:
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name.endswith("/"):
                continue
            origin = f"{path}!{name}"
            data = zf.read(name)
            kind = detect_kind(name, data[:1024])
            if kind == "jsonl":
                yield from iter_json_lines(data, origin)
            elif kind == "json":
                yield from iter_json_document(data, origin)
            elif kind == "trec":
                yield page_from_trec(data, origin)
            elif kind in ("html", "text"):
                yield RawPage(data, kind=kind, origin=origin)


def _iter_tar(path: Path) -> Iterator[RawPage | Failure]:
    with tarfile.open(path, "r:*") as tf:
        for member in tf:
            if not member.isfile():
                continue
            fh = tf.extractfile(member)
            if fh is None:
                continue
            data = fh.read()
            origin = f"{path}!{member.name}"
            kind = detect_kind(member.name, data[:1024])
            if kind == "trec":
                yield page_from_trec(data, origin)
            elif kind == "jsonl":
                yield from iter_json_lines(data, origin)
            elif kind == "json":
                yield from iter_json_document(data, origin)
            elif kind in ("html", "text"):
                yield RawPage(data, kind=kind, origin=origin)
