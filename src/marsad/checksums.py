"""File checksums: the data behind a trained model (its card) and the ingest fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

#: Bytes read at a time (model files are tens of MB).
BLOCK = 1 << 20


def update_with_file(digest: Any, path: Path) -> None:
    """Feed the bytes of ``path`` to a running hashlib ``digest``."""
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(BLOCK), b""):
            digest.update(block)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file at ``path``."""
    digest = hashlib.sha256()
    update_with_file(digest, path)
    return digest.hexdigest()
