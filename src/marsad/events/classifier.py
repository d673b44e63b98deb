"""Sentence classifier for the event types the trigger words alone code poorly (PROTEST,
ASSAULT): logistic regression over word, word-pair and word-prefix features plus the
trigger-lexicon hits. Pure Python at run time; trained by ``marsad.events.train``.

The model file is gzipped JSON {"types": {TYPE: {"bias", "threshold", "weights"}}, ...}.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sentence import SentenceView

MODEL_NAME = "sentence_model.json.gz"


#: Words that date a report to the news cycle ("أمس", weekdays): a reported event, not
#: background (normalised). Added with the aux-cue, number and length features, they raised
#: the 5-fold CV F1 by about 0.01 for both types (#4).
TIME_WORDS = frozenset(
    {
        "امس",
        "اليوم",
        "الاحد",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "مساء",
        "صباح",
        "ليل",
        "فجر",
    }
)


def sentence_features(v: SentenceView) -> list[str]:
    """Feature names of one sentence: its words (lexicon.word_forms), word pairs and
    prefixes, the trigger patterns found and where, aux cues, numbers, time words, length."""
    forms = v.forms
    stems = [f[-1] for f in forms if f and f[-1][:1].isalpha()]
    feats = {f"w:{s}" for s in stems}
    feats.update(f"p:{s[:4]}" for s in stems if len(s) > 4)
    feats.update(f"b:{a}_{b}" for a, b in pairwise(stems))
    for hit, pos in v.hits():
        typ = hit.split(":", 1)[0]
        feats.add(f"t:{typ}")
        feats.add(f"t:{hit}")
        # Where the trigger stands: a reported protest or attack is usually the main verb,
        # near the start; later mentions are often background ("أمام المتظاهرين").
        feats.add(f"tp:{typ}:{min(pos // 3, 4)}")
    if stems:
        feats.add(f"first:{stems[0]}")
    feats.update(f"aux:{m.payload.aux}" for m in v.cues)
    if any(t.text.isdigit() for t in v.tokens):
        feats.add("number")
    if any(TIME_WORDS.intersection(f) for f in forms):
        feats.add("time")
    feats.add(f"length:{min(len(v.tokens) // 10, 5)}")
    return sorted(feats)


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Weights of one event type; ``threshold`` on the probability says yes. ``opening``:
    a sentence that opens with a strong trigger of the type also says yes (train.py turns
    this on only when it raises the cross-validated F1)."""

    bias: float
    threshold: float
    weights: dict[str, float]
    opening: bool = False

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True, slots=True)
class SentenceClassifier:
    """One TypeModel per event type it was trained for."""

    models: dict[str, TypeModel]

    def scores(self, features: Sequence[str]) -> dict[str, float]:
        return {t: m.probability(features) for t, m in self.models.items()}

    def decide(
        self, features: Sequence[str], opening: frozenset[str] = frozenset()
    ) -> dict[str, float]:
        """Types said yes to, with their probability; ``opening`` holds the types of a
        strong trigger that opens the sentence."""
        out = {}
        for typ, model in self.models.items():
            p = model.probability(features)
            if p >= model.threshold or (model.opening and typ in opening):
                out[typ] = p
        return out

    @classmethod
    def load(cls, path: Path | None = None) -> SentenceClassifier:
        """Read a model file (default: the one shipped in marsad/events/data)."""
        if path is None:
            raw = resources.files(__package__).joinpath("data", MODEL_NAME).read_bytes()
        else:
            raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw))
        models = {
            t: TypeModel(
                float(m["bias"]),
                float(m["threshold"]),
                dict(m["weights"]),
                bool(m.get("opening", False)),
            )
            for t, m in data["types"].items()
        }
        return cls(models)

    def dump(self, path: Path, meta: dict[str, object]) -> None:
        types = {
            t: {
                "bias": m.bias,
                "threshold": m.threshold,
                "weights": m.weights,
                "opening": m.opening,
            }
            for t, m in self.models.items()
        }
        body = json.dumps({"types": types, "meta": meta}, ensure_ascii=False, sort_keys=True)
        path.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
