"""The pipeline: an extractor (RawPage -> Article) followed by enriching stages.

Each stage declares the Article fields it ``requires`` and ``assigns``; the order is
checked once, when the pipeline is built. The CLI, the web app and the Spark job all
drive this same object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from .document import Article, Failure, RawPage
from .errors import MarsadError, PipelineOrderError
from .settings import Settings

#: Fields every extractor provides.
EXTRACTED_FIELDS = frozenset(
    {
        "title",
        "kicker",
        "dek",
        "paragraphs",
        "captions",
        "byline",
        "dateline",
        "published",
        "updated",
        "section",
        "site",
        "language",
        "url",
        "text",
    }
)


@runtime_checkable
class Stage(Protocol):
    """A callable that enriches an Article in place and returns it."""

    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, article: Article) -> Article: ...


class Extractor(Protocol):
    """Turns raw bytes into an Article (title, body, metadata)."""

    def __call__(self, page: RawPage) -> Article: ...


def check_order(stages: Sequence[Stage], provided: frozenset[str] = EXTRACTED_FIELDS) -> None:
    """Raise PipelineOrderError when a stage needs a field no earlier stage assigns."""
    have = set(provided)
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise PipelineOrderError(
                f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage "
                f"assigns; put a stage that assigns them before it"
            )
        have |= stage.assigns


class Pipeline:
    """extractor + stages; call it on a RawPage (or ``enrich`` an Article)."""

    def __init__(
        self,
        extractor: Extractor,
        stages: Sequence[Stage] = (),
        *,
        settings: Settings | None = None,
    ) -> None:
        check_order(stages)
        self.extractor = extractor
        self.stages = list(stages)
        self.settings = settings or Settings()

    def __call__(self, page: RawPage) -> Article:
        return self.enrich(self.extractor(page))

    def enrich(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
            article.stages.append(stage.name)
        return article

    def run(
        self,
        pages: Iterable[RawPage | Failure],
        *,
        on_done: Callable[[], None] | None = None,
    ) -> Iterator[Article | Failure]:
        """Process a stream; a document that fails becomes a Failure and the stream goes on."""
        for page in pages:
            if isinstance(page, Failure):
                yield page
            else:
                yield self.safe_call(page)
            if on_done is not None:
                on_done()

    def safe_call(self, page: RawPage) -> Article | Failure:
        try:
            return self(page)
        except MarsadError as exc:
            return Failure(origin=page.origin, reason=str(exc), stage=exc.stage)
        except Exception as exc:
            return Failure(
                origin=page.origin,
                reason=f"unexpected {type(exc).__name__}: {exc}",
                stage="pipeline",
            )
