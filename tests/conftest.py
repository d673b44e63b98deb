"""Shared fixtures. Tests that need ../shared/data skip when it is absent, except under
CI=true, where its absence is a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (data and the seed page)."""
    path = shared_dir()
    if not (path / "data").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {path}/data is missing; tests that read it must run")
        pytest.skip(f"{path}/data is absent")
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seed" / "000_6ae71acb8548a024.txt"
