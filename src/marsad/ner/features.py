"""Token features for the CRF: word, clitic split, affixes, shape, gazetteers, clusters, ±2,
trigger words to the left, and evidence shared by a stem's mentions across one document.

Word-level features depend only on the word, so they are computed once per word type and
kept in the extractor (one extractor per pipeline; its cache is bounded).
"""

from __future__ import annotations

from typing import NamedTuple

from ..arabic import light_stem, normalize, split_clitics
from ..arabic.tokenise import proclitic_stems
from .lexicons import Lexicons
from .matching import left_trigger, longest_matches, phrase_heads
from .role_lexicon import TITLES
from .triggers import TRIGGERS

#: Offsets of the context window (±2 was best on the carved dev set; ±3 added nothing).
WINDOW = (-2, -1, 1, 2)
#: Trigger words up to matching.TRIGGER_SPAN (3) words to the left. Carved ANERcorp dev /
#: AQMAR dev (PER/LOC/ORG) F1: without triggers 72.4/66.0; with lt + lt{k} 72.0/67.5;
#: lt alone 72.1/66.5; lt + lt{k} with the document evidence (_doc_evidence) 72.6/67.0,
#: 5-fold CV over ANERcorp train 72.6 -> 73.3, so triggers and evidence were kept together.
#: Adding the ±1 neighbours' evidence: dev 73.3, AQMAR 68.4, CV 73.25 (flat); kept for dev/AQMAR.
#: Words seen fewer times than this in the unlabelled news get letter-trigram features.
#: On the carved ANERcorp dev / AQMAR dev (PER/LOC/ORG) F1: none 73.4/62.9, RARE=5
#: 73.0/62.8, 20 72.0/67.5, 50 71.9/67.2; 20 was taken for the cross-domain gain.
RARE = 20
#: Not used, measured: k-means clusters (50/200/800/3000) of word2vec vectors trained on the
#: unlabelled news (scripts/train_embeddings.py), as extra cluster ids beside the PPMI ones.
#: One-stage carved dev / AQMAR dev (PER/LOC/ORG) F1: without 73.3/68.4; all four levels
#: on the word and its window 71.1/65.7; on the word only 72.1/70.2; 800+3000 on the word
#: only 72.9/69.7 (5-fold CV 73.30 against 73.25); with the two-stage model 73.2/71.2
#: against 74.6/70.5. No gain on ANERcorp, so the package ships no vectors.
#: Word-type cache entries kept before the cache is cleared (a crawl has ~10^6 types).
CACHE_LIMIT = 200_000
_PUNCT = "\"'«»“”‘’()[]{}<>.,،؛;:؟?!…-–—/\\*_"


class WordInfo(NamedTuple):
    norm: str
    #: trigger type of the word (or of its stem): "PER", "ORG", "LOC" or ""
    trigger: str
    #: the clitic-stripped stem, the key that links a word's mentions in one document
    key: str
    #: the word (or a form of it) is a person's name or first name in the gazetteer
    name: bool
    #: candidate forms for gazetteer lookups: the word, its stems with and without ال
    forms: tuple[str, ...]
    own: tuple[str, ...]
    context: tuple[str, ...]


