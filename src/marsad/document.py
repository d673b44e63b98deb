"""The data model every stage shares: RawPage in, Article out.

Spans (mentions, event evidence) are character offsets into ``Article.text``,
never copies of it. ``Article.to_dict``/``Article.from_dict`` round-trip without loss.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

#: Kinds of raw input a source can yield.
PAGE_KINDS = ("html", "text", "record")


@dataclass(slots=True)
class RawPage:
    """Bytes as they arrived, with what is known about where from.

    ``kind`` is "html" (a web page), "text" (a page already scraped to text, chrome
    and all) or "record" (an article already extracted; its fields are in ``record``).
    ``origin`` names the file, line or WARC record so errors can point at it.
    """

    content: bytes
    url: str | None = None
    fetched: datetime | None = None
    kind: str = "html"
    origin: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    record: dict[str, Any] | None = None


@dataclass(slots=True)
class Failure:
    """A document that could not be processed, and why (for the user to act on)."""

    origin: str
    reason: str
    stage: str = "read"


@dataclass(slots=True)
class Dateline:
    """Who filed the story and from where: "إيلاف من الرباط:" -> source إيلاف, place الرباط."""

    source: str | None = None
    place: str | None = None


@dataclass(slots=True)
class Mention:
    """A named-entity span in ``Article.text``: [start, end) with its type (PER/LOC/ORG/MISC)."""

    start: int
    end: int
    type: str
    score: float = 1.0
    role: str | None = None
    country: str | None = None
    entity_id: str | None = None


@dataclass(slots=True)
class Entity:
    """A canonical person, place or organisation, with every alias seen and its count."""

    id: str
    name: str
    type: str
    aliases: dict[str, int] = field(default_factory=dict)
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    geonames_id: int | None = None
    #: ``country`` is the article's home country (its dateline's, else the one it names
    #: most) given to an office holder whose country the text does not state: weak evidence,
    #: so the store counts it once per article, not once per mention.
    country_guessed: bool = False


@dataclass(slots=True)
class Phrase:
    """An unnamed party of an event ("مسلحون مقنعون"): ``[start, end)`` in ``Article.text``
    and its PLOVER sector (UAF, COP, MIL, CVL …) when the words say it."""

    start: int
    end: int
    sector: str | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER event with the sentence that evidences it (offsets into ``Article.text``).
    ``actor_phrase``/``recipient_phrase``: the unnamed party, only when no entity is there."""

    type: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actor: str | None = None
    recipient: str | None = None
    location: str | None = None
    date: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    aux: list[str] = field(default_factory=list)
    trigger: str | None = None
    score: float = 1.0
    actor_phrase: Phrase | None = None
    recipient_phrase: Phrase | None = None


