"""Cross-article identity of people: blocking keys and the choice among stored candidates.

Pure functions; the store (store/entities.py) runs the SQL and asks these which stored
person a new one is. A person's blocking keys are its partial token (family name, or given
name of a nasab) with every one-letter deletion, so a typo variant or a partial name finds
the stored person by exact key lookups, never by scanning the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from .keys import deletions
from .people import is_nasab, middles_differ, partial_token, same_name

#: A stored person wins an ambiguous match only with this many times the mentions of the
#: runner-up. Set by hand: with 3x, "سلمان" alone goes to the king (hundreds of mentions in
#: a Saudi corpus) and not to a minor namesake; a near tie stays unmerged.
DOMINANCE = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name_tokens: tuple[str, ...]  # keys of the stored display name (person_tokens)
    id_tokens: tuple[str, ...]  # the name key the id was made from
    count: int
    country: str | None = None  # the stored person's elected country
    # Keys of its stored aliases of more than one word; read only for the candidates
    # names_to_check gives (the display name alone hides "جورج دبليو بوش" behind "جورج بوش").
    full_names: tuple[tuple[str, ...], ...] = ()


def id_tokens(entity_id: str) -> tuple[str, ...]:
    """ "per:جيرالد دارمانان" -> ("جيرالد", "دارمانان")."""
    return tuple(entity_id.partition(":")[2].split())


def person_keys(tokens: tuple[str, ...]) -> set[str]:
    return {"d:" + k for k in deletions(partial_token(tokens))} if tokens else set()


def _fits(new: tuple[str, ...], cand: Candidate) -> int:
    """0 when ``new`` cannot be this candidate; 2 for an exact fit, 1 for a typo fit."""
    best = 0
    for form in {cand.name_tokens, cand.id_tokens}:
        if not form:
            continue
        if len(new) > 1 and len(form) > 1:
            fit = same_name(new, form)
            exact = fit and partial_token(new) == partial_token(form)
        elif len(new) > 1 and is_nasab(new):
            continue  # "سعود بن فيصل" never joins a stored "سعود": too common a given name
        else:
            # One side is a lone word: only the word itself joins. A typo of a lone
            # surname has no other word to confirm it (السبسي, Tunisia's president, is one
            # letter from السيسي); within one article the full name nearby does confirm it.
            a, b = partial_token(new), partial_token(form)
            fit = exact = bool(a) and a == b
        best = max(best, 2 if exact else 1 if fit else 0)
    if len(new) > 1 and len(cand.name_tokens) > 1 and not same_name(new, cand.name_tokens):
        return 0  # a full name never joins a person already known by another full name
    if new not in cand.full_names and any(middles_differ(new, f) for f in cand.full_names):
        return 0  # "جورج اتش دبليو بوش" (the father) never joins a stored "جورج دبليو بوش"
    return best


def names_to_check(new: tuple[str, ...], candidates: list[Candidate]) -> list[str]:
    """Ids of the candidates whose stored full names (Candidate.full_names) must be read
    before choosing: those ``new`` fits by their display name and id, when ``new`` has middle
    words that one of their other full names may contradict (middles_differ); else []."""
    if len(new) < 3 or is_nasab(new):
        return []
    return [c.id for c in candidates if _fits(new, c)]


def choose_person(
    new: tuple[str, ...], candidates: list[Candidate], country: str | None = None
) -> str | None:
    """The stored person ``new`` (name tokens; ``country`` when its text states one) is, or
    None for a new person. A typo fit (full names only) needs no other stated country."""
    scored = [
        (s, c)
        for c in candidates
        if (s := _fits(new, c)) and (s == 2 or not country or not c.country or c.country == country)
    ]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    fits = sorted((c for s, c in scored if s == top), key=lambda c: -c.count)
    if len(fits) == 1 or fits[0].count >= DOMINANCE * fits[1].count:
        return fits[0].id
    return None


def bridged(new: tuple[str, ...], candidates: list[Candidate]) -> list[str]:
    """Stored people that ``new`` shows to be one person, most mentioned first, or [].

    "سيب جوزيف بلاتر" is both a stored "سيب بلاتر" and a stored "جوزيف بلاتر": each is
    ``new`` with a first name dropped. Only for longer, non-nasab names that fit each of
    them exactly; a nasab or a lone name never bridges.
    """
    if len(new) < 3 or is_nasab(new):
        return []
    fits = [
        c
        for c in candidates
        if _fits(new, c) == 2 and 1 < len(c.name_tokens) < len(new) and not is_nasab(c.name_tokens)
    ]
    if len(fits) < 2:
        return []
    return [c.id for c in sorted(fits, key=lambda c: -c.count)]
