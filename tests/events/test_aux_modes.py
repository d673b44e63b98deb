"""Events that did not happen (#4): a negation, condition or wish before the trigger in its
clause marks the event with a PLOVER auxiliary mode (data/aux.tsv); a film's or series' plot
codes no event (data/fiction.tsv). Hand-written sentences, entities by hand (the helpers of
test_triggers_endings)."""

from __future__ import annotations

import pytest
from test_triggers_endings import article

from marsad.events.lexicon import read_table
from marsad.events.sentence import view
from marsad.events.stage import EventStage


def coded(stage: EventStage, sentence: str) -> dict[str, tuple[str | None, str | None, list[str]]]:
    return {e.type: (e.actor, e.recipient, e.aux) for e in stage(article(sentence)).events}


def test_a_plain_meeting_has_no_aux(stage):
    found = coded(stage, "التقى ألفا نظيره بيتا في الرباط لبحث التعاون الأمني.")
    assert found["CONSULT"] == ("per:alpha", "per:beta", [])


@pytest.mark.parametrize(
    "sentence",
    [
        "لم يلتق ألفا بيتا في الرباط أمس.",
        "ولم يجتمع ألفا مع بيتا منذ سنوات.",
        "وقال ألفا إن الحوار مع المغرب لا يعني تأييد بيتا.",
    ],
)
def test_a_negated_event_is_kept_with_aux_negation(stage, sentence):
    found = coded(stage, sentence)
    assert found and all("negation" in aux for _, _, aux in found.values())


def test_negation_in_another_clause_does_not_govern(stage):
    found = coded(stage, "لم يتأخر الوفد، والتقى ألفا بيتا في الرباط.")
    assert "negation" not in found["CONSULT"][2]


@pytest.mark.parametrize(
    "sentence",
    [
        "وكان ألفا قد استقبل بيتا في الرباط، لا سيما لقاء ألفا بيتا في المغرب.",
        "وبحث ألفا ملفات عدة ولا سيما زيارة بيتا إلى الرباط.",
        "منذ وقت ليس ببعيد زار ألفا الرباط والتقى بيتا.",
    ],
)
def test_la_siyyama_and_not_long_ago_are_no_negation(stage, sentence):
    found = coded(stage, sentence)
    assert "CONSULT" in found
    assert all("negation" not in aux for _, _, aux in found.values())


def test_a_condition_is_hypothetical(stage):
    found = coded(stage, "إذا التقى ألفا بيتا في الرباط فسيبحثان ملف الهجرة.")
    assert "hypothetical" in found["CONSULT"][2]


def test_a_hope_is_hypothetical_not_an_agreement(stage):
    found = coded(stage, "يأمل ألفا أن يلتقي بيتا في الرباط.")
    assert "hypothetical" in found["CONSULT"][2]
    assert "AGREE" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "وتدور أحداث المسلسل حول وزير يدعى ألفا يلتقي بيتا في الرباط.",
        "يجسد ألفا في الفيلم شخصية سفير يرفض مقابلة بيتا.",
        "التقى ألفا بيتا في الرباط في المسلسل الذي عرض العام الماضي.",
    ],
)
def test_a_plot_codes_no_event(stage, sentence):
    assert coded(stage, sentence) == {}


def test_embodies_is_no_plot(stage):
    found = coded(stage, "التقى ألفا بيتا في الرباط، وهو ما يجسد عمق العلاقات.")
    assert "CONSULT" in found


def test_cue_tables_name_known_aux_modes():
    modes = {r["aux"] for r in read_table("aux.tsv")}
    assert modes <= {"future", "intent", "negation", "hypothetical", "historical"}
    assert read_table("fiction.tsv")


def test_new_cues_stay_out_of_the_sentence_model(stage):
    """Cues the PROTEST/ASSAULT model was not trained with (model=no) are not seen beside
    its triggers, nor where they govern no trigger; the model's own cues always are."""
    lex = stage.lexicons

    def cues(sentence: str) -> list[tuple[str, bool]]:
        v = view(sentence, 0, len(sentence), lex)
        return [(c.payload.aux, c.payload.model) for c in v.cues]

    assert ("negation", False) in cues("ولم يلتق ألفا بيتا في الرباط.")
    assert cues("ولم يتظاهر الطلاب أمام البرلمان أمس.") == []
    assert cues("ولم يتأخر الوفد، والتقى ألفا بيتا.") == []
    assert ("negation", True) in cues("لم يتظاهر الطلاب أمام البرلمان أمس.")
