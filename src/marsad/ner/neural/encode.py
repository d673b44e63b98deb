"""Words -> the emission network's input arrays (numpy only; training and tagging share it).

Per token: the id of its normalised form and of its clitic-stripped stem in the word-vector
vocabulary, its letters (ids, for the character CNN) and binary lexicon flags: gazetteer
types, multi-word gazetteer phrase B/I marks, trigger words on the left, title, demonym,
proclitics, shape, and what the same stem's other occurrences in the document suggest.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ...arabic import normalize, split_clitics
from ..lexicons import Lexicons
from ..matching import left_trigger, longest_matches, phrase_heads
from ..role_lexicon import TITLES
from ..triggers import TRIGGERS

LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
PAD, UNK = 0, 1
#: Letters kept per word for the character CNN (longer words: first 10 and last 10 letters).
MAX_CHARS = 20
GAZ_TYPES = ("PER", "FIRST", "LOC", "ORG", "CITY", "CTRY")
TRIGGER_TYPES = ("PER", "ORG", "LOC")
PREFIXES = ("و", "ف", "ب", "ك", "ل", "ال", "س")
_PUNCT = "\"'«»“”‘’()[]{}<>.,،؛;:؟?!…-–—/\\*_"

FLAGS: tuple[str, ...] = (
    *(f"g:{t}" for t in GAZ_TYPES),
    *(f"pB:{t}" for t in GAZ_TYPES),
    *(f"pI:{t}" for t in GAZ_TYPES),
    *(f"t:{t}" for t in TRIGGER_TYPES),
    *(f"lt:{t}" for t in TRIGGER_TYPES),
    *(f"pre:{p}" for p in PREFIXES),
    "title",
    "demonym",
    "dig",
    "lat",
    "pa",
    "suf",
    "pun",
    *(f"dlt:{t}" for t in TRIGGER_TYPES),
    *(f"dgp:{t}" for t in GAZ_TYPES),
    "dan",
    "dbn",
    "d2",
)
_FLAG = {name: i for i, name in enumerate(FLAGS)}
#: Optional flags after FLAGS, from the mined organisation list (lexicons.orgs): a word or
#: stem that is a mined name, and B/I of a multi-word mined name. A model lists the extra
#: flags it was trained with in its tables, so models trained without them load unchanged.
ORG_FLAGS = ("g:ORGM", "pB:ORGM", "pI:ORGM")
#: Word-type cache entries kept before the cache is cleared (a crawl has ~10^6 types).
CACHE_LIMIT = 200_000


class WordEntry(NamedTuple):
    norm: str
    #: clitic-stripped stem: the key linking a word's mentions in one document
    key: str
    word_id: int
    stem_id: int
    chars: tuple[int, ...]
    #: flag indices that depend on the word alone
    flags: tuple[int, ...]
    #: forms tried against the gazetteer (the word, its stem with and without ال)
    forms: tuple[str, ...]
    trigger: str
    #: a person's name or first name in the gazetteer
    name: bool


class Encoded(NamedTuple):
    """One sentence's inputs (unpadded)."""

    words: np.ndarray  # [T] int64
    stems: np.ndarray  # [T] int64
    chars: np.ndarray  # [T, MAX_CHARS] int64
    flags: np.ndarray  # [T, len(FLAGS)] float32
    #: the tokens' normalised forms, which their letter ids are made of (the letter-feature
    #: cache's keys: a str lookup per token instead of sorting the letter rows)
    norms: tuple[str, ...] = ()


