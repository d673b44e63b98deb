"""Datelines: the credit at the head of a story's first paragraph.

"إيلاف من الرباط: قالت…" -> (Dateline(source="إيلاف", place="الرباط"), "قالت…")
"القاهرة - أ ف ب - أعلن…", "(رويترز) - قال…", "(أبوظبي - البيان)", "دبي - البيان:";
with the reporter first, "عبدالله السالم- سبق- الرياض (تصوير: …): أثار…" (``split_credit``
also returns the byline).
A dateline is accepted only when its place or its source is a known one (data files
``dateline_places.txt`` and ``agencies.txt``), so "وقال مسؤول من الوزارة: …" stays body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from ..document import Dateline

_WORD = r"[^\s:،,.()\-–—\"«»]+"
_PHRASE3 = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
_AGENCY = r"[^\s:،,()\-–—\"«»]+(?:\s[^\s:،,()\-–—\"«»]+){0,3}"
_DASH = r"\s*[-–—]\s*"

#: "كتب/ أجرى الحوار/" before a reporter's name, and a photo credit after the place.
_LEAD_IN = r"(?:(?:كتب|كتبت|أجرى الحوار|أجرت الحوار|تقرير)\s*[/:]\s*)?"
_PHOTO = r"(?:\s*\((?:تصوير|عدسة)\s*[:：]?[^)]{0,60}\))?"

#: "إيلاف من الرباط:" / "بيروت - إيلاف:" variants, tried in order.
_PATTERNS = (
    # reporter - source - place :   (a known place or source)
    re.compile(
        rf"^{_LEAD_IN}(?P<byline>{_PHRASE3}){_DASH}(?P<source>{_AGENCY}){_DASH}"
        rf"(?P<place>{_PHRASE3}){_PHOTO}\s*[:：]\s*"
    ),
    # source من place :
    re.compile(rf"^(?P<source>{_PHRASE3})\s+من\s+(?P<place>{_PHRASE3})\s*[:：]\s*"),
    # (place - source)  or  place - source -|:
    re.compile(rf"^\((?P<place>{_PHRASE3}){_DASH}(?P<source>{_AGENCY})\)\s*[-–—:]?\s*"),
    re.compile(rf"^(?P<place>{_PHRASE3}){_DASH}[(«\"]?(?P<source>{_AGENCY})[)»\"]?\s*[-–—:]\s*"),
    # a bare credit line: "بيروت - الشرق اليوم"
    re.compile(rf"^(?P<place>{_PHRASE3}){_DASH}[(«\"]?(?P<source>{_AGENCY})[)»\"]?\s*$"),
    # place (source) -
    re.compile(rf"^(?P<place>{_PHRASE3})\s*\((?P<source>{_AGENCY})\)\s*[-–—:]?\s*"),
    # (source) -
    re.compile(rf"^\((?P<source>{_AGENCY})\)\s*[-–—:]?\s*"),
    # place - | place :
    re.compile(rf"^(?P<place>{_PHRASE3})\s*(?:[-–—]|[:：])\s+"),
)

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})


def _key(text: str) -> str:
    """Lookup key: whitespace collapsed, dots spaced, alef/ta-marbuta/ya folded."""
    return " ".join(text.replace(".", " ").split()).translate(_FOLD)


def _load(name: str) -> frozenset[str]:
    raw = resources.files("marsad.extraction.data").joinpath(name).read_text("utf-8")
    return frozenset(
        _key(line) for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class DatelineParser:
    """Splits datelines off paragraphs; holds the place and agency lexicons."""

    places: frozenset[str]
    agencies: frozenset[str]

    @classmethod
    def load(cls) -> DatelineParser:
        return cls(places=_load("dateline_places.txt"), agencies=_load("agencies.txt"))

    def split(self, paragraph: str) -> tuple[Dateline, str]:
        """(dateline, the paragraph without it); an empty Dateline when there is none."""
        dateline, _, rest = self.split_credit(paragraph)
        return dateline, rest

    def split_credit(self, paragraph: str) -> tuple[Dateline, str | None, str]:
        """(dateline, the reporter's name when the credit gives one, the paragraph without
        them)."""
        stripped = paragraph.lstrip()
        for pattern in _PATTERNS:
            match = pattern.match(stripped)
            if match is None:
                continue
            groups = match.groupdict()
            place = (groups.get("place") or "").strip() or None
            source = (groups.get("source") or "").strip() or None
            byline = (groups.get("byline") or "").strip() or None
            if place and source and self._source_first(place, source):
                place, source = source, place  # "سبق- الرياض:" names the source first
            if not self._plausible(place, source):
                continue
            # An empty rest: the whole paragraph is a credit line ("(أبوظبي - البيان)").
            rest = stripped[match.end() :] if stripped[match.end() :].strip() else ""
            return Dateline(source=source, place=place), byline, rest
        return Dateline(), None, paragraph

    def _source_first(self, first: str, second: str) -> bool:
        if self._known_place(first):
            return False
        return self._known_place(second) or (
            self._known_source(first) and not self._known_source(second)
        )

    def _known_place(self, text: str | None) -> bool:
        return text is not None and _key(text) in self.places

    def _known_source(self, text: str | None) -> bool:
        return text is not None and _key(text) in self.agencies

    def _plausible(self, place: str | None, source: str | None) -> bool:
        """A known place or a known source (a reporter-first credit needs nothing more)."""
        return self._known_place(place) or self._known_source(source)


def split_dateline(paragraph: str, parser: DatelineParser | None = None) -> tuple[Dateline, str]:
    """Convenience wrapper; pass a parser you keep when splitting many paragraphs."""
    return (parser or DatelineParser.load()).split(paragraph)
