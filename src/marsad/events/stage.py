"""The "events" stage: PLOVER events from each sentence of an Article.

Per sentence: trigger words (data/triggers.tsv) propose event types; for PROTEST and ASSAULT
the sentence classifier (data/sentence_model.json.gz) must also say yes; auxiliary-mode cues
bound to the trigger add future/intent/negation/hypothetical (cooperation that is only
intended or future is AGREE, as PLOVER codes it); arguments come from the linked mentions.
Per article: restatements of one event are merged, and events between the same two
countries share their contexts (the topics of one bilateral meeting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..document import Article, Event, Mention, Phrase
from ..settings import Settings
from .arguments import (
    JOINT_TYPES,
    Arguments,
    Party,
    SideWords,
    Target,
    TargetTable,
    clause_bounds,
    find_arguments,
    load_markers,
    protest_target,
    sentence_parties,
)
from .classifier import SentenceClassifier, sentence_features
from .lexicon import Match, Scan
from .merge import merge_events
from .parties import (
    GroupLexicon,
    SentenceGroups,
    authority_phrases,
    sentence_groups,
    unnamed_parties,
)
from .plover import AGREE_WHEN_FUTURE, MODEL_TYPES, Lexicons, Ontology, Trigger
from .resolve import event_date
from .sentence import SentenceView, WordCache, governs, view
from .sides import possessive

#: Events whose unnamed parties are kept: physical acts (PLOVER material conflict: PROTEST,
#: MOBILIZE, COERCE, ASSAULT), where gunmen, police, protesters and detainees go unnamed.
#: Eyeballing 84 phrases of SaudiNewsNet/ANT events: COERCE 11 of 13 right, the verbal
#: types (ACCUSE, CONSULT, REQUEST, SANCTION, THREATEN) 3 of 7 (#4).
UNNAMED_QUAD = "material_conflict"
#: Types whose trigger words alone are too loose in news text; the classifier decides them.
CLASSIFIED = MODEL_TYPES
#: Words between a CONSULT trigger and a trigger that is only its topic ("لبحث سبل تعزيز"):
#: at most one, set on hand-written examples (#4).
TOPIC_GAP = 1
#: Types that can be the topic of talks rather than an event of their own.
TOPICS = AGREE_WHEN_FUTURE - {"CONSULT"}


def sentence_spans(
    article: Article, keep: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """Sentences of ``article.text``, split paragraph by paragraph (no sentence crosses a
    paragraph, and the splitter's cost grows faster than linearly with text length);
    paragraphs and sentences for which ``keep`` is false are left out."""
    from ..arabic.sentences import sentence_spans as split

    spans: list[tuple[int, int]] = []
    offset = 0
    for part in ([article.title] if article.title else []) + article.paragraphs:
        if keep is None or keep(part):
            spans.extend(
                (offset + a, offset + b) for a, b in split(part) if keep is None or keep(part[a:b])
            )
        offset += len(part) + 2  # the "\n\n" that Article.text puts between parts
    return spans


@dataclass(frozen=True, slots=True)
class Candidate:
    """One event a sentence proposes before arguments are attached."""

    type: str
    trigger: Match[Trigger] | None
    mode: str | None
    aux: tuple[str, ...]
    score: float


class EventStage:
    """Article -> Article with ``events`` filled (see module docstring)."""

    name = "events"
    requires = frozenset({"mentions", "entities"})
    assigns = frozenset({"events"})

    def __init__(self, settings: Settings, classifier: SentenceClassifier | None = None) -> None:
        self.settings = settings
        self.ontology = Ontology.load()
        self.lexicons = Lexicons.load(self.ontology)
        self.markers = load_markers()
        self.sides = SideWords.load()
        self.groups = GroupLexicon.load()
        self.targets = TargetTable.load()
        self.words = WordCache(self.lexicons, self.markers)
        self.scan = Scan(self.lexicons.triggers)
        self.classifier = classifier or SentenceClassifier.load(settings.event_model)

    def __call__(self, article: Article) -> Article:
        text = article.text
        reference = _reference_date(article, self.settings)
        events: list[Event] = []
        for start, end in sentence_spans(article, self.scan.may_match):
            v = view(text, start, end, self.lexicons, self.words)
            if not v.triggers:
                continue
            events.extend(self.sentence_events(v, article, reference))
        article.events = merge_events(events, article)
        return article

    def candidates(self, v: SentenceView) -> list[Candidate]:
        """The event types a sentence proposes, one (the strongest trigger) per type."""
        best: dict[str, Candidate] = {}
        decided = self._classify(v)
        for match in _drop_topics(_longest(v.triggers)):
            trig = match.payload
            aux = bound_aux(v, match)
            typ = trig.type
            if typ in AGREE_WHEN_FUTURE and ({"future", "intent"} & set(aux)):
                typ = "AGREE"
            if trig.type in CLASSIFIED:
                if trig.type not in decided:
                    continue
                score = decided[trig.type]
            else:
                score = trig.weight
            mode = trig.mode if typ == trig.type else None
            cand = Candidate(typ, match, mode, aux, score)
            old = best.get(typ)
            if old is None or cand.score > old.score:
                best[typ] = cand
        return list(best.values())

    def _classify(self, v: SentenceView) -> dict[str, float]:
        if not any(m.payload.type in CLASSIFIED for m in v.triggers):
            return {}
        return self.classifier.decide(sentence_features(v), v.opening_types())

    def sentence_events(
        self, v: SentenceView, article: Article, reference: date | None
    ) -> list[Event]:
        mentions = _mentions_in(article.mentions, v.start, v.end)
        parties, places = sentence_parties(v, article, mentions, self.sides)
        complements = clause_starts(v)
        contexts = sorted({m.payload for m in v.contexts})
        when, historical = event_date(v.text, reference)
        named = {i for p in (*parties, *places) for i in range(p.first, p.last + 1)}
        groups: SentenceGroups | None = None
        # "، وقال فلان": a coordinate clause after the trigger has its own parties.
        coordinate = self.sides.new_clauses(v)
        out = []
        for cand in self.candidates(v):
            span = (cand.trigger.start, cand.trigger.end) if cand.trigger else (0, 0)
            patient = cand.trigger is not None and cand.trigger.payload.patient
            others = tuple(m.start for m in v.triggers if m.start >= span[1])
            others += tuple(k for k in coordinate if k >= span[1])
            args = find_arguments(
                v,
                span,
                parties,
                places,
                complements,
                patient=patient,
                others=others,
                joint=cand.type in JOINT_TYPES,
                sides=self.sides,
                marked_objects=cand.type not in CLASSIFIED,
                pronoun=self._pronoun(v, cand),
            )
            if not _enough_parties(cand, args):
                continue
            target = None
            if cand.type == "PROTEST":
                groups = groups or sentence_groups(v, self.groups, named)
                target, args = self._protest_target(
                    v, span, parties, groups, named, args, complements
                )
            aux = [*cand.aux, *(["historical"] if historical else [])]
            event = self._event(cand, args, v, contexts, when, aux)
            unnamed = self.ontology.quads.get(cand.type) == UNNAMED_QUAD
            if unnamed and (event.actor is None or event.recipient is None):
                groups = groups or sentence_groups(v, self.groups, named)
                self._add_phrases(event, v, groups, cand, complements, others)
            if target is not None and target.entity is None:
                start, end = v.abs_span(target.first, target.last + 1)
                event.recipient_phrase = Phrase(start, end, target.sector)
            out.append(event)
        return out

    def _pronoun(self, v: SentenceView, cand: Candidate) -> tuple[bool, bool]:
        """(a joint-type trigger is a verbal noun with a possessive pronoun, that noun is
        a hosting one after "في"). In a directed type the pronoun is as often the object
        ("لاتهامها"، "انسحابها منه"): on the 2,000 corpus articles that reading lost more
        right sides than it gained; "من خلال استقباله فلانا" has the host as pronoun."""
        if cand.trigger is None or cand.type not in JOINT_TYPES:
            return False, False
        trig, start = cand.trigger.payload, cand.trigger.start
        after_fi = start > 0 and v.tokens[start - 1].text == "في"
        return possessive(v.tokens[start].text, trig.pattern), trig.host and after_fi

    def _protest_target(
        self,
        v: SentenceView,
        span: tuple[int, int],
        parties: list[Party],
        groups: SentenceGroups,
        named: set[int],
        args: Arguments,
        complements: set[int],
    ) -> tuple[Target | None, Arguments]:
        """PLOVER: a protest's recipient is whom it is directed at, which only a cue says
        (arguments.protest_target); a party merely named near it is none. The target is no
        actor. The clause is the trigger's, up to a reported clause or a trigger of another
        type (a protest trigger, "احتجاجا", is the protest said again).
        ``complements``: clause_starts(v), as the caller has it."""
        others = tuple(
            m.start for m in v.triggers if m.start >= span[1] and m.payload.type != "PROTEST"
        )
        phrases = [(g.first, g.last, g.sector) for g in groups.groups]
        bodies = authority_phrases(v, self.targets.authorities, named)
        phrases += [(g.first, g.last, g.sector) for g in bodies]
        target = protest_target(
            v, span, (complements, others), parties, sorted(phrases), self.targets
        )
        entity = target.entity if target is not None else None
        same = entity is not None and args.actor is not None and args.actor.id == entity.id
        actor = None if same else args.actor
        return target, Arguments(actor, entity, args.location)

    def _add_phrases(
        self,
        event: Event,
        v: SentenceView,
        groups: SentenceGroups,
        cand: Candidate,
        complements: set[int],
        others: tuple[int, ...],
    ) -> None:
        """The unnamed actor/recipient phrases of an event that lacks a named one."""
        if cand.trigger is None:
            return
        trig = cand.trigger.payload
        span = (cand.trigger.start, cand.trigger.end)
        # A trigger word that names the doers ("المحتجون") is their phrase, not a new clause.
        others = tuple(o for o in others if not any(g.holds(o) for g in groups.groups))
        # A protest's recipient comes from its cues alone (_protest_target).
        need = (event.actor is None, event.recipient is None and cand.type != "PROTEST")
        if trig.host:  # the grammatical subject hosts: it is the recipient (see visit)
            need = need[::-1]
        actor, acted = unnamed_parties(
            groups,
            span,
            clause_bounds(v, span, complements, others),
            kind=cand.type,
            patient=trig.patient,
            need=need,
            # A verbal noun of the first form is spelled like its verb: "خطف"، "قصف".
            verb_like=len(trig.pattern.rstrip("*")) == 3,
        )
        if trig.host:
            actor, acted = acted, actor
        for group, role in ((actor, "actor_phrase"), (acted, "recipient_phrase")):
            if group is not None:
                start, end = v.abs_span(group.first, group.last + 1)
                setattr(event, role, Phrase(start, end, group.sector))

    def _event(
        self,
        cand: Candidate,
        args: Arguments,
        v: SentenceView,
        contexts: list[str],
        when: str | None,
        aux: list[str],
    ) -> Event:
        actor, recipient, mode = args.actor, args.recipient, cand.mode
        host = cand.trigger is not None and cand.trigger.payload.host
        if cand.type == "CONSULT":
            actor, recipient, mode = visit(actor, recipient, args.location, mode, host=host)
        trigger_text = v.words(cand.trigger.start, cand.trigger.end) if cand.trigger else None
        return Event(
            type=cand.type,
            mode=mode,
            contexts=list(contexts),
            actor=actor.id if actor else None,
            recipient=recipient.id if recipient else None,
            location=args.location.id if args.location else None,
            date=when,
            evidence_start=v.start,
            evidence_end=v.end,
            aux=sorted(set(aux)),
            trigger=trigger_text,
            score=round(cand.score, 3),
        )


def visit(actor: Any, recipient: Any, location: Any, mode: str | None, *, host: bool) -> Any:
    """PLOVER CONSULT-visit: the actor visits, the recipient hosts. A hosting verb
    ("استقبل") has the host as subject; a meeting in the recipient's country is a visit."""
    if host:
        return recipient, actor, "visit"
    if location is None or actor is None or recipient is None or location.country is None:
        return actor, recipient, mode
    if actor.country == location.country and recipient.country not in (None, location.country):
        return recipient, actor, "visit"
    if recipient.country == location.country and actor.country not in (None, location.country):
        return actor, recipient, "visit"
    return actor, recipient, mode


def clause_starts(v: SentenceView) -> set[int]:
    """Words after which a new clause starts: a reported clause ("قال ... إن"، a colon) or a
    clause word of data/arguments.tsv ("بينما"، "وقد")."""
    return {m.start for m in v.markers if m.payload in ("complement", "clause")}


def bound_aux(v: SentenceView, trigger: Match[Trigger]) -> tuple[str, ...]:
    """Aux modes whose cue (``v.cues``) binds this trigger (window and clause rules in
    data/aux.tsv)."""
    found = set()
    head = v.forms[trigger.start]
    if any(f[0] == "س" and f[1:] in head for f in head if len(f) > 3):
        found.add("future")
    found.update(cue.payload.aux for cue in v.cues if governs(v, cue, trigger))
    return tuple(sorted(found))


def _enough_parties(cand: Candidate, args: Arguments) -> bool:
    """Rule-coded events need a linked party, both sides for a weak trigger (see
    data/triggers.tsv): without one, "البحث" and "زيارة" are mostly not political events."""
    if cand.type in CLASSIFIED or (cand.trigger and cand.trigger.payload.type in CLASSIFIED):
        return True
    sides = (args.actor is not None) + (args.recipient is not None)
    weight = cand.trigger.payload.weight if cand.trigger else 0.0
    return sides >= (1 if weight >= 1.0 else 2)


def _longest(triggers: list[Match[Trigger]]) -> list[Match[Trigger]]:
    """Drop a match that lies inside a longer one ("العقوبات" inside "رفع العقوبات")."""
    return [
        m
        for m in triggers
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
            for o in triggers
        )
    ]


def _drop_topics(triggers: list[Match[Trigger]]) -> list[Match[Trigger]]:
    """Drop what is only the subject of talks: "يبحثان تعزيز التعاون" is one CONSULT about
    strengthening cooperation, not also a SUPPORT. A cooperation trigger starting within
    TOPIC_GAP words after a CONSULT trigger is its topic."""
    talks = [m.end for m in triggers if m.payload.type == "CONSULT"]
    return [
        m
        for m in triggers
        if m.payload.type not in TOPICS or not any(0 <= m.start - e <= TOPIC_GAP for e in talks)
    ]


def _mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.entity_id and start <= m.start and m.end <= end]


def build(settings: Settings) -> EventStage:
    """Factory for STAGE_FACTORIES["events"]."""
    return EventStage(settings)


def _reference_date(article: Article, settings: Settings) -> date | None:
    """What relative dates resolve against: publication, the user's date, else the crawl."""
    if article.published is not None:
        return article.published.date()
    if settings.reference_date is not None:
        return settings.reference_date
    return article.fetched.date() if article.fetched is not None else None
