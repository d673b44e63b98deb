from marsad.arabic import analyze_for_search, light_stem, normalize, parse_number, to_ascii_digits


def test_light_stem_follows_lucene_light10():
    assert light_stem(normalize("والمعلمون")) == "معلم"
    assert light_stem(normalize("الكتاب")) == "كتاب"
    assert light_stem(normalize("ومدرسة")) == "مدرس"
    assert light_stem("وزن") == "وزن"  # a lone و needs a 4-letter word
    assert light_stem("بال") == "بال"  # too short to strip


def test_analyze_for_search_drops_stopwords_and_stems():
    terms = analyze_for_search("ذهب المعلمون إلى المدرسة في ٢٠٢٠.")
    assert terms == ["ذهب", "معلم", "مدرس", "2020"]
    assert "في" in analyze_for_search("في", stopwords=False)


def test_query_and_document_forms_meet():
    assert analyze_for_search("الاتفاقيات") == analyze_for_search("اتفاقيات")


def test_numerals():
    assert to_ascii_digits("٣٫٥ و۱۲") == "3.5 و12"
    assert parse_number("١٬٢٠٠") == 1200.0
    assert parse_number("3,5") == 3.5
    assert parse_number("باريس") is None
