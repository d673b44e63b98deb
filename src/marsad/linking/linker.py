"""Mentions of one article -> canonical entities; sets Mention.entity_id, fills Article.entities.

Ids are stable across articles and runs so the store can merge them: "iso:MAR" (country),
"gn:2538475" (city), "gov:MAR" (a government, also a capital standing for it),
"per:<name key>" and "org:<name key>[@COUNTRY]".
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from ..document import Article, Entity, Mention
from .actors import (
    actor_code,
    context_role,
    is_counterpart,
    role_country,
    role_sector,
)
from .gazetteers import MEMO_SIZE, Gazetteer
from .given_names import GIVEN_NAMES
from .keys import name_key
from .people import Person, group_people, person_tokens
from .person_cues import (
    city_read_as_person,
    drop_next_names_role,
    name_words_only,
    names_a_sport,
    office_elsewhere,
)
from .places import (
    government_entity,
    is_government_reading,
    namesake_city,
    other_entity,
    place_entity,
    resolve_org,
    resolve_place,
    shadowed_city,
)
from .references import RoleHolder, find_references, holder_for, role_stems
from .spans import Token, token_index, tokenize

#: Sectors of state office: a person holding one with no country stated is taken to serve
#: the article's home country (its dateline's, else its most named one).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Different sport_cues.txt words that make an article a sports story. Set by hand: one cue
#: ("هدف" goal/aim, "الموسم" season) also stands in other news.
SPORT_CUES_NEEDED = 2
#: Stem of "الفريق": the team in a sports story, the rank (lieutenant general) elsewhere.
TEAM = "فريق"


def link_article(article: Article, gaz: Gazetteer) -> Article:
    text = article.text
    if len(gaz.token_keys) > MEMO_SIZE:
        gaz.token_keys.clear()
    tokens = tokenize(text, gaz.token_keys)
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    taken, names = _covered(tokens, mentions)
    found: dict[str, Entity] = {}
    for m in mentions:
        country = resolve_place(text[m.start : m.end], gaz) if _demonym(m, text, gaz) else None
        if m.type == "PER" and country is not None:
            _attach(m, country, text[m.start : m.end], found)  # "الفرنسيين": France
    epithets = [m for m in mentions if m.type == "PER" and _epithet(m, text, gaz)]
    person_idx = [
        i
        for i, m in enumerate(mentions)
        if m.type == "PER" and m not in epithets and m.entity_id is None
    ]
    for m in mentions:
        if m.type != "PER":
            _link_other(m, mentions, tokens, text, gaz, found)
    _merge_org_partials(mentions, found)
    _merge_acronyms(mentions, text, found)
    home = _home_country(article, mentions, found, gaz)
    people = group_people(
        {i: person_tokens(text[mentions[i].start : mentions[i].end], gaz) for i in person_idx},
        {i: mentions[i].start for i in person_idx},
    )
    people = [p for p in people if not _given_name_only(p)]
    for place in [p for p in people if city_read_as_person(p, mentions, gaz)]:
        people.remove(place)
        for i in place.mentions:
            mentions[i].type = "LOC"
            _link_other(mentions[i], mentions, tokens, text, gaz, found)
    sport = len({t.key for t in tokens if t.key in gaz.sport_cues}) >= SPORT_CUES_NEEDED
    abroad: set[str] = set()  # people whose office is elsewhere (office_elsewhere)
    persons = [
        _person_entity(
            p, mentions, text, tokens, names, gaz, found, sport=sport, home=home, abroad=abroad
        )
        for p in people
    ]
    _counterparts(persons, mentions, gaz)
    for entity in persons:
        _fill_home(entity, None if entity.id in abroad else home)
    holders = [RoleHolder(e.id, role_stems(e.role or "", gaz), e.country) for e in persons]
    added = _role_references(text, tokens, (taken, names), holders, gaz, found)
    epithets += _unmarked_epithets(text, mentions + added, gaz)
    for m in epithets:
        _link_epithet(m, text, holders, gaz, found)
    added += [m for m in epithets if m not in mentions and m.entity_id]
    article.mentions = sorted(mentions + added, key=lambda m: (m.start, m.end))
    order = {m.entity_id: m.start for m in reversed(article.mentions)}
    article.entities = sorted(found.values(), key=lambda e: order.get(e.id, len(text)))
    return article


def _covered(tokens: list[Token], mentions: list[Mention]) -> tuple[set[int], set[int]]:
    taken: set[int] = set()
    names: set[int] = set()
    for m in mentions:
        first, last = token_index(tokens, m.start), token_index(tokens, m.end)
        span = set(range(first, last))
        taken |= span
        if m.type == "PER":
            names |= span
    return taken, names


def _attach(m: Mention, entity: Entity, surface: str, found: dict[str, Entity]) -> Entity:
    have = found.setdefault(entity.id, entity)
    alias = " ".join(surface.split())
    have.aliases[alias] = have.aliases.get(alias, 0) + 1
    m.entity_id = have.id
    return have


def _link_other(
    m: Mention,
    mentions: list[Mention],
    tokens: list[Token],
    text: str,
    gaz: Gazetteer,
    found: dict[str, Entity],
) -> None:
    surface = text[m.start : m.end]
    entity = resolve_place(surface, gaz) if m.type in ("LOC", "ORG", "MISC") else None
    city = None
    if m.type == "LOC":
        city = shadowed_city(surface, mentions, text, gaz) or namesake_city(
            surface, mentions, text, gaz
        )
    if city is not None:  # "عمّان" in a story that names الأردن is Amman, not Oman
        entity = place_entity(city, gaz)
    if entity is not None and entity.id.startswith("iso:") and m.type != "LOC":
        entity = entity if gaz.place(surface) is not None or m.type == "MISC" else None
    if entity is None:
        entity = (
            resolve_org(surface, gaz) if m.type == "ORG" else other_entity(surface, m.type, gaz)
        )
    elif entity.geonames_id is not None:
        place = city or gaz.place(surface)
        if place and place.capital_of and is_government_reading(m, mentions, tokens, text, gaz):
            entity = government_entity(place.capital_of, gaz)
    _attach(m, entity, surface, found)


def _merge_org_partials(mentions: list[Mention], found: dict[str, Entity]) -> None:
    """ "المديرية" or "وزارة الداخلية" joins the one longer organisation of the article it
    begins ("المديرية العامة للأرصاد", "وزارة الداخلية المغربية")."""
    orgs = {
        e.id: e.id[4:].partition("@")[0].split() for e in found.values() if e.id.startswith("org:")
    }
    for oid, toks in orgs.items():
        longer = [
            other
            for other, full in orgs.items()
            if other != oid
            and full[: len(toks)] == toks
            and (len(full) > len(toks) or "@" in other)
        ]
        if len(longer) != 1 or "@" in oid:
            continue
        _fold(oid, found[longer[0]], mentions, found)


def _merge_acronyms(mentions: list[Mention], text: str, found: dict[str, Entity]) -> None:
    """ "منظمة الأمم المتحدة للتربية والعلم والثقافة (اليونيسكو)": the name in brackets right
    after an organisation is its short name: one entity (the events stage coded a CONSULT
    between the two)."""
    for a, b in pairwise(mentions):
        if a.type != "ORG" or b.type not in ("ORG", "MISC") or not (a.entity_id and b.entity_id):
            continue
        if text[a.end : b.start].strip() != "(" or not text[b.end :].lstrip().startswith(")"):
            continue
        short, full = b.entity_id, a.entity_id
        if short != full and short in found and full in found:
            _fold(short, found[full], mentions, found)


def _fold(loser: str, target: Entity, mentions: list[Mention], found: dict[str, Entity]) -> None:
    """The article's entity ``loser`` becomes ``target``: its aliases and mentions move."""
    for alias, n in found.pop(loser).aliases.items():
        target.aliases[alias] = target.aliases.get(alias, 0) + n
    for m in mentions:
        if m.entity_id == loser:
            m.entity_id = target.id


