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
    """First words of the multi-word names: only words starting one are tried."""
    return frozenset(k.split(" ", 1)[0] for k in names if " " in k)


def longest_matches(
    words: Sequence[Word],
    names: Mapping[str, str],
    heads: frozenset[str],
    accept: Callable[[str], bool] = lambda typ: True,
) -> list[tuple[int, int, str]]:
    """(start, length, type) of the longest multi-word names, left to right, not overlapping;
    the first word may be any of its forms, the others as written (normalised). A match
    whose type ``accept`` refuses gives way to a shorter one."""
    out = []
    i = 0
    while i < len(words):
        found = 0
        if not heads.isdisjoint(words[i].forms):
            for length in range(min(MAX_PHRASE, len(words) - i), 1, -1):
                rest = " " + " ".join(x.norm for x in words[i + 1 : i + length])
                typ = next((names[f + rest] for f in words[i].forms if f + rest in names), None)
                if typ is not None and accept(typ):
                    out.append((i, length, typ))
                    found = length
                    break
        i += found or 1
    return out


def left_trigger(words: Sequence[Word], i: int) -> tuple[int, str] | None:
    """(distance, type) of the nearest trigger word in the TRIGGER_SPAN words left of ``i``."""
    for k in range(1, TRIGGER_SPAN + 1):
        if i - k < 0:
            break
        if words[i - k].trigger:
            return k, words[i - k].trigger
    return None
