"""CRF decoding in numpy: Viterbi paths and forward-backward marginals over emissions.

``trans[i, j]`` scores label i followed by label j; ``start``/``end`` score the first and
last label. Emissions are a padded ``[B, T, K]`` batch; ``lengths`` gives each sentence's
length. Both loops run over positions, vectorised over the batch (a document's sentences).
"""

from __future__ import annotations

import numpy as np


def viterbi(
    emissions: np.ndarray,
    lengths: np.ndarray,
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> list[list[int]]:
    """Best label paths (label indices) for a padded ``[B, T, K]`` batch of sentences.

    Scores run on over a short sentence's padding (they never flow backwards); each
    sentence's path is read back from its own last token.
    """
    n, width, k = emissions.shape
    if width == 0:
        return [[] for _ in range(n)]
    scores = np.empty((n, width, k))
    back = np.zeros((n, width, k), dtype=np.int64)
    scores[:, 0] = start + emissions[:, 0]
    for t in range(1, width):
        cand = scores[:, t - 1, :, None] + trans  # [B, from, to]
        back[:, t] = cand.argmax(axis=1)
        scores[:, t] = cand.max(axis=1) + emissions[:, t]
    rows = np.arange(n)
    last = np.maximum(lengths - 1, 0)
    final = (scores[rows, last] + end).argmax(axis=1)
    paths = np.zeros((n, width), dtype=np.int64)
    cur = final
    for t in range(width - 1, -1, -1):
        cur = np.where(last == t, final, cur)
        paths[:, t] = cur
        cur = back[rows, t, cur]
    return [paths[b, : lengths[b]].tolist() for b in range(n)]


def marginals(
    emissions: np.ndarray,
    lengths: np.ndarray,
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """``[B, T, K]`` posterior probability of each label at each token (forward-backward);
    values past a sentence's length are meaningless.

    Runs in probability space, each step rescaled to sum 1 (the posterior at a token is
    the normalised product of its forward and backward vectors, so the scales cancel): a
    [B, K] x [K, K] product per step instead of a log-sum-exp over [B, K, K], about 4x
    faster on the pipeline's sentences.
    """
    n, width, k = emissions.shape
    if width == 0:
        return np.zeros((n, 0, k))
    step = np.exp(trans - trans.max())  # forbidden transitions (-inf) become 0
    emit = np.exp(emissions - emissions.max(axis=2, keepdims=True))
    last = np.exp(end - end.max())
    alpha = np.empty((n, width, k))
    beta = np.empty((n, width, k))
    # A token's forward vector depends only on the tokens before it, so running on over
    # a short sentence's padding changes none of its real positions; the backward pass
    # restarts from ``end`` at each sentence's last token.
    alpha[:, 0] = _unit(np.exp(start - start.max()) * emit[:, 0])
    for t in range(1, width):
        alpha[:, t] = _unit((alpha[:, t - 1] @ step) * emit[:, t])
    back = step.T
    beta[:, width - 1] = last
    restart = lengths[:, None] - 1 == np.arange(width)  # [B, T]: the last token
    for t in range(width - 2, -1, -1):
        new = _unit((emit[:, t + 1] * beta[:, t + 1]) @ back)
        beta[:, t] = np.where(restart[:, t, None], last, new)
    return _unit(alpha * beta)


def _unit(x: np.ndarray) -> np.ndarray:
    """Rescale the last axis to sum 1 (rows are positive: every label has an allowed
    predecessor and successor, and exp of a finite emission is > 0)."""
    return x / x.sum(axis=-1, keepdims=True)


def allowed_transitions(labels: tuple[str, ...]) -> np.ndarray:
    """``[K, K]`` booleans: I-X may only follow B-X or I-X (BIO)."""
    k = len(labels)
    ok = np.ones((k, k), dtype=bool)
    for j, to in enumerate(labels):
        if to.startswith("I-"):
            for i, frm in enumerate(labels):
                ok[i, j] = frm[2:] == to[2:] and frm != "O"
    return ok


def allowed_starts(labels: tuple[str, ...]) -> np.ndarray:
    return np.array([not lab.startswith("I-") for lab in labels])
