"""Sources turn paths into a stream of RawPage (or Failure, for what cannot be read)."""

from .files import detect_kind, iter_pages

__all__ = ["detect_kind", "iter_pages"]
