"""Article records that are already extracted (JSON/JSONL, the corpora) -> Article."""

from __future__ import annotations

import html
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..document import Article, RawPage
from ..errors import ExtractionError
from ..settings import Settings
from .dateline import DatelineParser
from .language import detect_language
from .scraped import clean_line

_SQL_STYLE = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")


def parse_record_date(value: object) -> datetime | None:
    """ISO 8601, "2015-07-21 02:51:32", or RFC 2822 ("Sun, 18 Feb 2018 21:35:43 +0400")."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if _SQL_STYLE.match(text):
        try:
            return datetime.fromisoformat(text[:19].replace(" ", "T"))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


#: Site lines glued to the end of a record's body, cut with what follows them: "… رابط الخبر
#: بصحيفة الوئام: <the headline>" ends 569 of 2,953 SaudiNewsNet articles of one day (the
#: headline then counted twice for entities and events); "للتواصل مع الكاتب ارسل رسالة SMS
#: …" a columnist's contact line.
TAIL_MARKERS = ("رابط الخبر بصحيفة", "رابط الخبر:", "رابط المادة:", "للتواصل مع الكاتب")
#: A last paragraph that is only a "read more" link ("...المزيد": 23 of those articles).
_READ_MORE = re.compile(r"^[.…\s]*(?:اقرأ )?المزيد[.…\s]*$")
#: An e-mail address the contact line was glued to ("…!writer@example.comللتواصل …").
_TRAILING_EMAIL = re.compile(r"\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$")
#: What an e-mail obfuscator leaves in scraped text ("[email protected] /* */").
_EMAIL_GUARD = re.compile(r"\[email\s*protected\]\s*(?:/\*.*?\*/)?")


def _scrub(line: str) -> str:
    return _EMAIL_GUARD.sub("", line) if "[email" in line else line


def _cut_link_tail(paragraphs: list[str]) -> None:
    """Cut a TAIL_MARKERS line (and what follows it) and a "read more" link from the end of
    the body."""
    if paragraphs and _READ_MORE.match(paragraphs[-1]):
        paragraphs.pop()
    for i in range(len(paragraphs) - 1, max(len(paragraphs) - 3, -1), -1):
        found = (paragraphs[i].find(t) for t in TAIL_MARKERS)
        at = min((k for k in found if k >= 0), default=-1)
        if at < 0:
            continue
        head = _TRAILING_EMAIL.sub("", paragraphs[i][:at]).rstrip()
        del paragraphs[i:]
        if head:
            paragraphs.append(head)
        return


def _as_text(value: object) -> str:
    """A record field as text, HTML character references decoded: scraped records keep
    them ("&quot;داعش&quot;" in 180 of 2,953 SaudiNewsNet articles of one day)."""
    if isinstance(value, list):
        text = "\n".join(str(v) for v in value)
    else:
        text = str(value) if value is not None else ""
    return html.unescape(text) if "&" in text else text


def article_from_record(
    page: RawPage, settings: Settings, datelines: DatelineParser | None = None
) -> Article:
    """RawPage of kind "record" -> Article; ``datelines``: a parser to reuse across pages
    (loaded here when None)."""
    record = page.record or {}
    if not record:
        raise ExtractionError(f"{page.origin}: empty record")
    title = clean_line(_as_text(record.get("title"))) or None
    paragraphs = [
        p for p in (clean_line(_scrub(x)) for x in _as_text(record.get("text")).splitlines()) if p
    ]
    _cut_link_tail(paragraphs)
    article = Article(
        title=title,
        dek=clean_line(_as_text(record.get("dek"))) or None,
        paragraphs=paragraphs,
        byline=clean_line(_as_text(record.get("author"))) or None,
        published=parse_record_date(record.get("date")),
        fetched=parse_record_date(record.get("fetched")),
        section=clean_line(_as_text(record.get("section"))) or None,
        site=_site(record, record.get("url") or page.url),
        url=record.get("url") or page.url,
        origin=page.origin,
    )
    if article.dek and paragraphs and paragraphs[0].startswith(article.dek.rstrip(". ")[:40]):
        article.dek = None  # an abstract that is only the lead's first words
    _split_credit(article, paragraphs, datelines or DatelineParser.load())
    article.language = detect_language(" ".join(paragraphs[:5]) or (title or ""))
    return article


#: Summary bullets ("- تقارير …") may stand before the lead that carries the credit
#: ("فلان- سبق- الرياض: …"); at most this many are skipped.
MAX_BULLETS = 10
_BULLET = ("-", "•", "*", "–", "—")


def _split_credit(article: Article, paragraphs: list[str], datelines: DatelineParser) -> None:
    """Move the lead's dateline (and reporter) from the paragraphs to the article: the
    lead is the first paragraph that is not a summary bullet."""
    lead = next(
        (i for i, p in enumerate(paragraphs[: MAX_BULLETS + 1]) if not p.startswith(_BULLET)),
        None,
    )
    if lead is None:
        return
    dateline, byline, rest = datelines.split_credit(paragraphs[lead])
    if not (dateline.source or dateline.place):
        return
    article.dateline = dateline
    article.byline = article.byline or byline
    if rest:
        paragraphs[lead] = rest
    else:
        paragraphs.pop(lead)


def _site(record: dict[str, object], url: str | None) -> str | None:
    site = record.get("site")
    if isinstance(site, str) and site.strip():
        return site.strip()
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None
