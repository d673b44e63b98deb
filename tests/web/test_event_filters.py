"""One event filter for the API, the pages and the CLI: party by id or name, the country of
any party (location too), date prefixes."""

from __future__ import annotations

from pathlib import Path

from marsad.store import open_store
from marsad.store.events import EventQuery, count_events, query_events


def test_party_country_and_date_prefix_filters(web_db: Path) -> None:
    with open_store(web_db, readonly=True) as store:
        db = store.db
        everything = query_events(db, EventQuery())
        assert everything and count_events(db, EventQuery()) == len(everything)
        consult = next(e for e in everything if e["type"] == "CONSULT")
        assert consult["day"] == "2024-03-04" and consult["article_title"]
        # the recipient is a party; by its name as well as its id
        for who in ("per:nadia", "نادية الرامي"):
            assert consult["id"] in {e["id"] for e in query_events(db, EventQuery(party=who))}
        assert query_events(db, EventQuery(actor="per:nadia", type="consult")) == []
        # Tunisia is only the recipient's country; Morocco also the location's
        assert consult["id"] in {e["id"] for e in query_events(db, EventQuery(country="tun"))}
        assert query_events(db, EventQuery(country="EGY")) == []
        # "2024-03" takes the whole month, inclusive at both ends
        month = EventQuery(since="2024-03", until="2024-03")
        assert consult["id"] in {e["id"] for e in query_events(db, month)}
        assert consult["id"] not in {
            e["id"] for e in query_events(db, EventQuery(until="2024-03-03"))
        }


def test_api_events_actor_accepts_a_name(client) -> None:
    by_id = client.get("/api/events", params={"actor": "per:nadia"}).json()
    by_name = client.get("/api/events", params={"actor": "نادية الرامي"}).json()
    assert by_id["total"] >= 1 and by_id == by_name
