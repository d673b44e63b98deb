"""Which linked parties are the sides of a rule-coded event (#4, sides): media outlets are
sources, clause words bound the trigger's clause, a marked party after the trigger is its
object, a party "و" joins to the actor is a co-actor in a directed type, and an office
after the actor is no recipient. Sentences written for these tests."""

from __future__ import annotations

from event_articles import coded_event

from marsad.document import Entity, Event
from marsad.events.arguments import SideWords
from marsad.events.stage import EventStage

ENTITIES = {
    "per:alpha": Entity("per:alpha", "ألفا", "PER", country="FRA", sector="GOV"),
    "per:beta": Entity("per:beta", "بيتا", "PER", country="MAR", sector="GOV"),
    "per:gamma": Entity("per:gamma", "جاما", "PER", country="EGY", sector="GOV"),
    "per:walid": Entity("per:walid", "وليد", "PER", country="EGY", sector="GOV"),
    "iso:MAR": Entity("iso:MAR", "المغرب", "LOC", country="MAR"),
    "iso:FRA": Entity("iso:FRA", "فرنسا", "LOC", country="FRA"),
    "org:najm": Entity("org:najm", "النجم", "ORG", country="MAR", sector="BUS"),
    "org:sharq": Entity("org:sharq", "الشرق الأوسط", "ORG"),
    "geo:rabat": Entity("geo:rabat", "الرباط", "LOC", country="MAR", geonames_id=2538475),
}
SPOTS = {
    "ألفا": "per:alpha",
    "بيتا": "per:beta",
    "جاما": "per:gamma",
    "وليد": "per:walid",
    "المغرب": "iso:MAR",
    "فرنسا": "iso:FRA",
    "النجم": "org:najm",
    "الشرق الأوسط": "org:sharq",
    "الرباط": "geo:rabat",
}


def coded(stage: EventStage, text: str, typ: str) -> Event:
    """The one event of type ``typ`` coded from a hand-written sentence (``stage``: the
    session fixture of conftest.py)."""
    return coded_event(stage, text, typ, SPOTS, ENTITIES)[1]


def test_sides_media_noun_makes_a_source_not_the_actor(stage: EventStage) -> None:
    ev = coded(stage, "أشادت صحيفة النجم بجاما في افتتاحيتها.", "SUPPORT")
    assert ev.actor is None and ev.recipient == "per:gamma"


def test_sides_company_noun_keeps_the_organisation_as_actor(stage: EventStage) -> None:
    ev = coded(stage, "أشادت شركة النجم بجاما في بيانها.", "SUPPORT")
    assert (ev.actor, ev.recipient) == ("org:najm", "per:gamma")


def test_sides_known_outlet_name_is_no_side(stage: EventStage) -> None:
    ev = coded(stage, "تحدثت «الشرق الأوسط» عن زيارة ألفا إلى المغرب.", "CONSULT")
    assert ev.actor == "per:alpha" and ev.recipient == "iso:MAR"


def test_sides_outlet_names_are_organisations_only() -> None:
    sides = SideWords.load()
    region = Entity("loc:me", "الشرق الأوسط", "LOC")
    assert sides.is_media(ENTITIES["org:sharq"], None)
    assert not sides.is_media(region, None)
    assert sides.is_media(Entity("org:x", "النهار", "ORG", sector="MED"), None)


def test_sides_clause_word_starts_the_trigger_clause(stage: EventStage) -> None:
    ev = coded(stage, "وصل ألفا إلى الرباط أمس، بينما التقى بيتا جاما في القاهرة.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:beta", "per:gamma")


def test_sides_without_clause_word_the_first_subject_stays(stage: EventStage) -> None:
    ev = coded(stage, "وصل ألفا إلى الرباط أمس والتقى بيتا.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")


def test_sides_marked_party_after_trigger_is_the_object(stage: EventStage) -> None:
    ev = coded(stage, "وعبر عن أمله في إجراء محادثات مع بيتا قريبا.", "CONSULT")
    assert ev.actor is None and ev.recipient == "per:beta"


def test_sides_unmarked_party_after_trigger_is_the_subject(stage: EventStage) -> None:
    ev = coded(stage, "وأجرى ألفا محادثات مع بيتا أمس.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")