def _home_country(
    article: Article, mentions: list[Mention], found: dict[str, Entity], gaz: Gazetteer
) -> str | None:
    """The dateline's country, else the country named most (when strictly most), its cities
    counted for it."""
    if article.dateline.place:
        place = gaz.place(article.dateline.place)
        if place is not None:
            return place.country
    counts = Counter(
        found[m.entity_id].country
        for m in mentions
        if m.type == "LOC" and m.entity_id in found and found[m.entity_id].country
    )
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _person_entity(
    person: Person,
    mentions: list[Mention],
    text: str,
    tokens: list[Token],
    names: set[int],
    gaz: Gazetteer,
    found: dict[str, Entity],
    *,
    sport: bool = False,
    home: str | None = None,
    abroad: set[str] | None = None,
) -> Entity:
    ms = [mentions[i] for i in sorted(person.mentions)]
    best, name = _best_name(person, ms, text, gaz)
    drop_next_names_role(ms, mentions, text)
    role, stated, guessed = _person_role(ms, text, tokens, names, gaz)
    elsewhere = (
        stated is None
        and (role is not None or guessed is not None)  # else no home country is guessed
        and office_elsewhere(ms, role, mentions, (tokens, names, gaz))
    )
    if stated is None:
        guessed = _home_guess(ms, guessed, None if elsewhere else home)
    if role and (sport or names_a_sport(role, gaz)) and TEAM in role_stems(role, gaz):
        # "لاعب الفريق X", "قائد الفريق X": a player or captain, not an officer; the home
        # country guessed for the rank goes with it (Austria, where a Saudi team was
        # training, was a Saudi footballer's country)
        role, guessed = None, None
        for m in ms:
            m.role, m.country = None, m.country if stated else None
    dict_country, dict_sector = actor_code(" ".join(best), gaz)
    entity = Entity(
        id="per:" + " ".join(best),
        name=name,
        type="PER",
        # A country written in the role beats the CAMEO actor list, which beats the
        # recogniser's, which may be the article's home country guessed for a bare role.
        country=stated or dict_country or guessed,
        sector=role_sector(role, gaz) or dict_sector,
        role=role,
        # the recogniser gives a bare role the article's home country (ner.roles)
        country_guessed=not (stated or dict_country) and guessed is not None,
    )
    for m in ms:
        entity = _attach(m, entity, _display(text[m.start : m.end], gaz), found)
        m.role = m.role or role
        m.country = m.country or entity.country
    if elsewhere and abroad is not None:
        abroad.add(entity.id)
    return entity


