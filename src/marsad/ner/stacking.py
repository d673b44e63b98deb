"""Second-stage features: what a first CRF pass tagged elsewhere in the same text.

A name is usually spelt the same way every time a story mentions it ("البنك التجاري" ...
"للبنك التجاري"), but a CRF sees one sentence at a time and misses some of the mentions.
The second CRF gets, per token, the first pass's label for it and its neighbours, the types
the first pass gave the same stem elsewhere in the text, and whether the token starts or
continues a word sequence that the first pass tagged as a whole name elsewhere. The first
pass is trained by cross-validation for the second's training data (see train.py), so the
second learns how far to trust it.
"""

from __future__ import annotations

from collections import Counter

#: Longest first-pass name (in tokens) looked for again in the rest of the text.
MAX_SPAN = 5


def spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the BIO spans in ``labels`` (an I- after O opens a span)."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        if lab.startswith("I-") and lab[2:] == typ:
            continue
        if typ:
            out.append((start, i, typ))
        start, typ = (i, lab[2:]) if lab != "O" else (-1, "")
    return out


def stacked_features(keys: list[list[str]], first: list[list[str]]) -> list[list[list[str]]]:
    """Extra features per token of one text from its first-pass labels ``first``.

    ``keys`` are the words' clitic-stripped stems (FeatureExtractor.word(w).key), the form
    that links "البنك" and "للبنك".
    """
    per_key: dict[str, Counter[str]] = {}
    phrases: dict[tuple[str, ...], Counter[str]] = {}
    for s_keys, labels in zip(keys, first, strict=True):
        for start, end, typ in spans(labels):
            for k in s_keys[start:end]:
                per_key.setdefault(k, Counter())[typ] += 1
            if 1 < end - start <= MAX_SPAN and all(s_keys[start:end]):
                phrases.setdefault(tuple(s_keys[start:end]), Counter())[typ] += 1
    heads: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        heads.setdefault(phrase[0], []).append(phrase)
    return [
        _sentence(s_keys, labels, per_key, phrases, heads)
        for s_keys, labels in zip(keys, first, strict=True)
    ]


def _sentence(
    s_keys: list[str],
    labels: list[str],
    per_key: dict[str, Counter[str]],
    phrases: dict[tuple[str, ...], Counter[str]],
    heads: dict[str, list[tuple[str, ...]]],
) -> list[list[str]]:
    n = len(s_keys)
    out: list[list[str]] = []
    for i, (key, lab) in enumerate(zip(s_keys, labels, strict=True)):
        feats = ["s1=" + lab, "s1-=" + (labels[i - 1] if i else "BOS")]
        feats.append("s1+=" + (labels[i + 1] if i + 1 < n else "EOS"))
        if len(key) >= 2 and key in per_key:
            counts = per_key[key].copy()
            if lab != "O":
                counts[lab[2:]] -= 1  # this very mention is already in s1=
            feats.extend("dk=" + t for t, c in counts.items() if c > 0)
        out.append(feats)
    for i in range(n):
        for phrase in heads.get(s_keys[i], ()):
            end = i + len(phrase)
            if tuple(s_keys[i:end]) == phrase:
                typ = phrases[phrase].most_common(1)[0][0]
                out[i].append("ds=B-" + typ)
                for j in range(i + 1, end):
                    out[j].append("ds=I-" + typ)
    return out
