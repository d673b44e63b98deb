"""Letter features per word, computed once by the letters graph and then cached.

A word's letter features (the letter convolution and its max over positions) depend on its
letters alone, so the tagger runs the small letters graph only on words it has not seen and
feeds the features to the main graph. Over a crawl almost every word repeats: the letters
were about a third of the network's time when every token ran them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .encode import Encoded, letter_width

#: Words whose features are kept; at 128 float32 each, 50,000 words are 25 MB. When full,
#: the cache starts again (a new crawl's frequent words come back at once).
CACHE_LIMIT = 50_000

Run = Callable[[np.ndarray], np.ndarray]


class LetterCache:
    """Features of words by their normalised form; one per model (no module-level state).

    A form's features are a row of one table; a batch gathers its tokens' rows with one
    index array (sorting the batch's letter rows to find the repeated ones had cost about
    half the features' time in the pipeline).
    """

    def __init__(self, run: Run, limit: int = CACHE_LIMIT) -> None:
        self._run = run
        self._limit = limit
        self._rows: dict[str, int] = {}
        self.width = int(run(np.zeros((1, 3), dtype=np.int64)).shape[1])
        self._table = np.empty((0, self.width), dtype=np.float32)

    def features(self, encoded: list[Encoded], width: int) -> np.ndarray:
        """``[B, width, F]`` letter features of the sentences ``encoded`` (zeros after a
        sentence's end), like ``pad`` lays out its arrays."""
        norms = [k for e in encoded for k in _norms(e)]
        unique = list(dict.fromkeys(norms))
        new = [k for k in unique if k not in self._rows]
        if new and len(self._rows) + len(new) > self._limit:
            self._rows.clear()  # a new crawl's frequent words come back at once
            new = unique
        if new:
            self._add(new, encoded)
        ids = np.fromiter((self._rows[k] for k in norms), dtype=np.int64, count=len(norms))
        lengths = np.array([len(e.words) for e in encoded])
        out = np.zeros((len(encoded), width, self.width), dtype=np.float32)
        out[np.arange(width) < lengths[:, None]] = self._table[ids]
        return out

    def _add(self, new: list[str], encoded: list[Encoded]) -> None:
        """Compute the features of the forms ``new`` (all in ``encoded``) and keep them."""
        wanted = set(new)
        chars: dict[str, np.ndarray] = {}
        for e in encoded:
            for k, row in zip(_norms(e), e.chars, strict=True):
                if k in wanted and k not in chars:
                    chars[k] = row
        letters = np.stack([chars[k] for k in new])
        features = self._run(np.ascontiguousarray(letters[:, : letter_width(letters)]))
        first = len(self._rows)
        if first + len(new) > len(self._table):
            grown = np.empty((max(2 * len(self._table), first + len(new)), self.width), np.float32)
            grown[:first] = self._table[:first]
            self._table = grown
        self._table[first : first + len(new)] = features
        self._rows.update((k, first + i) for i, k in enumerate(new))


def _norms(e: Encoded) -> tuple[str, ...]:
    if len(e.norms) != len(e.words):
        raise ValueError("letter features need the sentence's forms (Encoder.document)")
    return e.norms
