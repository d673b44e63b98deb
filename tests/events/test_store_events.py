"""Events saved with their article and queried back (store) and listed by `marsad events`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from event_articles import make_article
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.events.stage import EventStage
from marsad.store import open_store
from marsad.store.events import EventQuery, query_events

SPOTS = [
    ("ألفا", "per:alpha", "PER"),
    ("بيتا", "per:beta", "PER"),
    ("دلتا", "per:delta", "PER"),
    ("الرباط", "geo:rabat", "LOC"),
]


@pytest.fixture()
def db(tmp_path: Path, stage: EventStage) -> Path:
    path = tmp_path / "t.db"
    first = make_article(["أعلنت الوزارة أن الوزير بيتا التقى نظيره ألفا بالرباط أمس."], SPOTS)
    second = make_article(["وانتقد دلتا بشدة قرار ألفا الأخير."], SPOTS)
    first.origin, second.origin = "one", "two"
    with open_store(path) as store, store.transaction():
        for art in (first, second):
            store.save_article(stage(art))
    return path


def test_store_queries_events_by_type_party_country_and_date(db: Path) -> None:
    with open_store(db, readonly=True) as store:
        assert [r["type"] for r in query_events(store.db, EventQuery(type="consult"))] == [
            "CONSULT"
        ]
        by_name = query_events(store.db, EventQuery(actor="Delta"))
        assert [(r["type"], r["recipient_id"]) for r in by_name] == [("ACCUSE", "per:alpha")]
        assert len(query_events(store.db, EventQuery(country="FRA"))) == 2
        assert query_events(store.db, EventQuery(country="EGY")) == []
        assert query_events(store.db, EventQuery(since="2020-10-16")) != []
        old = query_events(store.db, EventQuery(until="2020-10-15"))
        assert [r["evidence"] for r in old] == [
            "أعلنت الوزارة أن الوزير بيتا التقى نظيره ألفا بالرباط أمس."
        ]


def test_unchanged_article_does_not_duplicate_events(db: Path, stage: EventStage) -> None:
    again = make_article(["أعلنت الوزارة أن الوزير بيتا التقى نظيره ألفا بالرباط أمس."], SPOTS)
    again.origin = "one"
    with open_store(db) as store:
        with store.transaction():
            assert store.save_article(stage(again)).status == "unchanged"
        assert len(query_events(store.db, EventQuery())) == 2


def test_cli_events_filters_and_prints_json_lines(db: Path) -> None:
    args = ["events", "--db", str(db), "--type", "CONSULT", "--actor", "per:alpha", "--json"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["type"], r["mode"], r["location_id"]) for r in rows] == [
        ("CONSULT", "visit", "geo:rabat")
    ]


def test_cli_events_rejects_a_bad_date(db: Path) -> None:
    result = CliRunner().invoke(build_app(), ["events", "--db", str(db), "--since", "May"])
    assert result.exit_code != 0


def test_store_keeps_unnamed_party_phrases(tmp_path: Path) -> None:
    from marsad.document import Article, Event, Phrase

    art = Article(paragraphs=["هاجم مسلحون ملثمون دورية للشرطة."], origin="p")
    art.events = [
        Event(
            "ASSAULT",
            evidence_end=len(art.text),
            actor_phrase=Phrase(5, 18, "UAF"),
            recipient_phrase=Phrase(19, 31, "COP"),
        )
    ]
    with open_store(tmp_path / "p.db") as store:
        with store.transaction():
            store.save_article(art)
        (row,) = query_events(store.db, EventQuery(type="ASSAULT"))
    assert (row["actor_phrase"], row["actor_sector"]) == ("مسلحون ملثمون", "UAF")
    assert (row["recipient_phrase"], row["recipient_sector"]) == ("دورية للشرطة", "COP")
    assert row["actor_id"] is None
