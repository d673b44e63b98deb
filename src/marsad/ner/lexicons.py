"""The derived word lists the recogniser and the role finder read (shipped in ner/data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelError

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Normalised lookups, loaded once per pipeline (never at import)."""

    #: phrase -> PER / FIRST / LOC / ORG / CITY / CTRY
    gazetteer: dict[str, str]
    #: place name -> (ISO alpha-3, "city" | "country")
    places: dict[str, tuple[str, str]]
    #: demonym adjective (all inflections, with and without ال) -> ISO alpha-3
    demonyms: dict[str, str]
    #: word -> count in unlabelled news (clitic splitting evidence)
    wordfreq: dict[str, int]
    #: word -> cluster id (empty when no cluster file was built)
    clusters: dict[str, str]
    #: longest gazetteer phrase, in tokens
    max_phrase: int
    #: big city sharing a country's name -> the city's ISO alpha-3 (for datelines)
    dateline_cities: dict[str, str] = field(default_factory=dict)
    #: mined organisation name (one word or a head + name phrase) -> "ORG"; empty when
    #: org_names.tsv is absent (built by ``python -m marsad.ner.orgs``)
    orgs: dict[str, str] = field(default_factory=dict)


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(
            f"{path}: lexicon missing; rebuild it with `python scripts/train_ner.py`"
        ) from exc
    return [line.split("\t") for line in text.splitlines() if line]


def load_lexicons(data_dir: Path = DATA_DIR) -> Lexicons:
    gazetteer = {r[0]: r[1] for r in _rows(data_dir / "gazetteer.tsv")}
    clusters_path = data_dir / "clusters.tsv"
    clusters = {r[0]: r[1] for r in _rows(clusters_path)} if clusters_path.exists() else {}
    orgs_path = data_dir / "org_names.tsv"
    orgs = (
        {r[0]: r[1] for r in _rows(orgs_path) if not r[0].startswith("#")}
        if orgs_path.exists()
        else {}
    )
    return Lexicons(
        gazetteer=gazetteer,
        places={r[0]: (r[1], r[2]) for r in _rows(data_dir / "places.tsv")},
        demonyms={r[0]: r[1] for r in _rows(data_dir / "demonyms.tsv")},
        wordfreq={r[0]: int(r[1]) for r in _rows(data_dir / "wordfreq.tsv")},
        clusters=clusters,
        max_phrase=max((k.count(" ") + 1 for k in gazetteer), default=1),
        dateline_cities={r[0]: r[1] for r in _rows(data_dir / "dateline_cities.tsv")},
        orgs=orgs,
    )
