"""Seed acceptance (issue #4): the events of the seed page.

The page is read through the scraped-text extractor. ``test_seed_events_from_names`` places
the names by string search (standing in for NER) and runs the real linking and events stages,
so it checks the event coding alone; ``test_seed_events_full_pipeline`` runs the shipped
pipeline end to end once an NER model is installed.
"""

from __future__ import annotations

import re
from pathlib import Path

from marsad.document import Article, Event, Failure, Mention
from marsad.factory import build_stage, load_pipeline
from marsad.settings import Settings
from marsad.sources import iter_pages

NAMES = [
    ("جيرالد دارمانان", "PER"),
    ("دارمانان", "PER"),
    ("درامانان", "PER"),
    ("عبد الوافي لفتيت", "PER"),
    ("نور الدين بوطيب", "PER"),
    ("أحمد التوفيق", "PER"),
    ("ناصر بوريطة", "PER"),
    ("المغرب", "LOC"),
    ("فرنسا", "LOC"),
    ("الرباط", "LOC"),
    ("باريس", "LOC"),
    ("للحكومة المغربية", "ORG"),  # NER trained on ANERcorp keeps glued prepositions
    ("الحكومة المغربية", "ORG"),
    ("وزارة الداخلية المغربية", "ORG"),
]


def _extract(seed_path: Path) -> Article:
    (art,) = load_pipeline(Settings(), stages=()).run(iter_pages([seed_path]))
    assert not isinstance(art, Failure)
    return art


def _place_names(art: Article) -> None:
    text, taken = art.text, []
    for name, typ in NAMES:
        for m in re.finditer(re.escape(name) + r"(?![\u0621-\u064a])", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                art.mentions.append(Mention(m.start(), m.end(), typ))
    art.mentions.sort(key=lambda m: m.start)


def _name(art: Article, entity_id: str | None) -> str:
    ent = art.entity(entity_id)
    return ent.name if ent else ""


def _between(art: Article, ev: Event, a: str, b: str) -> bool:
    names = {_name(art, ev.actor), _name(art, ev.recipient)}
    return any(a in n for n in names) and any(b in n for n in names)


def _check_seed(art: Article) -> None:
    evs = art.events

    def find(typ: str, a: str, b: str) -> Event:
        hits = [e for e in evs if e.type == typ and _between(art, e, a, b)]
        assert hits, (
            f"no {typ} between {a} and {b}: {[(e.type, e.actor, e.recipient) for e in evs]}"
        )
        return hits[0]

    visit = find("CONSULT", "دارمانان", "لفتيت")
    assert visit.mode == "visit" and _name(art, visit.actor).endswith("دارمانان")
    assert "الرباط" in _name(art, visit.location)
    agree = find("AGREE", "المغرب", "فرنسا")
    assert "intent" in agree.aux
    assert {"intelligence", "terrorism", "illegal_drugs", "migration"} <= set(agree.contexts)
    find("CONSULT", "دارمانان", "التوفيق")
    find("CONSULT", "دارمانان", "بوريطة")
    support = [e for e in evs if e.type == "SUPPORT" and _name(art, e.actor).endswith("دارمانان")]
    # ... to the Moroccan government (an ORG of Morocco, however linking names it).
    recipients = [art.entity(e.recipient) for e in support]
    assert any(r is not None and (r.type, r.country) == ("ORG", "MAR") for r in recipients)
    # No event from the chrome: every evidence sentence lies in the article body.
    for ev in evs:
        assert art.text[ev.evidence_start : ev.evidence_end].strip()


def test_seed_events_from_names(seed_path: Path) -> None:
    art = _extract(seed_path)
    _place_names(art)
    for name in ("linking", "events"):
        art = build_stage(name, Settings())(art)
    _check_seed(art)


def test_seed_events_full_pipeline(seed_path: Path) -> None:
    pipeline = load_pipeline(Settings(), stages=("ner", "linking", "events"))
    (art,) = pipeline.run(iter_pages([seed_path]))
    assert not isinstance(art, Failure), art.reason
    _check_seed(art)
    # The five people are five entities, and nobody else is a person ("الوزيران" is not).
    people = {e.id for e in art.entities if e.type == "PER"}
    surnames = ("دارمانان", "لفتيت", "بوطيب", "التوفيق", "بوريطه")
    assert len(people) == 5 and all(any(s in p for p in people) for s in surnames), people
    # Every event party is one of the article's entities.
    ids = {e.id for e in art.entities}
    for ev in art.events:
        assert {ev.actor, ev.recipient} - {None} <= ids
