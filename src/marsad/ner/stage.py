"""The "ner" stage: tags Article.text and adds PER/LOC/ORG/MISC mentions with roles.

The tagger tokenises ``Article.text`` itself (sentence by sentence) and maps labels back to
character offsets. Proclitics و ف ب ك ل before a mention stay outside it ("وباريس" ->
"باريس"); the article ال stays inside ("المغرب").
"""

from __future__ import annotations

from pathlib import Path

from ..arabic import Token, normalize, sentence_spans, split_clitics, tokenize
from ..document import Article, Mention
from ..evaluation.ner import chunks
from ..settings import Settings
from .conll import MENTION_TYPES
from .roles import RoleFinder, attach_roles, home_country_of
from .rules import institution_spans
from .tagger import Tagger, open_tagger

_DETACHABLE = frozenset("وفبكل")


class NerStage:
    """Callable Article -> Article; the model is opened on first use, once per stage."""

    name = "ner"
    requires = frozenset({"text"})
    assigns = frozenset({"mentions"})

    def __init__(self, model_path: Path | None = None) -> None:
        self.model_path = model_path
        self._model: Tagger | None = None
        self._roles: RoleFinder | None = None

    @property
    def model(self) -> Tagger:
        if self._model is None:
            # .onnx -> the neural tagger, .crfsuite -> the CRF (ner/tagger.py)
            self._model = open_tagger(self.model_path)
            self._roles = RoleFinder(self._model.lexicons)
        return self._model

    def __call__(self, article: Article) -> Article:
        text = article.text
        model = self.model
        assert self._roles is not None
        mentions: list[Mention] = []
        sentences: list[list[Token]] = []
        for start, end in sentence_spans(text):
            tokens = [
                Token(t.text, t.start + start, t.end + start) for t in tokenize(text[start:end])
            ]
            sentences.append(tokens)
        # The whole article is one document: a name seen after a title in one sentence
        # informs its bare mentions in the others (features._doc_evidence).
        tagged = model.tag_with_marginals([[t.text for t in tokens] for tokens in sentences])
        for tokens, (labels, marginals) in zip(sentences, tagged, strict=True):
            found = self._mentions(tokens, labels, marginals)
            mentions.extend(self._with_institutions(tokens, found))
        home = home_country_of(article.dateline.place, model.lexicons)
        attach_roles(text, mentions, sentences, self._roles, home_country=home)
        article.mentions = mentions
        return article

    def _mentions(
        self, tokens: list[Token], labels: list[str], marginals: list[float]
    ) -> list[Mention]:
        """Mentions (no roles yet) for the tagged tokens of one sentence."""
        out = []
        for typ, first, last in chunks(labels):
            score = sum(marginals[first : last + 1]) / (last - first + 1)
            start = tokens[first].start + self._proclitic_len(tokens[first].text)
            out.append(
                Mention(
                    start=start,
                    end=tokens[last].end,
                    type=MENTION_TYPES.get(typ, typ),
                    score=round(score, 4),
                )
            )
        return out

    def _with_institutions(self, tokens: list[Token], found: list[Mention]) -> list[Mention]:
        """Add ministry names (see rules.py); model mentions inside them give way."""
        assert self._roles is not None
        spans = institution_spans(tokens, self.model.lexicons, self._roles.bare)
        if not spans:
            return found
        kept = [m for m in found if not any(a < m.end and m.start < b for a, b in spans)]
        kept += [Mention(start=a, end=b, type="ORG", score=1.0) for a, b in spans]
        return sorted(kept, key=lambda m: m.start)

    def _proclitic_len(self, word: str) -> int:
        """Characters of و/ف/ب/ك/ل proclitics to leave outside a mention (0 if none)."""
        lex = self.model.lexicons
        norm = normalize(word)
        if norm in lex.gazetteer or len(norm) != len(word):
            return 0  # a known name as written ("بوطيب"), or diacritics: keep whole
        split = split_clitics(norm, lex.wordfreq)
        peeled = 0
        for clitic in split.prefixes:
            if clitic not in _DETACHABLE:
                break
            peeled += 1
        if "ل" in split.prefixes[:peeled] and "ال" in split.prefixes:
            return 0  # لل: the article's alef is gone, nothing clean to cut
        return peeled if len(norm) - peeled >= 2 else 0


def build(settings: Settings) -> NerStage:
    return NerStage(settings.ner_model)
