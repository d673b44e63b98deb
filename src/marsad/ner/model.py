"""The trained CRF, opened lazily by the stage: words in, (label, marginal) out."""

from __future__ import annotations

from pathlib import Path

from ..errors import ModelError
from .conll import to_bio
from .features import FeatureExtractor
from .lexicons import Lexicons, load_lexicons
from .rules import drop_demonyms, trim_hal

MODELS_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = MODELS_DIR / "anercorp.crfsuite"


class NerModel:
    """A crfsuite tagger and the feature extractor it was trained with."""

    def __init__(self, path: Path | None = None, lexicons: Lexicons | None = None) -> None:
        import pycrfsuite

        self.path = Path(path or DEFAULT_MODEL)
        if not self.path.is_file():
            raise ModelError(
                f"{self.path}: NER model not found; train it with `python scripts/train_ner.py`"
            )
        self.lexicons = lexicons or load_lexicons()
        self.features = FeatureExtractor(self.lexicons)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(self.path))
        except Exception as exc:  # crfsuite raises a bare ValueError/IOError
            raise ModelError(f"{self.path}: not a crfsuite model ({exc})") from exc

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
        for words, feats in zip(sentences, self.features.document(sentences), strict=True):
            if not words:
                out.append(([], []))
                continue
            raw = self._tagger.tag(feats)
            labels = trim_hal(words, to_bio(raw), self.lexicons.gazetteer)
            labels = drop_demonyms(words, labels, self.lexicons.demonyms)
            marg = [self._tagger.marginal(lab, i) for i, lab in enumerate(raw)] if marginals else []
            out.append((labels, marg))
        return out