class FeatureExtractor:
    """Turns a sentence (list of words) into crfsuite feature lists."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self._cache: dict[str, WordInfo] = {}
        # context features already prefixed for each WINDOW offset ("-1:w=…"), per context
        # tuple: building those strings for every token was most of sentence()'s time
        self._windows: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        # first words of multi-word gazetteer names: _phrases tries only tokens starting one
        self._heads = phrase_heads(lexicons.gazetteer)

    def word(self, word: str) -> WordInfo:
        info = self._cache.get(word)
        if info is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
                self._windows.clear()
            info = self._cache[word] = self._word(word)
        return info

    def _word(self, word: str) -> WordInfo:
        norm = normalize(word).strip(_PUNCT) or normalize(word)
        if not any(c.isalnum() for c in norm):
            return WordInfo(norm, "", "", False, (), ("pun=" + norm,), ("pun=" + norm,))
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
        trigger = TRIGGERS.get(norm) or TRIGGERS.get(stem, "")
        name = "PER" in gaz or "FIRST" in gaz
        return WordInfo(norm, trigger, stem, name, tuple(forms), tuple(own), tuple(context))

    def sentence(self, words: list[str]) -> list[list[str]]:
        return self.document([words])[0]

    def document(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Features of consecutive sentences of one text, with evidence shared across them."""
        infos = [[self.word(w) for w in words] for words in sentences]
        phrases = [self._phrases(s) for s in infos]
        evidence = _doc_evidence(infos, phrases)
        out = []
        for s_infos, s_phrases in zip(infos, phrases, strict=True):
            feats = self._sentence(s_infos, s_phrases)
            ev = [evidence.get(info.key, ()) for info in s_infos]
            for i, f in enumerate(feats):
                f.extend(ev[i])
                if i > 0:
                    f.extend("-1:" + e for e in ev[i - 1])
                if i + 1 < len(ev):
                    f.extend("1:" + e for e in ev[i + 1])
            out.append(feats)
        return out

    def _sentence(self, infos: list[WordInfo], phrases: list[list[str]]) -> list[list[str]]:
        n = len(infos)
        windows = [self._window(info.context) for info in infos]
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            feats = ["bias", *info.own, *phrases[i]]
            for slot, k in enumerate(WINDOW):
                j = i + k
                if 0 <= j < n:
                    feats.extend(windows[j][slot])
                    if phrases[j]:
                        feats.extend(f"{k}:" + f for f in phrases[j])
                elif k in (-1, 1):
                    feats.append("BOS" if k < 0 else "EOS")
            feats.extend(_left_triggers(infos, i))
            if i > 0:
                feats.append("b-=" + infos[i - 1].norm + "|" + info.norm)
            if i + 1 < n:
                feats.append("b+=" + info.norm + "|" + infos[i + 1].norm)
            out.append(feats)
        return out

    def _window(self, context: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        found = self._windows.get(context)
        if found is None:
            found = self._windows[context] = tuple(
                tuple(f"{k}:" + f for f in context) for k in WINDOW
            )
        return found

    def _phrases(self, infos: list[WordInfo]) -> list[list[str]]:
        """Longest multi-word gazetteer matches: B-/I- features per token."""
        marks: list[list[str]] = [[] for _ in infos]
        for start, length, typ in longest_matches(infos, self.lex.gazetteer, self._heads):
            marks[start].append("gp=B-" + typ)
            for j in range(start + 1, start + length):
                marks[j].append("gp=I-" + typ)
        return marks


def _doc_evidence(
    infos: list[list[WordInfo]], phrases: list[list[list[str]]]
) -> dict[str, list[str]]:
    """Per stem, what its occurrences anywhere in the text suggest ("الرئيس بوش" ... "بوش").

    No labels are used, so training sees the same evidence as tagging.
    """
    found: dict[str, set[str]] = {}
    seen: dict[str, int] = {}
    for s, marks in zip(infos, phrases, strict=True):
        for i, info in enumerate(s):
            if len(info.key) < 3 or info.trigger:
                continue
            seen[info.key] = seen.get(info.key, 0) + 1
            ev = found.setdefault(info.key, set())
            ev.update("d" + t[1:] for t in _left_triggers(s, i)[:1])
            ev.update("d" + m[:3] + m[5:] for m in marks[i])  # gp=B-PER -> dgp=PER
            if i > 0 and s[i - 1].name:
                ev.add("dan")  # follows a known (first) name somewhere
            if i + 1 < len(s) and s[i + 1].name:
                ev.add("dbn")
    return {k: sorted(ev) + (["d2"] if seen[k] > 1 else []) for k, ev in found.items() if ev}


def _left_triggers(infos: list[WordInfo], i: int) -> list[str]:
    """The nearest trigger type in the TRIGGER_SPAN words to the left, and its distance."""
    found = left_trigger(infos, i)
    if found is None:
        return []
    k, typ = found
    return ["lt=" + typ, f"lt{k}=" + typ]


def _forms(norm: str, stem: str, prefixes: tuple[str, ...]) -> list[str]:
    forms = [norm]
    if stem != norm:
        forms.append(stem)
        if "ال" in prefixes:
            forms.append("ال" + stem)
    # Other readings the frequency choice did not take (وباريس with باريس unseen).
    for cand in proclitic_stems(norm):
        if len(cand) >= 3 and cand not in forms:
            forms.append(cand)
    return forms
