"""Train the neural (BiLSTM-CRF) entity recogniser from a clean checkout: one command.

    python scripts/train_ner_neural.py            # word vectors if absent, then the model
    python scripts/train_ner_neural.py --epochs 20 --hidden 100   # other sizes (report only)

Trains TrainConfig.members networks (seeds --seed, --seed + 1, ...) and ships them as one
quantized ONNX graph (marsad.ner.neural.ensemble). Reads ../shared/data (or --shared /
$MARSAD_SHARED/data) and the word vectors in tmp/w2v (built by scripts/train_embeddings.py
when missing); writes
src/marsad/ner/models/anercorp-neural.onnx, anercorp-neural.json (vocabularies, CRF
transitions) and MODEL_CARD-neural.json (command, data checksums, dev and AQMAR dev scores).
Needs torch, onnx and gensim (`pip install -e .[train]`); tagging needs only onnxruntime.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    default_shared = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data"
    parser = argparse.ArgumentParser(description="Train marsad's neural entity recogniser.")
    parser.add_argument("--shared", type=Path, default=default_shared, help="shared data folder")
    parser.add_argument("--w2v", type=Path, default=REPO / "tmp" / "w2v", help="word vectors")
    parser.add_argument("--out", type=Path, default=None, help="ONNX file to write")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--hidden", type=int, default=None)
    parser.add_argument("--char-filters", type=int, default=None)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--top-words", type=int, default=None)
    parser.add_argument("--inner-fraction", type=float, default=None)
    parser.add_argument("--dropout", type=float, default=None)
    parser.add_argument("--tune-words", action="store_true", help="fine-tune the word vectors")
    parser.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp only")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--word-dropout", type=float, default=None)
    parser.add_argument("--seed", type=int, default=None, help="first member's seed")
    parser.add_argument("--members", type=int, default=None, help="networks averaged")
    args = parser.parse_args()

    from marsad.ner.neural.model import DEFAULT_NEURAL_MODEL
    from marsad.ner.neural.train import TrainConfig, train

    if not (args.w2v / "vectors.npy").is_file():
        script = REPO / "scripts" / "train_embeddings.py"
        subprocess.run([sys.executable, str(script)], check=True)
    config = TrainConfig()
    net = {
        k: v
        for k, v in (
            ("hidden", args.hidden),
            ("dropout", args.dropout),
            ("char_filters", args.char_filters),
        )
        if v is not None
    }
    if args.tune_words:
        net["freeze_words"] = False
    top = {
        k: v
        for k, v in (
            ("epochs", args.epochs),
            ("lr", args.lr),
            ("top_words", args.top_words),
            ("inner_fraction", args.inner_fraction),
            ("threads", args.threads),
            ("word_dropout", args.word_dropout),
            ("seed", args.seed),
            ("members", args.members),
        )
        if v is not None
    }
    config = replace(config, net=replace(config.net, **net), with_aqmar=not args.no_aqmar, **top)
    command = "python scripts/train_ner_neural.py " + " ".join(sys.argv[1:])
    out = args.out or DEFAULT_NEURAL_MODEL
    card = train(args.shared, args.w2v, out, config, command=command.strip())
    summary = {k: card[k] for k in ("model", "model_bytes", "train_seconds")}
    summary["members_dev_f1"] = [m["dev_f1"] for m in card["members"]]
    for name in ("dev", "aqmar_dev"):
        summary[name] = {part: round(card[name][part]["f1"], 2) for part in ("all", "three_types")}
    print(json.dumps(summary, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
