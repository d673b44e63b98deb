"""Readers for article records that are already extracted: JSON/JSONL, the corpora's formats.

A record becomes a RawPage of kind "record" whose ``record`` dict has the keys
title, text, date, url, author, site, section (whatever the format offers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..document import Failure, RawPage

_TREC_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)</\1>", re.S)

#: Field names seen in the wild for each record key (first match wins).
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "article"),
    "date": ("date", "published", "datePublished", "time", "date_published"),
    "url": ("url", "link", "uri"),
    "author": ("author", "byline", "authors"),
    "site": ("site", "source", "src", "publisher"),
    "section": ("section", "category", "cat"),
    "dek": ("dek", "abstract", "summary", "description"),
    # When the page was crawled (SaudiNewsNet's date_extracted): not a publication date.
    "fetched": ("fetched", "date_extracted", "crawled"),
}


def normalise_record(obj: dict[str, Any]) -> dict[str, Any]:
    """Map a record's own field names onto marsad's record keys."""
    out: dict[str, Any] = {}
    for key, names in _ALIASES.items():
        for name in names:
            value = obj.get(name)
            if value not in (None, "", []):
                out[key] = value
                break
    return out


def is_record(obj: dict[str, Any]) -> bool:
    return (
        "html" not in obj
        and any(k in obj for k in ("title", "headline"))
        and any(k in obj for k in _ALIASES["text"])
    )


def page_from_json(obj: Any, origin: str) -> RawPage | Failure:
    """One JSON object: {url, html}, {url, text} (a scraped page) or an article record."""
    if not isinstance(obj, dict):
        return Failure(origin, f"expected a JSON object, found {type(obj).__name__}")
    url = obj.get("url") or obj.get("link")
    if isinstance(obj.get("html"), str):
        return RawPage(
            obj["html"].encode("utf-8"),
            url=url,
            kind="html",
            origin=origin,
            headers={"content-type": "text/html; charset=utf-8"},
        )
    if is_record(obj):
        return RawPage(b"", url=url, kind="record", origin=origin, record=normalise_record(obj))
    if isinstance(obj.get("text"), str):
        return RawPage(obj["text"].encode("utf-8"), url=url, kind="text", origin=origin)
    return Failure(
        origin,
        "JSON object has neither 'html', 'text' nor an article record (title + text/content); "
        f"keys found: {sorted(obj)[:10]}",
    )


def iter_json_lines(data: bytes, origin: str) -> Iterator[RawPage | Failure]:
    for lineno, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Failure(where, f"line is not valid JSON ({exc}); each line must be one object")
            continue
        yield page_from_json(obj, where)


def iter_json_document(data: bytes, origin: str) -> Iterator[RawPage | Failure]:
    """A .json file: one object, or an array of objects (SaudiNewsNet's daily files)."""
    try:
        obj = json.loads(data)
    except ValueError:
        # Many ".json" files are really JSON lines.
        yield from iter_json_lines(data, origin)
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield page_from_json(item, f"{origin}[{i}]")
    else:
        yield page_from_json(obj, origin)


def parse_trec_doc(text: str) -> dict[str, Any]:
    """ANT corpus pseudo-XML: <DOC><DOCNO>…<TITLE>…<TEXT>…</DOC> -> record keys."""
    raw = {m.group(1).lower(): m.group(2).strip() for m in _TREC_FIELD.finditer(text)}
    record = normalise_record(raw)
    if "docno" in raw:
        record["id"] = raw["docno"]
    return record


def page_from_trec(data: bytes, origin: str) -> RawPage | Failure:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(origin, f"TREC document is not UTF-8 ({exc})")
    record = parse_trec_doc(text)
    if not record.get("text") and not record.get("title"):
        return Failure(origin, "TREC <DOC> without <TITLE> or <TEXT>")
    return RawPage(b"", url=record.get("url"), kind="record", origin=origin, record=record)
