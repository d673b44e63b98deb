"""Main-content extraction: RawPage -> Article, by the kind of page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Article, RawPage
from ..errors import ExtractionError
from ..settings import Settings

if TYPE_CHECKING:
    from .dateline import DatelineParser
    from .scraped import ScrapedExtractor


class ArticleExtractor:
    """Dispatches a page to the HTML, scraped-text or record extractor; the lexicons of the
    latter two are loaded on first use and kept (not once per page)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._scraped: ScrapedExtractor | None = None
        self._datelines: DatelineParser | None = None

    def __call__(self, page: RawPage) -> Article:
        kind = self.settings.kind or page.kind
        if kind == "html":
            from .html import extract_html

            article = extract_html(page, self.settings)
        elif kind == "text":
            from .scraped import ScrapedExtractor, extract_scraped

            self._scraped = self._scraped or ScrapedExtractor(self.settings)
            article = extract_scraped(page, self.settings, self._scraped)
        elif kind == "record":
            from .dateline import DatelineParser
            from .record import article_from_record

            self._datelines = self._datelines or DatelineParser.load()
            article = article_from_record(page, self.settings, self._datelines)
        else:
            raise ExtractionError(
                f"{page.origin or 'input'}: unknown kind {kind!r}; use html, text or record"
            )
        if not article.paragraphs and not article.title:
            raise ExtractionError(
                f"{page.origin or 'input'}: no article text found (empty page, or not a news "
                f"article); check the file, or force the input kind with --kind"
            )
        article.origin = article.origin or page.origin
        article.url = article.url or page.url
        article.fetched = article.fetched or page.fetched
        return article
