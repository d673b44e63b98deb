"""Trigger words with another sense: farewell to a tournament, a match, an interview,
declining (data/blocked.tsv, data/senses.tsv; #4). Hand-written sentences, entities by hand
(the helpers of test_triggers_endings)."""

from __future__ import annotations

import pytest
from test_triggers_endings import events, types

from marsad.events.lexicon import read_table


def test_farewell_to_a_tournament_is_no_request(stage):
    assert "REQUEST" not in types(stage, "ودّعت فرنسا البطولة بعد خسارتها أمام المغرب.")
    assert "REQUEST" not in types(stage, "ودعت فرنسا منافسات كأس العالم من الدور الأول.")
    # The clitic reading still calls: و + دعت.
    assert "REQUEST" in types(stage, "ودعت فرنسا المغرب إلى استئناف الحوار.")


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال ألفا في مقابلة مع قناة الجزيرة إن بلاده مستعدة للحوار.",
        "وقال ألفا في لقاء مع قناة الجزيرة إن المفاوضات متعثرة.",
        "وأوضح ألفا خلال لقائه مع قناة الجزيرة أن حكومته لن تتراجع.",
        "وأكد ألفا في حوار مع قناة الجزيرة أن الأزمة ستنتهي قريبا.",
    ],
)
def test_an_interview_with_a_channel_is_no_meeting(stage, sentence):
    assert "CONSULT" not in types(stage, sentence)


def test_a_real_meeting_is_still_consult(stage):
    found = events(stage, "التقى ألفا نظيره بيتا في الرباط لبحث التعاون الأمني.")
    assert ("CONSULT", "per:alpha", "per:beta") in found


def test_a_match_between_clubs_is_no_meeting(stage):
    assert "CONSULT" not in types(stage, "التقى الوداد والأهلي في مباراة قوية على ملعب الرباط.")
    assert "CONSULT" not in types(stage, "وحسم الوداد اللقاء أمام الأهلي بهدفين في الشوط الثاني.")


def test_declining_is_no_apology(stage):
    assert "CONCEDE" not in types(stage, "اعتذر ألفا عن عدم حضور الاجتماع مع بيتا.")
    assert "CONCEDE" in types(stage, "اعتذر ألفا لبيتا عن تصريحاته الأخيرة.")


def test_senses_name_triggers_and_fields_that_exist():
    rows = read_table("senses.tsv")
    patterns = {r["pattern"] for r in read_table("triggers.tsv")}
    listed = {r["pattern"] for r in rows if r["kind"] == "trigger"}
    assert listed <= patterns
    fields = {r["field"] for r in rows if r["kind"] == "cue"}
    assert {r["field"] for r in rows if r["kind"] == "trigger"} <= fields
