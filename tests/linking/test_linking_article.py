"""Within-article linking on pages written for these tests (not news text)."""

from __future__ import annotations

from collections.abc import Callable

from marsad.document import Article
from marsad.linking.stage import LinkingStage

Mark = Callable[..., Article]


def _ids(art: Article) -> dict[str, str]:
    text = art.text
    return {text[m.start : m.end]: m.entity_id or "" for m in art.mentions}


def test_linking_merges_typo_partial_and_full_name(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "[[دارمانان|PER]] في [[الرباط|LOC]]",
        "استقبل [[عبد الوافي لفتيت|PER]] نظيره [[جيرالد دارمانان|PER]] اليوم.",
        "وقال [[درامانان|PER]] إن اللقاء كان مثمرا، وأضاف [[لفتيت|PER]] أن التعاون مستمر.",
    )
    ids = _ids(linker(art))
    assert ids["دارمانان"] == ids["جيرالد دارمانان"] == ids["درامانان"] == "per:جيرالد دارمانان"
    assert ids["لفتيت"] == ids["عبد الوافي لفتيت"] != ids["دارمانان"]
    ent = art.entity("per:جيرالد دارمانان")
    assert ent is not None and ent.name == "جيرالد دارمانان"
    assert ent.aliases == {"دارمانان": 1, "جيرالد دارمانان": 1, "درامانان": 1}


def test_linking_keeps_different_people_with_one_shared_token_apart(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "لقاء في العاصمة",
        "التقى [[محمد بن سلمان|PER]] مع [[محمد بن نايف|PER]] ثم وصل [[سلمان بن عبدالعزيز|PER]].",
        "وقال [[سلمان|PER]] إن الاجتماع ناجح.",
    )
    ids = _ids(linker(art))
    assert len({ids["محمد بن سلمان"], ids["محمد بن نايف"], ids["سلمان بن عبدالعزيز"]}) == 3
    assert ids["سلمان"] == ids["سلمان بن عبدالعزيز"]


def test_linking_latin_name_joins_arabic_spelling(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "زيارة وزير",
        "وصل [[جيرالد دارمانان|PER]] إلى المدينة، وكتب [[Gérald Darmanin|PER]] على حسابه.",
        "ثم غادر [[Darmanin|PER]] مساء.",
    )
    ids = _ids(linker(art))
    assert ids["Gérald Darmanin"] == ids["Darmanin"] == ids["جيرالد دارمانان"]


def test_linking_codes_role_country_and_sector(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "مباحثات أمنية",
        "التقى وزير الداخلية الفرنسي [[جيرالد دارمانان|PER]] بوزير الداخلية [[عبد الوافي لفتيت|PER]].",
        "وقال وزير الداخلية المغربي إن الطرفين اتفقا، فيما أكد الوزير الفرنسي ذلك.",
        place="الرباط",
    )
    linker(art)
    darmanin = art.entity("per:جيرالد دارمانان")
    laftit = art.entity("per:عبدالوافي لفتيت")
    assert darmanin is not None and laftit is not None
    assert (darmanin.country, darmanin.sector, darmanin.role) == ("FRA", "GOV", "وزير الداخلية")
    assert (laftit.country, laftit.sector) == ("MAR", "GOV")
    refs = {art.text[m.start : m.end]: m.entity_id for m in art.mentions if m.score < 1}
    assert refs == {"وزير الداخلية المغربي": laftit.id, "الوزير الفرنسي": darmanin.id}


def test_linking_capitals_stand_for_governments(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "تعاون بين البلدين",
        "قالت الوزارة إن [[الرباط|LOC]] و[[باريس|LOC]] عازمتان على التعاون.",
        "وعقد الاجتماع في [[الرباط|LOC]] بحضور ممثلي [[المغرب|LOC]] و[[فرنسا|LOC]].",
    )
    linker(art)
    got = [(art.text[m.start : m.end], m.entity_id) for m in art.mentions]
    assert got == [
        ("الرباط", "gov:MAR"),
        ("باريس", "gov:FRA"),
        ("الرباط", "gn:2538475"),
        ("المغرب", "iso:MAR"),
        ("فرنسا", "iso:FRA"),
    ]


def test_linking_organisation_country_and_government(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "بيان رسمي",
        "أعلنت [[وزارة الداخلية المغربية|ORG]] أن [[الحكومة الفرنسية|ORG]] وافقت.",
        "وأضافت [[وزارة الداخلية|ORG]] أن [[الجيش|ORG]] غير معني.",
    )
    linker(art)
    ids = _ids(art)
    assert ids["الحكومة الفرنسية"] == "gov:FRA"
    assert ids["وزارة الداخلية المغربية"] == "org:وزاره الداخليه@MAR"
    ministry = art.entity("org:وزاره الداخليه@MAR")
    assert ministry is not None and (ministry.country, ministry.sector) == ("MAR", "GOV")
    army = art.entity(ids["الجيش"])
    assert army is not None and army.sector == "MIL"


