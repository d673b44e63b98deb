"""Main-content extraction: RawPage -> Article, by the kind of page."""

from __future__ import annotations

from ..document import Article, RawPage
from ..errors import ExtractionError
from ..settings import Settings


class ArticleExtractor:
    """Dispatches a page to the HTML, scraped-text or record extractor."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def __call__(self, page: RawPage) -> Article:
        kind = self.settings.kind or page.kind
        if kind == "html":
            from .html import extract_html

            article = extract_html(page, self.settings)
        elif kind == "text":
            from .scraped import extract_scraped

            article = extract_scraped(page, self.settings)
        elif kind == "record":
            from .record import article_from_record

            article = article_from_record(page, self.settings)
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
