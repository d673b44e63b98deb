"""The trained CRF, opened lazily by the stage: words in, (label, marginal) out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ModelError
from .conll import to_bio
from .features import FeatureExtractor
from .lexicons import Lexicons, load_lexicons
from .rules import clean_document, clean_labels
from .stacking import stacked_features

MODELS_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = MODELS_DIR / "anercorp.crfsuite"


def first_pass_path(path: Path) -> Path:
    """First pass of a two-stage model (stacking.py): ``x.crfsuite`` -> ``x.stage1.crfsuite``."""
    return path.with_name(path.stem + ".stage1.crfsuite")


class NerModel:
    """A crfsuite tagger and the feature extractor it was trained with."""

    def __init__(self, path: Path | None = None, lexicons: Lexicons | None = None) -> None:
        self.path = Path(path or DEFAULT_MODEL)
        if not self.path.is_file():
            raise ModelError(
                f"{self.path}: NER model not found; train it with `python scripts/train_ner.py`"
            )
        self.lexicons = lexicons or load_lexicons()
        self.features = FeatureExtractor(self.lexicons)
        self._tagger = _open(self.path)
        # a two-stage model keeps its first pass beside it; a one-stage model has none
        first = first_pass_path(self.path)
        self._first = _open(first) if first.is_file() else None

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (model spelling: PERS, LOC, ORG, MISC) for one sentence."""
        return self.tag_document([words])[0]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for consecutive sentences of one text (they share evidence)."""
        return [labels for labels, _ in self._tag(sentences, marginals=False)]

    def tag_with_marginals(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Per sentence of one text: labels and, per token, the marginal of its label."""
        return self._tag(sentences, marginals=True)

    def _tag(
        self, sentences: list[list[str]], *, marginals: bool
    ) -> list[tuple[list[str], list[float]]]:
        out: list[tuple[list[str], list[float]]] = []
        for words, feats in zip(sentences, self._features(sentences), strict=True):
            if not words:
                out.append(([], []))
                continue
            raw = self._tagger.tag(feats)
            labels = clean_labels(words, to_bio(raw), self.lexicons)
            marg = [self._tagger.marginal(lab, i) for i, lab in enumerate(raw)] if marginals else []
            out.append((labels, marg))
        return clean_document(sentences, out, lambda w: self.features.word(w).norm)

    def _features(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        feats = self.features.document(sentences)
        if self._first is None:
            return feats
        first = [self._first.tag(f) if f else [] for f in feats]
        keys = [[self.features.word(w).key for w in words] for words in sentences]
        extra = stacked_features(keys, [to_bio(labels) for labels in first])
        for s_feats, s_extra in zip(feats, extra, strict=True):
            for f, e in zip(s_feats, s_extra, strict=True):
                f.extend(e)
        return feats


def _open(path: Path) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except Exception as exc:  # crfsuite raises a bare ValueError/IOError
        raise ModelError(f"{path}: not a crfsuite model ({exc})") from exc
    return tagger
