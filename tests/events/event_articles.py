"""Articles built by hand, with mentions and entities placed by string search."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from marsad.document import Article, Entity, Event, Mention

ENTITIES = {
    "per:alpha": Entity("per:alpha", "Alpha", "PER", country="FRA", sector="GOV"),
    "per:beta": Entity("per:beta", "Beta", "PER", country="MAR", sector="GOV"),
    "per:gamma": Entity("per:gamma", "Gamma", "PER", country="MAR", sector="GOV"),
    "per:delta": Entity("per:delta", "Delta", "PER", country="MAR", sector="REL"),
    "iso:MAR": Entity("iso:MAR", "المغرب", "LOC", country="MAR"),
    "iso:FRA": Entity("iso:FRA", "فرنسا", "LOC", country="FRA"),
    "org:gov-mar": Entity("org:gov-mar", "الحكومة المغربية", "ORG", country="MAR", sector="GOV"),
    "geo:rabat": Entity("geo:rabat", "الرباط", "LOC", country="MAR", geonames_id=2538475),
    "geo:cairo": Entity("geo:cairo", "القاهرة", "LOC", country="EGY", geonames_id=360630),
}


def make_article(
    paragraphs: list[str],
    spots: list[tuple[str, str, str]],
    *,
    title: str | None = None,
    published: datetime | None = datetime(2020, 10, 16),
) -> Article:
    """``spots`` = (surface, entity id, mention type); every occurrence becomes a mention."""
    art = Article(title=title, paragraphs=paragraphs, published=published)
    return place(art, {surface: eid for surface, eid, _ in spots}, ENTITIES, types=spots)


def place(
    art: Article,
    spots: dict[str, str],
    entities: dict[str, Entity],
    *,
    types: list[tuple[str, str, str]] | None = None,
) -> Article:
    """Every whole-word occurrence in ``art.text`` of a surface of ``spots`` (surface ->
    entity id) becomes a mention of that entity (its type, or the one ``types`` gives the
    surface); the entities mentioned become ``art.entities``."""
    typ = {surface: t for surface, _, t in types or []}
    used = set()
    for surface, eid in spots.items():
        # Whole words only: "المغرب" must not match inside "المغربية"; a clitic before a
        # surface may stay ("وبيتا").
        for m in re.finditer(re.escape(surface) + r"(?![\u0621-\u064a])", art.text):
            kind = typ.get(surface, entities[eid].type)
            art.mentions.append(Mention(m.start(), m.end(), kind, entity_id=eid))
            used.add(eid)
    art.mentions.sort(key=lambda m: m.start)
    art.entities = [entities[e] for e in sorted(used)]
    return art


def coded_event(
    stage: Callable[[Article], Article],
    text: str,
    typ: str,
    spots: dict[str, str],
    entities: dict[str, Entity],
) -> tuple[Article, Event]:
    """The one event of type ``typ`` the stage codes from a hand-written sentence (with
    ``spots`` placed: see place), and its article."""
    art = stage(place(Article(paragraphs=[text], published=datetime(2021, 3, 1)), spots, entities))
    events = [e for e in art.events if e.type == typ]
    assert len(events) == 1, art.events
    return art, events[0]
