"""Who did what to whom, where: actor, recipient and location of a trigger in a sentence.

Parties are the linked mentions (PER, ORG, countries) of the sentence. The actor is the
first party of the trigger's clause before it (Arabic SVO: "الرباط وباريس عازمتان على
تعزيز ..."), else the first party after it (VSO: "أجرى الوزير مباحثات مع ..."). The
recipient is the party a marker introduces ("مع"، "ل"، "الى") or the party coordinated with
the actor. Companions ("مرفوقا بـ") are no side. The location is a place (not a country)
that "بـ" or "في" introduces. "الحكومة المغربية" with no mention on it stands for the
government of a country the article names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..arabic.normalise import normalize
from ..document import Article, Entity, Mention
from .lexicon import Match, PhraseTable, read_table
from .sentence import CLAUSE_MARKS, SentenceView
from .sides import TITLE_WORDS, SideWords, appositions, coordinated, joined

_TO_RECIPIENT = frozenset({"recipient", "ل", "ب"})
#: Words after a trigger within which its parties are sought (the next trigger or reported
#: clause stops the search sooner): a long clause of news prose, set by reading corpus
#: events whose recipient belonged to a later verb (#4).
AFTER_WINDOW = 20
#: Words between a verbal-noun trigger and the party it governs ("اغتيال القيادي فلان"):
#: a title or two, set on hand-written examples (#4).
PATIENT_GAP = 2
_TO_PLACE = frozenset({"place", "ب"})
#: Markers that put a party after the trigger as its object ("محادثات مع إيران"، "أشاد
#: بالمغرب"): such a party is never the actor when no party precedes (#4, sides).
_OBJECT_MARKERS = frozenset({"recipient", "ب"})
#: PLOVER types whose two sides act together: a party coordinated with the actor before
#: the trigger ("الرباط وباريس عازمتان") is the other side. In the directed types it is
#: a co-actor ("بعث الملك، والأمير ... ببرقيات تهنئة"), no recipient (#4, sides).
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Party:
    """A linked mention in a sentence: its first/last token, entity, and the marker (a
    word role from arguments.tsv, or "ل"/"ب" when the clitic is attached) before it."""

    first: int
    last: int
    entity: Entity
    marker: str | None
    #: A newspaper, channel, agency or platform: a source of the news, no side (SideWords).
    media: bool = False


@dataclass(frozen=True, slots=True)
class Arguments:
    actor: Entity | None
    recipient: Entity | None
    location: Entity | None


_CLOSERS = {'"': '"', "«": "»"}


class MarkerTable(PhraseTable[str]):
    """The word roles of arguments.tsv; ``find`` settles each quotation mark by what stands
    before it (resolve_quotes) and leaves out the "named" cues (no role of their own)."""

    def find(
        self,
        words: Sequence[tuple[str, ...]],
        heads: Sequence[tuple[Any, ...]] | None = None,
        *,
        gap: int = 0,
    ) -> list[Match[str]]:
        return resolve_quotes(super().find(words, heads, gap=gap), words)


def resolve_quotes(found: list[Match[str]], words: Sequence[tuple[str, ...]]) -> list[Match[str]]:
    """An opening quotation mark becomes a complement (reported speech or a quoted phrase
    starts: "قالت: \"..."), except right after a "named" word of arguments.tsv (a partner
    marker or an organisation noun), where it wraps a name ('بين "وهج" وشركة ...'، 'شركة
    "سابك"') whose party must stay with its trigger. A closing mark is never one: the name
    before it may be the actor ('«كتائب القسام» أطلقت'). Drops the "named" matches.

    How it was chosen (#4; 1,000 ANT articles, every differing event read by hand; the
    script is named in the CHANGELOG): against no quotation mark or colon as clause mark
    (the old CSV-quoting reader), 57 rule-coded events fewer (44 wrong, 4 with a wrong side,
    9 right) and 48 changed (10 better, 18 worse: mostly a second party quoted after the
    trigger, 20 neither). Every mark a clause mark (599beed) dropped 16 right events and
    71 wrong ones; the "named" cues keep 6 right and 2 wrong of those; closing marks as
    clause marks cut GSR ASSAULT source span F1 0.339 -> 0.313 ('«كتائب القسام» أطلقت').
    """
    named = {m.end for m in found if m.payload == "named"}
    out: list[Match[str]] = []
    closing: str | None = None  # the mark that closes the open quotation, if any
    for m in found:
        if m.payload == "named":
            continue
        if m.payload != "quote":
            out.append(m)
            continue
        mark = words[m.start][0]
        if closing is not None and mark == closing:
            closing = None  # a closing mark: no clause starts after it ('"داعش" يتبنى')
        elif mark in _CLOSERS:
            closing = _CLOSERS[mark]
            if m.start not in named:
                out.append(Match(m.start, m.end, "complement"))
    return out


def load_markers() -> MarkerTable:
    return MarkerTable([(r["pattern"], r["role"]) for r in read_table("arguments.tsv")])


def is_country(entity: Entity) -> bool:
    """A LOC entity that names a country (no GeoNames place id, a country code)."""
    return entity.type == "LOC" and entity.geonames_id is None and entity.country is not None


def sentence_parties(
    view: SentenceView, article: Article, mentions: list[Mention], sides: SideWords | None = None
) -> tuple[list[Party], list[Party]]:
    """(parties, places) of the sentence, in text order (``view`` built with the markers);
    ``sides`` marks the media parties."""
    roles: dict[int, str] = {m.start: m.payload for m in view.markers}
    parties: list[Party] = []
    places: list[Party] = []
    for m in mentions:
        ent = article.entity(m.entity_id)
        first, last = view.token_at(m.start), view.token_at(m.end - 1)
        if ent is None or first is None or last is None:
            continue
        marker = _marker(view, article.text, m.start, first, roles)
        media = sides is not None and sides.is_media(ent, marker)
        party = Party(first, last, ent, marker, media)
        if ent.type == "LOC" and (not is_country(ent) or party.marker in _TO_PLACE):
            places.append(party)  # a city, or a country the event happened in ("في نيجيريا")
        elif ent.type in ("PER", "ORG", "LOC"):
            parties.append(party)
    covered = {i for p in parties for i in range(p.first, p.last + 1)}
    parties.extend(_governments(view, article, roles, covered))
    parties.sort(key=lambda p: p.first)
    return _without_companions(parties, roles), places


def _marker(
    view: SentenceView, text: str, start: int, first: int, roles: dict[int, str]
) -> str | None:
    """The word role before a party, or the preposition glued to it ("للحكومة", "بالرباط")."""
    tok = view.tokens[first]
    attached = text[view.start + tok.start : start]
    if not attached and tok.text.startswith(("لل", "ول")):
        attached = tok.text[:2]  # the mention took its clitics along ("للحكومة")
    if attached.endswith(("ل", "لل")) or attached.startswith("ل"):
        return "ل"
    if attached.startswith(("ب", "وب")):
        return "ب"
    return roles.get(first - 1)


def _without_companions(parties: list[Party], roles: dict[int, str]) -> list[Party]:
    """The first party after "مرفوقا بـ" travels with the actor: it is no side of the event."""
    companions = set()
    for i, role in roles.items():
        if role == "companion":
            follower = next((p for p in parties if p.first > i), None)
            if follower is not None:
                companions.add(follower.first)
    return [p for p in parties if p.first not in companions]


def _governments(
    view: SentenceView, article: Article, roles: dict[int, str], covered: set[int]
) -> list[Party]:
    """ "الحكومة المغربية" that no mention covers: the government (else the country) of the
    article's country entity the adjective names. Only entities the article has are used."""
    countries = {_stem(e.name): e for e in article.entities if is_country(e)}
    out = []
    for i, role in roles.items():
        if role != "government" or i in covered or i + 1 >= len(view.forms):
            continue
        country = countries.get(_stem(view.forms[i + 1][-1]))
        if country is None:
            continue
        gov = article.entity(f"gov:{country.country}") or country
        tok = view.tokens[i]
        marker = _marker(view, article.text, view.start + tok.start, i, roles)
        out.append(Party(i, i + 1, gov, marker))
    return out


def _stem(word: str) -> str:
    """ "المغربية"/"المغرب" -> "مغرب", "الفرنسية"/"فرنسا" -> "فرنس" (normalised)."""
    word = normalize(word)
    word = word[2:] if word.startswith("ال") else word
    for ending in ("يه", "ي", "ا", "ه"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def find_arguments(
    view: SentenceView,
    trigger: tuple[int, int],
    parties: list[Party],
    places: list[Party],
    complements: set[int],
    *,
    patient: bool = False,
    others: tuple[int, ...] = (),
    joint: bool = True,
    sides: SideWords | None = None,
    marked_objects: bool = False,
    pronoun: tuple[bool, bool] = (False, False),
) -> Arguments:
    """Actor, recipient and location for the trigger spanning words ``[start, end)``;
    ``patient``: the trigger is a verbal noun whose next party is acted on ("اغتيال فلان");
    ``others``: where the sentence's other triggers start; ``joint``: the type's sides act
    together (JOINT_TYPES); ``sides``: office nouns for appositions; ``marked_objects``: a
    party after the trigger that a preposition introduces is never the actor; ``pronoun``:
    (the trigger is a verbal noun with a possessive pronoun, it is a hosting noun)."""
    start, end = trigger
    # A paper or channel reports the event; it is a side only when acted on ("إغلاق قناة").
    parties = [p for p in parties if p.marker != "source" and (patient or not p.media)]
    clause, stop = clause_bounds(view, trigger, complements, others)
    before = [p for p in parties if clause <= p.last < start]
    after = [p for p in parties if end <= p.first < stop]
    if sides is not None:  # "الأطراف التي تطالب": the relative's antecedent
        before = sides.relative_subject(view, start, before)
    if patient:
        return _patient_arguments(before, after, end, places)
    # VSO: the first party after the trigger is its subject, unless a preposition makes it
    # the object ("محادثات ... مع إيران": the subject is unnamed). Not for the classified
    # types: on the GSR span records it only swapped one wrong PROTEST/ASSAULT actor for
    # another ("بين العراق والولايات المتحدة"), lowering span precision.
    unmarked = [p for p in after if not (marked_objects and p.marker in _OBJECT_MARKERS)]
    subject = unmarked[0] if unmarked else None
    actor: Party | None = before[0] if before else subject
    if pronoun[0] and after and not _marked_before(view, end, after[0]):
        # The noun governs the party right after it ("لقائه فلانا"); a partner marker
        # ("اجتماعه مع فلان") already keeps that party from being the actor.
        return _possessed(before, after, places, host=pronoun[1])
    rest = _other_sides(view, actor, before, after, joint=joint, sides=sides)
    # A partner marker on the party or on its title ("برئيس الوزراء فلان") wins.
    marked = [
        p
        for p in rest
        if p.first >= end and (p.marker in _TO_RECIPIENT or _introduced(view, p, sides, end))
    ]
    recipient = marked[0] if marked else (rest[0] if rest else None)
    location = _location(places)
    return Arguments(
        actor.entity if actor else None,
        recipient.entity if recipient else None,
        location,
    )


def _other_sides(
    view: SentenceView,
    actor: Party | None,
    before: list[Party],
    after: list[Party],
    *,
    joint: bool,
    sides: SideWords | None,
) -> list[Party]:
    """Parties that may be the recipient, in order. Before the trigger, a party that "و"
    joins to the actor is the other side in a joint type and a co-actor in a directed one;
    in a joint type no other party there is a side ("فلان، نائب المستشارة فلانة، زيارته")
    unless a partner marker introduces it. After the trigger, no office of the actor
    ("دعت فلانة رئيسة اتحاد ... الى") in a directed type.

    How it was chosen (#4, sides; notes in exp/sides): of 36 events with a wrong side in
    a 100-event sample of rule-coded events (1,000 ANT + 1,000 SaudiNewsNet articles), 6
    took the actor's office, a co-actor or a party of its description as recipient; these
    rules right 4 of them and change none of the sample's 34 right events."""
    if actor is None:
        return [*before, *after]
    own = appositions(view, actor, after, sides) if sides is not None and not joint else set()
    rest = [
        p
        for p in before
        if p is not actor
        and (coordinated(view, actor, p, sides) == joint or (joint and _introduced(view, p, sides)))
    ]
    rest += [p for p in after if p.first not in own]
    return [p for p in rest if not _same_side(p, actor)]


def _possessed(
    before: list[Party], after: list[Party], places: list[Party], *, host: bool
) -> Arguments:
    """ "لقائه فلانا"، "زيارتها المغرب": the pronoun is the noun's doer (a party before the
    trigger, else unnamed) and the party after it the other side; on a hosting noun after
    "في" ("كان في استقباله فلان") the pronoun is the guest and the party after it the host
    (returned as actor: the stage swaps a host's sides). How chosen (#4, sides): 2 of the
    36 events with a wrong side of sample 1 (#79, #82) and 1 of sample 2 (#28) took the
    noun's object as its actor or the guest as host."""
    first = after[0] if after else None
    if host:
        return Arguments(first.entity if first else None, _entity(before), _location(places))
    actor = before[0] if before else None
    other = next((p for p in after if actor is None or not _same_side(p, actor)), None)
    return Arguments(_entity(before), other.entity if other else None, _location(places))


def _marked_before(view: SentenceView, end: int, party: Party) -> bool:
    """A partner marker stands between the trigger and the party ("مع نظيره فلان")."""
    if party.marker is not None:
        return True
    return any(end <= m.start < party.first and m.payload == "recipient" for m in view.markers)


def _entity(parties: list[Party]) -> Entity | None:
    return parties[0].entity if parties else None


def _introduced(view: SentenceView, party: Party, sides: SideWords | None, floor: int = 0) -> bool:
    """A preposition of the partner introduces the party or its title ("مع فلان"، "اتصل
    بخادم الحرمين الملك فلان"): a side of a joint event even before its trigger."""
    start = max(floor - 1, party.first - 1 - TITLE_WORDS)
    return party.marker in _OBJECT_MARKERS or joined(view, start, party, "ب", sides)


def clause_bounds(
    view: SentenceView, trigger: tuple[int, int], complements: set[int], others: tuple[int, ...]
) -> tuple[int, int]:
    """(first word, word after the last) where the trigger's parties are sought."""
    start, end = trigger
    # Before "قال X إن" the parties are speakers, not sides: only the reported clause counts.
    clause = max((i + 1 for i in complements if i < start), default=0)
    # After the trigger, a new reported clause ("مؤكدا أن فرنسا ...") or the next trigger
    # ("... دعا بلينكن") has its own parties.
    stop = min((i for i in (*complements, *others) if i >= end), default=len(view.tokens))
    return clause, min(stop, end + AFTER_WINDOW)


def _same_side(party: Party, actor: Party) -> bool:
    """The actor itself, or the actor's own country ("التقى ألفا رئيس فرنسا بيتا": France is
    Alpha's title, not whom he met)."""
    if party.entity.id == actor.entity.id:
        return True
    own = actor.entity.country
    return (
        actor.entity.type != "LOC"
        and own is not None
        and is_country(party.entity)
        and (party.entity.country == own)
    )


def _patient_arguments(
    before: list[Party], after: list[Party], end: int, places: list[Party]
) -> Arguments:
    """ "اغتيال فلان على يد ...": the party right after the noun is acted on; the actor is
    the party before, or the one "على يد" / "من قبل" introduces."""
    agent = next((p for p in after if p.marker == "agent"), None)
    acted = next((p for p in after if p.marker != "agent" and p.first - end <= PATIENT_GAP), None)
    actor = before[0] if before else agent
    return Arguments(
        actor.entity if actor else None,
        acted.entity if acted else None,
        _location(places),
    )


def _location(places: list[Party]) -> Entity | None:
    """The place the sentence puts the event in: "بالرباط"، "في باريس". An unmarked place
    ("قادمة من أوروبا") is not where the event happened."""
    for p in places:
        if p.marker in _TO_PLACE:
            return p.entity
    return None


#: Words that may stand between a cue of data/protest_targets.tsv and its party, by kind.
#: From Arabic grammar, on hand-written examples (#4): a title between "ضد" / a verbal noun
#: of ousting and a name ("ضد الرئيس فلان"); the grievance a possessor hangs on and a title
#: after "احتجاجا على" ("على قرار الرئيس فلان"); none after a verb of demanding (its object
#: follows it) or an office ("أمام مقر الحكومة").
#: A participle of opposition takes its object with ل glued to it: none ("المناهضين للحكومة").
TARGET_GAPS = {"against": 1, "opposed": 0, "over": 2, "demand": 0, "oust": 1, "facing": 0}


_FRONTED = frozenset({"against", "opposed", "over"})


@dataclass(frozen=True, slots=True)
class TargetTable:
    """data/protest_targets.tsv: the cues (kind per match) and the authority nouns (sector)."""

    cues: PhraseTable[str]
    authorities: PhraseTable[str | None]
    authors: PhraseTable[str]

    @classmethod
    def load(cls) -> TargetTable:
        rows = read_table("protest_targets.tsv")
        kinds = {*TARGET_GAPS, "authority", "author"}
        bad = [r["pattern"] for r in rows if r["kind"] not in kinds]
        if bad:
            raise ValueError(f"protest_targets.tsv: unknown kind for {bad}")
        cues = [(r["pattern"], r["kind"]) for r in rows if r["kind"] in TARGET_GAPS]
        bodies = [(r["pattern"], r["sector"] or None) for r in rows if r["kind"] == "authority"]
        authors = [(r["pattern"], "author") for r in rows if r["kind"] == "author"]
        return cls(PhraseTable(cues), PhraseTable(bodies), PhraseTable(authors))


@dataclass(frozen=True, slots=True)
class Target:
    """Whom a protest is directed at: a linked entity, else an unnamed phrase (tokens
    ``[first, last]`` with its sector)."""

    first: int
    last: int
    entity: Entity | None
    sector: str | None


def protest_target(
    view: SentenceView,
    trigger: tuple[int, int],
    marks: tuple[set[int], tuple[int, ...]],
    parties: list[Party],
    phrases: Sequence[tuple[int, int, str | None]],
    table: TargetTable,
) -> Target | None:
    """The party a cue of opposition, grievance, demand, ousting or direction introduces
    ("ضد الحكومة"، "احتجاجا على زيارة فلان"، "أمام السفارة الفرنسية") in the trigger's
    clause: the first cue after the trigger, else the nearest before it. Only the first
    party within the cue's gap counts, and no clause mark may stand before it. ``marks``:
    where reported clauses and other events' triggers start (clause_bounds); a trigger that
    is a cue ("باستقالة"، a RETREAT word) ends no clause, and the grievance after a cue may
    be another event ("تنديدا بزيارة فلان"); a quoted chant is the protest's own.
    ``phrases``: unnamed (first, last, sector) phrases of the sentence."""
    found = table.cues.find(view.forms)
    complements, others = marks
    # A quotation after the trigger is the protesters' own chant, the object of the clause's
    # verb ("هتفوا «يسقط فلان»"), not another speaker's clause: only "إن"/a colon end it.
    complements = {i for i in complements if i < trigger[0] or view.tokens[i].text not in _CLOSERS}
    starts = {c.start for c in found}
    others = tuple(o for o in others if o not in starts)
    clause, stop = clause_bounds(view, trigger, complements, others)
    cues = [c for c in found if clause <= c.start < stop]
    after = [c for c in cues if c.start >= trigger[0]]
    # Before the trigger only a word of opposition or grievance ("المناوئين للحكومة ...
    # تظاهروا"); a demand or an ousting there is no part of the protest ("وجاءت إقالة فلان
    # في وقت ... لتظاهرات").
    before = [c for c in reversed(cues) if c.end <= trigger[0] and c.payload in _FRONTED]
    for cue in (*after, *before):
        target = _cue_party(view, cue, parties, phrases, table)
        if target is not None:
            return target
    return None


def _cue_party(
    view: SentenceView,
    cue: Match[str],
    parties: list[Party],
    phrases: Sequence[tuple[int, int, str | None]],
    table: TargetTable,
) -> Target | None:
    """The first party that starts within the cue's gap (an office ending the cue may be the
    phrase itself: "أمام السفارة الفرنسية"); the words before it must be nouns whose
    possessor is their author ("قرار"، "زيارة"; data/protest_targets.tsv "author")."""
    start = cue.end
    if cue.payload == "facing" and table.authorities.heads(view.forms[cue.end - 1]):
        start = cue.end - 1
    for i in range(start, min(cue.end + TARGET_GAPS[cue.payload] + 1, len(view.tokens))):
        if view.tokens[i].text in CLAUSE_MARKS:
            return None
        glued = normalize(view.tokens[i].text)[:1]
        named = next((p for p in parties if p.first == i), None)
        phrase = next((p for p in phrases if p[0] == i), None)
        if named is None and phrase is None:
            if not table.authors.heads(view.forms[i]):
                return None  # "احتجاجا على اعتقال فلان": the arrested is no target
            continue
        if cue.payload == "demand" and glued == "ب":
            return None  # "مطالبين بالإفراج عن فلان": the demand, not whom it is made of
        if cue.payload == "opposed" and glued != "ل":
            return None  # "المعارضة السورية": the opposition itself
        if named is not None:
            return Target(named.first, named.last, named.entity, None)
        assert phrase is not None
        # "حكومة الرئيس فلان"، "السفارة الفرنسية": the name right after is the party.
        owner = next((p for p in parties if p.first == phrase[1] + 1), None)
        if owner is not None:
            return Target(owner.first, owner.last, owner.entity, None)
        if start < cue.end and phrase[0] == phrase[1]:
            return None  # "أمام السفارة": whose embassy, the sentence does not say
        return Target(phrase[0], phrase[1], None, phrase[2])
    return None
