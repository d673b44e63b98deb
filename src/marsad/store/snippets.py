"""Search snippets cut from the ORIGINAL text, with the words that matched marked.

The index holds analysed text, so a snippet is made by analysing the original paragraph
again with an offset map (``normalize_with_offsets``) and marking the original spans whose
stem or normalised form the query asked for. Output is HTML: text escaped, matches in
``<mark>``; nothing from the article can become markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from ..arabic.normalise import normalize_with_offsets
from .search import WORD, Analyser, ParsedQuery

#: Words shown around the matches (a search result line or two).
SNIPPET_WORDS = 28


def query_terms(query: ParsedQuery, analyser: Analyser) -> tuple[frozenset[str], frozenset[str]]:
    """(stems, normalised words) a snippet should mark for ``query``."""
    words = list(query.words)
    for phrase in query.phrases:
        words.extend(phrase)
    return frozenset(analyser.stem(w) for w in words), frozenset(words)


def _best_paragraph(paragraphs: Sequence[str], stems: frozenset[str], analyser: Analyser) -> int:
    """Index of the paragraph whose normalised text contains the most query stems."""
    best, best_count = 0, 0
    for i, para in enumerate(paragraphs):
        norm = analyser.normalize(para)
        count = sum(1 for s in stems if s in norm)
        if count > best_count:
            best, best_count = i, count
    return best


def _window(flags: Sequence[str | None], size: int) -> int:
    """Start of the ``size``-word window that holds the most distinct matched terms."""
    best, best_score = 0, -1
    for start in range(max(1, len(flags) - size + 1)):
        score = len({f for f in flags[start : start + size] if f})
        if score > best_score:
            best, best_score = start, score
    return best


def make_snippet(
    paragraphs: Sequence[str],
    stems: frozenset[str],
    words: frozenset[str],
    analyser: Analyser,
    *,
    size: int = SNIPPET_WORDS,
) -> str:
    """HTML snippet of the best passage of ``paragraphs`` with matches in ``<mark>``."""
    if not paragraphs:
        return ""
    para = paragraphs[_best_paragraph(paragraphs, stems, analyser)]
    norm, offsets = normalize_with_offsets(para)
    spans: list[tuple[int, int]] = []
    flags: list[str | None] = []
    for m in WORD.finditer(norm):
        start = offsets[m.start()]
        end = max(offsets[m.end()], offsets[m.end() - 1] + 1)
        spans.append((start, end))
        stem = analyser.stem(m.group())
        flags.append(stem if stem in stems or m.group() in words else None)
    if not spans:
        return escape(para[:200])
    first = _window(flags, size)
    chosen = range(first, min(len(spans), first + size))
    return _render(
        para,
        [spans[i] for i in chosen],
        [flags[i] for i in chosen],
        more_before=first > 0,
        more_after=chosen.stop < len(spans),
    )


def _render(
    text: str,
    spans: Sequence[tuple[int, int]],
    flags: Iterable[str | None],
    *,
    more_before: bool,
    more_after: bool,
) -> str:
    out = ["… " if more_before else ""]
    pos = spans[0][0]
    for (start, end), flag in zip(spans, flags, strict=True):
        out.append(escape(text[pos:start]))
        word = escape(text[start:end])
        out.append(f"<mark>{word}</mark>" if flag else word)
        pos = end
    out.append(" …" if more_after else "")
    return "".join(out)