def _best_name(
    person: Person, ms: list[Mention], text: str, gaz: Gazetteer
) -> tuple[tuple[str, ...], str]:
    """The name key the id is made of, and the name as written most often in that form: a
    full name over a lone word, one of name words only (name_words_only), the longest."""
    counts = Counter(len(f) for f in person.forms)
    best = max(
        person.forms,
        key=lambda f: (len(f) > 1, name_words_only(f, person.forms, gaz), len(f), counts[len(f)]),
    )
    surfaces = Counter(
        _display(text[m.start : m.end], gaz)
        for m in ms
        if person_tokens(text[m.start : m.end], gaz) == best
    )
    return best, surfaces.most_common(1)[0][0]


def _home_guess(ms: list[Mention], guessed: str | None, home: str | None) -> str | None:
    """The country of a bare role (no country stated): a guess at the article's home. The
    recogniser's counts the countries named; ours (_home_country) counts their cities too
    and wins (Saudi ministers at a meeting "في جدة" twice, Russia named once, were voted
    Russian). ``home`` is None for an office elsewhere (office_elsewhere)."""
    if guessed is None or guessed == home:
        return guessed
    for m in ms:
        m.country = None
    return home


def _given_name_only(person: Person) -> bool:
    """ "محمد" or "عبدالله" alone, matching no fuller name: too common to be anyone."""
    return all(len(f) == 1 and f[0] in GIVEN_NAMES for f in person.forms)


def _person_role(
    ms: list[Mention], text: str, tokens: list[Token], names: set[int], gaz: Gazetteer
) -> tuple[str | None, str | None, str | None]:
    """(role, country the text states for the person, country the recogniser gave: stated
    or the article's home country guessed for a bare role) for one person."""
    given = max((m for m in ms if m.role), key=lambda m: len(m.role or ""), default=None)
    guessed = (given.country if given else None) or next((m.country for m in ms if m.country), None)
    if given is not None:
        stated = role_country(given.role, gaz)
        if stated is None and guessed is not None:
            # the recogniser's role leaves out the country words after it ("وزير الداخلية"
            # of "وزير الداخلية الفرنسي"); the role read here keeps them for role_country
            reads = (context_role(text, tokens, m.start, m.end, gaz, names) for m in ms)
            stated = next((r[1] for r in reads if r and r[1]), None)
        return given.role, stated, guessed
    read = next(
        (r for m in ms if (r := context_role(text, tokens, m.start, m.end, gaz, names))), None
    )
    return (read[0], read[1], guessed) if read else (None, None, guessed)


