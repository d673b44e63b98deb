"""The shipped recipe: teachers, silver data, then one student (knowledge distillation).

1. ``teachers`` BiLSTM-CRFs are trained on the gold data with seeds ``seed``, ``seed + 1``...
2. Their ensemble (mean scores, silver.ensemble) labels sampled corpus sentences (silver.py).
3. The student, trained on the gold data plus those sentences with the ensemble's scores as
   soft targets, is the model that ships: about the ensemble's accuracy at one model's cost
   (the ``ner`` stage is most of the pipeline's time, so a run-time ensemble would not do).

Teachers are kept under ``work`` and reused when their card shows the same settings.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

from ...checksums import file_sha256
from ..clusters import documents
from ..conll import read_conll
from ..train import ANERCORP_TRAIN, AQMAR_DEV, evaluate, split_dev
from .model import NeuralNerModel
from .silver import SilverConfig, ensemble, scores_path, write_silver
from .train import TrainConfig, train

CARD = "MODEL_CARD-neural.json"


def _teacher(shared: Path, w2v: Path, path: Path, config: TrainConfig, command: str) -> None:
    """Train one teacher unless ``path`` holds one trained with ``config``."""
    card = path.with_name(CARD)
    if path.is_file() and card.is_file():
        done = json.loads(card.read_text(encoding="utf-8"))
        if done.get("config") == json.loads(json.dumps(asdict(config))):
            return
    train(shared, w2v, path, config, command=command)


def _scores(model: NeuralNerModel, shared: Path, config: TrainConfig) -> dict:
    _, dev = split_dev(read_conll(shared / ANERCORP_TRAIN), config.dev_fraction)
    return {
        "dev": evaluate(model, dev)["all"]["f1"],
        "aqmar_dev_three_types": evaluate(model, read_conll(shared / AQMAR_DEV))["three_types"][
            "f1"
        ],
    }


def train_distilled(
    shared: Path,
    w2v: Path,
    out: Path,
    config: TrainConfig,
    *,
    teachers: int,
    work: Path,
    silver_config: SilverConfig | None = None,
    command: str = "",
) -> dict:
    """Teachers -> silver -> student at ``out``; returns the student's card (written beside
    it) with the teachers' and their ensemble's scores and the silver data's checksums."""
    silver_config = silver_config or SilverConfig()
    paths = []
    for k in range(teachers):
        path = work / f"teacher-{config.seed + k}" / "anercorp-neural.onnx"
        teacher_config = replace(config, seed=config.seed + k, silver="")
        _teacher(shared, w2v, path, teacher_config, f"{command} (teacher {k + 1})")
        paths.append(path)
    models = [NeuralNerModel(p) for p in paths]
    silver = work / "silver.conll"
    stats = write_silver(documents(shared / "corpora"), ensemble(models), silver, silver_config)
    card = train(shared, w2v, out, replace(config, silver=str(silver)), command=command)
    card["config"]["silver"] = f"{work.name}/{silver.name} (written by the run, not shipped)"
    card["teachers"] = [
        {"seed": config.seed + k, **_scores(m, shared, config)} for k, m in enumerate(models)
    ]
    card["teacher_ensemble"] = _scores(ensemble(models), shared, config)
    card["silver"] = {
        **stats,
        "config": asdict(silver_config),
        "sha256": {p.name: file_sha256(p) for p in (silver, scores_path(silver))},
    }
    out.with_name(CARD).write_text(
        json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return card
