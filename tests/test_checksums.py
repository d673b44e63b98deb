"""File checksums: the same as hashing the bytes at once, across block boundaries."""

from __future__ import annotations

import hashlib
from pathlib import Path

from marsad.checksums import BLOCK, file_sha256, update_with_file


def test_file_sha256_matches_hashing_the_whole_file(tmp_path: Path) -> None:
    for size in (0, 1, BLOCK - 1, BLOCK, 2 * BLOCK + 17):
        path = tmp_path / f"f{size}"
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        path.write_bytes(data)
        assert file_sha256(path) == hashlib.sha256(data).hexdigest()


def test_update_with_file_continues_a_running_digest(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"weights" * 1000)
    running = hashlib.sha256(b"header")
    update_with_file(running, path)
    assert running.hexdigest() == hashlib.sha256(b"header" + b"weights" * 1000).hexdigest()
