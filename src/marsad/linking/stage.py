"""The "linking" stage: Article.mentions -> canonical Article.entities (and ids on mentions)."""

from __future__ import annotations

from ..document import Article
from ..settings import Settings
from .gazetteers import Gazetteer, load_gazetteer
from .linker import link_article


class LinkingStage:
    """Loads the gazetteers once, then links each article in place.

    Assigns "mentions" too: it sets Mention.entity_id and adds the role-only references
    ("وزير الداخلية الفرنسي") it finds as new PER mentions.
    """

    name = "linking"
    requires = frozenset({"mentions"})
    assigns = frozenset({"entities", "mentions"})

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()

    def __call__(self, article: Article) -> Article:
        return link_article(article, self.gazetteer)


def build(settings: Settings) -> LinkingStage:
    del settings  # nothing to configure yet: the lists ship with the package
    return LinkingStage()
