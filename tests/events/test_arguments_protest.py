"""A PROTEST's recipient is whom it is directed at (arguments.protest_target, #4): the party
a cue of data/protest_targets.tsv introduces, never a party merely named near the protest.
Sentences written for these tests; entities placed by string search."""

from __future__ import annotations

import pytest
from event_articles import coded_event

from marsad.document import Article, Entity, Event
from marsad.events.arguments import TARGET_GAPS, TargetTable
from marsad.events.lexicon import read_table
from marsad.events.stage import EventStage

ENTITIES = {
    "loc:fra": Entity("loc:fra", "فرنسا", "LOC", country="FRA"),
    "per:alpha": Entity("per:alpha", "Alpha", "PER", country="MAR", sector="GOV"),
    "org:najm": Entity("org:najm", "النجم", "ORG", country="MAR", sector="PTY"),
}
SPOTS = {"الفرنسية": "loc:fra", "فرنسا": "loc:fra", "ألفا": "per:alpha", "النجم": "org:najm"}


def protest(stage: EventStage, text: str) -> tuple[Article, Event]:
    return coded_event(stage, text, "PROTEST", SPOTS, ENTITIES)


def phrase_text(art: Article, event: Event) -> str | None:
    p = event.recipient_phrase
    return art.text[p.start : p.end] if p is not None else None


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # An embassy with its country's adjective stands for the country; the first cue
        # after the trigger decides.
        ("تظاهر آلاف الطلاب أمام السفارة الفرنسية احتجاجا على قرار الحكومة", "loc:fra"),
        ("خرج آلاف المحتجين إلى الشوارع ضد ألفا", "per:alpha"),
        # The object of a verb of demanding is whom the demand is made of.
        ("تظاهر آلاف الطلاب في العاصمة مطالبين ألفا بالاستقالة", "per:alpha"),
        # A grievance that is itself an event (a visit) still names its author.
        ("تظاهر المئات في المدينة تنديدا بزيارة ألفا", "per:alpha"),
        ("تظاهر الآلاف في العاصمة ورددوا شعارات مناهضة لفرنسا", "loc:fra"),
        # A title in construct before the name: the name is the party.
        ("تظاهر آلاف العمال في العاصمة مطالبين رئيس الوزراء ألفا بالرحيل", "per:alpha"),
    ],
)
def test_a_cue_names_the_party_protested_against(
    stage: EventStage, text: str, recipient: str
) -> None:
    _, event = protest(stage, text)
    assert event.recipient == recipient
    assert event.actor != recipient  # the target is no protester


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("تظاهر مئات العمال في العاصمة ضد الرئيس", "الرئيس", "GOV"),
        ("خرج آلاف المتظاهرين في شوارع المدينة مطالبين باستقالة الحكومة", "الحكومة", "GOV"),
        ("نظم المعارضون اعتصاما أمام مقر الحكومة للمطالبة بالإصلاح", "الحكومة", "GOV"),
    ],
)
def test_an_unnamed_authority_after_a_cue_is_the_recipient_phrase(
    stage: EventStage, text: str, phrase: str, sector: str
) -> None:
    art, event = protest(stage, text)
    assert event.recipient is None
    assert phrase_text(art, event) == phrase
    assert event.recipient_phrase is not None and event.recipient_phrase.sector == sector


@pytest.mark.parametrize(
    "text",
    [
        # No cue: the party named near the protest is no recipient.
        "تظاهر آلاف من أنصار النجم في وسط العاصمة",
        # The cue is beyond the trigger's clause window (AFTER_WINDOW words).
        "تظاهر آلاف الطلاب في ساحة الجامعة يوم الأحد الماضي بعد انتهاء الامتحانات النهائية"
        " للفصل الدراسي الأول ثم رددوا أغاني وطنية كثيرة وقصائد قديمة في الساحة الكبيرة"
        " ضد ألفا",
        # The cue belongs to a reported clause of another speaker.
        "تظاهر المئات في الساحة أمس، وقال ألفا إن الحكومة ضد النجم",
        # What is demanded ("بالإفراج عن"), not whom it is demanded of.
        "تظاهر المئات في الساحة مطالبين بالإفراج عن ألفا",
        # The possessor of a verbal noun of harm is its victim, not the target.
        "تظاهر آلاف الطلاب في العاصمة احتجاجا على اعتقال ألفا",
        # An ousting before the trigger is no demand of the protest.
        "بعد إقالة ألفا تظاهر آلاف الطلاب في العاصمة",
        # A bare embassy says whose it is not.
        "تظاهر آلاف الطلاب أمام السفارة",
        # "المعارضة" without ل is the opposition itself, not what it opposes.
        "تظاهرت المعارضة الفرنسية في الساحة",
    ],
)
def test_no_recipient_without_a_cue_in_the_clause(stage: EventStage, text: str) -> None:
    art, event = protest(stage, text)
    assert event.recipient is None
    assert phrase_text(art, event) is None


def test_target_table_kinds_and_sectors() -> None:
    table = TargetTable.load()
    assert table.cues.find([("ضد",)])[0].payload == "against"
    rows = read_table("protest_targets.tsv")
    assert {r["kind"] for r in rows} == {*TARGET_GAPS, "authority", "author"}
    assert all(r["sector"] for r in rows if r["kind"] == "authority")


def test_armed_police_before_a_protest_are_not_its_actor(stage: EventStage) -> None:
    _art, event = protest(stage, "انتشار ألفي شرطي قبل مظاهرات مناهضة لألفا")
    assert event.recipient == "per:alpha"
    assert event.actor_phrase is None or event.actor_phrase.sector not in ("COP", "MIL")
