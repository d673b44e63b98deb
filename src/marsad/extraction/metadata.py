"""Page metadata from JSON-LD, OpenGraph/meta tags and microdata (no body text here).

Everything a page states about itself in machine-readable form: headline candidates, the
publication and modification dates, section, site, canonical URL, byline and authors,
JSON-LD articleBody. The HTML extractor combines these with what the page shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .blocks import fold, text_of
from .dates import parse_date

#: JSON-LD @types that describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "webpage",
        "liveblogposting",
        "report",
    }
)
#: Meta keys (name / property / itemprop, lowercased) in the order they are trusted.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "cxenseparse:recs:publishtime",
)
MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "article.updated",
    "lastmod",
    "last-modified",
)
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author")
SECTION_KEYS = ("article:section", "section", "parsely-section", "category")


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself; None/empty where it says nothing."""

    titles: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    section: str | None = None
    site: str | None = None
    url: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    description: str | None = None
    article_body: str | None = None
    lang: str | None = None


def read_page_meta(
    root: etree._Element,
    page_url: str | None,
    *,
    home_words: frozenset[str],
    calendar: str | None,
    places: frozenset[str] = frozenset(),
) -> PageMeta:
    """PageMeta of a parsed page; ``calendar`` reads bare years (Persian pages: solar)."""
    metas = meta_tags(root)
    ld = list(jsonld_objects(root))
    article = next((o for o in ld if _types(o) & ARTICLE_TYPES - {"webpage"}), None)
    article = article or next((o for o in ld if _types(o) & ARTICLE_TYPES), {})
    meta = PageMeta(lang=(root.get("lang") or "").strip() or None)
    meta.titles = _titles(root, metas, article)
    meta.site = _site(metas, article, page_url, meta.titles)
    meta.url = _url(root, metas, article, page_url)
    meta.published = _first_date(
        [
            _ld_str(article.get("datePublished")),
            *_values(metas, PUBLISHED_KEYS),
            *_itemprop_dates(root, "datePublished"),
            *_time_published(root),
        ],
        calendar,
    )
    meta.updated = _first_date(
        [
            _ld_str(article.get("dateModified")),
            *_values(metas, MODIFIED_KEYS),
            *_itemprop_dates(root, "dateModified"),
        ],
        calendar,
    )
    meta.updated = plausible_update(meta.published, meta.updated)
    meta.section = _section(root, ld, metas, article, home_words)
    meta.byline, meta.authors = _byline(metas, article, meta.site, places)
    meta.description = next(iter(_values(metas, ("og:description", "description"))), None)
    body = article.get("articleBody")
    meta.article_body = body if isinstance(body, str) and body.strip() else None
    return meta


def plausible_update(published: datetime | None, updated: datetime | None) -> datetime | None:
    """``updated`` only when it is after ``published``: pages often carry a stale or
    pre-publication dateModified (the dev set has two), which is not an update."""
    if published is None or updated is None:
        return None
    a, b = published, updated
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return updated if b > a else None


def meta_tags(root: etree._Element) -> dict[str, list[str]]:
    """<meta> contents keyed by lowercased name, property, itemprop and http-equiv."""
    out: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return out


def jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, @graph and lists flattened."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            # Broken JSON-LD (trailing commas are common): drop them and try once more.
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", script.text), strict=False)
            except ValueError:
                continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _ld_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _values(metas: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [v for key in keys for v in metas.get(key, [])]


def _itemprop_dates(root: etree._Element, prop: str) -> list[str]:
    """Microdata dates, those of an Article item first (a list of related stories may
    carry its own datePublished items earlier in the page)."""
    own: list[str] = []
    other: list[str] = []
    for el in root.iterfind(f".//*[@itemprop='{prop}']"):
        value = (el.get("datetime") or el.get("content") or (el.text or "")).strip()
        if value:
            scope = next((a for a in el.iterancestors() if a.get("itemtype")), None)
            in_article = scope is not None and "article" in scope.get("itemtype", "").lower()
            (own if in_article else other).append(value)
    return own + other


#: Class words of a <time> element that holds the publication date (WordPress and others).
PUBLISHED_TIME_CLASSES = frozenset(
    ("published", "entry-date", "pubdate", "date-published", "publish-date", "posted-on")
)


def _time_published(root: etree._Element) -> list[str]:
    out = []
    for el in root.iter("time"):
        words = set((el.get("class") or "").lower().split())
        if el.get("datetime") and (words & PUBLISHED_TIME_CLASSES or el.get("pubdate") is not None):
            out.append(el.get("datetime", ""))
    return out


def _first_date(candidates: list[str | None], calendar: str | None) -> datetime | None:
    for text in candidates:
        if text:
            value = parse_date(text, calendar=calendar)
            if value is not None:
                return value
    return None


def _titles(
    root: etree._Element, metas: dict[str, list[str]], article: dict[str, Any]
) -> list[str]:
    titles = [_ld_str(article.get("headline")) or _ld_str(article.get("headLine"))]
    titles += _values(metas, ("og:title", "twitter:title", "headline", "title", "name"))
    head_title = root.find(".//title")
    if head_title is not None:
        titles.append(" ".join(text_of(head_title).split()))
    return [t for t in dict.fromkeys(titles) if t]


def _site(
    metas: dict[str, list[str]], article: dict[str, Any], page_url: str | None, titles: list[str]
) -> str | None:
    for value in _values(metas, ("og:site_name", "application-name", "twitter:site")):
        if not value.startswith("@"):
            return value.split(" | ")[0].strip()  # "Name | slogan | brand" -> "Name"
    publisher = _ld_str(article.get("publisher"))
    if publisher and not publisher.startswith("http"):
        return publisher
    for title in titles:
        for sep in (" | ", " - ", " – ", " — "):
            tail = title.rsplit(sep, 1)[1].strip() if sep in title else ""
            if tail and len(tail.split()) <= 5:
                return tail  # "Headline - Site Name": the site
    host = urlsplit(page_url or "").hostname
    return host.removeprefix("www.") if host else None


def _url(
    root: etree._Element, metas: dict[str, list[str]], article: dict[str, Any], page_url: str | None
) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return urljoin(page_url or "", link.get("href", "").strip())
    for value in [*_values(metas, ("og:url",)), _ld_str(article.get("url"))]:
        if value and value.startswith(("http://", "https://", "/")):
            return urljoin(page_url or "", value)
    return page_url


def _section(
    root: etree._Element,
    ld: list[dict[str, Any]],
    metas: dict[str, list[str]],
    article: dict[str, Any],
    home_words: frozenset[str],
) -> str | None:
    crumbs = _ld_breadcrumbs(ld) or _dom_breadcrumbs(root)
    crumbs = [c for c in crumbs if c.lower() not in home_words]
    titles = set(_titles(root, metas, article))
    while crumbs and (crumbs[-1] in titles or len(crumbs[-1].split()) > 8):
        crumbs.pop()  # the last crumb is often the article's own headline
    if crumbs:
        return " > ".join(crumbs)
    value = next(iter(_values(metas, SECTION_KEYS)), None)
    if value:
        return value
    section = article.get("articleSection")
    if isinstance(section, list):
        section = " > ".join(s for s in section if isinstance(s, str))
    return section.strip() if isinstance(section, str) and section.strip() else None


def _ld_breadcrumbs(ld: list[dict[str, Any]]) -> list[str]:
    for obj in ld:
        if "breadcrumblist" in _types(obj):
            items = obj.get("itemListElement")
            items = items if isinstance(items, list) else []
            items = sorted((i for i in items if isinstance(i, dict)), key=_position)
            names = [_ld_str(i.get("name")) or _ld_str(i.get("item")) for i in items]
            return [n for n in names if n and not n.startswith("http")]
    return []


#: Class/id words of a visible breadcrumb trail.
CRUMB_WORDS = frozenset(("breadcrumb", "breadcrumbs", "crumbs", "crumb", "path", "news_path"))


def _position(item: dict[str, Any]) -> float:
    try:
        return float(item.get("position") or 0)
    except (TypeError, ValueError):
        return 0.0


def _dom_breadcrumbs(root: etree._Element) -> list[str]:
    for el in root.iterfind(".//*[@itemtype]"):
        if el.get("itemtype", "").lower().endswith("breadcrumblist"):
            names = [_norm(text_of(n)) for n in el.iterfind(".//*[@itemprop='name']")]
            return [n for n in names if n]
    query = ".//*[contains(@class,'crumb') or contains(@id,'crumb') or contains(@class,'path')]"
    for el in root.xpath(query):
        raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower().replace("-", " ").split()
        if not CRUMB_WORDS & {*raw, *(el.get("class") or "").lower().split()}:
            continue
        names = [_norm(text_of(a)) for a in el.iter("a", "li", "span")]
        names = [n for n in dict.fromkeys(names) if n and len(n) < 60]
        if names:
            return names
    return []


def _norm(text: str) -> str:
    return " ".join(text.split())


def _byline(
    metas: dict[str, list[str]], article: dict[str, Any], site: str | None, places: frozenset[str]
) -> tuple[str | None, list[str]]:
    """The byline as the page gives it, and the person names in it."""
    persons = _ld_persons(article.get("author"))
    candidates = [*_values(metas, AUTHOR_KEYS), *persons]
    for value in candidates:
        if value.startswith(("http://", "https://", "www.")) or (
            site and value.split(" | ")[0].strip() == site
        ):
            continue
        named = [a for p in persons if p in value for a in split_authors(p, places)]
        return value, list(dict.fromkeys(named or split_authors(value, places)))
    return None, []


def _ld_persons(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values:
        if isinstance(item, dict) and "organization" not in _types(item):
            name = _ld_str(item.get("name"))
            if name:
                out.append(name)
    return out


_BYLINE_PREFIX = re.compile(r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|تقرير|تحرير|by)\s*[:：]?\s*", re.I)


def split_authors(byline: str, places: frozenset[str] = frozenset()) -> list[str]:
    """Person names in a byline: "حسام أبو العلا - القاهرة" -> ["حسام أبو العلا"];
    with ``places`` (folded place names) "الرياض - فهد السبيعي" -> ["فهد السبيعي"].

    A credit in parentheses ("(أبوظبي - البيان)") names a place and a desk, no person.
    """
    text = _BYLINE_PREFIX.sub("", byline.strip())
    if not text or text.startswith("(") or any(ch.isdigit() for ch in text):
        return []
    parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+", text)]
    people = [p for p in parts if fold(p) not in places]
    if not people:
        return []
    names = [n.strip() for n in re.split(r"[،,&]|\sand\s", people[0])]
    return [n for n in names if 1 <= len(n.split()) <= 5 and n.split()[0] not in ORG_HEADS]


#: First words of an organisation's name, which a byline may carry instead of a person
#: ("وكالة المغرب العربي للأنباء").
ORG_HEADS = frozenset(
    [
        "وكالة",
        "صحيفة",
        "جريدة",
        "موقع",
        "قناة",
        "مجلة",
        "مؤسسة",
        "هيئة",
        "مكتب",
        "شبكة",
        "إذاعة",
        "اذاعة",
        "خبرگزاری",
        "باشگاه",
    ]
)
