"""Silver training data: an ensemble of neural taggers labels unlabelled news sentences.

Self-training (knowledge distillation): a student trained on the gold data plus these
sentences learns much of what the averaged teachers know while tagging at one model's
cost. The sentences are tokenised as the ``ner`` stage tokenises article text, and each
document's sentences are tagged together (the document evidence), as at run time.

The output is a CoNLL file under tmp/ (corpus text never enters the repository) with the
teachers' labels, and beside it (same name, ``.npz``) their mean emission scores per token
(``scores``, float16 [tokens, labels], in file order) and the sentences per document
(``docs``): the student learns the scores on these sentences (train.fit).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...arabic import sentence_spans, tokenize
from ..conll import Sentence, read_conll
from .model import NeuralNerModel, Tables


@dataclass(frozen=True, slots=True, kw_only=True)
class SilverConfig:
    """Which corpus sentences are labelled."""

    #: Stop after this many tokens. 300k (2.4x the gold ANERcorp part) was the first size
    #: tried; see the student's card for its dev score.
    tokens: int = 300_000
    #: Take every ``stride``-th corpus document (SaudiNewsNet then ANT, as
    #: ner.clusters.documents yields them): 30 reaches 300k tokens after ~52k documents,
    #: so both corpora and all SaudiNewsNet sources are sampled.
    stride: int = 30
    #: Sentences kept per document (its first ones: the lead carries most names); 10 as
    #: the gold data's DOC_BLOCK.
    per_document: int = 10
    #: Sentence lengths kept, in tokens: shorter are headings and chrome, longer are
    #: run-on lists the gold data has few of.
    min_len: int = 4
    max_len: int = 60


def ensemble(models: list[NeuralNerModel]) -> NeuralNerModel:
    """One tagger whose emissions and CRF scores are the teachers' means (the teachers
    share vocabularies: they are trained on the same data with different seeds)."""
    first = models[0].tables
    for other in models[1:]:
        if other.tables.words != first.words or other.tables.chars != first.chars:
            raise ValueError(f"{other.path}: vocabulary differs from {models[0].path}")
    tables = Tables(
        first.labels,
        first.words,
        first.chars,
        np.mean([m.tables.trans for m in models], axis=0),
        np.mean([m.tables.start for m in models], axis=0),
        np.mean([m.tables.end for m in models], axis=0),
        first.extra_flags,
    )
    emits = [m._emit for m in models]

    def emit(arrays: dict[str, np.ndarray]) -> np.ndarray:
        return np.mean([e(arrays) for e in emits], axis=0)

    return NeuralNerModel.from_parts(tables, emit, models[0].lexicons, Path("ensemble"))


def document_sentences(texts: Iterable[str], config: SilverConfig) -> Iterator[list[list[str]]]:
    """Per sampled document, its first sentences of acceptable length, as tokens."""
    for i, text in enumerate(texts):
        if i % config.stride:
            continue
        sentences = []
        for start, end in sentence_spans(text):
            tokens = [t.text for t in tokenize(text[start:end])]
            if config.min_len <= len(tokens) <= config.max_len:
                sentences.append(tokens)
        if sentences:
            yield sentences[: config.per_document]


def scores_path(silver: Path) -> Path:
    return silver.with_suffix(".npz")


def teacher_scores(teacher: NeuralNerModel, doc: list[list[str]]) -> list[np.ndarray]:
    """The teacher's emission scores ``[len, labels]`` for each sentence of one document."""
    encoded = teacher.encoder.document(doc)
    return [teacher.emissions([e])[0, : len(words)] for e, words in zip(encoded, doc, strict=True)]


def write_silver(
    texts: Iterable[str], teacher: NeuralNerModel, out: Path, config: SilverConfig
) -> dict[str, int]:
    """Label sampled sentences of ``texts`` with ``teacher``; write them as CoNLL (one
    blank line between sentences, a document's sentences in order) and their scores."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tokens = 0
    docs: list[int] = []
    scores: list[np.ndarray] = []
    with out.open("w", encoding="utf-8") as fh:
        for doc in document_sentences(texts, config):
            scores += teacher_scores(teacher, doc)
            for words, labels in zip(doc, teacher.tag_document(doc), strict=True):
                fh.write("".join(f"{w} {tag}\n" for w, tag in zip(words, labels, strict=True)))
                fh.write("\n")
                tokens += len(words)
            docs.append(len(doc))
            if tokens >= config.tokens:
                break
    with scores_path(out).open("wb") as fh:
        np.savez(fh, scores=np.concatenate(scores).astype(np.float16), docs=np.array(docs))
    return {"documents": len(docs), "sentences": sum(docs), "tokens": tokens}


def read_silver(path: Path) -> tuple[list[list[Sentence]], list[np.ndarray]]:
    """The silver sentences grouped by document, and each sentence's teacher scores."""
    sentences = read_conll(path)
    with np.load(scores_path(path)) as data:
        flat, sizes = data["scores"].astype(np.float32), data["docs"].tolist()
    if sum(sizes) != len(sentences) or len(flat) != sum(len(w) for w, _ in sentences):
        raise ValueError(f"{path}: its {scores_path(path).name} does not match the sentences")
    cuts = np.cumsum([len(w) for w, _ in sentences])[:-1]
    scores = np.split(flat, cuts)
    docs, at = [], 0
    for n in sizes:
        docs.append(sentences[at : at + n])
        at += n
    return docs, scores