def _counterparts(persons: list[Entity], mentions: list[Mention], gaz: Gazetteer) -> None:
    """ "X نظيره الفرنسي Y": Y takes the role (and sector) of the person named before it."""
    first: dict[str, int] = {}
    for m in mentions:
        if m.type == "PER" and m.entity_id:
            first.setdefault(m.entity_id, m.start)
    for entity in persons:
        if not is_counterpart(entity.role, gaz):
            continue
        before = [
            p
            for p in persons
            if first[p.id] < first[entity.id] and p.role and not is_counterpart(p.role, gaz)
        ]
        if before:
            other = max(before, key=lambda p: first[p.id])
            entity.role, entity.sector = other.role, other.sector
            for m in mentions:
                if m.entity_id == entity.id:
                    m.role = other.role


def _display(surface: str, gaz: Gazetteer) -> str:
    """The name as written without a title or stray words around it ("السيد ناصر بوريطة"
    and "فإن ناصر بوريطة" -> "ناصر بوريطة"): names and aliases of people are kept this way."""
    words = surface.split()
    while words and (
        name_key(words[0]) in gaz.name_edges
        or (len(words) > 1 and name_key(words[0]) in gaz.honorifics)
    ):
        words = words[1:]
    while words and name_key(words[-1]) in gaz.name_edges:
        words = words[:-1]
    if len(words) > 2 and name_key("".join(words[-2:])) in gaz.name_edges:
        words = words[:-2]  # "رحمه الله" after a name
    return " ".join(words) or " ".join(surface.split())


def _role_references(
    text: str,
    tokens: list[Token],
    taken: tuple[set[int], set[int]],
    holders: list[RoleHolder],
    gaz: Gazetteer,
    found: dict[str, Entity],
) -> list[Mention]:
    """New PER mentions for role-only references (not aliases: they are not names)."""
    out = []
    for ref in find_references(text, tokens, taken, holders, gaz):
        m = Mention(ref.start, ref.end, "PER", score=0.5, role=ref.role, country=ref.country)
        m.entity_id = ref.entity_id
        out.append(m)
    return out


def _demonym(m: Mention, text: str, gaz: Gazetteer) -> bool:
    """A person span that is one demonym with its article ("الفرنسيين"): the people of a
    country, linked to it. Without the article it may be a name (تركي)."""
    key = name_key(text[m.start : m.end])
    return " " not in key and key.startswith("ال") and gaz.demonym(key) is not None


def _epithet(m: Mention, text: str, gaz: Gazetteer) -> tuple[str, str] | None:
    return gaz.epithets.get(name_key(text[m.start : m.end]))


def _unmarked_epithets(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Epithets in the text no mention covers, as new PER mentions (score 0.5)."""
    out = []
    for form in gaz.epithet_forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            near = [m for m in mentions if m.start <= end + 2 and at - 2 <= m.end]
            if not near:  # not overlapping, nor a title right before or after a name
                out.append(Mention(at, end, "PER", score=0.5))
            at = text.find(form, end)
    return out


def _link_epithet(
    m: Mention, text: str, holders: list[RoleHolder], gaz: Gazetteer, found: dict[str, Entity]
) -> None:
    """ "خادم الحرمين الشريفين" -> the article's Saudi king, else an entity of its own."""
    role, country = _epithet(m, text, gaz) or ("", "")
    m.role, m.country = m.role or role, m.country or country
    holder = holder_for(role_stems(role, gaz), country, holders)
    if holder is not None:
        m.entity_id = holder.entity_id
        return
    if m.score < 1:
        return  # found in the text, not by the recogniser: only a known holder is linked
    surface = " ".join(text[m.start : m.end].split())
    entity = Entity(
        id="per:" + name_key(surface),
        name=surface,
        type="PER",
        country=country,
        sector=role_sector(role, gaz),
        role=role,
    )
    _attach(m, entity, surface, found)


def _fill_home(entity: Entity, home: str | None) -> None:
    """A state office holder with no stated country serves the article's home country."""
    if entity.country is None and home is not None and entity.sector in STATE_SECTORS:
        entity.country = home
        entity.country_guessed = True