class Encoder:
    """Turns sentences into ``Encoded`` arrays; one per model (its word cache is bounded)."""

    def __init__(
        self,
        lexicons: Lexicons,
        words: dict[str, int],
        chars: dict[str, int],
        extra: tuple[str, ...] = (),
    ) -> None:
        self.lex = lexicons
        self.words = words
        self.chars = chars
        self.extra = extra
        self.width = len(FLAGS) + len(extra)
        self._cache: dict[str, WordEntry] = {}
        self._heads = phrase_heads(lexicons.gazetteer)
        self._orgs = lexicons.orgs if ORG_FLAGS[0] in extra else {}
        self._org_heads = phrase_heads(self._orgs)

    def word(self, word: str) -> WordEntry:
        entry = self._cache.get(word)
        if entry is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            entry = self._cache[word] = self._word(word)
        return entry

    def _word(self, word: str) -> WordEntry:
        norm = normalize(word).strip(_PUNCT) or normalize(word)
        letters = norm if len(norm) <= MAX_CHARS else norm[:10] + norm[-10:]
        chars = tuple(self.chars.get(c, UNK) for c in letters)
        chars += (PAD,) * (MAX_CHARS - len(chars))
        if not any(c.isalnum() for c in norm):
            wid = self.words.get(norm, UNK)
            return WordEntry(norm, "", wid, wid, chars, (_FLAG["pun"],), (), "", False)
        lex = self.lex
        split = split_clitics(norm, lex.wordfreq)
        stem = split.stem
        forms = [norm] + ([stem, "ال" + stem] if stem != norm else [])
        gaz = {lex.gazetteer[f] for f in forms if f in lex.gazetteer}
        flags = [_FLAG[f"g:{t}"] for t in gaz if f"g:{t}" in _FLAG]
        flags += [_FLAG[f"pre:{p}"] for p in split.prefixes if f"pre:{p}" in _FLAG]
        trigger = TRIGGERS.get(norm) or TRIGGERS.get(stem, "")
        if trigger:
            flags.append(_FLAG[f"t:{trigger}"])
        checks = (
            ("title", stem in TITLES or norm in TITLES),
            ("demonym", norm in lex.demonyms),
            ("dig", any(c.isdigit() for c in norm)),
            ("lat", any("a" <= c <= "z" for c in norm)),
            ("pa", word.strip(_PUNCT) != word),
            ("suf", bool(split.suffixes)),
        )
        flags += [_FLAG[name] for name, on in checks if on]
        return WordEntry(
            norm,
            stem,
            self.words.get(norm, UNK),
            self.words.get(stem, self.words.get(norm, UNK)),
            chars,
            tuple(sorted(flags)),
            tuple(forms),
            trigger,
            "PER" in gaz or "FIRST" in gaz,
        )

    def document(self, sentences: list[list[str]]) -> list[Encoded]:
        """Inputs for consecutive sentences of one text (they share stem evidence)."""
        entries = [[self.word(w) for w in words] for words in sentences]
        phrases = [self._phrases(s) for s in entries]
        lefts = [[_left_trigger(s, i) for i in range(len(s))] for s in entries]
        evidence = _doc_evidence(entries, phrases, lefts)
        orgs = [self._org_marks(s) for s in entries]
        out = []
        for s, marks, left, org in zip(entries, phrases, lefts, orgs, strict=True):
            flags = np.zeros((len(s), self.width), dtype=np.float32)
            rows: list[int] = []
            cols: list[int] = []
            for i, e in enumerate(s):  # one scatter per sentence, not one per token
                on = [*e.flags, *marks[i], *evidence.get(e.key, ()), *org[i]]
                if left[i]:
                    on.append(_FLAG[f"lt:{left[i]}"])
                rows += [i] * len(on)
                cols += on
            flags[rows, cols] = 1.0
            out.append(
                Encoded(
                    np.array([e.word_id for e in s], dtype=np.int64),
                    np.array([e.stem_id for e in s], dtype=np.int64),
                    np.array([e.chars for e in s], dtype=np.int64).reshape(len(s), MAX_CHARS),
                    flags,
                    tuple(e.norm for e in s),
                )
            )
        return out

    def _phrases(self, entries: list[WordEntry]) -> list[list[int]]:
        """Longest multi-word gazetteer matches: B/I flag indices per token."""
        marks: list[list[int]] = [[] for _ in entries]
        matches = longest_matches(
            entries, self.lex.gazetteer, self._heads, lambda typ: f"pB:{typ}" in _FLAG
        )
        for start, length, typ in matches:
            marks[start].append(_FLAG[f"pB:{typ}"])
            for j in range(start + 1, start + length):
                marks[j].append(_FLAG[f"pI:{typ}"])
        return marks

    def _org_marks(self, entries: list[WordEntry]) -> list[list[int]]:
        """ORG_FLAGS indices per token: mined lone names and longest multi-word names."""
        marks: list[list[int]] = [[] for _ in entries]
        if not self._orgs:
            return marks
        g, b, inside = (len(FLAGS) + self.extra.index(f) for f in ORG_FLAGS)
        for i, e in enumerate(entries):
            if any(f in self._orgs for f in e.forms):
                marks[i].append(g)
        for start, length, _ in longest_matches(entries, self._orgs, self._org_heads):
            marks[start].append(b)
            for j in range(start + 1, start + length):
                marks[j].append(inside)
        return marks


