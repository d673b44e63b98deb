"""Token features for the CRF: word, clitic split, affixes, shape, gazetteers, clusters, ±2.

Word-level features depend only on the word, so they are computed once per word type and
kept in the extractor (one extractor per pipeline; its cache is bounded).
"""

from __future__ import annotations

from typing import NamedTuple

from ..arabic import light_stem, normalize, split_clitics
from ..arabic.tokenise import prefix_candidates
from .lexicons import Lexicons
from .role_lexicon import TITLES

#: Offsets of the context window (±2 was best on the carved dev set; ±3 added nothing).
WINDOW = (-2, -1, 1, 2)
#: Longest gazetteer phrase matched, in tokens (longer official names are rare in text).
MAX_PHRASE = 5
#: Words seen fewer times than this in the unlabelled news get letter-trigram features.
#: On the carved ANERcorp dev / AQMAR dev (PER/LOC/ORG) F1: none 73.4/62.9, RARE=5
#: 73.0/62.8, 20 72.0/67.5, 50 71.9/67.2; 20 was taken for the cross-domain gain.
RARE = 20
#: Word-type cache entries kept before the cache is cleared (a crawl has ~10^6 types).
CACHE_LIMIT = 200_000
_PUNCT = "\"'«»“”‘’()[]{}<>.,،؛;:؟?!…-–—/\\*_"


class WordInfo(NamedTuple):
    norm: str
    #: candidate forms for gazetteer lookups: the word, its stems with and without ال
    forms: tuple[str, ...]
    own: tuple[str, ...]
    context: tuple[str, ...]


class FeatureExtractor:
    """Turns a sentence (list of words) into crfsuite feature lists."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self._cache: dict[str, WordInfo] = {}

    def word(self, word: str) -> WordInfo:
        info = self._cache.get(word)
        if info is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            info = self._cache[word] = self._word(word)
        return info

    def _word(self, word: str) -> WordInfo:
        norm = normalize(word).strip(_PUNCT) or normalize(word)
        if not any(c.isalnum() for c in norm):
            return WordInfo(norm, (), ("pun=" + norm,), ("pun=" + norm,))
        lex = self.lex
        split = split_clitics(norm, lex.wordfreq)
        stem = split.stem
        forms = _forms(norm, stem, split.prefixes)
        gaz = sorted({lex.gazetteer[f] for f in forms if f in lex.gazetteer})
        cluster = lex.clusters.get(stem) or lex.clusters.get(norm)
        freq = lex.wordfreq.get(norm, 0)
        context = ["w=" + norm, "st=" + stem, "pre=" + "+".join(split.prefixes)]
        context += ["g=" + g for g in gaz]
        if stem in TITLES or norm in TITLES:
            context.append("title")  # وزير، الرئيس، بالسفير: a name often follows
        if norm in lex.demonyms:
            context.append("demonym")
        own = [*context, "ls=" + light_stem(norm), "f=" + str(freq.bit_length() // 2)]
        own += [
            "p2=" + stem[:2],
            "p3=" + stem[:3],
            "s1=" + stem[-1:],
            "s2=" + stem[-2:],
            "s3=" + stem[-3:],
            "len=" + str(min(len(stem), 9)),
        ]
        if freq < RARE and len(stem) >= 4:
            # rare words (foreign names, brands): letter trigrams generalise past the word
            padded = "<" + stem + ">"
            own += ["g3=" + padded[k : k + 3] for k in range(len(padded) - 2)]
        if cluster:
            ids = [f"c{i}={c}" for i, c in enumerate(cluster.split("/"))]
            context += ids
            own += ids
        if any(c.isdigit() for c in norm):
            own.append("dig")
        if any("a" <= c <= "z" for c in norm):
            own.append("lat")
        if word.strip(_PUNCT) != word:
            own.append("pa")  # ANERcorp glues brackets and quotes to words: "(د"
        return WordInfo(norm, tuple(forms), tuple(own), tuple(context))

    def sentence(self, words: list[str]) -> list[list[str]]:
        infos = [self.word(w) for w in words]
        phrases = self._phrases(infos)
        n = len(infos)
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            feats = ["bias", *info.own, *phrases[i]]
            for k in WINDOW:
                j = i + k
                if 0 <= j < n:
                    tag = f"{k}:"
                    feats.extend(tag + f for f in infos[j].context)
                    feats.extend(tag + f for f in phrases[j])
                elif k in (-1, 1):
                    feats.append("BOS" if k < 0 else "EOS")
            if i > 0:
                feats.append("b-=" + infos[i - 1].norm + "|" + info.norm)
            if i + 1 < n:
                feats.append("b+=" + info.norm + "|" + infos[i + 1].norm)
            out.append(feats)
        return out

    def _phrases(self, infos: list[WordInfo]) -> list[list[str]]:
        """Longest multi-word gazetteer matches: B-/I- features per token."""
        gaz = self.lex.gazetteer
        marks: list[list[str]] = [[] for _ in infos]
        i = 0
        while i < len(infos):
            found = 0
            for length in range(min(MAX_PHRASE, len(infos) - i), 1, -1):
                rest = " ".join(x.norm for x in infos[i + 1 : i + length])
                typ = next(
                    (gaz[f + " " + rest] for f in infos[i].forms if f + " " + rest in gaz), None
                )
                if typ is not None:
                    marks[i].append("gp=B-" + typ)
                    for j in range(i + 1, i + length):
                        marks[j].append("gp=I-" + typ)
                    found = length
                    break
            i += found or 1
        return marks


def _forms(norm: str, stem: str, prefixes: tuple[str, ...]) -> list[str]:
    forms = [norm]
    if stem != norm:
        forms.append(stem)
        if "ال" in prefixes:
            forms.append("ال" + stem)
    # Other readings the frequency choice did not take (وباريس with باريس unseen).
    for seq in prefix_candidates(norm)[1:]:
        cut = sum(len(p) for p in seq) - (1 if "ل" in seq and "ال" in seq else 0)
        cand = norm[cut:]
        if len(cand) >= 3 and cand not in forms:
            forms.append(cand)
    return forms
