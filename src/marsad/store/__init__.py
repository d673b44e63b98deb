"""The store: the only place with SQL. SQLite by default, one writer, many readers."""

from .sqlite import IngestResult, SQLiteStore, open_store

__all__ = ["IngestResult", "SQLiteStore", "open_store"]
