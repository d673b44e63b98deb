"""Group the person mentions of one article into people.

Longest names go first, so "ناصر بوريطة" exists before "بوريطة" looks for it. A name joins a
person when it is the same name up to typos (token by token, length-aware), the same name
without middle names, a trailing part of it ("بن سلمان"), or, for a one-word mention, its
family name (its given name when the name is a nasab, "سلمان" for "سلمان بن عبدالعزيز"),
else its given name.
When several people fit, the one mentioned nearest wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteers import Gazetteer
from .given_names import GIVEN_NAMES
from .keys import is_latin, name_key, osa_distance, similar_token, strip_article
from .translit import to_arabic

#: Words that glue to the next one in a compound given name: "عبد الله" is one name token.
_COMPOUND_HEADS = frozenset({"عبد", "ابو", "ابي"})
#: Words that glue to the one before: "نصر الله", "نور الدين" are one name token.
_COMPOUND_TAILS = frozenset({"الله", "الدين"})
#: Nasab particles: in "محمد بن سلمان" the family-name slot holds the father's name.
NASAB = frozenset({"بن", "ابن", "بنت"})


@dataclass(slots=True)
class Person:
    forms: list[tuple[str, ...]] = field(default_factory=list)  # distinct name keys
    mentions: list[int] = field(default_factory=list)  # indices into Article.mentions
    positions: list[int] = field(default_factory=list)  # their start offsets

    @property
    def partials(self) -> set[str]:
        return {partial_token(f) for f in self.forms}

    def distance(self, offset: int) -> int:
        return min(abs(p - offset) for p in self.positions)


def person_tokens(surface: str, gaz: Gazetteer | None) -> tuple[str, ...]:
    """Matching tokens of a person name as written (Latin names transliterated first).

    Without a gazetteer (the store) names are taken as they are: no transliteration and
    no titles dropped.
    """
    text = to_arabic(surface, gaz.name_tokens) if gaz and is_latin(surface) else surface
    out: list[str] = []
    for tok in name_key(text).split():
        if out and (out[-1] in _COMPOUND_HEADS or tok in _COMPOUND_TAILS):
            out[-1] += tok
        else:
            out.append(tok)
    if out and out[0][:1] in "وفبلك" and out[0] not in GIVEN_NAMES and out[0][1:] in GIVEN_NAMES:
        out[0] = out[0][1:]  # "بعز الدين" -> "عزالدين": a glued preposition, not the name
    if len(out) > 2 and out[-2] == "ال":
        out = out[:-2]  # "سلمان بن عبدالعزيز آل سعود": the dynasty is not part of the key
    if gaz:
        edges, titles = gaz.name_edges, gaz.honorifics
        while out and (out[0] in edges or (len(out) > 1 and out[0] in titles)):
            out = out[1:]
        while out and out[-1] in edges:
            out = out[:-1]
    return tuple(out)


def is_nasab(form: tuple[str, ...]) -> bool:
    """ "محمد بن سلمان": a name by descent, whose one-word form is the given name."""
    return any(t in NASAB for t in form[1:])


def partial_token(form: tuple[str, ...]) -> str:
    """The token a one-word reference uses: the family name, or the given name of a nasab."""
    if form[0] in NASAB:
        return ""  # "بن سلمان" names the father's son, not anyone called سلمان
    if len(form) > 1 and any(t in NASAB for t in form[1:]):
        return form[0]
    return form[-1]


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-token names of one person.

    Typo-equal; the same family name with a first name one letter off (ميشال/ميشيل); middle
    names dropped (not in a nasab, where the middle is the father), unless both keep middle
    names that differ (middles_differ); a "بن ..." tail; a nasab chain made longer ("محمد بن
    سلمان" in "محمد بن سلمان بن عبدالعزيز"); or a foreign name with a first name dropped
    ("جوزيف بلاتر" in "سيب جوزيف بلاتر"), never one that starts with an Arabic given name,
    which chains its father's name ("محمد عادل إمام" is not "عادل إمام").
    """
    if len(a) == len(b):
        return all(similar_token(x, y) for x, y in zip(a, b, strict=True)) or _first_name_typo(a, b)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if short[0] in NASAB:
        tail = long_[-len(short) :]
        return all(similar_token(x, y) for x, y in zip(short, tail, strict=True))
    if is_nasab(short) or is_nasab(long_):
        head = long_[: len(short)]
        return is_nasab(short) and all(
            similar_token(x, y) for x, y in zip(short, head, strict=True)
        )
    if similar_token(short[0], long_[0]) and similar_token(short[-1], long_[-1]):
        return not middles_differ(short, long_)
    return long_[0] not in GIVEN_NAMES and short[-1] == long_[-1] and _in_order(short, long_)


