"""Phrase tables over normalised words: triggers, context keywords, auxiliary-mode cues.

A pattern is one or more words; a word ending in ``*`` matches any word it begins, one
ending in ``+`` only the word's inflections (see ``ending_ok``). Words are compared after
``arabic.normalize`` and after peeling the proclitics و ف ب ل ك and the article (ال، لل),
so "وبالشكر" matches the pattern "شكر*".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Generic, TypeVar

from ..arabic.normalise import normalize

P = TypeVar("P")

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
#: Shortest stem left after peeling a clitic (two letters: "بحث" must not become "حث").
_MIN_STEM = 3


def word_forms(word: str) -> tuple[str, ...]:
    """The normalised word and its readings without proclitics, longest first."""
    forms = [word]
    for conj in ("", *_CONJ):
        if conj and not (word.startswith(conj) and len(word) - 1 >= _MIN_STEM):
            continue
        base = word[len(conj) :]
        if conj:
            forms.append(base)
        for prep in ("", *_PREP):
            if prep and not (base.startswith(prep) and len(base) - 1 >= _MIN_STEM):
                continue
            rest = base[len(prep) :]
            if prep:
                forms.append(rest)
            if rest.startswith("ال") and len(rest) - 2 >= 2:
                forms.append(rest[2:])
            elif prep == "ل" and rest.startswith("ل") and len(rest) - 1 >= 2:
                forms.append(rest[1:])  # لل = ل + ال
    # The future prefix سـ on an imperfect verb: "سيلتقي" also reads as "يلتقي".
    forms += [f[1:] for f in forms if len(f) >= 4 and f[0] == "س" and f[1] in "يتن"]
    return tuple(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    """Words ``[start, end)`` of a token list matched a pattern with this payload."""

    start: int
    end: int
    payload: P


@dataclass(frozen=True, slots=True)
class _Pattern(Generic[P]):
    words: tuple[str, ...]
    payload: P


#: Endings a ``+`` word does not take: an adjective made from the stem (nisba: -ي، -ية،
#: -يين، -يون، -يات، -يا, also -اني) is another word, often a family name: "الرحباني"
#: is no رحب+ (welcome), "البحثية" no بحث+ (talks), "طالباني" no طالب+ (demand). The
#: endings are the Arabic nisba forms after normalize (ة→ه). A bare -ي is "my"
#: ("زيارتي") except after the article, which a possessive never takes ("البحثي"). In the
#: 2,000 articles of the trigger reading list (#4; /work/notes/exp/triggers/nisba_count.py)
#: every non-PROTEST/ASSAULT trigger match with such an ending was an adjective or a name
#: (26 البحثيه, 10 الرحباني, 9 العفويه, 5 فرضيه, 4 طالباني ...). Normalising makes ى a ي,
#: so a stem whose plural ends in ى ("قتلى") must keep ``*``.
_NISBA = re.compile(r"(?:ان)?ي(?:ه|ين|ون|ات|تين|تان|ا)?")
#: Longest ending a ``+`` word takes: a plural or dual mark and a pronoun ("اتهما" in
#: "اتهاماتهما"); a longer rest is another word ("نوهانوفيتش", a name, under نوه*).
MAX_ENDING = 5


def ending_ok(rest: str, form: str, forms: Sequence[str]) -> bool:
    """Whether ``rest``, what follows a ``+`` stem in ``form`` (one of a word's ``forms``),
    is an inflection of the stem rather than a new word built on it."""
    if len(rest) > MAX_ENDING:
        return False
    if rest == "ي":
        return not any(g.endswith("ال" + form) or g.endswith("لل" + form) for g in forms)
    return _NISBA.fullmatch(rest) is None


def _word_matches(pattern: str, forms: Sequence[str]) -> bool:
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return any(f.startswith(stem) for f in forms)
    if pattern.endswith("+"):
        stem = pattern[:-1]
        return any(f.startswith(stem) and ending_ok(f[len(stem) :], f, forms) for f in forms)
    return pattern in forms


class PhraseTable(Generic[P]):
    """Find every pattern in a list of normalised words; lookups are dict hits per word."""

    def __init__(self, entries: Sequence[tuple[str, P]]) -> None:
        self.exact: dict[str, list[_Pattern[P]]] = {}
        self.prefix: dict[str, list[_Pattern[P]]] = {}
        for text, payload in entries:
            words = tuple(_norm_pattern(w) for w in text.split())
            pat = _Pattern(words, payload)
            head = words[0]
            if head.endswith(("*", "+")):
                self.prefix.setdefault(head[:-1], []).append(pat)
            else:
                self.exact.setdefault(head, []).append(pat)
        # Every beginning of a prefix pattern: a word's scan stops at its first miss.
        self._starts = {k[:i] for k in self.prefix for i in range(1, len(k) + 1)}

    def _heads(self, forms: Sequence[str]) -> Iterator[_Pattern[P]]:
        for form in forms:
            yield from self.exact.get(form, ())
            for n in range(1, len(form) + 1):
                start = form[:n]
                if start not in self._starts:
                    break
                for pat in self.prefix.get(start, ()):
                    if pat.words[0][-1] == "*" or ending_ok(form[n:], form, forms):
                        yield pat

    def heads(self, forms: Sequence[str]) -> tuple[_Pattern[P], ...]:
        """The patterns whose first word matches a word with these ``forms`` (memoisable)."""
        return tuple({id(p): p for p in self._heads(forms)}.values())

    def find(
        self,
        words: Sequence[tuple[str, ...]],
        heads: Sequence[tuple[_Pattern[P], ...]] | None = None,
        *,
        gap: int = 0,
    ) -> list[Match[P]]:
        """``words`` holds each token's ``word_forms`` (``heads``, when given, each word's
        ``self.heads``); up to ``gap`` other words may stand between a pattern's words.
        Returns matches in text order."""
        out: list[Match[P]] = []
        for i, forms in enumerate(words):
            for pat in heads[i] if heads is not None else self.heads(forms):
                end = _match_rest(pat.words, words, i + 1, gap)
                if end is not None:
                    out.append(Match(i, end, pat.payload))
        return out


def _match_rest(
    pattern: Sequence[str], words: Sequence[tuple[str, ...]], at: int, gap: int
) -> int | None:
    """End of the match of ``pattern[1:]`` from word ``at`` on, or None."""
    for w in pattern[1:]:
        for k in range(at, min(at + gap + 1, len(words))):
            if _word_matches(w, words[k]):
                at = k + 1
                break
        else:
            return None
    return at


def _norm_pattern(word: str) -> str:
    mark = word[-1] if word.endswith(("*", "+")) else ""
    return normalize(word.rstrip("*+")) + mark


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a TSV in events/data (comment lines start with #; first row is the header).
    Fields are taken as written: no CSV quoting, since a pattern may be a quotation mark
    (arguments.tsv). With Python's default quoting a lone '"' opened a quoted field that
    swallowed the rows after it (#4)."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    width = len(lines[0].split("\t")) if lines else 0
    bad = [r for r in rows if None in r or None in r.values() or len(r) != width]
    if bad:
        raise ValueError(f"events/data/{name}: rows without {width} tab-separated fields: {bad}")
    return rows


#: Letters that normalise to the key letter, for scanning text that was not normalised.
_VARIANTS = {"ا": "اأإآٱ", "ي": "يىی", "ه": "هة", "ك": "كک"}
#: Marks that ``normalize`` deletes inside words (harakat, tatweel) and presentation forms:
#: where any occurs, the scan falls back to normalising the text first.
_UNSAFE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\ufb50-\ufeff]"
)


class Scan:
    """Whether any first word of a table's patterns may occur in raw text: a trie-shaped
    regex over the patterns' beginnings at word starts (after optional clitics), so
    sentences without a candidate are never tokenised. It may over-report, never under."""

    def __init__(self, table: PhraseTable[Any]) -> None:
        words = set(table.exact) | set(table.prefix)
        # A word start, the proclitics word_forms peels (and the future سـ), then a pattern.
        self.pattern = re.compile(
            r"(?<![\w\u0610-\u061a\u064b-\u065f\u0670\u0640])[وف]?(?:[بلك]?[اأإآ]ل|لل|[بلك])?س?"
            + _trie(words)
        )

    def may_match(self, text: str) -> bool:
        """False only when no pattern can match in ``text``."""
        if _UNSAFE.search(text):
            text = normalize(text)
        return self.pattern.search(text) is not None


def _trie(words: set[str]) -> str:
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict[str, Any]) -> str:
    if "" in node:
        return ""  # a shorter word already matched: the rest cannot add a hit
    alts = []
    for ch, child in sorted(node.items()):
        letters = _VARIANTS.get(ch, ch)
        head = re.escape(ch) if len(letters) == 1 else f"[{letters}]"
        alts.append(head + _trie_pattern(child))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
