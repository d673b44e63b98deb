"""The PLOVER ontology as marsad uses it: type names with their quad and modes, contexts,
auxiliary modes; and the Arabic lexicons keyed to it. Loaded from events/data (derived by
``build_data``), checked against each other when loaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from ..errors import MarsadError
from .lexicon import PhraseTable, read_table

#: Cooperative types that PLOVER codes as AGREE when reported as future or intended
#: (manual, AGREE definition); RETREAT and CONCEDE keep their type.
AGREE_WHEN_FUTURE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

#: Types the sentence model decides (stage.CLASSIFIED): their sentences see only the aux cues
#: the model was trained with (``Cue.model``), so its features stay those it learned.
MODEL_TYPES = frozenset({"PROTEST", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger-lexicon entry: the pattern as written, what it codes, how strongly."""

    pattern: str
    type: str
    mode: str | None
    weight: float
    host: bool
    patient: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """An auxiliary-mode cue: which aux mode, how many words before a trigger it binds, and
    whether a comma or colon between them breaks the bond."""

    aux: str
    window: int
    clause: bool
    #: Whether the sentence model was trained with this cue (data/aux.tsv, column model).
    model: bool = True


@dataclass(frozen=True, slots=True)
class Ontology:
    types: dict[str, tuple[str, ...]]
    quads: dict[str, str]
    contexts: frozenset[str]
    aux_modes: frozenset[str]

    @classmethod
    def load(cls) -> Ontology:
        raw = resources.files(__package__).joinpath("data", "plover.json").read_text("utf-8")
        data = json.loads(raw)
        types = {t: tuple(v["modes"]) for t, v in data["types"].items()}
        quads = {t: v["quad"] for t, v in data["types"].items()}
        return cls(types, quads, frozenset(data["contexts"]), frozenset(data["aux_modes"]))


@dataclass(frozen=True, slots=True)
class Lexicons:
    """The three phrase tables an event coder matches on each sentence."""

    triggers: PhraseTable[Trigger]
    contexts: PhraseTable[str]
    aux: PhraseTable[Cue]
    blocked: PhraseTable[bool]

    @classmethod
    def load(cls, ontology: Ontology) -> Lexicons:
        triggers = [_trigger(row, ontology) for row in read_table("triggers.tsv")]
        contexts = []
        for row in read_table("contexts.tsv"):
            _check(row["context"] in ontology.contexts, "contexts.tsv", row)
            contexts.append((row["pattern"], row["context"]))
        cues = []
        for row in read_table("aux.tsv"):
            _check(row["aux"] in ontology.aux_modes, "aux.tsv", row)
            cue = Cue(row["aux"], int(row["window"]), row["clause"] == "yes", row["model"] == "yes")
            cues.append((row["pattern"], cue))
        return cls(
            PhraseTable([(t.pattern, t) for t in triggers]),
            PhraseTable(contexts),
            PhraseTable(cues),
            PhraseTable([(row["pattern"], True) for row in read_table("blocked.tsv")]),
        )


def _trigger(row: dict[str, str], ontology: Ontology) -> Trigger:
    typ, mode = row["type"], row["mode"] or None
    _check(typ in ontology.types, "triggers.tsv", row)
    _check(mode is None or mode in ontology.types[typ], "triggers.tsv", row)
    flag = row["flag"]
    return Trigger(
        row["pattern"], typ, mode, float(row["weight"]), flag == "host", flag == "patient"
    )


def _check(ok: bool, name: str, row: dict[str, str]) -> None:
    if not ok:
        raise MarsadError(
            f"events/data/{name}: {row} names a type, mode, context or aux mode that "
            f"plover.json does not know; fix the row or rebuild plover.json"
        )
