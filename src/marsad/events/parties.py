"""Parties that are not named entities: "اقتحم مسلحون مقنعون"، "تظاهر آلاف الطلاب"، "قوات الأمن".

When an event has no linked actor (or recipient), the evidence sentence often still says who:
a group noun (data/groups.tsv) with its count before it ("آلاف"، "عشرات من"، "ثلاثة") and
its complements and adjectives after it ("قوات الأمن"، "مسلحون مقنعون"، "الطلاب الفلسطينيين").
Such a phrase is kept on the event with the PLOVER sector its words say (UAF, COP, MIL, CVL…).

Where the phrase stands tells its role (Arabic is mostly verb-subject-object): the doer is
the trigger word itself ("المتظاهرون"), the phrase a doer-marker introduces ("هجوم شنه
مسلحون"، "على يد"), the phrase right before the trigger ("مسلحون اقتحموا") or the first one
after it ("اقتحم مسلحون"). The one acted on is the phrase a recipient marker introduces
("على"، "ضد"), the next phrase after the doer, the phrase right after a verbal noun ("مقتل
ثلاثة أشخاص") or the subject of a passive verb ("اغتيل"، "تعرضت دورية لهجوم"). In an
ASSAULT, people in general ("أشخاص"، "مدنيين") are the ones hurt unless a marker makes them
the doers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..arabic.normalise import normalize
from ..arabic.numerals import is_number
from .lexicon import PhraseTable, read_table
from .sentence import CLAUSE_MARKS, SentenceView

KINDS = frozenset(
    {
        "group",
        "generic",
        "refine",
        "modifier",
        "people",
        "quantity",
        "number",
        "about",
        "passive",
        "agent",
        "stop",
    }
)
_HEADS = frozenset({"group", "generic", "people"})
#: Words a phrase may take after its head ("قوات الأمن العراقية الخاصة"): a complement and
#: two adjectives; set on hand-written examples (#4).
MAX_AFTER_HEAD = 3
#: Words between a phrase and the trigger after it ("المتظاهرون قد رشقوا"; "وكان"); set on
#: hand-written examples (#4).
BEFORE_GAP = 2
#: Words between a trigger and the doer after it ("تظاهر أمس الآلاف"), set as BEFORE_GAP.
AFTER_GAP = 2
#: Words between a verbal noun and the phrase it governs beyond its count ("مقتل ثلاثة
#: أشخاص" needs none); as arguments.PATIENT_GAP.
PATIENT_GAP = 1
#: Words a passive verb may stand before the trigger ("تعرضت دورية للشرطة لهجوم"); set on
#: hand-written examples (#4).
PASSIVE_WINDOW = 5
#: Shortest stem (without "ال") of an adjective read by its ending ("عربي"), so that "على"
#: (normalised "علي") is none.
NISBA_MIN = 4
_NISBA = ("يون", "يين", "يان", "يه", "يا", "ي")
#: Endings of a sound plural: its adjective ends in يون/يين, never in a bare ي.
_PLURAL = ("ون", "ين", "ات")
_NOT_SIDES = frozenset({"place", "source", "companion"})
#: Sectors that bear arms (PLOVER sector table): never the protesters of a PROTEST.
ARMED = frozenset({"COP", "MIL", "UAF", "REB", "PRM", "CRM", "SPY"})


@dataclass(frozen=True, slots=True)
class GroupWord:
    kind: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class Group:
    """Tokens ``[first, last]`` of an unnamed party; ``people``: persons in general or a
    bare count; ``counted``: a count stands before the head ("ثلاثة جنود"); ``marker``: the
    word role before it (arguments.tsv roles, or "agent" for a doer-marker of groups.tsv)."""

    first: int
    last: int
    sector: str | None
    people: bool
    counted: bool
    marker: str | None

    def hurt(self) -> bool:
        """In an ASSAULT: the casualties, not the attackers (see groups.tsv, quantity)."""
        return self.people or self.counted

    def holds(self, i: int) -> bool:
        return self.first <= i <= self.last


class GroupLexicon:
    """The group nouns of data/groups.tsv, looked up by a word's forms; the lookups of each
    distinct word are kept on the instance (one per stage)."""

    #: Distinct words kept before starting afresh, as sentence.WordCache.LIMIT.
    LIMIT = 100_000

    def __init__(self, entries: Sequence[tuple[str, GroupWord]]) -> None:
        self.table = PhraseTable(entries)
        self.seen: dict[tuple[str, ...], dict[str, str | None]] = {}

    @classmethod
    def load(cls) -> GroupLexicon:
        rows = read_table("groups.tsv")
        bad = [r["pattern"] for r in rows if r["kind"] not in KINDS]
        if bad:
            raise ValueError(f"groups.tsv: unknown kind for {bad}")
        return cls([(r["pattern"], GroupWord(r["kind"], r["sector"] or None)) for r in rows])

    def kinds(self, forms: tuple[str, ...]) -> dict[str, str | None]:
        """kind -> sector of every entry a word with these forms matches."""
        found = self.seen.get(forms)
        if found is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            found = self._lookup(forms)
            if not found:
                # The accusative of a counted noun ("17 متمردا"، "20 مدنيا") is its stem.
                found = self._lookup(tuple(f[:-1] for f in forms if f.endswith("ا") and len(f) > 3))
            self.seen[forms] = found
        return found

    def _lookup(self, forms: tuple[str, ...]) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for pat in self.table.heads(forms):
            if len(pat.words) == 1:
                found.setdefault(pat.payload.kind, pat.payload.sector)
        return found


@dataclass(frozen=True, slots=True)
class SentenceGroups:
    """The unnamed parties of a sentence in text order, and where its passive verbs are."""

    groups: list[Group]
    passives: list[int]
    #: Clause marks (commas, quotes, colons): no doer stands before the trigger across one.
    breaks: list[int]


def sentence_groups(view: SentenceView, lexicon: GroupLexicon, covered: set[int]) -> SentenceGroups:
    """Group phrases of ``view`` that share no token with a named mention (``covered``)."""
    words = [lexicon.kinds(f) for f in view.forms]
    roles = {m.start: m.payload for m in view.markers}
    groups: list[Group] = []
    i = 0
    while i < len(words):
        if i in covered or not _is_head(view, words, i):
            i += 1
            continue
        first = _left(view, words, i, covered)
        last, sector = _right(view, words, i, covered)
        people = "people" in words[i] or not (_HEADS & words[i].keys())
        marker = "agent" if first and "agent" in words[first - 1] else roles.get(first - 1)
        if marker is None and normalize(view.tokens[first].text).startswith(("لل", "ولل")):
            marker = "ل"  # "للاجئين": for whom, not who
        groups.append(Group(first, last, sector, people, first < i, marker))
        i = last + 1
    passives = [i for i, w in enumerate(words) if "passive" in w]
    breaks = [i for i, t in enumerate(view.tokens) if t.text in CLAUSE_MARKS]
    return SentenceGroups(groups, passives, breaks)


def _is_head(view: SentenceView, words: list[dict[str, str | None]], i: int) -> bool:
    """A group noun, unless it is a definite adjective of the noun before it ("التنظيم
    الإرهابي"); or a count standing for people: a definite collective ("تظاهر الآلاف") or a
    count followed by an adjective ("مجموعة مسلحة"، "آلاف الفلسطينيين"، "ثمانية آخرون")."""
    if _HEADS & words[i].keys():
        return not _adjective_of_previous(view, words, i)
    if "quantity" not in words[i] and "number" not in words[i]:
        return False
    nxt = (
        i + 1 < len(words)
        and "stop" not in words[i + 1]
        and ("modifier" in words[i + 1] or _nisba(view.tokens[i + 1].text, None))
    )
    if nxt:
        return True
    collective = "quantity" in words[i] and _definite(view.tokens[i].text)
    return collective and not _head_follows(words, i)


def _adjective_of_previous(view: SentenceView, words: list[dict[str, str | None]], i: int) -> bool:
    text = view.tokens[i].text
    if i == 0 or not _nisba(text, None) or not _definite(text):
        return False
    prev = view.tokens[i - 1].text
    return _definite(prev) and not (_HEADS & words[i - 1].keys()) and prev not in CLAUSE_MARKS


def _head_follows(words: list[dict[str, str | None]], i: int) -> bool:
    """A group noun follows the count, maybe after "من" ("عشرات من الطلاب")."""
    return any(_HEADS & w.keys() for w in words[i + 1 : i + 3])


def _left(
    view: SentenceView, words: list[dict[str, str | None]], head: int, covered: set[int]
) -> int:
    """First token of the phrase: the head with its counts ("عشرات الآلاف من")."""
    first = head
    while first > 0:
        prev = first - 1
        if prev in covered:
            break
        if _count(view, words, prev) or ("about" in words[prev] and first < head):
            first = prev
        elif view.tokens[prev].text == "من" and prev > 0 and _count(view, words, prev - 1):
            first = prev - 1
        else:
            break
    return first


def _count(view: SentenceView, words: list[dict[str, str | None]], i: int) -> bool:
    return "quantity" in words[i] or "number" in words[i] or is_number(view.tokens[i].text)


def _right(
    view: SentenceView, words: list[dict[str, str | None]], head: int, covered: set[int]
) -> tuple[int, str | None]:
    """Last token of the phrase and its sector: a refining complement decides it ("قوات
    الأمن" COP), a group noun after a generic head too ("رجال الشرطة"), an adjective only
    when nothing else did ("جماعة مسلحة"). A group noun of another sector starts another
    party ("هاجم مسلحون جنودا")."""
    kinds = words[head]
    generic = "group" not in kinds and "people" not in kinds
    sector = kinds.get("group") or kinds.get("people") or kinds.get("generic")
    if not _HEADS & kinds.keys():
        sector = "CVL"  # a count of people ("الآلاف"), until a word says more
    filled = _HEADS & kinds.keys() and sector is not None
    head_text = view.tokens[head].text
    last = head
    k = head + 1
    while k < len(words) and k - head <= MAX_AFTER_HEAD and k not in covered:
        w, text = words[k], view.tokens[k].text
        if text in CLAUSE_MARKS or "stop" in w:
            break
        if text == "من" and generic and k + 1 < len(words) and _HEADS & words[k + 1].keys():
            k += 1  # "عناصر من الشرطة"
            continue
        if "refine" in w:
            sector, filled = w["refine"], True
        elif generic and ("group" in w or "people" in w):
            sector, filled, generic = w.get("group") or w.get("people"), True, False
        elif generic and "generic" in w:
            sector = w["generic"] or sector  # "رجال قوات الطوارئ"، "عناصر قوات الأمن"
        elif "group" in w and w["group"] == sector:
            pass  # an adjective of the same kind: "مسلحون مجهولون"، "مسلحون ملثمون"
        elif _HEADS & w.keys():
            break  # another party: "خطف مسلحون صحفيا"
        elif "modifier" in w:
            if not filled and w["modifier"]:
                sector, filled = w["modifier"], True
        elif not _nisba(text, head_text if _HEADS & kinds.keys() else None):
            break
        last = k
        k += 1
    return last, sector


def _definite(word: str) -> bool:
    w = normalize(word)
    if len(w) > 4 and w[0] in "وف":
        w = w[1:]
    return w.startswith(("ال", "لل")) or (w[:1] in "بك" and w[1:3] == "ال")


def _nisba(word: str, head: str | None) -> bool:
    """An adjective of relation ("الفلسطينيين"، "العراقية"), agreeing with ``head`` in
    definiteness (any, after a count in construct: "آلاف الفلسطينيين")."""
    w = normalize(word)
    definite = w.startswith("ال")
    core = w[2:] if definite else w
    if not any(core.endswith(e) for e in _NISBA) or len(core) < NISBA_MIN:
        return False
    plural = head is not None and normalize(head).endswith(_PLURAL)
    if core.endswith(("ي", "يا", "يان")) and (plural or (head is None and not definite)):
        return False  # a plural's adjective ends in يون/يين ("مسلحون مبنى" is a noun after it)
    return head is None or _definite(head) == definite


def unnamed_parties(
    found: SentenceGroups,
    trigger: tuple[int, int],
    bounds: tuple[int, int],
    *,
    kind: str,
    patient: bool,
    need: tuple[bool, bool],
    verb_like: bool = False,
) -> tuple[Group | None, Group | None]:
    """(actor, recipient) phrases for a trigger of event type ``kind`` on words ``[start,
    end)``, within the clause ``bounds`` (first word, word after the last); only the sides
    ``need`` asks for. ``verb_like``: a ``patient`` noun spelled like its verb ("خطف")."""
    start, end = trigger
    clause, stop = bounds
    sides = [g for g in found.groups if g.marker not in _NOT_SIDES]
    groups = [g for g in sides if clause <= g.first < stop]
    own = next((g for g in groups if g.holds(start) and not patient), None)
    before = [g for g in groups if start - BEFORE_GAP - 1 <= g.last < start]
    before = [g for g in before if not _broken(found, g, start)]
    after = [g for g in groups if g.first >= end and g is not own]
    agent = next((g for g in after if g.marker == "agent"), None)
    passive = next((p for p in found.passives if clause <= p <= start < p + PASSIVE_WINDOW), None)
    governed = next(
        (g for g in after if g.marker != "agent" and g.first - end <= PATIENT_GAP), None
    )
    if verb_like and governed is not None and governed.sector in ARMED and not governed.counted:
        patient = False  # "خطف مسلحون"، "قصف الجيش": the armed are doers, the word a verb
    if patient:
        acted = governed
        actor = agent or (before[-1] if before else None)
    elif passive is not None:
        acted = next((g for g in groups if g.first > passive and g.marker != "agent"), None)
        actor = agent
    else:
        actor, acted = _active(own, agent, before, after, end, assault=kind == "ASSAULT")
    if kind == "PROTEST" and actor is not None and actor.sector in ARMED:
        actor = None  # "انتشار 2000 شرطي قبل احتجاجات": the armed police no protesters
    actor, acted = _fallbacks(found, sides, groups, actor, acted, start, clause, kind, patient)
    if actor is not None and acted is not None and actor.first == acted.first:
        acted = None
    return (actor if need[0] else None, acted if need[1] else None)


def _broken(found: SentenceGroups, group: Group, start: int) -> bool:
    """A clause mark stands between the group and the trigger."""
    return any(group.last < b < start for b in found.breaks)


def _fallbacks(
    found: SentenceGroups,
    sides: list[Group],
    groups: list[Group],
    actor: Group | None,
    acted: Group | None,
    start: int,
    clause: int,
    kind: str,
    patient: bool,
) -> tuple[Group | None, Group | None]:
    """Sides the trigger's neighbourhood left open, read from the rest of the sentence."""
    if actor is None and kind == "ASSAULT" and not patient:
        # "اقتحم مسلحون المبنى وقتلوا ...": the armed subject of the clause's first verb.
        armed = [g for g in groups if g.last < start and g.sector in ARMED and not g.hurt()]
        armed = [g for g in armed if g.marker is None and not _broken(found, g, start)]
        actor = next((g for g in reversed(armed) if g is not acted), None)
    if acted is None and kind == "ASSAULT":
        # "هجوم ... أدى الى مقتل ثمانية من المقاتلين": the casualties the sentence counts.
        hurt = [g for g in sides if g.first >= clause and g.hurt() and g.marker != "agent"]
        acted = next((g for g in hurt if g is not actor), None)
    if actor is None and kind == "PROTEST":
        # A protest sentence's unarmed group protests, wherever the sentence names it
        # ("هتافات ... توجه عشرات الآلاف من المتظاهرين").
        unarmed = [g for g in sides if g.sector not in ARMED and g.marker != "ل"]
        actor = next((g for g in unarmed if g is not acted), None)
    return actor, acted


def _active(
    own: Group | None,
    agent: Group | None,
    before: list[Group],
    after: list[Group],
    end: int,
    *,
    assault: bool,
) -> tuple[Group | None, Group | None]:
    """Doer and acted-on of an active trigger (see module docstring)."""
    hurt = None  # "ستة أشخاص قتلوا": the subject of an undiacritised kill verb was killed
    if own is not None and assault and own.hurt():
        own, hurt = None, own  # "سقوط عشرات القتلى": the trigger word counts the dead
    actor = own or agent
    if actor is None and hurt is None and before:
        if assault and before[-1].hurt():
            hurt = before[-1]
        else:
            actor = before[-1]
    unmarked = [g for g in after if g.marker is None]
    near = unmarked[0] if unmarked and unmarked[0].first - end <= AFTER_GAP else None
    if actor is None and near is not None and not (assault and near.hurt()):
        actor = near
    rest = [g for g in after if g is not actor and g is not agent]
    marked = next((g for g in rest if g.marker == "recipient"), None)
    if marked is not None or not assault:
        return actor, marked
    if hurt is not None:
        return actor, hurt
    later = [g for g in rest if g.marker is None and (actor is None or g.first > actor.last)]
    return actor, later[0] if later else None


def authority_phrases(
    view: SentenceView, table: PhraseTable[str | None], covered: set[int]
) -> list[Group]:
    """Bodies a protest may be directed at that no mention covers (data/protest_targets.tsv,
    "authority"): the noun with the nouns in construct after it and its adjectives ("حكومة
    الرئيس"، "رئيس الوزراء"، "السفارة الأمريكية"، "قوات الأمن العراقية"), at most
    MAX_AFTER_HEAD words after the head, as group phrases are; the head's sector."""
    out: list[Group] = []
    i = 0
    while i < len(view.forms):
        sector = _authority(table, view.forms[i])
        if i in covered or sector is None:
            i += 1
            continue
        head, last = view.tokens[i].text, i
        for k in range(i + 1, min(i + 1 + MAX_AFTER_HEAD, len(view.forms))):
            text = view.tokens[k].text
            if k in covered or text in CLAUSE_MARKS:
                break
            noun = _authority(table, view.forms[k]) is not None and _definite(text)
            # An indefinite head is in construct with the definite noun after it: "رئيس
            # الوزراء"، "وزير الخارجية".
            construct = k == i + 1 and not _definite(head) and _definite(text)
            if not (noun or construct or _nisba(text, head)):
                break
            last = k
        out.append(Group(i, last, sector, False, False, None))
        i = last + 1
    return out


def _authority(table: PhraseTable[str | None], forms: tuple[str, ...]) -> str | None:
    """The sector of an authority noun with these forms, else None ("" sector: GOV)."""
    for pat in table.heads(forms):
        if len(pat.words) == 1:
            return pat.payload or "GOV"
    return None
