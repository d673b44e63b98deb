"""Actor coding: a role ("وزير الداخلية الفرنسي") -> sector (GOV) and country (FRA).

Roles are matched on light-stemmed tokens: hand-written role heads first (roles.tsv, a prefix
of the role), then the UniversalPetrarch agent phrases anywhere in it; names the CAMEO actor
dictionary knows get its country and sector.
"""

from __future__ import annotations

from .gazetteers import Gazetteer, variants
from .keys import light_stem, name_key, strip_article
from .spans import Token, token_index

#: The longest role read from the text around a name, in tokens. Set by reading the seed's
#: roles ("الوزير المنتدب لدى وزير الداخلية" is 5) with one spare.
MAX_ROLE_TOKENS = 6
#: The sector roles.tsv gives "نظير" (counterpart): the role is the other person's.
COUNTERPART = "-"
#: The sector roles.tsv gives a role that has no PLOVER sector (an actor, a coach).
NO_SECTOR = "0"


def head_length(keys: list[str], gaz: Gazetteer) -> int:
    """How many of ``keys`` (from the first) form a role head in roles.tsv; 0 when none."""
    if not keys:
        return 0
    rest = [light_stem(k) for k in keys[1 : gaz.max_role_len]]
    for first in gaz.role_stems(keys[0]):
        if first not in gaz.role_firsts:
            continue  # not a person's role (or an institution: وزارة)
        stems = [first, *rest]
        for n in range(len(stems), 0, -1):
            if " ".join(stems[:n]) in gaz.roles:
                return n
    return 0


def role_sector(role: str | None, gaz: Gazetteer) -> str | None:
    """The sector of a role: its head in roles.tsv, else the longest agent phrase in it."""
    if not role:
        return None
    keys = name_key(role).split()
    for first in gaz.role_stems(keys[0]) if keys else []:
        stems = [first, *(light_stem(k) for k in keys[1 : gaz.max_role_len])]
        for n in range(len(stems), 0, -1):
            hit = gaz.roles.get(" ".join(stems[:n]))
            if hit:
                return None if hit in (COUNTERPART, NO_SECTOR) else hit
    stems = [light_stem(k) for k in keys]
    for n in range(min(len(stems), gaz.max_agent_len), 0, -1):
        for i in range(len(stems) - n + 1):
            code = gaz.agents.get(" ".join(stems[i : i + n]))
            if code:
                return code[:3]
    return None


def role_country(role: str | None, gaz: Gazetteer) -> str | None:
    """A country the role names: "وزير الداخلية الفرنسي" -> FRA, "وزير خارجية المغرب" -> MAR."""
    if not role:
        return None
    keys = name_key(role).split()
    for n in (3, 2):  # multi-word country names: الولايات المتحدة
        for i in range(len(keys) - n + 1):
            hit = gaz.countries.get(" ".join(keys[i : i + n]))
            if hit is not None:
                return hit.country
    for key in keys[1:]:
        found = gaz.country_of(key)
        if found:
            return found
    return None


def actor_code(key: str, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """(country, sector) the CAMEO actor dictionary gives a name key, or (None, None)."""
    code = gaz.actors.get(key)
    if not code:
        return None, None
    if code[:3] in gaz.country_names:
        return code[:3], (code[3:6] or None)
    return None, code[:3]


def context_role(
    text: str, tokens: list[Token], start: int, end: int, gaz: Gazetteer, taken: set[int]
) -> tuple[str, str | None] | None:
    """(role, country) written next to a name: "وزير الداخلية الفرنسي X" -> (وزير الداخلية,
    FRA); "X، وزير الخارجية" -> (وزير الخارجية, None).

    ``taken`` holds the indices of tokens inside person mentions; a role never crosses one,
    nor punctuation, nor a break word (role_breaks.txt). Country words at its end are left
    out of the role (they give the country, see ``role_country`` on the full phrase).
    """
    i = token_index(tokens, start)
    j = token_index(tokens, end)
    span = _role_before(tokens, i, gaz, taken) or _role_after(tokens, j, gaz, taken)
    if span is None:
        return None
    first, last = span
    head = tokens[first]
    offset = head.start + _clitic_length(head.key, gaz)
    country = role_country(text[offset : tokens[last].end], gaz)
    while last > first and gaz.country_of(tokens[last].key) is not None:
        last -= 1  # "وزير الداخلية الفرنسي": the country is the mention's, not the role's
    return " ".join(text[offset : tokens[last].end].split()), country


def _role_before(
    tokens: list[Token], i: int, gaz: Gazetteer, taken: set[int]
) -> tuple[int, int] | None:
    last = i - 1
    if last >= 0 and tokens[last].is_comma:
        last -= 1
    earliest = None
    k = last
    while k >= 0 and last - k < MAX_ROLE_TOKENS:
        tok = tokens[k]
        if not tok.is_word or k in taken or tok.key in gaz.breaks:
            break
        if gaz.starts_role(tok.key) and head_length([t.key for t in tokens[k : last + 1]], gaz):
            earliest = k
        k -= 1
    return (earliest, last) if earliest is not None else None


def _role_after(
    tokens: list[Token], j: int, gaz: Gazetteer, taken: set[int]
) -> tuple[int, int] | None:
    if j < len(tokens) and tokens[j].is_comma:
        j += 1
    if j >= len(tokens) or j in taken:
        return None
    key = tokens[j].key
    if key[:1] in "وف" and light_stem(strip_article(key)) not in gaz.role_firsts:
        return None  # "X ووزير ..." starts a new person, not an apposition
    if not head_length([t.key for t in tokens[j : j + gaz.max_role_len]], gaz):
        return None
    k = j
    while (
        k + 1 < len(tokens)
        and k + 1 - j < MAX_ROLE_TOKENS
        and tokens[k + 1].is_word
        and k + 1 not in taken
        and tokens[k + 1].key not in gaz.after_breaks
    ):
        k += 1
    return j, k


def role_names_place(
    tokens: list[Token], end: int, gaz: Gazetteer, taken: set[int], places: list[int]
) -> bool:
    """Is a place mention (``places``: start offsets) inside the role written right after a
    name that ends at ``end`` ("X رئيس جمهورية الشيشان")?"""
    span = _role_after(tokens, token_index(tokens, end), gaz, taken)
    if span is None:
        return False
    lo, hi = tokens[span[0]].start, tokens[span[1]].end
    return any(lo <= p < hi for p in places)


def _clitic_length(key: str, gaz: Gazetteer) -> int:
    """Letters glued before a role head ("بالوزير" -> 1) so the role starts at the head."""
    for form in variants(key):
        if light_stem(strip_article(form)) in gaz.role_firsts:
            return len(key) - len(form)
    return 0


def is_counterpart(role: str | None, gaz: Gazetteer) -> bool:
    keys = name_key(role or "").split()
    return bool(keys) and any(gaz.roles.get(s) == COUNTERPART for s in gaz.role_stems(keys[0]))
