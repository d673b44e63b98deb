"""Unnamed parties (events.parties): group phrases on hand-written sentences."""

from __future__ import annotations

import pytest

from marsad.document import Article
from marsad.events.arguments import clause_bounds
from marsad.events.parties import GroupLexicon, sentence_groups, unnamed_parties
from marsad.events.sentence import view
from marsad.events.stage import EventStage


@pytest.fixture(scope="module")
def groups() -> GroupLexicon:
    return GroupLexicon.load()


def sides(
    stage: EventStage, groups: GroupLexicon, text: str, trigger: str, kind: str
) -> tuple[tuple[str, str | None] | None, tuple[str, str | None] | None]:
    """(phrase, sector) of the actor and recipient of the trigger word ``trigger``."""
    v = view(text, 0, len(text), stage.lexicons, stage.words)
    match = next(m for m in v.triggers if v.words(m.start, m.end) == trigger)
    found = sentence_groups(v, groups, set())
    span = (match.start, match.end)
    actor, acted = unnamed_parties(
        found,
        span,
        clause_bounds(v, span, set(), ()),
        kind=kind,
        patient=match.payload.patient,
        need=(True, True),
        verb_like=len(match.payload.pattern.rstrip("*")) == 3,
    )
    return tuple(  # type: ignore[return-value]
        (v.words(g.first, g.last + 1), g.sector) if g else None for g in (actor, acted)
    )


def test_parties_verb_first_doer_with_adjective_and_count_victims(stage, groups):
    actor, acted = sides(
        stage, groups, "هاجم مسلحون ملثمون حافلة وقتلوا أربعة من رجال الشرطة.", "هاجم", "ASSAULT"
    )
    assert actor == ("مسلحون ملثمون", "UAF")
    actor, acted = sides(
        stage, groups, "هاجم مسلحون ملثمون حافلة وقتلوا أربعة من رجال الشرطة.", "وقتلوا", "ASSAULT"
    )
    assert acted == ("أربعة من رجال الشرطة", "COP")


def test_parties_count_before_protest_verb_and_complement_sector(stage, groups):
    actor, _ = sides(stage, groups, "تظاهر الآلاف من طلاب الجامعات أمس.", "تظاهر", "PROTEST")
    assert actor == ("الآلاف من طلاب الجامعات", "EDU")
    actor, _ = sides(stage, groups, "وتظاهر آلاف العمال المضربين في الساحة.", "وتظاهر", "PROTEST")
    assert actor == ("آلاف العمال", "LAB")


def test_parties_security_forces_refine_sector_and_marked_target(stage, groups):
    actor, acted = sides(
        stage, groups, "وهاجمت قوات الأمن بالهراوات على المحتجين الغاضبين.", "وهاجمت", "ASSAULT"
    )
    assert actor == ("قوات الأمن", "COP")
    assert acted == ("المحتجين الغاضبين", "CVL")


def test_parties_verbal_noun_governs_its_victims_and_agent_marks_doer(stage, groups):
    actor, acted = sides(
        stage, groups, "أسفر اختطاف ثلاثة صحفيين على يد مجهولين عن غضب.", "اختطاف", "ASSAULT"
    )
    assert acted == ("ثلاثة صحفيين", "JRN")
    assert actor == ("مجهولين", "UAF")


def test_parties_passive_subject_is_the_recipient(stage, groups):
    actor, acted = sides(stage, groups, "وتعرضت دورية للجيش لهجوم قرب الحدود.", "لهجوم", "ASSAULT")
    assert actor is None
    assert acted == ("دورية للجيش", "MIL")


def test_parties_counted_people_before_kill_verb_were_killed(stage, groups):
    actor, acted = sides(stage, groups, "وقالت المصادر إن خمسة مدنيين قتلوا.", "قتلوا", "ASSAULT")
    assert actor is None
    assert acted == ("خمسة مدنيين", "CVL")


def test_parties_armed_group_before_verb_is_the_doer(stage, groups):
    actor, _ = sides(stage, groups, "وكان المسلحون قد اقتحموا القرية ثم قتلوا.", "قتلوا", "ASSAULT")
    assert actor == ("المسلحون", "UAF")  # far from the verb, but the clause's armed subject
    actor, _ = sides(stage, groups, "المسلحون قتلوا الحارس.", "قتلوا", "ASSAULT")
    assert actor == ("المسلحون", "UAF")


def test_parties_trigger_word_naming_protesters_is_the_actor(stage, groups):
    actor, _ = sides(stage, groups, "ورفع المتظاهرون لافتات كبيرة.", "المتظاهرون", "PROTEST")
    assert actor == ("المتظاهرون", "CVL")


def test_parties_adjective_stops_at_time_words_and_nouns(stage, groups):
    actor, _ = sides(
        stage, groups, "تظاهر المحتجون الفلسطينيون الاسبوع الماضي.", "تظاهر", "PROTEST"
    )
    assert actor == ("المحتجون الفلسطينيون", "CVL")
    actor, _ = sides(stage, groups, "هاجم مسلحون مبنى البلدية.", "هاجم", "ASSAULT")
    assert actor == ("مسلحون", "UAF")


def test_parties_protest_noun_takes_the_unarmed_group_of_the_sentence(stage, groups):
    actor, _ = sides(
        stage,
        groups,
        "وعلى وقع المظاهرات، توجه عشرات من المعلمين الى مقر الوزارة.",
        "المظاهرات",
        "PROTEST",
    )
    assert actor == ("عشرات من المعلمين", "EDU")


