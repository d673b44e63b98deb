"""A sentence as the event coder sees it: tokens with offsets, normalised word forms, and
the lexicon matches found in it."""

from __future__ import annotations

from dataclasses import dataclass

from ..arabic.normalise import normalize
from ..arabic.tokenise import Token, tokenize
from .lexicon import Match, word_forms
from .plover import Cue, Lexicons, Trigger

#: Tokens that end a clause for aux-mode scope and argument search.
CLAUSE_MARKS = frozenset({"،", ",", "؛", ";", ":", "(", ")", "«", "»", '"', "-", "–"})


@dataclass(slots=True)
class SentenceView:
    """``start``/``end`` are offsets of the sentence in the article text; token offsets are
    relative to ``start``."""

    start: int
    end: int
    text: str
    tokens: list[Token]
    forms: list[tuple[str, ...]]
    triggers: list[Match[Trigger]]
    contexts: list[Match[str]]
    cues: list[Match[Cue]]

    def hits(self) -> list[tuple[str, int]]:
        return [(f"{m.payload.type}:{m.payload.pattern}", m.start) for m in self.triggers]

    def opening_types(self) -> frozenset[str]:
        """Types of a full-weight trigger on the sentence's first word ("تظاهر ...")."""
        return frozenset(
            m.payload.type for m in self.triggers if m.start == 0 and m.payload.weight >= 1.0
        )

    def abs_span(self, i: int, j: int) -> tuple[int, int]:
        """Article offsets of tokens ``[i, j)``."""
        return self.start + self.tokens[i].start, self.start + self.tokens[j - 1].end

    def words(self, i: int, j: int) -> str:
        """The text of tokens ``[i, j)`` as written."""
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering article ``offset`` (None outside the sentence)."""
        rel = offset - self.start
        for i, tok in enumerate(self.tokens):
            if tok.start <= rel < tok.end:
                return i
        return None


def view(text: str, start: int, end: int, lexicons: Lexicons) -> SentenceView:
    """Tokenise ``text[start:end]`` and match the lexicons on it."""
    sentence = text[start:end]
    tokens = tokenize(sentence)
    forms = [word_forms(normalize(t.text)) for t in tokens]
    return SentenceView(
        start,
        end,
        sentence,
        tokens,
        forms,
        lexicons.triggers.find(forms),
        lexicons.contexts.find(forms),
        lexicons.aux.find(forms),
    )
