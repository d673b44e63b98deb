"""Training a two-stage CRF on hand-made sentences: both passes written, loaded and used."""

import pytest

from marsad.ner.lexicons import Lexicons
from marsad.ner.model import NerModel, first_pass_path
from marsad.ner.train import TrainConfig, fit

NAMES = ["سمير", "كريم", "ليلى", "هدى", "نبيل", "رشيد"]
PLACES = ["باريس", "الرباط", "تونس"]


def _sentences() -> list[tuple[list[str], list[str]]]:
    out = []
    for i in range(24):
        name, place = NAMES[i % len(NAMES)], PLACES[i % len(PLACES)]
        out.append(
            (
                ["وصل", name, "إلى", place, "صباح", "اليوم"],
                ["O", "B-PERS", "O", "B-LOC", "O", "O"],
            )
        )
    return out


@pytest.fixture()
def lex() -> Lexicons:
    return Lexicons(
        gazetteer={"باريس": "CITY"},
        places={},
        demonyms={},
        wordfreq={"باريس": 500},
        clusters={},
        max_phrase=1,
    )


def test_two_stage_model_is_written_loaded_and_tags(tmp_path, lex, monkeypatch):
    monkeypatch.setattr("marsad.ner.train.load_lexicons", lambda: lex)
    out = tmp_path / "m.crfsuite"
    fit(_sentences(), out, TrainConfig(stack_folds=2, max_iterations=30, with_aqmar=False))
    assert out.is_file() and first_pass_path(out).is_file()
    model = NerModel(out, lexicons=lex)
    assert model._first is not None
    assert model.tag(["وصل", "كريم", "إلى", "تونس", "صباح", "اليوم"])[1:4] == [
        "B-PERS",
        "O",
        "B-LOC",
    ]
    # retraining as one stage removes the stale first pass, so the model is not misread
    fit(_sentences(), out, TrainConfig(stack_folds=0, max_iterations=30, with_aqmar=False))
    assert not first_pass_path(out).exists()
    assert NerModel(out, lexicons=lex)._first is None
