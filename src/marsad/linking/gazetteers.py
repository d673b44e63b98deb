"""The lists linking looks names up in, loaded once per stage from ``linking/data``.

Countries (ISO alpha-3, Arabic names, demonym stems, capitals), cities (GeoNames ids),
person-name tokens (Latin -> Arabic), role heads and CAMEO agents (-> sector), CAMEO
actors (-> country and sector). Built by scripts/build_linking_data.py, except the
hand-written roles.tsv and country_extra.tsv.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .keys import fold, is_latin, light_stem, name_key, stem_phrase, strip_article

#: Country stems that collide with common words: مالي (Mali) is also "financial".
_STEM_STOP = frozenset({"مال", "عمان"})
#: Endings an Arabic demonym takes: فرنسي، فرنسية، فرنسيين، فرنسيون، فرنسيان، فرنسيتان.
#: Entries kept in a gazetteer's lookup memo before it is emptied (a few tens of MB at most).
MEMO_SIZE = 200_000
_DEMONYM_ENDINGS = ("يتان", "يتين", "يين", "يون", "يان", "يه", "ي")


@dataclass(frozen=True, slots=True)
class Place:
    """What a place name resolves to: a country or a city (with its country)."""

    id: str
    name: str
    type: str  # "country" or "city"
    country: str
    geonames_id: int | None = None
    capital_of: str | None = None
    population: int = 0  # cities only (GeoNames)


@dataclass(slots=True)
class Gazetteer:
    countries: dict[str, Place] = field(default_factory=dict)  # name key -> country
    country_names: dict[str, str] = field(default_factory=dict)  # alpha3 -> Arabic name
    demonyms: dict[str, str] = field(default_factory=dict)  # stem or word key -> alpha3
    cities: dict[str, Place] = field(default_factory=dict)  # name key -> city
    shadowed: dict[str, Place] = field(default_factory=dict)  # city spelled like a country
    # name key -> every city it spells, most populous first (only names of 2+ cities)
    namesakes: dict[str, list[Place]] = field(default_factory=dict)
    capitals: dict[str, Place] = field(default_factory=dict)  # alpha3 -> capital city
    name_tokens: dict[str, str] = field(default_factory=dict)  # latin -> arabic
    latin_tokens: dict[str, str] = field(default_factory=dict)  # arabic key -> latin
    # arabic key -> how many Latin name words it is the usual spelling of ("بشار": bashar,
    # bachar, bashshar = 3; "هوليوود": hollywood = 1): how much of a name a word is
    name_spellings: dict[str, int] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # stemmed role head -> sector
    role_firsts: set[str] = field(default_factory=set)  # first stems of the role heads
    # first words of the role heads as written (key without ال): "قاضي", "صحفي"
    role_words: set[str] = field(default_factory=set)
    # stems that start a role only with the article: "الإمام" (bare "أمام" is "in front of")
    definite_only: set[str] = field(default_factory=set)
    agents: dict[str, str] = field(default_factory=dict)  # stemmed agent phrase -> code
    actors: dict[str, str] = field(default_factory=dict)  # name key -> CAMEO actor code
    breaks: frozenset[str] = frozenset()  # words a role phrase never runs across
    after_breaks: frozenset[str] = frozenset()  # ... nor, after a name, these
    honorifics: frozenset[str] = frozenset()  # titles dropped from person-name keys
    name_edges: frozenset[str] = frozenset()  # words never at either end of a name
    capital_cues: dict[str, str] = field(default_factory=dict)  # word -> "loc" or "gov"
    sport_cues: frozenset[str] = frozenset()  # words of a sports story (sport_cues.txt)
    epithets: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (role, country)
    epithet_forms: tuple[str, ...] = ()  # the epithets as written, to find them in text
    max_role_len: int = 1
    # Lookups repeated for every token of every article, remembered per stage instance
    # (bounded by MEMO_SIZE); profiling 300 SaudiNewsNet articles showed them at 70% of
    # linking time.
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)
    token_keys: dict[str, str] = field(default_factory=dict)  # raw token -> name_key
    max_agent_len: int = 1

    # -- lookups ----------------------------------------------------------------------

    def place(self, text: str) -> Place | None:
        """A country, else a city, for a place name as written (clitics tolerated)."""
        for key in variants(name_key(text)):
            hit = self.countries.get(key) or self.cities.get(key)
            if hit is not None:
                return hit
        return None

    def demonym(self, word: str) -> str | None:
        """The alpha-3 code a demonym or adjective names: "الفرنسية" -> "FRA"."""
        key = name_key(word)
        if " " in key:
            return None
        for form in variants(key):
            hit = self.demonyms.get(form)
            if hit is not None:
                return hit
            for stem in demonym_stems(form):
                hit = self.demonyms.get(stem)
                if hit is not None:
                    return hit
        return None

    def country_of(self, text: str) -> str | None:
        """Alpha-3 for a country name or a demonym, None otherwise."""
        found: str | None = self._recall("country", text, self._country_of)
        return found

    def _country_of(self, text: str) -> str | None:
        key = name_key(text)
        hit = self.countries.get(key) or self.countries.get(strip_article(key))
        return hit.country if hit is not None else self.demonym(text)

    def starts_role(self, key: str) -> bool:
        """Can a role begin with this token ("ووزير", "بالرئيس")?"""
        found: bool = self._recall("head", key, self._starts_role)
        return found

    def _starts_role(self, key: str) -> bool:
        return any(s in self.role_firsts for s in self.role_stems(key))

    def role_stems(self, key: str) -> list[str]:
        """Stems a token may stand for as a role word, glued clitics removed ("ووزير" ->
        ["ووزير", "وزير"]); not for an adjective made from a role ("الرئيسي" main,
        "الملكي" royal: they stem to رئيس and ملك) unless it is a role itself ("القاضي"),
        nor for a plural or dual ("المعارضين", "الوزيرين"), nor for a definite-only head
        written without ال."""
        out = []
        for form in variants(key):
            bare = strip_article(form)
            stem = light_stem(bare)
            if stem in out:
                continue
            if stem in self.definite_only and bare == form:
                continue
            derived = bare != stem and bare not in self.role_words
            nisba = derived and bare.endswith(("ي", "يه"))
            # A plural or dual ("المعارضين لبقاء X": X's opponents) titles no one person:
            # it had made سامي الجابر, a coach, an opposition figure (OPP) in bench_linking.
            plural = derived and bare.endswith(("ين", "ون"))
            if (nisba or plural) and stem in self.role_firsts:
                continue
            out.append(stem)
        return out

    def _recall(self, kind: str, key: str, compute: Callable[[str], Any]) -> Any:
        try:
            return self.memo[kind, key]
        except KeyError:
            if len(self.memo) > MEMO_SIZE:
                self.memo.clear()
                self.token_keys.clear()
            value = self.memo[kind, key] = compute(key)
            return value


def variants(key: str) -> Iterator[str]:
    """The key, then the key without a glued و/ف, ب/ل/ك ("وبالرباط" -> "بالرباط", "الرباط")."""
    yield key
    if len(key) < 4:
        return
    rest = key
    if rest[0] in "وف" and len(rest) > 3:
        rest = rest[1:]
        yield rest
    if rest.startswith("لل") and len(rest) > 4:
        yield "ال" + rest[2:]
    elif rest[0] in "بلك" and len(rest) > 3:
        yield rest[1:]


def demonym_stems(form: str) -> Iterator[str]:
    for base in (form, strip_article(form)):
        for ending in _DEMONYM_ENDINGS:
            if base.endswith(ending) and len(base) - len(ending) >= 3:
                yield base[: -len(ending)]
                break


def country_stem(name: str) -> str | None:
    """The adjective stem of a one-word country name: فرنسا -> فرنس, السعودية -> سعود."""
    if " " in name.strip() or is_latin(name):
        return None
    word = name.strip()
    word = word[2:] if word.startswith("ال") else word  # a real article, not the alef of ألمانيا
    word = fold(word)
    for ending in ("يا", "يه", "ا", "ه"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return None if len(word) < 3 or word in _STEM_STOP else word


def _rows(name: str) -> Iterator[list[str]]:
    path = resources.files(__package__) / "data" / name
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    for line in raw.decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def load_gazetteer() -> Gazetteer:
    """Read every list (about 0.2 s); call once per stage, never at import."""
    gaz = Gazetteer()
    capital_ids = _load_countries(gaz)
    _load_cities(gaz, capital_ids)
    for latin, arabic in _rows("name_tokens.tsv.gz"):
        gaz.name_tokens[latin] = arabic
        gaz.latin_tokens.setdefault(name_key(arabic), latin)
        gaz.name_spellings[name_key(arabic)] = gaz.name_spellings.get(name_key(arabic), 0) + 1
    for phrase, sector, *kind in _rows("roles.tsv"):
        key = stem_phrase(phrase)
        gaz.roles[key] = sector
        if "org" not in kind:
            gaz.role_firsts.add(key.split()[0])
            gaz.role_words.add(strip_article(name_key(phrase).split()[0]))
        if "definite" in kind:
            gaz.definite_only.add(key.split()[0])
        gaz.max_role_len = max(gaz.max_role_len, len(key.split()))
    for phrase, code in _rows("agents.tsv"):
        key = stem_phrase(phrase)
        gaz.agents.setdefault(key, code)
        gaz.max_agent_len = max(gaz.max_agent_len, len(key.split()))
    for actor, code in _rows("actors.tsv"):
        gaz.actors.setdefault(name_key(actor), code)
    breaks = list(_rows("role_breaks.txt"))
    gaz.breaks = frozenset(name_key(row[0]) for row in breaks if len(row) == 1)
    gaz.after_breaks = gaz.breaks | {name_key(row[0]) for row in breaks if len(row) > 1}
    gaz.name_edges = frozenset(name_key(row[0]) for row in _rows("name_edges.txt"))
    rows = list(_rows("epithets.tsv"))
    gaz.epithets = {name_key(e): (role, c) for e, role, c in rows}
    gaz.epithet_forms = tuple(e for e, _, _ in rows)
    gaz.capital_cues = {name_key(w): cue for w, cue in _rows("capital_cues.tsv")}
    gaz.sport_cues = frozenset(name_key(row[0]) for row in _rows("sport_cues.txt"))
    gaz.honorifics = frozenset(
        t for row in _rows("honorifics.txt") for t in name_key(row[0]).split()
    )
    return gaz


def _load_countries(gaz: Gazetteer) -> dict[int, str]:
    extra = {row[0]: row + [""] * (5 - len(row)) for row in _rows("country_extra.tsv")}
    capital_ids: dict[int, str] = {}
    for a3, _a2, name_en, names, capital_id, _capital in _rows("countries.tsv"):
        more = extra.get(a3, [a3, "", "", "", ""])
        all_names = [n for n in (more[1].split("|") + names.split("|")) if n and "،" not in n]
        place = Place(f"iso:{a3}", all_names[0] if all_names else name_en, "country", a3)
        gaz.country_names[a3] = place.name
        for name in [*all_names, name_en]:
            gaz.countries.setdefault(name_key(name), place)
            stem = country_stem(name)
            if stem:
                gaz.demonyms.setdefault(stem, a3)
        for word in more[4].split("|"):
            if word:
                gaz.demonyms[strip_article(name_key(word))] = a3
                gaz.demonyms[name_key(word)] = a3
        cid = more[2] or capital_id
        if cid:
            capital_ids[int(cid)] = a3
            for name in more[3].split("|"):
                if name:
                    gaz.cities[name_key(name)] = Place(
                        f"gn:{cid}", name, "city", a3, int(cid), capital_of=a3
                    )
    return capital_ids


def _load_cities(gaz: Gazetteer, capital_ids: dict[int, str]) -> None:
    # Rows come most populous first, so setdefault keeps the biggest city of a name.
    for gid, a3, pop, names in _rows("cities.tsv.gz"):
        geo = int(gid)
        cap = capital_ids.get(geo)
        display = names.split("|")[0]
        for name in names.split("|"):
            key = name_key(name)
            if key:
                place = Place(
                    f"gn:{gid}", display, "city", a3, geo, capital_of=cap, population=int(pop)
                )
                table = gaz.shadowed if key in gaz.countries else gaz.cities
                table.setdefault(key, place)
                same = gaz.namesakes.setdefault(key, [])
                if table is gaz.cities and all(p.geonames_id != geo for p in same):
                    same.append(place)
        capital = gaz.cities.get(name_key(display)) if cap is not None else None
        if cap is not None and capital is not None and capital.geonames_id == geo:
            gaz.capitals[cap] = capital
    gaz.namesakes = {k: v for k, v in gaz.namesakes.items() if len(v) > 1}
    for place in list(gaz.cities.values()):
        if place.capital_of and place.capital_of not in gaz.capitals:
            gaz.capitals[place.capital_of] = place
