"""RSS/Atom feeds and sitemaps (plain, index, Google News): the article URLs they list,
and, for feed items that carry the article text, the articles themselves.

A feed item with full text (``content:encoded``, Atom ``content``, or a long
``description``) becomes a RawPage of kind "record". Sitemaps list URLs only: fetch them
(``marsad feed --fetch``), and follow a sitemap index to its child sitemaps.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Failure, RawPage
from ..errors import MarsadError

_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
#: A <description> this long (characters of text) is the article, not a teaser: teasers
#: in Arabic news feeds are one or two sentences, rarely over 300 characters.
FULL_TEXT_CHARS = 500
#: Block elements whose text starts a new paragraph when feed HTML is flattened.
_BLOCKS = ("p", "div", "li", "h2", "h3", "h4", "blockquote")


@dataclass(frozen=True, slots=True)
class FeedLink:
    """One URL a feed or sitemap lists, with what it says about it."""

    url: str
    title: str | None = None
    published: str | None = None
    is_sitemap: bool = False


@dataclass(slots=True)
class ParsedFeed:
    kind: str  # rss, atom, urlset, sitemapindex
    links: list[FeedLink] = field(default_factory=list)
    pages: list[RawPage] = field(default_factory=list)


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def iter_feed_file(path: Path | str) -> Iterator[RawPage | Failure]:
    """Articles carried by a feed file; a sitemap (URLs only) gives one Failure saying so."""
    path = Path(path)
    try:
        parsed = parse_feed(_read(path), origin=str(path))
    except ValueError as exc:
        yield Failure(str(path), str(exc))
        return
    yield from parsed.pages
    if not parsed.pages and parsed.links:
        yield Failure(
            str(path),
            f"this {parsed.kind} lists {len(parsed.links)} URLs but carries no article text; "
            f"fetch them with `marsad feed {path} --fetch`",
        )


def feed_links(data: bytes, *, origin: str = "") -> list[FeedLink]:
    """The URLs to fetch: article pages, and child sitemaps (``is_sitemap``) of an index."""
    return parse_feed(data, origin=origin).links


def parse_feed(data: bytes, *, origin: str = "") -> ParsedFeed:
    """RSS, Atom, sitemap or sitemap index; raise ValueError when it is none of these."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _parse_sitemap(data, origin)
    return _parse_syndication(data, origin)


def _parse_sitemap(data: bytes, origin: str) -> ParsedFeed:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    root = etree.fromstring(data, parser=parser)
    if root is None:
        raise ValueError(f"{origin}: not well-formed XML")
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise ValueError(f"{origin}: XML root <{kind}> is neither <urlset> nor <sitemapindex>")
    item = "sitemap" if kind == "sitemapindex" else "url"
    out = ParsedFeed(kind=kind)
    for node in root.iter(f"{_SM}{item}", item):
        loc = _text(node, "loc")
        if not loc:
            continue
        news = node.find(f"{_NEWS}news")
        title = _text(news, f"{_NEWS}title") if news is not None else None
        published = (
            _text(news, f"{_NEWS}publication_date") if news is not None else None
        ) or _text(node, "lastmod")
        out.links.append(FeedLink(loc, title, published, is_sitemap=kind == "sitemapindex"))
    return out


def _text(node: Any, tag: str) -> str | None:
    if node is None:
        return None
    child = node.find(tag if tag.startswith("{") else f"{_SM}{tag}")
    if child is None:
        child = node.find(tag.rsplit("}", 1)[-1])
    value = (child.text or "").strip() if child is not None else ""
    return value or None


def _parse_syndication(data: bytes, origin: str) -> ParsedFeed:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.version:
        reason = getattr(feed, "bozo_exception", None) or "no <rss>, <feed> or <urlset>"
        raise ValueError(f"{origin}: not an RSS/Atom feed or sitemap ({reason})")
    out = ParsedFeed(kind="atom" if feed.version.startswith("atom") else "rss")
    for i, entry in enumerate(feed.entries):
        url = entry.get("link")
        published = entry.get("published") or entry.get("updated")
        if url:
            out.links.append(FeedLink(url, entry.get("title"), published))
        page = _entry_page(entry, f"{origin}#{i}", published)
        if page is not None:
            out.pages.append(page)
    return out


def _entry_page(entry: Any, origin: str, published: str | None) -> RawPage | None:
    """A record for an entry that carries its article's text, else None."""
    summary = html_paragraphs(entry.get("summary") or "")
    contents = [c.get("value", "") for c in entry.get("content") or []]
    paragraphs = html_paragraphs("\n".join(contents)) if contents else []
    dek = None
    if not paragraphs and sum(map(len, summary)) >= FULL_TEXT_CHARS:
        paragraphs = summary
    elif summary:
        dek = " ".join(summary)
    if not paragraphs:
        return None
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    record = {
        "title": entry.get("title"),
        "text": "\n".join(paragraphs),
        "date": published,
        "url": entry.get("link"),
        "author": entry.get("author"),
        "section": tags[0] if tags else None,
        "dek": dek,
    }
    record = {k: v for k, v in record.items() if v}
    return RawPage(b"", url=entry.get("link"), kind="record", origin=origin, record=record)


def html_paragraphs(markup: str) -> list[str]:
    """Feed HTML (or plain text) -> paragraphs: one per block element or line."""
    if not markup.strip():
        return []
    if "<" not in markup:
        return [p.strip() for p in markup.splitlines() if p.strip()]
    import lxml.html

    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        if block.text:
            block.text = "\n" + block.text
        else:
            block.text = "\n"
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return [line for line in lines if line]


def crawl_feed_links(
    source: str, fetcher: Any, *, max_depth: int = 2
) -> Iterator[FeedLink | Failure]:
    """Page links of a feed or sitemap (a file path or a URL fetched with ``fetcher``, a
    ``marsad.sources.fetch.Fetcher``), following sitemap indexes ``max_depth`` levels."""
    try:
        if source.startswith(("http://", "https://")):
            got = fetcher.fetch(source)
            data = got.page.content if got.page is not None else b""
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
        else:
            data = _read(Path(source))
        links = feed_links(data, origin=source)
    except (OSError, ValueError, EOFError) as exc:
        yield Failure(source, f"cannot read feed: {exc}")
        return
    except MarsadError as exc:  # a FetchError: refused, unreachable, HTTP error
        yield Failure(source, str(exc), stage=exc.stage)
        return
    for link in links:
        if not link.is_sitemap:
            yield link
        elif max_depth > 0:
            yield from crawl_feed_links(link.url, fetcher, max_depth=max_depth - 1)
