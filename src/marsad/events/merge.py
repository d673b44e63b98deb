"""Article-level tidying of events: one event per restatement, contexts per country dyad."""

from __future__ import annotations

from ..document import Article, Event


def side(entity_id: str) -> str:
    """A country and its government are one side (linking ids "iso:MAR", "gov:MAR")."""
    if entity_id.startswith(("iso:", "gov:")):
        return "state:" + entity_id[4:]
    return entity_id


def _parties(ev: Event) -> frozenset[str]:
    return frozenset(side(p) for p in (ev.actor, ev.recipient) if p)


def merge_events(events: list[Event], article: Article) -> list[Event]:
    """Merge restatements, then share contexts along country dyads.

    Two events of one type between the same parties are one event (the article restates
    it); an event naming no party joins the first of its type. One naming only one side
    stays apart: "X thanked" and "X and Y expressed satisfaction" may be different events.
    The merged event keeps the first evidence that names both sides, and the union of aux
    modes and contexts.
    """
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: -len(_parties(e))):
        parties = _parties(ev)
        home = next(
            (k for k in kept if k.type == ev.type and (not parties or parties == _parties(k))),
            None,
        )
        if home is None:
            kept.append(ev)
            continue
        home.contexts = sorted(set(home.contexts) | set(ev.contexts))
        home.aux = sorted(set(home.aux) | set(ev.aux))
        if home.location is None:
            home.location = ev.location
        if ev.evidence_start < home.evidence_start and _parties(ev) == _parties(home):
            home.evidence_start, home.evidence_end = ev.evidence_start, ev.evidence_end
            home.trigger, home.date = ev.trigger, ev.date
            # Unnamed parties are read in the evidence sentence: they move with it.
            home.actor_phrase, home.recipient_phrase = ev.actor_phrase, ev.recipient_phrase
    _share_dyad_contexts(kept, article)
    kept.sort(key=lambda e: (e.evidence_start, e.type))
    return kept


def _dyad(ev: Event, article: Article) -> frozenset[str]:
    countries = set()
    for pid in (ev.actor, ev.recipient):
        ent = article.entity(pid)
        if ent is not None and ent.country:
            countries.add(ent.country)
    return frozenset(countries) if len(countries) == 2 else frozenset()


def _share_dyad_contexts(events: list[Event], article: Article) -> None:
    topics: dict[frozenset[str], set[str]] = {}
    for ev in events:
        dyad = _dyad(ev, article)
        if dyad:
            topics.setdefault(dyad, set()).update(ev.contexts)
    for ev in events:
        dyad = _dyad(ev, article)
        if dyad:
            ev.contexts = sorted(topics[dyad])
