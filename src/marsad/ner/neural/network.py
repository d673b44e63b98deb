"""The torch side (training only): the emission network and the CRF loss.

Inference never imports this module: the emission network is exported to ONNX and the CRF
transitions are decoded in numpy (decode.py).
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from .decode import allowed_starts, allowed_transitions
from .encode import FLAGS, LABELS, PAD
from .train import NetConfig

#: Score given to a forbidden BIO transition (O -> I-X): effectively never chosen.
FORBIDDEN = -1e4


class Emitter(nn.Module):
    """Words, stems, letters, flags -> per-token label scores ``[B, T, K]``."""

    def __init__(
        self,
        vectors: np.ndarray,
        n_chars: int,
        config: NetConfig,
        n_labels: int = len(LABELS),
        n_flags: int = len(FLAGS),
    ) -> None:
        super().__init__()
        self.words = nn.Embedding.from_pretrained(
            torch.from_numpy(vectors),
            freeze=config.freeze_words,
            padding_idx=PAD,
            sparse=True,  # a batch touches ~300 of 125,000 rows: update only those
        )
        self.chars = nn.Embedding(n_chars, config.char_dim, padding_idx=PAD)
        self.conv = nn.Conv1d(config.char_dim, config.char_filters, config.char_width, padding=1)
        dim = 2 * vectors.shape[1] + config.char_filters + n_flags
        self.forward_lstm = nn.LSTM(dim, config.hidden, batch_first=True)
        self.backward_lstm = nn.LSTM(dim, config.hidden, batch_first=True)
        self.drop = nn.Dropout(config.dropout)
        self.out = nn.Linear(2 * config.hidden, n_labels)

    def forward(
        self,
        words: torch.Tensor,
        stems: torch.Tensor,
        chars: torch.Tensor,
        flags: torch.Tensor,
        rev: torch.Tensor,
    ) -> torch.Tensor:
        n, width, letters = chars.shape
        c = self.letters(chars.reshape(n * width, letters)).reshape(n, width, -1)
        return self.body(words, stems, c, flags, rev)

    def letters(self, chars: torch.Tensor) -> torch.Tensor:
        """Letter ids ``[N, L]`` of N words -> their letter features ``[N, F]`` (a word's
        features depend on its letters alone, so the tagger caches them per word)."""
        c = self.chars(chars).transpose(1, 2)
        return torch.relu(self.conv(c)).max(dim=2).values

    def body(
        self,
        words: torch.Tensor,
        stems: torch.Tensor,
        letters: torch.Tensor,
        flags: torch.Tensor,
        rev: torch.Tensor,
    ) -> torch.Tensor:
        """Everything after the letters: ``letters`` is ``[B, T, F]``."""
        x = torch.cat([self.words(words), self.words(stems), letters, flags], dim=2)
        x = self.drop(x)
        ahead, _ = self.forward_lstm(x)
        index = rev.unsqueeze(2)
        behind, _ = self.backward_lstm(torch.gather(x, 1, index.expand(-1, -1, x.shape[2])))
        behind = torch.gather(behind, 1, index.expand(-1, -1, behind.shape[2]))
        return self.out(self.drop(torch.cat([ahead, behind], dim=2)))


class Part(nn.Module):
    """One method of an Emitter as a module's forward, to export it as its own graph."""

    def __init__(self, emitter: Emitter, method: str) -> None:
        super().__init__()
        self.emitter = emitter
        self.method = method

    def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
        return getattr(self.emitter, self.method)(*inputs)


class HalfWords(nn.Module):
    """A frozen word table stored as float16 (half the model file; emissions change by
    < 1e-4), read back as float32."""

    def __init__(self, weight: torch.Tensor) -> None:
        super().__init__()
        self.weight = nn.Parameter(weight.detach().half(), requires_grad=False)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return nn.functional.embedding(ids, self.weight).float()


class Crf(nn.Module):
    """Linear-chain CRF negative log-likelihood with BIO-forbidden transitions masked."""

    def __init__(self, labels: tuple[str, ...] = LABELS) -> None:
        super().__init__()
        k = len(labels)
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))
        # constants, not parameters (CPU only, so no buffer registration is needed)
        self.trans_mask = torch.from_numpy(np.where(allowed_transitions(labels), 0.0, FORBIDDEN))
        self.start_mask = torch.from_numpy(np.where(allowed_starts(labels), 0.0, FORBIDDEN))

    def tables(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Transition, start and end scores with the forbidden ones masked."""
        trans = self.trans + self.trans_mask.float()
        return trans, self.start + self.start_mask.float(), self.end

    def nll(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood of ``tags`` [B, T] under emissions ``em`` [B, T, K]."""
        trans, start, end = self.tables()
        n, width, _ = em.shape
        rows = torch.arange(n)
        gold = start[tags[:, 0]] + em[rows, 0, tags[:, 0]]
        alpha = start + em[:, 0]
        for t in range(1, width):
            live = mask[:, t]
            step = trans[tags[:, t - 1], tags[:, t]] + em[rows, t, tags[:, t]]
            gold = gold + step * live
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans, dim=1) + em[:, t]
            alpha = torch.where(live.unsqueeze(1) > 0, nxt, alpha)
        last = tags[rows, mask.sum(dim=1).long() - 1]
        gold = gold + end[last]
        log_z = torch.logsumexp(alpha + end, dim=1)
        return (log_z - gold).sum()
