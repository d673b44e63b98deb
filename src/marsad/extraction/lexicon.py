"""Phrase lexicons for page chrome, loaded from the data files beside this package."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")

#: A phrase found inside (not at the start of) a block marks it as chrome only when the
#: block is this short: widget lines are short, sentences quoting a phrase are not.
_CONTAINED_MAX_WORDS = 8
#: One-word phrases ("شارك", "تعليقات") are also verbs and nouns of ordinary sentences;
#: they mark a block only when the block is about that short.
_SINGLE_WORD_MAX_WORDS = 4


def fold(text: str) -> str:
    """Matching key: diacritics dropped, alef/ta marbuta/ya folded, case folded."""
    return " ".join(_MARKS.sub("", text).translate(_FOLD).casefold().split())


@dataclass(frozen=True, slots=True)
class ChromeLexicon:
    phrases: tuple[str, ...]

    @classmethod
    def load(cls, name: str) -> ChromeLexicon:
        raw = resources.files("marsad.extraction.data").joinpath(name).read_text("utf-8")
        keys = {fold(line) for line in raw.splitlines() if line.strip() and line[0] != "#"}
        return cls(tuple(sorted(keys, key=len, reverse=True)))

    def matches(self, text: str, words: int) -> bool:
        key = fold(text)
        for phrase in self.phrases:
            single = " " not in phrase
            if single and words > _SINGLE_WORD_MAX_WORDS:
                continue
            if key.startswith(phrase) and _boundary(key, len(phrase)):
                return True
            if words <= _CONTAINED_MAX_WORDS and not single and phrase in key:
                return True
        return False


def _boundary(key: str, end: int) -> bool:
    """The phrase ends at a word boundary (so "تابعوا" does not match "تابعواها")."""
    return end >= len(key) or not key[end].isalnum() or key[end - 1] in ":"
