"""The sentence classifier's features and its per-word (word-vector) scores, on hand-written
sentences and hand-set weights."""

from pathlib import Path

import numpy as np

from marsad.events.classifier import (
    SentenceClassifier,
    TypeModel,
    known_form,
    pooled_words,
    sentence_features,
)
from marsad.events.plover import Lexicons, Ontology
from marsad.events.sentence import view
from marsad.events.train import Vectors, fit, word_scores


def features_of(text: str) -> list[str]:
    lexicons = Lexicons.load(Ontology.load())
    return sentence_features(view(text, 0, len(text), lexicons))


def test_features_name_sentence_words_and_the_trigger_window():
    feats = features_of("وفي صباح اليوم تظاهر آلاف الطلاب أمام مبنى الوزارة في العاصمة.")
    sentence, near = pooled_words(feats, "PROTEST")
    assert "الطلاب" in sentence and "العاصمه" in sentence
    # Three words on each side of the trigger, not the far end of the sentence.
    assert "تظاهر" in near and "الطلاب" in near
    assert "العاصمه" not in near
    assert pooled_words(feats, "ASSAULT")[1] == []


def test_known_form_falls_back_to_the_word_without_clitics():
    assert known_form("والمتظاهرون", {"المتظاهرون"}) == "المتظاهرون"
    assert known_form("والمتظاهرون", {"والمتظاهرون", "المتظاهرون"}) == "والمتظاهرون"
    assert known_form("والمتظاهرون", {"سفير"}) is None


def test_per_word_scores_are_averaged_over_the_known_words():
    model = TypeModel(0.0, 0.5, {}, type="PROTEST", sentence_words={"طلاب": 2.0, "وزاره": -1.0})
    p_one = model.probability(["vs:الطلاب"])
    p_two = model.probability(["vs:الطلاب", "vs:الوزاره", "vs:كلمهمجهوله"])
    assert abs(p_one - 1 / (1 + np.exp(-2.0))) < 1e-9
    assert abs(p_two - 1 / (1 + np.exp(-0.5))) < 1e-9


def test_window_scores_read_only_their_type():
    model = TypeModel(0.0, 0.5, {}, type="ASSAULT", window_words={"مسلحون": 3.0})
    assert model.probability(["vw:PROTEST:مسلحون"]) == 0.5
    assert model.probability(["vw:ASSAULT:مسلحون"]) > 0.9


def test_fitted_vector_weights_match_the_shipped_per_word_scores(tmp_path: Path):
    # Two words whose vectors point apart; sentences with the first are positive.
    rng = np.random.default_rng(0)
    words = ["تظاهر", "اجتماع", "مدينه", "امس"]
    matrix = rng.normal(size=(4, 3))
    vectors = Vectors({w: i for i, w in enumerate(words)}, matrix)
    feats = [["vs:تظاهر", "vs:امس"], ["vs:اجتماع", "vs:مدينه"]] * 10
    y = np.array([1.0, 0.0] * 10)
    prototype = {"تظاهر": 0.9, "اجتماع": 0.1, "مدينه": 0.0, "امس": -0.2}
    dense = vectors.pooled(feats, "PROTEST", prototype)
    assert dense.shape == (20, 8)
    fitted = fit(feats, dense, y, l2=1.0, pos_weight=1.0, dense_l2=300.0)
    model = TypeModel(
        fitted.model.bias,
        0.5,
        fitted.model.weights,
        type="PROTEST",
        sentence_words=word_scores(vectors, fitted.dense[:3]),
        window_words=word_scores(vectors, fitted.dense[3:6]),
        prototype_words=prototype,
        prototype_weights=(float(fitted.dense[6]), float(fitted.dense[7])),
    )
    expected = fitted.probabilities(feats[:2], dense[:2])
    got = [model.probability(f) for f in feats[:2]]
    assert np.allclose(got, expected, atol=1e-3)
    assert got[0] > 0.5 > got[1]
    path = tmp_path / "model.json.gz"
    SentenceClassifier({"PROTEST": model}).dump(path, {})
    loaded = SentenceClassifier.load(path)
    assert abs(loaded.scores(feats[0])["PROTEST"] - got[0]) < 1e-9


def test_annotator_agreement_from_counts():
    from marsad.events.train import annotator_f1

    assert annotator_f1([{"accept": "3", "reject": "0"}]) == (1.0, 1.0, 1.0)
    # (2 accept, 1 reject): leaving out an accepter leaves no unanimous yes (a false yes,
    # 2/3); leaving out the rejecter leaves one the annotator missed (1/3).
    p, r, _ = annotator_f1([{"accept": "3", "reject": "0"}, {"accept": "2", "reject": "1"}])
    assert abs(p - 0.6) < 1e-9 and abs(r - 0.75) < 1e-9
    assert annotator_f1([{"accept": "1", "reject": "1"}]) == (0.0, 0.0, 0.0)
