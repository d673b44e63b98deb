"""conlleval-style entity scoring: exact span and type, micro P/R/F1, per type.

Chunks follow conlleval (and seqeval's default mode): an I- tag after O or after another
type starts a new chunk. Scores are in percent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

Chunk = tuple[str, int, int]  # type, first token, last token (inclusive)


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """Entity chunks of one BIO(ES) tag sequence."""
    out: list[Chunk] = []
    prev_tag, prev_type = "O", ""
    begin = 0
    for i, label in enumerate([*tags, "O"]):
        tag, typ = _split(label)
        if _ends(prev_tag, tag, prev_type, typ):
            out.append((prev_type, begin, i - 1))
        if _starts(prev_tag, tag, prev_type, typ):
            begin = i
        prev_tag, prev_type = tag, typ
    return out


def _split(label: str) -> tuple[str, str]:
    if label in ("O", "") or "-" not in label:
        return "O", ""
    tag, _, typ = label.partition("-")
    return tag, typ


def _ends(prev: str, tag: str, prev_type: str, typ: str) -> bool:
    if prev in ("E", "S"):
        return True
    if prev == "B":
        return tag in ("B", "S", "O") or (tag in ("I", "E") and prev_type != typ)
    if prev == "I":
        return tag in ("B", "S", "O") or (tag in ("I", "E") and prev_type != typ)
    return False


def _starts(prev: str, tag: str, prev_type: str, typ: str) -> bool:
    if tag in ("B", "S"):
        return True
    if tag in ("I", "E"):
        return prev in ("E", "S", "O") or prev_type != typ
    return False


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    p = 100.0 * correct / predicted if predicted else 0.0
    r = 100.0 * correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score(
    gold: Iterable[Sequence[str]],
    pred: Iterable[Sequence[str]],
    *,
    types: set[str] | None = None,
) -> dict[str, object]:
    """{"precision","recall","f1","per_type":{T:{...,"support"}}} over sentence tag lists.

    ``types`` restricts the score to those entity types (e.g. without MISC).
    """
    correct: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {c for c in chunks(g_tags) if types is None or c[0] in types}
        p = {c for c in chunks(p_tags) if types is None or c[0] in types}
        n_gold.update(c[0] for c in g)
        n_pred.update(c[0] for c in p)
        correct.update(c[0] for c in g & p)
    per_type = {
        t: {**_prf(correct[t], n_pred[t], n_gold[t]), "support": n_gold[t]}
        for t in sorted(set(n_gold) | set(n_pred))
    }
    total = _prf(sum(correct.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {**total, "per_type": per_type}


def evaluate_conll(path: Path, model_path: Path | None = None) -> dict[str, object]:
    """Tag the words of a CoNLL file with the model and score against its tags.

    Gold spellings PER/PERS and MIS/MISC are mapped to the model's (PERS, MISC). Adds
    "three_types": the score over PERS, LOC and ORG only.
    """
    from ..ner.conll import read_conll
    from ..ner.tagger import open_tagger
    from ..ner.train import predict

    sentences = read_conll(path)
    model = open_tagger(model_path)  # .onnx: the neural tagger
    gold = [tags for _, tags in sentences]
    # Runs of consecutive sentences stand for documents, as in training (train.DOC_BLOCK).
    pred = predict(model, sentences)
    result = score(gold, pred)
    three = score(gold, pred, types={"PERS", "LOC", "ORG"})
    result["three_types"] = {k: three[k] for k in ("precision", "recall", "f1")}
    return result
