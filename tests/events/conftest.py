"""Fixtures for the events tests."""

from __future__ import annotations

import pytest

from marsad.events.stage import EventStage
from marsad.settings import Settings


@pytest.fixture(scope="session")
def stage() -> EventStage:
    return EventStage(Settings())
