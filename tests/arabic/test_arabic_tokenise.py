from marsad.arabic import clitic_tokens, split_clitics, tokenize

LEXICON = {"باريس": 120, "بوريطه": 30, "حكومه": 5, "الحكومه": 80, "كتاب": 40}


def test_tokenize_keeps_offsets_and_splits_punctuation():
    text = "قال الوزير، في باريس: «نعم»."
    toks = tokenize(text)
    assert [t.text for t in toks] == [
        "قال",
        "الوزير",
        "،",
        "في",
        "باريس",
        ":",
        "«",
        "نعم",
        "»",
        ".",
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_tokenize_keeps_numbers_and_dates_whole():
    assert [t.text for t in tokenize("بلغ 3.5 في 12/05/2020")] == ["بلغ", "3.5", "في", "12/05/2020"]


def test_split_clitics_conjunction_and_preposition_with_lexicon():
    assert split_clitics("وبباريس", LEXICON) == (("و", "ب"), "باريس", ())


def test_split_clitics_leaves_names_that_start_like_clitics():
    assert split_clitics("بوريطة", LEXICON).prefixes == ()
    assert split_clitics("وبوريطة", LEXICON) == (("و",), "بوريطة", ())


def test_split_clitics_article_without_lexicon():
    assert split_clitics("والحكومة") == (("و", "ال"), "حكومة", ())
    assert split_clitics("للحكومة").prefixes == ("ل", "ال")
    assert split_clitics("وبباريس").prefixes == ()  # ambiguous without a lexicon


def test_split_clitics_pronoun_suffix():
    assert split_clitics("كتابهم", LEXICON) == ((), "كتاب", ("هم",))


def test_clitic_tokens_offsets_cover_the_word():
    text = "زار وبباريس"
    toks = clitic_tokens(text, LEXICON)
    assert [t.text for t in toks] == ["زار", "و", "ب", "باريس"]
    assert all(text[t.start : t.end] == t.text for t in toks)
