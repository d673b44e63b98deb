"""Shared fixtures. Tests that need ../shared/data skip when it is absent, except under
CI=true, where its absence is a failure."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

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


@pytest.fixture()
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to an address outside loopback fails the test (modules that open
    sockets use it: ``pytestmark = pytest.mark.usefixtures("loopback_only")``)."""
    real = socket.create_connection

    def guarded(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        assert address[0] in ("127.0.0.1", "::1"), f"test tried to reach {address}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
