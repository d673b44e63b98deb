"""Places and organisations: country -> iso:XXX, city -> gn:ID, capital-as-government ->
gov:XXX, demonym -> its country, organisation -> org:KEY[@COUNTRY]."""

from __future__ import annotations

from ..document import Entity, Mention
from .actors import actor_code, role_sector
from .gazetteers import Gazetteer, Place, variants
from .keys import light_stem, name_key, strip_article
from .spans import Token, token_index

_GOVERNMENT_STEM = "حكوم"  # light stem of حكومة / الحكومة


def place_entity(place: Place, gaz: Gazetteer) -> Entity:
    name = (
        gaz.country_names.get(place.country, place.name) if place.type == "country" else place.name
    )
    return Entity(
        id=place.id,
        name=name,
        type="LOC",
        country=place.country or None,
        geonames_id=place.geonames_id,
    )


def government_entity(country: str, gaz: Gazetteer) -> Entity:
    name = f"حكومة {gaz.country_names.get(country, country)}"
    return Entity(id=f"gov:{country}", name=name, type="ORG", country=country, sector="GOV")


def is_government_reading(
    mention: Mention, mentions: list[Mention], tokens: list[Token], text: str, gaz: Gazetteer
) -> bool:
    """Does this capital stand for its government ("إن الرباط وباريس عازمتان")?

    A place when governed by a preposition (glued "بالرباط" or "في الرباط"); a government
    after إن/أن. Joined by و to another capital or country, it reads as that one does
    ("بين الرباط وباريس": places; "إن الرباط وباريس": governments), a government if
    nothing decides.
    """
    cue = _cue(mention, tokens, text, gaz)
    if cue is not None:
        return cue == "gov"
    for other in mentions:
        if other is not mention and _joined(mention, other, text, gaz):
            return _cue(other, tokens, text, gaz) != "loc"
    return False


def _cue(mention: Mention, tokens: list[Token], text: str, gaz: Gazetteer) -> str | None:
    key = name_key(text[mention.start : mention.end])
    exact = key in gaz.cities or key in gaz.countries
    if not exact and key[:1] in "بل" and gaz.place(key[1:]) is not None:
        return "loc"  # "بالرباط": the preposition is glued on
    i = token_index(tokens, mention.start)
    before = tokens[i - 1].key if i > 0 else ""
    cue = gaz.capital_cues.get(before)
    if cue is None and before.startswith("و"):
        cue = gaz.capital_cues.get(before[1:])
    return cue


def _joined(a: Mention, b: Mention, text: str, gaz: Gazetteer) -> bool:
    """Are a and b "X وY" (either order), b a capital or a country?"""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = text[first.end : second.start].strip()
    second_text = text[second.start : second.end]
    if between not in ("و", ""):
        return False
    if between == "" and not second_text.startswith("و"):
        return False
    other = text[b.start : b.end]
    place = gaz.place(other)
    return place is not None and (place.type == "country" or place.capital_of is not None)


def shadowed_city(surface: str, mentions: list[Mention], text: str, gaz: Gazetteer) -> Place | None:
    """The city a country name also spells (عمان: Oman or Amman), when the article names the
    city's country in other words (الأردن); None keeps the country reading."""
    key = name_key(surface)
    city = gaz.shadowed.get(key)
    if city is None:
        return None
    for other in mentions:
        if other.type == "LOC":
            other_key = name_key(text[other.start : other.end])
            place = gaz.place(other_key) if other_key != key else None
            if place is not None and place.country == city.country:
                return city
    return None


def namesake_city(surface: str, mentions: list[Mention], text: str, gaz: Gazetteer) -> Place | None:
    """Of the cities one name spells (طرابلس: in Libya and in Lebanon), the one whose country
    the article names in other words (لبنان، بيروت) when it does not name the biggest one's;
    None keeps the biggest."""
    key = next((k for k in variants(name_key(surface)) if k in gaz.namesakes), None)
    if key is None:
        return None
    cities = gaz.namesakes[key]
    ids = {c.id for c in cities}
    named = set()
    for other in mentions:
        if other.type == "LOC":
            place = gaz.place(text[other.start : other.end])
            if place is not None and place.id not in ids:
                named.add(place.country)
    if cities[0].country in named:
        return None
    return next((c for c in cities[1:] if c.country in named), None)


def resolve_place(surface: str, gaz: Gazetteer) -> Entity | None:
    """A LOC (or demonym) as written -> its entity, None when no list knows it."""
    place = gaz.place(surface)
    if place is not None:
        return place_entity(place, gaz)
    country = gaz.demonym(surface)
    if country is not None and country in gaz.country_names:
        return Entity(
            id=f"iso:{country}", name=gaz.country_names[country], type="LOC", country=country
        )
    return None


def resolve_org(surface: str, gaz: Gazetteer) -> Entity:
    """An organisation: country qualifiers peeled off its end give its country."""
    toks = name_key(surface).split()
    country = None
    while len(toks) > 1:
        found = gaz.country_of(toks[-1])
        if found is None and len(toks) > 2:
            hit = gaz.countries.get(" ".join(toks[-2:]))
            if hit is not None:
                found, toks = hit.country, toks[:-1]
        if found is None:
            break
        country = country or found
        toks = toks[:-1]
    if country and len(toks) == 1 and light_stem(strip_article(toks[0])) == _GOVERNMENT_STEM:
        return government_entity(country, gaz)
    base = " ".join(toks)
    dict_country, dict_sector = actor_code(name_key(surface), gaz)
    country = country or dict_country
    sector = dict_sector or role_sector(base, gaz)
    suffix = f"@{country}" if country else ""
    return Entity(
        id=f"org:{base}{suffix}",
        name=" ".join(surface.split()),
        type="ORG",
        country=country,
        sector=sector,
    )


def other_entity(surface: str, kind: str, gaz: Gazetteer) -> Entity:
    """MISC (or an unknown place): a demonym is its country; anything else keeps its key."""
    found = resolve_place(surface, gaz) if kind in ("LOC", "MISC") else None
    if found is not None:
        return found
    key = name_key(surface)
    for form in variants(key):
        if form != key and gaz.place(form) is not None:
            key = form
            break
    return Entity(id=f"{kind.lower()}:{key}", name=" ".join(surface.split()), type=kind)
