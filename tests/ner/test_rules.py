"""Post-rules around the taggers: a lone title (or its dual/plural) is not a person."""

from __future__ import annotations

from marsad.ner.rules import drop_titles


def test_lone_titles_and_their_duals_are_not_people() -> None:
    words = ["وفي", "الختام", "أعرب", "الوزيران", "عن", "ارتياحهما", "وقال", "الرئيس", "والوزراء"]
    labels = ["O", "O", "O", "B-PERS", "O", "O", "O", "B-PERS", "B-PERS"]
    assert drop_titles(words, labels) == ["O"] * 9


def test_names_and_titled_names_stay() -> None:
    words = ["التقى", "الوزير", "سليم", "الحداد", "نظيرته", "نادية"]
    labels = ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-PERS"]
    assert drop_titles(words, labels) == labels  # a span with a name, and a lone given name
    assert drop_titles(["الحداد"], ["B-PERS"]) == ["B-PERS"]
    assert drop_titles(["الوزيران"], ["B-ORG"]) == ["B-ORG"]  # only persons are checked


def test_a_place_tagged_once_is_a_place_with_a_proclitic_elsewhere_in_the_text() -> None:
    from marsad.ner.rules import propagate_names

    sentences = [
        ["وصل", "الوفد", "إلى", "الرباط", "صباحا"],
        ["وعقد", "اللقاء", "بالرباط", "ثم", "عاد", "إلى", "رباطه"],
    ]
    tagged = [(["O", "O", "O", "B-LOC", "O"], [0.9] * 5), (["O"] * 7, [0.8] * 7)]
    out = propagate_names(sentences, tagged)
    assert out[0] == tagged[0]
    assert out[1][0] == ["O", "O", "B-LOC", "O", "O", "O", "O"]  # not "رباطه"
    assert out[1][1][2] == 0.5
    # nothing tagged: nothing added
    assert propagate_names(sentences[1:], tagged[1:]) == tagged[1:]


def test_a_one_word_name_tagged_with_one_type_spreads_through_the_text() -> None:
    from marsad.ner.rules import propagate_names

    sentences = [
        ["وقال", "المدرب", "سامي", "كرمان", "إن", "نادي", "الوفاق", "جاهز"],
        ["وأضاف", "كرمان", "أن", "لكرمان", "والوفاق", "خطة", "جديدة"],
        ["ورد", "كرمان", "مراد", "على", "الوفاق"],
    ]
    tagged = [
        (["O", "O", "B-PERS", "I-PERS", "O", "O", "B-ORG", "O"], [0.9] * 8),
        (["O", "B-PERS", "O", "O", "O", "O", "O"], [0.8] * 7),
        (["O", "O", "I-PERS", "O", "O"], [0.8] * 5),
    ]
    out = propagate_names(sentences, tagged)
    # a surname of a person the text names in full; an organisation's one word
    assert out[1][0] == ["O", "B-PERS", "O", "B-PERS", "B-ORG", "O", "O"]
    assert out[1][1][3] == 0.5
    assert out[2][0] == [
        "O",
        "O",
        "I-PERS",
        "O",
        "B-ORG",
    ]  # not where the next word continues a span
    # a lone person word that ends no longer name in the text does not spread
    tagged[0] = (["O", "O", "B-PERS", "O", "O", "O", "B-ORG", "O"], [0.9] * 8)
    assert propagate_names(sentences, tagged)[1][0][3] == "O"
    # a word the text tags with two types is left alone
    tagged[0] = (["O", "O", "B-PERS", "I-PERS", "O", "O", "B-ORG", "O"], [0.9] * 8)
    tagged[2] = (["O", "B-ORG", "O", "O", "O"], [0.8] * 5)
    assert propagate_names(sentences, tagged)[1][0][3] == "O"


