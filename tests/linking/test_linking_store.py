"""Entities across the store: typo variants and partial names join the stored person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from marsad.document import Article, Event
from marsad.linking.stage import LinkingStage
from marsad.store import open_store
from marsad.store.entities import entity_detail, list_entities

Mark = Callable[..., Article]


def _save(db: Path, linker: LinkingStage, art: Article, origin: str) -> Article:
    art.origin = origin
    linker(art)
    with open_store(db) as store, store.transaction():
        store.save_article(art)
    return art


def test_store_merges_typo_and_partial_people_across_articles(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _save(db, linker, mark("زيارة", "وصل [[ناصر بوريطة|PER]] إلى [[باريس|LOC]]."), "a1")
    _save(db, linker, mark("تصريح", "وقال [[بوريطة|PER]] إن المحادثات مفيدة."), "a2")
    second = _save(db, linker, mark("لقاء", "التقى [[ناصر بوريطه|PER]] بالصحافة."), "a3")
    third = _save(db, linker, mark("لقاء", "استقبل [[ناصر بوريظة|PER]] الوفد."), "a4")
    with open_store(db) as store:
        people = list_entities(store.db, type_="PER")
        detail = entity_detail(store.db, "per:ناصر بوريطه")
        stored = store.get_article(4)
    assert [(p["id"], p["mention_count"]) for p in people] == [("per:ناصر بوريطه", 4)]
    assert detail is not None
    assert detail["aliases"] == {"ناصر بوريطة": 1, "بوريطة": 1, "ناصر بوريطه": 1, "ناصر بوريظة": 1}
    assert second.entities[0].id == third.entities[0].id == "per:ناصر بوريطه"
    assert stored is not None and stored["entities"][0]["id"] == "per:ناصر بوريطه"


def test_store_keeps_namesakes_with_other_full_names_apart(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _save(db, linker, mark("خبر", "قال [[باراك أوباما|PER]] إن الاتفاق مهم."), "b1")
    _save(db, linker, mark("خبر", "وصلت [[ميشيل أوباما|PER]] إلى المدينة."), "b2")
    _save(db, linker, mark("خبر", "وقال [[أوباما|PER]] ذلك مرة أخرى."), "b3")
    with open_store(db) as store:
        people = {p["id"]: p["mention_count"] for p in list_entities(store.db, type_="PER")}
    # "أوباما" alone fits both stored people equally well, so it stays a person of its own.
    assert people == {"per:باراك اوباما": 1, "per:ميشيل اوباما": 1, "per:اوباما": 1}


def test_store_rewrites_event_parties_to_stored_ids(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _save(db, linker, mark("خبر", "قال [[جيرالد دارمانان|PER]] إن التعاون مستمر."), "c1")
    art = mark("خبر", "وقال [[جيرالد درامانان|PER]] إن التعاون مستمر.")
    art.events.append(Event(type="CONSULT", actor="per:جيرالد درامانان"))
    art = _save(db, linker, art, "c2")
    assert art.events[0].actor == "per:جيرالد دارمانان"
    with open_store(db) as store:
        found = list_entities(store.db, query="درامانان")
    assert [f["id"] for f in found] == ["per:جيرالد دارمانان"]


def test_store_country_is_the_most_frequent_one_given(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    texts = [
        ("d1", "قال الرئيس الإيراني [[حسن روحاني|PER]] إن الاتفاق مهم."),
        ("d2", "وصل الرئيس الإيراني [[حسن روحاني|PER]] إلى المدينة."),
        ("d3", "ورد الرئيس العراقي على [[حسن روحاني|PER]] أمس."),  # a reading error
        ("d4", "واستقبل الرئيس الإيراني [[حسن روحاني|PER]] ضيوفه."),
    ]
    first = mark("خبر", texts[2][1])
    first.origin = texts[2][0]
    linker(first)
    first.entities[0].country = "IRQ"  # as if the recogniser had guessed it
    with open_store(db) as store, store.transaction():
        store.save_article(first)
    for origin, text in (texts[0], texts[1], texts[3]):
        _save(db, linker, mark("خبر", text), origin)
    with open_store(db) as store:
        detail = entity_detail(store.db, "per:حسن روحاني")
    assert detail is not None
    assert (detail["country"], detail["sector"], detail["mention_count"]) == ("IRN", "GOV", 4)


def test_store_merges_two_stored_people_a_fuller_name_bridges(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _save(db, linker, mark("خبر", "قال [[سيب بلاتر|PER]] إن الاتحاد بخير."), "e1")
    _save(db, linker, mark("خبر", "وقال [[جوزيف بلاتر|PER]] إن الانتخابات قائمة."), "e2")
    _save(db, linker, mark("خبر", "ورد [[جوزيف بلاتر|PER]] على الانتقادات."), "e3")
    _save(db, linker, mark("خبر", "واستقال [[سيب جوزيف بلاتر|PER]] من منصبه."), "e4")
    with open_store(db) as store:
        people = {p["id"]: p["mention_count"] for p in list_entities(store.db, type_="PER")}
        old = entity_detail(store.db, "per:سيب بلاتر")
    assert people == {"per:جوزيف بلاتر": 4}
    assert old is not None and old["id"] == "per:جوزيف بلاتر"
    assert old["aliases"] == {"جوزيف بلاتر": 2, "سيب بلاتر": 1, "سيب جوزيف بلاتر": 1}
    _save(db, linker, mark("خبر", "وعاد [[سيب بلاتر|PER]] إلى سويسرا."), "e5")
    with open_store(db) as store:
        people = {p["id"]: p["mention_count"] for p in list_entities(store.db, type_="PER")}
    assert people == {"per:جوزيف بلاتر": 5}  # the merged-away id still finds its person


def test_store_counts_a_guessed_country_once_per_article(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    stated = mark("خبر", "وقال وزير الخارجية السعودي [[عادل الزهراني|PER]] إن الزيارة مهمة.")
    # no country next to the minister: the recogniser gives him the one the story names
    abroad = mark(
        "زيارة",
        "وصل وزير الخارجية [[عادل الزهراني|PER]] إلى [[موسكو|LOC]] أمس.",
        "والتقى [[الزهراني|PER]] في [[موسكو|LOC]] مسؤولين، وقال [[الزهراني|PER]] إن [[روسيا|LOC]] شريك.",
    )
    for m in abroad.mentions:
        if m.type == "PER":
            m.role, m.country = "وزير الخارجية", "RUS"
    _save(db, linker, stated, "d1")
    _save(db, linker, abroad, "d2")
    person = abroad.entity("per:عادل الزهراني")
    assert person is not None and person.country == "RUS" and person.country_guessed
    assert not stated.entities[0].country_guessed
    with open_store(db) as store:
        detail = entity_detail(store.db, "per:عادل الزهراني")
    assert detail is not None
    assert (detail["country"], detail["mention_count"]) == ("SAU", 4)


def test_store_keeps_a_father_and_his_son_of_one_name_apart(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    son = mark(
        "خبر",
        "ألقى الرئيس الأمريكي [[جورج دبليو بوش|PER]] كلمة أمس.",
        "وقال [[بوش|PER]] إن الاقتصاد يتعافى، وأضاف [[بوش|PER]] أن الحرب انتهت.",
    )
    _save(db, linker, son, "g1")
    _save(db, linker, mark("خبر", "أصيب الرئيس الأسبق [[جورج إتش دبليو بوش|PER]] في منزله."), "g2")
    # "جورج بوش" fits both stored men (no middle name to tell them apart), each exactly;
    # the son has three times the father's mentions (canonical.DOMINANCE), so it joins him.
    third = _save(db, linker, mark("خبر", "وزار [[جورج بوش|PER]] المدرسة."), "g3")
    with open_store(db) as store:
        people = {p["id"]: p["mention_count"] for p in list_entities(store.db, type_="PER")}
    assert people == {"per:جورج دبليو بوش": 4, "per:جورج اتش دبليو بوش": 1}
    assert third.entities[0].id == "per:جورج دبليو بوش"


def test_store_reads_every_full_name_of_a_person_not_only_its_display_name(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _save(db, linker, mark("خبر", "قال [[جورج دبليو بوش|PER]] إن الاتفاق مهم."), "h1")
    _save(
        db,
        linker,
        mark("خبر", "وصل [[جورج بوش|PER]] إلى المدينة، وغادرها [[جورج بوش|PER]] مساء."),
        "h2",
    )
    with open_store(db) as store:
        son = entity_detail(store.db, "per:جورج دبليو بوش")
    # "جورج بوش" (2 aliases) is now the display name, and it fits the father's full name
    assert son is not None and son["name"] == "جورج بوش"
    _save(db, linker, mark("خبر", "وأصيب [[جورج إتش دبليو بوش|PER]] بكسر."), "h3")
    _save(db, linker, mark("خبر", "وحضر [[جورج دبليو بوش|PER]] الحفل."), "h4")
    with open_store(db) as store:
        people = {p["id"]: p["mention_count"] for p in list_entities(store.db, type_="PER")}
    assert people == {"per:جورج دبليو بوش": 4, "per:جورج اتش دبليو بوش": 1}


def test_store_father_first_keeps_the_son_apart_and_lone_surnames_join(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _save(db, linker, mark("خبر", "كتب [[جورج إتش دبليو بوش|PER]] رسالة."), "k1")
    _save(db, linker, mark("خبر", "ورد [[جورج إتش دبليو بوش|PER]] على الرسالة."), "k2")
    _save(db, linker, mark("خبر", "وقال [[بوش|PER]] إنه بخير."), "k3")
    _save(db, linker, mark("خبر", "وقرأ [[جورج دبليو بوش|PER]] الرسالة."), "k4")
    with open_store(db) as store:
        people = {p["id"]: p["mention_count"] for p in list_entities(store.db, type_="PER")}
    # the lone surname joins the one stored بوش; the son's middle name contradicts his father's
    assert people == {"per:جورج اتش دبليو بوش": 3, "per:جورج دبليو بوش": 1}
