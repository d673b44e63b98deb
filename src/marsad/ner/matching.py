"""Matches over a sentence's analysed words, shared by the CRF features (features.py) and
the neural encoder (neural/encode.py): longest multi-word name-list matches and the nearest
trigger word to the left. Each caller turns the matches into its own kind of input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

#: Longest name-list phrase matched, in words (longer official names are rare in text).
MAX_PHRASE = 5
#: How far to the left a trigger word (triggers.py) is looked for.
TRIGGER_SPAN = 3


class Word(Protocol):
    @property
    def norm(self) -> str: ...

    @property
    def forms(self) -> tuple[str, ...]: ...

    @property
    def trigger(self) -> str: ...


def phrase_heads(names: Iterable[str]) -> frozenset[str]:
    """Every proper prefix of the multi-word names, from their first words on: only words
    starting one are tried, and a match grows only while it is still such a prefix."""
    out: set[str] = set()
    for name in names:
        words = name.split(" ")
        out.update(" ".join(words[:k]) for k in range(1, len(words)))
    return frozenset(out)


def longest_matches(
    words: Sequence[Word],
    names: Mapping[str, str],
    heads: frozenset[str],
    accept: Callable[[str], bool] = lambda typ: True,
) -> list[tuple[int, int, str]]:
    """(start, length, type) of the longest multi-word names, left to right, not overlapping;
    the first word may be any of its forms (the first form that matches at a length wins
    it), the others as written (normalised). A match whose type ``accept`` refuses gives
    way to a shorter one. ``heads``: phrase_heads(names)."""
    out = []
    i = 0
    while i < len(words):
        found = 0
        if not heads.isdisjoint(words[i].forms):
            by_length = _matches_at(words, i, names, heads)
            for length in sorted(by_length, reverse=True):
                if accept(by_length[length]):
                    out.append((i, length, by_length[length]))
                    found = length
                    break
        i += found or 1
    return out


def _matches_at(
    words: Sequence[Word], i: int, names: Mapping[str, str], heads: frozenset[str]
) -> dict[int, str]:
    """Per length, the type of the name that words ``i``.. make with the first form of word
    ``i`` that makes one of that length (growing each form while it is a name's prefix, one
    lookup per word instead of one per length tried)."""
    found: dict[int, str] = {}
    limit = min(MAX_PHRASE, len(words) - i)
    for text in words[i].forms:
        for length in range(2, limit + 1):
            if text not in heads:
                break
            text += " " + words[i + length - 1].norm
            if text in names:
                found.setdefault(length, names[text])
    return found


def left_trigger(words: Sequence[Word], i: int) -> tuple[int, str] | None:
    """(distance, type) of the nearest trigger word in the TRIGGER_SPAN words left of ``i``."""
    for k in range(1, TRIGGER_SPAN + 1):
        if i - k < 0:
            break
        if words[i - k].trigger:
            return k, words[i - k].trigger
    return None
