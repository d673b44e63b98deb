"""Clauses of a trigger's sentence that are not its own (#4, sides round 2): a coordinate
clause after it ("، وقال فلان"، "، وكان"، "، والذي") has its own parties, and a trigger right
after a relative pronoun has the named antecedent as subject ("فلان الذي زار"). Sentences
written for these tests."""

from __future__ import annotations

import pytest
from event_articles import coded_event

from marsad.document import Entity, Event
from marsad.events.sentence import view
from marsad.events.sides import SideWords, _object_pronoun
from marsad.events.stage import EventStage

ENTITIES = {
    "per:alpha": Entity("per:alpha", "ألفا", "PER", country="FRA", sector="GOV"),
    "per:beta": Entity("per:beta", "بيتا", "PER", country="MAR", sector="GOV"),
    "per:gamma": Entity("per:gamma", "جاما", "PER", country="EGY", sector="GOV"),
    "iso:EGY": Entity("iso:EGY", "مصر", "LOC", country="EGY"),
}
SPOTS = {"ألفا": "per:alpha", "بيتا": "per:beta", "جاما": "per:gamma", "مصر": "iso:EGY"}


def coded(stage: EventStage, text: str, typ: str) -> Event:
    """The one event of type ``typ`` coded from a hand-written sentence (``stage``: the
    session fixture of conftest.py)."""
    return coded_event(stage, text, typ, SPOTS, ENTITIES)[1]


@pytest.mark.parametrize(
    "text",
    [
        "أشاد ألفا بالمبادرة، وقال بيتا إن الوقت مناسب.",
        "أشاد ألفا بالمبادرة، وكان بيتا حاضرا.",
        "أشاد ألفا بالمبادرة، والتي أعدها بيتا.",
    ],
)
def test_sides_coordinate_clause_parties_are_not_recipients(stage: EventStage, text: str) -> None:
    ev = coded(stage, text, "SUPPORT")
    assert (ev.actor, ev.recipient) == ("per:alpha", None)


def test_sides_coordinate_clause_subject_is_not_the_meeting_guest(stage: EventStage) -> None:
    ev = coded(stage, "التقى ألفا أمس، وأكد بيتا أن اللقاء مثمر.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", None)


def test_sides_coordinate_clause_after_the_object_keeps_it(stage: EventStage) -> None:
    ev = coded(stage, "التقى ألفا بيتا، وأكد أن اللقاء مثمر.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")


@pytest.mark.parametrize(
    "text",
    [
        # No comma: "و" joins a party, not a clause.
        "أشاد ألفا بالمبادرة وبيتا.",
        # A comma, then "و" on a title: coordination of parties, no clause word.
        "أشاد ألفا بالمبادرة، ووزير الخارجية بيتا.",
    ],
)
def test_sides_coordinated_party_is_no_new_clause(stage: EventStage, text: str) -> None:
    ev = coded(stage, text, "SUPPORT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")


def test_sides_new_clauses_need_comma_and_clause_word(stage: EventStage) -> None:
    text = "زار ألفا المدينة، وقال إنه سعيد وكان هناك، ووزير آخر"
    v = view(text, 0, len(text), stage.lexicons, stage.words)
    words = [v.tokens[k].text for k in SideWords.load().new_clauses(v)]
    assert words == ["وقال"]


@pytest.mark.parametrize(
    "text",
    [
        "تحدث ألفا عن بيتا الذي زار مصر الأسبوع الماضي.",
        "تحدث ألفا عن بيتا، الذي زار مصر الأسبوع الماضي.",
    ],
)
def test_sides_relative_pronoun_antecedent_is_the_subject(stage: EventStage, text: str) -> None:
    ev = coded(stage, text, "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:beta", "iso:EGY")


def test_sides_relative_after_an_office_keeps_the_main_subject(stage: EventStage) -> None:
    # The adviser visited, not the president his title names.
    text = "تحدث ألفا عن مستشار للرئيس بيتا الذي زار مصر الأسبوع الماضي."
    assert coded(stage, text, "CONSULT").actor != "per:beta"


def test_sides_relative_with_unnamed_antecedent_changes_nothing(stage: EventStage) -> None:
    ev = coded(stage, "تحدث ألفا عن الوفد الذي زار مصر الأسبوع الماضي.", "CONSULT")
    assert ev.recipient == "iso:EGY" and ev.actor != "iso:EGY"


def test_sides_object_pronoun_on_a_verb() -> None:
    assert _object_pronoun("تنتقده") and _object_pronoun("تتهمها") and _object_pronoun("استقبلهم")
    assert not _object_pronoun("نبه") and not _object_pronoun("اتجه") and not _object_pronoun("زار")
