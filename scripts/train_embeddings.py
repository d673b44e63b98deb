"""Train word2vec vectors on the unlabelled news corpora (training-time input for models).

    python scripts/train_embeddings.py           # -> tmp/w2v/{vocab.txt,vectors.npy,card.json}
    python scripts/train_embeddings.py --out DIR --dim 100 --epochs 5

Words are what the taggers see: ``marsad.arabic.tokenize`` then ``normalize``. The texts
are SaudiNewsNet and the ANT corpus (``marsad.ner.clusters.documents``). The output is not
shipped as is: models that use the vectors copy the part they need into the package.
``vocab.txt`` is one word per line, most frequent first; ``vectors.npy`` is float32
[V, dim] in the same order; ``card.json`` records the data checksums and settings.
Needs gensim (``pip install -e .[train]``). With the default single worker and the stable
word hash below, two runs write the same vectors (more workers are faster, not repeatable).
"""

from __future__ import annotations

import argparse
import json
import os
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Settings: skip-gram, 100 dimensions, window 5, 5 epochs, words seen >= 5 times. Common
#: defaults for ~10^7-token corpora; not tuned (the models that read the vectors are).
DIM, WINDOW, EPOCHS, MIN_COUNT, SEED = 100, 5, 5, 5, 13


def stable_hash(text: str) -> int:
    """Seeds each word's initial vector; Python's hash() changes from run to run."""
    return zlib.crc32(text.encode("utf-8"))


def sentences(corpora: Path) -> list[list[str]]:
    """Every corpus text as sentences of normalised tokens."""
    from marsad.arabic import normalize, sentence_spans, tokenize
    from marsad.ner.clusters import documents

    out = []
    for text in documents(corpora):
        for start, end in sentence_spans(text):
            words = [normalize(t.text) for t in tokenize(text[start:end])]
            if words:
                out.append(words)
    return out


def main() -> None:
    default_shared = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--out", type=Path, default=REPO / "tmp" / "w2v")
    parser.add_argument("--dim", type=int, default=DIM)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    import numpy as np
    from gensim.models import Word2Vec

    from marsad.checksums import file_sha256

    corpora = args.shared / "corpora"
    started = time.time()
    sents = sentences(corpora)
    n_tokens = sum(len(s) for s in sents)
    print(f"{len(sents):,} sentences, {n_tokens:,} tokens ({time.time() - started:.0f} s)")
    model = Word2Vec(
        sents,
        vector_size=args.dim,
        window=WINDOW,
        min_count=MIN_COUNT,
        sg=1,
        epochs=args.epochs,
        workers=args.workers,
        seed=SEED,
        hashfxn=stable_hash,
    )
    words = list(model.wv.index_to_key)  # most frequent first
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "vocab.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    np.save(args.out / "vectors.npy", model.wv.vectors.astype(np.float32))
    inputs = sorted(p for p in corpora.rglob("*") if p.suffix in {".zip", ".xz"})
    card = {
        "command": "python scripts/train_embeddings.py",
        "settings": {
            "dim": args.dim,
            "window": WINDOW,
            "epochs": args.epochs,
            "sg": 1,
            "workers": args.workers,
        },
        "min_count": MIN_COUNT,
        "sentences": len(sents),
        "tokens": n_tokens,
        "vocabulary": len(words),
        "data_sha256": {str(p.relative_to(args.shared)): file_sha256(p) for p in inputs},
        "seconds": round(time.time() - started, 1),
    }
    (args.out / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: card[k] for k in ("tokens", "vocabulary", "seconds")}))


if __name__ == "__main__":
    main()
