"""Who did what to whom, where: actor, recipient and location of a trigger in a sentence.

Parties are the linked mentions (PER, ORG, countries) of the sentence. The actor is the
first party of the trigger's clause before it (Arabic SVO: "الرباط وباريس عازمتان على
تعزيز ..."), else the first party after it (VSO: "أجرى الوزير مباحثات مع ..."). The
recipient is the party a marker introduces ("مع"، "ل"، "الى") or the party coordinated with
the actor. Companions ("مرفوقا بـ") are no side. The location is a place mention that is not
a country.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Article, Entity, Mention
from .lexicon import PhraseTable, read_table
from .sentence import SentenceView

_TO_RECIPIENT = frozenset({"recipient", "ل", "ب"})
_TO_PLACE = frozenset({"place", "ب"})


@dataclass(frozen=True, slots=True)
class Party:
    """A linked mention in a sentence: its first/last token, entity, and the marker (a
    word role from arguments.tsv, or "ل"/"ب" when the clitic is attached) before it."""

    first: int
    last: int
    entity: Entity
    marker: str | None


@dataclass(frozen=True, slots=True)
class Arguments:
    actor: Entity | None
    recipient: Entity | None
    location: Entity | None


def load_markers() -> PhraseTable[str]:
    return PhraseTable([(r["pattern"], r["role"]) for r in read_table("arguments.tsv")])


def is_country(entity: Entity) -> bool:
    """A LOC entity that names a country (no GeoNames place id, a country code)."""
    return entity.type == "LOC" and entity.geonames_id is None and entity.country is not None


def sentence_parties(
    view: SentenceView, article: Article, mentions: list[Mention]
) -> tuple[list[Party], list[Party]]:
    """(parties, places) of the sentence, in text order (``view`` built with the markers)."""
    roles: dict[int, str] = {m.start: m.payload for m in view.markers}
    parties: list[Party] = []
    places: list[Party] = []
    text = article.text
    for m in mentions:
        ent = article.entity(m.entity_id)
        first, last = view.token_at(m.start), view.token_at(m.end - 1)
        if ent is None or first is None or last is None:
            continue
        tok = view.tokens[first]
        attached = text[view.start + tok.start : m.start]
        marker = roles.get(first - 1)
        if not attached and tok.text.startswith(("لل", "ول")):
            attached = tok.text[:2]  # the mention took its clitics along ("للحكومة")
        if attached.endswith(("ل", "لل")) or attached.startswith("ل"):
            marker = "ل"
        elif attached.startswith(("ب", "وب")):
            marker = "ب"
        party = Party(first, last, ent, marker)
        if ent.type == "LOC" and not is_country(ent):
            places.append(party)
        elif ent.type in ("PER", "ORG", "LOC"):
            parties.append(party)
    # The first party after "مرفوقا بـ" travels with the actor: it is no side of the event.
    companions = set()
    for i, role in roles.items():
        if role == "companion":
            follower = next((p for p in parties if p.first > i), None)
            if follower is not None:
                companions.add(follower.first)
    kept = [p for p in parties if p.first not in companions]
    return kept, places


def find_arguments(
    view: SentenceView,
    trigger: tuple[int, int],
    parties: list[Party],
    places: list[Party],
    complements: set[int],
) -> Arguments:
    """Actor, recipient and location for the trigger spanning words ``[start, end)``."""
    start, end = trigger
    clause = max((i + 1 for i in complements if i < start), default=0)
    before = [p for p in parties if clause <= p.last < start]
    if not before:
        before = [p for p in parties if p.last < start]
    # After the trigger, a new reported clause ("مؤكدا أن فرنسا ...") has its own parties.
    stop = min((i for i in complements if i >= end), default=len(view.tokens))
    after = [p for p in parties if end <= p.first < stop]
    actor: Party | None = before[0] if before else (after[0] if after else None)
    rest = [p for p in (*before, *after) if actor is None or p.entity.id != actor.entity.id]
    marked = [p for p in rest if p.marker in _TO_RECIPIENT and p.first >= end]
    recipient = marked[0] if marked else (rest[0] if rest else None)
    location = _location(places)
    return Arguments(
        actor.entity if actor else None,
        recipient.entity if recipient else None,
        location,
    )


def _location(places: list[Party]) -> Entity | None:
    """A place the sentence puts the event in ("بالرباط"، "في باريس"), else its first place."""
    for p in places:
        if p.marker in _TO_PLACE:
            return p.entity
    return places[0].entity if places else None
