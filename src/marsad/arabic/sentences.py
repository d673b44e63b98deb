"""Sentence splitting on . ؟ ? ! ؛ … and line breaks, not inside numbers, dates, abbreviations."""

from __future__ import annotations

import re

#: Abbreviations that end in a period without ending the sentence. Single Arabic letters
#: ("د." doctor, "م." engineer/AD, "هـ." hijri, "ص." page) are handled by rule below.
ABBREVIATIONS = frozenset(
    {
        "أ.د",
        "د",
        "م",
        "ق.م",
        "هـ",
        "ص",
        "ج",
        "ت",
        "س",
        "ش",
        "ه",
        "mr",
        "mrs",
        "dr",
        "st",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "prof",
        "gen",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "p",
        "pp",
    }
)

_TERMINATORS = ".؟?!؛…"
_CLOSERS = "\"'»”’)]}"
# A run of terminators (plus closing quotes/brackets), or a line break.
_BOUNDARY = re.compile(r"[.؟?!؛…]+[\"'»”’)\]}]*|\n+")


def _is_inner_period(text: str, start: int, end: int) -> bool:
    """A '.' that is inside a number/date (3.5, 12.05.2020) or ends an abbreviation."""
    if text[start:end] != ".":
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() and after.isdigit():
        return True
    word = _word_before(text, start).lstrip("(\"'«").lower()
    if word in ABBREVIATIONS:
        return True
    # "U.S." style: letters separated by periods, or a single Latin capital ("J. Smith").
    return len(word) == 1 and word.isalpha() and after.isalpha()


def _word_before(text: str, end: int) -> str:
    """The non-space run ending at ``end`` (or right before a newline there), else "".

    Walks back from ``end``: searching ``(\\S+)$`` from the start of the text made every
    period cost O(len(text)), quadratic on long articles.
    """
    if end > 0 and text[end - 1] == "\n":
        end -= 1  # as ``$`` did: it also matched just before a final newline
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence in ``text``, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith("\n"):
            _add(text, start, match.start(), spans)
            start = match.end()
        elif not _is_inner_period(text, match.start(), match.end()):
            _add(text, start, match.end(), spans)
            start = match.end()
    _add(text, start, len(text), spans)
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see ``sentence_spans``)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
