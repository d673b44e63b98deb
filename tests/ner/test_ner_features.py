"""Features, CoNLL reading and the small rules, with hand-made lexicons (no model)."""

import pytest

from marsad.arabic import tokenize
from marsad.errors import InputError
from marsad.ner.conll import canonical_tag, read_conll
from marsad.ner.features import FeatureExtractor
from marsad.ner.lexicons import Lexicons
from marsad.ner.roles import bare_word
from marsad.ner.rules import institution_spans, trim_hal


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
