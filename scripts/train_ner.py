"""Train the shipped NER model from a clean checkout: one command.

    python scripts/train_ner.py                 # lexicons + clusters + model (~12 min, 1 core)
    python scripts/train_ner.py --skip-lexicons # reuse src/marsad/ner/data/*.tsv
    python scripts/train_ner.py --write-dev /tmp/dev.conll  # the carved dev set, to score
    python scripts/train_ner.py --folds 5       # 5-fold CV over ANERcorp train (report only)
    python scripts/train_ner.py --stack-folds 0 # one CRF pass instead of two (faster; -1.2 F1)

Reads ../shared/data (or --shared / $MARSAD_SHARED/data); writes
src/marsad/ner/data/{gazetteer,places,demonyms,wordfreq,clusters}.tsv,
src/marsad/ner/models/anercorp.crfsuite (second pass), anercorp.stage1.crfsuite (first pass)
and MODEL_CARD.json beside them (training-data checksums, dev scores, the command). Needs
numpy, scipy and scikit-learn for the clusters (`pip install -e .[train]`); the model
itself runs without them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.ner.train import TrainConfig

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    default_shared = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data"
    parser = argparse.ArgumentParser(description="Train marsad's entity recogniser.")
    parser.add_argument("--shared", type=Path, default=default_shared, help="shared data folder")
    parser.add_argument("--out", type=Path, default=None, help="model file to write")
    parser.add_argument("--skip-lexicons", action="store_true", help="reuse the built lexicons")
    parser.add_argument("--c1", type=float, default=None)
    parser.add_argument("--c2", type=float, default=None)
    parser.add_argument("--max-iterations", type=int, default=None)
    parser.add_argument("--stack-folds", type=int, default=None, help="0: one-stage CRF")
    parser.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp only")
    parser.add_argument(
        "--write-dev",
        type=Path,
        default=None,
        help="only write the carved dev set (CoNLL) to this file, for `marsad eval ner`",
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="only report k-fold cross-validation F1 over ANERcorp train",
    )
    args = parser.parse_args()
    if args.folds:
        cross_validate_report(args.shared, args.folds, make_config(args))
        return
    if args.write_dev is not None:
        write_dev(args.shared, args.write_dev)
        return

    from marsad.ner.build_data import DATA_DIR, build
    from marsad.ner.clusters import build_clusters
    from marsad.ner.model import DEFAULT_MODEL
    from marsad.ner.train import train

    if not args.skip_lexicons:
        print("lexicons:", build(args.shared), flush=True)
        words = build_clusters(args.shared / "corpora", DATA_DIR / "clusters.tsv")
        print(f"clusters: {words} words", flush=True)
    config = make_config(args)
    command = "python scripts/train_ner.py " + " ".join(sys.argv[1:])
    card = train(args.shared, args.out or DEFAULT_MODEL, config, command=command.strip())
    summary = {k: card[k] for k in ("model", "train_sentences", "model_bytes", "train_seconds")}
    for name in ("dev", "aqmar_dev"):
        summary[name] = {part: round(card[name][part]["f1"], 2) for part in ("all", "three_types")}
    print(json.dumps(summary, ensure_ascii=False, indent=2))


def make_config(args: argparse.Namespace) -> TrainConfig:
    from marsad.ner.train import TrainConfig

    overrides = {
        k: v
        for k, v in (
            ("c1", args.c1),
            ("c2", args.c2),
            ("max_iterations", args.max_iterations),
            ("stack_folds", args.stack_folds),
        )
        if v is not None
    }
    return TrainConfig(with_aqmar=not args.no_aqmar, **overrides)


def cross_validate_report(shared: Path, folds: int, config: TrainConfig) -> None:
    import tempfile

    from marsad.ner.train import cross_validate

    with tempfile.TemporaryDirectory() as work:
        result = cross_validate(shared, folds, config, Path(work))
    print(json.dumps(result, indent=2))


def write_dev(shared: Path, out: Path) -> None:
    from marsad.ner.conll import read_conll
    from marsad.ner.train import ANERCORP_TRAIN, TrainConfig, split_dev

    _, dev = split_dev(read_conll(shared / ANERCORP_TRAIN), TrainConfig().dev_fraction)
    with open(out, "w", encoding="utf-8") as fh:
        for words, tags in dev:
            fh.writelines(f"{w} {t}\n" for w, t in zip(words, tags, strict=True))
            fh.write("\n")
    print(f"{out}: {len(dev)} sentences")


if __name__ == "__main__":
    main()
