"""Tokenisation with offsets, and clitic splitting ("وبباريس" -> و + ب + باريس).

``tokenize`` splits on whitespace and punctuation and keeps numbers such as 3.5, 1,200 and
12/05/2020 whole. ``split_clitics`` peels the proclitics و ف (conjunctions), ب ك ل
(prepositions), ال (article), س (future) and the pronoun suffixes. Clitic splitting is
ambiguous without a vocabulary ("بوريطة" is a name, not ب + وريطة): without a ``lexicon``
only article-bearing prefixes (ال، وال، بال، فال، كال، لل، ولل …) are split; with a lexicon
(normalised word -> corpus count) the reading whose stem is most frequent wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from .normalise import VANISHING, normalize

# Letters, digits, harakat, tatweel, ZWNJ/ZWJ; numbers may carry inner . , / : separators.
_WORD = r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]"
_TOKEN = re.compile(rf"{_WORD}*\d(?:[.,/:]\d+)+|{_WORD}+|[^\s\w]", re.UNICODE)

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"
FUTURE = "س"
#: Pronoun suffixes, longest first (normalised: ة is folded to ه).
PRONOUN_SUFFIXES = ("كما", "هما", "كم", "كن", "هم", "هن", "نا", "ها", "ه", "ك", "ي")
# Imperfect-verb prefixes that may follow the future marker س.
_IMPERFECT = "يتنا"


class Token(NamedTuple):
    """A token and its ``[start, end)`` offsets in the text it came from."""

    text: str
    start: int
    end: int


class Clitics(NamedTuple):
    """A word split into proclitics, stem and enclitics (all in the word's own spelling)."""

    prefixes: tuple[str, ...]
    stem: str
    suffixes: tuple[str, ...]


def tokenize(text: str) -> list[Token]:
    """Word, number and punctuation tokens of ``text`` with their offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _prefix_table() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Every proclitic sequence with its written (normalised) form, in a fixed order."""
    table: list[tuple[tuple[str, ...], str]] = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            for art in ("", ARTICLE):
                seq = tuple(p for p in (conj, prep, art) if p)
                if seq:
                    surface = conj + "لل" if prep == "ل" and art else "".join(seq)
                    table.append((seq, surface))
        table.append((tuple(p for p in (conj, FUTURE) if p), conj + FUTURE))
    return tuple(table)


#: (proclitics, written form) pairs, e.g. (("و", "ل", "ال"), "ولل"); an immutable table.
_PREFIXES = _prefix_table()


def _by_first_letter() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, surface in _PREFIXES:
        index.setdefault(surface[0], []).append((seq, surface))
    return {first: tuple(rows) for first, rows in index.items()}


#: ``_PREFIXES`` rows by the first letter of their written form, order kept (read-only):
#: a word is only tried against the rows it can start with.
_PREFIXES_BY_FIRST = _by_first_letter()


def prefix_candidates(word: str) -> list[tuple[str, ...]]:
    """Every proclitic sequence ``word`` could start with (normalised spelling), "" first."""
    norm = normalize(word)
    found: list[tuple[str, ...]] = [()]
    for seq, surface in _PREFIXES_BY_FIRST.get(norm[:1], ()):
        if len(norm) - len(surface) < 2 or not norm.startswith(surface) or seq in found:
            continue
        # س only before an imperfect verb, and a longer word
        future = seq[-1] == FUTURE
        if future and (len(norm) <= len(surface) + 2 or norm[len(surface)] not in _IMPERFECT):
            continue
        found.append(seq)
    return found


def proclitic_stems(norm: str) -> list[str]:
    """What a normalised word is behind each proclitic sequence it could start with
    ("وللمسلمين" -> "للمسلمين", "مسلمين", ...), in ``prefix_candidates`` order."""
    return [norm[_surface_len(seq) :] for seq in prefix_candidates(norm)[1:]]


def _surface_len(seq: tuple[str, ...]) -> int:
    length = sum(len(p) for p in seq)
    return length - 1 if "ل" in seq and ARTICLE in seq else length  # لل drops the alef


def _strip_surface(word: str, n: int) -> int:
    """Index in ``word`` after its first ``n`` normalised letters (harakat skipped)."""
    seen = 0
    for i, ch in enumerate(word):
        if seen == n:
            return i
        if ch not in VANISHING if ch <= "\uffff" else normalize(ch):
            seen += 1  # a letter normalize keeps (astral ones are rare: ask it)
    return len(word)


def split_clitics(word: str, lexicon: Mapping[str, int] | None = None) -> Clitics:
    """Split ``word`` into proclitics + stem + pronoun suffix (see module docstring)."""
    best = Clitics((), word, ())
    best_score = lexicon.get(normalize(word), 0) if lexicon is not None else 0
    for seq in prefix_candidates(word)[1:]:
        cut = _strip_surface(word, _surface_len(seq))
        stem = word[cut:]
        if lexicon is None:
            if ARTICLE in seq:
                best = Clitics(seq, stem, ())  # longest article-bearing prefix wins
            continue
        score = lexicon.get(normalize(stem), 0)
        if ARTICLE in seq:
            score = max(score, lexicon.get("ال" + normalize(stem), 0))
        # Ties go to the longer split: و + ال + حكومة rather than و + الحكومة.
        if score > best_score or (score and score == best_score):
            best, best_score = Clitics(seq, stem, ()), score
    if lexicon is not None:
        best = _split_suffix(best, lexicon, best_score)
    return best


def _split_suffix(split: Clitics, lexicon: Mapping[str, int], score: int) -> Clitics:
    norm = normalize(split.stem)
    for suffix in PRONOUN_SUFFIXES:
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            stem = norm[: -len(suffix)]
            # A stem ending in ت may be a teh marbuta before the suffix (مدرستها -> مدرسة).
            marbuta = lexicon.get(stem[:-1] + "ه", 0) if stem[-1] == "ت" else 0
            count = max(lexicon.get(stem, 0), marbuta)
            if count > score:
                cut = _strip_surface(split.stem, len(stem))
                return Clitics(split.prefixes, split.stem[:cut], (split.stem[cut:],))
    return split


def clitic_tokens(text: str, lexicon: Mapping[str, int] | None = None) -> list[Token]:
    """``tokenize`` then split every word into clitic tokens, offsets kept exact."""
    out: list[Token] = []
    for tok in tokenize(text):
        parts = split_clitics(tok.text, lexicon)
        pos = tok.start
        for piece in (*_prefix_surfaces(tok.text, parts), parts.stem, *parts.suffixes):
            if piece:
                out.append(Token(text[pos : pos + len(piece)], pos, pos + len(piece)))
                pos += len(piece)
    return out


def _prefix_surfaces(word: str, parts: Clitics) -> list[str]:
    """The surface pieces of the proclitics (لل counts as ل + ل)."""
    pieces: list[str] = []
    pos = 0
    for clitic in parts.prefixes:
        n = 1 if (clitic == ARTICLE and "ل" in parts.prefixes) else len(clitic)
        cut = pos + _strip_surface(word[pos:], n)
        pieces.append(word[pos:cut])
        pos = cut
    return pieces
