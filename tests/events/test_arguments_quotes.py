"""Quotation marks and colons in argument search (arguments.resolve_quotes, #4): a quoted
name keeps its party, reported speech and a headline colon start a clause of their own.
Sentences written for these tests; entities placed by string search."""

from __future__ import annotations

from datetime import datetime

import pytest
from event_articles import place

from marsad.arabic.normalise import normalize
from marsad.arabic.tokenise import tokenize
from marsad.document import Article, Entity, Event
from marsad.events.arguments import load_markers
from marsad.events.lexicon import read_table, word_forms
from marsad.events.stage import EventStage

ENTITIES = {
    "per:alpha": Entity("per:alpha", "Alpha", "PER", country="FRA", sector="GOV"),
    "per:beta": Entity("per:beta", "Beta", "PER", country="MAR", sector="GOV"),
    "org:nour": Entity("org:nour", "النور", "ORG", country="MAR", sector="BUS"),
    "org:najm": Entity("org:najm", "النجم", "ORG", country="MAR", sector="PTY"),
}
SPOTS = {"ألفا": "per:alpha", "بيتا": "per:beta", "النور": "org:nour", "النجم": "org:najm"}


def events_of(
    stage: EventStage, text: str, title: str | None = None
) -> tuple[Article, list[Event]]:
    art = Article(title=title, paragraphs=[text], published=datetime(2021, 3, 1))
    place(art, SPOTS, ENTITIES)
    art = stage(art)
    return art, art.events


def complements(sentence: str) -> list[str]:
    """The tokens of ``sentence`` the marker table makes clause marks."""
    tokens = tokenize(sentence)
    found = load_markers().find([word_forms(normalize(t.text)) for t in tokens])
    return [tokens[m.start].text for m in found if m.payload == "complement"]


def test_arguments_table_keeps_the_quotation_mark_and_colon_rows() -> None:
    roles = {r["pattern"]: r["role"] for r in read_table("arguments.tsv")}
    assert (roles['"'], roles["«"], roles["»"], roles[":"]) == (
        "quote",
        "quote",
        "quote",
        "complement",
    )


@pytest.mark.parametrize(
    ("sentence", "marks"),
    [
        ('وكتب ألفا: "التقينا أمس"', [":", '"']),  # speech: the opening mark only
        ('التقى ألفا مع "النور" أمس', []),  # a partner's name
        ("التقى ألفا وفدا من حركة «النجم» أمس", []),  # an organisation's name
        ("وكانت «النجم» قد انتقدت بيتا", ["«"]),  # never the closing mark
    ],
)
def test_resolve_quotes_marks_speech_not_names(sentence: str, marks: list[str]) -> None:
    assert complements(sentence) == marks


def test_quoted_name_after_a_partner_marker_keeps_the_recipient(stage: EventStage) -> None:
    _, evs = events_of(stage, 'والتقى ألفا أمس مع "النور" لبحث الاستثمار.')
    assert [(e.type, e.actor, e.recipient) for e in evs] == [("CONSULT", "per:alpha", "org:nour")]


def test_quoted_organisation_name_keeps_the_recipient(stage: EventStage) -> None:
    _, evs = events_of(stage, 'والتقى ألفا أمس وفدا من حزب "النجم" في العاصمة.')
    assert [(e.type, e.actor, e.recipient) for e in evs] == [("CONSULT", "per:alpha", "org:najm")]


def test_quoted_name_before_the_trigger_stays_the_actor(stage: EventStage) -> None:
    _, evs = events_of(stage, "وكانت «النجم» قد انتقدت الوزير بيتا بشدة.")
    assert [(e.type, e.actor, e.recipient) for e in evs] == [("ACCUSE", "org:najm", "per:beta")]


@pytest.mark.parametrize(
    "title",
    [
        "هجوم مسلح على مصرف في المدينة: الشرطة تعتقل ثلاثة مشتبهين",
        "انفجار في العاصمة: الشرطة تغلق الطرق",  # before #4: the police were a side
    ],
)
def test_headline_colon_keeps_the_police_out_of_the_attack(stage: EventStage, title: str) -> None:
    art, evs = events_of(stage, "وقالت مصادر محلية إن الحادث وقع ليلا.", title=title)
    attacks = [e for e in evs if e.type == "ASSAULT" and e.evidence_start == 0]
    assert attacks, "the headline attack is coded"
    for e in attacks:
        sides = [p for p in (e.actor_phrase, e.recipient_phrase) if p is not None]
        assert not any("الشرطة" in art.text[p.start : p.end] for p in sides)


@pytest.mark.parametrize(
    "sentence",
    [
        'وكتب ألفا في بيان: "انتقد بيتا القرار بشدة".',
        'وكتب ألفا في بيان "انتقد بيتا القرار بشدة".',
    ],
)
def test_reported_speech_leaves_the_speaker_out(stage: EventStage, sentence: str) -> None:
    _, evs = events_of(stage, sentence)
    assert [(e.type, e.actor) for e in evs] == [("ACCUSE", "per:beta")]
