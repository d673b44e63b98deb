"""Build the standard pipeline from Settings. Stage modules are imported on demand."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from .errors import PipelineOrderError
from .pipeline import Pipeline, Stage
from .settings import Settings

#: Stage name -> "module:factory"; each factory takes Settings and returns a Stage.
STAGE_FACTORIES: dict[str, str] = {
    "ner": ".ner.stage:build",
    "linking": ".linking.stage:build",
    "events": ".events.stage:build",
}


def build_stage(name: str, settings: Settings) -> Stage:
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        known = ", ".join(sorted(STAGE_FACTORIES)) or "none"
        raise PipelineOrderError(f"unknown stage {name!r}; known stages: {known}") from None
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name, package=__package__)
    factory = getattr(module, attr)
    stage: Stage = factory(settings)
    return stage


def load_pipeline(
    settings: Settings | None = None, *, stages: Sequence[str] | None = None
) -> Pipeline:
    """The extractor plus the named enrichment stages (default: ``settings.stages``)."""
    from .extraction import ArticleExtractor

    settings = settings or Settings()
    names = settings.stages if stages is None else stages
    built = [build_stage(name, settings) for name in names]
    return Pipeline(ArticleExtractor(settings), built, settings=settings)
