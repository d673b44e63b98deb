"""Role attachment on sentences written for these tests, with a tiny hand-made lexicon."""

import pytest

from marsad.arabic import tokenize
from marsad.document import Mention
from marsad.ner.lexicons import Lexicons
from marsad.ner.roles import RoleFinder, attach_roles


@pytest.fixture()
def finder() -> RoleFinder:
    lex = Lexicons(
        gazetteer={"سمير": "FIRST", "كمال": "PER"},
        places={
            "فرنسا": ("FRA", "country"),
            "المغرب": ("MAR", "country"),
            "الرباط": ("MAR", "city"),
        },
        demonyms={"الفرنسي": "FRA", "الفرنسيه": "FRA", "المغربي": "MAR"},
        wordfreq={"وزير": 900, "الوزير": 500, "رئيس": 800},
        clusters={},
        max_phrase=1,
    )
    return RoleFinder(lex)


def _roles(text: str, names: list[str], finder: RoleFinder, home: str | None = None):
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(start=start, end=start + len(name), type="PER"))
    attach_roles(text, mentions, [tokenize(text)], finder, home_country=home)
    return [(m.role, m.country) for m in mentions]


def test_role_before_name_with_demonym(finder):
    text = "استقبل وزير الداخلية الفرنسي سمير كمال أمس"
    assert _roles(text, ["سمير كمال"], finder) == [("وزير الداخلية", "FRA")]


def test_role_chain_with_link_words_and_clitic(finder):
    text = "حضر اللقاء بالوزير المنتدب لدى وزير الداخلية سمير كمال"
    assert _roles(text, ["سمير كمال"], finder, home="MAR") == [
        ("الوزير المنتدب لدى وزير الداخلية", "MAR")
    ]


def test_role_after_name_with_country(finder):
    text = "التقى سمير كمال وزير الخارجية المغرب"
    assert _roles(text, ["سمير كمال"], finder) == [("وزير الخارجية", "MAR")]


def test_role_across_comma(finder):
    text = "اجتمع بوزير الأوقاف والشؤون الإسلامية، سمير كمال"
    assert _roles(text, ["سمير كمال"], finder, home="MAR") == [
        ("وزير الأوقاف والشؤون الإسلامية", "MAR")
    ]


def test_president_of_the_republic(finder):
    text = "قال رئيس الجمهورية سمير كمال إن"
    assert _roles(text, ["سمير كمال"], finder) == [("رئيس الجمهورية", None)]


def test_no_title_no_role(finder):
    assert _roles("قال سمير كمال إن الاجتماع انتهى", ["سمير كمال"], finder) == [(None, None)]


def test_later_mention_shares_the_person_role(finder):
    text = "وصل وزير الداخلية الفرنسي سمير كمال. وقال كمال إن الزيارة مهمة"
    start = text.index("كمال", text.index("وقال"))
    mentions = [
        Mention(text.index("سمير"), text.index("سمير") + 9, "PER"),
        Mention(start, start + 4, "PER"),
    ]
    attach_roles(text, mentions, [tokenize(text)], finder)
    assert (mentions[1].role, mentions[1].country) == ("وزير الداخلية", "FRA")


def test_dateline_city_named_like_a_country_is_the_city() -> None:
    from marsad.ner.roles import home_country_of

    lex = Lexicons(
        gazetteer={},
        places={"عمان": ("OMN", "country"), "الرباط": ("MAR", "city")},
        demonyms={},
        wordfreq={},
        clusters={},
        max_phrase=1,
        dateline_cities={"عمان": "JOR"},
    )
    assert home_country_of("عمّان", lex) == "JOR"
    assert home_country_of("الرباط", lex) == "MAR"
    assert home_country_of(None, lex) is None