def test_platforms_and_set_phrases_are_not_people() -> None:
    from marsad.ner.rules import drop_not_people

    words = ["كتب", "على", "تويتر", "أن", "حسن", "الجوار", "أساس", "وقال", "حسن", "روحاني"]
    labels = ["O", "B-PERS", "I-PERS", "O", "B-PERS", "I-PERS", "O", "O", "B-PERS", "I-PERS"]
    assert drop_not_people(words, labels) == ["O"] * 8 + ["B-PERS", "I-PERS"]
    assert drop_not_people(["وتويتر"], ["B-PERS"]) == ["O"]
    assert drop_not_people(["تويتر"], ["B-ORG"]) == ["B-ORG"]


def test_trim_frames_starts_the_person_after_a_quotation_frame() -> None:
    from marsad.ner.rules import trim_frames

    words = ["نقلت", "الوكالة", "على", "لسان", "سمير", "العتيبي", "قوله"]
    labels = ["O", "O", "O", "B-PERS", "I-PERS", "I-PERS", "O"]
    assert trim_frames(words, labels) == ["O", "O", "O", "O", "B-PERS", "I-PERS", "O"]
    assert trim_frames(["بلسان"], ["B-PERS"]) == ["O"]
    assert trim_frames(["لسان", "العرب"], ["B-MISC", "I-MISC"]) == ["B-MISC", "I-MISC"]
    # "to me" after a verb of telling; a name that starts with لي stays whole
    told = trim_frames(["وقال", "لي", "سمير", "ضاحكا"], ["O", "B-PERS", "I-PERS", "O"])
    assert told == ["O", "O", "B-PERS", "O"]
    name = ["التقى", "لي", "كه", "تشيانغ"]
    assert trim_frames(name, ["O", "B-PERS", "I-PERS", "I-PERS"]) == [
        "O",
        "B-PERS",
        "I-PERS",
        "I-PERS",
    ]


def test_community_nouns_are_not_people() -> None:
    from marsad.ner.rules import drop_not_people

    words = ["دعا", "الشيخ", "المسلمين", "وللمسيحيين", "ومسلم", "بن", "عقيل"]
    labels = ["O", "O", "B-PERS", "B-PERS", "B-PERS", "I-PERS", "I-PERS"]
    assert drop_not_people(words, labels) == ["O"] * 4 + ["B-PERS", "I-PERS", "I-PERS"]
    assert drop_not_people(["هاجر", "الأرمن"], ["O", "B-PERS"]) == ["O", "O"]


def test_a_lone_function_word_is_a_person_only_if_the_text_names_one_with_it() -> None:
    from marsad.ner.rules import drop_lone_words

    quote = [["قال", "لي", "الوزير", "إن", "الاتفاق", "قريب"]]
    tagged = [(["O", "B-PERS", "O", "O", "O", "O"], [1.0] * 6)]
    assert drop_lone_words(quote, tagged)[0][0] == ["O"] * 6
    novel = [["صدرت", "رواية", "هاربر", "لي"], ["وقالت", "لي", "إنها", "سعيدة"]]
    tagged = [(["O", "O", "B-PERS", "I-PERS"], []), (["O", "B-PERS", "O", "O"], [])]
    assert drop_lone_words(novel, tagged) == tagged


def test_a_conjoined_gazetteer_name_starts_its_own_span() -> None:
    from marsad.ner.rules import split_conjoined

    gazetteer = {"ليون": "CITY", "مانشستر": "CITY"}
    words = ["فريقا", "مانشستر", "يونايتد", "وليون"]
    labels = ["O", "B-ORG", "I-ORG", "I-ORG"]
    assert split_conjoined(words, labels, gazetteer) == ["O", "B-ORG", "I-ORG", "B-ORG"]
    # a word that is itself a name (not و + a name) and person spans stay whole
    assert split_conjoined(
        ["مانشستر", "وليون"], ["B-LOC", "I-LOC"], {"وليون": "LOC", "ليون": "LOC"}
    ) == ["B-LOC", "I-LOC"]
    assert split_conjoined(["سعيد", "وليون"], ["B-PERS", "I-PERS"], gazetteer) == [
        "B-PERS",
        "I-PERS",
    ]
    # an unknown word after و is part of the name ("حزب العدل والمساواة")
    assert split_conjoined(
        ["حزب", "العدل", "والمساواة"], ["B-ORG", "I-ORG", "I-ORG"], gazetteer
    ) == ["B-ORG", "I-ORG", "I-ORG"]


