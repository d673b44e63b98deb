"""What an article says about its people beyond their names: a city read as a person, a
span that ran past a name, a title that belongs to the next name, a role naming a sport or
an office elsewhere. Used by linker._person_entity and link_article."""

from __future__ import annotations

from ..document import Mention
from .actors import role_names_place
from .gazetteers import Gazetteer
from .given_names import GIVEN_NAMES
from .keys import name_key
from .people import NASAB, Person
from .spans import Token

#: A lone word read as a person that spells a city at least this big (GeoNames population)
#: and is the usual Arabic spelling of at most NAME_SPELLINGS Latin name words is the city
#: ("هوليوود"). Set on the lone-word people of 3,000 SaudiNewsNet articles: the places read as
#: people were cities of 160k-2.7M (Hollywood, Vienna, Dortmund, Brooklyn); the surnames that
#: spell a city spell small ones (أوباما 29k, كيري 37k, هولاند 34k) or many name words
#: (بشار, Béchar 165k, spells bashar, bachar and bashshar).
BIG_CITY = 100_000
NAME_SPELLINGS = 1


def name_words_only(form: tuple[str, ...], forms: list[tuple[str, ...]], gaz: Gazetteer) -> bool:
    """Is every word of this name a name word: a given name, a spelling of a Latin name
    word, a family name with the article (not a demonym), or a word another of the
    person's names has? A span that ran past the name ("... بن عبدالعزيز برقيات", "هادي
    يعين نايف البكري") has a word that is none of these and never gives the id."""
    others = {t for f in forms if f != form for t in f}
    return all(
        t in others
        or t in GIVEN_NAMES
        or t in gaz.name_spellings
        or t in NASAB
        or (t.startswith("ال") and gaz.demonym(t) is None)
        for t in form
    )


def city_read_as_person(person: Person, mentions: list[Mention], gaz: Gazetteer) -> bool:
    """A person known only by one word, with no role, that is a big city's name and hardly
    a name word ("نجوم هوليوود"): the city."""
    words = {f[0] for f in person.forms if len(f) == 1}
    if len(words) != 1 or len(person.forms) != 1 or any(mentions[i].role for i in person.mentions):
        return False
    word = words.pop()
    city = gaz.cities.get(word)
    return (
        city is not None
        and word not in GIVEN_NAMES
        and (city.population >= BIG_CITY or city.capital_of is not None)
        and gaz.name_spellings.get(word, 0) <= NAME_SPELLINGS
    )


def office_elsewhere(
    ms: list[Mention],
    role: str | None,
    mentions: list[Mention],
    cues: tuple[list[Token], set[int], Gazetteer],
) -> bool:
    """ "الرئيس X رئيس جمهورية الشيشان": the person's role, or one written after the name,
    holds a place the gazetteer has no country for (else the role would state it); the
    office is there, not in the article's home (a Chechen leader visiting Jeddah was voted
    Saudi over 12 articles). ``cues``: the article's tokens, PER token indices, gazetteer."""
    tokens, names, gaz = cues
    # places the gazetteer does not know, linked as "loc:<key>" (places.other_entity)
    places = [m for m in mentions if m.type == "LOC" and (m.entity_id or "").startswith("loc:")]
    if not places:
        return False
    words = set(name_key(role or "").split())
    if any((p.entity_id or "")[4:] in words for p in places):
        return True
    starts = [p.start for p in places]
    return any(role_names_place(tokens, m.end, gaz, names, starts) for m in ms)


def names_a_sport(role: str, gaz: Gazetteer) -> bool:
    """ "الفريق الأول لكرة القدم بنادي النصر": a role naming its sport or club itself."""
    for tok in name_key(role).split():
        bare = tok[1:] if tok[:1] in "وفبلك" else tok  # "لكرة", "بنادي"
        if tok in gaz.sport_cues or bare in gaz.sport_cues or "ال" + bare in gaz.sport_cues:
            return True
    return False


def drop_next_names_role(ms: list[Mention], mentions: list[Mention], text: str) -> None:
    """ "أبعدوا سامي الجابر الأمير نواف بن محمد": a role written right after this person's
    name and right before another name is the other one's title. The recogniser gives it to
    both (and to every mention sharing the surname); take it, and the country it guessed for
    it, off this person's mentions."""
    starts = {m.start for m in mentions if m.type == "PER"}
    wrong = set()
    for m in ms:
        if not m.role:
            continue
        after = text[m.end : m.end + len(m.role) + 8]  # a comma and spaces, then the role
        rest = after.lstrip(" \t،,")
        if not rest.startswith(m.role):
            continue
        end = m.end + len(after) - len(rest) + len(m.role)
        gap = text[end : end + 4]
        if end + len(gap) - len(gap.lstrip(" \t")) in starts:
            wrong.add(m.role)
    for m in ms:
        if m.role in wrong:
            m.role = m.country = None
