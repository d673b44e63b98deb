"""Event scores against a folder in the format of the Arabic event GSR.

Sentence level: each row of ``protest_gsr.csv`` / ``assault_gsr.csv`` is one sentence; gold
says yes ("yes") or no ("easy no", "difficult no") to its file's event type; marsad says yes
when the pipeline codes an event of that type anywhere in it. Rows labelled "ambiguous" are
scored apart (how often marsad says yes). Spans (``*_spans.json``): token-level F1 of the
actor's and recipient's words (their unnamed phrase when no entity is named) against
``source_gold`` / ``target_gold``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..arabic.normalise import normalize
from ..document import Article, Event, Phrase
from ..errors import InputError

FILES = {"PROTEST": "protest_gsr.csv", "ASSAULT": "assault_gsr.csv"}
SPANS = {"PROTEST": "protest_spans.json", "ASSAULT": "assault_spans.json"}
GOLD = {"yes": True, "easy no": False, "difficult no": False}

Coder = Callable[[Article], Article]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: int, gold: int, overlap: int) -> None:
        self.tp += overlap
        self.fp += predicted - overlap
        self.fn += gold - overlap

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass(slots=True)
class TypeScore:
    sentences: Counts = field(default_factory=Counts)
    ambiguous: int = 0
    ambiguous_yes: int = 0
    source: Counts = field(default_factory=Counts)
    target: Counts = field(default_factory=Counts)
    span_records: int = 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.sentences.scores())
        out["support"] = self.sentences.tp + self.sentences.fn
        out["ambiguous"] = {"rows": self.ambiguous, "coded_yes": self.ambiguous_yes}
        out["source_span"] = self.source.scores()
        out["target_span"] = self.target.scores()
        out["span_records"] = self.span_records
        return out


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
    except (OSError, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def _coded(coder: Coder, text: str, typ: str) -> tuple[Article, list[Event]]:
    art = coder(Article(paragraphs=[text]))
    return art, [e for e in art.events if e.type == typ]


def in_fold(record_id: str, fold: int | None) -> bool:
    """The training split of marsad.events.train: fold = int(sha256(id), 16) % 5."""
    if fold is None:
        return True
    from ..events.train import fold_of

    return fold_of(record_id) == fold


def score_sentences(
    coder: Coder, path: Path, typ: str, score: TypeScore, fold: int | None = None
) -> None:
    for row in _rows(path):
        if not in_fold(row.get("id", ""), fold):
            continue
        label = row.get("label", "")
        _, events = _coded(coder, row["text"], typ)
        if label == "ambiguous":
            score.ambiguous += 1
            score.ambiguous_yes += bool(events)
        elif label in GOLD:
            gold = GOLD[label]
            score.sentences.add(int(bool(events)), int(gold), int(gold and bool(events)))


def _words(text: str) -> list[str]:
    return normalize(text).split()


def _party_words(art: Article, entity_id: str | None, phrase: Phrase | None = None) -> list[str]:
    """Words of the party's first mention; of its unnamed phrase when no entity is named."""
    if entity_id is None:
        return _words(art.text[phrase.start : phrase.end]) if phrase is not None else []
    for m in art.mentions:
        if m.entity_id == entity_id:
            return _words(art.text[m.start : m.end])
    return []


def _overlap(pred: list[str], gold: list[str]) -> int:
    left = list(gold)
    n = 0
    for w in pred:
        if w in left:
            left.remove(w)
            n += 1
    return n


def score_spans(
    coder: Coder, path: Path, typ: str, score: TypeScore, fold: int | None = None
) -> None:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    for rec in records:
        if not in_fold(str(rec.get("_id", "")), fold):
            continue
        art, events = _coded(coder, rec["text"], typ)
        ev = events[0] if events else None
        score.span_records += 1
        for counts, gold_text, pid, phrase in (
            (
                score.source,
                rec.get("source_gold") or "",
                ev.actor if ev else None,
                ev.actor_phrase if ev else None,
            ),
            (
                score.target,
                rec.get("target_gold") or "",
                ev.recipient if ev else None,
                ev.recipient_phrase if ev else None,
            ),
        ):
            pred, gold = _party_words(art, pid, phrase), _words(gold_text)
            counts.add(len(pred), len(gold), _overlap(pred, gold))


def evaluate(gsr: Path, coder: Coder, *, fold: int | None = None) -> dict[str, TypeScore]:
    """Scores per event type for every GSR file present in ``gsr`` (only the rows of one
    training fold when ``fold`` is given)."""
    check_folder(gsr)
    out: dict[str, TypeScore] = {}
    for typ, name in FILES.items():
        if not (gsr / name).is_file():
            continue
        score = out.setdefault(typ, TypeScore())
        score_sentences(coder, gsr / name, typ, score, fold)
        if (gsr / SPANS[typ]).is_file():
            score_spans(coder, gsr / SPANS[typ], typ, score, fold)
    return out


def check_folder(gsr: Path) -> None:
    """Raise InputError unless ``gsr`` is a folder holding at least one GSR file."""
    if not gsr.is_dir():
        raise InputError(f"{gsr} is not a folder; pass the GSR folder (protest_gsr.csv, ...)")
    if not any((gsr / name).is_file() for name in FILES.values()):
        raise InputError(f"{gsr} holds none of {', '.join(FILES.values())}")


def pipeline_coder(
    stage_names: tuple[str, ...] = ("ner", "linking", "events"),
    on_fallback: Callable[[str], None] | None = None,
) -> Coder:
    """The enrichment stages up to "events" that are registered (NER and linking give the
    actors for span scores); the events stage alone when the others cannot run (then
    ``on_fallback`` hears why: span scores will be 0)."""
    from ..errors import MarsadError
    from ..factory import STAGE_FACTORIES, build_stage
    from ..pipeline import Pipeline
    from ..settings import Settings

    settings = Settings()
    names = [n for n in stage_names if n in STAGE_FACTORIES]
    try:
        stages = [build_stage(n, settings) for n in names]
        enrich = Pipeline(_no_extractor, stages, settings=settings).enrich
        enrich(Article(paragraphs=["اجتمع الوزير بنظيره."]))  # models load on first use
        return enrich
    except MarsadError as exc:
        if on_fallback is not None:
            on_fallback(str(exc))
        return build_stage("events", settings)


def _no_extractor(page: object) -> Article:
    raise InputError("the event evaluation feeds sentences, not pages")
