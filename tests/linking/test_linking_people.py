"""People that are not people, spans that ran past a name, countries of people (own sentences)."""

from __future__ import annotations

from collections.abc import Callable

from marsad.document import Article
from marsad.linking.stage import LinkingStage

Mark = Callable[..., Article]


def _ids(art: Article) -> dict[str, str]:
    text = art.text
    return {text[m.start : m.end]: m.entity_id or "" for m in art.mentions}


def test_linking_a_big_city_read_as_a_lone_person_is_the_city(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "ممثل شاب يحلم بالشهرة",
        "يقول الشاب إن نجوم [[هوليوود|PER]] كانوا قدوته، وإنه سيسافر قريبا.",
    )
    linker(art)
    (m,) = art.mentions
    assert m.type == "LOC" and m.entity_id is not None and m.entity_id.startswith("gn:")
    assert all(e.type != "PER" for e in art.entities)


def test_linking_a_surname_that_spells_a_small_town_stays_a_person(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark("تصريح", "وقال [[أوباما|PER]] إن بلاده ستواصل دعم الحلفاء.")
    ids = _ids(linker(art))
    assert ids["أوباما"] == "per:اوباما"
    art = mark("زيارة", "وصل [[بشار|PER]] إلى المدينة صباح اليوم.")  # also Béchar, but a name
    assert _ids(linker(art))["بشار"].startswith("per:")


def test_linking_id_never_comes_from_a_span_that_ran_past_the_name(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "تهنئة بالعيد",
        "تلقى الأمير [[فيصل بن تركي بن عبدالعزيز برقيات|PER]] تهنئة من المواطنين.",
        "وشكر الأمير [[فيصل بن تركي بن عبدالعزيز|PER]] المهنئين، وقال [[فيصل بن تركي|PER]] إن"
        " العيد فرصة للتلاقي.",
    )
    ids = set(_ids(linker(art)).values())
    assert ids == {"per:فيصل بن تركي بن عبدالعزيز"}
    (ent,) = art.entities
    assert ent.name == "فيصل بن تركي بن عبدالعزيز"


def test_linking_id_of_a_single_full_name_is_kept_when_nothing_better_is_seen(
    linker: LinkingStage, mark: Mark
) -> None:
    # "الخنبشي" is no name word the lists know: with no other spelling it still gives the id
    art = mark("خبر", "قال [[سالم الخنبشي|PER]] إن المشروع يتقدم، وأضاف [[الخنبشي|PER]] أنه مفيد.")
    assert set(_ids(linker(art)).values()) == {"per:سالم الخنبشي"}


def test_linking_a_team_role_takes_its_guessed_country_with_it(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "النادي يبدأ معسكره في الخارج",
        "وصل لاعبو النادي إلى [[النمسا|LOC]] لخوض مباريات ودية، وانضم إلى الفريق"
        " [[سالم الدوسري|PER]] بعد وصوله متأخرا.",
    )
    m = next(m for m in art.mentions if m.type == "PER")
    m.role, m.country = "الفريق", "AUT"  # the recogniser's rank, with the article's country
    player = linker(art).entity("per:سالم الدوسري")
    assert player is not None and player.role is None and player.country is None
    assert not player.country_guessed


def test_linking_a_title_before_the_next_name_is_not_this_persons_role(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "خلاف في النادي",
        "وانتقد المدرب [[خالد السبيعي|PER]] الأمير [[نواف بن سعد|PER]] بسبب قرار الإدارة.",
    )
    for m in art.mentions:  # the recogniser gives the title after a name to both names
        m.role, m.country = "الأمير", "ESP"
    linker(art)
    coach, prince = art.entity("per:خالد السبيعي"), art.entity("per:نواف بن سعد")
    assert coach is not None and coach.country is None and coach.role != "الأمير"
    assert prince is not None and prince.role == "الأمير"


def test_linking_id_is_a_full_name_over_a_lone_word(linker: LinkingStage, mark: Mark) -> None:
    # "زهوان" is no name word the lists know; the full name still gives the id, never the
    # lone "عبدالعزيز", which would join any stored person of that family name
    art = mark(
        "استقبال",
        "استقبل [[عبدالعزيز بن زهوان بن عبدالعزيز|PER]] الوفد، وقال [[عبدالعزيز|PER]] إن"
        " الزيارة مهمة.",
    )
    assert set(_ids(linker(art)).values()) == {"per:عبدالعزيز بن زهوان بن عبدالعزيز"}


def test_linking_a_team_role_naming_its_sport_is_no_rank_in_any_story(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark("تكريم", "كرم المحافظ قائد الفريق الأول لكرة القدم [[سالم الدوسري|PER]].")
    m = next(m for m in art.mentions if m.type == "PER")
    m.role = "الفريق الأول لكرة القدم"
    player = linker(art).entity("per:سالم الدوسري")
    assert player is not None and player.sector != "MIL"


def test_linking_a_bare_role_serves_the_country_its_places_name_most_cities_included(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "لقاء في جدة",
        "استقبل وزير الخارجية [[سالم الحربي|PER]] في [[جدة|LOC]] ضيفا قادما من [[روسيا|LOC]]،"
        " وأقيم له حفل عشاء في [[جدة|LOC]].",
    )
    m = next(m for m in art.mentions if m.type == "PER")
    m.role, m.country = "وزير الخارجية", "RUS"  # the recogniser counts countries, not cities
    minister = linker(art).entity("per:سالم الحربي")
    assert minister is not None and minister.country == "SAU" and minister.country_guessed
    assert m.country == "SAU"


def test_linking_an_office_named_after_a_place_elsewhere_takes_no_home_country(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "زيارة رسمية",
        "وصل الرئيس [[زاور بيكوف|PER]] رئيس جمهورية [[أديغيا|LOC]] إلى [[جدة|LOC]]، وتجول في"
        " أسواق [[جدة|LOC]] القديمة.",
    )
    m = next(m for m in art.mentions if m.type == "PER")
    m.role, m.country = "الرئيس", "SAU"  # a bare title; the recogniser guessed the home
    guest = linker(art).entity("per:زاور بيكوف")
    assert guest is not None and guest.country is None and m.country is None
    assert guest.sector == "GOV"


def test_linking_a_role_naming_a_place_elsewhere_takes_no_home_country(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "زيارة رسمية",
        "استقبل أمير المنطقة في [[جدة|LOC]] رئيس جمهورية [[أديغيا|LOC]] [[زاور بيكوف|PER]]"
        " وجال معه في [[جدة|LOC]].",
    )
    m = next(m for m in art.mentions if m.type == "PER")
    m.role, m.country = "رئيس جمهورية أديغيا", "SAU"
    guest = linker(art).entity("per:زاور بيكوف")
    assert guest is not None and guest.country is None


def test_linking_a_role_naming_a_home_city_keeps_the_home_country(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "افتتاح مشروع",
        "افتتح أمير منطقة [[الرياض|LOC]] [[فهد العتيبي|PER]] مشروعا جديدا في [[الرياض|LOC]].",
    )
    m = next(m for m in art.mentions if m.type == "PER")
    m.role, m.country = "أمير منطقة الرياض", "SAU"
    governor = linker(art).entity("per:فهد العتيبي")
    assert governor is not None and governor.country == "SAU"


def test_linking_a_father_and_son_of_one_name_are_two_people_in_one_article(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "ذكرى",
        "زار [[جورج دبليو بوش|PER]] والده [[جورج إتش دبليو بوش|PER]] في المستشفى.",
        "وقال الابن [[جورج بوش|PER]] إن والده بخير.",
    )
    ids = _ids(linker(art))
    assert ids["جورج دبليو بوش"] == "per:جورج دبليو بوش"
    assert ids["جورج إتش دبليو بوش"] == "per:جورج اتش دبليو بوش"
    # no middle name to tell them apart: the person named nearest before it
    assert ids["جورج بوش"] == "per:جورج اتش دبليو بوش"
