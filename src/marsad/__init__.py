"""marsad: Arabic news in, clean articles, entities and PLOVER events out.

Public API: Article, RawPage, Pipeline, Settings, load_pipeline. Importing marsad
loads no model and touches no file.
"""

from .document import Article, Dateline, Entity, Event, Failure, Mention, RawPage
from .factory import load_pipeline
from .pipeline import Pipeline
from .settings import Settings

__all__ = [
    "Article",
    "Dateline",
    "Entity",
    "Event",
    "Failure",
    "Mention",
    "Pipeline",
    "RawPage",
    "Settings",
    "load_pipeline",
]
__version__ = "0.1.0"
