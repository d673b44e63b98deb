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
