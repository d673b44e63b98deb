"""Features, CoNLL reading and the small rules, with hand-made lexicons (no model)."""

import pytest

from marsad.arabic import tokenize
from marsad.errors import InputError
from marsad.ner.conll import canonical_tag, read_conll, to_bilou, to_bio
from marsad.ner.features import FeatureExtractor
from marsad.ner.lexicons import Lexicons
from marsad.ner.roles import bare_word
from marsad.ner.rules import drop_demonyms, institution_spans, trim_hal


@pytest.fixture()
def lex() -> Lexicons:
    return Lexicons(
        gazetteer={"باريس": "CITY", "سمير": "FIRST", "الامم المتحده": "ORG"},
        places={},
        demonyms={"المغربيه": "MAR"},
        wordfreq={"باريس": 500, "وزاره": 300},
        clusters={"باريس": "7/2"},
        max_phrase=2,
    )


def test_features_see_through_clitics(lex):
    feats = FeatureExtractor(lex).sentence(["زار", "وبباريس"])[1]
    assert "st=باريس" in feats and "pre=و+ب" in feats
    assert "g=CITY" in feats and "c0=7" in feats and "c1=2" in feats
    assert "-1:w=زار" in feats and "BOS" not in feats


def test_features_mark_gazetteer_phrases(lex):
    feats = FeatureExtractor(lex).sentence(["قالت", "الأمم", "المتحدة"])
    assert "gp=B-ORG" in feats[1] and "gp=I-ORG" in feats[2]
    assert "1:gp=B-ORG" in feats[0]


def test_read_conll_splits_on_last_space_and_maps_labels(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text("الصالحية ونايفة O\nسمير B-PER\n\nشيء I-MIS\n", encoding="utf-8")
    assert read_conll(path) == [
        (["الصالحية ونايفة", "سمير"], ["O", "B-PERS"]),
        (["شيء"], ["I-MISC"]),
    ]
    assert canonical_tag("B-PERS") == "B-PERS" and canonical_tag("o") == "O"


def test_read_conll_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("سمير B-PER\nكلمة\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2:"):
        read_conll(path)


def test_trim_hal_drops_participle_after_name(lex):
    words = ["سمير", "كمال", "مرفوقا", "بالوزير"]
    labels = ["B-PERS", "I-PERS", "I-PERS", "O"]
    assert trim_hal(words, labels, lex.gazetteer) == ["B-PERS", "I-PERS", "O", "O"]


def test_institution_spans_ministry_with_demonym(lex):
    text = "قالت وزارة الداخلية المغربية، اليوم"
    spans = institution_spans(tokenize(text), lex, lambda w: bare_word(w, lex))
    assert [text[a:b] for a, b in spans] == ["وزارة الداخلية المغربية"]
    assert institution_spans(tokenize("زار الوزارة أمس"), lex, lambda w: bare_word(w, lex)) == []


def test_drop_demonyms_only_alone(lex):
    words = ["قال", "المغربية", "وزارة"]
    assert drop_demonyms(words, ["O", "B-PERS", "O"], lex.demonyms) == ["O", "O", "O"]
    assert drop_demonyms(["والمغربية"], ["B-PERS"], lex.demonyms) == ["O"]
    assert drop_demonyms(words, ["O", "B-ORG", "I-ORG"], lex.demonyms) == ["O", "B-ORG", "I-ORG"]


def test_bilou_round_trip():
    tags = ["B-PERS", "I-PERS", "O", "B-LOC", "I-ORG", "B-ORG"]
    assert to_bilou(tags) == ["B-PERS", "L-PERS", "O", "U-LOC", "L-ORG", "U-ORG"]
    assert to_bio(to_bilou(tags)) == tags


def test_rare_words_get_letter_trigrams(lex):
    feats = FeatureExtractor(lex).sentence(["كوناري"])[0]
    assert "g3=<كو" in feats and "g3=ري>" in feats
    assert not any(f.startswith("g3=") for f in FeatureExtractor(lex).sentence(["باريس"])[0])


def test_trigger_to_the_left_within_three_words(lex):
    feats = FeatureExtractor(lex).sentence(["وصل", "وزير", "الخارجية", "الفرنسي", "جان", "أمس"])
    assert "lt=PER" in feats[4] and "lt3=PER" in feats[4]
    assert "lt1=PER" in feats[2]
    assert not any(f.startswith("lt") for f in feats[1])  # the trigger itself
    assert not any(f.startswith("lt") for f in feats[0])


def test_document_evidence_reaches_bare_mentions(lex):
    text = [["قال", "الرئيس", "كارلوس", "إن"], ["وأضاف", "أن", "كارلوس", "سافر"]]
    later = FeatureExtractor(lex).document(text)[1][2]
    assert "dt=PER" in later and "d2" in later  # seen after a title in the other sentence
    alone = FeatureExtractor(lex).document([text[1]])[0][2]
    assert not any(f in alone for f in ("dt=PER", "d2"))


def test_sentence_is_a_one_sentence_document(lex):
    fe = FeatureExtractor(lex)
    words = ["سمير", "كارلوس", "في", "باريس"]
    assert fe.sentence(words) == fe.document([words])[0]
    assert "dan" in fe.sentence(words)[1]  # follows a first name
