from __future__ import annotations

from dataclasses import dataclass

import pytest

from marsad.document import Article, Failure, RawPage
from marsad.errors import ExtractionError, PipelineOrderError
from marsad.pipeline import Pipeline


@dataclass
class _Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, article: Article) -> Article:
        if article.title == "boom":
            raise ValueError("stage bug")
        return article


def _extract(page: RawPage) -> Article:
    if not page.content:
        raise ExtractionError(f"{page.origin}: empty file")
    return Article(title=page.content.decode(), origin=page.origin)


def test_order_is_checked_when_built() -> None:
    needs_entities = _Stage("events", frozenset({"entities"}), frozenset({"events"}))
    with pytest.raises(PipelineOrderError, match="events"):
        Pipeline(_extract, [needs_entities])
    gives = _Stage("linking", frozenset({"text"}), frozenset({"entities"}))
    Pipeline(_extract, [gives, needs_entities])


def test_run_turns_errors_into_failures_and_goes_on() -> None:
    stage = _Stage("s", frozenset(), frozenset())
    pipe = Pipeline(_extract, [stage])
    pages = [RawPage(b"", origin="a"), RawPage(b"boom", origin="b"), RawPage(b"ok", origin="c")]
    out = list(pipe.run(pages))
    assert isinstance(out[0], Failure) and out[0].stage == "extract"
    assert isinstance(out[1], Failure) and "ValueError" in out[1].reason and out[1].origin == "b"
    assert isinstance(out[2], Article) and out[2].stages == ["s"]
