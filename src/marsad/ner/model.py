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
        if not words:
            return []
        labels = to_bio(self._tagger.tag(self.features.sentence(words)))
        labels = trim_hal(words, labels, self.lexicons.gazetteer)
        return drop_demonyms(words, labels, self.lexicons.demonyms)

    def tag_with_marginals(self, words: list[str]) -> tuple[list[str], list[float]]:
        """Labels and, per token, the marginal probability of its label."""
        labels = self.tag(words)
        raw = self._tagger.tag()  # the model's own labels (BILOU) for the marginals
        marg = [self._tagger.marginal(lab, i) for i, lab in enumerate(raw)]
        return labels, marg
