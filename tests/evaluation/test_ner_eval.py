"""`marsad eval ner` agrees with seqeval; label spellings PER/PERS and MIS/MISC both work."""

import json
import random

import pytest
from seqeval.metrics import classification_report, f1_score, precision_score, recall_score
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.evaluation.ner import chunks, score
from marsad.ner.conll import read_conll
from marsad.ner.model import NerModel

LABELS = ["O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "I-MISC"]


def _random_tags(rng: random.Random, n: int) -> list[list[str]]:
    return [[rng.choice(LABELS) for _ in range(rng.randint(1, 12))] for _ in range(n)]


def _assert_same_as_seqeval(gold, pred, result):
    assert result["f1"] == pytest.approx(100 * f1_score(gold, pred), abs=1e-9)
    assert result["precision"] == pytest.approx(100 * precision_score(gold, pred), abs=1e-9)
    assert result["recall"] == pytest.approx(100 * recall_score(gold, pred), abs=1e-9)
    report = classification_report(gold, pred, output_dict=True, zero_division=0)
    for typ, s in result["per_type"].items():
        if s["support"]:
            assert s["f1"] == pytest.approx(100 * report[typ]["f1-score"], abs=1e-9)
            assert s["support"] == report[typ]["support"]


@pytest.mark.parametrize("seed", range(20))
def test_score_equals_seqeval_on_random_tags(seed):
    rng = random.Random(seed)
    gold = _random_tags(rng, 30)
    pred = [[rng.choice(LABELS) if rng.random() < 0.3 else t for t in sent] for sent in gold]
    _assert_same_as_seqeval(gold, pred, score(gold, pred))


def test_chunks_follow_conlleval():
    assert chunks(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [
        ("PER", 0, 1),
        ("LOC", 3, 3),
        ("ORG", 4, 4),
    ]


CONLL = """قال O
وزير O
الخارجية O
الفرنسي O
جان B-PER
ماريو I-PER
في O
باريس B-LOC
إن O
الاتحاد B-ORG
الأوروبي I-ORG
يدعم O
الدوري B-MIS
. O

وصل O
الوفد O
إلى O
القاهرة B-LOC
. O
"""


def test_eval_ner_cli_json_matches_seqeval(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(CONLL, encoding="utf-8")
    out = CliRunner().invoke(build_app(), ["eval", "ner", "--conll", str(path), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    sentences = read_conll(path)
    gold = [tags for _, tags in sentences]
    assert gold[0][4] == "B-PERS" and gold[0][12] == "B-MISC"  # spellings mapped
    model = NerModel()
    pred = [model.tag(words) for words, _ in sentences]
    _assert_same_as_seqeval(gold, pred, result)
    assert set(result["three_types"]) == {"precision", "recall", "f1"}
