"""Group every stored article into stories and write them to the store (``marsad stories``)."""

from __future__ import annotations

from ..document import Article
from ..store.sqlite import SQLiteStore
from ..store.stories import StoryMember, iter_latest_articles, replace_stories
from .fingerprint import Fingerprint, StoryParams, fingerprint
from .grouping import Stories, group_stories


def members_of(stories: Stories, fps: list[Fingerprint]) -> list[StoryMember]:
    """One StoryMember per fingerprint (keys are store article ids as strings)."""
    best: dict[str, float] = {}
    for (a, b), sim in stories.edges.items():
        best[a] = max(best.get(a, 0.0), sim)
        best[b] = max(best.get(b, 0.0), sim)
    return [
        StoryMember(
            article_id=int(fp.key),
            story_id=stories.story_of[fp.key],
            site=fp.site,
            content_hash=fp.content_hash,
            similarity=best.get(fp.key),
        )
        for fp in fps
    ]


def rebuild_stories(store: SQLiteStore, params: StoryParams | None = None) -> tuple[int, int]:
    """Regroup all latest articles; return (articles, stories)."""
    params = params or StoryParams()
    fps = [
        fingerprint(Article.from_dict(data), params, key=str(article_id))
        for article_id, data in iter_latest_articles(store.db)
    ]
    stories = group_stories(fps, params)
    with store.transaction():
        count = replace_stories(store.db, members_of(stories, fps))
    return len(fps), count
