"""The neural (BiLSTM-CRF, ONNX) tagger: decoding, input encoding, the shipped model."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from marsad.ner.conll import read_conll
from marsad.ner.lexicons import load_lexicons
from marsad.ner.neural.decode import allowed_transitions, marginals, viterbi
from marsad.ner.neural.encode import FLAGS, LABELS, Encoder, pad
from marsad.ner.neural.model import DEFAULT_NEURAL_MODEL, NeuralNerModel, length_groups

REPO = Path(__file__).resolve().parents[2]
#: The CRF's carved-dev F1 (src/marsad/ner/models/MODEL_CARD.json); the neural model must
#: not fall below it.
CRF_DEV_F1 = 73.3


def _path_score(path, em, trans, start, end):
    s = start[path[0]] + end[path[-1]] + sum(em[t, k] for t, k in enumerate(path))
    return s + sum(trans[a, b] for a, b in itertools.pairwise(path))


def _tiny():
    rng = np.random.default_rng(3)
    em = rng.normal(size=(2, 4, 3))
    trans = np.array([[0.5, -1.0, 0.0], [2.0, 0.1, -0.3], [0.0, 1.5, -2.0]])
    return em, np.array([4, 2]), trans, np.array([0.2, 0.0, -0.5]), np.array([0.0, 0.3, 0.1])


def test_viterbi_matches_brute_force_on_hand_built_scores():
    em, lengths, trans, start, end = _tiny()
    paths = viterbi(em, lengths, trans, start, end)
    for b, n in enumerate(lengths):
        every = itertools.product(range(3), repeat=int(n))
        best = max(every, key=lambda p: _path_score(p, em[b], trans, start, end))
        assert paths[b] == list(best)
    assert [len(p) for p in paths] == [4, 2]


def test_marginals_match_brute_force_posteriors():
    em, lengths, trans, start, end = _tiny()
    probs = marginals(em, lengths, trans, start, end)
    b, n = 1, 2  # the padded sentence: its padding must not leak into the sums
    paths = list(itertools.product(range(3), repeat=n))
    weights = np.exp([_path_score(p, em[b], trans, start, end) for p in paths])
    for t in range(n):
        for k in range(3):
            want = sum(w for p, w in zip(paths, weights, strict=True) if p[t] == k)
            assert probs[b, t, k] == pytest.approx(want / weights.sum())


def test_bio_transitions_forbid_inside_after_outside():
    ok = allowed_transitions(LABELS)
    o, b_per, i_per, i_loc = (LABELS.index(x) for x in ("O", "B-PERS", "I-PERS", "I-LOC"))
    assert ok[b_per, i_per] and ok[i_per, i_per] and ok[o, b_per]
    assert not ok[o, i_per] and not ok[b_per, i_loc]


def test_length_groups_keep_similar_lengths_and_skip_empty():
    groups = length_groups([3, 0, 40, 4, 41, 5])
    assert sorted(i for g in groups for i in g) == [0, 2, 3, 4, 5]
    assert [2, 4] in groups and [0, 3] in groups


def test_encoder_flags_title_place_and_proclitic():
    lex = load_lexicons()
    enc = Encoder(lex, {"وزير": 2, "باريس": 3}, {})
    words = ["قال", "وزير", "الخارجية", "في", "بباريس", "أمس"]
    (sent,) = enc.document([words])
    on = {FLAGS[j] for j in np.flatnonzero(sent.flags[4])}
    assert "pre:ب" in on and {"g:CITY", "g:CTRY"} & on
    assert "title" in {FLAGS[j] for j in np.flatnonzero(sent.flags[1])}
    assert sent.words.tolist()[1] == 2 and sent.stems.tolist()[4] == 3  # stem of بباريس
    arrays = pad([sent, *enc.document([words[:2]])])
    assert arrays["rev"][1].tolist()[:2] == [1, 0] and arrays["words"].shape == (2, 6)


def test_neural_model_tags_a_sentence_with_aligned_bio_labels():
    model = NeuralNerModel()
    words = [
        "وقال",
        "الرئيس",
        "الفرنسي",
        "إيمانويل",
        "ماكرون",
        "في",
        "باريس",
        "إن",
        "الحكومة",
        "ستجتمع",
        "غدا",
    ]
    (labels, probs), empty = model.tag_with_marginals([words, []])
    assert len(labels) == len(words) == len(probs) and empty == ([], [])
    assert set(labels) <= set(LABELS)
    assert labels[6] == "B-LOC" and labels[3:5] == ["B-PERS", "I-PERS"]
    assert all(0.0 < p <= 1.0 + 1e-9 for p in probs)
    assert model.tag(words) == labels


def test_neural_model_padding_barely_changes_emissions():
    """Padding a sentence to a longer one's length only moves its scores by the int8
    rounding of the quantized LSTMs (their activation scale is set per batch)."""
    model = NeuralNerModel()
    long = ["أعلنت", "الحكومة", "في", "القاهرة", "عن", "خطة", "جديدة", "للنقل", "العام", "."]
    short = ["التقى", "السفير", "سامي", "عادل"]
    enc = model.encoder.document([long, short])
    together = model.emissions(enc)
    alone = model.emissions(enc[1:])
    np.testing.assert_allclose(together[1, :4], alone[0], atol=0.1)
    assert (together[1, :4].argmax(axis=1) == alone[0].argmax(axis=1)).all()


def test_neural_model_runs_without_torch():
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "from marsad.ner.neural.model import NeuralNerModel\n"
        "print(NeuralNerModel().tag(['زار', 'الوزير', 'مدينة', 'الرباط']))\n"
        "assert 'torch' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "B-LOC" in done.stdout


def test_neural_model_card_sits_beside_the_model():
    card = json.loads((DEFAULT_NEURAL_MODEL.parent / "MODEL_CARD-neural.json").read_text())
    assert card["model"] == DEFAULT_NEURAL_MODEL.name
    assert card["dev"]["all"]["f1"] >= CRF_DEV_F1


def test_neural_model_reaches_the_crf_floor_on_carved_dev(shared):
    from marsad.ner.train import ANERCORP_TRAIN, evaluate, split_dev

    _, dev = split_dev(read_conll(shared / "data" / ANERCORP_TRAIN), 0.1)
    result = evaluate(NeuralNerModel(), dev)
    assert result["all"]["f1"] >= CRF_DEV_F1  # type: ignore[index]
