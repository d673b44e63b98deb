"""Keys, typo distance and transliteration: pure functions, with property tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.linking.gazetteers import Gazetteer
from marsad.linking.keys import deletions, name_key, osa_distance, similar_token
from marsad.linking.translit import to_arabic, to_latin

ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئ َُِّ", max_size=20)


@given(ARABIC)
def test_name_key_is_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)


@given(ARABIC, ARABIC)
def test_osa_distance_is_symmetric(a: str, b: str) -> None:
    assert osa_distance(a, b, 30) == osa_distance(b, a, 30)


@given(st.text(alphabet="ابتدرسعلمنوي", min_size=2, max_size=12), st.data())
def test_one_edit_apart_tokens_share_a_deletion_key(token: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(token) - 2))
    swapped = token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    assert deletions(token) & deletions(swapped)


def test_name_key_folds_spelling_variants() -> None:
    assert name_key("أحمد التوفيق") == name_key("احمد  التّوفيق") == "احمد التوفيق"
    assert name_key("بوريطة") == name_key("بوريطه")


def test_similar_token_length_aware() -> None:
    assert similar_token("دارمانان", "درامانان")  # a transposition
    assert not similar_token("علي", "على")  # short names must match exactly
    assert not similar_token("محمد", "محمود")
    assert not similar_token("الشمري", "العمري")  # the article does not count: 5 letters
    assert similar_token("البرغوثي", "البرغوتي")  # six letters without it: one edit


def test_transliteration_both_ways(gazetteer: Gazetteer) -> None:
    assert to_arabic("Gérald Darmanin", gazetteer.name_tokens) == "جيرالد دارمانان"
    assert to_latin("جيرالد دارمانان", gazetteer.latin_tokens) == "gerald darmanin"
    # Not in the token table: the letter rules still give a usable spelling.
    assert to_arabic("Zorbak", gazetteer.name_tokens) == "زورباك"


def test_choose_person_joins_a_lone_word_only_when_it_is_the_same_word() -> None:
    from marsad.linking.canonical import Candidate, choose_person

    sisi = Candidate(
        "per:عبدالفتاح السيسي", ("عبدالفتاح", "السيسي"), ("عبدالفتاح", "السيسي"), 50, "EGY"
    )
    essebsi = ("السبسي",)  # one letter from السيسي, and Tunisia's president
    assert choose_person(essebsi, [sisi]) is None
    assert choose_person(("السيسي",), [sisi], "TUN") == sisi.id  # an exact fit still joins
    assert choose_person((name_key("السيسى"),), [sisi]) == sisi.id  # ى/ي fold: not a typo
    lone = Candidate("per:السبسي", ("السبسي",), ("السبسي",), 9)
    assert choose_person(("عبدالفتاح", "السيسي"), [lone]) is None  # nor the other way round


def test_choose_person_typo_in_a_full_name_needs_no_other_country() -> None:
    from marsad.linking.canonical import Candidate, choose_person

    bourita = Candidate("per:ناصر بوريطه", ("ناصر", "بوريطه"), ("ناصر", "بوريطه"), 5, "MAR")
    assert choose_person(("ناصر", "بوريظه"), [bourita]) == bourita.id
    assert choose_person(("ناصر", "بوريظه"), [bourita], "MAR") == bourita.id
    assert choose_person(("ناصر", "بوريظه"), [bourita], "DZA") is None
