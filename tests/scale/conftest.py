"""Fixtures for the scale tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_pages import build_pages

from marsad.sources.warc import write_warc


@pytest.fixture(scope="module")
def small_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "small.warc.gz"
    write_warc(path, build_pages())
    return path