@dataclass(slots=True)
class Article:
    """One news article, enriched stage by stage."""

    title: str | None = None
    kicker: str | None = None
    dek: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: Dateline = field(default_factory=Dateline)
    published: datetime | None = None
    updated: datetime | None = None
    section: str | None = None
    site: str | None = None
    language: str | None = None
    url: str | None = None
    origin: str = ""
    fetched: datetime | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: Names of the stages that have run, in order (the pipeline records them).
    stages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Title and paragraphs with blank lines between: the string every offset indexes."""
        parts = [self.title] if self.title else []
        parts.extend(self.paragraphs)
        return "\n\n".join(parts)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the whitespace-normalised title and body: equal for equal content."""
        norm = " ".join(self.text.split())
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self, *, analysis: bool = True) -> dict[str, Any]:
        """JSON-ready dict with the field names other tools read (see README).

        ``analysis=False`` leaves out text, mentions, entities and events (``marsad extract``).
        """
        out: dict[str, Any] = {
            "title": self.title,
            "kicker": self.kicker,
            "dek": self.dek,
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
            "subheadings": list(self.subheadings),
            "byline": self.byline,
            "authors": list(self.authors),
            "dateline": {"source": self.dateline.source, "place": self.dateline.place},
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "section": self.section,
            "site": self.site,
            "language": self.language,
            "url": self.url,
            "origin": self.origin,
            "fetched": _iso(self.fetched),
            "content_hash": self.content_hash,
        }
        if analysis:
            text = self.text
            out["text"] = text
            out["mentions"] = [{**asdict(m), "text": text[m.start : m.end]} for m in self.mentions]
            out["entities"] = [asdict(e) for e in self.entities]
            out["events"] = [self._event_dict(ev, text) for ev in self.events]
            out["stages"] = list(self.stages)
        return out

    def _event_dict(self, ev: Event, text: str) -> dict[str, Any]:
        def party(entity_id: str | None) -> dict[str, Any] | None:
            if entity_id is None:
                return None
            ent = self.entity(entity_id)
            return {"id": entity_id, "name": ent.name if ent else None}

        return {
            "type": ev.type,
            "mode": ev.mode,
            "contexts": list(ev.contexts),
            "actor": party(ev.actor),
            "recipient": party(ev.recipient),
            "location": party(ev.location),
            "date": ev.date,
            "evidence": {
                "start": ev.evidence_start,
                "end": ev.evidence_end,
                "text": text[ev.evidence_start : ev.evidence_end],
            },
            "aux": list(ev.aux),
            "trigger": ev.trigger,
            "score": ev.score,
            "actor_phrase": _phrase_dict(ev.actor_phrase, text),
            "recipient_phrase": _phrase_dict(ev.recipient_phrase, text),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of ``to_dict``; unknown keys (text, content_hash) are derived, not read."""
        dl = data.get("dateline") or {}
        art = cls(
            title=data.get("title"),
            kicker=data.get("kicker"),
            dek=data.get("dek"),
            paragraphs=list(data.get("paragraphs") or []),
            captions=list(data.get("captions") or []),
            subheadings=list(data.get("subheadings") or []),
            byline=data.get("byline"),
            authors=list(data.get("authors") or []),
            dateline=Dateline(source=dl.get("source"), place=dl.get("place")),
            published=_parse_iso(data.get("published")),
            updated=_parse_iso(data.get("updated")),
            section=data.get("section"),
            site=data.get("site"),
            language=data.get("language"),
            url=data.get("url"),
            origin=data.get("origin") or "",
            fetched=_parse_iso(data.get("fetched")),
            stages=list(data.get("stages") or []),
        )
        mention_keys = {f.name for f in fields(Mention)}
        art.mentions = [
            Mention(**{k: v for k, v in m.items() if k in mention_keys})
            for m in data.get("mentions") or []
        ]
        art.entities = [Entity(**e) for e in data.get("entities") or []]
        art.events = [_event_from_dict(e) for e in data.get("events") or []]
        return art


def _event_from_dict(data: dict[str, Any]) -> Event:
    def pid(value: Any) -> str | None:
        if isinstance(value, dict):
            return value.get("id")
        return value

    evidence = data.get("evidence") or {}
    return Event(
        type=data["type"],
        mode=data.get("mode"),
        contexts=list(data.get("contexts") or []),
        actor=pid(data.get("actor")),
        recipient=pid(data.get("recipient")),
        location=pid(data.get("location")),
        date=data.get("date"),
        evidence_start=int(evidence.get("start", 0)),
        evidence_end=int(evidence.get("end", 0)),
        aux=list(data.get("aux") or []),
        trigger=data.get("trigger"),
        score=float(data.get("score", 1.0)),
        actor_phrase=_phrase_from_dict(data.get("actor_phrase")),
        recipient_phrase=_phrase_from_dict(data.get("recipient_phrase")),
    )


def _phrase_dict(phrase: Phrase | None, text: str) -> dict[str, Any] | None:
    if phrase is None:
        return None
    return {
        "start": phrase.start,
        "end": phrase.end,
        "text": text[phrase.start : phrase.end],
        "sector": phrase.sector,
    }


def _phrase_from_dict(data: dict[str, Any] | None) -> Phrase | None:
    if not data:
        return None
    return Phrase(int(data["start"]), int(data["end"]), data.get("sector"))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value)