def middles_differ(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One first and family name, both names keep middle words and neither's begin the
    other's: "جورج دبليو بوش" (the son) and "جورج اتش دبليو بوش" (his father). A chain made
    longer ("محمد حسني مبارك" in "محمد حسني السيد مبارك") or a middle dropped ("جورج بوش")
    is no conflict; a nasab never is one here (same_name reads its chain), nor another first
    name ("هادي يعين نايف البكري", a span that ran past the name, against "نايف صالح البكري").
    """
    if len(a) < 3 or len(b) < 3 or is_nasab(a) or is_nasab(b):
        return False
    if not (similar_token(a[0], b[0]) and similar_token(a[-1], b[-1])):
        return False
    short, long_ = (a[1:-1], b[1:-1]) if len(a) <= len(b) else (b[1:-1], a[1:-1])
    # "محمد الخالد الصباح" is "محمد خالد الحمد الصباح": a father's name takes the article
    pairs = zip(short, long_[: len(short)], strict=True)
    return not all(similar_token(strip_article(x), strip_article(y)) for x, y in pairs)


def _in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    rest = iter(long_)
    return all(tok in rest for tok in short)


def _first_name_typo(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "ميشال بلاتيني" / "ميشيل بلاتيني": one first name one edit off, the family name equal.

    Not for two real given names (سلمان/سلطان are brothers' names) nor for a nasab.
    """
    if is_nasab(a) or is_nasab(b) or a[-1] != b[-1] or len(a[-1]) < 4:
        return False
    diffs = [(x, y) for x, y in zip(a[:-1], b[:-1], strict=True) if x != y]
    if len(diffs) != 1:
        return False
    x, y = diffs[0]
    return (
        min(len(x), len(y)) >= 3
        and not (x in GIVEN_NAMES and y in GIVEN_NAMES)
        and (osa_distance(x, y, 1) <= 1)
    )


def _candidates(form: tuple[str, ...], people: list[Person]) -> list[Person]:
    if len(form) > 1:
        exact = [p for p in people if form in p.forms]
        if exact:
            return exact
        return [p for p in people if any(len(f) > 1 and same_name(form, f) for f in p.forms)]
    tok = form[0]
    hits = [p for p in people if tok in p.partials or form in p.forms]
    if hits:
        return hits
    hits = [p for p in people if any(similar_token(tok, x) for x in p.partials if x)]
    if hits:
        return hits
    # A given name alone ("علاء" after "علاء مبارك"): exact only, weak evidence.
    hits = [p for p in people if any(len(f) > 1 and f[0] == tok for f in p.forms)]
    if hits:
        return hits
    # Weakest: any inner token not naming a father, for spans that ran past the name
    # ("جيرالد دارمانان استعرضا" still holds "دارمانان").
    return [p for p in people if any(tok in _own_tokens(f) for f in p.forms if len(f) > 1)]


def _own_tokens(form: tuple[str, ...]) -> set[str]:
    return {
        t for i, t in enumerate(form) if t not in NASAB and (i == 0 or form[i - 1] not in NASAB)
    }


def group_people(forms: dict[int, tuple[str, ...]], starts: dict[int, int]) -> list[Person]:
    """People from {mention index: name tokens}; ``starts`` gives each mention's offset."""
    people: list[Person] = []
    order = sorted(forms, key=lambda i: (-len(forms[i]), starts[i]))
    for idx in order:
        form = forms[idx]
        if not form:
            continue
        cands = _candidates(form, people)
        if cands:
            person = min(cands, key=lambda p: p.distance(starts[idx]))
        else:
            person = Person()
            people.append(person)
        if form not in person.forms:
            person.forms.append(form)
        person.mentions.append(idx)
        person.positions.append(starts[idx])
    return people