def test_linking_keeps_a_father_apart_from_a_son_named_after_him(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark(
        "عائلة فنية",
        "ظهر [[محمد عادل إمام|PER]] في مسلسل جديد، بينما غاب والده [[عادل إمام|PER]].",
        "وقال [[محمد إمام|PER]] إن [[نصر الله|PER]] ليس [[إبراهيم نصر الله|PER]].",
    )
    ids = _ids(linker(art))
    assert ids["محمد عادل إمام"] == ids["محمد إمام"] != ids["عادل إمام"]
    assert ids["إبراهيم نصر الله"] == "per:ابراهيم نصرالله"


def test_linking_epithets_go_to_the_holder_of_the_office(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "[[خادم الحرمين الشريفين|PER]] يستقبل ضيوفه",
        "استقبل الملك [[سلمان بن عبدالعزيز|PER]] في [[الرياض|LOC]] عددا من الضيوف.",
        "وأكد خادم الحرمين الشريفين أهمية التعاون.",
        place="الرياض",
    )
    linker(art)
    king = [
        art.text[m.start : m.end] for m in art.mentions if m.entity_id == "per:سلمان بن عبدالعزيز"
    ]
    assert king == ["خادم الحرمين الشريفين", "سلمان بن عبدالعزيز", "خادم الحرمين الشريفين"]
    assert art.entity("per:سلمان بن عبدالعزيز").country == "SAU"  # type: ignore[union-attr]


def test_linking_name_variants_seen_on_real_news(linker: LinkingStage, mark: Mark) -> None:
    art = mark(
        "كرة القدم",
        "قال [[سيب جوزيف بلاتر|PER]] إن [[جوزيف بلاتر|PER]] لن يستقيل، ورد [[ميشال بلاتيني|PER]].",
        "وأضاف [[ميشيل بلاتيني|PER]] أن [[محمد بن سلمان بن عبدالعزيز|PER]] و[[محمد بن سلمان|PER]]"
        " التقيا [[سلمان بن عبدالعزيز آل سعود|PER]] و[[سلطان بن سلمان|PER]] و[[محمد|PER]].",
    )
    ids = _ids(linker(art))
    assert ids["سيب جوزيف بلاتر"] == ids["جوزيف بلاتر"]
    assert ids["ميشال بلاتيني"] == ids["ميشيل بلاتيني"]
    assert ids["محمد بن سلمان"] == ids["محمد بن سلمان بن عبدالعزيز"]
    assert ids["سلمان بن عبدالعزيز آل سعود"] == "per:سلمان بن عبدالعزيز"
    assert ids["سلطان بن سلمان"] not in (ids["محمد بن سلمان"], ids["سلمان بن عبدالعزيز آل سعود"])
    assert ids["محمد"] == ids["محمد بن سلمان"]  # the given name joins the one fuller name


def test_linking_a_demonym_tagged_as_a_person_is_its_country(
    linker: LinkingStage, mark: Mark
) -> None:
    art = mark("خبر", "قال [[الفرنسيين|PER]] إن [[تركي الفيصل|PER]] زار [[المغرب|LOC]].")
    ids = _ids(linker(art))
    assert ids == {"الفرنسيين": "iso:FRA", "تركي الفيصل": "per:تركي الفيصل", "المغرب": "iso:MAR"}


def test_team_is_no_military_rank_in_a_sports_story(linker: LinkingStage, mark: Mark) -> None:
    # The recogniser's role finder reads "الفريق" before a name as a title (the rank).
    sport = mark(
        "النصر يستعد للموسم",
        "وشارك لاعب الفريق [[سالم الدوسري|PER]] في تدريبات النادي قبل مباراة الدوري.",
    )
    army = mark("تعيين قائد جديد", "وعين الفريق [[خالد الحربي|PER]] قائدا للقوات البرية.")
    for art in (sport, army):
        art.mentions[0].role = "الفريق"
    player = linker(sport).entity("per:سالم الدوسري")
    assert player is not None and player.role is None and player.sector is None
    assert sport.mentions[0].role is None
    officer = linker(army).entity("per:خالد الحربي")
    assert officer is not None and officer.role == "الفريق" and officer.sector == "MIL"


def test_a_city_name_two_countries_share_follows_the_story(
    linker: LinkingStage, mark: Mark
) -> None:
    lebanon = linker(
        mark(
            "خطة لتأهيل المرافئ",
            "وقال وزير النقل إن مرفأ [[طرابلس|LOC]] سيعمل مثل مرفأ [[بيروت|LOC]] في [[لبنان|LOC]].",
        )
    )
    libya = linker(mark("رحلات جديدة", "وصلت أول رحلة من [[طرابلس|LOC]] إلى [[تونس|LOC]] أمس."))
    north, capital = lebanon.mentions[0], libya.mentions[0]
    assert north.entity_id == "gn:266826" and capital.entity_id == "gn:2210247"
    place = lebanon.entity("gn:266826")
    assert place is not None and place.country == "LBN" and place.name == "طرابلس"


def test_a_bracketed_short_name_is_the_organisation_before_it(
    linker: LinkingStage, mark: Mark
) -> None:
    art = linker(
        mark(
            "تراث",
            "وأعلنت [[منظمة الأمم المتحدة للتربية والعلم والثقافة|ORG]] ([[اليونيسكو|ORG]]) "
            "أمس ضم الموقع، وقالت [[اليونيسكو|ORG]] إن القرار نهائي.",
        )
    )
    ids = {m.entity_id for m in art.mentions}
    assert len(ids) == 1
    org = art.entities[0]
    assert org.aliases == {"منظمة الأمم المتحدة للتربية والعلم والثقافة": 1, "اليونيسكو": 2}
