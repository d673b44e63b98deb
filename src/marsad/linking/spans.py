"""Tokens of Article.text with their offsets, for reading roles and references around names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .keys import name_key

# Word characters plus the Arabic marks and tatweel that \w leaves out; any other
# non-space character is a token of its own (punctuation ends role phrases).
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    key: str  # keys.name_key of a word; the character itself for punctuation
    is_word: bool

    @property
    def is_comma(self) -> bool:
        return self.key in ("،", ",")


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        key = name_key(raw)
        out.append(Token(m.start(), m.end(), key or raw, bool(key)))
    return out


def token_index(tokens: list[Token], offset: int) -> int:
    """Index of the first token that ends after ``offset`` (binary search)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo
