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
    """Best label paths (label indices) for a padded ``[B, T, K]`` batch of sentences."""
    n, width, k = emissions.shape
    if width == 0:
        return [[] for _ in range(n)]
    score = start + emissions[:, 0]
    back = np.zeros((n, width, k), dtype=np.int64)
    keep = np.broadcast_to(np.arange(k), (n, k))  # past a sentence's end: stay put
    for t in range(1, width):
        cand = score[:, :, None] + trans  # [B, from, to]
        best = cand.argmax(axis=1)
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + emissions[:, t]
        live = (t < lengths)[:, None]
        score = np.where(live, new, score)
        back[:, t] = np.where(live, best, keep)
    cur = (score + end).argmax(axis=1)
    paths = np.zeros((n, width), dtype=np.int64)
    rows = np.arange(n)
    for t in range(width - 1, -1, -1):
        paths[:, t] = cur
        cur = back[rows, t, cur]
    return [paths[b, : lengths[b]].tolist() for b in range(n)]


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return np.squeeze(top, axis=axis) + np.log(np.exp(x - top).sum(axis=axis))


def marginals(
    emissions: np.ndarray,
    lengths: np.ndarray,
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """``[B, T, K]`` posterior probability of each label at each token (forward-backward);
    values past a sentence's length are meaningless."""
    n, width, k = emissions.shape
    alpha = np.zeros((n, width, k))
    beta = np.broadcast_to(end, (n, width, k)).copy()
    alpha[:, 0] = start + emissions[:, 0]
    for t in range(1, width):
        new = _logsumexp(alpha[:, t - 1, :, None] + trans, axis=1) + emissions[:, t]
        alpha[:, t] = np.where((t < lengths)[:, None], new, alpha[:, t - 1])
    for t in range(width - 2, -1, -1):
        new = _logsumexp(trans + (emissions[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        beta[:, t] = np.where((t + 1 < lengths)[:, None], new, end)
    last = alpha[np.arange(n), np.maximum(lengths - 1, 0)]
    log_z = _logsumexp(last + end, axis=1)
    return np.exp(alpha + beta - log_z[:, None, None])


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
