"""One settings object, built once (by the CLI, the web app or the Spark job) and passed down.

Every default lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_DB = Path("marsad.db")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """What a run of marsad needs to know. Build with keyword arguments; copy with ``with_``."""

    #: SQLite file the store reads and writes.
    db_path: Path = DEFAULT_DB
    #: Force the kind of input ("html", "text", "record"); None detects it per file.
    kind: str | None = None
    #: Date that relative days ("اليوم الجمعة") resolve against; None leaves them unresolved.
    reference_date: date | None = None
    #: Pages larger than this many bytes are cut to it before parsing (a 20 MB page is
    #: usually a dump or an attack; news articles are far below 5 MB).
    max_page_bytes: int = 8_000_000
    #: Which enrichment stages ``load_pipeline`` adds after extraction.
    stages: tuple[str, ...] = ()
    #: A trained NER model file; None uses the one shipped in the package.
    ner_model: Path | None = None
    #: A trained event sentence-classifier file (marsad.events.train); None uses the shipped one.
    event_model: Path | None = None
    #: Articles written per store transaction during ingest.
    batch_size: int = 50

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)
