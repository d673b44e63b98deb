"""Sentence classifier for the event types the trigger words alone code poorly (PROTEST,
ASSAULT): logistic regression over word, word-pair and word-prefix features, the
trigger-lexicon hits, and the mean word vector (word2vec) of the sentence and of the words
around its trigger. Pure Python at run time; trained by ``marsad.events.train``.

A linear weight on a mean of word vectors is the mean of one number per word (the vector's
dot product with the weights), so the model file ships those numbers, not the vectors.
The file is gzipped JSON {"types": {TYPE: {"bias", "threshold", "weights", "opening",
"sentence_words", "window_words"}}, "meta": {...}}.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import word_forms

if TYPE_CHECKING:
    from .sentence import SentenceView

MODEL_NAME = "sentence_model.json.gz"
#: Feature-name prefixes of the words pooled through word vectors (not sparse weights): a
#: sentence word, and a word near the sentence's strongest trigger of a type ("vw:TYPE:").
SENTENCE_WORD, WINDOW_WORD = "vs:", "vw:"
#: Words on each side of a trigger that make its window; not tuned (a clause's subject and
#: object usually stand within three words of an Arabic verb).
WINDOW = 3


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


# Tried and not kept (#4; repeated nested CV F1, the shipped split and two other fold
# seeds, mean; baseline PROTEST 0.509/0.527/0.510 = 0.515, ASSAULT 0.687/0.682/0.663 =
# 0.677): letter trigrams of the words within 2 of each type's first and strongest
# trigger, with the trigger's clitics, whole token and first/last letters. They raised the
# out-of-fold average precision (ASSAULT 0.692 -> 0.708, PROTEST 0.464 -> 0.494, three
# fold seeds) but not the thresholded F1: PROTEST 0.434/0.482/0.519 = 0.478, ASSAULT
# 0.679/0.685/0.648 = 0.671; with L2 10-300 instead of 3-100, PROTEST 0.485, ASSAULT
# 0.681. Tried by out-of-fold ASSAULT AP alone (0.692, seed-averaged), none above 0.697:
# negation / future / preposition / reported-speech / definite-article flags before the
# trigger, the words just before and after it, a hand-written armed-actor list near it
# (single-split nested F1 0.693), the number of trigger words.


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
    feats.update(_vector_words(v))
    return sorted(feats)


def _vector_words(v: SentenceView) -> set[str]:
    """The sentence's words, and the words within WINDOW of each type's strongest trigger,
    as SENTENCE_WORD / WINDOW_WORD feature names (normalised, clitics kept)."""
    words = [f[0] if f and f[0][:1].isalpha() else "" for f in v.forms]
    out = {SENTENCE_WORD + w for w in words if w}
    strongest: dict[str, tuple[float, int, int]] = {}
    for m in v.triggers:
        typ, weight = m.payload.type, m.payload.weight
        if typ not in strongest or weight > strongest[typ][0]:
            strongest[typ] = (weight, m.start, m.end)
    for typ, (_, i, j) in strongest.items():
        near = words[max(0, i - WINDOW) : j + WINDOW]
        out.update(f"{WINDOW_WORD}{typ}:{w}" for w in near if w)
    return out


def known_form(word: str, vocabulary: Container[str]) -> str | None:
    """The first of ``word``'s forms (as written, then without proclitics) that has a
    vector: the training vocabulary is whole written words, so "والمحتجون" falls back to
    "المحتجون" or "محتجون" when it is rare."""
    for form in word_forms(word):
        if form in vocabulary:
            return form
    return None


def pooled_words(features: Iterable[str], typ: str) -> tuple[list[str], list[str]]:
    """The sentence words and the ``typ`` trigger-window words named in ``features``."""
    window = f"{WINDOW_WORD}{typ}:"
    sentence, near = [], []
    for f in features:
        if f.startswith(SENTENCE_WORD):
            sentence.append(f[len(SENTENCE_WORD) :])
        elif f.startswith(window):
            near.append(f[len(window) :])
    return sentence, near


def closest(words: Iterable[str], table: Mapping[str, float]) -> tuple[float, float]:
    """The highest score in ``table`` of the words, and the mean of the three highest
    (0 when none is known)."""
    return _highest([table[k] for k in _known(words, table)])


def _known(words: Iterable[str], table: Container[str]) -> list[str]:
    return [k for k in (known_form(w, table) for w in words) if k is not None]


def _highest(scores: list[float]) -> tuple[float, float]:
    if not scores:
        return 0.0, 0.0
    top3 = sorted(scores)[-3:]
    return top3[-1], sum(top3) / len(top3)


def _mean(scores: list[float]) -> float:
    return sum(scores) / len(scores) if scores else 0.0


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Weights of one event type; ``threshold`` on the probability says yes. ``opening``:
    a sentence that opens with a strong trigger of the type also says yes (train.py turns
    this on only when it raises the cross-validated F1)."""

    bias: float
    threshold: float
    weights: dict[str, float]
    opening: bool = False
    #: The type's name (which trigger windows it reads) and its per-word scores: word
    #: vector . weights on the sentence's / the trigger window's mean vector.
    type: str = ""
    sentence_words: Mapping[str, float] = field(default_factory=dict)
    window_words: Mapping[str, float] = field(default_factory=dict)
    #: Each word's cosine to the type's prototype (the centroid of its full-weight trigger
    #: words' vectors), and the weights on the sentence's highest and top-3 mean cosine.
    prototype_words: Mapping[str, float] = field(default_factory=dict)
    prototype_weights: tuple[float, float] = (0.0, 0.0)

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if self.sentence_words or self.window_words:
            # The shipped tables share one vocabulary: a word's form is looked up once.
            sentence, near = pooled_words(features, self.type)
            known = _known(sentence, self.sentence_words or self.prototype_words)
            z += _mean([self.sentence_words.get(k, 0.0) for k in known])
            z += _mean([self.window_words[k] for k in _known(near, self.window_words)])
            protos = self.prototype_words
            top, top3 = _highest([protos[k] for k in known if k in protos])
            z += self.prototype_weights[0] * top + self.prototype_weights[1] * top3
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
        strong trigger that opens the sentence. A type is decided only when one of its
        triggers is in the sentence (feature "t:TYPE"), as the models were trained."""
        out = {}
        present = {f for f in features if f.startswith("t:")}
        for typ, model in self.models.items():
            if f"t:{typ}" not in present:
                continue
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
                t,
                dict(m.get("sentence_words", {})),
                dict(m.get("window_words", {})),
                dict(m.get("prototype_words", {})),
                tuple(m.get("prototype_weights", (0.0, 0.0))),
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
                "sentence_words": dict(m.sentence_words),
                "window_words": dict(m.window_words),
                "prototype_words": dict(m.prototype_words),
                "prototype_weights": list(m.prototype_weights),
            }
            for t, m in self.models.items()
        }
        body = json.dumps({"types": types, "meta": meta}, ensure_ascii=False, sort_keys=True)
        path.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
