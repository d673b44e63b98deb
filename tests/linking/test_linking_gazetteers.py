"""Lists behind linking: demonyms, places, capitals, roles -> sector and country."""

from __future__ import annotations

import pytest

from marsad.linking.actors import role_country, role_sector
from marsad.linking.gazetteers import Gazetteer


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("المغربية", "MAR"),
        ("الفرنسي", "FRA"),
        ("الأمريكيين", "USA"),
        ("الأميركية", "USA"),
        ("المغاربة", "MAR"),
        ("ألمانية", "DEU"),
        ("السعودي", "SAU"),
        ("البريطانيون", "GBR"),
        ("المالية", None),  # مالي (Mali) is also "financial"
        ("الرئيسي", None),
        ("الدولية", None),
    ],
)
def test_demonyms_name_their_country(gazetteer: Gazetteer, word: str, country: str | None) -> None:
    assert gazetteer.demonym(word) == country


def test_places_countries_cities_and_clitics(gazetteer: Gazetteer) -> None:
    rabat = gazetteer.place("وبالرباط")
    assert rabat is not None and (rabat.id, rabat.capital_of) == ("gn:2538475", "MAR")
    paris = gazetteer.place("باريس")  # not ب + "اريس" (a town in Kazakhstan)
    assert paris is not None and paris.id == "gn:2988507"
    morocco = gazetteer.place("المملكة المغربية")
    assert morocco is not None and morocco.id == "iso:MAR"
    assert gazetteer.capitals["USA"].name == "واشنطن"


@pytest.mark.parametrize(
    ("role", "sector", "country"),
    [
        ("وزير الداخلية الفرنسي", "GOV", "FRA"),
        ("الوزير المنتدب لدى وزير الداخلية", "GOV", None),
        ("وزير خارجية المغرب", "GOV", "MAR"),
        ("قائد الجيش الجزائري", "MIL", "DZA"),
        ("مدير الشرطة", "COP", None),
        ("رئيس مجلس النواب الأردني", "LEG", "JOR"),
        ("القاضي", "JUD", None),
        ("مفتي الديار المصرية", "REL", "EGY"),
        ("رئيس تحرير الصحيفة", "MED", None),
        ("نائب رئيس الوزراء", "GOV", None),
        ("النائب العام", "JUD", None),
        # roles with no PLOVER sector: not LEG (ممثل: representative) nor GOV (رئيس)
        ("الممثل", None, None),
        ("المدرب الوطني", None, None),
        ("رئيس النادي", None, None),
        ("الممثل الخاص للأمين العام", "GOV", None),
    ],
)
def test_roles_code_sector_and_country(
    gazetteer: Gazetteer, role: str, sector: str | None, country: str | None
) -> None:
    assert role_sector(role, gazetteer) == sector
    assert role_country(role, gazetteer) == country


@pytest.mark.parametrize(
    ("word", "starts"),
    [
        ("الرئيس", True),
        ("الإمام", True),
        ("بالإمام", True),
        ("القاضي", True),  # a role that ends like an adjective
        ("الصحفي", True),
        ("أمام", False),  # "in front of", not إمام (imam): both normalise to امام
        ("وأمام", False),
        ("الرئيسي", False),  # "main", an adjective made from رئيس
        ("الملكي", False),  # "royal" (and Real Madrid), not a king
        ("الملكية", False),
        ("المعارض", True),
        ("المعارضين", False),  # "X's opponents": a plural titles no one person
        ("الوزيرين", False),  # the two ministers
        ("الأمين", True),  # a singular that ends in ين
    ],
)
def test_role_words_are_not_their_lookalikes(gazetteer: Gazetteer, word: str, starts: bool) -> None:
    from marsad.linking.keys import name_key

    assert gazetteer.starts_role(name_key(word)) is starts


def test_a_preposition_after_a_name_is_no_role(gazetteer: Gazetteer) -> None:
    from marsad.linking.actors import context_role
    from marsad.linking.spans import tokenize

    text = "ومثل المتهم سمير الحداد أمام قاض في المحكمة. وصلى الإمام خالد الحسني بالناس."
    tokens = tokenize(text)
    start = text.index("سمير")
    assert context_role(text, tokens, start, start + len("سمير الحداد"), gazetteer, set()) is None
    start = text.index("خالد")
    role = context_role(text, tokens, start, start + len("خالد الحسني"), gazetteer, set())
    assert role is not None and role[0] == "الإمام"
    assert role_sector(role[0], gazetteer) == "REL"


def test_a_regime_is_not_part_of_a_role(gazetteer: Gazetteer) -> None:
    from marsad.linking.actors import context_role
    from marsad.linking.spans import tokenize

    text = "وطالبت معارضة نظام بشار الأسد بوقف القصف."
    start = text.index("بشار")
    tokens = tokenize(text)
    assert context_role(text, tokens, start, start + len("بشار الأسد"), gazetteer, set()) is None
