"""Linking fixtures: one gazetteer per test session (loading it takes a fraction of a second)."""

from __future__ import annotations

import re

import pytest

from marsad.document import Article, Mention
from marsad.linking.gazetteers import Gazetteer, load_gazetteer
from marsad.linking.stage import LinkingStage

_MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def linker(gazetteer: Gazetteer) -> LinkingStage:
    return LinkingStage(gazetteer)


@pytest.fixture(scope="session")
def mark() -> object:
    """The ``marked`` helper, for tests that build articles from marked-up text."""
    return marked


def marked(title: str, *paragraphs: str, place: str | None = None) -> Article:
    """An Article from text with [[name|TYPE]] marks, the marks turned into Mentions."""
    art = Article()
    art.dateline.place = place
    parts = [title, *paragraphs]
    clean = [_MARK.sub(lambda m: m.group(1), p) for p in parts]
    art.title, art.paragraphs = clean[0], clean[1:]
    offset = 0
    for raw in parts:
        shift = 0
        for m in _MARK.finditer(raw):
            start = offset + m.start() - shift
            art.mentions.append(Mention(start, start + len(m.group(1)), m.group(2)))
            shift += len(m.group(0)) - len(m.group(1))
        offset += len(_MARK.sub(lambda m: m.group(1), raw)) + 2
    return art
