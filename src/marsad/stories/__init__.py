"""Stories: copies of one article across sites (exact and near-duplicates) grouped together."""

from .fingerprint import Fingerprint, StoryParams, article_key, fingerprint
from .grouping import Stories, band_keys, build_stories, components, group_stories, is_copy

__all__ = [
    "Fingerprint",
    "Stories",
    "StoryParams",
    "article_key",
    "band_keys",
    "build_stories",
    "components",
    "fingerprint",
    "group_stories",
    "is_copy",
]
