"""Tokens of Article.text with their offsets, for reading roles and references around names."""

from __future__ import annotations

import re
from typing import NamedTuple

from .keys import name_key

# Word characters plus the Arabic marks and tatweel that \w leaves out; any other
# non-space character is a token of its own (punctuation ends role phrases).
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]")


class Token(NamedTuple):
    # A tuple, not a dataclass: articles have ~1,000 tokens and building them was the
    # largest cost of linking when profiled.
    start: int
    end: int
    key: str  # keys.name_key of a word; the character itself for punctuation
    is_word: bool

    @property
    def is_comma(self) -> bool:
        return self.key in ("،", ",")


def tokenize(text: str, keys: dict[str, str] | None = None) -> list[Token]:
    """Tokens with their keys; ``keys`` remembers raw token -> key across calls."""
    memo = {} if keys is None else keys
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        k = memo.get(raw)
        if k is None:
            k = memo[raw] = name_key(raw)
        out.append(Token(m.start(), m.end(), k or raw, bool(k)))
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
