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
    """Features of words by their letter ids; one per model (no module-level state)."""

    def __init__(self, run: Run) -> None:
        self._run = run
        self._cache: dict[bytes, np.ndarray] = {}
        self.width = int(run(np.zeros((1, 3), dtype=np.int64)).shape[1])

    def features(self, encoded: list[Encoded], width: int) -> np.ndarray:
        """``[B, width, F]`` letter features of the sentences ``encoded`` (zeros after a
        sentence's end), like ``pad`` lays out its arrays."""
        chars = np.concatenate([e.chars for e in encoded])
        keys = chars.view(np.dtype((np.void, chars.shape[1] * chars.itemsize))).ravel()
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        rows = np.empty((len(unique), self.width), dtype=np.float32)
        missing = []
        for j, key in enumerate(unique):
            found = self._cache.get(key.tobytes())
            if found is None:
                missing.append(j)
            else:
                rows[j] = found
        if missing:
            self._compute(chars[first[missing]], unique[missing], rows, missing)
        per_token = rows[inverse.ravel()]
        out = np.zeros((len(encoded), width, self.width), dtype=np.float32)
        start = 0
        for b, e in enumerate(encoded):
            out[b, : len(e.words)] = per_token[start : start + len(e.words)]
            start += len(e.words)
        return out

    def _compute(
        self, chars: np.ndarray, keys: np.ndarray, rows: np.ndarray, missing: list[int]
    ) -> None:
        features = self._run(np.ascontiguousarray(chars[:, : letter_width(chars)]))
        if len(self._cache) + len(missing) > CACHE_LIMIT:
            self._cache.clear()
        for j, key, row in zip(missing, keys, features, strict=True):
            rows[j] = row
            self._cache[key.tobytes()] = row
