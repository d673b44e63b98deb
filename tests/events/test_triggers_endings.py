"""Trigger patterns whose wildcard takes only inflections ("+"): adjectives and names built
on a trigger stem are no triggers (#4). Hand-written sentences, entities by hand."""

from __future__ import annotations

import re

from marsad.arabic.normalise import normalize
from marsad.document import Article, Entity, Mention
from marsad.events.lexicon import PhraseTable, ending_ok, word_forms
from marsad.events.stage import EventStage

ENTITIES = [
    Entity("per:alpha", "Alpha", "PER", country="FRA", sector="GOV"),
    Entity("per:beta", "Beta", "PER", country="MAR", sector="GOV"),
    Entity("per:composer", "زياد الرحباني", "PER", country="LBN"),
    Entity("per:singer", "سلمى", "PER", country="LBN"),
    Entity("org:channel", "قناة الجزيرة", "ORG", country="QAT", sector="MED"),
    Entity("org:club-a", "الوداد", "ORG", country="MAR"),
    Entity("org:club-b", "الأهلي", "ORG", country="EGY"),
    Entity("iso:FRA", "فرنسا", "LOC", country="FRA"),
    Entity("iso:MAR", "المغرب", "LOC", country="MAR"),
    Entity("geo:rabat", "الرباط", "LOC", country="MAR", geonames_id=2538475),
]
SURFACES = {
    "ألفا": "per:alpha",
    "بيتا": "per:beta",
    "زياد الرحباني": "per:composer",
    "الرحباني": "per:composer",
    "سلمى": "per:singer",
    "قناة الجزيرة": "org:channel",
    "الوداد": "org:club-a",
    "الأهلي": "org:club-b",
    "فرنسا": "iso:FRA",
    "المغرب": "iso:MAR",
    "الرباط": "geo:rabat",
}


def events(stage: EventStage, sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.actor, e.recipient) for e in stage(article(sentence)).events]


def article(sentence: str) -> Article:
    """A one-sentence article with the SURFACES linked as mentions."""
    art = Article(title=None, paragraphs=[sentence])
    taken: set[int] = set()
    # Longest surface first; whole words only ("المغرب" not inside "المغربية").
    for surface in sorted(SURFACES, key=len, reverse=True):
        eid = SURFACES[surface]
        typ = next(e.type for e in ENTITIES if e.id == eid)
        for m in re.finditer(re.escape(surface) + r"(?![\u0621-\u064a])", art.text):
            if not taken.intersection(range(m.start(), m.end())):
                art.mentions.append(Mention(m.start(), m.end(), typ, entity_id=eid))
                taken.update(range(m.start(), m.end()))
    art.mentions.sort(key=lambda m: m.start)
    art.entities = list(ENTITIES)
    return art


def types(stage: EventStage, sentence: str) -> set[str]:
    return {t for t, _, _ in events(stage, sentence)}


def test_inflection_pattern_skips_adjectives_and_names():
    table = PhraseTable([("رحب+", "W"), ("بحث+", "T"), ("نوه+", "P")])

    def hits(word: str) -> list[str]:
        return [m.payload for m in table.find([word_forms(normalize(word))])]

    assert hits("الرحباني") == [] and hits("والرحبانية") == []
    assert hits("البحثية") == [] and hits("البحثي") == []
    assert hits("نوهانوفيتش") == []  # a foreign name, not an ending of نوه
    assert hits("رحبت") == ["W"] and hits("ورحبوا") == ["W"] and hits("لبحث") == ["T"]


def test_bare_ya_is_a_possessive_unless_the_word_has_the_article():
    assert ending_ok("ي", "زيارتي", ("زيارتي",))
    assert not ending_ok("ي", "بحثي", ("البحثي", "بحثي"))


def test_star_pattern_still_takes_any_ending():
    # قتلى normalises to قتلي: ASSAULT keeps "*" so the casualties still match.
    table = PhraseTable([("قتل*", "A")])
    assert [m.payload for m in table.find([word_forms(normalize("القتلى"))])] == ["A"]


def test_family_name_on_a_welcome_stem_is_no_trigger(stage):
    assert "SUPPORT" not in types(stage, "أصدر الملحن زياد الرحباني ألبوما جديدا مع سلمى.")
    assert "SUPPORT" in types(stage, "رحب ألفا بمبادرة بيتا.")
