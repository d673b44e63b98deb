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
    stages: tuple[str, ...] = ("ner", "linking", "events")
    #: A trained NER model file; None uses the one shipped in the package.
    ner_model: Path | None = None
    #: A trained event sentence-classifier file (marsad.events.train); None uses the shipped one.
    event_model: Path | None = None
    #: Articles written per store transaction during ingest.
    batch_size: int = 50
    #: Ingest analyses every page again, even one already analysed with the same bytes and
    #: pipeline (normally skipped as unchanged).
    reprocess: bool = False
    #: Fetching (marsad.sources.fetch): private, loopback and link-local addresses are
    #: refused unless this is set (tests serving pages on 127.0.0.1 set it).
    allow_private_addresses: bool = False
    #: Seconds between two requests to one host (robots.txt Crawl-delay wins when longer).
    fetch_delay: float = 1.0
    #: Retries after a 429, a 5xx or a dropped connection; waits double from fetch_backoff.
    fetch_retries: int = 3
    fetch_backoff: float = 2.0
    #: Seconds to wait for a server to answer.
    fetch_timeout: float = 20.0
    #: Sent with every request, and matched against robots.txt.
    user_agent: str = "marsad/0.1 (Arabic news monitor)"

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)
