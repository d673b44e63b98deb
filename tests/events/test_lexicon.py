from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalise import normalize
from marsad.events.lexicon import PhraseTable, word_forms


def forms(sentence: str) -> list[tuple[str, ...]]:
    return [word_forms(normalize(w)) for w in sentence.split()]


def test_word_forms_peels_conjunction_preposition_and_article():
    assert "شكر" in word_forms(normalize("وبالشكر"))
    assert "حكومه" in word_forms(normalize("للحكومة"))


def test_word_forms_keeps_short_stems_whole():
    # "بحث" is a word, not ب + حث
    assert word_forms("بحث") == ("بحث",)


def test_word_forms_reads_future_prefix():
    assert "يلتقي" in word_forms(normalize("سيلتقي"))


def test_phrase_table_prefix_and_multiword():
    table = PhraseTable([("اجتمع*", "A"), ("تعزيز* التعاون", "B")])
    found = table.find(forms("اجتمعا اليوم لبحث تعزيز التعاون"))
    assert [(m.start, m.end, m.payload) for m in found] == [(0, 1, "A"), (3, 5, "B")]


def test_phrase_table_exact_word_does_not_match_longer_word():
    table = PhraseTable([("زار", "V")])
    assert table.find(forms("وزارة الخارجية")) == []


ARABIC_WORDS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآ", min_size=1, max_size=9)


@given(ARABIC_WORDS)
def test_word_forms_start_with_the_word_and_only_shorten_it(word: str) -> None:
    norm = normalize(word)
    forms = word_forms(norm)
    assert forms[0] == norm
    assert all(norm.endswith(f) for f in forms)  # clitics come off the front only


@given(st.lists(ARABIC_WORDS, max_size=12))
def test_phrase_table_matches_lie_inside_the_sentence(words: list[str]) -> None:
    table = PhraseTable([("ب*", "B"), ("لقاء* مع", "M"), ("و", "W")])
    found = table.find([word_forms(normalize(w)) for w in words], gap=1)
    assert all(0 <= m.start < m.end <= len(words) for m in found)