def test_sides_coordinated_co_actor_is_no_recipient_of_directed_event(stage: EventStage) -> None:
    ev = coded(stage, "وبعث ألفا، وبيتا برقيات تهنئة بمناسبة العيد.", "SUPPORT")
    assert ev.actor == "per:alpha" and ev.recipient is None


def test_sides_coordinated_party_is_the_other_side_of_joint_event(stage: EventStage) -> None:
    ev = coded(stage, "ألفا وبيتا يبحثان تعزيز التعاون الأمني.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")


def test_sides_uncoordinated_party_before_joint_trigger_is_no_side(stage: EventStage) -> None:
    ev = coded(stage, "ويبدأ ألفا، الذي يشغل منصب نائب بيتا، زيارته اليوم.", "CONSULT")
    assert ev.actor == "per:alpha" and ev.recipient is None


def test_sides_name_beginning_with_waw_is_no_conjunction(stage: EventStage) -> None:
    ev = coded(stage, "وكتب ألفا رسالة إلى الوزير وليد، يطلب فيها دعما للمشروع.", "REQUEST")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:walid")


def test_sides_office_after_actor_is_no_recipient(stage: EventStage) -> None:
    ev = coded(stage, "ودعت ألفا رئيسة النجم المواطنين إلى الهدوء.", "REQUEST")
    assert ev.actor == "per:alpha" and ev.recipient is None


def test_sides_party_after_actor_without_title_is_the_recipient(stage: EventStage) -> None:
    ev = coded(stage, "ودعت ألفا النجم إلى الهدوء.", "REQUEST")
    assert (ev.actor, ev.recipient) == ("per:alpha", "org:najm")


def test_sides_waw_on_a_title_joins_the_name_after_it(stage: EventStage) -> None:
    ev = coded(stage, "وبعث ألفا، ووزير الداخلية بيتا برقيات تهنئة بمناسبة العيد.", "SUPPORT")
    assert ev.actor == "per:alpha" and ev.recipient is None


def test_sides_waw_on_another_noun_joins_no_party(stage: EventStage) -> None:
    text = "وفرضت فرنسا رسوما على واردات الصلب والألمنيوم من المغرب، ويهدد ألفا بمدها."
    ev = coded(stage, text, "THREATEN")
    assert ev.recipient == "iso:MAR"


def test_sides_partner_after_ba_and_title_is_side_of_joint_event(stage: EventStage) -> None:
    text = "قال مكتبه إن ألفا اتصل بالملك بيتا مساء أمس لبحث التعاون الأمني."
    ev = coded(stage, text, "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")


def test_sides_possessive_noun_object_is_the_recipient(stage: EventStage) -> None:
    ev = coded(stage, "وقال في حوار صحفي غداة لقائه بيتا في الرباط إن التعاون متين.", "CONSULT")
    assert ev.actor is None and ev.recipient == "per:beta"


def test_sides_noun_without_pronoun_keeps_its_subject(stage: EventStage) -> None:
    ev = coded(stage, "وجاء لقاء بيتا وجاما بعد أشهر من القطيعة.", "CONSULT")
    assert ev.actor == "per:beta"


def test_sides_hosting_noun_after_fi_has_the_guest_as_pronoun(stage: EventStage) -> None:
    text = "ووصل ألفا إلى الرباط أمس، حيث كان في استقباله بيتا وعدد من المسؤولين."
    ev = coded(stage, text, "CONSULT")
    assert (ev.actor, ev.recipient, ev.mode) == ("per:alpha", "per:beta", "visit")


def test_sides_possessive_reading_needs_a_noun() -> None:
    from marsad.events.sides import possessive

    assert possessive("زيارته", "زياره+") and possessive("لقائها", "لقاء+")
    assert possessive("استقباله", "استقبال+") and possessive("تهنئته", "تهنئه+")
    assert not possessive("يهددهم", "يهدد+") and not possessive("يزوره", "يزور+")
    assert not possessive("زاره", "زار+") and not possessive("لقائهما", "لقاء+")


def test_sides_partner_marker_on_a_title_beats_a_coordinated_party(stage: EventStage) -> None:
    text = "وعقد ألفا ومدير الشركة جاما اجتماعا برئيس الوزراء بيتا في القاهرة."
    ev = coded(stage, text, "CONSULT")
    assert (ev.actor, ev.recipient) == ("per:alpha", "per:beta")
