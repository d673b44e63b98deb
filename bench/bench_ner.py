"""Tagging speed of the shipped NER model on one core, and its size on disk.

    python bench/bench_ner.py ../shared/data/ner/aqmar/dev.txt [--model PATH] [--repeat N]
    python bench/bench_ner.py ../shared/data/ner/aqmar/dev.txt --model \
        src/marsad/ner/models/anercorp.crfsuite           # the two-stage CRF instead

Without --model it measures the stage's default tagger (the neural one).

Prints tokens per second for the first pass (cold word-feature cache, as for a new crawl)
and for later passes (warm cache), plus the model file size in MB.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", type=Path)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from marsad.ner.conll import read_conll
    from marsad.ner.model import first_pass_path
    from marsad.ner.tagger import open_tagger
    from marsad.ner.train import DOC_BLOCK

    sentences = [words for words, _ in read_conll(args.conll)]
    n_tokens = sum(len(s) for s in sentences)
    started = time.perf_counter()
    # the stage's default tagger; an .onnx file is the neural tagger (onnxruntime, one
    # thread), anything else the CRF
    model = open_tagger(args.model)
    load = time.perf_counter() - started
    for i in range(1 + args.repeat):
        started = time.perf_counter()
        for j in range(0, len(sentences), DOC_BLOCK):  # runs of sentences as documents
            model.tag_document(sentences[j : j + DOC_BLOCK])
        rate = n_tokens / (time.perf_counter() - started)
        print(
            f"pass {i + 1} ({'cold' if i == 0 else 'warm'} cache): {rate:,.0f} tokens/s "
            f"over {n_tokens:,} tokens"
        )
    if model.path.suffix == ".onnx":
        from marsad.ner.neural.model import letters_path

        files = [model.path, letters_path(model.path), model.path.with_suffix(".json")]
        files = [p for p in files if p.is_file()]
    else:  # a two-stage CRF keeps its first pass beside it
        files = [p for p in (first_pass_path(model.path), model.path) if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    names = " + ".join(p.name for p in files)
    print(f"model load: {load:.2f} s; model files: {names} {size:.1f} MB")


if __name__ == "__main__":
    main()
