"""Behaviour of the events stage on hand-written sentences (entities by hand)."""

from datetime import datetime

from event_articles import make_article

from marsad.events.stage import EventStage

SPOTS = [
    ("ألفا", "per:alpha", "PER"),
    ("بيتا", "per:beta", "PER"),
    ("غاما", "per:gamma", "PER"),
    ("دلتا", "per:delta", "PER"),
    ("المغرب", "iso:MAR", "LOC"),
    ("فرنسا", "iso:FRA", "LOC"),
    ("الحكومة المغربية", "org:gov-mar", "ORG"),
    ("الرباط", "geo:rabat", "LOC"),
    ("القاهرة", "geo:cairo", "LOC"),
]


def events_of(stage: EventStage, *paragraphs: str, **kw):  # type: ignore[no-untyped-def]
    art = make_article(list(paragraphs), SPOTS, **kw)
    return stage(art).events


def test_consult_in_host_country_is_a_visit_by_the_foreigner(stage):
    (ev,) = events_of(stage, "أعلنت الوزارة أن الوزير بيتا التقى نظيره ألفا بالرباط.")
    assert (ev.type, ev.mode, ev.actor, ev.recipient, ev.location) == (
        "CONSULT",
        "visit",
        "per:alpha",
        "per:beta",
        "geo:rabat",
    )


def test_hosting_verb_makes_the_guest_the_actor(stage):
    (ev,) = events_of(stage, "استقبل بيتا الوزير ألفا في مكتبه.")
    assert (ev.type, ev.mode, ev.actor, ev.recipient) == (
        "CONSULT",
        "visit",
        "per:alpha",
        "per:beta",
    )


def test_companion_is_not_a_side(stage):
    (ev,) = events_of(stage, "وقالت الوزارة إن بيتا مرفوقا بالمستشار غاما وألفا عقدا لقاء مطولا.")
    assert {ev.actor, ev.recipient} == {"per:alpha", "per:beta"}


def test_intended_cooperation_is_agree_with_intent_and_contexts(stage):
    (ev,) = events_of(
        stage, "وأكد البيان أن المغرب وفرنسا عازمان على تعزيز التعاون لمحاربة الإرهاب والمخدرات."
    )
    assert (ev.type, ev.actor, ev.recipient) == ("AGREE", "iso:MAR", "iso:FRA")
    assert "intent" in ev.aux
    assert {"terrorism", "illegal_drugs"} <= set(ev.contexts)


def test_thanks_to_a_government_is_support_with_marked_recipient(stage):
    (ev,) = events_of(stage, "ووجه ألفا الشكر إلى الحكومة المغربية على جهودها.")
    assert (ev.type, ev.actor, ev.recipient) == ("SUPPORT", "per:alpha", "org:gov-mar")


def test_negated_meeting_keeps_type_and_marks_negation(stage):
    (ev,) = events_of(stage, "وقال مصدر إن ألفا لم يلتق بيتا.")
    assert ev.type == "CONSULT" and "negation" in ev.aux


def test_future_prefix_turns_a_visit_into_agree(stage):
    (ev,) = events_of(stage, "ألفا سيزور المغرب.")
    assert ev.type == "AGREE" and "future" in ev.aux


def test_topic_of_talks_is_not_a_second_event(stage):
    evs = events_of(stage, "ألفا وبيتا يبحثان تعزيز التعاون.")
    assert [e.type for e in evs] == ["CONSULT"]


def test_restatements_merge_and_dyads_share_contexts(stage):
    evs = events_of(
        stage,
        "التقى ألفا بيتا لبحث مكافحة الإرهاب.",
        "وأجرى ألفا مباحثات مع بيتا حول الهجرة.",
    )
    (ev,) = evs
    assert ev.evidence_start == 0
    assert {"terrorism", "migration"} <= set(ev.contexts)


def test_date_resolves_yesterday_against_published(stage):
    (ev,) = events_of(stage, "التقى ألفا أمس بيتا.", published=datetime(2020, 10, 16))
    assert ev.date == "2020-10-15"


def test_sentence_without_trigger_gives_no_event(stage):
    assert events_of(stage, "ألفا وبيتا في الرباط منذ الصباح، والطقس معتدل.") == []


def test_evidence_offsets_index_article_text(stage):
    art = make_article(["مقدمة قصيرة.", "التقى ألفا بيتا."], SPOTS, title="عنوان")
    (ev,) = stage(art).events
    assert art.text[ev.evidence_start : ev.evidence_end] == "التقى ألفا بيتا."


