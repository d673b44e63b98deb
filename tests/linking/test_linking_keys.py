"""Keys, typo distance and transliteration: pure functions, with property tests."""

from __future__ import annotations

from dataclasses import replace

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


def test_same_name_refuses_middle_names_that_differ() -> None:
    from marsad.linking.people import middles_differ, same_name

    son, father = ("جورج", "دبليو", "بوش"), ("جورج", "اتش", "دبليو", "بوش")
    assert not same_name(son, father) and middles_differ(father, son)
    assert same_name(("جورج", "بوش"), father)  # no middle name: no conflict
    assert same_name(("محمد", "حسني", "مبارك"), ("محمد", "حسني", "السيد", "مبارك"))  # longer chain
    assert not middles_differ(("محمد", "بن", "سلمان"), ("محمد", "بن", "نايف", "بن", "سلمان"))
    assert same_name(("محمد", "الخالد", "الصباح"), ("محمد", "خالد", "الحمد", "الصباح"))
    # another first name is no middle-name conflict (a span that ran past the name)
    assert not middles_differ(("هادي", "يعين", "نايف", "البكري"), ("نايف", "صالح", "البكري"))


def test_choose_person_reads_every_stored_full_name() -> None:
    from marsad.linking.canonical import Candidate, choose_person, names_to_check

    father = ("جورج", "اتش", "دبليو", "بوش")
    son = Candidate(
        "per:بوش",
        ("جورج", "بوش"),
        ("بوش",),
        40,
        full_names=(("جورج", "دبليو", "بوش"), ("جورج", "بوش")),
    )
    read = replace(son, full_names=())  # as the store first reads it
    assert names_to_check(father, [read]) == [son.id]
    assert names_to_check(("جورج", "بوش"), [read]) == []  # no middle name, nothing to read
    assert choose_person(father, [read]) == son.id  # its display name alone lets him in
    assert choose_person(father, [son]) is None
    assert choose_person(("جورج", "دبليو", "بوش"), [son]) == son.id
    assert choose_person(("بوش",), [son]) == son.id
