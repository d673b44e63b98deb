"""The neural tagger at run time: onnxruntime + numpy, opened lazily by the stage.

Same interface as ``marsad.ner.model.NerModel``. The ONNX file holds the emission network,
``<name>.letters.onnx`` beside it the letters part (cached per word, letters.py; a model
without one takes letter ids in its one graph); the JSON beside it (same name, ``.json``)
holds the word and letter ids and the CRF transitions, decoded here in numpy. Marginals
are exact CRF posteriors (forward-backward).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...errors import ModelError
from ..lexicons import Lexicons, load_lexicons
from ..rules import clean_document, clean_labels
from .decode import marginals, viterbi
from .encode import Encoded, Encoder, pad
from .letters import LetterCache

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
DEFAULT_NEURAL_MODEL = MODELS_DIR / "anercorp-neural.onnx"

#: A batch's sentences are at most this many times as long as its shortest (so padding is
#: at most 1/3 of the work); on AQMAR dev (10-sentence documents) no grouping ran the network
#: on 2.1x the real tokens.
GROUP_SPREAD = 1.5

Emit = Callable[[dict[str, np.ndarray]], np.ndarray]


@dataclass(frozen=True, slots=True)
class Tables:
    """Everything but the network: vocabularies, labels and CRF scores."""

    labels: tuple[str, ...]
    words: dict[str, int]
    chars: dict[str, int]
    trans: np.ndarray
    start: np.ndarray
    end: np.ndarray
    #: optional input flags after encode.FLAGS the network was trained with (absent in
    #: older tables: none)
    extra_flags: tuple[str, ...] = ()

    def to_json(self) -> dict:
        data = {
            "labels": list(self.labels),
            "words": sorted(self.words, key=self.words.__getitem__),
            "chars": sorted(self.chars, key=self.chars.__getitem__),
            "trans": self.trans.tolist(),
            "start": self.start.tolist(),
            "end": self.end.tolist(),
        }
        if self.extra_flags:
            data["extra_flags"] = list(self.extra_flags)
        return data

    @classmethod
    def from_json(cls, data: dict) -> Tables:
        # ids 0 and 1 are PAD and UNK; the lists start at id 2
        return cls(
            labels=tuple(data["labels"]),
            words={w: i + 2 for i, w in enumerate(data["words"])},
            chars={c: i + 2 for i, c in enumerate(data["chars"])},
            trans=np.array(data["trans"], dtype=np.float64),
            start=np.array(data["start"], dtype=np.float64),
            end=np.array(data["end"], dtype=np.float64),
            extra_flags=tuple(data.get("extra_flags", ())),
        )


def tables_path(path: Path) -> Path:
    return path.with_suffix(".json")


def letters_path(path: Path) -> Path:
    return path.with_name(path.stem + ".letters.onnx")


def onnx_emitter(path: Path) -> Emit:
    """An emission function over one onnxruntime session (one thread: a crawl runs one
    pipeline per core)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph types
        raise ModelError(f"{path}: not an ONNX model ({exc})") from exc

    def emit(arrays: dict[str, np.ndarray]) -> np.ndarray:
        return session.run(None, arrays)[0]

    return emit


class NeuralNerModel:
    """A BiLSTM-CRF tagger: the emission network, the CRF tables and the input encoder."""

    def __init__(self, path: Path | None = None, lexicons: Lexicons | None = None) -> None:
        self.path = Path(path or DEFAULT_NEURAL_MODEL)
        side = tables_path(self.path)
        if not self.path.is_file() or not side.is_file():
            raise ModelError(
                f"{self.path}: neural NER model or its {side.name} not found; train it with "
                "`python scripts/train_ner_neural.py`"
            )
        tables = Tables.from_json(json.loads(side.read_text(encoding="utf-8")))
        letters = None
        if letters_path(self.path).is_file():
            run = onnx_emitter(letters_path(self.path))
            letters = LetterCache(lambda chars: run({"chars": chars}))
        self._setup(tables, onnx_emitter(self.path), lexicons or load_lexicons(), letters)

    @classmethod
    def from_parts(
        cls, tables: Tables, emit: Emit, lexicons: Lexicons, path: Path
    ) -> NeuralNerModel:
        """A model over any emission function (training scores its torch network this way)."""
        model = cls.__new__(cls)
        model.path = path
        model._setup(tables, emit, lexicons)
        return model

    def _setup(
        self, tables: Tables, emit: Emit, lexicons: Lexicons, letters: LetterCache | None = None
    ) -> None:
        self.lexicons = lexicons
        self.tables = tables
        self.encoder = Encoder(lexicons, tables.words, tables.chars, tables.extra_flags)
        self._emit = emit
        self._letters = letters

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (model spelling: PERS, LOC, ORG, MISC) for one sentence."""
        return self.tag_document([words])[0]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for consecutive sentences of one text (they share evidence)."""
        return [labels for labels, _ in self._tag(sentences, with_marginals=False)]

    def tag_with_marginals(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Per sentence of one text: labels and, per token, the CRF posterior of its label."""
        return self._tag(sentences, with_marginals=True)

    def emissions(self, encoded: list[Encoded]) -> np.ndarray:
        """``[B, T, K]`` label scores for encoded (non-empty) sentences, padded."""
        if self._letters is None:
            return self._emit(pad(encoded)).astype(np.float64)
        arrays = pad(encoded, with_chars=False)
        arrays["letters"] = self._letters.features(encoded, arrays["words"].shape[1])
        return self._emit(arrays).astype(np.float64)

    def _tag(
        self, sentences: list[list[str]], *, with_marginals: bool
    ) -> list[tuple[list[str], list[float]]]:
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        encoded = self.encoder.document(sentences)
        t = self.tables
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        # The network runs per group of similar lengths; the CRF decodes the whole text at
        # once (its loops cost per position, not per sentence: one pass over the longest
        # sentence instead of one per group, about half the decoding time in the pipeline).
        em = np.zeros((len(sentences), int(lengths.max(initial=0)), len(t.labels)))
        for group in length_groups(lengths.tolist()):
            scores = self.emissions([encoded[i] for i in group])
            em[group, : scores.shape[1]] = scores
        paths = viterbi(em, lengths, t.trans, t.start, t.end)
        probs = marginals(em, lengths, t.trans, t.start, t.end) if with_marginals else None
        for i, path in enumerate(paths):
            if not path:
                continue
            words = sentences[i]
            labels = clean_labels(words, [t.labels[k] for k in path], self.lexicons)
            marg = [float(probs[i, j, k]) for j, k in enumerate(path)] if probs is not None else []
            out[i] = (labels, marg)
        return clean_document(sentences, out, lambda w: self.encoder.word(w).norm)


def length_groups(lengths: list[int]) -> list[list[int]]:
    """Indices of the non-empty sentences, in batches of similar length (padding a short
    sentence to a long one's length doubled the network's work on ANERcorp's blocks)."""
    order = sorted((n, i) for i, n in enumerate(lengths) if n)
    groups: list[list[int]] = []
    shortest = 0
    for n, i in order:
        if not groups or n > GROUP_SPREAD * shortest:
            groups.append([])
            shortest = n
        groups[-1].append(i)
    return groups
