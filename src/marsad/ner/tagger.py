"""Which entity tagger a model file is: ``.onnx`` -> the neural BiLSTM-CRF, else the CRF.

Both classes share one interface (``Tagger``); the stage, ``marsad eval ner`` and the
benchmark open a model through ``open_tagger`` so a path alone picks the kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .lexicons import Lexicons
from .neural.model import DEFAULT_NEURAL_MODEL


class Tagger(Protocol):
    path: Path
    lexicons: Lexicons

    def tag(self, words: list[str]) -> list[str]: ...

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]: ...

    def tag_with_marginals(
        self, sentences: list[list[str]]
    ) -> list[tuple[list[str], list[float]]]: ...


#: The model the "ner" stage uses when Settings.ner_model is unset: the neural tagger,
#: ahead of the CRF (models/anercorp.crfsuite) on carved ANERcorp dev and AQMAR dev
#: (MODEL_CARD-neural.json against MODEL_CARD.json).
DEFAULT_TAGGER = DEFAULT_NEURAL_MODEL


def open_tagger(path: Path | None = None) -> Tagger:
    """The tagger stored at ``path`` (default: DEFAULT_TAGGER), chosen by its suffix."""
    path = Path(path or DEFAULT_TAGGER)
    if path.suffix == ".onnx":
        from .neural.model import NeuralNerModel

        return NeuralNerModel(path)
    from .model import NerModel

    return NerModel(path)
