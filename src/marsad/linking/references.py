"""Role-only references: "وزير الداخلية الفرنسي" with no name is the French interior minister
named elsewhere in the article. Found by reading the text, so they become new mentions."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import MAX_ROLE_TOKENS, head_length
from .gazetteers import Gazetteer
from .keys import light_stem, name_key
from .spans import Token


@dataclass(slots=True)
class RoleHolder:
    """A person of the article with the role stems and country linking knows for them."""

    entity_id: str
    stems: tuple[str, ...]
    country: str | None


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    entity_id: str
    country: str
    role: str


def role_stems(role: str, gaz: Gazetteer) -> tuple[str, ...]:
    """Stems of a role without its country words: "وزير الداخلية الفرنسي" -> (وزير, داخل)."""
    keys = [k for k in name_key(role).split() if gaz.country_of(k) is None]
    if not keys:
        return ()
    first = [s for s in gaz.role_stems(keys[0]) if s in gaz.role_firsts]
    return (first[0] if first else light_stem(keys[0]), *(light_stem(k) for k in keys[1:]))


def find_references(
    text: str,
    tokens: list[Token],
    taken: tuple[set[int], set[int]],
    holders: list[RoleHolder],
    gaz: Gazetteer,
) -> list[Reference]:
    """Role phrases with a country and no name beside them, matched to exactly one holder.

    ``taken`` is (indices of tokens inside any mention, those inside person mentions).
    """
    out: list[Reference] = []
    if not any(h.stems for h in holders):
        return out
    heads = [i for i, t in enumerate(tokens) if t.is_word and gaz.starts_role(t.key)]
    after = -1
    for i in heads:
        if i <= after:
            continue
        ref, end = _reference_at(i, text, tokens, taken, holders, gaz)
        if ref is not None:
            out.append(ref)
        after = max(after, end)  # "نائب رئيس الإمارات" is read once, not again from "رئيس"
    return out


def _reference_at(
    i: int,
    text: str,
    tokens: list[Token],
    taken: tuple[set[int], set[int]],
    holders: list[RoleHolder],
    gaz: Gazetteer,
) -> tuple[Reference | None, int]:
    """The reference starting at token i, if any, and the last token of the role phrase read
    (i itself when none was)."""
    tok = tokens[i]
    anywhere, names = taken
    if i in anywhere or not head_length([tok.key], gaz):
        return None, i
    if _beside_name(i - 1, tokens, names, before=True):
        return None, i
    k = i + 1
    while k < len(tokens) and k - i < MAX_ROLE_TOKENS and tokens[k].is_word and k not in names:
        country = gaz.country_of(tokens[k].key)
        if country is not None:
            if _beside_name(k + 1, tokens, names, before=False):
                return None, k
            role = text[tok.start : tokens[k - 1].end]
            holder = holder_for(role_stems(role, gaz), country, holders)
            if holder is None:
                return None, k
            return Reference(tok.start, tokens[k].end, holder.entity_id, country, role), k
        if tokens[k].key in gaz.breaks:
            return None, i
        k += 1
    return None, i


def _beside_name(j: int, tokens: list[Token], taken: set[int], *, before: bool) -> bool:
    """A name right before (apposition "X، وزير ...") or after ("وزير ... X") the phrase."""
    if 0 <= j < len(tokens) and tokens[j].is_comma and before:
        j -= 1
    return j in taken


def holder_for(
    stems: tuple[str, ...], country: str, holders: list[RoleHolder]
) -> RoleHolder | None:
    """The one person whose role starts with these stems and whose country is this one (the
    exact role wins a tie: "وزير الداخلية" over "وزير الداخلية المنتدب")."""
    if not stems:
        return None
    fits = [h for h in holders if h.stems[: len(stems)] == stems and h.country == country]
    if len(fits) > 1:
        fits = [h for h in fits if h.stems == stems] or fits
    return fits[0] if len(fits) == 1 else None
