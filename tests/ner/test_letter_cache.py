"""The letter-feature cache: features per form, laid out like pad(), whatever it holds."""

import numpy as np
import pytest

from marsad.ner.neural.encode import MAX_CHARS, Encoded
from marsad.ner.neural.letters import LetterCache


def _letters_graph(calls: list[int]):
    def run(chars: np.ndarray) -> np.ndarray:
        calls.append(len(chars))
        ids = chars.astype(np.float32)
        return np.stack([ids.sum(axis=1), ids.max(axis=1), (ids > 0).sum(axis=1)], axis=1)

    return run


def _sentence(words: list[str]) -> Encoded:
    chars = np.zeros((len(words), MAX_CHARS), dtype=np.int64)
    for i, w in enumerate(words):
        chars[i, : len(w)] = [ord(c) - 0x600 for c in w]
    n = len(words)
    zeros = np.zeros(n, dtype=np.int64)
    return Encoded(zeros, zeros, chars, np.zeros((n, 1), np.float32), tuple(words))


def _expected(run, batch: list[Encoded], width: int) -> np.ndarray:
    out = np.zeros((len(batch), width, 3), dtype=np.float32)
    for b, e in enumerate(batch):
        out[b, : len(e.words)] = run(e.chars)
    return out


def test_features_are_the_graph_per_token_and_repeats_run_once():
    calls: list[int] = []
    cache = LetterCache(_letters_graph(calls))
    calls.clear()
    batch = [_sentence(["زار", "الوزير", "الرباط"]), _sentence(["الوزير", "زار"])]
    got = cache.features(batch, 4)
    np.testing.assert_array_equal(got, _expected(_letters_graph([]), batch, 4))
    assert calls == [3]  # three distinct forms, one run
    again = cache.features([_sentence(["الرباط", "زار"])], 2)
    assert calls == [3]  # all cached
    np.testing.assert_array_equal(again[0], got[0, [2, 0]])


def test_a_full_cache_starts_again_and_still_answers_every_token():
    calls: list[int] = []
    cache = LetterCache(_letters_graph(calls), limit=4)
    calls.clear()
    first = [_sentence(["قال", "وزير", "الخارجية"])]
    cache.features(first, 3)
    batch = [_sentence(["وزير", "الداخلية", "المغربي", "في", "باريس"])]
    got = cache.features(batch, 6)  # 4 new forms would make 7 > 4: cleared, all recomputed
    np.testing.assert_array_equal(got, _expected(_letters_graph([]), batch, 6))
    assert calls == [3, 5]


def test_sentences_without_their_forms_are_refused():
    cache = LetterCache(_letters_graph([]))
    bare = _sentence(["زار"])._replace(norms=())
    with pytest.raises(ValueError, match="forms"):
        cache.features([bare], 1)