def test_rule_event_needs_a_linked_party(stage):
    assert events_of(stage, "وجرى خلال الزيارة بحث ملفات كثيرة.") == []


def test_weak_trigger_needs_both_sides(stage):
    assert events_of(stage, "وبحث ألفا الخطة.") == []  # weight 0.5, one side
    (ev,) = events_of(stage, "وبحث ألفا مع بيتا الخطة.")
    assert ev.type == "CONSULT" and {ev.actor, ev.recipient} == {"per:alpha", "per:beta"}


def test_blocked_phrase_cancels_its_trigger(stage):
    assert events_of(stage, "ورفض ألفا التعليق على تصريحات بيتا.") == []


def test_protest_needs_no_named_party(stage):
    (ev,) = events_of(stage, "تظاهر آلاف الطلاب أمس في العاصمة احتجاجا على رفع الرسوم.")
    assert ev.type == "PROTEST" and ev.actor is None


def test_event_years_before_the_article_is_historical(stage):
    (ev,) = events_of(stage, "التقى ألفا بيتا في عام 2003.", published=datetime(2020, 10, 16))
    assert "historical" in ev.aux and ev.date is None


def test_verbal_noun_trigger_takes_its_object_as_recipient(stage):
    (ev,) = events_of(stage, "وجرى اعتقال دلتا على يد عناصر تابعين لغاما أمس.")
    assert (ev.type, ev.actor, ev.recipient) == ("COERCE", None, "per:delta")
    (ev,) = events_of(stage, "وجرى اعتقال دلتا على يد غاما أمس.")
    assert (ev.type, ev.actor, ev.recipient) == ("COERCE", "per:gamma", "per:delta")


def test_unmarked_government_phrase_stands_for_the_country(stage):
    spots = [("ألفا", "per:alpha", "PER"), ("المغرب", "iso:MAR", "LOC")]
    art = make_article(["زار ألفا المغرب.", "ووجه ألفا الشكر للحكومة المغربية على جهودها."], spots)
    support = [e for e in stage(art).events if e.type == "SUPPORT"]
    assert [(e.actor, e.recipient) for e in support] == [("per:alpha", "iso:MAR")]


def test_unmarked_place_is_not_the_location(stage):
    (ev,) = events_of(stage, "التقى ألفا بيتا بعد عودته من القاهرة.")
    assert ev.location is None


def test_reporting_source_is_no_side(stage):
    (ev,) = events_of(stage, "وحسب بيتا، التقى ألفا الوزير دلتا أمس.")
    assert {ev.actor, ev.recipient} == {"per:alpha", "per:delta"}


def test_speaker_before_reported_clause_is_no_side(stage):
    assert events_of(stage, "وقال ألفا إن اللقاء كان مثمرا.") == []


def test_lifting_sanctions_is_concede_not_sanction(stage):
    evs = events_of(stage, "وقررت فرنسا رفع العقوبات عن المغرب.")
    assert [e.type for e in evs] == ["CONCEDE"]


def test_parties_after_the_next_trigger_belong_to_it(stage):
    evs = events_of(stage, "وخلال زيارته الأخيرة انتقد ألفا بشدة الوزير بيتا.")
    assert [(e.type, e.actor, e.recipient) for e in evs] == [("ACCUSE", "per:alpha", "per:beta")]


def test_taking_pictures_is_not_a_meeting(stage):
    assert events_of(stage, "وظهر ألفا وهو يلتقط الصور مع بيتا.") == []


def test_country_after_fi_is_the_location_not_a_side(stage):
    (ev,) = events_of(stage, "التقى بيتا الوزير ألفا في المغرب.")
    assert (ev.actor, ev.recipient, ev.location, ev.mode) == (
        "per:alpha",
        "per:beta",
        "iso:MAR",
        "visit",
    )


def test_quoted_speech_starts_a_reported_clause(stage):
    evs = events_of(stage, "وأضاف ألفا «بيتا انتقد القرار بشدة».")
    assert [(e.type, e.actor) for e in evs] == [("ACCUSE", "per:beta")]


def test_the_actors_own_country_is_no_recipient(stage):
    (ev,) = events_of(stage, "التقى ألفا رئيس فرنسا الوزير بيتا أمس.")
    assert (ev.type, ev.actor, ev.recipient) == ("CONSULT", "per:alpha", "per:beta")
    (ev,) = events_of(stage, "وكان ألفا رئيس فرنسا قد قبل دعوة لزيارة القاهرة.")
    assert ev.recipient != "iso:FRA"
