"""Silver data for distillation: the teachers' ensemble, the CoNLL + scores files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.ner.neural.model import NeuralNerModel
from marsad.ner.neural.silver import (
    SilverConfig,
    document_sentences,
    ensemble,
    read_silver,
    scores_path,
    teacher_scores,
    write_silver,
)

TEXTS = [
    "زار وزير الخارجية الأردني أيمن الصفدي مدينة بيروت أمس. "
    "والتقى الوزير رئيس الحكومة اللبنانية في السراي الحكومي.\n"
    "وقال الصفدي إن البلدين يعملان معا.",
    "قصير.",
    "أعلنت شركة الخطوط الجوية الملكية المغربية عن رحلات جديدة إلى مدينة مونتريال. "
    "وتبدأ الرحلات في شهر أيار المقبل من الدار البيضاء.",
]


def test_document_sentences_sample_and_bound_lengths() -> None:
    config = SilverConfig(stride=1, min_len=4, max_len=60, per_document=10)
    docs = list(document_sentences(TEXTS, config))
    assert len(docs) == 2  # the one-word text has no sentence long enough
    assert all(4 <= len(s) <= 60 for doc in docs for s in doc)
    every_third = list(document_sentences(TEXTS, SilverConfig(stride=3)))
    assert [doc[0][0] for doc in every_third] == ["زار"]
    assert len(next(document_sentences(TEXTS, SilverConfig(stride=1, per_document=1)))) == 1


def test_ensemble_of_one_model_is_that_model() -> None:
    model = NeuralNerModel()
    same = ensemble([model, model])
    doc = next(document_sentences(TEXTS, SilverConfig(stride=1)))
    assert same.tag_document(doc) == model.tag_document(doc)
    np.testing.assert_allclose(teacher_scores(same, doc)[0], teacher_scores(model, doc)[0])


def test_write_then_read_silver_keeps_documents_and_scores(tmp_path: Path) -> None:
    model = NeuralNerModel()
    out = tmp_path / "silver.conll"
    stats = write_silver(TEXTS, model, out, SilverConfig(stride=1))
    docs, scores = read_silver(out)
    assert stats["documents"] == len(docs) == 2
    assert stats["sentences"] == len(scores) == sum(len(d) for d in docs)
    first = docs[0]
    assert first[0][0][0] == "زار"
    expected = teacher_scores(model, [words for words, _ in first])
    for got, want in zip(scores, expected, strict=False):
        assert got.shape == (len(want), len(model.tables.labels))
        np.testing.assert_allclose(got, want, atol=0.02)  # stored as float16
    # the labels are the teacher's: a name after a title is a person
    words, tags = first[0]
    assert tags[words.index("أيمن")] == "B-PERS"


def test_read_silver_rejects_scores_of_other_sentences(tmp_path: Path) -> None:
    out = tmp_path / "silver.conll"
    write_silver(TEXTS, NeuralNerModel(), out, SilverConfig(stride=1))
    with np.load(scores_path(out)) as data:
        scores, docs = data["scores"], data["docs"]
    with scores_path(out).open("wb") as fh:
        np.savez(fh, scores=scores[:-1], docs=docs)
    with pytest.raises(ValueError, match="does not match"):
        read_silver(out)
