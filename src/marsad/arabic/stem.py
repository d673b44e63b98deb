"""Light10 stemming, as Lucene's ArabicStemmer does it, and the analyser for search.

``light_stem`` expects normalised input (``normalize``), as Lucene applies its
ArabicNormalizationFilter before the stemmer. ``analyze_for_search(text)`` is the whole
chain the full-text index should use for documents and queries alike:
tokenize -> normalize -> drop punctuation and stopwords -> light_stem.
"""

from __future__ import annotations

from .normalise import normalize
from .stopwords import STOPWORDS
from .tokenise import tokenize

#: Lucene ArabicStemmer prefixes, tried in this order; at most one is removed.
LIGHT10_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
#: Lucene ArabicStemmer suffixes, each removed in turn (one pass over the list).
LIGHT10_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")


def _starts_with_check_length(word: str, prefix: str) -> bool:
    if len(prefix) == 1 and len(word) < 4:  # Lucene: a lone و needs a 4-letter word
        return False
    if len(word) < len(prefix) + 2:
        return False
    return word.startswith(prefix)


def _ends_with_check_length(word: str, suffix: str) -> bool:
    if len(word) < len(suffix) + 2:
        return False
    return word.endswith(suffix)


def light_stem(word: str) -> str:
    """Light10 stem of one normalised word (prefix, then suffixes, as Lucene)."""
    # the two checks above, inlined: this runs once per new word in NER features
    n = len(word)
    for prefix in LIGHT10_PREFIXES:
        size = len(prefix)
        if (size > 1 or n >= 4) and n >= size + 2 and word.startswith(prefix):
            word = word[size:]
            break
    for suffix in LIGHT10_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def analyze_for_search(text: str, *, stopwords: bool = True) -> list[str]:
    """Index/query terms for ``text``: normalised light10 stems, punctuation dropped.

    With ``stopwords`` (the default) Arabic function words (في، من، على …) are dropped too.
    Latin words are case-folded; numbers keep their digits (Arabic-Indic become ASCII).
    """
    terms: list[str] = []
    for tok in tokenize(text):
        norm = normalize(tok.text)
        if not norm or not any(c.isalnum() for c in norm):
            continue
        if stopwords and norm in STOPWORDS:
            continue
        terms.append(light_stem(norm))
    return terms