def test_a_nationality_after_a_bare_name_is_not_part_of_the_club() -> None:
    from marsad.ner.rules import trim_demonym_tail

    demonyms = {"البرتغالي": "PRT", "الفلسطينيه": "PSE", "المغربي": "MAR"}
    words = ["فاز", "بنفيكا", "البرتغالي"]
    assert trim_demonym_tail(words, ["O", "B-ORG", "I-ORG"], demonyms) == ["O", "B-ORG", "O"]
    # after a definite word the adjective is part of the name
    words = ["منظمة", "التحرير", "الفلسطينية"]
    assert trim_demonym_tail(words, ["B-ORG", "I-ORG", "I-ORG"], demonyms) == [
        "B-ORG",
        "I-ORG",
        "I-ORG",
    ]
    # people keep it (a family name), and so does a span it does not end
    assert trim_demonym_tail(["سعيد", "المغربي"], ["B-PERS", "I-PERS"], demonyms) == [
        "B-PERS",
        "I-PERS",
    ]


def test_a_nationality_before_a_name_is_not_part_of_it() -> None:
    from marsad.ner.rules import trim_demonym_head

    demonyms = {"البرازيلي": "BRA", "كيني": "KEN"}
    words = ["هدف", "للبرازيلي", "فريد", "سالم"]
    out = trim_demonym_head(words, ["O", "B-PERS", "I-PERS", "I-PERS"], demonyms)
    assert out == ["O", "O", "B-PERS", "I-PERS"]
    # a bare (indefinite) one can be a given name; a lone one is drop_demonyms' business
    assert trim_demonym_head(["كيني", "ميلر"], ["B-PERS", "I-PERS"], demonyms) == [
        "B-PERS",
        "I-PERS",
    ]
    assert trim_demonym_head(["البرازيلي"], ["B-PERS"], demonyms) == ["B-PERS"]


def test_a_quoted_place_name_is_an_organisation() -> None:
    from marsad.ner.rules import quoted_places

    words = ["وقال", "لصحيفة", "«", "صباح", "عمان", "»", "إن", "عمان", "جاهزة"]
    labels = ["O", "O", "O", "O", "B-LOC", "O", "O", "B-LOC", "O"]
    assert quoted_places(words, labels) == labels  # the quotation holds more than the place
    labels[3] = "B-LOC"
    labels[4] = "I-LOC"
    out = quoted_places(words, labels)
    assert out[3:5] == ["B-ORG", "I-ORG"]
    assert out[7] == "B-LOC"


def test_a_kinship_noun_with_a_possessive_is_no_person_word() -> None:
    from marsad.ner.rules import drop_kin_words

    # "my father smiled"; "his father Mohammed came": the name after it keeps its span
    smiled = [["ابتسم", "والدي", "للجمهور"]]
    came = [["وصل", "والده", "محمد", "سالم"]]
    tagged = [(["O", "B-PERS", "O"], [1.0, 0.5, 1.0])]
    assert drop_kin_words(smiled, tagged)[0] == (["O", "O", "O"], [1.0, 0.5, 1.0])
    run_on = [(["O", "B-PERS", "I-PERS", "I-PERS"], [])]
    assert drop_kin_words(came, run_on)[0][0] == ["O", "O", "B-PERS", "I-PERS"]
    # the same letters as a name stay: "الدي" is no kinship word
    named = [["قال", "الدي", "ايضا"]]
    kept = [(["O", "B-PERS", "O"], [])]
    assert drop_kin_words(named, kept) == kept
