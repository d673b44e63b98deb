"""Attach roles and countries to person mentions.

"وزير الداخلية الفرنسي جيرالد دارمانان" -> role "وزير الداخلية", country FRA (title chain
before the name, closed by a demonym); "ناصر بوريطة وزير الخارجية المغرب" -> role after the
name, country from the country name. A role with no stated country takes the country the
same person has elsewhere in the article, else the article's home country (its dateline
place, else the country its place mentions name most).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..arabic import Token, normalize, split_clitics
from ..document import Mention
from .lexicons import Lexicons
from .role_lexicon import TITLE_LINKS, TITLES

#: Tokens looked at on each side of a name (the longest seed role chain is 5 words).
MAX_CHAIN = 7
_COMMAS = {"،", ","}
_DETACHABLE = ("و", "ف", "ب", "ل", "ك")
#: ``RoleFinder.bare`` entries kept before its cache is cleared (bounds memory on a crawl;
#: the same bound as the feature extractor's word cache).
BARE_CACHE_LIMIT = 200_000


@dataclass(slots=True)
class _Role:
    start: int
    end: int
    country: str | None


def bare_word(word: str, lex: Lexicons) -> tuple[str, int]:
    """Normalised word without و/ف/ب/ل/ك proclitics, and how many chars were peeled."""
    norm = normalize(word)
    split = split_clitics(norm, lex.wordfreq)
    peeled = [p for p in split.prefixes if p in _DETACHABLE]
    if not peeled or ("ل" in split.prefixes and "ال" in split.prefixes):
        return norm, 0
    n = sum(len(p) for p in peeled)
    return norm[n:], n


class RoleFinder:
    """Finds role chains around person mentions (one per pipeline; holds the lexicons)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self._bare: dict[str, tuple[str, int]] = {}

    def bare(self, word: str) -> tuple[str, int]:
        """``bare_word(word)``, remembered per word: the stage asks it for every token."""
        found = self._bare.get(word)
        if found is None:
            if len(self._bare) >= BARE_CACHE_LIMIT:
                self._bare.clear()
            found = self._bare[word] = bare_word(word, self.lex)
        return found

    def country_of(self, word: str) -> str | None:
        """ISO3 for a demonym ("الفرنسي") or country name ("المغرب"), else None."""
        if word in self.lex.demonyms:
            return self.lex.demonyms[word]
        place = self.lex.places.get(word)
        return place[0] if place and place[1] == "country" else None

    def _link(self, word: str, first: bool) -> bool:
        """May ``word`` continue a role chain? (``first``: right after a title: idafa)."""
        if word in TITLE_LINKS or word in TITLES or word.startswith(("ال", "وال")):
            return True
        return first and len(word) >= 3 and word not in self.lex.gazetteer

    def chain(self, tokens: list[Token], start: int, limit: int | None = None) -> _Role | None:
        """A role chain starting at ``tokens[start]`` (a title), running right to ``limit``."""
        head, cut = self.bare(tokens[start].text)
        if head not in TITLES:
            return None
        end, country, prev_title = start, None, True
        stop = len(tokens) - 1 if limit is None else limit
        for j in range(start + 1, min(stop + 1, start + MAX_CHAIN)):
            word, _ = self.bare(tokens[j].text)
            found = self.country_of(word)
            if found:
                country = found
                break
            if not self._link(word, prev_title):
                break
            end, prev_title = j, word in TITLES
        return _Role(tokens[start].start + cut, tokens[end].end, country)

    def before(self, tokens: list[Token], first: int) -> _Role | None:
        """The leftmost title chain that reaches the token just before ``first``."""
        stop = first - 1
        if stop >= 0 and tokens[stop].text in _COMMAS:
            stop -= 1
        best = None
        for i in range(stop, max(-1, stop - MAX_CHAIN), -1):
            role = self.chain(tokens, i, stop)
            if role is not None and self._reaches(tokens, i, stop, role):
                best = role
        return best

    def _reaches(self, tokens: list[Token], i: int, stop: int, role: _Role) -> bool:
        end_tok = next(k for k in range(i, len(tokens)) if tokens[k].end >= role.end)
        if end_tok == stop:
            return True
        # the chain may stop at a demonym/country that sits right before the name
        return role.country is not None and end_tok + 1 == stop

    def after(self, tokens: list[Token], last: int) -> _Role | None:
        nxt = last + 1
        if nxt < len(tokens) and tokens[nxt].text in _COMMAS:
            nxt += 1
        return self.chain(tokens, nxt) if nxt < len(tokens) else None


def attach_roles(
    text: str,
    mentions: list[Mention],
    sentence_tokens: list[list[Token]],
    finder: RoleFinder,
    *,
    home_country: str | None = None,
) -> None:
    """Set ``role`` and ``country`` on the PER mentions in place."""
    for tokens in sentence_tokens:
        if not tokens:
            continue
        lo, hi = tokens[0].start, tokens[-1].end
        for m in mentions:
            if m.type != "PER" or not lo <= m.start < hi:
                continue
            first = next(i for i, t in enumerate(tokens) if t.end > m.start)
            last = max(i for i, t in enumerate(tokens) if t.start < m.end)
            role = finder.before(tokens, first) or finder.after(tokens, last)
            if role is not None:
                m.role = " ".join(text[role.start : role.end].split())
                m.country = role.country
    _share_within_person(text, mentions)
    home = home_country or _main_country(text, mentions, finder)
    for m in mentions:
        if m.type == "PER" and m.role and m.country is None:
            m.country = home


def _share_within_person(text: str, mentions: list[Mention]) -> None:
    """Mentions of one person (same last name word) share a known role and country."""
    people: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "PER":
            people.setdefault(normalize(text[m.start : m.end].split()[-1]), []).append(m)
    for group in people.values():
        with_country = next((m for m in group if m.role and m.country), None)
        with_role = with_country or next((m for m in group if m.role), None)
        for m in group:
            if m.role is None and with_role is not None:
                m.role, m.country = with_role.role, with_role.country
            elif m.country is None and with_country is not None and m.role:
                m.country = with_country.country


def _main_country(text: str, mentions: list[Mention], finder: RoleFinder) -> str | None:
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.type == "LOC":
            country = finder.country_of(normalize(text[m.start : m.end]))
            if country:
                counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


def home_country_of(place: str | None, lex: Lexicons) -> str | None:
    """ISO3 of a dateline place ("الرباط" -> MAR) or None."""
    if not place:
        return None
    key = normalize(place)
    # A dateline names a city: عمّان is Amman (JOR) even though Oman is spelt the same.
    if key in lex.dateline_cities:
        return lex.dateline_cities[key]
    found = lex.places.get(key)
    return found[0] if found else None