def test_parties_stage_keeps_phrase_only_without_a_named_party(stage):
    text = "واقتحم مسلحون مجهولون مقر البلدية وقتلوا ثلاثة حراس بالرصاص."
    art = stage(Article(paragraphs=[text]))
    (ev,) = [e for e in art.events if e.type == "ASSAULT"]
    assert ev.actor is None and ev.actor_phrase is not None
    assert art.text[ev.actor_phrase.start : ev.actor_phrase.end] == "مسلحون مجهولون"
    assert ev.actor_phrase.sector == "UAF"
    data = art.to_dict()["events"][0]
    assert data["actor_phrase"] == {
        "start": ev.actor_phrase.start,
        "end": ev.actor_phrase.end,
        "text": "مسلحون مجهولون",
        "sector": "UAF",
    }
    again = Article.from_dict(art.to_dict())
    assert again.events[0].actor_phrase == ev.actor_phrase
    assert again.events[0].recipient_phrase == ev.recipient_phrase


def test_parties_groups_table_kinds_are_known(groups):
    assert groups.kinds(("مسلحين",)) == {"group": "UAF"}
    assert "quantity" in groups.kinds(("الاف",))


def test_parties_counted_accusative_noun_and_weekday_are_read_right(stage, groups):
    _, acted = sides(stage, groups, "وقتل 12 متمردا في الاشتباكات.", "وقتل", "ASSAULT")
    assert acted == ("12 متمردا", "REB")
    actor, acted = sides(stage, groups, "وقع هجوم الاثنين على السوق.", "هجوم", "ASSAULT")
    assert actor is None and acted is None


def test_parties_definite_adjective_is_no_party_and_suffering_noun_has_victims(stage, groups):
    actor, acted = sides(stage, groups, "وأكد أن عناصر التنظيم الإرهابي قتلوا.", "قتلوا", "ASSAULT")
    assert all("الإرهابي" not in g[0] for g in (actor, acted) if g)
    actor, acted = sides(stage, groups, "إصابة جنديين بانفجار لغم.", "بانفجار", "ASSAULT")
    assert actor is None
    assert acted == ("جنديين", "MIL")


def test_parties_singular_head_takes_its_nationality(stage, groups):
    _, acted = sides(stage, groups, "وخطف مسلحون صحفيا فرنسيا أمس.", "وخطف", "ASSAULT")
    assert acted == ("صحفيا فرنسيا", "JRN")


def test_parties_armed_group_after_an_ambiguous_noun_is_the_doer(stage, groups):
    actor, acted = sides(stage, groups, "قصف الجيش مواقع المتمردين ليلا.", "قصف", "ASSAULT")
    assert actor == ("الجيش", "MIL")
    assert acted == ("المتمردين", "REB")


def test_parties_protest_fallback_skips_those_it_is_for(stage, groups):
    actor, _ = sides(
        stage,
        groups,
        "بدأت حركة احتجاجية للمطالبة بحقوق للاجئين، وشارك فيها مئات الطلاب.",
        "احتجاجية",
        "PROTEST",
    )
    assert actor == ("مئات الطلاب", "EDU")


def test_parties_trigger_word_counting_the_dead_is_the_recipient(stage, groups):
    actor, acted = sides(
        stage, groups, "أدانت الدول سقوط عشرات القتلى المدنيين.", "القتلى", "ASSAULT"
    )
    assert actor is None
    assert acted is not None and acted[0].startswith("عشرات القتلى")


def test_parties_coordinated_kill_verb_takes_the_armed_subject_of_its_clause(stage, groups):
    actor, acted = sides(
        stage,
        groups,
        "واقتحم مسلحون ملثمون مقر البلدية في المدينة وقتلوا ثلاثة من رجال الشرطة.",
        "وقتلوا",
        "ASSAULT",
    )
    assert actor == ("مسلحون ملثمون", "UAF")
    assert acted == ("ثلاثة من رجال الشرطة", "COP")


def test_parties_assault_recipient_falls_back_to_the_counted_casualties(stage, groups):
    actor, acted = sides(
        stage,
        groups,
        "استهدف هجوم بسيارة مفخخة سوقا شعبيا مما أدى الى مقتل ثمانية من الحراس.",
        "هجوم",
        "ASSAULT",
    )
    assert acted == ("ثمانية من الحراس", "COP")
    assert actor is None


def test_parties_generic_heads_chain_and_time_adjectives_stop(stage, groups):
    _, acted = sides(stage, groups, "وهاجم مسلحون عناصر قوات الأمن الخاصة.", "وهاجم", "ASSAULT")
    assert acted is not None and acted[0].startswith("عناصر قوات الأمن") and acted[1] == "COP"
    actor, acted = sides(
        stage, groups, "وقتل خلال الأيام الثلاثة الماضية مدنيون.", "وقتل", "ASSAULT"
    )
    assert acted == ("مدنيون", "CVL")
    assert actor is None


def test_parties_only_for_material_conflict_events(stage):
    from event_articles import make_article

    art = make_article(["ووجه ألفا اتهامات إلى المتظاهرين."], [("ألفا", "per:alpha", "PER")])
    (ev,) = stage(art).events
    assert (ev.type, ev.actor, ev.recipient) == ("ACCUSE", "per:alpha", None)
    assert ev.recipient_phrase is None  # a verbal conflict: unnamed targets are not kept


def test_parties_soldiers_after_an_unambiguous_verbal_noun_were_killed(stage, groups):
    actor, acted = sides(stage, groups, "مقتل جنديين في كمين قرب الحدود.", "مقتل", "ASSAULT")
    assert actor is None
    assert acted == ("جنديين", "MIL")