def extra_flags(lexicons: Lexicons) -> tuple[str, ...]:
    """The optional flags a model trained now would use (ORG_FLAGS when orgs were mined)."""
    return ORG_FLAGS if lexicons.orgs else ()


def _left_trigger(entries: list[WordEntry], i: int) -> str:
    """The nearest trigger type in the TRIGGER_SPAN words to the left ("" if none)."""
    found = left_trigger(entries, i)
    return found[1] if found else ""


def _doc_evidence(
    entries: list[list[WordEntry]], phrases: list[list[list[int]]], lefts: list[list[str]]
) -> dict[str, list[int]]:
    """Per stem, flags from its occurrences anywhere in the text (no labels used)."""
    found: dict[str, set[int]] = {}
    seen: dict[str, int] = {}
    to_doc = {_FLAG[f"pB:{t}"]: _FLAG[f"dgp:{t}"] for t in GAZ_TYPES}
    to_doc.update({_FLAG[f"pI:{t}"]: _FLAG[f"dgp:{t}"] for t in GAZ_TYPES})
    for s, marks, left in zip(entries, phrases, lefts, strict=True):
        for i, e in enumerate(s):
            if len(e.key) < 3 or e.trigger:
                continue
            seen[e.key] = seen.get(e.key, 0) + 1
            ev = found.setdefault(e.key, set())
            if left[i]:
                ev.add(_FLAG[f"dlt:{left[i]}"])
            ev.update(to_doc[m] for m in marks[i])
            if i > 0 and s[i - 1].name:
                ev.add(_FLAG["dan"])
            if i + 1 < len(s) and s[i + 1].name:
                ev.add(_FLAG["dbn"])
    d2 = _FLAG["d2"]
    return {k: sorted(ev) + ([d2] if seen[k] > 1 else []) for k, ev in found.items() if ev}


def pad(batch: list[Encoded], *, with_chars: bool = True) -> dict[str, np.ndarray]:
    """Pad sentences to one length; ``rev`` reverses each sentence within its own length
    (the backward LSTM reads it, so padding never precedes a real token). Without
    ``with_chars`` the letter ids are left out (a model with a letters graph takes their
    cached features instead: letters.py).

    Letters are cut to the batch's letter_width, about half the convolution's work.
    """
    n, width = len(batch), max(len(e.words) for e in batch)
    n_flags = batch[0].flags.shape[1]
    words = np.zeros((n, width), dtype=np.int64)
    stems = np.zeros((n, width), dtype=np.int64)
    flags = np.zeros((n, width, n_flags), dtype=np.float32)
    rev = np.tile(np.arange(width, dtype=np.int64), (n, 1))
    for b, e in enumerate(batch):
        t = len(e.words)
        words[b, :t], stems[b, :t], flags[b, :t] = e.words, e.stems, e.flags
        rev[b, :t] = np.arange(t - 1, -1, -1)
    out: dict[str, np.ndarray] = {"words": words, "stems": stems, "flags": flags, "rev": rev}
    if with_chars:
        letters = max(letter_width(e.chars) for e in batch)
        out["chars"] = np.zeros((n, width, letters), dtype=np.int64)
        for b, e in enumerate(batch):
            out["chars"][b, : len(e.words)] = e.chars[:, :letters]
    return out


def letter_width(chars: np.ndarray) -> int:
    """Letter columns to keep of ``chars`` ``[N, MAX_CHARS]``: the longest word + 2. The
    letter convolution (width 3) then still sees a window of padding after every word, so
    the max over positions is the same as over MAX_CHARS."""
    return min(MAX_CHARS, 2 + int(np.count_nonzero(chars, axis=1).max()))
